"""The model's maths gives the same digits whichever C library computes log, exp, erfc and powers
(glibc here, musl in the browser's Pyodide): issue 17's "same seed and commands, same game, on
every Python and in the browser"."""

from __future__ import annotations

import json
import math
import operator
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.cli import main
from game.model import portable_math as pm


def ulps(a: float, b: float) -> float:
    """How many units in the last place `a` is from `b`."""
    if a == b:
        return 0.0
    _, exponent = math.frexp(max(abs(a), abs(b)))
    return abs(a - b) / max(math.ldexp(1.0, exponent - 53), 5e-324)


def nudged(library, seed: int, most: int = 8):
    """`library` as another platform's C library might be: each result moved by up to `most`
    ulp either way, chosen by the argument (so the same call is always moved alike)."""

    def other(*args):
        value = library(*args)
        if value == 0.0 or not math.isfinite(value):
            return value
        steps = hash((seed, *args)) % (2 * most + 1) - most
        for _ in range(abs(steps)):
            value = math.nextafter(value, math.inf if steps > 0 else -math.inf)
        return value

    return other


# The ranges the model calls them with, and more: bases of shares and ratios, exponents of
# elasticities and years, the famine's log of food against subsistence and its erfc.
BASES = st.floats(1e-6, 1e6)
EXPONENTS = st.floats(-30.0, 30.0)
LOG_ARGS = st.floats(1e-300, 1e300)
EXP_ARGS = st.floats(-700.0, 700.0)
ERFC_ARGS = st.floats(-6.0, 27.0)


@settings(max_examples=400, deadline=None)
@given(BASES, EXPONENTS)
def test_portable_power_is_within_a_few_ulp_of_pythons(base, exponent):
    assert ulps(pm.portable_power(base, exponent), base ** exponent) <= 64


@settings(max_examples=400, deadline=None)
@given(LOG_ARGS)
def test_portable_log_is_within_a_few_ulp_of_pythons(x):
    assert ulps(pm.portable_log(x), math.log(x)) <= 8


@settings(max_examples=400, deadline=None)
@given(EXP_ARGS)
def test_portable_exp_is_within_a_few_ulp_of_pythons(x):
    assert ulps(pm.portable_exp(x), math.exp(x)) <= 8


@settings(max_examples=300, deadline=None)
@given(ERFC_ARGS)
def test_portable_erfc_is_within_a_few_ulp_of_pythons(x):
    assert ulps(pm.portable_erfc(x), math.erfc(x)) <= 16


@settings(max_examples=600, deadline=None)
@given(BASES, EXPONENTS, st.integers(0, 2**32))
def test_a_power_is_the_same_whatever_library_rounds_it(base, exponent, seed):
    other = pm._settled_power(nudged(operator.pow, seed))
    assert other(base, exponent) == pm.power(base, exponent)


@settings(max_examples=600, deadline=None)
@given(ERFC_ARGS, st.integers(0, 2**32))
def test_erfc_is_the_same_whatever_library_rounds_it(x, seed):
    other = pm._settled(nudged(math.erfc, seed), pm.portable_erfc, "")
    assert other(x) == pm.erfc(x)


@settings(max_examples=600, deadline=None)
@given(LOG_ARGS, st.integers(0, 2**32))
def test_log_is_the_same_whatever_library_rounds_it(x, seed):
    other = pm._settled(nudged(math.log, seed), pm.portable_log, "")
    assert other(x) == pm.log(x)


def test_results_near_a_halfway_point_are_decided_by_the_portable_computation():
    """Arguments whose library result falls in the halfway band exist, and there a library one
    ulp off still gives the same settled result (the band is what makes the nudges above safe)."""
    found = []
    x = 1.0
    while len(found) < 20:
        x += 0.000123
        value = math.log(x)
        scaled = math.frexp(value)[0] * 2.0 ** pm.BITS
        if abs(scaled % 1.0 - 0.5) < 2.0 ** -12:
            found.append(x)
    for x in found:
        for step in (-1, 1):
            off = pm._settled(lambda v, s=step: math.nextafter(math.log(v), s * math.inf), pm.portable_log, "")
            assert off(x) == pm.log(x)


def test_settled_results_keep_their_special_values():
    assert pm.power(0.0, 2.0) == 0.0
    assert pm.power(2.0, 0.0) == 1.0
    with pytest.raises(OverflowError):  # as Python's own ** says
        pm.power(10.0, 400.0)
    assert pm.power(0.5, 2000.0) == 0.0  # far below anything the model counts
    assert pm.erfc(-30.0) == 2.0
    assert pm.erfc(30.0) == 0.0
    assert pm.exp(-800.0) == 0.0
    assert math.isnan(pm.exp(math.nan))
    assert pm.log(math.inf) == math.inf


def modules_with(function):
    """The loaded modules that imported `function` by name."""
    return [(module, name) for module in list(sys.modules.values()) if module is not None
            for name in ("power", "log", "exp", "erfc")
            if getattr(module, name, None) is function]


def test_the_game_is_the_same_with_another_platforms_maths(tmp_path, monkeypatch, capsys):
    """A whole game (and a batch with random weather) comes out to the same digits when every
    log, exp, erfc and power the model asks for is rounded differently by up to 8 ulp."""
    def play(name: str, *args: str) -> str:
        path = tmp_path / name
        assert main(["simulate", *args, "--json", str(path)]) == 0
        return path.read_text(encoding="utf-8")

    here = [play("here.json"), play("here-random.json", "--runs", "4", "--weather", "random")]
    others = {
        pm.power: pm._settled_power(nudged(operator.pow, 7)),
        pm.log: pm._settled(nudged(math.log, 8), pm.portable_log, ""),
        pm.exp: pm._settled(nudged(math.exp, 9), pm.portable_exp, ""),
        pm.erfc: pm._settled(nudged(math.erfc, 10), pm.portable_erfc, ""),
    }
    for function, replacement in others.items():
        for module, name in modules_with(function):
            monkeypatch.setattr(module, name, replacement)
    elsewhere = [play("there.json"), play("there-random.json", "--runs", "4", "--weather", "random")]
    capsys.readouterr()
    assert elsewhere == here
    assert json.loads(here[0])["series"]["famine_deaths_m"]  # a real game was compared


def test_unsettled_another_platforms_maths_would_change_the_game(tmp_path, monkeypatch, capsys):
    """The check above can fail: the same nudges without the settling give another game."""
    path = tmp_path / "here.json"
    assert main(["simulate", "--json", str(path)]) == 0
    here = path.read_text(encoding="utf-8")
    raw = {pm.power: nudged(operator.pow, 7), pm.log: nudged(math.log, 8), pm.erfc: nudged(math.erfc, 10)}
    for function, replacement in raw.items():
        for module, name in modules_with(function):
            monkeypatch.setattr(module, name, replacement)
    assert main(["simulate", "--json", str(path)]) == 0
    capsys.readouterr()
    assert path.read_text(encoding="utf-8") != here


PLATFORM_MATHS = {"log", "log2", "log10", "log1p", "exp", "exp2", "expm1", "pow", "erf", "erfc", "sin", "cos",
                  "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "hypot", "gamma", "lgamma", "cbrt"}


def platform_dependent_maths(source: str) -> list[str]:
    """Where a module computes with the C library's rounding: `x ** y` (unless both are
    literals) and the math module's transcendental functions. (sum() of floats, which Python
    3.12 changed: tests/model/test_same_on_every_python.py.)"""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
            if not (isinstance(node.left, ast.Constant) and isinstance(node.right, ast.Constant)):
                found.append(f"line {node.lineno}: **")
        elif isinstance(node, ast.Attribute) and node.attr in PLATFORM_MATHS:
            if isinstance(node.value, ast.Name) and node.value.id == "math":
                found.append(f"line {node.lineno}: math.{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module == "math":
            found += [f"line {node.lineno}: from math import {a.name}" for a in node.names if a.name in PLATFORM_MATHS]
    return sorted(found, key=lambda where: int(where.split()[1].rstrip(":")))


def test_the_model_calls_no_platform_dependent_maths():
    """Everything that decides a game goes through portable_math (or sqrt and the arithmetic,
    which are exactly rounded everywhere)."""
    root = Path(__file__).resolve().parents[2] / "game"
    files = [*(root / "model").glob("*.py"), *(root / "events").glob("*.py"), root / "session.py",
             root / "debrief" / "scorecard.py"]
    found = {str(path.relative_to(root)): platform_dependent_maths(path.read_text(encoding="utf-8"))
             for path in files if path.name != "portable_math.py"}
    assert {name: lines for name, lines in found.items() if lines} == {}


def test_the_scan_finds_what_it_forbids():
    assert platform_dependent_maths("y = x ** 0.5\nz = math.exp(y)\nfrom math import erfc\n") == [
        "line 1: **", "line 2: math.exp", "line 3: from math import erfc"]
    assert platform_dependent_maths("k = 2 ** 32\nr = math.sqrt(y) + math.fsum(v)\n") == []
