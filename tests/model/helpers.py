"""Helpers for the model tests: play a policy, read the reference figures."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from game.events.engine import Deck
from game.headless.benchmarks import records_of
from game.headless.simulator import pick_choice
from game.model import Game, World
from game.scenario import load_scenario
from game.scenario.policy import directives_by_year, load_policy
from game.session import Session

REFERENCE = Path(__file__).resolve().parents[2] / "scenarios" / "reference" / "history.yaml"


@cache
def history() -> dict:
    return yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))


@cache
def great_turn() -> World:
    return load_scenario("great_turn").world()


def play(policy_name: str, world: World | None = None, seed: int = 0,
         weather: str = "historical") -> Game:
    """Play a policy through great_turn with its event deck, answering cards as the policy says."""
    world = world or great_turn()
    policy, path = load_policy(policy_name)
    directives = directives_by_year(policy, world, path)
    session = Session(world, deck(), seed=seed, weather_mode=weather)
    while not session.finished:
        while pending := session.pending:
            session.choose(pending[0].id, pick_choice(policy, pending[0], seed, session.year))
        session.play_year(directives[session.year])
    return session.game


@cache
def deck() -> Deck:
    return load_scenario("great_turn").deck()


@cache
def played(policy_name: str) -> dict[int, dict[str, float]]:
    """Records by year of a policy played with historical weather (cached: the model is pure), with
    the regions' figures (`.regions`: region -> metric -> year -> value)."""
    return records_of(play(policy_name))


def total(records: dict[int, dict[str, float]], metric: str, years=None) -> float:
    return sum(r[metric] for y, r in records.items() if years is None or y in years)
