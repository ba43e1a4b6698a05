"""Every screen of the game, for tests that visit them all: the game's own catalogue
(game/ui/catalogue.py), which the screenshots command renders too."""

from __future__ import annotations

from collections.abc import Callable

from game.present.context import GameContext
from game.ui import catalogue
from game.ui.app import App
from game.ui.catalogue import BY_ID, answer
from game.ui.scene import Scene

__all__ = ["answer", "new_game", "screens"]


def screens() -> dict[str, Callable[[App], list[Scene]]]:
    """Screen id -> a function that sets the game up and returns the stack to show."""
    return {screen_id: screen.build for screen_id, screen in BY_ID.items()}


def new_game(app: App, year: int | None = None) -> GameContext:
    """A first_plan game, played with history's choices to January of `year`."""
    return catalogue.new_game(app, until_year=year)
