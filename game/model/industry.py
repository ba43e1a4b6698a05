"""Industry: investment through a construction pipeline, and output from capacity.

Investment money (in 1937 rubles) is what the plan sets aside, less what buying grain above the
1928 price costs; builders carry it out, and what they cannot is lost to unfinished sites.
Capacity comes on line after each product's lag (with the pipeline of works already under way in
1928), and new plant gives only part of its capacity while it is mastered (osvoenie).
Output = capacity x utilisation. Utilisation depends on labour (soft budgets let firms hire past
need, which adds a little), on target pressure (storming adds output at modest targets; the
strain of absurd ones brings waste and accidents that outweigh it), on the specialists the
security organs have taken, on inputs (pig iron needs coking coal, steel needs pig iron, machine
building and tanks need steel) and on the railways' capacity to move it all. Tanks are built to
the army's orders, as far as the arms works and their designers allow.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .effects import rate
from .params import INVESTMENT_SECTORS, DefenceParams, IndustryParams
from .portable_math import power
from .setup import Project, World
from .state import State

PRESSURE_CEILING = 2.0  # a plan twice beyond what capacity can give strains as much as any

TARGET_PRODUCT = {
    "steel_mt": "steel",
    "pig_iron_mt": "pig_iron",
    "coal_mt": "coal",
    "oil_mt": "oil",
    "electricity_bn_kwh": "electricity",
    "tractors_k": "tractors",
}


@dataclass(slots=True)
class Investment:
    ordered_bn: float
    premium_bn: float           # taken out of investment to pay for grain above the 1928 price
    imports_bn: float
    realised_bn: float
    unbuilt_bn: float
    by_sector: dict[str, float]
    light_industry_bn: float
    projects_finished: list[str]


def start_projects(state: State, projects: tuple[str, ...]) -> None:
    for project_id in projects:
        state.projects_building[project_id] = 1.0


def invest(state: State, rate_of_investment: float, split, construction_m: float, imports_bn: float,
           premium_bn: float, world: World) -> Investment:
    """Turn the year's investment into capacity due in later years.

    Money needs builders: what the construction labour cannot carry out is lost to unfinished
    sites and inflation. Flagship projects are paid first from their sector's money.
    """
    p = world.params.industry
    planned = rate_of_investment * state.national_income_bn
    ordered = max(0.0, planned - premium_bn) + imports_bn
    buildable = construction_m * p.construction_bn_per_worker * rate(state, "construction")
    realised = min(ordered, buildable)
    scale = realised / ordered if ordered > 0 else 0.0
    domestic = max(0.0, planned - premium_bn)
    by_sector = {}
    finished: list[str] = []
    building: dict[str, list[Project]] = {}  # the projects under way, by the sector paying for them
    for project_id in state.projects_building:
        project = world.project(project_id)
        if project is not None:
            building.setdefault(project.sector, []).append(project)
    for sector in INVESTMENT_SECTORS:
        money = domestic * split.share(sector)
        if sector == "heavy_industry":
            money += imports_bn
        money *= scale
        by_sector[sector] = money
        if sector in building:
            money = _fund_projects(state, building[sector], money, finished)
        for product, share in p.sectors.get(sector, {}).items():
            amount = money * share
            if product == "farm_capital":
                state.farm_capital_bn += amount
                continue
            params = p.products[product]
            state.pipeline[product][params.lag_years - 1] += amount / params.capital_cost_bn
    return Investment(ordered, premium_bn, imports_bn, realised, ordered - realised, by_sector,
                      by_sector["light_industry"], finished)


def _fund_projects(state: State, projects: list[Project], money: float, finished: list[str]) -> float:
    """Pay this year's instalment of each of a sector's projects; return the money left."""
    for project in projects:
        project_id = project.id
        left = state.projects_building[project_id]
        # Projects planned around prisoner labour slow down when the camps cannot supply it.
        convicts = min(1.0, state.gulag_m / project.gulag_labour_m) if project.gulag_labour_m > 0 else 1.0
        instalment = min(project.cost_bn / project.years * convicts, left * project.cost_bn, money)
        money -= instalment
        left -= instalment / project.cost_bn
        if left <= 1e-9:
            del state.projects_building[project_id]
            state.projects_done.append(project_id)
            finished.append(project_id)
            state.urban_discontent = max(0.0, state.urban_discontent - project.discontent_relief)
            for product, amount in project.capacity.items():  # on line next year, then mastered
                state.pipeline[product][0] += amount
        else:
            state.projects_building[project_id] = left
    return money


def commission(state: State, p: IndustryParams) -> None:
    """Capacity due this year comes on line, to be mastered; old capacity wears out."""
    for product, pipe in state.pipeline.items():
        due = pipe.pop(0)
        pipe.append(0.0)
        params = p.products[product]
        state.capacity[product] = state.capacity[product] * (1.0 - params.depreciation) + due
        recent = state.new_capacity[product]
        recent.pop()
        recent.insert(0, due)
    state.farm_capital_bn *= 1.0 - p.agriculture_capital_depreciation


def mastered_capacity(state: State, p: IndustryParams) -> dict[str, float]:
    """Capacity less what new plant cannot yet give while it is being mastered, per product."""
    unmastered = p.unmastered
    new_capacity = state.new_capacity
    mastered = {}
    for product, capacity in state.capacity.items():
        for shortfall, added in zip(unmastered[product], new_capacity[product], strict=True):
            capacity -= shortfall * added
        mastered[product] = max(0.0, capacity)
    return mastered


def plan_path(state: State, world: World) -> dict[str, float]:
    """Output the plan wants this year, per targeted product: a geometric path from output before
    the plan to the target in its last year."""
    plan = world.plan_for(state.year)
    if plan is None or plan.id not in state.targets:
        return {}
    targets = state.targets[plan.id]
    base = state.plan_base.get(plan.id, {})
    progress = (state.year - plan.start + 1) / (plan.end - plan.start + 1)
    return {product: base[product] * power(targets[key] / base[product], progress)
            for key, product in TARGET_PRODUCT.items() if key in targets and base.get(product, 0) > 0}


def plan_pressure(path: dict[str, float], capacity: dict[str, float], world: World) -> float:
    """How far the plan's path for this year exceeds what capacity can give (0 = no pressure)."""
    p = world.params.industry
    pressures = [min(PRESSURE_CEILING, max(0.0, wanted / max(capacity[product] * p.base_utilisation, 1e-9) - 1.0))
                 for product, wanted in path.items()]
    return math.fsum(pressures) / len(pressures) if pressures else 0.0


def plan_fulfilment(path: dict[str, float], q: dict[str, float]) -> float:
    """Real output over the plan's path for this year (`plan_path`), averaged over targeted
    products (1 = on plan)."""
    ratios = [q[product] / wanted for product, wanted in path.items()]
    return math.fsum(ratios) / len(ratios) if ratios else 1.0


@dataclass(slots=True)
class Output:
    quantities: dict[str, float]
    utilisation: float
    labour_factor: float
    pressure: float
    efficiency: float
    freight_factor: float
    freight_demand: float
    arms_orders: float          # tanks the army's budget pays for
    plan_path: dict[str, float]  # what the plan asked of this year, per targeted product


def produce(state: State, factory_m: float, defence_bn: float, defense_share: float, grain_procured_mt: float,
            arrested_specialists: float, world: World) -> Output:
    p = world.params.industry
    dp = world.params.defence
    years = state.year - world.first_year
    learning = power(1.0 - p.labour_productivity_growth, years)
    capacity = mastered_capacity(state, p)
    need = math.fsum(capacity[prod] * p.products[prod].labour_m_per_unit for prod in capacity) * learning
    ratio = factory_m / need if need > 0 else 1.0
    if ratio < 1.0:
        labour_factor = power(ratio, p.labour_elasticity)
    else:
        labour_factor = 1.0 + p.hoarding_gain * (1.0 - 1.0 / ratio)

    path = plan_path(state, world)
    pressure = plan_pressure(path, capacity, world)
    state.strain = state.strain * (1.0 - p.strain_recovery) + p.strain_per_pressure * pressure * pressure
    efficiency = max(0.3, 1.0 - p.strain_waste * state.strain - state.specialist_loss)
    # Storming adds output up to a modest pressure; beyond it, only strain.
    storming = p.mobilisation_gain * min(pressure, p.max_pressure)
    utilisation = (p.base_utilisation * labour_factor * (1.0 + storming) * efficiency
                   * rate(state, "industrial_output"))

    q = {prod: cap * utilisation for prod, cap in capacity.items()}
    # Everything must be moved: short of freight capacity, output falls. The railways carry
    # what is asked of them, up to what their track and wagons can move.
    movable = capacity["freight"] * min(1.0, utilisation / p.base_utilisation)
    demand = (math.fsum(q[prod] * p.products[prod].freight_per_unit for prod in q if prod != "freight")
              + grain_procured_mt * p.grain_freight_per_mt)
    freight_factor = power(min(1.0, movable / demand), p.freight_elasticity) if demand > 0 else 1.0
    for prod in q:
        if prod != "freight":
            q[prod] *= freight_factor
    q["freight"] = min(movable, demand * freight_factor)
    q["pig_iron"] = min(q["pig_iron"], q["coal"] * p.coke_share_of_coal / p.coke_coal_per_pig_iron)
    q["steel"] = min(q["steel"], q["pig_iron"] * p.steel_per_pig_iron)
    arms = _arms(state, q, defence_bn, arrested_specialists, p, dp)
    q["tanks"] = arms[0]
    steel_left = max(0.0, q["steel"] - q["tanks"] * p.steel_t_per_tank * world.params.defence.tank_unit_cost.get(
        state.year, 1.0))
    if p.steel_t_per_machinery_bn > 0:
        q["machinery"] = min(q["machinery"], steel_left / p.steel_t_per_machinery_bn)
    q["consumer_goods"] *= rate(state, "consumer_goods")
    conversion = p.defense_conversion_rate * max(0.0, defense_share - p.defense_conversion_threshold)
    q["tractors"] *= max(0.0, 1.0 - conversion)
    state.tractors_k = state.tractors_k * (1.0 - p.tractor_scrap_rate) + q["tractors"]
    return Output(q, utilisation, labour_factor, pressure, efficiency, freight_factor, demand, arms[1], path)


def _arms(state: State, q: dict[str, float], defence_bn: float, arrested_specialists: float, p: IndustryParams,
          dp: DefenceParams) -> tuple[float, float]:
    """Tanks built: the army's orders, as far as the works allow, and this year's arrests of their
    designers and plant chiefs (a new model cannot go into production without them)."""
    # Capacity, prices and steel are in light tanks of the mid-1930s; a year's tanks cost `unit`.
    unit = dp.tank_unit_cost.get(state.year, 1.0)
    orders = defence_bn * dp.arms_share_of_defence * dp.tank_share_of_arms / (dp.tank_price_bn * unit)
    designers = max(0.0, 1.0 - p.arms_specialist_sensitivity * arrested_specialists)
    works = q["tanks"] * designers * rate(state, "arms_output") / unit
    steel_cap = q["steel"] / (p.steel_t_per_tank * unit) if p.steel_t_per_tank > 0 else works
    return max(0.0, min(orders, works, steel_cap)), orders


def update_specialists(state: State, repression: int, p: IndustryParams) -> float:
    """Engineers and managers taken by the security organs, and slowly replaced; returns this
    year's loss (the share of efficiency the year's arrests took)."""
    taken = p.specialist_loss_per_repression[repression]
    state.specialist_loss = state.specialist_loss * (1.0 - p.specialist_recovery) + taken
    return taken


def value_added_bn(q: dict[str, float], p: IndustryParams) -> float:
    return math.fsum(q[prod] * p.products[prod].value_added_bn for prod in q)
