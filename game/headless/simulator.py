"""Headless play: run a policy through a scenario, once or over many seeds, and summarise it.

Results are plain dicts ready for JSON. Totals over the game mean different things per metric:
flows (PER_YEAR_FLOWS: famine deaths, deportations, arrests, executions, camp deaths, tractors,
tanks, migrants, grain exports and procurement) are summed over the years played; every other
metric is a stock or a level (population, prisoners, an index), so its total is its value in the
last year played. Each result lists the summed metrics under `flows`.
"""

from __future__ import annotations

import math
import operator
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..events.engine import Deck, choice_of, historical_choice
from ..events.schema import Event
from ..model import METRICS, Directives, Game, World
from ..model.metrics import PER_YEAR_FLOWS
from ..persist.paths import mods_dir as user_mods_dir
from ..scenario import Scenario, ScenarioError
from ..scenario.loader import load_with_mods
from ..scenario.policy import (
    POLICY_DIR,
    Policy,
    PolicyError,
    directives_by_year,
    load_policy,
    policy_path,
)
from ..session import Session

PERCENTILES = {"p10": 0.1, "p90": 0.9}


@dataclass(frozen=True)
class Campaign:
    """A scenario and a policy checked against each other: everything a run needs."""

    scenario: Scenario
    world: World
    policy: Policy
    policy_file: Path
    directives: dict[int, Directives]
    deck: Deck | None = None
    mods: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()  # problems with mods from the user's folder, which were left out

    def weather(self, requested: str | None) -> str:
        return requested or self.scenario.default_weather


def prepare(scenario_name: str | Path, policy_name: str | Path | None = None, mods: list[Path] | None = None,
            user_mods: bool = True) -> Campaign:
    """Load and cross-check scenario and policy, so every problem surfaces before a year is played.

    Mods come from the user's mods folder and from `mods`. A problem in a mod named on the
    command line is an error; a broken mod in the user's folder is left out with a notice.
    """
    explicit = [Path(m) for m in mods or []]
    loaded = load_with_mods(scenario_name, ([user_mods_dir()] if user_mods else []) + explicit)
    named = [p for p in loaded.errors if any(_inside(p.file, folder) for folder in explicit)]
    if loaded.scenario is None or named:
        raise ScenarioError(str(loaded.path), loaded.problems)
    scenario = loaded.scenario
    policy, path = _load_policy(policy_name or scenario.default_policy)
    if policy.scenario != scenario.id:
        raise PolicyError(f"{path}: scenario: written for {policy.scenario!r}, not {scenario.id!r}")
    world = scenario.world()
    directives = directives_by_year(policy, world, path)
    deck = scenario.deck()
    _check_event_choices(policy, deck, path)
    notices = tuple(p.format() for p in loaded.errors)
    return Campaign(scenario, world, policy, path, directives, deck, tuple(loaded.mods), notices)


def _check_event_choices(policy: Policy, deck: Deck, path: Path) -> None:
    for event_id, choice_id in policy.event_choices.items():
        if event_id not in deck.entries:
            raise PolicyError(f"{path}: event_choices.{event_id}: unknown event")
        if choice_of(deck.event(event_id), choice_id) is None:
            choices = ", ".join(c.id for c in deck.event(event_id).choices)
            raise PolicyError(f"{path}: event_choices.{event_id}: unknown choice {choice_id!r}; choices: {choices}")


def _inside(file: str, folder: Path) -> bool:
    return Path(file).resolve().is_relative_to(folder.resolve())


def _load_policy(name: str | Path) -> tuple[Policy, Path]:
    # A bare name that is not bundled deserves the list of bundled ones, not "file not found".
    if Path(name).suffix not in (".yaml", ".yml") and not policy_path(name).exists():
        bundled = ", ".join(sorted(p.stem for p in POLICY_DIR.glob("*.yaml")))
        raise PolicyError(
            f"unknown policy {str(name)!r}; bundled policies: {bundled}; or give a path to a .yaml file"
        )
    return load_policy(name)


def run_policy(campaign: Campaign, seed: int, weather: str | None = None, session: Session | None = None) -> Session:
    """Play the policy until the game ends: the last year, or the leader's removal.

    Each January's event cards are answered as the policy says (event_choices, else
    default_choice), through the same commands a player uses. `session`: play into this game
    (a saveable one, say) instead of a new one; it must be of the campaign's scenario and seed.
    """
    if session is None:
        session = Session(campaign.world, campaign.deck, seed=seed, weather_mode=campaign.weather(weather))
    while not session.finished:
        # Answered one at a time: an answer can add a card to this same January (follow_up years: 0).
        while pending := session.pending:
            event = pending[0]
            session.choose(event.id, pick_choice(campaign.policy, event, seed, session.year))
        session.play_year(playable(campaign.directives[session.year], session))
    return session


def playable(directives: Directives, session: Session) -> Directives:
    """The policy's directives without the projects an event card has started already: the
    policy's wish is met, and naming a started project again would be refused."""
    state = session.game.state
    started = set(state.projects_building) | set(state.projects_done)
    if not started.intersection(directives.projects):
        return directives
    return directives.model_copy(update={"projects": tuple(p for p in directives.projects if p not in started)})


def pick_choice(policy: Policy, event: Event, seed: int, year: int) -> str:
    """The policy's answer to an event card."""
    if event.id in policy.event_choices:
        return policy.event_choices[event.id]
    if policy.default_choice == "historical":
        return historical_choice(event).id
    if policy.default_choice == "first":
        return event.choices[0].id
    return random.Random(f"choice:{seed}:{year}:{event.id}").choice(event.choices).id


def played_years(game: Game | Session) -> list[int]:
    return [int(record["year"]) for record in game.records]


def totals(series: dict[str, list[float]]) -> dict[str, float]:
    """Flows summed over the years played; stocks and levels at their last value."""
    return {m: math.fsum(v) if m in PER_YEAR_FLOWS else v[-1] for m, v in series.items()}


def _header(campaign: Campaign, weather: str | None) -> dict:
    return {
        "scenario": campaign.scenario.id,
        "scenario_version": campaign.scenario.version,
        "policy": campaign.policy.name,
        "weather": campaign.weather(weather),
        "mods": list(campaign.mods),
    }


def result_json(campaign: Campaign, session: Session, weather: str | None = None) -> dict:
    """One run: every metric, one value per year played, and the events with their choices."""
    game = session.game
    series = game.series()
    return {
        **_header(campaign, weather),
        "seed": game.seed,
        "years": played_years(game),
        "series": series,
        "totals": totals(series),
        "flows": list(PER_YEAR_FLOWS),
        "events": [event.as_json() for event in session.events],
        "ending": game.ending,
        # Region -> metric -> one value per year played (game/model/regions.py: REGION_METRICS).
        "regions": game.region_series(),
    }


_METRIC_NAMES = tuple(METRICS)
_VALUES_OF = operator.itemgetter(*_METRIC_NAMES)  # a record's values in the table's order, in one call
_FLOWS = frozenset(PER_YEAR_FLOWS)


@dataclass(frozen=True)
class Run:
    """What the aggregate keeps of one finished run: per year played, the record's values in the
    metric table's order, the cards it met and its ending. A batch of runs keeps no sessions, and
    reads each run's figures while they are fresh, so memory stays flat as runs are added."""

    seed: int
    years: tuple[int, ...]
    rows: tuple[tuple[float, ...], ...]
    event_ids: tuple[str, ...]
    ending: str

    @classmethod
    def of(cls, session: Session) -> Run:
        records = session.records
        return cls(session.game.seed, tuple(int(r["year"]) for r in records), tuple(map(_VALUES_OF, records)),
                   tuple(e.id for e in session.events), str(session.game.ending))

    def totals(self) -> tuple[float, ...]:
        """Flows summed over the years played, levels at their last value, in the table's order."""
        return tuple(math.fsum(column) if name in _FLOWS else column[-1]
                     for name, column in zip(_METRIC_NAMES, zip(*self.rows, strict=True), strict=True))


def aggregate(campaign: Campaign, runs: list[Run], weather: str | None = None) -> dict:
    """Many runs: mean, p10 and p90 of every metric per year, and of every run's totals.

    Runs can end early (removal), so a year's figures are over the runs still in play that year;
    `runs_in_play` says how many. `events` counts, per event, how many runs saw it.
    """
    years = max((run.years for run in runs), key=len)
    in_play = [[run.rows[i] for run in runs if len(run.rows) > i] for i in range(len(years))]
    # Per year, the spread of the runs' values, metric by metric (zip turns rows into columns).
    per_year = [dict(zip(_METRIC_NAMES, map(_spread, zip(*rows, strict=True)), strict=True)) for rows in in_play]
    series = {m: {stat: [year[m][stat] for year in per_year] for stat in ("mean", *PERCENTILES)}
              for m in _METRIC_NAMES}
    run_totals = zip(*(run.totals() for run in runs), strict=True)
    endings = Counter(run.ending for run in runs)
    return {
        **_header(campaign, weather),
        "seed": runs[0].seed,
        "seeds": [run.seed for run in runs],
        "runs": len(runs),
        "years": list(years),
        "runs_in_play": [len(playing) for playing in in_play],
        "series": series,
        "totals": dict(zip(_METRIC_NAMES, map(_spread, run_totals), strict=True)),
        "flows": list(PER_YEAR_FLOWS),
        "events": dict(sorted(Counter(event_id for run in runs for event_id in run.event_ids).items())),
        "endings": dict(sorted(endings.items())),
    }


def simulate(campaign: Campaign, seed: int, runs: int = 1, weather: str | None = None) -> dict:
    """The simulate command: one run's result, or the aggregate of seeds seed .. seed+runs-1."""
    if runs == 1:
        return result_json(campaign, run_policy(campaign, seed, weather), weather)
    return aggregate(campaign, [Run.of(run_policy(campaign, s, weather)) for s in range(seed, seed + runs)], weather)


def _spread(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    # Summing rounds: the mean of equal values can land an ulp outside them, so keep it inside.
    mean = min(max(math.fsum(ordered) / len(ordered), ordered[0]), ordered[-1])
    return {"mean": mean, **{name: _percentile(ordered, q) for name, q in PERCENTILES.items()}}


def _percentile(ordered: list[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    position = q * (len(ordered) - 1)
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


# The stdout table: a few metrics a reader scans first. (metric, heading, unit, format)
TABLE_COLUMNS = (
    ("grain_harvest_mt", "harvest", "Mt", "{:.1f}"),
    ("grain_procurement_mt", "procured", "Mt", "{:.1f}"),
    ("grain_exports_mt", "exported", "Mt", "{:.2f}"),
    ("collectivization", "collective", "%", "{:.0%}"),
    ("steel_mt", "steel", "Mt", "{:.1f}"),
    ("coal_mt", "coal", "Mt", "{:.0f}"),
    ("famine_deaths_m", "famine dead", "M", "{:.2f}"),
    ("gulag_m", "gulag", "M", "{:.2f}"),
    ("unrest", "unrest", "0-1", "{:.2f}"),
)


def summary_table(result: dict) -> str:
    """A compact text table of key metrics per year (means when the result aggregates runs)."""
    runs = result.get("runs", 1)
    lines = [_title(result)]
    widths = [max(len(heading), 6) for _, heading, _, _ in TABLE_COLUMNS]
    lines.append(_row("year", [h for _, h, _, _ in TABLE_COLUMNS], widths))
    lines.append(_row("", [u for _, _, u, _ in TABLE_COLUMNS], widths))
    for i, year in enumerate(result["years"]):
        cells = [fmt.format(_values(result, metric)[i]) for metric, _, _, fmt in TABLE_COLUMNS]
        lines.append(_row(str(year), cells, widths))
    total_cells = [
        fmt.format(_total(result, metric)) if metric in PER_YEAR_FLOWS else ""
        for metric, _, _, fmt in TABLE_COLUMNS
    ]
    lines.append(_row("total", total_cells, widths))
    if runs == 1:
        lines.append(f"ending: {result['ending']} in {result['years'][-1]}")
    else:
        lines.append("endings: " + ", ".join(f"{k} {n}" for k, n in result["endings"].items()))
    return "\n".join(lines)


def _title(result: dict) -> str:
    title = (f"{result['scenario']} v{result['scenario_version']}, policy {result['policy']}, "
             f"{result['weather']} weather")
    if "runs" not in result:
        return f"{title}, seed {result['seed']}"
    seeds = result["seeds"]
    return f"{title}, {result['runs']} runs (seeds {seeds[0]}-{seeds[-1]}), means"


def _values(result: dict, metric: str) -> list[float]:
    series = result["series"][metric]
    return series["mean"] if isinstance(series, dict) else series


def _total(result: dict, metric: str) -> float:
    total = result["totals"][metric]
    return total["mean"] if isinstance(total, dict) else total


def _row(label: str, cells: list[str], widths: list[int]) -> str:
    return f"{label:<6}" + "".join(f"  {cell:>{w}}" for cell, w in zip(cells, widths, strict=True))
