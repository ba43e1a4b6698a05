"""The command line: `python main.py <command>` or `pyatiletka <command>`.

Thin on purpose: parse arguments, call game.headless, write files. Every UserError becomes one
line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import UserError
from .headless import bench, simulator
from .model.game import WEATHER_MODES
from .scenario.schema_export import write_schemas
from .scenario.validate import validate_paths

DESCRIPTION = (
    "Pyatiletka: Soviet industrialization, 1928-1941. "
    "The game window is not built yet; these commands run the simulation headless."
)


def main(argv: list[str] | None = None) -> int:
    args_given = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    if not args_given:
        parser.print_help()
        return 0
    try:
        args = parser.parse_args(args_given)
    except SystemExit as exc:  # argparse exits on --help and bad arguments; main returns codes
        return int(exc.code or 0)
    try:
        return args.command(args)
    except UserError as exc:
        # One line for a single problem; a scenario's list of problems keeps its lines.
        print(f"error: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=DESCRIPTION)
    commands = parser.add_subparsers(title="commands", metavar="<command>")

    sim = commands.add_parser("simulate", help="play a policy through a scenario without the window",
                              description="Play a policy year by year and report every metric.")
    sim.add_argument("--scenario", default="great_turn", help="bundled scenario id or a .yaml path (default: great_turn)")
    sim.add_argument("--policy", default=None,
                     help="bundled policy name or a .yaml path (default: the scenario's default policy)")
    sim.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    sim.add_argument("--runs", type=_positive_int, default=1,
                     help="play seeds seed..seed+N-1 and report mean, p10 and p90 (useful with --weather random)")
    sim.add_argument("--weather", choices=WEATHER_MODES, help="default: the scenario's default")
    sim.add_argument("--json", type=Path, metavar="FILE", help="write the full result as JSON instead of a table")
    sim.add_argument("--mods", type=Path, action="append", metavar="DIR",
                     help="a mod folder, or a folder of mods, to load (repeatable)")
    sim.set_defaults(command=_simulate)

    check = commands.add_parser("validate", help="check scenarios, policies and mods, listing every problem",
                                description="Check content files and folders; exit 0 when clean, 1 with errors.")
    check.add_argument("paths", type=Path, nargs="+", metavar="PATH", help="files or folders to check")
    check.set_defaults(command=_validate)

    schema = commands.add_parser("schema", help="write JSON Schemas for editor autocomplete",
                                 description="Write the JSON Schemas of scenarios, policies and mods.")
    schema.add_argument("--out", type=Path, default=None, metavar="DIR",
                        help="folder to write to (default: scenarios/schema)")
    schema.set_defaults(command=_schema)

    timing = commands.add_parser("bench", help="time the simulation against its performance budgets",
                                 description="Median timings of the simulation against their budgets.")
    timing.add_argument("--repeat", type=_positive_int, help="repetitions per figure (default: each figure's own)")
    timing.add_argument("--json", type=Path, metavar="FILE", help="also write the figures and budgets as JSON")
    timing.set_defaults(command=_bench)
    return parser


def _simulate(args: argparse.Namespace) -> int:
    campaign = simulator.prepare(args.scenario, args.policy, mods=args.mods)
    for notice in campaign.notices:
        print(f"warning: a mod in your mods folder was left out: {notice}", file=sys.stderr)
    result = simulator.simulate(campaign, args.seed, args.runs, args.weather)
    if args.json is None:
        print(simulator.summary_table(result))
    else:
        _write_json(args.json, result)
    return 0


def _validate(args: argparse.Namespace) -> int:
    report = validate_paths(args.paths)
    for problem in report.problems:
        print(problem.format())
    errors, warnings = len(report.errors), len(report.warnings)
    print(f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
          f"in {len(report.checked)} checked")
    return 1 if errors else 0


def _schema(args: argparse.Namespace) -> int:
    for path in write_schemas(args.out) if args.out else write_schemas():
        print(f"wrote {path}")
    return 0


def _bench(args: argparse.Namespace) -> int:
    timings = bench.run_all(args.repeat)
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


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value
