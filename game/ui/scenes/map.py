"""The map: where it happened. The twelve regions in their borders of 1933, coloured by one
figure of a year of your game, each with its number printed and history's beside it in brackets.

Keys: 1-5 the figure, Left/Right the year, Up/Down (or the mouse) the region, H colours by
history's game instead of yours, T the regions as a table, Enter (or a click) the region's page
(its figures, what happened there in history, the historians' readings, the sources, the cards
the player met), Esc back. A narrow window gets one button for the figure and the region in a
line under the map; a window too low for a readable map gets the table. The drawn map is kept
per figure, year and size: a frame only blits it and outlines the region in focus. What is shown
comes from game/debrief/regional_map.py, which the printed debrief reads too, and what it
says from game/present/map_view.py, which the browser's map reads too.
"""

from __future__ import annotations

import re

import pygame

from ...debrief import regional_map as rm
from ...debrief.map_labels import place_labels
from ...present import map_view as mv
from ...present.i18n import _
from .. import draw
from ..hints import Hint, hints_height, paint_hints
from ..scene import Scene

GREY_LAND = (214, 208, 192)
SEA = (203, 214, 222)
YOURS, HISTORY = mv.YOURS, mv.HISTORY
# Where a sentence (or a "; " part) ends: not after "et al." or an initial ("R.W. Davies").
SENTENCE_END = re.compile(r"(?<=[.;!?])(?<!\bal\.)(?<!\b[A-Z]\.)\s+")


class MapScene(Scene):
    modal = True
    title = "map"

    def __init__(self, app, year: int | None = None, mode: str = "famine"):
        super().__init__(app)
        ctx = app.ctx
        self.spec = ctx.scenario.map
        session = ctx.session
        self.game = mv.game_regions(session)
        self.history = mv.history_regions()   # history's course, whatever the scenario: the same years
        self.figures = mv.MapFigures(self.spec, self.game, self.history)
        self.names = rm.region_names(ctx.scenario)
        self.mode = mode
        self.colours_of = YOURS
        self.years = list(self.game.years)
        self.brevity = 0
        self.compact = False
        self.table_chosen = False     # T: the regions as a table instead of the map
        self.as_table = False
        self.year = year if year in self.years else mv.worst_famine_year(self.game)
        self.region = "ukraine" if "ukraine" in self.spec.regions else next(iter(self.spec.regions))
        self._cache: dict[tuple, tuple[pygame.Surface, pygame.Surface, dict]] = {}

    # -- data ------------------------------------------------------------------------------------
    def shown_game(self) -> rm.GameRegions:
        return self.figures.shown(self.colours_of)

    def label_lines(self, region: str) -> tuple[str, str]:
        """The number printed on the region (the shown game's) and history's or yours beside it
        (a narrow window: in the line below the map)."""
        return self.figures.label_lines(self.mode, region, self.year, self.colours_of, beside=not self.compact)

    def figure(self, game: rm.GameRegions, mode: str, region: str) -> float | None:
        """A region's figure this year."""
        return self.figures.figure(game, mode, region, self.year)

    # -- layout ----------------------------------------------------------------------------------
    def heading(self) -> str:
        return mv.heading(self.mode, self.year, self.colours_of)

    def layout(self) -> None:
        s = self.style
        w, h = self.size
        self.box = pygame.Rect(s.gap, s.gap, w - 2 * s.gap, h - 2 * s.gap)
        bar = draw.panel_bar_height(s, self.heading(), self.box.width)
        inner = pygame.Rect(self.box.left + s.gap, self.box.top + bar + s.gap, self.box.width - 2 * s.gap,
                            self.box.height - bar - 2 * s.gap)
        # Room for the longest hint line (with T, which a window too low for the map leaves out):
        # the line's height must not decide whether the map fits.
        hint_h = hints_height(s, inner.width, self.hints(every_key=True))
        self.hint_rect = pygame.Rect(inner.left, inner.bottom - hint_h, inner.width, hint_h)
        bh = s.button_height()
        # A narrow window (or large type): one button for the figure, the map across the width and
        # the region in a line under it; its figures are on its page (Enter).
        self.compact = w / s.scale < 1000
        if self.compact:
            self.mode_labels = [_("{figure}  [1-{n}]").format(figure=_(rm.BY_ID[self.mode].label),
                                                                      n=len(rm.MODES))]
            row = self.button_row(pygame.Rect(inner.left, inner.top, inner.width, bh), 3)
            self.mode_rects, self.history_rect, self.read_rect = row[:1], row[1], row[2]
            top = max(r.bottom for r in row) + s.gap
            map_w = inner.width
            self.side = None
            strip_h = s.fonts["small_bold"].get_linesize() + s.px(2)
        else:
            self.mode_labels = [f"{i + 1} {_(m.label)}" for i, m in enumerate(rm.MODES)]
            self.mode_rects = self.button_grid_rects(pygame.Rect(inner.left, inner.top, inner.width, bh),
                                                     self.mode_labels)
            top = max(r.bottom for r in self.mode_rects) + s.gap
            side_w = max(s.px(280), int(inner.width * 0.3))
            self.side = pygame.Rect(inner.right - side_w, top, side_w, self.hint_rect.top - s.gap - top)
            map_w = inner.width - side_w - s.gap
            bw = min(s.px(200), side_w // 2 - s.gap // 2)
            self.history_rect = pygame.Rect(self.side.left, self.side.bottom - bh, bw, bh)
            self.read_rect = pygame.Rect(self.side.right - bw, self.side.bottom - bh, bw, bh)
            strip_h = 0
        small = s.fonts["small"]
        self.scale_w = min(int(map_w * 0.55), s.px(400)) // len(rm.SCALE) * len(rm.SCALE)
        room = self.hint_rect.top - s.gap - top - s.gap // 2 - strip_h
        # The legend in full where the map keeps most of the height; shorter on a low window.
        for brevity in range(3):
            legend, caption = self.legend_texts(brevity)
            self.key_h = max(s.px(16) + small.get_linesize(),
                             draw.text_height(small, legend, map_w - self.scale_w - s.gap))
            legend_h = self.key_h + (s.px(2) + draw.text_height(small, caption, map_w) if caption else 0)
            if room - legend_h >= 0.6 * room:
                break
        self.brevity = brevity
        self.map_rect = pygame.Rect(inner.left, top, map_w, max(s.px(60), room - legend_h))
        # Too low a window for a map a projector can read: the regions as a table (T at any size).
        self.as_table = self.table_chosen or self.map_rect.height < s.px(230)
        self.legend_rect = pygame.Rect(inner.left, self.map_rect.bottom + s.gap // 2, map_w, legend_h)
        self.strip_rect = pygame.Rect(inner.left, self.legend_rect.bottom, map_w, strip_h)

    def history_label(self) -> str:
        return _("Your game  [H]") if self.colours_of == HISTORY else _("History's  [H]")

    def read_label(self) -> str:
        return _("Its history  [Enter]")

    def build(self) -> None:
        if self.compact:
            self.button("mode", self.mode_rects[0], self.mode_labels[0], self.next_mode, object_id="#primary")
        else:
            for mode, label, rect in zip(rm.MODES, self.mode_labels, self.mode_rects, strict=True):
                self.button(f"mode:{mode.id}", rect, label, lambda m=mode.id: self.show(mode=m),
                            object_id="#primary" if mode.id == self.mode else "#quiet")
        self.button("history", self.history_rect, self.history_label(), self.toggle_history,
                    enabled=self.history is not None, object_id="#quiet")
        self.button("read", self.read_rect, self.read_label(), self.read_region, object_id="#primary")
        if self.focus_key is None or (self.compact and self.focus_key.startswith("mode:")):
            self.focus_key = "mode" if self.compact else f"mode:{self.mode}"

    # -- the drawn map, cached -------------------------------------------------------------------
    def drawn(self) -> tuple[pygame.Surface, pygame.Surface, dict]:
        """The map for the figure, year, colours and size: its picture, a mask of the regions
        (each painted in its index, for the pointer), and each region's rings on screen."""
        key = (self.mode, self.year, self.colours_of, self.map_rect.size, self.style.scale, self.style.high_contrast)
        if key not in self._cache:
            if len(self._cache) >= 6:    # a map is drawn in about 15 ms; six at 1080p hold 50 MB
                self._cache.pop(next(iter(self._cache)))
            self._cache[key] = self._draw_map()
        return self._cache[key]

    def _draw_map(self):
        s = self.style
        p = s.palette
        rect = self.map_rect
        pad = s.px(10)
        projected = self.spec.projected
        boxes = {region: self._label_box(region) for region in projected.regions}
        # Regions too small for their figure have it in a column on the left, joined by a line.
        column_w = max((b.width for r, b in boxes.items() if projected.regions[r].anchor), default=0)
        column_w += s.px(24) if column_w else 0
        scale, _dx, dy = projected.fit(rect.width - 2 * pad - column_w, rect.height - 2 * pad)
        x0, _y0, x1, _y1 = projected.bounds
        # The column and the map side by side, the two together centred.
        left = (rect.width - column_w - scale * (x1 - x0)) / 2 + column_w

        def screen(pt):
            return (round(left + scale * (pt[0] - x0)), round(pad + dy - scale * pt[1]))

        picture = pygame.Surface(rect.size)
        picture.fill(SEA if not s.high_contrast else p.paper)
        mask = pygame.Surface(rect.size)
        mask.fill((255, 255, 255))
        for ring in projected.neighbours:
            points = [screen(pt) for pt in ring]
            pygame.draw.polygon(picture, GREY_LAND if not s.high_contrast else p.panel, points)
            pygame.draw.polygon(picture, p.rule, points, 1)
        shown = self.shown_game()
        rings = {}
        for index, (region, shape) in enumerate(projected.regions.items()):
            v = self.figure(shown, self.mode, region)
            fill = rm.SCALE[rm.colour_step(self.mode, v)] if v is not None else p.panel
            rings[region] = [[screen(pt) for pt in ring] for ring in shape.rings]
            for points in rings[region]:
                pygame.draw.polygon(picture, fill, points)
                pygame.draw.polygon(mask, (index, 0, 0), points)
        for points in (pts for region_rings in rings.values() for pts in region_rings):
            pygame.draw.polygon(picture, p.ink, points, max(1, s.rule // 2))
        placed = self._place_labels(boxes, {r: screen(sh.label) for r, sh in projected.regions.items()},
                                    {r: screen(sh.anchor) for r, sh in projected.regions.items() if sh.anchor},
                                    round(left - column_w / 2 - s.px(6)), picture.get_rect())
        for region, box in placed.items():
            anchor = projected.regions[region].anchor
            self._paint_label(picture, region, box, screen(anchor) if anchor else None)
        return picture, mask, {"rings": rings, "labels": placed}

    def _label_box(self, region: str) -> pygame.Rect:
        s = self.style
        first, second = self.label_lines(region)
        bold, small = s.fonts["small_bold"], s.fonts["small"]
        w = max(bold.size(first)[0], small.size(second)[0] if second else 0) + s.px(8)
        return pygame.Rect(0, 0, w, bold.get_linesize() + (small.get_linesize() if second else 0) + s.px(2))

    def _place_labels(self, boxes, at, anchors, column_x, bounds: pygame.Rect) -> dict[str, pygame.Rect]:
        placed = place_labels({r: b.size for r, b in boxes.items()}, at, anchors, column_x, tuple(bounds),
                              self.style.px(4))
        return {region: pygame.Rect(box) for region, box in placed.items()}

    def _paint_label(self, surface, region: str, box: pygame.Rect, anchor) -> None:
        s = self.style
        p = s.palette
        first, second = self.label_lines(region)
        bold, small = s.fonts["small_bold"], s.fonts["small"]
        if anchor is not None:
            pygame.draw.line(surface, p.ink, (box.right, box.centery), anchor, max(1, s.rule // 2))
            pygame.draw.circle(surface, p.ink, anchor, max(2, s.px(3)))
        pygame.draw.rect(surface, p.panel, box, border_radius=s.px(3))
        pygame.draw.rect(surface, p.ink, box, 1, border_radius=s.px(3))
        draw.text(surface, bold, first, (box.centerx, box.top + s.px(1)), p.ink, "midtop")
        if second:
            draw.text(surface, small, second, (box.centerx, box.top + s.px(1) + bold.get_linesize()), p.muted,
                      "midtop")

    # -- painting --------------------------------------------------------------------------------
    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        draw.panel(canvas, s, self.box, self.heading(), accent=True)
        if self.as_table:
            self._paint_table(canvas)
        else:
            self._paint_map(canvas)
        self._paint_legend(canvas)
        if self.side is not None:
            self._paint_side(canvas)
        else:
            self._paint_strip(canvas)
        paint_hints(canvas, s, self.hint_rect, self.hints())

    def _paint_map(self, canvas) -> None:
        s = self.style
        p = s.palette
        picture, _mask, shapes = self.drawn()
        canvas.blit(picture, self.map_rect.topleft)
        draw.region(canvas, self.map_rect)
        pygame.draw.rect(canvas, p.ink, self.map_rect, 1)
        for points in shapes["rings"][self.region]:
            moved = [(x + self.map_rect.left, y + self.map_rect.top) for x, y in points]
            pygame.draw.polygon(canvas, p.ochre, moved, max(3, s.px(4)))
            pygame.draw.polygon(canvas, p.ink, moved, 1)
        label = shapes["labels"][self.region].move(self.map_rect.topleft)
        pygame.draw.rect(canvas, p.ochre, label.inflate(s.px(4), s.px(4)), max(2, s.px(3)), border_radius=s.px(4))

    def table_rows(self) -> list[tuple[str, pygame.Rect]]:
        """The regions as rows of the table: two columns of six where the room is wide."""
        ids = list(self.spec.regions)
        columns = 2 if self.map_rect.width >= self.style.px(560) else 1
        per_column = -(-len(ids) // columns)
        w = self.map_rect.width // columns
        h = max(1, min(self.style.px(34), self.map_rect.height // per_column))
        return [(region, pygame.Rect(self.map_rect.left + (i // per_column) * w,
                                     self.map_rect.top + (i % per_column) * h, w, h)) for i, region in enumerate(ids)]

    def _paint_table(self, canvas) -> None:
        s = self.style
        p = s.palette
        draw.box(canvas, s, self.map_rect, border=1)
        shown = self.shown_game()
        fonts = [s.fonts["small_bold"], s.fonts["small"]]
        for region, row in self.table_rows():
            v = self.figure(shown, self.mode, region)
            swatch = pygame.Rect(row.left + s.px(4), row.top + s.px(3), s.px(16), row.height - s.px(6))
            pygame.draw.rect(canvas, rm.SCALE[rm.colour_step(self.mode, v)] if v is not None else p.panel, swatch)
            pygame.draw.rect(canvas, p.ink, swatch, 1)
            if region == self.region:
                pygame.draw.rect(canvas, p.ochre, row.inflate(-s.px(2), -s.px(2)), max(2, s.px(3)))
            first, second = self.label_lines(region)
            figure = f"{first} {second}".strip()
            figure_w = fonts[-1].size(figure)[0] + s.px(8)
            name = self.names.get(region, (region, ""))[0]
            name_rect = pygame.Rect(swatch.right + s.px(6), row.top, row.width - swatch.width - figure_w - s.px(14),
                                    row.height)
            draw.label(canvas, fonts, name, name_rect, p.ink)
            draw.text(canvas, fonts[-1], figure, (row.right - s.px(6), row.centery), p.ink, "midright")

    def legend_texts(self, brevity: int | None = None) -> tuple[str, str]:
        """What the colours and numbers are; and the map's caption (with, for collectivization,
        how the regions' shares are estimated). Briefer at `brevity` 1 and 2, for low windows:
        the region's page (Enter) then carries the note on collectivization."""
        brevity = self.brevity if brevity is None else brevity
        return mv.legend_texts(self.spec, self.mode, self.colours_of, self.compact, brevity)

    def _paint_legend(self, canvas) -> None:
        s = self.style
        p = s.palette
        r = self.legend_rect
        small = s.fonts["small"]
        mode = rm.BY_ID[self.mode]
        steps = len(rm.SCALE)
        step_w = self.scale_w // steps
        for i, colour in enumerate(rm.SCALE):
            pygame.draw.rect(canvas, colour, (r.left + i * step_w, r.top, step_w, s.px(14)))
        pygame.draw.rect(canvas, p.ink, (r.left, r.top, step_w * steps, s.px(14)), 1)
        y = r.top + s.px(15)
        draw.text(canvas, small, "0", (r.left, y), p.ink)
        numbers = [rm.number_text(self.mode, value) for value in mode.breaks]
        # Every break where the numbers fit side by side, else every other one.
        every = 1 if max(small.size(n)[0] for n in numbers) + s.px(4) <= step_w else 2
        for i, number in enumerate(numbers, start=1):
            if i % every == 0:
                draw.text(canvas, small, number, (r.left + i * step_w, y), p.ink, "midtop")
        legend, caption = self.legend_texts()
        text_left = r.left + self.scale_w + s.gap
        draw.paragraph(canvas, small, legend, pygame.Rect(text_left, r.top, r.right - text_left, self.key_h), p.ink)
        if caption:
            top = r.top + self.key_h + s.px(2)
            draw.paragraph(canvas, small, caption, pygame.Rect(r.left, top, r.width, r.bottom - top), p.muted)

    def _paint_strip(self, canvas) -> None:
        """The region in focus in one line (a narrow window): its name and the figure, yours and history's."""
        s = self.style
        name = self.names.get(self.region, (self.region, ""))[0]
        line = self.figures.region_line(self.mode, self.region, self.year, self.colours_of, name)
        draw.label(canvas, [s.fonts["small_bold"], s.fonts["small"]], line, self.strip_rect, s.palette.ink)

    def _paint_side(self, canvas) -> None:
        s = self.style
        p = s.palette
        r = pygame.Rect(self.side.left, self.side.top, self.side.width, self.history_rect.top - s.gap - self.side.top)
        draw.box(canvas, s, r)
        inner = r.inflate(-2 * s.px(8), -2 * s.px(8))
        name, present = self.names.get(self.region, (self.region, ""))
        bold, small, small_bold = s.fonts["body_bold"], s.fonts["small"], s.fonts["small_bold"]
        y = draw.paragraph(canvas, bold, name, pygame.Rect(inner.left, inner.top, inner.width, bold.get_linesize() * 2),
                           p.ink)
        y = draw.paragraph(canvas, small, _("Today: {place}").format(place=present),
                           pygame.Rect(inner.left, y, inner.width, small.get_linesize() * 2), p.muted)
        y += s.px(4)
        col_a = inner.left + int(inner.width * 0.48)
        col_b = inner.left + int(inner.width * 0.76)
        draw.text(canvas, small_bold, str(self.year), (inner.left, y), p.ink)
        draw.text(canvas, small_bold, _("yours"), (col_a, y), p.ink)
        if self.history is not None:
            draw.text(canvas, small_bold, _("history"), (col_b, y), p.ink)
        y += small.get_linesize()
        rows = rm.figure_rows(self.game, self.history, self.region, self.year)
        line = small.get_linesize()
        for label, yours, history in rows:
            if y + line > inner.bottom:
                break
            draw.text(canvas, small, _(label), (inner.left, y), p.ink, width=col_a - inner.left - s.px(4))
            draw.text(canvas, small, yours, (col_a, y), p.ink, width=col_b - col_a - s.px(4))
            if self.history is not None:
                draw.text(canvas, small, history, (col_b, y), p.muted, width=inner.right - col_b)
            y += line
        y += s.px(6)
        for heading, text in ((_("Cards of this region in your game"), "; ".join(self.cards_met())),
                              (_("What happened in history"), self.spec.regions[self.region].summary)):
            shown = self._whole_sentences(small, text, inner.width, inner.bottom - y - line)
            if not shown:
                continue
            draw.text(canvas, small_bold, heading, (inner.left, y), p.ink, width=inner.width)
            y += line
            y = draw.paragraph(canvas, small, shown, pygame.Rect(inner.left, y, inner.width, inner.bottom - y), p.ink)
            y += s.px(6)

    @staticmethod
    def _whole_sentences(font, text: str, width: int, height: int) -> str:
        """As many of the text's sentences (or "; " parts) as fit the room, never a cut one."""
        if not text or height < font.get_linesize():
            return ""
        parts = SENTENCE_END.split(text)
        shown = ""
        for part in parts:
            trial = f"{shown} {part}".strip()
            if draw.text_height(font, trial, width) > height:
                break
            shown = trial
        return shown

    def cards_met(self) -> list[str]:
        """The region's cards the player answered, as "year title"."""
        return mv.cards_met(self.app.ctx.scenario, self.app.ctx.session, self.region)

    def hints(self, every_key: bool = False) -> list[Hint]:
        colours = _("your game's colours") if self.colours_of == HISTORY else _("history's colours")
        return [Hint(f"1-{len(rm.MODES)}", _("the figure"), "map_mode"), Hint("Left/Right", _("the year"), "year"),
                Hint("Up/Down", _("the region"), "region"), Hint("H", colours, "colours"),
                *([] if self.as_table and not self.table_chosen and not every_key else   # too low for the map
                  [Hint("T", _("the map") if self.table_chosen else _("a table"), "toggle")]),
                Hint("Enter", _("the region's history"), "open:info"), Hint("Tab", _("the buttons"), "move"),
                Hint("Esc", _("back"), "back")]

    # -- input -----------------------------------------------------------------------------------
    def show(self, mode: str | None = None, year: int | None = None, region: str | None = None) -> None:
        self.mode = mode or self.mode
        self.year = year if year is not None else self.year
        self.region = region or self.region
        if mode is not None:
            self.focus_key = "mode" if self.compact else f"mode:{self.mode}"
            self.relayout()
        else:
            self.refresh()

    def toggle_history(self) -> None:
        if self.history is None:
            return
        self.colours_of = HISTORY if self.colours_of == YOURS else YOURS
        self.relayout()

    def step_year(self, steps: int) -> None:
        """The next or previous year played; past the last, the first again (as the regions go round)."""
        self.show(year=self.years[(self.years.index(self.year) + steps) % len(self.years)])

    def step_region(self, steps: int) -> None:
        ids = list(self.spec.regions)
        self.show(region=ids[(ids.index(self.region) + steps) % len(ids)])

    def next_mode(self) -> None:
        ids = [m.id for m in rm.MODES]
        self.show(mode=ids[(ids.index(self.mode) + 1) % len(ids)])

    def on_number(self, number: int) -> bool:
        if 1 <= number <= len(rm.MODES):
            self.show(mode=rm.MODES[number - 1].id)
            return True
        return False

    def on_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            self.step_year(1 if event.key == pygame.K_RIGHT else -1)
        elif event.key in (pygame.K_UP, pygame.K_DOWN):
            self.step_region(1 if event.key == pygame.K_DOWN else -1)
        elif event.key == pygame.K_h:
            self.toggle_history()
        elif event.key == pygame.K_t:
            self.table_chosen = not self.table_chosen
            self.relayout()
        else:
            return False
        return True

    def enter_action(self):
        return self.read_region

    def region_at(self, pos) -> str | None:
        if not self.map_rect.collidepoint(pos):
            return None
        if self.as_table:
            return next((region for region, row in self.table_rows() if row.collidepoint(pos)), None)
        _picture, mask, _shapes = self.drawn()
        colour = mask.get_at((pos[0] - self.map_rect.left, pos[1] - self.map_rect.top))
        ids = list(self.spec.regions)
        return ids[colour.r] if colour.g == 0 and colour.r < len(ids) else None

    def on_hover(self, pos) -> None:
        region = self.region_at(pos)
        if region is not None and region != self.region:
            self.show(region=region)

    def on_mouse(self, event: pygame.event.Event) -> bool:
        if getattr(event, "button", 1) != 1:
            return False
        region = self.region_at(event.pos)
        if region is None:
            return False
        self.show(region=region)
        self.read_region()
        return True

    def read_region(self) -> None:
        from .info import InfoScene

        self.app.push(InfoScene(self.app, self.names.get(self.region, (self.region, ""))[0], self.region_blocks()))

    def region_blocks(self) -> list[draw.Block]:
        ctx = self.app.ctx
        page = mv.region_page(ctx.scenario, ctx.session, self.figures, self.region, self.year)
        blocks = [draw.Block("small", page.intro, "muted", 0),
                  draw.Block("body_bold", page.rows_heading, "ink", 0.6)]
        blocks.extend(draw.Block("small", f"{label}: {yours} ({history})", "ink", 0.1)
                      for label, yours, history in page.rows)
        if page.history:
            blocks.append(draw.Block("body_bold", _("What happened in history"), "ink", 0.8))
            blocks.append(draw.Block("body", page.history))
        if page.readings:
            blocks.append(draw.Block("body_bold", _("How historians read it"), "ink", 0.8))
            blocks.extend(draw.Block("body", f"{r.author} ({r.work}): {r.position}") for r in page.readings)
        if page.cards:
            blocks.append(draw.Block("body_bold", _("The region's cards in your game"), "ink", 0.8))
            blocks.append(draw.Block("body", "; ".join(page.cards)))
        blocks.append(draw.Block("body_bold", _("About the map"), "ink", 0.8))
        blocks.append(draw.Block("small", page.about, "muted", 0.2))
        if page.sources:
            blocks.append(draw.Block("body_bold", _("Sources"), "ink", 0.8))
            blocks.extend(draw.Block("small", source, "muted", 0.2) for source in page.sources)
        return blocks

    def back(self) -> None:
        self.app.pop()
