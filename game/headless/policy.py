"""Policy files: a year-by-year plan of directives for headless play.

A year's missing keys keep the previous year's values, except `projects`, which start only in
the year that names them. Plan targets apply from each plan's first year.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import UserError
from ..model import Directives, World
from ..model.directives import describe_validation_error
from ..scenario.loader import SCENARIO_DIR, read_yaml

POLICY_DIR = SCENARIO_DIR / "policies"


class PolicyError(UserError):
    """A policy file the simulator cannot follow."""


class Policy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(description="Policy name.")
    description: str = Field(default="", description="What the policy does.")
    scenario: str = Field(description="Scenario id the policy is written for.")
    years: dict[int, dict] = Field(description="Directives per year; missing keys keep last year's values.")
    targets: dict[str, dict[str, float]] = Field(default_factory=dict, description="Plan targets per plan id.")
    event_choices: dict[str, str] = Field(default_factory=dict, description="Event id -> choice id.")
    default_choice: Literal["historical", "first", "random"] = Field(
        default="historical", description="Choice for events not listed in event_choices."
    )


def policy_path(name_or_path: str | Path) -> Path:
    candidate = Path(name_or_path)
    if candidate.suffix in (".yaml", ".yml"):
        return candidate
    return POLICY_DIR / f"{name_or_path}.yaml"


def load_policy(name_or_path: str | Path) -> tuple[Policy, Path]:
    path = policy_path(name_or_path)
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise PolicyError(f"{path}: a policy must be a mapping of keys")
    try:
        return Policy.model_validate(data), path
    except ValidationError as exc:
        raise PolicyError(f"{path}: {describe_validation_error(exc)}") from None


def directives_by_year(policy: Policy, world: World, where: str | Path = "policy") -> dict[int, Directives]:
    """Resolve the policy into complete, validated directives for every year of the scenario."""
    outside = [y for y in policy.years if not world.first_year <= y <= world.last_year]
    if outside:
        raise PolicyError(
            f"{where}: years.{outside[0]}: outside the scenario ({world.first_year}-{world.last_year})"
        )
    if world.first_year not in policy.years:
        raise PolicyError(f"{where}: years.{world.first_year}: the first year must be given in full")
    plan_ids = {p.id for p in world.plans}
    for plan_id in policy.targets:
        if plan_id not in plan_ids:
            raise PolicyError(f"{where}: targets.{plan_id}: unknown plan; known: {', '.join(sorted(plan_ids))}")
    current: dict = {}
    result = {}
    for year in range(world.first_year, world.last_year + 1):
        given = dict(policy.years.get(year, {}))
        current.update({k: v for k, v in given.items() if k != "projects"})
        values = dict(current, projects=tuple(given.get("projects", ())))
        plan = world.plan_for(year)
        if plan is not None and plan.start == year and plan.id in policy.targets:
            values["targets"] = {plan.id: policy.targets[plan.id]}
        result[year] = Directives.from_mapping(values, where=f"{where}: years.{year}")
    return result
