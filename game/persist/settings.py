"""Settings: those of one game (kept in its save and its lesson code) and the user's own file.

Game settings never change the numbers: the same scenario, seed and commands give the same game
whatever they are. `content` chooses how graphic event texts are (an event's `text` or its
`text_detailed`), `classroom` the projector-friendly presentation, `allow_undo` whether a player
may take back a year (a teacher switches it off for assessment).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields

from ..errors import UserError
from .atomic import atomic_write
from .paths import settings_file

CONTENT_LEVELS = ("standard", "detailed")


@dataclass(frozen=True)
class GameSettings:
    classroom: bool = False
    content: str = "standard"
    allow_undo: bool = True

    def __post_init__(self) -> None:
        if self.content not in CONTENT_LEVELS:
            raise UserError(f"content must be one of {', '.join(CONTENT_LEVELS)}, not {self.content!r}")
        for name in ("classroom", "allow_undo"):
            if not isinstance(getattr(self, name), bool):
                raise UserError(f"setting {name} must be true or false, not {getattr(self, name)!r}")

    def as_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> GameSettings:
        """From a save's `settings`; keys this version does not know are ignored."""
        if not isinstance(data, dict):
            raise UserError(f"settings must be a mapping, not {type(data).__name__}")
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def describe(self) -> str:
        return (f"classroom mode {'on' if self.classroom else 'off'}, {self.content} texts, "
                f"undo {'allowed' if self.allow_undo else 'switched off'}")


def read_user_settings() -> dict:
    """The user's settings file (window size, default content level, ...), or {} if there is
    none. A damaged file is reported, never silently replaced."""
    path = settings_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: cannot read the settings ({exc})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"{path}: the settings file is damaged (line {exc.lineno}, column {exc.colno}: "
                        f"{exc.msg}); fix it or delete it") from None
    if not isinstance(data, dict):
        raise UserError(f"{path}: the settings file is damaged (not a mapping); fix it or delete it")
    return data


def write_user_settings(data: dict) -> None:
    """Write the user's settings atomically (the previous file is kept as settings.json.bak)."""
    path = settings_file()
    text = json.dumps(data, indent=2, sort_keys=True, allow_nan=False) + "\n"
    try:
        atomic_write(path, text.encode("utf-8"))
    except OSError as exc:
        raise UserError(f"{path}: cannot write the settings ({exc.strerror or exc})") from None
