"""A command that fails changes nothing: the year, an event answer and a January's draw resolve on a
copy of the state and commit only on success, so a retry plays exactly as if nothing had failed."""

from __future__ import annotations

import dataclasses

import pytest

import game.model.year as year_module
import game.session as session_module
from game.model import Game
from game.model.state import State
from game.session import Session

from .helpers import deck, great_turn


class Fault(RuntimeError):
    pass


def _fail_once(monkeypatch, module, name):
    """Make `module.name` raise the first time it is called, then behave as before."""
    original = getattr(module, name)
    calls = {"n": 0}

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise Fault(f"{name} failed")
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, flaky)
    return calls


def _played_to(historical_directives, last_year: int) -> Game:
    game = Game(great_turn(), seed=5)
    for year in range(1928, last_year + 1):
        game.play_year(historical_directives[year])
    return game


@pytest.mark.parametrize("mechanism", ["update_herds", "produce", "repress", "grow_and_move"])
def test_a_year_that_fails_leaves_the_game_as_it_was(monkeypatch, historical_directives, mechanism):
    clean = _played_to(historical_directives, 1929)
    game = _played_to(historical_directives, 1928)
    before = game.state.copy()
    records_before = list(game.records)

    _fail_once(monkeypatch, year_module, mechanism)
    with pytest.raises(Fault):
        game.play_year(historical_directives[1929])

    assert game.state == before
    assert game.records == records_before and len(game.commands) == 1
    game.play_year(historical_directives[1929])          # the retry
    assert game.records == clean.records
    assert game.state == clean.state


def test_a_failed_year_that_starts_a_project_can_be_retried(monkeypatch, historical_directives):
    starting = next(year for year, d in historical_directives.items() if d.projects)
    game = _played_to(historical_directives, starting - 1)
    _fail_once(monkeypatch, year_module, "produce")
    with pytest.raises(Fault):
        game.play_year(historical_directives[starting])
    assert not set(historical_directives[starting].projects) & set(game.state.projects_building)
    record = game.play_year(historical_directives[starting])   # not "already started"
    assert record["year"] == starting


def _session_with_cards() -> Session:
    session = Session(great_turn(), deck(), seed=2)
    assert session.begin_year(), "the first January has cards"
    return session


def test_an_answer_whose_effects_fail_changes_nothing(monkeypatch):
    session = _session_with_cards()
    event = next(e for e in session.pending if any(len(c.effects) >= 2 for c in e.choices))
    choice = next(c for c in event.choices if len(c.effects) >= 2)
    before = session.game.state.copy()
    pending_before = [e.id for e in session.pending]

    original = session_module.apply_effect
    applied = {"n": 0}

    def fails_on_the_second(state, world, effect, source=""):
        applied["n"] += 1
        if applied["n"] == 2:
            raise Fault("second effect")
        original(state, world, effect, source)

    monkeypatch.setattr(session_module, "apply_effect", fails_on_the_second)
    with pytest.raises(Fault):
        session.choose(event.id, choice.id)
    assert session.game.state == before
    assert [e.id for e in session.pending] == pending_before
    assert session.commands == [] and session.events == []

    monkeypatch.setattr(session_module, "apply_effect", original)
    session.choose(event.id, choice.id)
    reference = _session_with_cards()
    reference.choose(event.id, choice.id)
    assert session.game.state == reference.game.state


def test_a_january_draw_that_fails_can_be_drawn_again(monkeypatch):
    session = Session(great_turn(), deck(), seed=2)
    before = session.game.state.copy()
    _fail_once(monkeypatch, session.deck, "due")
    with pytest.raises(Fault):
        session.begin_year()
    assert session.game.state == before
    assert [e.id for e in session.begin_year()] == [e.id for e in _session_with_cards().pending]


def test_a_state_copy_shares_nothing_mutable(historical_directives):
    state = _played_to(historical_directives, 1931).state
    state.modifiers = state.modifiers or []
    copy = state.copy()
    assert copy == state
    for field in dataclasses.fields(State):
        value = getattr(state, field.name)
        if isinstance(value, dict | list):
            assert getattr(copy, field.name) is not value, field.name
            for key in (value if isinstance(value, dict) else range(len(value))):
                item = value[key]
                if isinstance(item, dict | list) or dataclasses.is_dataclass(item):
                    assert getattr(copy, field.name)[key] is not item, f"{field.name}[{key!r}]"
