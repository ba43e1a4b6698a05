"""Saves: the command log that replays a game exactly, plus a snapshot that proves the replay.

A save is JSON:

    format          "pyatiletka-save"
    format_version  1 (older formats are upgraded step by step on loading; see UPGRADES)
    game_version    the Pyatiletka version that wrote it
    scenario        {id, name, version, content_hash, source}: content_hash is the sha256 of the
                    scenario's canonical JSON with its mods applied, so a changed scenario or mod
                    is detected; source is the bundled id or the scenario file's path
    seed, weather, settings, mods (ids, in the order applied), lesson (code or null), undos
    game_id         the game's identity: every save of one game shares it (absent in older saves)
    name            a named save: the name the player gave it (names that clean to one file name
                    go to name-2.json, name-3.json ...: see slot_for)
    saved_at        ISO time (UTC); left out of every comparison
    year, finished, ending
    commands        the log: {"command": "choose", year, event, choice} and
                    {"command": "play_year", year, directives}
    snapshot        {state, records}: the State (modifiers, flags, fired and scheduled events
                    included) and every year's record, after this January's events were drawn

Loading replays the commands into a fresh game and checks that the replay reproduces the
snapshot exactly; a difference raises ReplayMismatch (which carries the replayed game), it is
never hidden. Every problem is a SaveError naming the file, and loading never writes anything.

Autosaves (the start of every year, the last five kept) live in <saves>/autosave/, named slots
in <saves>/<name>.json; `list_saves` lists both for the load screen.

A save is read as a file that may come from anywhere: only a regular file of at most MAX_SAVE_BYTES,
JSON without NaN, nested at most MAX_DEPTH deep, every field type-checked, the header checked
against the snapshot and, on loading, against the replay. Its scenario file is looked for only
among the bundled scenarios and in the mods folders (see _scenario_source).

Assessment mode: a game played with undo switched off (its settings' allow_undo false) only goes
forward. Its autosave is one file, <saves>/autosave/game-<game_id>.json, overwritten after every
command (the UI calls `autosave` after each card answered and each year played), and
`list_saves` offers only the newest state of such a game: its earlier autosaves and named saves
are not listed, so neither Continue nor Load can reach an earlier year of it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .. import __version__
from ..errors import UserError
from ..model import DirectiveError
from ..model.game import WEATHER_MODES
from ..scenario import Scenario, ScenarioError, bundled_scenarios
from ..scenario.files import Unreadable, inside, read_limited, resolved
from ..scenario.loader import SCENARIO_DIR, load_with_mods
from ..scenario.mods import MANIFEST, discover
from ..scenario.yamlsource import read_source
from .atomic import atomic_write, backup_path, is_temporary, sweep_temporary_files
from .paths import autosave_dir, saves_dir
from .paths import mods_dir as user_mods_dir
from .playthrough import Playthrough, ReplayError, content_hash, replay
from .settings import GameSettings
from .snapshot import differences, dump_records, dump_state, normalised

log = logging.getLogger(__name__)

FORMAT = "pyatiletka-save"
FORMAT_VERSION = 1
AUTOSAVES_KEPT = 5
AUTOSAVE_PREFIX = "autosave-"
LOCKED_PREFIX = "game-"        # the one autosave of a game played locked (undo switched off)
SAVE_SUFFIX = ".json"


# --- errors ---------------------------------------------------------------------------------


class SaveError(UserError):
    """A save that cannot be written or loaded. `kind` says why, for the load screen."""

    kind = "error"

    def __init__(self, path: str | Path, message: str):
        super().__init__(f"{path}: {message}")
        self.path = Path(path)


class SaveUnreadable(SaveError):
    kind = "unreadable"        # missing, empty, truncated, corrupt bytes or JSON


class NotASave(SaveError):
    kind = "foreign"           # readable, but not a Pyatiletka save


class SaveTooNew(SaveError):
    kind = "newer"             # written by a newer version of the game


class SaveDamaged(SaveError):
    kind = "damaged"           # a save, but with keys missing or of the wrong kind


class ScenarioMissing(SaveError):
    kind = "scenario-missing"  # its scenario or one of its mods is not on this machine


class ScenarioChanged(SaveError):
    kind = "scenario-changed"  # the scenario (or a mod) differs from the one it was played with


class ReplayFailed(SaveError):
    kind = "replay-failed"     # a command in the log is refused


class ReplayMismatch(SaveError):
    """The replayed game differs from the snapshot. `session` is the replayed game, which a UI may
    offer to continue after telling the player; `differences` lists where they differ."""

    kind = "replay-mismatch"

    def __init__(self, path: str | Path, message: str, session: Playthrough, found: list[str]):
        super().__init__(path, message)
        self.session = session
        self.differences = found


# --- the file format --------------------------------------------------------------------------


MAX_SAVE_BYTES = 16 * 1024 * 1024  # a save of a whole game is about 60 kB
MAX_DEPTH = 32                      # a save nests about 6 deep; a file nested deeper is not one
MAX_TEXT = 10_000                   # characters of any one text in a save
MAX_INT = 2**63                     # no count, year or seed of a game comes near it

Text = Annotated[str, Field(max_length=200)]
Count = Annotated[int, Field(ge=0, le=1_000_000)]


class _Strict(BaseModel):
    # strict: "1930" is not a year; allow_inf_nan: a save holds only finite numbers.
    model_config = ConfigDict(extra="ignore", strict=True, allow_inf_nan=False)


class ScenarioRef(_Strict):
    id: Text
    name: Text = ""
    version: Text
    content_hash: Text
    source: Annotated[str, Field(max_length=1024)] = ""


class Snapshot(_Strict):
    state: dict
    records: list[dict[str, float]] = Field(max_length=1000)


class SaveFile(_Strict):
    format: str
    format_version: int
    game_version: Text
    scenario: ScenarioRef
    seed: int = Field(ge=-MAX_INT, le=MAX_INT)
    weather: Literal[WEATHER_MODES]
    settings: dict
    mods: list[Text] = Field(max_length=100)
    lesson: Text | None = None
    undos: Count = 0
    game_id: Text | None = None
    saved_at: Annotated[str, Field(max_length=64)]
    year: int = Field(ge=1000, le=3000)
    finished: bool = False
    ending: Literal["completed", "removed"] | None = None
    commands: list[dict] = Field(max_length=100_000)
    snapshot: Snapshot

    @field_validator("settings")
    @classmethod
    def _known_settings(cls, value: dict) -> dict:
        try:
            GameSettings.from_json(value)
        except UserError as exc:
            raise ValueError(exc.message) from None
        return value

    @model_validator(mode="after")
    def _header_agrees_with_snapshot(self) -> SaveFile:
        """The header (what the load screen shows) says what the snapshot says; the replay then
        checks the snapshot."""
        if self.finished != (self.ending is not None):
            raise ValueError(f"the header says finished is {str(self.finished).lower()} but its ending is "
                             f"{'null' if self.ending is None else repr(self.ending)}")
        # (a game completed by reaching its last year has no ending in its state; the replay checks it)
        state = self.snapshot.state
        wrong = [key for key in ("year", "ending") if key in state and state[key] != getattr(self, key)
                 and not (key == "ending" and state[key] is None and self.ending == "completed")]
        if self.ending == "removed" and state.get("ending") != "removed":
            wrong.append("ending")
        if wrong:
            key = wrong[0]
            raise ValueError(f"the header says {key} {_shown(getattr(self, key))}, but its snapshot says "
                             f"{_shown(state.get(key))}")
        return self


def _upgrade_0_to_1(data: dict) -> dict:
    """Format 0, the draft format of the first playable builds, recorded neither the weather
    (every game used the historical weather) nor the settings (there were none to record)."""
    data = dict(data)
    data.setdefault("weather", "historical")
    data.setdefault("settings", GameSettings().as_json())
    data["format_version"] = 1
    return data


# version n -> the function that turns a format-n save into format n+1
UPGRADES: dict[int, Callable[[dict], dict]] = {0: _upgrade_0_to_1}


def save_json(session: Playthrough) -> dict:
    """The save of a game as plain data. Draws this January's events first (begin_year) if the
    game has not yet, so the snapshot and any later replay agree on them."""
    if not isinstance(session, Playthrough):
        raise UserError("this game cannot be saved: start it with game.persist (new game, lesson code or load)")
    session.begin_year()
    scenario = session.scenario
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "game_version": __version__,
        "scenario": {"id": scenario.id, "name": scenario.name, "version": scenario.version,
                     "content_hash": session.content_hash, "source": session.source},
        "seed": session.seed,
        "weather": session.weather_mode,
        "settings": session.settings.as_json(),
        "mods": list(session.mods),
        "lesson": session.lesson,
        "undos": session.undos,
        "game_id": session.game_id,
        "saved_at": datetime.now(UTC).isoformat(timespec="milliseconds"),
        "year": session.year,
        "finished": session.finished,
        "ending": session.game.ending,
        "commands": normalised(session.commands),
        "snapshot": {"state": dump_state(session.game.state), "records": dump_records(session.records)},
    }


def comparable(data: dict) -> dict:
    """A save without what may differ between two saves of the same game (the time it was made)."""
    return {k: v for k, v in data.items() if k != "saved_at"}


def encode(data: dict) -> bytes:
    return (json.dumps(data, indent=1, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")


def write_save(session: Playthrough, path: str | Path, *, keep_backup: bool = True, name: str | None = None) -> Path:
    """Save the game to `path` atomically; a save already there is kept as `<path>.bak`.
    `name`: the name the player gave it (a named save records it, so names never collide)."""
    path = Path(path)
    try:
        data = save_json(session)
        if name is not None:
            data["name"] = name
        data = encode(data)
    except ValueError as exc:  # a NaN or infinity in the state: a model bug, never written silently
        raise SaveError(path, f"cannot save this game: {exc}") from None
    try:
        atomic_write(path, data, keep_backup=keep_backup)
    except OSError as exc:
        raise SaveError(path, f"cannot write the save ({exc.strerror or exc}); the previous file is unchanged") from None
    return path


# --- reading ----------------------------------------------------------------------------------


def read_save(path: str | Path) -> SaveFile:
    """Parse, upgrade and check a save file without replaying it (quick: the load screen).

    Only a regular file of at most MAX_SAVE_BYTES is read (never a FIFO or a device)."""
    path = Path(path)
    try:
        raw = read_limited(path, MAX_SAVE_BYTES)
    except Unreadable as exc:
        raise SaveUnreadable(path, _why_unreadable(exc)) from None
    return parse_save(raw, path)


def _why_unreadable(exc: Unreadable) -> str:
    if exc.code == "E006" and exc.message == "file not found":
        return "no such save file"
    if exc.code == "E008" and "folder" in exc.message:
        return "is a folder, not a save file"
    if exc.code == "E001":
        return f"is too large to be a save ({exc.message})"
    if exc.code == "E008":
        return f"cannot be read as a save: {exc.message}"
    return f"cannot read the save: {exc.message}"


def parse_save(raw: bytes, path: str | Path = "<save>") -> SaveFile:
    path = Path(path)
    looks_like_save = FORMAT.encode() in raw[:200]
    if len(raw) > MAX_SAVE_BYTES:
        raise SaveUnreadable(path, f"is too large to be a save ({len(raw):,} bytes; the limit is {MAX_SAVE_BYTES:,})")
    if not raw.strip():
        raise SaveUnreadable(path, f"the save is empty ({len(raw)} bytes): it was never written completely"
                             + _backup_hint(path))
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark, as some editors add, is harmless
    except UnicodeDecodeError:
        if not looks_like_save:
            raise NotASave(path, "is not a Pyatiletka save (not a text file)") from None
        raise SaveUnreadable(path, "the save is damaged (bytes that are not text)" + _backup_hint(path)) from None
    try:
        data = json.loads(text, parse_constant=_not_a_number)
    except json.JSONDecodeError as exc:
        if not text.lstrip().startswith("{"):
            raise NotASave(path, "is not a Pyatiletka save (not JSON)") from None
        if _cut_short(text, exc):
            raise SaveUnreadable(path, f"the save is cut short (truncated after {len(raw)} bytes)"
                                 + _backup_hint(path)) from None
        if not looks_like_save:
            raise NotASave(path, "is not a Pyatiletka save (not JSON)") from None
        raise SaveUnreadable(path, f"the save is damaged (not valid JSON at line {exc.lineno}, column "
                             f"{exc.colno}: {exc.msg})" + _backup_hint(path)) from None
    except RecursionError:
        raise SaveDamaged(path, "the save is damaged: it is nested far too deeply to be a save"
                          + _backup_hint(path)) from None
    except ValueError as exc:  # NaN or Infinity, or an integer of more than 4,300 digits
        problem = ("it holds a number of more than 4,300 digits, which no save holds" if "digits" in str(exc)
                   else _first_line(exc))
        raise SaveDamaged(path, f"the save is damaged: {problem}" + _backup_hint(path)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        hint = ""
        if isinstance(data, dict) and "series" in data and "seed" in data:
            hint = ": it looks like the result of `simulate --json`; use `simulate --save FILE` for a save"
        raise NotASave(path, f"is not a Pyatiletka save (no \"format\": \"{FORMAT}\"){hint}")
    problem = _unreasonable(data)
    if problem:
        raise SaveDamaged(path, f"the save is damaged: {problem}" + _backup_hint(path))
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise SaveDamaged(path, f"the save is damaged: format_version is {_shown(version)}" + _backup_hint(path))
    if version > FORMAT_VERSION:
        made_by = _shown(data.get("game_version"))
        raise SaveTooNew(path, f"was made by a newer version of Pyatiletka ({made_by}, save format {version}); "
                               f"this is {__version__}, which reads save formats up to {FORMAT_VERSION}: "
                               f"update the game to load it")
    while version < FORMAT_VERSION:
        try:
            data = UPGRADES[version](data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise SaveDamaged(path, f"the save is damaged: cannot upgrade it from save format {version} "
                                    f"({type(exc).__name__}: {_first_line(exc)})" + _backup_hint(path)) from None
        version += 1
    try:
        return SaveFile.model_validate(data)
    except ValidationError as exc:
        raise SaveDamaged(path, f"the save is damaged: {_describe(exc)}" + _backup_hint(path)) from None


def _not_a_number(name: str) -> float:
    raise ValueError(f"it holds {name}, which is not a number a save holds")


def _unreasonable(data: object) -> str | None:
    """What no save holds, wherever it is: nesting deeper than MAX_DEPTH, a number that is not
    finite or has more digits than any game's figure, a text longer than MAX_TEXT. Walked
    without recursion, so a file nested as deep as JSON allows cannot exhaust the stack."""
    stack: list[tuple[object, tuple, int]] = [(data, (), 0)]
    while stack:
        value, where, depth = stack.pop()
        if depth > MAX_DEPTH:
            return f"{_place(where[:4])}...: nested more than {MAX_DEPTH} deep"
        if isinstance(value, dict):
            for key, item in value.items():
                if len(key) > MAX_TEXT:
                    return f"{_place(where)}: a key of {len(key):,} characters"
                stack.append((item, (*where, key), depth + 1))
        elif isinstance(value, list):
            stack.extend((item, (*where, index), depth + 1) for index, item in enumerate(value))
        elif isinstance(value, str):
            if len(value) > MAX_TEXT:
                return f"{_place(where)}: a text of {len(value):,} characters (at most {MAX_TEXT:,})"
        elif isinstance(value, bool) or value is None:
            continue
        elif isinstance(value, int):
            if abs(value) > MAX_INT:
                return f"{_place(where)}: a number of {len(str(abs(value))):,} digits"
        elif isinstance(value, float) and not math.isfinite(value):
            return f"{_place(where)}: {value} is not a number a save holds"
    return None


def _place(where: tuple) -> str:
    text = "".join(f"[{part}]" if isinstance(part, int) else f".{_clip(str(part), 40)}" for part in where)
    return text.lstrip(".") or "the top level"


def _shown(value: object) -> str:
    """A value from the file, short enough for a message."""
    if isinstance(value, dict | list):
        return "a mapping" if isinstance(value, dict) else "a list"
    return _clip(repr(value), 60)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def _clip_path(text: str, width: int = 160) -> str:
    """A path from the file, its start and its end (the file's name) kept."""
    return text if len(text) <= width else text[: width // 2 - 2] + "..." + text[-(width // 2 - 1):]


def _first_line(exc: Exception) -> str:
    text = str(exc).split("\n")[0]
    return text if len(text) <= 200 else text[:197] + "..."


def _describe(exc: ValidationError) -> str:
    """The first problem of a validation as 'field: what is wrong, not VALUE' (and how many more)."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    where = ".".join(str(part) for part in first["loc"]) or "the top level"
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "missing":
        message = "missing"
    shown = "" if first["type"] in ("missing", "value_error") else f", not {_shown(first.get('input'))}"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where + ': ' if first['loc'] else ''}{message[0].lower()}{message[1:]}{shown}{more}"


def _cut_short(text: str, exc: json.JSONDecodeError) -> bool:
    """A parse error at the very end (or in a last number or string cut in half): truncated."""
    body = text.rstrip()
    if exc.pos >= len(body):
        return True
    return not body.endswith("}") and (exc.pos >= len(body) - 64 or exc.msg.startswith("Unterminated string"))


def _backup_hint(path: Path) -> str:
    backup = backup_path(path)
    return f"; the previous save is kept as {backup.name}: load that one instead" if backup.is_file() else ""


def load(path: str | Path, mods: list[Path] | None = None, *, accept_changed_scenario: bool = False) -> Playthrough:
    """Load a save: find its scenario (with its mods), replay the command log and check that the
    replay reproduces the snapshot. Returns the game, ready to continue at its January.

    `mods`: folders to look in for the save's mods besides the user's mods folder.
    `accept_changed_scenario`: replay even if the scenario's content hash differs (the snapshot
    check then says whether anything changed for this game).
    """
    path = Path(path)
    save = read_save(path)
    return restore(save, path, mods, accept_changed_scenario=accept_changed_scenario)


def restore(save: SaveFile, path: str | Path, mods: list[Path] | None = None, *,
            accept_changed_scenario: bool = False) -> Playthrough:
    path = Path(path)
    template = _template(save, path, mods or [], accept_changed_scenario)
    try:
        session = replay(template, save.commands)
    except ReplayError as exc:
        raise ReplayFailed(path, f"the saved game does not replay: {exc.message}{_version_note(save)}") from None
    # The header is checked too: what the load screen shows of a save is what its replay gives.
    saved = normalised({"year": save.year, "finished": save.finished, "ending": save.ending,
                        "state": save.snapshot.state, "records": save.snapshot.records})
    replayed = normalised({"year": session.year, "finished": session.finished, "ending": session.game.ending,
                           "state": dump_state(session.game.state), "records": dump_records(session.records)})
    found = differences(saved, replayed)
    if found:
        raise ReplayMismatch(path, "replaying the saved commands does not reproduce the saved game: "
                             + "; ".join(found) + _version_note(save), session, found)
    return session


def _version_note(save: SaveFile) -> str:
    if save.game_version == __version__:
        return ""
    return f" (the save was made by Pyatiletka {save.game_version}; this is {__version__})"


def _template(save: SaveFile, path: Path, mods: list[Path], accept_changed: bool) -> Playthrough:
    scenario, current = _scenario_of(save, path, mods)
    _check_hash(save, path, scenario, current, accept_changed)
    try:
        settings = GameSettings.from_json(save.settings)
        return Playthrough.start(scenario, save.seed, save.weather, source=save.scenario.source or save.scenario.id,
                                 mods=tuple(save.mods), settings=settings, lesson=save.lesson, undos=save.undos,
                                 content_hash=current, game_id=save.game_id or "")
    except DirectiveError as exc:  # an unknown weather mode
        raise SaveDamaged(path, f"the save is damaged: {exc.message}") from None
    except UserError as exc:
        raise SaveDamaged(path, f"the save is damaged: settings: {exc.message}") from None


def _scenario_of(save: SaveFile, path: Path, mods: list[Path]) -> tuple[Scenario, str]:
    """The save's scenario with its mods applied, and its content hash now."""
    ref = save.scenario
    search = [user_mods_dir(), *mods]
    where = _scenario_source(save, path, search)
    folders = _mod_folders(save, path, search)
    loaded = load_with_mods(where, folders)
    if loaded.scenario is None:
        raise ScenarioMissing(path, f"its scenario '{ref.id}' cannot be loaded:\n"
                                    + ScenarioError(str(loaded.path), loaded.problems).message)
    if tuple(loaded.mods) != tuple(save.mods):
        problems = "; ".join(p.format().split("\n")[0] for p in loaded.errors) or "unknown reason"
        raise ScenarioChanged(path, f"was played with the mods {', '.join(save.mods)}; here only "
                                    f"{', '.join(loaded.mods) or 'none'} could be applied ({problems})")
    return loaded.scenario, content_hash(loaded.scenario)


def _scenario_source(save: SaveFile, path: Path, search: list[Path]) -> str | Path:
    """Where the save's scenario is: a bundled id, or a scenario file, which is looked for only
    among the bundled scenarios, in the user's mods folder and in the folders given (`--mods`).
    A save names its source itself, so any other file on disk is refused without being opened:
    its contents, even the names of its keys, never reach a message."""
    ref = save.scenario
    source = ref.source
    if source.endswith((".yaml", ".yml")):
        file = Path(source)
        if not any(inside(file, folder) for folder in (SCENARIO_DIR, *search)):
            raise ScenarioMissing(
                path, f"names the scenario file {_clip_path(source)}, which is neither a bundled scenario nor in "
                      f"your mods folder ({user_mods_dir()}); a save may only name a scenario there, so the file was "
                      f"not read: copy the scenario into your mods folder to load this save")
        real = resolved(file)
        if real is not None and os.path.isfile(real):
            return real
        also = f" (it was played from {_clip_path(source)})"
    else:
        also = ""
    if ref.id in bundled_scenarios():
        return ref.id
    raise ScenarioMissing(path, f"needs the scenario '{_clip(ref.id, 60)}' ({_clip(ref.name or ref.id, 60)}), "
                                f"which is not on this machine{also}")


def _check_hash(save: SaveFile, path: Path, scenario: Scenario, current: str, accept_changed: bool) -> None:
    ref = save.scenario
    if (scenario.id != ref.id or current != ref.content_hash) and not accept_changed:
        mods_note = f" with the mods {', '.join(save.mods)}" if save.mods else ""
        raise ScenarioChanged(
            path, f"was played with the scenario '{ref.id}' version {ref.version}{mods_note} (content "
                  f"{_short_hash(ref.content_hash)}), but this machine's '{scenario.id}' version {scenario.version} "
                  f"is different (content {_short_hash(current)}): the scenario or a mod has changed since, "
                  f"so the game may not replay as it was played")


def _short_hash(value: str) -> str:
    return value.removeprefix("sha256:")[:12]


def _mod_folders(save: SaveFile, path: Path, search: list[Path]) -> list[Path]:
    """The folders of the save's mods, in the order the save applied them."""
    if not save.mods:
        return []
    found: dict[str, Path] = {}
    for folder in discover(search):
        # read as the mod loader reads it (a regular file inside the folder, size, depth and
        # time limits): a damaged mod.yaml is a mod that is not there, never a crash
        manifest = read_source(folder / MANIFEST, folder=folder)
        if manifest.ok and isinstance(manifest.data, dict) and isinstance(manifest.data.get("id"), str):
            found.setdefault(manifest.data["id"], folder)
    missing = [m for m in save.mods if m not in found]
    if missing:
        names = _clip(", ".join(missing), 200)
        raise ScenarioMissing(path, f"needs the mod{'s' * (len(missing) > 1)} {names}, which "
                                    f"{'are' if len(missing) > 1 else 'is'} not in your mods folder ({user_mods_dir()})")
    return [found[m] for m in save.mods]


# --- autosave, slots and the list for the load screen ----------------------------------------


@dataclass(frozen=True)
class SaveEntry:
    """One line of the load screen. `error` is set (and the rest mostly empty) for a damaged file."""

    path: Path
    kind: str                      # "autosave" or "slot"
    name: str                      # the slot's name, or "autosave 12"
    scenario_id: str = ""
    scenario_name: str = ""
    year: int | None = None
    finished: bool = False
    ending: str | None = None
    seed: int | None = None
    weather: str = ""
    lesson: str | None = None
    saved_at: datetime | None = None
    error: str | None = None
    error_kind: str | None = None  # SaveError.kind: "unreadable", "newer", "scenario-changed", ...
    game_id: str | None = None
    locked: bool = False           # played with undo switched off: only its newest state is offered
    progress: int = 0              # commands played: how far the game has gone

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def label(self) -> str:
        if self.error is not None:
            return f"{self.name}: damaged"
        when = self.saved_at.astimezone().strftime("%Y-%m-%d %H:%M") if self.saved_at else "?"
        year = f"game over ({self.ending})" if self.finished else str(self.year)
        lock = ", locked" if self.locked else ""
        return f"{self.name}: {self.scenario_name or self.scenario_id}, {year}{lock}, saved {when}"

    @property
    def short_label(self) -> str:
        """The label without the scenario and the time (the load screen shows them beside it)."""
        if self.error is not None:
            return f"{self.name}: damaged"
        return f"{self.name}: {'the end' if self.finished else self.year}"


def peek(path: str | Path, kind: str | None = None, *, check_scenario: bool = True,
         _scenarios: dict | None = None) -> SaveEntry:
    """What the load screen shows for one file, without replaying it. A file that cannot be
    loaded (damaged, not a save, too new, its scenario or mods missing or changed) gives an
    entry with `error`; with check_scenario=False only the file itself is checked."""
    path = Path(path)
    kind = kind or ("autosave" if path.name.startswith((AUTOSAVE_PREFIX, LOCKED_PREFIX)) else "slot")
    if path.name.startswith(LOCKED_PREFIX):
        name = "autosave (locked game)"
    else:
        name = f"autosave {_autosave_number(path)}" if kind == "autosave" else path.stem
    try:
        save = read_save(path)
        if check_scenario:
            cache = {} if _scenarios is None else _scenarios
            key = (save.scenario.id, save.scenario.source, tuple(save.mods))
            if key not in cache:
                try:
                    cache[key] = _scenario_of(save, path, [])
                except SaveError as exc:
                    cache[key] = exc
            found = cache[key]
            if isinstance(found, SaveError):
                raise type(found)(path, found.message.removeprefix(f"{found.path}: "))
            _check_hash(save, path, *found, accept_changed=False)
    except SaveError as exc:
        return SaveEntry(path, kind, name, error=exc.message, error_kind=exc.kind)
    except Exception as exc:  # noqa: BLE001 - a bug met on one file must not hide the other saves
        log.exception("cannot list %s", path)
        return SaveEntry(path, kind, name, error=f"{path}: cannot be read ({type(exc).__name__}: {_first_line(exc)})",
                         error_kind="error")
    saved_at = _time_of(save.saved_at)
    locked = save.settings.get("allow_undo") is False
    return SaveEntry(path, kind, name, save.scenario.id, save.scenario.name, save.year, save.finished,
                     save.ending, save.seed, save.weather, save.lesson, saved_at, game_id=save.game_id,
                     locked=locked, progress=len(save.commands))


def _time_of(text: str) -> datetime | None:
    """The time a save was made, or None for one that is no time (or none this machine can show)."""
    try:
        when = datetime.fromisoformat(text)
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        when.astimezone().timestamp()  # a year 1 or 9999 may not convert to local time
    except (ValueError, OverflowError, OSError):
        return None
    return when


def list_saves() -> list[SaveEntry]:
    """Every named save and autosave, newest first; a save that cannot be loaded is listed with
    its error (the snapshot check happens on loading)."""
    scenarios: dict = {}  # each scenario (with its mods) is loaded once for the whole list
    entries = [peek(p, "slot", _scenarios=scenarios) for p in _save_files(saves_dir())]
    entries += [peek(p, "autosave", _scenarios=scenarios) for _, p in _autosaves()]
    entries += [peek(p, "autosave", _scenarios=scenarios) for p in _locked_autosaves()]

    def newest_first(entry: SaveEntry) -> float:
        if entry.saved_at is not None:
            return -entry.saved_at.timestamp()
        with contextlib.suppress(OSError):
            return -entry.path.stat().st_mtime
        return 0.0

    return only_newest_of_locked_games(sorted(entries, key=newest_first))


def only_newest_of_locked_games(entries: list[SaveEntry]) -> list[SaveEntry]:
    """Assessment mode: of the saves of a game played locked, only the one furthest on (the most
    commands; the newest of equals) is offered. Other games' saves are all kept, in order."""
    furthest: dict[str, SaveEntry] = {}
    for entry in entries:
        if entry.ok and entry.locked and entry.game_id:
            best = furthest.get(entry.game_id)
            if best is None or entry.progress > best.progress:
                furthest[entry.game_id] = entry
    return [e for e in entries if not (e.ok and e.locked and e.game_id) or furthest[e.game_id] is e]


def _save_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"*{SAVE_SUFFIX}") if p.is_file() and not is_temporary(p))


def _locked_autosaves() -> list[Path]:
    return [p for p in _save_files(autosave_dir()) if p.name.startswith(LOCKED_PREFIX)]


def _autosave_number(path: Path) -> int:
    digits = path.stem.removeprefix(AUTOSAVE_PREFIX)
    return int(digits) if digits.isdigit() else 0


def _autosaves() -> list[tuple[int, Path]]:
    files = [p for p in _save_files(autosave_dir()) if p.name.startswith(AUTOSAVE_PREFIX)]
    return sorted((_autosave_number(p), p) for p in files)


def autosave(session: Playthrough) -> Path:
    """Autosave: call at the start of every year and after each year played (and, for a locked
    game, after every card answered). Keeps the last AUTOSAVES_KEPT autosaves (of any game);
    saving the same game at the same point twice writes nothing new. A locked game (undo switched
    off) has one autosave of its own, overwritten each time, with no backup of the state before."""
    folder = autosave_dir()
    for stranded in (folder, saves_dir()):  # temporary files of writes killed long ago
        sweep_temporary_files(stranded)
    data = save_json(session)
    if session.locked:
        path = folder / f"{LOCKED_PREFIX}{session.game_id}{SAVE_SUFFIX}"
        try:
            atomic_write(path, encode(data), keep_backup=False)
        except ValueError as exc:
            raise SaveError(path, f"cannot save this game: {exc}") from None
        except OSError as exc:
            raise SaveError(path, f"cannot write the autosave ({exc.strerror or exc})") from None
        return path
    existing = _autosaves()
    if existing and _same_game(existing[-1][1], data):
        return existing[-1][1]
    number = existing[-1][0] + 1 if existing else 1
    path = folder / f"{AUTOSAVE_PREFIX}{number:06d}{SAVE_SUFFIX}"
    try:
        atomic_write(path, encode(data), keep_backup=False)
    except ValueError as exc:
        raise SaveError(path, f"cannot save this game: {exc}") from None
    except OSError as exc:
        raise SaveError(path, f"cannot write the autosave ({exc.strerror or exc})") from None
    for _, old in _autosaves()[:-AUTOSAVES_KEPT]:
        with contextlib.suppress(OSError):
            old.unlink()
    return path


def _same_game(path: Path, data: dict) -> bool:
    try:
        saved = json.loads(read_limited(path, MAX_SAVE_BYTES), parse_constant=_not_a_number)
    except (Unreadable, ValueError, RecursionError):  # damaged: a new autosave is written beside it
        return False
    return comparable(saved) == comparable(normalised(data)) if isinstance(saved, dict) else False


_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def slot_path(name: str) -> Path:
    """The file of a named save. Letters (any alphabet), digits, spaces, - and _ are kept."""
    clean = re.sub(r"[^\w\- ]", "_", name.strip()).strip(" .")[:64]
    if not any(c.isalnum() for c in clean) or clean.startswith(AUTOSAVE_PREFIX):
        raise UserError(f"cannot use {name!r} as a save name: give a name of letters or digits")
    if clean.lower() in _WINDOWS_RESERVED:
        clean += "_"
    return saves_dir() / f"{clean}{SAVE_SUFFIX}"


MAX_SAME_NAME = 999  # a-b.json, a-b-2.json ... a-b-999.json


def slot_for(name: str, game_id: str | None = None) -> Path:
    """The file a save named `name` goes to. Names that clean to the same file name ("a/b", "a\\b",
    "a:b" all give a_b.json, and on Windows or macOS "Plan" and "plan" are one file) never
    overwrite one another: a file that holds a save of another name, or of another game, is left
    alone and the next free a_b-2.json, a_b-3.json ... is taken. Only a save of the same name and
    the same game is overwritten (and kept as .bak)."""
    first = slot_path(name)
    wanted = name.strip()
    for number in range(1, MAX_SAME_NAME + 1):
        candidate = first if number == 1 else first.with_name(f"{first.stem}-{number}{SAVE_SUFFIX}")
        if not _taken_by_another(candidate, wanted, game_id):
            return candidate
    raise UserError(f"cannot save as {name!r}: {MAX_SAME_NAME} saves already have names like it; give another name")


def _taken_by_another(path: Path, name: str, game_id: str | None) -> bool:
    """True when the file holds something other than a save of this name and game. A file whose
    save does not record its name (saves before names were kept) goes by its file name."""
    if not os.path.lexists(path):
        return False
    try:
        data = json.loads(read_limited(path, MAX_SAVE_BYTES), parse_constant=_not_a_number)
    except (Unreadable, ValueError, RecursionError):
        return path.stem != name  # a damaged file of exactly this name is overwritten (kept as .bak)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return True
    recorded = data.get("name")
    if (recorded if isinstance(recorded, str) else path.stem) != name:
        return True
    other_game = data.get("game_id")
    return bool(game_id and isinstance(other_game, str) and other_game and other_game != game_id)


def save_slot(session: Playthrough, name: str) -> Path:
    """Save under a name, in the file `slot_for` chooses (say which, when it is not the name
    itself: `slot_note`); a save of that name and game already there is kept as <name>.json.bak."""
    path = slot_for(name, getattr(session, "game_id", None))
    return write_save(session, path, name=name.strip())


def slot_note(name: str, path: Path) -> str | None:
    """What to tell the player when a save went to another file than its name gives."""
    try:
        plain = slot_path(name)
    except UserError:
        return None
    if path.name == plain.name:
        return None
    return f"another save is already in {plain.name}, so this one was saved as {path.name}"
