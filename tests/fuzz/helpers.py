"""Helpers of the attack generators (issue 15). Each fuzz test is fast by default (a fixed seed,
tens of examples); the `slow` marker runs the larger sweeps (`python -m pytest -m slow`, which
.ci/run runs)."""

from __future__ import annotations

import copy
import json
import math
import re
import threading
import time

import pytest
from hypothesis import strategies as st

JUNK: list[object] = [None, [], {}, "", "x", "1930", True, False, 0, -1, 1.5, 2**70, 1e308, -1e308,
                      math.nan, math.inf, -math.inf, "<script>alert(1)</script>", [[[]]], {"a": {"b": []}},
                      list(range(5)), "historical"]
SPECIAL = ["huge_int", "deep", "long_text", "truncate", "nan_token"]


def within(seconds: float, work, *args):
    """Run `work` and return its result, failing the test if it spends more than `seconds` of CPU
    time twice running (once may be a first call's warm-up), or blocks for more than ten times
    that (at least 20 s).

    The work runs in a daemon thread, so that a reader that blocks for ever (a FIFO) fails the
    test instead of hanging the run. Its own CPU time is what counts against `seconds`: on a busy
    2-core machine (the CI runs two test workers) a thread can wait seconds for a core without
    doing any work, and that stall is not the file's fault. A first call over the limit is run
    again: the CI once spent 2.2 s of CPU on a file that the same call then read in milliseconds
    (hypothesis: "failed on the first call but did not on a subsequent one"); a file that is
    really slow to read is slow both times."""
    outcome = _timed(seconds, work, *args)
    if outcome["cpu"] > seconds:
        outcome = _timed(seconds, work, *args)
        if outcome["cpu"] > seconds:
            pytest.fail(f"took {outcome['cpu']:.2f} s of CPU time, twice; at most {seconds} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def _timed(seconds: float, work, *args) -> dict:
    outcome: dict = {}

    def run() -> None:
        start = time.thread_time()
        try:
            outcome["result"] = work(*args)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test below
            outcome["error"] = exc
        outcome["cpu"] = time.thread_time() - start

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(max(20.0, 10 * seconds))
    if thread.is_alive():
        pytest.fail(f"still running (blocked) after {max(20.0, 10 * seconds)} s")
    return outcome


def paths_of(data: object, prefix: tuple = ()) -> list[tuple]:
    """Every place in the data: keys of mappings and indices of lists (lists sampled, not all)."""
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths_of(value, (*prefix, key))
    elif isinstance(data, list):
        for index in sorted({0, len(data) // 2, len(data) - 1} & set(range(len(data)))):
            found += paths_of(data[index], (*prefix, index))
    return found


@st.composite
def mutated(draw, original: dict, junk: list[object] | None = None) -> str:
    """The original file as JSON text with one to three places broken (a value replaced by one
    of `junk`, deleted or added beside it; or the whole text made huge, deep, cut or NaN)."""
    data = copy.deepcopy(original)
    places = paths_of(data)
    special = None
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(places))
        kind = draw(st.sampled_from(["replace", "replace", "delete", "add", *SPECIAL]))
        if kind in SPECIAL:
            special = kind
            continue
        parent = data
        for part in path[:-1]:
            parent = parent[part] if isinstance(parent, dict | list) and _has(parent, part) else None
        if not path or parent is None or not _has(parent, path[-1]):
            continue
        if kind == "replace":
            parent[path[-1]] = draw(st.sampled_from(junk or JUNK))
        elif kind == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent["unexpected_key"] = draw(st.sampled_from(junk or JUNK))
    text = json.dumps(data, allow_nan=True)
    if special == "huge_int":
        text = text.replace('"seed": ', '"seed": ' + "9" * 5000 + ", \"old_seed\": ", 1)
    elif special == "deep":
        text = text[:-1] + ', "deep": ' + "[" * 100_000 + "]" * 100_000 + "}"
    elif special == "long_text":
        text = text[:-1] + ', "player": "' + "x" * 200_000 + '"}'
    elif special == "truncate":
        text = text[: draw(st.integers(0, max(0, len(text) - 1)))]
    elif special == "nan_token":
        text = re.sub(r"(?<=: )-?\d+\.\d+(?=[,}\]])", "NaN", text, count=draw(st.integers(1, 5)))  # numbers only
    return text


def _has(container: object, key: object) -> bool:
    if isinstance(container, dict):
        return key in container
    return isinstance(container, list) and isinstance(key, int) and 0 <= key < len(container)
