"""What `validate` accepts, the model must take: random validated parameters and random effects
(issue 15, faults 1-3) never raise, and every metric stays finite and non-negative.

Parameters: a few numeric leaves of the bundled parameters are set to values inside the ranges the
JSON Schema (the same pydantic models) states, extremes included; effects: any effect the event
format accepts, on any variable, at its bounds. 500 examples by default (250 of each), 3,000 of
both together under -m slow.
"""

from __future__ import annotations

import math
from functools import cache

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from game.events.schema import EFFECT_LIMIT, MODIFIER_RATES, MULTIPLY_LIMIT, Effect
from game.model import Game
from game.model.effects import apply_effect
from game.model.params import ModelParams
from game.model.setup import TARGET_KEYS
from game.model.variables import WRITABLE
from game.scenario import load_scenario


@cache
def bundled():
    scenario = load_scenario("great_turn")
    return scenario, scenario.parameters.model_dump(mode="python"), ModelParams.model_json_schema()


def numeric_leaves(data, path=()) -> list[tuple]:
    if isinstance(data, dict):
        return [leaf for key, value in data.items() for leaf in numeric_leaves(value, (*path, key))]
    if isinstance(data, list):
        return [leaf for index, value in enumerate(data) for leaf in numeric_leaves(value, (*path, index))]
    if isinstance(data, int | float) and not isinstance(data, bool):
        return [path]
    return []


def bounds(schema: dict, root: dict, path: tuple) -> tuple[float, float, bool]:
    """(lowest, highest, integer) the schema allows at `path`."""
    node = schema
    for key in path:
        node = _resolved(node, root)
        if "properties" in node and key in node["properties"]:
            node = node["properties"][key]
        elif isinstance(key, int) and "items" in node:
            node = node["items"]
        elif "additionalProperties" in node:
            node = node["additionalProperties"]
        elif "patternProperties" in node:  # a mapping whose keys are ids (the regions)
            node = next(iter(node["patternProperties"].values()))
        else:
            raise KeyError(path)
    node = _resolved(node, root)
    low = node.get("minimum", node.get("exclusiveMinimum", -1e6))
    high = node.get("maximum", node.get("exclusiveMaximum", 1e6))
    return float(low), float(high), node.get("type") == "integer"


def _resolved(node: dict, root: dict) -> dict:
    while "$ref" in node or "anyOf" in node or "allOf" in node:
        if "$ref" in node:
            node = root["$defs"][node["$ref"].rsplit("/", 1)[1]]
        else:
            options = [n for n in node.get("anyOf", node.get("allOf", [])) if n.get("type") != "null"]
            node = options[0]
    return node


@st.composite
def validated_parameters(draw) -> ModelParams:
    scenario, data, schema = bundled()
    leaves = numeric_leaves(data)
    changed = draw(st.lists(st.sampled_from(leaves), min_size=1, max_size=6, unique=True))
    values = {}
    for path in changed:
        low, high, integer = bounds(schema, schema, path)
        current = _get(data, path)
        if integer:
            value = draw(st.integers(int(low), int(min(high, 1e6))))
        else:
            value = draw(st.one_of(st.sampled_from([low, high, 0.0, min(high, 1e-9), current]),
                                   st.floats(low, high),
                                   st.floats(0.0, 50.0).map(lambda f, c=current, lo=low, hi=high: min(hi, max(lo, c * f)))))
        values[path] = value
    new = _copy(data)
    for path, value in values.items():
        _set(new, path, value)
    try:
        return ModelParams.model_validate(new)
    except ValidationError:
        assume(False)  # a combination the validator refuses (a share above 1 after another's change)


EFFECT_VARIABLES = sorted(WRITABLE)


@st.composite
def effects(draw) -> Effect:
    scenario, _, _ = bundled()
    kind = draw(st.sampled_from(["add", "multiply", "set", "modifier", "start_project", "cancel_project", "target"]))
    extreme = st.sampled_from([0.0, 1e-12, 1.0, -1.0, EFFECT_LIMIT, -EFFECT_LIMIT])
    if kind in ("add", "set"):
        value = {draw(st.sampled_from(EFFECT_VARIABLES)): draw(st.one_of(extreme, st.floats(-EFFECT_LIMIT,
                                                                                          EFFECT_LIMIT)))}
    elif kind == "multiply":
        value = {draw(st.sampled_from(EFFECT_VARIABLES)): draw(st.one_of(st.sampled_from([0.0, MULTIPLY_LIMIT]),
                                                                      st.floats(0.0, MULTIPLY_LIMIT)))}
    elif kind == "modifier":
        value = {"rate": draw(st.sampled_from(MODIFIER_RATES)), "factor": draw(st.floats(1e-6, 5.0)),
                 "years": draw(st.integers(1, 20)), "decay": draw(st.floats(0.0, 1.0))}
    elif kind in ("start_project", "cancel_project"):
        value = draw(st.sampled_from([p.id for p in scenario.projects]))
    else:
        plan = draw(st.sampled_from(scenario.plans))
        value = {"plan": plan.id, "key": draw(st.sampled_from(TARGET_KEYS)),
                 "value": draw(st.one_of(st.sampled_from([1e-9, EFFECT_LIMIT]), st.floats(1e-9, EFFECT_LIMIT)))}
    return Effect.model_validate({kind: value})


def play(world, years: list[list[Effect]], seed: int) -> None:
    scenario, _, _ = bundled()
    from game.scenario.policy import directives_by_year, load_policy

    policy, path = load_policy("historical")
    orders = directives_by_year(policy, world, path)
    game = Game(world, seed=seed, weather_mode="random")
    for year_effects in years:
        if game.finished:
            break
        for effect in year_effects:
            apply_effect(game.state, world, effect, source="fuzz")
        started = set(game.state.projects_building) | set(game.state.projects_done)
        d = orders[game.year]
        record = game.play_year(d.model_copy(update={"projects": tuple(p for p in d.projects if p not in started)}))
        bad = {m: v for m, v in record.items() if not math.isfinite(v) or v < 0}
        assert not bad, f"{record['year']:.0f}: {bad}"


FAST = settings(max_examples=250, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much])


@FAST
@given(validated_parameters(), st.integers(0, 2**16))
def test_validated_parameters_never_break_the_model(params, seed):
    scenario, _, _ = bundled()
    play(with_params(scenario.world(), params), [[] for _ in range(14)], seed)


@FAST
@given(st.lists(st.lists(effects(), max_size=3), min_size=14, max_size=14), st.integers(0, 2**16))
def test_any_valid_effect_at_any_time_never_breaks_the_model(years, seed):
    scenario, _, _ = bundled()
    play(scenario.world(), years, seed)


@pytest.mark.slow
@settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
@given(validated_parameters(), st.lists(st.lists(effects(), max_size=3), min_size=14, max_size=14),
       st.integers(0, 2**16))
def test_parameters_and_effects_together_never_break_the_model(params, years, seed):
    scenario, _, _ = bundled()
    play(with_params(scenario.world(), params), years, seed)


def with_params(world, params: ModelParams):
    """The world with other parameters (built anew: nothing cached from the old ones)."""
    fields = {name: getattr(world, name) for name in type(world).model_fields}
    return type(world)(**{**fields, "params": params})


def _get(data, path):
    for key in path:
        data = data[key]
    return data


def _set(data, path, value):
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def _copy(data):
    if isinstance(data, dict):
        return {k: _copy(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_copy(v) for v in data]
    return data
