"""Properties that hold for any valid directives (hypothesis): every lever of the lever table at any
value it allows."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.model import Directives, Game
from game.model.levers import CONTROLS
from game.model.regions import REGION_METRICS

from .helpers import great_turn


def _shares(count: int):
    return st.tuples(*[st.floats(0.0, 1.0)] * count).filter(lambda t: math.fsum(t) > 0.05)


@st.composite
def directives(draw) -> Directives:
    values = {}
    for control in CONTROLS.values():
        if control.kind == "number":
            values[control.field] = draw(st.floats(control.low, control.high))
        elif control.kind == "level":
            values[control.field] = draw(st.integers(int(control.low), int(control.high)))
        elif control.kind == "switch":
            values[control.field] = draw(st.booleans())
        elif control.kind == "shares":
            parts = draw(_shares(len(control.parts)))
            total = math.fsum(parts)
            values[control.field] = {name: x / total for (name, _), x in zip(control.parts, parts, strict=True)}
    return Directives.model_validate(values)


SETTINGS = settings(max_examples=500, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@settings(SETTINGS, max_examples=150)
@given(st.lists(directives(), min_size=14, max_size=14), st.integers(0, 2**16), st.booleans())
def test_every_metric_stays_finite_and_non_negative(years, seed, random_weather):
    """A fixed sample of random policies; the 500 of the issue under -m slow."""
    check_finite_and_non_negative(years, seed, random_weather)


@pytest.mark.slow
@SETTINGS
@given(st.lists(directives(), min_size=14, max_size=14), st.integers(0, 2**16), st.booleans())
def test_500_random_policies_stay_finite_and_non_negative(years, seed, random_weather):
    check_finite_and_non_negative(years, seed, random_weather)


def check_finite_and_non_negative(years, seed, random_weather) -> None:
    game = Game(great_turn(), seed=seed, weather_mode="random" if random_weather else "historical")
    for d in years:
        if game.finished:
            break
        record = game.play_year(d)
        for metric, value in record.items():
            assert math.isfinite(value), f"{record['year']:.0f} {metric} = {value}"
            assert value >= 0.0, f"{record['year']:.0f} {metric} = {value}"
        check_regions(game.world, game.region_years[-1].rows(game.world.params.regions), record)


REGIONAL_SUMS = {"rural_m": "rural_population_m", "urban_m": "urban_population_m", "harvest_mt": "grain_harvest_mt",
                 "procurement_mt": "grain_procurement_mt", "relief_mt": "grain_relief_mt",
                 "famine_deaths_m": "famine_deaths_m", "cattle_m": "cattle_m",
                 "special_settlers_m": "special_settlers_m"}


def check_regions(world, rows, record) -> None:
    """Every regional figure finite and non-negative, and the regions adding up to the country."""
    year = f"{record['year']:.0f}"
    for region, row in zip(world.params.regions.ids, rows, strict=True):
        for metric, value in zip(REGION_METRICS, row, strict=True):
            assert math.isfinite(value) and value >= 0.0, f"{year} {region} {metric} = {value}"
    for metric, national in REGIONAL_SUMS.items():
        column = REGION_METRICS.index(metric)
        total = math.fsum(row[column] for row in rows)
        assert abs(total - record[national]) <= 1e-9 * max(1.0, record[national]), (
            f"{year}: the regions' {metric} add up to {total}, the country's {national} is {record[national]}")


SOURCES = ("grain_harvest_mt",)
USES = ("grain_seed_mt", "grain_losses_mt", "grain_feed_mt", "grain_village_food_mt", "grain_private_sales_mt",
        "grain_stocks_peasant_mt", "grain_army_mt", "grain_exports_mt", "grain_towns_mt", "grain_reserve_mt")


@settings(max_examples=200, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(directives(), min_size=14, max_size=14), st.integers(0, 2**16))
def test_the_grain_balance_closes_every_year(years, seed):
    """Every tonne is accounted for, from the published figures alone: the harvest and the stocks
    carried in equal seed, losses, feed, food, sales, exports, rations and the stocks carried out."""
    world = great_turn()
    game = Game(world, seed=seed, weather_mode="random")
    peasant_in, state_in = world.initial.peasant_stock_mt, world.initial.state_reserve_mt
    for d in years:
        if game.finished:
            break
        r = game.play_year(d)
        sources = r["grain_harvest_mt"] + peasant_in + state_in
        uses = math.fsum(r[name] for name in USES)
        assert abs(sources - uses) <= 1e-9 * max(1.0, sources), f"{r['year']:.0f}: {sources} != {uses}"
        peasant_in, state_in = r["grain_stocks_peasant_mt"], r["grain_reserve_mt"]
