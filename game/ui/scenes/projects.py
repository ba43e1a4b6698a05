"""Projects: the flagship constructions, each a card with its cost, building time, payoff and
historical note. Enter (or a click) marks a project to start this year."""

from __future__ import annotations

import pygame

from ...model.setup import Project
from .. import draw
from ..i18n import N_, _
from ..scene import Scene
from .common import frame, paint_game_ledger, paint_heading, paint_hint

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

    def layout(self) -> None:
        s = self.style
        self.frame = frame(s, self.size)
        body = self.frame.body
        list_w = max(s.px(320), int(body.width * 0.40))
        projects = self.ctx.world.projects
        row_h = min(s.button_height(), max(s.fonts.line("body") + s.px(4), body.height // max(1, len(projects))))
        self.rows = [pygame.Rect(body.left, body.top + i * row_h, list_w, row_h - s.px(3))
                     for i in range(len(projects))]
        self.card = pygame.Rect(body.left + list_w + 2 * s.gap, body.top, body.width - list_w - 2 * s.gap,
                                body.height)

    def build(self) -> None:
        for project, rect in zip(self.ctx.world.projects, self.rows, strict=True):
            status = self.ctx.project_status(project)
            chosen = project.id in self.ctx.ensure_draft().projects
            mark = "[×] " if chosen else "[  ] " if status == "available" else "      "
            self.button(f"project:{project.id}", rect, mark + project.name, lambda p=project: self.toggle(p),
                        object_id="#on" if chosen else "#list_item",
                        enabled=True, help_text=project.id)
        done = pygame.Rect(self.frame.buttons.right - self.frame.buttons.width // 3, self.frame.buttons.top,
                           self.frame.buttons.width // 3, self.frame.buttons.height)
        self.button("done", done, _("Done  [Esc]"), self.back, object_id="#primary")
        if self.focus_key is None and self.items:
            self.focus_key = self.items[0].key

    def focused_project(self) -> Project | None:
        item = self.focused
        if item is None or not item.key.startswith("project:"):
            return None
        return self.ctx.world.project(item.key.split(":", 1)[1])

    def paint(self, canvas: pygame.Surface) -> None:
        s = self.style
        draw.poster_background(canvas, s.palette)
        paint_heading(canvas, s, self.frame.top, self.ctx, _("Projects, {year}").format(year=self.ctx.year))
        project = self.focused_project() or (self.ctx.world.projects[0] if self.ctx.world.projects else None)
        if project is not None:
            self.paint_card(canvas, project)
        paint_game_ledger(canvas, s, self.frame.ledger, self.ctx)
        hint = (_("Up/Down: move   Enter or Space: start / do not start   Esc: done") if self.held else
                _("In this scenario the projects follow what history did: read them here."))
        paint_hint(canvas, s, self.frame.hint, hint)

    def paint_card(self, canvas: pygame.Surface, project: Project) -> None:
        s = self.style
        p = s.palette
        inner = draw.panel(canvas, s, self.card, project.name, accent=True)
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
        label_w = s.fonts["body_bold"].size(_("Building time"))[0] + s.gap * 2
        y = inner.top
        for label, value in facts:
            draw.text(canvas, s.fonts["body_bold"], label, (inner.left, y), p.ink)
            y = draw.paragraph(canvas, s.fonts["body"], value,
                               pygame.Rect(inner.left + label_w, y, inner.width - label_w, inner.bottom - y), p.ink)
            y += s.px(4)
        pygame.draw.line(canvas, p.red, (inner.left, y + s.px(4)), (inner.right, y + s.px(4)), s.rule)
        y += s.gap + s.px(4)
        draw.paragraph(canvas, s.fonts["serif"], project.description,
                       pygame.Rect(inner.left, y, inner.width, inner.bottom - y), p.ink, spacing=1.05)

    def help_changed(self) -> None:
        if self.active:
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
