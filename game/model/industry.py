"""Industry: investment through a construction pipeline, and output from capacity.

Output = capacity x utilisation. Utilisation depends on labour (soft budgets let firms hire past
need, which adds a little), on target pressure (storming raises output for a while, then strain
brings waste), on the specialists the security organs have taken, and on inputs: pig iron needs
coking coal, steel needs pig iron, machine building needs steel.
"""

from __future__ import annotations

from dataclasses import dataclass

from .directives import Directives
from .effects import rate
from .params import INVESTMENT_SECTORS, IndustryParams
from .setup import World
from .state import State

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
    imports_bn: float
    realised_bn: float
    unbuilt_bn: float
    by_sector: dict[str, float]
    light_industry_bn: float
    projects_finished: list[str]


def start_projects(state: State, d: Directives) -> None:
    for project_id in d.projects:
        state.projects_building[project_id] = 1.0


def invest(state: State, d: Directives, construction_m: float, imports_bn: float,
           world: World) -> Investment:
    """Turn the year's investment into capacity due in later years.

    Money needs builders: what the construction labour cannot carry out is lost to unfinished
    sites and inflation. Flagship projects are paid first from their sector's money.
    """
    p = world.params.industry
    ordered = d.investment_rate * state.national_income_bn + imports_bn
    buildable = construction_m * p.construction_bn_per_worker * rate(state, "construction")
    realised = min(ordered, buildable)
    scale = realised / ordered if ordered > 0 else 0.0
    by_sector = {}
    finished: list[str] = []
    for sector in INVESTMENT_SECTORS:
        money = d.investment_rate * state.national_income_bn * d.investment_split.share(sector)
        if sector == "heavy_industry":
            money += imports_bn
        money *= scale
        by_sector[sector] = money
        money = _fund_projects(state, sector, money, world, finished)
        for product, share in p.sectors.get(sector, {}).items():
            amount = money * share
            if product == "farm_capital":
                state.farm_capital_bn += amount
                continue
            params = p.products[product]
            state.pipeline[product][params.lag_years - 1] += amount / params.capital_cost_bn
    return Investment(ordered, imports_bn, realised, ordered - realised, by_sector,
                      by_sector["light_industry"], finished)


def _fund_projects(state: State, sector: str, money: float, world: World, finished: list[str]) -> float:
    """Pay this year's instalment of each project of the sector; return the money left."""
    for project_id in list(state.projects_building):
        project = world.project(project_id)
        if project is None or project.sector != sector:
            continue
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
            # A new plant is mastered over two years (osvoenie): half its capacity each year.
            for product, amount in project.capacity.items():
                pipe = state.pipeline[product]
                pipe[0] += amount / 2
                if len(pipe) > 1:
                    pipe[1] += amount / 2
                else:
                    pipe[0] += amount / 2
        else:
            state.projects_building[project_id] = left
    return money


def commission(state: State, p: IndustryParams) -> None:
    """Capacity due this year comes on line; old capacity wears out."""
    for product, pipe in state.pipeline.items():
        due = pipe.pop(0)
        pipe.append(0.0)
        params = p.products[product]
        state.capacity[product] = state.capacity[product] * (1.0 - params.depreciation) + due
    state.farm_capital_bn *= 1.0 - p.agriculture_capital_depreciation

def plan_pressure(state: State, world: World) -> tuple[float, dict[str, float]]:
    """How far the plan's path for this year exceeds what capacity can give (0 = no pressure).

    The plan path runs geometrically from output before the plan to the target in its last year.
    """
    plan = world.plan_for(state.year)
    if plan is None or plan.id not in state.targets:
        return 0.0, {}
    targets = state.targets[plan.id]
    base = state.plan_base.get(plan.id, {})
    p = world.params.industry
    progress = (state.year - plan.start + 1) / (plan.end - plan.start + 1)
    pressures = {}
    for key, product in TARGET_PRODUCT.items():
        if key not in targets or product not in base or base[product] <= 0:
            continue
        planned = base[product] * (targets[key] / base[product]) ** progress
        potential = state.capacity[product] * p.base_utilisation
        pressures[product] = min(p.max_pressure, max(0.0, planned / max(potential, 1e-9) - 1.0))
    if not pressures:
        return 0.0, {}
    return sum(pressures.values()) / len(pressures), pressures


def plan_fulfilment(state: State, q: dict[str, float], world: World) -> float:
    """Real output over the plan's path for this year, averaged over targeted products (1 = on plan).

    Called after the year's resolution; state.year is still the year resolved.
    """
    plan = world.plan_for(state.year)
    if plan is None or plan.id not in state.targets:
        return 1.0
    targets, base = state.targets[plan.id], state.plan_base.get(plan.id, {})
    progress = (state.year - plan.start + 1) / (plan.end - plan.start + 1)
    ratios = [q[product] / (base[product] * (targets[key] / base[product]) ** progress)
              for key, product in TARGET_PRODUCT.items()
              if key in targets and base.get(product, 0) > 0]
    return sum(ratios) / len(ratios) if ratios else 1.0


@dataclass(slots=True)
class Output:
    quantities: dict[str, float]
    utilisation: float
    labour_factor: float
    pressure: float
    efficiency: float


def produce(state: State, d: Directives, factory_m: float, world: World) -> Output:
    p = world.params.industry
    years = state.year - world.first_year
    learning = (1.0 - p.labour_productivity_growth) ** years
    need = sum(state.capacity[prod] * p.products[prod].labour_m_per_unit for prod in state.capacity) * learning
    ratio = factory_m / need if need > 0 else 1.0
    if ratio < 1.0:
        labour_factor = ratio ** p.labour_elasticity
    else:
        labour_factor = 1.0 + p.hoarding_gain * (1.0 - 1.0 / ratio)

    pressure, _ = plan_pressure(state, world)
    state.strain = state.strain * (1.0 - p.strain_recovery) + pressure
    state.specialist_loss = (state.specialist_loss * (1.0 - p.specialist_recovery)
                             + p.specialist_loss_per_repression[d.repression])
    efficiency = max(0.3, 1.0 - p.strain_waste * state.strain - state.specialist_loss)
    utilisation = (p.base_utilisation * labour_factor * (1.0 + p.mobilisation_gain * pressure) * efficiency
                   * rate(state, "industrial_output"))

    q = {prod: cap * utilisation for prod, cap in state.capacity.items()}
    q["pig_iron"] = min(q["pig_iron"], q["coal"] * p.coke_share_of_coal / p.coke_coal_per_pig_iron)
    q["steel"] = min(q["steel"], q["pig_iron"] * p.steel_per_pig_iron)
    if p.steel_t_per_machinery_bn > 0:
        q["machinery"] = min(q["machinery"], q["steel"] / p.steel_t_per_machinery_bn)
    q["consumer_goods"] *= rate(state, "consumer_goods")
    conversion = p.defense_conversion_rate * max(0.0, d.investment_split.defense - p.defense_conversion_threshold)
    q["tractors"] *= max(0.0, 1.0 - conversion)
    state.tractors_k = state.tractors_k * (1.0 - p.tractor_scrap_rate) + q["tractors"]
    return Output(q, utilisation, labour_factor, pressure, efficiency)


def value_added_bn(q: dict[str, float], p: IndustryParams) -> float:
    return sum(q[prod] * p.products[prod].value_added_bn for prod in q)
