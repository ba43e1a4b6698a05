"""The outlook: where the directives lead, years ahead, over many weathers.

The one-year forecast cannot show the growth levers: investment and its split build capacity that
produces one to four years later. The outlook plays the directives on, year by year, to the end
of the current plan (or to the last year) in `draws` random weathers, and gives each headline
figure's range per year, history's figure beside it, and the change against another outlook (the
directives as they stood when the player opened the screen): a delta that moves as a slider does.
Cards are not dealt in a projection (nobody answers them); the effects of cards already answered
carry on.

    python main.py outlook --scenario great_turn --policy historical --from 1930 --years 5 --draws 60

`OutlookRun` computes one draw at a time, so that the window can spread the work over frames and
show the partial result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..debrief.record import GameRecord
from ..model import Directives, Game
from ..model.game import Band, band
from ..scenario import Scenario
from ..session import Session

OUTLOOK_METRICS = (
    "steel_mt",
    "grain_harvest_mt",
    "food_per_head_rural_t",
    "famine_deaths_m",
    "urban_real_wage_index",
    "unrest",
    "tanks",
)
Orders = Callable[[int], Directives]


def kept(directives: Directives, fixed: Orders | None = None, fixed_fields: tuple[str, ...] = ()) -> Orders:
    """The directives kept, year after year: projects are started once (in the first year), and the
    levers the player does not hold (`fixed_fields`) follow `fixed(year)`, history's policy."""
    first: list[int] = []

    def orders(year: int) -> Directives:
        if not first:
            first.append(year)
        update: dict = {} if year == first[0] else {"projects": ()}
        if fixed is not None and fixed_fields:
            history = fixed(year)
            update.update({name: getattr(history, name) for name in fixed_fields})
        return directives.model_copy(update=update) if update else directives

    return orders


def plan_horizon(game: Game) -> int:
    """Years from now to the end of the current plan (at least 1), within the scenario."""
    plan = game.world.plan_for(game.year)
    end = plan.end if plan is not None else game.world.last_year
    return max(1, min(end, game.world.last_year) - game.year + 1)


@dataclass
class OutlookRun:
    """An outlook in the making: `step()` adds one weather draw; `result()` at any time."""

    game: Game
    orders: Orders
    years: int
    draws: int
    history: dict[str, dict[int, float]] = field(default_factory=dict)  # metric -> year -> value
    readiness: Callable[[list[dict[str, float]]], float] | None = None  # the scorecard's, at the end
    done: int = 0
    _samples: dict[str, list[list[float]]] = field(init=False, default_factory=dict)  # metric -> year -> draws
    _years: list[int] = field(init=False, default_factory=list)
    _readiness: list[float] = field(init=False, default_factory=list)

    def step(self) -> bool:
        """Compute one more draw; False once all are done."""
        if self.done >= self.draws:
            return False
        self.done += 1
        records = self.game.project(self.orders, self.years, draw=self.done)
        if not self._years:
            self._years = [int(r["year"]) for r in records]
            self._samples = {m: [[] for _ in records] for m in OUTLOOK_METRICS}
        for i, record in enumerate(records[:len(self._years)]):
            for metric in OUTLOOK_METRICS:
                self._samples[metric][i].append(record[metric])
        if self.readiness is not None and records:
            self._readiness.append(self.readiness(records))
        return self.done < self.draws

    def run(self) -> Outlook:
        while self.step():
            pass
        return self.result()

    def result(self) -> Outlook:
        bands = {m: tuple(band(values) for values in per_year) for m, per_year in self._samples.items()}
        history = {m: tuple(self.history.get(m, {}).get(y) for y in self._years) for m in OUTLOOK_METRICS}
        readiness = band(self._readiness) if self._readiness else None
        return Outlook(tuple(self._years), self.done, self.draws, bands, history, readiness)


@dataclass(frozen=True)
class Outlook:
    years: tuple[int, ...]
    done: int            # draws computed so far
    draws: int           # draws asked for
    bands: dict[str, tuple[Band, ...]]        # metric -> a band per year
    history: dict[str, tuple[float | None, ...]]  # metric -> history's figure per year (None: unknown)
    readiness: Band | None = None  # war readiness on the scorecard, were the game to end after the outlook

    @property
    def complete(self) -> bool:
        return self.done >= self.draws

    def delta(self, other: Outlook) -> dict[str, tuple[float, ...]]:
        """The change of each median against `other`, year by year (the years both cover)."""
        count = min(len(self.years), len(other.years))
        out = {m: tuple(self.bands[m][i].median - other.bands[m][i].median for i in range(count))
               for m in OUTLOOK_METRICS if m in other.bands}
        if self.readiness is not None and other.readiness is not None:
            out["war_readiness"] = (self.readiness.median - other.readiness.median,)
        return out

    def as_json(self, against: Outlook | None = None) -> dict:
        out: dict = {"years": list(self.years), "draws": self.done, "metrics": {}}
        delta = self.delta(against) if against is not None else None
        for metric, bands in self.bands.items():
            out["metrics"][metric] = {
                "low": [b.low for b in bands], "median": [b.median for b in bands], "high": [b.high for b in bands],
                "history": list(self.history[metric]),
                **({"delta": list(delta[metric])} if delta is not None else {}),
            }
        if self.readiness is not None:
            out["war_readiness"] = {"low": self.readiness.low, "median": self.readiness.median,
                                    "high": self.readiness.high,
                                    **({"delta": delta["war_readiness"][0]} if delta and "war_readiness" in delta
                                       else {})}
        return out


def outlook(game: Game, orders: Orders, years: int, draws: int,
            history: dict[str, dict[int, float]] | None = None,
            readiness: Callable[[list[dict[str, float]]], float] | None = None) -> Outlook:
    return OutlookRun(game, orders, years, draws, history or {}, readiness).run()


def readiness_after(session: Session, scenario: Scenario) -> Callable[[list[dict[str, float]]], float]:
    """War readiness as the debrief's scorecard would give it, were the game to end after the
    projected years: the played years and the projection, with the flags raised so far."""
    from ..debrief.record import from_session
    from ..debrief.scorecard import score

    played = from_session(session, scenario) if session.records else None

    def readiness(projected: list[dict[str, float]]) -> float:
        if played is None:
            record = GameRecord(scenario=scenario, records=list(projected), events=[],
                                flags=tuple(session.game.state.flags))
        else:
            record = replace(played, records=[*played.records, *projected], finished=False)
        return score(record)["war_readiness"].value

    return readiness


def history_by_year(records: list[dict[str, float]]) -> dict[str, dict[int, float]]:
    """History's course in the model (the baseline game's records), metric -> year -> value."""
    return {m: {int(r["year"]): r[m] for r in records} for m in OUTLOOK_METRICS}
