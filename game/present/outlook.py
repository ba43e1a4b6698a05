"""The outlook on the directives screen: where the directives lead, years ahead, and how far the
levers just moved change it, as rows the window (game/ui/outlook_panel.py paints them) and the
browser edition show alike.

Two outlooks run side by side (game/headless/outlook.py): the directives as they stood when the
screen opened (the base) and the directives as they stand now. Each row shows the figure by the
end of the horizon (famine deaths: over it), the change against the base (the delta that moves
as a slider moves) and history's figure. The work is done a few weather draws per frame
(`step`), so the window stays responsive, and the rows show the draws done so far.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from ..headless.explain import format_value
from ..headless.outlook import OutlookRun, kept, plan_horizon, readiness_after
from ..model import Directives
from ..model.metrics import BY_NAME, INDEX, PER_YEAR_FLOWS
from ..scenario.levers import LEVER_FIELDS
from .i18n import _
from .viewmodel import measure

OUTLOOK_DRAWS = 60
PANEL_METRICS = ("steel_mt", "grain_harvest_mt", "food_per_head_rural_t", "famine_deaths_m",
                 "urban_real_wage_index", "unrest")
READINESS = "war_readiness"
STEP_BUDGET_S = 0.0025  # of a frame's time: the outlook never makes the window stutter
MINUS = "\u2212"
# (id of the campaign, seed) -> (the campaign, history's figures): the campaign is kept beside its
# figures so that an id reused by a later campaign never finds them; the last few games only.
_HISTORY: dict[tuple[int, int], tuple[object, dict[str, dict[int, float]]]] = {}
HISTORIES_KEPT = 4


@dataclass(frozen=True)
class OutlookRow:
    metric: str
    label: str
    value: str           # the median and the range by the horizon's end (a flow: its average total over it)
    delta: float | None  # the median now minus the median of the base outlook; None until both have draws
    delta_text: str
    history: str | None  # history's figure for the same, where the model's history has it


class OutlookView:
    """The two outlooks (the base and now) and their rows."""

    def __init__(self, ctx, to_last_year: bool = False, draws: int = OUTLOOK_DRAWS):
        self.ctx = ctx
        game = ctx.session.game
        self.years = (ctx.world.last_year - game.year + 1) if to_last_year else plan_horizon(game)
        self.draws = draws
        self.last_year = game.year + self.years - 1
        self.history = _history(ctx)
        self.readiness = readiness_after(ctx.session, ctx.scenario)
        self.base: OutlookRun | None = None
        self.now: OutlookRun | None = None
        self.base_directives: Directives | None = None

    # -- what is projected ---------------------------------------------------------------------
    def orders(self, directives: Directives):
        """The directives kept; the levers the player does not hold follow history's."""
        fixed = tuple(name for lever, names in LEVER_FIELDS.items() if not self.ctx.holds(lever) for name in names
                      if name not in ("projects", "targets"))
        return kept(directives, self.ctx.default_directives, fixed)

    def _run(self, directives: Directives) -> OutlookRun:
        return OutlookRun(self.ctx.session.game, self.orders(directives), self.years, self.draws, self.history,
                          self.readiness)

    def begin(self, directives: Directives) -> None:
        """The base: the directives as they stood when the screen opened."""
        self.base = self._run(directives)
        self.base_directives = directives
        self.now = self.base

    def aim(self, directives: Directives) -> None:
        """The directives as they stand now (a new outlook, unless they are the base's)."""
        if self.base is None:
            self.begin(directives)
        elif directives == self.base_directives:
            self.now = self.base
        else:
            self.now = self._run(directives)

    @property
    def complete(self) -> bool:
        return all(r is None or r.done >= r.draws for r in (self.base, self.now))

    def step(self, budget_s: float = STEP_BUDGET_S) -> int:
        """Weather draws computed within the budget (the base first, then the current outlook)."""
        done = 0
        until = time.perf_counter() + budget_s
        while not self.complete and (done == 0 or time.perf_counter() < until):
            run = self.base if self.base.done < self.base.draws else self.now
            run.step()
            done += 1
        return done

    def finish(self) -> None:
        while not self.complete:
            self.step(1.0)

    # -- the rows --------------------------------------------------------------------------------
    def rows(self) -> list[OutlookRow]:
        if self.now is None or self.now.done == 0:
            return []
        now = self.now.result()
        base = self.base.result() if self.base is not None and self.base.done else None
        rows = []
        for metric in PANEL_METRICS:
            spec = measure(metric)
            if metric in PER_YEAR_FLOWS:
                rows.append(self._flow_row(metric, now, base))
                continue
            band, base_band, history = self._figures(now, base, metric)
            spread = (f"{spec.number(band.low)}–{spec.number(band.high)}" if BY_NAME[metric].unit == INDEX
                      else spec.range(band.low, band.high))   # never "76 (69–87 (1928 = 100))"
            value = (spec.format(band.median) if spec.number(band.low) == spec.number(band.high)
                     else f"{spec.number(band.median)} ({spread})")
            delta = band.median - base_band.median if base_band is not None else None
            rows.append(OutlookRow(metric, self._label(metric), value, delta, self._delta_text(metric, delta),
                                   spec.format(history) if history is not None else None))
        if now.readiness is not None:
            delta = now.readiness.median - base.readiness.median if base and base.readiness else None
            rows.append(OutlookRow(READINESS, _("War readiness (scorecard)"),
                                   f"{now.readiness.median:.0f} ({now.readiness.low:.0f}–{now.readiness.high:.0f})",
                                   delta, "" if delta is None else _signed(delta, 0), None))
        return rows

    def _flow_row(self, metric: str, now, base) -> OutlookRow:
        """A flow (famine deaths): its total over the horizon, on average over the weathers (a
        famine in two weathers in ten moves the average, not the median), with the range."""
        spec = measure(metric)
        band, mean = self.now.total(metric), self.now.mean_total(metric)
        delta = mean - self.base.mean_total(metric) if base is not None else None
        known = [v for v in now.history[metric] if v is not None]
        history = math.fsum(known) if len(known) == len(now.years) else None
        value = f"{spec.number(mean)} ({spec.range(band.low, band.high)})"
        return OutlookRow(metric, self._label(metric), value, delta, self._delta_text(metric, delta),
                          spec.format(history) if history is not None else None)

    def _figures(self, now, base, metric: str):
        band = now.bands[metric][-1]
        base_band = base.bands[metric][-1] if base is not None and len(base.years) == len(now.years) else None
        return band, base_band, now.history[metric][-1]

    def _label(self, metric: str) -> str:
        spec = measure(metric)
        if metric in PER_YEAR_FLOWS:
            return _("{figure}, {first}–{last}, on average").format(figure=spec.label, first=self.ctx.year,
                                                                     last=self.last_year)
        return _("{figure}, {year}").format(figure=spec.label, year=self.last_year)

    @staticmethod
    def _delta_text(metric: str, delta: float | None) -> str:
        if delta is None:
            return ""
        spec = measure(metric)
        if BY_NAME[metric].unit == "people":   # deaths in thousands when few: never "no change" for 4,000
            return _("no change") if abs(delta) < 5e-4 else format_value(delta, "people").replace("-", MINUS)
        if BY_NAME[metric].unit == INDEX:   # "+2 points", not "+2 (1928 = 100)"
            return _signed(delta, 0, " " + _("points"))
        return _signed(delta, spec.digits, spec.format(abs(delta))[len(spec.number(abs(delta))):])

    def title(self) -> str:
        return _("Outlook to {year}").format(year=self.last_year)

    def status(self) -> str:
        done = self.now.done if self.now is not None else 0
        text = _("If these directives are kept to {year}: {n} weather draws, the median and 8 in 10 "
                 "(famine deaths: the average)").format(year=self.last_year, n=done)
        if not self.complete:
            text += " " + _("(computing…)")
        return text + "; " + _("change against the directives as you opened the screen.")


def _signed(value: float, digits: int, unit: str = "") -> str:
    if abs(value) < 0.5 * 10 ** -digits:
        return _("no change")
    return f"{'+' if value > 0 else MINUS}{abs(value):,.{digits}f}{unit}"


def _history(ctx) -> dict[str, dict[int, float]]:
    """History's course in the model for this scenario and seed, metric -> year -> value (played
    once, then kept)."""
    from ..headless.outlook import baseline_history

    key = (id(ctx.campaign), ctx.session.seed)
    kept = _HISTORY.get(key)
    if kept is None or kept[0] is not ctx.campaign:
        if len(_HISTORY) >= HISTORIES_KEPT:
            _HISTORY.pop(next(iter(_HISTORY)))
        kept = _HISTORY[key] = (ctx.campaign, baseline_history(ctx.campaign, ctx.session.seed))
    return kept[1]
