"""The debrief: a finished game beside history, as data, a printable page and a results file;
and the class comparison.

For the game window (the in-game debrief screen) the whole API is:

    from game.debrief import debrief_of, plan_debrief_of

    history = game.headless.baseline.historical_game()  # the caller runs history's game
    report = debrief_of(session, player="Team 3", history=history)  # a Playthrough (or Session + scenario=)
    report.scorecard       # six Axis: name, unit, value, history, formula (no total, no ranking)
    report.epilogue        # Epilogue: id, readiness, history, paragraphs [(text, sources)]
    report.charts          # Chart: title, unit, lines [(year, value)...], marks (history's Figures), band
    report.plans           # PlanTable per plan: rows of target, reported, real, history's target and output
    report.timeline        # TimelineEntry: year, changes, cards answered, what followed
    report.events          # EventEntry for every card: choice, history's choice, what happened, sources
    report.ledger          # the human cost beside history's (LedgerRow: player_text, history_text, figures)
    report.questions       # three Question: lead (the player's own figures) and the question
    report.perspectives    # historians' positions with their authors and works
    report.sources         # every work cited
    report.as_json()       # all of it as plain data

    short = plan_debrief_of(session, "first_plan")  # the same, cut at the end of that plan's last year

    write_html(report, path)            # the printable page
    write_handout(report, path)         # the two-page handout
    results_json(report, game) -> dict  # the file `compare` reads (game = record_of(session))

Every text in a report that came from a scenario or a mod is plain text: escape it when drawing it
as markup. Figures with `approximate` set (tag M) must be shown as approximate ("about").
"""

from __future__ import annotations

from .analysis import Debrief, build
from .handout import render_handout, write_handout
from .html import write_html
from .record import GameRecord, from_result, from_session, load_game
from .results import results_json


def record_of(session, scenario=None) -> GameRecord:
    """The debrief's view of a game in memory (a Playthrough, or a Session with its scenario)."""
    return from_session(session, scenario)


def debrief_of(session, player: str | None = None, scenario=None, history: GameRecord | None = None) -> Debrief:
    """The full debrief of a game in memory; `history`: the historical game for the scorecard
    (game.headless.baseline.historical_game())."""
    return build(from_session(session, scenario), player, history)


def plan_debrief_of(session, plan_id: str, player: str | None = None, scenario=None,
                    history: GameRecord | None = None) -> Debrief:
    """The debrief at the end of one plan: the game cut at the plan's last year (or the last year
    played, if the game has not got that far)."""
    game = from_session(session, scenario)
    plan = next((p for p in game.scenario.plans if p.id == plan_id), None)
    if plan is None:
        from .record import DebriefError

        raise DebriefError(f"unknown plan {plan_id!r}; plans: {', '.join(p.id for p in game.scenario.plans)}")
    return build(game.until(min(plan.end, game.last_year)), player, history)


__all__ = ["Debrief", "GameRecord", "build", "debrief_of", "from_result", "from_session", "load_game",
           "plan_debrief_of", "record_of", "render_handout", "results_json", "write_handout", "write_html"]
