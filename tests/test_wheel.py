"""A normal install (`pip install .`, a wheel) carries the scenarios and the assets and plays
without the source tree; a source checkout (`pip install -e .`) reads the top-level folders."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from game import resources
from game.scenario import SCENARIO_DIR
from game.ui.paths import ASSETS_DIR, FONTS_DIR, THEME_FILE

REPO = Path(__file__).resolve().parents[1]
FONTS = ["PTS55F.ttf", "PTS56F.ttf", "PTS75F.ttf", "PTS76F.ttf", "PTF55F.ttf", "PTF75F.ttf", "LICENSE-ParaType.txt"]


def tracked(folder: str) -> set[str]:
    """The files of a top-level folder, as the build sees them (no caches)."""
    root = REPO / folder
    return {p.relative_to(root).as_posix() for p in root.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}


def test_a_source_checkout_reads_the_top_level_folders():
    # Editing scenarios/ or assets/ in the checkout changes the game at once: no copy in between.
    assert not resources.is_packaged()
    assert resources.scenarios_dir() == REPO / "scenarios" == SCENARIO_DIR
    assert resources.assets_dir() == REPO / "assets" == ASSETS_DIR
    assert (SCENARIO_DIR / "great_turn.yaml").is_file() and THEME_FILE.is_file()
    assert all((FONTS_DIR / font).is_file() for font in FONTS)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel `pip install .` would install, built by the project's build backend."""
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--no-build-isolation",
                           "--quiet", "-w", str(out)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    [built] = out.glob("pyatiletka-*.whl")
    return built


def test_the_wheel_carries_every_scenario_file_asset_and_font(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "game/_data/scenarios/great_turn.yaml" in names
    assert {f"game/_data/assets/fonts/{font}" for font in FONTS} <= names
    assert {f"game/_data/scenarios/{name}" for name in tracked("scenarios")} <= names
    assert {f"game/_data/assets/{name}" for name in tracked("assets")} <= names
    assert "game/resources.py" in names and "game/cli.py" in names
    assert not any(name.startswith(("scenarios/", "assets/", "tests/")) for name in names)
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "pyatiletka = game.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """The wheel unpacked as pip lays it out in site-packages (its dependencies are this venv's)."""
    site = tmp_path_factory.mktemp("site-packages")
    zipfile.ZipFile(wheel).extractall(site)
    return site


def run_installed(site: Path, cwd: Path, code: str, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(site), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               PYGAME_HIDE_SUPPORT_PROMPT="1")
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)


def test_the_installed_wheel_plays_from_its_own_data_outside_the_source_tree(installed, tmp_path):
    where = run_installed(installed, tmp_path, "import game, game.resources as r; "
                                               "print(game.__file__); print(r.scenarios_dir()); print(r.is_packaged())")
    assert where.returncode == 0, where.stderr
    module, scenarios, packaged = where.stdout.split()
    assert Path(module).is_relative_to(installed) and Path(scenarios).is_relative_to(installed)
    assert packaged == "True"

    out = tmp_path / "out.json"
    cli = "import sys; from game.cli import main; sys.exit(main(sys.argv[1:]))"
    sim = run_installed(installed, tmp_path, cli, "--data-dir", str(tmp_path / "data"), "simulate",
                        "--scenario", "great_turn", "--json", str(out))
    assert sim.returncode == 0, sim.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["years"]) == 14

    check = run_installed(installed, tmp_path, cli, "validate", scenarios)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "0 errors" in check.stdout


def test_the_installed_wheel_opens_the_window_with_its_fonts_and_theme(installed, tmp_path):
    # The user's folders are private to the tests (XDG_* in tests/conftest.py): no settings of theirs.
    code = ("import logging, sys; logging.basicConfig(stream=sys.stderr, level=logging.WARNING); "
            "from game.ui.bench_ui import first_frame_probe; first_frame_probe()")
    proc = run_installed(installed, tmp_path, code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "ready"
    assert "fonts missing" not in proc.stderr  # the theme found the packaged fonts
