"""A whole first_plan game, 1928-1932, played through the window from the title screen to the
end screen with synthetic key presses and mouse clicks only."""

from __future__ import annotations

import pygame

from game.ui.driver import Driver

MAX_STEPS = 200


def test_first_plan_from_title_to_end(app, driver: Driver):
    assert driver.scene() == "title"
    driver.click("new")                                   # mouse
    assert driver.scene() == "picker"
    driver.key(pygame.K_1)                                # the first scenario: the lesson
    assert app.top.info.id == "first_plan"
    driver.click("start")
    assert driver.scene() == "content_note"
    driver.key(pygame.K_RETURN)                           # "I understand: continue" has the focus
    assert app.ctx is not None and app.ctx.scenario.id == "first_plan"
    answered = 0
    use_mouse = False
    for _ in range(MAX_STEPS):
        scene = driver.scene()
        if scene == "end":
            break
        if scene == "event_card" and app.top.answered is not None:   # what the answer did: go on
            driver.click("continue") if use_mouse else driver.key(pygame.K_RETURN)
        elif scene == "event_card":
            if use_mouse:
                driver.click(app.top.items[0].key)        # the "1" key cap of the first choice
            else:
                driver.key(pygame.K_1 + len(app.top.event.choices) - 1)  # the last choice, by key
            answered += 1
        elif scene == "year":
            driver.key(pygame.K_d)
        elif scene == "targets":
            driver.key(pygame.K_RIGHT, pygame.KMOD_SHIFT)  # raise the first target a little
            driver.key(pygame.K_ESCAPE)
        elif scene == "directives":
            move_a_lever(driver, use_mouse)
            if use_mouse:
                driver.click("play")
            else:
                driver.key(pygame.K_p)
        elif scene == "report":
            driver.key(pygame.K_2)                        # the charts page
            driver.key(pygame.K_RETURN) if not use_mouse else driver.click("continue")
        else:
            raise AssertionError(f"unexpected screen {scene!r}")
        use_mouse = not use_mouse
    assert driver.scene() == "end", f"stuck on {driver.scene()}"
    session = app.ctx.session
    assert session.finished
    assert [int(r["year"]) for r in session.records] == [1928, 1929, 1930, 1931, 1932]
    assert answered == sum(1 for c in session.commands if c["command"] == "choose") > 0
    assert not app.crash_reports
    driver.key(pygame.K_RETURN)                           # "To the title"
    assert driver.scene() == "title"


def move_a_lever(driver: Driver, use_mouse: bool) -> None:
    """Change the labour split: by keyboard (the focused slider) or by dragging with the mouse."""
    scene = driver.app.top
    slider = next(i for i in scene.items if i.key == "labor:factories")
    before = scene.draft.labor
    if use_mouse:
        button = slider.element.sliding_button.rect.center
        target = (button[0] + 15, button[1])
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=button, touch=False))
        driver.settle(1)
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=target, rel=(15, 0), buttons=(1, 0, 0),
                                             touch=False))
        pygame.mouse.set_pos(target)
        driver.settle(2)
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=target, touch=False))
        driver.settle(2)
    else:
        scene.focus("labor:factories")
        driver.key(pygame.K_RIGHT)
    assert abs(sum(scene.draft.labor) - 1.0) < 1e-9
    if not use_mouse:
        assert scene.draft.labor != before
