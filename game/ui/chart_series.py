"""The series the window's charts draw beside the player's own: history's figures (every year
the reference gives, the approximate ones as rings) and the famine with the historians' range.
The year-end report and the end screen draw the same."""

from __future__ import annotations

from ..present.i18n import _
from ..present.viewmodel import history_approximate, history_points
from . import draw


def history_series(style, scenario, metric: str, years: tuple[int, int]) -> draw.Series:
    """History's figures for a metric within the chart's years; tagged M (approximate) as rings."""
    points = {y: v for y, v in history_points(scenario, metric).items() if years[0] <= y <= years[1]}
    hollow = history_approximate(scenario, metric) & set(points)
    label = _("history (ring: approximate)") if hollow else _("history")
    return draw.Series(label, points, style.palette.ink, "points", hollow=frozenset(hollow))


def famine_series(style, deaths: dict[int, float], years: tuple[int, int], each_year: str) -> list[draw.Series]:
    """Each year's deaths, their running total, and from 1933 the historians' range for the whole
    famine of 1931-33 (there is no agreed year-by-year series to draw)."""
    from ..debrief.reference import human_cost

    p = style.palette
    running, total = {}, 0.0
    for year in sorted(deaths):
        total += deaths[year]
        running[year] = total
    out = [draw.Series(each_year, deaths, p.ink, "bars"),
           draw.Series(_("since {year}").format(year=years[0]), running, p.red)]
    band_years = list(range(max(1933, years[0]), years[1] + 1))
    if band_years and total > 0:
        ref = human_cost()
        out.insert(0, draw.Series(_("historians, 1931-33: {low}-{high} million").format(
            low=f"{ref.famine_low_m:.1f}", high=f"{ref.famine_high_m:.1f}"),
            {y: ref.famine_high_m for y in band_years}, p.rule, "band",
            low={y: ref.famine_low_m for y in band_years}))
    return out
