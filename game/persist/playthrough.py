"""A Playthrough: a Session that knows what a save needs (its scenario, mods and settings), how
to start one, how to replay a command log into one, and undo.

A Playthrough is a Session: the UI and the headless simulator drive it with the same
`begin_year` / `choose` / `play_year` commands.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from ..model import DirectiveError, Directives
from ..scenario import Scenario, ScenarioError, bundled_scenarios
from ..scenario.loader import SCENARIO_DIR, load_with_mods, scenario_path
from ..session import Session
from .paths import mods_dir as user_mods_dir
from .settings import GameSettings


class ReplayError(UserError):
    """A command log that cannot be played (a command the game refuses)."""


class UndoError(UserError):
    """Nothing to undo, or undo switched off for this game."""


def new_game_id() -> str:
    """A new game's identity: random, so two games of one lesson code on one machine differ."""
    return secrets.token_hex(8)


def content_hash(scenario: Scenario) -> str:
    """sha256 of the scenario's canonical JSON, mods applied: any change to it changes the hash."""
    data = scenario.model_dump(mode="json", exclude={"include"})
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(eq=False)
class Playthrough(Session):
    """A Session with its scenario, the mods applied, the settings, and where it came from."""

    scenario: Scenario = field(kw_only=True)
    source: str = field(kw_only=True, default="")     # bundled id, or the path of the scenario file
    mods: tuple[str, ...] = field(kw_only=True, default=())
    settings: GameSettings = field(kw_only=True, default_factory=GameSettings)
    lesson: str | None = field(kw_only=True, default=None)  # the lesson code it was started from
    undos: int = field(kw_only=True, default=0)              # years taken back so far
    notices: tuple[str, ...] = field(kw_only=True, default=())  # user mods left out, and why
    content_hash: str = field(kw_only=True, default="")
    game_id: str = field(kw_only=True, default="")     # one game's saves share it (the lock keeps only the newest)

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.source:
            self.source = self.scenario.id
        if not self.content_hash:
            self.content_hash = content_hash(self.scenario)
        if not self.game_id:
            self.game_id = new_game_id()

    @property
    def locked(self) -> bool:
        """Assessment mode: undo switched off, so the game only goes forward (saves.list_saves
        offers only its newest state)."""
        return not self.settings.allow_undo

    @classmethod
    def start(cls, scenario: Scenario, seed: int = 1, weather: str | None = None, *, source: str = "",
              mods: tuple[str, ...] = (), settings: GameSettings | None = None, lesson: str | None = None,
              undos: int = 0, notices: tuple[str, ...] = (), content_hash: str = "",
              game_id: str = "") -> Playthrough:
        return cls(scenario.world(), scenario.deck(), seed=seed, weather_mode=weather or scenario.default_weather,
                   scenario=scenario, source=source, mods=tuple(mods), settings=settings or GameSettings(),
                   lesson=lesson, undos=undos, notices=tuple(notices), content_hash=content_hash, game_id=game_id)

    def fresh(self, **changes) -> Playthrough:
        """The same game again at its first January: scenario, seed, weather, settings, identity."""
        options = dict(source=self.source, mods=self.mods, settings=self.settings, lesson=self.lesson,
                       undos=self.undos, notices=self.notices, content_hash=self.content_hash, game_id=self.game_id)
        options.update(changes)
        return Playthrough(self.world, self.deck, seed=self.seed, weather_mode=self.weather_mode,
                           scenario=self.scenario, **options)


@dataclass(frozen=True)
class OpenedScenario:
    scenario: Scenario
    source: str
    mods: tuple[str, ...]
    notices: tuple[str, ...]


def source_of(name_or_path: str | Path) -> str:
    """How a save finds the scenario again: a bundled id, or the absolute path of a file."""
    path = scenario_path(name_or_path)
    if path.resolve().parent == SCENARIO_DIR.resolve() and path.stem in bundled_scenarios():
        return path.stem
    return str(path.resolve())


def open_scenario(name_or_path: str | Path, mods: list[Path] | None = None, user_mods: bool = True) -> OpenedScenario:
    """Load a scenario with mods, as the simulator does: a problem in a mod named in `mods` is
    an error; a broken mod in the user's mods folder is left out with a notice."""
    explicit = [Path(m) for m in mods or []]
    loaded = load_with_mods(name_or_path, ([user_mods_dir()] if user_mods else []) + explicit)
    named = [p for p in loaded.errors if any(_inside(p.file, folder) for folder in explicit)]
    if loaded.scenario is None or named:
        raise ScenarioError(str(loaded.path), loaded.problems)
    return OpenedScenario(loaded.scenario, source_of(name_or_path), tuple(loaded.mods),
                          tuple(p.format() for p in loaded.errors))


def _inside(file: str, folder: Path) -> bool:
    return Path(file).resolve().is_relative_to(folder.resolve())


def new_game(scenario: str | Path = "great_turn", seed: int = 1, weather: str | None = None,
             settings: GameSettings | None = None, mods: list[Path] | None = None, user_mods: bool = True,
             lesson: str | None = None) -> Playthrough:
    """A new game at its first January (the UI's new-game screen, `play`, lesson codes)."""
    opened = open_scenario(scenario, mods, user_mods)
    return Playthrough.start(opened.scenario, seed, weather, source=opened.source, mods=opened.mods,
                             settings=settings, lesson=lesson, notices=opened.notices)


def replay(template: Playthrough, commands: list[dict]) -> Playthrough:
    """Play a command log into a fresh game like `template`; ReplayError names the command that
    fails. Ends with this January's events drawn (`begin_year`), as a save records them."""
    session = template.fresh()
    for number, command in enumerate(commands, start=1):
        try:
            apply_command(session, command)
        except (DirectiveError, ReplayError) as exc:
            raise ReplayError(f"command {number} of {len(commands)}: {exc.message}") from None
    session.begin_year()
    return session


def apply_command(session: Session, command: dict) -> None:
    if not isinstance(command, dict):
        raise ReplayError(f"a command must be a mapping, not {type(command).__name__}")
    kind = command.get("command")
    year = command.get("year")
    if kind not in ("choose", "play_year"):
        raise ReplayError(f"unknown command {kind!r}")
    if year != session.year:
        raise ReplayError(f"{kind} is for {year}, but the game is in {session.year}")
    if kind == "choose":
        event, choice = command.get("event"), command.get("choice")
        if not isinstance(event, str) or not isinstance(choice, str):
            raise ReplayError("choose needs an event and a choice")
        session.choose(event, choice)
    else:
        directives = command.get("directives")
        if not isinstance(directives, dict):
            raise ReplayError("play_year needs directives")
        session.play_year(Directives.from_mapping(directives, f"{year} directives"))


def undo_point(commands: list[dict]) -> int:
    """How many commands remain after undoing the last year: the last play_year goes, with the
    choose commands of that January and anything after it."""
    last = max((i for i, c in enumerate(commands) if c.get("command") == "play_year"), default=None)
    if last is None:
        return -1
    year = commands[last].get("year")
    start = last
    while start > 0 and commands[start - 1].get("command") == "choose" and commands[start - 1].get("year") == year:
        start -= 1
    return start


def undo_last_year(session: Playthrough) -> Playthrough:
    """A new game, replayed without the last year's commands: its January again, with the same
    event cards to answer and the directives to set. The old session is left as it was."""
    if not isinstance(session, Playthrough):
        raise UndoError("this game cannot be undone (it was not started as a saveable game)")
    if not session.settings.allow_undo:
        raise UndoError("undo is switched off for this game (the teacher's setting for assessment)")
    keep = undo_point(session.commands)
    if keep < 0:
        raise UndoError(f"nothing to undo: no year has been played yet ({session.year})")
    return replay(session.fresh(undos=session.undos + 1), session.commands[:keep])
