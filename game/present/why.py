"""Why did this happen? A headline figure's change in a year played, cause by cause, as the
window's Why? screen (game/ui/scenes/why.py) and the browser edition show it.

The model itself answers (game/headless/explain.py): the year is resolved again with each cause
alone set back to the comparison (the year before, or history's same year), and what the figure
loses is that cause's part. The causes act together in a non-linear model, so what they leave is
shown as it is, the remainder, and the parts and the remainder add up to the change exactly.
"""

from __future__ import annotations

import math

from ..headless.explain import (
    BY_CAUSE,
    EXPLAINED_METRICS,
    REMAINDER_LABEL,
    Explanation,
    explain,
    format_value,
    history_inputs,
    inputs_of_session,
)
from .i18n import _
from .viewmodel import measure

AGAINST_PREVIOUS, AGAINST_HISTORY = "previous", "history"


class WhyView:
    def __init__(self, ctx, year: int | None = None, metric: str = EXPLAINED_METRICS[0],
                 against: str = AGAINST_PREVIOUS):
        self.ctx = ctx
        self.inputs = inputs_of_session(ctx.session)
        self.year = year if year is not None else max(self.inputs)
        self.metric = metric
        self.against = against if self._can_compare(against) else AGAINST_HISTORY
        self._history: dict | None = None
        self.explanation = self._explain()

    # -- the breakdown ---------------------------------------------------------------------------
    def _can_compare(self, against: str) -> bool:
        return against == AGAINST_HISTORY or self.year - 1 in self.inputs

    def _comparison(self):
        if self.against == AGAINST_PREVIOUS:
            return self.inputs[self.year - 1]
        if self._history is None:
            ctx = self.ctx
            self._history = history_inputs(ctx.campaign, ctx.session.seed)
        return self._history.get(self.year)

    def _explain(self) -> Explanation | None:
        comparison = self._comparison()
        if comparison is None:   # history's game ended before this year
            return None
        return explain(self.ctx.world, self.inputs[self.year], comparison, self.metric, self.against)

    def rows(self, room: int | None = None) -> list[tuple[str, float]]:
        """The causes with a part, largest first, then the remainder; at most `room` rows: the
        smallest causes are then summed in one row, so the rows still add up to the change. Parts
        too small to show (under a ten-thousandth of the largest figure) count in the remainder."""
        e = self.explanation
        if e is None:
            return []
        scale = max([abs(e.change), *(abs(p.value) for p in e.parts), abs(e.remainder), 1e-12])
        shown = sorted((p for p in e.parts if abs(p.value) > 1e-4 * scale), key=lambda p: -abs(p.value))
        hidden = math.fsum(p.value for p in e.parts if abs(p.value) <= 1e-4 * scale)
        rows = [(_(BY_CAUSE[p.cause].label), p.value) for p in shown]
        if room is not None and len(rows) + 1 > room:
            keep = max(1, room - 2)
            rest = rows[keep:]
            rows = rows[:keep] + [(_("{n} smaller causes together").format(n=len(rest)),
                                   math.fsum(v for _label, v in rest))]
        return rows + [(_(REMAINDER_LABEL), e.remainder + hidden)]

    def quiet_causes(self) -> list[str]:
        e = self.explanation
        if e is None:
            return []
        shown = {label for label, _v in self.rows()}
        return [_(BY_CAUSE[p.cause].label) for p in e.parts if _(BY_CAUSE[p.cause].label) not in shown]

    def choose(self, metric: str | None = None, against: str | None = None) -> bool:
        """Another figure or comparison; False if the comparison is not possible (the year
        before the first)."""
        if against is not None and not self._can_compare(against):
            return False
        self.metric = metric or self.metric
        self.against = against or self.against
        self.explanation = self._explain()
        return True

    def heading(self) -> str:
        return _("Why? {figure}, {year}").format(figure=measure(self.metric).label, year=self.year)

    def summary(self) -> str:
        e = self.explanation
        compared = (_("in {year}").format(year=self.year - 1) if e.against == AGAINST_PREVIOUS
                    else _("in history's {year}").format(year=self.year))
        text = _("{figure}: {value} in {year}, against {before} {compared}: a change of {change}.").format(
            figure=e.label, value=format_value(e.value, e.unit, False), year=self.year, compared=compared,
            before=format_value(e.compared, e.unit, False), change=format_value(e.change, e.unit))
        where = self.where()
        return f"{text} {where}" if where else text

    def where(self) -> str:
        """The figure's largest regional parts this year (for the figures the regions add up to)."""
        e = self.explanation
        if not e.regions or e.value <= 0:
            return ""
        named = [r for r in e.regions[:3] if r.value >= 0.05 * e.value]
        if not named:
            return ""
        parts = [f"{r.name} {format_value(r.value, e.unit, False)}" for r in named]
        rest = e.value - math.fsum(r.value for r in named)
        if rest >= 0.005 * e.value:
            parts.append(_("elsewhere {value}").format(value=format_value(rest, e.unit, False)))
        return _("Where: {regions}.").format(regions=", ".join(parts))

    def note(self, short: bool = False) -> str:
        if short:
            return _("Each bar: the figure as played minus the figure with that cause alone as {compared}; "
                     "with what the causes do together, they add up to the change.").format(
                compared=_("the year before") if self.against == AGAINST_PREVIOUS else _("in history's year"))
        quiet = self.quiet_causes()
        text = _("Each bar: how much the figure would have been lower (a bar to the right) or higher (to the "
                 "left) had that cause alone stayed as it was {compared}, the rest as you played it. The model "
                 "works the year out again for each. The causes also act on one another: what they do together "
                 "is the last bar, so the bars add up to the change exactly.").format(
            compared=_("the year before") if self.against == AGAINST_PREVIOUS else _("in history's year"))
        if quiet:
            text += " " + _("No part this year: {causes}.").format(causes="; ".join(quiet))
        return text
