"""An event card: title, text, an image slot, the choices with what each is expected to bring.
The texts are the session's: filled in with this January's figures (the player's own record).
Once a choice is taken the card turns to what the answer did, worked out from its effects, and
Enter (or any number key) goes on.

Keys 1-4 choose. H shows what actually happened (when the event's reveal timing allows it now).
In classroom mode the card keeps a vote tally: A/B/C/D add a vote to choices 1-4, digits typed
right after a letter set that choice's count, Enter takes the leading choice.
"""

from __future__ import annotations

import logging
from functools import cache

import pygame

from ...events.engine import Card
from ...events.schema import Choice, Event
from ...model import DirectiveError
from ...present.cards import REVEAL_LATER, card_text
from ...present.i18n import _
from .. import draw
from ..hints import SCROLL, Hint, hints_height, paint_hints
from ..paths import IMAGES_DIR
from ..scene import DIGIT_KEYS, Scene

log = logging.getLogger(__name__)

VOTE_KEYS = {pygame.K_a: 0, pygame.K_b: 1, pygame.K_c: 2, pygame.K_d: 3}
LETTERS = "ABCD"


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


def plain_card(event: Event) -> Card:
    """A card's texts as written, for a card shown outside its January's draw."""
    return Card(event, event.text, event.text_detailed, {choice.id: choice.forecast for choice in event.choices})


class EventCardScene(Scene):
    modal = True
    title = "event_card"

    def __init__(self, app, event: Event):
        super().__init__(app)
        self.event = event
        self.texts = self._read_card()
        self.answered: tuple[Choice, tuple[str, ...]] | None = None  # the choice taken, what it did
        self.show_history = False
        self.votes = [0] * len(event.choices)
        self.counting: int | None = None   # the choice whose count is being typed
        self.typed = ""
        self.message = ""

    def _read_card(self) -> Card:
        session = self.app.ctx.session if self.app.ctx else None
        if session is None:
            return plain_card(self.event)
        try:
            return session.card(self.event.id)
        except DirectiveError:   # no longer waiting (a screen rebuilt after the answer)
            return plain_card(self.event)

    def forecast(self, choice: Choice) -> str:
        return self.texts.forecasts.get(choice.id, choice.forecast)

    @property
    def classroom(self) -> bool:
        return self.app.settings.classroom

    # -- layout ----------------------------------------------------------------------------------
    def layout(self) -> None:
        """The card: its heading, the text (a view that scrolls) with the image slot beside it,
        and the choices, each with all of its label and forecast. When the text and the choices
        do not both fit, they go on pages of the card (PgUp/PgDn): the text first, then the
        choices (a page or more); the number keys choose on any page."""
        s = self.style
        w, h = self.size
        card_w = min(w - 2 * s.gap, max(int(w * 0.86), s.px(900)))
        card_h = h - 2 * s.gap
        self.card = pygame.Rect((w - card_w) // 2, (h - card_h) // 2, card_w, card_h)
        bh = s.button_height()
        self.history_label = _("Back to the card  [H]") if self.show_history else _("What happened?  [H]")
        button_w = s.fonts["body_bold"].size(self.history_label)[0] + 2 * (s.rule + 1 + s.px(5)) + s.px(12)
        self.head_layout = draw.top_bar_layout(s, card_w - s.gap * 3 - button_w, self.event.title, str(self._year()))
        self.head = pygame.Rect(self.card.left, self.card.top, card_w, max(self.head_layout.height, bh + s.px(10)))
        self.history_button_rect = pygame.Rect(self.head.right - s.gap - button_w, self.head.centery - bh // 2,
                                               button_w, bh)
        inner = self.card.inflate(-3 * s.gap, 0)
        inner.top = self.head.bottom + s.gap
        inner.height = self.card.bottom - inner.top - s.gap
        # Room for the longest the hints can be once the card is laid out: with its pages' hint.
        hint_h = max(hints_height(s, inner.width, self.hints() + [extra]) for extra in (SCROLL, self._pages_hint()))
        self.hint = pygame.Rect(inner.left, inner.bottom - hint_h, inner.width, hint_h)
        area = pygame.Rect(inner.left, inner.top, inner.width, self.hint.top - s.gap - inner.top)
        self.area = area
        if self.answered is not None:
            self._lay_out_answer(area)
            return
        heights = [self._choice_height(c, area.width) for c in self.event.choices]
        choices_h = sum(heights) + s.gap * (len(heights) - 1)
        # The text and the choices on one page only if the text keeps room for five lines (or all of
        # it) beside the image, with the "what happened" button: else the text and the choices take turns.
        probe_w = area.width - (min(int(area.width * 0.30), s.px(360)) + 2 * s.gap if area.width >= s.px(620) else 0)
        full_h = draw.TextView(s, [draw.Block("serif", card_text(self.texts, self.app.settings.content))],
                               probe_w - s.px(14)).height
        text_min = min(full_h, 4 * s.fonts.line("serif")) + s.gap
        self.pages: list[tuple[str, range]] = []
        if choices_h + text_min + s.gap <= area.height:
            self.pages = [("both", range(len(heights)))]
            self.choices_top = area.bottom - choices_h
            text_bottom = self.choices_top - s.gap
        else:
            self.pages = [("text", range(0))]
            for page in draw.Pager.pages([hh + s.gap for hh in heights], area.height - draw.pager_height(s)):
                self.pages.append(("choices", page))
            text_bottom = area.bottom - draw.pager_height(s) - s.gap
            self.choices_top = area.top
        self.page = min(getattr(self, "page", 0), len(self.pages) - 1)
        self.choice_heights = heights
        self.choice_rects = {}
        kind, shown = self.pages[self.page]
        y = self.choices_top
        for index in shown:
            self.choice_rects[index] = pygame.Rect(area.left, y, area.width, heights[index])
            y += heights[index] + s.gap
        text_area = pygame.Rect(area.left, area.top, area.width, text_bottom - area.top)
        image_w = min(int(area.width * 0.30), int(text_area.height * 1.3)) if area.width >= s.px(620) else 0
        if image_w and kind == "both":  # the picture only where it costs the text no lines
            with_image = draw.TextView(s, [draw.Block("serif", card_text(self.texts, self.app.settings.content))],
                                       area.width - image_w - 2 * s.gap - s.px(14))
            if not with_image.fits(text_area.height):
                image_w = 0
        self.image_rect = pygame.Rect(area.left, area.top, image_w, min(text_area.height, int(image_w * 0.8)))
        if self.image_rect.height < s.px(60):
            self.image_rect.width = 0
        text_left = self.image_rect.right + 2 * s.gap if self.image_rect.width else area.left
        self.text_rect = pygame.Rect(text_left, area.top, area.right - text_left - s.px(14), text_area.height)
        self._lay_out_text()

    def _lay_out_answer(self, area: pygame.Rect) -> None:
        """After the choice: what it did, where the text was, and one button to go on."""
        s = self.style
        bh = s.button_height()
        label = _("Continue  [Enter]")
        button_w = s.fonts["body_bold"].size(label)[0] + 2 * (s.rule + 1 + s.px(5)) + s.px(24)
        self.continue_label = label
        self.continue_rect = pygame.Rect(area.right - button_w, area.bottom - bh, button_w, bh)
        self.pages = [("answer", range(0))]
        self.page = 0
        self.choice_rects = {}
        self.image_rect = pygame.Rect(area.left, area.top, 0, 0)
        self.text_rect = pygame.Rect(area.left, area.top, area.width - s.px(14), self.continue_rect.top - s.gap - area.top)
        self._lay_out_text()

    def _answer_blocks(self) -> list[draw.Block]:
        choice, did = self.answered
        blocks = [draw.Block("small_bold", _("Your answer"), "muted", 0),
                  draw.Block("body_bold", choice.label, "ink", 0.1)]
        if self.forecast(choice):
            blocks.append(draw.Block("italic", _("Expected: {forecast}").format(forecast=self.forecast(choice)),
                                     "muted", 0.1))
        blocks.append(draw.Block("h3", _("What your answer did"), "red", 0.8))
        if not did:
            return blocks + [draw.Block("body", _("Nothing the model measures: the answer is on the record."))]
        return blocks + [draw.Block("body", f"\u2013 {line}", "ink", 0.2) for line in did]

    def _year(self) -> int | str:
        return self.app.ctx.year if self.app.ctx else ""

    def _choice_height(self, choice, width: int) -> int:
        s = self.style
        key_w = s.button_height() + s.px(8)
        tally_w = s.px(90) if self.classroom else 0
        text_w = width - key_w - s.gap - tally_w
        label, forecast = s.fonts["body_bold"], s.fonts["italic"]
        text_h = draw.text_height(label, choice.label, text_w) + draw.text_height(forecast, self.forecast(choice), text_w)
        return max(s.button_height(), text_h + s.px(10), s.px(60) if self.classroom else 0)

    def _lay_out_text(self) -> None:
        s = self.style
        if self.show_history:
            blocks = self._history_blocks()
        elif self.answered is not None:
            blocks = self._answer_blocks()
        else:
            blocks = [draw.Block("serif", card_text(self.texts, self.app.settings.content))]
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
        for index, rect in self.choice_rects.items():
            choice = self.event.choices[index]
            key_rect = pygame.Rect(rect.left, rect.top, s.button_height(), min(rect.height, s.button_height()))
            self.button(f"choice:{choice.id}", key_rect, str(index + 1), lambda i=index: self.choose(i),
                        object_id="#key")
        if self.answered is not None:
            self.button("continue", self.continue_rect, self.continue_label, self.go_on)
            self.focus_key = "continue"
        self.button("history", self.history_button_rect, self.history_label, self.toggle_history, object_id="#quiet",
                    tooltip=_("What actually happened, with sources") if not self.show_history else None)
        if self.focus_key is None and self.items:
            self.focus_key = self.items[0].key

    # -- painting --------------------------------------------------------------------------------
    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        p = s.palette
        draw.box(canvas, s, self.card, border=s.rule + 1)
        pygame.draw.rect(canvas, p.red, self.head)
        draw.region(canvas, self.head)
        y = self.head.top + s.px(6) if len(self.head_layout.rows) > 1 else None
        year_right = self.history_button_rect.left - s.gap
        for row in self.head_layout.rows:
            line_h = max(f.get_linesize() for _w, f, _c, _a in row)
            for words, font, _colour, align in row:
                if y is None:
                    pos = (self.head.left + s.gap * 2, self.head.centery) if align == "left" else \
                        (year_right, self.head.centery)
                    draw.text(canvas, font, words, pos, p.on_dark, "midleft" if align == "left" else "midright")
                else:
                    draw.text(canvas, font, words, (self.head.left + s.gap * 2, y), p.on_dark)
            if y is not None:
                y += line_h
        kind, _shown = self.pages[self.page]
        if kind != "choices":
            if self.image_rect.width:
                image = event_image(self.event.image, self.image_rect.size)
                if image is not None:
                    pygame.draw.rect(canvas, p.ink, self.image_rect)
                    canvas.blit(image, image.get_rect(center=self.image_rect.center))
                else:
                    draw.placeholder_pattern(canvas, self.image_rect, p, self.event.id)
            self.view.draw(canvas, self.text_rect)
        for index, rect in self.choice_rects.items():
            self._paint_choice(canvas, index, self.event.choices[index], rect)
        if len(self.pages) > 1:
            cue = pygame.Rect(self.area.left, self.area.bottom - draw.pager_height(s), self.area.width,
                              draw.pager_height(s))
            draw.page_cue(canvas, s, cue, self.page, len(self.pages))
        if self.message:
            draw.label(canvas, [s.fonts["small"]], self.message, self.hint, p.red)
        else:
            paint_hints(canvas, s, self.hint, self.hints())

    @staticmethod
    def _pages_hint() -> Hint:
        return Hint("PgUp/PgDn", _("the card's text and its choices"), "scroll")

    def hints(self) -> list[Hint]:
        n = len(self.event.choices)
        if self.answered is not None:
            return [Hint("Enter", _("continue"), "continue"), Hint("H", _("what happened"), "toggle"),
                    Hint("Esc", _("menu"), "menu")]
        if self.classroom and self.counting is not None:  # the digits type the count of a letter's votes
            letter = LETTERS[self.counting]
            return [Hint("0-9", _("the count for {letter}").format(letter=letter), "count"),
                    Hint(f"A-{LETTERS[n - 1]}", _("a vote"), "vote"),
                    Hint("Enter", _("the leading choice"), "take_leading"),
                    Hint("Esc", _("done counting"), "count_done")]
        hints = [Hint(f"1-{n}", _("choose"), "choose")]
        if self.classroom:
            hints += [Hint(f"A-{LETTERS[n - 1]}", _("a vote (then digits: a count)"), "vote"),
                      Hint("Enter", _("the leading choice"), "take_leading")]
        hints.append(Hint("H", _("what happened"), "toggle"))
        if len(getattr(self, "pages", ())) > 1:
            hints.append(self._pages_hint())
        elif getattr(self, "view", None) is not None and not self.view.fits(self.text_rect.height):
            hints.append(SCROLL)
        return hints + [Hint("Esc", _("menu"), "menu")]

    def _paint_choice(self, canvas: pygame.Surface, index: int, choice, rect: pygame.Rect) -> None:
        s = self.style
        p = s.palette
        pygame.draw.rect(canvas, p.paper, rect)
        draw.region(canvas, rect)
        pygame.draw.line(canvas, p.ink, rect.topleft, rect.topright, 1)
        key_w = s.button_height() + s.px(8)
        tally_w = s.px(90) if self.classroom else 0
        text = pygame.Rect(rect.left + key_w, rect.top + s.px(4), rect.width - key_w - tally_w - s.gap,
                           rect.height - s.px(6))
        label, forecast = s.fonts["body_bold"], s.fonts["italic"]
        label_h = draw.text_height(label, choice.label, text.width)
        draw.paragraph(canvas, label, choice.label, pygame.Rect(text.left, text.top, text.width, label_h), p.ink)
        forecast_h = draw.text_height(forecast, self.forecast(choice), text.width)
        draw.paragraph(canvas, forecast, self.forecast(choice),
                       pygame.Rect(text.left, text.top + label_h, text.width, forecast_h), p.muted)
        if self.classroom:
            self._paint_tally(canvas, index, pygame.Rect(rect.right - tally_w, rect.top + s.px(4), tally_w,
                                                         rect.height - s.px(8)))

    def _paint_tally(self, canvas: pygame.Surface, index: int, rect: pygame.Rect) -> None:
        s = self.style
        p = s.palette
        total = max(1, sum(self.votes))
        leading = self.votes[index] == max(self.votes) and self.votes[index] > 0
        colour = p.red if leading else p.ink
        font = draw.fitting([s.fonts["h2"], s.fonts["h3"]], f"{LETTERS[index]} {self.votes[index]}", rect.width) \
            or s.fonts["body_bold"]
        draw.text(canvas, font, f"{LETTERS[index]} {self.votes[index]}", (rect.right, rect.top), colour, "topright")
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
        if self.answered is not None:
            if key in (pygame.K_RETURN, pygame.K_KP_ENTER):   # Space: the focused button, as clicked
                self.go_on()
                return True
            return key in VOTE_KEYS   # no more votes on an answered card
        if self.classroom and key in VOTE_KEYS and VOTE_KEYS[key] < len(self.votes):
            self.vote(VOTE_KEYS[key])
            return True
        if self.classroom and self.counting is not None and key in DIGIT_KEYS:
            self.typed = (self.typed + str(DIGIT_KEYS[key]))[-4:]
            self.votes[self.counting] = int(self.typed)
            self._show_choice(self.counting)
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
        if self.answered is not None:
            self.go_on()
            return True
        if 1 <= number <= len(self.event.choices):
            self.choose(number - 1)
            return True
        return False

    def on_mouse(self, event: pygame.event.Event) -> bool:
        """A click anywhere on a choice (its label, its forecast, its tally) chooses it, as its key
        button does; in classroom mode a click on a choice adds a vote to it instead."""
        if getattr(event, "button", 1) != 1:
            return False
        for index, rect in self.choice_rects.items():
            key_w = self.style.button_height() + self.style.px(8)
            text_part = pygame.Rect(rect.left + key_w, rect.top, rect.width - key_w, rect.height)
            if text_part.collidepoint(event.pos):
                self.focus(f"choice:{self.event.choices[index].id}")
                if self.classroom:
                    self.vote(index)
                else:
                    self.choose(index)
                return True
        return False

    def on_scroll(self, lines: int) -> bool:
        """PgUp/PgDn: the card's pages (text, then the choices) or, on one page, its text."""
        if len(self.pages) > 1:
            before = self.page
            self.page = max(0, min(len(self.pages) - 1, self.page + (1 if lines > 0 else -1)))
            if self.page != before:
                self.focus_key = None
                self.relayout()
                return True
            if self.pages[self.page][0] == "choices":
                return False
        return self.scroll_text(lines)

    def vote(self, index: int) -> None:
        if self.counting == index:
            self.votes[index] += 1
        else:
            self.counting, self.typed = index, ""
            self.votes[index] += 1
        self.message = ""
        self._show_choice(index)

    def _show_choice(self, index: int) -> None:
        """The page with that choice's tally, when the card's text and choices take turns."""
        page = next((number for number, (_kind, shown) in enumerate(self.pages) if index in shown), self.page)
        if page != self.page:
            self.page = page
            self.relayout()
        else:
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

        if self.answered is not None:
            self.go_on()
            return
        choice = self.event.choices[index]
        session = self.app.ctx.session
        session.choose(self.event.id, choice.id)
        problem = saving.after_command(self.app.ctx, played_year=False)
        if problem:
            self.app.notices.append(problem)
        self.answered = (choice, session.events[-1].aftermath)
        self.show_history = False
        self.message = ""
        self.focus_key = None
        self.relayout()

    def go_on(self) -> None:
        """From what the answer did to the next card or the year."""
        self.app.pop()

    def back(self) -> None:
        from .menu import MenuScene

        self.app.push(MenuScene(self.app))
