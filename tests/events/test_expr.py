"""The condition language: what it allows, and that every known escape is refused at load."""

from __future__ import annotations

import pytest

from game.events.expr import ExprError, MissingValue, compile_condition, conjunction

KNOWN = {"fear", "steel_mt", "year", "unrest", "cattle_m", "internal_passports"}


def condition(source: str):
    return compile_condition(source, KNOWN.__contains__, sorted(KNOWN))


@pytest.mark.parametrize(("source", "env", "expected"), [
    ("fear > 0.5", {"fear": 0.6}, True),
    ("0.1 < fear <= 0.5", {"fear": 0.5}, True),
    ("0.1 < fear < 0.5", {"fear": 0.5}, False),
    ("year >= 1930 and not internal_passports", {"year": 1931, "internal_passports": False}, True),
    ("steel_mt / 2 + -1 > 3 or fear == 1", {"steel_mt": 9.0, "fear": 0}, True),
    ("min(fear, unrest) > 0.2 and max(1, 2, 3) == 3 and abs(-2) == 2", {"fear": 0.3, "unrest": 0.4}, True),
    ("(fear + unrest) * 2 != 1", {"fear": 0.25, "unrest": 0.25}, False),
    ("true", {}, None),
])
def test_allowed_conditions(source, env, expected):
    if expected is None:
        with pytest.raises(ExprError, match="unknown name 'true'"):
            condition(source)
        return
    assert condition(source).holds(env) is expected


def test_a_metric_without_a_value_yet_makes_the_condition_false():
    assert condition("steel_mt > 1").holds({"fear": 0}) is False


def test_division_by_zero_propagates_for_the_engine_to_log():
    with pytest.raises(ZeroDivisionError):
        condition("steel_mt / fear > 1").holds({"steel_mt": 1.0, "fear": 0.0})


@pytest.mark.parametrize(("source", "message"), [
    ("().__class__.__bases__", "attribute access"),
    ("__import__('os')", "only min(), max() and abs() can be called"),
    ("'{0.__class__}'.format(fear)", "can be called"),
    ("9**9**9", "'**' is not allowed"),
    ("[x for x in (1, 2)]", "comprehensions are not allowed"),
    ("(lambda: 1)()", "only min(), max() and abs() can be called"),
    ("fear[0]", "indexing"),
    ("'text' == 'text'", "text in quotes is not allowed"),
    ("fear if steel_mt else 1", "'x if c else y' is not allowed"),
    ("(fear := 1)", "':=' is not allowed"),
    ("eval", "unknown name 'eval'"),
    ("fear is None", "comparisons are not allowed"),
    ("fear in (1, 2)", "comparisons are not allowed"),
    ("-" * 100_000 + "1", "the limit is 400"),
    ("(" * 300 + "1" + ")" * 300, "the limit is 400"),
    ("-" * 150 + "1", "nested too deeply"),
    ("fear >", "not a valid condition"),
    ("min", "is a function"),
    ("max(fear)", "two or more arguments"),
    ("abs(x=1)", "no named arguments"),
    ("fear\x00", "not a valid condition"),
])
def test_sandbox_escapes_and_bad_input_are_refused_at_load(source, message):
    with pytest.raises(ExprError) as err:
        condition(source)
    assert message in err.value.message


def test_unknown_name_suggests_the_closest():
    with pytest.raises(ExprError) as err:
        condition("steel > 3")
    assert err.value.message == "unknown name 'steel'" and err.value.hint == "did you mean 'steel_mt'?"
    assert err.value.column == 1


@pytest.mark.parametrize(("sources", "env", "expected"), [
    # comparisons of a name with a number are checked in one loop, the rest after: same answers
    (["fear > 0.5 and (unrest > 0.9 or steel_mt < 3)", "cattle_m >= 20"],
     {"fear": 0.6, "unrest": 0.1, "steel_mt": 2.0, "cattle_m": 20.0}, True),
    (["fear > 0.5 and (unrest > 0.9 or steel_mt < 3)", "cattle_m >= 20"],
     {"fear": 0.6, "unrest": 0.1, "steel_mt": 4.0, "cattle_m": 20.0}, False),
    (["not internal_passports and fear < 1 and (fear + unrest) * 2 == 1"],
     {"internal_passports": False, "fear": 0.25, "unrest": 0.25}, True),
    (["year == 1931 and fear != 0", "not internal_passports"], {"year": 1931, "fear": 0.1, "internal_passports": True},
     False),
])
def test_a_trigger_and_premise_together_answer_as_each_does(sources, env, expected):
    conditions = [condition(s) for s in sources]
    together = conjunction(conditions, KNOWN.__contains__)
    assert bool(together(env)) is expected is all(c.holds(env) for c in conditions)


def test_a_conjunction_with_a_metric_without_a_value_yet_is_not_due():
    together = conjunction([condition("fear >= 0"), condition("steel_mt > 1 and fear < 2")], KNOWN.__contains__)
    with pytest.raises(MissingValue):
        together({"fear": 0.0})
