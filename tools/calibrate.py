"""Calibration: search the [cal] parameters of a scenario for the best fit to history.

    python tools/calibrate.py --evals 4000 --out /tmp/calibrated.yaml

It scores the historical policy against the benchmarks in scenarios/reference/history.yaml
(the same ones tests/model/test_calibration.py asserts, with margins) and the behaviour of the
counterfactual policies, then runs a (1+1) evolution strategy over the parameters listed in
SEARCH. It prints the loss and writes the best parameter values; copying them into the scenario
is a human decision. Deterministic for a given --seed.
"""

from __future__ import annotations

import argparse
import copy
import math
import random
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.headless.simulator import pick_choice  # noqa: E402
from game.scenario.document import assemble  # noqa: E402
from game.scenario.policy import directives_by_year, load_policy  # noqa: E402
from game.scenario.schema import Scenario  # noqa: E402
from game.session import Session  # noqa: E402

# (dotted path in the scenario, low, high)
SEARCH = [
    ("parameters.agriculture.base_yield_t_ha", 0.70, 0.95),
    ("parameters.agriculture.draft_elasticity", 0.05, 0.35),
    ("parameters.agriculture.labour_elasticity", 0.03, 0.30),
    ("parameters.agriculture.area_per_collectivization", 0.0, 0.15),
    ("parameters.agriculture.area_per_mechanisation", 0.0, 0.20),
    ("parameters.agriculture.disruption_per_forced_share", 0.10, 0.60),
    ("parameters.agriculture.disruption_per_dekulakization", 0.0, 0.08),
    ("parameters.agriculture.disruption_recovery", 0.20, 0.60),
    ("parameters.agriculture.collective_incentive_loss", 0.0, 0.10),
    ("parameters.agriculture.procurement_incentive_loss", 0.0, 0.50),
    ("parameters.agriculture.capital_yield_gain", 0.0, 0.25),
    ("parameters.agriculture.capital_half_saturation_bn", 5.0, 40.0),
    ("parameters.livestock.cattle_growth", 0.10, 0.30),
    ("parameters.livestock.horse_growth", 0.02, 0.12),
    ("parameters.livestock.cattle_slaughter_per_forced_share", 0.2, 1.0),
    ("parameters.livestock.horse_slaughter_per_forced_share", 0.1, 0.8),
    ("parameters.livestock.dekulakization_slaughter", 0.0, 0.10),
    ("parameters.livestock.neglect_loss_per_disruption", 0.0, 0.30),
    ("parameters.livestock.cattle_starvation_loss", 0.1, 0.5),
    ("parameters.livestock.horse_starvation_loss", 0.1, 0.6),
    ("parameters.livestock.herd_shock_memory", 0.2, 0.7),
    ("parameters.livestock.horses_replaced_per_tractor_k", 0.0, 0.02),
    ("parameters.food.subsistence_t", 0.18, 0.26),
    ("parameters.food.sigma_base", 0.08, 0.25),
    ("parameters.food.sigma_per_procurement_squeeze", 0.2, 1.5),
    ("parameters.food.sigma_per_disruption", 0.2, 2.0),
    ("parameters.food.sigma_per_herd_loss", 0.2, 1.5),
    ("parameters.food.normal_hunger_share", 0.01, 0.08),
    ("parameters.food.famine_mortality", 0.1, 1.5),
    ("parameters.food.famine_exponent", 1.0, 2.5),
    ("parameters.food.rural_full_ration_t", 0.20, 0.27),
    ("parameters.food.feed_cut_exponent", 1.0, 3.0),
    ("parameters.food.peasant_stock_cap_mt", 2.0, 12.0),
    ("parameters.food.procurement_cap_base", 0.15, 0.30),
    ("parameters.food.procurement_cap_per_collectivization", 0.10, 0.35),
    ("parameters.population.urban_jobs_per_resident", 0.40, 0.60),
    ("parameters.population.rural_jobs_per_resident", 0.02, 0.06),
    ("parameters.population.relsol_1928", 1.2, 1.8),
    ("parameters.population.recruitment_share", 0.3, 1.0),
    ("parameters.population.people_per_recruit", 1.2, 2.5),
    ("parameters.population.dekulakization_flight", 0.0, 0.015),
    ("parameters.population.famine_labour_loss", 0.2, 1.0),
    ("parameters.industry.products.pig_iron.capital_cost_bn", 0.6, 3.0),
    ("parameters.industry.products.steel.capital_cost_bn", 0.5, 2.5),
    ("parameters.industry.products.coal.capital_cost_bn", 0.05, 0.3),
    ("parameters.industry.products.oil.capital_cost_bn", 0.3, 2.0),
    ("parameters.industry.products.electricity.capital_cost_bn", 0.3, 2.0),
    ("parameters.industry.products.machinery.capital_cost_bn", 0.5, 2.0),
    ("parameters.industry.products.tractors.capital_cost_bn", 0.02, 0.12),
    ("parameters.industry.products.consumer_goods.capital_cost_bn", 0.8, 3.0),
    ("parameters.industry.products.machinery.labour_m_per_unit", 0.1, 0.5),
    ("parameters.industry.products.consumer_goods.labour_m_per_unit", 0.1, 0.4),
    ("parameters.industry.labour_elasticity", 0.3, 0.9),
    ("parameters.industry.hoarding_gain", 0.0, 0.2),
    ("parameters.industry.mobilisation_gain", 0.0, 0.3),
    ("parameters.industry.strain_waste", 0.0, 0.1),
    ("parameters.industry.construction_bn_per_worker", 6.0, 15.0),
    ("parameters.industry.services_bn_per_urban_m", 0.8, 1.6),
    ("parameters.industry.construction_value_share", 0.2, 0.6),
    ("parameters.industry.defense_conversion_rate", 1.0, 4.0),
    ("parameters.industry.defense_conversion_threshold", 0.10, 0.25),
] + [(f"historical_weather.{y}", 0.75, 1.3) for y in range(1928, 1942)]

WEATHER_STEP = 0.04  # weather moves little from the historically shaped values


def get(data: dict, path: str):
    node = data
    for part in path.split("."):
        node = node[int(part) if part.isdigit() else part]
    return node


def put(data: dict, path: str, value: float) -> None:
    parts = path.split(".")
    node = data
    for part in parts[:-1]:
        node = node[int(part) if part.isdigit() else part]
    last = parts[-1]
    node[int(last) if last.isdigit() else last] = value


def band(x: float, lo: float, hi: float, mid: float, soft: float = 0.05) -> float:
    """Zero-ish inside [lo, hi]; grows fast outside; a gentle pull toward mid."""
    x = max(x, 1e-9)
    outside = max(0.0, math.log(lo / x), math.log(x / hi))
    return 40.0 * outside ** 2 + 40.0 * outside + soft * math.log(x / mid) ** 2


def play(data: dict, policy_name: str) -> list[dict[str, float]] | None:
    """A policy's records with its event deck, cards answered as the policy says."""
    scenario = Scenario.model_validate(data)
    world = scenario.world()
    policy, path = load_policy(policy_name)
    directives = directives_by_year(policy, world, path)
    session = Session(world, _deck(scenario), seed=0)
    while not session.finished:
        for event in session.begin_year():
            session.choose(event.id, pick_choice(policy, event, 0, session.year))
        session.play_year(directives[session.year])
    return session.records if session.game.ending == "completed" else None


_DECK = []  # the deck does not change while parameters are searched: compile it once


def _deck(scenario: Scenario):
    if not _DECK:
        _DECK.append(scenario.deck())
    return _DECK[0]


def loss(data: dict, history: dict) -> float:
    records = play(data, "historical")
    if records is None:
        return 1e6
    by_year = {int(r["year"]): r for r in records}
    total = 0.0
    grain = history["grain"]
    for year in range(1928, 1941):
        low, rev = grain["harvest_low_estimate_mt"][year], grain["harvest_revised_mt"][year]
        total += band(by_year[year]["grain_harvest_mt"], low * 0.93, rev * 1.07, (low + rev) / 2, 1.0)
    industry = history["industry"]
    for key in ("steel_mt", "pig_iron_mt", "coal_mt", "oil_mt", "electricity_bn_kwh"):
        for year in (1932, 1937, 1940):
            value = industry[key][year][0]
            total += band(by_year[year][key], value * 0.89, value * 1.11, value, 1.0)
    first = sum(by_year[y]["tractors_k"] for y in range(1929, 1933))
    second = sum(by_year[y]["tractors_k"] for y in range(1933, 1938))
    total += band(first, 82, 120, 100.4) + band(second, 370, 520, 444.1)
    total += band(by_year[1933]["cattle_m"], 32, 44, 38.4) + band(by_year[1938]["cattle_m"], 57, 70, 63.2)
    famine = sum(by_year[y]["famine_deaths_m"] for y in (1931, 1932, 1933))
    total += 3 * band(famine, 5.0, 8.0, 6.3, 1.0)
    for year, r in by_year.items():
        if year not in (1931, 1932, 1933):
            total += 20 * max(0.0, r["famine_deaths_m"] - 0.2) ** 2 * 100
    total += band(by_year[1939]["urban_population_m"], 51, 61, 56.1, 1.0)
    workers = history["population"]["workers_and_employees_m"]["values"]
    for year in (1932, 1937, 1940):
        total += band(by_year[year]["workers_employees_m"], workers[year] * 0.85, workers[year] * 1.15, workers[year], 1.0)
    allen = history["growth_and_living_standards"]["nonagricultural_value_added_bn_1937_rubles"]["values"]
    for year in (1932, 1937, 1939):
        total += band(by_year[year]["nonag_value_added_bn"], allen[year] * 0.89, allen[year] * 1.11, allen[year], 1.0)
    executions = by_year[1937]["executions_k"] + by_year[1938]["executions_k"]
    total += band(executions, 450, 850, 680)
    # softer: horses, wages, GDP per head
    total += 0.3 * band(by_year[1933]["horses_m"], 14, 20, 16.6)
    total += 0.3 * band(by_year[1937]["tractors_k"], 40, 65, 51.0)
    total += 0.3 * band(by_year[1940]["tractors_k"], 24, 40, 31.6)
    total += 0.3 * band(by_year[1932]["urban_real_wage_index"], 40, 65, 50)
    total += 0.3 * band(by_year[1940]["urban_real_wage_index"], 40, 70, 52)
    gdp = history["growth_and_living_standards"]["gdp_per_capita_2011_dollars"]["values"]
    for year in (1932, 1937, 1940):
        total += 0.3 * band(by_year[year]["gdp_per_capita"], gdp[year] * 0.85, gdp[year] * 1.15, gdp[year])
    total += behaviour_loss(data, by_year)
    return total


def behaviour_loss(data: dict, historical: dict[int, dict]) -> float:
    hist_steel = historical[1937]["steel_mt"]
    hist_famine = sum(r["famine_deaths_m"] for r in historical.values())
    total = 0.0
    gentle = play(data, "gentle")
    if gentle is None:
        return 1e5
    total += 50 * max(0.0, sum(r["famine_deaths_m"] for r in gentle) - 0.3) ** 2
    total += 20 * max(0.0, 0.75 - _year(gentle, 1937)["steel_mt"] / hist_steel)
    nep = play(data, "nep")
    if nep is None:
        return 1e5
    total += 20 * max(0.0, _year(nep, 1937)["steel_mt"] / hist_steel - 0.6)
    maximal = play(data, "maximal")
    if maximal is not None:
        total += 5 * max(0.0, 1.2 - sum(r["famine_deaths_m"] for r in maximal) / hist_famine)
    return total


def _year(records: list[dict[str, float]], year: int) -> dict[str, float]:
    return next(r for r in records if int(r["year"]) == year)


def apply(document, values: dict[str, float]) -> None:
    """Rewrite each value where the scenario's files define it, keeping comments and layout."""
    edits: dict[str, dict[int, list[tuple[int, float]]]] = {}
    for dotted, value in values.items():
        path = tuple(int(p) if p.isdigit() else p for p in dotted.split("."))
        probe = path
        while probe not in document.origin:  # the file that wrote the nearest enclosing mapping
            probe = probe[:-1]
        source, source_path = document.origin[probe]
        line, col = source.locate(source_path + path[len(probe):])
        edits.setdefault(source.file, {}).setdefault(line, []).append((col, value))
    for file, by_line in edits.items():
        lines = Path(file).read_text(encoding="utf-8").split("\n")
        for line, changes in by_line.items():
            text = lines[line - 1]
            for col, value in sorted(changes, reverse=True):  # right to left keeps columns valid
                end = col - 1
                while end < len(text) and (text[end].isdigit() or text[end] in ".-+eE"):
                    end += 1
                text = text[: col - 1] + f"{value:g}" + text[end:]
            lines[line - 1] = text
        Path(file).write_text("\n".join(lines), encoding="utf-8")
        print(f"updated {file}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default=str(ROOT / "scenarios" / "great_turn.yaml"))
    parser.add_argument("--evals", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default=None, help="write the best values to this YAML file")
    parser.add_argument("--apply", action="store_true", help="write the best values into the scenario files")
    args = parser.parse_args()
    history = yaml.safe_load((ROOT / "scenarios" / "reference" / "history.yaml").read_text())
    document = assemble(Path(args.scenario))
    data = document.data
    rng = random.Random(args.seed)
    best = loss(data, history)
    print(f"start loss {best:.3f}")
    step = 0.15
    for i in range(args.evals):
        trial = copy.deepcopy(data)
        for path, lo, hi in rng.sample(SEARCH, k=rng.choice((1, 2, 3, 5))):
            width = (WEATHER_STEP * 2 if path.startswith("historical_weather") else (hi - lo)) * step
            value = min(hi, max(lo, get(trial, path) + rng.gauss(0.0, width)))
            put(trial, path, round(value, 4))
        try:
            score = loss(trial, history)
        except Exception:  # an invalid combination: skip it
            continue
        if score < best:
            best, data = score, trial
            print(f"{i:5d} loss {best:.3f}", flush=True)
    values = {path: get(data, path) for path, _, _ in SEARCH}
    if args.out:
        Path(args.out).write_text(yaml.safe_dump(values, sort_keys=False))
    if args.apply:
        apply(document, values)
    print(f"best loss {best:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
