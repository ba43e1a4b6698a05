"""Calibration report: the model's figures beside the historical benchmarks, as Markdown.

    python tools/calibration_report.py > /tmp/report.md

Plays the historical policy under the historical weather and prints, per benchmark group, the
model value, the historical value, the band tests/model/test_calibration.py allows and whether
the model is inside it; then the counterfactual behaviours tests/model/test_behaviour.py asserts.
The output is the "Calibration results" section of docs/MODEL.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.model import Game  # noqa: E402
from game.scenario import load_scenario  # noqa: E402
from game.scenario.policy import directives_by_year, load_policy  # noqa: E402

INDUSTRY = ("steel_mt", "pig_iron_mt", "coal_mt", "oil_mt", "electricity_bn_kwh")
FAMINE_YEARS = {1931, 1932, 1933}

Records = dict[int, dict[str, float]]
Row = tuple[str, str, str, str, bool]  # figure, model, history, allowed, inside


def play(world, name: str) -> Records:
    """A bundled policy played under the historical weather; records by year."""
    policy, path = load_policy(name)
    directives = directives_by_year(policy, world, path)
    game = Game(world, weather_mode="historical")
    for year in range(world.first_year, world.last_year + 1):
        if game.finished:
            break
        game.play_year(directives[year])
    return {int(r["year"]): r for r in game.records}


def total(records: Records, metric: str, years=None) -> float:
    return sum(r[metric] for y, r in records.items() if years is None or y in years)


def check(figure: str, model: float, history: str, allowed: str, ok: bool,
          fmt: str = ".1f") -> Row:
    return figure, f"{model:{fmt}}", history, allowed, ok


def near(figure: str, model: float, expected: float, rel: float, fmt: str = ".1f") -> Row:
    """Within a relative tolerance, as pytest.approx(expected, rel=rel)."""
    lo, hi = expected * (1 - rel), expected * (1 + rel)
    allowed = f"±{rel:.0%} ({lo:{fmt}}–{hi:{fmt}})"
    ok = abs(model - expected) <= rel * expected
    return check(figure, model, f"{expected:{fmt}}", allowed, ok, fmt)


def between(figure: str, model: float, history: str, lo: float, hi: float,
            fmt: str = ".1f") -> Row:
    return check(figure, model, history, f"{lo:{fmt}}–{hi:{fmt}}", lo <= model <= hi, fmt)


def table(title: str, rows: list[Row]) -> list[str]:
    lines = [f"### {title}", "", "| figure | model | history | allowed | inside |",
             "|---|---:|---:|---|:---:|"]
    lines += [f"| {f} | {m} | {h} | {a} | {'yes' if ok else '**no**'} |"
              for f, m, h, a, ok in rows]
    return lines + [""]


def benchmarks(rec: Records, hist: dict) -> list[tuple[str, list[Row]]]:
    """The figures tests/model/test_calibration.py asserts, with the same bands."""
    ind, grain, cost = hist["industry"], hist["grain"], hist["human_cost"]
    groups = [("Industrial output (Mt; electricity bn kWh)", [
        near(f"{m} {y}", rec[y][m], ind[m][y][0], 0.15)
        for m in INDUSTRY for y in (1932, 1937, 1940)])]

    plans = {"first_plan_1929_1932": range(1929, 1933), "second_plan_1933_1937": range(1933, 1938)}
    groups.append(("Tractors built per plan (thousand 15-hp units)", [
        near(key, total(rec, "tractors_k", set(years)), ind["tractors_total"][key][0] / 1000,
             0.25, ".0f")
        for key, years in plans.items()]))

    rows = []
    for y in range(1928, 1941):
        low, revised = grain["harvest_low_estimate_mt"][y], grain["harvest_revised_mt"][y]
        rows.append(between(f"{y}", rec[y]["grain_harvest_mt"], f"{low:g} / {revised:g}",
                            low * 0.9, revised * 1.1))
    groups.append(("Real grain harvest (Mt; history = low estimate / revised figure; "
                   "allowed = low x 0.9 to revised x 1.1)", rows))

    rows = []
    for y in range(1933, 1941):
        real, reported = rec[y]["grain_harvest_mt"], rec[y]["grain_harvest_reported_mt"]
        rows.append(check(f"{y}", reported, f"{grain['harvest_official_mt'][y]:g}",
                          f"≥ real harvest ({real:.1f})", reported >= real))
    groups.append(("Reported harvest from 1933 (Mt; history = official figure)", rows))

    cattle = hist["livestock"]["cattle_summer_m"]["values"]
    groups.append(("Cattle (million, summer count)", [
        between("1933", rec[1933]["cattle_m"], f"{cattle[1933][0]}", 30.0, 45.0),
        check("1938", rec[1938]["cattle_m"], f"{cattle[1938][0]}", "> 55.0",
              rec[1938]["cattle_m"] > 55.0)]))

    low, high = cost["famine_1931_1933_excess_deaths_m"]["ussr_range"]
    others = {y: r["famine_deaths_m"] for y, r in rec.items() if y not in FAMINE_YEARS}
    worst = max(others, key=others.get)
    groups.append(("Famine excess deaths (million)", [
        between("1931–33 total", total(rec, "famine_deaths_m", FAMINE_YEARS), f"{low}–{high}",
                4.5, 8.5, ".2f"),
        check(f"worst other year ({worst})", others[worst], "–", "< 0.30", others[worst] < 0.3,
              ".2f")]))

    pop = hist["population"]
    workers = pop["workers_and_employees_m"]["values"]
    groups.append(("Population and labour (million)", [
        near("urban population 1939", rec[1939]["urban_population_m"],
             pop["census_1939"]["urban_m"][0], 0.12)]
        + [near(f"workers and employees {y}", rec[y]["workers_employees_m"], workers[y], 0.20)
           for y in (1932, 1937, 1940)]))

    allen = hist["growth_and_living_standards"]["nonagricultural_value_added_bn_1937_rubles"]
    groups.append(("Non-agricultural value added (bn 1937 rubles; Allen 2003)", [
        near(f"{y}", rec[y]["nonag_value_added_bn"], allen["values"][y], 0.15)
        for y in (1932, 1937, 1939)]))

    shot = cost["great_terror_1937_1938"]["shot"][0] / 1e6
    groups.append(("Executions in the Great Terror (million)", [
        between("1937–38 total", total(rec, "executions_k", {1937, 1938}) / 1000, f"{shot:.2f}",
                0.4, 0.9, ".2f")]))
    groups.append(("Game length", [
        check("last year played", max(rec), "1941", "1941", max(rec) == 1941, ".0f")]))
    return groups


def behaviour(world, rec: Records, hist: dict) -> list[str]:
    """The counterfactual behaviours tests/model/test_behaviour.py asserts."""
    steel = hist["industry"]["steel_mt"][1937][0]
    steel_text = f"history {steel}; historical run {rec[1937]['steel_mt']:.1f}"
    famine_low = hist["human_cost"]["famine_1931_1933_excess_deaths_m"]["ussr_range"][0]
    famine = total(rec, "famine_deaths_m")
    gentle, nep, maximal = (play(world, name) for name in ("gentle", "nep", "maximal"))
    g_famine, g_steel = total(gentle, "famine_deaths_m"), gentle[1937]["steel_mt"]
    n_steel, m_famine = nep[1937]["steel_mt"], total(maximal, "famine_deaths_m")
    rows = [
        ("gentle", "famine deaths, all years (M)", f"{g_famine:.2f}",
         f"historical run {famine:.2f}", "< 0.5", g_famine < 0.5),
        ("gentle", "steel 1937 (Mt)", f"{g_steel:.1f}", steel_text,
         f"≥ 70% of history ({0.7 * steel:.1f})", g_steel >= 0.7 * steel),
        ("nep", "steel 1937 (Mt)", f"{n_steel:.1f}", steel_text,
         f"≤ 65% of history ({0.65 * steel:.1f})", n_steel <= 0.65 * steel),
        ("maximal", "famine deaths, all years (M)", f"{m_famine:.2f}",
         f"historical run {famine:.2f}", f"> historical run and > {famine_low}",
         m_famine > famine and m_famine > famine_low),
    ]
    lines = ["### Counterfactual policies (historical weather)", "",
             "| policy | figure | model | compared with | required | holds |",
             "|---|---|---:|---|---|:---:|"]
    lines += [f"| {p} | {f} | {m} | {c} | {r} | {'yes' if ok else '**no**'} |"
              for p, f, m, c, r, ok in rows]
    return lines


def main() -> int:
    scenario = load_scenario("great_turn")
    world = scenario.world()
    reference = ROOT / "scenarios" / "reference" / "history.yaml"
    hist = yaml.safe_load(reference.read_text(encoding="utf-8"))
    rec = play(world, "historical")
    groups = benchmarks(rec, hist)
    inside = sum(ok for _, rows in groups for *_, ok in rows)
    count = sum(len(rows) for _, rows in groups)
    lines = [f"Scenario `{scenario.id}` version {scenario.version}, historical policy, historical "
             f"weather: {inside} of {count} benchmark figures inside their bands.", ""]
    for title, rows in groups:
        lines += table(title, rows)
    lines += behaviour(world, rec, hist)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
