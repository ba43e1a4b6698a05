"""The browser's map screen (game/web/static/map.js) in a headless Chromium: opened from the
year's screen after two years played, the twelve regions drawn and coloured, the figure and the
year switched, a region's page opened from the keyboard, an accessibility audit of both, and
back to the directives as the player left them. Marked `web`."""

from __future__ import annotations

import json

import pytest

from .browser import (
    CONTINUE,
    Browser,
    answer_the_cards,
    chromium,
    click_and_wait,
    serious_violations,
)

pytestmark = [pytest.mark.web,
              pytest.mark.skipif(chromium() is None, reason="Chromium is not installed (the Debian package 'chromium')")]

MAP_SHOWN = "!!document.querySelector('svg.region-map')"


def heading(page) -> str:
    return page.evaluate("document.querySelector('main h2').innerText")


def play_two_years(page) -> None:
    page.wait_for("document.querySelector('input[name=scenario]') !== null", seconds=90)
    page.evaluate("document.querySelector('input[value=great_turn]').click()")
    page.evaluate("document.querySelector('#new-game button[type=submit]').click()")
    for _year in (1928, 1929):
        answer_the_cards(page)
        page.evaluate("document.querySelector('form button[type=submit]').click()")
        page.wait_for("document.querySelector('main').innerText.includes('Pravda reports')")
        click_and_wait(page, CONTINUE)
    answer_the_cards(page)   # January 1930: the directives, with the map's button beside the save's


def test_the_map_in_the_browser(served):
    with Browser() as browser:
        page = browser.open(served)
        play_two_years(page)
        page.evaluate("document.querySelector('input[name=grain_procurement_mt]').value = 20")  # the player's draft
        click_and_wait(page, "[...document.querySelectorAll('button')].find(b => b.innerText === 'The map').click()")
        page.wait_for(MAP_SHOWN)
        assert heading(page) == "Map: Famine deaths, 1929 (your game)"
        fills = page.evaluate("[...document.querySelectorAll('svg.region-map .region')].map(p => p.style.fill)")
        assert len(fills) == 12 and all(fill.startswith("rgb(") for fill in fills)
        assert page.evaluate("document.querySelectorAll('svg.region-map .label text').length") == 24
        assert page.evaluate("document.querySelectorAll('.map-table tbody tr').length") == 12

        # Another figure: the page shows what the bridge gives for it, region by region.
        page.evaluate("document.querySelector('input[name=map-mode][value=food]').click()")
        page.wait_for("document.querySelector('main h2').innerText.startsWith('Map: Food per villager')")
        expected = page.evaluate("pyatiletka.call('map', 'food', 1929, 'yours', null).then(m => m.regions.map(r => [r.yours, r.history]))")
        table = page.evaluate("""[...document.querySelectorAll('.map-table tbody tr')].map(tr =>
            [...tr.querySelectorAll('td.number')].map(td => td.innerText))""")
        assert table == expected and all(cell.endswith(" kg") for row in table for cell in row)

        # Another year, and history's colours.
        page.evaluate("[...document.querySelectorAll('button')].find(b => b.innerText === 'Previous year').click()")
        page.wait_for("document.querySelector('main h2').innerText === 'Map: Food per villager, 1928 (your game)'")
        assert page.evaluate("document.querySelector('#map-year').value") == "1928"
        assert page.evaluate("[...document.querySelectorAll('button')].find(b => b.innerText === 'Previous year').disabled")
        page.evaluate("document.querySelector('#map-history').click()")
        page.wait_for("document.querySelector('main h2').innerText.endsWith(\"(history's game)\")")
        assert page.evaluate("document.querySelector('.map-legend-text').innerText").endswith("in brackets, your game's.")
        assert serious_violations(page) == []

        # A region's page from the keyboard: focus on Ukraine, Enter.
        label = page.evaluate("document.querySelector('[data-region=ukraine]').getAttribute('aria-label')")
        assert label.startswith("Ukrainian SSR: ") and "(yours " in label
        page.evaluate("document.querySelector('[data-region=ukraine]').focus()")
        shown = page.evaluate("document.body.dataset.screens")
        page.press("Enter")
        page.wait_for(f"document.body.dataset.screens !== '{shown}'")
        assert heading(page) == "Ukrainian SSR"
        text = page.text()
        for part in ("1928: your game (history's)", "What happened in history", "How historians read it",
                     "Robert Conquest", "Sources", "About the map"):
            assert part in text, part
        rows = page.evaluate("document.querySelectorAll('.region-figures tbody tr').length")
        assert rows == 10
        assert serious_violations(page) == []

        # Back to the map, on Ukraine; back to the directives as the player left them.
        click_and_wait(page, "[...document.querySelectorAll('button')].find(b => b.innerText === 'Back to the map').click()")
        assert page.evaluate("document.activeElement.dataset.region") == "ukraine"
        assert heading(page) == "Map: Food per villager, 1928 (history's game)"
        click_and_wait(page, "[...document.querySelectorAll('button')].find(b => b.innerText === 'Back').click()")
        assert heading(page).startswith("January 1930")
        assert page.evaluate("document.querySelector('input[name=grain_procurement_mt]').value") == "20"
        assert page.evaluate("document.activeElement.innerText") == "The map"


def test_the_map_before_a_year_is_played_says_so_and_the_directives_stay(served):
    with Browser() as browser:
        page = browser.open(served)
        page.wait_for("document.querySelector('input[name=scenario]') !== null", seconds=90)
        page.evaluate("document.querySelector('#new-game button[type=submit]').click()")
        answer_the_cards(page)
        page.evaluate("[...document.querySelectorAll('button')].find(b => b.innerText === 'The map').click()")
        message = page.wait_for("document.querySelector('.error') && document.querySelector('.error').innerText")
        assert "no year has been played yet" in message
        assert page.evaluate("!!document.querySelector('form input[type=range]')")
        assert json.loads(page.evaluate("JSON.stringify(document.querySelector('main h2').innerText)")).startswith("January 1928")
