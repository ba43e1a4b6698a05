"""Never colour alone: the palette's meaningful pairs stay at least 3:1 apart for normal,
protanope and deuteranope vision (Machado et al. 2009), and every trend carries a word and a
shape as well as its colour."""

from __future__ import annotations

import pytest

from game.ui import draw
from game.ui.style import HIGH_CONTRAST, MEANINGFUL_PAIRS, POSTER, Palette
from game.ui.vision import contrast, simulate, worst_contrast

from .conftest import make_app
from .screens import screens

PALETTES = {"poster": POSTER, "high contrast": HIGH_CONTRAST}


@pytest.mark.parametrize("name", PALETTES)
def test_every_meaningful_pair_keeps_3_to_1_under_red_green_colour_blindness(name):
    palette = PALETTES[name]
    weak = []
    for a, b, why in MEANINGFUL_PAIRS:
        ratio, vision = worst_contrast(getattr(palette, a), getattr(palette, b))
        if ratio < 3.0:
            weak.append(f"{a}/{b} ({why}): {ratio:.2f}:1 under {vision}")
    assert weak == []


def test_the_first_releases_green_and_red_fail_the_check():
    """The check can fail: the old trend colours were 1.07:1 apart and two browns to a deuteranope."""
    old_good, old_bad = (30, 110, 60), (200, 16, 46)
    assert contrast(old_good, old_bad) < 1.1
    assert worst_contrast(old_good, old_bad)[0] < 3.0


def test_the_simulation_matches_machado_for_pure_colours():
    # Red loses most of its brightness for a protanope, and red and green merge for a deuteranope.
    assert simulate((255, 0, 0), "protanopia")[0] < 120
    deut_red, deut_green = simulate((200, 30, 30), "deuteranopia"), simulate((90, 130, 20), "deuteranopia")
    assert contrast(deut_red, deut_green) < 1.5
    assert simulate((0, 0, 255), "deuteranopia")[2] > 200  # blue stays blue
    assert simulate((128, 128, 128), "protanopia") == (128, 128, 128) or \
        max(abs(a - b) for a, b in zip(simulate((128, 128, 128), "protanopia"), (128, 128, 128), strict=True)) <= 2


def test_every_colour_of_the_palette_is_covered_where_it_carries_meaning():
    used = {c for a, b, _ in MEANINGFUL_PAIRS for c in (a, b)}
    assert {"good", "bad", "reported", "red", "ink", "on_dark"} <= used
    assert set(used) <= set(Palette.__dataclass_fields__)


def test_every_trend_on_the_year_screen_has_a_word_and_a_shape(tmp_path):
    app = make_app(size=(1920, 1080))
    app.crash_folder = tmp_path
    app.reset(*screens()["year"](app))
    scene = app.top
    words = {"better", "worse", "up", "down", "steady"}
    with draw.recording() as recorder:
        scene.refresh()
    drawn = [d.text for d in recorder.texts]
    rows = [row for rows in scene.group_rows for row in rows]
    with_trend = [row for row in rows if row.trend != 0]
    assert with_trend, "the test needs a game with trends"
    assert sum(1 for text in drawn if text in words) >= len(with_trend)
    assert "better" in drawn and "worse" in drawn


def test_the_maps_scale_stays_in_order_for_colour_blind_eyes():
    """The map's colours run from light to dark under every vision, each step a step darker than
    the one before, so that the order of the figures reads without telling hues apart."""
    from game.debrief.regional_map import SCALE
    from game.ui.vision import VISIONS, luminance

    for vision in VISIONS:
        seen = [luminance(simulate(colour, vision)) for colour in SCALE]
        assert all(a > b for a, b in zip(seen, seen[1:], strict=False)), vision
        assert seen[0] / seen[-1] > 8, vision   # the ends far apart: light yellow, dark blue
