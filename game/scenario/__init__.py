"""Scenario files: their pydantic models and the loader."""

from .loader import SCENARIO_DIR, load_scenario, scenario_path
from .schema import Scenario

__all__ = ["SCENARIO_DIR", "Scenario", "load_scenario", "scenario_path"]
