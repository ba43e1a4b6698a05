"""`python main.py validate PATH...`: check scenarios, policies and mods, listing every problem.

Files and folders are recognised by what they hold: a folder with mod.yaml is a mod; a file with
`years:` and `scenario:` is a policy; a file with `first_year:` or `id:` is a scenario; any other
YAML is a part of a scenario (a file it includes). Parts that a scenario in the same run includes
are checked as part of that scenario.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from .document import shown
from .loader import load_scenario, read_scenario, scenario_path
from .mods import MANIFEST, Mod, apply_read_mods, has_manifest, read_mod
from .policy import check_policy, read_policy
from .problems import Problem, sort_key
from .yamlsource import read_source

SKIPPED_FOLDERS = {"schema", "reference", "__pycache__"}


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


def validate_paths(paths: list[Path]) -> Report:
    report = Report()
    files: list[Path] = []
    mods: list[Path] = []
    for path in paths:
        if path.is_dir():
            _collect(path, files, mods)
        elif path.name == MANIFEST:
            mods.append(path.parent)
        elif path.exists():
            files.append(path)
        else:
            report.problems.append(Problem(shown(path), 0, 0, "E006", "no such file or folder"))
    covered: set[str] = set()
    kinds = {path: _kind(path) for path in files}
    for path in [p for p in files if kinds[p] == "scenario"]:
        loaded = read_scenario(path)
        covered.update(loaded.files)
        report.problems.extend(loaded.problems)
        report.checked.append(shown(path))
    for path in [p for p in files if kinds[p] == "part" and shown(p) not in covered]:
        report.problems.extend(read_scenario(path, complete=False).problems)
        report.checked.append(shown(path))
    worlds: dict[str, object] = {}  # each scenario is loaded once for all its policies
    for path in [p for p in files if kinds[p] == "policy"]:
        report.problems.extend(_validate_policy(path, worlds))
        report.checked.append(shown(path))
    read = [read_mod(folder) for folder in mods]
    for mod in read:
        report.problems.extend(_validate_mod(mod))
        report.checked.append(shown(mod.folder))
    report.problems.extend(_same_ids(read))
    report.problems = sorted(set(report.problems), key=sort_key)
    return report


def _collect(folder: Path, files: list[Path], mods: list[Path]) -> None:
    if has_manifest(folder):
        mods.append(folder)
        return
    for path in sorted(folder.iterdir()):
        if path.is_dir() and path.name not in SKIPPED_FOLDERS:
            _collect(path, files, mods)
        elif path.suffix in (".yaml", ".yml"):
            files.append(path)


def _kind(path: Path) -> str:
    source = read_source(path)
    data = source.data if isinstance(source.data, dict) else {}
    if "years" in data and "scenario" in data:
        return "policy"
    if "first_year" in data or "id" in data:
        return "scenario"
    return "part"  # includes unreadable files: read as a part, their problems are reported


def _validate_policy(path: Path, worlds: dict) -> list[Problem]:
    _, source, problems = read_policy(path)
    data = source.data if isinstance(source.data, dict) else {}
    scenario_id = data.get("scenario")
    if not isinstance(scenario_id, str):
        return problems
    if not scenario_path(scenario_id).exists():
        return [*problems, source.problem(("scenario",), "E121", f"unknown scenario '{scenario_id}'")]
    if scenario_id not in worlds:
        try:
            worlds[scenario_id] = load_scenario(scenario_id).world()
        except UserError:  # the scenario's own problems are reported when it is validated
            worlds[scenario_id] = None
    world = worlds[scenario_id]
    if world is None:
        return problems
    return problems + check_policy(data, world, source)


def _validate_mod(mod: Mod) -> list[Problem]:
    if not mod.ok:
        return mod.problems
    if not scenario_path(mod.manifest.scenario).exists():
        return [*mod.problems, mod.manifest_source.problem(("scenario",), "E200",
                                                           f"unknown scenario '{mod.manifest.scenario}'")]
    _, problems, _ = apply_read_mods(load_scenario(mod.manifest.scenario), [mod])
    return problems


def _same_ids(mods: list[Mod]) -> list[Problem]:
    """Mods checked together must not share an id: they could not be loaded together."""
    first: dict[str, Mod] = {}
    problems = []
    for mod in mods:
        if mod.manifest is None:
            continue
        other = first.setdefault(mod.manifest.id, mod)
        if other is not mod:
            problems.append(mod.manifest_source.problem(("id",), "E203", f"mod id '{mod.manifest.id}' is also the "
                                                                         f"id of the mod in {shown(other.folder)}"))
    return problems
