"""`screenshots --out DIR` renders every screen, headless, including classroom mode."""

from __future__ import annotations

import pygame

from game.cli import main

EXPECTED = ["01-title", "02-scenario-picker", "03-content-note", "04-event-card", "06-plan-targets", "07-year",
            "08-directives-forecast", "10-year-end-report", "11-year-end-charts", "13-end-epilogue", "15-settings",
            "17-error"]


def test_screenshots_command_writes_every_screen(tmp_path, capsys):
    assert main(["screenshots", "--out", str(tmp_path)]) == 0
    for name in EXPECTED:
        for prefix, size in (("", (1280, 720)), ("classroom-", (1920, 1080))):
            image = pygame.image.load(tmp_path / f"{prefix}{name}.png")
            assert image.get_size() == size, name
    assert "wrote" in capsys.readouterr().out
