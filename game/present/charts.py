"""The charts beside the player's record, display-free: which series each chart draws, with
history's figures (every year the reference gives, the approximate ones as rings) and the famine
with the historians' range. The window's year-end report and end screen paint them with pygame
(game/ui/chart_series.py); the browser edition draws the same as SVG.

A series names its colour by role (`red` the player's own figure, `reported` what was printed,
`ink` history's or a second figure, `rule` the historians' range): each front end has its palette.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .context import GameContext
from .i18n import _
from .viewmodel import history_approximate, history_points


@dataclass(frozen=True)
class ChartSeries:
    label: str
    points: dict[int, float]                # year -> value
    colour: str                             # red | reported | ink | rule
    style: str = "line"                     # line | dashed | points | bars | band (from `low` up to `points`)
    low: dict[int, float] | None = None     # a band's lower edge, year -> value
    hollow: frozenset[int] = field(default_factory=frozenset)   # drawn as rings: approximate (tagged M)


@dataclass(frozen=True)
class Chart:
    title: str
    series: tuple[ChartSeries, ...]
    years: tuple[int, int]                  # the x axis, first and last year


def history_series(scenario, metric: str, years: tuple[int, int]) -> ChartSeries:
    """History's figures for a metric within the chart's years; tagged M (approximate) as rings."""
    points = {y: v for y, v in history_points(scenario, metric).items() if years[0] <= y <= years[1]}
    hollow = history_approximate(scenario, metric) & set(points)
    label = _("history (ring: approximate)") if hollow else _("history")
    return ChartSeries(label, points, "ink", "points", hollow=frozenset(hollow))


def famine_series(deaths: dict[int, float], years: tuple[int, int], each_year: str) -> list[ChartSeries]:
    """Each year's deaths, their running total, and from 1933 the historians' range for the whole
    famine of 1931-33 (there is no agreed year-by-year series to draw)."""
    from ..debrief.reference import human_cost

    running, total = {}, 0.0
    for year in sorted(deaths):
        total += deaths[year]
        running[year] = total
    out = [ChartSeries(each_year, dict(deaths), "ink", "bars"),
           ChartSeries(_("since {year}").format(year=years[0]), running, "red")]
    band_years = list(range(max(1933, years[0]), years[1] + 1))
    if band_years and total > 0:
        ref = human_cost()
        out.insert(0, ChartSeries(_("historians, 1931-33: {low}-{high} million").format(
            low=f"{ref.famine_low_m:.1f}", high=f"{ref.famine_high_m:.1f}"),
            {y: ref.famine_high_m for y in band_years}, "rule", "band",
            low={y: ref.famine_low_m for y in band_years}))
    return out


def _series_of(records: list[dict[str, float]]):
    def series(metric: str, times: float = 1.0) -> dict[int, float]:
        return {int(r["year"]): times * r[metric] for r in records}
    return series


def report_charts(ctx: GameContext, year: int) -> list[Chart]:
    """The year-end report's four charts, of the game up to `year`: steel and grain (real,
    reported, history's), the famine, and the villagers below subsistence with the unrest."""
    records = [r for r in ctx.session.records if int(r["year"]) <= year]
    first = ctx.world.first_year
    years = (first, max(year, first + 4))
    series = _series_of(records)
    scenario = ctx.scenario
    return [
        Chart(_("Steel, Mt"), (ChartSeries(_("real"), series("steel_mt"), "red"),
                               ChartSeries(_("reported"), series("steel_reported_mt"), "reported", "dashed"),
                               history_series(scenario, "steel_mt", years)), years),
        Chart(_("Grain harvest, Mt"), (ChartSeries(_("real"), series("grain_harvest_mt"), "red"),
                                       ChartSeries(_("reported"), series("grain_harvest_reported_mt"), "reported",
                                                   "dashed"),
                                       history_series(scenario, "grain_harvest_mt", years)), years),
        Chart(_("Famine deaths, million people"), tuple(famine_series(series("famine_deaths_m"), years,
                                                                      _("each year"))), years),
        Chart(_("Villagers below subsistence and unrest, %"), (
            ChartSeries(_("below subsistence"), series("share_below_subsistence", 100.0), "red"),
            ChartSeries(_("unrest"), series("unrest", 100.0), "ink", "dashed")), years),
    ]


def end_charts(ctx: GameContext) -> list[Chart]:
    """The end screen's four charts of the whole game beside history's: steel, grain, cattle and
    the famine."""
    records = ctx.session.records
    world = ctx.world
    years = (world.first_year, max(world.first_year + 4, int(records[-1]["year"]) if records else world.last_year))
    series = _series_of(records)
    scenario = ctx.scenario
    return [
        Chart(_("Steel, Mt"), (ChartSeries(_("yours"), series("steel_mt"), "red"),
                               history_series(scenario, "steel_mt", years)), years),
        Chart(_("Grain harvest, Mt"), (ChartSeries(_("yours"), series("grain_harvest_mt"), "red"),
                                       history_series(scenario, "grain_harvest_mt", years)), years),
        Chart(_("Cattle, million"), (ChartSeries(_("yours"), series("cattle_m"), "red"),
                                     history_series(scenario, "cattle_m", years)), years),
        Chart(_("Famine deaths, million people"), tuple(famine_series(series("famine_deaths_m"), years,
                                                                      _("yours, each year"))), years),
    ]
