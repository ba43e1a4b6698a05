"""Never colour alone, in the browser edition too. Where the page tells things apart, a shape or
a word does it as well as the colour: a trend has its arrow and its word ("▲ better"), a chart's
reported series is dashed beside the real one's solid line and history's are points, the
scorecard's bars say "yours" and "history". What colour must do alone is stand out from the
paper: each marking colour (its CSS custom properties) keeps 3:1 against it for normal,
protanope and deuteranope vision (the window's check, game/ui/vision.py), and every text colour
reads at WCAG's 4.5:1."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.ui.vision import contrast, worst_contrast

STYLE = Path(__file__).resolve().parents[2] / "game" / "web" / "static" / "style.css"

MEANINGFUL_PAIRS = (
    ("red", "paper", "the plan's bars, your bars and the real line on the page"),
    ("reported", "paper", "the reported line on the page"),
    ("ink", "paper", "history's points and bars, the reported tick"),
    ("good", "paper", "a better trend's arrow"),
    ("bad", "paper", "a worse trend's arrow"),
)
TEXT = ("ink", "muted", "red", "good", "bad")


def page_colours(css: str) -> dict[str, tuple[int, int, int]]:
    root = re.search(r":root\s*\{(.*?)\}", css, re.S).group(1)
    return {name: tuple(int(value[i:i + 2], 16) for i in (1, 3, 5))
            for name, value in re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", root)}


def test_the_page_declares_every_colour_it_means_something_by():
    colours = page_colours(STYLE.read_text(encoding="utf-8"))
    assert {c for pair in MEANINGFUL_PAIRS for c in pair[:2]} | set(TEXT) <= set(colours)


@pytest.mark.parametrize(("a", "b", "why"), MEANINGFUL_PAIRS)
def test_every_meaningful_pair_keeps_3_to_1_under_red_green_colour_blindness(a, b, why):
    colours = page_colours(STYLE.read_text(encoding="utf-8"))
    ratio, vision = worst_contrast(colours[a], colours[b])
    assert ratio >= 3.0, f"{a}/{b} ({why}): {ratio:.2f}:1 under {vision}"


@pytest.mark.parametrize("name", TEXT)
def test_text_on_the_paper_reads_at_4_5_to_1(name):
    colours = page_colours(STYLE.read_text(encoding="utf-8"))
    assert contrast(colours[name], colours["paper"]) >= 4.5


def test_the_check_can_fail():
    css = ":root { --paper: #f3ead7; --reported: #d9a441; }"   # a light ochre: lost on the paper
    colours = page_colours(css)
    assert worst_contrast(colours["reported"], colours["paper"])[0] < 3.0


def test_a_trend_on_the_page_always_has_its_word():
    from game.web.bridge import Bridge

    bridge = Bridge()
    view = bridge.start("first_plan", 1928, "historical")
    for _year in range(2):
        while view["cards"]:
            view = bridge.choose(view["cards"][0]["id"], view["cards"][0]["choices"][0]["id"])["view"]
        view = bridge.play_year({"grain_procurement_mt": 7.0})["view"]
    rows = [row for panel in view["panels"] for row in panel["rows"]]
    assert any(row["trend"] for row in rows)
    assert all(row["trend_word"] in ("better", "worse", "up", "down") for row in rows if row["trend"])
