"""Effects of event choices on the model: changes to variables, timed modifiers on rates,
flags, projects and plan targets. Applied through Session commands, so saves and replays see them.

The effect objects come from the event format (game/events/schema.py); this module needs only
their fields, so the model does not depend on the event package.
"""

from __future__ import annotations

from .setup import World
from .state import ActiveModifier, State
from .variables import read_state, write_state


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


def apply_effect(state: State, world: World, effect, source: str = "") -> None:
    kind = effect.kind
    if kind == "add":
        for name, amount in effect.add.items():
            write_state(state, name, read_state(state, name) + amount)
    elif kind == "multiply":
        for name, factor in effect.multiply.items():
            write_state(state, name, read_state(state, name) * factor)
    elif kind == "set":
        for name, value in effect.set.items():
            write_state(state, name, value)
    elif kind == "modifier":
        m = effect.modifier
        state.modifiers.append(ActiveModifier(m.rate, m.factor, m.years, m.decay, source))
    elif kind == "flag":
        if effect.flag not in state.flags:
            state.flags.append(effect.flag)
    elif kind == "clear_flag":
        if effect.clear_flag in state.flags:
            state.flags.remove(effect.clear_flag)
    elif kind == "start_project":
        if effect.start_project not in state.projects_building and effect.start_project not in state.projects_done:
            state.projects_building[effect.start_project] = 1.0
    elif kind == "cancel_project":
        state.projects_building.pop(effect.cancel_project, None)
    elif kind == "target":
        state.targets.setdefault(effect.target.plan, {})[effect.target.key] = effect.target.value
    # follow_up is the event engine's business: it schedules, the model has nothing to change.
