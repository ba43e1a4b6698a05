"""The browser edition's site (`python main.py web --out DIR`) in a real headless Chromium, with
every request outside the local server refused: a whole lesson from the title to the debrief,
as a student sees it. Marked `web` (needs node's cache of the pinned runtime, and Chromium)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.web.site import FRONT_END

from .browser import (
    CONTINUE,
    CONTINUE_AFTER_PLAN,
    Browser,
    answer_the_cards,
    chromium,
    click_and_wait,
    serious_violations,
)

pytestmark = pytest.mark.web
ROOT = Path(__file__).resolve().parents[2]


def test_the_site_is_whole_small_and_asks_nothing_of_the_network(site, capsys):
    for name in (*FRONT_END, "game.zip", "site.json", "pyodide/pyodide.mjs", "pyodide/pyodide.asm.wasm"):
        assert (site / name).is_file(), name
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20
    assert size <= 20.0
    for name in FRONT_END:
        text = (site / name).read_text(encoding="utf-8").replace('"http://www.w3.org/2000/svg"', "")  # a name, not a request
        assert "http://" not in text and "https://" not in text, f"{name} reaches outside the site"


def test_building_into_a_folder_of_other_files_is_refused(tmp_path, capsys):
    (tmp_path / "essay.txt").write_text("mine")
    assert main(["web", "--out", str(tmp_path)]) != 0
    assert "is not empty and not an earlier build" in capsys.readouterr().err
    assert (tmp_path / "essay.txt").read_text() == "mine"


# A value the page failed to fill in, shown as a word: JavaScript's null, undefined, NaN or an object.
LEAKS = r"(document.querySelector('main').innerText.match(/\b(null|undefined|NaN)\b|\[object \w+\]/) || [''])[0]"


@pytest.mark.skipif(chromium() is None, reason="Chromium is not installed (the Debian package 'chromium')")
def test_a_lesson_in_the_browser_from_the_title_to_the_debrief(served, tmp_path):
    with Browser() as browser:
        page = browser.open(served)
        page.wait_for("document.querySelector('input[name=scenario]') !== null", seconds=90)
        assert "Pyatiletka" in page.text()
        assert page.evaluate(LEAKS) == ""
        page.evaluate("document.querySelector('input[value=great_turn]').click()")
        page.evaluate("document.querySelector('#seed').value = 1928")
        page.evaluate("document.querySelector('#new-game button[type=submit]').click()")
        seen = {"cards": 0, "reports": 0}
        for _step in range(200):
            state = page.wait_for("""(() => {
                if (document.querySelector('.choice')) return 'card';
                const text = document.querySelector('main').innerText;
                if (text.includes('The game is over')) return 'end';
                if (text.includes('You chose:')) return 'aftermath';
                if (document.querySelector('main h2').innerText.startsWith('The end of the plan')) return 'plan_end';
                if (text.includes('Pravda reports')) return 'report';
                if (document.querySelector('form input[type=range]')) return 'directives';
                return '';
            })()""")
            leaked = page.evaluate(LEAKS)
            assert not leaked, f"the {state or 'title'} screen shows {leaked!r}"
            if state == "end":
                break
            shown = page.evaluate("document.body.dataset.screens")  # the screen being answered
            if state == "plan_end":
                seen["plan_ends"] = seen.get("plan_ends", 0) + 1
                assert page.evaluate("document.querySelectorAll('.plan-table tbody tr').length") >= 5
                assert page.evaluate("document.querySelectorAll('.axis').length") >= 5
                page.evaluate(CONTINUE_AFTER_PLAN)
            elif state == "card":
                seen["cards"] += 1
                assert page.evaluate("document.querySelector('.choice .forecast').innerText")
                page.evaluate("document.querySelector('.choice').click()")
            elif state == "aftermath" or state == "report":
                seen["reports"] += state == "report"
                if state == "report":
                    assert "The internal report" in page.text()
                page.evaluate("[...document.querySelectorAll('button')].find(b => b.innerText === 'Continue').click()")
            else:  # the year's directives: little procurement, off history's path
                page.evaluate("""(() => {
                    const slider = document.querySelector('input[name=grain_procurement_mt]');
                    if (slider) slider.value = slider.min;
                    document.querySelector('form button[type=submit]').click();
                })()""")
            page.wait_for(f"document.body.dataset.screens !== '{shown}'")  # the next screen
        else:
            pytest.fail("the lesson did not reach its end in 200 steps")
        assert seen["reports"] == 14 and seen["cards"] >= 10
        assert seen["plan_ends"] == 2   # the first plan's end in 1932, the second's in 1937 (the third is cut by the war)
        assert "June 1941" in page.text()
        page.wait_for("document.querySelectorAll('#end-scorecard .axis').length > 0")
        axes = page.evaluate("pyatiletka.call('end').then(e => e.scorecard.map(a => a.name))")
        shown = page.evaluate("[...document.querySelectorAll('#end-scorecard .axis h4')].map(h => h.innerText)")
        assert shown == axes and len(axes) >= 5
        for part in ("epilogue", "record", "charts", "events", "questions", "perspectives"):
            assert page.evaluate(f"document.querySelector('#end-{part}').innerText.length") > 100, part
        assert page.evaluate(LEAKS) == ""
        assert serious_violations(page) == []   # the end screen, as long as it is
        sizes = page.evaluate("pyatiletka.call('debrief').then(d => [d.html.length, d.handout.length, d.results.length])")
        assert all(size > 1000 for size in sizes)
        requested = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
        assert requested and all(name.startswith(served) for name in requested)


@pytest.mark.skipif(chromium() is None, reason="Chromium is not installed (the Debian package 'chromium')")
def test_a_reload_mid_game_continues_from_the_autosave(served):
    with Browser() as browser:
        page = browser.open(served)
        page.wait_for("document.querySelector('input[name=scenario]') !== null", seconds=90)
        page.evaluate("document.querySelector('input[value=first_plan]').click()")
        page.evaluate("document.querySelector('#new-game button[type=submit]').click()")
        answer_the_cards(page)  # 1928's cards, then its directives
        page.evaluate("document.querySelector('form button[type=submit]').click()")
        page.wait_for("document.querySelector('main').innerText.includes('Pravda reports')")
        page.send("Page.reload")
        page.wait_for("document.querySelector('input[name=scenario]') !== null", seconds=90)
        assert "The game in progress" in page.text()
        page.evaluate("[...document.querySelectorAll('button')].find(b => b.innerText === 'Continue the game in progress').click()")
        page.wait_for("!!document.querySelector('main h2') && document.querySelector('main h2').innerText.startsWith('January 1929')")


SCREENS_TO_AUDIT = ("title", "card", "aftermath", "directives", "report")


@pytest.mark.skipif(chromium() is None, reason="Chromium is not installed (the Debian package 'chromium')")
def test_every_screen_passes_an_accessibility_audit(served):
    """axe-core (from npm) on the title, a card, what an answer did, the directives and the
    year-end report: no serious or critical violation."""
    found = {}
    with Browser() as browser:
        page = browser.open(served)

        def audit(name: str) -> None:
            found[name] = serious_violations(page)

        page.wait_for("document.querySelector('input[name=scenario]') !== null", seconds=90)
        audit("title")
        page.evaluate("document.querySelector('#new-game button[type=submit]').click()")
        page.wait_for("!!document.querySelector('.choice')")
        audit("card")
        click_and_wait(page, "document.querySelector('.choice').click()")
        audit("aftermath")
        page.evaluate(CONTINUE)
        answer_the_cards(page)
        page.evaluate("[...document.querySelectorAll('button')].find(b => b.innerText === 'Where these directives lead').click()")
        page.wait_for("!!document.querySelector('#outlook table')", seconds=60)
        assert "Outlook to 1932" in page.text()
        audit("directives")
        page.evaluate("document.querySelector('form button[type=submit]').click()")
        page.wait_for("document.querySelector('main').innerText.includes('Pravda reports')")
        page.wait_for("document.querySelectorAll('#why-metric option').length > 0")
        page.evaluate("[...document.querySelectorAll('button')].find(b => b.innerText === \"against history's year\").click()")
        page.wait_for("document.querySelector('main').innerText.includes('The change')", seconds=60)
        audit("report")
        page.evaluate("document.querySelector('main').append(document.createElement('input'))")
        audit("planted")  # an input without a label: the audit must see it
    planted = found.pop("planted")
    assert any(v.startswith("label:") for v in planted), planted
    assert set(found) == set(SCREENS_TO_AUDIT)
    assert {name: v for name, v in found.items() if v} == {}
