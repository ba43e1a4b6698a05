"""One year's resolution: the order in which the mechanisms run, and the year's record."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

from .agriculture import Harvest, collectivize, harvest, update_herds
from .directives import Directives
from .economy import (
    Consumption,
    Living,
    agriculture_value_bn,
    consumption_per_head,
    living_standards,
)
from .effects import age_modifiers, rate
from .food import GrainBalance, StateOrders, grain_balance
from .industry import (
    TARGET_PRODUCT,
    Investment,
    Output,
    commission,
    invest,
    plan_fulfilment,
    produce,
    start_projects,
    update_specialists,
    value_added_bn,
)
from .metrics import record_of
from .politics import Repression, repress, update_fear, update_unrest
from .population import LabourMarket, Migration, grow_and_move, labour_market, migrate
from .regions import harvest_shares, requisition_herds
from .setup import World
from .state import State
from .statistics import output_inflation, reported_harvest
from .variables import update_totals


@dataclass(slots=True)
class Year:
    """A resolved year: everything the mechanisms worked out, from which the metrics table
    (metrics.py) reads the year's record. `state` is the state at the year's end."""

    year: int
    directives: Directives
    weather: float
    categories: dict[str, str]
    state: State
    forced: float
    labour: LabourMarket
    crop: Harvest
    grain: GrainBalance
    investment: Investment
    imports_bn: float
    defence_bn: float
    output: Output
    consumer_goods_index: float
    plan_fulfilment: float
    nonag_bn: float
    living: Living
    famine_deaths_m: float
    urban_famine_deaths_m: float
    repression: Repression
    unrest: float
    migration: Migration
    inflation: float
    reported_harvest_mt: float

    def reported_output(self, metric: str) -> float:
        """What the regime reported of an industrial output metric."""
        return self.output.quantities[TARGET_PRODUCT[metric]] * (1.0 + self.inflation)


def baseline(world: World) -> dict[str, float]:
    """1928 reference levels the mechanisms compare against."""
    init = world.initial
    p = world.params
    labour = p.population.labour_participation * init.rural_population_m
    goods = init.capacity["consumer_goods"] * p.industry.base_utilisation
    return {
        "draft_m": init.horses_m + init.tractors_k * 1e-3 * p.agriculture.tractor_draft_equivalent,
        "farm_labour_m": labour - p.population.rural_jobs_per_resident * init.rural_population_m,
        "cattle_m": init.cattle_m,
        "consumer_goods_bn": goods,
        "rural_goods_pc": goods * (1.0 - p.economy.urban_goods_share) / init.rural_population_m,
    }


def set_targets(state: State, d: Directives, world: World) -> None:
    """Targets apply from the year they are set; a plan's base is the output just before it."""
    plan = world.plan_for(state.year)
    if plan is not None and plan.id not in state.plan_base:
        state.plan_base[plan.id] = dict(state.last_output) or {
            prod: cap * world.params.industry.base_utilisation for prod, cap in state.capacity.items()
        }
        if plan.historical_targets:  # history's targets unless the player or an event set others
            state.targets[plan.id] = {**plan.historical_targets, **state.targets.get(plan.id, {})}
    for plan_id, values in d.targets.items():
        state.targets.setdefault(plan_id, {}).update(values)


def goods_per_villager(state: State, world: World, base: dict[str, float]) -> float:
    """Manufactured goods per villager last year, against 1928: what a peasant's money buys."""
    p = world.params
    goods = state.last_output.get("consumer_goods", base["consumer_goods_bn"])
    per_head = goods * (1.0 - p.economy.urban_goods_share) / max(state.rural_m, 1e-9)
    if base["rural_goods_pc"] <= 1e-12:  # a scenario whose villages had no goods to start with
        return 1.0 if per_head <= 1e-12 else 2.0
    return per_head / base["rural_goods_pc"]


def resolve_year(world: World, state: State, d: Directives, categories: dict[str, str], weather: float,
                 base: dict[str, float], regions: list | None = None) -> dict[str, float]:
    """Resolve `state.year` under directives `d`; mutate `state` into the next year; return the record.
    `regions`: if given, the year's regional figures (`regions.RegionsYear`) are appended to it."""
    p = world.params
    year = state.year
    set_targets(state, d, world)
    start_projects(state, d.projects)
    commission(state, p.industry)

    forced = collectivize(state, d.collectivization_target, d.dekulakization, p.agriculture)
    state.army_m = d.army_m
    labour = labour_market(state, d.labor.farms, d.labor.factories, d.labor.construction, d.army_m,
                           p.defence.soldier_labour_share, p.population)
    crop = harvest(state, labour.farm_effective_m, weather, p.agriculture, base)
    orders = StateOrders(d.grain_procurement_mt, d.grain_exports_mt, d.grain_price_index,
                         d.grain_reserve_target_mt, d.repression, d.grain_regions_quota)
    shares = harvest_shares(categories, p.weather.factors, p.regions)
    grain = grain_balance(state, crop.harvest_mt, crop.area_mha, orders, d.army_m,
                          goods_per_villager(state, world, base), p.agriculture.seed_t_per_ha, shares, p.food,
                          p.livestock, p.regions)
    state.disruption += p.agriculture.disruption_per_coercion * grain.squeeze  # seed and fodder seized
    cattle_before = state.cattle_m
    update_herds(state, forced, d.dekulakization, grain.feed_ratio, p.livestock)
    requisition_herds(state, cattle_before, forced, d.herd_requisition, p.regions, p.livestock.herd_shock_memory)

    price = p.food.world_grain_price.get(year, 1.0)
    imports = grain.exports_mt * price * p.food.machinery_bn_per_export_mt
    money = invest(state, d.investment_rate, d.investment_split, labour.construction_m, imports,
                   grain.purchase_premium_bn, world)
    state.housing_m += p.economy.housing_m_per_bn * money.light_industry_bn
    arrested = update_specialists(state, d.repression, p.industry)
    defence_bn = d.defence_share * state.national_income_bn
    out = produce(state, labour.factory_m, defence_bn, d.investment_split.defense, grain.procurement_mt, arrested,
                  world)
    q = out.quantities
    nonag = (value_added_bn(q, p.industry) + p.industry.services_bn_per_urban_m * state.urban_m
             + p.industry.construction_value_share * money.realised_bn)
    agriculture = agriculture_value_bn(crop.harvest_mt, state.cattle_m, p.economy)
    now = consumption_per_head(agriculture + nonag, d.investment_rate, d.defence_share, state.population_m,
                               state.urban_m, state.housing_m, q["consumer_goods"], grain.urban_food_per_head_t,
                               grain.rural_food_per_head_t, p.economy)
    if not state.index_base:  # the first year played is the indexes' base: it reads 100
        state.index_base = {**asdict(now), "consumer_goods": q["consumer_goods"]}
    base_now = Consumption(**{k: v for k, v in state.index_base.items() if k != "consumer_goods"})
    living = living_standards(agriculture, nonag, now, base_now, state.population_m, p.population.relsol_1928,
                              p.economy, rate(state, "urban_wage"))

    # A harvest's famine kills mostly in the next spring: this year's deaths are the rest of last
    # harvest's and the first of this one's (regions.famine counts them region by region).
    rural_famine = grain.rural_famine_deaths_m
    famine_deaths = rural_famine + grain.urban_famine_deaths_m
    state.blacklisting *= 1.0 - p.regions.blacklisting_fade
    update_fear(state, d.repression, p.politics)
    rep = repress(state, d.repression, d.dekulakization, forced, grain.share_below_subsistence, p.politics)
    unrest = update_unrest(state, forced, d.dekulakization, grain.squeeze, grain.share_below_subsistence,
                           living.urban_real_wage_index, grain.urban_hunger, p.politics)

    moving = migrate(state, living.relsol, labour, forced, d.dekulakization, grain.share_below_subsistence,
                     p.population)
    rural_deaths = rural_famine + rep.executions_m + rep.settler_deaths_m + rep.gulag_deaths_m
    grow_and_move(state, moving.migrants_m, grain.share_below_subsistence, rural_deaths,
                  grain.urban_famine_deaths_m, p.population)

    inflation = output_inflation(out.pressure, state.fear, p.statistics) * rate(state, "statistics_inflation")
    reported_harvest_mt = reported_harvest(year, crop.harvest_mt, weather, state.fear, p.statistics,
                                           rate(state, "statistics_inflation"))
    resolved = Year(year, d, weather, categories, state, forced, labour, crop, grain, money, imports, defence_bn,
                    out, 100.0 * q["consumer_goods"] / max(state.index_base["consumer_goods"], 1e-9),
                    plan_fulfilment(out.plan_path, q),
                    nonag, living, famine_deaths, grain.urban_famine_deaths_m, rep, unrest, moving, inflation,
                    reported_harvest_mt)
    grain.regions.close(state)
    record = record_of(resolved)
    update_totals(state, record)

    state.national_income_bn = living.national_income_bn
    age_modifiers(state)
    state.famine_share_last = grain.share_below_subsistence
    state.last_output = dict(q)
    state.year = year + 1
    if not all(map(math.isfinite, record.values())):
        bad = ", ".join(k for k, v in record.items() if not math.isfinite(v))
        raise ArithmeticError(f"{year}: the model produced a number that is not finite ({bad})")
    if regions is not None:
        regions.append(grain.regions)
    return record
