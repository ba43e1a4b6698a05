"""The countryside: collectivization, the harvest, and the herds."""

from __future__ import annotations

from dataclasses import dataclass

from .effects import rate
from .params import AgricultureParams, LivestockParams
from .portable_math import power
from .state import State


def collectivize(state: State, target: float, dekulakization: bool, p: AgricultureParams) -> float:
    """Move the share of collectivized households toward the target; return the forced share.

    Households join of their own accord only at the voluntary pace; anything faster is forced,
    and forcing is what disrupts farming, kills herds, drives people off the land and raises revolt.
    """
    before = state.collectivization
    if target >= before:
        after = min(target, before + p.max_collectivization_pace)
    else:
        after = max(target, before - p.max_decollectivization)
    forced = max(0.0, after - before - p.voluntary_pace)
    state.collectivization = after
    state.disruption = (
        state.disruption * (1.0 - p.disruption_recovery)
        + p.disruption_per_forced_share * forced
        + (p.disruption_per_dekulakization if dekulakization else 0.0)
    )
    return forced


def draft_power_m(state: State, p: AgricultureParams) -> float:
    """Draft power in millions of horse-equivalents: horses plus tractors."""
    return state.horses_m + state.tractors_k * 1e-3 * p.tractor_draft_equivalent


@dataclass(slots=True)
class Harvest:
    area_mha: float
    yield_t_ha: float
    harvest_mt: float
    weather: float
    draft_factor: float
    labour_factor: float
    incentive_factor: float
    disruption_factor: float


def harvest(state: State, farm_labour_m: float, weather: float, p: AgricultureParams,
            baseline: dict[str, float]) -> Harvest:
    """Harvest = sown area x yield.

    Yield moves with the weather, with draft power and labour per hectare (compared with 1928),
    with the disruption of forced collectivization and forced procurement, with the incentives
    left to the grower, and with farm capital (MTS, fertiliser).
    """
    mechanisation = state.tractors_k * 1e-3 * p.tractor_draft_equivalent / baseline["draft_m"]
    area = p.base_area_mha * max(0.2, (
        1.0 + p.area_per_collectivization * state.collectivization + p.area_per_mechanisation * mechanisation
    ))
    draft_ratio = (draft_power_m(state, p) / area) / (baseline["draft_m"] / p.base_area_mha)
    labour_ratio = (max(farm_labour_m, 0.0) / area) / (baseline["farm_labour_m"] / p.base_area_mha)
    draft_factor = power(max(draft_ratio, 0.05), p.draft_elasticity)
    labour_factor = power(max(labour_ratio, 0.05), p.labour_elasticity)
    incentive = max(0.1, 1.0 - p.collective_incentive_loss * state.collectivization)
    disruption = max(0.1, 1.0 - state.disruption)
    capital_gain = p.capital_yield_gain * state.farm_capital_bn / (state.farm_capital_bn + p.capital_half_saturation_bn)
    yield_t_ha = (p.base_yield_t_ha * weather * rate(state, "grain_yield") * draft_factor * labour_factor
                  * disruption * incentive * (1.0 + capital_gain))
    return Harvest(area, yield_t_ha, area * yield_t_ha, weather, draft_factor, labour_factor, incentive, disruption)


def update_herds(state: State, forced: float, dekulakization: bool, feed_ratio: float,
                 p: LivestockParams) -> tuple[float, float]:
    """Slaughter, starvation, neglect and natural growth of cattle and horses, to this summer's count.

    Peasants slaughtered their animals rather than hand them to the collective, most of it in the
    winter of a drive, before the next summer count (`slaughter_lead`); animals starved when grain
    for feed ran out. Returns the cattle and horses lost (millions).
    """
    drive = p.slaughter_lead * state.forced_last + (1.0 - p.slaughter_lead) * forced
    state.forced_last = forced
    shortfall = max(0.0, 1.0 - feed_ratio)
    extra = p.dekulakization_slaughter if dekulakization else 0.0
    cattle_before, horses_before = state.cattle_m, state.horses_m
    cattle_loss = min(0.9, p.cattle_slaughter_per_forced_share * drive + extra
                      + p.cattle_starvation_loss * shortfall + p.neglect_loss_per_disruption * state.disruption)
    horse_loss = min(0.9, p.horse_slaughter_per_forced_share * drive + extra
                     + p.horse_starvation_loss * shortfall + p.neglect_loss_per_disruption * state.disruption)
    cattle = cattle_before * (1.0 - cattle_loss)
    horses = horses_before * (1.0 - horse_loss)
    fed = 1.0 - min(1.0, shortfall)
    growth = rate(state, "herd_growth")
    cattle += p.cattle_growth * growth * cattle * max(0.0, 1.0 - cattle / p.cattle_capacity_m) * fed
    wanted_horses = max(1.0, p.horse_capacity_m - p.horses_replaced_per_tractor_k * state.tractors_k)
    horses += p.horse_growth * growth * horses * (1.0 - horses / wanted_horses) * fed
    state.cattle_m = max(0.0, cattle)
    state.horses_m = max(0.0, horses)
    return max(0.0, cattle_before - state.cattle_m), max(0.0, horses_before - state.horses_m)
