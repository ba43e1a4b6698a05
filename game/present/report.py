"""The year-end report beyond its figures, display-free: the plan's progress (real beside
reported, toward the targets for the plan's last year), Pravda's shares of the targets, and at a
plan's end what actually happened in the events that kept their history for then. The window's
report screen and the browser's report both show these."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .context import GameContext
from .i18n import _
from .viewmodel import Progress, measure, plan_progress, targets_in_force


@dataclass(frozen=True)
class PlanNote:
    title: str
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class PlanView:
    title: str                   # the plan's name, or "No plan"
    note: str | None             # how to read the rows (None: no targets in force)
    rows: tuple[Progress, ...]
    fulfilment: str | None       # the year's plan fulfilment, as the model measures it
    shares: dict[str, str]       # Pravda's claim: reported output as a share of each target, by label
    reported: str | None         # the plan's progress as the reports have it (the shares averaged)


def plan_notes(ctx: GameContext, year: int) -> list[PlanNote]:
    """At a plan's end: the notes of its events that were kept for the end of the plan."""
    plan = ctx.world.plan_for(year)
    deck = ctx.session.deck
    if plan is None or plan.end != year or deck is None:
        return []
    notes = []
    for fired in ctx.session.events:
        entry = deck.entries.get(fired.id)
        if (entry is not None and plan.start <= fired.year <= plan.end and entry.event.history is not None
                and entry.event.reveal == "end_of_plan"):
            notes.append(PlanNote(entry.event.title, entry.event.history.text, tuple(entry.event.history.sources)))
    return notes


def plan_view(ctx: GameContext, year: int, record: dict[str, float]) -> PlanView:
    """The plan's progress at the end of `year`: each target's real and reported share, and what
    Pravda makes of it (worked out once, for the report's two pages)."""
    plan = ctx.world.plan_for(year)
    if plan is None or not targets_in_force(ctx, plan):
        return PlanView(plan.name if plan else _("No plan"), None, (), None, {}, None)
    rows = tuple(plan_progress(ctx, plan, upto_year=year))
    claimed = {row.label: row.reported_fraction for row in rows if row.reported_fraction is not None}
    reported = _("The plan for {end}: {share:.0f} % of its targets reached, as reported").format(
        end=plan.end, share=100 * math.fsum(claimed.values()) / len(claimed)) if claimed else None
    fulfil = measure("plan_fulfilment")
    return PlanView(plan.name,
                    _("Toward the targets for {year}: real (the red bar), reported (the tick)").format(year=plan.end),
                    rows, f"{fulfil.label}: {fulfil.format(record['plan_fulfilment'])}",
                    {label: f"{100 * share:.0f} %" for label, share in claimed.items()}, reported)
