"""Nothing is cut or dropped silently: every screen of the catalogue, at 960x540, 1000x600,
1280x720, 1366x768 and 1920x1080, at text scales 1.0, 1.25 and 1.5, in normal and classroom
mode, is drawn and measured (tests/ui/layout_check.py): no text cut with an ellipsis, none over
another, none out of its panel or under a control, no button label wider than its button; and
every page of a screen that scrolls or turns pages is measured too.

Classroom mode never goes below a text scale of 1.5, so its three scales draw the same screen:
the matrix measures each distinct screen once. By default a fixed-seed sample of the matrix runs,
always with 1280x720 classroom (the projector the game is designed for) and 960x540 at 1.5;
`pytest -m slow` runs all of it."""

from __future__ import annotations

import random

import pytest

from game.ui import draw
from game.ui.catalogue import BY_ID, show
from game.ui.driver import Driver
from game.ui.settings import Settings

from .conftest import make_app
from .layout_check import check, texts_drawn

SIZES = ((960, 540), (1000, 600), (1280, 720), (1366, 768), (1920, 1080))
SCALES = (1.0, 1.25, 1.5)
MODES = (False, True)
MAX_PAGES = 15
SAMPLE_PER_SCREEN = 3
SEED = 14


def combos() -> list[tuple[tuple[int, int], float, bool]]:
    """Every size, scale and mode, once per distinct screen (classroom: one scale in force)."""
    seen, out = set(), []
    for classroom in MODES:
        for scale in SCALES:
            effective = Settings(classroom=classroom, text_scale=scale).scale
            for size in SIZES:
                if (size, effective, classroom) not in seen:
                    seen.add((size, effective, classroom))
                    out.append((size, scale, classroom))
    return out


ALWAYS = (((1280, 720), 1.0, True), ((960, 540), 1.5, False))


def sample(screen_id: str) -> list[tuple[tuple[int, int], float, bool]]:
    rest = [c for c in combos() if c not in ALWAYS]
    rng = random.Random(f"{SEED}:{screen_id}")
    return list(ALWAYS) + rng.sample(rest, SAMPLE_PER_SCREEN)


def measure(app, driver, size, scale, classroom) -> list[str]:
    app.change_settings(app.settings.with_(text_scale=scale, classroom=classroom))
    app.resize(size)
    driver.settle(2)
    where = f"at {size[0]}x{size[1]}, scale {scale}{', classroom' if classroom else ''}"
    found = check(app, where)
    seen = [texts_drawn(app)]
    for page in range(1, MAX_PAGES):  # every page of a screen that scrolls
        app.top.on_scroll(draw.PAGE)
        driver.settle(1)
        now = texts_drawn(app)
        if now in seen:
            break
        seen.append(now)
        found += check(app, f"{where}, page {page + 1}")
    for _ in range(len(seen)):  # back to the first page for the next size
        app.top.on_scroll(-draw.PAGE)
    return found


def run(screen_id: str, cases, tmp_path) -> list[str]:
    app = make_app(Settings(), (1280, 720))
    app.crash_folder = tmp_path
    driver = show(app, BY_ID[screen_id])
    found: list[str] = []
    for size, scale, classroom in cases:
        found += measure(app, driver, size, scale, classroom)
    assert not app.crash_reports, app.crash_reports
    return found


@pytest.mark.parametrize("screen_id", sorted(BY_ID))
def test_a_sample_of_the_layout_matrix_cuts_and_drops_nothing(screen_id, tmp_path):
    found = run(screen_id, sample(screen_id), tmp_path)
    assert found == [], "\n".join(dict.fromkeys(found))


@pytest.mark.slow
@pytest.mark.parametrize("screen_id", sorted(BY_ID))
def test_the_whole_layout_matrix_cuts_and_drops_nothing(screen_id, tmp_path):
    found = run(screen_id, combos(), tmp_path)
    assert found == [], "\n".join(dict.fromkeys(found))


def test_the_matrix_covers_every_size_scale_and_mode():
    cases = combos()
    assert {c[0] for c in cases} == set(SIZES)
    assert len(cases) == len(SIZES) * 4  # three scales of normal mode, classroom's one
    assert all(c in cases for c in ALWAYS)


def test_the_checker_sees_a_cut_an_overlap_and_a_label_too_wide(tmp_path):
    """The check can fail: a text cut with an ellipsis, two texts on one spot and a button whose
    label does not fit are each reported."""
    import pygame

    from game.ui.scene import Scene

    class Broken(Scene):
        title = "broken"

        def build(self):
            self.button("wide", pygame.Rect(10, 300, 60, 40), "A label far too long for its button", lambda: None)

        def paint(self, canvas):
            draw.poster_background(canvas, self.style.palette)
            font = self.style.fonts["body"]
            draw.text(canvas, font, "A sentence that will not fit", (10, 10), (0, 0, 0), width=80)
            draw.text(canvas, font, "one text", (10, 100), (0, 0, 0))
            draw.text(canvas, font, "another text", (20, 102), (0, 0, 0))

    app = make_app(Settings(), (1280, 720))
    app.crash_folder = tmp_path
    app.reset(Broken(app))
    Driver(app).settle(2)
    found = "\n".join(check(app))
    assert "is cut" in found and "overlaps" in found and "is wider than its button" in found
