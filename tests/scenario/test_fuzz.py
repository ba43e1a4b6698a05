"""No input produces a traceback: mutated scenario files give a clean error or a clean load."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.errors import UserError
from game.model import Game
from game.scenario import SCENARIO_DIR, read_scenario
from game.scenario.policy import directives_by_year, load_policy

FILES = ["great_turn.yaml", *(f"common/{p.name}" for p in sorted((SCENARIO_DIR / "common").glob("*.yaml")))]
JUNK = ["", ":", ": ", "-", "- ", "[", "]", "{", "}", "&a ", "*a", "\t", "\x00", "'", '"', "#", "!!python/object ",
        "<<: *a", "\n  ", "yes", "-1", "1e999", "nan", "0", "null", "~", "é", "\ufeff", "%YAML 1.1\n", "---\n"]

_WORKDIR = Path(tempfile.mkdtemp(prefix="pyatiletka-fuzz-"))
shutil.copytree(SCENARIO_DIR / "common", _WORKDIR / "common")
shutil.copy(SCENARIO_DIR / "great_turn.yaml", _WORKDIR / "great_turn.yaml")
ORIGINAL = {name: (_WORKDIR / name).read_bytes() for name in FILES}


@st.composite
def mutation(draw) -> tuple[str, bytes]:
    name = draw(st.sampled_from(FILES))
    data = ORIGINAL[name]
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.integers(0, max(0, len(data) - 1)))
        kind = draw(st.sampled_from(["insert", "delete", "replace", "truncate", "raw", "dupline"]))
        if kind == "insert":
            data = data[:where] + draw(st.sampled_from(JUNK)).encode() + data[where:]
        elif kind == "delete":
            data = data[:where] + data[where + draw(st.integers(1, 40)):]
        elif kind == "replace":
            data = data[:where] + draw(st.sampled_from(JUNK)).encode() + data[where + draw(st.integers(1, 8)):]
        elif kind == "truncate":
            data = data[:where]
        elif kind == "raw":
            data = data[:where] + draw(st.binary(min_size=1, max_size=4)) + data[where:]
        else:
            lines = data.split(b"\n")
            line = draw(st.integers(0, len(lines) - 1))
            lines.insert(line, lines[line])
            data = b"\n".join(lines)
    return name, data


FUZZ = dict(deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@settings(max_examples=50, **FUZZ)
@given(mutation())
def test_mutated_scenario_loads_cleanly_or_reports_problems(change):
    """A fixed sample (each example loads the whole campaign, about a third of a second)."""
    load_mutated(change)


@pytest.mark.slow
@settings(max_examples=400, **FUZZ)
@given(mutation())
def test_many_mutated_scenarios_load_cleanly_or_report_problems(change):
    load_mutated(change)


def load_mutated(change: tuple[str, bytes]) -> None:
    name, data = change
    try:
        (_WORKDIR / name).write_bytes(data)
        loaded = read_scenario(_WORKDIR / "great_turn.yaml")
        if loaded.scenario is None:
            assert loaded.errors, "a refused scenario must say why"
            for problem in loaded.errors:
                assert problem.code.startswith("E") and problem.message
        else:
            world = loaded.scenario.world()
            policy, path = load_policy("historical")
            try:
                directives = directives_by_year(policy, world, path)
            except UserError:  # the policy no longer fits the mutated scenario: a clean message
                return
            Game(world).play_year(directives[world.first_year])
    finally:
        (_WORKDIR / name).write_bytes(ORIGINAL[name])
