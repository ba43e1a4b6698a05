"""Load a scenario by id or path, with its includes and mods, reporting every problem at once.

The same loader serves the game, the simulator, the validator and the tests: a broken scenario
or mod never crashes anything and never disappears silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..errors import UserError
from ..resources import scenarios_dir
from .checks import check_scenario
from .document import Document, assemble, shown
from .mods import apply_mods
from .problems import Problem, sort_key
from .pydantic_errors import problems_from
from .schema import Scenario, ScenarioContent
from .yamlsource import Source, read_source

SCENARIO_DIR = scenarios_dir()


class ScenarioError(UserError):
    """A scenario (or mod) that cannot be used; `problems` lists everything found."""

    def __init__(self, what: str, problems: list[Problem]):
        errors = [p for p in problems if p.is_error]
        lines = [f"{what}: {len(errors)} error{'s' if len(errors) != 1 else ''}"]
        lines += [p.format() for p in sorted(problems, key=sort_key)]
        super().__init__("\n".join(lines))
        self.problems = problems


@dataclass
class Loaded:
    """The result of reading a scenario: the scenario if usable, and every problem found."""

    path: Path
    scenario: Scenario | None
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    mods: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def scenario_path(name_or_path: str | Path) -> Path:
    """A bundled scenario id (great_turn) or a path to a YAML file."""
    candidate = Path(name_or_path)
    if candidate.suffix in (".yaml", ".yml"):
        return candidate
    return SCENARIO_DIR / f"{name_or_path}.yaml"


def bundled_scenarios() -> list[str]:
    """Ids of the complete scenarios shipped in scenarios/ (parts live in subfolders)."""
    return sorted(p.stem for p in SCENARIO_DIR.glob("*.yaml"))


def read_scenario(path: Path, complete: bool = True) -> Loaded:
    """Assemble, validate and check a scenario file. Never raises for bad content."""
    document = assemble(path)
    loaded = Loaded(path, None, files=[s.file for s in document.sources])
    if document.ok and document.sources and document.sources[0].data is not None:
        loaded.scenario = validate_document(document, Scenario if complete else ScenarioContent)
    loaded.problems = sorted(document.problems, key=sort_key)
    if loaded.errors:
        loaded.scenario = None
    return loaded


def validate_document(document: Document, model: type[ScenarioContent]) -> ScenarioContent | None:
    """Structural validation (pydantic) and cross-field checks, both reported at file:line:col."""
    result = None
    try:
        result = model.model_validate(document.data)
    except ValidationError as exc:
        document.problems.extend(problems_from(exc, model, document.locate))
    if model is Scenario:
        check_scenario(document)
    return result if document.ok else None


def load_scenario(name_or_path: str | Path, mods: list[Path] | None = None) -> Scenario:
    """The scenario, ready to play, or a ScenarioError listing every problem (mods included)."""
    loaded = load_with_mods(name_or_path, mods or [])
    if loaded.errors:
        raise ScenarioError(shown(loaded.path), loaded.problems)
    return loaded.scenario


def load_with_mods(name_or_path: str | Path, mods: list[Path]) -> Loaded:
    """The scenario with every usable mod applied; broken or conflicting mods are left out and
    listed in `problems`, never silently dropped. `scenario` is None only if the scenario itself
    is broken."""
    path = scenario_path(name_or_path)
    if not path.exists():
        raise UserError(f"unknown scenario {str(name_or_path)!r}; bundled scenarios: {', '.join(bundled_scenarios())}")
    loaded = read_scenario(path)
    if loaded.scenario is not None and mods:
        loaded.scenario, problems, loaded.mods = apply_mods(loaded.scenario, mods)
        loaded.problems = sorted(loaded.problems + problems, key=sort_key)
    return loaded


def read_yaml(path: Path) -> object:
    """Parse one YAML file safely; the first problem becomes a UserError with file:line:col."""
    source: Source = read_source(path, shown(path))
    if source.problems:
        first = sorted(source.problems, key=sort_key)[0]
        raise UserError(first.format().split("\n")[0])
    return source.data
