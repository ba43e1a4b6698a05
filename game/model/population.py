"""People: the labour market, migration from village to town, natural growth.

The labour lever is the state's hiring demand: how many non-farm jobs it wants filled, and how
they divide between factories and building sites. What it gets is the people who are in the towns
to take them; the towns fill only as villagers leave. They leave for the towns' better living
(Allen's migration equation on relsol, raised when factories short of hands bid up what they offer),
and they are pushed out: by forced collectivization, by dekulakization, by famine; and they are
sent, by organised recruitment from the collective farms (orgnabor), which needs collective farms
to work. The passport system, once in force, holds them back. Orders the arrivals cannot fill
stay unfilled: the directives screen says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from .effects import rate
from .params import PopulationParams
from .state import State


@dataclass(slots=True)
class LabourMarket:
    labour_force_m: float
    ordered_nonfarm_m: float       # the state's hiring demand
    nonfarm_m: float               # the jobs actually filled
    factory_m: float
    construction_m: float
    farm_m: float
    farm_effective_m: float
    unfilled_m: float
    urban_unemployed_m: float


def labour_market(state: State, farms: float, factories: float, construction: float, army_m: float,
                  soldier_labour_share: float, p: PopulationParams) -> LabourMarket:
    """Fill the state's non-farm orders with the people who are in the towns to take them."""
    labour = max(0.0, p.labour_participation * state.population_m - soldier_labour_share * army_m)
    nonfarm_share = factories + construction
    ordered = nonfarm_share * labour
    urban_supply = p.urban_jobs_per_resident * state.urban_m
    rural_jobs = p.rural_jobs_per_resident * state.rural_m
    nonfarm = min(ordered, urban_supply + rural_jobs)
    rural_nonfarm = max(0.0, nonfarm - urban_supply)
    factory_share = factories / nonfarm_share if nonfarm_share > 0 else 0.0
    farm = max(0.0, p.labour_participation * state.rural_m - rural_nonfarm - soldier_labour_share * army_m)
    # Famine leaves survivors too weak to work the next season.
    weakness = min(0.9, p.famine_labour_loss * state.famine_share_last)
    state.nonfarm_labour_m = nonfarm
    return LabourMarket(
        labour_force_m=labour,
        ordered_nonfarm_m=ordered,
        nonfarm_m=nonfarm,
        factory_m=nonfarm * factory_share,
        construction_m=nonfarm * (1.0 - factory_share),
        farm_m=farm,
        farm_effective_m=farm * (1.0 - weakness),
        unfilled_m=max(0.0, ordered - nonfarm),
        urban_unemployed_m=max(0.0, urban_supply - nonfarm),
    )


@dataclass(slots=True)
class Migration:
    pull: float          # shares of the rural population moving this year, by cause
    push_collectivization: float
    flight_dekulakization: float
    flight_famine: float
    recruited: float
    braked: float        # the part the passport system held back
    rate: float          # the share that moved
    migrants_m: float
    rural_m: float       # the rural population the shares are of
    share_moved: float   # of those who wanted to move, the share who did (after brakes and the ceiling)


def migrate(state: State, relsol: float, labour: LabourMarket, forced: float, dekulakization: bool,
            famine_share: float, p: PopulationParams) -> Migration:
    """Who leaves the villages this year, and why."""
    rural = max(state.rural_m, 1e-9)
    unfilled_share = labour.unfilled_m / labour.ordered_nonfarm_m if labour.ordered_nonfarm_m > 0 else 0.0
    offered = relsol * (1.0 + p.labour_scarcity_pull * unfilled_share)
    pull = max(0.0, p.migration_slope * offered + p.migration_intercept)
    push = p.push_per_forced_share * forced
    flight_kulak = p.dekulakization_flight if dekulakization else 0.0
    flight_famine = p.famine_flight * famine_share
    recruits = min(labour.unfilled_m * p.people_per_recruit,
                   p.orgnabor_per_collectivization * state.collectivization * rural)
    recruited = recruits / rural
    wanted = (pull + push + flight_kulak + flight_famine + recruited) * rate(state, "migration")
    held_back = wanted * p.passport_brake * min(1.0, max(0.0, state.passport_controls))
    moving = min(p.max_migration_rate, wanted - held_back)
    moved = moving / wanted if wanted > 0 else 0.0
    return Migration(pull, push, flight_kulak, flight_famine, recruited, held_back, moving, moving * rural, rural,
                     moved * rate(state, "migration"))


def grow_and_move(state: State, migrants_m: float, famine_share: float, rural_deaths_m: float,
                  urban_deaths_m: float, p: PopulationParams) -> tuple[float, float]:
    """Apply births, ordinary deaths, extra deaths and migration. Returns (births, ordinary deaths)."""
    birth_factor = (1.0 - min(1.0, p.famine_birth_loss * famine_share)) * rate(state, "births")
    rural_births = state.rural_m * p.birth_rate_rural * birth_factor
    urban_births = state.urban_m * p.birth_rate_urban * birth_factor
    ordinary = state.rural_m * p.death_rate_rural + state.urban_m * p.death_rate_urban
    state.rural_m = max(0.0, state.rural_m + rural_births - state.rural_m * p.death_rate_rural
                        - rural_deaths_m - migrants_m)
    state.urban_m = max(0.0, state.urban_m + urban_births - state.urban_m * p.death_rate_urban
                        - urban_deaths_m + migrants_m)
    return rural_births + urban_births, ordinary
