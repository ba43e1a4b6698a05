"""The names conditions may read and effects may change.

Readable: `year`; every metric of the year just ended (its record; in the first January, before
any year has been played, metric names read as 'unknown' and a condition using them is false);
the state variables below; and flags, which read true once raised.
Writable (add / multiply / set): the state variables below, kept within their bounds.
"""

from __future__ import annotations

import math

from .metrics import METRICS
from .state import State

# event name -> (State attribute, lowest, highest)
STATE_VARIABLES: dict[str, tuple[str, float, float]] = {
    "collectivization": ("collectivization", 0.0, 1.0),
    "cattle_m": ("cattle_m", 0.0, math.inf),
    "horses_m": ("horses_m", 0.0, math.inf),
    "tractor_fleet_k": ("tractors_k", 0.0, math.inf),
    "grain_reserve_mt": ("state_reserve_mt", 0.0, math.inf),
    "peasant_stock_mt": ("peasant_stock_mt", 0.0, math.inf),
    "farm_disruption": ("disruption", 0.0, 0.9),
    "plan_strain": ("strain", 0.0, math.inf),
    "specialist_loss": ("specialist_loss", 0.0, 0.7),
    "fear": ("fear", 0.0, 3.0),
    "peasant_unrest": ("peasant_unrest", 0.0, 1.5),
    "urban_discontent": ("urban_discontent", 0.0, 1.5),
    "gulag_m": ("gulag_m", 0.0, math.inf),
    "special_settlers_m": ("special_settlers_m", 0.0, math.inf),
    "kulak_population_m": ("kulaks_m", 0.0, math.inf),
    "rural_population_m": ("rural_m", 0.0, math.inf),
    "urban_population_m": ("urban_m", 0.0, math.inf),
    "urban_housing_m": ("housing_m", 0.0, math.inf),
    "farm_capital_bn": ("farm_capital_bn", 0.0, math.inf),
    "national_income_bn": ("national_income_bn", 1.0, math.inf),
    # The passport system (December 1932): 0 none, 1 in force; it holds back migration.
    "passport_controls": ("passport_controls", 0.0, 1.0),
    # Deaths the last harvest has already set in motion for the coming spring; relief can lower them.
    "famine_deaths_coming_m": ("famine_deaths_pending_m", 0.0, math.inf),
}
WRITABLE = frozenset(STATE_VARIABLES)
READABLE = frozenset({"year", *METRICS, *STATE_VARIABLES})


def project_names(project_ids) -> frozenset[str]:
    """Conditions can ask whether a project has been started (started_<id>) or finished (built_<id>)."""
    return frozenset(f"{prefix}_{p}" for p in project_ids for prefix in ("started", "built"))


def read_state(state: State, name: str) -> float:
    return float(getattr(state, STATE_VARIABLES[name][0]))


def write_state(state: State, name: str, value: float) -> None:
    attribute, low, high = STATE_VARIABLES[name]
    if not math.isfinite(value):
        value = low
    setattr(state, attribute, min(high, max(low, value)))
