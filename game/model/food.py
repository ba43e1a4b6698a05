"""The grain balance and famine.

After seed, procurement and feed, what is left feeds the villages. Food is spread unevenly (the
grain regions are squeezed hardest, pastoral peoples depend on herds), so the model follows the
share of people below subsistence, not just the average, and excess deaths rise steeply with it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .directives import Directives
from .effects import rate
from .params import FoodParams, LivestockParams
from .state import State


@dataclass(slots=True)
class GrainBalance:
    seed_mt: float
    procurement_mt: float
    procurement_share: float
    exports_mt: float
    to_towns_mt: float
    urban_shortfall_mt: float
    rural_food_mt: float
    feed_mt: float
    feed_ratio: float
    market_sales_mt: float
    rural_food_per_head_t: float
    urban_food_per_head_t: float
    sigma: float
    share_below_subsistence: float
    famine_deaths_m: float  # caused by this harvest, in this and the next calendar year


def procurement_capacity(state: State, harvest_mt: float, d: Directives, p: FoodParams) -> float:
    """What the state can actually collect: more with collective farms and repression."""
    share = (
        p.procurement_cap_base
        + p.procurement_cap_per_collectivization * state.collectivization
        + p.procurement_cap_per_repression * d.repression
    )
    return min(share * rate(state, "procurement_capacity"), 1.0) * harvest_mt


def share_below(mean: float, threshold: float, sigma: float) -> float:
    """Share of a lognormal distribution with this mean that lies below the threshold."""
    if mean <= 0.0:
        return 1.0
    z = (math.log(threshold / mean) + 0.5 * sigma * sigma) / sigma
    return 0.5 * math.erfc(-z / math.sqrt(2.0))


def grain_balance(state: State, harvest_mt: float, area_mha: float, d: Directives,
                  seed_t_per_ha: float,
                  p: FoodParams, lp: LivestockParams) -> GrainBalance:
    seed = min(harvest_mt, area_mha * seed_t_per_ha)
    physically_left = max(0.0, harvest_mt - seed - state.rural_m * p.minimum_rural_ration_t)
    procured = min(d.grain_procurement_mt, procurement_capacity(state, harvest_mt, d, p), physically_left)
    share = procured / harvest_mt if harvest_mt > 0 else 0.0

    # The state's grain: exports first (the regime's priority), then towns and army, then reserves.
    state_grain = procured + state.state_reserve_mt
    exports = min(d.grain_exports_mt, state_grain)
    state_grain -= exports
    urban_need = state.urban_m * p.urban_ration_t + p.army_and_industry_mt
    to_towns = min(urban_need, state_grain)
    state.state_reserve_mt = min(p.state_reserve_cap_mt, state_grain - to_towns)

    # The village's grain: people eat first, animals get what is left (and a little regardless).
    village = max(0.0, harvest_mt - seed - procured) + state.peasant_stock_mt
    food_need = state.rural_m * p.rural_full_ration_t
    feed_need = state.cattle_m * lp.feed_t_per_cattle + state.horses_m * lp.feed_t_per_horse
    # When grain is short both people and animals go short, the animals more (feed_cut_exponent).
    enough = village / (food_need + feed_need) if food_need + feed_need > 0 else 1.0
    feed = feed_need * min(1.0, enough) ** p.feed_cut_exponent
    food = min(food_need, village - feed)
    surplus = max(0.0, village - feed - food)
    market = p.market_sales_share * (1.0 - state.collectivization) * surplus
    state.peasant_stock_mt = min(p.peasant_stock_cap_mt, (surplus - market) * (1.0 - p.peasant_stock_spoilage))

    livestock_food = state.cattle_m * p.livestock_food_t_per_cattle
    rural_pc = (food + livestock_food * (1.0 - p.urban_share_of_livestock_food)) / state.rural_m + p.other_food_t_per_head
    urban_pc = (to_towns - p.army_and_industry_mt * min(1.0, to_towns / urban_need) + market
                + livestock_food * p.urban_share_of_livestock_food) / state.urban_m

    # Herds destroyed in the last years hit the pastoral peoples (Kazakhstan) hardest.
    sigma = (p.sigma_base + p.sigma_per_procurement_squeeze * max(0.0, share - state.procurement_norm)
             + p.sigma_per_disruption * state.disruption + p.sigma_per_herd_loss * state.herd_shock)
    below = share_below(rural_pc, p.subsistence_t, sigma)
    # Some hunger is ordinary; excess deaths start above the usual share and rise steeply.
    excess = max(0.0, below - p.normal_hunger_share)
    deaths = state.rural_m * p.famine_mortality * excess ** p.famine_exponent
    return GrainBalance(
        seed_mt=seed,
        procurement_mt=procured,
        procurement_share=share,
        exports_mt=exports,
        to_towns_mt=to_towns,
        urban_shortfall_mt=max(0.0, urban_need - to_towns),
        rural_food_mt=food,
        feed_mt=feed,
        feed_ratio=feed / feed_need if feed_need > 0 else 1.0,
        market_sales_mt=market,
        rural_food_per_head_t=rural_pc,
        urban_food_per_head_t=urban_pc,
        sigma=sigma,
        share_below_subsistence=below,
        famine_deaths_m=deaths,
    )
