"""Shared fixtures. Tests never open a window or a sound device."""

import os
import shutil
import tempfile

# Set before anything imports pygame, so a test run works on a machine with no display or audio.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# Keep the user's own mods, saves and settings out of the tests: platformdirs reads XDG_* on Linux.
# Every temporary file of the run (the tests', the game's, the subprocesses') goes under one
# folder, removed when the session ends.
# Under the machine's own temporary folder even in a pytest-xdist worker (which inherits the
# controller's TMPDIR): nested folders make paths too long for a Unix socket (Chromium's).
os.environ.setdefault("PYATILETKA_TESTS_TMP", tempfile.gettempdir())
_HOME = tempfile.mkdtemp(prefix="pyatiletka-tests-", dir=os.environ["PYATILETKA_TESTS_TMP"])
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["TMPDIR"] = os.path.join(_HOME, "tmp")
os.makedirs(os.environ["TMPDIR"])
tempfile.tempdir = os.environ["TMPDIR"]

import pytest  # noqa: E402

from game.model import Directives, World  # noqa: E402
from game.scenario import load_scenario  # noqa: E402
from game.scenario.policy import directives_by_year, load_policy  # noqa: E402


@pytest.fixture(scope="session")
def world() -> World:
    """The Great Turn scenario's world, loaded once per session."""
    return load_scenario("great_turn").world()


@pytest.fixture(scope="session")
def historical_directives(world: World) -> dict[int, Directives]:
    """What the Soviet leadership actually decided, as directives for every year."""
    policy, path = load_policy("historical")
    return directives_by_year(policy, world, path)


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_HOME, ignore_errors=True)


@pytest.fixture(scope="session")
def historical_records() -> list[dict[str, float]]:
    """Every year's record of the historical policy played through great_turn with its deck."""
    from game.headless.simulator import prepare, run_policy

    return run_policy(prepare("great_turn", "historical", user_mods=False), seed=1).records
