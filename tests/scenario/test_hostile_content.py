"""Content a hostile or careless modder writes (issue 15): what `validate` passes, the game runs;
what the game could not run, `validate` refuses at file:line:col, and the CLI says so in one
message with exit code 2, never a traceback."""

from __future__ import annotations

import json
import math
import re
import shutil
import textwrap
from pathlib import Path

import pytest

from game.cli import main
from game.persist.paths import mods_dir as user_mods_dir
from game.scenario import SCENARIO_DIR
from game.scenario.loader import load_with_mods
from game.scenario.validate import validate_paths


def make_mod(folder: Path, mod_id: str, content: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "mod.yaml").write_text(f"id: {mod_id}\nname: {mod_id}\nversion: '1'\nscenario: great_turn\n"
                                     f"description: test mod\nauthor: tests\n", encoding="utf-8")
    (folder / "content.yaml").write_text(textwrap.dedent(content), encoding="utf-8")
    return folder


def event(body: str, event_id: str = "hostile", effects: str = "") -> str:
    """A one-choice event card; `body` adds keys to the event, `effects` lines to its choice."""
    text = (f"events:\n  - id: {event_id}\n    title: A card\n    text: A text.\n    when: 1930\n{body}"
            f"    choices:\n      - id: only\n        label: Only\n        forecast: Something.\n")
    if effects:
        text += "        effects:\n" + "".join(f"          - {line}\n" for line in effects.splitlines())
    return text + "    premise: always\n"   # last, so the lines above keep their numbers


def validated(capsys, *paths: Path) -> tuple[int, list[str]]:
    code = main(["validate", *map(str, paths)])
    out = capsys.readouterr().out
    assert "Traceback" not in out
    return code, [line for line in out.splitlines() if not line.startswith(" ") and (": E" in line or ": W" in line)]


def simulated(capsys, *args: str) -> tuple[int, str]:
    code = main(["simulate", *args])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


# --- 3: NaN or inf in an effect ------------------------------------------------------------


@pytest.mark.parametrize(("value", "says"), [
    (".nan", "must be a finite number, not nan"),
    (".inf", "must be a finite number, not inf"),
    ("-.inf", "must be a finite number, not -inf"),
    ("1.0e+999", "must be a finite number, not inf"),
    ("1.0e+308", "must be at most 1000000.0, not 1e+308"),
    ("yes", "must be a number, not True"),
    ("'0.5'", "must be a number, not '0.5'"),
])
def test_an_effect_value_the_model_cannot_take_is_refused_where_it_stands(tmp_path, capsys, value, says):
    make_mod(tmp_path / "bad", "bad", event("", effects=f"add: {{grain_reserve_mt: {value}}}"))
    code, problems = validated(capsys, tmp_path / "bad")
    assert code == 1
    assert problems == [f"{tmp_path / 'bad' / 'content.yaml'}:11:37: "
                        f"{'E102' if 'a number,' in says else 'E103'} "
                        f"events[0].choices[0].effects[0].add.grain_reserve_mt {says}"]
    code, err = simulated(capsys, "--mods", str(tmp_path / "bad"))
    assert code == 2 and says in err


def test_a_nan_mod_in_the_user_folder_leaves_new_games_and_saves_working(tmp_path, capsys):
    make_mod(user_mods_dir() / "nan", "nan", event("", effects="multiply: {fear: .nan}"))
    try:
        code, err = simulated(capsys, "--save", str(tmp_path / "game.json"))
        assert code == 0 and "left out" in err and "must be a finite number, not nan" in err
        assert json.loads((tmp_path / "game.json").read_text(encoding="utf-8"))["mods"] == []
        assert main(["replay", str(tmp_path / "game.json")]) == 0
    finally:
        shutil.rmtree(user_mods_dir())


@pytest.mark.parametrize(("body", "says"), [
    ("    chance: .nan\n", "events[0].chance must be a finite number, not nan"),
    ("    priority: yes\n", "events[0].priority must be a whole number, not True"),
    ("    mtth_years: '5'\n", "events[0].mtth_years must be a number, not '5'"),
    ("    cooldown_years: 2.5\n    once: false\n", "events[0].cooldown_years must be a whole number, not 2.5"),
])
def test_the_other_numbers_of_an_event_are_strict_too(tmp_path, capsys, body, says):
    make_mod(tmp_path / "bad", "bad", event(body))
    code, problems = validated(capsys, tmp_path / "bad")
    assert code == 1 and len(problems) == 1 and problems[0].endswith(says), problems


@pytest.mark.parametrize("image", ["../../../../dev/zero", "/etc/passwd", "sub/card.png", "card.exe", ".png"])
def test_an_event_image_is_a_plain_file_name_so_the_window_opens_nothing_else(tmp_path, capsys, image):
    make_mod(tmp_path / "image", "image", event(f"    image: '{image}'\n"))
    code, problems = validated(capsys, tmp_path / "image")
    assert code == 1 and len(problems) == 1
    assert f"E104 events[0].image: '{image}' is not a plain image file name" in problems[0]


@pytest.mark.parametrize(("factor", "says"), [(".inf", "must be a finite number, not inf"),
                                              ("5.0", "must be at most 2.0, not 5.0"),
                                              ("yes", "must be a number, not True")])
def test_a_weather_factor_is_one_the_model_can_take(tmp_path, factor, says):
    from game.scenario import read_scenario

    shutil.copytree(SCENARIO_DIR / "common", tmp_path / "common")
    text = (SCENARIO_DIR / "great_turn.yaml").read_text(encoding="utf-8")
    params = (SCENARIO_DIR / "common" / "parameters.yaml").read_text(encoding="utf-8")
    params = re.sub(r"drought: [0-9.]+", f"drought: {factor}", params, count=1)
    (tmp_path / "common" / "parameters.yaml").write_text(params, encoding="utf-8")
    (tmp_path / "great_turn.yaml").write_text(text, encoding="utf-8")
    (problem,) = read_scenario(tmp_path / "great_turn.yaml").errors
    assert problem.file.endswith("parameters.yaml") and f"parameters.weather.factors.drought {says}" in problem.message


# --- 4: a blank trigger --------------------------------------------------------------------


def test_a_whitespace_only_trigger_is_a_validation_error_at_its_place(tmp_path, capsys):
    make_mod(tmp_path / "blank", "blank", event("    trigger: '   '\n"))
    code, problems = validated(capsys, tmp_path / "blank")
    assert code == 1
    assert problems == [f"{tmp_path / 'blank' / 'content.yaml'}:6:14: E104 events[0].trigger: the trigger is "
                        f"blank; leave trigger: out for an event that needs no condition"]
    code, err = simulated(capsys, "--mods", str(tmp_path / "blank"))
    assert code == 2 and "the trigger is blank" in err


# --- 5: keys that YAML reads as numbers or true/false ---------------------------------------


@pytest.mark.parametrize(("content", "where", "says"), [
    ("texts: {1: x}\n", "1:9", "E102 texts: the key 1 must be text"),
    ("texts: {yes: x}\n", "1:9", "E102 texts: the key true must be text"),
    ("glossary: {2: {term: a, text: b}}\n", "1:12", "E102 glossary: the key 2 must be text"),
    ("history: {no: {label: a, unit: b, source: c, values: {1930: 1}}}\n", "1:11",
     "E102 history: the key false must be text"),
    ("history: {h: {label: a, unit: b, source: c, values: {on: 1}}}\n", "1:54",
     "E102 history.h.values: the key true must be a whole number"),
    ("parameters: {industry: {products: {1: {}}}}\n", "1:36", "E121 parameters.industry.products: unknown name '1'"),
    (event("", effects="add: {1: 0.5}"), "11:19", "E102 events[0].choices[0].effects[0].add: the key 1 must be text"),
    ("projects:\n  - {id: p, name: P, sector: heavy_industry, cost_bn: 1, years: 2, earliest_year: 1929,\n"
     "     capacity: {yes: 1}}\n", "3:17", "E121 projects[0].capacity: unknown name 'true'"),
])
def test_a_number_or_yes_no_key_is_a_clear_error_not_a_type_error(tmp_path, capsys, content, where, says):
    make_mod(tmp_path / "keys", "keys", content)
    code, problems = validated(capsys, tmp_path / "keys")
    assert code == 1
    assert f"{tmp_path / 'keys' / 'content.yaml'}:{where}: {says}" in problems, problems


# --- 9: YAML 1.1 spellings of one integer ---------------------------------------------------


@pytest.mark.parametrize("spelling", ["0x78a", "03612", "32:10", "1_930", "0b11110001010"])
def test_yaml_11_spellings_of_one_year_are_duplicate_keys(tmp_path, spelling):
    policy = (SCENARIO_DIR / "policies" / "historical.yaml").read_text(encoding="utf-8")
    lines = policy.splitlines()
    line = lines.index("  1930:") + 1
    policy = policy.replace("\n  1929:\n", f"\n  {spelling}:\n    repression: 3\n  1929:\n", 1)
    path = tmp_path / "twice.yaml"
    path.write_text(policy, encoding="utf-8")
    found = [p for p in validate_paths([path]).problems if p.code == "E010"]
    assert [(p.line, p.col) for p in found] == [(line + 2, 3)]
    assert found[0].message.startswith(f"duplicate key '1930' (first at line {lines.index('  1929:') + 1}, "
                                       f"written '{spelling}': YAML reads both as 1930)")


def test_keys_equal_once_read_are_duplicates_too(tmp_path):
    path = tmp_path / "part.yaml"
    path.write_text("texts:\n  yes: a\n  true: b\n", encoding="utf-8")
    (problem,) = validate_paths([path]).problems
    assert (problem.code, problem.line) == ("E010", 3)
    assert "written 'yes': YAML reads both as True" in problem.message


# --- 11: two mods with one id ---------------------------------------------------------------


def test_two_mods_with_the_same_id_load_once_and_say_so(tmp_path, capsys):
    make_mod(tmp_path / "mods" / "a_copy", "twin", "texts: {twin.a: first}\n")
    make_mod(tmp_path / "mods" / "b_copy", "twin", "texts: {twin.b: second}\n")
    loaded = load_with_mods("great_turn", [tmp_path / "mods"])
    assert loaded.mods == ["twin"] and "twin.b" not in loaded.scenario.texts
    (problem,) = loaded.problems
    assert (problem.code, problem.line, problem.col) == ("E203", 1, 5)
    assert problem.file.endswith("b_copy/mod.yaml") and "a_copy" in problem.message
    code, problems = validated(capsys, tmp_path / "mods" / "a_copy", tmp_path / "mods" / "b_copy")
    assert code == 1 and len(problems) == 1 and "E203 mod id 'twin' is also the id of the mod in" in problems[0]
    code, err = simulated(capsys, "--mods", str(tmp_path / "mods"))
    assert code == 2 and "E203" in err


# --- 12: a flag named like a project's status -----------------------------------------------


def test_a_flag_named_like_a_project_status_is_refused_with_a_suggestion(tmp_path, capsys):
    make_mod(tmp_path / "flag", "flag", event("", effects="flag: built_magnitogorsk"))
    code, problems = validated(capsys, tmp_path / "flag")
    assert code == 1
    assert problems == [f"{tmp_path / 'flag' / 'content.yaml'}:11:19: E120 flag: 'built_magnitogorsk' is the name "
                        f"of project magnitogorsk's status, not a flag (conditions read built_magnitogorsk as true "
                        f"once magnitogorsk is finished)"]
    report = validate_paths([tmp_path / "flag"])
    assert report.errors[0].hint.startswith("Did you mean to test the project? A trigger can read built_magnitogorsk")


# --- 18: an empty policy file ---------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n"])
def test_an_empty_policy_file_is_a_clear_message(tmp_path, capsys, text):
    path = tmp_path / "empty.yaml"
    path.write_text(text, encoding="utf-8")
    code, err = simulated(capsys, "--policy", str(path))
    assert code == 2
    assert err.strip() == f"error: {path}: E007 the policy file is empty"


# --- 1 and 2: numbers the model cannot take; effects at the edge of the domain -------------------


def test_yes_for_a_death_rate_is_refused_where_it_stands(tmp_path, capsys):
    make_mod(tmp_path / "inf", "inf", "parameters:\n  population:\n    death_rate_rural: yes\n")
    code, problems = validated(capsys, tmp_path / "inf")
    assert code == 1 and len(problems) == 1
    assert "content.yaml:3:23: E102" in problems[0] and "must be a number, not True" in problems[0]


def test_no_villagers_left_is_an_outcome_not_a_crash(tmp_path, capsys):
    """Fault 2: `set: {rural_population_m: 0}` validated, then divided by zero in food.py."""
    make_mod(tmp_path / "empty", "empty",
             event("", effects="set: {rural_population_m: 0}").replace("when: 1930", "when: 1929"))
    code, problems = validated(capsys, tmp_path / "empty")
    assert code == 0, problems
    code, err = simulated(capsys, "--scenario", "great_turn", "--mods", str(tmp_path / "empty"),
                          "--json", str(tmp_path / "run.json"))
    assert code == 0, err
    series = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))["series"]
    assert all(math.isfinite(v) and v >= 0 for values in series.values() for v in values)
