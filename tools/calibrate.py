"""Calibration: search the [cal] parameters of a scenario for the best fit to history.

    python tools/calibrate.py --evals 4000            # search, print the loss and the changes
    python tools/calibrate.py --evals 4000 --apply    # ... and write them into the scenario files

It plays the historical policy and the counterfactual policies (game/headless/benchmarks.py: the
same checks the calibration tests assert and docs/MODEL.md reports), sums each check's miss
outside its band, and runs a (1+1) evolution strategy with a success-rule step size over the
parameters listed in SEARCH, with a gentle pull toward the starting values. The weather record
is not searched: it has no numbers, only categories with sources; its shared yield factors are.
Deterministic for a given --seed. Copying the result into the scenario is a human decision:
read the report (tools/calibration_report.py) before and after.
"""

from __future__ import annotations

import argparse
import copy
import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.headless import benchmarks  # noqa: E402
from game.model import World  # noqa: E402
from game.model.params import ModelParams  # noqa: E402
from game.model.setup import InitialState, Plan, Project  # noqa: E402
from game.scenario import load_scenario  # noqa: E402
from game.scenario.document import assemble  # noqa: E402

# (dotted path in the scenario, low, high)
SEARCH = [
    ("parameters.weather.factors.excellent", 1.1, 1.4),
    ("parameters.weather.factors.good", 1.0, 1.2),
    ("parameters.weather.factors.poor", 0.8, 0.97),
    ("parameters.weather.factors.drought", 0.6, 0.9),
    ("parameters.weather.factors.wet_blight", 0.7, 0.95),
    ("parameters.agriculture.base_yield_t_ha", 0.70, 0.90),
    ("parameters.agriculture.draft_elasticity", 0.0, 0.4),
    ("parameters.agriculture.labour_elasticity", 0.0, 0.3),
    ("parameters.agriculture.area_per_collectivization", 0.0, 0.2),
    ("parameters.agriculture.area_per_mechanisation", 0.0, 0.2),
    ("parameters.agriculture.disruption_per_forced_share", 0.05, 0.8),
    ("parameters.agriculture.disruption_per_dekulakization", 0.0, 0.1),
    ("parameters.agriculture.disruption_per_coercion", 0.0, 2.0),
    ("parameters.agriculture.disruption_recovery", 0.2, 0.7),
    ("parameters.agriculture.collective_incentive_loss", 0.0, 0.12),
    ("parameters.agriculture.capital_yield_gain", 0.0, 0.3),
    ("parameters.livestock.cattle_growth", 0.05, 0.45),
    ("parameters.livestock.cattle_capacity_m", 72.0, 100.0),
    ("parameters.livestock.horse_growth", 0.0, 0.15),
    ("parameters.livestock.cattle_slaughter_per_forced_share", 0.2, 2.0),
    ("parameters.livestock.horse_slaughter_per_forced_share", 0.1, 1.5),
    ("parameters.livestock.slaughter_lead", 0.3, 0.95),
    ("parameters.livestock.dekulakization_slaughter", 0.0, 0.12),
    ("parameters.livestock.neglect_loss_per_disruption", 0.0, 0.3),
    ("parameters.livestock.cattle_starvation_loss", 0.05, 0.5),
    ("parameters.livestock.horse_starvation_loss", 0.05, 0.6),
    ("parameters.livestock.herd_shock_memory", 0.1, 0.7),
    ("parameters.livestock.horses_replaced_per_tractor_k", 0.0, 0.03),
    ("parameters.food.loss_per_disruption", 0.0, 0.4),
    ("parameters.food.willing_sales_share", 0.2, 0.9),
    ("parameters.food.coercion_norm_adaptation", 0.05, 0.6),
    ("parameters.food.coercion_cap_base", 0.02, 0.2),
    ("parameters.food.coercion_cap_per_collectivization", 0.1, 0.7),
    ("parameters.food.coercion_cap_per_repression", 0.0, 0.08),
    ("parameters.food.sigma_base", 0.08, 0.25),
    ("parameters.food.sigma_per_coercion", 0.0, 4.0),
    ("parameters.food.sigma_per_disruption", 0.0, 2.0),
    ("parameters.regions.flight_share", 0.02, 0.5),
    ("parameters.regions.flight_survival", 0.2, 0.8),
    ("parameters.regions.herd_requisition_loss", 0.3, 1.0),
    ("parameters.regions.settlement_slaughter", 0.0, 1.0),
    ("parameters.regions.herd_loss_spread", 0.0, 3.0),
    ("parameters.regions.quota_follows_harvest", 0.0, 1.0),
    ("parameters.regions.regions.kazakhstan.herd_food_weight", 1.0, 5.0),
    ("parameters.food.normal_hunger_share", 0.01, 0.08),
    ("parameters.food.famine_mortality", 0.05, 2.0),
    ("parameters.food.famine_exponent", 1.0, 2.5),
    ("parameters.food.feed_cut_exponent", 1.0, 3.0),
    ("parameters.population.urban_jobs_per_resident", 0.35, 0.65),
    ("parameters.population.rural_jobs_per_resident", 0.02, 0.07),
    ("parameters.population.passport_brake", 0.0, 0.6),
    ("parameters.population.relsol_1928", 1.2, 2.5),
    ("parameters.population.labour_scarcity_pull", 0.0, 3.0),
    ("parameters.population.push_per_forced_share", 0.0, 0.25),
    ("parameters.population.dekulakization_flight", 0.0, 0.03),
    ("parameters.population.famine_flight", 0.0, 0.2),
    ("parameters.population.orgnabor_per_collectivization", 0.0, 0.03),
    ("parameters.population.famine_labour_loss", 0.2, 1.2),
    ("parameters.industry.products.pig_iron.capital_cost_bn", 1.121, 1.942),
    ("parameters.industry.products.steel.capital_cost_bn", 0.632, 1.095),
    ("parameters.industry.products.coal.capital_cost_bn", 0.1168, 0.2025),
    ("parameters.industry.products.oil.capital_cost_bn", 0.3353, 0.5812),
    ("parameters.industry.products.electricity.capital_cost_bn", 0.4134, 0.7166),
    ("parameters.industry.products.machinery.capital_cost_bn", 1.5, 2.6),
    ("parameters.industry.products.tractors.capital_cost_bn", 0.09, 0.156),
    ("parameters.industry.products.tanks.capital_cost_bn", 0.0001, 0.004),
    ("parameters.industry.products.coal.freight_per_unit", 0.3, 1.2),
    ("parameters.industry.products.freight.depreciation", 0.0, 0.06),
    ("parameters.industry.products.consumer_goods.capital_cost_bn", 0.6695, 1.161),
    ("parameters.industry.products.freight.capital_cost_bn", 0.03, 0.4),
    ("parameters.industry.products.machinery.labour_m_per_unit", 0.1, 0.5),
    ("parameters.industry.products.consumer_goods.labour_m_per_unit", 0.1, 0.4),
    ("parameters.industry.products.consumer_goods.freight_per_unit", 0.5, 4.0),
    ("parameters.industry.labour_elasticity", 0.25, 0.45),  # at 0.8 capacity hardly mattered (MODEL.md: Industry)
    ("parameters.industry.hoarding_gain", 0.0, 0.2),
    ("parameters.industry.mobilisation_gain", 0.0, 0.6),
    ("parameters.industry.max_pressure", 0.1, 0.8),
    ("parameters.defence.tank_price_bn", 0.00005, 0.0004),
    ("parameters.industry.products.tanks.depreciation", 0.02, 0.3),
    ("parameters.industry.sectors.defense.tanks", 0.1, 0.8),
    ("parameters.industry.strain_per_pressure", 0.05, 3.0),
    ("parameters.industry.strain_waste", 0.0, 0.4),
    ("parameters.industry.arms_specialist_sensitivity", 0.0, 4.0),
    ("parameters.industry.construction_bn_per_worker", 5.0, 18.0),
    ("parameters.industry.freight_elasticity", 0.0, 1.0),
    ("parameters.industry.services_bn_per_urban_m", 0.6, 1.8),
    ("parameters.industry.construction_value_share", 0.1, 0.6),
    ("parameters.industry.defense_conversion_rate", 0.5, 5.0),
    ("parameters.industry.defense_conversion_threshold", 0.08, 0.3),
    ("parameters.defence.tank_share_of_arms", 0.03, 0.4),
    ("parameters.politics.camp_share.1", 0.2, 0.9),
    ("parameters.politics.camp_share.2", 0.3, 1.0),
    ("parameters.politics.camp_share.3", 0.5, 1.0),
    ("parameters.politics.gulag_release_rate.1", 0.05, 0.4),
    ("parameters.politics.court_camp_rate.1", 0.0, 0.005),
    ("parameters.politics.court_camp_rate.2", 0.0, 0.005),
    ("parameters.politics.court_camp_rate.3", 0.0, 0.005),
    ("parameters.food.famine_depletion", 0.0, 10.0),
    ("parameters.food.famine_deaths_next_year_share", 0.5, 0.85),
    ("parameters.politics.gulag_release_rate.2", 0.02, 0.3),
    ("parameters.politics.settler_arrival_death_rate", 0.01, 0.2),
    ("parameters.politics.settler_death_rate", 0.0, 0.1),
    ("parameters.politics.settler_famine_death_rate", 0.0, 1.0),
    ("parameters.politics.deportation_rate", 0.3, 1.5),
    ("parameters.economy.usd_2011_per_ruble_1937", 1.5, 3.5),
    ("parameters.economy.other_agriculture_bn", 5.0, 25.0),
] + [(f"initial_state.pipeline.{product}.{i}", 0.0, hi)
     for product, hi, n in (("pig_iron", 2.5, 4), ("steel", 2.5, 4), ("coal", 12.0, 2), ("oil", 6.0, 2),
                            ("electricity", 4.0, 3), ("freight", 30.0, 2)) for i in range(n)]

PULL = 0.5   # weight of the pull toward the starting values (per unit of the range, squared)


def get(data: dict, path: str):
    node = data
    for part in path.split("."):
        node = node[int(part) if part.isdigit() else part]
    return node


COMPLEMENTS = {"parameters.industry.sectors.defense.tanks": "parameters.industry.sectors.defense.machinery"}
"""A share searched with the share that makes its sector's split sum to 1."""


def put(data: dict, path: str, value: float) -> None:
    if path in COMPLEMENTS:
        put(data, COMPLEMENTS[path], round(1.0 - value, 4))
    parts = path.split(".")
    node = data
    for part in parts[:-1]:
        node = node[int(part) if part.isdigit() else part]
    last = parts[-1]
    node[int(last) if last.isdigit() else last] = value


class Evaluator:
    """Plays the benchmark runs for a candidate set of scenario numbers."""

    def __init__(self, scenario_path: Path):
        scenario = load_scenario(scenario_path)
        self.template = scenario
        self.deck = scenario.deck()
        world = scenario.world()
        cache: dict[str, dict] = {}

        def policies(name: str):
            if name not in cache:
                cache[name] = benchmarks.policy_directives(world, name)
            return cache[name]

        self.policies = policies

    def world(self, data: dict) -> World:
        t = self.template
        return World(first_year=t.first_year, last_year=t.last_year,
                     params=ModelParams.model_validate(data["parameters"]),
                     initial=InitialState.model_validate(data["initial_state"]),
                     historical_weather={y: dict(w.regions) for y, w in t.historical_weather.items()},
                     plans=[Plan.model_validate(p) for p in data["plans"]],
                     projects=[Project.model_validate(p) for p in data["projects"]])

    def checks(self, data: dict) -> list[benchmarks.Check]:
        runs = benchmarks.play_runs(self.world(data), self.deck, self.policies)
        return benchmarks.all_checks(runs)


def loss(evaluator: Evaluator, data: dict, start: dict[str, float]) -> tuple[float, list]:
    try:
        checks = evaluator.checks(data)
    except (KeyError, ArithmeticError, ValueError):  # a candidate the model cannot play
        return math.inf, []
    pull = PULL * math.fsum(((get(data, p) - start[p]) / (hi - lo)) ** 2 for p, lo, hi in SEARCH)
    return math.fsum(c.loss() for c in checks) + pull, checks


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
                text = text[: col - 1] + f"{value:.4g}" + text[end:]
            lines[line - 1] = text
        Path(file).write_text("\n".join(lines), encoding="utf-8")
        print(f"updated {file}")


def search(evaluator: Evaluator, data: dict, evals: int, seed: int) -> tuple[dict, float]:
    rng = random.Random(seed)
    start = {p: float(get(data, p)) for p, _, _ in SEARCH}
    best, checks = loss(evaluator, data, start)
    print(f"start loss {best:.3f}; outside: {', '.join(c.figure for c in checks if not c.inside)}", flush=True)
    step = 0.08
    successes = stalled = 0
    for i in range(1, evals + 1):
        trial = copy.deepcopy(data)
        chosen = rng.sample(SEARCH, k=rng.choice((1, 2, 3, 4, 6)))
        for path, lo, hi in chosen:
            value = min(hi, max(lo, get(trial, path) + rng.gauss(0.0, (hi - lo) * step)))
            put(trial, path, float(f"{value:.4g}"))
        score, trial_checks = loss(evaluator, trial, start)
        if score < best:
            best, data, checks = score, trial, trial_checks
            successes += 1
            print(f"{i:5d} loss {best:.3f} step {step:.3f} ({', '.join(p for p, _, _ in chosen)})", flush=True)
        if i % 50 == 0:  # the one-fifth success rule, and a restart when the step has collapsed
            step = min(0.25, step * 1.3) if successes > 10 else max(0.005, step * 0.8)
            stalled = stalled + 1 if successes == 0 else 0
            if stalled >= 4:
                step, stalled = 0.06, 0
            successes = 0
    print(f"outside: {', '.join(f'{c.figure} ({c.model:.3g} vs {c.history})' for c in checks if not c.inside)}")
    return data, best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default=str(ROOT / "scenarios" / "great_turn.yaml"))
    parser.add_argument("--evals", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--apply", action="store_true", help="write the best values into the scenario files")
    args = parser.parse_args()
    document = assemble(Path(args.scenario))
    evaluator = Evaluator(Path(args.scenario))
    data, best = search(evaluator, document.data, args.evals, args.seed)
    values = {path: get(data, path) for path, _, _ in SEARCH}
    values.update({c: get(data, c) for p, c in COMPLEMENTS.items()})
    changed = {p: v for p, v in values.items() if v != get(document.data, p)}
    for path, value in changed.items():
        print(f"  {path}: {get(document.data, path)} -> {value}")
    if args.apply:
        apply(document, changed)
    print(f"best loss {best:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
