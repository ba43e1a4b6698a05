"""The player's settings: classroom mode, content intensity, undo for new games, fullscreen, text scale.

Stored as JSON in the platformdirs config folder and written atomically (a temporary file in the
same folder, then os.replace), so a crash never leaves half a file. A damaged file is reported
and replaced by the defaults; it never stops the game. Keys this version does not know (another
part of the game may keep its own settings in the same file) are kept as they were.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from .paths import settings_file

log = logging.getLogger(__name__)

CONTENT_LEVELS = ("sober", "detailed")
CONTENT_ALIASES = {"standard": "sober"}  # an older name for the sober level
TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
CLASSROOM_MIN_SCALE = 1.5


@dataclass(frozen=True)
class Settings:
    classroom: bool = False
    content: str = "sober"
    fullscreen: bool = False
    text_scale: float = 1.0
    content_note_seen: bool = False
    allow_undo: bool = True   # new games may take back a year (a teacher switches it off for assessment)
    extra: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def scale(self) -> float:
        """The text scale in force: classroom mode never goes below 1.5x."""
        return max(self.text_scale, CLASSROOM_MIN_SCALE) if self.classroom else self.text_scale

    @property
    def high_contrast(self) -> bool:
        return self.classroom

    def with_(self, **changes) -> Settings:
        return replace(self, **changes)

    def as_json(self) -> dict:
        own = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "extra"}
        return {**self.extra, **own}


class SettingsProblem(Exception):
    """The settings file could not be used; the message says why, for the player."""


def from_json(data: object) -> Settings:
    if not isinstance(data, dict):
        raise SettingsProblem("the file does not hold a mapping of settings")
    known = {f.name for f in fields(Settings)} - {"extra"}
    values = {k: v for k, v in data.items() if k in known}
    extra = {k: v for k, v in data.items() if k not in known}
    content = CONTENT_ALIASES.get(values.get("content"), values.get("content", "sober"))
    if content not in CONTENT_LEVELS:
        raise SettingsProblem(f"content must be one of {', '.join(CONTENT_LEVELS)}, not {content!r}")
    values["content"] = content
    for name in ("classroom", "fullscreen", "content_note_seen", "allow_undo"):
        if not isinstance(values.get(name, False), bool):
            raise SettingsProblem(f"{name} must be true or false, not {values[name]!r}")
    scale = values.get("text_scale", 1.0)
    if isinstance(scale, bool) or not isinstance(scale, int | float) or not 0.5 <= scale <= 3.0:
        raise SettingsProblem(f"text_scale must be a number from 0.5 to 3, not {scale!r}")
    values["text_scale"] = float(scale)
    return Settings(**values, extra=extra)


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """The saved settings and, if the file was damaged, a message saying it was reset."""
    path = path or settings_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), None
    except (OSError, UnicodeDecodeError) as exc:
        return _reset(path, f"cannot read it ({exc})")
    try:
        return from_json(json.loads(text)), None
    except json.JSONDecodeError as exc:
        return _reset(path, f"it is damaged (line {exc.lineno}, column {exc.colno}: {exc.msg})")
    except SettingsProblem as exc:
        return _reset(path, str(exc))


def _reset(path: Path, why: str) -> tuple[Settings, str]:
    message = f"The settings file {path} could not be used: {why}. The default settings are in use."
    log.warning(message)
    settings = Settings()
    with contextlib.suppress(OSError):
        damaged = path.with_name(path.name + ".damaged")
        os.replace(path, damaged)  # keep the damaged file for whoever wants to look at it
        save_settings(settings, path)
    return settings, message


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write atomically; a failure is logged, never raised (settings are not worth a crash)."""
    path = path or settings_file()
    text = json.dumps(settings.as_json(), indent=2, sort_keys=True) + "\n"
    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as exc:
        log.warning("could not save the settings to %s: %s", path, exc)


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
