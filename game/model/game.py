"""The Game: the one entry point through which the UI, the simulator, policies and tests drive
the simulation. Same world + seed + directives gives identical records, bit for bit."""

from __future__ import annotations

from dataclasses import dataclass, field

from .directives import DirectiveError, Directives
from .metrics import METRICS
from .regions import REGION_METRICS, RegionsYear
from .setup import World
from .state import State
from .weather import random_categories, yield_factor
from .year import baseline, resolve_year

WEATHER_MODES = ("historical", "random")
FORECAST_METRICS = (
    "grain_harvest_mt",
    "food_per_head_rural_t",
    "share_below_subsistence",
    "famine_deaths_m",
    "steel_mt",
    "unrest",
)


@dataclass(frozen=True, slots=True)
class Band:
    """A forecast range: the 10th percentile, the median and the 90th percentile."""

    low: float
    median: float
    high: float


@dataclass(slots=True)
class Game:
    world: World
    seed: int = 0
    weather_mode: str = "historical"
    state: State = field(init=False)
    records: list[dict[str, float]] = field(init=False, default_factory=list)
    commands: list[Directives] = field(init=False, default_factory=list)
    # Per year played, the regions' figures (regions.RegionsYear; `region_rows` gives them as rows).
    region_years: list[RegionsYear] = field(init=False, default_factory=list)
    _base: dict[str, float] = field(init=False)

    def __post_init__(self) -> None:
        if self.weather_mode not in WEATHER_MODES:
            raise DirectiveError(f"weather must be one of {', '.join(WEATHER_MODES)}, not {self.weather_mode!r}")
        self.state = State.initial(self.world)
        self._base = baseline(self.world)

    @property
    def year(self) -> int:
        return self.state.year

    @property
    def finished(self) -> bool:
        return self.state.year > self.world.last_year or self.state.ending is not None

    @property
    def ending(self) -> str | None:
        if self.state.ending is not None:
            return self.state.ending
        return "completed" if self.state.year > self.world.last_year else None

    def weather(self, year: int, draw: int = 0) -> dict[str, str]:
        """The year's weather, a category per region group: the record's, or drawn at random."""
        if self.weather_mode == "historical" and draw == 0:
            return self.world.historical_weather[year]
        return random_categories(self.seed, year, draw, self.world.params.weather)

    def play_year(self, directives: Directives) -> dict[str, float]:
        """The command: resolve the current year under these directives and record it."""
        if self.finished:
            raise DirectiveError(f"the game is over ({self.ending}); no year {self.state.year} to play")
        started = set(self.state.projects_building) | set(self.state.projects_done)
        directives.check_against(self.world, self.state.year, started)
        year = self.state.year
        # Resolve on a copy and commit only on success: a year that fails changes nothing.
        trial = self.state.copy()
        categories = self.weather(year)
        factor = yield_factor(categories, self.world.params.weather)
        regions: list = []
        record = resolve_year(self.world, trial, directives, categories, factor, self._base, regions)
        self.state = trial
        self.commands.append(directives)
        self.records.append(record)
        self.region_years.extend(regions)
        return record

    def forecast(self, directives: Directives, draws: int = 100) -> dict[str, Band]:
        """The likely range of this year's outcomes over `draws` random weather draws.

        Runs on copies of the state; the game itself is untouched.
        """
        started = set(self.state.projects_building) | set(self.state.projects_done)
        directives.check_against(self.world, self.state.year, started)
        samples: dict[str, list[float]] = {m: [] for m in FORECAST_METRICS}
        for draw in range(1, draws + 1):
            trial = self.state.copy()
            categories = random_categories(self.seed, trial.year, draw, self.world.params.weather)
            factor = yield_factor(categories, self.world.params.weather)
            record = resolve_year(self.world, trial, directives, categories, factor, self._base)
            for metric in FORECAST_METRICS:
                samples[metric].append(record[metric])
        return {m: band(values) for m, values in samples.items()}

    def project(self, orders, years: int, draw: int) -> list[dict[str, float]]:
        """The next `years` years (at most to the last year, or until the leader's removal) under
        `orders(year) -> Directives`, in random weather draw `draw` (>= 1): the records, on copies
        of the state; the game itself is untouched. The same draw gives the same weather whatever
        the orders, so two projections differ only by what the orders change."""
        trial = self.state.copy()
        records = []
        for _ in range(years):
            if trial.year > self.world.last_year or trial.ending is not None:
                break
            directives = orders(trial.year)
            started = set(trial.projects_building) | set(trial.projects_done)
            directives.check_against(self.world, trial.year, started)
            categories = random_categories(self.seed, trial.year, draw, self.world.params.weather)
            factor = yield_factor(categories, self.world.params.weather)
            records.append(resolve_year(self.world, trial, directives, categories, factor, self._base))
        return records

    def series(self) -> dict[str, list[float]]:
        return {m: [r[m] for r in self.records] for m in METRICS}

    @property
    def region_rows(self) -> list[tuple[tuple[float, ...], ...]]:
        """Per year played, one row of regions.REGION_METRICS per region (in the parameters' order)."""
        p = self.world.params.regions
        return [year.rows(p) for year in self.region_years]

    def region_series(self) -> dict[str, dict[str, list[float]]]:
        """Region -> metric -> one value per year played."""
        ids = self.world.params.regions.ids
        rows = self.region_rows
        return {region: {metric: [year[i][j] for year in rows] for j, metric in enumerate(REGION_METRICS)}
                for i, region in enumerate(ids)}


def band(values: list[float]) -> Band:
    """The 10th percentile, the median and the 90th percentile of the values."""
    ordered = sorted(values)
    n = len(ordered)

    def pick(q: float) -> float:
        return ordered[min(n - 1, int(q * (n - 1) + 0.5))]

    return Band(pick(0.1), pick(0.5), pick(0.9))
