"""The grain balance, procurement under the market, and famine.

Every tonne is accounted for each harvest year (`GrainBalance.closes` checks it):

    harvest + peasant stocks carried in + state stocks carried in
      = seed + losses + feed + village food + private sales to towns + peasant stocks carried out
        + army + exports + towns + state stocks carried out

The state sets out to take `grain_procurement_mt`. Peasants sell part of their marketable
surplus willingly, more at a better price and when there are goods to buy; the rest of the order
must be taken by force, which needs collective farms and repression to enforce and which squeezes
the grain regions hardest. From what it holds the state feeds the army, ships the exports, rations
the towns and keeps its reserve; what is left goes back to the villages in the spring as food and
seed loans. Towns go hungry when the state holds too little. Region by region (regions.py), what
the villages keep feeds people first and animals with what is left; food is spread unevenly, so
the model follows the share of people below subsistence in each region, and excess deaths rise
steeply with it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .effects import rate
from .params import FoodParams, LivestockParams, RegionsParams
from .portable_math import power
from .regions import HarvestSplit, RegionsYear, famine, herd_food, village_grain
from .state import State


@dataclass(slots=True)
class GrainBalance:
    harvest_mt: float
    peasant_stock_in_mt: float
    state_stock_in_mt: float
    seed_mt: float
    losses_mt: float
    willing_sales_mt: float       # what peasants would sell at the state's price
    procurement_market_mt: float  # bought willingly
    procurement_coerced_mt: float  # taken by force
    procurement_mt: float
    coerced_share: float          # of the harvest
    squeeze: float                # the coerced share beyond what the villages had come to take as routine
    purchase_premium_bn: float    # what paying above the 1928 price cost the state
    army_mt: float
    exports_mt: float
    towns_mt: float
    urban_need_mt: float
    relief_mt: float              # state grain returned to the villages (food and seed loans)
    state_stock_out_mt: float
    feed_mt: float
    feed_ratio: float
    rural_food_mt: float
    private_sales_mt: float
    peasant_stock_out_mt: float
    rural_food_per_head_t: float
    urban_food_per_head_t: float
    sigma: float
    share_below_subsistence: float
    famine_deaths_m: float        # rural excess deaths this harvest causes, this and next calendar year
    rural_famine_deaths_m: float  # rural famine deaths in this calendar year (the last harvest's and this one's)
    regions: RegionsYear          # the same year region by region
    urban_hunger: float           # share of town food missing below subsistence (0 = none)
    urban_famine_deaths_m: float

    def closes(self) -> float:
        """Sources minus uses: zero (to rounding) every year."""
        sources = self.harvest_mt + self.peasant_stock_in_mt + self.state_stock_in_mt
        uses = (self.seed_mt + self.losses_mt + self.feed_mt + self.rural_food_mt + self.private_sales_mt
                + self.peasant_stock_out_mt + self.army_mt + self.exports_mt + self.towns_mt
                + self.state_stock_out_mt)
        return sources - uses


def willing_sales(surplus_mt: float, price_index: float, goods_ratio: float, p: FoodParams) -> float:
    """Grain peasants sell of their own accord: a share of the surplus, more at a better price and
    when the money buys goods (the 'scissors' of 1923 and 1927-28 and the goods famine)."""
    if surplus_mt <= 0.0:
        return 0.0
    price = power(max(price_index / 100.0, 1e-3), p.price_elasticity)
    goods = power(max(goods_ratio, 1e-3), p.goods_elasticity)
    return min(surplus_mt, surplus_mt * p.willing_sales_share * price * goods)


def coercion_capacity(state: State, harvest_mt: float, repression: int, p: FoodParams) -> float:
    """What the state can take by force: more with collective farms and repression."""
    share = (p.coercion_cap_base + p.coercion_cap_per_collectivization * state.collectivization
             + p.coercion_cap_per_repression * repression)
    return min(1.0, share * rate(state, "procurement_capacity")) * harvest_mt


@dataclass(frozen=True, slots=True)
class StateOrders:
    """What the directives ask of the grain balance."""

    procurement_mt: float
    exports_mt: float
    price_index: float
    reserve_target_mt: float
    repression: int
    grain_regions_quota: float = 1.0  # the quota lever's regions' part of the forced collection, against history's


def grain_balance(state: State, harvest_mt: float, area_mha: float, orders: StateOrders, army_m: float,
                  goods_ratio: float, seed_t_per_ha: float, harvest_split: HarvestSplit, p: FoodParams,
                  lp: LivestockParams, rp: RegionsParams) -> GrainBalance:
    """Close the year's grain balance; update the peasants' and the state's carried-over stocks."""
    rural, urban = max(state.rural_m, 1e-6), max(state.urban_m, 1e-6)
    peasant_in, state_in = state.peasant_stock_mt, state.state_reserve_mt
    seed = min(harvest_mt, area_mha * seed_t_per_ha)
    loss_share = min(0.5, p.harvest_loss_share + p.loss_per_disruption * state.disruption)
    losses = (harvest_mt - seed) * loss_share + peasant_in * p.peasant_stock_spoilage + state_in * p.state_storage_loss
    village = (harvest_mt - seed) * (1.0 - loss_share) + peasant_in * (1.0 - p.peasant_stock_spoilage)

    # Procurement: first what peasants sell willingly, then what must be taken.
    food_need = rural * p.rural_full_ration_t
    feed_need = state.cattle_m * lp.feed_t_per_cattle + state.horses_m * lp.feed_t_per_horse
    surplus = max(0.0, village - food_need - feed_need)
    willing = min(surplus, willing_sales(surplus, orders.price_index, goods_ratio, p) * rate(state, "willing_sales"))
    market = min(orders.procurement_mt, willing)
    takeable = max(0.0, village - rural * p.minimum_rural_ration_t - market)
    coerced = min(max(0.0, orders.procurement_mt - market), coercion_capacity(state, harvest_mt, orders.repression, p),
                  takeable)
    procured = market + coerced
    premium = market * p.grain_price_bn_per_mt * max(0.0, orders.price_index / 100.0 - 1.0)

    # The state's grain: the army, then the exports, then the towns, then the reserve; the rest
    # goes back to the villages.
    held = state_in * (1.0 - p.state_storage_loss) + procured
    army = min(held, army_m * p.army_ration_t + p.industry_grain_mt)
    exports = min(held - army, orders.exports_mt)
    urban_need = (urban + rural * p.state_fed_rural_share) * p.urban_ration_t
    towns = min(held - army - exports, urban_need)
    left = held - army - exports - towns
    reserve = min(left, orders.reserve_target_mt)
    relief = left - reserve

    # The villages' grain, region by region: people eat first, animals get what is left (and a
    # little regardless); the state's collection and its relief are split between the regions.
    coerced_share = coerced / harvest_mt if harvest_mt > 0 else 0.0
    squeeze = max(0.0, coerced_share - state.coercion_norm)  # beyond what has become routine
    norm = state.coercion_norm
    state.coercion_norm += p.coercion_norm_adaptation * (coerced_share - state.coercion_norm)
    villages = village_grain(state, harvest_mt, village, market, coerced, relief, harvest_split,
                             orders.grain_regions_quota, rp, p, lp)
    feed, food, private_sales = villages.feed_mt, villages.food_mt, villages.private_sales_mt
    feed_need = villages.feed_need_mt
    peasant_out = min(p.peasant_stock_cap_mt, villages.carried_mt)
    feed += villages.carried_mt - peasant_out  # beyond what can be stored, grain goes to the animals

    herds = herd_food(state, rp, p)
    livestock_food = math.fsum(herds)
    urban_towns = towns * urban / (urban + rural * p.state_fed_rural_share)  # the rest feeds state-fed villagers
    urban_pc = (urban_towns + private_sales + livestock_food * p.urban_share_of_livestock_food) / urban
    urban_hunger = max(0.0, 1.0 - urban_pc / p.urban_subsistence_t)
    urban_deaths = urban * p.urban_famine_mortality * urban_hunger
    # Hunger and deaths come out of the regions: a region's food per head and its spread.
    hunger = famine(state, villages, towns - urban_towns, herds, urban_deaths, norm, rp, p)

    state.peasant_stock_mt = peasant_out
    state.state_reserve_mt = reserve
    return GrainBalance(
        harvest_mt=harvest_mt, peasant_stock_in_mt=peasant_in, state_stock_in_mt=state_in, seed_mt=seed,
        losses_mt=losses, willing_sales_mt=willing, procurement_market_mt=market, procurement_coerced_mt=coerced,
        procurement_mt=procured, coerced_share=coerced_share, squeeze=squeeze, purchase_premium_bn=premium, army_mt=army,
        exports_mt=exports, towns_mt=towns, urban_need_mt=urban_need, relief_mt=relief, state_stock_out_mt=reserve,
        feed_mt=feed, feed_ratio=min(1.0, feed / feed_need) if feed_need > 0 else 1.0, rural_food_mt=food,
        private_sales_mt=private_sales, peasant_stock_out_mt=peasant_out,
        rural_food_per_head_t=hunger.rural_food_per_head_t, urban_food_per_head_t=urban_pc, sigma=hunger.sigma,
        share_below_subsistence=hunger.share_below_subsistence, famine_deaths_m=hunger.harvest_deaths_m,
        rural_famine_deaths_m=hunger.rural_deaths_m, regions=hunger,
        urban_hunger=urban_hunger, urban_famine_deaths_m=urban_deaths,
    )
