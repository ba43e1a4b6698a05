"""The browser edition's bridge: the game's commands and views as JSON-ready dicts.

The browser's page talks to Python (Pyodide, in a Web Worker) through one object, `Bridge`:
each method takes plain values and returns plain dicts and lists, which cross into JavaScript as
JSON. Everything it returns is read from the session and the display-free view models in
game/present, the same ones the window draws: the page formats nothing and decides nothing.
Commands go through the session (`choose`, `play_year`), so a browser game replays, saves and
debriefs like a desktop one.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict

from ..errors import UserError
from ..headless.explain import EXPLAINED_METRICS
from ..model.levers import CONTROLS, REPRESSION_LEVELS, parts_of
from ..present.cards import REVEAL_LATER
from ..present.charts import Chart, end_charts, report_charts
from ..present.context import Draft, GameContext
from ..present.end import headline, plan_ending
from ..present.outlook import OutlookView
from ..present.projection import target_rows
from ..present.report import plan_notes, plan_view
from ..present.scales import nice_ceiling
from ..present.viewmodel import (
    INDICATOR_GROUPS,
    epilogue,
    indicators,
    internal_lines,
    measure,
    report_lines,
    trend_word,
    year_costs,
)
from ..present.why import WhyView
from ..scenario.levers import LEVER_FIELDS
from ..scenario.loader import bundled_scenarios, read_yaml, scenario_path


class BridgeError(UserError):
    """A command the page sent that the game refuses, with the game's own message."""


class Bridge:
    """One browser tab's game."""

    def __init__(self) -> None:
        self.ctx: GameContext | None = None
        self._debriefed: tuple = (None, None)   # (the game's state, its debrief)

    # -- before a game ---------------------------------------------------------------------
    @staticmethod
    def scenarios() -> list[dict]:
        """The bundled scenarios, for the title screen's picker: each one's own file only (its
        name, description and years), not the shared parts it includes, so that the title comes
        up without reading every scenario whole (with pure-Python YAML, about a second each);
        `start` reads the chosen one whole, and reports any problem then."""
        found = []
        for scenario_id in bundled_scenarios():
            try:
                header = read_yaml(scenario_path(scenario_id))
            except UserError as exc:
                found.append({"id": scenario_id, "name": scenario_id, "description": str(exc),
                              "first_year": None, "last_year": None})
                continue
            header = header if isinstance(header, dict) else {}
            found.append({"id": scenario_id, "name": str(header.get("name") or scenario_id),
                          "description": str(header.get("description") or ""),
                          "first_year": header.get("first_year"), "last_year": header.get("last_year")})
        # The lesson first, then the full campaign, then the counterfactuals (as the window).
        return sorted(found, key=lambda s: (_length(s), s["id"] != "great_turn", s["id"]))

    def start(self, scenario_id: str, seed: int, weather: str | None = None, settings: dict | None = None) -> dict:
        """Command: a new game with the page's settings (classroom, content, allow_undo: the
        window's); returns its first view."""
        choices = self._command(_game_settings, settings or {})
        self.ctx = self._command(GameContext.start, scenario_id, int(seed), weather, choices, False)
        return self.view()

    def undo(self) -> dict:
        """Command: take back the last year (when the game allows it: not an assessment);
        returns the view of its January again, cards and directives to set anew."""
        self.ctx = self._command(self._game().undone)
        return self.view()

    def save(self) -> str:
        """The game as a save file's text: the same format the window writes (its command log
        and a snapshot), so the desktop game loads it, and `load` takes the desktop's."""
        from ..persist.saves import encode, save_json

        return encode(save_json(self._game().session)).decode("utf-8")

    def load(self, text: str, name: str = "the save file", newest_locked: list[str] | tuple = ()) -> dict:
        """Command: continue a saved game (the page's autosave, or a file the player chose);
        the save is checked and replayed as the window does. Returns its view.

        `newest_locked`: the newest state the page has kept of each game played locked (an
        assessment, undo off). A locked game continues only from its newest state, as in the
        window: an older save of it is refused."""
        from ..persist.saves import parse_save, restore

        where = name if len(name) <= 120 else name[:117] + "..."
        raw = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        save = self._command(parse_save, raw, where)
        _refuse_an_older_locked_save(save, newest_locked)
        session = self._command(restore, save, where)
        self.ctx = GameContext.around(session)
        return self.view()

    def start_lesson(self, code: str) -> dict:
        """Command: the game a lesson code names (its scenario, seed, weather and settings, the
        same code the window reads: `python main.py lesson`); returns its first view."""
        from ..persist.lessons import start_lesson

        self.ctx = GameContext.around(self._command(start_lesson, str(code)[:64]))
        return self.view()

    # -- the year ---------------------------------------------------------------------------
    def view(self) -> dict:
        """The year screen: the year, the plan, the figures in their panels, the cards waiting
        and the levers with this year's draft."""
        ctx = self._game()
        plan = ctx.plan
        cards = [self._card(event.id) for event in ctx.session.pending] if not ctx.finished else []
        return {
            "year": ctx.year,
            "finished": ctx.finished,
            "scenario": {"id": ctx.scenario.id, "name": ctx.scenario.name},
            "game_id": getattr(ctx.session, "game_id", ""),
            "locked": bool(getattr(ctx.session, "locked", False)),
            "settings": _settings_of(ctx.session),
            "can_undo": ctx.can_undo(),
            "plan": {"id": plan.id, "name": plan.name, "start": plan.start, "end": plan.end} if plan else None,
            "panels": [{"title": title, "rows": [self._row(row) for row in indicators(ctx, metrics)]}
                       for title, metrics in INDICATOR_GROUPS],
            "cards": cards,
            "levers": self._levers() if not ctx.finished else [],
            # The targets' likely range is 16 runs of the plan: worked out when the directives are
            # shown (every card answered), not again at each card of the January.
            "targets": self._targets() if ctx.sets_targets_now() and not cards else None,
            "projects": self._projects() if ctx.holds("projects") and not ctx.finished else [],
            "charts": _charts(end_charts(ctx)) if ctx.finished else [],
        }

    def choose(self, event_id: str, choice_id: str) -> dict:
        """Command: answer a waiting card; returns what the answer did, and the new view."""
        ctx = self._game()
        self._command(ctx.session.choose, event_id, choice_id)
        answered = ctx.session.events[-1]
        return {"aftermath": list(answered.aftermath), "view": self.view()}

    def play_year(self, draft: dict[str, object]) -> dict:
        """Command: the year's directives (the levers' values, as the page's controls hold
        them); returns the year-end report and the next year's view."""
        ctx = self._game()
        kept = ctx.ensure_draft()
        ctx.draft = _trial_draft(ctx, kept, draft)  # a refused year leaves the draft as it was
        try:
            record = self._command(ctx.play_year)
        except BridgeError:
            ctx.draft = kept
            raise
        return {"report": self._report(record), "view": self.view()}

    def outlook(self, draft: dict[str, object], to_last_year: bool = False) -> dict:
        """Where the page's directives lead if kept (to the plan's end, or to the game's), over
        60 weather draws, against the year's directives as they stood: the window's outlook."""
        ctx = self._game()
        if ctx.finished:
            raise BridgeError("the game is over: there is no outlook")
        kept = ctx.ensure_draft()
        base = self._command(ctx.directives)
        ctx.draft = _trial_draft(ctx, kept, draft)
        try:
            now = self._command(ctx.directives)
        finally:
            ctx.draft = kept
        view = OutlookView(ctx, to_last_year=bool(to_last_year))
        view.begin(base)
        view.aim(now)
        view.finish()
        return {"title": view.title(), "status": view.status(), "rows": [asdict(row) for row in view.rows()]}

    def why(self, metric: str | None = None, against: str = "previous", year: int | None = None) -> dict:
        """Why a headline figure of a year played changed, cause by cause (the model works the
        year out again for each): the window's Why? screen, as rows."""
        from ..headless.explain import format_value

        ctx = self._game()
        if not ctx.session.records:
            raise BridgeError("no year has been played yet: there is nothing to explain")
        if metric is not None and metric not in EXPLAINED_METRICS:
            raise BridgeError(f"why: {str(metric)[:60]!r} is not one of {', '.join(EXPLAINED_METRICS)}")
        if against not in ("previous", "history"):
            raise BridgeError("why: against 'previous' or 'history'")
        view = WhyView(ctx, None if year is None else int(year), metric or EXPLAINED_METRICS[0], against)
        explanation = view.explanation
        return {
            "heading": view.heading(), "year": view.year, "metric": view.metric, "against": view.against,
            "summary": view.summary() if explanation else "History's game had ended by then.",
            "note": view.note() if explanation else "",
            "rows": [{"label": label, "value": value, "shown": format_value(value, explanation.unit)}
                     for label, value in view.rows()] if explanation else [],
            "change": format_value(explanation.change, explanation.unit) if explanation else None,
        }

    def map(self, mode: str | None = None, year: int | None = None, whose: str = "yours",
            region: str | None = None) -> dict:
        """The map of the years played: the regions in their 1933 borders coloured by one figure
        of a year, yours beside history's, and a region's page (the window's map screen)."""
        from ..present.map_view import map_screen

        ctx = self._game()
        return self._command(map_screen, ctx.scenario, ctx.session, ctx.finished, mode, year, whose, region)

    def end(self) -> dict:
        """The end screen: how the game ended, the epilogue, the scorecard (each axis the
        player's value beside history's on its own scale: no total, no ranking), the events with
        what actually happened, the questions for discussion and what historians argue. The
        window's end screen, from the same debrief."""
        ctx = self._game()
        report = self._debrief_report()
        return {
            "headline": headline(ctx),
            "epilogue": [{"title": title, "text": text} for title, text in epilogue(ctx)],
            "scorecard": _scorecard(report),
            "plans": [_plan_table(table) for table in report.plans],
            "history_basis": report.history_basis,
            "events": [{"year": e.year, "title": e.title, "choice": e.choice, "historical_choice": e.historical_choice,
                        "was_historical": e.was_historical, "history": e.history, "sources": list(e.sources)}
                       for e in report.events],
            "questions": [_json_ready(asdict(q)) for q in report.questions],
            "perspectives": [_json_ready(asdict(p)) for p in report.perspectives],
        }

    def plan_end(self) -> dict:
        """The end of a plan when the game goes on (after the report of its last year): the
        plan's table (target, reported, real, history's target and output), the scorecard so far
        beside history's course over the same years, and one question for discussion. The
        window's plan-end screen."""
        from ..debrief import plan_debrief_of
        from ..headless.baseline import historical_game

        ctx = self._game()
        year = int(ctx.session.records[-1]["year"]) if ctx.session.records else None
        plan = plan_ending(ctx, year) if year is not None else None
        if plan is None:
            raise BridgeError("no plan has just ended: its short debrief comes after the report of its last year")
        report = self._command(plan_debrief_of, ctx.session, plan.id, None, ctx.scenario, historical_game())
        table = report.plan(plan.id)
        return {"title": f"The end of the plan: {table.name if table else plan.name}", "year": year,
                "next_year": year + 1, "table": _plan_table(table) if table else None,
                "scorecard": _scorecard(report), "history_basis": report.history_basis,
                "questions": [_json_ready(asdict(q)) for q in report.questions[:1]]}

    def debrief(self, player: str | None = None) -> dict:
        """The finished game's printable debrief and handout (the same pages the window
        exports) and its results file for the class comparison."""
        from ..debrief import record_of, render_handout, results_json
        from ..debrief.html import render

        ctx = self._game()
        report = self._debrief_report(player)
        results = results_json(report, record_of(ctx.session, ctx.scenario))
        return {"html": render(report), "handout": render_handout(report),
                "results": json.dumps(results, indent=2, ensure_ascii=False) + "\n",
                "results_name": f"{ctx.scenario.id}-seed{ctx.session.seed}.results.json"}

    def _debrief_report(self, player: str | None = None):
        """The debrief of the game as it stands (built once per state of the game and player)."""
        from ..debrief import debrief_of
        from ..headless.baseline import historical_game

        ctx = self._game()
        if not ctx.session.records:
            raise BridgeError("no year has been played yet: the debrief needs at least one")
        key = (id(ctx.session), len(ctx.session.commands), player or None)
        if self._debriefed[0] != key:
            report = debrief_of(ctx.session, player=player or None, scenario=ctx.scenario, history=historical_game())
            self._debriefed = (key, report)
        return self._debriefed[1]

    # -- pieces of the view -----------------------------------------------------------------
    def _game(self) -> GameContext:
        if self.ctx is None:
            raise BridgeError("no game has been started")
        return self.ctx

    @staticmethod
    def _command(command, *args):
        try:
            return command(*args)
        except UserError as exc:  # a refused command: the page shows the game's message
            raise BridgeError(str(exc)) from exc

    @staticmethod
    def _row(row) -> dict:
        shown = asdict(row)
        shown["history"] = list(row.history)
        shown["trend_word"] = trend_word(row)
        return shown

    def _card(self, event_id: str) -> dict:
        card = self.ctx.session.card(event_id)
        event = card.event
        return {
            "id": event.id, "title": event.title, "text": card.text, "text_detailed": card.text_detailed,
            "choices": [{"id": c.id, "label": c.label, "forecast": card.forecasts.get(c.id, c.forecast)}
                        for c in event.choices],
            "history": ({"text": event.history.text, "sources": list(event.history.sources),
                         "reveal": event.reveal, "later": REVEAL_LATER.get(event.reveal)} if event.history else None),
            "tags": list(event.tags),
        }

    def _levers(self) -> list[dict]:
        ctx = self.ctx
        draft = ctx.ensure_draft()
        levers = []
        for lever in ctx.levers:
            for field in LEVER_FIELDS[lever]:
                control = CONTROLS[field]
                if control.kind in ("projects", "targets"):
                    continue  # chosen on their own screens
                low, high = ctx.world.lever_range(field, control.low, control.high)
                value = draft[field]
                levers.append({
                    "lever": lever, "field": field, "label": control.label, "kind": control.kind,
                    "description": control.description, "low": low, "high": high, "step": control.step,
                    "unit": control.unit,
                    "parts": [{"id": part, "label": label} for part, label in control.parts],
                    "levels": list(control.levels or (REPRESSION_LEVELS if control.kind == "level" else ())),
                    "value": list(value) if control.kind == "shares" else value,
                })
        return levers

    def _targets(self) -> dict:
        """The plan's targets, set in its first year: history's, the model's likely range for
        the plan's last year (history's policy over several weather draws), yours."""
        ctx = self.ctx
        plan = ctx.plan
        targets = ctx.ensure_draft().targets.setdefault(plan.id, dict(plan.historical_targets))
        return {"plan": plan.id, "for_year": plan.end,
                "rows": [asdict(row) for row in target_rows(ctx, plan, targets)]}

    def _projects(self) -> list[dict]:
        """The construction projects: those that can start this year, to choose; the rest with
        their state (building, done, not before a year)."""
        ctx = self.ctx
        chosen = ctx.ensure_draft().projects
        return [{"id": p.id, "name": p.name, "description": p.description, "cost_bn": p.cost_bn, "years": p.years,
                 "earliest_year": p.earliest_year, "historical_start": p.historical_start,
                 "status": ctx.project_status(p), "chosen": p.id in chosen}
                for p in ctx.world.projects]

    def _report(self, record: dict[str, float]) -> dict:
        """The year-end report: Pravda's lines (with the shares of the plan's targets Pravda
        claims), the internal report, the year's human cost, the plan's progress, the charts, and
        at a plan's end what actually happened."""
        ctx = self.ctx
        year = int(record["year"])
        plan = plan_view(ctx, year, record)
        return {
            "year": year,
            "pravda": [{**asdict(line), "share": plan.shares.get(line.label)} for line in report_lines(record)],
            "pravda_fulfilment": plan.reported,
            "internal": [{"label": label, "value": value} for label, value in internal_lines(record)],
            "costs": [asdict(entry) for entry in year_costs(record)],
            "plan": {"title": plan.title, "note": plan.note, "fulfilment": plan.fulfilment,
                     "rows": [{"label": row.label, "target": row.target_text, "real": row.real_text,
                               "reported": row.reported_text, "share": f"{100 * row.fraction:.0f} %",
                               "fraction": row.fraction, "reported_fraction": row.reported_fraction}
                              for row in plan.rows]},
            "notes": [asdict(note) for note in plan_notes(ctx, year)],
            "plan_ended": plan_ending(ctx, year) is not None,
            "charts": _charts(report_charts(ctx, year)),
            "explained": [{"id": m, "label": measure(m).label} for m in EXPLAINED_METRICS],  # for Why?
        }


def _scorecard(report) -> list[dict]:
    """The debrief's axes as the screens show them: each with its numbers, scale and formula."""
    from ..present.end import scale_words, shown

    return [{**asdict(shown(axis)), "formula": axis.formula, "scale_words": scale_words(shown(axis))}
            for axis in report.scorecard]


def _plan_table(table) -> dict:
    """A plan's table: each product's target, report, real output, and history's target and output."""
    from ..present.end import PLAN_HEADS, plan_cells

    return {"name": table.name, "start": table.start, "end": table.end, "year": table.year,
            "complete": table.complete, "note": table.note, "heads": list(PLAN_HEADS),
            "rows": [{"label": row.label, "unit": row.unit, "cells": list(plan_cells(row))} for row in table.rows]}


def _json_ready(value):
    """A dataclass's dict as it crosses into the page (its tuples as lists)."""
    return json.loads(json.dumps(value))


def _game_settings(settings: dict):
    """The page's settings for a new game, checked as a save's are."""
    from ..persist.settings import GameSettings

    if not isinstance(settings, dict):
        raise BridgeError("settings: classroom, content and allow_undo expected")
    known = {"classroom", "content", "allow_undo"}
    unknown = sorted(set(settings) - known)
    if unknown:
        raise BridgeError(f"settings: {', '.join(map(str, unknown))[:80]} is not a setting ({', '.join(sorted(known))})")
    return GameSettings(**settings)


def _settings_of(session) -> dict:
    settings = getattr(session, "settings", None)
    return settings.as_json() if settings is not None else {"classroom": False, "content": "sober", "allow_undo": True}


def _charts(charts: list[Chart]) -> list[dict]:
    """Charts for the page to draw: each series' points as [year, value, the figure as printed]
    in year order; an approximate figure (tagged M in the reference) is printed "≈"."""
    def points(by_year: dict[int, float] | None, hollow: frozenset[int]) -> list[list] | None:
        if by_year is None:
            return None
        return [[year, by_year[year], ("≈" if year in hollow else "") + _chart_figure(by_year[year])]
                for year in sorted(by_year)]

    def top(chart: Chart) -> float:
        """The axis' round top, as the window's charts take it (the values' maximum, rounded up)."""
        values = [v for series in chart.series for v in series.points.values() if math.isfinite(v)]
        return nice_ceiling(max(values) if values else 1.0)

    return [{"title": chart.title, "years": list(chart.years), "top": top(chart),
             "series": [{"label": s.label, "colour": s.colour, "style": s.style,
                         "points": points(s.points, s.hollow), "low": points(s.low, frozenset()),
                         "hollow": sorted(s.hollow)} for s in chart.series]}
            for chart in charts]


def _chart_figure(value: float) -> str:
    """A chart's figure in its table: three digits or so, as a reader of a chart would round it."""
    magnitude = abs(value)
    return f"{value:,.0f}" if magnitude >= 100 else f"{value:.1f}" if magnitude >= 10 else f"{value:.2f}"


def _refuse_an_older_locked_save(save, newest_locked) -> None:
    """A save of a locked game that the page has seen further along is refused (the page's
    record of it that cannot be read is ignored: it may be from an older version)."""
    from ..persist.saves import SaveError, parse_save

    if save.settings.get("allow_undo", True) or not save.game_id:
        return
    for text in newest_locked:
        try:
            newest = parse_save(str(text).encode("utf-8"), "the page's record")
        except SaveError:
            continue
        if newest.game_id == save.game_id and len(newest.commands) > len(save.commands):
            raise BridgeError(f"this game is played locked (an assessment): it goes on only from its newest state, "
                              f"January {newest.year}; this save is from January {save.year}")


def _length(scenario: dict) -> int:
    first, last = scenario["first_year"], scenario["last_year"]
    return last - first if isinstance(first, int) and isinstance(last, int) else 1000


def _trial_draft(ctx: GameContext, kept: Draft, draft: dict[str, object]) -> Draft:
    """A copy of the year's draft with the page's values in it, each checked."""
    trial = Draft(dict(kept.values))
    for field, value in draft.items():
        control = CONTROLS.get(field)
        if control is None:
            raise BridgeError(f"{ctx.year}: there is no lever {field!r}")
        if control.kind == "targets":
            trial.targets = _targets_value(ctx, value)
        elif control.kind == "projects":
            trial.projects = _projects_value(ctx, value)
        else:
            trial[field] = _draft_value(control, value)
    return trial


def _targets_value(ctx: GameContext, value) -> dict[str, dict[str, float]]:
    """The page's targets ({key: figure}) for the plan starting now."""
    if not ctx.sets_targets_now():
        raise BridgeError(f"{ctx.year}: targets are set in a plan's first year only")
    if not isinstance(value, dict):
        raise BridgeError("targets: a figure per target expected")
    plan = ctx.plan
    known = set(plan.historical_targets)
    unknown = sorted(set(value) - known)
    if unknown:
        raise BridgeError(f"targets: {', '.join(unknown)} is not a target of {plan.name}")
    return {plan.id: {key: _number(f"targets.{key}", figure) for key, figure in value.items()}}


def _projects_value(ctx: GameContext, value) -> set[str]:
    """The page's projects to start, checked as the window checks them."""
    if not isinstance(value, list | tuple):
        raise BridgeError("projects: a list of project ids expected")
    refused = [str(p) for p in value if not ctx.can_start(str(p))]
    if refused:
        raise BridgeError(f"{ctx.year}: cannot start {', '.join(refused)} this year")
    return {str(p) for p in value}


def _draft_value(control, value):
    """A control's value as the page sends it, as the draft keeps it (the model's own checks of
    its range follow when the year is played)."""
    if control.kind == "shares":
        parts = parts_of(control.field)
        if not isinstance(value, list | tuple) or len(value) != len(parts):
            raise BridgeError(f"{control.field}: {len(parts)} shares expected ({', '.join(parts)})")
        return tuple(_number(control.field, v) for v in value)
    if control.kind == "switch":
        if not isinstance(value, bool):
            raise BridgeError(f"{control.field}: on or off expected, not {value!r}"[:200])
        return value
    if control.kind == "level":
        level = _number(control.field, value)
        if level != int(level):
            raise BridgeError(f"{control.field}: a level 0-{len(control.levels or REPRESSION_LEVELS) - 1} expected")
        return int(level)
    return _number(control.field, value)


def _number(field: str, value) -> float:
    """A finite number from the page, or the lever's name and what was wrong."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise BridgeError(f"{field}: a number expected, not {value!r}"[:200])
    return float(value)
