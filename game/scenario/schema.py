"""The scenario file format (YAML), as pydantic models with a description on every field."""

from __future__ import annotations

from pydantic import Field

from ..model.params import ModelParams, Positive, Strict
from ..model.setup import InitialState, Plan, Project, World


class Scenario(Strict):
    id: str = Field(description="Scenario id, used on the command line and in policies.")
    name: str = Field(description="Title shown to the player.")
    version: str = Field(description="Scenario version; saves and results record it.")
    description: str = Field(description="What the scenario is about, for the scenario picker.")
    first_year: int = Field(ge=1900, le=2000, description="First year played.")
    last_year: int = Field(ge=1900, le=2000, description="Last year played.")
    default_weather: str = Field(default="historical", description="historical or random.")
    parameters: ModelParams = Field(description="Every number the model uses, with sources in comments.")
    initial_state: InitialState = Field(description="The country at the start of the first year.")
    historical_weather: dict[int, Positive] = Field(description="Weather yield factor of each year (1 = average).")
    plans: list[Plan] = Field(description="The five-year plans and their years.")
    projects: list[Project] = Field(default_factory=list, description="Flagship construction projects.")

    def world(self) -> World:
        return World(
            first_year=self.first_year,
            last_year=self.last_year,
            params=self.parameters,
            initial=self.initial_state,
            historical_weather=self.historical_weather,
            plans=self.plans,
            projects=self.projects,
        )
