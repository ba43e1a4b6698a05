"""The event engine: which events are due each January, and what a choice does.

Deterministic per seed: an event's chance is drawn from a random stream seeded by (seed, year,
event id), so adding or removing other events never changes whether this one fires.
Triggers are compiled once, when the deck is built; events are bucketed by the years they can
fire in, so a January looks only at the events that could be due.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass

from ..model.metrics import METRICS
from ..model.state import State
from ..model.variables import READABLE, STATE_VARIABLES, project_names, read_state
from .expr import Condition, compile_condition
from .schema import Choice, Event

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
    chance: float


class Deck:
    """A scenario's events, compiled."""

    def __init__(self, events: list[Event], first_year: int, last_year: int, projects: tuple[str, ...] = ()):
        self.flags = frozenset(flags_of(events))
        self.projects = tuple(projects)
        known = READABLE | self.flags | project_names(self.projects)
        suggestions = sorted(known)
        self.entries: dict[str, Entry] = {}
        for event in events:
            condition = compile_condition(event.trigger, known.__contains__, suggestions) if event.trigger else None
            self.entries[event.id] = Entry(event, condition, event.yearly_chance)
        self.order = {event_id: index for index, event_id in enumerate(self.entries)}
        # The names some condition reads: the January environment holds these and no others.
        read = {name for e in self.entries.values() if e.condition for name in e.condition.names}
        self.readers = tuple(sorted((name, reader_of(name, self.projects)) for name in read if name != "year"))
        self.by_year: dict[int, list[Entry]] = {}
        for year in range(first_year, last_year + 1):
            self.by_year[year] = [e for e in self.entries.values() if not e.event.triggered_only
                                  and _in_window(e.event, year)]

    def __len__(self) -> int:
        return len(self.entries)

    def event(self, event_id: str) -> Event:
        return self.entries[event_id].event

    def due(self, state: State, record: dict[str, float] | None, seed: int) -> list[Event]:
        """Events that fire this January, highest priority first; marks them fired in `state`."""
        year = state.year
        env = environment(state, record, self.readers)
        due: list[Entry] = []
        scheduled = [event_id for when, event_id in state.scheduled if when == year]
        state.scheduled = [(when, event_id) for when, event_id in state.scheduled if when != year]
        for event_id in scheduled:
            entry = self.entries.get(event_id)
            if entry is not None and self._condition_holds(entry, env):
                due.append(entry)
        chosen = {entry.event.id for entry in due}
        for entry in self.by_year.get(year, ()):
            if entry.event.id in chosen or not self._may_fire_again(entry.event, state, year):
                continue
            if not self._condition_holds(entry, env):
                continue
            if entry.chance < 1.0 and random.Random(f"event:{seed}:{year}:{entry.event.id}").random() >= entry.chance:
                continue
            due.append(entry)
        due.sort(key=lambda e: (-e.event.priority, self.order[e.event.id]))
        for entry in due:
            state.fired[entry.event.id] = year
        return [e.event for e in due]

    @staticmethod
    def _may_fire_again(event: Event, state: State, year: int) -> bool:
        last = state.fired.get(event.id)
        if last is None:
            return True
        if event.once:
            return False
        return event.cooldown_years is None or year - last >= event.cooldown_years

    @staticmethod
    def _condition_holds(entry: Entry, env: dict) -> bool:
        if entry.condition is None:
            return True
        try:
            return entry.condition.holds(env)
        except (ArithmeticError, TypeError, ValueError) as exc:
            # A failing condition (division by zero, say) counts as false, and is logged.
            log.warning("event %s: trigger %r failed (%s); treated as false", entry.event.id,
                        entry.condition.source, exc)
            return False


def reader_of(name: str, projects: tuple[str, ...]) -> tuple[str, str]:
    """How a condition's name is read: (kind, what) with kind state, metric, started, built or flag."""
    if name in STATE_VARIABLES:
        return "state", name
    if name in METRICS:
        return "metric", name
    for prefix in ("started", "built"):
        project = name.removeprefix(f"{prefix}_")
        if project != name and project in projects:
            return prefix, project
    return "flag", name


def environment(state: State, record: dict[str, float] | None, readers) -> dict:
    """The values conditions read this January. A metric has no value before the first year
    ends: it is left out, and a condition reading it is false."""
    env: dict = {"year": state.year}
    for name, (kind, what) in readers:
        if kind == "state":
            env[name] = read_state(state, what)
        elif kind == "metric":
            if record is not None:
                env[name] = record[what]
        elif kind == "flag":
            env[name] = what in state.flags
        elif kind == "built":
            env[name] = what in state.projects_done
        else:
            env[name] = what in state.projects_done or what in state.projects_building
    return env


def _in_window(event: Event, year: int) -> bool:
    window = event.years()
    return window is None or window[0] <= year <= window[1]


def choice_of(event: Event, choice_id: str) -> Choice | None:
    return next((c for c in event.choices if c.id == choice_id), None)


def historical_choice(event: Event) -> Choice:
    """History's option; else the timeout choice; else the first."""
    for choice in event.choices:
        if choice.historical:
            return choice
    if event.timeout_choice:
        return choice_of(event, event.timeout_choice) or event.choices[0]
    return event.choices[0]
