"""The state and its victims: repression, deportation, the Gulag, unrest and fear.

Repression suppresses visible unrest now, and costs lives, skills and honest reporting. Unrest
that grows too long without being suppressed removes the player from power.
"""

from __future__ import annotations

from dataclasses import dataclass

from .effects import rate
from .params import PoliticsParams
from .state import State


@dataclass(slots=True)
class Repression:
    arrests_m: float
    executions_m: float
    to_camps_m: float
    released_m: float
    gulag_deaths_m: float
    deported_m: float
    settler_deaths_m: float


def repress(state: State, level: int, dekulakization: bool, forced: float, famine_share: float,
            p: PoliticsParams) -> Repression:
    """Arrests, executions and the camps; deportation and the special settlements.

    Fear and the loss of specialists are separate effects of the same level (update_fear here,
    industry.update_specialists), each with its own parameters.
    """
    arrests = p.arrest_rate[level] * state.population_m
    executions = arrests * p.execution_share[level]
    convicted = p.court_camp_rate[level] * state.population_m * rate(state, "convictions")
    to_camps = (arrests - executions) * p.camp_share[level] + convicted
    gulag_deaths = state.gulag_m * min(0.9, p.gulag_death_rate + p.gulag_famine_death_rate * famine_share)
    released = state.gulag_m * p.gulag_release_rate[level]
    state.gulag_m = max(0.0, state.gulag_m - released - gulag_deaths + to_camps)

    deported = 0.0
    if dekulakization:
        share = min(1.0, max(p.minimum_deportation_rate, p.deportation_rate * forced))
        deported = state.kulaks_m * share
        state.kulaks_m -= deported
    # Deaths on the trains and in the first months, and among those already settled.
    settled_rate = min(0.9, p.settler_death_rate + p.settler_famine_death_rate * famine_share)
    settler_deaths = deported * p.settler_arrival_death_rate + state.special_settlers_m * settled_rate
    state.special_settlers_m = max(
        0.0, state.special_settlers_m * (1.0 - p.settler_release_rate) - settler_deaths + deported
    )
    return Repression(arrests, executions, to_camps, released, gulag_deaths, deported, settler_deaths)


def update_fear(state: State, level: int, p: PoliticsParams) -> None:
    """Fear of the organs: it suppresses visible unrest and, in the statistics, honest reporting."""
    state.fear = state.fear * (1.0 - p.fear_decay) + p.fear_per_repression[level]


def update_unrest(state: State, forced: float, dekulakization: bool, coerced_share: float, famine_share: float,
                  real_wage_index: float, urban_hunger: float, p: PoliticsParams) -> float:
    """Update peasant unrest and urban discontent; return visible unrest (0..1)."""
    provocation = rate(state, "unrest")
    state.peasant_unrest = min(1.5, (
        state.peasant_unrest * (1.0 - p.unrest_decay)
        + provocation * (
            p.unrest_per_forced_share * forced
            + (p.unrest_per_dekulakization if dekulakization else 0.0)
            + p.unrest_per_coercion * coerced_share
            + p.unrest_per_famine * famine_share)
    ))
    wage_loss = max(0.0, 1.0 - real_wage_index / 100.0)
    state.urban_discontent = min(1.5, state.urban_discontent * (1.0 - p.unrest_decay)
                                 + provocation * (p.discontent_per_wage_loss * wage_loss
                                                  + p.discontent_per_hunger * urban_hunger))
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
