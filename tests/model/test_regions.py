"""Where the famine struck, and why: the regions under history's policy and when one decision is
taken differently (issue 16's acceptance). The figures come from scenarios/reference/history.yaml
(`regions:`); the regions' sums are checked every year, for random policies, in test_properties.py."""

from __future__ import annotations

import math

import pytest

from game.headless import benchmarks
from game.model import Game
from game.model.regions import REGION_METRICS, split_procurement
from game.model.weather import yield_factor
from game.model.year import baseline, resolve_year

from .helpers import deck, great_turn, history, played


def regional(records, region: str, years) -> float:
    return math.fsum(records.regions[region]["famine_deaths_m"][y] for y in years)


@pytest.fixture(scope="module")
def directives():
    return benchmarks.policy_directives(great_turn(), "historical")


def test_ukraine_loses_what_the_demographers_estimate_in_1932_34():
    low, high = history()["regions"]["famine_excess_deaths_m"]["ukraine"]["literature_range"]
    assert low <= regional(played("historical"), "ukraine", range(1932, 1935)) <= high


def test_kazakhstan_loses_a_million_or_more_in_1930_33_and_its_herds_collapse():
    records = played("historical")
    assert 1.0 <= regional(records, "kazakhstan", range(1930, 1934)) <= 1.7
    cattle = records.regions["kazakhstan"]["cattle_m"]
    assert cattle[1933] <= 0.4 * cattle[1929]


def test_ukraine_gives_about_a_third_of_the_collection_until_its_harvest_fails_in_1932():
    records = played("historical")
    share = {y: records.regions["ukraine"]["procurement_mt"][y] / records[y]["grain_procurement_mt"]
             for y in (1930, 1931, 1932)}
    assert 0.28 <= share[1930] <= 0.40 and 0.25 <= share[1931] <= 0.40
    assert share[1932] < 0.9 * (share[1930] + share[1931]) / 2


def test_most_of_the_famine_is_in_ukraine_the_north_caucasus_and_kazakhstan():
    records = played("historical")
    years = range(1930, 1935)
    everywhere = math.fsum(records[y]["famine_deaths_m"] for y in years)
    struck = math.fsum(regional(records, r, years) for r in ("ukraine", "north_caucasus", "kazakhstan"))
    assert struck > 0.7 * everywhere
    assert regional(records, "centre_north", years) < 0.01 * everywhere


def test_lifting_the_ban_on_flight_lowers_ukraine_s_famine_deaths(directives):
    banned = benchmarks.play(great_turn(), deck(), directives)
    free = benchmarks.play(great_turn(), deck(), directives, choices={"famine_1933": "deny_without_ban"})
    years = range(1932, 1935)
    assert regional(free, "ukraine", years) < regional(banned, "ukraine", years)
    assert free.regions["ukraine"]["fled_m"][1933] > banned.regions["ukraine"]["fled_m"][1933] == 0.0


def test_not_requisitioning_the_kazakh_herds_halves_kazakhstan_s_deaths_or_better(directives):
    taken = benchmarks.play(great_turn(), deck(), directives)
    left = benchmarks.play(great_turn(), deck(), benchmarks.changed(directives, directives.keys(), herd_requisition=0.0))
    years = range(1930, 1934)
    assert regional(left, "kazakhstan", years) <= 0.5 * regional(taken, "kazakhstan", years)
    assert left.regions["kazakhstan"]["cattle_m"][1933] > 2 * taken.regions["kazakhstan"]["cattle_m"][1933]


def test_blacklisting_takes_more_from_the_grain_regions_and_more_die_there(directives):
    """The 1932 harvest resolved twice from the same state, with and without blacklisting, under
    quotas that ask more of Ukraine and the Kuban than their villages can give: blacklisting takes
    part of what the quotas could not, the others are asked for less, and more die there."""
    world = great_turn()
    game = Game(world)
    for year in range(world.first_year, 1932):
        game.play_year(directives[year])
    pressed = directives[1932].model_copy(update={"grain_regions_quota": 1.5})
    years = {}
    for blacklisting in (0.0, 1.0):
        state = game.state.copy()
        state.blacklisting = blacklisting
        found: list = []
        resolve_year(world, state, pressed, dict(world.historical_weather[1932]),
                     yield_factor(world.historical_weather[1932], world.params.weather), baseline(world), found)
        years[blacklisting] = dict(zip(world.params.regions.ids, found[0].rows(world.params.regions), strict=True))
    taken, deaths = REGION_METRICS.index("procurement_mt"), REGION_METRICS.index("famine_deaths_m")
    for region in ("ukraine", "north_caucasus"):
        assert years[1.0][region][taken] > years[0.0][region][taken]
        assert years[1.0][region][deaths] > years[0.0][region][deaths]
    assert years[1.0]["volga"][taken] < years[0.0]["volga"][taken]   # the others are asked for less


def test_a_region_with_nothing_left_passes_its_quota_to_the_others():
    taken = split_procurement(10.0, [0.5, 0.3, 0.2], [2.0, 10.0, 10.0])
    assert taken[0] == 2.0
    assert math.isclose(math.fsum(taken), 10.0)
    assert math.isclose(taken[1] / taken[2], 0.3 / 0.2)


def test_an_order_beyond_every_region_s_room_is_still_collected_in_full():
    taken = split_procurement(10.0, [0.0, 0.0], [3.0, 4.0])
    assert math.isclose(math.fsum(taken), 10.0)
    assert taken[1] >= 4.0


def test_sparing_ukraine_and_the_kuban_moves_the_collection_and_the_famine_elsewhere(directives):
    years = (1931, 1932, 1933)
    spared = benchmarks.play(great_turn(), deck(), benchmarks.changed(directives, years, grain_regions_quota=0.6))
    base = played("historical")
    deaths = range(1932, 1935)
    assert regional(spared, "ukraine", deaths) < 0.8 * regional(base, "ukraine", deaths)
    assert spared.regions["volga"]["procurement_mt"][1932] > base.regions["volga"]["procurement_mt"][1932]
    assert regional(spared, "volga", deaths) > regional(base, "volga", deaths)
