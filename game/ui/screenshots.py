"""`python main.py screenshots --out DIR`: every screen rendered headless to PNG at 1280x720, in
normal and in classroom mode (the projector the classroom mode is designed for). Real content
only: the scenario, its events and the model. The games it plays save into a throwaway data
folder, never into the user's."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .app import headless_environment


def render_all(out: Path) -> list[Path]:
    """Every screen of the catalogue (game/ui/catalogue.py), normal and classroom."""
    headless_environment()
    out.mkdir(parents=True, exist_ok=True)
    from ..persist import paths

    previous = paths.portable_dir()
    written = []
    with tempfile.TemporaryDirectory(prefix="pyatiletka-shots-data-") as data:
        paths.set_data_dir(data)  # the autosaves of the games shown go here, not to the user's folder
        try:
            written += _render_set(out, (1280, 720), classroom=False)
            written += _render_set(out, (1280, 720), classroom=True, prefix="classroom-")
        finally:
            paths.set_data_dir(previous)
    return written


def _render_set(out: Path, size: tuple[int, int], classroom: bool, prefix: str = "") -> list[Path]:
    import pygame

    from .app import App
    from .catalogue import SCREENS, show
    from .driver import Driver
    from .settings import Settings

    app = App(Settings(classroom=classroom), size, frame_cap=False, persist_settings=False)
    driver = Driver(app)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="pyatiletka-shots-") as crashes:
        app.crash_folder = Path(crashes)  # the error screen's report goes nowhere the user keeps
        for screen in SCREENS:
            show(app, screen, driver, settle=4)
            path = out / f"{prefix}{screen.file}.png"
            driver.save(path)
            written.append(path)
    pygame.display.quit()
    return written


if __name__ == "__main__":  # pragma: no cover
    import sys

    for written in render_all(Path(sys.argv[1] if len(sys.argv) > 1 else os.getcwd())):
        print(written)
