"""Replay equality over random policies (hypothesis): whatever a player does, year by year and
card by card, a save loads back as the same game, and the replay matches its snapshot."""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.model import Directives
from game.model.setup import TARGET_KEYS
from game.persist import saves
from game.persist.playthrough import Playthrough, new_game, undo_last_year
from game.persist.snapshot import dump_state, normalised

from .conftest import write_events_mod

SECTORS = ("heavy_industry", "light_industry", "agriculture", "transport_power", "defense")


@cache
def mods_folder() -> Path:
    return write_events_mod(Path(tempfile.mkdtemp(prefix="pyatiletka-mods-")))


@cache
def template() -> Playthrough:
    return new_game("great_turn", mods=[mods_folder()])


def game(seed: int, weather: str) -> Playthrough:
    base = template()
    return Playthrough(base.world, base.deck, seed=seed, weather_mode=weather, scenario=base.scenario,
                       source=base.source, mods=base.mods, content_hash=base.content_hash)


def shares(draw, n: int) -> list[float]:
    raw = draw(st.lists(st.floats(0.01, 1.0), min_size=n, max_size=n))
    total = sum(raw)
    return [x / total for x in raw]


@st.composite
def directives_for(draw, session: Playthrough) -> Directives:
    state, world, year = session.game.state, session.world, session.year
    started = set(state.projects_building) | set(state.projects_done)
    startable = sorted(p.id for p in world.projects if p.earliest_year <= year and p.id not in started)
    projects = draw(st.lists(st.sampled_from(startable), unique=True, max_size=3)) if startable else []
    plans = [p.id for p in world.plans if p.start == year]
    targets = {}
    if plans and draw(st.booleans()):
        keys = draw(st.lists(st.sampled_from(TARGET_KEYS), unique=True, min_size=1, max_size=3))
        targets = {plans[0]: {k: draw(st.floats(0.5, 200.0)) for k in keys}}
    labour = shares(draw, 3)
    return Directives.from_mapping({
        "labor": dict(zip(("farms", "factories", "construction"), labour, strict=True)),
        "investment_rate": draw(st.floats(0.05, 0.6)),
        "investment_split": dict(zip(SECTORS, shares(draw, 5), strict=True)),
        "grain_procurement_mt": draw(st.floats(0.0, 60.0)),
        "grain_exports_mt": draw(st.floats(0.0, 15.0)),
        "collectivization_target": draw(st.floats(0.0, 1.0)),
        "dekulakization": draw(st.booleans()),
        "repression": draw(st.integers(0, 3)),
        "projects": projects,
        "targets": targets,
    })


REPLAY = dict(deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
GAMES = (st.data(), st.integers(0, 2**20), st.sampled_from(("historical", "random")), st.integers(0, 14))


@settings(max_examples=20, **REPLAY)
@given(*GAMES)
def test_any_game_saves_and_replays_to_the_same_game(data, seed, weather, years):
    """A fixed sample; more games under -m slow."""
    saves_and_replays(data, seed, weather, years)


@pytest.mark.slow
@settings(max_examples=80, **REPLAY)
@given(*GAMES)
def test_many_games_save_and_replay_to_the_same_game(data, seed, weather, years):
    saves_and_replays(data, seed, weather, years)


def saves_and_replays(data, seed, weather, years) -> None:
    session = game(seed, weather)
    for _ in range(years):
        if session.finished:
            break
        while pending := session.begin_year():
            event = pending[0]
            session.choose(event.id, data.draw(st.sampled_from([c.id for c in event.choices])))
        session.play_year(data.draw(directives_for(session)))
        if session.records and data.draw(st.integers(0, 9)) == 0:
            session = undo_last_year(session)  # a player may take a year back now and then
    with tempfile.TemporaryDirectory() as folder:
        file = saves.write_save(session, Path(folder) / "game.json")
        loaded = saves.load(file, [mods_folder()])
    assert loaded.records == session.records
    assert normalised(dump_state(loaded.game.state)) == normalised(dump_state(session.game.state))
    assert normalised(loaded.commands) == normalised(session.commands)
    assert [e.as_json() for e in loaded.events] == [e.as_json() for e in session.events]
    assert loaded.undos == session.undos
