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

from ..model import Game
from ..scenario import SCENARIO_DIR
from ..scenario.validate import validate_paths
from .simulator import Campaign, prepare, run_policy

Action = Callable[[], object]


@dataclass(frozen=True)
class Benchmark:
    name: str
    budget_ms: float
    repeat: int
    setup: Callable[[], Action]
    description: str


@dataclass(frozen=True)
class Timing:
    benchmark: Benchmark
    median_ms: float
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


def measure(bench: Benchmark, repeat: int | None = None) -> Timing:
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
        f"{t.benchmark.name:<{width}}  {t.median_ms:8.2f} ms  budget {t.benchmark.budget_ms:g} ms  "
        f"{'OK' if t.within_budget else 'OVER'}  (median of {t.repeat})"
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
