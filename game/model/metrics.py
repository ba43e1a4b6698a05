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

import operator
from collections.abc import Callable
from dataclasses import dataclass

from .setup import TARGET_KEYS
from .weather import GRADE

INDEX = "1928 = 100"
UP, DOWN, NEITHER = 1, -1, 0


@dataclass(frozen=True, slots=True)
class Metric:
    name: str
    description: str
    # How the resolved year yields it: an attribute path ("grain.exports_mt"), or a function.
    read: str | Callable[[object], float]
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
    Metric("consumer_goods_index", "Consumer goods output, 1928 = 100", "consumer_goods_index",
           "Consumer goods", INDEX, 0, UP, target="consumer_goods_index"),
    _reported("steel_mt", "steel_reported_mt"),
    _reported("pig_iron_mt", "pig_iron_reported_mt"),
    _reported("coal_mt", "coal_reported_mt"),
    _reported("oil_mt", "oil_reported_mt"),
    _reported("electricity_bn_kwh", "electricity_reported_bn_kwh"),
    _reported("tractors_k", "tractors_reported_k"),
    Metric("industrial_utilisation", "Output as a share of capacity", "output.utilisation",
           "Use of capacity", "%", 0),
    Metric("plan_pressure", "How far the plan's path exceeds capacity (0 = none)", "output.pressure",
           "Plan pressure", "", 2),
    Metric("plan_fulfilment", "Real output against what the plan's path asked of this year, averaged over "
           "its targets (100 % = on the path); not the reported share of the plan's final targets",
           "plan_fulfilment", "This year's plan met (real)", "%", 0, UP),
    Metric("investment_rate", "Share of national income invested (the directive)",
           "directives.investment_rate", "Investment rate", "%", 0),
    Metric("repression_level", "Repression ordered: 0 lenient, 1 normal, 2 harsh, 3 terror",
           lambda y: float(y.directives.repression), "Repression", "", 0),
    Metric("dekulakization", "1 in a year of dekulakization, else 0",
           lambda y: 1.0 if y.directives.dekulakization else 0.0, "Dekulakization", "", 0),
    Metric("forced_collectivization", "Share of households collectivized faster than the voluntary pace",
           "forced", "Forced collectivization", "%", 0, DOWN),
    Metric("labour_factor", "Effect of industrial labour on output (1 = enough)", "output.labour_factor",
           "Industrial labour", "", 2),
    Metric("industrial_efficiency", "Efficiency left after strain and lost specialists (1 = full)",
           "output.efficiency", "Industrial efficiency", "%", 0, UP),
    Metric("investment_bn", "Investment ordered, billion 1937 rubles", "investment.ordered_bn",
           "Investment", "bn rubles", 0),
    Metric("unbuilt_investment_bn", "Investment lost for want of builders, billion 1937 rubles",
           "investment.unbuilt_bn", "Investment unbuilt", "bn rubles", 1, DOWN),
    Metric("machinery_imports_bn", "Machinery bought abroad with grain, billion 1937 rubles",
           "imports_bn", "Machinery imports", "bn rubles", 2),
    Metric("grain_purchase_premium_bn", "Investment spent on buying grain above the 1928 price, billion 1937 rubles",
           "investment.premium_bn", "Paid for grain above the 1928 price", "bn rubles", 2),
    Metric("freight_bn_tkm", "Rail freight carried, billion tonne-km", _q("freight"), "Rail freight", "bn t-km", 0, UP),
    Metric("freight_shortage", "Share of output lost because the railways could not move it",
           lambda y: 1.0 - y.output.freight_factor, "Lost to the freight shortage", "%", 0, DOWN),
    Metric("army_m", "Men under arms, millions", "directives.army_m", "Army", "million", 2),
    Metric("defence_bn", "Defence budget, billion 1937 rubles", "defence_bn", "Defence budget",
           "bn rubles", 1),
    Metric("tank_orders", "Tanks the defence budget ordered", "output.arms_orders", "Tanks ordered", "", 0),
    # food and countryside
    Metric("grain_harvest_mt", "Real (barn) grain harvest, million tonnes", "crop.harvest_mt",
           "Grain harvest", "Mt", better=UP, reported="grain_harvest_reported_mt", target="grain_mt"),
    Metric("grain_harvest_reported_mt", "Grain harvest as reported", "reported_harvest_mt",
           "Grain harvest", "Mt", better=UP, reports="grain_harvest_mt"),
    Metric("grain_procurement_mt", "Grain procured by the state, million tonnes", "grain.procurement_mt",
           "Grain procured", "Mt", flow=True),
    Metric("grain_exports_mt", "Grain exported, million tonnes", "grain.exports_mt",
           "Grain exported", "Mt", flow=True),
    Metric("grain_reserve_mt", "State grain reserves carried into the next year, million tonnes",
           "grain.state_stock_out_mt", "State grain reserve", "Mt"),
    Metric("grain_stocks_peasant_mt", "Grain the villages carry into the next year, million tonnes",
           "grain.peasant_stock_out_mt", "Villages' grain stocks", "Mt"),
    Metric("grain_seed_mt", "Grain kept for seed, million tonnes", "grain.seed_mt", "Seed grain", "Mt"),
    Metric("grain_losses_mt", "Grain lost in the fields, threshing and storage, million tonnes",
           "grain.losses_mt", "Grain lost", "Mt", better=DOWN),
    Metric("grain_feed_mt", "Grain fed to animals, million tonnes", "grain.feed_mt", "Grain fed to animals", "Mt"),
    Metric("grain_village_food_mt", "Grain eaten in the villages, million tonnes", "grain.rural_food_mt",
           "Grain eaten in the villages", "Mt", better=UP),
    Metric("grain_private_sales_mt", "Grain peasants sold to the towns on the free market, million tonnes",
           "grain.private_sales_mt", "Sold on the free market", "Mt"),
    Metric("grain_army_mt", "State grain for the army and industry, million tonnes", "grain.army_mt",
           "Grain for the army", "Mt"),
    Metric("grain_towns_mt", "State grain rationed to the towns, million tonnes", "grain.towns_mt",
           "Grain for the towns", "Mt"),
    Metric("grain_towns_need_mt", "State grain the towns' rations need, million tonnes", "grain.urban_need_mt",
           "Towns' ration need", "Mt"),
    Metric("grain_relief_mt", "State grain sent back to the villages: sold in grain-deficit districts, lent as "
           "seed and food, million tonnes", "grain.relief_mt", "Back to the villages", "Mt", flow=True),
    Metric("grain_willing_sales_mt", "Grain peasants would sell the state willingly at its price, million tonnes",
           "grain.willing_sales_mt", "Offered willingly", "Mt"),
    Metric("grain_procurement_market_mt", "Grain the state bought from willing sellers, million tonnes",
           "grain.procurement_market_mt", "Bought willingly", "Mt", flow=True),
    Metric("grain_procurement_coerced_mt", "Grain the state took by force, million tonnes",
           "grain.procurement_coerced_mt", "Taken by force", "Mt", better=DOWN, flow=True),
    Metric("coerced_share", "Share of the harvest taken by force", "grain.coerced_share",
           "Harvest taken by force", "%", 0, DOWN),
    Metric("sown_area_mha", "Grain sown area, million hectares", "crop.area_mha", "Sown area",
           "million ha", 1),
    Metric("weather", "Weather yield factor (1 = average)", "weather", "Weather", "", 2),
    Metric("weather_south", "Weather in the south (Ukraine, North Caucasus): 0 drought, 1 poor, 2 average, 3 good, 4 excellent",
           lambda y: GRADE[y.categories["south"]], "Weather, south", "", 0),
    Metric("weather_east", "Weather in the east (Volga, Urals, Siberia, Kazakhstan): 0 drought ... 4 excellent",
           lambda y: GRADE[y.categories["east"]], "Weather, east", "", 0),
    Metric("weather_centre", "Weather in the centre (Black Earth, Centre, North-West, Belarus): 0 drought ... 4 excellent",
           lambda y: GRADE[y.categories["centre"]], "Weather, centre", "", 0),
    Metric("cattle_m", "Cattle, millions", "state.cattle_m", "Cattle", "million", better=UP),
    Metric("horses_m", "Horses, millions", "state.horses_m", "Horses", "million", better=UP),
    Metric("tractor_fleet_k", "Tractors in use, thousands", "state.tractors_k", "Tractors in use",
           "thousand", better=UP),
    Metric("collectivization", "Share of households in collective farms", "state.collectivization",
           "In collective farms", "%", 0),
    Metric("food_per_head_rural_t", "Food per rural person, tonnes of grain equivalent",
           "grain.rural_food_per_head_t", "Food per villager", "t", 2, UP),
    Metric("share_below_subsistence", "Share of rural people below subsistence",
           "grain.share_below_subsistence", "Below subsistence", "%", 0, DOWN),
    Metric("feed_ratio", "Grain fed to animals as a share of their need", "grain.feed_ratio",
           "Feed for animals", "%", 0, UP),
    Metric("urban_food_per_head_t", "Food per town dweller, tonnes of grain equivalent",
           "grain.urban_food_per_head_t", "Food per town dweller", "t", 2, UP),
    Metric("urban_hunger", "Share of the towns' food missing below subsistence (0 = none)",
           "grain.urban_hunger", "Hunger in the towns", "%", 0, DOWN),
    Metric("relsol", "Town over village standard of living (Allen's relsol)", "living.relsol",
           "Town over village living", "", 2),
    Metric("farm_disruption", "Disruption of farming (0 = none)", "state.disruption",
           "Farm disruption", "", 2, DOWN),
    # people
    Metric("population_m", "Population, millions", "state.population_m", "Population", "million"),
    Metric("urban_population_m", "Urban population, millions", "state.urban_m", "Town dwellers", "million"),
    Metric("rural_population_m", "Rural population, millions", "state.rural_m", "Villagers", "million"),
    Metric("workers_employees_m", "Workers and employees outside farming, millions", "labour.nonfarm_m",
           "Workers, employees", "million"),
    Metric("labour_demand_m", "Non-farm jobs the state ordered filled, millions", "labour.ordered_nonfarm_m",
           "Jobs ordered", "million"),
    Metric("unfilled_jobs_m", "Non-farm jobs ordered that no one arrived to fill, millions",
           "labour.unfilled_m", "Jobs unfilled", "million", 2),
    Metric("urban_unemployed_m", "Town dwellers of working age without a job, millions",
           "labour.urban_unemployed_m", "Unemployed in the towns", "million", 2, DOWN),
    Metric("migrants_m", "Villagers who moved to town, millions", "migration.migrants_m", "Moved to town",
           "million", 2, flow=True),
    Metric("migrants_drawn_m", "Villagers drawn to town by its better living (Allen's relsol), millions",
           lambda y: y.migration.pull * y.migration.share_moved * y.migration.rural_m, "Drawn by town wages",
           "million", 2, flow=True),
    Metric("migrants_pushed_m", "Villagers pushed out by forced collectivization, millions",
           lambda y: y.migration.push_collectivization * y.migration.share_moved * y.migration.rural_m,
           "Pushed out by collectivization", "million", 2, flow=True),
    Metric("migrants_fled_m", "Villagers who fled dekulakization or famine, millions",
           lambda y: (y.migration.flight_dekulakization + y.migration.flight_famine) * y.migration.share_moved
           * y.migration.rural_m, "Fled", "million", 2, flow=True),
    Metric("migrants_recruited_m", "Villagers recruited from the collective farms (orgnabor), millions",
           lambda y: y.migration.recruited * y.migration.share_moved * y.migration.rural_m, "Recruited",
           "million", 2, flow=True),
    Metric("migrants_held_back_m", "Villagers the passport system kept from moving, millions",
           lambda y: y.migration.braked * y.migration.rural_m, "Held back by passports", "million", 2, flow=True),
    Metric("nonag_value_added_bn", "Non-agricultural value added, billion 1937 rubles", "nonag_bn",
           "Non-farm value added", "bn rubles", 0, UP),
    Metric("national_income_bn", "National income, billion 1937 rubles", "living.national_income_bn",
           "National income", "bn rubles", 0, UP),
    Metric("gdp_per_capita", "GDP per head, 2011 dollars", "living.gdp_per_capita_usd",
           "GDP per head (2011 dollars)", "$", 0, UP),
    Metric("consumption_per_capita_index", "Consumption per head, 1928 = 100",
           "living.consumption_per_capita_index", "Consumption per head", INDEX, 0, UP),
    Metric("urban_real_wage_index", "Urban real wage, 1928 = 100", "living.urban_real_wage_index",
           "Urban real wage", INDEX, 0, UP),
    Metric("rural_living_index", "Rural consumption per head, 1928 = 100", "living.rural_living_index",
           "Rural living", INDEX, 0, UP),
    # state and human cost
    Metric("unrest", "Visible unrest (0 calm, 1 revolt)", "unrest", "Unrest", "%", 0, DOWN),
    Metric("peasant_unrest", "Peasant unrest", "state.peasant_unrest", "Peasant unrest", "%", 0, DOWN),
    Metric("urban_discontent", "Urban discontent", "state.urban_discontent", "Urban discontent", "%", 0,
           DOWN),
    Metric("fear", "Fear", "state.fear", "Fear", "%", 0, DOWN),
    Metric("famine_deaths_m", "Excess deaths from famine, millions", "famine_deaths_m", "Famine deaths",
           "people", 0, DOWN, flow=True),
    Metric("urban_famine_deaths_m", "Excess deaths from hunger in the towns, millions (part of famine deaths)",
           "urban_famine_deaths_m", "Hunger deaths in towns", "people", 0, DOWN, flow=True),
    Metric("famine_deaths_coming_m", "Deaths the last harvest has set in motion for the coming spring, millions",
           "state.famine_deaths_pending_m", "Famine deaths to come", "people", 0, DOWN),
    Metric("deported_m", "People deported as kulaks, millions", "repression.deported_m", "Deported",
           "people", 0, DOWN, flow=True),
    Metric("special_settlers_m", "Special settlers at year end, millions", "state.special_settlers_m",
           "Special settlers", "people", 0, DOWN),
    Metric("deportation_deaths_k", "Deaths among deportees, thousands",
           lambda y: y.repression.settler_deaths_m * 1000.0, "Died in deportation", "thousand", 1, DOWN, flow=True),
    Metric("arrests_k", "Arrests by the security organs, thousands", lambda y: y.repression.arrests_m * 1000.0,
           "Arrests", "thousand", 1, DOWN, flow=True),
    Metric("executions_k", "Executions, thousands", lambda y: y.repression.executions_m * 1000.0, "Executions",
           "thousand", 1, DOWN, flow=True),
    Metric("gulag_m", "Prisoners in camps and colonies at year end, millions", "state.gulag_m",
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


_PATH_NAMES = ("year", *(m.name for m in TABLE if isinstance(m.read, str)))
# Every attribute path in one call: a record is read every year, and a forecast's 100 times.
_READ_PATHS = operator.attrgetter("year", *(m.read for m in TABLE if isinstance(m.read, str)))
_COMPUTED = tuple((m.name, m.read) for m in TABLE if not isinstance(m.read, str))
_RECORD = dict.fromkeys((*_PATH_NAMES, *(name for name, _read in _COMPUTED)), 0.0)


def record_of(year) -> dict[str, float]:
    """The year's record: every metric of the table, read off the resolved year (the metrics read
    by a path first, then the computed ones; the record is looked up by name, never in order)."""
    record = _RECORD.copy()  # every key in place already: filling it in never resizes the dict
    record.update(zip(_PATH_NAMES, map(float, _READ_PATHS(year)), strict=True))
    for name, read in _COMPUTED:
        record[name] = float(read(year))
    return record
