"""What an answer did, in plain words and numbers, worked out from the choice's effects
themselves: the card shows it once a choice is taken, and the debrief's timeline lists it.

    Peasant unrest +6 points
    The herds' regrowth -30 % for 3 years, fading
    Construction of Magnitogorsk begins

Effects are read in their plain (JSON) form, the form saves and results files record, so a
debrief made from a results file says the same as the card did.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..model.metrics import BY_NAME as METRIC_TABLE
from ..model.metrics import TARGET_METRIC
from ..model.variables import STATE_VARIABLES
from .schema import RATE_LABELS

MINUS = "\u2212"  # a true minus sign: '-6' and '−6' read differently from the back row
REMEMBERED = "Later cards will remember this answer"


@dataclass(frozen=True)
class Names:
    """What the effects refer to by id, by the names the player knows."""

    projects: Mapping[str, str] = field(default_factory=dict)
    plans: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, world) -> Names:
        return cls({p.id: p.name for p in world.projects}, {p.id: p.name for p in world.plans})


def describe(effects: Iterable[dict], names: Names = Names()) -> tuple[str, ...]:
    """One line per thing the answer changed, in the order the effects give; nothing twice."""
    lines: list[str] = []
    for effect in effects:
        for line in _lines(effect, names):
            if line not in lines:
                lines.append(line)
    # A flag is the game's memory, not a number: said only when the answer changes nothing else.
    told = [line for line in lines if line != REMEMBERED]
    return tuple(told or lines)


def _lines(effect: dict, names: Names) -> list[str]:
    if "add" in effect:
        return [f"{_label(v)} {_amount(v, a)}" for v, a in effect["add"].items() if a != 0]
    if "multiply" in effect:
        return [_multiplied(v, f) for v, f in effect["multiply"].items() if f != 1]
    if "set" in effect:
        return [_set(v, x) for v, x in effect["set"].items()]
    if "modifier" in effect:
        return [_modifier(effect["modifier"])]
    if "flag" in effect:
        return [REMEMBERED]
    if "start_project" in effect:
        return [f"Construction of {names.projects.get(effect['start_project'], effect['start_project'])} begins"]
    if "cancel_project" in effect:
        return [f"Construction of {names.projects.get(effect['cancel_project'], effect['cancel_project'])} stops"]
    if "target" in effect:
        return [_target(effect["target"], names)]
    if "follow_up" in effect:
        years = int(effect["follow_up"].get("years", 1))
        when = "at once" if years == 0 else "next January" if years == 1 else f"in {years} years"
        return [f"A further card follows {when}"]
    return []  # clear_flag: nothing the player needs to read


def _label(variable: str) -> str:
    known = STATE_VARIABLES.get(variable)
    return known.label if known is not None else variable.replace("_", " ").capitalize()


def _unit(variable: str) -> str:
    known = STATE_VARIABLES.get(variable)
    return known.unit if known is not None else ""


def _amount(variable: str, amount: float) -> str:
    """A change by `amount` in the variable's own unit, with its sign."""
    unit = _unit(variable)
    if unit == "share":
        return _counted(amount * 100, "percentage point")
    if unit == "points":
        return _counted(amount * 100, "point")
    if unit == "people":
        return f"{_sign(amount)}{_people(abs(amount))}"
    if unit == "head":
        return f"{_signed(amount, 1 if abs(amount) >= 0.1 else 2)} million head"
    if unit == "k_tractors":
        return f"{_sign(amount)}{abs(amount) * 1000:,.0f} tractors"
    if unit == "mt":
        return f"{_signed(amount, 1 if abs(amount) >= 1 else 2)} Mt"
    if unit == "bn":
        return f"{_signed(amount, 1 if abs(amount) >= 1 else 2)} bn rubles"
    if unit == "switch":
        return "in force" if amount > 0 else "lifted"
    return _signed(amount, 2)


def _multiplied(variable: str, factor: float) -> str:
    if factor == 0:
        return f"{_label(variable)} cut to nothing"
    return f"{_label(variable)} {_percent(factor - 1.0)}"


def _set(variable: str, value: float) -> str:
    unit = _unit(variable)
    if unit == "switch":
        return f"{_label(variable)}: {'in force' if value > 0 else 'lifted'}"
    if unit == "share":
        shown = f"{value * 100:.0f} %"
    elif unit == "points":
        shown = f"{value * 100:.0f} points"
    elif unit == "people":
        shown = _people(value)
    else:
        shown = _amount(variable, value).lstrip("+" + MINUS)
    return f"{_label(variable)} set to {shown}"


def _modifier(modifier: dict) -> str:
    rate = modifier["rate"]
    years = int(modifier["years"])
    fading = float(modifier.get("decay", 0.0)) > 0
    span = "this year" if years == 1 else f"for {years} years" + (", fading" if fading else "")
    return f"{RATE_LABELS.get(rate, rate)} {_percent(float(modifier['factor']) - 1.0)} {span}"


def _target(target: dict, names: Names) -> str:
    plan = names.plans.get(target["plan"], target["plan"])
    metric = METRIC_TABLE.get(TARGET_METRIC.get(target["key"], target["key"]))
    what = metric.label.lower() if metric is not None else target["key"].replace("_", " ")
    unit = f" {metric.unit}" if metric is not None and metric.unit not in ("", "index", "%") else ""
    value = float(target["value"])
    return f"{plan}: the {what} target set to {value:,.{1 if value < 100 else 0}f}{unit}"


def _people(millions: float) -> str:
    if millions >= 1:
        return f"{millions:.1f} million people"
    if millions >= 0.001:
        return f"{_round_people(millions * 1e6):,} people"
    return f"{millions * 1e6:,.0f} people"


def _round_people(count: float) -> int:
    """Three significant figures: the model does not know a number of people to the last one."""
    digits = len(str(int(count))) - 3
    return int(round(count, -digits)) if digits > 0 else int(round(count))


def _counted(value: float, noun: str) -> str:
    shown = _signed(value, 0 if abs(value) >= 1 else 1)
    return f"{shown} {noun}{'' if shown.lstrip('+' + MINUS) == '1' else 's'}"


def _percent(change: float) -> str:
    return f"{_signed(change * 100, 0 if abs(change) >= 0.01 else 1)} %"


def _signed(value: float, decimals: int) -> str:
    text = f"{abs(value):,.{decimals}f}"
    if float(text.replace(",", "")) == 0:
        return text
    return ("+" if value > 0 else MINUS) + text


def _sign(value: float) -> str:
    return "+" if value > 0 else MINUS if value < 0 else ""
