"""The validator as a modder meets it: every problem at its exact file:line:col, with a code.

Each test writes a small scenario next to a copy of the bundled common/ files (includes must stay
inside the scenario's folder) and checks the one problem it plants.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from game.cli import main
from game.scenario import SCENARIO_DIR, read_scenario
from game.scenario.validate import validate_paths

HEADER = """\
id: broken
name: A broken scenario
version: "1"
description: For the validator tests.
first_year: 1928
last_year: 1941
include: [common/parameters.yaml, common/initial_state.yaml, common/weather.yaml, common/plans.yaml, common/projects.yaml]
"""


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch) -> Path:
    shutil.copytree(SCENARIO_DIR / "common", tmp_path / "common")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def problems_of(folder: Path, body: str, name: str = "scenario.yaml") -> list[str]:
    path = folder / name
    path.write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
    return [p.format().split("\n")[0] for p in read_scenario(path).problems]


def test_clean_scenario_has_no_problems(folder):
    assert problems_of(folder, "") == []


def test_yaml_syntax_error_with_its_line(folder):
    problems = problems_of(folder, "texts:\n  a: [1, 2\n  b: 3\n")
    assert len(problems) == 1 and problems[0].startswith("scenario.yaml:10:4: E003 YAML syntax error")


def test_unknown_key_with_did_you_mean(folder):
    path = folder / "scenario.yaml"
    path.write_text(HEADER.replace("description:", "descripton:"), encoding="utf-8")
    found = read_scenario(path).problems
    codes = [(p.line, p.col, p.code) for p in found]
    assert (4, 1, "E100") in codes
    unknown = next(p for p in found if p.code == "E100")
    assert "unknown key 'descripton'" in unknown.message and unknown.hint == "did you mean 'description'?"


def test_wrong_type(folder):
    assert problems_of(folder, "length_minutes: soon\n") == [
        "scenario.yaml:8:17: E102 length_minutes must be a whole number, not 'soon'"]


def test_yes_no_read_as_boolean_gets_a_hint(folder):
    path = folder / "scenario.yaml"
    path.write_text(HEADER + "texts:\n  answer: no\n", encoding="utf-8")
    (problem,) = read_scenario(path).problems
    assert (problem.line, problem.col, problem.code) == (9, 11, "E102")
    assert "quotes" in problem.hint


def test_value_out_of_range_in_an_included_file(folder):
    common = folder / "common" / "parameters.yaml"
    lines = common.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.strip().startswith("subsistence_t:"))
    lines[number] = "    subsistence_t: -0.2"
    common.write_text("\n".join(lines), encoding="utf-8")
    assert problems_of(folder, "") == [
        f"common/parameters.yaml:{number + 1}:20: E103 parameters.food.subsistence_t must be at least 0.05, not -0.2"]


def test_duplicate_key(folder):
    assert problems_of(folder, "texts:\n  a: one\n  a: two\n") == [
        "scenario.yaml:10:3: E010 duplicate key 'a' (first at line 9)"]


def test_duplicate_id_points_at_the_second(folder):
    body = """\
    projects:
      - id: turksib
        name: Another Turksib
        sector: transport_power
        cost_bn: 1.0
        years: 2
        earliest_year: 1930
    """
    problems = problems_of(folder, body)
    assert len(problems) == 1
    assert problems[0].startswith("scenario.yaml:9:9: E120 projects: id 'turksib' is used twice (first at common/projects.yaml:")


def test_error_in_a_nested_list_item_has_its_own_line(folder):
    body = """\
    projects:
      - id: first_new
        name: First
        sector: heavy_industry
        cost_bn: 1.0
        years: 2
        earliest_year: 1930
      - id: second_new
        name: Second
        sector: heavy_industry
        cost_bn: 0
        years: 2
        earliest_year: 1930
    """
    assert problems_of(folder, body) == [
        "scenario.yaml:18:14: E103 projects[13].cost_bn must be more than 0.0, not 0"]


def test_unknown_reference_with_did_you_mean(folder):
    body = """\
    projects:
      - id: new_mill
        name: New mill
        sector: heavy_industry
        cost_bn: 1.0
        years: 2
        earliest_year: 1930
        capacity: {steal: 1.0}
    """
    path = folder / "scenario.yaml"
    path.write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
    (problem,) = read_scenario(path).problems
    assert (problem.file, problem.line, problem.col, problem.code) == ("scenario.yaml", 15, 16, "E121")
    assert problem.hint == "did you mean 'steel'?"


def test_weather_of_an_unknown_region_group(folder):
    body = "historical_weather:\n  1930:\n    regions: {south: good, east: good, centr: good}\n"
    assert problems_of(folder, body) == ["scenario.yaml:10:40: E121 historical_weather.1930: unknown region group 'centr'"]


def test_weather_must_cover_every_year_played(folder):
    weather = folder / "common" / "weather.yaml"
    text = weather.read_text(encoding="utf-8")
    start = text.index("  1935:")
    weather.write_text(text[:start] + text[text.index("  1936:"):], encoding="utf-8")
    line = text[:text.index("historical_weather:")].count("\n") + 1
    assert problems_of(folder, "") == [f"common/weather.yaml:{line}:1: E131 historical_weather has no entry for 1935"]


def test_shares_that_do_not_sum_to_one(folder):
    body = "parameters:\n  industry:\n    sectors:\n      light_industry: {consumer_goods: 0.9}\n"
    assert problems_of(folder, body) == [
        "scenario.yaml:11:7: E110 parameters.industry.sectors.light_industry: shares sum to 0.900, not 1"]


def test_history_without_a_source_is_a_warning(folder):
    body = "history:\n  steel:\n    label: Steel\n    unit: Mt\n    values: {1932: 5.9}\n"
    path = folder / "scenario.yaml"
    path.write_text(HEADER + body, encoding="utf-8")
    loaded = read_scenario(path)
    assert [p.format().split("\n")[0] for p in loaded.problems] == [
        "scenario.yaml:9:3: W300 history.steel has no source"]
    assert loaded.scenario is not None  # warnings do not stop a scenario


def test_missing_key(folder):
    path = folder / "scenario.yaml"
    path.write_text(HEADER.replace('version: "1"\n', ""), encoding="utf-8")
    assert [p.format().split("\n")[0] for p in read_scenario(path).problems] == [
        "scenario.yaml:1:1: E101 missing key 'version' in the top level"]


def test_include_outside_the_folder_is_refused(folder):
    (folder / "sub").mkdir()
    (folder / "sub" / "scenario.yaml").write_text(HEADER + "include: [../common/plans.yaml]\n", encoding="utf-8")
    path = folder / "sub" / "scenario.yaml"
    path.write_text(HEADER.replace("include: [", "include: [../") , encoding="utf-8")
    problems = [p.format().split("\n")[0] for p in read_scenario(path).problems]
    assert problems[0] == "sub/scenario.yaml:7:11: E020 '../common/parameters.yaml' leads outside sub"


def test_include_cycle(folder):
    (folder / "common" / "loop.yaml").write_text("include: [../scenario.yaml]\n", encoding="utf-8")
    problems = problems_of(folder, "texts: {a: b}\n").copy()
    assert problems == []
    path = folder / "scenario.yaml"
    path.write_text(HEADER.replace("include: [", "include: [common/loop.yaml, "), encoding="utf-8")
    found = [p.format().split("\n")[0] for p in read_scenario(path).problems]
    assert found == ["common/loop.yaml:1:11: E021 '../scenario.yaml' is already being read: the includes form a cycle"]


def test_missing_include(folder):
    path = folder / "scenario.yaml"
    path.write_text(HEADER.replace("common/plans.yaml", "common/plan.yaml"), encoding="utf-8")
    found = [p.format().split("\n")[0] for p in read_scenario(path).problems]
    assert found[0] == "scenario.yaml:7:83: E006 included file 'common/plan.yaml' not found"


@pytest.mark.parametrize(("content", "code", "where"), [
    (b"a: 1\n" + b"b: " + b"x" * (2 * 1024 * 1024) + b"\n", "E001", "bad.yaml: E001"),
    (b"name: Caf\xe9\n", "E002", "bad.yaml:1:10: E002"),
    (b"l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n" + b"".join(
        (f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]\n").encode() for i in range(1, 9)),
     "E004", "E004"),
    (b"a: " + b"[" * 60 + b"]" * 60 + b"\n", "E005", "bad.yaml:1:54: E005"),
    (b"- just\n- a list\n", "E007", "bad.yaml:1:1: E007"),
])
def test_untrusted_input_is_refused_quickly_with_a_message(folder, content, code, where):
    path = folder / "bad.yaml"
    path.write_bytes(content)
    problems = read_scenario(path).problems
    assert [p.code for p in problems] == [code]
    assert where in problems[0].format()


def test_validate_command_lists_every_problem_with_hints(folder, capsys):
    (folder / "scenario.yaml").write_text(
        HEADER.replace("description:", "descripton:") + "historical_weather:\n  1930:\n    regions: {south: rainy}\n",
        encoding="utf-8")
    code = main(["validate", str(folder)])
    out = capsys.readouterr().out
    assert code == 1
    assert "scenario.yaml:4:1: E100 unknown key 'descripton' in the top level\n    hint: did you mean 'description'?" in out
    assert ("scenario.yaml:10:22: E104 historical_weather.1930.regions.south: 'rainy' is not one of 'excellent', "
            "'good', 'average', 'poor', 'drought' or 'wet_blight'") in out
    assert "scenario.yaml:1:1: E101 missing key 'description' in the top level" in out
    assert out.strip().splitlines()[-1].startswith("3 errors, 0 warnings")
    assert "Traceback" not in out


def test_validate_command_passes_all_bundled_content(capsys):
    code = main(["validate", str(SCENARIO_DIR)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert out.startswith("0 errors, 0 warnings")


def test_policy_problems_are_located(tmp_path, capsys):
    policy = (SCENARIO_DIR / "policies" / "historical.yaml").read_text(encoding="utf-8")
    line = policy.split("\n").index(next(x for x in policy.split("\n") if "investment_rate: 0.20" in x)) + 1
    policy = policy.replace("investment_rate: 0.20", "investment_rate: 2.0").replace(
        "projects: [white_sea_canal]", "projects: [white_sea_canall]")
    path = tmp_path / "mine.yaml"
    path.write_text(policy, encoding="utf-8")
    report = validate_paths([path])
    lines = [p.format() for p in report.problems]
    assert any(f":{line}:22: E103 years.1929.investment_rate must be at most 0.6, not 2.0" in x for x in lines), lines
    assert any("E121 years.1931.projects: unknown project 'white_sea_canall'\n    hint: did you mean 'white_sea_canal'?"
               in x for x in lines), lines


def test_an_empty_list_of_plans_beside_the_events_is_reported_not_a_crash(folder):
    """Found by the fuzz test: `plans:` with nothing under it is null, and the events' checks read it."""
    (folder / "common" / "plans.yaml").write_text("plans:\n", encoding="utf-8")
    path = folder / "scenario.yaml"
    path.write_text(HEADER.replace("common/projects.yaml]", "common/projects.yaml, common/events/first_plan_years.yaml]"),
                    encoding="utf-8")
    problems = [p.format().split("\n")[0] for p in read_scenario(path).problems]
    assert any("plans must be a list" in p for p in problems), problems
