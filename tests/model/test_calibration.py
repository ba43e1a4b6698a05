"""The historical policy, under the historical weather, reproduces the historical record.

Every benchmark comes from scenarios/reference/history.yaml through game/headless/benchmarks.py,
the same checks the calibration search minimises and docs/MODEL.md reports. The model computes
these from its mechanisms; nothing is looked up (test_behaviour.py shows that other policies give
other outcomes). `series` checks are the years between the benchmarks, from the standard annual
series: a model that dips and overshoots between benchmarks fails them.
"""

from __future__ import annotations

import pytest

from game.headless import benchmarks

from .helpers import played


def _checks(kind: str) -> list[benchmarks.Check]:
    return [c for c in benchmarks.historical_checks(played("historical")) if c.kind == kind]


@pytest.mark.parametrize("check", _checks("benchmark"), ids=lambda c: c.figure)
def test_benchmark_inside_its_band(check):
    assert check.inside, f"{check.figure}: model {check.model:.4g}, history {check.history}, " \
                         f"allowed {check.low:.4g}-{check.high:.4g}"


def test_the_years_between_benchmarks_follow_the_standard_series():
    outside = [f"{c.figure}: model {c.model:.4g}, history {c.history} ({c.low:.4g}-{c.high:.4g})"
               for c in _checks("series") if not c.inside]
    assert not outside, "\n".join(outside)


def test_famine_deaths_peak_in_1933():
    record = played("historical")
    assert record[1933]["famine_deaths_m"] > record[1932]["famine_deaths_m"] > 0
    assert record[1933]["famine_deaths_m"] > record[1931]["famine_deaths_m"]


def test_cattle_have_collapsed_by_the_summer_of_1930():
    record = played("historical")
    assert record[1930]["cattle_m"] <= 0.85 * record[1928]["cattle_m"]


def test_the_historical_game_reaches_june_1941():
    assert max(played("historical")) == 1941


def test_the_weather_record_has_categories_with_sources_and_no_numbers():
    """No year has a number of its own: each has a category per region group and the works it
    rests on; one shared table turns categories into yields."""
    import yaml

    from game.model.params import WEATHER_CATEGORIES
    from game.scenario import SCENARIO_DIR

    record = yaml.safe_load((SCENARIO_DIR / "common" / "weather.yaml").read_text(encoding="utf-8"))
    for year, entry in record["historical_weather"].items():
        assert set(entry) <= {"regions", "note", "sources"}, year
        assert set(entry["regions"].values()) <= set(WEATHER_CATEGORIES), year
        assert entry["sources"] and entry["note"], year
        assert not any(isinstance(v, int | float) for v in entry["regions"].values()), year
