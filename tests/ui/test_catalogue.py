"""The screen catalogue is complete: every scene of the game is shown by at least one entry, so the
tests and screenshots that walk "every screen" really do."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import game.ui.scenes as scenes_package
from game.ui.catalogue import SCENE_MODULES, SCREENS, show
from game.ui.scene import Scene


def _scene_classes() -> dict[str, type[Scene]]:
    found = {}
    for module in pkgutil.iter_modules(scenes_package.__path__):
        loaded = importlib.import_module(f"game.ui.scenes.{module.name}")
        for name, value in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(value, Scene) and value.__module__ == loaded.__name__ and value.title:
                found[name] = value
    return found


def test_every_scene_class_is_known_to_the_catalogue():
    assert set(_scene_classes()) == set(SCENE_MODULES)


def test_every_scene_is_on_top_of_some_screen(app):
    on_top = set()
    for screen in SCREENS:
        show(app, screen)
        on_top.add(type(app.top).__name__)
    assert on_top == set(SCENE_MODULES)
    assert not app.crash_reports
