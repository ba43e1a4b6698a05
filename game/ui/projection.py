"""The model's feasible range for a plan's targets: where the economy could plausibly be in the
plan's last year, run forward from now over several weather draws under the default policy
(what history did). A projection on throwaway copies of the game: the game itself is untouched.
"""

from __future__ import annotations

from ..model import Band, DirectiveError, Game
from ..model.setup import Plan
from ..present.context import GameContext
from ..present.viewmodel import TARGET_METRIC

PROJECTION_DRAWS = 16


def plan_range(ctx: GameContext, plan: Plan, draws: int = PROJECTION_DRAWS) -> dict[str, Band]:
    """Target key -> the 10th, 50th and 90th percentile of the plan's last year's output."""
    samples: dict[str, list[float]] = {key: [] for key in TARGET_METRIC}
    session = ctx.session
    for draw in range(draws):
        trial = Game(ctx.world, seed=session.seed * 7919 + draw + 1, weather_mode="random")
        trial.state = session.game.state.copy()
        trial.records = list(session.game.records)
        try:
            record = _run_to(trial, ctx, plan.end)
        except DirectiveError:
            continue  # a projection history cannot follow (a project the player already built)
        if record is None:
            continue
        for key, metric in TARGET_METRIC.items():
            samples[key].append(record[metric])
    return {key: spread(values) for key, values in samples.items() if values}


def spread(values: list[float]) -> Band:
    ordered = sorted(values)
    last = len(ordered) - 1
    return Band(*(ordered[min(last, int(q * last + 0.5))] for q in (0.1, 0.5, 0.9)))


def _run_to(game: Game, ctx: GameContext, last_year: int) -> dict[str, float] | None:
    record = None
    while not game.finished and game.year <= last_year:
        directives = ctx.campaign.directives.get(game.year) or ctx.campaign.directives[max(ctx.campaign.directives)]
        started = set(game.state.projects_building) | set(game.state.projects_done)
        projects = tuple(p for p in directives.projects if p not in started
                         and game.year >= ctx.world.project(p).earliest_year)
        record = game.play_year(directives.model_copy(update={"projects": projects}))
    return record if record is not None and record["year"] == last_year else None
