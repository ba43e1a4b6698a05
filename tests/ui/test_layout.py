"""Resizing, full screen and classroom mode keep every widget inside the window; classroom text
is at least 1.5 times larger and the seed is on screen."""

from __future__ import annotations

import pygame
import pytest

from game.ui.driver import Driver
from game.ui.settings import Settings

from .conftest import make_app
from .painted import painted_texts
from .screens import screens

SIZES = [(960, 540), (1280, 720), (1100, 900), (1920, 1080), (2560, 1080)]


def widgets_outside(app) -> list[str]:
    window = pygame.Rect((0, 0), app.size)
    return [f"{type(app.top).__name__}:{item.key} {item.rect}" for item in app.top.items
            if item.element.visible and not window.contains(item.rect)]


@pytest.mark.parametrize("name", sorted(screens()))
def test_resizing_keeps_every_widget_inside_the_window(app, name):
    driver = Driver(app)
    app.reset(*screens()[name](app))
    driver.settle(2)
    for size in SIZES:
        app.resize(size)
        driver.settle(1)
        assert app.size == size
        assert app.top.canvas.get_size() == size
        assert widgets_outside(app) == [], size
    assert not app.crash_reports


def test_a_resize_event_from_the_window_lays_out_again(app):
    driver = Driver(app)
    driver.settle()
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(1600, 900), w=1600, h=900))
    driver.settle(2)
    assert app.size == (1600, 900) and app.top.canvas.get_size() == (1600, 900)
    assert widgets_outside(app) == []


def test_a_window_smaller_than_the_minimum_is_held_at_the_minimum(app):
    app.resize((400, 300))
    assert app.size == (960, 540)


def test_f11_toggles_full_screen_and_back(app):
    driver = Driver(app)
    driver.settle()
    driver.key(pygame.K_F11)
    assert app.settings.fullscreen
    assert widgets_outside(app) == []
    driver.key(pygame.K_F11)
    assert not app.settings.fullscreen and app.size == (1280, 720)


@pytest.mark.parametrize("name", sorted(screens()))
def test_classroom_mode_fits_a_projector(tmp_path, name):
    app = make_app(Settings(classroom=True), (1920, 1080))
    app.crash_folder = tmp_path
    driver = Driver(app)
    app.reset(*screens()[name](app))
    driver.settle(2)
    assert widgets_outside(app) == []
    app.resize((1280, 720))
    driver.settle(1)
    assert widgets_outside(app) == []
    assert not app.crash_reports


def test_classroom_text_is_at_least_one_and_a_half_times_larger(tmp_path):
    normal = make_app(Settings(), (1280, 720))
    normal_sizes = {role: normal.style.fonts.size(role) for role in ("small", "body", "h2", "h1")}
    normal_button = normal.style.button_height()
    classroom = make_app(Settings(classroom=True), (1920, 1080))
    for role, size in normal_sizes.items():
        assert classroom.style.fonts.size(role) >= 1.5 * size - 0.5, role
        assert classroom.style.fonts[role].get_linesize() >= 1.4 * normal.style.fonts.line(role)
    assert classroom.style.button_height() >= 1.4 * normal_button
    assert classroom.style.high_contrast and classroom.style.palette.ink == (0, 0, 0)


def test_classroom_from_the_settings_screen_rebuilds_the_widgets(app):
    driver = Driver(app)
    app.reset(*screens()["settings"](app))
    driver.settle()
    small = app.top.items[0].rect.height
    app.top.focus("classroom")
    driver.key(pygame.K_RETURN)
    assert app.settings.classroom and app.style.scale == 1.5
    assert app.top.items[0].rect.height > small
    assert widgets_outside(app) == []


def test_the_seed_is_on_every_game_screen(app, monkeypatch):
    driver = Driver(app)
    for name in ("year", "directives", "report", "end", "targets"):
        app.reset(*screens()[name](app))
        driver.settle()
        painted = " ".join(painted_texts(app, monkeypatch))
        assert "seed 1928" in painted, name
