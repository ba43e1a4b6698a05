"""Every screen works without a mouse: Tab reaches every control, Enter activates, Esc leaves."""

from __future__ import annotations

import pygame
import pytest

from game.ui.catalogue import BY_ID, show
from game.ui.driver import Driver
from game.ui.scene import ButtonItem, ChoiceItem, NumberItem, SliderItem

from .conftest import make_app
from .screens import screens


@pytest.mark.parametrize("name", sorted(BY_ID))
def test_tab_reaches_every_control_and_esc_leaves(app, name):
    driver = show(app, BY_ID[name])
    scene = app.top
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


@pytest.mark.parametrize("name", sorted(BY_ID))
def test_left_and_right_move_the_focused_slider_or_selector(app, name):
    driver = show(app, BY_ID[name])
    scene = app.top
    keys = [i.key for i in scene.items if i.enabled and isinstance(i, SliderItem | ChoiceItem | NumberItem)]

    def value(key):  # looked up afresh: a change may rebuild the scene's controls
        item = next(i for i in app.top.items if i.key == key)
        return item.value if isinstance(item, SliderItem | NumberItem) else item.index

    for key in keys:
        scene.focus(key)
        item = next(i for i in scene.items if i.key == key)
        before = value(key)
        if isinstance(item, SliderItem):
            driver.key(pygame.K_RIGHT if before < item.element.value_range[1] else pygame.K_LEFT)
            assert value(key) != before, key
            continue
        step, back = (pygame.K_LEFT, pygame.K_RIGHT) if before else (pygame.K_RIGHT, pygame.K_LEFT)
        driver.key(step)
        if isinstance(item, NumberItem) or len(item.options) > 1:
            assert value(key) != before, key
        app.top.focus(key)
        driver.key(back)
        assert value(key) == before, key
    assert not app.crash_reports


def _buttons(name: str) -> list[str]:
    app = make_app()
    show(app, BY_ID[name])
    return [item.key for item in app.top.items if item.enabled and isinstance(item, ButtonItem)]


@pytest.mark.parametrize("name", sorted(BY_ID))
def test_space_on_a_focused_button_does_what_a_click_does(app, name, monkeypatch):
    """Each enabled button of the screen, on a fresh copy of it: focus it and press Space; its
    own action runs, once (and the quit button quits). (Enter does the same, except where the
    screen's hint gives Enter an action of its own, "Enter: continue": test_keys_tell_the_truth.)"""
    for key in _buttons(name):
        show(app, BY_ID[name])
        scene = app.top
        item = next(i for i in scene.items if i.key == key)
        calls = []
        action = item.action
        item.action = lambda action=action, calls=calls: (calls.append(1), action())
        if key == "quit":
            monkeypatch.setattr(app, "quit", lambda calls=calls: calls.append("quit"))
            item.action = lambda calls=calls: calls.append(1)
        scene.focus(key)
        driver = Driver(app)
        if getattr(scene, "takes_typing", False):  # a name is being typed: Space is a space, Enter acts
            driver.key(pygame.K_RETURN, frames=1)
        else:
            driver.key(pygame.K_SPACE, unicode=" ", frames=1)
        assert calls == [1], f"{name}: Space on {key!r} ran its action {len(calls)} times"
        assert not app.crash_reports, f"{name}: {key}"


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
    scene = app.top
    seen: set[str] = set()
    for _page in range(scene.pages):                # every page of levers
        levers = [i for i in scene.items if i.key not in ("back", "history", "repeat", "play", "page")]
        for item in levers:
            assert item.help_text and item.element.tool_tip_text, item.key
            assert any(entry.text[:40] in item.help_text for entry in glossary.values()), item.key
        seen |= {i.key for i in levers}
        scene.next_page()
    assert len(seen) >= 15
    while not any(i.key == "dekulakization" for i in scene.items):   # its page
        scene.next_page()
    levers = [i for i in scene.items if i.key not in ("back", "history", "repeat", "play", "page")]
    dekulakization = next(i for i in levers if i.key == "dekulakization")
    assert glossary["dekulakization"].text[:40] in dekulakization.help_text
    pos = dekulakization.rect.center
    pygame.mouse.set_pos(pos)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False))
    driver.settle(60)
    assert dekulakization.element.tool_tip is not None   # the tooltip shows on hover
