"""The model reasons rather than looks up: other policies give other, explainable outcomes."""

from __future__ import annotations

import pytest

from game.model import Directives, Game

from .helpers import great_turn, history, play, played, total

HISTORY_STEEL_1937 = 17.7  # Mt, scenarios/reference/history.yaml


def test_gentle_collectivization_avoids_famine_and_keeps_most_industry():
    gentle = played("gentle")
    assert total(gentle, "famine_deaths_m") < 0.5
    assert gentle[1937]["steel_mt"] >= 0.7 * history()["industry"]["steel_mt"][1937][0]


def test_nep_grows_industry_far_more_slowly():
    nep = played("nep")
    assert nep[1937]["steel_mt"] <= 0.65 * history()["industry"]["steel_mt"][1937][0]


def test_maximal_policy_kills_more_by_famine_than_history():
    maximal = total(played("maximal"), "famine_deaths_m")
    assert maximal > total(played("historical"), "famine_deaths_m")
    assert maximal > history()["human_cost"]["famine_1931_1933_excess_deaths_m"]["ussr_range"][0]


def test_no_deportations_without_dekulakization():
    assert total(played("gentle"), "deported_m") == 0.0
    assert total(played("historical"), "deported_m") > 1.0


def test_terror_executes_far_more_than_normal_repression():
    record = played("historical")
    assert record[1937]["executions_k"] > 20 * record[1935]["executions_k"]


def _replay_with(base: dict[int, Directives], year: int, **changes) -> Game:
    world = great_turn()
    game = Game(world)
    for y in range(world.first_year, world.last_year + 1):
        directives = base[y].model_copy(update=changes) if y == year else base[y]
        game.play_year(directives)
    return game


@pytest.mark.parametrize("year", [1930, 1931, 1932, 1933, 1936])
def test_more_procurement_never_lowers_famine_deaths(historical_directives, year):
    deaths = []
    for extra in (0.0, 2.0, 4.0, 8.0):
        ordered = historical_directives[year].grain_procurement_mt + extra
        game = _replay_with(historical_directives, year, grain_procurement_mt=ordered)
        deaths.append(sum(r["famine_deaths_m"] for r in game.records))
    assert deaths == sorted(deaths), deaths


def test_a_drought_lowers_the_harvest():
    world = great_turn()
    weather = dict(world.historical_weather)
    weather[1935] = weather[1935] * 0.75
    drought = world.model_copy(update={"historical_weather": weather})
    normal, dry = play("historical"), play("historical", world=drought)
    year = 1935 - world.first_year
    assert dry.records[year]["grain_harvest_mt"] < 0.8 * normal.records[year]["grain_harvest_mt"]
    assert dry.records[year - 1] == normal.records[year - 1]


def test_random_weather_differs_by_seed_and_repeats_exactly():
    a, b, c = (play("historical", seed=s, weather="random") for s in (1, 1, 2))
    assert a.records == b.records
    assert [r["grain_harvest_mt"] for r in a.records] != [r["grain_harvest_mt"] for r in c.records]


def test_forcing_collectivization_slaughters_herds():
    world = great_turn()
    from game.scenario.policy import directives_by_year, load_policy

    policy, path = load_policy("gentle")
    base = directives_by_year(policy, world, path)
    calm = _replay_with(base, 1929)
    forced = _replay_with(base, 1929, collectivization_target=0.6, dekulakization=True)
    assert forced.records[1]["cattle_m"] < 0.85 * calm.records[1]["cattle_m"]
    assert forced.records[1]["peasant_unrest"] > calm.records[1]["peasant_unrest"]
