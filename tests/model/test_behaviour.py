"""The model reasons rather than looks up: other policies give other, explainable outcomes.

Each test is named after the question it answers. The counterfactual games are played through the
same code as the calibration (game/headless/benchmarks.py), so what the tests assert is what
docs/MODEL.md reports.
"""

from __future__ import annotations

import math
from functools import cache

import pytest

from game.headless import benchmarks
from game.headless.benchmarks import FAMINE_YEARS, changed, with_targets
from game.model import Directives, Game

from .helpers import deck, great_turn, history, play, played, total

HISTORY_STEEL_1937 = 17.7  # Mt, scenarios/reference/history.yaml


@cache
def _policy(name: str) -> dict[int, Directives]:
    return benchmarks.policy_directives(great_turn(), name)


def _play(directives: dict[int, Directives]) -> dict[int, dict[str, float]]:
    return benchmarks.play(great_turn(), deck(), directives)


def _famine_1931_33(records) -> float:
    return total(records, "famine_deaths_m", FAMINE_YEARS)


def test_exports_matter():
    """No grain exports from the 1930-1932 harvests, all else historical: the state keeps that
    grain, and what it holds beyond the towns, the army and its reserve goes back to the villages."""
    base = _policy("historical")
    no_exports = _play(changed(base, (1930, 1931, 1932), grain_exports_mt=0.0))
    assert _famine_1931_33(no_exports) <= 0.85 * _famine_1931_33(played("historical"))
    assert total(no_exports, "grain_relief_mt", (1930, 1931, 1932)) > total(played("historical"), "grain_relief_mt",
                                                                             (1930, 1931, 1932))


def test_reserves_matter():
    base = _policy("historical")
    drawn = _play(changed(base, (1932, 1933), grain_reserve_target_mt=0.0))
    assert _famine_1931_33(drawn) < _famine_1931_33(played("historical"))
    assert drawn[1932]["grain_reserve_mt"] == 0.0 < played("historical")[1932]["grain_reserve_mt"]


def test_allen_nep_case():
    """R.C. Allen (Farm to Factory, 2003): the five-year plans' industrial strategy without forced
    collectivization gives non-agricultural value added in 1939 of about 0.81 of the actual,
    slightly ahead of the actual to 1933 and behind later, with no famine."""
    nep, actual = _play(_policy("allen_nep")), played("historical")
    ratio_1939 = nep[1939]["nonag_value_added_bn"] / actual[1939]["nonag_value_added_bn"]
    ratio_1932 = nep[1932]["nonag_value_added_bn"] / actual[1932]["nonag_value_added_bn"]
    assert 0.70 <= ratio_1939 <= 0.95
    assert ratio_1932 >= 0.97
    assert total(nep, "famine_deaths_m") < 0.3


def test_collectivization_pushes_labour():
    """The same labour orders fill further when collectivization and famine push people out."""
    nep, actual = _play(_policy("allen_nep")), played("historical")
    assert actual[1937]["workers_employees_m"] > nep[1937]["workers_employees_m"]
    assert total(actual, "migrants_pushed_m") + total(actual, "migrants_fled_m") > total(nep, "migrants_pushed_m") \
        + total(nep, "migrants_fled_m")
    assert total(nep, "unfilled_jobs_m") > total(actual, "unfilled_jobs_m")


def test_targets_have_an_optimum():
    """Moderately ambitious targets beat both trivial and absurd ones on the steel made by the plan's
    last year: storming adds output at modest pressure, strain takes more than it adds at absurd pressure."""
    base = _policy("historical")
    steel = {name: total(_play(with_targets(base, "first_plan", 1928, targets)), "steel_mt", benchmarks.PLAN_YEARS)
             for name, targets in benchmarks.TARGET_CASES.items()}
    assert steel["moderate"] > steel["trivial"]
    assert steel["moderate"] > steel["absurd"]


def test_investment_builds_the_industry_of_the_later_1930s():
    """The plans' investment built the works of the Second Plan: ten points less of the national
    income invested from 1929 leaves less steel in 1937, and five points more, with the builders
    to carry it out, more (new works need workers, so the gain is smaller than the money)."""
    base = _policy("historical")
    steel = _play(base)[1937]["steel_mt"]
    less = _play(benchmarks.shifted(base, benchmarks.INVESTMENT_YEARS, investment=-0.10))[1937]["steel_mt"]
    more = _play(benchmarks.shifted(base, benchmarks.INVESTMENT_YEARS, investment=0.05, construction=0.02))
    assert less < 0.95 * steel
    assert more[1937]["steel_mt"] > 1.02 * steel


def test_refusing_coercion_means_paying_for_grain():
    """Under the market a better price buys grain willingly, and the premium comes out of investment."""
    base = _policy("allen_nep")
    dear = _play(changed(base, range(1929, 1942), grain_price_index=160.0, grain_procurement_mt=20.0))
    cheap = _play(changed(base, range(1929, 1942), grain_procurement_mt=20.0))
    assert total(dear, "grain_procurement_market_mt") > total(cheap, "grain_procurement_market_mt")
    assert total(dear, "grain_procurement_coerced_mt") < total(cheap, "grain_procurement_coerced_mt")
    assert total(dear, "grain_purchase_premium_bn") > 0 == total(cheap, "grain_purchase_premium_bn")
    assert dear[1935]["investment_bn"] < cheap[1935]["investment_bn"]


def test_unfilled_orders_are_reported():
    nep = _play(_policy("allen_nep"))
    year = next(y for y, r in nep.items() if r["unfilled_jobs_m"] > 0.1)
    r = nep[year]
    assert r["labour_demand_m"] == pytest.approx(r["workers_employees_m"] + r["unfilled_jobs_m"])


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
def test_more_grain_taken_and_sold_abroad_never_lowers_famine_deaths(historical_directives, year):
    """Grain taken from the villages and shipped out of the country can only add to the famine.
    (More procurement alone can lower it: the state hands what it does not use back to the
    villages as loans, the famine regions first, and the regions with grain to spare carry more
    of the burden of feeding the towns and the army.)"""
    deaths = []
    for extra in (0.0, 2.0, 4.0, 8.0):
        d = historical_directives[year]
        game = _replay_with(historical_directives, year, grain_procurement_mt=d.grain_procurement_mt + extra,
                            grain_exports_mt=min(15.0, d.grain_exports_mt + extra))
        deaths.append(math.fsum(r["famine_deaths_m"] for r in game.records))
    assert deaths == sorted(deaths), deaths


def test_a_drought_lowers_the_harvest():
    world = great_turn()
    weather = dict(world.historical_weather)
    weather[1935] = {group: "drought" for group in weather[1935]}
    drought = world.model_copy(update={"historical_weather": weather})
    normal, dry = play("historical"), play("historical", world=drought)
    year = 1935 - world.first_year
    assert dry.records[year]["grain_harvest_mt"] < 0.8 * normal.records[year]["grain_harvest_mt"]
    assert dry.records[year - 1] == normal.records[year - 1]


def test_random_weather_differs_by_seed_and_repeats_exactly():
    a, b, c = (play("historical", seed=s, weather="random") for s in (1, 1, 2))
    assert a.records == b.records
    assert [r["grain_harvest_mt"] for r in a.records] != [r["grain_harvest_mt"] for r in c.records]


def test_random_weather_draws_from_the_record_s_categories():
    from game.model.weather import random_categories

    params = great_turn().params.weather
    seen = {cat for year in range(1928, 1942) for draw in range(30)
            for cat in random_categories(7, year, draw, params).values()}
    assert seen <= set(params.factors) and {"drought", "average", "good"} <= seen


def test_forcing_collectivization_slaughters_herds():
    base = _policy("gentle")
    calm = _replay_with(base, 1929)
    forced = _replay_with(base, 1929, collectivization_target=0.6, dekulakization=True)
    # The drive of 1929 kills most of the herds before the summer count of 1930.
    assert forced.records[2]["cattle_m"] < 0.85 * calm.records[2]["cattle_m"]
    assert forced.records[1]["peasant_unrest"] > calm.records[1]["peasant_unrest"]


def test_allen_s_case_changes_only_the_countryside():
    """allen_nep.yaml is history's policy with the NEP levers changed from 1929, nothing else."""
    nep_levers = {"collectivization_target", "dekulakization", "grain_procurement_mt", "grain_exports_mt", "repression",
                  "herd_requisition"}
    history_, nep = _policy("historical"), _policy("allen_nep")
    for year in history_:
        differ = {f for f in Directives.model_fields if getattr(history_[year], f) != getattr(nep[year], f)}
        assert differ <= (nep_levers if year >= 1929 else set()), (year, differ)
