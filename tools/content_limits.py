"""Measure the content limits (docs/MODDING.md, "Untrusted content"): build mods at every limit,
and past them, and time `validate` and `simulate` on each.

    python tools/content_limits.py

Each mod is written to a temporary folder. The figures are wall-clock times on this machine, in
this process (imports excluded); they are what the limits in game/scenario/yamlsource.py and
game/scenario/schema.py were chosen from: a mod inside every limit must validate and play in a
couple of seconds, and one past a limit must be refused quickly.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.headless.simulator import prepare, run_policy  # noqa: E402
from game.scenario import load_scenario, mods, schema, yamlsource  # noqa: E402
from game.scenario.loader import load_with_mods  # noqa: E402
from game.scenario.validate import validate_paths  # noqa: E402

BUNDLED_EVENTS = len(load_scenario("great_turn").events)   # the mod's events come on top of these
TRIGGER = " and ".join(["(grain_harvest_mt > 1 or fear < 5)"] * 10)[: 400]


def manifest(folder: Path, mod_id: str) -> None:
    folder.mkdir(parents=True)
    (folder / "mod.yaml").write_text(f"id: {mod_id}\nname: {mod_id}\nversion: '1'\nscenario: great_turn\n"
                                     f"description: limits\nauthor: tools\n", encoding="utf-8")


def texts(count: int, prefix: str) -> str:
    return "texts:\n" + "".join(f"  {prefix}.{i}: some text {i}\n" for i in range(count))


def card(i: int) -> str:
    return (f"  - id: limit_{i}\n    title: t\n    text: t\n    trigger: \"{TRIGGER}\"\n    choices:\n"
            f"      - id: a\n        label: a\n        forecast: f\n        effects:\n"
            f"          - add: {{fear: 0.0001}}\n          - flag: limit_flag_{i}\n"
            f"      - id: b\n        label: b\n        forecast: f\n")


def project(i: int) -> str:
    return (f"  - {{id: limit_project_{i}, name: P{i}, sector: heavy_industry, cost_bn: 1.0, years: 2, "
            f"earliest_year: 1929, capacity: {{steel: 0.01}}}}\n")


def build(root: Path) -> dict[str, tuple[Path, bool]]:
    """name -> (mod folder, expected to pass)."""
    cases: dict[str, tuple[Path, bool]] = {}

    def case(name: str, files: dict[str, str], passes: bool) -> None:
        folder = root / f"limits_{len(cases)}"
        manifest(folder, folder.name)
        for file, text in files.items():
            (folder / file).write_text(text, encoding="utf-8")
        cases[name] = (folder, passes)

    keys = yamlsource.MAX_KEYS - 1
    per_mod = yamlsource.MAX_TOTAL_VALUES // keys - 1
    case("past: 95,000 keys in one mapping (1.1 MB)",
         {"content.yaml": "texts:\n" + "".join(f"  k{i}: v\n" for i in range(95_000))}, False)
    case("past: a list of 199,000 items", {"content.yaml": "notes: [" + ",".join(["1"] * 199_000) + "]\n"}, False)
    case("past: a list of 1,000,000 items (2 MB)",
         {"content.yaml": "notes: [" + ",".join(["1"] * 1_000_000) + "]\n"}, False)
    case(f"at: {per_mod * keys:,} keys over {per_mod} files, all unknown",
         {f"c{i}.yaml": "".join(f"x{i}_{j}: 1\n" for j in range(keys)) for i in range(per_mod)}, False)
    case(f"at: {per_mod} files of {keys:,} texts", {f"t{i}.yaml": texts(keys, f"t{i}") for i in range(per_mod)}, True)
    case(f"past: {per_mod + 2} files of {keys:,} texts",
         {f"t{i}.yaml": texts(keys, f"t{i}") for i in range(per_mod + 2)}, False)
    events = schema.MAX_EVENTS - BUNDLED_EVENTS
    half = events // 2
    case(f"at: {events} more events with 400-character triggers",
         {f"e{k}.yaml": "events:\n" + "".join(card(k * half + i) for i in range(half)) for k in range(2)}, True)
    case(f"at: {schema.MAX_PROJECTS - 13} more projects",
         {"p.yaml": "projects:\n" + "".join(project(i) for i in range(schema.MAX_PROJECTS - 13))}, True)
    return cases


def many_mods(root: Path) -> list[Path]:
    """MAX_MODS mods that hold MAX_TOTAL_VALUES values together."""
    folders = []
    each = yamlsource.MAX_TOTAL_VALUES // mods.MAX_MODS - 20  # a manifest holds some values too
    for index in range(mods.MAX_MODS):
        folder = root / f"many_{index}"
        manifest(folder, folder.name)
        parts = -(-each // (yamlsource.MAX_KEYS - 1))  # a mapping holds at most MAX_KEYS keys
        for part in range(parts):
            (folder / f"content{part}.yaml").write_text(texts(each // parts, f"m{index}.{part}"), encoding="utf-8")
        folders.append(folder)
    return folders


def timed(work: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def main() -> int:
    with tempfile.TemporaryDirectory() as temp:
        cases = build(Path(temp))
        print(f"{'mod':58} {'size':>9} {'validate':>9} {'simulate':>9}  outcome")
        worst = 0.0
        for name, (folder, passes) in cases.items():
            size = sum(p.stat().st_size for p in folder.iterdir())
            seconds, report = timed(lambda f=folder: validate_paths([f]))
            outcome = "clean" if not report.errors else f"refused ({report.errors[0].code})"
            line = f"{name:58} {size / 1e6:7.2f}MB {seconds:8.2f}s"
            worst = max(worst, seconds)
            if passes and not report.errors:
                played, _ = timed(lambda f=folder: run_policy(prepare("great_turn", "historical", mods=[f],
                                                                       user_mods=False), seed=1))
                worst = max(worst, played)
                line += f" {played:8.2f}s"
            else:
                line += f" {'-':>9}"
            print(f"{line}  {outcome}{'' if (not report.errors) == passes else '  UNEXPECTED'}")
        folders = many_mods(Path(temp) / "many")
        seconds, loaded = timed(lambda: load_with_mods("great_turn", [Path(temp) / "many"]))
        played, _ = timed(lambda: run_policy(prepare("great_turn", "historical", mods=folders, user_mods=False), seed=1))
        worst = max(worst, seconds, played)
        print(f"{f'at: {mods.MAX_MODS} mods together, {yamlsource.MAX_TOTAL_VALUES:,} values':58} {'':9} "
              f"{seconds:8.2f}s {played:8.2f}s  {len(loaded.mods)} loaded, {len(loaded.errors)} errors")
        print(f"slowest: {worst:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
