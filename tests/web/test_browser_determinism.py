"""The same game in the browser: the model under Pyodide (in Node) writes the same result file,
byte for byte, as here (issue 17). Marked `web`: `python -m pytest -m web`, which .ci/run runs when
Node is installed. The pinned runtime and wheels are fetched once into ~/.cache/pyatiletka-web
(tools/pyodide_compare.py pins them); without Node, or when they cannot be fetched, the test is
skipped and says why."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
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


def find_python(name: str) -> str | None:
    """An interpreter called `name` that runs: on PATH, or one pyenv installed (its shims on
    PATH refuse versions the folder has not selected)."""
    candidates = [shutil.which(name), *sorted(str(p) for p in (Path.home() / ".pyenv" / "versions").glob(f"*/bin/{name}"))]
    for candidate in filter(None, candidates):
        if subprocess.run([candidate, "-c", "pass"], capture_output=True).returncode == 0:
            return candidate
    return None


OTHER_PYTHONS = [name for name in ("python3.11", "python3.12", "python3.13", "python3.14")
                 if name != f"python{sys.version_info.major}.{sys.version_info.minor}"]


def python_with_the_games_libraries(name: str, interpreter: str) -> Path:
    """A virtual environment of Python `name` with the versions of pydantic and PyYAML this one
    has, kept in ~/.cache/pyatiletka-web (made once)."""
    from importlib.metadata import version

    pins = [f"pydantic=={version('pydantic')}", f"PyYAML=={version('PyYAML')}", f"platformdirs=={version('platformdirs')}"]
    folder = Path.home() / ".cache" / "pyatiletka-web" / f"{name}-{'-'.join(pins)}"
    python = folder / "bin" / "python"
    if not (folder / "ready").exists():
        shutil.rmtree(folder, ignore_errors=True)
        try:
            subprocess.run([interpreter, "-m", "venv", str(folder)], check=True, capture_output=True)
            subprocess.run([str(python), "-m", "pip", "install", "--quiet", *pins], check=True, capture_output=True)
        except subprocess.CalledProcessError as exc:
            pytest.skip(f"could not make a {name} environment with {', '.join(pins)}: {exc.stderr.decode()[-300:]}")
        (folder / "ready").write_text("")
    return python


@pytest.mark.parametrize("name", OTHER_PYTHONS)
def test_every_python_plays_the_same_game_to_the_last_digit(name, tmp_path):
    interpreter = find_python(name)  # looked for here, not when the suite is collected
    if interpreter is None:
        pytest.skip(f"{name} is not installed: nothing to compare with")
    python = python_with_the_games_libraries(name, interpreter)
    for command in (["simulate"], ["simulate", "--runs", "6", "--weather", "random", "--seed", "11"]):
        here, there = tmp_path / "here.json", tmp_path / "there.json"
        subprocess.run([sys.executable, str(ROOT / "main.py"), *command, "--json", str(here)], check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run([str(python), str(ROOT / "main.py"), *command, "--json", str(there)], check=True,
                       stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
        assert there.read_bytes() == here.read_bytes(), f"{name} {' '.join(command)}"


BRIDGE_GAME = """
import json
from game.web.bridge import Bridge

bridge = Bridge()
shown = [bridge.scenarios(), bridge.start("great_turn", 1928, "historical")]
view = shown[-1]
while not view["finished"]:
    while view["cards"]:
        card = view["cards"][-1]
        answer = bridge.choose(card["id"], card["choices"][-1]["id"])
        shown.append(answer)
        view = answer["view"]
    draft = {"grain_procurement_mt": 10.5, "collectivization_target": 0.1} if view["year"] >= 1930 else {}
    played = bridge.play_year(draft)
    shown.append(played)
    view = played["view"]


def without_game_ids(value):
    # A game's id is drawn at random (its saves share it): the one thing that may differ.
    if isinstance(value, dict):
        return {k: without_game_ids(v) for k, v in value.items() if k != "game_id"}
    if isinstance(value, list):
        return [without_game_ids(v) for v in value]
    return value


with open(OUT, "w", encoding="utf-8") as out:
    json.dump(without_game_ids(shown), out)
"""


def test_the_browsers_bridge_shows_the_same_game_to_the_last_character(pyodide):
    """The page's bridge under Pyodide, without the window's package: every view, card, answer
    and report of a game off history's path, as here."""
    tool, cache = pyodide
    native, web = tool.run_script(cache, BRIDGE_GAME)
    shown = json.loads(native)
    assert shown[-1]["view"]["finished"] and len(shown) > 30
    assert web == native
