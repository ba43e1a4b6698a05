"""The state and its victims: repression, deportation, the Gulag, unrest and fear.

Repression suppresses visible unrest now, and costs lives, skills and honest reporting. Unrest
that grows too long without being suppressed removes the player from power.
"""

from __future__ import annotations

from dataclasses import dataclass

from .directives import Directives
from .effects import rate
from .params import PoliticsParams
from .state import State


@dataclass(slots=True)
class Repression:
    arrests_m: float
    executions_m: float
    to_camps_m: float
    gulag_deaths_m: float
    deported_m: float
    settler_deaths_m: float


def repress(state: State, d: Directives, forced: float, famine_share: float,
            p: PoliticsParams) -> Repression:
    level = d.repression
    state.fear = state.fear * (1.0 - p.fear_decay) + p.fear_per_repression[level]
    arrests = p.arrest_rate[level] * state.population_m
    executions = arrests * p.execution_share[level]
    to_camps = (arrests - executions) * p.camp_share[level]
    gulag_deaths = state.gulag_m * min(0.9, p.gulag_death_rate + p.gulag_famine_death_rate * famine_share)
    released = state.gulag_m * min(1.0, p.gulag_release_rate[level])
    state.gulag_m = max(0.0, state.gulag_m - released - gulag_deaths + to_camps)

    deported = 0.0
    if d.dekulakization:
        rate = min(1.0, max(p.minimum_deportation_rate, p.deportation_rate * forced))
        deported = state.kulaks_m * rate
        state.kulaks_m -= deported
    settler_deaths = state.special_settlers_m * p.settler_death_rate
    state.special_settlers_m = max(
        0.0, state.special_settlers_m * (1.0 - p.settler_release_rate) - settler_deaths + deported
    )
    return Repression(arrests, executions, to_camps, gulag_deaths, deported, settler_deaths)


def update_unrest(state: State, d: Directives, forced: float, procurement_squeeze: float,
                  famine_share: float, real_wage_index: float, p: PoliticsParams) -> float:
    """Update peasant unrest and urban discontent; return visible unrest (0..1)."""
    provocation = rate(state, "unrest")
    state.peasant_unrest = min(1.5, (
        state.peasant_unrest * (1.0 - p.unrest_decay)
        + provocation * (
            p.unrest_per_forced_share * forced
            + (p.unrest_per_dekulakization if d.dekulakization else 0.0)
            + p.unrest_per_procurement_squeeze * procurement_squeeze
            + p.unrest_per_famine * famine_share)
    ))
    wage_loss = max(0.0, 1.0 - real_wage_index / 100.0)
    state.urban_discontent = min(1.5, state.urban_discontent * (1.0 - p.unrest_decay)
                                 + provocation * p.discontent_per_wage_loss * wage_loss)
    visible = (p.peasant_unrest_weight * state.peasant_unrest
               + (1.0 - p.peasant_unrest_weight) * state.urban_discontent
               - p.fear_suppression * state.fear)
    visible = min(1.0, max(0.0, visible))
    if visible > p.removal_threshold:
        state.unrest_years_high += 1
    else:
        state.unrest_years_high = 0
    if state.unrest_years_high >= p.removal_years and state.ending is None:
        state.ending = "removed"
    return visible
