"""`bench` as a user meets it: every figure with its budget, a figure that cannot be measured
here says why, and the headless benchmarks never pull the window in. Never asserts timings:
measuring them is the bench's job."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from game.cli import main

WINDOW = ("startup_s", "startup_ratio", "frame_ms", "idle_cpu_pct", "memory_mb", "frame_ms_x11", "memory_mb_x11")
OUTSIDE = ("simulate_runs_ms_per_game",)


def bench(capsys, tmp_path, *args: str) -> tuple[str, dict]:
    out = tmp_path / "bench.json"
    code = main(["bench", "--json", str(out), *args])
    printed, err = capsys.readouterr()
    assert code == 0, err
    return printed, json.loads(out.read_text(encoding="utf-8"))


def test_the_headless_bench_does_not_import_the_window():
    code = "import sys, game.headless.bench; print(sorted(m for m in sys.modules if m.startswith(('game.ui', 'pygame'))))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_an_unknown_figure_is_refused_with_the_list_of_every_figure(capsys):
    assert main(["bench", "--only", "startup_ms"]) == 2
    err = capsys.readouterr().err
    assert "no figure named startup_ms" in err
    for name in ("full_game_ms", "compare_30_ms", *WINDOW, *OUTSIDE):
        assert name in err


def test_without_an_x_display_the_x11_figures_are_skipped_and_say_why(capsys, tmp_path, monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.setattr(shutil, "which", lambda name, *args, **kwargs: None)
    printed, figures = bench(capsys, tmp_path, "--only", "frame_ms_x11,memory_mb_x11")
    for name in ("frame_ms_x11", "memory_mb_x11"):
        line = next(line for line in printed.splitlines() if line.startswith(name))
        assert "skipped: no X display (install xvfb)" in line and "OK" not in line and "OVER" not in line
        assert figures[name] is None and figures["skipped"][name] == "no X display (install xvfb)"
        assert figures["budgets"][name] > 0


@pytest.mark.skipif(not (os.environ.get("DISPLAY") or shutil.which("Xvfb")),
                    reason="no X display and no Xvfb (apt-get install xvfb): the X11 figures cannot be measured")
def test_on_an_x_display_the_window_figures_are_measured_there(capsys, tmp_path):
    printed, figures = bench(capsys, tmp_path, "--only", "frame_ms_x11", "--repeat", "20")
    assert figures["frame_ms_x11"] > 0 and "frame_ms_x11" not in figures["skipped"]
    assert figures["budgets"]["frame_ms_x11"] == 8.0


def test_the_start_up_figures_are_measured_with_saves_present(capsys, tmp_path):
    from game.persist import paths, saves
    from game.ui.bench_ui import data_dir_with_saves

    folder = data_dir_with_saves()
    paths.set_data_dir(folder)
    try:
        listed = saves.list_saves()
    finally:
        paths.set_data_dir(None)
    assert len(listed) >= 5 and all(entry.ok for entry in listed)
    assert any(not entry.finished for entry in listed) and any(entry.finished for entry in listed)

    printed, figures = bench(capsys, tmp_path, "--only", "startup_s,startup_ratio", "--repeat", "1")
    assert figures["startup_s"] > 0 and figures["startup_ratio"] > 0
    assert figures["budgets"] == {"startup_s": 1.5, "startup_ratio": 2.0}
    assert "startup_ratio" in printed


def test_simulate_runs_is_measured_from_outside(capsys, tmp_path):
    printed, figures = bench(capsys, tmp_path, "--only", "simulate_runs_ms_per_game", "--repeat", "1")
    assert figures["simulate_runs_ms_per_game"] > 0
    assert figures["budgets"]["simulate_runs_ms_per_game"] == 5.0 and figures["repeats"]["simulate_runs_ms_per_game"] == 1


def test_the_window_figures_are_measured_with_the_dummy_driver(capsys, tmp_path):
    printed, figures = bench(capsys, tmp_path, "--only", "frame_ms,idle_cpu_pct,memory_mb", "--repeat", "1")
    assert figures["frame_ms"] > 0 and 0 <= figures["idle_cpu_pct"] <= 100
    assert figures["memory_mb"] > 0 or sys.platform == "win32" and "memory_mb" in figures["skipped"]
    assert figures["budgets"] == {"frame_ms": 8.0, "idle_cpu_pct": 10.0, "memory_mb": 200.0}
