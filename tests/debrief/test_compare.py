"""The class comparison: 30 results on one page, quickly; other scenarios and versions refused with
a message that names the file."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from game.cli import main
from game.debrief import compare
from game.debrief.scorecard import AXIS_IDS
from game.headless.baseline import sample_results


@pytest.fixture(scope="module")
def class_files(tmp_path_factory, class_results):
    folder = tmp_path_factory.mktemp("class")
    files = []
    for i, result in enumerate(class_results):
        files.append(folder / f"student-{i:02}.json")
        files[-1].write_text(json.dumps(result), encoding="utf-8")
    return files


def test_thirty_results_make_one_page_with_every_student(class_files, tmp_path):
    # Its speed is the bench's business (compare_30_ms), not a test's.
    comparison = compare.compare(compare.load_results(class_files))
    out = compare.write_html(comparison, tmp_path / "class.html")
    assert len(comparison.entries) == 30
    assert [a.id for a in comparison.axes] == list(AXIS_IDS)
    assert all(len(a.values) == 30 and a.history is not None for a in comparison.axes)
    assert all(sum(g.counts) + g.unknown == 30 for g in comparison.groups)
    html = out.read_text(encoding="utf-8")
    root = ET.fromstring(html.removeprefix("<!DOCTYPE html>\n"))
    strips = [svg for svg in root.iter("svg") if svg.get("class") == "strip"]
    assert len(strips) == 6
    dots = [c for c in strips[0].iter("circle")]
    assert len(dots) == 30 and {c.get("data-name") for c in dots} == {f"Run {s}" for s in range(1, 31)}
    own = re.sub(r"<pre>.*?</pre>", "", html, flags=re.DOTALL)  # the font licence, quoted as it must be
    assert "http" not in own and "<script" not in html
    assert "Run 17" in html and "small numbers" in html


def test_spread_reflects_the_weather(class_results):
    famine = [r["totals"]["famine_deaths_m"] for r in class_results]
    assert len(set(famine)) > 10      # random weather: different games, different outcomes


def test_another_scenario_is_refused(tmp_path, class_files):
    lesson = tmp_path / "lesson.json"
    lesson.write_text(json.dumps(sample_results(1, "first_plan", weather="historical")[0]), encoding="utf-8")
    with pytest.raises(compare.CompareError) as caught:
        compare.load_results([class_files[0], lesson])
    message = caught.value.message
    assert message.startswith(f"{lesson}:") and "first_plan" in message and "great_turn" in message
    assert "another scenario" in message


def test_another_game_version_is_refused(tmp_path, class_results, class_files):
    old = tmp_path / "old.json"
    old.write_text(json.dumps({**class_results[0], "game_version": "0.0.9"}), encoding="utf-8")
    with pytest.raises(compare.CompareError, match=re.escape(f"{old}: ") + ".*another game version"):
        compare.load_results([class_files[0], old])
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({**class_results[0], "scenario": {**class_results[0]["scenario"], "version": "2.0"}}),
                     encoding="utf-8")
    with pytest.raises(compare.CompareError, match="another scenario version"):
        compare.load_results([class_files[0], newer])


def test_files_that_are_not_results_are_refused(tmp_path, historical_result):
    game = tmp_path / "game.json"
    game.write_text(json.dumps(historical_result), encoding="utf-8")
    with pytest.raises(compare.CompareError, match="not a results file; make one first with `debrief"):
        compare.load_results([game])
    damaged = tmp_path / "damaged.json"
    damaged.write_text(json.dumps({"format": "pyatiletka-results", "format_version": 1, "scorecard": {}}),
                       encoding="utf-8")
    with pytest.raises(compare.CompareError, match="damaged"):
        compare.load_results([damaged])
    future = tmp_path / "future.json"
    future.write_text(json.dumps({"format": "pyatiletka-results", "format_version": 99}), encoding="utf-8")
    with pytest.raises(compare.CompareError, match="newer"):
        compare.load_results([future])


def test_names_are_only_what_was_typed(class_results, tmp_path):
    anonymous = tmp_path / "anon.json"
    anonymous.write_text(json.dumps({**class_results[0], "player": None}), encoding="utf-8")
    entry = compare.load_results([anonymous])[0]
    assert entry.name == "(no name: anon)"
    assert set(class_results[0]) == {"format", "format_version", "game_version", "scenario", "player", "seed",
                                     "weather", "ending", "years", "scorecard", "history", "totals", "choices",
                                     "locked", "undos", "commands", "checksum"}  # the game's, nothing personal


def test_cli_compare(class_files, tmp_path, capsys):
    out = tmp_path / "class.html"
    assert main(["compare", *map(str, class_files[:5]), "--html", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("5 results of The Great Turn") and "Lives:" in printed
    assert out.exists()
