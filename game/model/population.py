"""People: the labour market, migration from village to town, natural growth."""

from __future__ import annotations

from dataclasses import dataclass

from .directives import Directives
from .effects import rate
from .params import PopulationParams
from .state import State


@dataclass(slots=True)
class LabourMarket:
    labour_force_m: float
    ordered_nonfarm_m: float
    nonfarm_m: float
    factory_m: float
    construction_m: float
    farm_m: float
    farm_effective_m: float
    unfilled_m: float


def labour_market(state: State, d: Directives, p: PopulationParams) -> LabourMarket:
    """Split the labour force as ordered, as far as towns can house the non-farm workers.

    Ordering people off the farms is not enough: they must move to where the jobs are, so the
    achieved non-farm labour is capped by what the towns (and rural state jobs) can hold. The
    shortfall is filled next year by organised recruitment (see `migration`).
    """
    labour = p.labour_participation * state.population_m
    nonfarm_share = d.labor.factories + d.labor.construction
    ordered = nonfarm_share * labour
    room = state.urban_m * p.urban_jobs_per_resident + state.rural_m * p.rural_jobs_per_resident
    nonfarm = min(ordered, room)
    factory_share = d.labor.factories / nonfarm_share if nonfarm_share > 0 else 0.0
    farm = labour - nonfarm
    # Famine leaves survivors too weak to work the next season.
    weakness = min(0.9, p.famine_labour_loss * state.famine_share_last)
    return LabourMarket(
        labour_force_m=labour,
        ordered_nonfarm_m=ordered,
        nonfarm_m=nonfarm,
        factory_m=nonfarm * factory_share,
        construction_m=nonfarm * (1.0 - factory_share),
        farm_m=farm,
        farm_effective_m=farm * (1.0 - weakness),
        unfilled_m=max(0.0, ordered - room),
    )


def migration_rate(relsol: float, unfilled_m: float, rural_m: float, dekulakization: bool,
                   p: PopulationParams) -> float:
    """Share of the rural population moving to town this year.

    Allen (2003): the pull of the towns grows with the relative standard of living; on top of it
    come organised recruitment for unfilled jobs and flight from dekulakization.
    """
    allen = max(0.0, p.migration_slope * relsol + p.migration_intercept)
    recruited = p.recruitment_share * unfilled_m * p.people_per_recruit / max(rural_m, 1e-9)
    flight = p.dekulakization_flight if dekulakization else 0.0
    return min(p.max_migration_rate, allen + recruited + flight)


def grow_and_move(state: State, migrants_m: float, famine_share: float, deaths_rural_m: float,
                  p: PopulationParams) -> tuple[float, float]:
    """Apply births, ordinary deaths, extra deaths and migration. Returns (births, ordinary deaths)."""
    birth_factor = (1.0 - min(1.0, p.famine_birth_loss * famine_share)) * rate(state, "births")
    births = (state.rural_m * p.birth_rate_rural + state.urban_m * p.birth_rate_urban) * birth_factor
    ordinary = state.rural_m * p.death_rate_rural + state.urban_m * p.death_rate_urban
    rural_births = state.rural_m * p.birth_rate_rural * birth_factor
    state.rural_m += rural_births - state.rural_m * p.death_rate_rural - deaths_rural_m - migrants_m
    state.urban_m += (births - rural_births) - state.urban_m * p.death_rate_urban + migrants_m
    state.rural_m = max(state.rural_m, 0.0)
    return births, ordinary
