"""History's course in the model, for the debrief's history column; and stand-in classes of
headless games for the comparison's benchmark and tests.

The debrief reads records and never plays a game; whoever asks for a debrief (the command line,
the window) hands it `historical_game()`.
"""

from __future__ import annotations

from functools import cache

from ..debrief.analysis import build
from ..debrief.record import GameRecord, from_session
from ..debrief.results import results_json
from .simulator import prepare, run_policy


@cache
def historical_game() -> GameRecord:
    """The bundled Great Turn under the historical policy and weather, without mods (cached)."""
    campaign = prepare("great_turn", "historical", user_mods=False)
    session = run_policy(campaign, seed=1, weather="historical")
    return from_session(session, campaign.scenario, policy="historical")


def sample_results(count: int, scenario: str = "great_turn", policy: str | None = None,
                   weather: str = "random", first_seed: int = 1) -> list[dict]:
    """Results files of `count` headless games (seeds first_seed, first_seed+1, ...), named
    "Run <seed>": a stand-in for a class."""
    campaign = prepare(scenario, policy, user_mods=False)
    history = historical_game()
    out = []
    for seed in range(first_seed, first_seed + count):
        session = run_policy(campaign, seed, weather)
        game = from_session(session, campaign.scenario, policy=campaign.policy.name)
        out.append(results_json(build(game, f"Run {seed}", history), game))
    return out
