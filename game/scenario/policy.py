"""Policy files: a year-by-year plan of directives for headless play.

A year's missing keys keep the previous year's values, except `projects`, which start only in
the year that names them. Plan targets apply from each plan's first year. Every problem is
reported at its file, line and column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from ..errors import UserError
from ..model import Directives, World
from ..model.directives import field_type
from ..model.levers import CONTROLS
from ..model.setup import TargetKey
from .document import shown
from .loader import SCENARIO_DIR
from .problems import Problem, sort_key
from .pydantic_errors import did_you_mean, problems_from
from .yamlsource import Source, read_source

POLICY_DIR = SCENARIO_DIR / "policies"
Target = Annotated[float, Field(gt=0.0, le=1e6)]  # a plan's output target, in its key's unit


class PolicyError(UserError):
    """A policy file the simulator cannot follow."""


def _policy_year_fields() -> dict:
    """Every lever's fields, each optional (a year may leave it out); targets are per plan, below."""
    fields = {}
    for control in CONTROLS.values():
        if control.kind == "targets":
            continue
        if control.kind == "projects":
            fields[control.field] = (list[str], Field(default_factory=list, description=control.description))
        else:
            fields[control.field] = (field_type(control, optional=True),
                                     Field(default=None, description=control.description))
    return fields


class _PolicyYearBase(BaseModel):
    """One year of a policy: any directive may be left out to keep last year's value."""

    model_config = ConfigDict(extra="forbid", frozen=True)


PolicyYear = create_model("PolicyYear", __base__=_PolicyYearBase, **_policy_year_fields())
PolicyYear.__doc__ = _PolicyYearBase.__doc__


class Policy(BaseModel):
    # strict: a year written `yes:` or `"1930":` is not 1930, a target of `.inf` or "5" is refused.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)
    name: str = Field(description="Policy name.")
    description: str = Field(default="", description="What the policy does.")
    scenario: str = Field(description="Scenario id the policy is written for.")
    years: dict[int, PolicyYear] = Field(description="Directives per year; missing keys keep last year's values.")
    targets: dict[str, dict[TargetKey, Target]] = Field(default_factory=dict, description="Plan targets per plan id.")
    event_choices: dict[str, str] = Field(default_factory=dict, description="Event id -> choice id.")
    default_choice: Literal["historical", "first", "random"] = Field(
        default="historical", description="Choice for events not listed in event_choices."
    )


def policy_path(name_or_path: str | Path) -> Path:
    candidate = Path(name_or_path)
    if candidate.suffix in (".yaml", ".yml"):
        return candidate
    return POLICY_DIR / f"{name_or_path}.yaml"


def read_policy(path: Path) -> tuple[Policy | None, Source, list[Problem]]:
    """Parse and validate a policy file; never raises for bad content."""
    source = read_source(path, shown(path))
    problems = list(source.problems)
    policy = None
    if source.ok and source.data is None:
        problems.append(Problem(source.file, 0, 0, "E007", "the policy file is empty",
                                "A policy names its scenario and gives directives by year: see "
                                "scenarios/policies/historical.yaml."))
    elif source.ok:
        if not isinstance(source.data, dict):
            problems.append(source.problem((), "E007", "a policy is a mapping of keys at its top level"))
        else:
            try:
                policy = Policy.model_validate(source.data)
            except ValidationError as exc:
                problems.extend(problems_from(exc, Policy, lambda p, c, m, h, k: source.problem(p, c, m, h, key=k)))
    return policy, source, sorted(problems, key=sort_key)


def load_policy(name_or_path: str | Path) -> tuple[Policy, Path]:
    path = policy_path(name_or_path)
    policy, _, problems = read_policy(path)
    errors = [p for p in problems if p.is_error]
    if errors or policy is None:
        raise PolicyError(errors[0].format().split("\n")[0] if errors else f"{shown(path)}: not a policy")
    return policy, path


def check_policy(data: dict, world: World, source: Source) -> list[Problem]:
    """Rules that need the scenario: years, plans, projects, a complete first year.

    Works on the raw mapping, so that these are reported together with structural errors.
    """
    years = data.get("years") if isinstance(data.get("years"), dict) else {}
    problems = []
    for year in years:
        if not isinstance(year, int) or not world.first_year <= year <= world.last_year:
            problems.append(source.problem(("years", year), "E130",
                                           f"years.{year} is outside the scenario ({world.first_year}-{world.last_year})",
                                           key=True))
    plan_ids = {p.id for p in world.plans}
    targets = data.get("targets") if isinstance(data.get("targets"), dict) else {}
    for plan_id in targets:
        if plan_id not in plan_ids:
            problems.append(source.problem(("targets", plan_id), "E121",
                                           f"targets.{plan_id}: unknown plan; known: {', '.join(sorted(plan_ids))}",
                                           key=True))
    first = years.get(world.first_year)
    if not isinstance(first, dict):
        problems.append(source.problem(("years",), "E101", f"years.{world.first_year}: the first year must be given",
                                       key=True))
    else:
        missing = [c.field for c in CONTROLS.values() if not c.optional and first.get(c.field) is None]
        if missing:
            problems.append(source.problem(("years", world.first_year), "E101",
                                           f"years.{world.first_year} must set every lever; missing {', '.join(missing)}",
                                           key=True))
    problems.extend(_check_projects(years, world, source))
    return problems


def _check_projects(years: dict, world: World, source: Source) -> list[Problem]:
    problems = []
    started: set[str] = set()
    known = [p.id for p in world.projects]
    for year in sorted(y for y in years if isinstance(y, int)):
        entry = years[year] if isinstance(years[year], dict) else {}
        projects = entry.get("projects") if isinstance(entry.get("projects"), list) else []
        for index, project_id in enumerate(projects):
            where = ("years", year, "projects", index)
            project = world.project(project_id) if isinstance(project_id, str) else None
            if project is None:
                problems.append(source.problem(where, "E121", f"years.{year}.projects: unknown project '{project_id}'",
                                               did_you_mean(str(project_id), known) or f"known: {', '.join(known)}"))
            elif year < project.earliest_year:
                problems.append(source.problem(where, "E130",
                                               f"years.{year}.projects: '{project_id}' cannot start before {project.earliest_year}"))
            elif project_id in started:
                problems.append(source.problem(where, "E120", f"years.{year}.projects: '{project_id}' was already started"))
            started.add(project_id)
    return problems


def directives_by_year(policy: Policy, world: World, where: str | Path = "policy") -> dict[int, Directives]:
    """Resolve the policy into complete, validated directives for every year of the scenario."""
    source = read_source(Path(where), shown(Path(where))) if Path(where).is_file() else Source(str(where))
    problems = check_policy(policy.model_dump(), world, source)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise PolicyError(sorted(errors, key=sort_key)[0].format().split("\n")[0])
    current: dict = {}
    result = {}
    for year in range(world.first_year, world.last_year + 1):
        given = policy.years.get(year)
        if given is not None:
            current.update(given.model_dump(exclude_none=True, exclude={"projects"}))
        values = dict(current, projects=tuple(given.projects) if given else ())
        plan = world.plan_for(year)
        if plan is not None and plan.start == year and plan.id in policy.targets:
            values["targets"] = {plan.id: policy.targets[plan.id]}
        result[year] = Directives.from_mapping(values, where=f"{source.file}: years.{year}")
    return result
