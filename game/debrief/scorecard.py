"""The scorecard: six axes, each computed from a game's record by a formula written out here and
shown to students, each beside the value of history's course in the same model.

There is no overall score, and no axis rewards deaths: Lives counts lives not lost. The axes are
the game's own measures, chosen to be simple enough to explain in a classroom; they are not
history's, and the debrief says so.

History's side is the model run with the historical policy under the historical weather (the
bundled great_turn scenario without mods, cut to the years the player played): the same model,
so like is compared with like. The caller hands it in (game.headless.baseline runs and caches it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..model.portable_math import exp, log
from .record import GameRecord
from .reference import reference

INDUSTRY = ("steel_mt", "pig_iron_mt", "coal_mt", "oil_mt", "electricity_bn_kwh", "machinery_bn")
ARMS = ("steel_mt", "coal_mt", "oil_mt", "electricity_bn_kwh")  # vs the 1940 output (reference)
ARMS_CAP = 1.5
TANK_YEARS = 3
COMMAND_BASE = 0.6
COMMAND_FLAGS = {              # event flags that change the command-and-preparation part
    "army_purged": -0.3,
    "army_leadership_kept": +0.2,
    "evacuation_prepared": +0.15,
    "eastern_relocation_begun": +0.15,
    "frontier_alerted": +0.2,
    "new_tank_models": +0.1,
    "obsolete_tanks": -0.1,
}
READINESS_WEIGHTS = {"arms": 0.5, "food": 0.15, "cohesion": 0.15, "command": 0.2}


@dataclass(frozen=True)
class AxisSpec:
    id: str
    name: str
    unit: str
    decimals: int
    formula: str


AXES: tuple[AxisSpec, ...] = (
    AxisSpec("industrial_power", "Industrial power", "index, first year = 100", 0,
             "The output of steel, pig iron, coal, oil, electricity and machinery in the last year played, "
             "each divided by its output in the first year; the geometric mean of the six ratios, times 100."),
    AxisSpec("food_security", "Food security", "per cent", 0,
             "100 minus the share of villagers below subsistence in the worst year, in per cent. "
             "A famine year pulls it down however well the other years went."),
    AxisSpec("living_standards", "Living standards", "index, 1928 = 100", 0,
             "Consumption per head (1928 = 100), averaged over the years played. Per-head figures rise "
             "when people die: read this axis beside Lives."),
    AxisSpec("lives", "Lives", "per 1,000 people", 1,
             "Lives not lost: 1,000 minus the excess deaths (famine, deaths among deportees, executions, "
             "deaths in the camps) per 1,000 people living at the start of the game."),
    AxisSpec("stability", "Stability", "per cent", 0,
             "100 times (1 minus the average grievance), where a year's grievance is peasant unrest and "
             "urban discontent weighted as the model weighs them (capped at 1). Fear does not count: "
             "unrest held down by repression is still counted as unrest."),
    AxisSpec("war_readiness", "War readiness, June 1941", "index", 0,
             "The game's rough measure of the country at the end of the game: 50 % arms base (steel, coal, "
             "oil and electricity in the last year, and tanks a year over the last three years, each as a share "
             "of the actual 1940 output, capped at 1.5), 15 % food (1 minus the last year's share below "
             "subsistence), 15 % cohesion (1 minus the last year's grievance), 20 % command and preparation "
             "(0.6; the purge of the army -0.3, the commanders kept +0.2, evacuation plans +0.15, plants moved "
             "east +0.15, the frontier alerted +0.2; between 0 and 1). Times 100: history's 1940 output with "
             "fed, calm people and an intact, prepared command would be 100."),
)
AXIS_IDS = tuple(a.id for a in AXES)


def axis_spec(axis_id: str) -> AxisSpec:
    return next(a for a in AXES if a.id == axis_id)


@dataclass(frozen=True)
class AxisValue:
    value: float
    parts: dict[str, float] = field(default_factory=dict)   # the pieces the formula combined


def _clip(x: float, lo: float = 0.0, hi: float = 1.0) -> float:
    return min(hi, max(lo, x))


def grievance(game: GameRecord, record: dict[str, float]) -> float:
    w = game.scenario.parameters.politics.peasant_unrest_weight
    return _clip(w * record["peasant_unrest"] + (1.0 - w) * record["urban_discontent"])


def start_population(game: GameRecord) -> float:
    init = game.scenario.initial_state
    return init.rural_population_m + init.urban_population_m


def excess_deaths_m(game: GameRecord) -> dict[str, float]:
    """Excess deaths over the game, millions, by cause."""
    return {
        "famine": math.fsum(game.series("famine_deaths_m")),
        "deportees": math.fsum(game.series("deportation_deaths_k")) / 1000.0,
        "executions": math.fsum(game.series("executions_k")) / 1000.0,
        "camps": math.fsum(game.series("gulag_deaths_k")) / 1000.0,
    }


def arms_reference() -> dict[str, float]:
    """The actual 1940 output the arms base is measured against (reference, confirmed figures)."""
    industry = reference()["industry"]
    ref = {m: float(industry[m][1940][0]) for m in ARMS}
    ref["tanks"] = float(industry["tanks_per_year"]["values"][1940][0])
    return ref


def score(game: GameRecord) -> dict[str, AxisValue]:
    """Every axis for one game."""
    records = game.records
    first, last = records[0], records[-1]

    ratios = {m: last[m] / first[m] for m in INDUSTRY if first[m] > 0 and last[m] > 0}
    # The geometric mean, in the model's portable maths: a class's scorecards match to the digit
    # whichever machine or browser each student played on.
    industrial = 100.0 * exp(math.fsum(log(r) for r in ratios.values()) / len(ratios)) if ratios else 0.0

    shares = game.series("share_below_subsistence")
    worst = max(shares)
    worst_year = game.years[shares.index(worst)]
    food = 100.0 * (1.0 - _clip(worst))

    consumption = game.series("consumption_per_capita_index")
    living = math.fsum(consumption) / len(consumption)

    deaths = excess_deaths_m(game)
    per_thousand = 1000.0 * math.fsum(deaths.values()) / start_population(game)
    lives = 1000.0 - per_thousand

    grievances = [grievance(game, r) for r in records]
    stability = 100.0 * (1.0 - math.fsum(grievances) / len(grievances))

    ref = arms_reference()
    arms_parts = {m: min(ARMS_CAP, last[m] / ref[m]) for m in ARMS}
    tanks = game.series("tanks")[-TANK_YEARS:]
    arms_parts["tanks"] = min(ARMS_CAP, (math.fsum(tanks) / len(tanks)) / ref["tanks"])
    arms = math.fsum(arms_parts.values()) / len(arms_parts)
    food_now = 1.0 - _clip(last["share_below_subsistence"])
    cohesion = 1.0 - grievance(game, last)
    command = _clip(COMMAND_BASE + math.fsum(v for f, v in COMMAND_FLAGS.items() if f in game.flags))
    parts = {"arms": arms, "food": food_now, "cohesion": cohesion, "command": command}
    readiness = 100.0 * math.fsum(READINESS_WEIGHTS[k] * v for k, v in parts.items())

    return {
        "industrial_power": AxisValue(industrial, {f"{m}_ratio": r for m, r in ratios.items()}),
        "food_security": AxisValue(food, {"worst_share_below_subsistence": worst, "worst_year": worst_year}),
        "living_standards": AxisValue(living, {"last_year": consumption[-1]}),
        "lives": AxisValue(lives, {"excess_deaths_per_1000": per_thousand, **{f"{k}_m": v for k, v in deaths.items()},
                                   "start_population_m": start_population(game)}),
        "stability": AxisValue(stability, {"mean_grievance": 1.0 - stability / 100.0,
                                           "removed": 1.0 if game.ending == "removed" else 0.0}),
        "war_readiness": AxisValue(readiness, {**parts, **{f"arms_{k}": v for k, v in arms_parts.items()}}),
    }


# --- history's course in the model ----------------------------------------------------------


def cut_baseline(history: GameRecord | None, first_year: int, last_year: int) -> GameRecord | None:
    """History's course in the model over the player's years (None when they do not overlap).

    `history` is the whole historical game; the caller runs it (game.headless.baseline), so the
    debrief only reads records and never plays a game itself."""
    if history is None or first_year < history.first_year or first_year > history.last_year:
        return None
    cut = history.until(min(last_year, history.last_year))
    earlier = sum(1 for r in cut.records if int(r["year"]) < first_year)
    cut.records = cut.records[earlier:]
    cut.regions = {region: {m: values[earlier:] for m, values in figures.items()}
                   for region, figures in cut.regions.items()}
    return cut
