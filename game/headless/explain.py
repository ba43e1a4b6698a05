"""Why a figure moved: one year's change of a metric, broken down cause by cause.

The change is the figure against a comparison: the year before (`previous`), or history's same
year (`history`: the scenario's default policy, for great_turn the historical one, in historical
weather, same seed). Each cause is a group of inputs to the year: the weather, directive fields,
and the state the year began in. A cause's part is what the figure loses when that cause alone is
set back to the comparison's value and the year is resolved again, all else as played:

    part(cause) = value - value with the cause as in the comparison

The model is deterministic, so the year re-resolved with its own inputs gives the record's figure
exactly. The causes do not add up in a non-linear model (and many inputs are in no cause: the
population, the tractors, the factories, the cards' modifiers), so what they leave is reported as
it is, the remainder: change = sum of the parts + remainder, exactly. Projects and plan targets
stay as played (a project started cannot be unstarted).

    python main.py simulate --scenario great_turn --policy historical --seed 1 --json run.json
    python main.py explain run.json --year 1932 --metric famine_deaths_m --against previous
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from ..debrief.formats import SimulateResult, read_json, validated
from ..errors import UserError
from ..events.engine import Deck
from ..model import Directives, World
from ..model.metrics import BY_NAME, METRICS
from ..model.regions import REGION_METRICS
from ..model.state import State
from ..model.weather import yield_factor
from ..model.year import baseline, resolve_year
from ..scenario.pydantic_errors import did_you_mean
from ..session import Session

EXPLAINED_METRICS = ("famine_deaths_m", "grain_harvest_mt", "steel_mt", "urban_real_wage_index", "unrest")
AGAINST = ("previous", "history")


class ExplainError(UserError):
    """A breakdown that cannot be made: a file that is not one run, a year or metric it lacks."""


@dataclass(frozen=True)
class Cause:
    """A group of a year's inputs set back together: directive fields, state fields, the weather."""

    id: str
    label: str
    directives: tuple[str, ...] = ()
    state: tuple[str, ...] = ()
    weather: bool = False


CAUSES: tuple[Cause, ...] = (
    Cause("weather", "The weather", weather=True),
    Cause("procurement", "Grain procurement (order, price, force grown routine)",
          ("grain_procurement_mt", "grain_price_index"), ("coercion_norm",)),
    Cause("exports", "Grain sold abroad", ("grain_exports_mt",)),
    Cause("reserve", "The state's grain reserve target", ("grain_reserve_target_mt",)),
    Cause("collectivization", "Collectivization, dekulakization, their disruption",
          ("collectivization_target", "dekulakization"),
          ("collectivization", "forced_last", "disruption", "kulaks_m")),
    Cause("labour", "Labour orders (farms, factories, building sites)", ("labor",)),
    Cause("investment", "Investment (share of income, split)", ("investment_rate", "investment_split")),
    Cause("repression", "Repression and fear", ("repression",), ("fear",)),
    Cause("defence", "Defence (army, budget)", ("army_m", "defence_share")),
    Cause("industry", "Industrial capacity (in service, coming, strain)", (),
          ("capacity", "pipeline", "new_capacity", "strain")),
    Cause("population", "The people (villagers, townspeople, workers)", (),
          ("rural_m", "urban_m", "nonfarm_labour_m")),
    Cause("herds", "The herds (cattle, horses, recent losses)", (),
          ("cattle_m", "horses_m", "region_cattle", "region_herd_shock")),
    Cause("stocks", "Grain carried in (villages' and state's)",
          (), ("peasant_stock_mt", "state_reserve_mt")),
    Cause("famine_before", "Last harvest's famine (deaths to come, weakened)",
          (), ("famine_deaths_pending_m", "famine_share_last")),
)
BY_CAUSE: dict[str, Cause] = {c.id: c for c in CAUSES}
REMAINDER_LABEL = "The causes together, and everything else"

_unknown = [f for c in CAUSES for f in c.directives if f not in Directives.model_fields]
_unknown += [f for c in CAUSES for f in c.state if f not in State.__dataclass_fields__]
if _unknown:
    raise ValueError(f"causes name fields that do not exist: {', '.join(_unknown)}")


@dataclass(frozen=True)
class Part:
    cause: str
    label: str
    value: float


@dataclass(frozen=True)
class RegionFigure:
    """The figure in one region, as played and in the comparison."""

    region: str
    name: str
    value: float
    compared: float


# The explained figures the regions add up to, and the regional figure that is each one's part.
REGIONAL = {"famine_deaths_m": "famine_deaths_m", "grain_harvest_mt": "harvest_mt"}


@dataclass(frozen=True)
class Explanation:
    metric: str
    label: str
    unit: str
    year: int
    against: str
    value: float
    compared: float
    parts: tuple[Part, ...]
    remainder: float
    regions: tuple[RegionFigure, ...] = ()  # where the figure came from, largest first (REGIONAL metrics)

    @property
    def change(self) -> float:
        return self.value - self.compared

    def as_json(self) -> dict:
        return {
            "metric": self.metric, "label": self.label, "unit": self.unit, "year": self.year,
            "against": self.against, "value": self.value, "compared": self.compared, "change": self.change,
            "parts": [{"cause": p.cause, "label": p.label, "value": p.value} for p in self.parts],
            "remainder": self.remainder,
            "regions": [{"region": r.region, "name": r.name, "value": r.value, "compared": r.compared}
                        for r in self.regions],
        }


@dataclass(frozen=True)
class YearInput:
    """What a year was resolved from: the state right before it was played (after its January's
    cards were answered), the directives played, and the weather; and the record it gave."""

    state: State
    directives: Directives
    categories: dict[str, str]
    factor: float
    record: dict[str, float]
    regions: tuple[tuple[float, ...], ...] = ()  # the year's regional rows (regions.REGION_METRICS)

    @property
    def year(self) -> int:
        return self.state.year

    def resolve(self, world: World, base: dict[str, float] | None = None) -> dict[str, float]:
        """The year resolved again from these inputs (on a copy): the record, bit for bit."""
        return resolve_year(world, self.state.copy(), self.directives, self.categories, self.factor,
                            base if base is not None else baseline(world))


# --- replaying a game to capture each year's inputs ---------------------------------------------


def replay_inputs(world: World, deck: Deck | None, seed: int, weather_mode: str,
                  commands: list[dict]) -> dict[int, YearInput]:
    """Play a command log (Session.commands) into a fresh Session, capturing each year's inputs."""
    session = Session(world, deck, seed=seed, weather_mode=weather_mode)
    inputs: dict[int, YearInput] = {}
    for number, command in enumerate(commands, start=1):
        kind, year = command.get("command"), command.get("year")
        if year != session.year:
            raise ExplainError(f"command {number}: {kind} is for {year}, but the game is in {session.year}")
        if kind == "choose":
            session.choose(command["event"], command["choice"])
        elif kind == "play_year":
            directives = Directives.from_mapping(command["directives"], f"{year} directives")
            session.begin_year()
            game = session.game
            state = game.state.copy()
            categories = dict(game.weather(game.year))
            factor = yield_factor(categories, world.params.weather)
            record = session.play_year(directives)
            inputs[int(record["year"])] = YearInput(state, directives, categories, factor, dict(record),
                                                    game.region_years[-1].rows(world.params.regions))
        else:
            raise ExplainError(f"command {number}: unknown command {kind!r}")
    return inputs


def inputs_of_session(session: Session) -> dict[int, YearInput]:
    """Each played year's inputs of a live game, by replaying its command log into a fresh one."""
    return replay_inputs(session.world, session.deck, session.seed, session.weather_mode, session.commands)


# --- the breakdown ------------------------------------------------------------------------------


def explain(world: World, current: YearInput, comparison: YearInput, metric: str, against: str) -> Explanation:
    """The change of `metric` in `current`'s year against `comparison`, cause by cause."""
    check_metric(metric)
    value = current.record[metric]
    compared = comparison.record[metric]
    base = baseline(world)
    parts = []
    for cause in CAUSES:
        record = _with_cause(world, current, comparison, cause, base)
        parts.append(Part(cause.id, cause.label, value - record[metric]))
    change = value - compared
    remainder = change - math.fsum(p.value for p in parts)
    info = BY_NAME[metric]
    return Explanation(metric, info.label, info.unit, current.year, against, value, compared, tuple(parts), remainder,
                       regional_figures(world, current, comparison, metric))


def regional_figures(world: World, current: YearInput, comparison: YearInput, metric: str) -> tuple[RegionFigure, ...]:
    """The figure region by region, largest first, for the metrics the regions add up to."""
    if metric not in REGIONAL or not current.regions or not comparison.regions:
        return ()
    column = REGION_METRICS.index(REGIONAL[metric])
    regions = world.params.regions.regions
    figures = [RegionFigure(rid, regions[rid].name, now[column], then[column])
               for rid, now, then in zip(regions, current.regions, comparison.regions, strict=True)]
    return tuple(sorted(figures, key=lambda f: -f.value))


def _with_cause(world: World, current: YearInput, comparison: YearInput, cause: Cause,
                base: dict[str, float]) -> dict[str, float]:
    state = current.state.copy()
    for name in cause.state:
        setattr(state, name, getattr(comparison.state, name))
    directives = current.directives
    if cause.directives:
        directives = directives.model_copy(update={n: getattr(comparison.directives, n) for n in cause.directives})
    categories, factor = current.categories, current.factor
    if cause.weather:
        categories, factor = comparison.categories, comparison.factor
    return resolve_year(world, state, directives, dict(categories), factor, base)


def check_metric(metric: str) -> None:
    if metric not in METRICS:
        hint = did_you_mean(metric, list(EXPLAINED_METRICS)) or did_you_mean(metric, list(METRICS))
        raise ExplainError(f"unknown metric {metric!r}{f'; {hint}' if hint else ''} "
                           f"(explained best: {', '.join(EXPLAINED_METRICS)})")


# --- from a simulate result ---------------------------------------------------------------------


def explain_file(path: str | Path, year: int, metric: str, against: str = "previous",
                 mods: list[Path] | None = None) -> Explanation:
    """The `explain` command: replay a single-run `simulate --json` result and explain one figure."""
    from .simulator import prepare

    check_metric(metric)
    if against not in AGAINST:
        raise ExplainError(f"--against must be one of {', '.join(AGAINST)}, not {against!r}")
    path = Path(path)
    data = read_json(path, error=ExplainError)
    if isinstance(data, dict) and "runs" in data:
        raise ExplainError(f"{path}: this is a summary of many runs (simulate --runs): it holds means and "
                           f"percentiles, not one game; explain one run: simulate without --runs")
    if not isinstance(data, dict) or "series" not in data or "seed" not in data:
        raise ExplainError(f"{path}: not a simulate --json result (a single run was expected)")
    result: SimulateResult = validated(SimulateResult, data, path, "simulate result", ExplainError)
    if year not in result.years:
        raise ExplainError(f"--year {year}: the run in {path} covers {result.years[0]}-{result.years[-1]}")
    if against == "previous" and year - 1 not in result.years:
        raise ExplainError(f"--year {year}: no year before it in the run to compare with; "
                           f"use --against history, or a later year")
    if result.policy is None:
        raise ExplainError(f"{path}: the result does not name its policy, so the run cannot be replayed")
    campaign = prepare(result.scenario, result.policy, mods=mods)
    if sorted(campaign.mods) != sorted(result.mods):
        made = ", ".join(result.mods) or "no mods"
        now = ", ".join(campaign.mods) or "no mods"
        raise ExplainError(f"{path}: the run was made with {made}, but {now} are loaded here; "
                           f"give the mods' folders with --mods (or move the others out of your mods folder)")
    inputs = run_inputs(campaign, result.seed, result.weather)
    _check_replay(path, result, inputs)
    if against == "previous":
        comparison = inputs[year - 1]
    else:
        history = history_inputs(campaign, result.seed)
        if year not in history:
            raise ExplainError(f"--year {year}: history's game ended before {year}")
        comparison = history[year]
    return explain(campaign.world, inputs[year], comparison, metric, against)


def run_inputs(campaign, seed: int, weather: str | None = None) -> dict[int, YearInput]:
    """A policy's game (cards answered as it says), replayed for each year's inputs."""
    from .simulator import run_policy

    session = run_policy(campaign, seed, weather)
    return inputs_of_session(session)


def history_inputs(campaign, seed: int) -> dict[int, YearInput]:
    """History's game: the scenario's default policy in historical weather, the same seed."""
    from .outlook import reference_campaign

    return run_inputs(reference_campaign(campaign), seed, "historical")


def _check_replay(path: Path, result: SimulateResult, inputs: dict[int, YearInput]) -> None:
    replayed = sorted(inputs)
    stale = (f"{path}: replaying the run does not reproduce the file: it was made by another version of the "
             f"game or with different content (scenario {result.scenario} v{result.scenario_version}")
    if replayed != list(result.years):
        raise ExplainError(f"{stale}; the file has the years {result.years[0]}-{result.years[-1]}, "
                           f"the replay {replayed[0]}-{replayed[-1]})")
    for metric, values in result.series.items():
        if metric not in METRICS:
            raise ExplainError(f"{stale}; the file has a metric {metric!r} this game does not know)")
        for year, value in zip(result.years, values, strict=True):
            if inputs[year].record[metric] != value:
                raise ExplainError(f"{stale}; {metric} in {year} is {value!r} in the file, "
                                   f"{inputs[year].record[metric]!r} in the replay)")


# --- the table ----------------------------------------------------------------------------------


def format_value(value: float, unit: str, signed: bool = True) -> str:
    """A figure with its unit, in the metric's own terms (millions of people, percentage points...)."""
    sign = "+" if signed else ""
    if value == 0.0:
        return "0"
    if unit == "people":
        return f"{value * 1000:{sign},.1f} thousand" if abs(value) < 0.1 else f"{value:{sign},.2f} million"
    if unit == "%":
        return f"{100 * value:{sign}.1f} points" if signed else f"{100 * value:.1f} %"
    if unit == "1928 = 100":
        return f"{value:{sign}.1f}" + ("" if signed else " (1928 = 100)")
    return f"{value:{sign},.2f} {unit}".rstrip()


def explanation_table(e: Explanation) -> str:
    compared = "the year before" if e.against == "previous" else f"history's {e.year}"
    lines = [
        f"{e.label} in {e.year}: {format_value(e.value, e.unit, False)}, against {compared}: "
        f"{format_value(e.compared, e.unit, False)}; change {format_value(e.change, e.unit)}",
        "",
    ]
    width = max(len(p.label) for p in e.parts) + 2
    lines += [f"{p.label:<{width}}{format_value(p.value, e.unit):>20}" for p in e.parts]
    lines.append(f"{REMAINDER_LABEL:<{width}}{format_value(e.remainder, e.unit):>20}")
    lines.append(f"{'Total change':<{width}}{format_value(e.change, e.unit):>20}")
    lines.append("")
    lines.append("Each part: the figure as played minus the figure with that cause alone as in the comparison.")
    shown = [r for r in e.regions if r.value or r.compared]
    if shown:
        width = max(len(r.name) for r in shown) + 2
        lines += ["", f"By region (as played, and {compared}):"]
        lines += [f"{r.name:<{width}}{format_value(r.value, e.unit, False):>20}{format_value(r.compared, e.unit, False):>20}"
                  for r in shown]
    return "\n".join(lines)
