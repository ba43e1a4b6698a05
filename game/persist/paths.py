"""Where saves, settings, mods and crash reports live.

By default the platformdirs user folders: on Linux ~/.local/share/Pyatiletka (saves, mods, crash
reports) and ~/.config/Pyatiletka (settings); on Windows and macOS their usual places. With
`--data-dir DIR` (portable mode: a USB stick in a classroom) everything lives under DIR instead,
and nothing is written anywhere else.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "Pyatiletka"
SETTINGS_FILE = "settings.json"

_portable: Path | None = None


def set_data_dir(folder: str | Path | None) -> None:
    """Portable mode: keep saves, settings, mods and crash reports under `folder` (None: the
    platform's user folders again). The folder is created when something is first written."""
    global _portable
    if folder is None:
        _portable = None
        return
    path = Path(folder).expanduser().resolve()
    if path.exists() and not path.is_dir():
        from ..errors import UserError

        raise UserError(f"--data-dir {folder}: not a folder")
    _portable = path


def portable_dir() -> Path | None:
    """The --data-dir folder, or None when the platform's user folders are used."""
    return _portable


def _dirs() -> platformdirs.PlatformDirs:
    return platformdirs.PlatformDirs(APP_NAME, appauthor=False)


def data_dir() -> Path:
    return _portable if _portable is not None else _dirs().user_data_path


def config_dir() -> Path:
    return _portable if _portable is not None else _dirs().user_config_path


def saves_dir() -> Path:
    """Named saves; autosaves are in its `autosave` subfolder."""
    return data_dir() / "saves"


def autosave_dir() -> Path:
    return saves_dir() / "autosave"


def mods_dir() -> Path:
    return data_dir() / "mods"


def crash_reports_dir() -> Path:
    return data_dir() / "crash-reports"


def settings_file() -> Path:
    return config_dir() / SETTINGS_FILE
