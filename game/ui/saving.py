"""The window's link to saves (game.persist): autosave each January, continue, load, save.

Saves are the saves package's business; this module only adapts it to the screens. If that
package is missing, or a save cannot be read, the game says so and goes on: a save problem is
never a crash.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ..errors import UserError
from ..present.context import GameContext

log = logging.getLogger(__name__)

try:
    from ..persist import saves as _saves
    from ..persist.playthrough import Playthrough
except ImportError:  # pragma: no cover - the saves package is part of the game; this is a fallback
    _saves = None
    Playthrough = None


def available() -> bool:
    return _saves is not None


def autosave(ctx: GameContext) -> str | None:
    """Autosave this January; the problem in words if it failed (the game goes on)."""
    if _saves is None or not isinstance(ctx.session, Playthrough):
        return None
    try:
        _saves.autosave(ctx.session)
    except (UserError, OSError) as exc:
        log.warning("autosave failed: %s", exc)
        return str(getattr(exc, "message", exc))
    return None


def entries() -> list:
    if _saves is None:
        return []
    try:
        return _saves.list_saves()
    except (UserError, OSError) as exc:
        log.warning("cannot list the saves: %s", exc)
        return []


def newest_loadable(found: list | None = None):
    """The save Continue opens: the newest that can be loaded, finished or not (a finished game
    opens at its end). Of a locked game only its newest state is ever listed."""
    return next((entry for entry in (entries() if found is None else found) if entry.ok), None)


def after_command(ctx: GameContext, played_year: bool) -> str | None:
    """After a command: a year played is autosaved (so quitting at its report never reopens the
    January before); a locked game is saved after every card answered too, so Continue always
    opens where it stands. The problem in words if the save failed."""
    session = ctx.session
    if played_year or getattr(session, "locked", False):
        return autosave(ctx)
    return None


def load(path: Path) -> GameContext:
    """Raises UserError (a SaveError) with a message for the player."""
    return GameContext.around(_saves.load(path))


def save(ctx: GameContext, name: str) -> Path:
    if _saves is None or not isinstance(ctx.session, Playthrough):
        raise UserError("this game cannot be saved")
    return _saves.save_slot(ctx.session, name)


def save_note(name: str, path: Path) -> str | None:
    """Said when a save went to another file than its name gives (the name was another save's)."""
    return _saves.slot_note(name, path) if _saves is not None else None


def lesson_context(lesson) -> GameContext:
    from ..persist.lessons import start_lesson

    return GameContext.around(start_lesson(lesson))
