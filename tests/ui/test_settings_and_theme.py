"""Settings persist atomically and survive a damaged file; the theme loads without a warning;
the fonts ship with their licence and a missing font falls back."""

from __future__ import annotations

import json
import logging
import warnings

import pygame
import pygame.freetype
import pygame_gui
from pygame_gui.core.ui_appearance_theme import UIThemeValidator

from game.ui.paths import FONTS_DIR, THEME_FILE, settings_file
from game.ui.settings import Settings, load_settings, save_settings
from game.ui.style import FONT_FILES, Fonts, Style
from game.ui.theme import font_sizes, read_theme, theme_for


def test_settings_round_trip_in_the_config_folder(tmp_path):
    path = tmp_path / "settings.json"
    settings = Settings(classroom=True, content="detailed", fullscreen=True, text_scale=1.25, content_note_seen=True)
    save_settings(settings, path)
    loaded, problem = load_settings(path)
    assert problem is None and loaded == settings
    assert not list(tmp_path.glob(".*tmp"))  # the temporary file was renamed over the target


def test_default_path_is_the_platformdirs_config_folder():
    assert settings_file().name == "settings.json"
    assert "Pyatiletka" in str(settings_file())


def test_unknown_keys_are_kept(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"classroom": True, "window": [1, 2], "allow_undo": False}), encoding="utf-8")
    loaded, _ = load_settings(path)
    save_settings(loaded.with_(text_scale=1.5), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["window"] == [1, 2] and data["allow_undo"] is False and data["text_scale"] == 1.5


def test_damaged_settings_are_reported_and_replaced_by_defaults(tmp_path):
    for damage in ("{not json", json.dumps([1, 2]), json.dumps({"content": "gory"}), json.dumps({"text_scale": 99}),
                   "\udcff"):
        path = tmp_path / "settings.json"
        path.write_text(damage, encoding="utf-8", errors="surrogateescape")
        loaded, problem = load_settings(path)
        assert loaded == Settings()
        assert problem and "settings" in problem
        assert load_settings(path) == (Settings(), None)  # replaced by the defaults
        assert (tmp_path / "settings.json.damaged").exists()


def test_classroom_never_below_one_and_a_half():
    assert Settings(classroom=True, text_scale=1.0).scale == 1.5
    assert Settings(classroom=True, text_scale=2.0).scale == 2.0
    assert Settings(text_scale=1.25).scale == 1.25


def test_theme_file_is_valid_and_loads_without_warnings():
    assert UIThemeValidator.validate_theme_file(read_theme(THEME_FILE)) == []
    pygame.display.init()
    pygame.font.init()
    pygame.freetype.init()
    pygame.display.set_mode((1280, 720))
    for settings in (Settings(), Settings(classroom=True)):
        style = Style.from_settings(settings)
        theme = theme_for(style)
        assert UIThemeValidator.validate_theme_file(theme) == []
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            manager = pygame_gui.UIManager((1280, 720), theme, enable_live_theme_updates=False)
            pygame_gui.elements.UIButton(pygame.Rect(0, 0, 200, 40), "Пятилетка", manager)
            manager.update(0.01)


def test_fonts_ship_with_their_licence():
    for filename in FONT_FILES.values():
        assert (FONTS_DIR / filename).is_file(), filename
    licence = (FONTS_DIR / "LICENSE-ParaType.txt").read_text(encoding="utf-8")
    assert "ParaType" in licence and "GRANT OF LICENSE" in licence


def test_a_missing_font_falls_back_and_logs(monkeypatch, tmp_path, caplog):
    pygame.font.init()
    monkeypatch.setattr("game.ui.style.FONTS_DIR", tmp_path)
    fonts = Fonts(1.0)
    with caplog.at_level(logging.WARNING):
        font = fonts["body"]
    assert font.size("Steel")[0] > 0
    assert any("could not be loaded" in r.message for r in caplog.records)


def test_missing_theme_fonts_fall_back_to_pygame_gui_font(monkeypatch, tmp_path, caplog):
    monkeypatch.setattr("game.ui.theme.ASSETS_DIR", tmp_path)
    with caplog.at_level(logging.WARNING):
        theme = theme_for(Style.from_settings(Settings()))
    assert theme["defaults"]["font"]["name"] == "noto_sans"
    assert "regular_path" not in theme["defaults"]["font"]
    assert any("missing" in r.message for r in caplog.records)


def test_classroom_theme_fonts_are_one_and_a_half_times_larger():
    normal = font_sizes(theme_for(Style.from_settings(Settings())))
    classroom = font_sizes(theme_for(Style.from_settings(Settings(classroom=True))))
    assert normal.keys() == classroom.keys() and normal
    for block, size in normal.items():
        assert classroom[block] >= 1.5 * size - 0.5, block
