"""The browser edition's start (issue 17's load budgets): the site's Python finds the bytecode the
build compiled for it (game/web/precompile.py) and compiles nothing at a load, and a site built
without it still works. Marked `web`: needs the built site (conftest.py), node and Chromium."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import subprocess
import threading
import zipfile

import pytest

from .browser import Browser, chromium

pytestmark = pytest.mark.web

# The worker's boot (game/web/static/worker.js) under Node, with every compilation from source
# counted once the runtime is up: the standard library's zip (zipimport) and files on disk.
BOOT = r"""
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
const site = process.argv[2];
const manifest = JSON.parse(fs.readFileSync(path.join(site, "site.json"), "utf8"));
const { loadPyodide } = await import(pathToFileURL(path.join(site, "pyodide", "pyodide.mjs")).href);
const python = await loadPyodide({ indexURL: path.join(site, "pyodide") + "/", stdout: (text) => console.log(text),
                                   packages: manifest.wheels.map((name) => path.join(site, "wheels", name)) });
python.runPython(`
import importlib._bootstrap_external as external, sys, zipimport
COMPILED = []
def counted(compile_):
    def compile_and_count(*args, **kwargs):
        COMPILED.append(str(args[1] if compile_ is source_to_code else args[0]))
        return compile_(*args, **kwargs)
    return compile_and_count
source_to_code = external.SourceLoader.source_to_code
external.SourceLoader.source_to_code = counted(source_to_code)
zipimport._compile_source = counted(zipimport._compile_source)
# What the runtime's start imported from its zip (not the modules frozen into the interpreter):
# a module zipimport took from bytecode has the .pyc as its file.
stdlib = next(p for p in sys.path if p.endswith(".zip"))
BOOTED = {m.__name__: m.__file__ for m in list(sys.modules.values())
          if str(getattr(m, "__file__", "")).startswith(stdlib) and m.__spec__.origin != "frozen"}
`);
const unpack = (name, where) => python.unpackArchive(new Uint8Array(fs.readFileSync(path.join(site, name))), "zip", { extractDir: where });
unpack("game.zip", "/app");
if (manifest.bytecode) unpack(manifest.bytecode, "/");
python.runPython(`
import json, sys
sys.path.insert(0, "/app")
from game.web.bridge import Bridge
Bridge().scenarios()
without = sorted(name for name, file in BOOTED.items() if not file.endswith(".pyc"))
print(json.dumps({"compiled": COMPILED, "booted": len(BOOTED), "booted_without_bytecode": without}))
`);
"""


def boot_under_node(site, tmp_path) -> dict:
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    runner = tmp_path / "boot.mjs"
    runner.write_text(BOOT, encoding="utf-8")
    done = subprocess.run(["node", str(runner), str(site)], check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_sites_python_compiles_nothing_at_a_load(site, tmp_path):
    manifest = json.loads((site / "site.json").read_text(encoding="utf-8"))
    if not manifest["bytecode"]:
        pytest.skip("the site was built without node: no bytecode")
    found = boot_under_node(site, tmp_path)
    assert found["booted"] > 100  # the runtime's own start imports that many modules of the zip
    assert found["booted_without_bytecode"] == []
    assert found["compiled"] == []  # pydantic, PyYAML, the game, the bridge: all from bytecode


def test_the_sites_bytecode_is_used_only_while_its_source_is_unchanged(site):
    """A browser may keep an older bytecode.zip in its cache beside a newer game.zip: every
    __pycache__ file is checked-hash bytecode (PEP 552), run only if its source's hash matches."""
    with zipfile.ZipFile(site / "bytecode.zip") as archive:
        names = archive.namelist()
        flags = {int.from_bytes(archive.read(name)[4:8], "little") for name in names}
    assert any(name.startswith("app/game/") for name in names)
    assert any(name.startswith("lib/python3.14/site-packages/pydantic/") for name in names)
    assert flags == {0b11}


@pytest.fixture
def served_without_bytecode(site, tmp_path):
    """The site as a build without node writes it: no bytecode.zip, source only."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("bytecode.zip"))
    manifest = json.loads((copy / "site.json").read_text(encoding="utf-8"))
    manifest["bytecode"] = None
    (copy / "site.json").write_text(json.dumps(manifest), encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(copy)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.skipif(chromium() is None, reason="Chromium is not installed (the Debian package 'chromium')")
def test_a_site_without_bytecode_starts_and_plays(served_without_bytecode):
    with Browser() as browser:
        page = browser.open(served_without_bytecode)
        page.wait_for("document.querySelector('input[name=scenario]') !== null", seconds=120)
        timings = page.evaluate("window.pyatiletka.timings")
        assert set(timings) == {"runtime_ms", "game_files_ms", "imports_ms"}
        page.evaluate("document.querySelector('#new-game button[type=submit]').click()")
        page.wait_for("!!document.querySelector('.choice')", seconds=60)
