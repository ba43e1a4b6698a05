"""Charts with the record: history's series draw every year the reference gives (the approximate
ones as rings), and the famine chart carries the historians' range for 1931-33."""

from __future__ import annotations

import yaml

from game.present.charts import famine_series, history_series
from game.scenario import SCENARIO_DIR, load_scenario


def reference_years(group: str, name: str) -> dict[int, str]:
    reference = yaml.safe_load((SCENARIO_DIR / "reference" / "history.yaml").read_text(encoding="utf-8"))
    return {int(y): v[1] for y, v in reference["annual_series"][group][name].items() if isinstance(v, list)}


def test_history_draws_every_year_the_reference_gives_and_rings_the_approximate_ones():
    scenario = load_scenario("great_turn")
    for metric, (group, name) in {"steel_mt": ("industry", "steel_mt"), "coal_mt": ("industry", "coal_mt"),
                                  "cattle_m": ("livestock", "cattle_summer_m")}.items():
        series = history_series(scenario, metric, (1928, 1941))
        known = reference_years(group, name)
        assert set(known) <= set(series.points), metric
        assert series.hollow == {y for y, tag in known.items() if tag == "M"} and series.hollow, metric
        assert "approximate" in series.label


def test_the_famine_chart_has_the_historians_range_from_1933():
    deaths = {1931: 0.4, 1932: 2.0, 1933: 3.0, 1934: 0.1}
    band, bars, running = famine_series(deaths, (1928, 1934), "each year")
    assert band.style == "band" and set(band.points) == {1933, 1934}
    assert band.low[1933] == 5.5 and band.points[1933] == 8.5 and "5.5-8.5" in band.label
    assert bars.points == deaths and running.points[1934] == sum(deaths.values())
    lesson = famine_series({1931: 0.4, 1932: 2.0}, (1928, 1932), "each year")
    assert [s.style for s in lesson] == ["bars", "line"]   # no band before the famine's last year
