"""A year's directives: the player's levers, validated before the year is resolved.

An impossible value is an error that says which lever and what is allowed; nothing is clamped
silently.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..errors import UserError
from .params import INVESTMENT_SECTORS
from .setup import TARGET_KEYS, World

REPRESSION_LEVELS = ("lenient", "normal", "harsh", "terror")
SHARE_TOLERANCE = 1e-3


class DirectiveError(UserError):
    """A directive the model cannot carry out."""


class Labor(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    farms: float = Field(ge=0.0, le=1.0, description="Share of the labour force ordered to stay on farms.")
    factories: float = Field(ge=0.0, le=1.0, description="Share ordered into industry, transport and services.")
    construction: float = Field(ge=0.0, le=1.0, description="Share ordered onto building sites.")

    @model_validator(mode="after")
    def _sums_to_one(self) -> Labor:
        total = self.farms + self.factories + self.construction
        if abs(total - 1.0) > SHARE_TOLERANCE:
            raise ValueError(f"labor shares must sum to 1, they sum to {total:.3f}")
        return self


class InvestmentSplit(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    heavy_industry: float = Field(ge=0.0, le=1.0, description="Steel, coal, oil, machine building.")
    light_industry: float = Field(ge=0.0, le=1.0, description="Consumer goods and housing.")
    agriculture: float = Field(ge=0.0, le=1.0, description="Tractor plants, MTS, fertiliser.")
    transport_power: float = Field(ge=0.0, le=1.0, description="Railways and power stations.")
    defense: float = Field(ge=0.0, le=1.0, description="Armaments.")

    @model_validator(mode="after")
    def _sums_to_one(self) -> InvestmentSplit:
        total = sum(getattr(self, s) for s in INVESTMENT_SECTORS)
        if abs(total - 1.0) > SHARE_TOLERANCE:
            raise ValueError(f"investment_split shares must sum to 1, they sum to {total:.3f}")
        return self

    def share(self, sector: str) -> float:
        return getattr(self, sector)


class Directives(BaseModel):
    """The levers for one year."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    labor: Labor = Field(description="Ordered split of the labour force.")
    investment_rate: float = Field(ge=0.05, le=0.6, description="Share of national income invested.")
    investment_split: InvestmentSplit = Field(description="Where investment goes.")
    grain_procurement_mt: float = Field(ge=0.0, le=60.0, description="Grain the state sets out to take, Mt.")
    grain_exports_mt: float = Field(ge=0.0, le=15.0, description="Grain to sell abroad, Mt.")
    collectivization_target: float = Field(ge=0.0, le=1.0, description="Share of households in collective farms by year end.")
    dekulakization: bool = Field(description="Deport the households classed as kulaks.")
    repression: int = Field(ge=0, le=3, description="0 lenient, 1 normal, 2 harsh, 3 terror.")
    projects: tuple[str, ...] = Field(default=(), description="Projects to start this year.")
    targets: dict[str, dict[str, float]] = Field(
        default_factory=dict, description="Plan targets, per plan id, set in a plan's first year."
    )

    @field_validator("targets")
    @classmethod
    def _known_target_keys(cls, targets: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
        for plan_id, values in targets.items():
            for key, value in values.items():
                if key not in TARGET_KEYS:
                    raise ValueError(f"plan {plan_id}: unknown target {key!r}; allowed: {', '.join(TARGET_KEYS)}")
                if not value > 0:
                    raise ValueError(f"plan {plan_id}: target {key} must be positive, got {value}")
        return targets

    @classmethod
    def from_mapping(cls, data: dict, where: str = "directives") -> Directives:
        """Build from plain data, turning validation errors into one readable DirectiveError."""
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise DirectiveError(f"{where}: {describe_validation_error(exc)}") from None

    def check_against(self, world: World, year: int, started: set[str]) -> None:
        """Errors that need the scenario: unknown or premature projects, unknown plans."""
        for project_id in self.projects:
            project = world.project(project_id)
            if project is None:
                known = ", ".join(p.id for p in world.projects)
                raise DirectiveError(f"{year}: unknown project {project_id!r}; known: {known}")
            if year < project.earliest_year:
                raise DirectiveError(
                    f"{year}: project {project_id!r} cannot start before {project.earliest_year}"
                )
            if project_id in started:
                raise DirectiveError(f"{year}: project {project_id!r} was already started")
        plan_ids = {p.id for p in world.plans}
        for plan_id in self.targets:
            if plan_id not in plan_ids:
                raise DirectiveError(
                    f"{year}: unknown plan {plan_id!r}; known: {', '.join(sorted(plan_ids))}"
                )


def describe_validation_error(exc: ValidationError) -> str:
    """One plain line per problem: where, what, and what is allowed."""
    parts = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err["loc"])
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            msg = "unknown key"
        elif err["type"] == "missing":
            msg = "missing"
        msg = msg.removeprefix("Value error, ")
        parts.append(f"{loc}: {msg}" if loc else msg)
    return "; ".join(parts)
