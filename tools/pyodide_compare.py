"""Run the game's model under Pyodide in Node and compare its results with this Python's, value by
value: the first step of the browser edition (issue 17), which must give the same game to the
last digit.

    python tools/pyodide_compare.py [--cache DIR] [--runs N]

Fetches, once, into the cache (default ~/.cache/pyatiletka-web): the npm package `pyodide`, the
wheels Pyodide needs from PyPI (pydantic-core's WebAssembly wheel and the pure ones) and PyYAML's
pure-Python package from its sdist; all pinned in game/web/site.py. Then runs `simulate --json` (history's
weather) and `simulate --runs N --json` (random weather) natively and under Pyodide, and lists
every value that differs. Needs `node` (18 or later) and the package registries.

Found when it was first run (Pyodide 314.0.7 under Node 20, against CPython 3.11.7 on glibc):
22 values of the historical game differed in their last digit or two, all of them the share of a
region below subsistence and what follows from it (famine deaths, flight), worked out with
math.erfc and math.log: Pyodide's C maths library (Emscripten's musl) and glibc round exp, log,
pow, erf, erfc, sin and tanh differently (20,000 arguments each, compared); only sqrt and
math.fsum agree. The model now takes those functions from game/model/portable_math.py, which
settles their results so that every platform gives the same digits, and the games are identical;
`python -m pytest -m web` runs this comparison (tests/web).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

sys.path.insert(0, str(ROOT))
from game.web.site import fetch  # noqa: E402  (the pins are there, in one place)

RUNNER = r"""
import { loadPyodide } from "%(pyodide)s/pyodide.mjs";
import fs from "node:fs";
import path from "node:path";
const [wheels, game, out, script] = process.argv.slice(2);
const py = await loadPyodide({ stdout: () => {}, stderr: (s) => process.stderr.write(s + "\n") });
await py.loadPackage(fs.readdirSync(wheels).filter((f) => f.endsWith(".whl")).map((f) => path.join(wheels, f)));
function copy(src, dst) {
  py.FS.mkdirTree(dst);
  for (const entry of fs.readdirSync(src, { withFileTypes: true })) {
    if (["__pycache__", "ui", "_data"].includes(entry.name)) continue;
    const s = path.join(src, entry.name), d = path.join(dst, entry.name);
    if (entry.isDirectory()) copy(s, d); else py.FS.writeFile(d, fs.readFileSync(s));
  }
}
for (const part of ["game", "scenarios", "yaml"]) copy(path.join(game, part), "/app/" + part);
py.FS.mkdirTree("/out");
py.runPython("import sys; sys.path.insert(0, '/app'); OUT = '/out/result.json'\n" + fs.readFileSync(script, "utf8"));
fs.writeFileSync(out, py.FS.readFile("/out/result.json"));
"""


def differences(a, b, where: str = "") -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        return [d for k in sorted(set(a) | set(b), key=str)
                for d in (differences(a[k], b[k], f"{where}/{k}") if k in a and k in b else [f"{where}/{k}: missing"])]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in differences(x, y, f"{where}[{i}]")]
    return [] if a == b else [f"{where}: {a!r} here, {b!r} under Pyodide"]


def run_both(cache: Path, args: list[str]) -> list[str]:
    """The values that differ between `main.py ARGS --json` here and under Pyodide."""
    native, web = run_texts(cache, args)
    return differences(json.loads(native), json.loads(web))


def run_texts(cache: Path, args: list[str]) -> tuple[str, str]:
    """The JSON `main.py ARGS --json FILE` writes, here and under Pyodide."""
    return run_script(cache, f"from game.cli import main\nmain({list(args)!r} + ['--json', OUT])\n")


def run_script(cache: Path, script: str) -> tuple[str, str]:
    """What a Python `script` writes to the file named by its variable OUT, run here and under
    Pyodide (with the game, the scenarios and PyYAML on its path, and not the window)."""
    with tempfile.TemporaryDirectory(prefix="pyatiletka-pyodide-") as name:
        folder = Path(name)
        native, web, code = folder / "native.json", folder / "web.json", folder / "script.py"
        code.write_text(script, encoding="utf-8")
        prelude = f"import sys; sys.path.insert(0, {str(ROOT)!r}); OUT = {str(native)!r}\n"
        subprocess.run([sys.executable, "-c", prelude + script], check=True, stdout=subprocess.DEVNULL, cwd=folder)
        app = folder / "app"
        for part in ("game", "scenarios"):
            shutil.copytree(ROOT / part, app / part, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(cache / "yaml", app / "yaml")
        runner = folder / "run.mjs"
        runner.write_text(RUNNER % {"pyodide": (cache / "npm" / "package").as_posix()}, encoding="utf-8")
        subprocess.run(["node", str(runner), str(cache / "wheels"), str(app), str(web), str(code)], check=True,
                       env={**os.environ, "NODE_NO_WARNINGS": "1"})
        return native.read_text(encoding="utf-8"), web.read_text(encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "pyatiletka-web")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    if shutil.which("node") is None:
        print("node is not installed: nothing to compare")
        return 2
    cache = fetch(args.cache)
    found = 0
    for label, command in (("history's weather", ["simulate"]),
                           (f"{args.runs} random weathers", ["simulate", "--runs", str(args.runs), "--weather", "random"])):
        diff = run_both(cache, command)
        found += len(diff)
        print(f"{label}: {'identical' if not diff else f'{len(diff)} values differ'}")
        for line in diff[:12]:
            print("  " + line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
