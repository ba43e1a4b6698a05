"""The browser edition's screens beyond the lesson's path, in a real headless Chromium: the
settings, the class's vote on a card and the keys, the charts, taking a year back, named saves
that outlive a reload, the page at 200 % zoom, and what a screen reader is given to read.
Marked `web` (the site's build needs the pinned runtime, and Chromium)."""

from __future__ import annotations

import pytest

from .browser import CONTINUE, Browser, answer_the_cards, chromium, click_and_wait

pytestmark = [pytest.mark.web,
              pytest.mark.skipif(chromium() is None, reason="Chromium is not installed (the Debian package 'chromium')")]

TITLE = "document.querySelector('input[name=scenario]') !== null"
CARD = "!!document.querySelector('.choice')"
REPORT = "document.querySelector('main').innerText.includes('Pravda reports')"


def button(label: str) -> str:
    """A click on the button that reads `label`."""
    return f"[...document.querySelectorAll('button')].find(b => b.innerText.trim() === {label!r}).click()"


def heading(page) -> str:
    return page.evaluate("document.querySelector('main h2').innerText")


def start(page, scenario: str = "first_plan") -> None:
    page.wait_for(TITLE, seconds=90)
    page.evaluate(f"document.querySelector('input[value={scenario}]').click()")
    click_and_wait(page, "document.querySelector('#new-game button[type=submit]').click()")


def test_settings_the_class_vote_and_the_keys_on_a_card(served):
    with Browser() as browser:
        page = browser.open(served)
        page.wait_for(TITLE, seconds=90)
        page.evaluate("localStorage.clear()")
        page.evaluate("document.querySelector('#settings').click()")
        page.wait_for("document.querySelector('dialog.settings[open]') !== null")
        page.evaluate("document.querySelector('input[name=content][value=detailed]').click()")
        page.evaluate("document.querySelector('#set-classroom').click()")
        assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "27px"  # 1.5 x 18 px
        page.evaluate(button("Done"))
        start(page, "great_turn")
        card = page.evaluate("pyatiletka.call('view').then(v => v.cards[0])")
        shown = page.evaluate("document.querySelector('.card p').innerText")
        assert shown == (card["text_detailed"] or card["text"])
        # the class votes: B twice, A once; Enter takes the leading answer
        for key in ("b", "a", "b"):
            page.press(key)
        assert page.evaluate("[...document.querySelectorAll('input.votes')].map(i => Number(i.value))")[:2] == [1, 2]
        page.press("Enter")
        page.wait_for("document.querySelector('main').innerText.includes('You chose:')")
        assert f"You chose: {card['choices'][1]['label']}" in page.text()
        page.evaluate(CONTINUE)
        page.wait_for(CARD)
        page.press("a")
        page.press("b")
        page.evaluate(button("Take the class's answer"))
        assert "A tie between A, B" in page.text()
        page.press("1")   # the number decides
        page.wait_for("document.querySelector('main').innerText.includes('You chose:')")
        # the settings outlive a reload
        page.send("Page.reload")
        page.wait_for(TITLE, seconds=90)
        assert page.evaluate("document.querySelector('#classroom').checked")


def test_charts_taking_a_year_back_and_named_saves_that_outlive_a_reload(served):
    with Browser() as browser:
        page = browser.open(served)
        page.wait_for(TITLE, seconds=90)
        start(page)
        answer_the_cards(page)
        page.evaluate("document.querySelector('form button[type=submit]').click()")
        page.wait_for(REPORT)
        charts = page.evaluate("""[...document.querySelectorAll('figure.chart')].map(f => [
            f.querySelector('figcaption').innerText, f.querySelectorAll('svg polyline, svg circle, svg rect').length,
            f.querySelector('table tbody').textContent])""")
        assert [c[0] for c in charts] == ["Steel, Mt", "Grain harvest, Mt", "Famine deaths, million people",
                                          "Villagers below subsistence and unrest, %"]
        assert all(drawn > 0 for _title, drawn, _table in charts)
        assert "1928" in charts[0][2]
        bars = page.evaluate("""[...document.querySelectorAll('.plan .progress-bar')].map(b => [
            b.getAttribute('aria-label'), parseFloat(b.querySelector('.real').style.width), !!b.querySelector('.tick')])""")
        assert len(bars) >= 5 and all(label.endswith(")") and 0 < width <= 100 and tick for label, width, tick in bars)
        assert "Steel" in " ".join(label for label, _w, _t in bars)
        assert "The plan for 1932:" in page.text()   # Pravda's claim on the plan
        assert all("reported" in label for label, _w, _t in bars)
        page.evaluate(CONTINUE)
        answer_the_cards(page)
        assert heading(page).startswith("January 1929")
        click_and_wait(page, button("Take back the last year"))
        answer_the_cards(page)
        assert heading(page).startswith("January 1928")
        page.evaluate("document.querySelector('#save-name').value = 'Team 3'")
        page.evaluate("document.querySelector('form.save-as button').click()")
        page.wait_for("document.querySelector('form.save-as output').innerText.includes('Team 3')")
        page.send("Page.reload")
        page.wait_for("document.querySelector('main')?.innerText.includes('Saved games')", seconds=90)
        assert "Team 3" in page.text()
        click_and_wait(page, "document.querySelector('button[aria-label=\"Load Team 3\"]').click()")
        answer_the_cards(page)
        assert heading(page).startswith("January 1928")
        click_and_wait(page, button("To the title"))
        page.wait_for(TITLE)
        page.evaluate("document.querySelector('button[aria-label=\"Delete Team 3\"]').click()")
        page.wait_for("!document.querySelector('main').innerText.includes('Team 3')")


SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_at_200_percent_zoom_every_screen_reflows_without_scrolling_sideways(served):
    """A 1280-pixel window zoomed to 200 %: 640 CSS pixels across. No screen may need a
    horizontal scroll (WCAG 1.4.10, reflow)."""
    with Browser() as browser:
        page = browser.open(served)
        page.send("Emulation.setDeviceMetricsOverride", {"width": 640, "height": 450, "deviceScaleFactor": 2,
                                                          "mobile": False})
        wider = {}
        page.wait_for(TITLE, seconds=90)
        wider["title"] = page.evaluate(SIDEWAYS)
        page.evaluate("document.querySelector('#settings').click()")
        wider["settings"] = page.evaluate(SIDEWAYS)
        page.evaluate(button("Done"))
        start(page, "great_turn")
        wider["card"] = page.evaluate(SIDEWAYS)
        answer_the_cards(page)
        wider["directives"] = page.evaluate(SIDEWAYS)
        page.evaluate("document.querySelector('form button[type=submit]').click()")
        page.wait_for(REPORT)
        wider["report"] = page.evaluate(SIDEWAYS)
        assert {screen: extra for screen, extra in wider.items() if extra > 0} == {}


def test_a_screen_reader_is_given_the_card_in_reading_order_and_every_control_a_name(served):
    """The accessibility tree Chromium gives a screen reader: on a card, the year, the card's
    title, its text, then each choice with its forecast; on the directives, no control without
    a name."""
    with Browser() as browser:
        page = browser.open(served)
        start(page, "great_turn")
        card = page.evaluate("pyatiletka.call('view').then(v => v.cards[0])")

        def read() -> list[tuple[str, str]]:
            nodes = page.send("Accessibility.getFullAXTree")["nodes"]
            return [(n["role"]["value"], n.get("name", {}).get("value", "")) for n in nodes
                    if not n.get("ignored") and n.get("role", {}).get("value") not in ("generic", "none", "InlineTextBox")]

        announced = "document.getElementById('announce').textContent"
        assert f"A card: {card['title']}" in page.evaluate(announced)   # said at once, in a live region
        spoken = read()
        names = [name for _role, name in spoken]
        title = names.index(card["title"])
        assert ("heading", card["title"]) in spoken
        first = next(i for i, (role, name) in enumerate(spoken) if role == "button" and card["choices"][0]["label"] in name)
        assert title < first, "the card's title is read before its choices"
        assert card["choices"][0]["forecast"] in spoken[first][1], "a choice is read with its forecast"
        answer_the_cards(page)
        unnamed = [role for role, name in read()
                   if role in ("button", "slider", "checkbox", "combobox", "textbox", "spinbutton", "radio") and not name]
        assert unnamed == []
        page.evaluate("document.querySelector('form button[type=submit]').click()")
        page.wait_for(REPORT)
        assert page.evaluate(announced).startswith("The year 1928: Steel")


def test_a_screenshot_of_the_page_is_a_png(served, tmp_path):
    """tools/web_screenshots.py takes the README's pictures this way."""
    with Browser(640, 400) as browser:
        page = browser.open(served)
        page.wait_for(TITLE, seconds=90)
        page.screenshot(tmp_path / "title.png")
    assert (tmp_path / "title.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
