"""Mods as a modder meets them: added and overridden by id, conflicts and wrong targets reported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.persist.paths import mods_dir as user_mods_dir
from game.scenario import SCENARIO_DIR, ScenarioError, load_scenario
from game.scenario.loader import load_with_mods

EXAMPLE = SCENARIO_DIR / "mods" / "uralmash"


def make_mod(folder: Path, mod_id: str, scenario: str = "great_turn", content: str = "") -> Path:
    folder.mkdir(parents=True)
    (folder / "mod.yaml").write_text(
        f"id: {mod_id}\nname: {mod_id}\nversion: '1'\nscenario: {scenario}\n"
        f"description: test mod\nauthor: tests\n", encoding="utf-8")
    (folder / "content.yaml").write_text(content, encoding="utf-8")
    return folder


def test_example_mod_adds_a_project_and_overrides_a_parameter():
    base = load_scenario("great_turn")
    modded = load_scenario("great_turn", mods=[EXAMPLE])
    assert base.parameters.agriculture.voluntary_pace == 0.03
    assert modded.parameters.agriculture.voluntary_pace == 0.05
    assert modded.world().project("uralmash").capacity == {"machinery": 1.5}
    assert len(modded.projects) == len(base.projects) + 1
    assert modded.parameters.food == base.parameters.food  # only what the mod names changes


def test_a_mod_replaces_an_existing_project_by_id(tmp_path):
    make_mod(tmp_path / "cheap", "cheap", content=(
        "projects:\n  - id: magnitogorsk\n    name: Cheap Magnitka\n    sector: heavy_industry\n"
        "    cost_bn: 1.0\n    years: 2\n    earliest_year: 1929\n"))
    scenario = load_scenario("great_turn", mods=[tmp_path])
    ids = [p.id for p in scenario.projects]
    assert ids.count("magnitogorsk") == 1
    assert scenario.world().project("magnitogorsk").cost_bn == 1.0


def test_two_mods_changing_the_same_thing_are_reported_and_the_second_left_out(tmp_path):
    content = "parameters:\n  food:\n    subsistence_t: {}\n"
    make_mod(tmp_path / "a_first", "a_first", content=content.format(0.20))
    make_mod(tmp_path / "b_second", "b_second", content=content.format(0.25))
    loaded = load_with_mods("great_turn", [tmp_path])
    assert loaded.mods == ["a_first"]
    assert loaded.scenario.parameters.food.subsistence_t == 0.20
    (problem,) = loaded.problems
    assert problem.code == "E201"
    assert (problem.line, problem.col) == (3, 5)
    assert problem.file.endswith("b_second/content.yaml")
    assert "parameters.food.subsistence_t, which mod 'a_first' also changes" in problem.message


def test_a_mod_for_another_scenario_is_refused(tmp_path):
    make_mod(tmp_path / "other", "other", scenario="first_plan", content="texts: {a: b}\n")
    loaded = load_with_mods("great_turn", [tmp_path])
    assert loaded.mods == []
    (problem,) = loaded.problems
    assert (problem.code, problem.line) == ("E200", 4)
    assert "is for scenario 'first_plan', not 'great_turn'; not loaded" in problem.message


def test_a_broken_mod_is_listed_with_its_errors_not_dropped_silently(tmp_path):
    make_mod(tmp_path / "typo", "typo", content="parameters:\n  food:\n    subsistense_t: 0.2\n")
    loaded = load_with_mods("great_turn", [tmp_path])
    assert loaded.scenario is not None and loaded.mods == []
    (problem,) = loaded.problems
    assert (problem.code, problem.line, problem.col) == ("E100", 3, 5)
    assert problem.hint == "did you mean 'subsistence_t'?"
    with pytest.raises(ScenarioError) as err:
        load_scenario("great_turn", mods=[tmp_path])
    assert "content.yaml:3:5: E100 unknown key 'subsistense_t'" in str(err.value)


def test_mods_in_the_user_folder_are_found_and_recorded_in_results(tmp_path, capsys):
    folder = user_mods_dir()
    shutil.copytree(EXAMPLE, folder / "uralmash")
    try:
        out = tmp_path / "out.json"
        assert main(["simulate", "--json", str(out)]) == 0
        assert json.loads(out.read_text(encoding="utf-8"))["mods"] == ["uralmash"]
    finally:
        shutil.rmtree(folder)


def test_a_broken_mod_in_the_user_folder_is_left_out_with_a_warning(tmp_path, capsys):
    make_mod(user_mods_dir() / "broken", "broken", content="texts: [not, a, mapping]\n")
    try:
        out = tmp_path / "out.json"
        assert main(["simulate", "--json", str(out)]) == 0
        assert "warning: a mod in your mods folder was left out" in capsys.readouterr().err
        assert json.loads(out.read_text(encoding="utf-8"))["mods"] == []
    finally:
        shutil.rmtree(user_mods_dir())


def test_a_broken_mod_named_on_the_command_line_stops_the_run(tmp_path, capsys):
    make_mod(tmp_path / "typo", "typo", content="parameters:\n  food:\n    subsistense_t: 0.2\n")
    assert main(["simulate", "--mods", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "E100 unknown key 'subsistense_t'" in err and "Traceback" not in err


def test_a_folder_without_a_manifest_is_reported_not_silently_skipped(tmp_path, capsys):
    folder = tmp_path / "nomod"
    folder.mkdir()
    (folder / "mod.yml").write_text("id: nomod\n", encoding="utf-8")
    assert main(["simulate", "--mods", str(folder)]) == 2
    assert "E202" in capsys.readouterr().err
    installed = user_mods_dir() / "half_made"
    installed.mkdir(parents=True)
    (installed / "content.yaml").write_text("texts: {a: b}\n", encoding="utf-8")
    try:
        loaded = load_with_mods("great_turn", [user_mods_dir()])
        assert [p.code for p in loaded.problems] == ["E202"] and loaded.scenario is not None
    finally:
        shutil.rmtree(user_mods_dir())


def test_an_installed_mod_also_named_on_the_command_line_loads_once():
    folder = user_mods_dir()
    shutil.copytree(EXAMPLE, folder / "uralmash")
    try:
        loaded = load_with_mods("great_turn", [folder, folder / "uralmash"])
        assert loaded.mods == ["uralmash"] and loaded.problems == []
    finally:
        shutil.rmtree(folder)
