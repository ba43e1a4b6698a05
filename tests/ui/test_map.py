"""The map screen as a player and a teacher use it: the pointer picks a region, a click opens its
history, the numbers printed are the game's, no label covers another at any size, and the map
is drawn once per figure and year, not every frame."""

from __future__ import annotations

import pygame
import pytest

from game.debrief import regional_map as rm
from game.ui import draw
from game.ui.catalogue import BY_ID, show
from game.ui.driver import Driver
from game.ui.settings import Settings

from .conftest import make_app
from .layout_check import texts_drawn


def map_screen(settings=None, size=(1280, 720)):
    app = make_app(settings or Settings(content_note_seen=True), size)
    driver = show(app, BY_ID["map"])
    return app, driver, app.top


def pixel_of(scene, region: str) -> tuple[int, int]:
    """A point of the window inside the region, found on the map's own mask."""
    _picture, mask, _shapes = scene.drawn()
    index = list(scene.spec.regions).index(region)
    w, h = mask.get_size()
    for y in range(0, h, 3):
        for x in range(0, w, 3):
            colour = mask.get_at((x, y))
            if colour.r == index and colour.g == 0:
                return x + scene.map_rect.left, y + scene.map_rect.top
    raise AssertionError(f"{region} is not on the map")


def test_the_pointer_over_a_region_shows_its_panel():
    app, driver, scene = map_screen()
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pixel_of(scene, "kazakhstan"), rel=(1, 1),
                                         buttons=(0, 0, 0)))
    driver.settle(2)
    assert scene.region == "kazakhstan"
    assert "Kazakh ASSR" in texts_drawn(app)


def test_a_click_on_a_region_opens_its_history_with_the_historians():
    app, driver, scene = map_screen()
    driver.click_at(pixel_of(scene, "ukraine"))
    assert app.top.title == "info"
    text = " ".join(block.content for block in app.top.blocks)
    assert "Holodomor" in text and "Conquest" in text and "Davies" in text


def test_the_numbers_on_the_map_are_the_games_figures():
    _app, _driver, scene = map_screen()
    scene._cache.clear()
    with draw.recording() as recorder:
        scene.drawn()
    printed = {d.full for d in recorder.texts}
    for region, number in rm.values("famine", scene.game, scene.spec, scene.year).items():
        assert rm.formatted("famine", number) in printed, region


@pytest.mark.parametrize("size, classroom", [((1280, 720), False), ((1920, 1080), True), ((960, 540), False),
                                             ((960, 540), True)])
@pytest.mark.parametrize("mode", [m.id for m in rm.MODES])
def test_no_label_covers_another(size, classroom, mode):
    _app, _driver, scene = map_screen(Settings(content_note_seen=True, classroom=classroom), size)
    scene.show(mode=mode)
    if scene.as_table:    # a window too low for a readable map: the regions as a table instead
        assert size == (960, 540) and classroom
        labels = scene.table_rows()
    else:
        labels = list(scene.drawn()[2]["labels"].items())
    for i, (a, box_a) in enumerate(labels):
        room = scene.map_rect if scene.as_table else scene.map_rect.move(-scene.map_rect.left, -scene.map_rect.top)
        assert room.contains(box_a), a
        for b, box_b in labels[i + 1:]:
            assert not box_a.colliderect(box_b), f"{a} and {b} at {size}"


def test_history_s_colours_and_the_years(monkeypatch):
    app, driver, scene = map_screen()
    driver.key(pygame.K_h)
    assert "history's game" in scene.heading() and scene.shown_game() is scene.history
    before = scene.year
    driver.key(pygame.K_RIGHT)
    assert scene.year == before + 1 and str(scene.year) in scene.heading()


def test_the_map_is_drawn_once_not_every_frame(monkeypatch):
    app, driver, scene = map_screen()
    calls = []
    original = scene._draw_map
    monkeypatch.setattr(scene, "_draw_map", lambda: (calls.append(1), original())[1])
    scene._cache.clear()
    for _ in range(5):
        scene.step_region(1)
        app.mark_dirty()
        app.step()
    assert calls == [1]
    Driver(app).settle(1)


def test_t_shows_the_regions_as_a_table_with_every_figure():
    app, driver, scene = map_screen()
    driver.key(pygame.K_t)
    assert scene.as_table
    drawn = " ".join(texts_drawn(app))
    for region, (name, _present) in scene.names.items():
        assert name in drawn, region
    figure = rm.formatted("famine", rm.value("famine", scene.game, scene.spec, "kazakhstan", scene.year))
    assert figure in drawn
    driver.key(pygame.K_t)
    assert not scene.as_table
