"""Load a scenario by id or path: safe YAML, validated by the pydantic models.

Every problem becomes a UserError naming the file and the key; never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from ..errors import UserError
from ..model.directives import describe_validation_error
from .schema import Scenario

SCENARIO_DIR = Path(__file__).resolve().parents[2] / "scenarios"
MAX_FILE_BYTES = 2 * 1024 * 1024


class ScenarioError(UserError):
    """A scenario file that cannot be used."""


def scenario_path(name_or_path: str | Path) -> Path:
    """A bundled scenario id (great_turn) or a path to a YAML file."""
    candidate = Path(name_or_path)
    if candidate.suffix in (".yaml", ".yml"):
        return candidate
    return SCENARIO_DIR / f"{name_or_path}.yaml"


def read_yaml(path: Path) -> object:
    """Parse one YAML file safely, with size limits and readable errors."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{path}: file not found") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise UserError(f"{path}: file is {len(raw)} bytes; the limit is {MAX_FILE_BYTES}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise UserError(f"{where}: YAML syntax error: {problem}") from None


def load_scenario(name_or_path: str | Path) -> Scenario:
    path = scenario_path(name_or_path)
    if not path.exists():
        bundled = ", ".join(sorted(p.stem for p in SCENARIO_DIR.glob("*.yaml")))
        raise ScenarioError(f"unknown scenario {str(name_or_path)!r}; bundled scenarios: {bundled}")
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ScenarioError(f"{path}: a scenario must be a mapping of keys, not {type(data).__name__}")
    try:
        scenario = Scenario.model_validate(data)
        scenario.world()
    except ValidationError as exc:
        raise ScenarioError(f"{path}: {describe_validation_error(exc)}") from None
    return scenario
