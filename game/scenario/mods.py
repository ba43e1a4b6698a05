"""Mods: folders of YAML that add to or override a scenario, matched by id.

A mod is a folder with mod.yaml (id, name, version, scenario, description, author) and content
files. Mods are found in the folders the caller names (the user's mods folder, which game.persist
knows, and folders named with --mods). A mod for
another scenario is refused; two mods changing the same thing are reported and the later one is
not loaded. Nothing is resolved silently.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath

from pydantic import ValidationError

from .checks import check_scenario
from .document import Document, shown
from .files import Unreadable, checked, resolved
from .problems import Problem, sort_key
from .pydantic_errors import problems_from
from .schema import ModContent, ModManifest, Scenario
from .yamlsource import MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_VALUES, Source, read_source

MANIFEST = "mod.yaml"
MAX_MODS = 8  # mods loaded together; each is checked against the whole scenario merged so far
ID_LISTS = ("projects", "notes", "events")       # lists of items matched by id
ID_MAPS = ("history", "glossary", "texts")


def discover(folders: list[Path]) -> list[Path]:
    """Mod folders inside each folder (or the folder itself, if it is a mod), in name order.

    A mod reached twice (installed, and also named with --mods) counts once.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for folder in folders:
        if has_manifest(folder):
            candidates = [folder]
        elif folder.is_dir():
            candidates = sorted(p for p in folder.iterdir() if has_manifest(p))
        else:
            candidates = []
        for candidate in candidates:
            real = resolved(candidate)
            if real is not None and real not in seen:
                seen.add(real)
                found.append(candidate)
    return found


def has_manifest(folder: Path) -> bool:
    """A folder is a mod when it has a mod.yaml of any kind: reading it then says what is wrong
    with one that is a FIFO, a folder or a symlink loop, instead of passing the folder over."""
    try:
        return os.path.lexists(folder / MANIFEST)
    except (OSError, ValueError):
        return False


def not_mods(folders: list[Path]) -> list[Problem]:
    """Folders that look like a mod (they hold YAML) but have no mod.yaml: say so (E202)."""
    problems = []
    for folder in folders:
        if not folder.is_dir() or has_manifest(folder):
            continue
        # The folder itself when it holds no mods, else each of its subfolders that lacks a manifest.
        suspects = [p for p in sorted(folder.iterdir()) if p.is_dir() and not has_manifest(p)]
        if not any(has_manifest(p) for p in folder.iterdir()):
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
    manifest_source: Source | None = None
    values: int = 0  # read from its files

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


def read_mod(folder: Path, allowance: int = MAX_TOTAL_VALUES) -> Mod:
    """A mod's manifest and content files, read only from regular files inside its folder.

    `allowance`: the values it may hold, what is left of the budget of the mods loaded
    together."""
    mod = Mod(folder)
    manifest_source = read_source(folder / MANIFEST, shown(folder / MANIFEST), folder=folder)
    mod.manifest_source = manifest_source
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
    mod.values = manifest_source.values
    for path in _content_files(folder, mod, manifest_source):
        source = read_source(path, shown(path), folder=folder)
        mod.problems.extend(source.problems)
        mod.values += source.values
        if mod.values > allowance:
            whose = "the mod's files" if allowance == MAX_TOTAL_VALUES else "the mods loaded together"
            mod.problems.append(source.problem((), "E004", f"{whose} hold more than {MAX_TOTAL_VALUES:,} values"))
            break
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
    """The files: list, or every other *.yaml in the folder. Each is checked again when read
    (regular file, inside the folder); here only what files: itself says wrong is reported."""
    if not mod.manifest.files:
        found = sorted(p for p in folder.glob("*.yaml") if p.name != MANIFEST)
    else:
        found = [path for index, name in enumerate(mod.manifest.files)
                 if (path := _listed_file(folder, name, manifest_source, ("files", index), mod)) is not None]
    if len(found) > MAX_FILES:
        mod.problems.append(manifest_source.problem(("files",) if mod.manifest.files else (), "E004",
                                                    f"the mod has {len(found)} content files; the limit is {MAX_FILES}"))
        return []
    return found


def _listed_file(folder: Path, name: str, manifest_source: Source, where: tuple, mod: Mod) -> Path | None:
    shown_name = name.replace("\x00", "\\0")
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute() or PureWindowsPath(name).drive:
        mod.problems.append(manifest_source.problem(where, "E020", f"'{shown_name}' is an absolute path"))
        return None
    try:
        return checked(folder / name, MAX_FILE_BYTES, folder)
    except Unreadable as exc:
        message = {"E020": f"'{shown_name}' leads outside the mod",
                   "E006": f"mod file '{shown_name}' not found"}.get(exc.code, f"mod file '{shown_name}': {exc.message}")
        mod.problems.append(manifest_source.problem(where, exc.code, message))
        return None


def apply_mods(scenario: Scenario, folders: list[Path]) -> tuple[Scenario, list[Problem], list[str]]:
    """The scenario with every usable mod applied, every problem found, and the ids applied."""
    problems: list[Problem] = not_mods(folders)
    found = discover(folders)
    if len(found) > MAX_MODS:
        problems.append(Problem(shown(found[MAX_MODS]), 0, 0, "E004",
                                f"{len(found)} mods found; at most {MAX_MODS} are loaded together, so "
                                f"{', '.join(shown(f) for f in found[MAX_MODS:MAX_MODS + 3])}"
                                f"{' and more' if len(found) > MAX_MODS + 3 else ''} were left out"))
        found = found[:MAX_MODS]
    current, more, applied = apply_read_mods(scenario, _read_within_budget(found))
    return current, sorted(problems + more, key=sort_key), applied


def _read_within_budget(folders: list[Path]) -> list[Mod]:
    """The mods, read while the values they hold together stay within MAX_TOTAL_VALUES; the mod
    that goes past it is refused with E004 and the rest are not read."""
    mods, left = [], MAX_TOTAL_VALUES
    for folder in folders:
        if left <= 0:
            break
        mod = read_mod(folder, left)
        left -= mod.values
        mods.append(mod)
    return mods


def apply_read_mods(scenario: Scenario, mods: list[Mod]) -> tuple[Scenario, list[Problem], list[str]]:
    """apply_mods for mods already read (validate reads each mod once)."""
    problems: list[Problem] = []
    applied: list[str] = []
    folder_of: dict[str, Path] = {}
    claimed: dict[tuple, str] = {}
    current = scenario
    for mod in mods:
        problems.extend(mod.problems)
        if not mod.ok:
            continue
        refusal = _refusal(mod, scenario, folder_of)
        if refusal is not None:
            problems.append(refusal)
            continue
        folder_of[mod.manifest.id] = mod.folder
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


def _refusal(mod: Mod, scenario: Scenario, folder_of: dict[str, Path]) -> Problem | None:
    """Why a readable mod is not applied: another scenario's, or an id already taken (a save
    names its mods by id, so two of one id would make a game that could never be loaded)."""
    manifest, where = mod.manifest, mod.manifest_source
    if manifest.scenario != scenario.id:
        return where.problem(("scenario",), "E200", f"mod '{manifest.id}' is for scenario '{manifest.scenario}', "
                                                    f"not '{scenario.id}'; not loaded")
    if manifest.id in folder_of:
        return where.problem(("id",), "E203", f"mod id '{manifest.id}' is also the id of the mod in "
                                              f"{shown(folder_of[manifest.id])}; this one is not loaded")
    return None


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
    # Warnings about the scenario's own content are the scenario's, not this mod's.
    return (None if errors else result), [p for p in document.problems if p.is_error or p.placed]


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
