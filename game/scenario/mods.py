"""Mods: folders of YAML that add to or override a scenario, matched by id.

A mod is a folder with mod.yaml (id, name, version, scenario, description, author) and content
files. Mods are found in the folders the caller names (the user's mods folder, which game.persist
knows, and folders named with --mods). A mod for
another scenario is refused; two mods changing the same thing are reported and the later one is
not loaded. Nothing is resolved silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from .checks import check_scenario
from .document import Document, shown
from .problems import Problem, sort_key
from .pydantic_errors import problems_from
from .schema import ModContent, ModManifest, Scenario
from .yamlsource import Source, read_source

MANIFEST = "mod.yaml"
ID_LISTS = ("projects", "notes", "events")       # lists of items matched by id
ID_MAPS = ("history", "glossary", "texts")


def discover(folders: list[Path]) -> list[Path]:
    """Mod folders inside each folder (or the folder itself, if it is a mod), in name order.

    A mod reached twice (installed, and also named with --mods) counts once.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for folder in folders:
        if (folder / MANIFEST).is_file():
            candidates = [folder]
        elif folder.is_dir():
            candidates = sorted(p.parent for p in folder.glob(f"*/{MANIFEST}"))
        else:
            candidates = []
        for candidate in candidates:
            if candidate.resolve() not in seen:
                seen.add(candidate.resolve())
                found.append(candidate)
    return found


def not_mods(folders: list[Path]) -> list[Problem]:
    """Folders that look like a mod (they hold YAML) but have no mod.yaml: say so (E202)."""
    problems = []
    for folder in folders:
        if not folder.is_dir() or (folder / MANIFEST).is_file():
            continue
        # The folder itself when it holds no mods, else each of its subfolders that lacks a manifest.
        suspects = [p for p in sorted(folder.iterdir()) if p.is_dir() and not (p / MANIFEST).is_file()]
        if not any(folder.glob(f"*/{MANIFEST}")):
            suspects.insert(0, folder)
        for suspect in suspects:
            if any(suspect.glob("*.yaml")) or any(suspect.glob("*.yml")):
                problems.append(Problem(shown(suspect), 0, 0, "E202",
                                        f"{shown(suspect)} holds YAML files but no {MANIFEST}; it is not loaded as a mod"))
    return problems


@dataclass
class Mod:
    folder: Path
    manifest: ModManifest | None = None
    contents: list[tuple[Source, ModContent]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.manifest is not None and not any(p.is_error for p in self.problems)

    def changes(self) -> dict[tuple, tuple[Source, tuple]]:
        """Everything this mod sets, as (kind, key) -> where it says so."""
        result: dict[tuple, tuple[Source, tuple]] = {}
        for source, content in self.contents:
            for path in _leaf_paths(content.parameters, ("parameters",)):
                result[path] = (source, path)
            for key in ID_LISTS:
                for index, item in enumerate(getattr(content, key)):
                    result[(key, item.id)] = (source, (key, index))
            for key in ID_MAPS:
                for ident in getattr(content, key):
                    result[(key, ident)] = (source, (key, ident))
        return result


def read_mod(folder: Path) -> Mod:
    mod = Mod(folder)
    manifest_source = read_source(folder / MANIFEST, shown(folder / MANIFEST))
    mod.problems.extend(manifest_source.problems)
    if not manifest_source.ok:
        return mod
    if not isinstance(manifest_source.data, dict):
        mod.problems.append(manifest_source.problem((), "E007", "mod.yaml must be a mapping of keys"))
        return mod
    try:
        mod.manifest = ModManifest.model_validate(manifest_source.data)
    except ValidationError as exc:
        mod.problems.extend(problems_from(exc, ModManifest, _locator(manifest_source)))
        return mod
    for path in _content_files(folder, mod, manifest_source):
        source = read_source(path, shown(path))
        mod.problems.extend(source.problems)
        if not source.ok or source.data is None:
            continue
        if not isinstance(source.data, dict):
            mod.problems.append(source.problem((), "E007", "a mod file must be a mapping of keys"))
            continue
        try:
            mod.contents.append((source, ModContent.model_validate(source.data)))
        except ValidationError as exc:
            mod.problems.extend(problems_from(exc, ModContent, _locator(source)))
    return mod


def _content_files(folder: Path, mod: Mod, manifest_source: Source) -> list[Path]:
    if not mod.manifest.files:
        return sorted(p for p in folder.glob("*.yaml") if p.name != MANIFEST)
    files = []
    root = folder.resolve()
    for index, name in enumerate(mod.manifest.files):
        target = (folder / name).resolve()
        if Path(name).is_absolute() or not target.is_relative_to(root):
            mod.problems.append(manifest_source.problem(("files", index), "E020", f"'{name}' leads outside the mod"))
        elif not target.is_file():
            mod.problems.append(manifest_source.problem(("files", index), "E006", f"mod file '{name}' not found"))
        else:
            files.append(target)
    return files


def apply_mods(scenario: Scenario, folders: list[Path]) -> tuple[Scenario, list[Problem], list[str]]:
    """The scenario with every usable mod applied, every problem found, and the ids applied."""
    problems: list[Problem] = not_mods(folders)
    applied: list[str] = []
    claimed: dict[tuple, str] = {}
    current = scenario
    for folder in discover(folders):
        mod = read_mod(folder)
        problems.extend(mod.problems)
        if not mod.ok:
            continue
        manifest_at = read_source(folder / MANIFEST, shown(folder / MANIFEST))
        if mod.manifest.scenario != scenario.id:
            problems.append(manifest_at.problem(("scenario",), "E200",
                                                f"mod '{mod.manifest.id}' is for scenario '{mod.manifest.scenario}', "
                                                f"not '{scenario.id}'; not loaded"))
            continue
        changes = mod.changes()
        clashes = [(key, claimed[key]) for key in changes if key in claimed]
        if clashes:
            key, other = clashes[0]
            source, path = changes[key]
            problems.append(source.problem(path, "E201",
                                           f"mod '{mod.manifest.id}' changes {_describe(key)}, which mod '{other}' "
                                           f"also changes; '{mod.manifest.id}' not loaded", key=True))
            continue
        result, mod_problems = _apply(current, mod)
        problems.extend(mod_problems)
        if result is None:
            continue
        current = result
        applied.append(mod.manifest.id)
        claimed.update({key: mod.manifest.id for key in changes})
    return current, sorted(problems, key=sort_key), applied


def _apply(scenario: Scenario, mod: Mod) -> tuple[Scenario | None, list[Problem]]:
    """Merge one mod into the scenario and validate the result, placing errors in the mod's files."""
    document = Document(mod.folder, data=scenario.model_dump(mode="python", exclude={"include"}, exclude_none=True))
    for source, _ in mod.contents:
        raw = source.data
        _merge_parameters(document, raw.get("parameters", {}), source, ("parameters",))
        for key in ID_LISTS:
            _merge_by_id(document, key, raw.get(key, []), source)
        for key in ID_MAPS:
            for ident, value in raw.get(key, {}).items():
                document.data.setdefault(key, {})[ident] = value
                document.origin[(key, ident)] = (source, (key, ident))
    document.sources = [s for s, _ in mod.contents]
    try:
        result = Scenario.model_validate(document.data)
    except ValidationError as exc:
        return None, problems_from(exc, Scenario, document.locate)
    check_scenario(document)
    errors = [p for p in document.problems if p.is_error]
    return (None if errors else result), document.problems


def _merge_parameters(document: Document, incoming: dict, source: Source, path: tuple) -> None:
    target = document.data
    for part in path:
        target = target.setdefault(part, {})
    for key, value in incoming.items():
        here = (*path, key)
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge_parameters(document, value, source, here)
        else:
            target[key] = value
            document.origin[here] = (source, here)


def _merge_by_id(document: Document, key: str, items: list, source: Source) -> None:
    existing = document.data.setdefault(key, [])
    index_of = {item.get("id"): i for i, item in enumerate(existing) if isinstance(item, dict)}
    for index, item in enumerate(items):
        ident = item.get("id") if isinstance(item, dict) else None
        if ident in index_of:
            position = index_of[ident]
            existing[position] = item
        else:
            position = len(existing)
            existing.append(item)
            index_of[ident] = position
        document.origin[(key, position)] = (source, (key, index))


def _leaf_paths(data: dict, path: tuple) -> list[tuple]:
    paths = []
    for key, value in data.items():
        if isinstance(value, dict) and value:
            paths.extend(_leaf_paths(value, (*path, key)))
        else:
            paths.append((*path, key))
    return paths


def _describe(key: tuple) -> str:
    if key[0] == "parameters":
        return ".".join(str(k) for k in key)
    return f"{key[0]} '{key[1]}'"


def _locator(source: Source):
    return lambda path, code, message, hint, at_key: source.problem(path, code, message, hint, key=at_key)
