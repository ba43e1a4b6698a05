"""Shared fixtures. Tests never open a window or a sound device."""

import os
import tempfile

# Set before anything imports pygame, so a test run works on a machine with no display or audio.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# Keep the user's own mods, saves and settings out of the tests: platformdirs reads XDG_* on Linux.
_HOME = tempfile.mkdtemp(prefix="pyatiletka-tests-")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")

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
