"""The model's feasible range for a plan's targets: where the economy could plausibly be in the
plan's last year, run forward from now over several weather draws under the default policy
(what history did). A projection on throwaway copies of the game: the game itself is untouched.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Band, DirectiveError, Game
from ..model.setup import Plan
from .context import GameContext
from .i18n import _
from .viewmodel import TARGET_METRIC, measure

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


@dataclass(frozen=True)
class TargetRow:
    """One of a plan's targets as the targets screens show it: history's figure, the model's
    likely range for the plan's last year, the player's figure, and a slider's ends."""

    key: str
    label: str
    history: str
    likely: str
    value: float
    shown: str
    low: float
    high: float


def target_rows(ctx: GameContext, plan: Plan, targets: dict[str, float],
                band: dict[str, Band] | None = None) -> list[TargetRow]:
    """The plan's targets (`targets`: the player's, by key), with the projection `band`
    (plan_range's, worked out here if not given)."""
    band = plan_range(ctx, plan) if band is None else band
    rows = []
    for key in [k for k in TARGET_METRIC if k in plan.historical_targets or k in targets]:
        spec = measure(TARGET_METRIC[key])
        history = plan.historical_targets.get(key)
        likely = band.get(key)
        value = targets.get(key, history or 0.0)
        low, high = slider_range(history if history is not None else value, likely)
        rows.append(TargetRow(key, spec.label, spec.format(history) if history else "—",
                              spec.range(likely.low, likely.high) if likely else _("no projection"), value,
                              spec.format(value), low, high))
    return rows


def slider_range(history: float, likely: Band | None) -> tuple[float, float]:
    """A target's slider: from half the lower of history's figure and the likely range to 1.6
    times the higher."""
    low = min(history, likely.low if likely else history)
    high = max(history, likely.high if likely else history)
    return round(max(0.1, low * 0.5), 1), round(high * 1.6 + 0.5, 1)


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
