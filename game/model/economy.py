"""National income, consumption, the urban real wage and the relative standard of living."""

from __future__ import annotations

from dataclasses import dataclass

from .params import EconomyParams


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


def living_standards(harvest_mt: float, cattle_m: float, nonag_bn: float, investment_rate: float,
                     population_m: float, urban_m: float, housing_m: float,
                     consumer_goods_bn: float, urban_food_pc: float, rural_food_pc: float,
                     relsol_1928: float, p: EconomyParams, urban_wage_factor: float = 1.0) -> Living:
    agriculture = p.grain_value_bn_per_mt * harvest_mt + p.livestock_value_bn_per_m * cattle_m + p.other_agriculture_bn
    income = agriculture + nonag_bn
    consumption = income * (1.0 - investment_rate)
    per_head = consumption / population_m
    goods_pc_urban = consumer_goods_bn * p.urban_goods_share / urban_m
    goods_pc_rural = consumer_goods_bn * (1.0 - p.urban_goods_share) / max(population_m - urban_m, 1e-9)
    crowding = min(1.0, housing_m / urban_m) ** p.crowding_weight
    urban = (
        (max(urban_food_pc, 1e-6) / p.urban_food_per_head_1928) ** p.urban_food_weight
        * (max(goods_pc_urban, 1e-6) / p.urban_goods_per_head_1928) ** (1.0 - p.urban_food_weight)
        * crowding
        * urban_wage_factor
    )
    rural = (
        (max(rural_food_pc, 1e-6) / p.rural_food_per_head_1928) ** p.rural_food_weight
        * (max(goods_pc_rural, 1e-6) / p.rural_goods_per_head_1928) ** (1.0 - p.rural_food_weight)
    )
    return Living(
        agriculture_bn=agriculture,
        national_income_bn=income,
        consumption_bn=consumption,
        consumption_per_capita_index=100.0 * per_head / p.consumption_per_capita_1928,
        urban_real_wage_index=100.0 * urban,
        rural_living_index=100.0 * rural,
        relsol=relsol_1928 * urban / max(rural, 1e-6),
        gdp_per_capita_usd=income / population_m * 1000.0 * p.usd_2011_per_ruble_1937,
    )
