"""A finished (or partly played) game, as the debrief reads it: the scenario, one record of
metrics per year, the event cards answered, and what is known about how it was played.

Three ways in:

- `from_session(session)`: a game in memory (the UI at the end of a game; a Playthrough knows its
  scenario, a bare Session needs `scenario=`).
- `from_result(data)`: a `simulate --json` result of a single run.
- `load_game(path)`: a file, either a save (read with game.persist.saves.load, which replays and
  verifies it) or a simulate result. Anything else is refused with a UserError naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from ..persist.paths import mods_dir as user_mods_dir
from ..scenario import Scenario, ScenarioError
from ..scenario.loader import bundled_scenarios, load_with_mods
from ..session import Session
from . import formats
from .formats import SimulateResult, validated

RESULT_KEYS = ("scenario", "scenario_version", "seed", "years", "series", "events")


class DebriefError(UserError):
    """A file or game the debrief cannot be made from."""


@dataclass(frozen=True)
class FiredCard:
    """An event card the player answered: as Session.events and the simulate result record them."""

    year: int
    id: str
    choice: str
    tags: tuple[str, ...] = ()
    effects: tuple[dict, ...] = ()


@dataclass
class GameRecord:
    scenario: Scenario
    records: list[dict[str, float]]
    events: list[FiredCard]
    seed: int = 0
    weather: str = "historical"
    policy: str | None = None            # the policy of a simulate result; None for a player's game
    mods: tuple[str, ...] = ()
    ending: str | None = None            # "completed", "removed", or None while the game goes on
    finished: bool = True
    source: str = "game"                 # "save", "simulate" or "game"
    # What the player ordered: per year, the directives as a mapping (labor, projects, targets ...).
    # From a save's command log, from a simulate result's policy, or empty when unknown.
    directives: dict[int, dict] = field(default_factory=dict)
    targets: dict[str, dict[str, float]] = field(default_factory=dict)  # plan id -> targets in force
    targets_known: bool = True           # False when the player's own targets could not be recovered
    flags: tuple[str, ...] = ()          # event flags raised (from the state, or from the events' effects)
    famine_deaths_coming_m: float | None = None  # deaths of the last harvest still to come (saves only)
    settings: dict = field(default_factory=dict)
    lesson: str | None = None
    notices: list[str] = field(default_factory=list)
    undos: int = 0                       # years taken back (a save knows; 0 otherwise)
    commands: list[dict] = field(default_factory=list)  # the command log, when the game is in memory or a save
    # Region -> figure -> one value per year (game/model/regions.py); empty for results made before.
    regions: dict[str, dict[str, list[float]]] = field(default_factory=dict)

    @property
    def locked(self) -> bool | None:
        """Played with undo switched off (assessment), True or False; None when not known."""
        if "allow_undo" not in self.settings:
            return None
        return not self.settings["allow_undo"]

    @property
    def years(self) -> list[int]:
        return [int(r["year"]) for r in self.records]

    @property
    def first_year(self) -> int:
        return self.years[0]

    @property
    def last_year(self) -> int:
        return self.years[-1]

    def series(self, metric: str) -> list[float]:
        return [float(r[metric]) for r in self.records]

    def at(self, year: int) -> dict[str, float] | None:
        for record in self.records:
            if int(record["year"]) == year:
                return record
        return None

    def until(self, year: int) -> GameRecord:
        """The same game cut at the end of `year` (for the shorter end-of-plan debrief)."""
        kept = [r for r in self.records if int(r["year"]) <= year]
        if not kept:
            raise DebriefError(f"no year played by {year}")
        cut = GameRecord(**{**self.__dict__})
        cut.records = kept
        cut.regions = {region: {m: values[:len(kept)] for m, values in figures.items()}
                       for region, figures in self.regions.items()}
        cut.events = [e for e in self.events if e.year <= year]
        cut.directives = {y: d for y, d in self.directives.items() if y <= year}
        cut.finished = year >= self.last_year and self.finished
        cut.ending = self.ending if cut.finished else None
        cut.flags = _flags_from_events(cut.events)
        cut.famine_deaths_coming_m = self.famine_deaths_coming_m if cut.finished else None
        cut.notices = list(self.notices)
        return cut


# --- from a game in memory ------------------------------------------------------------------


def from_session(session: Session, scenario: Scenario | None = None, *, policy: str | None = None) -> GameRecord:
    """A game in memory. A Playthrough carries its scenario; a bare Session needs `scenario`."""
    scenario = scenario or getattr(session, "scenario", None)
    if scenario is None:
        raise DebriefError("the debrief needs the game's scenario: pass scenario=")
    if not session.records:
        raise DebriefError("no year has been played yet: the debrief needs at least one year")
    state = session.game.state
    directives = {int(c["year"]): dict(c["directives"]) for c in session.commands if c.get("command") == "play_year"}
    settings = getattr(session, "settings", None)
    return GameRecord(
        scenario=scenario,
        records=[dict(r) for r in session.records],
        events=[FiredCard(e.year, e.id, e.choice, tuple(e.tags), tuple(e.effects)) for e in session.events],
        regions=session.game.region_series(),
        seed=session.seed,
        weather=session.weather_mode,
        policy=policy,
        mods=tuple(getattr(session, "mods", ())),
        ending=session.game.ending if session.finished else None,
        finished=session.finished,
        source="game",
        directives=directives,
        targets={k: dict(v) for k, v in state.targets.items()},
        targets_known=True,
        flags=tuple(state.flags),
        famine_deaths_coming_m=float(state.famine_deaths_pending_m),
        settings=settings.as_json() if settings is not None else {},
        lesson=getattr(session, "lesson", None),
        undos=int(getattr(session, "undos", 0)),
        commands=[dict(c) for c in session.commands],
    )


# --- from a simulate result -----------------------------------------------------------------


def from_result(data: dict, where: str = "result", mods: list[Path] | None = None) -> GameRecord:
    """A single run of `simulate --json`. Aggregates (`--runs`) are refused; every field is
    checked (formats.SimulateResult) before anything reads it."""
    if not isinstance(data, dict):
        raise DebriefError(f"{where}: not a simulate result (the file holds no JSON object)")
    if "runs" in data:
        raise DebriefError(
            f"{where}: this is a summary of {data.get('runs')!r:.20} runs (simulate --runs): it holds means and "
            f"percentiles, not one game. The debrief needs one game: run simulate without --runs, "
            f"or give a save (simulate --save FILE)")
    missing = [k for k in RESULT_KEYS if k not in data]
    if missing:
        raise DebriefError(f"{where}: not a simulate result (missing {', '.join(missing)})")
    result: SimulateResult = validated(SimulateResult, data, where, "simulate result", DebriefError)
    scenario, notices = _scenario_for(result, where, mods)
    records = [{"year": float(year), **{m: v[i] for m, v in result.series.items()}}
               for i, year in enumerate(result.years)]
    events = [FiredCard(c.year, c.id, c.choice, tuple(c.tags),
                        tuple(e.model_dump(mode="json", exclude_none=True) for e in c.effects))
              for c in result.events]
    record = GameRecord(
        scenario=scenario, records=records, events=events, seed=result.seed, weather=result.weather,
        policy=result.policy, mods=tuple(result.mods), ending=result.ending, finished=result.ending is not None,
        source="simulate", flags=_flags_from_events(events), notices=notices,
        regions={region: {m: list(v) for m, v in figures.items()} for region, figures in result.regions.items()},
    )
    _recover_orders(record)
    return record


def _scenario_for(data: SimulateResult, where: str, mods: list[Path] | None) -> tuple[Scenario, list[str]]:
    scenario_id = data.scenario
    folders = [user_mods_dir(), *(Path(m) for m in mods or [])]
    if scenario_id not in bundled_scenarios():  # an id, never a path a file could point anywhere
        raise DebriefError(f"{where}: the scenario {scenario_id!r:.60} of this result is not a bundled scenario; "
                           f"debrief a save of the game instead (simulate --save FILE keeps the scenario's path)")
    try:
        loaded = load_with_mods(scenario_id, folders)
    except ScenarioError as exc:
        raise DebriefError(f"{where}: its scenario {scenario_id!r} cannot be loaded ({exc.message.splitlines()[0]})") from None
    except UserError:
        raise DebriefError(f"{where}: the scenario {scenario_id!r} of this result is not a bundled scenario; "
                           f"debrief a save of the game instead (simulate --save FILE keeps the scenario's path)") from None
    if loaded.scenario is None:
        raise DebriefError(f"{where}: the scenario {scenario_id!r} of this result cannot be loaded")
    scenario = loaded.scenario
    notices = []
    if data.scenario_version != scenario.version:
        notices.append(f"the result was made with {scenario_id} version {data.scenario_version}; "
                       f"this debrief uses version {scenario.version} for the texts and history")
    wanted = [m for m in data.mods if m not in loaded.mods]
    if wanted:
        notices.append(f"the result was made with the mods {', '.join(wanted)}, which were not found "
                       f"(give their folders with --mods); texts and history come from the scenario without them")
    return scenario, notices


def _recover_orders(record: GameRecord) -> None:
    """A simulate result names its policy but not its directives: read them back from the policy
    file when it is a bundled one written for this scenario, to know the targets and projects."""
    from ..scenario.policy import POLICY_DIR, directives_by_year, load_policy

    scenario = record.scenario
    name = record.policy
    plan_targets = {p.id: dict(p.historical_targets) for p in scenario.plans}
    if name and (POLICY_DIR / f"{name}.yaml").is_file():
        try:
            policy, path = load_policy(name)
            if policy.scenario == scenario.id:
                orders = directives_by_year(policy, scenario.world(), path)
                record.directives = {y: d.model_dump(mode="json") for y, d in orders.items() if y <= record.last_year}
        except UserError:
            record.directives = {}
    if not record.directives:
        record.targets_known = False
        record.notices.append("the result does not record the plan targets the game ran under; "
                              "the plan tables show history's targets")
    targets: dict[str, dict[str, float]] = {}
    for plan in scenario.plans:
        if plan.start > record.last_year:
            continue
        targets[plan.id] = dict(plan_targets.get(plan.id, {}))
    for year in sorted(record.directives):
        for plan_id, values in record.directives[year].get("targets", {}).items():
            targets.setdefault(plan_id, {}).update(values)
    for card in record.events:  # an event's `target` effect changes a target in force
        for effect in card.effects:
            target = effect.get("target") if isinstance(effect, dict) else None
            if target:
                targets.setdefault(target["plan"], {})[target["key"]] = float(target["value"])
    record.targets = targets


def _flags_from_events(events: list[FiredCard]) -> tuple[str, ...]:
    flags: list[str] = []
    for card in events:
        for effect in card.effects:
            if not isinstance(effect, dict):
                continue
            if effect.get("flag") and effect["flag"] not in flags:
                flags.append(effect["flag"])
            if effect.get("clear_flag") in flags:
                flags.remove(effect["clear_flag"])
    return tuple(flags)


# --- from a file ----------------------------------------------------------------------------


def read_json(path: Path) -> object:
    return formats.read_json(path, error=DebriefError)


def load_game(path: str | Path, mods: list[Path] | None = None) -> GameRecord:
    """A save or a single-run simulate result, from a file."""
    path = Path(path)
    data = read_json(path)
    if isinstance(data, dict) and data.get("format") == "pyatiletka-save":
        from ..persist import saves

        session = saves.load(path, mods)
        record = from_session(session)
        record.source = "save"
        record.notices.extend(getattr(session, "notices", ()))
        return record
    if isinstance(data, dict) and data.get("format") == "pyatiletka-results":
        raise DebriefError(f"{path}: this is a results file (made by `debrief --json`) for `compare`; "
                           f"the debrief needs the game itself: a save or a simulate --json result")
    return from_result(data, str(path), mods)
