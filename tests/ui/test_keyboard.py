"""Every screen works without a mouse: Tab reaches every control, Enter activates, Esc leaves."""

from __future__ import annotations

import pygame
import pytest

from game.ui.driver import Driver
from game.ui.scene import ButtonItem, ChoiceItem, NumberItem, SliderItem

from .screens import screens


@pytest.mark.parametrize("name", sorted(screens()))
def test_tab_reaches_every_control_and_esc_leaves(app, name):
    driver = Driver(app)
    app.reset(*screens()[name](app))
    driver.settle(3)
    scene = app.top
    assert scene.title == name
    enabled = {item.key for item in scene.items if item.enabled}
    assert enabled, f"{name} has nothing to reach by keyboard"
    seen = set()
    for _ in range(len(scene.items) + 1):
        seen.add(scene.focus_key)
        driver.key(pygame.K_TAB, frames=1)
    assert enabled <= seen
    driver.key(pygame.K_TAB, pygame.KMOD_SHIFT, frames=1)  # and back
    driver.key(pygame.K_ESCAPE)
    assert app.top is not scene or not app.running


@pytest.mark.parametrize("name", sorted(screens()))
def test_arrows_and_enter_work_on_the_focused_control(app, name):
    driver = Driver(app)
    app.reset(*screens()[name](app))
    driver.settle(3)
    scene = app.top
    for item in [i for i in scene.items if i.enabled]:
        if app.top is not scene:
            break
        scene.focus(item.key)
        if isinstance(item, SliderItem):
            before = item.value
            driver.key(pygame.K_RIGHT if before < item.element.value_range[1] else pygame.K_LEFT)
            assert item.value != before, item.key
        elif isinstance(item, ChoiceItem | NumberItem):
            driver.key(pygame.K_RIGHT)
            driver.key(pygame.K_LEFT)
        elif isinstance(item, ButtonItem):
            pass  # activated below, one screen at a time
    assert not app.crash_reports


def test_number_keys_choose_on_the_title_and_the_card(app):
    driver = Driver(app)
    driver.settle()
    driver.key(pygame.K_1)
    assert driver.scene() == "picker"
    driver.key(pygame.K_ESCAPE)
    assert driver.scene() == "title"
    app.reset(*screens()["event_card"](app))
    driver.settle()
    event = app.top.event
    driver.key(pygame.K_2)
    assert app.ctx.session.commands[-1] == {"command": "choose", "year": 1928, "event": event.id,
                                            "choice": event.choices[1].id}


def test_the_seed_is_typed_digit_by_digit(app):
    driver = Driver(app)
    app.reset(*screens()["picker"](app))
    driver.settle()
    app.top.focus("seed")
    driver.keys(pygame.K_4, pygame.K_2)
    assert app.top.seed == 42
    driver.key(pygame.K_BACKSPACE)
    driver.key(pygame.K_RIGHT)
    assert app.top.seed == 5


def test_directive_levers_from_the_keyboard_keep_the_shares_whole(app):
    driver = Driver(app)
    app.reset(*screens()["directives"](app))
    driver.settle()
    scene = app.top
    for key in ("labor:farms", "labor:factories", "labor:construction"):
        scene.focus(key)
        driver.key(pygame.K_RIGHT, pygame.KMOD_SHIFT)
        assert abs(sum(scene.draft.labor) - 1) < 1e-9
    directives = app.ctx.directives()
    assert abs(directives.labor.farms + directives.labor.factories + directives.labor.construction - 1) < 1e-9
    assert scene.forecast is not None  # computed once the levers rested


def test_every_lever_has_its_glossary_entry_as_tooltip_and_help(app):
    from game.ui.scenes.directives import DirectivesScene
    from game.ui.scenes.year import YearScene

    from .screens import answer, new_game

    driver = Driver(app)
    ctx = new_game(app, 1930)
    answer(ctx)
    ctx.all_levers = True  # the picker's "every lever" complexity: every control is built
    app.reset(YearScene(app), DirectivesScene(app))
    driver.settle()
    glossary = ctx.scenario.glossary
    levers = [i for i in app.top.items if i.key not in ("back", "history", "repeat", "play", "page")]
    assert len(levers) >= 15
    for item in levers:
        assert item.help_text and item.element.tool_tip_text, item.key
        assert any(entry.text[:40] in item.help_text for entry in glossary.values()), item.key
    dekulakization = next(i for i in levers if i.key == "dekulakization")
    assert glossary["dekulakization"].text[:40] in dekulakization.help_text
    pos = dekulakization.rect.center
    pygame.mouse.set_pos(pos)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False))
    driver.settle(60)
    assert dekulakization.element.tool_tip is not None   # the tooltip shows on hover
