"""The end of a game as any front end shows it: the headline, and the scorecard's axes with the
very numbers and scale the bars are drawn on. The scorecard has no total and no ranking: each
axis is the player's value beside history's on a scale of its own, with the numbers written out.
The window's end screen and the browser's read these; the debrief (game.debrief) computes them."""

from __future__ import annotations

from dataclasses import dataclass

from ..debrief import fmt
from .i18n import _
from .scales import nice_ceiling


@dataclass(frozen=True)
class AxisShown:
    """One axis as a screen draws it: the values and the very texts shown."""

    id: str
    name: str
    value: float
    history: float | None
    yours: str
    theirs: str
    scale: float
    unit: str = ""


def axis_texts(axis) -> tuple[str, str]:
    yours = fmt.num(axis.value, axis.decimals)
    theirs = fmt.num(axis.history, axis.decimals) if axis.history is not None else "–"
    return yours, theirs


def axis_scale(axis) -> float:
    """The top of the axis' shared scale: per mille for Lives, otherwise 100 or more."""
    if axis.id == "lives":
        return 1000.0
    values = [axis.value] + ([axis.history] if axis.history is not None else [])
    return nice_ceiling(max([100.0] + [v for v in values if v == v]))


def shown(axis) -> AxisShown:
    yours, theirs = axis_texts(axis)
    return AxisShown(axis.id, axis.name, axis.value, axis.history, yours, theirs, axis_scale(axis), axis.unit)


def scale_words(a: AxisShown) -> str:
    """What the bars are measured in, and the top of their scale."""
    return _("{unit}; scale 0 to {top}").format(unit=a.unit, top=fmt.num(a.scale, 0))


def headline(ctx) -> str:
    """How the game ended, in a line."""
    session = ctx.session
    last = int(session.records[-1]["year"]) if session.records else ctx.world.first_year
    if session.game.ending == "removed":
        return _("In {year} the unrest cost you your post: the Politburo removed you.").format(year=last)
    if last >= 1941:
        return _("22 June 1941: Germany invades the Soviet Union. The years of the plans are over.")
    return _("The scenario ends with the year {year}.").format(year=last)


PLAN_HEADS = ("target", "reported", "real", "history's target", "history's output")
"""The columns of a plan's table (game.debrief's PlanTable), after the product."""


def plan_cells(row) -> tuple[str, ...]:
    """A plan table's row as printed, in PLAN_HEADS' order; history's output "≈" where approximate."""
    def number(value, decimals=1) -> str:
        return fmt.num(value, decimals) if value is not None else "–"

    history_output = "–"
    if row.history_output is not None:
        history_output = number(row.history_output.value) + (" ≈" if row.history_output.approximate else "")
    return (number(row.target), number(row.reported), number(row.real), number(row.history_target), history_output)


def plan_ending(ctx, year: int):
    """The plan whose last year is `year`, if the game goes on after it (its short debrief comes
    then); else None."""
    plan = ctx.world.plan_for(year)
    if plan is None or plan.end != year or ctx.finished:
        return None
    return plan
