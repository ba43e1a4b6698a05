"""Crash reports: what went wrong, where, and the game's command log, written to the user data
folder (crash-reports/), so a player can send it and a developer can replay the game."""

from __future__ import annotations

import json
import logging
import platform
import sys
import time
import traceback
from pathlib import Path

from .paths import crash_reports_dir

log = logging.getLogger(__name__)


def crash_report_text(exc: BaseException, scene: object, ctx: object) -> str:
    import pygame
    import pygame_gui

    lines = [
        "Pyatiletka crash report",
        f"time: {time.strftime('%Y-%m-%d %H:%M:%S')}",
        f"python: {sys.version.split()[0]} on {platform.platform()}",
        f"pygame-ce: {pygame.version.ver}  pygame_gui: {getattr(pygame_gui, '__version__', '?')}",
        f"scene: {type(scene).__name__ if scene is not None else '-'}",
    ]
    session = getattr(ctx, "session", None)
    if session is not None:
        scenario = getattr(ctx, "scenario", None)
        lines += [
            f"scenario: {getattr(scenario, 'id', '?')} {getattr(scenario, 'version', '')}",
            f"seed: {session.seed}  weather: {session.weather_mode}  year: {session.year}",
            "commands: " + json.dumps(session.commands),
        ]
    lines += ["", "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))]
    return "\n".join(lines)


def write_crash_report(exc: BaseException, scene: object = None, ctx: object = None,
                       folder: Path | None = None) -> Path | None:
    """Write the report; None if even that fails (it is logged, and the error screen says so)."""
    try:
        text = crash_report_text(exc, scene, ctx)
    except Exception:  # noqa: BLE001 - a report without context beats none
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    try:
        folder = folder or crash_reports_dir()
        folder.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        number = 1
        while (path := folder / f"crash-{stamp}-{number}.txt").exists():
            number += 1
        path.write_text(text, encoding="utf-8")
        return path
    except OSError as exc_write:
        log.error("could not write a crash report: %s\n%s", exc_write, text)
        return None
