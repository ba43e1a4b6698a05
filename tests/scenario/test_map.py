"""The map file as a modder meets it: a broken outline, a region the model does not have, a card
naming an unknown region, each at its file:line:col; and the bundled map as a player sees it."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from game.scenario import SCENARIO_DIR, read_scenario
from game.scenario.map import parse_ring

HEADER = """\
id: mapped
name: A scenario with a map
version: "1"
description: For the map tests.
first_year: 1928
last_year: 1941
include: [common/parameters.yaml, common/initial_state.yaml, common/weather.yaml, common/plans.yaml,
          common/projects.yaml, common/regions.yaml]
"""


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch) -> Path:
    shutil.copytree(SCENARIO_DIR / "common", tmp_path / "common")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def problems_of(folder: Path, body: str) -> list[str]:
    path = folder / "scenario.yaml"
    path.write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
    return [p.format().split("\n")[0] for p in read_scenario(path).problems]


def test_the_bundled_map_loads_with_every_region_outlined(folder):
    assert problems_of(folder, "") == []
    loaded = read_scenario(folder / "scenario.yaml")
    spec = loaded.scenario.map
    assert list(spec.regions) == list(loaded.scenario.parameters.regions.regions)
    x0, y0, x1, y1 = spec.projected.bounds
    assert x1 > x0 and y1 > y0


def test_a_broken_point_in_an_outline_is_named_at_its_line(folder):
    text = (folder / "common/regions.yaml").read_text(encoding="utf-8")
    start = text.index('    belarus:')
    ring = text.index('        - "', start)
    broken = text[:ring] + '        - "27.5 53.1, twenty 54, 28.0 54.5"\n' + text[text.index("\n", ring) + 1:]
    (folder / "common/regions.yaml").write_text(broken, encoding="utf-8")
    line = broken[:ring].count("\n") + 1
    problems = problems_of(folder, "")
    assert len(problems) == 1
    assert problems[0].startswith(f"common/regions.yaml:{line}:")
    assert "ring 1: point 2 is 'twenty 54'" in problems[0]


def test_a_region_the_model_does_not_have_and_one_left_out(folder):
    path = folder / "common/regions.yaml"
    text = path.read_text(encoding="utf-8").replace("    belarus:", "    byelorussia:")
    path.write_text(text, encoding="utf-8")
    problems = problems_of(folder, "")
    assert any("E121 map.regions.byelorussia: no such region in parameters.regions" in p for p in problems)
    assert any("E121 map.regions: no outline for belarus" in p for p in problems)


def test_a_card_naming_an_unknown_region(folder):
    problems = problems_of(folder, """\
        events:
          - id: a_card
            title: A card
            text: Something happens.
            when: 1930
            regions: [ukraine, atlantis]
            choices: [{id: ok, label: OK}]
        """)
    assert [p for p in problems if "E121" in p] == [
        "scenario.yaml:14:24: E121 events[a_card].regions: no region 'atlantis'"]


@pytest.mark.parametrize("text, message", [
    ("1 2, 3 4", "a ring needs at least 3 points; this one has 2"),
    ("1 2, 3 4, 500 5", "point 3 (500 5) is off the globe"),
    ("1 2, 3 4 5, 6 7", "point 2 is '3 4 5'"),
])
def test_ring_errors_say_which_point(text, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_ring(text)
