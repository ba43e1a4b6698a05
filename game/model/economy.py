"""National income, consumption, the urban real wage and the relative standard of living.

The indexes (consumption per head, the urban real wage, rural living, consumer goods) are
against the first year played: its own values are their base, so that year reads 100 and every
later year is a change since the game began ("1928 = 100" in the bundled scenarios).
"""

from __future__ import annotations

from dataclasses import dataclass

from .params import EconomyParams
from .portable_math import power


@dataclass(slots=True)
class Living:
    agriculture_bn: float
    national_income_bn: float
    consumption_bn: float
    consumption_per_capita_index: float
    urban_real_wage_index: float
    rural_living_index: float
    relsol: float
    gdp_per_capita_usd: float


@dataclass(frozen=True, slots=True)
class Consumption:
    """What people had this year, per head: the raw figures the indexes compare."""

    per_head: float
    urban_food: float
    urban_goods: float
    rural_food: float
    rural_goods: float
    crowding: float


def consumption_per_head(income_bn: float, investment_rate: float, defence_share: float, population_m: float,
                         urban_m: float, housing_m: float, consumer_goods_bn: float, urban_food_pc: float,
                         rural_food_pc: float, p: EconomyParams) -> Consumption:
    consumption = income_bn * max(0.05, 1.0 - investment_rate - defence_share)
    rural_m = max(population_m - urban_m, 1e-9)
    return Consumption(
        per_head=consumption / max(population_m, 1e-9),
        urban_food=max(urban_food_pc, 1e-6),
        urban_goods=max(consumer_goods_bn * p.urban_goods_share / max(urban_m, 1e-9), 1e-6),
        rural_food=max(rural_food_pc, 1e-6),
        rural_goods=max(consumer_goods_bn * (1.0 - p.urban_goods_share) / rural_m, 1e-6),
        crowding=power(min(1.0, housing_m / max(urban_m, 1e-9)), p.crowding_weight),
    )


def agriculture_value_bn(harvest_mt: float, cattle_m: float, p: EconomyParams) -> float:
    return p.grain_value_bn_per_mt * harvest_mt + p.livestock_value_bn_per_m * cattle_m + p.other_agriculture_bn


def living_standards(agriculture_bn: float, nonag_bn: float, now: Consumption, base: Consumption,
                     population_m: float, relsol_base: float, p: EconomyParams,
                     urban_wage_factor: float = 1.0) -> Living:
    """Income and living standards this year, the indexes against `base` (the first year's)."""
    income = agriculture_bn + nonag_bn
    urban = (power(now.urban_food / base.urban_food, p.urban_food_weight)
             * power(now.urban_goods / base.urban_goods, 1.0 - p.urban_food_weight)
             * (now.crowding / base.crowding) * urban_wage_factor)
    rural = (power(now.rural_food / base.rural_food, p.rural_food_weight)
             * power(now.rural_goods / base.rural_goods, 1.0 - p.rural_food_weight))
    return Living(
        agriculture_bn=agriculture_bn,
        national_income_bn=income,
        consumption_bn=now.per_head * population_m,
        consumption_per_capita_index=100.0 * now.per_head / base.per_head,
        urban_real_wage_index=100.0 * urban,
        rural_living_index=100.0 * rural,
        relsol=relsol_base * urban / max(rural, 1e-6),
        gdp_per_capita_usd=income / max(population_m, 1e-9) * 1000.0 * p.usd_2011_per_ruble_1937,
    )
