"""The model's parameters: every number the simulation uses, read from scenario YAML.

These pydantic models are the contract between the simulation and the scenario files. They
validate ranges (a share stays within 0..1, a rate is not negative) and carry a description for
every field, which the modding documentation and the JSON Schema reuse. Nothing here reads files.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Share = Annotated[float, Field(ge=0.0, le=1.0)]
NonNegative = Annotated[float, Field(ge=0.0)]
Positive = Annotated[float, Field(gt=0.0)]
PerLevel = Annotated[list[NonNegative], Field(min_length=4, max_length=4)]

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
)
"""Industrial products with a capacity stock. Units: Mt, Mt, Mt, Mt, bn kWh, bn 1937 rubles of
output, thousand tractors, tanks, bn 1937 rubles of output."""

INVESTMENT_SECTORS = ("heavy_industry", "light_industry", "agriculture", "transport_power", "defense")

ProductName = Literal[
    "pig_iron", "steel", "coal", "oil", "electricity", "machinery", "tractors", "tanks", "consumer_goods"
]
SectorName = Literal["heavy_industry", "light_industry", "agriculture", "transport_power", "defense"]
SectorUse = Literal[
    "pig_iron", "steel", "coal", "oil", "electricity", "machinery", "tractors", "tanks", "consumer_goods",
    "farm_capital",
]


class Strict(BaseModel):
    """Base for parameter groups: unknown keys are errors, values are immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class PopulationParams(Strict):
    labour_participation: Share = Field(
        description="Labour force (full-time equivalents) as a share of the whole population."
    )
    birth_rate_rural: Share = Field(description="Births per rural resident per year.")
    birth_rate_urban: Share = Field(description="Births per urban resident per year.")
    death_rate_rural: Share = Field(description="Ordinary (non-famine) deaths per rural resident per year.")
    death_rate_urban: Share = Field(description="Ordinary deaths per urban resident per year.")
    urban_jobs_per_resident: Share = Field(
        description="Most non-farm workers and employees a town can house per resident."
    )
    rural_jobs_per_resident: Share = Field(
        description="Non-farm wage jobs in the countryside (state farms, MTS, schools) per rural resident."
    )
    migration_slope: float = Field(description="Allen (2003): migration rate = slope * relsol + intercept.")
    migration_intercept: float = Field(description="Allen (2003) migration equation intercept.")
    relsol_1928: Positive = Field(
        description="Non-farm over farm consumption per head in 1928 (the relative standard of living)."
    )
    recruitment_share: Share = Field(
        description="Share of ordered but unfilled non-farm jobs filled by organised recruitment in a year."
    )
    people_per_recruit: Positive = Field(description="People who move to town per recruited worker (families).")
    dekulakization_flight: NonNegative = Field(
        description="Extra share of the rural population fleeing to towns in a year of dekulakization."
    )
    max_migration_rate: Share = Field(description="Ceiling on the share of rural people who can move in a year (housing, transport).")
    famine_labour_loss: NonNegative = Field(
        description="Farm labour lost next year per unit share of people below subsistence this year."
    )
    famine_birth_loss: NonNegative = Field(description="Births lost per unit share of people below subsistence.")


class AgricultureParams(Strict):
    base_area_mha: Positive = Field(description="Grain sown area in 1928, million hectares.")
    area_per_collectivization: float = Field(
        description="Relative growth of sown area at full collectivization (state sowing plans)."
    )
    area_per_mechanisation: float = Field(
        description="Relative growth of sown area per unit of tractor draft power relative to 1928 draft power."
    )
    base_yield_t_ha: Positive = Field(description="Grain yield with 1928 inputs and average weather, t/ha.")
    draft_elasticity: Share = Field(description="Elasticity of yield to draft power per hectare.")
    labour_elasticity: Share = Field(description="Elasticity of yield to farm labour per hectare (low: surplus labour).")
    tractor_draft_equivalent: Positive = Field(description="Horse-equivalents of draft power per tractor (15-hp units).")
    disruption_per_forced_share: NonNegative = Field(
        description="Disruption added per unit share of households collectivized faster than the voluntary pace."
    )
    disruption_per_dekulakization: NonNegative = Field(
        description="Disruption added in a year of dekulakization (the most able farmers removed)."
    )
    disruption_recovery: Share = Field(description="Share of disruption that fades each year as farms settle.")
    collective_incentive_loss: Share = Field(
        description="Lasting yield loss at full collectivization from weaker incentives."
    )
    procurement_incentive_loss: NonNegative = Field(
        description="Yield loss next year per unit of last year's procurement share above the normal share."
    )
    normal_procurement_share: Share = Field(description="Procurement share of the harvest peasants accepted as normal in 1928.")
    procurement_norm_adaptation: Share = Field(
        description="Share of the gap between the procurement share and the accepted norm closed each year (quotas become routine)."
    )
    capital_yield_gain: NonNegative = Field(description="Most extra yield agricultural capital (MTS, fertiliser) can bring.")
    capital_half_saturation_bn: Positive = Field(description="Agricultural capital (bn rubles) giving half that gain.")
    seed_t_per_ha: Positive = Field(description="Seed kept per sown hectare, tonnes.")
    voluntary_pace: Share = Field(description="Share of households a year that join collective farms without force.")
    max_collectivization_pace: Share = Field(description="Most households (share) that can be collectivized in one year.")
    max_decollectivization: Share = Field(description="Most households (share) that can leave collective farms in one year.")
    weather_sd: NonNegative = Field(description="Standard deviation of the random weather yield factor.")
    drought_chance: Share = Field(description="Chance of a drought year in random weather.")
    drought_factor: Positive = Field(description="Yield factor of a drought year in random weather.")


class LivestockParams(Strict):
    cattle_growth: NonNegative = Field(description="Net natural growth of cattle herds when fed and left alone.")
    horse_growth: NonNegative = Field(description="Net natural growth of horse herds when fed.")
    cattle_capacity_m: Positive = Field(description="Cattle the land can carry, millions.")
    horse_capacity_m: Positive = Field(description="Horses the farms want with no tractors, millions.")
    horses_replaced_per_tractor_k: NonNegative = Field(description="Fewer horses wanted per thousand tractors, millions.")
    cattle_slaughter_per_forced_share: NonNegative = Field(
        description="Share of cattle slaughtered per unit share of forced collectivization."
    )
    horse_slaughter_per_forced_share: NonNegative = Field(
        description="Share of horses slaughtered per unit share of forced collectivization."
    )
    dekulakization_slaughter: Share = Field(description="Extra share of herds slaughtered in a year of dekulakization.")
    neglect_loss_per_disruption: Share = Field(
        description="Yearly herd loss per unit of farm disruption (neglected collective herds)."
    )
    herd_shock_memory: Share = Field(description="Share of last year's herd shock still felt this year.")
    feed_t_per_cattle: NonNegative = Field(description="Grain fed per head of cattle in a year, tonnes.")
    feed_t_per_horse: NonNegative = Field(description="Grain (oats) fed per horse in a year, tonnes.")
    cattle_starvation_loss: Share = Field(description="Share of cattle lost per unit share of feed shortfall.")
    horse_starvation_loss: Share = Field(description="Share of horses lost per unit share of feed shortfall.")


class FoodParams(Strict):
    rural_full_ration_t: Positive = Field(description="Grain eaten per rural person in a normal year, tonnes.")
    urban_ration_t: Positive = Field(description="Grain supplied per town dweller under rationing, tonnes.")
    army_and_industry_mt: NonNegative = Field(description="State grain for the army and industrial uses, Mt.")
    other_food_t_per_head: NonNegative = Field(description="Potatoes and vegetables per rural person, grain equivalent t.")
    livestock_food_t_per_cattle: NonNegative = Field(description="Milk and meat per head of cattle, grain equivalent t.")
    urban_share_of_livestock_food: Share = Field(description="Share of livestock products reaching the towns.")
    market_sales_share: Share = Field(description="Share of an uncollectivized peasant's surplus sold on the free market.")
    subsistence_t: Positive = Field(description="Food per head (grain equivalent t) below which people starve.")
    sigma_base: Positive = Field(description="Spread (log sd) of food between regions and households in a normal year.")
    sigma_per_procurement_squeeze: NonNegative = Field(
        description="Extra spread per unit of procurement share above normal (grain regions squeezed hardest)."
    )
    sigma_per_disruption: NonNegative = Field(description="Extra spread per unit of farm disruption.")
    sigma_per_herd_loss: NonNegative = Field(
        description="Extra spread per unit share of cattle lost since 1928 (pastoral peoples live on their herds)."
    )
    normal_hunger_share: Share = Field(description="Share below subsistence in an ordinary year, causing no excess deaths.")
    famine_mortality: NonNegative = Field(description="Scale of excess deaths: deaths per head = this x (excess share) ^ exponent.")
    famine_exponent: Positive = Field(description="How steeply mortality rises with the share below subsistence.")
    famine_deaths_next_year_share: Share = Field(
        description="Share of a harvest year's famine deaths that fall in the next calendar year (the spring)."
    )
    peasant_stock_cap_mt: NonNegative = Field(description="Most grain peasants can carry over between harvests, Mt.")
    peasant_stock_spoilage: Share = Field(description="Share of carried-over peasant grain lost or eaten by next year.")
    state_reserve_cap_mt: NonNegative = Field(description="Capacity of state grain reserves, Mt.")
    procurement_cap_base: Share = Field(description="Share of the harvest the state can collect from private farms by market and pressure.")
    procurement_cap_per_collectivization: Share = Field(description="Extra collectable share at full collectivization.")
    procurement_cap_per_repression: Share = Field(description="Extra collectable share per repression level.")
    feed_cut_exponent: Positive = Field(description="How much harder animals' feed is cut than people's food when grain is short.")
    minimum_rural_ration_t: NonNegative = Field(description="Grain per rural person procurement cannot physically take.")
    world_grain_price: dict[int, Positive] = Field(
        description="World grain price index by year (1928 = 1): exports buy less in the Depression."
    )
    machinery_bn_per_export_mt: NonNegative = Field(
        description="Imported machinery (bn 1937 rubles) one Mt of exported grain buys at 1928 prices."
    )


class ProductParams(Strict):
    unit: str = Field(description="Unit of output and capacity.")
    capital_cost_bn: Positive = Field(description="Investment (bn 1937 rubles) for one unit of yearly capacity.")
    lag_years: int = Field(ge=1, le=6, description="Years from investment to finished capacity.")
    value_added_bn: NonNegative = Field(description="Value added (bn 1937 rubles) per unit of output.")
    depreciation: Share = Field(description="Share of capacity worn out per year.")
    labour_m_per_unit: NonNegative = Field(description="Industrial workers (millions) one unit of capacity needs.")


class IndustryParams(Strict):
    products: dict[ProductName, ProductParams] = Field(description="Per-product capital costs, lags and value added.")
    sectors: dict[SectorName, dict[SectorUse, Share]] = Field(
        description="How each investment sector's money divides among products (shares sum to 1)."
    )
    base_utilisation: Share = Field(description="Output as a share of capacity with enough labour and no pressure.")
    labour_elasticity: Share = Field(description="Elasticity of output to industrial labour below what capacity needs.")
    hoarding_gain: Share = Field(description="Most extra output from hiring beyond need (soft budgets).")
    labour_productivity_growth: Share = Field(description="Yearly fall in labour needed per unit of capacity (learning).")
    mobilisation_gain: NonNegative = Field(description="Extra utilisation per unit of target pressure (storming).")
    max_pressure: Positive = Field(description="Target pressure above this has no further effect.")
    strain_waste: NonNegative = Field(description="Utilisation lost per unit of accumulated strain (waste, accidents).")
    strain_recovery: Share = Field(description="Share of strain that fades each year.")
    specialist_loss_per_repression: PerLevel = Field(description="Efficiency lost per year at each repression level.")
    specialist_recovery: Share = Field(description="Share of lost specialist efficiency regained each year.")
    construction_bn_per_worker: Positive = Field(description="Investment (bn rubles) one construction worker (million) carries out a year.")
    steel_per_pig_iron: Positive = Field(description="Most steel per tonne of pig iron, scrap included.")
    coke_coal_per_pig_iron: Positive = Field(description="Coal (t) for coke per tonne of pig iron.")
    coke_share_of_coal: Share = Field(description="Most of the coal output that can go to coke.")
    steel_t_per_machinery_bn: NonNegative = Field(description="Steel (Mt) per bn rubles of machinery output.")
    services_bn_per_urban_m: NonNegative = Field(description="Non-industrial non-farm value added per town dweller (million), bn.")
    construction_value_share: Share = Field(description="Share of realised investment counted as construction value added.")
    tractor_scrap_rate: Share = Field(description="Share of the tractor fleet scrapped each year.")
    defense_conversion_threshold: Share = Field(description="Defence share of investment above which tractor lines turn to tanks.")
    defense_conversion_rate: NonNegative = Field(description="Share of tractor output lost per unit of defence share above the threshold.")
    agriculture_capital_depreciation: Share = Field(description="Yearly wear of agricultural capital.")


class EconomyParams(Strict):
    grain_value_bn_per_mt: NonNegative = Field(description="Value added per Mt of grain, bn 1937 rubles.")
    livestock_value_bn_per_m: NonNegative = Field(description="Value added per million cattle (livestock products), bn.")
    other_agriculture_bn: NonNegative = Field(description="Other farm value added (industrial crops, vegetables), bn.")
    usd_2011_per_ruble_1937: Positive = Field(description="Converts income per head to Maddison's 2011 dollars.")
    consumption_per_capita_1928: Positive = Field(description="Consumption per head in 1928 (thousand rubles), the index base.")
    urban_food_per_head_1928: Positive = Field(description="Food per town dweller in 1928, grain equivalent t (index base).")
    urban_goods_per_head_1928: Positive = Field(description="Consumer goods per town dweller in 1928, thousand rubles (index base).")
    rural_goods_per_head_1928: Positive = Field(description="Consumer goods per rural person in 1928, thousand rubles (index base).")
    rural_food_per_head_1928: Positive = Field(description="Food per rural person in 1928, grain equivalent t (index base).")
    urban_food_weight: Share = Field(description="Weight of food in the urban real wage (the rest is consumer goods).")
    rural_food_weight: Share = Field(description="Weight of food in rural consumption.")
    urban_goods_share: Share = Field(description="Share of consumer goods that go to the towns.")
    crowding_weight: NonNegative = Field(description="Real wage elasticity to urban crowding (housing per head).")
    urban_population_1928_m: Positive = Field(description="Town population the 1928 housing stock was built for.")
    housing_m_per_bn: NonNegative = Field(description="Town dwellers housed per bn rubles of light-industry investment, millions.")


class PoliticsParams(Strict):
    fear_per_repression: PerLevel = Field(description="Fear added each year at each repression level.")
    fear_decay: Share = Field(description="Share of fear that fades each year.")
    unrest_decay: Share = Field(description="Share of peasant unrest that fades each year.")
    unrest_per_forced_share: NonNegative = Field(description="Peasant unrest per unit share of forced collectivization.")
    unrest_per_dekulakization: NonNegative = Field(description="Peasant unrest in a year of dekulakization.")
    unrest_per_procurement_squeeze: NonNegative = Field(description="Unrest per unit procurement share above normal.")
    unrest_per_famine: NonNegative = Field(description="Unrest per unit share of people below subsistence.")
    discontent_per_wage_loss: NonNegative = Field(description="Urban discontent per unit fall of the real wage below 1928.")
    fear_suppression: NonNegative = Field(description="Visible unrest suppressed per unit of fear.")
    peasant_unrest_weight: Share = Field(
        description="Weight of the villages in visible unrest (the towns have the rest): most people were peasants."
    )
    arrest_rate: PerLevel = Field(description="Arrests per person per year at each repression level.")
    execution_share: PerLevel = Field(description="Share of arrests ending in execution at each level.")
    camp_share: PerLevel = Field(description="Share of the arrested and not shot who are sent to camps and colonies, per level.")
    gulag_release_rate: PerLevel = Field(description="Share of prisoners released each year, per level (releases stop in a terror).")
    gulag_death_rate: Share = Field(description="Prisoners dying per year in an ordinary year.")
    gulag_famine_death_rate: NonNegative = Field(description="Extra prisoner deaths per unit share below subsistence.")
    deportation_rate: Share = Field(description="Share of the 'kulak' population deported per unit share forced, with dekulakization.")
    minimum_deportation_rate: Share = Field(description="Share deported in any year of dekulakization.")
    settler_death_rate: Share = Field(description="Deaths per special settler in a year.")
    settler_release_rate: Share = Field(description="Special settlers released or escaped per year.")
    removal_threshold: Share = Field(description="Unrest above which the leadership is at risk.")
    removal_years: int = Field(ge=1, le=5, description="Years in a row above the threshold that remove the player from power.")


class StatisticsParams(Strict):
    inflation_per_pressure: NonNegative = Field(description="Overstatement of output per unit of target pressure.")
    inflation_per_fear: NonNegative = Field(description="Overstatement per unit of fear (no one reports bad news).")
    biological_yield_from: int = Field(description="Year from which harvests are reported as 'biological yield'.")
    biological_yield_premium: NonNegative = Field(description="Overstatement of the standing crop over the barn harvest.")
    harvest_loss_premium: NonNegative = Field(
        description="Extra overstatement per unit of harvest shortfall below trend (losses are hidden)."
    )


class ModelParams(Strict):
    population: PopulationParams
    agriculture: AgricultureParams
    livestock: LivestockParams
    food: FoodParams
    industry: IndustryParams
    economy: EconomyParams
    politics: PoliticsParams
    statistics: StatisticsParams
