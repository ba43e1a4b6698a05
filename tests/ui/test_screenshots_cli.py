"""`screenshots --out DIR` renders every screen, headless, including classroom mode."""

from __future__ import annotations

import pygame

from game.cli import main
from game.ui.catalogue import SCREENS


def test_screenshots_command_writes_every_screen(tmp_path, capsys):
    assert main(["screenshots", "--out", str(tmp_path)]) == 0
    for name in (screen.file for screen in SCREENS):
        for prefix, size in (("", (1280, 720)), ("classroom-", (1920, 1080))):
            image = pygame.image.load(tmp_path / f"{prefix}{name}.png")
            assert image.get_size() == size, name
    assert "wrote" in capsys.readouterr().out
