"""One year's resolution: the order in which the mechanisms run, and the year's record."""

from __future__ import annotations

from dataclasses import dataclass

from .agriculture import Harvest, collectivize, harvest, update_herds
from .directives import Directives
from .economy import Living, living_standards
from .effects import age_modifiers, rate
from .food import GrainBalance, grain_balance
from .industry import (
    TARGET_PRODUCT,
    Investment,
    Output,
    commission,
    invest,
    plan_fulfilment,
    produce,
    start_projects,
    value_added_bn,
)
from .metrics import record_of
from .politics import Repression, repress, update_unrest
from .population import LabourMarket, grow_and_move, labour_market, migration_rate
from .setup import World
from .state import State
from .statistics import output_inflation, reported_harvest


@dataclass(slots=True)
class Year:
    """A resolved year: everything the mechanisms worked out, from which the metrics table
    (metrics.py) reads the year's record. `state` is the state at the year's end."""

    year: int
    directives: Directives
    weather: float
    state: State
    forced: float
    labour: LabourMarket
    crop: Harvest
    grain: GrainBalance
    investment: Investment
    imports_bn: float
    output: Output
    consumer_goods_index: float
    plan_fulfilment: float
    nonag_bn: float
    living: Living
    famine_deaths_m: float
    repression: Repression
    unrest: float
    migrants_m: float
    inflation: float
    reported_harvest_mt: float

    def reported_output(self, metric: str) -> float:
        """What the regime reported of an industrial output metric."""
        return self.output.quantities[TARGET_PRODUCT[metric]] * (1.0 + self.inflation)


def baseline(world: World) -> dict[str, float]:
    """1928 reference levels the mechanisms compare against."""
    init = world.initial
    p = world.params
    labour = p.population.labour_participation * (init.rural_population_m + init.urban_population_m)
    return {
        "draft_m": init.horses_m + init.tractors_k * 1e-3 * p.agriculture.tractor_draft_equivalent,
        "farm_labour_m": labour - init.nonfarm_labour_m,
        "cattle_m": init.cattle_m,
        "consumer_goods_bn": init.capacity["consumer_goods"] * p.industry.base_utilisation,
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


def resolve_year(world: World, state: State, d: Directives, weather: float,
                 base: dict[str, float]) -> dict[str, float]:
    """Resolve `state.year` under directives `d`; mutate `state` into the next year; return the record."""
    p = world.params
    year = state.year
    set_targets(state, d, world)
    start_projects(state, d)
    commission(state, p.industry)

    forced = collectivize(state, d, p.agriculture)
    labour = labour_market(state, d, p.population)
    crop = harvest(state, labour.farm_effective_m, weather, p.agriculture, base)
    grain = grain_balance(state, crop.harvest_mt, crop.area_mha, d, p.agriculture.seed_t_per_ha,
                          p.food, p.livestock)
    squeeze = max(0.0, grain.procurement_share - state.procurement_norm)
    update_herds(state, forced, d.dekulakization, grain.feed_ratio, p.livestock)

    price = p.food.world_grain_price.get(year, 1.0)
    imports = grain.exports_mt * price * p.food.machinery_bn_per_export_mt
    money = invest(state, d, labour.construction_m, imports, world)
    state.housing_m += p.economy.housing_m_per_bn * money.light_industry_bn
    out = produce(state, d, labour.factory_m, world)
    q = out.quantities
    nonag = (value_added_bn(q, p.industry) + p.industry.services_bn_per_urban_m * state.urban_m
             + p.industry.construction_value_share * money.realised_bn)
    living = living_standards(crop.harvest_mt, state.cattle_m, nonag, d.investment_rate, state.population_m,
                              state.urban_m, state.housing_m, q["consumer_goods"],
                              grain.urban_food_per_head_t, grain.rural_food_per_head_t,
                              p.population.relsol_1928, p.economy, rate(state, "urban_wage"))

    famine_now = grain.famine_deaths_m * (1.0 - p.food.famine_deaths_next_year_share)
    famine_deaths = state.famine_deaths_pending_m + famine_now
    state.famine_deaths_pending_m = grain.famine_deaths_m - famine_now
    rep = repress(state, d, forced, grain.share_below_subsistence, p.politics)
    unrest = update_unrest(state, d, forced, squeeze, grain.share_below_subsistence,
                           living.urban_real_wage_index, p.politics)

    moving = migration_rate(living.relsol, labour.unfilled_m, state.rural_m, d.dekulakization, p.population)
    migrants = min(moving * rate(state, "migration"), p.population.max_migration_rate) * state.rural_m
    deaths = famine_deaths + rep.executions_m + rep.gulag_deaths_m + rep.settler_deaths_m
    grow_and_move(state, migrants, grain.share_below_subsistence, deaths, p.population)

    inflation = output_inflation(out.pressure, state.fear, p.statistics) * rate(state, "statistics_inflation")
    reported_harvest_mt = reported_harvest(year, crop.harvest_mt, weather, state.fear, p.statistics,
                                           rate(state, "statistics_inflation"))
    resolved = Year(year, d, weather, state, forced, labour, crop, grain, money, imports, out,
                    100.0 * q["consumer_goods"] / base["consumer_goods_bn"], plan_fulfilment(state, q, world),
                    nonag, living, famine_deaths, rep, unrest, migrants, inflation, reported_harvest_mt)
    record = record_of(resolved)

    state.national_income_bn = living.national_income_bn
    age_modifiers(state)
    state.famine_share_last = grain.share_below_subsistence
    state.procurement_share_last = grain.procurement_share
    state.procurement_norm += p.agriculture.procurement_norm_adaptation * (grain.procurement_share - state.procurement_norm)
    state.last_output = dict(q)
    state.year = year + 1
    return record
