"""The game window: pygame-ce and pygame_gui, a stack of scenes, keyboard-first, classroom-ready.

`play()` opens the window at the title screen. pygame is imported only when the window is
wanted, so the headless commands start without it.
"""

from __future__ import annotations

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # before any pygame import: no banner on stdout


def play(classroom: bool = False, size: tuple[int, int] | None = None, lesson=None) -> int:
    """Open the window at the title screen (or straight into the game of a lesson code)."""
    from .app import App
    from .scenes.title import TitleScene

    app = App(size=size)
    if classroom and not app.settings.classroom:  # for this run only; the Settings screen makes it stick
        app.change_settings(app.settings.with_(classroom=True), save=False)
    app.push(TitleScene(app))
    if lesson is not None:
        app.top.start_lesson(lesson)
    return app.run()
