"""`screenshots --out DIR` renders every screen, headless, including classroom mode."""

from __future__ import annotations

import pygame

from game.cli import main
from game.ui.catalogue import SCREENS


def test_screenshots_command_writes_every_screen(tmp_path, capsys):
    from game.persist import paths

    before = sorted(paths.saves_dir().rglob("*.json")) if paths.saves_dir().is_dir() else []
    assert main(["screenshots", "--out", str(tmp_path / "shots")]) == 0
    for name in (screen.file for screen in SCREENS):
        for prefix in ("", "classroom-"):  # classroom mode at 1280x720: the projector it is designed for
            image = pygame.image.load(tmp_path / "shots" / f"{prefix}{name}.png")
            assert image.get_size() == (1280, 720), name
    assert "wrote" in capsys.readouterr().out
    after = sorted(paths.saves_dir().rglob("*.json")) if paths.saves_dir().is_dir() else []
    assert after == before, "the screenshots saved games into the user's folder"
