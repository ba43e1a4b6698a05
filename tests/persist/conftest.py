"""Fixtures for the save tests: a private data folder per test, and a mod of test events.

The test events fire often and use every kind of effect a save must carry across a replay:
follow-ups (next year and the same January), flags raised and cleared, timed modifiers and a
trigger on a flag; so the tests do not depend on the bundled events, which are still growing.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from game.headless.simulator import pick_choice
from game.headless.simulator import playable as simulator_playable
from game.model import Directives
from game.persist import paths
from game.persist.playthrough import Playthrough, new_game
from game.scenario.policy import directives_by_year, load_policy

MOD_ID = "persist_test_events"
MANIFEST = f"""\
id: {MOD_ID}
name: Test events for the save tests
version: "1.0"
scenario: great_turn
description: Events that fire often, with follow-ups, flags and modifiers.
author: tests
"""
CONTENT = """\
events:
  - id: pt_strike
    title: A strike
    text: Workers stop work.
    when: {start: 1929, end: 1940}
    chance: 0.5
    once: false
    cooldown_years: 2
    choices:
      - id: concede
        label: Concede
        forecast: Discontent falls.
        historical: true
        effects: [{add: {urban_discontent: -0.02}}]
      - id: suppress
        label: Suppress
        forecast: Fear rises and output suffers.
        effects:
          - {add: {fear: 0.05}}
          - {modifier: {rate: industrial_output, factor: 0.97, years: 2, decay: 0.5}}
  - id: pt_rumour
    title: A rumour
    text: A rumour.
    when: {start: 1929, end: 1936}
    chance: 0.6
    choices:
      - id: inquire
        label: Inquire
        forecast: A report follows next year.
        historical: true
        effects: [{follow_up: {event: pt_report, years: 1}}, {flag: pt_inquired}]
      - id: now
        label: Act now
        forecast: A report follows at once.
        effects: [{follow_up: {event: pt_report, years: 0}}]
  - id: pt_report
    title: The report
    text: The report.
    triggered_only: true
    choices:
      - id: file
        label: File it
        forecast: Nothing happens.
        historical: true
        effects: [{clear_flag: pt_inquired}]
      - id: act
        label: Act on it
        forecast: Reserves grow.
        effects: [{multiply: {grain_reserve_mt: 1.05}}]
  - id: pt_flagged
    title: After the inquiry
    text: Text.
    trigger: "pt_inquired and fear > 0"
    choices:
      - {id: ok, label: OK, forecast: Nothing much., historical: true, effects: [{add: {peasant_unrest: 0.01}}]}
"""


def write_events_mod(folder: Path, content: str = CONTENT) -> Path:
    mod = folder / MOD_ID
    mod.mkdir(parents=True, exist_ok=True)
    (mod / "mod.yaml").write_text(MANIFEST, encoding="utf-8")
    (mod / "content.yaml").write_text(content, encoding="utf-8")
    return mod


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path):
    """Every test saves into its own folder (portable mode), and leaves the setting as it found it."""
    folder = tmp_path / "data"
    paths.set_data_dir(folder)
    yield folder
    paths.set_data_dir(None)


@pytest.fixture(scope="session")
def events_mod(tmp_path_factory) -> Path:
    return write_events_mod(tmp_path_factory.mktemp("mods"))


@pytest.fixture(scope="session")
def historical() -> tuple:
    policy, path = load_policy("historical")
    return policy, path


def historical_game(events_mod: Path | None = None, seed: int = 1, weather: str | None = None) -> Playthrough:
    return new_game("great_turn", seed, weather, mods=[events_mod] if events_mod else None)


def answer_as_policy(session: Playthrough, policy) -> None:
    for event in session.begin_year():
        session.choose(event.id, pick_choice(policy, event, session.seed, session.year))


def play_policy_year(session: Playthrough, policy, directives: dict[int, Directives]) -> None:
    answer_as_policy(session, policy)
    session.play_year(directives[session.year])


def policy_directives(session: Playthrough, policy, path) -> dict[int, Directives]:
    return directives_by_year(policy, session.world, path)


def answer_randomly(session: Playthrough, rng: random.Random) -> None:
    """Answer every card (including same-January follow-ups) with a random choice."""
    while pending := session.begin_year():
        event = pending[0]
        session.choose(event.id, rng.choice(event.choices).id)


def playable(directives: Directives, session: Playthrough) -> Directives:
    """The directives without projects an event has already started (random answers can do that)."""
    return simulator_playable(directives, session)
