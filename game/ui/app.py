"""The window and its one main loop: a stack of scenes, input, resizing, errors, frame pacing.

The loop never nests: a modal is a scene pushed on the stack. It redraws only when something
changed (or for two seconds after input, while hover effects and tooltips play) and sleeps to
10 frames a second when idle, so a game left open on a projector costs almost nothing.

Every call into a scene goes through `guard`: an exception shows the error screen and writes a
crash report; the game itself (the session) is kept, so the player can retry or go back.
"""

from __future__ import annotations

import logging
import os
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame.freetype
import pygame_gui

from ..present.i18n import _
from . import draw
from .crash import write_crash_report
from .scene import Scene
from .settings import Settings, load_settings, save_settings
from .style import Style
from .theme import make_manager

if TYPE_CHECKING:  # the game's model loads when a game starts, not before the first frame
    from ..present.context import GameContext

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (960, 540)
ACTIVE_FPS = 60
IDLE_FPS = 10
AWAKE_AFTER_INPUT_S = 2.0
INPUT_EVENTS = {pygame.KEYDOWN, pygame.KEYUP, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION,
                pygame.MOUSEWHEEL, pygame.TEXTINPUT, pygame.WINDOWFOCUSGAINED, pygame.WINDOWEXPOSED,
                pygame.WINDOWENTER}


class App:
    def __init__(self, settings: Settings | None = None, size: tuple[int, int] | None = None, *,
                 frame_cap: bool = True, persist_settings: bool = True):
        software_framebuffer()
        pygame.display.init()
        pygame.font.init()
        pygame.freetype.init()  # pygame_gui draws its text with freetype; never rely on auto-init
        # No sounds yet: the mixer is never started, so a machine without audio runs the same.
        notice = None
        if settings is None:
            settings, notice = load_settings()
        self.settings = settings          # in force for this run
        self.saved_settings = settings    # as in the settings file: only the Settings screens change it
        self.persist_settings = persist_settings
        self.notices: list[str] = [notice] if notice else []
        self.windowed_size = _at_least(size or DEFAULT_SIZE)
        self.window = self._open_window()
        pygame.display.set_caption("Pyatiletka")
        self.style = Style.from_settings(settings)
        self.manager = make_manager(self.size, self.style)
        self.stack: list[Scene] = []
        self.ctx: GameContext | None = None
        self.frame_cap = frame_cap
        self.clock = pygame.time.Clock()
        self.running = True
        self.dirty = True
        self.awake_until = 0.0
        self.frames_drawn = 0
        self.crash_reports: list[Path] = []
        self.first_frame_at: float | None = None
        self.crash_folder: Path | None = None  # None: the user data folder's crash-reports

    # -- window ----------------------------------------------------------------------------------
    @property
    def size(self) -> tuple[int, int]:
        return self.window.get_size()

    def _open_window(self) -> pygame.Surface:
        if self.settings.fullscreen:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        window = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        try:
            with warnings.catch_warnings():  # it warns about surface rendering, which we do not do through it
                warnings.simplefilter("ignore", DeprecationWarning)
                pygame.Window.from_display_module().minimum_size = MIN_SIZE
        except (AttributeError, pygame.error):
            pass  # without it the window may be made smaller than the layout is meant for
        return window

    def resize(self, size: tuple[int, int]) -> None:
        """The window was resized (or is to be): lay every scene out again."""
        if not self.settings.fullscreen:
            self.windowed_size = _at_least(size)
            if self.window.get_size() != self.windowed_size:
                self.window = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        self._relayout_all()

    def toggle_fullscreen(self) -> None:
        """F11: for this run (the Settings screen's full-screen line saves it)."""
        self.change_settings(self.settings.with_(fullscreen=not self.settings.fullscreen), save=False)

    def _relayout_all(self) -> None:
        self.manager.set_window_resolution(self.size)
        for scene in list(self.stack):
            self.guard(scene.relayout)
        self.mark_dirty()

    def change_settings(self, settings: Settings, save: bool = False) -> None:
        """Apply new settings; a new text scale or palette rebuilds the widgets.

        Only a choice the player makes on a settings screen is saved (`save=True`: the Settings
        screen, the content note's text level): then the settings that changed are written into
        the settings file, and nothing else. Everything else is for this run only: command-line
        flags (--classroom), a lesson code's settings, F11."""
        old = self.settings
        self.settings = settings
        if save:
            changed = {f.name: getattr(settings, f.name) for f in fields(Settings)
                       if f.name != "extra" and getattr(settings, f.name) != getattr(old, f.name)}
            self.saved_settings = self.saved_settings.with_(**changed)
            if self.persist_settings:
                save_settings(self.saved_settings)
        if settings.fullscreen != old.fullscreen:
            self.window = self._open_window()
        if (settings.scale, settings.high_contrast) != (old.scale, old.high_contrast):
            for scene in self.stack:
                scene.clear_widgets()
            draw.clear_caches()
            self.style = Style.from_settings(settings)
            self.manager = make_manager(self.size, self.style)
        self._relayout_all()

    # -- the stack ---------------------------------------------------------------------------------
    @property
    def top(self) -> Scene | None:
        return self.stack[-1] if self.stack else None

    def scene_below(self, scene: Scene) -> Scene | None:
        index = self.stack.index(scene) if scene in self.stack else len(self.stack)
        return self.stack[index - 1] if index > 0 else None

    def push(self, scene: Scene) -> None:
        if self.top is not None:
            self.guard(self.top.deactivate)
        self.stack.append(scene)
        self.guard(scene.activate)

    def pop(self) -> None:
        if not self.stack:
            return
        self.guard(self.stack.pop().deactivate)
        if self.top is not None:
            self.guard(self.top.activate)
        else:
            self.running = False

    def replace(self, scene: Scene) -> None:
        """Swap the top scene for another."""
        if self.stack:
            self.guard(self.stack.pop().deactivate)
        self.stack.append(scene)
        self.guard(scene.activate)

    def reset(self, *scenes: Scene) -> None:
        """Start again from these scenes (the first at the bottom)."""
        for scene in reversed(self.stack):
            self.guard(scene.deactivate)
        self.stack = list(scenes)
        for scene in scenes[:-1]:
            self.guard(scene.relayout)  # painted, for modals drawn over it; no widgets
        self.guard(scenes[-1].activate)

    def quit(self) -> None:
        self.running = False

    # -- the loop ----------------------------------------------------------------------------------
    def run(self) -> int:
        try:
            while self.running and self.stack:
                self.step()
        except Exception as exc:  # an error the error screen itself could not show
            path = write_crash_report(exc, self.top, self.ctx, self.crash_folder)
            print(_("Pyatiletka stopped after an error it could not recover from."), file=sys.stderr)
            if path is not None:
                print(_("A report was written to {path}").format(path=path), file=sys.stderr)
            raise
        finally:
            pygame.display.quit()
        return 0

    def step(self) -> None:
        """One frame: input, update, and a redraw if anything changed."""
        if self.frame_cap:
            awake = self.dirty or time.monotonic() < self.awake_until
            dt = self.clock.tick(ACTIVE_FPS if awake else IDLE_FPS) / 1000.0
        else:
            dt = 1 / ACTIVE_FPS
        # Everything guarded, pygame_gui included (a text it cannot render raises pygame.error):
        # an error shows the error screen and the window goes on.
        for event in pygame.event.get():
            self.guard(self.dispatch, event)
        if self.top is not None:
            self.guard(self.top.update, dt)
        self.guard(self.manager.update, dt)
        if self.dirty or time.monotonic() < self.awake_until:
            self.guard(self.render)

    def render(self) -> None:
        top = self.top
        if top is None:
            return
        self.window.blit(top.canvas, (0, 0))
        self.manager.draw_ui(self.window)
        top.draw_overlay(self.window)
        pygame.display.flip()
        self.dirty = False
        self.frames_drawn += 1
        if self.first_frame_at is None:
            self.first_frame_at = time.perf_counter()

    def mark_dirty(self) -> None:
        self.dirty = True

    def dispatch(self, event: pygame.event.Event) -> None:
        if event.type in INPUT_EVENTS:
            self.awake_until = time.monotonic() + AWAKE_AFTER_INPUT_S
            self.dirty = True
        if event.type == pygame.QUIT:
            self.running = False
        elif event.type == pygame.VIDEORESIZE:
            self.resize(event.size)
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
        elif event.type in (pygame_gui.UI_BUTTON_PRESSED, pygame_gui.UI_HORIZONTAL_SLIDER_MOVED):
            self._to_top(lambda scene: scene.handle_ui(event))
        else:
            self.manager.process_events(event)
            self._to_scene(event)

    def _to_scene(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            self._to_top(lambda scene: scene.handle_key(event))
        elif event.type == pygame.MOUSEWHEEL:
            self._to_top(lambda scene: scene.on_scroll(-3 * event.y))
        elif event.type == pygame.MOUSEBUTTONDOWN:
            self._to_top(lambda scene: scene.handle_mouse(event))
        elif event.type == pygame.MOUSEMOTION:
            self._to_top(lambda scene: scene.on_hover(event.pos))

    def _to_top(self, handler: Callable[[Scene], object]) -> None:
        if self.top is not None:
            self.guard(handler, self.top)

    # -- errors ----------------------------------------------------------------------------------
    def guard(self, fn: Callable, *args):
        try:
            return fn(*args)
        except Exception as exc:
            self.fail(exc)
            return None

    def fail(self, exc: Exception) -> None:
        from .scenes.error import ErrorScene

        failed = self.top
        path = write_crash_report(exc, failed, self.ctx, self.crash_folder)
        if path is not None:
            self.crash_reports.append(path)
        log.error("error in %s: %s (report: %s)", type(failed).__name__, exc, path)
        if isinstance(failed, ErrorScene):
            raise exc  # the error screen itself failed: run() reports it on the terminal
        if failed is not None:
            try:
                failed.deactivate()
            except Exception:  # noqa: BLE001 - the scene is broken already; its widgets go anyway
                failed.elements.clear()
        error = ErrorScene(self, exc, path, failed)
        self.stack.append(error)
        error.activate()


def _at_least(size: tuple[int, int]) -> tuple[int, int]:
    return max(MIN_SIZE[0], int(size[0])), max(MIN_SIZE[1], int(size[1]))


def software_framebuffer() -> None:
    """Before the display starts: on Linux, SDL puts a software-drawn window on screen through
    OpenGL unless told otherwise, and a machine without hardware GL (school PCs, VMs, Xvfb) does
    that in software too (llvmpipe): 12-35 ms a frame at 1280x720, up to half a second to open the
    window, about 95 MB more memory. The game draws everything itself, so a plain framebuffer is
    all it needs. A value the user set is kept."""
    if sys.platform.startswith("linux"):
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")


def headless_environment() -> None:
    """SDL's dummy drivers, for tests, screenshots and benchmarks: no window, no sound."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
