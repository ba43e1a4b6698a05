"""The browser tests' site: built once per session (`python main.py web --out DIR`) and served
on a local port."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from game.cli import main


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "pyatiletka"
    try:
        assert main(["web", "--out", str(out)]) == 0
    except SystemExit as exc:  # the build could not fetch the pinned runtime: no registries here
        pytest.skip(f"the site could not be built here ({exc})")
    return out


@pytest.fixture(scope="session")
def served(site):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
