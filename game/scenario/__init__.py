"""Scenario files: their pydantic models, the loader, mods and the validator."""

from .loader import (
    SCENARIO_DIR,
    Loaded,
    ScenarioError,
    bundled_scenarios,
    load_scenario,
    read_scenario,
    scenario_path,
)
from .schema import Scenario

__all__ = [
    "SCENARIO_DIR",
    "Loaded",
    "Scenario",
    "ScenarioError",
    "bundled_scenarios",
    "load_scenario",
    "read_scenario",
    "scenario_path",
]
