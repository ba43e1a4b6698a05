"""Weather: the historical series, or seeded random draws that do not disturb the game's RNG."""

from __future__ import annotations

import math
import random

from .params import AgricultureParams


def random_weather(seed: int, year: int, draw: int, p: AgricultureParams) -> float:
    """A yield factor with mean about 1; the same (seed, year, draw) always gives the same value."""
    rng = random.Random(f"weather:{seed}:{year}:{draw}")
    sd = p.weather_sd
    factor = math.exp(rng.gauss(0.0, sd) - 0.5 * sd * sd)
    if rng.random() < p.drought_chance:
        factor *= p.drought_factor
    return factor
