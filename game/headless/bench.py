"""Performance budgets: named timings, each the median of repeated runs after a warm-up.

To add a figure, decorate a function that does the untimed setup and returns the action to time:

    @benchmark("save_load_ms", budget_ms=20, repeat=20)
    def _save_load():
        game = ...             # setup, not timed
        return lambda: ...     # timed
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ..events.engine import Deck
from ..events.schema import Event
from ..model import Game
from ..scenario import SCENARIO_DIR
from ..scenario.validate import validate_paths
from ..session import Session
from .simulator import Campaign, prepare, run_policy

Action = Callable[[], object]


@dataclass(frozen=True)
class Benchmark:
    name: str
    budget_ms: float           # the budget, in `unit` (ms unless the figure says otherwise)
    repeat: int
    setup: Callable[[], Action]
    description: str
    unit: str = "ms"
    sample: Callable[[int], float] | None = None  # measures itself: repeat -> the figure


@dataclass(frozen=True)
class Timing:
    benchmark: Benchmark
    median_ms: float           # the figure, in the benchmark's unit
    repeat: int

    @property
    def within_budget(self) -> bool:
        return self.median_ms <= self.benchmark.budget_ms


BENCHMARKS: list[Benchmark] = []


def benchmark(name: str, budget_ms: float, repeat: int) -> Callable[[Callable[[], Action]], Callable[[], Action]]:
    """Register a setup function as a named benchmark with its budget."""

    def register(setup: Callable[[], Action]) -> Callable[[], Action]:
        BENCHMARKS.append(Benchmark(name, budget_ms, repeat, setup, (setup.__doc__ or "").strip()))
        return setup

    return register


@cache
def _historical() -> Campaign:
    return prepare("great_turn", "historical", user_mods=False)  # the bundled game, as shipped


@benchmark("full_game_ms", budget_ms=5.0, repeat=50)
def _full_game() -> Action:
    """One full headless game under the historical policy."""
    campaign = _historical()
    return lambda: run_policy(campaign, seed=1, weather="historical")


@benchmark("forecast_100_ms", budget_ms=100.0, repeat=10)
def _forecast_100() -> Action:
    """A 100-draw forecast of the first year, as the year screen asks for."""
    campaign = _historical()
    game = Game(campaign.world, seed=1, weather_mode="random")
    orders = campaign.directives[campaign.world.first_year]
    return lambda: game.forecast(orders, draws=100)


def measured(name: str, budget: float, unit: str, repeat: int) -> Callable[[Callable[[int], float]], Callable]:
    """Register a figure that is not one action's time (start-up seconds, idle CPU percent): the
    function takes the repeat count and returns the figure."""

    def register(sample: Callable[[int], float]) -> Callable[[int], float]:
        BENCHMARKS.append(Benchmark(name, budget, repeat, lambda: (lambda: None), (sample.__doc__ or "").strip(),
                                    unit, sample))
        return sample

    return register


def measure(bench: Benchmark, repeat: int | None = None) -> Timing:
    if bench.sample is not None:
        count = repeat or bench.repeat
        return Timing(bench, bench.sample(count), count)
    action = bench.setup()
    action()  # warm-up: first calls pay for imports and caches, which a player pays once
    count = repeat or bench.repeat
    samples = []
    # As timeit does: a collection landing inside one sample would distort the median's neighbours.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(count):
            start = time.perf_counter_ns()
            action()
            samples.append((time.perf_counter_ns() - start) / 1e6)
    finally:
        if gc_was_enabled:
            gc.enable()
    return Timing(bench, statistics.median(samples), count)


def run_all(repeat: int | None = None) -> list[Timing]:
    """Every registered benchmark; `repeat` overrides each one's repetition count."""
    return [measure(bench, repeat) for bench in BENCHMARKS]


def report(timings: list[Timing]) -> str:
    width = max(len(t.benchmark.name) for t in timings)
    return "\n".join(
        f"{t.benchmark.name:<{width}}  {t.median_ms:8.2f} {t.benchmark.unit:<2}  budget {t.benchmark.budget_ms:g} "
        f"{t.benchmark.unit}  {'OK' if t.within_budget else 'OVER'}  (median of {t.repeat})"
        for t in timings
    )


def as_json(timings: list[Timing]) -> dict:
    """{name: median_ms, ...} plus the budgets and repetition counts they were measured against."""
    return {
        **{t.benchmark.name: t.median_ms for t in timings},
        "budgets": {t.benchmark.name: t.benchmark.budget_ms for t in timings},
        "repeats": {t.benchmark.name: t.repeat for t in timings},
    }


@benchmark("validate_bundled_ms", budget_ms=1000.0, repeat=5)
def _validate_bundled() -> Action:
    """Validating all bundled content (scenarios, parts, policies, mods), as `validate scenarios/`."""
    return lambda: validate_paths([SCENARIO_DIR])


def synthetic_events(count: int, first_year: int, last_year: int) -> list[Event]:
    """A modded deck of `count` events: dated and undated, with triggers on metrics and state,
    chances, cooldowns; about one in a hundred fires in a typical year."""
    metrics = ["steel_mt", "grain_harvest_mt", "share_below_subsistence", "unrest", "cattle_m",
               "urban_real_wage_index", "plan_fulfilment", "fear", "peasant_unrest", "collectivization"]
    events = []
    for i in range(count):
        metric = metrics[i % len(metrics)]
        threshold = "1e9" if i % 100 else "0"  # 1 % can fire
        start = first_year + i % (last_year - first_year + 1)
        events.append(Event.model_validate({
            "id": f"synthetic_{i}",
            "title": f"Synthetic event {i}",
            "text": "A benchmark event.",
            "when": {"start": start, "end": min(last_year, start + 3)} if i % 2 else None,
            "trigger": f"{metric} > {threshold} and (year >= {first_year} or fear < 2) and min(unrest, 1) <= 1",
            "chance": 0.5 if i % 3 == 0 else None,
            "once": i % 5 != 0,
            "cooldown_years": 2 if i % 5 == 0 else None,
            "choices": [
                {"id": "a", "label": "A", "forecast": "Little.", "effects": [{"add": {"fear": 0.0001}}]},
                {"id": "b", "label": "B", "forecast": "Little.", "effects": [{"modifier": {
                    "rate": "grain_yield", "factor": 1.0001, "years": 1}}]},
            ],
        }))
    return events


@benchmark("turn_5000_events_ms", budget_ms=50.0, repeat=10)
def _turn_5000_events() -> Action:
    """One January and year with 5,000 modded events: draw, answer the cards, play the year."""
    campaign = _historical()
    world = campaign.world
    deck = Deck(synthetic_events(5000, world.first_year, world.last_year), world.first_year, world.last_year)
    year = world.first_year + 4
    start = Session(world, deck, seed=1)
    for y in range(world.first_year, year):  # reach a mid-game year with a record to read
        for event in start.begin_year():
            start.choose(event.id, "a")
        start.play_year(campaign.directives[y])

    def one_turn() -> None:
        session = Session(world, deck, seed=1)  # the same point of the game, the deck shared
        session.game.state = start.game.state.copy()
        session.game.records = list(start.game.records)
        for event in session.begin_year():
            session.choose(event.id, "a")
        session.play_year(campaign.directives[year])

    return one_turn



@benchmark("compare_30_ms", budget_ms=2000.0, repeat=5)
def _compare_30() -> Action:
    """The class comparison of 30 results files: read, check, compare and write the HTML page."""
    import json
    import tempfile
    from pathlib import Path

    from ..debrief import compare
    from .baseline import sample_results

    folder = Path(tempfile.mkdtemp(prefix="pyatiletka-bench-"))
    files = []
    for i, result in enumerate(sample_results(30)):
        files.append(folder / f"result-{i:02}.json")
        files[-1].write_text(json.dumps(result), encoding="utf-8")
    return lambda: compare.write_html(compare.compare(compare.load_results(files)), folder / "class.html")

# The game window's figures (start-up, frame time, idle CPU): registered by importing them here.
from ..ui import bench_ui  # noqa: E402, F401
