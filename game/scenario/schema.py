"""The scenario file format (YAML), as pydantic models with a description on every field.

Cross-field rules (shares that sum to 1, ids that exist, years inside the scenario) are checked
in checks.py, where each problem can be reported at its file, line and column.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..events.engine import Deck
from ..events.schema import Event
from ..events.schema import Strict as Content
from ..events.template import Template
from ..model.levers import LEVER_IDS
from ..model.params import ModelParams, WeatherCategory
from ..model.setup import InitialState, Plan, Project, World
from .map import MapSpec
from .templates import compile_texts

LEVERS: tuple[str, ...] = LEVER_IDS
Lever = Literal[LEVER_IDS]  # the ids come from the model's lever table
Confidence = Literal["C", "S", "M", "D"]
HistoryYear = Annotated[int, Field(ge=1800, le=2100)]
# A year's weather: the yield factor of the harvest (1 = average; the worst of 1928-1941, 1936, is
# 0.79); a factor of 3 is far outside any harvest on record.
# A historical figure: finite, and small enough that a chart's scale cannot overflow.
Figure = Annotated[float, Field(ge=-1e9, le=1e9)]
# Limits on the merged scenario, far above the bundled content (56 events, 13 projects, 3 plans)
# and low enough that a deck and a project list at the limit still validate and play in a second
# or two (tests/fuzz/test_limits.py).
MAX_EVENTS = 500
MAX_PROJECTS = 200
MAX_PLANS = 20


class HistorySeries(Content):
    """A historical series the debrief shows beside the player's record."""

    label: str = Field(description="What the series measures, as shown on the chart.")
    unit: str = Field(description="Unit of the values, e.g. Mt or million people.")
    metric: str | None = Field(default=None, description="Model metric it is compared with, if any.")
    values: dict[HistoryYear, Figure] = Field(description="Value per year.")
    tags: dict[HistoryYear, Confidence] = Field(
        default_factory=dict,
        description="Confidence per year: C confirmed, S secondary, M approximate (shown as such), D derived.",
    )
    source: str = Field(default="", description="Where the figures come from (author, title, year).")


class WeatherYear(Content):
    """One year of the weather record: what the sources say of each region group."""

    regions: dict[str, WeatherCategory] = Field(
        description="Region group -> category: excellent, good, average, poor, drought or wet_blight "
                    "(a year spoilt by rain, rust and smut).")
    note: str = Field(default="", max_length=2000, description="What the sources say happened, in a sentence or two.")
    sources: list[str] = Field(default_factory=list, description="Works the categories rest on.")


class LeverRange(Content):
    low: float = Field(description="Lowest value the player may set.")
    high: float = Field(description="Highest value the player may set.")


class GlossaryEntry(Content):
    term: str = Field(description="The term as shown.")
    text: str = Field(description="What it means, in a sentence or two.")


class HistoricalNote(Content):
    id: str = Field(description="Note id.")
    title: str = Field(description="Heading of the note.")
    text: str = Field(description="The note, in the scenario's own words.")
    sources: list[str] = Field(min_length=1, description="Works the note rests on.")


class DebriefQuestion(Content):
    id: str = Field(description="Question id.")
    text: str = Field(description="The discussion question.")
    tags: list[str] = Field(default_factory=list, description="Topics, e.g. famine, industry.")


class ScenarioContent(Content):
    """Every key a scenario file (or a file it includes) may hold. All optional here; Scenario
    below says which a complete scenario needs."""

    include: list[str] = Field(
        default_factory=list,
        description="Other files of this scenario to read first (paths relative to this file, inside its folder).",
    )
    id: str | None = Field(default=None, description="Scenario id, used on the command line and in policies.")
    name: str | None = Field(default=None, description="Title shown to the player.")
    version: str | None = Field(default=None, description="Scenario version; saves and results record it.")
    description: str | None = Field(default=None, description="What the scenario is about, for the scenario picker.")
    first_year: int | None = Field(default=None, ge=1900, le=2000, description="First year played.")
    last_year: int | None = Field(default=None, ge=1900, le=2000, description="Last year played.")
    default_weather: Literal["historical", "random"] = Field(
        default="historical", description="Weather when none is chosen: the historical series or seeded random."
    )
    default_policy: str = Field(
        default="historical",
        description="Policy (in scenarios/policies) that sets the levers the player does not control.",
    )
    levers: list[Lever] = Field(
        default_factory=lambda: list(LEVERS),
        description="Levers the player controls; the rest follow the default policy.",
    )
    lever_ranges: dict[str, LeverRange] = Field(
        default_factory=dict,
        description="Narrower ranges for number levers in this scenario, by directive field "
                    "(e.g. grain_procurement_mt: {low: 5, high: 30}); inside the model's own ranges.",
    )
    length_minutes: int | None = Field(default=None, ge=1, le=600, description="About how long a game takes.")
    max_cards_per_year: int | None = Field(
        default=None, ge=1, le=50,
        description="Most event cards one January may bring (none: no limit). Over it, the lowest-priority cards "
                    "wait for a later January while their window lasts; follow-ups of last year's answers always come.",
    )
    parameters: ModelParams | None = Field(default=None, description="Every number the model uses.")
    initial_state: InitialState | None = Field(default=None, description="The country at the start of the first year.")
    historical_weather: dict[int, WeatherYear] = Field(
        default_factory=dict, description="The weather record: a category per region group for each year, with sources."
    )
    plans: list[Plan] = Field(default_factory=list, max_length=MAX_PLANS, description="The five-year plans and their years.")
    projects: list[Project] = Field(default_factory=list, max_length=MAX_PROJECTS,
                                    description="Flagship construction projects.")
    history: dict[str, HistorySeries] = Field(
        default_factory=dict, description="Historical series for the debrief, by id."
    )
    notes: list[HistoricalNote] = Field(default_factory=list, description="Historical notes on the scenario.")
    glossary: dict[str, GlossaryEntry] = Field(default_factory=dict, description="Glossary entries by id.")
    debrief_questions: list[DebriefQuestion] = Field(
        default_factory=list, description="Discussion questions the debrief can ask."
    )
    texts: dict[str, str] = Field(default_factory=dict, description="Other text shown in the game, by id.")
    events: list[Event] = Field(default_factory=list, max_length=MAX_EVENTS, description="The event deck.")
    map: MapSpec | None = Field(default=None, description="The map of the regions (common/regions.yaml).")


class Scenario(ScenarioContent):
    """A complete scenario, after its includes are merged."""

    id: str = Field(description="Scenario id, used on the command line and in policies.")
    name: str = Field(description="Title shown to the player.")
    version: str = Field(description="Scenario version; saves and results record it.")
    description: str = Field(description="What the scenario is about, for the scenario picker.")
    first_year: int = Field(ge=1900, le=2000, description="First year played.")
    last_year: int = Field(ge=1900, le=2000, description="Last year played.")
    parameters: ModelParams = Field(description="Every number the model uses.")
    initial_state: InitialState = Field(description="The country at the start of the first year.")
    historical_weather: dict[int, WeatherYear] = Field(
        description="The weather record: a category per region group for each year, with sources.")
    plans: list[Plan] = Field(max_length=MAX_PLANS, description="The five-year plans and their years.")

    @model_validator(mode="after")
    def _compile_templates(self) -> Scenario:
        _ = self.templates  # compiled once, at load
        return self

    @property
    def templates(self) -> dict[str, Template]:
        """The texts the game fills in ({readiness}), compiled once; the loader has checked them.
        Kept with the texts they were compiled from: a copy with other texts compiles its own."""
        cached = self.__dict__.get("_templates")
        if cached is None or cached[0] is not self.texts:
            cached = (self.texts, compile_texts(self.texts))
            self.__dict__["_templates"] = cached  # a frozen model: set as cached_property would
        return cached[1]

    def world(self) -> World:
        return World(
            first_year=self.first_year,
            last_year=self.last_year,
            params=self.parameters,
            initial=self.initial_state,
            historical_weather={year: dict(w.regions) for year, w in self.historical_weather.items()},
            plans=self.plans,
            projects=self.projects,
            lever_ranges={f: (r.low, r.high) for f, r in self.lever_ranges.items()},
        )

    def deck(self) -> Deck:
        """The compiled event deck (the loader has checked every trigger)."""
        return Deck(self.events, self.first_year, self.last_year, tuple(p.id for p in self.projects),
                    self.max_cards_per_year)


class ModManifest(BaseModel):
    """mod.yaml: what a mod is and which scenario it changes."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)
    id: str = Field(pattern=r"^[a-z0-9_]+$", description="Mod id: lower-case letters, digits and _.")
    name: str = Field(description="Name shown in the mod list.")
    version: str = Field(description="Mod version.")
    scenario: str = Field(description="Id of the scenario this mod changes.")
    description: str = Field(description="What the mod changes, for the mod list.")
    author: str = Field(description="Who made it.")
    files: list[str] = Field(
        default_factory=list,
        description="Content files of the mod (relative paths); by default every other .yaml in the folder.",
    )


class ModContent(Content):
    """A mod content file: additions and overrides, matched by id."""

    parameters: dict = Field(
        default_factory=dict,
        description="Parameter overrides: the same nesting as the scenario's parameters, only the keys to change.",
    )
    projects: list[Project] = Field(default_factory=list, max_length=MAX_PROJECTS,
                                    description="Projects to add, or to replace by id.")
    history: dict[str, HistorySeries] = Field(default_factory=dict, description="Historical series to add or replace.")
    glossary: dict[str, GlossaryEntry] = Field(default_factory=dict, description="Glossary entries to add or replace.")
    texts: dict[str, str] = Field(default_factory=dict, description="Texts to add or replace, by id.")
    notes: list[HistoricalNote] = Field(default_factory=list, description="Notes to add, or to replace by id.")
    events: list[Event] = Field(default_factory=list, max_length=MAX_EVENTS,
                                description="Events to add, or to replace by id.")
