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

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..debrief.record import GameRecord
from ..errors import UserError
from ..model import Directives, Game
from ..model.game import Band, band
from ..model.metrics import BY_NAME
from ..scenario import Scenario
from ..scenario.policy import directives_by_year
from ..session import Session
from .simulator import Campaign, _load_policy, pick_choice, playable, run_policy

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

    def total(self, metric: str) -> Band:
        """A flow's total over the projected years, draw by draw (famine deaths over the horizon)."""
        per_year = self._samples.get(metric, [])
        # math.fsum, not sum: Python 3.12 made sum() of floats compensated, and the outlook must read
        # the same to the last digit on every Python the game supports.
        return band([math.fsum(draw) for draw in zip(*per_year, strict=False)] if per_year and per_year[0] else [0.0])

    def mean_total(self, metric: str) -> float:
        """A flow's total over the projected years, averaged over the draws done (a famine in a
        few bad weathers in ten moves the average, not the median)."""
        per_year = self._samples.get(metric, [])
        totals = [math.fsum(draw) for draw in zip(*per_year, strict=False)] if per_year and per_year[0] else [0.0]
        return math.fsum(totals) / len(totals)

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


# --- the outlook command ---------------------------------------------------------------------

DEFAULT_DRAWS = 60


class OutlookError(UserError):
    """An outlook that cannot be made: a year outside the game, no years or draws to project."""


def policy_orders(directives: dict[int, Directives], started: set[str]) -> Orders:
    """A policy's own directives year by year, without the projects started before the outlook
    (by the policy or by a card): a started project cannot be started again."""

    def orders(year: int) -> Directives:
        chosen = directives[year]
        if not started.intersection(chosen.projects):
            return chosen
        return chosen.model_copy(update={"projects": tuple(p for p in chosen.projects if p not in started)})

    return orders


def play_until(campaign: Campaign, year: int, seed: int, weather: str | None = None) -> Session:
    """The policy played (cards answered as it says) up to January of `year`, that January's cards
    answered too: the moment the year's directives would be given, and the outlook opened."""
    world = campaign.world
    if not world.first_year <= year <= world.last_year:
        raise OutlookError(f"--from {year}: the scenario {campaign.scenario.id} runs from {world.first_year} "
                           f"to {world.last_year}")
    session = Session(world, campaign.deck, seed=seed, weather_mode=campaign.weather(weather))
    while True:
        while pending := session.pending:
            event = pending[0]
            session.choose(event.id, pick_choice(campaign.policy, event, seed, session.year))
        if session.finished or session.year >= year:
            break
        session.play_year(playable(campaign.directives[session.year], session))
    if session.finished:
        raise OutlookError(f"--from {year}: under the policy {campaign.policy.name} the game ends before "
                           f"January {year} ({session.game.ending} in {session.year - 1})")
    return session


def policy_outlook(campaign: Campaign, year: int, years: int | None = None, draws: int = DEFAULT_DRAWS,
                   seed: int = 1, weather: str | None = None,
                   history: dict[str, dict[int, float]] | None = None,
                   readiness: bool = False) -> tuple[Outlook, Session]:
    """The `outlook` command: the policy played to January `year`, then its own directives
    projected `years` years on (default: to the end of the current plan) over `draws` random
    weathers; `readiness`: with the scorecard's war readiness were the game to end after the
    projected years. Returns the outlook and the game it starts from."""
    if years is not None and years < 1:
        raise OutlookError(f"--years must be at least 1, not {years}")
    if draws < 1:
        raise OutlookError(f"--draws must be at least 1, not {draws}")
    session = play_until(campaign, year, seed, weather)
    state = session.game.state
    started = set(state.projects_building) | set(state.projects_done)
    horizon = plan_horizon(session.game) if years is None else years
    score = readiness_after(session, campaign.scenario) if readiness else None
    run = OutlookRun(session.game, policy_orders(campaign.directives, started), horizon, draws, history or {}, score)
    return run.run(), session


def reference_campaign(campaign: Campaign) -> Campaign:
    """History's game in the model: the scenario's default policy (for great_turn, the historical
    one), with the campaign's scenario, content and mods."""
    scenario = campaign.scenario
    if campaign.policy.name == scenario.default_policy:
        return campaign
    policy, path = _load_policy(scenario.default_policy)
    return Campaign(scenario, campaign.world, policy, path, directives_by_year(policy, campaign.world, path),
                    campaign.deck, campaign.mods)


def baseline_history(campaign: Campaign, seed: int = 1) -> dict[str, dict[int, float]]:
    """History's course for the outlook's reference rows: the reference game in historical weather."""
    return history_by_year(run_policy(reference_campaign(campaign), seed, "historical").records)


def outlook_table(outlook: Outlook, title: str) -> str:
    """Metric rows by years: the median, the 10-90 % range, and history's figure."""
    width = 16
    label = 34
    lines = [title, f"{'':<{label + 9}}" + "".join(f"{year:>{width}}" for year in outlook.years)]
    for metric, bands in outlook.bands.items():
        info = BY_NAME[metric]
        unit = _unit(info.unit)
        name = f"{info.label}{f' ({unit})' if unit else ''}"
        show = _shower(info)
        rows = [
            ("median", [show(b.median) for b in bands]),
            ("10-90 %", [f"{show(b.low)}-{show(b.high)}" for b in bands]),
            ("history", ["-" if h is None else show(h) for h in outlook.history[metric]]),
        ]
        for i, (what, cells) in enumerate(rows):
            head = name if i == 0 else ""
            lines.append(f"{head:<{label}} {what:<8}" + "".join(f"{cell:>{width}}" for cell in cells))
    if outlook.readiness is not None:
        r = outlook.readiness
        lines.append(f"war readiness at the end: {r.median:.0f} (10-90 %: {r.low:.0f}-{r.high:.0f})")
    return "\n".join(lines)


def _unit(unit: str) -> str:
    return {"people": "million", "%": "%"}.get(unit, unit)


def _shower(info) -> Callable[[float], str]:
    digits = max(info.digits, 2) if info.unit in ("people", "t") else info.digits
    if info.unit == "%":
        return lambda v: f"{100.0 * v:.0f}"
    return lambda v: f"{v:,.{digits}f}"
