"""Weather: a category per region group and year, from the historical record or drawn at random.

The record (scenarios/common/weather.yaml) says what the sources say of each year in each region
group: excellent, good, average, poor, drought, or wet_blight (a year spoilt by rain, rust and
smut). One shared table of yield factors turns categories into yields, the same in every year:
there is no per-year number to fit. Random weather draws from the same categories, seeded so
that the same (seed, year, draw) always gives the same weather and never disturbs the game's
other random streams.
"""

from __future__ import annotations

import math
import random

from .params import WEATHER_SCALE, WeatherParams

GRADE = {"drought": 0.0, "poor": 1.0, "wet_blight": 1.0, "average": 2.0, "good": 3.0, "excellent": 4.0}
"""A category as a number conditions can compare: 0 drought ... 4 excellent."""


def yield_factor(categories: dict[str, str], p: WeatherParams) -> float:
    """The country's weather factor: each group's category factor, weighted by its grain area.
    (math.fsum, not sum: Python 3.12 made sum() of floats compensated, and the same game must come
    out to the last digit on every Python the game supports.)"""
    return math.fsum(share * p.factors[categories[group]] for group, share in p.groups.items())


def random_categories(seed: int, year: int, draw: int, p: WeatherParams) -> dict[str, str]:
    """One year's weather: a category for the country, each group one step either side at times."""
    rng = random.Random(f"weather:{seed}:{year}:{draw}")
    national = _pick(rng, p.odds)
    categories = {}
    for group in p.groups:
        category = national
        if national in WEATHER_SCALE and rng.random() < p.group_spread:
            step = -1 if rng.random() < 0.5 else 1
            index = min(len(WEATHER_SCALE) - 1, max(0, WEATHER_SCALE.index(national) + step))
            category = WEATHER_SCALE[index]
        categories[group] = category
    return categories


def _pick(rng: random.Random, odds: dict[str, float]) -> str:
    roll = rng.random() * math.fsum(odds.values())
    for category, chance in odds.items():
        roll -= chance
        if roll < 0:
            return category
    return next(reversed(odds))
