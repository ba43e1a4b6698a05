"""The game window's budgets (DESIGN §10). Registered with game.headless.bench when this module is
imported (the `bench` command does); pygame is imported inside the functions, so registering
them costs nothing.

Start-up, with saves present (a --data-dir holding autosaves and named saves of three games, as
a player who has played has: the title lists and checks them, so they must not hold back its
first frame):

- startup_s: from launching the game (`pyatiletka --data-dir DIR`, the command line's own entry,
  in a fresh process) to the title's first frame on screen, ready for input; budget 1.5 s.
- startup_ratio: that time divided by the time a fresh process takes to import the libraries
  alone (`import pygame, pygame_gui, yaml, pydantic`), both measured alternately in the same
  run; budget 2.0. What the game adds to its libraries, whatever the machine's speed.

With SDL's dummy drivers (no display needed):

- frame_ms: one full frame of the directives screen (the busiest) at 1280x720: input, update,
  the canvas, the widgets, the focus ring; budget 8 ms.
- frame_ms_map: one frame of the map screen at 1280x720 while the region in focus changes every
  frame (the drawn map is cached; the frame repaints the panel and the focus); budget 8 ms.
- idle_cpu_pct: CPU used by the main loop while nothing happens (frame cap, no redraw), as a
  share of one core; budget 10 %.
- memory_mb: peak resident memory of a fresh process with the window on the directives screen
  and a whole great_turn game played with its event deck (Linux: VmHWM; elsewhere getrusage;
  not on Windows); budget 200 MB.

On a real X display (the dummy driver hides the cost of putting frames on a screen, which on a
machine without hardware OpenGL goes through software GL):

- frame_ms_x11 and memory_mb_x11: frame_ms and memory_mb again, in a fresh process drawing to an
  X11 window: $DISPLAY if set, else a private Xvfb started for the figure. Skipped, with the
  reason in the report, when there is neither (`apt-get install xvfb`).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from ..headless.bench import Skipped, measured

IDLE_SECONDS = 1.0
PROBE = "from game.ui.bench_ui import first_frame_probe; first_frame_probe()"
# The game as a player starts it (game.cli.main is what `pyatiletka` and main.py run), told to
# print "ready" and stop once the title's first frame is on screen. Arguments follow `-c PROBE`.
STARTUP_PROBE = ("import sys; from game.ui.bench_ui import stop_at_first_frame; stop_at_first_frame(); "
                 "from game.cli import main; sys.exit(main(sys.argv[1:]))")
BARE_IMPORT_PROBE = "import pygame, pygame_gui, yaml, pydantic; print('ready', flush=True)"
FRAME_PROBE = "import sys; from game.ui.bench_ui import frame_probe; frame_probe(int(sys.argv[1]))"
MEMORY_PROBE = "from game.ui.bench_ui import memory_probe; memory_probe()"
X_SCREEN = "1920x1080x24"


def _headless_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    return env


def _x11_env(display: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(SDL_VIDEODRIVER="x11", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1", DISPLAY=display)
    return env


@cache
def _work_dir() -> Path:
    """Where the probes run: outside the source tree, as an installed game does."""
    folder = Path(tempfile.mkdtemp(prefix="pyatiletka-bench-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


# -- start-up ------------------------------------------------------------------------------------
def first_frame_probe() -> None:
    """In a fresh process: open the window at the title and say when its first frame is drawn."""
    from .app import App
    from .scenes.title import TitleScene

    app = App(frame_cap=False, persist_settings=False)
    app.push(TitleScene(app))
    while app.frames_drawn == 0:
        app.step()
    print("ready", flush=True)


def stop_at_first_frame() -> None:
    """For STARTUP_PROBE: the window prints "ready" once its first frame is on screen, then closes
    as if the player had quit."""
    from .app import App

    render = App.render

    def render_then_stop(app: App) -> None:
        render(app)
        if app.frames_drawn == 1:
            print("ready", flush=True)
            app.running = False

    App.render = render_then_stop


@cache
def data_dir_with_saves() -> Path:
    """A --data-dir with the saves of a player who has played: a finished great_turn game, a
    first_plan lesson saved by name, and great_turn under way, autosaved each January to 1931
    (the last five autosaves are kept); written by the window's own save code."""
    from ..persist import paths
    from ..present.context import GameContext
    from . import saving
    from .driver import advance

    folder = _work_dir() / "data"
    previous = paths.portable_dir()
    paths.set_data_dir(folder)
    try:
        for scenario, seed, years, name in (("great_turn", 3, 99, "finished"), ("first_plan", 7, 2, "lesson"),
                                            ("great_turn", 1, 4, None)):
            ctx = GameContext.start(scenario, seed, None, user_mods=False)
            for year in range(ctx.world.first_year, ctx.world.first_year + years):
                advance(ctx, year)
                if ctx.finished:
                    break
                ctx.pending_events()  # the January's cards drawn, as the year screen autosaves
                saving.autosave(ctx)
            if name is not None:
                advance(ctx, ctx.world.first_year + years)
                saving.save(ctx, name)
    finally:
        paths.set_data_dir(previous)
    return folder


def _seconds_to_ready(command: list[str], what: str) -> float:
    """From starting `command` to its printing "ready"."""
    with tempfile.TemporaryFile("w+") as err:  # a file, not a pipe: a chatty stderr cannot block it
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=_work_dir(), env=_headless_env(), stdout=subprocess.PIPE,
                                stderr=err, text=True)
        ready = None
        for line in proc.stdout:
            if line.strip() == "ready":
                ready = time.perf_counter() - start
                break
        proc.communicate(timeout=60)
        if ready is None:
            err.seek(0)
            raise RuntimeError(f"the {what} probe did not get ready (exit code {proc.returncode}): "
                               f"{err.read().strip()[-500:]}")
    return ready


@cache
def _startup_samples(repeat: int) -> tuple[list[float], list[float]]:
    """(first frame, bare import) seconds, alternately, each in a fresh process."""
    data = data_dir_with_saves()
    game, bare = [], []
    _seconds_to_ready([sys.executable, "-c", BARE_IMPORT_PROBE], "import")  # warm the file cache
    for _ in range(repeat):
        game.append(_seconds_to_ready([sys.executable, "-c", STARTUP_PROBE, "--data-dir", str(data)], "start-up"))
        bare.append(_seconds_to_ready([sys.executable, "-c", BARE_IMPORT_PROBE], "import"))
    return game, bare


@measured("startup_s", budget=1.5, unit="s", repeat=5)
def startup_s(repeat: int) -> float:
    """Launching the game, with saves present, to the title screen's first frame (fresh process)."""
    game, _ = _startup_samples(repeat)
    return statistics.median(game)


@measured("startup_ratio", budget=2.0, unit="x", repeat=5)
def startup_ratio(repeat: int) -> float:
    """startup_s divided by a fresh process's bare import of pygame, pygame_gui, yaml and pydantic."""
    game, bare = _startup_samples(repeat)
    return statistics.median(game) / statistics.median(bare)


# -- frames, idle, memory ------------------------------------------------------------------------
def _busy_app(size: tuple[int, int] = (1280, 720)):
    """A window on the directives screen of a game in its third year, forecast computed."""
    from .app import App, headless_environment

    headless_environment()
    from ..present.context import GameContext
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
    ctx.history_draft()
    app.reset(YearScene(app), DirectivesScene(app))
    Driver(app).settle(5)
    return app


def _frame_median(repeat: int) -> float:
    app = _busy_app()
    samples = []
    for _ in range(max(repeat, 20)):
        app.mark_dirty()
        start = time.perf_counter_ns()
        app.step()
        samples.append((time.perf_counter_ns() - start) / 1e6)
    return statistics.median(samples)


def _video_driver() -> str:
    import pygame

    return pygame.display.get_driver()


@measured("frame_ms", budget=8.0, unit="ms", repeat=200)
def frame_ms(repeat: int) -> float:
    """One full frame of the directives screen at 1280x720 (median), SDL's dummy driver."""
    return _frame_median(repeat)


@measured("frame_ms_map", budget=8.0, unit="ms", repeat=200)
def frame_ms_map(repeat: int) -> float:
    """One full frame of the map screen at 1280x720 with the region in focus changing every frame
    (as a pointer moving over the map repaints it), median, SDL's dummy driver."""
    from .scenes.map import MapScene

    app = _busy_app()
    app.push(MapScene(app))
    scene = app.top
    scene.drawn()                    # the map is drawn once, when the screen opens
    samples = []
    for _ in range(max(repeat, 20)):
        start = time.perf_counter_ns()
        scene.step_region(1)
        app.step()
        samples.append((time.perf_counter_ns() - start) / 1e6)
    return statistics.median(samples)


@measured("frame_ms_outlook", budget=8.0, unit="ms", repeat=200)
def frame_ms_outlook(repeat: int) -> float:
    """One full frame of the directives screen while the outlook to the last year is computing
    (O pressed twice; each frame adds a few weather draws), median, SDL's dummy driver."""
    import pygame

    from .driver import Driver

    app = _busy_app()
    driver = Driver(app)
    driver.key(pygame.K_o)
    driver.key(pygame.K_o)
    scene = app.top
    samples = []
    for _ in range(max(repeat, 20)):
        if scene.outlook is None or scene.outlook.complete:   # start again: always measured while computing
            scene.side_mode = "outlook"
            scene.toggle_outlook()
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


def memory_probe() -> None:
    """In a fresh process: the window on a busy screen, then a whole great_turn game with its
    event deck played headless; print the video driver and the peak resident memory in MB."""
    from ..headless.simulator import prepare, run_policy

    app = _busy_app()
    for _ in range(30):
        app.mark_dirty()
        app.step()
    run_policy(prepare("great_turn", "historical", user_mods=False), seed=1)
    print(_video_driver(), _peak_resident_mb(), flush=True)


def _peak_resident_mb() -> float:
    """This process's peak resident memory. On Linux VmHWM, the peak of this program's own
    memory: getrusage's ru_maxrss carries over the peak of the process that started it (a child
    of a 300 MB process reports 300 MB), which would measure the bench instead of the game."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows has neither: the figure is not available there
        return float("nan")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # macOS: bytes; others: kB


def frame_probe(repeat: int) -> None:
    """In a fresh process: print the video driver and frame_ms's median."""
    median = _frame_median(repeat)
    print(_video_driver(), median, flush=True)


def _probe(code: str, args: list[str], env: dict[str, str], driver: str) -> float:
    """Run a probe printing "DRIVER FIGURE"; the figure, checked to come from `driver`."""
    out = subprocess.run([sys.executable, "-c", code, *args], cwd=_work_dir(), env=env,
                         capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        raise RuntimeError(f"the probe failed (exit code {out.returncode}): {out.stderr.strip()[-500:]}")
    used, figure = out.stdout.split()[-2:]
    if used != driver:
        raise RuntimeError(f"the probe drew with SDL's {used!r} driver, not {driver!r}")
    if figure == "nan":
        raise Skipped("this system does not report peak memory")
    return float(figure)


@measured("memory_mb", budget=200.0, unit="MB", repeat=1)
def memory_mb(repeat: int) -> float:
    """Peak resident memory of the game: the window on the directives screen and a full game."""
    return statistics.median(_probe(MEMORY_PROBE, [], _headless_env(), "dummy") for _ in range(repeat))


# -- on a real X display -------------------------------------------------------------------------
@contextlib.contextmanager
def x_display() -> Iterator[str]:
    """An X display to draw on: $DISPLAY when set, else a private Xvfb for the while. Raises
    Skipped when there is neither."""
    if os.environ.get("DISPLAY"):
        yield os.environ["DISPLAY"]
        return
    if sys.platform != "linux" or shutil.which("Xvfb") is None:
        raise Skipped("no X display (install xvfb)")
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", X_SCREEN, "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        number = _read_display_number(read)
        if number is None:
            raise Skipped("Xvfb did not start (no display number within 20 s)")
        yield f":{number}"
    finally:
        os.close(read)
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _read_display_number(fd: int, timeout: float = 20.0) -> str | None:
    """Xvfb -displayfd writes the display number it chose, then a newline."""
    text = b""
    deadline = time.monotonic() + timeout
    while not text.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        chunk = os.read(fd, 16)
        if not chunk:
            return None
        text += chunk
    return text.decode().strip() or None


@measured("frame_ms_x11", budget=8.0, unit="ms", repeat=200)
def frame_ms_x11(repeat: int) -> float:
    """frame_ms in an X11 window (a fresh process): putting the frame on a real display."""
    with x_display() as display:
        return _probe(FRAME_PROBE, [str(repeat)], _x11_env(display), "x11")


@measured("memory_mb_x11", budget=200.0, unit="MB", repeat=1)
def memory_mb_x11(repeat: int) -> float:
    """memory_mb in an X11 window: what the display's drivers add to the game's memory."""
    with x_display() as display:
        return statistics.median(_probe(MEMORY_PROBE, [], _x11_env(display), "x11") for _ in range(repeat))
