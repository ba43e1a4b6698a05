"""The event engine: which events are due each January, and what a choice does.

A card is due when it is in its window (`when`), its trigger holds (what sets it off) and its
premise holds (what must be true of the state for its text to make sense: no kolkhoz card
without collective farms, no famine card without hunger). Deterministic per seed: an event's
chance is drawn from a random stream seeded by (seed, year, event id), so adding or removing
other events never changes whether this one fires. Over the scenario's card budget
(`max_cards_per_year`), the lowest-priority cards wait for a later January while their window
lasts, and lapse when it closes; follow-ups of last year's answers always come.

Conditions and the texts' templates are compiled once, when the deck is built; events are
bucketed by the years they can fire in, so a January looks only at the events that could be due.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model.metrics import BY_NAME as METRIC_TABLE
from ..model.metrics import METRICS
from ..model.state import State
from ..model.variables import (
    PEAKS,
    READABLE,
    RUNNING,
    STATE_VARIABLES,
    project_names,
    read_state,
    read_total,
)
from .expr import Condition, MissingValue, compile_condition, conjunction
from .schema import Choice, Event
from .template import Template, TemplateError, compile_template, literal

log = logging.getLogger(__name__)


def flags_of(events: list[Event]) -> set[str]:
    """Every flag any effect raises: these are the names conditions may test besides variables."""
    return {effect.flag for event in events for choice in event.choices for effect in choice.effects
            if effect.kind == "flag"} | {effect.clear_flag for event in events for choice in event.choices
                                         for effect in choice.effects if effect.kind == "clear_flag"}


def flags_of_raw(events: list) -> set[str]:
    """flags_of for unvalidated data (the loader's checks run on raw mappings)."""
    found = set()
    for event in events:
        for choice in (event.get("choices") or []) if isinstance(event, dict) else []:
            for effect in (choice.get("effects") or []) if isinstance(choice, dict) else []:
                if isinstance(effect, dict):
                    found.update(v for k, v in effect.items() if k in ("flag", "clear_flag") and isinstance(v, str))
    return found


@dataclass(frozen=True, eq=False)
class Entry:
    event: Event
    condition: Condition | None
    premise: Condition | None
    chance: float
    texts: CardTexts
    premise_reads: frozenset[str] = frozenset()  # the State fields the premise reads
    # Trigger and premise as one test, so a January checks a card in one call; it raises
    # MissingValue for a metric without a value yet (the card is not due).
    test: Callable[[dict], object] = field(init=False, repr=False)
    # The event's id and repeat rules, kept here as plain fields: a January reads them for every
    # card in its window, and a plain attribute reads faster than the pydantic event's.
    id: str = field(init=False)
    once: bool = field(init=False)
    cooldown_years: int | None = field(init=False)

    def __post_init__(self) -> None:
        conditions = [c for c in (self.condition, self.premise) if c is not None]
        object.__setattr__(self, "test", conjunction(conditions, lambda name: True) if conditions else _always)
        for name in ("id", "once", "cooldown_years"):
            object.__setattr__(self, name, getattr(self.event, name))


def _always(env) -> bool:
    return True


@dataclass(frozen=True)
class CardTexts:
    """A card's texts as compiled templates: the card's text, its detailed text and each choice's
    forecast may quote the player's figures ({procurement_mt:.1f})."""

    text: Template
    text_detailed: Template | None
    forecasts: dict[str, Template]

    @property
    def names(self) -> frozenset[str]:
        parts = [self.text, self.text_detailed, *self.forecasts.values()]
        return frozenset(name for part in parts if part is not None for name in part.names)


@dataclass(frozen=True)
class Card:
    """A card as the player reads it this January: its texts filled in with the year's figures."""

    event: Event
    text: str
    text_detailed: str | None
    forecasts: dict[str, str]


def condition_names(flags, projects) -> frozenset[str]:
    """Every name a condition or a card text may read: the model's metrics and variables, the
    deck's flags, the projects' statuses, and the year."""
    return READABLE | frozenset(flags) | project_names(projects)


def template_formats(names) -> dict[str, str]:
    """How a bare {name} is written: a share as a percentage, a metric with its table's digits."""
    formats = {}
    for name in names:
        metric = METRIC_TABLE.get(RUNNING[name][0] if name in RUNNING else name)
        if name == "year":
            formats[name] = "d"
        elif metric is not None:
            formats[name] = ".0%" if metric.unit == "%" else f",.{metric.digits}f"
        else:
            formats[name] = ".2f"
    return formats


def compile_texts(event: Event, formats: dict[str, str]) -> CardTexts:
    """The card's templates (the loader has reported every broken one at its file:line:col)."""
    def one(text: str) -> Template:
        flat = " ".join(text.split())
        try:
            return compile_template(flat, formats)
        except TemplateError:
            return literal(flat)

    return CardTexts(one(event.text), one(event.text_detailed) if event.text_detailed else None,
                     {c.id: one(c.forecast) for c in event.choices})


class Deck:
    """A scenario's events, compiled."""

    def __init__(self, events: list[Event], first_year: int, last_year: int, projects: tuple[str, ...] = (),
                 max_cards_per_year: int | None = None):
        self.flags = frozenset(flags_of(events))
        self.projects = tuple(projects)
        self.max_cards_per_year = max_cards_per_year
        known = condition_names(self.flags, self.projects)
        suggestions = sorted(known)
        formats = template_formats(known)
        self.entries: dict[str, Entry] = {}
        for event in events:
            condition = compile_condition(event.trigger, known.__contains__, suggestions) if event.trigger else None
            premise = (compile_condition(event.premise, known.__contains__, suggestions)
                       if event.has_premise else None)
            reads = state_fields_read(premise.names, self.projects) if premise is not None else frozenset()
            self.entries[event.id] = Entry(event, condition, premise, event.yearly_chance,
                                           compile_texts(event, formats), reads)
        self.order = {event_id: index for index, event_id in enumerate(self.entries)}
        self._text_names = {event_id: e.texts.names | {"year"} for event_id, e in self.entries.items()}
        # The names some condition or text reads: the January environment holds these and no others.
        read = {name for e in self.entries.values() for c in (e.condition, e.premise) if c for name in c.names}
        read |= {name for e in self.entries.values() for name in e.texts.names}
        self.readers = {name: reader_of(name, self.projects) for name in sorted(read) if name != "year"}
        self.fetchers = {name: fetcher(*reader) for name, reader in self.readers.items()}
        self.by_year: dict[int, list[Entry]] = {}
        for year in range(first_year, last_year + 1):
            self.by_year[year] = [e for e in self.entries.values() if not e.event.triggered_only
                                  and _in_window(e.event, year)]

    def __len__(self) -> int:
        return len(self.entries)

    def event(self, event_id: str) -> Event:
        return self.entries[event_id].event

    def values(self, state: State, record: dict[str, float] | None) -> Environment:
        """The figures conditions and card texts read this January."""
        return environment(state, record, self.fetchers)

    def due(self, state: State, record: dict[str, float] | None, seed: int, env: Environment | None = None) -> list[Event]:
        """Events that fire this January, highest priority first; marks them fired in `state`.
        `env`: this January's values, if the caller has them already (drawing does not change them)."""
        year = state.year
        if env is None:
            env = self.values(state, record)
        follow_ups: list[Entry] = []
        scheduled = [event_id for when, event_id in state.scheduled if when == year]
        state.scheduled = [(when, event_id) for when, event_id in state.scheduled if when != year]
        for event_id in scheduled:
            entry = self.entries.get(event_id)
            if entry is not None and self.holds(entry, env):
                follow_ups.append(entry)
        chosen = {entry.id for entry in follow_ups}
        candidates: list[Entry] = []
        fired = state.fired
        for entry in self.by_year.get(year, ()):
            event_id = entry.id
            if event_id in chosen:
                continue
            last = fired.get(event_id)
            if last is not None and (entry.once or (entry.cooldown_years is not None
                                                    and year - last < entry.cooldown_years)):
                continue  # fired already: once only, or still inside its cooldown
            try:
                holds = entry.test(env)
            except MissingValue:
                holds = False
            except (ArithmeticError, TypeError, ValueError):
                holds = self.holds(entry, env)  # again, one condition at a time, to log which failed
            if not holds:
                continue
            if entry.chance < 1.0 and random.Random(f"event:{seed}:{year}:{event_id}").random() >= entry.chance:
                continue
            candidates.append(entry)
        by_priority = lambda e: (-e.event.priority, self.order[e.id])  # noqa: E731
        candidates.sort(key=by_priority)
        if self.max_cards_per_year is not None:  # the rest wait, while their window lasts
            candidates = candidates[:max(0, self.max_cards_per_year - len(follow_ups))]
        due = sorted(follow_ups + candidates, key=by_priority)
        for entry in due:
            fired[entry.id] = year
        return [e.event for e in due]

    def holds(self, entry: Entry, env: dict) -> bool:
        """The card's trigger and its premise both hold."""
        condition, premise = entry.condition, entry.premise
        return ((condition is None or self._condition_holds(entry, condition, env, "trigger"))
                and (premise is None or self._condition_holds(entry, premise, env, "premise")))

    def premise_holds(self, event_id: str, env: dict) -> bool:
        entry = self.entries[event_id]
        return self._condition_holds(entry, entry.premise, env, "premise")

    def premise_reads(self, event_id: str) -> frozenset[str]:
        """The State fields the card's premise reads: an answer that changes none of them cannot
        make the premise false."""
        return self.entries[event_id].premise_reads

    def text_names(self, event_id: str) -> frozenset[str]:
        """The names the card's texts quote."""
        return self._text_names[event_id]

    def card(self, event: Event, env: dict) -> Card:
        """The card's texts filled in with this January's figures."""
        texts = self.entries[event.id].texts
        return Card(event, texts.text.render(env),
                    texts.text_detailed.render(env) if texts.text_detailed is not None else None,
                    {choice: t.render(env) for choice, t in texts.forecasts.items()})

    @staticmethod
    def _condition_holds(entry: Entry, condition: Condition | None, env: dict, what: str) -> bool:
        if condition is None:
            return True
        try:
            return condition.holds(env)
        except (ArithmeticError, TypeError, ValueError) as exc:
            # A failing condition (division by zero, say) counts as false, and is logged.
            log.warning("event %s: %s %r failed (%s); treated as false", entry.event.id, what,
                        condition.source, exc)
            return False


def reader_of(name: str, projects: tuple[str, ...]) -> tuple[str, str]:
    """How a condition's name is read: (kind, what) with kind state, metric, started, built or flag."""
    if name in STATE_VARIABLES:
        return "state", name
    if name in RUNNING:
        return "total", name
    if name in METRICS:
        return "metric", name
    for prefix in ("started", "built"):
        project = name.removeprefix(f"{prefix}_")
        if project != name and project in projects:
            return prefix, project
    return "flag", name


def state_fields_read(names, projects: tuple[str, ...]) -> frozenset[str]:
    """The State fields behind the names a condition reads (a metric is last year's record: none)."""
    fields: set[str] = set()
    for name in names:
        if name == "year":
            continue
        kind, what = reader_of(name, projects)
        if kind == "state":
            fields.add(STATE_VARIABLES[what].attribute)
        elif kind == "total":
            fields.add("totals")
            if what in PEAKS:  # before any year's end a peak reads the state's own value
                fields.add(STATE_VARIABLES[PEAKS[what][0]].attribute)
        elif kind == "flag":
            fields.add("flags")
        elif kind == "built":
            fields.add("projects_done")
        elif kind == "started":
            fields.update(("projects_done", "projects_building"))
    return frozenset(fields)


READERS = {
    "state": read_state,
    "total": read_total,
    "flag": lambda state, flag: flag in state.flags,
    "built": lambda state, project: project in state.projects_done,
    "started": lambda state, project: project in state.projects_done or project in state.projects_building,
}
"""How each kind of name is read from the state (a metric is read from last year's record)."""


def fetcher(kind: str, what: str) -> Callable[[State], object] | None:
    """The function that reads one name from the state, made once per deck (None: a metric,
    which comes from last year's record)."""
    if kind == "metric":
        return None
    if kind == "state":
        attribute = STATE_VARIABLES[what].attribute
        return lambda state: float(getattr(state, attribute))
    read = READERS[kind]
    return lambda state: read(state, what)


class Environment(dict):
    """The values conditions read this January, each worked out when first read (a January
    reads a few dozen of the names the deck knows) and then kept: a dict whose missing keys are
    filled in by `__missing__`, so that a value read again costs one dict lookup. A metric has no
    value before the first year ends: it is absent, and a condition reading it is false. Read it
    at once: it reads the state as it is when read."""

    __slots__ = ("_state", "_fetchers")

    def __init__(self, state: State, record: dict[str, float] | None,
                 fetchers: dict[str, Callable[[State], object] | None]):
        super().__init__(record or ())  # last year's metrics, all at once: one C-level copy
        self["year"] = state.year       # this January's year, not the record's
        self._state, self._fetchers = state, fetchers

    def __missing__(self, name: str):
        fetch = self._fetchers[name]   # KeyError: a name no condition reads
        if fetch is None:  # a metric, and no year has ended yet
            raise KeyError(name)
        value = self[name] = fetch(self._state)
        return value

    def __contains__(self, name: object) -> bool:
        return dict.__contains__(self, name) or self._fetchers.get(name) is not None

    def get(self, name, default=None):
        return self[name] if name in self else default

    def __iter__(self):
        yield "year"
        yield from (name for name in self._fetchers if name in self)

    def __len__(self) -> int:
        return sum(1 for _name in self)


def environment(state: State, record: dict[str, float] | None, fetchers) -> Environment:
    """The values conditions read this January (worked out as they are read)."""
    return Environment(state, record, fetchers)


def _in_window(event: Event, year: int) -> bool:
    window = event.years()
    return window is None or window[0] <= year <= window[1]


def choice_of(event: Event, choice_id: str) -> Choice | None:
    return event.choices_by_id.get(choice_id)


def historical_choice(event: Event) -> Choice:
    """History's option; else the timeout choice; else the first."""
    return event.historical
