"""Effects of event choices on the model: changes to variables, timed modifiers on rates,
flags, projects and plan targets. Applied through Session commands, so saves and replays see them.

The effect objects come from the event format (game/events/schema.py); this module needs only
their fields, so the model does not depend on the event package.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .setup import World
from .state import ActiveModifier, State
from .variables import STATE_VARIABLES, read_state, write_state


def rate(state: State, name: str) -> float:
    """The product of the active modifiers on a rate (1.0 when none)."""
    factor = 1.0
    for modifier in state.modifiers:
        if modifier.rate == name:
            factor *= modifier.factor
    return factor


def age_modifiers(state: State) -> None:
    """At a year's end: each modifier fades by its decay and loses a year; expired ones go."""
    kept = []
    for modifier in state.modifiers:
        modifier.years_left -= 1
        if modifier.years_left > 0:
            modifier.factor = 1.0 + (modifier.factor - 1.0) * (1.0 - modifier.decay)
            kept.append(modifier)
    state.modifiers = kept


Handler = Callable[[State, World, object, str], None]
Touches = Callable[[object], tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class EffectKind:
    apply: Handler
    touches: Touches  # the State fields it may change, for a change that must apply whole or not at all


HANDLERS: dict[str, EffectKind] = {}
"""Effect kind -> what it does to the state. Every kind of the event format has exactly one
handler here, except follow_up, which the session schedules (a test checks both)."""
SESSION_KINDS = frozenset({"follow_up"})


def handles(kind: str, touches: Touches) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        if kind in HANDLERS:
            raise ValueError(f"effect kind {kind!r} has two handlers")
        HANDLERS[kind] = EffectKind(handler, touches)
        return handler

    return register


def apply_effect(state: State, world: World, effect, source: str = "") -> None:
    """Apply one effect (an event choice's) to the state."""
    try:
        kind = HANDLERS[effect.kind]
    except KeyError:
        raise ValueError(f"effect kind {effect.kind!r} has no handler in the model") from None
    kind.apply(state, world, effect, source)


def touched_fields(effects) -> tuple[str, ...]:
    """Every State field these effects may change (follow-ups: the schedule and the fired list)."""
    names: set[str] = set()
    for effect in effects:
        if effect.kind in SESSION_KINDS:
            names.update(("scheduled", "fired"))
        else:
            names.update(HANDLERS[effect.kind].touches(effect))
    return tuple(sorted(names))


def _variables(mapping: dict[str, float]) -> tuple[str, ...]:
    return tuple(STATE_VARIABLES[name].attribute for name in mapping)


@handles("add", lambda e: _variables(e.add))
def _add(state: State, world: World, effect, source: str) -> None:
    for name, amount in effect.add.items():
        write_state(state, name, read_state(state, name) + amount)


@handles("multiply", lambda e: _variables(e.multiply))
def _multiply(state: State, world: World, effect, source: str) -> None:
    for name, factor in effect.multiply.items():
        write_state(state, name, read_state(state, name) * factor)


@handles("set", lambda e: _variables(e.set))
def _set(state: State, world: World, effect, source: str) -> None:
    for name, value in effect.set.items():
        write_state(state, name, value)


@handles("modifier", lambda e: ("modifiers",))
def _modifier(state: State, world: World, effect, source: str) -> None:
    m = effect.modifier
    state.modifiers.append(ActiveModifier(m.rate, m.factor, m.years, m.decay, source))


@handles("flag", lambda e: ("flags",))
def _flag(state: State, world: World, effect, source: str) -> None:
    if effect.flag not in state.flags:
        state.flags.append(effect.flag)


@handles("clear_flag", lambda e: ("flags",))
def _clear_flag(state: State, world: World, effect, source: str) -> None:
    if effect.clear_flag in state.flags:
        state.flags.remove(effect.clear_flag)


@handles("start_project", lambda e: ("projects_building",))
def _start_project(state: State, world: World, effect, source: str) -> None:
    project = effect.start_project
    if project not in state.projects_building and project not in state.projects_done:
        state.projects_building[project] = 1.0


@handles("cancel_project", lambda e: ("projects_building",))
def _cancel_project(state: State, world: World, effect, source: str) -> None:
    state.projects_building.pop(effect.cancel_project, None)


@handles("target", lambda e: ("targets",))
def _target(state: State, world: World, effect, source: str) -> None:
    state.targets.setdefault(effect.target.plan, {})[effect.target.key] = effect.target.value
