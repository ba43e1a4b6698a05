"""Damaged and hostile result files for `compare` and `debrief` (issue 15, fault 17): each one
gives a page without a NaN, or one clear message naming the file, never a traceback, within two
seconds. Results files and simulate results are mutated field by field from real ones."""

from __future__ import annotations

import json
import math
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.cli import main
from game.debrief import build, compare
from game.debrief.html import render
from game.debrief.record import DebriefError, from_result
from game.headless import simulator
from game.headless.baseline import historical_game, sample_results

from .helpers import mutated, within

EACH_WITHIN_S = 2.0   # CPU seconds to read and check a file, whatever is in it
# Writing its page: a page with characters no earlier page had cuts new font subsets (about a
# second for the four faces on a busy 2-core machine), then the page is written in milliseconds.
PAGE_WITHIN_S = 5.0
NOT_A_NUMBER = re.compile(r"(?<![A-Za-z])(nan|inf|infinity)(?![A-Za-z])", re.IGNORECASE)



@cache
def originals() -> tuple[list[dict], dict]:
    """Two results files and one simulate result, made once when a test first needs them."""
    results = sample_results(2, weather="random")
    return results, simulator.simulate(simulator.prepare("great_turn", "historical", user_mods=False), 1, 1, None)


def results_file(index: int = 0) -> dict:
    return originals()[0][index]


def simulate_result() -> dict:
    return originals()[1]


def no_nan_on(page: str) -> None:
    page = re.sub(r"url\(data:[^)]*\)", "url()", page)   # the embedded fonts' base64 may spell "inf"
    match = NOT_A_NUMBER.search(page)
    assert match is None, page[max(0, match.start() - 80): match.end() + 40]


def compare_one(path: Path):
    """Read and compare one results file: a clean message, or the comparison."""
    try:
        entries = compare.load_results([path])
    except compare.CompareError as exc:
        assert exc.message.startswith(f"{path}: ") and "\n" not in exc.message
        return None
    comparison = compare.compare(entries)
    no_nan_on(compare.summary_text(comparison))
    return comparison


def debrief_one(path: Path):
    """Read one simulate result into a debrief: a clean message, or the debrief."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, RecursionError):
        data = None
    try:
        game = from_result(data, str(path)) if isinstance(data, dict) else None
    except DebriefError as exc:
        assert exc.message.startswith(f"{path}: ")
        return None
    return build(game, "Team", historical_game()) if game is not None else None


def check_results_file(text: str, folder: Path) -> None:
    path = folder / "results.json"
    path.write_text(text, encoding="utf-8")
    comparison = within(EACH_WITHIN_S, compare_one, path)
    if comparison is not None:
        no_nan_on(within(PAGE_WITHIN_S, compare.render, comparison))


def check_simulate_result(text: str, folder: Path) -> None:
    path = folder / "result.json"
    path.write_text(text, encoding="utf-8")
    debrief = within(EACH_WITHIN_S, debrief_one, path)
    if debrief is not None:
        no_nan_on(within(PAGE_WITHIN_S, render, debrief))


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("results")


@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.deferred(lambda: mutated(results_file(0))))
def test_mutated_results_files_compare_cleanly_or_say_why(folder, text):
    check_results_file(text, folder)


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.deferred(lambda: mutated(simulate_result())))
def test_mutated_simulate_results_debrief_cleanly_or_say_why(folder, text):
    check_simulate_result(text, folder)


@pytest.mark.slow
@settings(max_examples=1500, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.deferred(lambda: mutated(results_file(1))))
def test_mutated_results_files_many(folder, text):
    check_results_file(text, folder)


@pytest.mark.slow
@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.deferred(lambda: mutated(simulate_result())))
def test_mutated_simulate_results_many(folder, text):
    check_simulate_result(text, folder)


# --- the faults the attack found, one by one ------------------------------------------------


def write(folder: Path, name: str, data: object) -> Path:
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, allow_nan=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(("change", "says"), [
    ({"ending": []}, "ending: input should be 'completed' or 'removed', not a list"),
    ({"seed": "x"}, "seed: input should be a valid integer, not 'x'"),
    ({"choices": {}}, "choices.collectivization_year: field required"),
    ({"scorecard": {"lives": math.nan}}, "the file is damaged (NaN is not a number a game's file holds)"),
    ({"scorecard": {"lives": "1e400"}}, "scorecard.lives: input should be a finite number, not inf"),
    ({"player": ["a"]}, "player: input should be a valid string, not a list"),
    ({"years": [1928]}, "years: list should have at least 2 items"),
])
def test_a_damaged_results_file_is_one_clear_message_for_compare(tmp_path, capsys, change, says):
    text = json.dumps({**results_file(), **change}, allow_nan=True).replace('"1e400"', "1e400")  # JSON reads it as inf
    path = write(tmp_path, "damaged.json", text)
    assert main(["compare", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {path}: ") and says in err and "Traceback" not in err


@pytest.mark.parametrize(("change", "says"), [
    ({"seed": "x"}, "seed: input should be a valid integer, not 'x'"),
    ({"ending": []}, "ending: input should be 'completed' or 'removed', not a list"),
    ({"events": [{"year": 1930, "id": "a", "choice": "b", "effects": [{"target": {"plan": "p"}}]}]},
     "events.0.effects.0.target.key: field required"),
    ({"series": {"steel_mt": [1.0]}}, "series: no values for"),
    ({"scenario": "/etc/passwd.yaml"}, "the scenario '/etc/passwd.yaml' of this result is not a bundled scenario"),
])
def test_a_damaged_simulate_result_is_one_clear_message_for_debrief(tmp_path, capsys, change, says):
    path = write(tmp_path, "damaged.json", {**simulate_result(), **change})
    assert main(["debrief", str(path), "--html", str(tmp_path / "page.html")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and says in err and "Traceback" not in err
    assert not (tmp_path / "page.html").exists()


def test_nan_in_a_simulate_result_never_reaches_the_page(tmp_path, capsys):
    simulated = simulate_result()
    series = {**simulated["series"], "steel_mt": ["INF", *simulated["series"]["steel_mt"][1:]]}
    text = json.dumps({**simulated, "series": series}).replace('"INF"', "1e400")  # JSON reads 1e400 as inf
    assert main(["debrief", str(write(tmp_path, "inf.json", text)), "--html", str(tmp_path / "page.html")]) == 2
    assert "series.steel_mt.0: input should be a finite number, not inf" in capsys.readouterr().err
    text = json.dumps({**simulated, "series": series}).replace('"INF"', "NaN")
    assert main(["debrief", str(write(tmp_path, "nan.json", text)), "--html", str(tmp_path / "page.html")]) == 2
    assert "NaN is not a number a game's file holds" in capsys.readouterr().err
    assert not (tmp_path / "page.html").exists()


def test_an_undamaged_result_still_makes_its_page(tmp_path):
    comparison = compare_one(write(tmp_path, "fine.json", results_file()))
    debrief = debrief_one(write(tmp_path, "sim.json", simulate_result()))
    assert comparison is not None and debrief is not None
    no_nan_on(compare.render(comparison))
    no_nan_on(render(debrief))
