"""The model's parameters: every number the simulation uses, read from scenario YAML.

These pydantic models are the contract between the simulation and the scenario files. Every
number is a strict, finite number (no text, no yes/no, no .inf or .nan) inside the range the
mechanisms can take: a share stays within 0..1, an elasticity or a rate within what keeps the
model's arithmetic finite. Each field carries a description, which the modding documentation
and the JSON Schema reuse. Nothing here reads files.
"""

from __future__ import annotations

import math
from functools import cached_property
from typing import Annotated, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, model_validator


def number(low: float, high: float, above: bool = False):
    """A strict finite float in [low, high] (or (low, high] with `above`)."""
    bounds = {"gt": low} if above else {"ge": low}
    return Annotated[float, Field(**bounds, le=high, strict=True, allow_inf_nan=False)]


Share = number(0.0, 1.0)
NonNegative = number(0.0, 1e6)        # a quantity or a coefficient that cannot be negative
Positive = number(0.0, 1e6, above=True)
Elasticity = number(0.0, 3.0)
Factor = number(0.0, 5.0, above=True)
PerLevel = Annotated[list[Share], Field(min_length=4, max_length=4)]
Year = Annotated[int, Field(ge=1900, le=2000, strict=True)]

PRODUCTS = (
    "pig_iron",
    "steel",
    "coal",
    "oil",
    "electricity",
    "machinery",
    "tractors",
    "tanks",
    "consumer_goods",
    "freight",
)
"""Industrial products with a capacity stock. Units: Mt, Mt, Mt, Mt, bn kWh, bn 1937 rubles of
output, thousand tractors, tanks, bn 1937 rubles of output, bn tonne-km of rail freight."""

INVESTMENT_SECTORS = ("heavy_industry", "light_industry", "agriculture", "transport_power", "defense")

ProductName = Literal[
    "pig_iron", "steel", "coal", "oil", "electricity", "machinery", "tractors", "tanks", "consumer_goods", "freight"
]
SectorName = Literal["heavy_industry", "light_industry", "agriculture", "transport_power", "defense"]
SectorUse = Literal[
    "pig_iron", "steel", "coal", "oil", "electricity", "machinery", "tractors", "tanks", "consumer_goods",
    "freight", "farm_capital",
]
WeatherCategory = Literal["excellent", "good", "average", "poor", "drought", "wet_blight"]
WEATHER_CATEGORIES = ("excellent", "good", "average", "poor", "drought", "wet_blight")
WEATHER_SCALE = ("drought", "poor", "average", "good", "excellent")
"""Categories from worst to best, for random weather that moves a region group one step."""


class Strict(BaseModel):
    """Base for parameter groups: unknown keys are errors, values are immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class PopulationParams(Strict):
    labour_participation: number(0.1, 0.9) = Field(
        description="Labour force (full-time equivalents) as a share of the whole population."
    )
    birth_rate_rural: number(0.0, 0.1) = Field(description="Births per rural resident per year.")
    birth_rate_urban: number(0.0, 0.1) = Field(description="Births per urban resident per year.")
    death_rate_rural: number(0.0, 0.1) = Field(description="Ordinary (non-famine) deaths per rural resident per year.")
    death_rate_urban: number(0.0, 0.1) = Field(description="Ordinary deaths per urban resident per year.")
    urban_jobs_per_resident: number(0.1, 0.9) = Field(
        description="Town dwellers who can take a wage job, per resident (the urban labour force)."
    )
    rural_jobs_per_resident: number(0.0, 0.2) = Field(
        description="Non-farm wage jobs in the countryside (state farms, MTS, schools) per rural resident."
    )
    migration_slope: number(0.0, 0.2) = Field(
        description="Allen (2003): share of villagers moving to town a year = slope * relsol + intercept.")
    migration_intercept: number(-0.2, 0.2) = Field(description="Allen (2003) migration equation intercept.")
    relsol_1928: number(0.5, 5.0) = Field(
        description="Non-farm over farm consumption per head in 1928 (the relative standard of living)."
    )
    labour_scarcity_pull: number(0.0, 5.0) = Field(
        description="Extra relsol a migrant sees per unit share of the state's hiring demand left unfilled "
                    "(factories short of hands bid up what they offer)."
    )
    push_per_forced_share: number(0.0, 0.5) = Field(
        description="Villagers leaving per unit share of households collectivized by force in the year "
                    "(flight from the kolkhoz, kolkhoz labour contracts)."
    )
    dekulakization_flight: number(0.0, 0.1) = Field(
        description="Extra share of the rural population fleeing to towns in a year of dekulakization."
    )
    famine_flight: number(0.0, 0.5) = Field(
        description="Villagers fleeing to towns per unit share of rural people below subsistence."
    )
    orgnabor_per_collectivization: number(0.0, 0.1) = Field(
        description="Organised recruitment (orgnabor): most villagers a year, as a share of the rural "
                    "population, the kolkhozes can be made to send, per unit share collectivized."
    )
    people_per_recruit: number(1.0, 5.0) = Field(description="People who move to town per recruited worker (families).")
    passport_brake: Share = Field(
        description="Share of migration the passport system stops once it is in force (passport_controls = 1)."
    )
    max_migration_rate: Share = Field(description="Ceiling on the share of rural people who can move in a year (housing, transport).")
    famine_labour_loss: number(0.0, 3.0) = Field(
        description="Farm labour lost next year per unit share of people below subsistence this year."
    )
    famine_birth_loss: number(0.0, 5.0) = Field(description="Births lost per unit share of people below subsistence.")


class WeatherParams(Strict):
    """The weather record's categories and what they do to yields (shared constants, not a per-year fit)."""

    groups: dict[str, Share] = Field(
        description="Region group -> its share of the grain area (south, east, centre; shares sum to 1)."
    )
    factors: dict[WeatherCategory, number(0.3, 2.0)] = Field(
        description="Yield factor of each weather category, the same in every year and region group."
    )
    odds: dict[WeatherCategory, Share] = Field(
        description="Random weather: the chance of each category for the country as a whole (sum to 1)."
    )
    group_spread: Share = Field(
        description="Random weather: chance that a region group's weather is one step better or worse than the country's."
    )

    @model_validator(mode="after")
    def _complete(self) -> WeatherParams:
        missing = [c for c in WEATHER_CATEGORIES if c not in self.factors]
        if missing:
            raise ValueError(f"factors: give a yield factor for every category; missing {', '.join(missing)}")
        return self


class AgricultureParams(Strict):
    base_area_mha: number(10.0, 300.0) = Field(description="Grain sown area in 1928, million hectares.")
    area_per_collectivization: number(-0.5, 0.5) = Field(
        description="Relative growth of sown area at full collectivization (state sowing plans)."
    )
    area_per_mechanisation: number(-0.5, 0.5) = Field(
        description="Relative growth of sown area per unit of tractor draft power relative to 1928 draft power."
    )
    base_yield_t_ha: number(0.2, 3.0) = Field(description="Grain yield with 1928 inputs and average weather, t/ha.")
    draft_elasticity: Elasticity = Field(description="Elasticity of yield to draft power per hectare.")
    labour_elasticity: Elasticity = Field(description="Elasticity of yield to farm labour per hectare (low: surplus labour).")
    tractor_draft_equivalent: number(1.0, 100.0) = Field(description="Horse-equivalents of draft power per tractor (15-hp units).")
    disruption_per_forced_share: number(0.0, 3.0) = Field(
        description="Disruption added per unit share of households collectivized faster than the voluntary pace."
    )
    disruption_per_dekulakization: number(0.0, 0.5) = Field(
        description="Disruption added in a year of dekulakization (the most able farmers removed)."
    )
    disruption_per_coercion: number(0.0, 5.0) = Field(
        description="Disruption added per unit share of the harvest taken by force (seed and fodder seized, "
                    "work abandoned)."
    )
    disruption_recovery: Share = Field(description="Share of disruption that fades each year as farms settle.")
    collective_incentive_loss: Share = Field(
        description="Lasting yield loss at full collectivization from weaker incentives."
    )
    capital_yield_gain: number(0.0, 1.0) = Field(description="Most extra yield agricultural capital (MTS, fertiliser) can bring.")
    capital_half_saturation_bn: number(0.1, 1000.0) = Field(description="Agricultural capital (bn rubles) giving half that gain.")
    seed_t_per_ha: number(0.0, 0.5) = Field(description="Seed kept per sown hectare, tonnes.")
    voluntary_pace: Share = Field(description="Share of households a year that join collective farms without force.")
    max_collectivization_pace: Share = Field(description="Most households (share) that can be collectivized in one year.")
    max_decollectivization: Share = Field(description="Most households (share) that can leave collective farms in one year.")


class LivestockParams(Strict):
    cattle_growth: number(0.0, 1.0) = Field(description="Net natural growth of cattle herds when fed and left alone.")
    horse_growth: number(0.0, 1.0) = Field(description="Net natural growth of horse herds when fed.")
    cattle_capacity_m: number(1.0, 1000.0) = Field(description="Cattle the land can carry, millions.")
    horse_capacity_m: number(1.0, 1000.0) = Field(description="Horses the farms want with no tractors, millions.")
    horses_replaced_per_tractor_k: number(0.0, 0.1) = Field(description="Fewer horses wanted per thousand tractors, millions.")
    cattle_slaughter_per_forced_share: number(0.0, 3.0) = Field(
        description="Share of cattle slaughtered per unit share of forced collectivization."
    )
    horse_slaughter_per_forced_share: number(0.0, 3.0) = Field(
        description="Share of horses slaughtered per unit share of forced collectivization."
    )
    slaughter_lead: Share = Field(
        description="Share of the slaughter a drive causes before the next summer count (peasants killed "
                    "their animals in the winter of the drive, ahead of joining); the rest within the year."
    )
    dekulakization_slaughter: Share = Field(description="Extra share of herds slaughtered in a year of dekulakization.")
    neglect_loss_per_disruption: Share = Field(
        description="Yearly herd loss per unit of farm disruption (neglected collective herds)."
    )
    herd_shock_memory: Share = Field(description="Share of a region's recent herd loss still felt a year later.")
    feed_t_per_cattle: number(0.0, 2.0) = Field(description="Grain fed per head of cattle in a year, tonnes.")
    feed_t_per_horse: number(0.0, 2.0) = Field(description="Grain (oats) fed per horse in a year, tonnes.")
    cattle_starvation_loss: Share = Field(description="Share of cattle lost per unit share of feed shortfall.")
    horse_starvation_loss: Share = Field(description="Share of horses lost per unit share of feed shortfall.")


class FoodParams(Strict):
    # the village's grain
    rural_full_ration_t: number(0.05, 1.0) = Field(description="Grain eaten per rural person in a normal year, tonnes.")
    harvest_loss_share: Share = Field(description="Share of the harvest lost in harvesting, threshing and storage in a normal year.")
    loss_per_disruption: Share = Field(description="Extra share of the harvest lost per unit of farm disruption (unharvested fields, theft, rot).")
    other_food_t_per_head: number(0.0, 1.0) = Field(description="Potatoes and vegetables per rural person, grain equivalent t.")
    livestock_food_t_per_cattle: number(0.0, 1.0) = Field(description="Milk and meat per head of cattle, grain equivalent t.")
    urban_share_of_livestock_food: Share = Field(description="Share of livestock products reaching the towns.")
    market_sales_share: Share = Field(description="Share of an uncollectivized peasant's surplus sold on the free market.")
    kolkhoz_market_share: Share = Field(
        description="Share of a collective farmer's surplus (mostly from the private plot) sold on the kolkhoz market."
    )
    feed_cut_exponent: number(0.5, 5.0) = Field(description="How much harder animals' feed is cut than people's food when grain is short.")
    peasant_stock_cap_mt: number(0.0, 100.0) = Field(description="Most grain peasants carry over between harvests, Mt (more is fed to the animals).")
    peasant_stock_spoilage: Share = Field(description="Share of carried-over peasant grain lost by the next harvest.")
    # procurement under the market
    willing_sales_share: Share = Field(
        description="Share of their marketable surplus peasants sell willingly at the 1928 state price and goods supply."
    )
    price_elasticity: Elasticity = Field(description="Elasticity of willing sales to the state's grain price.")
    goods_elasticity: Elasticity = Field(
        description="Elasticity of willing sales to manufactured goods per villager (what the money buys)."
    )
    coercion_norm_adaptation: Share = Field(
        description="Share of the gap between the share of the harvest taken by force and what the villages "
                    "have come to take as routine closed each year (compulsory deliveries became the norm from 1933)."
    )
    state_fed_rural_share: Share = Field(
        description="Share of the rural population the state feeds from its grain: cotton and flax growers, "
                    "timber and MTS workers, the special settlements, grain-deficit districts."
    )
    coercion_cap_base: Share = Field(description="Share of the harvest the state can take by force from private farms at lenient repression.")
    coercion_cap_per_collectivization: Share = Field(description="Extra share it can take by force at full collectivization (compulsory deliveries).")
    coercion_cap_per_repression: Share = Field(description="Extra share it can take by force per repression level.")
    minimum_rural_ration_t: number(0.0, 0.5) = Field(description="Grain per rural person procurement cannot physically take.")
    grain_price_bn_per_mt: number(0.0, 10.0) = Field(
        description="What a Mt of grain cost the state at the 1928 price, bn 1937 rubles: paying more comes out of investment."
    )
    # the state's grain
    urban_ration_t: number(0.05, 1.0) = Field(description="Grain supplied per town dweller under rationing, tonnes.")
    army_ration_t: number(0.0, 2.0) = Field(description="State grain per soldier a year (food and fodder), tonnes.")
    industry_grain_mt: number(0.0, 20.0) = Field(description="State grain for industrial uses (spirits, starch), Mt.")
    state_storage_loss: Share = Field(description="Share of the state's carried-over grain lost in store over a year.")
    # famine
    subsistence_t: number(0.05, 1.0) = Field(description="Food per head (grain equivalent t) below which people starve.")
    sigma_base: number(0.01, 1.5) = Field(description="Spread (log sd) of food between the districts and households of a region in a normal year.")
    sigma_per_coercion: number(0.0, 10.0) = Field(
        description="Extra spread in a region per unit share of its harvest taken by force beyond the routine (the villages that fail their quotas are stripped)."
    )
    sigma_per_disruption: number(0.0, 5.0) = Field(description="Extra spread per unit of farm disruption.")
    relief_targeting: number(0.0, 5.0) = Field(
        description="How much less spread per unit of relief grain as a share of village food: loans reach "
                    "the hungriest districts first."
    )
    normal_hunger_share: Share = Field(description="Share below subsistence in an ordinary year, causing no excess deaths.")
    famine_mortality: number(0.0, 5.0) = Field(description="Scale of excess deaths: deaths per head = this x (excess share) ^ exponent.")
    famine_exponent: number(0.5, 4.0) = Field(description="How steeply mortality rises with the share below subsistence.")
    famine_depletion: number(0.0, 20.0) = Field(
        description="Extra famine mortality per unit share below subsistence the year before (a second "
                    "hungry year finds people with no reserves left)."
    )
    famine_deaths_next_year_share: Share = Field(
        description="Share of a harvest year's famine deaths that fall in the next calendar year (the spring)."
    )
    urban_subsistence_t: number(0.05, 1.0) = Field(description="Food per town dweller below which towns go hungry, grain equivalent t.")
    urban_famine_mortality: number(0.0, 1.0) = Field(
        description="Excess deaths per town dweller per unit share of food missing below the urban subsistence level."
    )
    world_grain_price: dict[int, number(0.01, 10.0)] = Field(
        description="World grain price index by year (1928 = 1): exports buy less in the Depression."
    )
    machinery_bn_per_export_mt: number(0.0, 10.0) = Field(
        description="Imported machinery (bn 1937 rubles) one Mt of exported grain buys at 1928 prices."
    )


class ProductParams(Strict):
    unit: str = Field(max_length=40, description="Unit of output and capacity.")
    capital_cost_bn: number(1e-6, 1000.0) = Field(description="Investment (bn 1937 rubles) for one unit of yearly capacity.")
    lag_years: int = Field(ge=1, le=6, strict=True, description="Years from investment to finished capacity.")
    value_added_bn: number(0.0, 1000.0) = Field(description="Value added (bn 1937 rubles) per unit of output.")
    depreciation: Share = Field(description="Share of capacity worn out per year.")
    labour_m_per_unit: number(0.0, 100.0) = Field(description="Industrial workers (millions) one unit of capacity needs.")
    freight_per_unit: number(0.0, 1000.0) = Field(
        default=0.0, description="Rail freight (bn tonne-km) one unit of output needs moved.")
    mastering: Annotated[list[Share], Field(min_length=1, max_length=4)] | None = Field(
        default=None, description="This product's own mastering shares, if new plant is mastered faster or "
                                  "slower than industry.mastering says (same length).")


class IndustryParams(Strict):
    products: dict[ProductName, ProductParams] = Field(description="Per-product capital costs, lags and value added.")
    sectors: dict[SectorName, dict[SectorUse, Share]] = Field(
        description="How each investment sector's money divides among products (shares sum to 1)."
    )
    base_utilisation: number(0.05, 1.0) = Field(
        description="Output as a share of capacity with enough labour and no pressure (above 0: works that make nothing are no works).")
    mastering: Annotated[list[Share], Field(min_length=1, max_length=4)] = Field(
        description="Share of its capacity new plant gives in its first, second, ... year (osvoenie); "
                    "full output after the list ends."
    )
    labour_elasticity: Elasticity = Field(description="Elasticity of output to industrial labour below what capacity needs.")
    hoarding_gain: Share = Field(description="Most extra output from hiring beyond need (soft budgets).")
    labour_productivity_growth: number(0.0, 0.2) = Field(description="Yearly fall in labour needed per unit of capacity (learning).")
    mobilisation_gain: number(0.0, 2.0) = Field(description="Extra utilisation per unit of target pressure (storming).")
    max_pressure: number(0.01, 5.0) = Field(description="Target pressure above this adds no more storming (only strain).")
    strain_per_pressure: number(0.0, 10.0) = Field(
        description="Strain added per unit of squared target pressure: modest targets strain little, absurd ones a lot."
    )
    strain_waste: number(0.0, 2.0) = Field(description="Utilisation lost per unit of accumulated strain (waste, accidents).")
    strain_recovery: Share = Field(description="Share of strain that fades each year.")
    specialist_loss_per_repression: PerLevel = Field(description="Efficiency lost per year at each repression level (engineers arrested).")
    specialist_recovery: Share = Field(description="Share of lost specialist efficiency regained each year.")
    arms_specialist_sensitivity: number(0.0, 20.0) = Field(
        description="How many times harder the loss of specialists hits arms production (designers, plant chiefs)."
    )
    construction_bn_per_worker: number(0.1, 100.0) = Field(description="Investment (bn rubles) one construction worker (million) carries out a year.")
    steel_per_pig_iron: number(0.5, 5.0) = Field(description="Most steel per tonne of pig iron, scrap included.")
    coke_coal_per_pig_iron: number(0.1, 10.0) = Field(description="Coal (t) for coke per tonne of pig iron.")
    coke_share_of_coal: Share = Field(description="Most of the coal output that can go to coke.")
    steel_t_per_machinery_bn: number(0.0, 10.0) = Field(description="Steel (Mt) per bn rubles of machinery output.")
    steel_t_per_tank: number(0.0, 1.0) = Field(description="Steel (Mt) per tank, armour and all.")
    freight_elasticity: Elasticity = Field(
        description="Elasticity of output to the share of its freight the railways can move (1 = output falls in step)."
    )
    grain_freight_per_mt: number(0.0, 100.0) = Field(description="Rail freight (bn tonne-km) per Mt of grain procured.")
    services_bn_per_urban_m: number(0.0, 100.0) = Field(description="Non-industrial non-farm value added per town dweller (million), bn.")
    construction_value_share: Share = Field(description="Share of realised investment counted as construction value added.")
    tractor_scrap_rate: Share = Field(description="Share of the tractor fleet scrapped each year.")
    defense_conversion_threshold: Share = Field(description="Defence share of investment above which tractor lines turn to tanks.")
    defense_conversion_rate: number(0.0, 20.0) = Field(description="Share of tractor output lost per unit of defence share above the threshold.")
    agriculture_capital_depreciation: Share = Field(description="Yearly wear of agricultural capital.")

    @cached_property
    def unmastered(self) -> dict[str, tuple[float, ...]]:
        """Per product, the share of each recent year's new plant not yet mastered (1 - mastering),
        worked out once: the mastering period is read every year of every game."""
        return {product: tuple(1.0 - share for share in (params.mastering or self.mastering))
                for product, params in self.products.items()}


class EconomyParams(Strict):
    grain_value_bn_per_mt: number(0.0, 10.0) = Field(description="Value added per Mt of grain, bn 1937 rubles.")
    livestock_value_bn_per_m: number(0.0, 10.0) = Field(description="Value added per million cattle (livestock products), bn.")
    other_agriculture_bn: number(0.0, 1000.0) = Field(description="Other farm value added (industrial crops, vegetables), bn.")
    usd_2011_per_ruble_1937: number(0.01, 100.0) = Field(description="Converts income per head to Maddison's 2011 dollars.")
    urban_food_weight: Share = Field(description="Weight of food in the urban real wage (the rest is consumer goods).")
    rural_food_weight: Share = Field(description="Weight of food in rural consumption.")
    urban_goods_share: Share = Field(description="Share of consumer goods that go to the towns.")
    crowding_weight: Elasticity = Field(description="Real wage elasticity to urban crowding (housing per head).")
    urban_population_1928_m: number(0.1, 1000.0) = Field(description="Town population the 1928 housing stock was built for.")
    housing_m_per_bn: number(0.0, 100.0) = Field(description="Town dwellers housed per bn rubles of light-industry investment, millions.")


class DefenceParams(Strict):
    soldier_labour_share: Share = Field(description="Share of a soldier that counts against the labour force (conscripts are young men).")
    tank_price_bn: number(1e-6, 1.0) = Field(description="What the army pays for a tank, bn 1937 rubles.")
    arms_share_of_defence: Share = Field(description="Share of the defence budget spent on arms from industry (the rest: pay, food, upkeep).")
    tank_share_of_arms: Share = Field(description="Share of arms spending that goes on tanks.")
    tank_unit_cost: dict[int, number(0.1, 10.0)] = Field(
        default_factory=dict,
        description="What a tank of each year's models costs the works and the army, in light tanks of the "
                    "mid-1930s (T-26, BT = 1); years not given: 1. Tankettes were much of 1931-33's output, the "
                    "T-34 and KV part of 1940's: the same works and budget gave more tanks, or fewer.")


class PoliticsParams(Strict):
    fear_per_repression: PerLevel = Field(description="Fear added each year at each repression level.")
    fear_decay: Share = Field(description="Share of fear that fades each year.")
    unrest_decay: Share = Field(description="Share of peasant unrest that fades each year.")
    unrest_per_forced_share: number(0.0, 10.0) = Field(description="Peasant unrest per unit share of forced collectivization.")
    unrest_per_dekulakization: number(0.0, 2.0) = Field(description="Peasant unrest in a year of dekulakization.")
    unrest_per_coercion: number(0.0, 20.0) = Field(description="Peasant unrest per unit share of the harvest taken by force.")
    unrest_per_famine: number(0.0, 10.0) = Field(description="Unrest per unit share of people below subsistence.")
    discontent_per_wage_loss: number(0.0, 10.0) = Field(description="Urban discontent per unit fall of the real wage below 1928.")
    discontent_per_hunger: number(0.0, 10.0) = Field(description="Urban discontent per unit share of town food missing below subsistence.")
    fear_suppression: number(0.0, 10.0) = Field(description="Visible unrest suppressed per unit of fear.")
    peasant_unrest_weight: Share = Field(
        description="Weight of the villages in visible unrest (the towns have the rest): most people were peasants."
    )
    arrest_rate: PerLevel = Field(description="Arrests per person per year at each repression level.")
    execution_share: PerLevel = Field(description="Share of arrests ending in execution at each level.")
    camp_share: PerLevel = Field(description="Share of the arrested and not shot who are sent to camps and colonies, per level.")
    court_camp_rate: Annotated[list[number(0.0, 0.05)], Field(min_length=4, max_length=4)] = Field(
        description="People a year per head of population sent to camps and colonies by the ordinary courts "
                    "(theft, 'speculation', absenteeism, the Law of Spikelets), per repression level.")
    gulag_release_rate: PerLevel = Field(description="Share of prisoners released each year, per level (releases stop in a terror).")
    gulag_death_rate: Share = Field(description="Prisoners dying per year in an ordinary year.")
    gulag_famine_death_rate: number(0.0, 5.0) = Field(description="Extra prisoner deaths per unit share below subsistence.")
    deportation_rate: Share = Field(description="Share of the 'kulak' population deported per unit share forced, with dekulakization.")
    minimum_deportation_rate: Share = Field(description="Share deported in any year of dekulakization.")
    settler_arrival_death_rate: Share = Field(
        description="Deaths among those deported this year, on the trains and in the first months in the settlements.")
    settler_death_rate: Share = Field(description="Deaths per special settler a year once settled, in an ordinary year.")
    settler_famine_death_rate: number(0.0, 5.0) = Field(description="Extra deaths per settler per unit share below subsistence.")
    settler_release_rate: Share = Field(description="Special settlers released or escaped per year.")
    removal_threshold: Share = Field(description="Unrest above which the leadership is at risk.")
    removal_years: int = Field(ge=1, le=5, strict=True, description="Years in a row above the threshold that remove the player from power.")


class StatisticsParams(Strict):
    inflation_per_pressure: number(0.0, 5.0) = Field(description="Overstatement of output per unit of target pressure.")
    inflation_per_fear: number(0.0, 5.0) = Field(description="Overstatement per unit of fear (no one reports bad news).")
    biological_yield_from: Year = Field(description="Year from which harvests are reported as 'biological yield'.")
    biological_yield_premium: number(0.0, 2.0) = Field(description="Overstatement of the standing crop over the barn harvest.")
    harvest_loss_premium: number(0.0, 5.0) = Field(
        description="Extra overstatement per unit of harvest shortfall below trend (losses are hidden)."
    )


Economy = Literal["grain_surplus", "consumer", "pastoral", "cotton"]
RegionId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,40}$")]


class RegionParams(Strict):
    """One region of the model, in 1933 borders."""

    name: str = Field(min_length=1, max_length=60, description="Its name in the period, as the game shows it.")
    present_name: str = Field(default="", max_length=80, description="Where it lies today, as the map's panel says.")
    economy: Economy = Field(description="grain_surplus, consumer, pastoral (lives on its herds) or cotton (fed by the state).")
    weather_group: str = Field(description="The weather record's region group whose category this region's harvest follows.")
    weather_sensitivity: number(0.0, 3.0) = Field(
        default=1.0, description="How strongly its harvest follows its group's weather (1: as the group; 0: not at all).")
    rural_share: Share = Field(description="Its share of the USSR's rural population in 1928.")
    urban_share: Share = Field(description="Its share of the USSR's town population.")
    grain_share: Share = Field(description="Its share of the USSR's grain harvest in an average year.")
    procurement_share: Share = Field(description="Its share of the state's grain procurement quotas (history's split).")
    cattle_share: Share = Field(description="Its share of the USSR's cattle in 1928.")
    herd_food_weight: number(0.0, 10.0) = Field(
        default=1.0, description="Food from herds per head of cattle, against the USSR's average (pastoral "
                                 "peoples lived on sheep, horses and camels the cattle count leaves out).")
    state_fed_weight: number(0.0, 20.0) = Field(
        default=1.0, description="How much of the state grain for rural people it receives per villager, "
                                 "against the average (cotton growers were fed grain from elsewhere).")
    settler_share: Share = Field(
        default=0.0, description="Its share of the special settlers (the deported 'kulak' families) sent to "
                                 "live and work in the special settlements.")
    flight_ban_applies: bool = Field(
        default=False, description="The ban on peasants' flight (flight_ban) holds its villagers in.")
    quota_lever_applies: bool = Field(
        default=False, description="The lever grain_regions_quota moves its part of the forced collection.")
    blacklisting_applies: bool = Field(
        default=False, description="Blacklisting (the blacklisting variable) strikes its villages.")


class RegionTable(NamedTuple):
    """RegionsParams.regions as columns."""

    ids: tuple[str, ...]
    rural_share: tuple[float, ...]
    urban_share: tuple[float, ...]
    grain_share: tuple[float, ...]
    quota: tuple[float, ...]
    cattle_share: tuple[float, ...]
    herd_food: tuple[float, ...]       # herd_food_weight over the 1928 average
    state_fed: tuple[float, ...]
    settlers: tuple[float, ...]
    blacklisting: tuple[bool, ...]
    pastoral: tuple[bool, ...]
    weather_group: tuple[str, ...]
    weather_sensitivity: tuple[float, ...]
    kinds: tuple[tuple[bool, bool, bool], ...]   # (blacklisting applies, pastoral, the flight ban applies)
    quota_lever: tuple[bool, ...]                # the lever grain_regions_quota applies


class RegionsParams(Strict):
    """The regions, and the mechanisms that differ between them."""

    flight_share: number(0.0, 5.0) = Field(
        description="Villagers who flee a hungry region per unit share of its people below subsistence beyond "
                    "the ordinary, before any ban.")
    flight_survival: Share = Field(
        description="Share of the deaths among those who flee that flight avoids (they find food elsewhere).")
    blacklist_floor_cut: Share = Field(
        description="Share of the grain procurement cannot take from a village that blacklisting takes anyway.")
    blacklist_food_fine: Share = Field(
        description="Share of other food (potatoes, meat) fines in kind take from blacklisted villages.")
    blacklisting_fade: Share = Field(description="Share of blacklisting lifted each year after it is imposed.")
    herd_requisition_loss: Share = Field(
        description="Share of a pastoral region's herds lost per unit of the year's herd requisition (the "
                    "animals taken die on the drives or are slaughtered; the rest starve without pasture).")
    herd_loss_spread: number(0.0, 10.0) = Field(
        description="Extra spread of food in a pastoral region per unit share of its herds recently lost (the "
                    "nomads who lost their animals starve while the settled grain farmers of the region eat).")
    quota_follows_harvest: Share = Field(
        description="How far the regions' procurement quotas follow their harvests (0: history's split whatever "
                    "the weather; 1: in proportion to each region's harvest against its average).")
    settlement_slaughter: number(0.0, 5.0) = Field(
        description="How many times harder forced collectivization strikes the herds of a pastoral region "
                    "(sedentarization: settled nomads could not keep their animals).")
    regions: Annotated[dict[RegionId, RegionParams], Field(min_length=1, max_length=40)] = Field(
        description="Region id -> the region: their shares of the USSR's people, grain, procurement and herds "
                    "each sum to 1. A mod changes one region's figures by its id.")

    @model_validator(mode="after")
    def _shares(self) -> RegionsParams:
        for share in ("rural_share", "urban_share", "grain_share", "procurement_share", "cattle_share",
                      "settler_share"):
            total = math.fsum(getattr(r, share) for r in self.regions.values())
            if abs(total - 1.0) > 0.001:
                raise ValueError(f"the regions' {share} values sum to {total:.3f}, not 1")
        return self

    @cached_property
    def ids(self) -> tuple[str, ...]:
        return tuple(self.regions)

    @cached_property
    def split_cache(self) -> dict:
        """regions.harvest_shares' results by weather (a cache, not a parameter)."""
        return {}

    @cached_property
    def table(self) -> RegionTable:
        """The regions' figures as columns, in the regions' order (what the yearly mechanisms read)."""
        rs = tuple(self.regions.values())

        def shares(name: str) -> tuple[float, ...]:  # made to sum to 1 exactly (the files round them)
            values = [getattr(r, name) for r in rs]
            total = math.fsum(values)
            return tuple(v / total for v in values) if total > 0 else tuple(values)

        # Herd food weights over their 1928 average, so the country's herds give what the USSR's
        # average says (regions.herd_food).
        herd_weight = math.fsum(r.cattle_share * r.herd_food_weight for r in rs) or 1.0
        return RegionTable(
            self.ids, shares("rural_share"), shares("urban_share"), shares("grain_share"),
            shares("procurement_share"), shares("cattle_share"),
            tuple(r.herd_food_weight / herd_weight for r in rs),
            tuple(r.state_fed_weight for r in rs), shares("settler_share"),
            tuple(r.blacklisting_applies for r in rs),
            tuple(r.economy == "pastoral" for r in rs), tuple(r.weather_group for r in rs),
            tuple(r.weather_sensitivity for r in rs),
            tuple((r.blacklisting_applies, r.economy == "pastoral", r.flight_ban_applies) for r in rs),
            tuple(r.quota_lever_applies for r in rs))


class ModelParams(Strict):
    population: PopulationParams
    weather: WeatherParams
    agriculture: AgricultureParams
    livestock: LivestockParams
    food: FoodParams
    industry: IndustryParams
    economy: EconomyParams
    defence: DefenceParams
    politics: PoliticsParams
    statistics: StatisticsParams
    regions: RegionsParams

    @model_validator(mode="after")
    def _regions_follow_the_weather_record(self) -> ModelParams:
        groups = set(self.weather.groups)
        wrong = [f"{rid} ({r.weather_group!r})" for rid, r in self.regions.regions.items()
                 if r.weather_group not in groups]
        if wrong:
            raise ValueError(f"regions: weather_group must be one of the weather's groups ({', '.join(sorted(groups))}); "
                             f"not so for {', '.join(wrong)}")
        return self
