"""Games for the debrief tests, each played once per session: the historical policy, a gentle one
(no famine), the First Plan lesson as a save, and results files standing in for a class."""

from __future__ import annotations

import pytest

from game.debrief import build
from game.debrief.record import GameRecord, from_result
from game.headless import simulator
from game.headless.baseline import historical_game as HISTORY
from game.headless.baseline import sample_results


def simulated(scenario: str, policy: str | None = None, seed: int = 1, weather: str | None = None) -> dict:
    campaign = simulator.prepare(scenario, policy, user_mods=False)
    return simulator.simulate(campaign, seed, 1, weather)


@pytest.fixture(scope="session")
def historical_result() -> dict:
    return simulated("great_turn", "historical")


@pytest.fixture(scope="session")
def historical_game(historical_result) -> GameRecord:
    return from_result(historical_result)


@pytest.fixture(scope="session")
def historical_debrief(historical_game):
    return build(historical_game, "Anna K.", HISTORY())


@pytest.fixture(scope="session")
def gentle_result() -> dict:
    return simulated("great_turn", "gentle")


@pytest.fixture(scope="session")
def gentle_game(gentle_result) -> GameRecord:
    return from_result(gentle_result)


@pytest.fixture(scope="session")
def gentle_debrief(gentle_game):
    return build(gentle_game, history=HISTORY())


@pytest.fixture(scope="session")
def class_results() -> list[dict]:
    """30 games of the historical policy under random weather, seeds 1-30."""
    return sample_results(30, weather="random")
