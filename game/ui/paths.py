"""Where the UI finds its assets and writes its files.

Assets live at the repository root (assets/); a wheel carries a copy inside the package
(game.resources finds whichever is there).
Settings and crash reports go to the platformdirs folders; when the saves package
(game.persist) is present its paths are used, so `--data-dir` portable mode covers them too.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

from ..resources import assets_dir

ASSETS_DIR = assets_dir()
FONTS_DIR = ASSETS_DIR / "fonts"
IMAGES_DIR = ASSETS_DIR / "images"
THEME_FILE = ASSETS_DIR / "theme.json"

APP_NAME = "Pyatiletka"


def _dirs() -> platformdirs.PlatformDirs:
    return platformdirs.PlatformDirs(APP_NAME, appauthor=False)


def settings_file() -> Path:
    try:
        from ..persist import paths as persist_paths
    except ImportError:
        return _dirs().user_config_path / "settings.json"
    return persist_paths.settings_file()


def crash_reports_dir() -> Path:
    try:
        from ..persist import paths as persist_paths
    except ImportError:
        return _dirs().user_data_path / "crash-reports"
    return persist_paths.crash_reports_dir()
