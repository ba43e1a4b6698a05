"""The historical policy, under the historical weather, reproduces the historical record.

Benchmarks from scenarios/reference/history.yaml (a copy of the project reference). The model
computes these from its mechanisms; nothing is looked up (see test_behaviour.py for proof that
other policies give other outcomes).
"""

from __future__ import annotations

import pytest

from .helpers import history, played, total


@pytest.fixture(scope="module")
def record():
    return played("historical")


@pytest.mark.parametrize("metric", ["steel_mt", "pig_iron_mt", "coal_mt", "oil_mt", "electricity_bn_kwh"])
@pytest.mark.parametrize("year", [1932, 1937, 1940])
def test_industrial_output_within_15_percent(record, metric, year):
    expected = history()["industry"][metric][year][0]
    got = record[year][metric]
    assert got == pytest.approx(expected, rel=0.15), f"{metric} {year}: model {got:.1f}, history {expected}"


@pytest.mark.parametrize(("years", "key"), [(range(1929, 1933), "first_plan_1929_1932"),
                                            (range(1933, 1938), "second_plan_1933_1937")])
def test_tractors_per_plan_within_25_percent(record, years, key):
    expected = history()["industry"]["tractors_total"][key][0] / 1000.0
    got = total(record, "tractors_k", set(years))
    assert got == pytest.approx(expected, rel=0.25), f"{key}: model {got:.0f}k, history {expected:.0f}k"


@pytest.mark.parametrize("year", range(1928, 1941))
def test_real_harvest_between_low_estimate_and_revised_figure(record, year):
    grain = history()["grain"]
    low = grain["harvest_low_estimate_mt"][year] * 0.9
    high = grain["harvest_revised_mt"][year] * 1.1
    got = record[year]["grain_harvest_mt"]
    assert low <= got <= high, f"{year}: harvest {got:.1f} Mt outside {low:.1f}-{high:.1f}"


@pytest.mark.parametrize("year", range(1933, 1941))
def test_reported_harvest_at_or_above_real_from_1933(record, year):
    assert record[year]["grain_harvest_reported_mt"] >= record[year]["grain_harvest_mt"]


def test_cattle_fall_by_1933_and_recover_by_1938(record):
    assert 30.0 <= record[1933]["cattle_m"] <= 45.0
    assert record[1938]["cattle_m"] > 55.0


def test_famine_of_1931_to_1933(record):
    famine = total(record, "famine_deaths_m", {1931, 1932, 1933})
    assert 4.5 <= famine <= 8.5, f"famine deaths 1931-33: {famine:.2f} M"


@pytest.mark.parametrize("year", [y for y in range(1928, 1942) if y not in (1931, 1932, 1933)])
def test_no_famine_mortality_in_other_years(record, year):
    assert record[year]["famine_deaths_m"] < 0.3


def test_urban_population_1939(record):
    expected = history()["population"]["census_1939"]["urban_m"][0]
    assert record[1939]["urban_population_m"] == pytest.approx(expected, rel=0.12)


@pytest.mark.parametrize("year", [1932, 1937, 1940])
def test_workers_and_employees_within_20_percent(record, year):
    expected = history()["population"]["workers_and_employees_m"]["values"][year]
    assert record[year]["workers_employees_m"] == pytest.approx(expected, rel=0.20)


@pytest.mark.parametrize("year", [1932, 1937, 1939])
def test_nonagricultural_value_added_matches_allen(record, year):
    expected = history()["growth_and_living_standards"]["nonagricultural_value_added_bn_1937_rubles"]["values"][year]
    assert record[year]["nonag_value_added_bn"] == pytest.approx(expected, rel=0.15)


def test_executions_in_the_great_terror(record):
    executions_m = total(record, "executions_k", {1937, 1938}) / 1000.0
    assert 0.4 <= executions_m <= 0.9, f"executions 1937-38: {executions_m:.2f} M"


def test_historical_game_reaches_june_1941(record):
    assert max(record) == 1941
