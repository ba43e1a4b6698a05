"""The browser edition's static site: `python main.py web --out DIR`.

The build fetches, once, the pinned Pyodide runtime from npm, the pinned wheels from PyPI and
PyYAML's pure-Python package from its sdist (into a cache folder), and writes a folder that needs
nothing else: serve it from any static web server (a school intranet, `python -m http.server`
on a USB stick, GitHub Pages) and no request leaves it.

    DIR/index.html, *.js, style.css                the front end (game/web/static)
    DIR/pyodide/                                   the runtime: Python 3.14 in WebAssembly
    DIR/wheels/                                    pydantic and its helpers, pydantic-core for WebAssembly
    DIR/game.zip                                   the game without its window, the scenarios, PyYAML
    DIR/bytecode.zip                               their bytecode, and the wheels' (precompile.py,
                                                   which also adds the bytecode of the standard
                                                   library's modules the start imports to
                                                   pyodide/python_stdlib.zip)
    DIR/site.json                                  what the worker loads, and the versions

The bytecode is compiled by the pinned runtime itself, run by Node (`node` on PATH): without
Node the site is built without it and works the same, only its start is slower (each load
compiles the modules it imports).

To update a pin: change it below, run `python main.py web --out DIR` (a new pin is fetched into
a new cache folder) and `python -m pytest -m web`, which checks that the model under the new
runtime still plays the same games as this Python, byte for byte.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import urllib.request
import zipfile
from pathlib import Path

from .. import __version__
from ..errors import UserError
from ..resources import scenarios_dir

# The browser edition's pins, all in one place.
PYODIDE = "314.0.7"                       # npm: pyodide (Python 3.14.2)
WHEELS = ("pydantic==2.14.4", "typing_extensions==4.16.0", "annotated_types==0.8.0",
          "typing_inspection==0.4.5", "platformdirs==4.14.9")
PYDANTIC_CORE = "pydantic_core==2.50.5"   # the WebAssembly wheel pydantic 2.14.4 pins
WASM_PLATFORM = "pyemscripten_2026_0_wasm32"
PYYAML = "PyYAML==6.0.3"                  # its pure-Python package, from the sdist

FRONT_END = ("index.html", "app.js", "charts.js", "map.js", "store.js", "worker.js", "style.css")
"""The page's own files, from game/web/static."""
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
"""The parts of the npm package a page needs (the rest is for Node, TypeScript and debugging)."""

GAME = Path(__file__).resolve().parent.parent
STATIC = Path(__file__).resolve().parent / "static"
DEFAULT_CACHE = Path.home() / ".cache" / "pyatiletka-web"
SIZE_BUDGET_MB = 20.0


class SiteError(UserError):
    """The site could not be built: what failed, and what to do."""


def fetch(cache: Path = DEFAULT_CACHE) -> Path:
    """The pinned runtime, wheels and PyYAML in `cache` (fetched once; needs the registries)."""
    done = cache / f"pyodide-{PYODIDE}.ready"
    if done.exists():
        return cache
    cache.mkdir(parents=True, exist_ok=True)
    meta = json.load(urllib.request.urlopen(f"https://registry.npmjs.org/pyodide/{PYODIDE}"))
    with urllib.request.urlopen(meta["dist"]["tarball"]) as response, tarfile.open(fileobj=response, mode="r|gz") as tar:
        tar.extractall(cache / "npm", filter="data")
    wheels = cache / "wheels"
    pip = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", str(wheels)]
    subprocess.run([*pip, "--only-binary=:all:", "--platform", "any", "--python-version", "3.14", *WHEELS], check=True)
    subprocess.run([*pip, "--only-binary=:all:", "--platform", WASM_PLATFORM, "--python-version", "3.14",
                    "--implementation", "cp", "--abi", "cp314", PYDANTIC_CORE], check=True)
    sdist = cache / "sdist"
    subprocess.run([*pip[:-2], "--dest", str(sdist), "--no-binary=:all:", PYYAML], check=True)
    with tarfile.open(next(sdist.glob("*.tar.gz"))) as tar:
        tar.extractall(sdist, filter="data")
    shutil.copytree(next(sdist.glob("*/lib/yaml")), cache / "yaml", dirs_exist_ok=True)
    done.touch()
    return cache


def build(out: Path, cache: Path = DEFAULT_CACHE) -> dict:
    """Write the site into `out` (emptied first if it is an earlier build); returns its
    manifest, with the size."""
    try:
        cache = fetch(cache)
    except (OSError, subprocess.CalledProcessError) as exc:
        raise SiteError(f"could not fetch the pinned Pyodide runtime and wheels into {cache}: {exc}; "
                        "the build needs the package registries once (the site never does)") from exc
    _prepare(out)
    for name in FRONT_END:
        shutil.copy2(STATIC / name, out / name)
    (out / "pyodide").mkdir()
    for name in RUNTIME_FILES:
        shutil.copy2(cache / "npm" / "package" / name, out / "pyodide" / name)
    (out / "wheels").mkdir()
    wheels = sorted(path.name for path in (cache / "wheels").glob("*.whl"))
    for name in wheels:
        shutil.copy2(cache / "wheels" / name, out / "wheels" / name)
    _game_archive(out / "game.zip", cache / "yaml")
    compiled = _precompile(out, wheels)
    manifest = {"game_version": __version__, "pyodide": PYODIDE, "wheels": wheels,
                "bytecode": "bytecode.zip" if compiled else None, "precompiled": compiled,
                "pins": [*WHEELS, PYDANTIC_CORE, PYYAML]}
    manifest["size_mb"] = round(sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) / 2**20, 1)
    (out / "site.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def _prepare(out: Path) -> None:
    """An empty folder for the site: a new one, or an earlier build (never another folder's files)."""
    if out.exists():
        if not out.is_dir():
            raise SiteError(f"{out} is a file, not a folder")
        if any(out.iterdir()) and not (out / "site.json").exists():
            raise SiteError(f"{out} is not empty and not an earlier build of the site: give a new or empty folder")
        shutil.rmtree(out)
    out.mkdir(parents=True)


def _precompile(out: Path, wheels: list[str]) -> dict | None:
    """Boot the site's Python under Node and write the bytecode of what the boot imports
    (precompile.py): the count of modules compiled, or None without Node."""
    node = shutil.which("node")
    if node is None:
        return None
    try:
        done = subprocess.run([node, str(Path(__file__).with_name("precompile.mjs")), str(out), *wheels],
                              check=True, capture_output=True, text=True, env={**os.environ, "NODE_NO_WARNINGS": "1"})
    except subprocess.CalledProcessError as exc:
        raise SiteError(f"could not compile the site's bytecode with the pinned runtime under Node: "
                        f"{(exc.stderr or exc.stdout).strip()[-2000:]}") from exc
    return json.loads(done.stdout.strip().splitlines()[-1])


def _game_archive(path: Path, yaml_package: Path) -> None:
    """The game without its window (game/ui needs pygame), the bundled scenarios, and PyYAML."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for folder, prefix in ((GAME, "game"), (scenarios_dir(), "scenarios"), (yaml_package, "yaml")):
            for file in sorted(folder.rglob("*")):
                relative = file.relative_to(folder)
                if file.is_dir() or "__pycache__" in relative.parts or file.suffix == ".pyc":
                    continue
                if prefix == "game" and relative.parts[0] in ("ui", "_data"):
                    continue
                if prefix == "game" and relative.parts[:2] == ("web", "static"):
                    continue
                if prefix == "game" and relative.parts[:1] == ("web",) and file.stem == "precompile":
                    continue  # the build's own step, not the game
                archive.write(file, f"{prefix}/{relative.as_posix()}")
