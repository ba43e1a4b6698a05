"""The debrief of a game: the player's record beside history's, section by section, as plain data.

`build(game)` reads a GameRecord (see record.py) and returns a `Debrief`: the scorecard, the 1941
epilogue, the charts' data, the plan tables, the decision timeline, every event with what actually
happened, the human-cost ledger, three discussion questions, the historians' perspectives and the
sources. Nothing here draws or writes files: html.py renders it, results.py exports it, and the
game window can show the same data.

Every number on the player's side is read from the game's records; every historical figure
carries its source and confidence tag (Figure, reference.py).
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, field, replace

from .. import __version__
from ..events.aftermath import Names, describe
from ..events.engine import historical_choice
from ..events.schema import Event
from ..model.directives import REPRESSION_LEVELS
from ..model.metrics import BY_NAME, TARGET_METRIC
from . import fmt
from .citations import works
from .narrative import (
    WAR_YEAR,
    Epilogue,
    Perspective,
    Question,
    choose_epilogue,
    choose_questions,
    perspectives,
)
from .record import GameRecord
from .reference import (
    Figure,
    debrief_sources,
    history_points,
    history_value_by,
    human_cost,
)
from .regional_map import FamineMap, GameRegions, famine_map, region_names
from .scorecard import AXES, AxisValue, cut_baseline, score

FAMINE_SHOWN_M = 0.005   # below this (5,000 deaths over the game) the game had no famine to chart


# --- the parts ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One of the player's series on a chart."""

    label: str
    metric: str
    points: tuple[tuple[int, float], ...]
    kind: str = "real"          # real | reported | other


@dataclass(frozen=True)
class Marks:
    """History's points on a chart, each a Figure (source, tag)."""

    label: str
    points: tuple[Figure, ...]
    source: str


@dataclass(frozen=True)
class Band:
    """History's range: between a low and a high estimate per year."""

    label: str
    points: tuple[tuple[int, float, float], ...]
    source: str


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    unit: str
    lines: tuple[Line, ...]
    marks: tuple[Marks, ...] = ()
    band: Band | None = None
    note: str = ""

    @property
    def sources(self) -> list[str]:
        found = [m.source for m in self.marks] + ([self.band.source] if self.band else [])
        return list(dict.fromkeys(s for s in found if s))


@dataclass(frozen=True)
class PlanRow:
    key: str
    label: str
    unit: str
    target: float | None            # the target the game ran under
    history_target: float | None    # what the plan actually set
    reported: float | None          # what the player's regime reported for the plan's last year
    real: float                     # the record
    history_output: Figure | None   # what the country actually produced

    @property
    def fulfilment(self) -> float | None:
        return self.real / self.target if self.target else None


@dataclass(frozen=True)
class PlanTable:
    id: str
    name: str
    start: int
    end: int
    year: int                       # the year whose output is compared (the plan's last year played)
    complete: bool                  # the game reached the plan's last year
    rows: tuple[PlanRow, ...]
    note: str = ""


@dataclass(frozen=True)
class CardChoice:
    event: str
    title: str
    choice: str
    historical: bool
    aftermath: tuple[str, ...] = ()  # what the answer did (events/aftermath.py)


@dataclass(frozen=True)
class TimelineEntry:
    year: int
    changes: tuple[str, ...]
    cards: tuple[CardChoice, ...]
    followed: tuple[str, ...]


@dataclass(frozen=True)
class EventEntry:
    year: int
    id: str
    title: str
    choice_id: str
    choice: str
    historical_choice: str
    was_historical: bool
    history: str
    sources: tuple[str, ...]
    tags: tuple[str, ...]
    reveal: str
    aftermath: tuple[str, ...] = ()


@dataclass(frozen=True)
class LedgerRow:
    id: str
    label: str
    player: float                    # in the row's unit
    unit: str
    player_text: str
    history_text: str
    figures: tuple[Figure, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Ledger:
    rows: tuple[LedgerRow, ...]
    famine_total_m: float
    famine_by_year: tuple[tuple[int, float], ...]
    famine_estimates: tuple[tuple[str, str, str], ...]   # (value, who, tag)
    famine_regions: tuple[str, ...]
    famine_coming_m: float | None
    had_famine: bool
    # The game's famine deaths by region, most first: (the region's name, deaths over the game, M).
    famine_by_region: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class Axis:
    id: str
    name: str
    unit: str
    decimals: int
    formula: str
    value: float
    history: float | None
    parts: dict = field(default_factory=dict)
    history_parts: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Meta:
    scenario_id: str
    scenario_name: str
    scenario_version: str
    game_version: str
    seed: int
    weather: str
    policy: str | None
    mods: tuple[str, ...]
    ending: str | None
    finished: bool
    first_year: int
    last_year: int
    source: str
    player: str | None = None
    lesson: str | None = None
    locked: bool | None = None      # played with undo switched off (assessment); None: not known
    undos: int = 0                  # years taken back

    @property
    def simulated(self) -> bool:
        return self.source == "simulate"

    @property
    def owner(self) -> str:
        """Whose game the page is about: "Your game", or the policy of a simulated run."""
        return f"The {self.policy or 'default'} policy" if self.simulated else "Your game"

    @property
    def lock_text(self) -> str:
        """How the game was played, for the page's header; empty for a simulated run."""
        if self.simulated or self.locked is None:
            return ""
        if self.locked:
            return "played locked: undo switched off (assessment), no year taken back"
        if self.undos:
            return f"undo allowed: {self.undos} year{'s' * (self.undos != 1)} taken back"
        return "undo allowed (not locked): no year taken back"


@dataclass(frozen=True)
class Debrief:
    meta: Meta
    scorecard: tuple[Axis, ...]
    epilogue: Epilogue
    charts: tuple[Chart, ...]
    plans: tuple[PlanTable, ...]
    timeline: tuple[TimelineEntry, ...]
    events: tuple[EventEntry, ...]
    ledger: Ledger
    questions: tuple[Question, ...]
    perspectives: tuple[Perspective, ...]
    sources: tuple[str, ...]
    notices: tuple[str, ...]
    history_basis: str
    famine_map: FamineMap | None = None    # the famine region by region, for a printed map

    def axis(self, axis_id: str) -> Axis:
        return next(a for a in self.scorecard if a.id == axis_id)

    def chart(self, chart_id: str) -> Chart | None:
        return next((c for c in self.charts if c.id == chart_id), None)

    def plan(self, plan_id: str) -> PlanTable | None:
        return next((p for p in self.plans if p.id == plan_id), None)

    def as_json(self) -> dict:
        """Everything, as plain JSON-ready data (the UI may read this instead of the objects)."""
        return _plain(asdict(self))


def _plain(value: object) -> object:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


# --- building it --------------------------------------------------------------------------


def build(game: GameRecord, player: str | None = None, history: GameRecord | None = None) -> Debrief:
    """The whole debrief of a game (finished, or cut at the end of a plan with game.until).

    `history` is the historical policy's whole game in the same model (game.headless.baseline),
    for the scorecard's history column and the questions; without it those stay empty."""
    baseline = cut_baseline(history, game.first_year, game.last_year)
    scores = score(game)
    history_scores = score(baseline) if baseline is not None else None
    axes = tuple(_axis(spec, scores[spec.id], history_scores.get(spec.id) if history_scores else None, game.last_year)
                 for spec in AXES)
    deck = {e.id: e for e in game.scenario.events}
    ledger = _ledger(game)
    epilogue = choose_epilogue(game, scores["war_readiness"].value,
                               history_scores["war_readiness"].value if history_scores else None)
    names = Names.of(game.scenario)
    events = tuple(_event_entry(card, deck.get(card.id), names) for card in game.events)
    questions = tuple(choose_questions(game, scores, history_scores, baseline, ledger.had_famine))
    if game.source == "simulate":  # a simulated run is no one's own game: its texts name the policy
        questions = tuple(replace(q, lead=_third_person(q.lead, game.policy), text=_third_person(q.text, game.policy))
                          for q in questions)
        epilogue = replace(epilogue, paragraphs=tuple(replace(p, text=_third_person(p.text, game.policy))
                                                      for p in epilogue.paragraphs))
    views = tuple(perspectives(game.scenario))
    charts = tuple(_charts(game, ledger.had_famine))
    plans = tuple(_plans(game))
    meta = Meta(
        scenario_id=game.scenario.id, scenario_name=game.scenario.name, scenario_version=game.scenario.version,
        game_version=__version__, seed=game.seed, weather=game.weather, policy=game.policy, mods=tuple(game.mods),
        ending=game.ending, finished=game.finished, first_year=game.first_year, last_year=game.last_year,
        source=game.source, player=(player or None), lesson=game.lesson, locked=game.locked, undos=game.undos,
    )
    sources = _sources(charts, plans, events, epilogue, views)
    basis = ("History's column on the scorecard is the same model run with the historical policy under the "
             "historical weather (the bundled Great Turn scenario, no mods)"
             + (f", over {game.first_year}-{game.last_year}" if baseline is not None else "")
             + ". The charts, plan tables and ledger show history's own figures, each with its source.")
    notices = list(game.notices)
    if not game.finished:
        notices.append(f"the game is not finished: this debrief covers {game.first_year}-{game.last_year}")
    return Debrief(meta, axes, epilogue, charts, plans, tuple(_timeline(game, deck, names)), events, ledger,
                   questions, views, sources, tuple(notices), basis, _famine_map(game, baseline))


def _famine_map(game: GameRecord, baseline: GameRecord | None) -> FamineMap | None:
    """The famine by region on the scenario's map, the game's beside history's over the same years
    (none for a game without regions or a scenario without a map)."""
    if game.scenario.map is None or not game.regions or not game.records:
        return None
    yours = GameRegions.of(game.years, game.regions, game.records)
    theirs = (GameRegions.of(baseline.years, baseline.regions, baseline.records)
              if baseline is not None and baseline.regions else None)
    return famine_map(game.scenario.map, region_names(game.scenario), yours, theirs)


def _axis(spec, mine: AxisValue, theirs: AxisValue | None, last_year: int) -> Axis:
    name = spec.name
    if spec.id == "war_readiness" and last_year < WAR_YEAR:
        name = f"War readiness, end of {last_year}"
    return Axis(spec.id, name, spec.unit, spec.decimals, spec.formula, mine.value,
                theirs.value if theirs else None, dict(mine.parts), dict(theirs.parts) if theirs else {})


# --- charts -------------------------------------------------------------------------------


def _line(game: GameRecord, metric: str, label: str, kind: str = "real") -> Line:
    return Line(label, metric, tuple(zip(game.years, game.series(metric), strict=True)), kind)


def _marks(game: GameRecord, series_id: str, label: str | None = None) -> tuple[Marks, ...]:
    series = game.scenario.history.get(series_id)
    if series is None:
        return ()
    return (Marks(label or series.label, tuple(history_points(game.scenario, series_id)), series.source),)


def _own(game: GameRecord, yours: str, plain: str) -> str:
    """A chart line's label: the player's ("Your steel output") or, for a simulated run, the
    policy's ("Steel output, historical policy")."""
    return f"{plain}, {game.policy or 'default'} policy" if game.source == "simulate" else yours


def _third_person(text: str, policy: str | None) -> str:
    """A question's lead about a simulated run: "Your game deported" -> "The historical run deported"."""
    run = f"the {policy or 'default'} run"
    text = re.sub(r"\bYour game\b", run.capitalize(), text)
    text = re.sub(r"\byour game\b", run, text)
    text = re.sub(r"\bYour\b", run.capitalize() + "'s", text)
    return re.sub(r"\byour\b", run + "'s", text)


def _charts(game: GameRecord, had_famine: bool) -> list[Chart]:
    s = game.scenario
    charts = [
        Chart("steel", "Steel", "Mt", (_line(game, "steel_mt", _own(game, "Your steel output", "Steel output")),), _marks(game, "steel_mt", "History")),
        Chart("coal", "Coal", "Mt", (_line(game, "coal_mt", _own(game, "Your coal output", "Coal output")),), _marks(game, "coal_mt", "History")),
        Chart("electricity", "Electricity", "bn kWh",
              (_line(game, "electricity_bn_kwh", _own(game, "Your electricity", "Electricity")),), _marks(game, "electricity_bn_kwh", "History")),
    ]
    low, high = s.history.get("harvest_low_mt"), s.history.get("harvest_revised_mt")
    band = None
    if low is not None and high is not None:
        years = sorted(set(low.values) & set(high.values))
        band = Band("History: between the low estimate and the revised figure",
                    tuple((y, float(min(low.values[y], high.values[y])), float(max(low.values[y], high.values[y])))
                          for y in years), high.source)
    charts.append(Chart(
        "grain", "Grain harvest: real and reported", "Mt",
        (_line(game, "grain_harvest_mt", _own(game, "Your real (barn) harvest", "Real (barn) harvest")),
         _line(game, "grain_harvest_reported_mt", _own(game, "Your reported harvest", "Reported harvest"), "reported")),
        _marks(game, "harvest_official_mt", "History: official figure, as published"), band,
        "From 1933 the official figure was the 'biological yield' in the field, not the grain in the barn."))
    charts.append(Chart("cattle", "Cattle", "million head", (_line(game, "cattle_m", _own(game, "Your cattle", "Cattle")),),
                        _marks(game, "cattle_summer_m", "History (summer count)")))
    charts.append(Chart("urban", "Urban population", "million people",
                        (_line(game, "urban_population_m", _own(game, "Your urban population", "Urban population")),),
                        _marks(game, "urban_population_m", "History (censuses)"),
                        note="History's census points fall in January 1939 (and in December 1926, before the game's "
                             "first year); the model counts at each year's end."))
    charts.append(Chart("living", "Living standards", "index, 1928 = 100",
                        (_line(game, "urban_real_wage_index", _own(game, "Your urban real wage", "Urban real wage")),
                         _line(game, "consumption_per_capita_index", _own(game, "Your consumption per head", "Consumption per head"), "other")),
                        _marks(game, "urban_real_wage_index", "History: urban real wage"),
                        note="Per-head figures rise when people die: read them beside the human cost."))
    if had_famine:
        running, total = [], 0.0
        for year, deaths in zip(game.years, game.series("famine_deaths_m"), strict=True):
            total += deaths
            running.append((year, total))
        ref = human_cost()
        band_years = [y for y in game.years if y >= 1933]
        famine_band = Band(f"History: estimates of the 1931-33 total ({fmt.num(ref.famine_low_m, 1)} to "
                           f"{fmt.num(ref.famine_high_m, 1)} million)",
                           tuple((y, ref.famine_low_m, ref.famine_high_m) for y in band_years),
                           "; ".join(e.who for e in ref.famine_estimates)) if band_years else None
        charts.append(Chart("famine", "Famine deaths, added up since the first year", "million people",
                            (Line(_own(game, "Your famine deaths, running total", "Famine deaths, running total"), "famine_deaths_m", tuple(running)),),
                            band=famine_band,
                            note="History has no agreed year-by-year series; the band is the range of estimates "
                                 "of the whole famine of 1931-33."))
    return charts


# --- plans --------------------------------------------------------------------------------

HISTORY_OF_TARGET = {"grain_mt": "harvest_revised_mt"}
"""Plan target -> the history series of its real output, where it is not named like the metric."""


def _target_row(key: str) -> tuple[str, str, str, str | None, str | None]:
    """(label, unit, real metric, reported metric, history series) of a plan target."""
    metric = BY_NAME[TARGET_METRIC[key]]
    history_id = HISTORY_OF_TARGET.get(key, metric.name if metric.reported else None)
    return metric.label, metric.unit, metric.name, metric.reported, history_id


def _plans(game: GameRecord) -> list[PlanTable]:
    tables = []
    for plan in game.scenario.plans:
        if plan.start > game.last_year:
            continue
        year = min(plan.end, game.last_year)
        record = game.at(year)
        if record is None:
            continue
        targets = game.targets.get(plan.id, dict(plan.historical_targets))
        keys = [k for k in TARGET_METRIC if k in targets or k in plan.historical_targets]
        rows = []
        for key in keys:
            label, unit, real_metric, reported_metric, history_id = _target_row(key)
            output = history_value_by(game.scenario, history_id, year, plan.start) if history_id else None
            rows.append(PlanRow(
                key, label, unit, targets.get(key), plan.historical_targets.get(key),
                float(record[reported_metric]) if reported_metric else None, float(record[real_metric]), output))
        complete = game.last_year >= plan.end
        notes = []
        if not complete:
            notes.append(f"The game ended in {game.last_year}, before the plan's last year ({plan.end}): "
                         f"the table compares the output of {year}.")
        if not game.targets_known:
            notes.append("The targets the game ran under are not recorded in this file; history's are shown.")
        tables.append(PlanTable(plan.id, plan.name, plan.start, plan.end, year, complete, tuple(rows), " ".join(notes)))
    return tables


# --- timeline -----------------------------------------------------------------------------


def _level(value: float) -> str:
    index = int(round(value))
    return REPRESSION_LEVELS[index] if 0 <= index < len(REPRESSION_LEVELS) else fmt.num(value, 0)


def _changes(game: GameRecord, i: int) -> list[str]:
    now = game.records[i]
    year = game.years[i]
    orders = game.directives.get(year, {})
    if i == 0:
        changes = [
            f"Starting course: investment {fmt.pct(now['investment_rate'])} of national income, procurement "
            f"{fmt.num(now['grain_procurement_mt'])} Mt, exports {fmt.num(now['grain_exports_mt'], 2)} Mt, "
            f"repression {_level(now['repression_level'])}, {fmt.pct(now['collectivization'])} of households "
            f"in collective farms" + (", dekulakization ordered" if now["dekulakization"] > 0.5 else "")]
    else:
        before = game.records[i - 1]
        changes = []
        d = now["investment_rate"] - before["investment_rate"]
        if abs(d) >= 0.04:
            changes.append(f"Investment {'raised' if d > 0 else 'cut'} from {fmt.pct(before['investment_rate'])} "
                           f"to {fmt.pct(now['investment_rate'])} of national income")
        if round(now["repression_level"]) != round(before["repression_level"]):
            up = now["repression_level"] > before["repression_level"]
            changes.append(f"Repression {'raised' if up else 'eased'} from {_level(before['repression_level'])} "
                           f"to {_level(now['repression_level'])}")
        if (now["dekulakization"] > 0.5) != (before["dekulakization"] > 0.5):
            changes.append("Dekulakization ordered: households classed as kulaks deported"
                           if now["dekulakization"] > 0.5 else "Dekulakization stopped")
        d = now["collectivization"] - before["collectivization"]
        if d >= 0.10 or d <= -0.05:
            changes.append(f"Collective farms {'grew' if d > 0 else 'shrank'} from {fmt.pct(before['collectivization'])} "
                           f"to {fmt.pct(now['collectivization'])} of households")
        d = now["grain_exports_mt"] - before["grain_exports_mt"]
        if abs(d) >= 1.0:
            changes.append(f"Grain exports {'raised' if d > 0 else 'cut'} from {fmt.num(before['grain_exports_mt'], 2)} "
                           f"to {fmt.num(now['grain_exports_mt'], 2)} Mt")
        d = now["grain_procurement_mt"] - before["grain_procurement_mt"]
        if abs(d) >= max(3.0, 0.2 * before["grain_procurement_mt"]):
            changes.append(f"Grain procurement {'raised' if d > 0 else 'cut'} from "
                           f"{fmt.num(before['grain_procurement_mt'])} to {fmt.num(now['grain_procurement_mt'])} Mt")
    projects = [p.name for pid in orders.get("projects", ()) for p in game.scenario.projects if p.id == pid]
    if projects:
        changes.append("Construction started: " + ", ".join(projects))
    for plan_id, values in orders.get("targets", {}).items():
        plan = next((p for p in game.scenario.plans if p.id == plan_id), None)
        if plan is None:
            continue
        raised = [f"{_target_row(k)[0].lower()} {fmt.num(v)} (history {fmt.num(plan.historical_targets[k])})"
                  for k, v in values.items() if k in TARGET_METRIC and k in plan.historical_targets
                  and abs(v - plan.historical_targets[k]) > 0.05 * plan.historical_targets[k]]
        if raised:
            changes.append(f"Targets of the {plan.name} set: " + ", ".join(raised))
    return changes


def _followed(game: GameRecord, i: int, until: int, deck: dict[str, Event]) -> list[str]:
    """What came of year i's choices: outcomes from year i to `until` (before the next entry),
    and the triggered cards of the next January."""
    out = []
    for j in range(i, min(until, i + 1) + 1):
        if j >= len(game.records):
            break
        now, year = game.records[j], game.years[j]
        if now["famine_deaths_m"] >= 0.05:
            out.append(f"{year}: {fmt.people(now['famine_deaths_m'])} excess deaths from famine")
        if now["deported_m"] >= 0.05:
            out.append(f"{year}: {fmt.people(now['deported_m'])} people deported as kulaks")
        if now["executions_k"] >= 20:
            out.append(f"{year}: {fmt.people(now['executions_k'] / 1000)} executions")
        before = game.records[j - 1] if j > 0 else None
        if before is not None and now["cattle_m"] < 0.9 * before["cattle_m"]:
            out.append(f"{year}: cattle fell from {fmt.num(before['cattle_m'])} to {fmt.num(now['cattle_m'])} million")
        if now["unrest"] >= 0.5:
            out.append(f"{year}: visible unrest reached {fmt.num(now['unrest'], 2)} (1 = revolt)")
    if i + 1 < len(game.records) or not game.finished:
        nxt = game.years[i] + 1
        for card in game.events:
            event = deck.get(card.id)
            if card.year == nxt and event is not None and event.trigger is not None and event.when is None:
                out.append(f"January {nxt}: the card \u201c{event.title}\u201d came up")
    return list(dict.fromkeys(out))


def _timeline(game: GameRecord, deck: dict[str, Event], names: Names) -> list[TimelineEntry]:
    """The years of big choices: the start, and every year a directive moved a long way."""
    big = [(i, changes) for i, changes in ((i, _changes(game, i)) for i in range(len(game.records))) if changes]
    entries = []
    for n, (i, changes) in enumerate(big):
        year = game.years[i]
        until = big[n + 1][0] - 1 if n + 1 < len(big) else len(game.records) - 1
        cards = tuple(_card_choice(card, deck.get(card.id), names) for card in game.events if card.year == year)
        entries.append(TimelineEntry(year, tuple(changes), cards, tuple(_followed(game, i, until, deck))))
    return entries


def _card_choice(card, event: Event | None, names: Names) -> CardChoice:
    aftermath = describe(card.effects, names)
    if event is None:
        return CardChoice(card.id, card.id, card.choice, False, aftermath)
    choice = next((c for c in event.choices if c.id == card.choice), None)
    return CardChoice(card.id, event.title, choice.label if choice else card.choice, bool(choice and choice.historical),
                      aftermath)


# --- events -------------------------------------------------------------------------------


def _event_entry(card, event: Event | None, names: Names) -> EventEntry:
    aftermath = describe(card.effects, names)
    if event is None:
        return EventEntry(card.year, card.id, card.id, card.choice, card.choice, "", False,
                          "This event is not in the scenario as loaded now (a mod that is missing?).", (),
                          tuple(card.tags), "immediately", aftermath)
    choice = next((c for c in event.choices if c.id == card.choice), None)
    hist = historical_choice(event)
    return EventEntry(
        card.year, event.id, event.title, card.choice, choice.label if choice else card.choice,
        hist.label if hist else "", bool(choice and choice.historical),
        event.history.text if event.history else "", tuple(event.history.sources) if event.history else (),
        tuple(event.tags), event.reveal, aftermath)


# --- the human cost -----------------------------------------------------------------------


def _in(game: GameRecord, metric: str, first: int, last: int) -> float:
    return math.fsum(float(r[metric]) for r in game.records if first <= int(r["year"]) <= last)


def _ledger(game: GameRecord) -> Ledger:
    ref = human_cost()
    famine = game.series("famine_deaths_m")
    famine_total = math.fsum(famine)
    had_famine = famine_total >= FAMINE_SHOWN_M
    by_year = tuple((y, v) for y, v in zip(game.years, famine, strict=True) if v >= 0.0005)
    rows = []
    if had_famine:
        peak = max(range(len(famine)), key=famine.__getitem__)
        player_text = (f"{fmt.people(famine_total)} over the game; the worst year was {game.years[peak]} "
                       f"({fmt.people(famine[peak])})")
    else:
        player_text = "None"
    rows.append(LedgerRow(
        "famine", "Excess deaths from famine", famine_total, "million", player_text,
        f"{fmt.num(ref.famine_low_m, 1)} to {fmt.num(ref.famine_high_m, 1)} million in 1931-33 (the range of "
        f"estimates; see below)"))
    deported = math.fsum(game.series("deported_m"))
    rows.append(LedgerRow(
        "deported", "Deported as kulaks", deported, "million",
        fmt.people(deported) if deported >= 0.0005 else "None",
        f"{fmt.people(ref.deported_persons.value / 1e6)} people ({fmt.num(ref.deported_families.value, 0)} families) in 1930-31",
        (ref.deported_persons,)))
    dep_deaths = math.fsum(game.series("deportation_deaths_k")) / 1000.0
    rows.append(LedgerRow(
        "deportation_deaths", "Deaths among deportees", dep_deaths, "million",
        fmt.people(dep_deaths) if dep_deaths >= 0.0005 else "None",
        f"{fmt.figure(ref.deportation_deaths_1930_31, 0)} in 1930-31; "
        f"{fmt.figure(ref.deportation_deaths_1932_40, 0)} in 1932-40",
        (ref.deportation_deaths_1930_31, ref.deportation_deaths_1932_40)))
    arrests = math.fsum(game.series("arrests_k")) / 1000.0
    arrests_terror = _in(game, "arrests_k", 1937, 1938) / 1000.0
    rows.append(LedgerRow(
        "arrests", "Arrests by the security organs", arrests, "million",
        f"{fmt.people(arrests)} over the game" + (f", {fmt.people(arrests_terror)} of them in 1937-38"
                                                   if game.last_year >= 1937 else ""),
        f"{fmt.figure(ref.arrests_1937_38, 0)} in 1937-38 alone", (ref.arrests_1937_38,)))
    executions = math.fsum(game.series("executions_k")) / 1000.0
    executions_terror = _in(game, "executions_k", 1937, 1938) / 1000.0
    rows.append(LedgerRow(
        "executions", "Executions", executions, "million",
        f"{fmt.people(executions)} over the game" + (f", {fmt.people(executions_terror)} of them in 1937-38"
                                                      if game.last_year >= 1937 else ""),
        f"{fmt.figure(ref.executions_1937_38, 0)} in 1937-38 (of them {fmt.figure(ref.executions_1937, 0)} in 1937)",
        (ref.executions_1937_38, ref.executions_1937)))
    gulag = game.series("gulag_m")
    peak = max(range(len(gulag)), key=gulag.__getitem__)
    rows.append(LedgerRow(
        "gulag", "Prisoners in camps and colonies", gulag[-1], "million",
        f"{fmt.people(gulag[-1])} at the end of {game.last_year}; the most, {fmt.people(gulag[peak])}, "
        f"at the end of {game.years[peak]}",
        "; ".join(f"{fmt.figure(f, 2)} million on 1 January {f.year}" for f in ref.gulag_jan1),
        ref.gulag_jan1))
    camp_deaths = math.fsum(game.series("gulag_deaths_k")) / 1000.0
    rows.append(LedgerRow(
        "camp_deaths", "Deaths in the camps and colonies", camp_deaths, "million",
        fmt.people(camp_deaths) if camp_deaths >= 0.0005 else "None",
        "Not in the game's reference figures; see O. Khlevniuk, The History of the Gulag (2004)"))
    total = famine_total + dep_deaths + executions + camp_deaths
    rows.append(LedgerRow(
        "all_deaths", "All these excess deaths together", total, "million", fmt.people(total),
        "No single agreed figure: it depends on what is counted and on the famine estimate"))
    coming = game.famine_deaths_coming_m
    return Ledger(
        tuple(rows), famine_total, by_year,
        tuple((e.text, e.who, e.tag) for e in ref.famine_estimates),
        (f"Ukraine: {ref.famine_ukraine}", f"Kazakhstan: {ref.famine_kazakhstan}"),
        coming if coming is not None and coming >= 0.0005 else None, had_famine, famine_by_region(game))


def famine_by_region(game: GameRecord) -> tuple[tuple[str, float], ...]:
    """The game's famine deaths region by region, the regions with any deaths, most first."""
    names = {rid: r.name for rid, r in game.scenario.parameters.regions.regions.items()}
    totals = [(names.get(region, region), math.fsum(figures.get("famine_deaths_m", ())))
              for region, figures in game.regions.items()]
    return tuple(sorted(((name, deaths) for name, deaths in totals if deaths >= FAMINE_SHOWN_M / 10),
                        key=lambda item: -item[1]))


# --- sources ------------------------------------------------------------------------------


def _sources(charts, plans, events, epilogue: Epilogue, views) -> tuple[str, ...]:
    found: list[str] = list(debrief_sources())
    for chart in charts:
        found.extend(chart.sources)
    for table in plans:
        found.extend(r.history_output.source for r in table.rows if r.history_output is not None)
    for entry in events:
        found.extend(entry.sources)
    for paragraph in epilogue.paragraphs:
        found.extend(paragraph.sources)
    for view in views:
        for position in view.positions:
            found.extend(position.sources)
        found.extend(view.note_sources)
    ref = human_cost()
    found.extend([ref.deported_persons.source, ref.executions_1937_38.source])
    found.extend(e.who for e in ref.famine_estimates)
    return tuple(works(found))

