"""The debrief's words: the 1941 epilogue, the discussion questions and the historians'
perspectives. The texts live in the scenario (scenarios/common/perspectives.yaml and
debrief.yaml), so a mod or a translation can change them; this module only chooses among them and
fills in the player's own figures.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from ..events.template import Value
from ..scenario import Scenario
from . import fmt
from .record import GameRecord
from .reference import history_value, human_cost
from .scorecard import AxisValue

SOURCE_SEPARATOR = "|"
# War readiness minus history's value in the same model -> epilogue (the first band it falls in).
EPILOGUE_BANDS = ((-25.0, "epilogue.weak"), (-7.0, "epilogue.weaker"), (7.0, "epilogue.comparable"),
                  (math.inf, "epilogue.stronger"))
READINESS_FALLBACK = 90.0   # history's value in the bundled model, for a game history's run cannot cover
EPILOGUE_FLAGS = ("army_purged", "army_leadership_kept", "evacuation_improvised", "evacuation_prepared",
                  "eastern_relocation_begun", "frontier_alerted")
WAR_YEAR = 1941


@dataclass(frozen=True)
class Paragraph:
    text: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Epilogue:
    id: str
    readiness: float
    history: float | None
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Position:
    id: str
    authors: str
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Perspective:
    id: str
    title: str
    intro: str
    positions: tuple[Position, ...]
    note: str = ""
    note_sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    id: str
    text: str              # the scenario's discussion question
    lead: str              # what the player's own record says, with history's figure beside it
    tags: tuple[str, ...]
    yours: str = ""        # the player's figure, short
    history: str = ""      # history's figure, short, with its source


# --- texts ----------------------------------------------------------------------------------


def sources_of(texts: dict[str, str], text_id: str) -> tuple[str, ...]:
    raw = texts.get(f"{text_id}.sources", "")
    return tuple(" ".join(s.split()) for s in raw.split(SOURCE_SEPARATOR) if s.strip())


def _paragraph(scenario: Scenario, text_id: str, values: dict[str, Value]) -> Paragraph | None:
    """A text of the scenario with the game's figures filled in (game/events/template.py: no
    str.format, names and formats checked at load)."""
    template = scenario.templates.get(text_id)
    if template is None:
        if text_id not in scenario.texts:
            return None
        return Paragraph(" ".join(scenario.texts[text_id].split()), sources_of(scenario.texts, text_id))
    return Paragraph(template.render(values), sources_of(scenario.texts, text_id))


# --- the epilogue ---------------------------------------------------------------------------


def epilogue_id(game: GameRecord, readiness: float, history: float | None) -> str:
    if not game.finished:
        return "epilogue.not_yet"      # the game goes on: no epilogue yet
    if game.ending == "removed":
        return "epilogue.removed"
    if game.last_year < WAR_YEAR:
        return "epilogue.early_end"
    difference = readiness - (history if history is not None else READINESS_FALLBACK)
    return next(text_id for bound, text_id in EPILOGUE_BANDS if difference < bound)


def choose_epilogue(game: GameRecord, readiness: float, history: float | None) -> Epilogue:
    chosen = epilogue_id(game, readiness, history)
    # The names of EPILOGUE_NAMES (game/scenario/templates.py), which gives their formats.
    values: dict[str, Value] = {"year": game.last_year, "readiness": readiness,
                                "history": history if history is not None else "not available"}
    ids = [chosen]
    if chosen not in ("epilogue.removed", "epilogue.early_end", "epilogue.not_yet"):
        ids.insert(0, "epilogue.june_1941")
        ids.extend(f"epilogue.flag.{flag}" for flag in EPILOGUE_FLAGS if flag in game.flags)
    paragraphs = tuple(p for p in (_paragraph(game.scenario, i, values) for i in ids) if p is not None)
    return Epilogue(chosen, readiness, history, paragraphs)


# --- historians' perspectives ---------------------------------------------------------------


def _ids(raw: str) -> list[str]:
    return [part.strip() for part in raw.replace(";", ",").split(",") if part.strip()]


def perspectives(scenario: Scenario) -> list[Perspective]:
    texts = scenario.texts
    out = []
    for question in _ids(texts.get("perspective.order", "")):
        prefix = f"perspective.{question}"
        positions = []
        for author in _ids(texts.get(f"{prefix}.order", "")):
            key = f"{prefix}.{author}"
            if key in texts:
                positions.append(Position(author, " ".join(texts.get(f"{key}.authors", author).split()),
                                          " ".join(texts[key].split()), sources_of(texts, key)))
        if not positions:
            continue
        out.append(Perspective(question, " ".join(texts.get(f"{prefix}.title", question).split()),
                               " ".join(texts.get(f"{prefix}.intro", "").split()), tuple(positions),
                               " ".join(texts.get(f"{prefix}.note", "").split()), sources_of(texts, f"{prefix}.note")))
    return out


# --- discussion questions -------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    weight: float
    question: str
    lead: str
    yours: str = ""
    history: str = ""

    @property
    def theme(self) -> str:
        return THEMES.get(self.question, self.question)


# Questions on the same theme are not asked together (the second would repeat the first).
THEMES = {"collectivization_and_growth": "collectivization", "could_nep_continue": "collectivization",
          "who_was_a_kulak": "repression", "terror_and_1941": "repression",
          "workers_and_peasants": "living", "heavy_or_light": "living"}


def _hist(game: GameRecord, series_id: str, year: int, decimals: int, unit: str) -> str:
    fig = history_value(game.scenario, series_id, year)
    return fmt.figure(fig, decimals, unit) if fig is not None else ""


def _exports_while_hungry(game: GameRecord, ctx: dict) -> _Candidate | None:
    best = None
    for r in game.records:
        if r["share_below_subsistence"] >= 0.05 and r["grain_exports_mt"] >= 0.5:
            weight = r["grain_exports_mt"] * r["share_below_subsistence"]
            if best is None or weight > best[0]:
                best = (weight, r)
    if best is None:
        return None
    r = best[1]
    year = int(r["year"])
    hist = _hist(game, "grain_exports_mt", year, 2, "Mt")
    source = game.scenario.history["grain_exports_mt"].source if "grain_exports_mt" in game.scenario.history else ""
    lead = (f"In {year} your government exported {fmt.num(r['grain_exports_mt'], 2)} Mt of grain while "
            f"{fmt.pct(r['share_below_subsistence'])} of villagers were below subsistence."
            + (f" History's figure for {year}: {hist} exported ({source})." if hist else ""))
    return _Candidate(6.0 + 20.0 * best[0], "exports_and_hunger", lead,
                      f"{fmt.num(r['grain_exports_mt'], 2)} Mt in {year}", hist)


def _largest_famine(game: GameRecord, ctx: dict) -> _Candidate | None:
    deaths = game.series("famine_deaths_m")
    total = math.fsum(deaths)
    if not ctx["had_famine"]:
        return None
    peak = max(range(len(deaths)), key=deaths.__getitem__)
    year = game.years[peak]
    ref = human_cost()
    record = game.records[peak]
    lead = (f"Your largest famine came in {year}: {fmt.people(deaths[peak])} excess deaths, "
            f"{fmt.people(total)} over the whole game. In {year} you procured "
            f"{fmt.num(record['grain_procurement_mt'])} Mt and exported {fmt.num(record['grain_exports_mt'], 2)} Mt. "
            f"History: estimates of {fmt.num(ref.famine_low_m, 1)} to {fmt.num(ref.famine_high_m, 1)} million excess "
            f"deaths in 1931-33 (Davies & Wheatcroft, Kotkin, Conquest and Ellman; see the human cost).")
    question = "famine_1932" if year <= 1933 else "uncertain_numbers"
    return _Candidate(5.0 + total, question, lead, f"{fmt.people(deaths[peak])} in {year}",
                      f"{fmt.num(ref.famine_low_m, 1)}-{fmt.num(ref.famine_high_m, 1)} million in 1931-33")


def _collectivization_pace(game: GameRecord, ctx: dict) -> _Candidate | None:
    year = min(1932, game.last_year) if game.last_year >= 1930 else game.last_year
    record = game.at(year)
    fig = history_value(game.scenario, "collectivization", year)
    if record is None or fig is None:
        return None
    mine = record["collectivization"]
    hist = ("about " if fig.approximate else "") + fmt.pct(fig.value) + ("\u2248" if fig.approximate else "")
    lead = (f"By the end of {year}, {fmt.pct(mine)} of households were in collective farms in your game; "
            f"history: {hist} (mid-year, {game.scenario.history['collectivization'].source}).")
    base, theirs = ctx["scores"], ctx["history_scores"]
    if theirs:
        lead += (f" Your industrial power on the scorecard: {fmt.num(base['industrial_power'].value, 0)}; "
                 f"history's course in the model: {fmt.num(theirs['industrial_power'].value, 0)}.")
    return _Candidate(2.0 + 6.0 * abs(mine - fig.value), "collectivization_and_growth", lead,
                      f"{fmt.pct(mine)} in {year}", hist)


def _reported_gap(game: GameRecord, ctx: dict) -> _Candidate | None:
    best = None
    for r in game.records:
        real = r["grain_harvest_mt"]
        if real > 0:
            gap = (r["grain_harvest_reported_mt"] - real) / real
            if best is None or gap > best[0]:
                best = (gap, r)
    if best is None or best[0] < 0.05:
        return None
    gap, r = best
    year = int(r["year"])
    lead = (f"In {year} your regime reported a harvest of {fmt.num(r['grain_harvest_reported_mt'])} Mt; the barns "
            f"held {fmt.num(r['grain_harvest_mt'])} Mt: the report was {fmt.pct(gap)} above the real harvest. "
            f"History's widest gap: 1933, 89.8 Mt published against 68.4 Mt in the later revision, 31 % above "
            f"(Wheatcroft and Davies 1994).")
    return _Candidate(1.5 + 10.0 * gap, "reported_and_real", lead, f"{fmt.pct(gap)} above real, {year}",
                      "31 % above real, 1933")


def _deportations(game: GameRecord, ctx: dict) -> _Candidate | None:
    total = math.fsum(game.series("deported_m"))
    if total < 0.05:
        return None
    ref = human_cost()
    lead = (f"Your game deported {fmt.people(total)} people as kulaks. History: "
            f"{fmt.people(ref.deported_persons.value / 1e6)} in 1930-31 ({ref.deported_persons.source}).")
    return _Candidate(2.0 + 2.0 * total, "who_was_a_kulak", lead, fmt.people(total),
                      f"{fmt.people(ref.deported_persons.value / 1e6)} in 1930-31")


def _terror(game: GameRecord, ctx: dict) -> _Candidate | None:
    executions = math.fsum(game.series("executions_k")) / 1000.0
    harshest = max(game.series("repression_level"))
    if game.last_year < 1937 or (executions < 0.1 and harshest < 2.5):
        return None
    ref = human_cost()
    readiness = ctx["scores"]["war_readiness"].value
    lead = (f"Your security organs carried out {fmt.people(executions)} executions over the game. History: "
            f"{fmt.figure(ref.executions_1937_38, 0)} in 1937-38 alone ({ref.executions_1937_38.source}). "
            f"Your war readiness at the end: "
            f"{fmt.num(readiness, 0)}" + (" (the army's commanders were purged)" if "army_purged" in game.flags else "")
            + ".")
    return _Candidate(2.5 + 3.0 * executions, "terror_and_1941", lead, fmt.people(executions),
                      fmt.figure(ref.executions_1937_38, 0) + " in 1937-38")


def _no_collectivization(game: GameRecord, ctx: dict) -> _Candidate | None:
    last = game.records[-1]
    fig = history_value(game.scenario, "collectivization", game.last_year) or \
        history_value(game.scenario, "collectivization", 1940)
    if last["collectivization"] >= 0.5 or fig is None or game.last_year < 1935:
        return None
    theirs = ctx["history_scores"]
    lead = (f"Your course kept most peasants on their own farms: {fmt.pct(last['collectivization'])} of households "
            f"were in collective farms in {game.last_year}, against about {fmt.pct(fig.value)} in history by "
            f"{fig.year} ({fig.source}). Steel in {game.last_year}: {fmt.num(last['steel_mt'])} Mt"
            + (f"; industrial power {fmt.num(ctx['scores']['industrial_power'].value, 0)} against history's course "
               f"{fmt.num(theirs['industrial_power'].value, 0)} in the same model" if theirs else "") + ".")
    return _Candidate(4.0, "could_nep_continue", lead, fmt.pct(last["collectivization"]), f"about {fmt.pct(fig.value)}")


def _living(game: GameRecord, ctx: dict) -> _Candidate | None:
    last = game.records[-1]
    fig = history_value(game.scenario, "urban_real_wage_index", 1940) if game.last_year >= 1940 else \
        history_value(game.scenario, "urban_real_wage_index", 1932)
    mine, theirs = ctx["scores"]["living_standards"].value, ctx["history_scores"]
    question = "workers_and_peasants" if last["migrants_m"] > 0 else "heavy_or_light"
    lead = (f"Consumption per head in your game averaged {fmt.num(mine, 0)} (1928 = 100)"
            + (f", against {fmt.num(theirs['living_standards'].value, 0)} on history's course in the model" if theirs else "")
            + f"; the urban real wage ended at {fmt.num(last['urban_real_wage_index'], 0)}"
            + (f" (history: {fmt.figure(fig, 0)} in {fig.year}, {game.scenario.history['urban_real_wage_index'].source})"
               if fig else "") + ".")
    weight = 1.5 + (abs(mine - theirs["living_standards"].value) / 20.0 if theirs else 0.0)
    return _Candidate(weight, question, lead, fmt.num(mine, 0), fmt.figure(fig, 0) if fig else "")


def _tempo(game: GameRecord, ctx: dict) -> _Candidate | None:
    raised = []
    for plan in game.scenario.plans:
        mine = game.targets.get(plan.id, {})
        for key, value in mine.items():
            hist = plan.historical_targets.get(key)
            if hist and value > 1.2 * hist and game.targets_known:
                raised.append((plan, key, value, hist))
    if not raised:
        return None
    plan, key, value, hist = raised[0]
    lead = (f"You set the {plan.name}'s {TARGET_NAMES.get(key, key)} target at {fmt.num(value)}, "
            f"against the {fmt.num(hist)} the plan set.")
    return _Candidate(3.0, "cost_of_tempo", lead, fmt.num(value), fmt.num(hist))


TARGET_NAMES = {"steel_mt": "steel", "pig_iron_mt": "pig iron", "coal_mt": "coal", "oil_mt": "oil",
                "electricity_bn_kwh": "electricity", "tractors_k": "tractor", "grain_mt": "grain",
                "consumer_goods_index": "consumer goods"}


def _reflection(game: GameRecord, ctx: dict) -> _Candidate | None:
    return _Candidate(0.5, "judging_the_decade", "Look at your scorecard: six axes, no total.")


def _hardest(game: GameRecord, ctx: dict) -> _Candidate | None:
    return _Candidate(0.4, "hardest_choice", "")


FAMINE_CANDIDATES: tuple[Callable, ...] = (_exports_while_hungry, _largest_famine)
OTHER_CANDIDATES: tuple[Callable, ...] = (_reported_gap, _collectivization_pace, _deportations, _terror,
                                          _no_collectivization, _tempo, _living, _reflection, _hardest)


def choose_questions(game: GameRecord, scores: dict[str, AxisValue], history_scores: dict[str, AxisValue] | None,
                     baseline: GameRecord | None, had_famine: bool, count: int = 3) -> list[Question]:
    """Three questions from the player's own record: the candidates that fit it best, each
    question at most once. A game without famine gets no famine questions."""
    ctx = {"scores": scores, "history_scores": history_scores, "baseline": baseline, "had_famine": had_famine}
    finders = (FAMINE_CANDIDATES if had_famine else ()) + OTHER_CANDIDATES
    candidates = [c for c in (f(game, ctx) for f in finders) if c is not None]
    candidates.sort(key=lambda c: -c.weight)
    known = {q.id: q for q in game.scenario.debrief_questions}
    chosen: list[Question] = []
    themes: set[str] = set()
    for candidate in candidates:
        question = known.get(candidate.question)
        if question is None or any(q.id == question.id for q in chosen) or candidate.theme in themes:
            continue
        themes.add(candidate.theme)
        if not had_famine and "famine" in question.tags:
            continue
        chosen.append(Question(question.id, " ".join(question.text.split()), candidate.lead, tuple(question.tags),
                               candidate.yours, candidate.history))
        if len(chosen) == count:
            break
    return chosen
