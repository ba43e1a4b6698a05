"""Projects: the flagship constructions, each a card with its cost, building time, payoff and
historical note. Enter (or a click) marks a project to start this year."""

from __future__ import annotations

import pygame

from ...model.setup import Project
from ...present.i18n import N_, _
from .. import draw
from ..hints import SCROLL, Hint, paint_hints
from ..scene import Scene
from .common import game_frame, paint_game_ledger, paint_heading

STATUS = {
    "available": N_("can start this year"),
    "building": N_("being built"),
    "done": N_("finished"),
    "too_early": N_("cannot start before {year}"),
}
PRODUCT_UNITS = {"pig_iron": N_("Mt of pig iron"), "steel": N_("Mt of steel"), "coal": N_("Mt of coal"),
                 "oil": N_("Mt of oil"), "electricity": N_("bn kWh of electricity"),
                 "machinery": N_("bn rubles of machinery"), "tractors": N_("thousand tractors"),
                 "tanks": N_("tanks"), "consumer_goods": N_("bn rubles of consumer goods")}
SECTOR_NAMES = {"heavy_industry": N_("heavy industry"), "light_industry": N_("light industry"),
                "agriculture": N_("agriculture"), "transport_power": N_("transport and power"),
                "defense": N_("defence")}


def payoff(project: Project) -> str:
    parts = [_("+{amount:g} {unit} a year").format(amount=amount, unit=_(PRODUCT_UNITS.get(product, product)))
             for product, amount in project.capacity.items()]
    if project.discontent_relief:
        parts.append(_("prestige: eases urban discontent"))
    return "; ".join(parts) or _("no new output capacity")


class ProjectsScene(Scene):
    title = "projects"

    @property
    def ctx(self):
        return self.app.ctx

    @property
    def held(self) -> bool:
        return self.ctx.holds("projects")

    def labels(self) -> list[str]:
        return [_("Done  [Esc]")]

    def layout(self) -> None:
        s = self.style
        self.frame = game_frame(s, self.size, self.ctx, _("Projects, {year}").format(year=self.ctx.year),
                                buttons=self.labels(), hints=self.hints(), hint_reserve=[SCROLL])
        body = self.frame.body
        list_w = max(s.px(300), int(body.width * 0.40))
        projects = self.ctx.world.projects
        bh = s.button_height()
        step = bh + s.px(3)
        per_page = max(1, (body.height + s.px(3)) // step)
        if per_page < len(projects):
            per_page = max(1, (body.height - bh - s.gap + s.px(3)) // step)
        self.list_pages = [range(i, min(len(projects), i + per_page)) for i in range(0, len(projects), per_page)] \
            or [range(0)]
        self.list_page = min(getattr(self, "list_page", 0), len(self.list_pages) - 1)
        shown = self.list_pages[self.list_page]
        self.rows = {i: pygame.Rect(body.left, body.top + (i - shown.start) * step, list_w, bh) for i in shown}
        self.more_rect = pygame.Rect(body.left, body.bottom - bh, list_w, bh) if len(self.list_pages) > 1 else None
        self.card = pygame.Rect(body.left + list_w + 2 * s.gap, body.top, body.width - list_w - 2 * s.gap,
                                body.height)
        self._lay_out_card()

    def _lay_out_card(self) -> None:
        s = self.style
        project = self.focused_project() or (self.ctx.world.projects[0] if self.ctx.world.projects else None)
        self.card_project = project
        if project is None:
            self.card_view = None
            return
        bar = draw.panel_bar_height(s, project.name, self.card.width)
        self.card_text = pygame.Rect(self.card.left + s.gap, self.card.top + bar + s.px(6),
                                     self.card.width - 2 * s.gap - s.px(14), self.card.height - bar - s.px(6) - s.gap)
        self.card_view = draw.TextView(s, self.card_blocks(project), self.card_text.width)

    def card_blocks(self, project: Project) -> list[draw.Block]:
        status = self.ctx.project_status(project)
        facts = [
            (_("Cost"), _("{cost:g} bn rubles (1937 prices), paid by {sector}").format(
                cost=project.cost_bn, sector=_(SECTOR_NAMES[project.sector]))),
            (_("Building time"), _("{years} years at full funding").format(years=project.years)),
            (_("Payoff"), payoff(project)),
            (_("Status"), _(STATUS[status]).format(year=project.earliest_year)),
        ]
        if project.gulag_labour_m:
            facts.insert(3, (_("Forced labour"), _("works about {n} prisoners while it is built").format(
                n=f"{round(project.gulag_labour_m * 1e6, -3):,.0f}")))
        if project.historical_start:
            facts.append((_("History"), _("started in {year}").format(year=project.historical_start)))
        blocks = []
        for label, value in facts:
            blocks.append(draw.Block("body_bold", label, "ink", 0.4 if blocks else 0))
            blocks.append(draw.Block("body", value, "ink", 0))
        blocks.append(draw.Block("serif", project.description, "ink", 0.8))
        return blocks

    def build(self) -> None:
        projects = self.ctx.world.projects
        for index, rect in self.rows.items():
            project = projects[index]
            status = self.ctx.project_status(project)
            chosen = project.id in self.ctx.ensure_draft().projects
            mark = "[×] " if chosen else "[  ] " if status == "available" else "      "
            self.button(f"project:{project.id}", rect, mark + project.name, lambda p=project: self.toggle(p),
                        object_id="#on" if chosen else "#list_item", enabled=True, help_text=project.id)
        if self.more_rect is not None:
            self.button("more", self.more_rect, _("More projects: page {n} of {total}").format(
                n=self.list_page + 1, total=len(self.list_pages)), self.turn_list, object_id="#quiet")
        self.button("done", self.frame.button_rects[0], _("Done  [Esc]"), self.back, object_id="#primary")
        if self.focus_key is None and self.items:
            self.focus_key = self.items[0].key

    def turn_list(self) -> None:
        self.list_page = (self.list_page + 1) % len(self.list_pages)
        self.focus_key = "more"
        self.relayout()

    def focused_project(self) -> Project | None:
        item = self.focused
        if item is None or not item.key.startswith("project:"):
            return None
        return self.ctx.world.project(item.key.split(":", 1)[1])

    def hints(self) -> list[Hint]:
        if self.held:
            hints = [Hint("Up/Down", _("move"), "move"), Hint("Enter/Space", _("start / do not start"), "activate")]
        else:
            hints = [Hint("", _("In this scenario the projects follow what history did: read them here."), "note"),
                     Hint("Up/Down", _("move"), "move")]
        view = getattr(self, "card_view", None)
        if view is not None and not view.fits(self.card_text.height):
            hints.append(SCROLL)
        return hints + [Hint("Esc", _("done"), "back")]

    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        draw.poster_background(canvas, s.palette)
        paint_heading(canvas, s, self.frame.top, self.ctx, _("Projects, {year}").format(year=self.ctx.year))
        if self.card_project is not None:
            draw.panel(canvas, s, self.card, self.card_project.name, accent=True)
            self.card_view.draw(canvas, self.card_text)
        paint_game_ledger(canvas, s, self.frame.ledger, self.ctx)
        paint_hints(canvas, s, self.frame.hint, self.hints())

    def on_scroll(self, lines: int) -> bool:
        return self.card_view is not None and self.scroll_view(self.card_view, self.card_text, lines)

    def help_changed(self) -> None:
        if self.active and hasattr(self, "card"):
            self._lay_out_card()
            self.refresh()

    def toggle(self, project: Project) -> None:
        draft = self.ctx.ensure_draft()
        if not self.held or self.ctx.project_status(project) != "available":
            return
        if project.id in draft.projects:
            draft.projects.discard(project.id)
        else:
            draft.projects.add(project.id)
        self.relayout()

    def back(self) -> None:
        self.app.pop()
