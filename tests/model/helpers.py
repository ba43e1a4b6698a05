"""Helpers for the model tests: play a policy, read the reference figures."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from game.headless.policy import directives_by_year, load_policy
from game.model import Game, World
from game.scenario import load_scenario

REFERENCE = Path(__file__).resolve().parents[2] / "scenarios" / "reference" / "history.yaml"


@cache
def history() -> dict:
    return yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))


@cache
def great_turn() -> World:
    return load_scenario("great_turn").world()


def play(policy_name: str, world: World | None = None, seed: int = 0,
         weather: str = "historical") -> Game:
    world = world or great_turn()
    policy, path = load_policy(policy_name)
    directives = directives_by_year(policy, world, path)
    game = Game(world, seed=seed, weather_mode=weather)
    for year in range(world.first_year, world.last_year + 1):
        if game.finished:
            break
        game.play_year(directives[year])
    return game


@cache
def played(policy_name: str) -> dict[int, dict[str, float]]:
    """Records by year of a policy played with historical weather (cached: the model is pure)."""
    return {int(r["year"]): r for r in play(policy_name).records}


def total(records: dict[int, dict[str, float]], metric: str, years=None) -> float:
    return sum(r[metric] for y, r in records.items() if years is None or y in years)
