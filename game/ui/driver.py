"""Driving the window without a person: synthetic key presses and clicks posted to the event
queue, frames stepped by hand. Tests, screenshots and benchmarks use it; the game never does.

Input goes through pygame's event queue exactly as a player's would, so a click reaches a button
through pygame_gui and a key through the scene's focus ring.
"""

from __future__ import annotations

import pygame

from ..events.engine import historical_choice
from ..present.context import GameContext
from .app import App


class Driver:
    def __init__(self, app: App):
        self.app = app

    def settle(self, frames: int = 3) -> None:
        for _ in range(frames):
            self.app.step()

    def key(self, key: int, mod: int = 0, unicode: str = "", frames: int = 2) -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=unicode, scancode=0))
        self.settle(frames)

    def keys(self, *keys: int) -> None:
        for key in keys:
            self.key(key)

    def click_at(self, pos: tuple[int, int], frames: int = 3) -> None:
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False))
        self.settle(1)
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos, touch=False))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=pos, touch=False))
        self.settle(frames)  # the button's press arrives as a pygame_gui event on the next frame

    def click(self, key: str, frames: int = 3) -> None:
        """Click the focusable control with this key on the top scene."""
        item = next((i for i in self.app.top.items if i.key == key), None)
        if item is None:
            keys = ", ".join(i.key for i in self.app.top.items)
            raise LookupError(f"no control {key!r} on {type(self.app.top).__name__}; there are: {keys}")
        self.click_at(item.rect.center, frames)

    def scene(self) -> str:
        return self.app.top.title if self.app.top is not None else ""

    def save(self, path) -> None:
        self.app.render()
        pygame.image.save(self.app.window, str(path))


def advance(ctx: GameContext, until_year: int) -> None:
    """Play history's directives and answers up to January of `until_year`, through the session's
    commands (a quick way to set a scene; the tests play through the window)."""
    while not ctx.finished and ctx.year < until_year:
        for event in ctx.session.begin_year():
            ctx.session.choose(event.id, historical_choice(event).id)
        ctx.history_draft()
        ctx.play_year()
