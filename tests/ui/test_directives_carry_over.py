"""Directives carry over: each January starts from the player's own last directives, not history's;
history's and last year's stay one key away, and the collectivization target never starts below
the level the countryside has reached without the screen saying so."""

from __future__ import annotations

import pygame
import pytest

from game.model.levers import CONTROLS
from game.ui import catalogue
from game.ui.driver import Driver
from game.ui.scenes.directives import DirectivesScene
from game.ui.scenes.year import YearScene

from .screens import answer


def directives_screen(app, ctx) -> DirectivesScene:
    answer(ctx)
    app.reset(YearScene(app), DirectivesScene(app))
    driver = Driver(app)
    driver.settle()
    if app.top.title == "targets":      # a plan's first year opens its targets first
        driver.key(pygame.K_ESCAPE)
    assert app.top.title == "directives"
    return app.top


def slider_value(scene: DirectivesScene, key: str) -> float:
    return next(row for section in scene.sections() for row in section.rows if row.key == key).value()


@pytest.fixture
def great_turn(app):
    return catalogue.new_game(app, "great_turn")


def test_the_players_investment_is_next_januarys_starting_point(app, great_turn):
    ctx = great_turn
    history_1929 = ctx.default_directives(1929).investment_rate
    assert abs(history_1929 - 0.22) > 0.005
    scene = directives_screen(app, ctx)
    scene.set_number(CONTROLS["investment_rate"], 0.22)
    Driver(app).key(pygame.K_p)                                   # play 1928
    assert ctx.year == 1929 and ctx.session.game.commands[-1].investment_rate == pytest.approx(0.22)
    scene = directives_screen(app, ctx)
    assert scene.draft["investment_rate"] == pytest.approx(0.22)
    assert slider_value(scene, "investment_rate") == pytest.approx(22.0)
    Driver(app).key(pygame.K_r)                                   # history's values, on request
    assert app.top.draft["investment_rate"] == pytest.approx(history_1929)
    Driver(app).key(pygame.K_l)                                   # and the player's own again
    assert app.top.draft["investment_rate"] == pytest.approx(0.22)


def test_a_lever_the_scenario_keeps_follows_history_every_year(app):
    ctx = catalogue.new_game(app)                                 # the lesson: investment is history's
    assert not ctx.holds("investment_rate")
    directives_screen(app, ctx)
    Driver(app).key(pygame.K_p)
    scene = directives_screen(app, ctx)
    assert ctx.directives().investment_rate == ctx.default_directives().investment_rate
    assert scene.ctx.year == 1929


def test_projects_are_the_years_own_proposals_not_last_years_again(app, great_turn):
    ctx = great_turn
    answer(ctx)
    ctx.begin_draft()
    ctx.play_year()
    answer(ctx)
    draft = ctx.begin_draft()
    assert draft.projects == set(ctx.default_directives().projects)
    assert not draft.projects & ctx.started_projects()


def test_history_never_starts_the_target_below_the_countrysides_level_and_the_label_says_it(app):
    ctx = catalogue.new_game(app, until_year=1929)
    ctx.session.game.state.collectivization = 0.47                # the player collectivized fast
    assert ctx.default_directives().collectivization_target < 0.47
    assert ctx.history_draft()["collectivization_target"] == pytest.approx(0.47)
    scene = directives_screen(app, ctx)
    label = next(row.label for section in scene.sections() for row in section.rows
                 if row.key == "collectivization_target")
    assert "now 47 %" in label


def test_the_labour_lever_says_how_many_of_the_hands_ordered_arrived(app, great_turn):
    """Jobs are ordered, people must come: without collectivization's push, orders go unfilled."""
    ctx = great_turn
    answer(ctx)
    draft = ctx.begin_draft()
    draft["labor"] = (0.55, 0.30, 0.15)          # far more non-farm jobs than 1928 had
    draft["collectivization_target"] = 0.02
    draft["dekulakization"] = False
    ctx.play_year()
    record = ctx.session.records[-1]
    assert record["unfilled_jobs_m"] > 0.05
    scene = directives_screen(app, ctx)
    note = next(row.label for section in scene.sections() for row in section.rows if row.key == "labor:arrived")
    ordered = record["labour_demand_m"] - ctx.world.initial.nonfarm_labour_m
    arrived = record["workers_employees_m"] - ctx.world.initial.nonfarm_labour_m
    assert f"{ordered:.1f} M more hands ordered, {arrived:.1f} M arrived" in note
    assert f"{record['unfilled_jobs_m']:.1f} M jobs stayed empty" in note


def test_the_investment_lever_says_how_much_of_last_year_s_investment_was_built(app, great_turn):
    """Money needs builders: an investment rate the building sites cannot carry out is partly lost,
    and the lever says how much."""
    ctx = great_turn
    answer(ctx)
    draft = ctx.begin_draft()
    draft["investment_rate"] = 0.45               # three times 1928's rate
    draft["labor"] = (0.80, 0.17, 0.03)           # and few builders
    ctx.play_year()
    record = ctx.session.records[-1]
    assert record["unbuilt_investment_bn"] > 0.05
    scene = directives_screen(app, ctx)
    note = next(row.label for section in scene.sections() for row in section.rows
                if row.key == "investment_rate:built")
    built = record["investment_bn"] - record["unbuilt_investment_bn"]
    assert f"{record['investment_bn']:.1f} bn rubles of investment ordered, {built:.1f} bn built" in note
    assert f"{record['unbuilt_investment_bn']:.1f} bn went unbuilt for want of builders" in note
