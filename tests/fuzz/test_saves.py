"""Damaged and hostile saves (issue 15, fault 14): each one mutated from a real save loads, or
gives one clear message naming the file, never a traceback, within two seconds, for `replay`
(saves.load) and for the load screen (saves.peek). 60 examples by default, 300 under -m slow."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.persist import paths, saves
from game.persist.playthrough import new_game
from game.scenario.policy import directives_by_year, load_policy

from .helpers import JUNK, mutated, within

EACH_WITHIN_S = 2.0
# besides the junk every file gets: what a save's own fields could be made to say
SAVE_JUNK = [*JUNK, "completed", "removed", "bogus", 1935, 1927, 10**30, "/etc/passwd.yaml", "../x.yaml",
             "x" * 5000 + ".yaml", "great_turn", "random", {"content": []}, {"allow_undo": "no"},
             {"command": "play_year", "year": 1928, "directives": {}}, {"command": "choose"}]


@cache
def original() -> dict:
    """A first_plan game two years in, its cards answered: a save with commands, records, flags."""
    session = new_game("first_plan", seed=3, user_mods=False)
    policy, path = load_policy(session.scenario.default_policy)
    directives = directives_by_year(policy, session.world, path)
    for _ in range(2):
        while pending := session.begin_year():
            session.choose(pending[0].id, pending[0].choices[-1].id)
        session.play_year(directives[session.year])
    return saves.save_json(session)


def load_and_peek(path: Path) -> None:
    try:
        saves.load(path)
    except saves.SaveError as exc:
        message = exc.message
        assert message.startswith(f"{path}: ") and "Traceback" not in message, message
        if not isinstance(exc, saves.ScenarioMissing | saves.ScenarioChanged):  # these quote a scenario's errors
            assert "\n" not in message, message
    entry = saves.peek(path)
    assert entry.label and (entry.ok or entry.error.startswith(f"{path}: ")), entry


def check(text: str, folder: Path) -> None:
    path = folder / "saves" / "mutated.json"
    path.write_text(text, encoding="utf-8")
    within(EACH_WITHIN_S, load_and_peek, path)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A data folder of its own; the scenario a save names is read once (what is attacked here is
    the save, not the scenario: a scenario takes 0.2 s to load, a damaged save a millisecond)."""
    data = tmp_path_factory.mktemp("data")
    (data / "saves").mkdir()
    paths.set_data_dir(data)
    real = saves.load_with_mods
    loaded: dict = {}

    def once(where, folders):
        key = (str(where), tuple(map(str, folders)))
        if key not in loaded:
            loaded[key] = real(where, folders)
        return loaded[key]

    saves.load_with_mods = once
    yield data
    saves.load_with_mods = real
    paths.set_data_dir(None)


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.deferred(lambda: mutated(original(), SAVE_JUNK)))
def test_mutated_saves_load_or_say_why(folder, text):
    check(text, folder)


@pytest.mark.slow
@settings(max_examples=300, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.deferred(lambda: mutated(original(), SAVE_JUNK)))
def test_mutated_saves_many(folder, text):
    check(text, folder)


def test_the_original_save_loads(folder):
    path = folder / "saves" / "original.json"
    path.write_text(json.dumps(original()), encoding="utf-8")
    assert saves.load(path).year == 1930 and saves.peek(path).ok
