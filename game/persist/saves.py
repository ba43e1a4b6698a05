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

Assessment mode: a game played with undo switched off (its settings' allow_undo false) only goes
forward. Its autosave is one file, <saves>/autosave/game-<game_id>.json, overwritten after every
command (the UI calls `autosave` after each card answered and each year played), and
`list_saves` offers only the newest state of such a game: its earlier autosaves and named saves
are not listed, so neither Continue nor Load can reach an earlier year of it.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from .. import __version__
from ..errors import UserError
from ..model import DirectiveError
from ..model.directives import describe_validation_error
from ..scenario import Scenario, ScenarioError, bundled_scenarios
from ..scenario.loader import load_with_mods
from ..scenario.mods import MANIFEST, discover
from .atomic import atomic_write, backup_path, is_temporary, sweep_temporary_files
from .paths import autosave_dir, saves_dir
from .paths import mods_dir as user_mods_dir
from .playthrough import Playthrough, ReplayError, content_hash, replay
from .settings import GameSettings
from .snapshot import differences, dump_records, dump_state, normalised

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


class _Strict(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True)


class ScenarioRef(_Strict):
    id: str
    name: str = ""
    version: str
    content_hash: str
    source: str = ""


class Snapshot(_Strict):
    state: dict
    records: list[dict[str, float]]


class SaveFile(_Strict):
    format: str
    format_version: int
    game_version: str
    scenario: ScenarioRef
    seed: int
    weather: str
    settings: dict
    mods: list[str]
    lesson: str | None = None
    undos: int = 0
    game_id: str | None = None
    saved_at: str
    year: int
    finished: bool = False
    ending: str | None = None
    commands: list[dict]
    snapshot: Snapshot


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


def write_save(session: Playthrough, path: str | Path, *, keep_backup: bool = True) -> Path:
    """Save the game to `path` atomically; a save already there is kept as `<path>.bak`."""
    path = Path(path)
    try:
        data = encode(save_json(session))
    except ValueError as exc:  # a NaN or infinity in the state: a model bug, never written silently
        raise SaveError(path, f"cannot save this game: {exc}") from None
    try:
        atomic_write(path, data, keep_backup=keep_backup)
    except OSError as exc:
        raise SaveError(path, f"cannot write the save ({exc.strerror or exc}); the previous file is unchanged") from None
    return path


# --- reading ----------------------------------------------------------------------------------


def read_save(path: str | Path) -> SaveFile:
    """Parse, upgrade and check a save file without replaying it (quick: the load screen)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SaveUnreadable(path, "no such save file") from None
    except IsADirectoryError:
        raise SaveUnreadable(path, "is a folder, not a save file") from None
    except OSError as exc:
        raise SaveUnreadable(path, f"cannot read the save ({exc.strerror or exc})") from None
    return parse_save(raw, path)


def parse_save(raw: bytes, path: str | Path = "<save>") -> SaveFile:
    path = Path(path)
    looks_like_save = FORMAT.encode() in raw[:200]
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
        data = json.loads(text)
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
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        hint = ""
        if isinstance(data, dict) and "series" in data and "seed" in data:
            hint = ": it looks like the result of `simulate --json`; use `simulate --save FILE` for a save"
        raise NotASave(path, f"is not a Pyatiletka save (no \"format\": \"{FORMAT}\"){hint}")
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise SaveDamaged(path, f"the save is damaged: format_version is {version!r}" + _backup_hint(path))
    if version > FORMAT_VERSION:
        made_by = data.get("game_version")
        raise SaveTooNew(path, f"was made by a newer version of Pyatiletka ({made_by}, save format {version}); "
                               f"this is {__version__}, which reads save formats up to {FORMAT_VERSION}: "
                               f"update the game to load it")
    while version < FORMAT_VERSION:
        try:
            data = UPGRADES[version](data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise SaveDamaged(path, f"the save is damaged: cannot upgrade it from save format {version} "
                                    f"({type(exc).__name__}: {exc})" + _backup_hint(path)) from None
        version += 1
    try:
        return SaveFile.model_validate(data)
    except ValidationError as exc:
        raise SaveDamaged(path, f"the save is damaged: {describe_validation_error(exc)}" + _backup_hint(path)) from None


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
    saved = normalised({"year": save.year, "state": save.snapshot.state, "records": save.snapshot.records})
    replayed = normalised({"year": session.year, "state": dump_state(session.game.state),
                           "records": dump_records(session.records)})
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


def _scenario_file(save: SaveFile) -> Path | None:
    source = save.scenario.source
    return Path(source) if source.endswith((".yaml", ".yml")) else None


def _scenario_of(save: SaveFile, path: Path, mods: list[Path]) -> tuple[Scenario, str]:
    """The save's scenario with its mods applied, and its content hash now."""
    ref = save.scenario
    scenario_file = _scenario_file(save)
    if scenario_file is not None and scenario_file.is_file():
        where: str | Path = scenario_file
    elif ref.id in bundled_scenarios():
        where = ref.id
    else:
        also = f" (it was played from {scenario_file})" if scenario_file is not None else ""
        raise ScenarioMissing(path, f"needs the scenario '{ref.id}' ({ref.name or ref.id}), which is not on "
                                    f"this machine{also}")
    folders = _mod_folders(save, path, [user_mods_dir(), *mods])
    loaded = load_with_mods(where, folders)
    if loaded.scenario is None:
        raise ScenarioMissing(path, f"its scenario '{ref.id}' cannot be loaded:\n"
                                    + ScenarioError(str(loaded.path), loaded.problems).message)
    if tuple(loaded.mods) != tuple(save.mods):
        problems = "; ".join(p.format().split("\n")[0] for p in loaded.errors) or "unknown reason"
        raise ScenarioChanged(path, f"was played with the mods {', '.join(save.mods)}; here only "
                                    f"{', '.join(loaded.mods) or 'none'} could be applied ({problems})")
    return loaded.scenario, content_hash(loaded.scenario)


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
        with contextlib.suppress(OSError, yaml.YAMLError, UnicodeDecodeError):
            manifest = yaml.safe_load((folder / MANIFEST).read_text(encoding="utf-8"))
            if isinstance(manifest, dict) and isinstance(manifest.get("id"), str):
                found.setdefault(manifest["id"], folder)
    missing = [m for m in save.mods if m not in found]
    if missing:
        raise ScenarioMissing(path, f"needs the mod{'s' * (len(missing) > 1)} {', '.join(missing)}, which "
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
    try:
        saved_at = datetime.fromisoformat(save.saved_at)
    except ValueError:
        saved_at = None
    locked = save.settings.get("allow_undo") is False
    return SaveEntry(path, kind, name, save.scenario.id, save.scenario.name, save.year, save.finished,
                     save.ending, save.seed, save.weather, save.lesson, saved_at, game_id=save.game_id,
                     locked=locked, progress=len(save.commands))


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
        return comparable(json.loads(path.read_bytes())) == comparable(normalised(data))
    except (OSError, ValueError):
        return False


_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def slot_path(name: str) -> Path:
    """The file of a named save. Letters (any alphabet), digits, spaces, - and _ are kept."""
    clean = re.sub(r"[^\w\- ]", "_", name.strip()).strip(" .")[:64]
    if not any(c.isalnum() for c in clean) or clean.startswith(AUTOSAVE_PREFIX):
        raise UserError(f"cannot use {name!r} as a save name: give a name of letters or digits")
    if clean.lower() in _WINDOWS_RESERVED:
        clean += "_"
    return saves_dir() / f"{clean}{SAVE_SUFFIX}"


def save_slot(session: Playthrough, name: str) -> Path:
    """Save under a name; a save of that name already there is kept as <name>.json.bak."""
    return write_save(session, slot_path(name))
