"""The event format (YAML), as pydantic models with a description on every field."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..model.effects import touched_fields
from ..model.setup import TargetKey

Reveal = Literal["immediately", "end_of_plan", "debrief"]
Tag = Literal[
    "famine", "deportation", "repression", "violence", "war", "industry", "agriculture", "labour",
    "politics", "statistics", "living_standards", "foreign", "culture", "forced_labour",
]
# The rates a modifier multiplies, and how a card names each when it says what an answer did.
RATE_LABELS: dict[str, str] = {
    "grain_yield": "Grain yields",
    "industrial_output": "Industrial output",
    "migration": "Migration from the villages to the towns",
    "births": "Births",
    "herd_growth": "The herds' regrowth",
    "procurement_capacity": "The state's capacity to take grain by force",
    "willing_sales": "Grain the peasants sell of their own will",
    "unrest": "Unrest",
    "urban_wage": "Real wages in the towns",
    "consumer_goods": "Consumer goods output",
    "construction": "Construction",
    "statistics_inflation": "The inflation of reported figures",
    "arms_output": "Arms output",
    "convictions": "Court convictions",
}
MODIFIER_RATES = tuple(RATE_LABELS)
ModifierRate = Literal[MODIFIER_RATES]


ALWAYS = "always"  # a premise that holds in every state, written on purpose


class Strict(BaseModel):
    """Content as written: unknown keys are errors; numbers are finite numbers, never true/false
    or text (`strict`: YAML's yes is not 1, "0.5" is not 0.5); nothing changes once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)


# Effect values: finite, and inside bounds no variable of the model comes near (people and grain
# are counted in millions, indices are near 1), so that no sum or product can overflow. Each
# variable's own bounds (game/model/variables.py) then hold the result.
EFFECT_LIMIT = 1e6
MULTIPLY_LIMIT = 100.0
EffectAmount = Annotated[float, Field(ge=-EFFECT_LIMIT, le=EFFECT_LIMIT)]
EffectFactor = Annotated[float, Field(ge=0.0, le=MULTIPLY_LIMIT)]
Year = Annotated[int, Field(ge=1900, le=2000)]
IMAGE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,80}\.(png|jpg|jpeg)")


class YearRange(Strict):
    start: Year = Field(description="First year the event can fire.")
    end: Year = Field(description="Last year the event can fire.")


class Modifier(Strict):
    rate: ModifierRate = Field(description="The rate the modifier multiplies.")
    factor: float = Field(gt=0.0, le=5.0, description="Multiplier in the first year (0.9 = 10 % lower).")
    years: int = Field(ge=1, le=20, description="Years it lasts.")
    decay: float = Field(default=0.0, ge=0.0, le=1.0,
                         description="Share of the effect that fades each year (0 = full strength to the end).")


class PlanTarget(Strict):
    plan: str = Field(description="Plan id.")
    key: TargetKey = Field(description="Which target.")
    value: float = Field(gt=0.0, le=EFFECT_LIMIT, description="The new target.")


class FollowUp(Strict):
    event: str = Field(description="Id of the event to fire later.")
    years: int = Field(default=1, ge=0, le=20, description="Years later (0 = later this same January).")


class Effect(Strict):
    """One effect: give exactly one of the keys."""

    add: dict[str, EffectAmount] | None = Field(default=None, description="Add to model variables.")
    multiply: dict[str, EffectFactor] | None = Field(default=None, description="Multiply model variables.")
    set: dict[str, EffectAmount] | None = Field(default=None, description="Set model variables.")
    modifier: Modifier | None = Field(default=None, description="A timed multiplier on a rate.")
    flag: str | None = Field(default=None, description="Raise a flag (conditions can test it by name).")
    clear_flag: str | None = Field(default=None, description="Lower a flag.")
    start_project: str | None = Field(default=None, description="Start a project (by id).")
    cancel_project: str | None = Field(default=None, description="Cancel a project being built (by id).")
    target: PlanTarget | None = Field(default=None, description="Change a plan target.")
    follow_up: FollowUp | None = Field(default=None, description="Fire another event later.")

    @model_validator(mode="after")
    def _exactly_one(self) -> Effect:
        given = [name for name in EFFECT_KINDS if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(f"an effect takes exactly one of {', '.join(EFFECT_KINDS)}; "
                             f"got {', '.join(given) or 'none'}")
        _ = self.kind  # worked out once, at load: the hot path never walks the fields
        return self

    @cached_property
    def kind(self) -> str:
        return next(name for name in EFFECT_KINDS if getattr(self, name) is not None)


EFFECT_KINDS: tuple[str, ...] = tuple(Effect.model_fields)


class Choice(Strict):
    id: str = Field(description="Choice id (policies name it in event_choices).")
    label: str = Field(description="The choice as the player reads it.")
    forecast: str = Field(description="What the player is told to expect, in a sentence.")
    effects: list[Effect] = Field(default_factory=list, description="What choosing it does.")
    historical: bool = Field(default=False, description="True on the option history took.")
    @model_validator(mode="after")
    def _dump_effects(self) -> Choice:
        _ = self.effects_json  # made once, at load
        return self

    @cached_property
    def touched(self) -> tuple[str, ...]:
        """The State fields answering with this choice may change (to put back if it fails)."""
        return touched_fields(self.effects)

    @cached_property
    def effects_json(self) -> tuple[dict, ...]:
        """The plain form every answered card records (saves, results)."""
        return tuple(e.model_dump(mode="json", exclude_none=True) for e in self.effects)


class History(Strict):
    text: str = Field(description="What actually happened, in the scenario's own words.")
    sources: list[str] = Field(min_length=1, description="Works it rests on.")


class Event(Strict):
    id: str = Field(description="Event id.")
    title: str = Field(description="Card title.")
    text: str = Field(description="Card text (sober).")
    text_detailed: str | None = Field(default=None, description="Fuller text shown at the 'detailed' content setting.")
    when: Year | YearRange | None = Field(default=None, description="Year or years it can fire in.")
    premise: str | None = Field(
        default=None, max_length=400,
        description="What must be true of the state for the card's text to make sense, in the safe expression "
                    "language (e.g. collectivization > 0.3 for a kolkhoz card), or 'always'. A card whose premise "
                    "is false does not appear. Dated cards should have one (the validator warns).")
    trigger: str | None = Field(default=None, max_length=400, description="Condition in the safe expression language.")
    chance: float | None = Field(default=None, ge=0.0, le=1.0, description="Chance per year when eligible (default 1).")
    mtth_years: float | None = Field(default=None, gt=0.0, le=100.0, description="Mean years to happen, instead of chance.")
    once: bool = Field(default=True, description="Fire at most once per game.")
    cooldown_years: int | None = Field(default=None, ge=1, le=50, description="If not once: years between firings.")
    priority: int = Field(default=0, ge=-1000, le=1000, description="Higher first, when several fire in one January.")
    triggered_only: bool = Field(default=False, description="Fires only as another event's follow-up.")
    choices: list[Choice] = Field(min_length=1, max_length=4, description="One to four choices.")
    timeout_choice: str | None = Field(default=None, description="Choice taken when a class vote times out or a policy names none.")
    history: History | None = Field(default=None, description="What actually happened, with sources.")
    reveal: Reveal = Field(default="immediately", description="When the history note is shown.")
    tags: list[Tag] = Field(default_factory=list, description="Content and topic tags.")
    regions: list[str] = Field(default_factory=list, max_length=20,
                               description="The regions (ids of parameters.regions) the card is about: the map's "
                                           "panel for each lists it.")
    image: str | None = Field(default=None, description="Image file in assets/images: a plain file name such "
                                                        "as magnitka.png (.png or .jpg), no folders.")

    @field_validator("image")
    @classmethod
    def _plain_image_name(cls, image: str | None) -> str | None:
        # The window opens assets/images/<image>: a folder, '..' or an absolute path would let
        # content open any file (a FIFO, /dev/zero) from there.
        if image is not None and not IMAGE_NAME.fullmatch(image):
            raise ValueError(f"'{image[:60]}' is not a plain image file name; give a name such as magnitka.png "
                             f"(letters, digits, _ - and ., ending in .png or .jpg), no folders")
        return image

    @field_validator("trigger", "premise")
    @classmethod
    def _not_blank(cls, condition: str | None, info) -> str | None:
        if condition is not None and not condition.strip():
            raise ValueError(f"the {info.field_name} is blank; leave {info.field_name}: out for an event that needs "
                             f"no condition{', or write always' if info.field_name == 'premise' else ''}")
        return condition

    @property
    def has_premise(self) -> bool:
        return self.premise is not None and self.premise.strip() != ALWAYS

    @model_validator(mode="after")
    def _consistent(self) -> Event:
        if self.chance is not None and self.mtth_years is not None:
            raise ValueError("give chance or mtth_years, not both")
        ids = [c.id for c in self.choices]
        if len(set(ids)) != len(ids):
            raise ValueError("choice ids must be unique within an event")
        if self.timeout_choice is not None and self.timeout_choice not in ids:
            raise ValueError(f"timeout_choice '{self.timeout_choice}' is not one of the choices ({', '.join(ids)})")
        return self

    @cached_property
    def choices_by_id(self) -> dict[str, Choice]:
        return {choice.id: choice for choice in self.choices}

    @cached_property
    def tag_tuple(self) -> tuple[str, ...]:
        """The tags as every answered card records them (made once, not at each answer)."""
        return tuple(self.tags)

    @cached_property
    def historical(self) -> Choice:
        """History's option; else the timeout choice; else the first."""
        for choice in self.choices:
            if choice.historical:
                return choice
        if self.timeout_choice:
            return next((c for c in self.choices if c.id == self.timeout_choice), self.choices[0])
        return self.choices[0]

    @property
    def yearly_chance(self) -> float:
        if self.mtth_years is not None:  # a yearly chance whose mean waiting time is mtth_years
            return min(1.0, 1.0 / self.mtth_years)
        return 1.0 if self.chance is None else self.chance

    def years(self) -> tuple[int, int] | None:
        if self.when is None:
            return None
        if isinstance(self.when, int):
            return self.when, self.when
        return self.when.start, self.when.end
