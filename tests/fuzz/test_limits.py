"""Content that is slow inside the limits (issue 15, fault 13): the size limits refuse it, at its
place and before the work starts; content at the limits is accepted. tools/content_limits.py
times both (docs/MODDING.md quotes its figures); these tests check the outcomes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from game.scenario import mods, schema, yamlsource
from game.scenario.loader import load_with_mods
from game.scenario.problems import MAX_PROBLEMS
from game.scenario.validate import validate_paths
from game.scenario.yamlsource import read_source

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import content_limits  # noqa: E402


def mod_with(folder: Path, **files: str) -> Path:
    content_limits.manifest(folder, folder.name)
    for name, text in files.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


def errors_of(folder: Path) -> list[str]:
    return [f"{Path(p.file).name}:{p.line}:{p.col}: {p.code} {p.message}" for p in validate_paths([folder]).errors]


def test_the_mod_of_95000_keys_is_refused_at_its_mapping(tmp_path):
    text = "texts:\n" + "".join(f"  k{i}: v\n" for i in range(95_000))
    assert 1_000_000 < len(text) < yamlsource.MAX_FILE_BYTES  # the 1.1 MB mod of the issue
    # stopped while it is parsed, at the node past twice the limit (keys and values)
    assert errors_of(mod_with(tmp_path / "keys", content=text)) == [
        "content.yaml:20000:11: E004 the file holds more than 20,000 values"]


@pytest.mark.parametrize("items", [199_000, 1_000_000])
def test_a_list_of_many_items_is_refused_before_it_is_built(tmp_path, items):
    path = tmp_path / "long.yaml"
    path.write_text("notes: [" + ",".join(["1"] * items) + "]\n", encoding="utf-8")
    (problem,) = read_source(path).problems
    assert problem.code == "E004" and problem.line == 1
    # the large one is stopped while it is parsed, before a node is built
    assert problem.message == ("the file holds more than 20,000 values" if len(path.read_text()) >
                               yamlsource.PRESCAN_CHARS else "a list of 199,000 items; the limit is 2,000")


def test_a_file_of_more_values_than_the_limit_is_refused(tmp_path):
    rows = "".join(f"    - [{', '.join(['1'] * 9)}]\n" for _ in range(800))  # 8,000 values a table
    path = tmp_path / "wide.yaml"
    path.write_text("".join(f"table_{i}:\n  rows:\n{rows}" for i in range(3)), encoding="utf-8")
    assert len(path.read_text()) < yamlsource.PRESCAN_CHARS  # refused by the count, not the prescan
    (problem,) = read_source(path).problems
    assert problem.code == "E004"
    assert problem.message == "the file holds more than 20,000 values (aliases expanded)"


def test_the_mods_loaded_together_share_one_budget_of_values(tmp_path):
    per_mod = yamlsource.MAX_TOTAL_VALUES // 3
    keys = yamlsource.MAX_KEYS - 1
    for index in range(4):
        files = {f"t{k}": content_limits.texts(keys, f"m{index}.{k}") for k in range(per_mod // keys)}
        mod_with(tmp_path / "mods" / f"m{index}", **files)
    loaded = load_with_mods("great_turn", [tmp_path / "mods"])
    assert loaded.mods == ["m0", "m1", "m2"]
    (problem,) = loaded.errors
    assert problem.code == "E004" and "/m3/" in problem.file
    assert problem.message == "the mods loaded together hold more than 40,000 values"


def test_at_most_max_mods_are_loaded_together_and_the_rest_are_named(tmp_path):
    for index in range(mods.MAX_MODS + 2):
        mod_with(tmp_path / "mods" / f"m{index:02}", content=f"texts: {{m{index}: x}}\n")
    loaded = load_with_mods("great_turn", [tmp_path / "mods"])
    assert loaded.mods == [f"m{index:02}" for index in range(mods.MAX_MODS)]
    (problem,) = loaded.errors
    assert problem.code == "E004" and "m08, " in problem.message and "m09 were left out" in problem.message


def test_more_events_than_a_scenario_may_hold_is_a_clear_error(tmp_path):
    cards = "events:\n" + "".join(content_limits.card(i) for i in range(schema.MAX_EVENTS + 1))
    found = errors_of(mod_with(tmp_path / "deck", a=cards))
    assert any(f"E103 events: list should have at most {schema.MAX_EVENTS} items" in line for line in found), found


def test_a_file_of_thousands_of_mistakes_lists_a_screenful_and_counts_the_rest(tmp_path):
    text = "".join(f"unknown_{i}: 1\n" for i in range(1_500))
    found = errors_of(mod_with(tmp_path / "typos", content=text))
    assert len(found) == MAX_PROBLEMS + 1
    assert found[-1].startswith(f"content.yaml:{MAX_PROBLEMS + 1}:1: E100 unknown key 'unknown_{MAX_PROBLEMS}'")
    assert found[-1].endswith(f"(and {1_500 - MAX_PROBLEMS - 1:,} more problems after this one, not listed)")


@pytest.mark.slow
def test_mods_at_every_limit_are_accepted(tmp_path):
    cases = content_limits.build(tmp_path / "cases")
    for name, (folder, passes) in cases.items():
        assert (validate_paths([folder]).errors == []) == passes, name
    loaded = load_with_mods("great_turn", [tmp_path / "many"] if content_limits.many_mods(tmp_path / "many") else [])
    assert len(loaded.mods) == mods.MAX_MODS and loaded.errors == []
