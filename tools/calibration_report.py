"""Calibration report: the model's figures beside history, as Markdown.

    python tools/calibration_report.py > /tmp/report.md

Plays the historical policy under the historical weather and the counterfactual policies, and
prints every check of game/headless/benchmarks.py (the same checks the calibration search and the
tests use), group by group: model, history, the allowed band, whether the model is inside, and
the error. Then how much of each year's harvest the model puts down to the weather and how much to
farming and policy. The output is the "Calibration results" section of docs/MODEL.md.
"""

from __future__ import annotations

import sys
from itertools import groupby
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.headless import benchmarks  # noqa: E402
from game.model import Game  # noqa: E402
from game.scenario import load_scenario  # noqa: E402


def _fmt(x: float) -> str:
    return f"{x:,.3g}" if abs(x) < 1000 else f"{x:,.0f}"


def _error(check: benchmarks.Check) -> str:
    try:
        expected = float(check.history.replace(",", ""))
    except ValueError:
        return ""
    return f"{100 * (check.model / expected - 1):+.0f} %" if expected else ""


def table(title: str, checks: list[benchmarks.Check]) -> list[str]:
    lines = [f"### {title}", "", "| figure | model | history | allowed | error | inside |",
             "|---|---:|---:|---|---:|:---:|"]
    lines += [f"| {c.figure} | {_fmt(c.model)} | {c.history} | {_fmt(c.low)}–{_fmt(c.high)} | {_error(c)} | "
              f"{'yes' if c.inside else '**no**'} |" for c in checks]
    return lines + [""]


def weather_attribution(world, deck, directives) -> list[str]:
    """Each year's harvest against the 1928 normal: the part the weather explains (the same game
    with that year's weather average) and the rest (farming and policy)."""
    p = world.params.agriculture
    normal = p.base_area_mha * p.base_yield_t_ha
    actual = benchmarks.play(world, deck, directives)
    lines = ["### The harvest: weather and policy", "",
             f"The 1928 normal is the harvest of the 1928 sown area at the 1928 yield in average weather "
             f"({normal:.1f} Mt). The weather's part is the year's harvest minus the same game's harvest with "
             "that one year's weather set to average in every region group; the rest is farming and policy "
             "(collectivization's disruption, draught power, labour, incentives, sown area, farm capital).", "",
             "| year | weather (south/east/centre) | harvest | with average weather | weather's part | "
             "farming and policy's part |", "|---|---|---:|---:|---:|---:|"]
    for year in sorted(actual):
        weather = dict(world.historical_weather)
        weather[year] = {group: "average" for group in weather[year]}
        calm = world.model_copy(update={"historical_weather": weather})
        flat = benchmarks.play(calm, deck, directives)
        h, h_avg = actual[year]["grain_harvest_mt"], flat[year]["grain_harvest_mt"]
        cats = "/".join(world.historical_weather[year][g] for g in ("south", "east", "centre"))
        lines.append(f"| {year} | {cats} | {h:.1f} | {h_avg:.1f} | {h - h_avg:+.1f} | {h_avg - normal:+.1f} |")
    return lines + [""]


def main() -> int:
    scenario = load_scenario("great_turn")
    world, deck = scenario.world(), scenario.deck()
    cache: dict = {}

    def policies(name: str):
        if name not in cache:
            cache[name] = benchmarks.policy_directives(world, name)
        return cache[name]

    runs = benchmarks.play_runs(world, deck, policies)
    checks = benchmarks.all_checks(runs)
    by_kind = {kind: [c for c in checks if c.kind == kind] for kind in ("benchmark", "series", "behaviour")}
    lines = [f"Scenario `{scenario.id}` version {scenario.version}, historical policy, historical weather: "
             f"{sum(c.inside for c in by_kind['benchmark'])} of {len(by_kind['benchmark'])} benchmark figures, "
             f"{sum(c.inside for c in by_kind['series'])} of {len(by_kind['series'])} figures of the other years "
             f"and {sum(c.inside for c in by_kind['behaviour'])} of {len(by_kind['behaviour'])} counterfactual "
             f"behaviours inside their bands.", ""]
    for kind, heading in (("benchmark", "Benchmarks"), ("series", "The years between the benchmarks"),
                          ("behaviour", "Counterfactual behaviour")):
        lines += [f"## {heading}", ""]
        for group, items in groupby(by_kind[kind], key=lambda c: c.group):
            lines += table(group, list(items))
    lines += weather_attribution(world, deck, policies("historical"))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    _ = Game  # the report plays games through benchmarks.play
    raise SystemExit(main())
