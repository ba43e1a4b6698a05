"""The names conditions may read and effects may change.

Readable: `year`; every metric of the year just ended (its record; in the first January, before
any year has been played, metric names read as 'unknown' and a condition using them is false);
the state variables below; and flags, which read true once raised.
Writable (add / multiply / set): the state variables below, kept within their bounds.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from .metrics import METRICS
from .state import State


class Variable(NamedTuple):
    """A state variable events may read and change: where it lives, its bounds, and how a card
    names a change to it ("Peasant unrest +6 points")."""

    attribute: str   # the State field
    low: float
    high: float
    label: str       # as a player reads it, capitalised
    unit: str        # share (shown in percentage points), points (an index of 0-1.5 shown x100),
    #                  people (millions), head (millions), k_tractors, mt, bn, switch (0 off, 1 on)


STATE_VARIABLES: dict[str, Variable] = {
    "collectivization": Variable("collectivization", 0.0, 1.0, "Households in collective farms", "share"),
    "cattle_m": Variable("cattle_m", 0.0, math.inf, "Cattle", "head"),
    "horses_m": Variable("horses_m", 0.0, math.inf, "Horses", "head"),
    "tractor_fleet_k": Variable("tractors_k", 0.0, math.inf, "Tractors on the farms", "k_tractors"),
    "grain_reserve_mt": Variable("state_reserve_mt", 0.0, math.inf, "The state's grain reserve", "mt"),
    "peasant_stock_mt": Variable("peasant_stock_mt", 0.0, math.inf, "Grain the villages hold", "mt"),
    "farm_disruption": Variable("disruption", 0.0, 0.9, "Disruption of farming", "share"),
    "plan_strain": Variable("strain", 0.0, math.inf, "Strain of storming the plan", "points"),
    "specialist_loss": Variable("specialist_loss", 0.0, 0.7, "Specialists lost to arrests", "share"),
    "fear": Variable("fear", 0.0, 3.0, "Fear", "points"),
    "peasant_unrest": Variable("peasant_unrest", 0.0, 1.5, "Peasant unrest", "points"),
    "urban_discontent": Variable("urban_discontent", 0.0, 1.5, "Discontent in the towns", "points"),
    "gulag_m": Variable("gulag_m", 0.0, math.inf, "Prisoners in the camps and colonies", "people"),
    "special_settlers_m": Variable("special_settlers_m", 0.0, math.inf, "Special settlers", "people"),
    "kulak_population_m": Variable("kulaks_m", 0.0, math.inf, "People in households classed as kulaks", "people"),
    "rural_population_m": Variable("rural_m", 0.0, math.inf, "Rural population", "people"),
    "urban_population_m": Variable("urban_m", 0.0, math.inf, "Urban population", "people"),
    "urban_housing_m": Variable("housing_m", 0.0, math.inf, "Town housing (residents it is built for)", "people"),
    "farm_capital_bn": Variable("farm_capital_bn", 0.0, math.inf, "Farm capital", "bn"),
    "national_income_bn": Variable("national_income_bn", 1.0, math.inf, "National income", "bn"),
    # The passport system (December 1932): 0 none, 1 in force; it holds back migration.
    "passport_controls": Variable("passport_controls", 0.0, 1.0, "Internal passports", "switch"),
    # The ban on peasants' flight from the famine regions (22 January 1933): 0 none, 1 in force.
    "flight_ban": Variable("flight_ban", 0.0, 1.0, "Ban on the peasants' flight", "switch"),
    # Blacklisting of villages that fail their quotas (November 1932): 0 none, 1 in force; it fades.
    "blacklisting": Variable("blacklisting", 0.0, 1.0, "Blacklisting of villages", "share"),
    # Deaths the last harvest has already set in motion for the coming spring; relief can lower them.
    "famine_deaths_coming_m": Variable("famine_deaths_pending_m", 0.0, math.inf,
                                       "Famine deaths still to come this spring", "people"),
}
WRITABLE = frozenset(STATE_VARIABLES)

# Read-only running totals since the game began (a card about the census of 1937 asks whether
# there has been a famine, not whether last year had one): name -> (metric summed, description).
# `collectivization_peak` is the highest share collectivized at any year's end.
TOTALS: dict[str, tuple[str, str]] = {
    "famine_deaths_total_m": ("famine_deaths_m", "Famine deaths since the game began, millions"),
    "deported_total_m": ("deported_m", "People deported as kulaks since the game began, millions"),
    "arrests_total_k": ("arrests_k", "Arrests since the game began, thousands"),
    "executions_total_k": ("executions_k", "Executions since the game began, thousands"),
    "grain_exports_total_mt": ("grain_exports_mt", "Grain exported since the game began, million tonnes"),
    "grain_procurement_total_mt": ("grain_procurement_mt", "Grain procured since the game began, million tonnes"),
}
PEAKS: dict[str, tuple[str, str]] = {
    "collectivization_peak": ("collectivization", "Highest share of households collectivized at a year's end"),
}
RUNNING = {**TOTALS, **PEAKS}
READABLE = frozenset({"year", *METRICS, *STATE_VARIABLES, *RUNNING})


def update_totals(state: State, record: dict[str, float]) -> None:
    """Add the year's record to the running totals (the end of every year)."""
    for name, (metric, _) in TOTALS.items():
        state.totals[name] = state.totals.get(name, 0.0) + record[metric]
    for name, (metric, _) in PEAKS.items():
        state.totals[name] = max(state.totals.get(name, 0.0), record[metric])


def read_total(state: State, name: str) -> float:
    """A running total; 0 before any year has ended, except a peak, which starts at the state's value."""
    if name in state.totals:
        return state.totals[name]
    return read_state(state, PEAKS[name][0]) if name in PEAKS else 0.0


def project_names(project_ids) -> frozenset[str]:
    """Conditions can ask whether a project has been started (started_<id>) or finished (built_<id>)."""
    return frozenset(f"{prefix}_{p}" for p in project_ids for prefix in ("started", "built"))


def read_state(state: State, name: str) -> float:
    return float(getattr(state, STATE_VARIABLES[name].attribute))


def write_state(state: State, name: str, value: float) -> None:
    attribute, low, high = STATE_VARIABLES[name][:3]
    if not math.isfinite(value):
        value = low
    setattr(state, attribute, min(high, max(low, value)))
