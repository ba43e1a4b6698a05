"""The same game in the browser: the model under Pyodide (in Node) writes the same result file,
byte for byte, as here (issue 17). Marked `web`: `python -m pytest -m web`, which .ci/run runs when
Node is installed. The pinned runtime and wheels are fetched once into ~/.cache/pyatiletka-web
(tools/pyodide_compare.py pins them); without Node, or when they cannot be fetched, the test is
skipped and says why."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.web


def compare_tool():
    spec = importlib.util.spec_from_file_location("pyodide_compare", ROOT / "tools" / "pyodide_compare.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pyodide():
    if shutil.which("node") is None:
        pytest.skip("node is not installed: the browser's model cannot be run here")
    tool = compare_tool()
    try:
        cache = tool.fetch(Path.home() / ".cache" / "pyatiletka-web")
    except (OSError, subprocess.CalledProcessError) as exc:  # no network: say so rather than fail on the registries
        pytest.skip(f"could not fetch the pinned Pyodide runtime and wheels: {exc}")
    return tool, cache


@pytest.mark.parametrize("command", [
    ["simulate"],
    ["simulate", "--runs", "6", "--weather", "random", "--seed", "11"],
    ["simulate", "--policy", "allen_nep", "--weather", "random", "--seed", "3"],
    ["simulate", "--scenario", "bukharin_alternative"],
], ids=["history", "random-weather-batch", "nep-off-history", "bukharin-scenario"])
def test_the_browser_plays_the_same_game_to_the_last_digit(pyodide, command):
    tool, cache = pyodide
    native, web = tool.run_texts(cache, command)
    assert '"famine_deaths_m"' in native  # a whole game's figures were written
    assert web == native, "\n".join(tool.differences(json.loads(native), json.loads(web))[:12])
