"""Screenshots of the browser edition for the README (docs/images/web-*.png): builds the site,
serves it on a local port and drives a headless Chromium through a lesson's first year, then
on with the default directives to January 1934 for the map of 1933.

    python tools/web_screenshots.py [--out docs/images]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.web.site import build  # noqa: E402
from tests.web.browser import CONTINUE, Browser, answer_the_cards, click_and_wait  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        build(site)
        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

        handler = functools.partial(Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with Browser(1280, 800) as browser:
            page = browser.open(f"http://127.0.0.1:{server.server_address[1]}/")
            page.wait_for("document.querySelector('input[name=scenario]') !== null", 90)
            page.screenshot(args.out / "web-title.png")
            page.evaluate("document.querySelector('#new-game button[type=submit]').click()")
            page.wait_for("document.querySelector('.choice') !== null")
            page.screenshot(args.out / "web-card.png")
            answer_the_cards(page)
            page.screenshot(args.out / "web-year.png")
            page.evaluate("document.querySelector('form button[type=submit]').click()")
            page.wait_for("document.querySelector('main').innerText.includes('Pravda reports')")
            page.screenshot(args.out / "web-report.png")
            for _year in range(2):  # two more years, so that the charts have a course to draw
                click_and_wait(page, CONTINUE)
                answer_the_cards(page)
                page.evaluate("document.querySelector('form button[type=submit]').click()")
                page.wait_for("document.querySelector('main').innerText.includes('Pravda reports')")
            page.evaluate("document.querySelector('.charts').scrollIntoView()")
            page.screenshot(args.out / "web-charts.png")
            for _year in range(1931, 1934):
                click_and_wait(page, CONTINUE)
                answer_the_cards(page)
                page.evaluate("document.querySelector('form button[type=submit]').click()")
                page.wait_for("document.querySelector('main').innerText.includes('Pravda reports')")
            click_and_wait(page, CONTINUE)
            answer_the_cards(page)
            page.evaluate("[...document.querySelectorAll('button')].find(b => b.innerText === 'The map').click()")
            page.wait_for("!!document.querySelector('svg.region-map')", 60)
            page.evaluate("document.querySelector('#map-history').click()")   # the famine of history's 1933
            page.wait_for("document.querySelector('main h2').innerText.endsWith(\"(history's game)\")")
            page.evaluate("document.querySelector('[data-region=ukraine]').focus()")
            page.screenshot(args.out / "web-map.png")
            # classroom mode, from the settings: the class's vote on the next card
            page.evaluate("[...document.querySelectorAll('button')].find(b => b.innerText.startsWith('Back')).click()")
            page.wait_for("!!document.querySelector('form input[type=range]')")
            page.evaluate("document.querySelector('form button[type=submit]').click()")
            page.wait_for("document.querySelector('main').innerText.includes('Pravda reports')")
            click_and_wait(page, CONTINUE)
            page.evaluate("document.querySelector('#settings').click()")
            page.evaluate("document.querySelector('#set-classroom').click()")
            page.screenshot(args.out / "web-settings.png")
            page.evaluate("document.querySelector('dialog.settings').close()")
            page.wait_for("document.querySelector('.choice') !== null")
            for key in "abbca":
                page.press(key)
            page.screenshot(args.out / "web-vote.png")
            # the end of the five-year lesson: the scorecard, yours beside history's
            page.evaluate("localStorage.clear()")
            page.send("Page.reload")
            page.wait_for("document.querySelector('input[name=scenario]') !== null", 90)
            page.evaluate("document.querySelector('input[value=first_plan]').click()")
            page.evaluate("document.querySelector('#new-game button[type=submit]').click()")
            for _year in range(1928, 1933):
                answer_the_cards(page)
                page.evaluate("document.querySelector('form button[type=submit]').click()")
                page.wait_for("document.querySelector('main').innerText.includes('Pravda reports')")
                click_and_wait(page, CONTINUE)
            page.wait_for("document.querySelectorAll('#end-scorecard .axis').length > 0", 60)
            page.evaluate("document.querySelector('#end-scorecard').scrollIntoView()")
            page.screenshot(args.out / "web-end.png")
        server.shutdown()
    print(f"wrote web-title, -card, -year, -report, -charts, -map, -settings, -vote and -end .png to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
