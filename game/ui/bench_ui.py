"""The game window's budgets (DESIGN §10), measured headless with SDL's dummy drivers:

- startup_s: from launching Python to the title screen's first frame, ready for input (a fresh
  process each time, as a player starts the game); budget 1.5 s.
- frame_ms: one full frame of the directives screen (the busiest) at 1280x720: input, update,
  the canvas, the widgets, the focus ring; budget 8 ms.
- idle_cpu_pct: CPU used by the main loop while nothing happens (frame cap, no redraw), as a
  share of one core; budget 10 %.
- memory_mb: peak resident memory of a fresh process with the window on the directives screen
  and a whole great_turn game played with its event deck; budget 200 MB (POSIX only).

pygame is imported inside the functions, so registering these costs the headless commands nothing.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from ..headless.bench import measured

REPO = Path(__file__).resolve().parents[2]
IDLE_SECONDS = 1.0
PROBE = "from game.ui.bench_ui import first_frame_probe; first_frame_probe()"


def _headless_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    return env


def first_frame_probe() -> None:
    """In a fresh process: open the game at the title and say when its first frame is drawn."""
    from .app import App
    from .scenes.title import TitleScene

    app = App(frame_cap=False, persist_settings=False)
    app.push(TitleScene(app))
    while app.frames_drawn == 0:
        app.step()
    print("ready", flush=True)


@measured("startup_s", budget=1.5, unit="s", repeat=3)
def startup_s(repeat: int) -> float:
    """Launching the game to the title screen's first frame, in a fresh process."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", PROBE], cwd=REPO, env=_headless_env(),
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = proc.stdout.readline()
        samples.append(time.perf_counter() - start)
        proc.wait(timeout=60)
        if line.strip() != "ready":
            raise RuntimeError(f"the start-up probe did not reach the first frame (exit code {proc.returncode})")
    return statistics.median(samples)


def _busy_app(size: tuple[int, int] = (1280, 720)):
    """A window on the directives screen of a game in its third year, forecast computed."""
    from .app import App, headless_environment

    headless_environment()
    from .context import GameContext
    from .driver import Driver, advance
    from .scenes.directives import DirectivesScene
    from .scenes.year import YearScene
    from .settings import Settings

    app = App(Settings(content_note_seen=True), size, frame_cap=False, persist_settings=False)
    ctx = GameContext.start("first_plan", 1928, "historical", app.settings, user_mods=False)
    app.ctx = ctx
    advance(ctx, ctx.world.first_year + 2)
    from ..events.engine import historical_choice

    for event in ctx.pending_events():
        ctx.session.choose(event.id, historical_choice(event).id)
    ctx.begin_draft()
    app.reset(YearScene(app), DirectivesScene(app))
    Driver(app).settle(5)
    return app


@measured("frame_ms", budget=8.0, unit="ms", repeat=200)
def frame_ms(repeat: int) -> float:
    """One full frame of the directives screen at 1280x720 (median)."""
    app = _busy_app()
    samples = []
    for _ in range(max(repeat, 20)):
        app.mark_dirty()
        start = time.perf_counter_ns()
        app.step()
        samples.append((time.perf_counter_ns() - start) / 1e6)
    return statistics.median(samples)


@measured("idle_cpu_pct", budget=10.0, unit="%", repeat=3)
def idle_cpu_pct(repeat: int) -> float:
    """CPU time of the main loop with the title screen open and no input, in % of one core."""
    from .app import App, headless_environment

    headless_environment()
    from .scenes.title import TitleScene

    app = App(frame_cap=True, persist_settings=False)
    app.push(TitleScene(app))
    for _ in range(3):
        app.step()
    samples = []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        while time.perf_counter() - wall < IDLE_SECONDS:
            app.step()
        samples.append(100 * (time.process_time() - cpu) / (time.perf_counter() - wall))
    return statistics.median(samples)


MEMORY_PROBE = "from game.ui.bench_ui import memory_probe; memory_probe()"


def memory_probe() -> None:
    """In a fresh process: the window on a busy screen, then a whole great_turn game with its
    event deck played headless; print the peak resident memory in MB."""
    try:
        import resource
    except ImportError:  # Windows has no getrusage: the figure is not available there
        print("nan", flush=True)
        return

    from ..headless.simulator import prepare, run_policy

    app = _busy_app()
    for _ in range(30):
        app.mark_dirty()
        app.step()
    run_policy(prepare("great_turn", "historical", user_mods=False), seed=1)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    print(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024, flush=True)


@measured("memory_mb", budget=200.0, unit="MB", repeat=1)
def memory_mb(repeat: int) -> float:
    """Peak resident memory of the game: the window on the directives screen and a full game."""
    samples = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", MEMORY_PROBE], cwd=REPO, env=_headless_env(),
                             capture_output=True, text=True, timeout=120)
        if out.returncode != 0:
            raise RuntimeError(f"the memory probe failed (exit code {out.returncode})")
        samples.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(samples)
