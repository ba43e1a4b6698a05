"""The metrics recorded for every year: one table, from which everything else is derived.

Each row says what a metric is (its description), how it is shown (a short label, a unit, the
digits, whether up is good news), whether it is a flow (summed over the years) or a level, which
reported figure the regime printed for it, which plan target it measures, and how the year's
resolution yields it (`read`, over the `Year` that year.py assembles). The year's record, the
simulator's JSON, the names conditions may read, the window's rows and the debrief's tables all
come from this table, so a metric is added here (and in the mechanism that computes it) and
nowhere else.

Labels and units are English message ids: the window translates them where it shows them.
Units: "Mt", "bn kWh", "thousand", "million", "%" (a share 0..1, shown as a percentage),
"people" (millions of people, shown in words), INDEX ("1928 = 100"), "t", "$", "bn rubles",
"" (a count or a plain number).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .setup import TARGET_KEYS

INDEX = "1928 = 100"
UP, DOWN, NEITHER = 1, -1, 0


@dataclass(frozen=True, slots=True)
class Metric:
    name: str
    description: str
    read: Callable[[object], float]
    label: str = ""
    unit: str = ""
    digits: int = 1
    better: int = NEITHER          # UP: higher is good news; DOWN: lower is; NEITHER
    flow: bool = False             # summed over the years played (deaths, output built)
    reported: str | None = None    # the metric holding what the regime reported of this one
    reports: str | None = None     # on a reported figure: the real metric it reports
    target: str | None = None      # the plan target key this metric fulfils


def _q(product: str) -> Callable[[object], float]:
    return lambda y: y.output.quantities[product]


def _reported(real: str, name: str) -> Metric:
    """What the regime reported of an output: inflated by plan pressure and fear."""
    base = next(m for m in _REAL_OUTPUTS if m.name == real)
    return Metric(name, f"{base.description}, as reported", lambda y, r=real: y.reported_output(r),
                  base.label, base.unit, base.digits, base.better, base.flow, reports=real)


_REAL_OUTPUTS = (
    Metric("steel_mt", "Steel output, million tonnes", _q("steel"), "Steel", "Mt", better=UP,
           reported="steel_reported_mt", target="steel_mt"),
    Metric("pig_iron_mt", "Pig iron output, million tonnes", _q("pig_iron"), "Pig iron", "Mt", better=UP,
           reported="pig_iron_reported_mt", target="pig_iron_mt"),
    Metric("coal_mt", "Coal output, million tonnes", _q("coal"), "Coal", "Mt", 0, UP,
           reported="coal_reported_mt", target="coal_mt"),
    Metric("oil_mt", "Oil output, million tonnes", _q("oil"), "Oil", "Mt", better=UP,
           reported="oil_reported_mt", target="oil_mt"),
    Metric("electricity_bn_kwh", "Electricity generated, billion kWh", _q("electricity"), "Electricity",
           "bn kWh", better=UP, reported="electricity_reported_bn_kwh", target="electricity_bn_kwh"),
    Metric("tractors_k", "Tractors built, thousands (15-hp units)", _q("tractors"), "Tractors built",
           "thousand", better=UP, flow=True, reported="tractors_reported_k", target="tractors_k"),
)

TABLE: tuple[Metric, ...] = (
    # industry
    *_REAL_OUTPUTS,
    Metric("machinery_bn", "Machine-building output, billion 1937 rubles", _q("machinery"), "Machine building",
           "bn rubles", better=UP),
    Metric("tanks", "Tanks built", _q("tanks"), "Tanks built", "", 0, NEITHER, flow=True),
    Metric("consumer_goods_index", "Consumer goods output, 1928 = 100", lambda y: y.consumer_goods_index,
           "Consumer goods", INDEX, 0, UP, target="consumer_goods_index"),
    _reported("steel_mt", "steel_reported_mt"),
    _reported("pig_iron_mt", "pig_iron_reported_mt"),
    _reported("coal_mt", "coal_reported_mt"),
    _reported("oil_mt", "oil_reported_mt"),
    _reported("electricity_bn_kwh", "electricity_reported_bn_kwh"),
    _reported("tractors_k", "tractors_reported_k"),
    Metric("industrial_utilisation", "Output as a share of capacity", lambda y: y.output.utilisation,
           "Use of capacity", "%", 0),
    Metric("plan_pressure", "How far the plan's path exceeds capacity (0 = none)", lambda y: y.output.pressure,
           "Plan pressure", "", 2),
    Metric("plan_fulfilment", "Real output over the plan's path for the year, averaged (1 = on plan)",
           lambda y: y.plan_fulfilment, "Plan fulfilment (real)", "%", 0, UP),
    Metric("investment_rate", "Share of national income invested (the directive)",
           lambda y: y.directives.investment_rate, "Investment rate", "%", 0),
    Metric("repression_level", "Repression ordered: 0 lenient, 1 normal, 2 harsh, 3 terror",
           lambda y: float(y.directives.repression), "Repression", "", 0),
    Metric("dekulakization", "1 in a year of dekulakization, else 0",
           lambda y: 1.0 if y.directives.dekulakization else 0.0, "Dekulakization", "", 0),
    Metric("forced_collectivization", "Share of households collectivized faster than the voluntary pace",
           lambda y: y.forced, "Forced collectivization", "%", 0, DOWN),
    Metric("labour_factor", "Effect of industrial labour on output (1 = enough)", lambda y: y.output.labour_factor,
           "Industrial labour", "", 2),
    Metric("industrial_efficiency", "Efficiency left after strain and lost specialists (1 = full)",
           lambda y: y.output.efficiency, "Industrial efficiency", "%", 0, UP),
    Metric("investment_bn", "Investment ordered, billion 1937 rubles", lambda y: y.investment.ordered_bn,
           "Investment", "bn rubles", 0),
    Metric("unbuilt_investment_bn", "Investment lost for want of builders, billion 1937 rubles",
           lambda y: y.investment.unbuilt_bn, "Investment unbuilt", "bn rubles", 1, DOWN),
    Metric("machinery_imports_bn", "Machinery bought abroad with grain, billion 1937 rubles",
           lambda y: y.imports_bn, "Machinery imports", "bn rubles", 2),
    # food and countryside
    Metric("grain_harvest_mt", "Real (barn) grain harvest, million tonnes", lambda y: y.crop.harvest_mt,
           "Grain harvest", "Mt", better=UP, reported="grain_harvest_reported_mt", target="grain_mt"),
    Metric("grain_harvest_reported_mt", "Grain harvest as reported", lambda y: y.reported_harvest_mt,
           "Grain harvest", "Mt", better=UP, reports="grain_harvest_mt"),
    Metric("grain_procurement_mt", "Grain procured by the state, million tonnes", lambda y: y.grain.procurement_mt,
           "Grain procured", "Mt", flow=True),
    Metric("grain_exports_mt", "Grain exported, million tonnes", lambda y: y.grain.exports_mt,
           "Grain exported", "Mt", flow=True),
    Metric("grain_reserve_mt", "State grain reserves at year end, million tonnes", lambda y: y.state.state_reserve_mt,
           "State grain reserve", "Mt"),
    Metric("sown_area_mha", "Grain sown area, million hectares", lambda y: y.crop.area_mha, "Sown area",
           "million ha", 1),
    Metric("weather", "Weather yield factor (1 = average)", lambda y: y.weather, "Weather", "", 2),
    Metric("cattle_m", "Cattle, millions", lambda y: y.state.cattle_m, "Cattle", "million", better=UP),
    Metric("horses_m", "Horses, millions", lambda y: y.state.horses_m, "Horses", "million", better=UP),
    Metric("tractor_fleet_k", "Tractors in use, thousands", lambda y: y.state.tractors_k, "Tractors in use",
           "thousand", better=UP),
    Metric("collectivization", "Share of households in collective farms", lambda y: y.state.collectivization,
           "In collective farms", "%", 0),
    Metric("food_per_head_rural_t", "Food per rural person, tonnes of grain equivalent",
           lambda y: y.grain.rural_food_per_head_t, "Food per villager", "t", 2, UP),
    Metric("share_below_subsistence", "Share of rural people below subsistence",
           lambda y: y.grain.share_below_subsistence, "Below subsistence", "%", 0, DOWN),
    Metric("feed_ratio", "Grain fed to animals as a share of their need", lambda y: y.grain.feed_ratio,
           "Feed for animals", "%", 0, UP),
    Metric("urban_food_per_head_t", "Food per town dweller, tonnes of grain equivalent",
           lambda y: y.grain.urban_food_per_head_t, "Food per town dweller", "t", 2, UP),
    Metric("relsol", "Town over village standard of living (Allen's relsol)", lambda y: y.living.relsol,
           "Town over village living", "", 2),
    Metric("farm_disruption", "Disruption of farming (0 = none)", lambda y: y.state.disruption,
           "Farm disruption", "", 2, DOWN),
    # people
    Metric("population_m", "Population, millions", lambda y: y.state.population_m, "Population", "million"),
    Metric("urban_population_m", "Urban population, millions", lambda y: y.state.urban_m, "Town dwellers", "million"),
    Metric("rural_population_m", "Rural population, millions", lambda y: y.state.rural_m, "Villagers", "million"),
    Metric("workers_employees_m", "Workers and employees outside farming, millions", lambda y: y.labour.nonfarm_m,
           "Workers, employees", "million"),
    Metric("migrants_m", "Villagers who moved to town, millions", lambda y: y.migrants_m, "Moved to town",
           "million", 2, flow=True),
    Metric("nonag_value_added_bn", "Non-agricultural value added, billion 1937 rubles", lambda y: y.nonag_bn,
           "Non-farm value added", "bn rubles", 0, UP),
    Metric("national_income_bn", "National income, billion 1937 rubles", lambda y: y.living.national_income_bn,
           "National income", "bn rubles", 0, UP),
    Metric("gdp_per_capita", "GDP per head, 2011 dollars", lambda y: y.living.gdp_per_capita_usd,
           "GDP per head (2011 dollars)", "$", 0, UP),
    Metric("consumption_per_capita_index", "Consumption per head, 1928 = 100",
           lambda y: y.living.consumption_per_capita_index, "Consumption per head", INDEX, 0, UP),
    Metric("urban_real_wage_index", "Urban real wage, 1928 = 100", lambda y: y.living.urban_real_wage_index,
           "Urban real wage", INDEX, 0, UP),
    Metric("rural_living_index", "Rural consumption per head, 1928 = 100", lambda y: y.living.rural_living_index,
           "Rural living", INDEX, 0, UP),
    # state and human cost
    Metric("unrest", "Visible unrest (0 calm, 1 revolt)", lambda y: y.unrest, "Unrest", "%", 0, DOWN),
    Metric("peasant_unrest", "Peasant unrest", lambda y: y.state.peasant_unrest, "Peasant unrest", "%", 0, DOWN),
    Metric("urban_discontent", "Urban discontent", lambda y: y.state.urban_discontent, "Urban discontent", "%", 0,
           DOWN),
    Metric("fear", "Fear", lambda y: y.state.fear, "Fear", "%", 0, DOWN),
    Metric("famine_deaths_m", "Excess deaths from famine, millions", lambda y: y.famine_deaths_m, "Famine deaths",
           "people", 0, DOWN, flow=True),
    Metric("deported_m", "People deported as kulaks, millions", lambda y: y.repression.deported_m, "Deported",
           "people", 0, DOWN, flow=True),
    Metric("special_settlers_m", "Special settlers at year end, millions", lambda y: y.state.special_settlers_m,
           "Special settlers", "people", 0, DOWN),
    Metric("deportation_deaths_k", "Deaths among deportees, thousands",
           lambda y: y.repression.settler_deaths_m * 1000.0, "Died in deportation", "thousand", 1, DOWN, flow=True),
    Metric("arrests_k", "Arrests by the security organs, thousands", lambda y: y.repression.arrests_m * 1000.0,
           "Arrests", "thousand", 1, DOWN, flow=True),
    Metric("executions_k", "Executions, thousands", lambda y: y.repression.executions_m * 1000.0, "Executions",
           "thousand", 1, DOWN, flow=True),
    Metric("gulag_m", "Prisoners in camps and colonies at year end, millions", lambda y: y.state.gulag_m,
           "Prisoners in camps", "people", 0, DOWN),
    Metric("gulag_deaths_k", "Deaths in camps and colonies, thousands", lambda y: y.repression.gulag_deaths_m * 1000.0,
           "Died in camps", "thousand", 1, DOWN, flow=True),
)

BY_NAME: dict[str, Metric] = {m.name: m for m in TABLE}
if len(BY_NAME) != len(TABLE):
    raise ValueError("two metrics share a name")

METRICS: dict[str, str] = {m.name: m.description for m in TABLE}
"""Metric name -> description, in the table's order."""

PER_YEAR_FLOWS: tuple[str, ...] = tuple(m.name for m in TABLE if m.flow)
"""Metrics that are flows; their totals over the game are meaningful."""

REPORTED: dict[str, str] = {m.name: m.reported for m in TABLE if m.reported}
"""Real metric -> the metric holding what the regime reported of it."""

TARGET_METRIC: dict[str, str] = {key: m.name for key in TARGET_KEYS for m in TABLE if m.target == key}
"""Plan target key -> the metric that measures it, in the order of the plan's targets."""
if set(TARGET_METRIC) != set(TARGET_KEYS):
    raise ValueError(f"plan targets without a metric: {sorted(set(TARGET_KEYS) - set(TARGET_METRIC))}")


def record_of(year) -> dict[str, float]:
    """The year's record: every metric of the table, read off the resolved year."""
    return {"year": float(year.year), **{m.name: float(m.read(year)) for m in TABLE}}
