"""The command line: `python main.py <command>` or `pyatiletka <command>`.

Thin on purpose: parse arguments, call game.headless, write files. Every UserError becomes one
line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import UserError
from .persist import paths

if TYPE_CHECKING:
    from .persist.lessons import Lesson

# Each command imports what it needs when it runs: the model, the scenarios and pydantic's models
# are not needed to open the window, and importing them first would hold back its first frame.

DESCRIPTION = (
    "Pyatiletka: Soviet industrialization, 1928-1941. "
    "Without a command the game window opens; the other commands run the simulation headless."
)


def main(argv: list[str] | None = None) -> int:
    args_given = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    try:
        args = parser.parse_args(args_given)
    except SystemExit as exc:  # argparse exits on --help and bad arguments; main returns codes
        return int(exc.code or 0)
    try:
        paths.set_data_dir(getattr(args, "data_dir", None))
        return args.command(args)
    except UserError as exc:
        # One line for a single problem; a scenario's list of problems keeps its lines.
        print(f"error: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130


class _Deferred(Sequence):
    """Choices read from the module that defines them only when argparse needs them (to check a
    value or print help), so that building the parser does not import the model."""

    def __init__(self, load: Callable[[], Sequence[str]]):
        self._load = load
        self._values: tuple[str, ...] | None = None

    def _get(self) -> tuple[str, ...]:
        if self._values is None:
            self._values = tuple(self._load())
        return self._values

    def __getitem__(self, index):
        return self._get()[index]

    def __len__(self) -> int:
        return len(self._get())


def _weather_modes() -> Sequence[str]:
    from .model.game import WEATHER_MODES

    return WEATHER_MODES


WEATHER_CHOICES = _Deferred(_weather_modes)
WEATHER_HELP = "%(choices)s (default: the scenario's default)"

DATA_DIR_HELP = ("keep saves, settings, mods and crash reports in DIR instead of the user folders "
                 "(portable mode, e.g. on a USB stick)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=DESCRIPTION)
    parser.add_argument("--data-dir", type=Path, metavar="DIR", default=None, help=DATA_DIR_HELP)
    # Accepted after the command too; SUPPRESS keeps a subcommand from resetting the global value.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, metavar="DIR", default=argparse.SUPPRESS, help=DATA_DIR_HELP)
    parser.add_argument("--classroom", action="store_true",
                        help="open the game in classroom mode (large text, high contrast, a vote tally)")
    parser.set_defaults(command=_play, size=None, lesson=None)  # no command: the game window
    commands = parser.add_subparsers(title="commands", metavar="<command>", parser_class=_parser_with(common))

    play = commands.add_parser("play", help="open the game window (the default)",
                               description="Open the game window at the title screen.")
    play.add_argument("--classroom", action="store_true", help="classroom mode: large text, high contrast")
    play.add_argument("--size", type=_window_size, metavar="WxH", help="window size, e.g. 1920x1080")
    add_lesson_option(play)
    play.set_defaults(command=_play)

    sim = commands.add_parser("simulate", help="play a policy through a scenario without the window",
                              description="Play a policy year by year and report every metric.")
    sim.add_argument("--scenario", default="great_turn", help="bundled scenario id or a .yaml path (default: great_turn)")
    sim.add_argument("--policy", default=None,
                     help="bundled policy name or a .yaml path (default: the scenario's default policy)")
    sim.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    sim.add_argument("--runs", type=_positive_int, default=1,
                     help="play seeds seed..seed+N-1 and report mean, p10 and p90 (useful with --weather random)")
    sim.add_argument("--weather", choices=WEATHER_CHOICES, metavar="WEATHER", help=WEATHER_HELP)
    sim.add_argument("--json", type=Path, metavar="FILE", help="write the full result as JSON instead of a table")
    sim.add_argument("--mods", type=Path, action="append", metavar="DIR",
                     help="a mod folder, or a folder of mods, to load (repeatable)")
    sim.add_argument("--save", type=Path, metavar="FILE",
                     help="also write the finished game as a save (replay it with `replay FILE`)")
    sim.set_defaults(command=_simulate)

    look = commands.add_parser(
        "outlook", help="where a policy leads, years ahead, over many weathers",
        description="Play a policy to January of a year, then project its own directives some years on over "
                    "many random weathers: each headline figure's median and 10-90 %% range per year, with "
                    "history's figure beside it.")
    look.add_argument("--scenario", default="great_turn", help="bundled scenario id or a .yaml path (default: great_turn)")
    look.add_argument("--policy", default=None,
                      help="bundled policy name or a .yaml path (default: the scenario's default policy)")
    look.add_argument("--from", dest="year", type=int, required=True, metavar="YEAR",
                      help="the January the outlook is opened in")
    look.add_argument("--years", type=int, default=None, metavar="N",
                      help="years to project (default: to the end of the current plan)")
    look.add_argument("--draws", type=int, default=60, metavar="D", help="random weather draws (default: 60)")
    look.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    look.add_argument("--weather", choices=WEATHER_CHOICES, metavar="WEATHER",
                      help="the weather of the years played before the outlook: " + WEATHER_HELP)
    look.add_argument("--json", type=Path, metavar="FILE", help="also write the outlook as JSON")
    look.add_argument("--mods", type=Path, action="append", metavar="DIR",
                      help="a mod folder, or a folder of mods, to load (repeatable)")
    look.set_defaults(command=_outlook)

    why = commands.add_parser(
        "explain", help="why a figure of a simulated game moved: its change, cause by cause",
        description="Replay a single-run `simulate --json` result and break the change of one figure in one "
                    "year down by cause: each cause set back to the comparison's value, all else as played.")
    why.add_argument("file", type=Path, metavar="SIMULATE.json", help="a simulate --json result of one run")
    why.add_argument("--year", type=int, required=True, help="the year to explain")
    why.add_argument("--metric", default="famine_deaths_m",
                     help="the figure to explain (default: famine_deaths_m)")
    why.add_argument("--against", choices=("previous", "history"), default="previous",
                     help="compare with the year before (default) or with history's same year")
    why.add_argument("--json", type=Path, metavar="FILE", help="also write the breakdown as JSON")
    why.add_argument("--mods", type=Path, action="append", metavar="DIR",
                     help="a folder to look in for the game's mods, besides your mods folder (repeatable)")
    why.set_defaults(command=_explain)

    rep = commands.add_parser("replay", help="load a save, replay it and check it against its snapshot",
                              description="Load a save, replay its command log and check that the replay "
                                          "reproduces the saved game exactly; print a one-line summary.")
    rep.add_argument("file", type=Path, metavar="FILE", help="a save file")
    rep.add_argument("--mods", type=Path, action="append", metavar="DIR",
                     help="a folder to look in for the save's mods, besides your mods folder (repeatable)")
    rep.set_defaults(command=_replay)

    lesson = commands.add_parser("lesson", help="read a lesson code, or make one for a class",
                                 description="Print what a lesson code means, or with --make print a new code "
                                             "for a scenario, seed and settings.")
    lesson.add_argument("code", nargs="?", metavar="CODE", help="a lesson code, e.g. AE8-0G0-E0H")
    lesson.add_argument("--make", action="store_true", help="make a new code from the options below")
    lesson.add_argument("--scenario", default="first_plan", help="bundled scenario id (default: first_plan)")
    lesson.add_argument("--seed", type=int, default=None, help="random seed (default: a random one below 64)")
    lesson.add_argument("--weather", choices=WEATHER_CHOICES, metavar="WEATHER", help=WEATHER_HELP)
    lesson.add_argument("--classroom", action="store_true", help="classroom (projector) mode")
    lesson.add_argument("--detailed", action="store_true", help="the detailed content texts")
    lesson.add_argument("--no-undo", action="store_true", help="switch undo off (for assessment)")
    lesson.set_defaults(command=_lesson)

    check = commands.add_parser("validate", help="check scenarios, policies and mods, listing every problem",
                                description="Check content files and folders; exit 0 when clean, 1 with errors.")
    check.add_argument("paths", type=Path, nargs="+", metavar="PATH", help="files or folders to check")
    check.set_defaults(command=_validate)

    schema = commands.add_parser("schema", help="write JSON Schemas for editor autocomplete",
                                 description="Write the JSON Schemas of scenarios, policies and mods.")
    schema.add_argument("--out", type=Path, default=None, metavar="DIR",
                        help="folder to write to (default: scenarios/schema)")
    schema.set_defaults(command=_schema)

    timing = commands.add_parser("bench", help="time the simulation and the window against their budgets",
                                 description="Median timings of the simulation and the window against "
                                             "their performance budgets.")
    timing.add_argument("--repeat", type=_positive_int, help="repetitions per figure (default: each figure's own)")
    timing.add_argument("--json", type=Path, metavar="FILE", help="also write the figures and budgets as JSON")
    timing.add_argument("--only", action="extend", type=lambda text: [n for n in text.split(",") if n],
                        metavar="NAME[,NAME]", help="measure only these figures (repeatable)")
    timing.set_defaults(command=_bench)

    web = commands.add_parser("web", help="build the browser edition: a static site that needs nothing installed",
                              description="Build the browser edition into a folder: serve it from any static web "
                                          "server (python -m http.server, a school intranet, GitHub Pages); it "
                                          "makes no request outside that folder. The build fetches the pinned "
                                          "Pyodide runtime and wheels once (it needs the package registries).")
    web.add_argument("--out", type=Path, required=True, metavar="DIR", help="the folder to write the site into")
    web.add_argument("--cache", type=Path, default=None, metavar="DIR",
                     help="where the fetched runtime and wheels are kept (default ~/.cache/pyatiletka-web)")
    web.set_defaults(command=_web)

    shots = commands.add_parser("screenshots", help="render every screen to PNG, headless",
                                description="Render every screen of the game to PNG files without a window "
                                            "(1280x720, in normal and in classroom mode).")
    shots.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the PNG files")
    shots.set_defaults(command=_screenshots)
    add_debrief_commands(commands)
    return parser


def _play(args: argparse.Namespace) -> int:
    from .ui import play

    try:
        return play(classroom=args.classroom, size=args.size, lesson=getattr(args, "lesson", None))
    except Exception as exc:  # pygame.error without a display, say: one line, not a traceback
        if type(exc).__module__.startswith("pygame"):
            raise UserError(f"cannot open the game window: {exc}") from None
        raise


def _screenshots(args: argparse.Namespace) -> int:
    from .ui.screenshots import render_all

    try:
        written = render_all(args.out)
    except OSError as exc:
        raise UserError(f"{args.out}: cannot write the screenshots ({exc.strerror or exc})") from None
    for path in written:
        print(f"wrote {path}")
    return 0


def _parser_with(common: argparse.ArgumentParser) -> type[argparse.ArgumentParser]:
    class CommandParser(argparse.ArgumentParser):
        def __init__(self, *args, **kwargs):
            kwargs.setdefault("parents", [common])
            super().__init__(*args, **kwargs)

    return CommandParser


def add_lesson_option(parser: argparse.ArgumentParser) -> None:
    """For `play`: `--lesson CODE` starts exactly the game of a lesson code (lessons.start_lesson).
    A mistyped code is an argument error that says what is wrong with it."""
    parser.add_argument("--lesson", type=_lesson_code, metavar="CODE",
                        help="start exactly the game of this lesson code (from `lesson --make`)")


def _lesson_code(text: str) -> Lesson:
    from .persist import lessons

    try:
        return lessons.decode(text)
    except UserError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def _simulate(args: argparse.Namespace) -> int:
    from .headless import simulator
    from .persist import saves
    from .persist.playthrough import Playthrough, source_of

    if args.save is not None and args.runs != 1:
        raise UserError("--save keeps one game; leave out --runs")
    campaign = simulator.prepare(args.scenario, args.policy, mods=args.mods)
    for notice in campaign.notices:
        print(f"warning: a mod in your mods folder was left out: {notice}", file=sys.stderr)
    if args.save is None:
        result = simulator.simulate(campaign, args.seed, args.runs, args.weather)
    else:
        session = Playthrough(campaign.world, campaign.deck, seed=args.seed, weather_mode=campaign.weather(args.weather),
                              scenario=campaign.scenario, source=source_of(args.scenario), mods=campaign.mods)
        simulator.run_policy(campaign, args.seed, args.weather, session=session)
        result = simulator.result_json(campaign, session, args.weather)
    if args.json is None:
        print(simulator.summary_table(result))
    else:
        _write_json(args.json, result)
    if args.save is not None:
        saves.write_save(session, args.save)
        print(f"wrote {args.save}")
    return 0


def _outlook(args: argparse.Namespace) -> int:
    from .headless import outlook, simulator

    campaign = simulator.prepare(args.scenario, args.policy, mods=args.mods)
    for notice in campaign.notices:
        print(f"warning: a mod in your mods folder was left out: {notice}", file=sys.stderr)
    history = outlook.baseline_history(campaign, args.seed)
    result, _ = outlook.policy_outlook(campaign, args.year, args.years, args.draws, args.seed, args.weather,
                                       history, readiness=True)
    years = result.years
    span = f"{years[0]}-{years[-1]}" if len(years) > 1 else f"{years[0]}"
    print(outlook.outlook_table(result, f"{campaign.scenario.id} v{campaign.scenario.version}, policy "
                                        f"{campaign.policy.name}, from January {args.year}: {span}, "
                                        f"{result.done} weather draws, seed {args.seed}"))
    if args.json is not None:
        _write_json(args.json, result.as_json())
    return 0


def _explain(args: argparse.Namespace) -> int:
    from .headless import explain

    explanation = explain.explain_file(args.file, args.year, args.metric, args.against, args.mods)
    print(explain.explanation_table(explanation))
    if args.json is not None:
        _write_json(args.json, explanation.as_json())
    return 0


def _replay(args: argparse.Namespace) -> int:
    from .persist import saves

    session = saves.load(args.file, args.mods)
    years = [int(r["year"]) for r in session.records]
    played = f"{len(years)} year{'s' * (len(years) != 1)} played" + (f" ({years[0]}-{years[-1]})" if years else "")
    where = f"ending: {session.game.ending}" if session.finished else f"next: January {session.year}"
    scenario = session.scenario
    mods = f", mods {', '.join(session.mods)}" if session.mods else ""
    print(f"{args.file}: {scenario.id} {scenario.version}{mods}, seed {session.seed}, {session.weather_mode} weather, "
          f"{played}, {where}; the replay matches the save")
    return 0


def _lesson(args: argparse.Namespace) -> int:
    from .persist import lessons
    from .persist.settings import GameSettings
    from .scenario import load_scenario

    if args.make == (args.code is not None):
        raise UserError("give a lesson code to read it, or --make (with --scenario and --seed) to make one")
    if args.code is not None:
        lesson = lessons.decode(args.code)
        print(lesson.describe(load_scenario(lesson.scenario).name))
        return 0
    seed = args.seed if args.seed is not None else random.randrange(64)
    settings = GameSettings(classroom=args.classroom, content="detailed" if args.detailed else "sober",
                            allow_undo=not args.no_undo)
    lesson = lessons.make_lesson(args.scenario, seed, args.weather, settings)
    print(lesson.code)
    print(lesson.describe(load_scenario(lesson.scenario).name))
    return 0


def _validate(args: argparse.Namespace) -> int:
    from .scenario.validate import validate_paths

    report = validate_paths(args.paths)
    for problem in report.problems:
        print(problem.format())
    errors, warnings = len(report.errors), len(report.warnings)
    print(f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
          f"in {len(report.checked)} checked")
    return 1 if errors else 0


def _schema(args: argparse.Namespace) -> int:
    from .scenario.schema_export import write_schemas

    for path in write_schemas(args.out) if args.out else write_schemas():
        print(f"wrote {path}")
    return 0


def _web(args) -> int:
    from .web.site import DEFAULT_CACHE, SIZE_BUDGET_MB, build

    manifest = build(args.out, args.cache or DEFAULT_CACHE)
    print(f"wrote the browser edition to {args.out} ({manifest['size_mb']} MB; budget {SIZE_BUDGET_MB:g} MB)")
    if not manifest["bytecode"]:
        print("node is not installed: the site is built without its bytecode, and starts slower "
              "(its Python compiles the modules it imports at every load)")
    print(f"serve it with: python -m http.server --directory {args.out} 8000  (then open http://localhost:8000)")
    return 0


def _bench(args: argparse.Namespace) -> int:
    from .headless import bench
    from .ui import bench_ui  # noqa: F401 - registers the window's figures with headless.bench

    timings = bench.run_all(args.repeat, args.only)
    print(bench.report(timings))
    if args.json is not None:
        _write_json(args.json, bench.as_json(timings))
    return 0


def _write_json(path: Path, data: dict) -> None:
    # allow_nan=False: NaN is not JSON; a NaN from the model should fail loudly, not corrupt files.
    text = json.dumps(data, indent=2, allow_nan=False) + "\n"
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"{path}: cannot write ({exc.strerror})") from None
    print(f"wrote {path}")


def _window_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size like 1280x720: {text!r}") from None
    return width, height


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


# --- debrief and compare (game/debrief) ------------------------------------------------------


def add_debrief_commands(commands) -> None:
    report = commands.add_parser(
        "debrief", help="write a game's debrief as a printable HTML page and a results file",
        description="Read a save or a single-run `simulate --json` result and write its debrief: the "
                    "player's record beside history's as one self-contained HTML page (--html), a two-page "
                    "handout (--handout), and the results file that `compare` reads (--json).")
    report.add_argument("file", type=Path, metavar="FILE", help="a save, or a simulate --json result of one run")
    report.add_argument("--html", type=Path, metavar="OUT.html", help="write the printable debrief here")
    report.add_argument("--handout", type=Path, metavar="OUT.html",
                        help="write the two-page handout here (scorecard, plan, three charts, the human cost, "
                             "three questions)")
    report.add_argument("--json", type=Path, metavar="OUT.json", help="write the results file for `compare` here")
    report.add_argument("--name", default=None, metavar="NAME",
                        help="the student's or team's name, as they want it shown (nothing else is kept)")
    report.add_argument("--mods", type=Path, action="append", metavar="DIR",
                        help="a folder to look in for the game's mods, besides your mods folder (repeatable)")
    report.set_defaults(command=_debrief)

    cls = commands.add_parser(
        "compare", help="compare a class's results files on one page",
        description="Read results files (made by `debrief FILE --json OUT.json`) of one scenario and game "
                    "version, and show how the outcomes spread against history's on each axis.")
    cls.add_argument("files", type=Path, nargs="+", metavar="FILE", help="results files")
    cls.add_argument("--html", type=Path, metavar="OUT.html", help="write the comparison page here")
    cls.set_defaults(command=_compare)


def _debrief(args: argparse.Namespace) -> int:
    from .debrief import build, load_game, results_json, write_handout, write_html

    if args.html is None and args.json is None and args.handout is None:
        raise UserError("say what to write: --html OUT.html, --handout OUT.html, --json OUT.json, or several")
    name = " ".join(args.name.split()) if args.name else None
    if name is not None and len(name) > 80:
        raise UserError("--name: at most 80 characters")
    game = load_game(args.file, args.mods)
    from .headless.baseline import historical_game

    report = build(game, name, historical_game())
    for notice in report.notices:
        print(f"note: {notice}", file=sys.stderr)
    if args.html is not None:
        write_html(report, args.html)
        print(f"wrote {args.html}")
    if args.handout is not None:
        write_handout(report, args.handout)
        print(f"wrote {args.handout}")
    if args.json is not None:
        _write_json(args.json, results_json(report, game))
    return 0


def _compare(args: argparse.Namespace) -> int:
    from .debrief import compare

    comparison = compare.compare(compare.load_results(args.files))
    print(compare.summary_text(comparison))
    if args.html is not None:
        compare.write_html(comparison, args.html)
        print(f"wrote {args.html}")
    return 0
