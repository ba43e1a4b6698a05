"""Whether a game was played locked (undo switched off) is on its results file, its printable
debrief and its handout; the results file carries a checksum over its content and its command
log, and the class comparison flags a file that was changed by hand."""

from __future__ import annotations

import json

import pytest

from game.debrief import build, from_session, render_handout, results_json
from game.debrief.compare import compare, load_results, render, summary_text
from game.debrief.html import render as render_debrief
from game.debrief.results import checksum, integrity
from game.headless.baseline import historical_game
from game.persist.playthrough import new_game, undo_last_year
from game.persist.settings import GameSettings
from game.present.context import GameContext
from game.ui.driver import advance


def played(allow_undo: bool, undo: bool = False):
    session = new_game("first_plan", 5, settings=GameSettings(allow_undo=allow_undo), user_mods=False)
    ctx = GameContext.around(session)
    advance(ctx, 1930)
    if undo:
        session = undo_last_year(session)
        ctx = GameContext.around(session)
    advance(ctx, ctx.world.last_year + 1)
    game = from_session(ctx.session)
    report = build(game, "Team 2", historical_game())
    return report, results_json(report, game), ctx.session


@pytest.fixture(scope="module")
def locked():
    return played(allow_undo=False)


@pytest.fixture(scope="module")
def unlocked_with_an_undo():
    return played(allow_undo=True, undo=True)


def test_a_locked_game_says_so_everywhere(locked):
    report, results, session = locked
    assert results["locked"] is True and results["undos"] == 0
    for page in (render_debrief(report), render_handout(report)):
        assert 'data-locked="true"' in page and "played locked" in page


def test_an_unlocked_game_says_how_many_years_were_taken_back(unlocked_with_an_undo):
    report, results, session = unlocked_with_an_undo
    assert results["locked"] is False and results["undos"] == 1
    assert "1 year taken back" in render_debrief(report) and 'data-locked="false"' in render_handout(report)


def test_the_results_file_carries_the_command_log_and_its_checksum(locked):
    _report, results, session = locked
    assert results["commands"] == session.commands
    assert results["checksum"] == checksum(results) and results["checksum"].startswith("sha256:")
    assert integrity(json.loads(json.dumps(results))) == "ok"  # through a file and back


def write(folder, name, data) -> object:
    path = folder / name
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def test_compare_flags_a_results_file_edited_by_hand(locked, tmp_path):
    _report, results, _session = locked
    honest = write(tmp_path, "honest.json", results)
    better = json.loads(json.dumps(results))
    better["scorecard"]["lives"] = 1000.0                   # a better score typed in
    edited = write(tmp_path, "edited.json", better)
    replayed = json.loads(json.dumps(results))
    replayed["commands"][0]["choice"] = "something_else"  # an answer changed in the log
    log_edited = write(tmp_path, "log.json", replayed)
    old = {k: v for k, v in results.items() if k not in ("checksum", "locked", "undos", "commands")}
    old["format_version"] = 1
    unchecked = write(tmp_path, "old.json", old)
    comparison = compare(load_results([honest, edited, log_edited, unchecked]))
    states = {entry.path.name: entry.integrity for entry in comparison.entries}
    assert states == {"honest.json": "ok", "edited.json": "edited", "log.json": "edited", "old.json": "unchecked"}
    text = summary_text(comparison)
    assert "edited.json" in text and "log.json" in text and "honest.json" not in text
    page = render(comparison)
    assert page.count('data-integrity="edited"') >= 2 and "changed by hand?" in page
    assert 'data-locked="True"' in page
