"""Helpers of the attack generators (issue 15). Each fuzz test is fast by default (a fixed seed,
tens of examples); the `slow` marker runs the larger sweeps (`python -m pytest -m slow`, which
.ci/run runs)."""

from __future__ import annotations

import threading

import pytest


def within(seconds: float, work, *args):
    """Run `work` and return its result, failing the test if it takes longer than `seconds`.

    The work runs in a daemon thread, so that a reader that blocks for ever (a FIFO) fails the
    test instead of hanging the run."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["result"] = work(*args)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test below
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        pytest.fail(f"still running after {seconds} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]
