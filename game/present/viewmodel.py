"""What the screens show, computed from the session: indicator groups, the human-cost ledger,
plan progress, the reported-versus-real pairs, the record beside history. No pygame here, so
all of it is testable without a display.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..debrief.citations import works
from ..model.metrics import (
    BY_NAME,
    DOWN,
    INDEX,
    METRICS,
    NEITHER,
    PER_YEAR_FLOWS,
    REPORTED,
    TABLE,
    TARGET_METRIC,
    UP,
)
from ..model.setup import Plan
from ..scenario import Scenario
from .context import GameContext
from .i18n import N_, _

# -- formatting -----------------------------------------------------------------------------


def fmt_number(value: float, digits: int = 1) -> str:
    if value is None or not math.isfinite(value):
        return "—"
    return f"{value:,.{digits}f}"


def fmt_share(value: float) -> str:
    return "—" if value is None else f"{100 * value:.0f}\u00a0%"  # no break between number and sign


def fmt_people_m(millions: float) -> str:
    """People counted in millions, in words a reader takes in at once."""
    if millions is None:
        return "—"
    if millions >= 0.995:
        return _("{n} million").format(n=f"{millions:.2f}".rstrip("0").rstrip("."))
    return f"{round(millions * 1e6, -3):,.0f}"


def fmt_people_k(thousands: float) -> str:
    return fmt_people_m(thousands / 1000.0) if thousands is not None else "—"




@dataclass(frozen=True)
class Measure:
    """How a metric is shown: its name, unit and digits, and whether up is good news."""

    metric: str
    name: str                   # untranslated; `label` translates it
    unit: str = ""              # untranslated; "%" for shares, "people" for head counts
    digits: int = 1
    higher_is_better: bool | None = True  # None: neither (a policy setting, a stock)

    @property
    def label(self) -> str:
        return _(self.name)

    @property
    def table_label(self) -> str:
        """The label of a table whose values carry no unit: "Steel, Mt"."""
        if self.unit in ("%", "people", ""):
            return self.label
        if self.unit == INDEX:
            return _("{label}, index").format(label=self.label)
        return f"{self.label}, {_(self.unit)}"

    def format(self, value: float | None) -> str:
        """The value with its unit: "4.2 Mt", "14 %", "565,000"."""
        number = self.number(value)
        if value is None or self.unit in ("%", "people", ""):
            return number
        if self.unit == INDEX:
            return f"{number} ({_(INDEX)})"
        return f"{number} {_(self.unit)}"

    def range(self, low: float, high: float) -> str:
        """"4.2–5.1 Mt": the unit once; one figure when both ends read the same."""
        if self.format(low) == self.format(high):
            return self.format(low)
        low_text, high_text = self.number(low), self.number(high)
        unit = self.format(high)[len(high_text):]
        return f"{low_text}–{high_text}{unit}"

    def number(self, value: float | None) -> str:
        """The value alone, for a table whose label names the unit."""
        if value is None:
            return "—"
        if self.unit == "%":
            return fmt_share(value)
        if self.unit == "people":
            return fmt_people_m(value)
        return fmt_number(value, self.digits)


_GOOD_NEWS = {UP: True, DOWN: False, NEITHER: None}
MEASURES: dict[str, Measure] = {m.name: Measure(m.name, m.label or m.description, m.unit, m.digits, _GOOD_NEWS[m.better])
                                for m in TABLE}
"""How each metric is shown, from the model's metrics table."""

INDICATOR_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (N_("Industry"), ("steel_mt", "pig_iron_mt", "coal_mt", "oil_mt", "electricity_bn_kwh", "tractors_k",
                     "consumer_goods_index")),
    (N_("Food & countryside"), ("grain_harvest_mt", "share_below_subsistence", "food_per_head_rural_t",
                               "grain_procurement_mt", "grain_exports_mt", "collectivization", "cattle_m")),
    (N_("People"), ("population_m", "urban_real_wage_index", "rural_living_index", "workers_employees_m",
                   "urban_population_m")),
    (N_("State"), ("unrest", "plan_fulfilment", "fear", "gulag_m", "peasant_unrest", "urban_discontent")),
)
"""The year screen's panels, most important row first (rows that do not fit are left out)."""

FORECAST_ROWS: tuple[str, ...] = (
    "grain_harvest_mt", "food_per_head_rural_t", "share_below_subsistence", "famine_deaths_m", "steel_mt", "unrest",
)
FORECAST_LABELS = {"share_below_subsistence": N_("Famine risk: below subsistence")}


def measure(metric: str) -> Measure:
    if metric in MEASURES:
        return MEASURES[metric]
    return Measure(metric, metric, "", 2, None)  # a name from a mod or an old file: shown plainly


# -- the year screen ------------------------------------------------------------------------


@dataclass(frozen=True)
class Indicator:
    metric: str
    label: str
    value: str
    reported: str | None       # the regime's figure, where it differs from the real one
    trend: int                 # +1 up, -1 down, 0 flat or unknown
    good: bool | None          # is the trend good news? None: neither
    history: tuple[float, ...]  # the series so far, for a sparkline


def starting_values(ctx: GameContext) -> dict[str, float]:
    """Before the first year is played, the country as the game begins: the indexes at their
    base (100), the scenario's starting state, and history's figures for the first year where
    the model has not yet made its own (output, the harvest, procurement...)."""
    init = ctx.world.initial
    history = {metric: value for metric, (value, _approximate) in history_at_start(ctx).items()}
    indexes = {m: 100.0 for m in METRICS if BY_NAME[m].unit == INDEX}   # the first year is their base
    return history | indexes | {
        "population_m": init.rural_population_m + init.urban_population_m,
        "urban_population_m": init.urban_population_m,
        "workers_employees_m": init.nonfarm_labour_m,
        "collectivization": init.collectivization,
        "cattle_m": init.cattle_m,
        "horses_m": init.horses_m,
        "gulag_m": init.gulag_m,
        "fear": init.fear,
        "peasant_unrest": init.peasant_unrest,
        "urban_discontent": init.urban_discontent,
    }


def labour_arrived(ctx: GameContext) -> str | None:
    """What last year's labour orders achieved: jobs are ordered, people must come (the model's
    labour market), e.g. "Last year: 2.1 M more hands ordered, 1.3 M arrived; 0.8 M jobs empty"."""
    records = ctx.session.records
    if not records:
        return None
    last = records[-1]
    before = records[-2]["workers_employees_m"] if len(records) > 1 else ctx.world.initial.nonfarm_labour_m
    ordered = last["labour_demand_m"] - before
    arrived = last["workers_employees_m"] - before
    text = _("Last year: {ordered} M more hands ordered, {arrived} M arrived").format(
        ordered=f"{ordered:.1f}", arrived=f"{arrived:.1f}")
    if last["unfilled_jobs_m"] >= 0.05:
        text += _("; {unfilled} M jobs stayed empty").format(unfilled=f"{last['unfilled_jobs_m']:.1f}")
    return text + "."


def investment_built(ctx: GameContext) -> str | None:
    """What last year's investment achieved: money must be built by builders, and what they could
    not carry out was lost to unfinished sites, e.g. "Last year: 41.2 bn rubles of investment
    ordered, 33.7 bn built; 7.5 bn went unbuilt for want of builders"."""
    records = ctx.session.records
    if not records:
        return None
    last = records[-1]
    ordered, unbuilt = last["investment_bn"], last["unbuilt_investment_bn"]
    text = _("Last year: {ordered} bn rubles of investment ordered, {built} bn built").format(
        ordered=f"{ordered:.1f}", built=f"{ordered - unbuilt:.1f}")
    if unbuilt >= 0.05:
        text += _("; {unbuilt} bn went unbuilt for want of builders").format(unbuilt=f"{unbuilt:.1f}")
    return text + "."


def history_at_start(ctx: GameContext) -> dict[str, tuple[float, bool]]:
    """History's figures for the first year, metric -> (value, approximate: tagged M in the
    reference), from the first series that measures each metric (the revised harvest, not the
    low estimate)."""
    first = ctx.world.first_year
    out: dict[str, tuple[float, bool]] = {}
    for series in ctx.scenario.history.values():
        if series.metric in METRICS and first in series.values and series.metric not in out:
            out[series.metric] = (series.values[first], series.tags.get(first) == "M")
    return out


def indicators(ctx: GameContext, metrics: tuple[str, ...]) -> list[Indicator]:
    records = ctx.session.records
    start = starting_values(ctx) if not records else {}
    approximate = {m for m, (_v, approx) in history_at_start(ctx).items() if approx} if not records else set()
    rows = []
    for metric in metrics:
        spec = measure(metric)
        series = tuple(r[metric] for r in records if metric in r)
        value = series[-1] if series else start.get(metric)
        reported = None
        if metric in REPORTED and records:
            reported = spec.number(records[-1][REPORTED[metric]])
        trend = 0
        # A change too small to show in the figure as printed ("0 %" after "0 %") is no trend.
        if (len(series) >= 2 and not math.isclose(series[-1], series[-2], rel_tol=5e-3, abs_tol=1e-9)
                and spec.number(series[-1]) != spec.number(series[-2])):
            trend = 1 if series[-1] > series[-2] else -1
        good = None if spec.higher_is_better is None or trend == 0 else (trend > 0) == spec.higher_is_better
        shown = spec.number(value)
        if metric in approximate and value is not None:
            shown = "\u2248\u00a0" + shown   # "≈ 1.3": an approximate figure in the reference
        rows.append(Indicator(metric, spec.table_label, shown, reported, trend, good, series))
    return rows


def trend_word(row: Indicator) -> str:
    """The trend in a word, beside its arrow and its colour (never colour alone): "better" or
    "worse" where up is good or bad news, "up" or "down" where it is neither, "steady"."""
    if row.trend == 0:
        return _("steady") if len(row.history) >= 2 else ""
    if row.good is True:
        return _("better")
    if row.good is False:
        return _("worse")
    return _("up") if row.trend > 0 else _("down")


@dataclass(frozen=True)
class LedgerEntry:
    label: str
    value: str
    amount: float


LEDGER = (
    ("famine_deaths_m", N_("famine deaths"), "m"),
    ("deported_m", N_("deported"), "m"),
    ("deportation_deaths_k", N_("died in deportation"), "k"),
    ("arrests_k", N_("arrested"), "k"),
    ("executions_k", N_("executed"), "k"),
    ("gulag_deaths_k", N_("died in camps"), "k"),
)


IN_CAMPS = N_("in camps now")


def ledger(records: list[dict[str, float]], camps_at_start: float = 0.0) -> list[LedgerEntry]:
    """The human cost so far: every death and deportation, summed over the years played."""
    entries = []
    for metric, label, unit in LEDGER:
        total = math.fsum(r.get(metric, 0.0) for r in records)
        text = fmt_people_m(total) if unit == "m" else fmt_people_k(total)
        entries.append(LedgerEntry(_(label), text if total > 0 else "0", total))
    camps = records[-1].get("gulag_m", 0.0) if records else camps_at_start
    entries.append(LedgerEntry(_(IN_CAMPS), fmt_people_m(camps), camps))
    return entries


# -- plans ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    key: str
    label: str
    target: float
    real: float | None
    reported: float | None
    target_text: str
    real_text: str
    reported_text: str | None

    @property
    def fraction(self) -> float:
        return 0.0 if self.real is None or self.target <= 0 else self.real / self.target

    @property
    def reported_fraction(self) -> float | None:
        return None if self.reported is None or self.target <= 0 else self.reported / self.target


def current_plan(ctx: GameContext, year: int | None = None) -> Plan | None:
    """The plan of `year` (default: the year being played, else the last year played)."""
    if year is None:
        year = ctx.year if not ctx.finished else ctx.session.records[-1]["year"]
    return ctx.world.plan_for(int(year))


def targets_in_force(ctx: GameContext, plan: Plan) -> dict[str, float]:
    state_targets = ctx.session.game.state.targets.get(plan.id)
    if state_targets:
        return dict(state_targets)
    if ctx.draft is not None and plan.id in ctx.draft.targets and ctx.holds("targets"):
        return dict(ctx.draft.targets[plan.id])
    default = ctx.default_directives(plan.start).targets.get(plan.id) if plan.start >= ctx.world.first_year else None
    return dict(default or plan.historical_targets)


def plan_progress(ctx: GameContext, plan: Plan, upto_year: int | None = None) -> list[Progress]:
    records = [r for r in ctx.session.records if upto_year is None or r["year"] <= upto_year]
    last = records[-1] if records else None
    rows = []
    start = starting_values(ctx) if not ctx.session.records else {}
    for key, target in targets_in_force(ctx, plan).items():
        metric = TARGET_METRIC[key]
        spec = measure(metric)
        real = last.get(metric) if last else start.get(metric)
        reported_metric = REPORTED.get(metric)
        reported = last.get(reported_metric) if last and reported_metric else None
        rows.append(Progress(key, spec.label, target, real, reported, spec.format(target),
                             spec.number(real),
                             spec.format(reported) if reported is not None else None))
    return rows


# -- the year-end report ----------------------------------------------------------------------


@dataclass(frozen=True)
class ReportLine:
    label: str
    reported: str | None
    real: str
    gap: str | None   # how far the report is above the real figure


def report_lines(record: dict[str, float]) -> list[ReportLine]:
    lines = []
    for metric, reported_metric in REPORTED.items():
        spec = measure(metric)
        real, reported = record[metric], record[reported_metric]
        gap = None
        if real > 0 and not math.isclose(real, reported, rel_tol=1e-3):
            gap = f"{100 * (reported / real - 1):+.0f} %"
        lines.append(ReportLine(spec.label, spec.format(reported), spec.format(real), gap))
    return lines


def year_costs(record: dict[str, float]) -> list[LedgerEntry]:
    """The human cost of one year."""
    return [entry for entry in ledger([record]) if entry.label != _(IN_CAMPS)]


def internal_lines(record: dict[str, float]) -> list[tuple[str, str]]:
    """The internal report's other figures: what Pravda does not print."""
    metrics = ("grain_procurement_mt", "grain_exports_mt", "share_below_subsistence", "food_per_head_rural_t",
               "cattle_m", "urban_real_wage_index", "unrest", "plan_fulfilment")
    return [(measure(m).label, measure(m).format(record[m])) for m in metrics if m in record]


# -- history beside the record ----------------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    label: str
    year: int
    yours: str
    history: str
    approximate: bool


def beside_history(ctx: GameContext) -> list[Comparison]:
    """For each historical series the model also records: the last year both have."""
    by_year = {int(r["year"]): r for r in ctx.session.records}
    rows = []
    for series in ctx.scenario.history.values():
        if series.metric not in METRICS:
            continue
        common = sorted(y for y in series.values if y in by_year)
        if not common:
            continue
        year = common[-1]
        spec = measure(series.metric)
        rows.append(Comparison(series.label, year, spec.format(by_year[year][series.metric]),
                               spec.format(series.values[year]), series.tags.get(year) == "M"))
    return rows


def history_approximate(scenario: Scenario, metric: str) -> frozenset[int]:
    """The years of history's series for a metric whose figure is approximate (tagged M)."""
    for series in scenario.history.values():
        if series.metric == metric:
            return frozenset(y for y, tag in series.tags.items() if tag == "M")
    return frozenset()


def history_points(scenario: Scenario, metric: str) -> dict[int, float]:
    """History's values of a model metric (the first series that measures it)."""
    for series in scenario.history.values():
        if series.metric == metric:
            return dict(series.values)
    return {}


def totals(records: list[dict[str, float]]) -> dict[str, float]:
    """Flows summed; levels at their last value."""
    if not records:
        return {}
    return {m: math.fsum(r[m] for r in records) if m in PER_YEAR_FLOWS else records[-1][m] for m in METRICS}


# -- texts --------------------------------------------------------------------------------------


def epilogue(ctx: GameContext) -> list[tuple[str, str]]:
    """The end of the game in the scenario's own words: its epilogue text if it has one, its
    closing notes, and what actually happened in the events of the last year played."""
    scenario = ctx.scenario
    ending = ctx.session.game.ending or "completed"
    parts: list[tuple[str, str]] = []
    for key in (f"epilogue_{ending}", "epilogue"):
        if key in scenario.texts:
            parts.append(("", scenario.texts[key]))
            break
    parts += [(note.title, note.text) for note in scenario.notes
              if note.id.startswith(("after_", "epilogue"))]
    if not parts and ctx.session.records and ctx.session.deck is not None:
        # No epilogue written for this scenario: what actually happened in its last year.
        last_year = int(ctx.session.records[-1]["year"])
        for fired in ctx.session.events:
            event = ctx.session.deck.entries.get(fired.id)
            if fired.year == last_year and event is not None and event.event.history is not None:
                parts.append((event.event.title, event.event.history.text))
    return parts


def sources(scenario: Scenario) -> list[str]:
    """Every work the scenario's figures, notes and events cite, once each (the forms of one work
    merged: game.debrief.citations)."""
    found: list[str] = []
    for series in scenario.history.values():
        if series.source:
            found.append(series.source)
    for note in scenario.notes:
        found += note.sources
    for event in scenario.events:
        if event.history is not None:
            found += event.history.sources
    return works(found)
