"""The browser edition's budgets, measured in a real headless Chromium on this machine:

    python tools/web_bench.py [--years 5]

- the site's size (budget 20 MB);
- model ready after a cold load (a new browser profile: nothing cached), budget 8 s, and after
  a reload (the browser's cache warm), budget 5 s: from navigation to the title's scenario list,
  which the bridge fills;
- a played year: from the click on "Play" to the year-end report on screen, budget 100 ms
  (median of the years played).

Builds the site (the pinned runtime is fetched once, as for `main.py web`) and serves it on a
local port.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.web.site import SIZE_BUDGET_MB, build  # noqa: E402
from tests.web.browser import CONTINUE, Browser, answer_the_cards  # noqa: E402

READY = "document.querySelector('input[name=scenario]') !== null"
PLAY_A_YEAR = """new Promise((resolve) => {
    const main = document.querySelector('main');
    const started = performance.now();
    new MutationObserver((changes, observer) => {
        if (main.innerText.includes('Pravda reports')) { observer.disconnect(); resolve(performance.now() - started); }
    }).observe(main, { childList: true, subtree: true });
    document.querySelector('form button[type=submit]').click();
})"""


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def ready_after(page, navigate) -> float:
    started = time.perf_counter()
    navigate()
    page.wait_for(READY, seconds=120)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        manifest = build(site)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        with Browser() as browser:
            page = browser.open("about:blank")
            cold = ready_after(page, lambda: page.send("Page.navigate", {"url": url}))
            cold_parts = page.evaluate("window.pyatiletka.timings")
            warm = ready_after(page, lambda: page.send("Page.reload"))
            warm_parts = page.evaluate("window.pyatiletka.timings")
            page.evaluate("localStorage.clear()")
            page.evaluate("document.querySelector('#new-game button[type=submit]').click()")
            years = []
            for _ in range(args.years):
                answer_the_cards(page)
                years.append(page.evaluate(PLAY_A_YEAR))
                page.evaluate(CONTINUE)
        server.shutdown()
    year = statistics.median(years)
    rows = [("site_mb", manifest["size_mb"], SIZE_BUDGET_MB, "MB"), ("ready_cold_s", round(cold, 2), 8.0, "s"),
            ("ready_reload_s", round(warm, 2), 5.0, "s"), ("played_year_ms", round(year, 1), 100.0, "ms")]
    for name, value, budget, unit in rows:
        print(f"{name:16} {value:>8} {unit:3} budget {budget:g} {unit}  {'OK' if value <= budget else 'OVER'}")
    print(f"years played: {', '.join(f'{y:.0f}' for y in years)} ms")
    print(f"the worker's start, cold: {cold_parts}; after a reload: {warm_parts}")
    return 0 if all(value <= budget for _n, value, budget, _u in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
