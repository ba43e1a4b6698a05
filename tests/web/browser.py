"""A headless Chromium the tests can drive: the DevTools protocol over a pipe (no extra package).

    with Browser() as browser:
        page = browser.open("http://127.0.0.1:8000/")
        page.wait_for("document.querySelector('form') !== null")
        page.evaluate("document.querySelector('button').click()")

Chromium reads commands from file descriptor 3 and writes answers to 4, each a JSON message
ended by a NUL byte (--remote-debugging-pipe). Every request outside 127.0.0.1 is refused
(--host-resolver-rules), so a page that reached for a CDN would fail to load it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time

AXE_CORE = "4.14.1"  # npm: axe-core, the accessibility audit the tests run in the page (MPL-2.0)


def axe_script(cache) -> str:
    """axe-core's browser script (axe.min.js), fetched once from npm into `cache`."""
    import tarfile
    import urllib.request

    path = cache / f"axe-core-{AXE_CORE}.min.js"
    if not path.exists():
        url = f"https://registry.npmjs.org/axe-core/-/axe-core-{AXE_CORE}.tgz"
        with urllib.request.urlopen(url) as response, tarfile.open(fileobj=response, mode="r|gz") as tar:
            for member in tar:
                if member.name == "package/axe.min.js":
                    path.write_bytes(tar.extractfile(member).read())
                    break
    return path.read_text(encoding="utf-8")


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Browser:
    def __init__(self, width: int = 1280, height: int = 900):
        self.size = (width, height)
        self._next = 0
        self._buffer = b""
        self.events: list[dict] = []

    def __enter__(self) -> Browser:
        to_chromium_read, self._write = os.pipe()
        self._read, from_chromium_write = os.pipe()
        self._profile = tempfile.mkdtemp(prefix="pyatiletka-chromium-")

        def pipes_as_3_and_4() -> None:
            os.dup2(to_chromium_read, 3)
            os.dup2(from_chromium_write, 4)

        self.process = subprocess.Popen(
            [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             f"--user-data-dir={self._profile}", f"--window-size={self.size[0]},{self.size[1]}",
             "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--no-first-run", "about:blank"],
            pass_fds=(3, 4), preexec_fn=pipes_as_3_and_4,  # kept open: the numbers after the dup2
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chromium_read)
        os.close(from_chromium_write)
        return self

    def __exit__(self, *exc) -> None:
        self.process.kill()
        self.process.wait()
        os.close(self._write)
        os.close(self._read)
        shutil.rmtree(self._profile, ignore_errors=True)

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._next += 1
        message = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._receive()
            if answer.get("id") == self._next:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def _receive(self) -> dict:
        while b"\0" not in self._buffer:
            chunk = os.read(self._read, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def open(self, url: str) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        page.send("Page.enable")
        page.send("Runtime.enable")
        page.send("Page.navigate", {"url": url})
        return page


class Page:
    def __init__(self, browser: Browser, session: str):
        self.browser, self.session = browser, session

    def send(self, method: str, params: dict | None = None) -> dict:
        return self.browser.send(method, params, self.session)

    def evaluate(self, expression: str):
        """The value of a JavaScript expression in the page (awaited if it is a promise)."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails'].get('exception', {}).get('description')}")
        return result["result"].get("value")

    def wait_for(self, condition: str, seconds: float = 60.0):
        """Wait until a JavaScript expression is truthy; its value."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            value = self.evaluate(condition)
            if value:
                return value
            time.sleep(0.1)
        text = self.evaluate("document.body.innerText")
        raise TimeoutError(f"waited {seconds:g} s for {condition}; the page shows:\n{text[:1500]}")

    def text(self) -> str:
        return self.evaluate("document.querySelector('main').innerText")

    def screenshot(self, path) -> None:
        import base64

        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path.write_bytes(base64.b64decode(data))

    def press(self, key: str) -> None:
        """A key pressed and released, as the keyboard sends it (a printable key types its
        text; Enter types a carriage return, which is what makes a focused button act)."""
        codes = {"Enter": 13, "Tab": 9, "Escape": 27}
        text = key if len(key) == 1 else "\r" if key == "Enter" else ""
        common = {"key": key, "code": key if key in codes else f"Key{key.upper()}" if key.isalpha() else "",
                  "windowsVirtualKeyCode": codes.get(key, ord(key.upper()) if len(key) == 1 else 0)}
        self.send("Input.dispatchKeyEvent", {"type": "keyDown", **common, **({"text": text} if text else {})})
        self.send("Input.dispatchKeyEvent", {"type": "keyUp", **common})


# -- the game's screens, as the tests and tools/web_*.py step through them ------------------------

CONTINUE = "[...document.querySelectorAll('button')].find(b => b.innerText === 'Continue').click()"


def click_and_wait(page: Page, click: str) -> None:
    """Run a click and wait for the page's next screen (app.js counts them in body[data-screens])."""
    shown = page.evaluate("document.body.dataset.screens")
    page.evaluate(click)
    page.wait_for(f"document.body.dataset.screens !== '{shown}'")


PLAN_END = "!!document.querySelector('main h2') && document.querySelector('main h2').innerText.startsWith('The end of the plan')"
CONTINUE_AFTER_PLAN = "[...document.querySelectorAll('button')].find(b => b.innerText.startsWith('Continue to ')).click()"


def answer_the_cards(page: Page) -> None:
    """Go on past a plan's end (its short debrief), then answer this January's cards with their
    first choices, each then continued, until the directives are on screen."""
    while True:
        page.wait_for("!!(document.querySelector('.choice') || document.querySelector('form input[type=range]')) || "
                      + PLAN_END)
        if page.evaluate(PLAN_END):
            click_and_wait(page, CONTINUE_AFTER_PLAN)
            continue
        if not page.evaluate("!!document.querySelector('.choice')"):
            return
        click_and_wait(page, "document.querySelector('.choice').click()")
        page.evaluate(CONTINUE)


def serious_violations(page) -> list[str]:
    """axe-core (from npm) on the page as it is: its serious and critical violations."""
    import pytest

    from game.web.site import DEFAULT_CACHE

    try:
        page.evaluate(axe_script(DEFAULT_CACHE))
    except OSError as exc:
        pytest.skip(f"could not fetch axe-core from npm: {exc}")
    return page.evaluate("""axe.run(document, {resultTypes: ['violations']}).then(r =>
        r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
         .map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ')'))""")
