"""An event card: title, text, an image slot, the choices with what each is expected to bring.

Keys 1-4 choose. H shows what actually happened (when the event's reveal timing allows it now).
In classroom mode the card keeps a vote tally: A/B/C/D add a vote to choices 1-4, digits typed
right after a letter set that choice's count, Enter takes the leading choice.
"""

from __future__ import annotations

import logging
from functools import cache

import pygame

from ...events.schema import Event
from .. import draw
from ..i18n import _
from ..paths import IMAGES_DIR
from ..scene import DIGIT_KEYS, Scene

log = logging.getLogger(__name__)

VOTE_KEYS = {pygame.K_a: 0, pygame.K_b: 1, pygame.K_c: 2, pygame.K_d: 3}
LETTERS = "ABCD"
REVEAL_LATER = {
    "end_of_plan": "What actually happened is revealed at the end of the plan.",
    "debrief": "What actually happened is revealed in the debrief, at the end of the game.",
}


@cache
def _image_file(name: str) -> pygame.Surface | None:
    path = IMAGES_DIR / name
    try:
        return pygame.image.load(path).convert()
    except (FileNotFoundError, pygame.error, OSError) as exc:
        log.warning("event image %s could not be loaded (%s); drawing the pattern instead", path, exc)
        return None


def event_image(name: str | None, size: tuple[int, int]) -> pygame.Surface | None:
    """The card's picture scaled to fit `size`, or None (the slot then shows the pattern)."""
    if not name or not pygame.display.get_surface():
        return None
    image = _image_file(name)
    if image is None:
        return None
    scale = min(size[0] / image.get_width(), size[1] / image.get_height())
    return pygame.transform.smoothscale(image, (max(1, int(image.get_width() * scale)),
                                                max(1, int(image.get_height() * scale))))


def card_text(event: Event, content: str) -> str:
    if content == "detailed" and event.text_detailed:
        return event.text_detailed
    return event.text


class EventCardScene(Scene):
    modal = True
    title = "event_card"

    def __init__(self, app, event: Event):
        super().__init__(app)
        self.event = event
        self.show_history = False
        self.votes = [0] * len(event.choices)
        self.counting: int | None = None   # the choice whose count is being typed
        self.typed = ""
        self.message = ""

    @property
    def classroom(self) -> bool:
        return self.app.settings.classroom

    # -- layout ----------------------------------------------------------------------------------
    def layout(self) -> None:
        s = self.style
        w, h = self.size
        card_w = min(w - 2 * s.gap, max(int(w * 0.86), s.px(900)))
        card_h = h - 2 * s.gap
        self.card = pygame.Rect((w - card_w) // 2, (h - card_h) // 2, card_w, card_h)
        self.head = pygame.Rect(self.card.left, self.card.top, card_w, s.fonts.line("h2") + s.px(16))
        inner = self.card.inflate(-3 * s.gap, 0)
        inner.top = self.head.bottom + s.gap
        inner.height = self.card.bottom - inner.top - s.gap
        hint_h = s.fonts.line("small") + s.px(4)
        self.hint = pygame.Rect(inner.left, inner.bottom - hint_h, inner.width, hint_h)
        self.choice_rects = self._choice_rects(inner, self.hint.top - s.gap)
        top_area_bottom = (self.choice_rects[0].top if self.choice_rects else self.hint.top) - s.gap
        image_w = min(int(inner.width * 0.30), int((top_area_bottom - inner.top) * 1.3))
        self.image_rect = pygame.Rect(inner.left, inner.top, image_w, min(top_area_bottom - inner.top,
                                                                          int(image_w * 0.8)))
        text_left = self.image_rect.right + 2 * s.gap
        self.text_rect = pygame.Rect(text_left, inner.top, inner.right - text_left - s.px(12),
                                     top_area_bottom - inner.top)
        self.history_button_rect = pygame.Rect(inner.left, self.image_rect.bottom + s.gap, image_w,
                                               s.button_height())
        if self.history_button_rect.bottom > top_area_bottom:
            self.history_button_rect.height = 0
        self._lay_out_text()

    def _choice_rects(self, inner: pygame.Rect, bottom: int) -> list[pygame.Rect]:
        """Each choice gets the lines its label and forecast need, within half the card."""
        s = self.style
        key_w = s.button_height() + s.px(8)
        tally_w = s.px(120) if self.classroom else 0
        text_w = inner.width - key_w - s.gap - tally_w
        label, forecast = s.fonts["body_bold"], s.fonts["italic"]
        wanted = [draw.text_height(label, c.label, text_w) + draw.text_height(forecast, c.forecast, text_w)
                  + s.px(10) for c in self.event.choices]
        budget = int((bottom - inner.top) * 0.58) - s.gap * len(wanted)
        floor = label.get_linesize() + forecast.get_linesize() + s.px(10)
        heights = [max(floor, min(h, budget // max(1, len(wanted)))) if sum(wanted) > budget else h
                   for h in wanted]
        rects = []
        y = bottom - sum(heights) - s.gap * (len(heights) - 1)
        for height in heights:
            rects.append(pygame.Rect(inner.left, y, inner.width, height))
            y += height + s.gap
        return rects

    def _lay_out_text(self) -> None:
        s = self.style
        if self.show_history:
            blocks = self._history_blocks()
        else:
            blocks = [draw.Block("serif", card_text(self.event, self.app.settings.content))]
        self.view = draw.TextView(s, blocks, self.text_rect.width)

    def _history_blocks(self) -> list[draw.Block]:
        history = self.event.history
        blocks = [draw.Block("h3", _("What actually happened"), "red", 0)]
        if history is None:
            return blocks + [draw.Block("body", _("The scenario gives no historical note for this event."))]
        blocks.append(draw.Block("serif", history.text))
        blocks.append(draw.Block("small_bold", _("Sources"), "muted", 0.8))
        blocks += [draw.Block("small", f"– {source}", "muted", 0.1) for source in history.sources]
        return blocks

    def build(self) -> None:
        s = self.style
        for index, (choice, rect) in enumerate(zip(self.event.choices, self.choice_rects, strict=True)):
            key_rect = pygame.Rect(rect.left, rect.top, s.button_height(), min(rect.height, s.button_height()))
            self.button(f"choice:{choice.id}", key_rect, str(index + 1), lambda i=index: self.choose(i),
                        object_id="#key", tooltip=choice.label)
        if self.history_button_rect.height:
            label = _("Back to the card  [H]") if self.show_history else _("What happened?  [H]")
            self.button("history", self.history_button_rect, label, self.toggle_history, object_id="#quiet",
                        tooltip=_("What actually happened, with sources"))
        if self.focus_key is None and self.items:
            self.focus_key = self.items[0].key

    # -- painting --------------------------------------------------------------------------------
    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        pygame.draw.rect(canvas, p.panel, self.card)
        pygame.draw.rect(canvas, p.ink, self.card, s.rule + 1)
        pygame.draw.rect(canvas, p.red, self.head)
        year = self.app.ctx.year if self.app.ctx else ""
        draw.text(canvas, s.fonts["h2"], self.event.title, (self.head.left + s.gap * 2, self.head.centery), p.on_dark,
                  "midleft", width=self.head.width - s.px(140))
        draw.text(canvas, s.fonts["h3"], str(year), (self.head.right - s.gap * 2, self.head.centery), p.on_dark,
                  "midright")
        image = event_image(self.event.image, self.image_rect.size)
        if image is not None:
            pygame.draw.rect(canvas, p.ink, self.image_rect)
            canvas.blit(image, image.get_rect(center=self.image_rect.center))
        else:
            draw.placeholder_pattern(canvas, self.image_rect, p, self.event.id)
        self.view.draw(canvas, self.text_rect)
        for index, (choice, rect) in enumerate(zip(self.event.choices, self.choice_rects, strict=True)):
            self._paint_choice(canvas, index, choice, rect)
        hint = (_("1-{n}: choose   A-D: add a vote (digits after a letter: the count)   Enter: take the leading "
                  "choice   H: what happened   PgUp/PgDn: scroll")
                if self.classroom else _("1-{n}: choose   H: what actually happened   PgUp/PgDn: scroll   "
                                         "Esc: menu"))
        draw.text(canvas, s.fonts["small"], self.message or hint.format(n=len(self.event.choices)),
                  self.hint.midleft, p.red if self.message else p.muted, "midleft", width=self.hint.width)

    def _paint_choice(self, canvas: pygame.Surface, index: int, choice, rect: pygame.Rect) -> None:
        s = self.style
        p = s.palette
        pygame.draw.rect(canvas, p.paper, rect)
        pygame.draw.line(canvas, p.ink, rect.topleft, rect.topright, 1)
        key_w = s.button_height() + s.px(8)
        tally_w = s.px(120) if self.classroom else 0
        text = pygame.Rect(rect.left + key_w, rect.top + s.px(4), rect.width - key_w - tally_w - s.gap,
                           rect.height - s.px(6))
        label, forecast = s.fonts["body_bold"], s.fonts["italic"]
        label_h = min(draw.text_height(label, choice.label, text.width), text.height - forecast.get_linesize())
        draw.paragraph(canvas, label, choice.label, pygame.Rect(text.left, text.top, text.width, label_h), p.ink)
        draw.paragraph(canvas, forecast, choice.forecast,
                       pygame.Rect(text.left, text.top + label_h, text.width, text.bottom - text.top - label_h),
                       p.muted)
        if self.classroom:
            self._paint_tally(canvas, index, pygame.Rect(rect.right - tally_w, rect.top + s.px(4), tally_w,
                                                         rect.height - s.px(8)))

    def _paint_tally(self, canvas: pygame.Surface, index: int, rect: pygame.Rect) -> None:
        s = self.style
        p = s.palette
        total = max(1, sum(self.votes))
        leading = self.votes[index] == max(self.votes) and self.votes[index] > 0
        colour = p.red if leading else p.ink
        draw.text(canvas, s.fonts["h2"], f"{LETTERS[index]} {self.votes[index]}", (rect.right, rect.top), colour,
                  "topright")
        bar = pygame.Rect(rect.left, rect.bottom - s.px(10), rect.width, s.px(8))
        draw.progress_bar(canvas, s, bar, self.votes[index] / total)
        if self.counting == index:
            pygame.draw.rect(canvas, p.ochre, rect.inflate(s.px(6), s.px(6)), s.px(3))

    # -- input -----------------------------------------------------------------------------------
    def on_key(self, event: pygame.event.Event) -> bool:
        key = event.key
        if key == pygame.K_h:
            self.toggle_history()
            return True
        if self.classroom and key in VOTE_KEYS and VOTE_KEYS[key] < len(self.votes):
            self.vote(VOTE_KEYS[key])
            return True
        if self.classroom and self.counting is not None and key in DIGIT_KEYS:
            self.typed = (self.typed + str(DIGIT_KEYS[key]))[-4:]
            self.votes[self.counting] = int(self.typed)
            self.refresh()
            return True
        if self.classroom and key in (pygame.K_RETURN, pygame.K_KP_ENTER) and sum(self.votes) > 0:
            self.take_leading()
            return True
        if key == pygame.K_ESCAPE and self.counting is not None:
            self.counting, self.typed = None, ""
            self.refresh()
            return True
        return False

    def on_number(self, number: int) -> bool:
        if 1 <= number <= len(self.event.choices):
            self.choose(number - 1)
            return True
        return False

    def on_mouse(self, event: pygame.event.Event) -> bool:
        if getattr(event, "button", 1) != 1:
            return False
        for index, rect in enumerate(self.choice_rects):
            text_part = rect.copy()
            text_part.left += self.style.button_height() + self.style.px(8)
            text_part.width -= self.style.button_height() + self.style.px(8)
            if text_part.collidepoint(event.pos):
                self.focus(f"choice:{self.event.choices[index].id}")
                return True
        return False

    def on_scroll(self, lines: int) -> bool:
        if self.view.scroll_by(lines * self.style.fonts.line("serif"), self.text_rect.height):
            self.refresh()
        return True

    def vote(self, index: int) -> None:
        if self.counting == index:
            self.votes[index] += 1
        else:
            self.counting, self.typed = index, ""
            self.votes[index] += 1
        self.message = ""
        self.refresh()

    def take_leading(self) -> None:
        best = max(self.votes)
        leaders = [i for i, v in enumerate(self.votes) if v == best]
        if len(leaders) > 1:
            self.message = _("A tie between {choices}: press a number to decide.").format(
                choices=", ".join(LETTERS[i] for i in leaders))
            self.refresh()
            return
        self.choose(leaders[0])

    def toggle_history(self) -> None:
        if self.event.reveal != "immediately":
            self.message = _(REVEAL_LATER[self.event.reveal])
            self.refresh()
            return
        self.show_history = not self.show_history
        self.relayout()

    def choose(self, index: int) -> None:
        from .. import saving

        choice = self.event.choices[index]
        self.app.ctx.session.choose(self.event.id, choice.id)
        problem = saving.after_command(self.app.ctx, played_year=False)
        if problem:
            self.app.notices.append(problem)
        self.app.pop()

    def back(self) -> None:
        from .menu import MenuScene

        self.app.push(MenuScene(self.app))
