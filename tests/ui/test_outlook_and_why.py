"""The outlook on the directives screen (where the directives lead, with the change a lever
makes) and the why view (a figure's change, cause by cause, adding up exactly)."""

from __future__ import annotations

import math

import pygame
import pytest

from game.headless.explain import EXPLAINED_METRICS, format_value
from game.model.levers import CONTROLS
from game.ui import catalogue
from game.ui.driver import Driver
from game.ui.scenes.directives import DirectivesScene
from game.ui.scenes.year import YearScene

from .layout_check import texts_drawn
from .screens import answer


def outlook_screen(app, year: int = 1930) -> DirectivesScene:
    ctx = catalogue.new_game(app, "great_turn", until_year=year)
    answer(ctx)
    app.reset(YearScene(app), DirectivesScene(app))
    driver = Driver(app)
    driver.settle()
    driver.key(pygame.K_o)
    scene = app.top
    assert scene.title == "directives" and scene.outlook is not None
    return scene


def delta(scene: DirectivesScene, metric: str) -> float:
    scene.forecast_due = 0.0       # the levers have rested: the outlook is aimed at them
    scene.update(0.0)
    scene.outlook.finish()
    return next(r for r in scene.outlook.rows() if r.metric == metric).delta


def test_the_outlooks_delta_follows_the_lever_both_ways(app):
    scene = outlook_screen(app)
    opened = scene.draft["grain_procurement_mt"]
    assert delta(scene, "grain_harvest_mt") == pytest.approx(0.0)
    scene.set_number(CONTROLS["grain_procurement_mt"], opened + 6.0)
    more = delta(scene, "grain_harvest_mt")
    scene.set_number(CONTROLS["grain_procurement_mt"], opened - 6.0)
    less = delta(scene, "grain_harvest_mt")
    assert less > 0 > more, (more, less)   # taking more grain, peasants sow and sell less
    row = next(r for r in scene.outlook.rows() if r.metric == "grain_harvest_mt")
    assert row.delta_text.startswith("+") and row.history is not None


def test_the_outlook_fills_a_few_draws_a_frame_and_says_so(app):
    scene = outlook_screen(app)
    run = scene.outlook.now
    assert 0 < run.done < run.draws, "the first frames show a partial outlook, not a frozen window"
    assert "computing" in scene.outlook.status()
    frames = 0
    while not scene.outlook.complete and frames < 500:
        scene.update(1 / 60)
        frames += 1
    assert scene.outlook.complete and frames > 1
    assert "computing" not in scene.outlook.status()


def test_the_outlook_reaches_the_plans_end_then_the_last_year(app):
    scene = outlook_screen(app, 1930)
    assert scene.outlook.last_year == 1932
    Driver(app).key(pygame.K_o)
    assert scene.outlook.last_year == 1941
    Driver(app).key(pygame.K_o)
    assert scene.outlook is None and scene.side_mode == "forecast"


def why_screen(app, year: int | None = 1932, scenario: str = "great_turn"):
    """The year screen after `year` (None: the first year) was played with history's answers, W pressed."""
    ctx = catalogue.new_game(app, scenario, until_year=year)
    answer(ctx)
    ctx.history_draft()
    ctx.play_year()
    answer(ctx)                    # the next January's cards, so the year screen is on top
    app.reset(YearScene(app))
    driver = Driver(app)
    driver.settle()
    driver.key(pygame.K_w)
    assert app.top.title == "why"
    return app.top, driver


def test_the_why_views_parts_add_up_to_the_change_shown(app):
    scene, driver = why_screen(app)
    for number, metric in enumerate(EXPLAINED_METRICS, start=1):
        driver.key(getattr(pygame, f"K_{number}"))
        e = scene.explanation
        assert scene.metric == metric and e.year == 1932
        rows = scene.rows()
        labels = {label for label, _value in rows}
        quiet = [p.value for p in e.parts if p.label not in labels]      # too small to show: in the remainder
        assert all(abs(v) <= 1e-4 * max(abs(e.change), abs(e.remainder), *(abs(p.value) for p in e.parts)) for v in quiet)
        assert math.isclose(math.fsum(v for _label, v in rows), e.change, abs_tol=1e-9)
        drawn = " ".join(texts_drawn(app))
        assert format_value(e.change, e.unit) in drawn


def test_the_1932_famine_names_its_causes_and_history_is_one_key_away(app):
    scene, driver = why_screen(app)
    causes = {p.cause: p.value for p in scene.explanation.parts}
    for cause in ("weather", "procurement", "exports", "collectivization"):
        assert abs(causes[cause]) > 1e-4, cause
    driver.key(pygame.K_h)
    assert scene.against == "history" and scene.explanation.against == "history"
    driver.key(pygame.K_p)
    assert scene.against == "previous"
    driver.key(pygame.K_ESCAPE)
    assert app.top.title == "year"


def test_the_first_year_has_nothing_before_it_to_compare_but_history(app):
    scene, _driver = why_screen(app, None, catalogue.LESSON)
    assert scene.year == 1928 and scene.against == "history"
    assert scene.explanation.change == pytest.approx(0.0, abs=1e-9)   # history's own first year


def test_the_why_view_says_where_the_famine_deaths_were(app):
    scene, driver = why_screen(app)
    driver.key(pygame.K_1)
    assert scene.metric == "famine_deaths_m"
    where = scene.summary()[scene.summary().index("Where: "):]
    assert where.startswith("Where: Ukrainian SSR ") and "elsewhere" in where
    driver.key(pygame.K_3)
    assert scene.metric == "steel_mt" and "Where:" not in scene.summary()   # industry is national
