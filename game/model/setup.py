"""What a game starts from: the initial state, weather, plans and projects of a scenario."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import Field

from .params import (
    ModelParams,
    NonNegative,
    Positive,
    ProductName,
    SectorName,
    Share,
    Strict,
    WeatherCategory,
    Year,
    number,
)

TARGET_KEYS = (
    "steel_mt",
    "pig_iron_mt",
    "coal_mt",
    "oil_mt",
    "electricity_bn_kwh",
    "tractors_k",
    "grain_mt",
    "consumer_goods_index",
)
"""Plan target keys: output in the plan's last year. consumer_goods_index has 1928 = 100."""

TargetKey = Literal[
    "steel_mt", "pig_iron_mt", "coal_mt", "oil_mt", "electricity_bn_kwh", "tractors_k", "grain_mt",
    "consumer_goods_index",
]


class InitialState(Strict):
    rural_population_m: number(1.0, 1000.0) = Field(description="Rural population at the start, millions.")
    urban_population_m: number(1.0, 1000.0) = Field(description="Urban population at the start, millions.")
    kulak_population_m: number(0.0, 100.0) = Field(description="People in households the regime classed as kulaks, millions.")
    nonfarm_labour_m: number(0.0, 500.0) = Field(description="Workers and employees outside farming, millions.")
    army_m: number(0.0, 50.0) = Field(description="Men in the armed forces, millions.")
    collectivization: Share = Field(description="Share of households in collective farms.")
    cattle_m: number(0.0, 1000.0) = Field(description="Cattle, millions (summer count).")
    horses_m: number(0.0, 1000.0) = Field(description="Horses, millions (summer count).")
    tractors_k: number(0.0, 10000.0) = Field(description="Tractor fleet, thousands of 15-hp units.")
    peasant_stock_mt: number(0.0, 100.0) = Field(description="Grain carried over by peasants, Mt.")
    state_reserve_mt: number(0.0, 100.0) = Field(description="State grain stocks, Mt.")
    capacity: dict[ProductName, number(0.0, 1e6)] = Field(description="Yearly output capacity per product.")
    pipeline: dict[ProductName, list[number(0.0, 1e6)]] = Field(
        default_factory=dict,
        description="Capacity already under construction in the first year: per product, the capacity due in "
                    "1, 2, ... years (at most the product's lag_years values).",
    )
    farm_capital_bn: number(0.0, 1000.0) = Field(description="Agricultural capital (MTS, fertiliser plants), bn 1937 rubles.")
    national_income_bn: number(1.0, 1e5) = Field(description="National income of the year before, bn 1937 rubles.")
    gulag_m: number(0.0, 100.0) = Field(description="Prisoners in camps and colonies, millions.")
    special_settlers_m: number(0.0, 100.0) = Field(description="Deported special settlers, millions.")
    fear: number(0.0, 3.0) = Field(description="Fear of the security organs (0 none, 1 terror).")
    peasant_unrest: number(0.0, 1.5) = Field(description="Peasant unrest (0 calm, 1 open revolt).")
    urban_discontent: number(0.0, 1.5) = Field(description="Urban discontent (0 calm, 1 strikes).")


class Plan(Strict):
    id: str = Field(description="Plan id, e.g. first_plan.")
    name: str = Field(description="Name shown to the player.")
    start: Year = Field(description="First year of the plan.")
    end: Year = Field(description="Year whose output the targets are for.")
    historical_targets: dict[TargetKey, number(0.0, 1e6, above=True)] = Field(
        default_factory=dict, description="What the plan actually set, for comparison."
    )



class Project(Strict):
    id: str = Field(description="Project id used in directives.")
    name: str = Field(description="Name shown to the player.")
    sector: SectorName = Field(description="Investment sector that pays for it.")
    cost_bn: Positive = Field(description="Total cost, bn 1937 rubles.")
    years: int = Field(ge=1, le=10, description="Years to build at full funding.")
    capacity: dict[ProductName, NonNegative] = Field(default_factory=dict, description="Capacity added when finished.")
    discontent_relief: NonNegative = Field(default=0.0, description="Urban discontent removed when finished (prestige).")
    gulag_labour_m: NonNegative = Field(default=0.0, description="Prisoners (millions) the project works while built.")
    earliest_year: int = Field(description="First year it can be started.")
    historical_start: int | None = Field(default=None, description="Year history started it.")
    description: str = Field(default="", description="What it was.")



class World(Strict):
    """Everything the simulation needs from a scenario, and nothing it does not."""

    first_year: int
    last_year: int
    params: ModelParams
    initial: InitialState
    historical_weather: dict[int, dict[str, WeatherCategory]] = Field(
        description="The weather of each year, a category per region group, from the record.")
    plans: list[Plan]
    projects: list[Project]
    lever_ranges: dict[str, tuple[float, float]] = Field(
        default_factory=dict, description="Directive field -> (low, high) this scenario allows.")


    def plan_for(self, year: int) -> Plan | None:
        for plan in self.plans:
            if plan.start <= year <= plan.end:
                return plan
        return None

    def lever_range(self, field: str, low: float, high: float) -> tuple[float, float]:
        """The range of a number lever in this scenario: the model's, narrowed by the scenario."""
        narrowed = self.lever_ranges.get(field)
        return (max(low, narrowed[0]), min(high, narrowed[1])) if narrowed else (low, high)

    def project(self, project_id: str) -> Project | None:
        return self._projects_by_id.get(project_id)

    @cached_property
    def _projects_by_id(self) -> dict[str, Project]:
        return {project.id: project for project in self.projects}
