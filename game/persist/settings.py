"""The settings of one game, kept in its save and its lesson code.

Game settings never change the numbers: the same scenario, seed and commands give the same game
whatever they are. `content` chooses how graphic event texts are (an event's `text` or its
`text_detailed`), `classroom` the projector-friendly presentation, `allow_undo` whether a player
may take back a year (a teacher switches it off for assessment).

The player's own settings file (window, text size, defaults) is the UI's (game/ui/settings.py);
it lives at `paths.settings_file()`, so --data-dir covers it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from ..errors import UserError

CONTENT_LEVELS = ("sober", "detailed")
OLD_NAMES = {"standard": "sober"}  # what early saves called the sober level


@dataclass(frozen=True)
class GameSettings:
    classroom: bool = False
    content: str = "sober"
    allow_undo: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.content, str) or self.content not in CONTENT_LEVELS:
            shown = repr(self.content) if isinstance(self.content, str | int | float | None) else "a " + type(
                self.content).__name__
            raise UserError(f"content must be one of {', '.join(CONTENT_LEVELS)}, not {shown[:60]}")
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
        values = {k: v for k, v in data.items() if k in known}
        if isinstance(values.get("content"), str):
            values["content"] = OLD_NAMES.get(values["content"], values["content"])
        return cls(**values)

    def describe(self) -> str:
        return (f"classroom mode {'on' if self.classroom else 'off'}, {self.content} texts, "
                f"undo {'allowed' if self.allow_undo else 'switched off'}")
