"""Keys and pointer tell the truth. A walk over every screen of the catalogue presses every key its
hint line names (the hints are data: Scene.hints()) and checks that the key does what the hint
says; Esc always goes back or opens the menu and never moves the game forward; a destructive
action asks first; a click focuses the control under it (a slider's handle too); a click anywhere
on an event card's choice chooses it; tooltips add to the visible label and never cover it."""

from __future__ import annotations

import pygame
import pytest

from game.ui import draw
from game.ui.catalogue import BY_ID, show
from game.ui.driver import Driver
from game.ui.hints import Hint
from game.ui.scene import ButtonItem, ChoiceItem, NumberItem, SliderItem
from game.ui.settings import Settings

from .conftest import make_app
from .layout_check import texts_drawn

NO_KEYS = ("note",)


def state(app):
    """What must not change when a key only goes back: the game's commands and its year."""
    ctx = app.ctx
    return (len(ctx.session.commands), ctx.year) if ctx is not None else None


def wrap_actions(scene) -> list[str]:
    """Every button's action records its key when it runs (and still runs)."""
    ran: list[str] = []
    for item in scene.items:
        if isinstance(item, ButtonItem):
            action = item.action
            item.action = lambda a=action, k=item.key: (ran.append(k), a())
    return ran


def press(driver, key: int) -> None:
    unicode = pygame.key.name(key) if len(pygame.key.name(key)) == 1 else ""
    driver.key(key, unicode=unicode, frames=2)


def check(app, driver, screen_id: str, hint: Hint, key: int, monkeypatch) -> str | None:
    """Press `key` on a fresh copy of the screen; what is wrong, or None."""
    show(app, BY_ID[screen_id], driver)
    scene = app.top
    before = state(app)
    stack = list(app.stack)
    effect = hint.effect
    what = f"{screen_id}: {hint.text!r} ({pygame.key.name(key)})"
    if effect in ("activate", "activate_number", "export", "start", "title", "continue", "confirm"):
        ran = wrap_actions(scene)
    quits: list[int] = []
    monkeypatch.setattr(app, "quit", lambda: quits.append(1))
    if effect in ("scroll", "scroll_question") and key in (pygame.K_PAGEUP, pygame.K_UP):
        press(driver, pygame.K_PAGEDOWN if key == pygame.K_PAGEUP else pygame.K_DOWN)  # somewhere to go back from
    drawn = texts_drawn(app)
    shown = {attr: getattr(scene, attr, None) for attr in ("year", "region", "colours_of")}
    focus, _page = scene.focus_key, getattr(scene, "page", None)
    values = {i.key: getattr(i, "value", getattr(i, "index", None)) for i in scene.items}
    keys = [i.key for i in scene.items]
    press(driver, key)
    top = app.top
    if effect == "move":
        enabled = [i for i in scene.items if i.enabled]
        if len(enabled) > 1 and top is scene and scene.focus_key == focus and texts_drawn(app) == drawn:
            return f"{what}: the focus did not move"
    elif effect == "adjust":
        now = {i.key: getattr(i, "value", getattr(i, "index", None)) for i in top.items}
        if top is scene and now == values and scene.focus_key == focus:
            return f"{what}: nothing changed"
    elif effect == "activate":
        if focus is not None and not ran and top is scene and texts_drawn(app) == drawn:
            return f"{what}: the focused control did nothing"
    elif effect == "activate_number":
        number = int(pygame.key.name(key))
        expected = keys[number - 1]
        if expected == "quit" and quits:
            return None
        if ran[:1] != [expected]:
            return f"{what}: ran {ran}, not {expected!r}"
    elif effect == "back":
        if top is scene and not quits:
            return f"{what}: stayed on the screen"
        if state(app) != before:
            return f"{what}: moved the game forward ({before} -> {state(app)})"
        if top not in stack and type(top).__name__ != "TitleScene" and not quits:
            return f"{what}: went to {type(top).__name__}, not back"
    elif effect == "menu":
        if type(top).__name__ != "MenuScene" or state(app) != before:
            return f"{what}: did not open the menu ({type(top).__name__})"
    elif effect == "quit":
        if not quits:
            return f"{what}: did not quit"
    elif effect == "scroll":
        if texts_drawn(app) == drawn and top is scene:
            return f"{what}: nothing moved"
    elif effect in ("page", "page_select"):
        number = int(pygame.key.name(key))
        attr = "selected" if effect == "page_select" else "page"
        if getattr(scene, attr) != number - 1:
            return f"{what}: {attr} is {getattr(scene, attr)}, not {number - 1}"
    elif effect == "figure":
        from game.headless.explain import EXPLAINED_METRICS

        if top is not scene or scene.metric != EXPLAINED_METRICS[int(pygame.key.name(key)) - 1]:
            return f"{what}: shows {scene.metric}"
    elif effect in ("previous", "history"):
        if top is not scene or scene.against != effect:
            return f"{what}: compares against {scene.against}"
    elif effect.startswith("open:"):
        if top.title != effect[5:]:
            return f"{what}: opened {top.title!r}"
    elif effect == "choose":
        if len(app.ctx.session.commands) != before[0] + 1 or app.ctx.session.commands[-1]["command"] != "choose":
            return f"{what}: no card was answered"
    elif effect == "count":
        if top is not scene or texts_drawn(app) == drawn:
            return f"{what}: the count did not change"
    elif effect == "count_done":
        if top is not scene or scene.counting is not None:
            return f"{what}: still counting"
    elif effect == "vote":
        if top is not scene or sum(scene.votes) == 0 or texts_drawn(app) == drawn:
            return f"{what}: no vote was counted"
    elif effect == "take_leading":
        if app.ctx.session.commands[-1:] and app.ctx.session.commands[-1]["command"] == "choose" and \
                len(app.ctx.session.commands) == before[0] + 1:
            return None
        return f"{what}: the leading choice was not taken"
    elif effect == "toggle":
        if texts_drawn(app) == drawn:
            return f"{what}: nothing changed"
    elif effect == "play":
        if len(app.ctx.session.commands) != before[0] + 1 or app.ctx.session.commands[-1]["command"] != "play_year":
            return f"{what}: no year was played"
    elif effect == "reset":
        if top is not scene or app.crash_reports:
            return f"{what}: broke the screen"
    elif effect in ("continue", "title", "start"):
        if top is scene:
            return f"{what}: stayed"
        if effect == "title" and type(top).__name__ != "TitleScene":
            return f"{what}: went to {type(top).__name__}"
        if effect == "continue" and state(app) != before:
            return f"{what}: changed the game"
    elif effect == "export":
        if not getattr(top, "done", False):
            return f"{what}: nothing was exported"
    elif effect == "confirm":
        if top is scene:
            return f"{what}: the question stayed"
    elif effect == "fullscreen":
        if not app.settings.fullscreen:
            return f"{what}: not in full screen"
    elif effect == "forecast":
        if texts_drawn(app) == drawn:
            return f"{what}: the forecast did not turn"
    elif effect == "map_mode":
        from game.debrief.regional_map import MODES

        if top is not scene or scene.mode != MODES[int(pygame.key.name(key)) - 1].id:
            return f"{what}: shows {scene.mode}"
    elif effect in ("year", "region", "colours"):
        attr = {"year": "year", "region": "region", "colours": "colours_of"}[effect]
        if top is not scene or getattr(scene, attr) == shown[attr] or texts_drawn(app) == drawn:
            return f"{what}: the {effect} did not change"
    elif effect == "scroll_question":
        if texts_drawn(app) == drawn:
            return f"{what}: the question did not scroll"
    elif effect == "type":
        scene.focus("seed")
        before_seed = scene.seed
        press(driver, pygame.K_7)
        if scene.seed == before_seed:
            return f"{what}: the digit did not reach the seed"
    else:
        return f"{what}: the test does not know the effect {effect!r}"
    if app.crash_reports:
        return f"{what}: crashed ({app.crash_reports[-1]})"
    return None


def keys_to_press(hint: Hint) -> list[int]:
    codes = list(hint.codes)
    if hint.effect in ("activate_number", "page", "page_select", "choose", "vote"):
        return sorted({codes[0], codes[-1]})  # the first and the last of a range
    return codes[:2]


def walk(screen_id: str, settings: Settings, size, tmp_path, monkeypatch) -> list[str]:
    app = make_app(settings, size)
    app.crash_folder = tmp_path
    driver = show(app, BY_ID[screen_id])
    problems = []
    for hint in app.top.hints():
        if hint.effect in NO_KEYS:
            continue
        codes = keys_to_press(hint)
        if not codes:
            problems.append(f"{screen_id}: the hint {hint.text!r} names no key")
        for key in codes:
            problem = check(app, driver, screen_id, hint, key, monkeypatch)
            if problem:
                problems.append(problem)
    return problems


@pytest.mark.parametrize("screen_id", sorted(BY_ID))
def test_every_key_a_hint_names_does_what_the_hint_says(screen_id, tmp_path, monkeypatch):
    problems = walk(screen_id, Settings(content_note_seen=True), (1280, 720), tmp_path, monkeypatch)
    assert problems == []


@pytest.mark.parametrize("screen_id", ["event_card", "report", "end", "confirm_undo", "year"])
def test_the_keys_tell_the_truth_in_classroom_mode_too(screen_id, tmp_path, monkeypatch):
    problems = walk(screen_id, Settings(classroom=True, content_note_seen=True), (1280, 720), tmp_path, monkeypatch)
    assert problems == []


@pytest.mark.parametrize("screen_id", sorted(BY_ID))
def test_esc_goes_back_or_opens_the_menu_never_forward(screen_id, tmp_path, monkeypatch):
    app = make_app(Settings(content_note_seen=True))
    app.crash_folder = tmp_path
    driver = show(app, BY_ID[screen_id])
    scene, stack, before = app.top, list(app.stack), state(app)
    quits: list[int] = []
    monkeypatch.setattr(app, "quit", lambda: quits.append(1))
    driver.key(pygame.K_ESCAPE)
    top = app.top
    assert state(app) == before, f"Esc moved the game forward on {screen_id}"
    assert quits or top is not scene, f"Esc did nothing on {screen_id}"
    assert quits or top in stack or type(top).__name__ in ("MenuScene", "TitleScene"), (
        f"Esc on {screen_id} went forward to {type(top).__name__}")
    assert screen_id != "report" or type(top).__name__ == "MenuScene"  # after a year: the menu, not the next year


def test_the_checker_catches_a_hint_that_lies(tmp_path, monkeypatch):
    """The walk can fail: a hint that names a key doing something else is reported."""
    app = make_app(Settings(content_note_seen=True))
    app.crash_folder = tmp_path
    driver = show(app, BY_ID["year"])
    lie = Hint("D", "the menu", "menu")  # D opens the directives, not the menu
    assert check(app, driver, "year", lie, pygame.K_d, monkeypatch) is not None
    truth = Hint("D", "directives", "open:directives")
    assert check(app, driver, "year", truth, pygame.K_d, monkeypatch) is None


def test_take_back_last_year_asks_first_and_enter_alone_keeps_the_year(tmp_path):
    app = make_app(Settings(content_note_seen=True))
    app.crash_folder = tmp_path
    driver = show(app, BY_ID["menu"])
    ctx, records = app.ctx, len(app.ctx.session.records)
    driver.click("undo")
    assert app.top.title == "confirm" and app.ctx is ctx
    driver.key(pygame.K_RETURN)                    # the focus is on "keep it"
    assert app.top.title == "menu" and len(app.ctx.session.records) == records
    driver.click("undo")
    driver.key(pygame.K_ESCAPE)                    # Esc is the safe answer too
    assert app.top.title == "menu" and app.ctx is ctx
    driver.click("undo")
    driver.key(pygame.K_y)
    assert app.ctx is not ctx and len(app.ctx.session.records) == records - 1


def test_enter_continues_the_report_wherever_the_focus_is(tmp_path):
    app = make_app(Settings(content_note_seen=True))
    app.crash_folder = tmp_path
    driver = show(app, BY_ID["report"])
    report = app.top
    report.focus("page:charts")
    driver.key(pygame.K_RETURN)
    assert app.top is not report and app.top.title in ("year", "event_card", "plan_end")


def test_a_click_on_a_slider_handle_takes_the_focus(tmp_path):
    app = make_app(Settings(content_note_seen=True))
    app.crash_folder = tmp_path
    driver = show(app, BY_ID["directives"])
    scene = app.top
    sliders = [i for i in scene.items if isinstance(i, SliderItem)]
    assert len(sliders) >= 2
    scene.focus(sliders[0].key)
    target = sliders[1]
    handle = target.element.sliding_button.rect
    driver.click_at(handle.center)
    assert scene.focus_key == target.key
    before = target.value
    driver.key(pygame.K_RIGHT, pygame.KMOD_SHIFT)
    assert target.value != before and sliders[0].value == sliders[0].value


def test_a_click_anywhere_on_a_choice_chooses_it(tmp_path):
    app = make_app(Settings(content_note_seen=True))
    app.crash_folder = tmp_path
    driver = show(app, BY_ID["event_card"])
    card = app.top
    index, rect = sorted(card.choice_rects.items())[-1]
    driver.click_at((rect.right - card.style.px(20), rect.bottom - card.style.px(8)))  # on the forecast's text
    assert app.ctx.session.commands[-1] == {"command": "choose", "year": app.ctx.year, "event": card.event.id,
                                            "choice": card.event.choices[index].id}
    assert app.top is card and card.answered[0] is card.event.choices[index]   # what it did, then on


def _visible_label(item) -> str:
    element = item.element
    return " ".join(str(getattr(element, "text", "")).split())


@pytest.mark.parametrize("screen_id", ["event_card", "directives", "targets", "picker", "title", "end", "load",
                                       "projects"])
def test_tooltips_add_to_the_label_and_never_cover_their_control(screen_id, tmp_path):
    app = make_app(Settings(content_note_seen=True))
    app.crash_folder = tmp_path
    driver = show(app, BY_ID[screen_id])
    with_tips = [i for i in app.top.items if getattr(i.element, "tool_tip_text", None)]
    for item in with_tips:
        tip = " ".join(item.element.tool_tip_text.split())
        label = _visible_label(item)
        assert tip.lower() not in label.lower() and label.lower() != tip.lower(), (
            f"{screen_id}: the tooltip of {item.key!r} repeats its label ({tip!r})")
    buttons = [i for i in with_tips if isinstance(i, ButtonItem | ChoiceItem | NumberItem)]
    for item in buttons[:4]:  # hover the first few: the tip appears beside the control, not on it
        pos = item.rect.center
        pygame.mouse.set_pos(pos)
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False))
        driver.settle(50)
        tip = item.element.tool_tip
        assert tip is not None, f"{screen_id}: no tooltip for {item.key!r}"
        assert not tip.rect.colliderect(item.rect), f"{screen_id}: the tooltip covers {item.key!r}"
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(1, 1), rel=(0, 0), buttons=(0, 0, 0),
                                             touch=False))
        driver.settle(3)


def test_the_event_cards_choice_buttons_have_no_tooltip_that_repeats_them(tmp_path):
    app = make_app(Settings(content_note_seen=True))
    app.crash_folder = tmp_path
    show(app, BY_ID["event_card"])
    for item in app.top.items:
        if item.key.startswith("choice:"):
            assert not getattr(item.element, "tool_tip_text", None)


def test_every_scrolling_view_is_reached_by_keys(tmp_path):
    """Where a screen shows a scroll cue, the hint names a key that scrolls."""
    app = make_app(Settings(classroom=True, content_note_seen=True), (1280, 720))
    app.crash_folder = tmp_path
    driver = Driver(app)
    for screen_id in ("credits", "end", "event_card_history", "year", "directives"):
        show(app, BY_ID[screen_id], driver)
        with draw.recording() as recorder:
            app.top.refresh()
        if recorder.cues:
            assert any(h.effect in ("scroll", "forecast") for h in app.top.hints()), screen_id


def test_a_choice_item_and_number_item_still_adjust(tmp_path):
    app = make_app(Settings(content_note_seen=True))
    app.crash_folder = tmp_path
    show(app, BY_ID["picker"])
    items = [i for i in app.top.items if isinstance(i, ChoiceItem | NumberItem) and i.enabled]
    assert items
