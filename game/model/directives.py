"""A year's directives: the player's levers, validated before the year is resolved.

An impossible value is an error that says which lever and what is allowed; nothing is clamped
silently.
"""

from __future__ import annotations

import math
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    create_model,
    field_validator,
    model_validator,
)

from ..errors import UserError
from .levers import CONTROLS, REPRESSION_LEVELS, Control
from .setup import TARGET_KEYS, World

__all__ = ["REPRESSION_LEVELS", "DirectiveError", "Directives", "InvestmentSplit", "Labor", "Shares"]

SHARE_TOLERANCE = 1e-3


class DirectiveError(UserError):
    """A directive the model cannot carry out."""


class Shares(BaseModel):
    """A split that sums to one (the labour force, investment); its parts come from the lever table."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="after")
    def _sums_to_one(self) -> Shares:
        total = math.fsum(getattr(self, part) for part in type(self).model_fields)
        if abs(total - 1.0) > SHARE_TOLERANCE:
            raise ValueError(f"{type(self).lever} shares must sum to 1, they sum to {total:.3f}")
        return self

    def share(self, part: str) -> float:
        return getattr(self, part)


def _number(control: Control, optional: bool = False):
    kind = int if control.kind == "level" else float
    spec = Field(ge=control.low, le=control.high, strict=True, allow_inf_nan=False,
                 description=control.description)
    return Annotated[kind, spec] | None if optional else Annotated[kind, spec]


def _shares_model(control: Control) -> type[Shares]:
    fields = {part: (Annotated[float, Field(ge=0.0, le=1.0, strict=True, allow_inf_nan=False)],
                     Field(description=label)) for part, label in control.parts}
    name = "".join(word.capitalize() for word in control.field.split("_"))
    model = create_model(name, __base__=Shares, **fields)
    model.lever = control.field
    return model


SHARES: dict[str, type[Shares]] = {c.field: _shares_model(c) for c in CONTROLS.values() if c.kind == "shares"}
Labor = SHARES["labor"]
InvestmentSplit = SHARES["investment_split"]


def field_type(control: Control, optional: bool = False):
    """The pydantic type of a directive field (optional: may be None, for policies)."""
    if control.kind in ("number", "level"):
        return _number(control, optional)
    if control.kind == "shares":
        return SHARES[control.field] | None if optional else SHARES[control.field]
    if control.kind == "switch":
        return Annotated[bool, Field(strict=True)] | None if optional else Annotated[bool, Field(strict=True)]
    if control.kind == "projects":
        return tuple[str, ...]
    return dict[str, dict[str, float]]


def _directive_fields() -> dict:
    fields = {}
    for control in CONTROLS.values():
        if control.kind == "projects":
            fields[control.field] = (field_type(control), Field(default=(), description=control.description))
        elif control.kind == "targets":
            fields[control.field] = (field_type(control), Field(default_factory=dict, description=control.description))
        elif control.default is not None:
            fields[control.field] = (field_type(control), Field(default=control.default, description=control.description))
        else:
            fields[control.field] = (field_type(control), Field(description=control.description))
    return fields


class DirectivesBase(BaseModel):
    """The levers for one year; the fields come from the lever table (levers.py)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("targets", check_fields=False)
    @classmethod
    def _known_target_keys(cls, targets: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
        for plan_id, values in targets.items():
            for key, value in values.items():
                if key not in TARGET_KEYS:
                    raise ValueError(f"plan {plan_id}: unknown target {key!r}; allowed: {', '.join(TARGET_KEYS)}")
                if not (math.isfinite(value) and value > 0):
                    raise ValueError(f"plan {plan_id}: target {key} must be a positive number, got {value}")
        return targets

    @classmethod
    def from_mapping(cls, data: dict, where: str = "directives") -> Directives:
        """Build from plain data, turning validation errors into one readable DirectiveError."""
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise DirectiveError(f"{where}: {describe_validation_error(exc)}") from None

    def check_against(self, world: World, year: int, started: set[str]) -> None:
        """Errors that need the scenario: ranges it narrows, unknown or premature projects, unknown plans."""
        for field in world.lever_ranges:
            control = CONTROLS[field]
            low, high = world.lever_range(field, control.low, control.high)
            value = getattr(self, field)
            if not low <= value <= high:
                raise DirectiveError(f"{year}: {field} must be between {low:g} and {high:g} in this scenario, "
                                     f"not {value:g}")
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


Directives = create_model("Directives", __base__=DirectivesBase, **_directive_fields())
Directives.__doc__ = DirectivesBase.__doc__


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
