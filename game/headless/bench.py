"""Performance budgets (DESIGN §10): named figures, each the median of repeated runs after a
warm-up, with its budget.

The simulation's figures, measured in this process:

- full_game_ms: one full headless great_turn game under the historical policy; budget 5 ms.
- forecast_100_ms: a 100-draw forecast of the first year, as the year screen asks for; 100 ms.
- outlook_ms: a plan-length outlook (from January 1930 to the First Plan's end) at 60 draws; 250 ms.
- validate_bundled_ms: validating all bundled content, as `validate scenarios/`; 1 s.
- turn_5000_events_ms: one January and year with 5,000 modded events; 50 ms.
- compare_30_ms: the class comparison of 30 results files, HTML page written; 2 s.
- simulate_runs_ms_per_game: one game as a user sees it from outside: the CPU time of
  `simulate --runs 201 --json FILE` minus that of `--runs 1`, each in a fresh process, divided
  by 200 (wall time where the platform gives no CPU time of child processes); budget 5 ms
  (DESIGN: "also as measured from outside by `simulate --runs`").

The window's figures live in game/ui/bench_ui.py, which registers them through `measured` when
it is imported (the `bench` command imports it; this module never imports the UI).

To add a figure, decorate a function that does the untimed setup and returns the action to time:

    @benchmark("save_load_ms", budget_ms=20, repeat=20)
    def _save_load():
        game = ...             # setup, not timed
        return lambda: ...     # timed

A figure that cannot be measured here (no X display, say) raises Skipped with the reason; the
report shows the reason instead of a number, never nothing.

Only the standard library is imported at the top: the game's modules are imported by the
figures that use them, so registering figures costs nothing.
"""

from __future__ import annotations

import atexit
import gc
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UserError

if TYPE_CHECKING:
    from ..events.schema import Event
    from .simulator import Campaign

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


class Skipped(Exception):
    """Raised by a figure that cannot be measured on this machine (not an error); the message
    says why."""


@dataclass(frozen=True)
class Timing:
    benchmark: Benchmark
    median_ms: float | None    # the figure, in the benchmark's unit; None when skipped
    repeat: int
    skipped: str | None = None  # why the figure was not measured

    @property
    def within_budget(self) -> bool:
        return self.median_ms is not None and self.median_ms <= self.benchmark.budget_ms


BENCHMARKS: list[Benchmark] = []


def benchmark(name: str, budget_ms: float, repeat: int) -> Callable[[Callable[[], Action]], Callable[[], Action]]:
    """Register a setup function as a named benchmark with its budget."""

    def register(setup: Callable[[], Action]) -> Callable[[], Action]:
        BENCHMARKS.append(Benchmark(name, budget_ms, repeat, setup, (setup.__doc__ or "").strip()))
        return setup

    return register


@cache
def _historical() -> Campaign:
    from .simulator import prepare

    return prepare("great_turn", "historical", user_mods=False)  # the bundled game, as shipped


@benchmark("full_game_ms", budget_ms=5.0, repeat=50)
def _full_game() -> Action:
    """One full headless game under the historical policy."""
    from .simulator import run_policy

    campaign = _historical()
    return lambda: run_policy(campaign, seed=1, weather="historical")


@benchmark("forecast_100_ms", budget_ms=100.0, repeat=10)
def _forecast_100() -> Action:
    """A 100-draw forecast of the first year, as the year screen asks for."""
    from ..model import Game

    campaign = _historical()
    game = Game(campaign.world, seed=1, weather_mode="random")
    orders = campaign.directives[campaign.world.first_year]
    return lambda: game.forecast(orders, draws=100)


@benchmark("outlook_ms", budget_ms=250.0, repeat=10)
def _outlook() -> Action:
    """A plan-length outlook at 60 draws: from January 1930 to the First Plan's end, historical policy."""
    from .outlook import OutlookRun, plan_horizon, play_until, policy_orders

    campaign = _historical()
    session = play_until(campaign, 1930, seed=1)
    state = session.game.state
    orders = policy_orders(campaign.directives, set(state.projects_building) | set(state.projects_done))
    years = plan_horizon(session.game)
    return lambda: OutlookRun(session.game, orders, years, draws=60).run()


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
        try:
            return Timing(bench, bench.sample(count), count)
        except Skipped as why:
            return Timing(bench, None, count, skipped=str(why))
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


def run_all(repeat: int | None = None, only: list[str] | None = None) -> list[Timing]:
    """Every registered benchmark (or those named in `only`, in their usual order); `repeat`
    overrides each one's repetition count."""
    if only:
        unknown = sorted(set(only) - {bench.name for bench in BENCHMARKS})
        if unknown:
            raise UserError(f"no figure named {', '.join(unknown)}; the figures are "
                            f"{', '.join(bench.name for bench in BENCHMARKS)}")
    return [measure(bench, repeat) for bench in BENCHMARKS if not only or bench.name in only]


def report(timings: list[Timing]) -> str:
    width = max(len(t.benchmark.name) for t in timings)
    return "\n".join(_line(t, width) for t in timings)


def _line(t: Timing, width: int) -> str:
    unit = t.benchmark.unit
    budget = f"budget {t.benchmark.budget_ms:g} {unit}"
    if t.median_ms is None:
        return f"{t.benchmark.name:<{width}}  {'-':>8} {unit:<2}  {budget}  skipped: {t.skipped}"
    return (f"{t.benchmark.name:<{width}}  {t.median_ms:8.2f} {unit:<2}  {budget}  "
            f"{'OK' if t.within_budget else 'OVER'}  (median of {t.repeat})")


def as_json(timings: list[Timing]) -> dict:
    """{name: median, ...} (null when skipped) plus the budgets and repetition counts they were
    measured against, and why any figure was skipped."""
    return {
        **{t.benchmark.name: t.median_ms for t in timings},
        "budgets": {t.benchmark.name: t.benchmark.budget_ms for t in timings},
        "repeats": {t.benchmark.name: t.repeat for t in timings},
        "skipped": {t.benchmark.name: t.skipped for t in timings if t.skipped is not None},
    }


@benchmark("validate_bundled_ms", budget_ms=1000.0, repeat=5)
def _validate_bundled() -> Action:
    """Validating all bundled content (scenarios, parts, policies, mods), as `validate scenarios/`."""
    from ..scenario import SCENARIO_DIR
    from ..scenario.validate import validate_paths
    from ..scenario.yamlsource import forget_parsed

    def validate_cold() -> None:   # as a fresh `validate` process reads: nothing parsed yet
        forget_parsed()
        validate_paths([SCENARIO_DIR])

    return validate_cold


def synthetic_events(count: int, first_year: int, last_year: int) -> list[Event]:
    """A modded deck of `count` events: dated and undated, with triggers and premises on metrics,
    state and running totals, texts and forecasts that quote the player's figures, chances,
    cooldowns; about one in a hundred fires in a typical year."""
    from ..events.schema import Event

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
            "text": f"A benchmark event: {metric} stood at {{{metric}:.1f}}, procurement at "
                    f"{{grain_procurement_mt:.1f}} Mt, {{collectivization:%}} collectivized.",
            "when": {"start": start, "end": min(last_year, start + 3)} if i % 2 else None,
            "premise": "famine_deaths_total_m >= 0 and (collectivization >= 0 or started_magnitogorsk)",
            "trigger": f"{metric} > {threshold} and (year >= {first_year} or fear < 2) and min(unrest, 1) <= 1",
            "chance": 0.5 if i % 3 == 0 else None,
            "once": i % 5 != 0,
            "cooldown_years": 2 if i % 5 == 0 else None,
            "choices": [
                {"id": "a", "label": "A", "forecast": "Fear at {fear:.2f}.", "effects": [{"add": {"fear": 0.0001}}]},
                {"id": "b", "label": "B", "forecast": "Little.", "effects": [{"modifier": {
                    "rate": "grain_yield", "factor": 1.0001, "years": 1}}]},
            ],
        }))
    return events


@benchmark("turn_5000_events_ms", budget_ms=50.0, repeat=10)
def _turn_5000_events() -> Action:
    """One January and year with 5,000 modded events: draw, answer the cards, play the year."""
    from ..events.engine import Deck
    from ..session import Session

    campaign = _historical()
    world = campaign.world
    deck = Deck(synthetic_events(5000, world.first_year, world.last_year), world.first_year, world.last_year,
                tuple(p.id for p in world.projects))
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

    from ..debrief import compare
    from .baseline import sample_results

    folder = Path(tempfile.mkdtemp(prefix="pyatiletka-bench-compare-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    files = []
    for i, result in enumerate(sample_results(30)):
        files.append(folder / f"result-{i:02}.json")
        files[-1].write_text(json.dumps(result), encoding="utf-8")
    return lambda: compare.write_html(compare.compare(compare.load_results(files)), folder / "class.html")


RUNS = 201  # `simulate --runs RUNS` minus `--runs 1`: the time of RUNS - 1 games, start-up cancelled


def game_command() -> list[str]:
    """How a user starts the game's command line here: `python main.py` in a source checkout,
    else the installed `pyatiletka` entry point (the same function, game.cli.main)."""
    from ..resources import SOURCE_ROOT

    main_py = SOURCE_ROOT / "main.py"
    if main_py.is_file():
        return [sys.executable, str(main_py)]
    return [sys.executable, "-c", "import sys; from game.cli import main; sys.exit(main())"]


def _children_cpu_seconds() -> float | None:
    """CPU time (user + system) of the finished child processes so far; None where the platform
    does not say (Windows: wall time is used instead)."""
    try:
        import resource
    except ImportError:
        return None
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _simulate_seconds(runs: int, folder: Path) -> float:
    """The CPU time of one `simulate --runs RUNS` process (its wall time where CPU time is not
    known): CPU time, because on a shared machine the wall clock also counts other work."""
    out = folder / f"runs-{runs}.json"
    start, cpu = time.perf_counter(), _children_cpu_seconds()
    # An empty --data-dir: mods in the user's folder would change what is measured.
    command = [*game_command(), "--data-dir", str(folder / "data"), "simulate", "--runs", str(runs),
               "--json", str(out)]
    proc = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=600)
    seconds, cpu_after = time.perf_counter() - start, _children_cpu_seconds()
    if proc.returncode != 0:
        raise RuntimeError(f"simulate --runs {runs} failed (exit code {proc.returncode}): {proc.stderr.strip()}")
    return seconds if cpu is None or cpu_after is None else cpu_after - cpu


@measured("simulate_runs_ms_per_game", budget=5.0, unit="ms", repeat=5)
def simulate_runs_ms_per_game(repeat: int) -> float:
    """One game as measured from outside: (CPU time of `simulate --runs 201` - `--runs 1`) / 200,
    each command in a fresh process, as a user would run them."""
    samples = []
    with tempfile.TemporaryDirectory(prefix="pyatiletka-bench-simulate-") as name:
        folder = Path(name)
        _simulate_seconds(1, folder)  # warm-up: the file cache, as a user's second run
        for _ in range(repeat):
            one = _simulate_seconds(1, folder)
            many = _simulate_seconds(RUNS, folder)
            samples.append(1000 * (many - one) / (RUNS - 1))
    return statistics.median(samples)
