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


def reported_shares(ctx: GameContext, year: int) -> dict[str, str]:
    """Reported output as a share of the plan's final target, by the report line's label."""
    plan = ctx.world.plan_for(year)
    if plan is None:
        return {}
    return {row.label: f"{100 * row.reported_fraction:.0f} %"
            for row in plan_progress(ctx, plan, upto_year=year) if row.reported_fraction is not None}


def reported_fulfilment(ctx: GameContext, year: int) -> str | None:
    """The plan's progress as the reports have it: the reported share of each target, averaged."""
    plan = ctx.world.plan_for(year)
    if plan is None:
        return None
    shares = [row.reported_fraction for row in plan_progress(ctx, plan, upto_year=year)
              if row.reported_fraction is not None]
    if not shares:
        return None
    return _("The plan for {end}: {share:.0f} % of its targets reached, as reported").format(
        end=plan.end, share=100 * math.fsum(shares) / len(shares))


def plan_view(ctx: GameContext, year: int, record: dict[str, float]) -> PlanView:
    """The plan's progress at the end of `year`: each target's real and reported share."""
    plan = ctx.world.plan_for(year)
    if plan is None or not targets_in_force(ctx, plan):
        return PlanView(plan.name if plan else _("No plan"), None, (), None)
    fulfil = measure("plan_fulfilment")
    return PlanView(plan.name,
                    _("Toward the targets for {year}: real (the red bar), reported (the tick)").format(year=plan.end),
                    tuple(plan_progress(ctx, plan, upto_year=year)),
                    f"{fulfil.label}: {fulfil.format(record['plan_fulfilment'])}")
