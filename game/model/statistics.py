"""What the regime reports: figures inflated by plan pressure and fear.

From the year set in the scenario the harvest is reported as the 'biological yield' (the crop
standing in the field before losses), which hides bad years most of all.
"""

from __future__ import annotations

from .params import StatisticsParams


def output_inflation(pressure: float, fear: float, p: StatisticsParams) -> float:
    return p.inflation_per_pressure * pressure + p.inflation_per_fear * fear


def reported_harvest(year: int, harvest_mt: float, weather: float, fear: float,
                     p: StatisticsParams, inflation_factor: float = 1.0) -> float:
    overstatement = p.inflation_per_fear * fear
    if year >= p.biological_yield_from:
        hidden_losses = max(0.0, harvest_mt / max(weather, 0.05) - harvest_mt)
        overstatement += p.biological_yield_premium + p.harvest_loss_premium * hidden_losses / max(harvest_mt, 1e-9)
    return harvest_mt * (1.0 + overstatement * inflation_factor)
