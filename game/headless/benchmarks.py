"""The model against history: every benchmark figure and every behaviour the calibration answers
to, computed from played games, with its band. One definition serves the calibration search
(tools/calibrate.py: the loss), the calibration report (tools/calibration_report.py: the table in
docs/MODEL.md) and the calibration and behaviour tests (tests/model/).

History comes from scenarios/reference/history.yaml. `benchmark` checks are the figures the
historical policy must reproduce (the issue's bands); `series` checks are the other years of the
standard annual series, compared with the mechanisms' output to show whether the model dips or
overshoots between benchmarks (wider bands, tagged M figures weighted less); `behaviour` checks
are the counterfactual questions (exports, reserves, Allen's NEP case, the labour push, the
target optimum), each asked of the model by playing a changed policy.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from ..events.engine import Deck, historical_choice
from ..model import Directives, Game, World
from ..scenario import SCENARIO_DIR
from ..scenario.policy import directives_by_year, load_policy
from ..session import Session

REFERENCE = SCENARIO_DIR / "reference" / "history.yaml"


class Records(dict):
    """A played game's records by year, and its regions' figures (region -> metric -> year -> value)."""

    regions: dict[str, dict[str, dict[int, float]]]


INDUSTRY = ("steel_mt", "pig_iron_mt", "coal_mt", "oil_mt", "electricity_bn_kwh")
FAMINE_YEARS = (1931, 1932, 1933)
PLAN_YEARS = range(1928, 1933)  # the First Plan, whose targets the optimum is sought for



@dataclass(frozen=True)
class Check:
    group: str
    figure: str
    model: float
    history: str       # as shown: a figure, a range, a condition
    low: float
    high: float
    kind: str = "benchmark"  # benchmark | series | behaviour
    weight: float = 1.0

    @property
    def inside(self) -> bool:
        return self.low <= self.model <= self.high

    def loss(self, margin: float = 0.03) -> float:
        """Zero well inside the band, growing fast outside it (on a log scale for positive bands).
        The search aims `margin` inside the edges, so that the figures it finds do not sit on them."""
        if self.low > 0 and self.model > 0:
            miss = max(0.0, math.log(self.low * (1 + margin) / self.model),
                       math.log(self.model / (self.high * (1 - margin))))
        else:
            width = max(abs(self.high - self.low), 1e-3)
            miss = max(0.0, self.low + margin * width - self.model, self.model - self.high + margin * width) / width
        return self.weight * (40.0 * miss * miss + 10.0 * miss)


@cache
def history() -> dict:
    return yaml.safe_load(Path(REFERENCE).read_text(encoding="utf-8"))


def value(entry) -> float:
    return float(entry[0] if isinstance(entry, list) else entry)


def tag(entry) -> str:
    return entry[1] if isinstance(entry, list) and len(entry) > 1 else "C"


# --- playing ---------------------------------------------------------------------------------


def play(world: World, deck: Deck | None, directives: dict[int, Directives], seed: int = 0,
         choices: dict[str, str] | None = None) -> Records:
    """A year-by-year plan of directives played under the historical weather, cards answered as
    history did (or as `choices` says, card id -> choice id); records by year (fewer years if the
    leadership was removed). `Records.regions`: region -> metric -> year -> value."""
    session = Session(world, deck, seed=seed, weather_mode="historical")
    choices = choices or {}
    while not session.finished:
        while pending := session.pending:  # one at a time: an answer can add a card to this January
            card = pending[0]
            session.choose(card.id, choices.get(card.id) or historical_choice(card).id)
        session.play_year(directives[session.year])
    return records_of(session.game)


def records_of(game: Game) -> Records:
    """A game's records by year, with its regions' figures."""
    records = Records({int(r["year"]): r for r in game.records})
    years = list(records)
    records.regions = {region: {metric: dict(zip(years, values, strict=True)) for metric, values in series.items()}
                       for region, series in game.region_series().items()}
    return records


def policy_directives(world: World, name: str) -> dict[int, Directives]:
    policy, path = load_policy(name)
    return directives_by_year(policy, world, path)


def changed(directives: dict[int, Directives], years: Iterable[int], **fields) -> dict[int, Directives]:
    years = set(years)
    return {y: d.model_copy(update=fields) if y in years else d for y, d in directives.items()}


def shifted(directives: dict[int, Directives], years: Iterable[int], investment: float = 0.0,
            construction: float = 0.0) -> dict[int, Directives]:
    """History's directives with the investment rate moved by `investment` and the construction
    share of labour by `construction` (taken from the farms, or given back to them)."""
    years = set(years)

    def change(d: Directives) -> Directives:
        labor = d.labor.model_copy(update={"construction": d.labor.construction + construction,
                                           "farms": d.labor.farms - construction})
        return d.model_copy(update={"investment_rate": d.investment_rate + investment, "labor": labor})

    return {y: change(d) if y in years else d for y, d in directives.items()}


def with_targets(directives: dict[int, Directives], plan_id: str, year: int, targets: dict[str, float]):
    return {y: d.model_copy(update={"targets": {plan_id: targets}}) if y == year else d
            for y, d in directives.items()}


def total(records: Records, metric: str, years: Iterable[int] | None = None) -> float:
    wanted = None if years is None else set(years)
    return math.fsum(r[metric] for y, r in records.items() if wanted is None or y in wanted)


# --- the historical policy ------------------------------------------------------------------


def near(group: str, figure: str, model: float, expected: float, rel: float, kind: str = "benchmark",
         weight: float = 1.0) -> Check:
    return Check(group, figure, model, f"{expected:.4g}", expected * (1 - rel), expected * (1 + rel), kind, weight)


def _series_checks(rec: Records, group: str, metric: str, series: dict, rel_c: float, rel_m: float,
                   benchmark_years: set[int], shift: int = 0, scale: float = 1.0) -> list[Check]:
    checks = []
    for year, entry in series.items():
        if not isinstance(year, int) or year - shift not in rec:
            continue
        model = rec[year - shift][metric] * scale
        if year in benchmark_years:
            continue  # asserted with the benchmark band elsewhere
        weight = 0.5 if tag(entry) == "M" else 0.8
        label = f"{metric} {year}" if not shift else f"{metric}, 1 January {year}"
        checks.append(near(group, label, model, value(entry), rel_m if tag(entry) == "M" else rel_c, "series", weight))
    return checks


def historical_checks(rec: Records) -> list[Check]:
    h = history()
    ind, grain, cost = h["industry"], h["grain"], h["human_cost"]
    annual = h["annual_series"]
    checks: list[Check] = []
    for metric in INDUSTRY:
        for year in (1932, 1937, 1940):
            checks.append(near("Industrial output", f"{metric} {year}", rec[year][metric], value(ind[metric][year]), 0.15))
        checks += _series_checks(rec, "Industrial output, other years", metric, annual["industry"][metric], 0.2, 0.25,
                                 {1932, 1937, 1940})
    for years, key in ((range(1929, 1933), "first_plan_1929_1932"), (range(1933, 1938), "second_plan_1933_1937")):
        expected = value(ind["tractors_total"][key]) / 1000.0
        checks.append(near("Tractors built per plan", key, total(rec, "tractors_k", years), expected, 0.25))
    tanks = annual["industry"]["tanks"]["values"]
    for year, entry in tanks.items():
        kind = "benchmark" if tag(entry) == "C" else "series"
        checks.append(near("Tanks built", f"tanks {year}", rec[year]["tanks"], value(entry), 0.25 if kind == "benchmark" else 0.4,
                           kind, 1.0 if kind == "benchmark" else 0.4))
    freight = annual["industry"]["rail_freight_bn_tkm"]["values"]
    checks += _series_checks(rec, "Rail freight", "freight_bn_tkm", freight, 0.2, 0.25, set())
    for year in range(1928, 1941):
        low, high = grain["harvest_low_estimate_mt"][year] * 0.9, grain["harvest_revised_mt"][year] * 1.1
        checks.append(Check("Real grain harvest", f"harvest {year}", rec[year]["grain_harvest_mt"],
                            f"{grain['harvest_low_estimate_mt'][year]} / {grain['harvest_revised_mt'][year]}", low, high))
    for year, entry in grain["procurement_mt"]["values"].items():
        checks.append(near("Grain procured", f"procurement {year}", rec[year]["grain_procurement_mt"], value(entry), 0.1,
                           "benchmark", 0.7))
    for year in range(1933, 1941):
        checks.append(Check("Reported harvest", f"reported harvest {year} / real", rec[year]["grain_harvest_reported_mt"]
                            / rec[year]["grain_harvest_mt"], "at or above 1", 1.0, 3.0))
    cattle = annual["livestock"]["cattle_summer_m"]
    checks.append(Check("Cattle (summer count)", "cattle 1930", rec[1930]["cattle_m"], "52.5 (collapsed by summer 1930)",
                        45.0, 60.0))
    checks.append(Check("Cattle (summer count)", "cattle 1933", rec[1933]["cattle_m"], "38.4", 30.0, 45.0))
    checks.append(Check("Cattle (summer count)", "cattle 1938", rec[1938]["cattle_m"], "63.2", 55.0, 75.0))
    checks += _series_checks(rec, "Cattle, other years", "cattle_m", cattle, 0.15, 0.2, {1930, 1933, 1938})
    checks += _series_checks(rec, "Horses (summer count)", "horses_m", annual["livestock"]["horses_summer_m"], 0.2, 0.25,
                             set())
    famine = total(rec, "famine_deaths_m", FAMINE_YEARS)
    low, high = cost["famine_1931_1933_excess_deaths_m"]["ussr_range"]
    checks.append(Check("Famine", "famine deaths 1931-33 (M)", famine, f"{low}-{high}", 4.5, 8.5, weight=2.0))
    peak = rec[1933]["famine_deaths_m"] - max(rec[1931]["famine_deaths_m"], rec[1932]["famine_deaths_m"])
    checks.append(Check("Famine", "famine deaths peak in 1933 (1933 minus the larger of 1931, 1932; M)", peak,
                        "above 0", 0.0, 10.0, weight=2.0))
    for year in (y for y in range(1928, 1942) if y not in FAMINE_YEARS and y in rec):
        checks.append(Check("Famine", f"famine deaths {year} (M)", rec[year]["famine_deaths_m"], "below 0.3", 0.0, 0.3))
    pop = h["population"]
    checks.append(near("Population and labour", "urban population 1939", rec[1939]["urban_population_m"],
                       value(pop["census_1939"]["urban_m"]), 0.12, weight=2.0))
    for year in (1932, 1937, 1940):
        checks.append(near("Population and labour", f"workers and employees {year}", rec[year]["workers_employees_m"],
                           pop["workers_and_employees_m"]["values"][year], 0.20, weight=2.0))
    allen = h["growth_and_living_standards"]["nonagricultural_value_added_bn_1937_rubles"]["values"]
    for year in (1932, 1937, 1939):
        checks.append(near("Non-agricultural value added (Allen)", f"non-farm value added {year}",
                           rec[year]["nonag_value_added_bn"], allen[year], 0.15, weight=2.0))
    gdp = h["growth_and_living_standards"]["gdp_per_capita_2011_dollars"]["values"]
    for year in (1932, 1937, 1940):
        checks.append(near("GDP per head (Maddison)", f"GDP per head {year}", rec[year]["gdp_per_capita"], gdp[year],
                           0.2, "series", 0.5))
    wage = h["growth_and_living_standards"]["urban_real_wage_index_1928_100"]["values"]
    for year in (1932, 1940):
        checks.append(near("Urban real wage", f"urban real wage {year} (1928 = 100)", rec[year]["urban_real_wage_index"],
                           wage[year], 0.3, "series", 0.5))
    executions = total(rec, "executions_k", (1937, 1938)) / 1000.0
    checks.append(Check("Repression", "executions 1937-38 (M)", executions, "0.68", 0.4, 0.9))
    camps = h["human_cost"]["gulag_camps_and_colonies_jan1_m"]["values"]
    for year, entry in camps.items():  # a 1 January count is the model's stock at the end of the year before
        if year - 1 in rec:
            checks.append(near("Camps (1 January)", f"camps and colonies, 1 Jan {year}", rec[year - 1]["gulag_m"],
                               value(entry), 0.25))
    # From 1935 the count takes in the colonies as well as the camps, as the model's stock does all along.
    with_colonies = {y: e for y, e in annual["repression"]["gulag_camps_and_colonies_jan1_m"]["values"].items()
                     if y >= 1935}
    checks += _series_checks(rec, "Camps and colonies, other years (1 January)", "gulag_m", with_colonies, 0.3,
                             0.35, set(camps), shift=1)
    settlers = total(rec, "deportation_deaths_k", (1930, 1931)) * 1000.0
    expected = value(cost["dekulakization"]["deaths_1930_1931_approx"])
    checks.append(near("Deportation", "settler deaths 1930-31", settlers, expected, 0.35))
    deported = total(rec, "deported_m", (1930, 1931)) * 1e6
    checks.append(near("Deportation", "deported 1930-31", deported, cost["dekulakization"]["deported_1930_1931"]["persons"],
                       0.2))
    checks.append(Check("Game length", "years played", float(len(rec)), "14 (1928-1941)", 14.0, 14.0))
    return checks + regional_checks(rec)


def region_total(rec: Records, region: str, metric: str, years: Iterable[int]) -> float:
    series = rec.regions[region][metric]
    return math.fsum(series[y] for y in years if y in series)


def procurement_share(rec: Records, region: str, year: int) -> float:
    national = rec[year]["grain_procurement_mt"] if year in rec else 0.0
    return rec.regions[region]["procurement_mt"].get(year, 0.0) / national if national > 0 else 0.0


def regional_checks(rec: Records) -> list[Check]:
    """Where the famine struck: Ukraine's and Kazakhstan's deaths, the Kazakh herds, Ukraine's
    share of the collection (the reference's regions section)."""
    regions = history()["regions"]
    deaths = regions["famine_excess_deaths_m"]
    ukraine, kazakhstan = deaths["ukraine"], deaths["kazakhstan"]
    low, high = ukraine["literature_range"]
    checks = [Check("Regions", "Ukraine: excess deaths 1932-34 (M)", region_total(rec, "ukraine", "famine_deaths_m",
                                                                                  range(1932, 1935)),
                    f"{value(ukraine['central']):g} ({low:g}-{high:g})", low, high, weight=2.0)]
    low, high = kazakhstan["range"]
    checks.append(Check("Regions", "Kazakhstan: excess deaths 1930-33 (M)",
                        region_total(rec, "kazakhstan", "famine_deaths_m", range(1930, 1934)),
                        f"{low:g}-{high:g}", low - 0.1, high + 0.1, weight=2.0))
    cattle = regions["kazakh_livestock_m"]["cattle"]
    herds = rec.regions["kazakhstan"]["cattle_m"]
    fell = herds.get(1933, 0.0) / herds[1929] if herds.get(1929) else 0.0
    checks.append(Check("Regions", "Kazakhstan: cattle 1933 / 1929", fell,
                        f"{value(cattle[1933]) / value(cattle[1929]):.2f}", 0.12, 0.40))
    # Flight: at least half a million Kazakhs left the republic for good (Kotkin); how many fled
    # Ukraine and the North Caucasus has no sourced total, so only a bound is asked of it.
    fled = region_total(rec, "kazakhstan", "fled_m", range(1930, 1934))
    checks.append(Check("Regions", "Kazakhstan: fled the republic's villages 1930-33 (M)", fled,
                        "at least 0.5 left for good", 0.4, 1.5))
    fled = (region_total(rec, "ukraine", "fled_m", range(1931, 1934))
            + region_total(rec, "north_caucasus", "fled_m", range(1931, 1934)))
    checks.append(Check("Regions", "Ukraine and the North Caucasus: fled their villages 1931-33 (M)", fled,
                        "no sourced total; at most 2.5", 0.05, 2.5))
    shares = regions["ukraine_grain_procurement"]["share_of_ussr_procurement_pct"]["values"]
    for year, above in ((1930, 0.06), (1931, 0.1)):  # 1931's collection was "over 7 Mt": a lower bound
        expected = value(shares[year]) / 100.0
        checks.append(Check("Regions", f"Ukraine: share of the USSR's procurement {year}", procurement_share(
            rec, "ukraine", year), f"{expected:.2f}", expected - 0.06, expected + above, weight=0.5))
    checks.append(Check("Regions", "Ukraine: share of the procurement 1932 / 1930-31's",
                        procurement_share(rec, "ukraine", 1932)
                        / max(1e-9, (procurement_share(rec, "ukraine", 1930) + procurement_share(rec, "ukraine", 1931)) / 2),
                        f"{value(shares[1932]) * 2 / (value(shares[1930]) + value(shares[1931])):.2f} (falling)",
                        0.55, 0.9))
    return checks


# --- counterfactual behaviour ----------------------------------------------------------------

ALLEN_POLICY = "allen_nep"


@dataclass(frozen=True)
class Runs:
    """The games the behaviour checks ask about."""

    historical: Records
    no_exports: Records          # no grain exports from the 1930-1932 harvests
    reserves_drawn: Records      # the reserve drawn down to nothing in 1932-33
    allen: Records               # Allen's NEP case
    gentle: Records
    nep: Records
    maximal: Records
    targets: dict[str, Records]  # trivial, moderate, absurd First Plan targets
    less_investment: Records     # 10 points less of the national income invested, 1929-1940
    more_investment: Records     # 5 points more invested, and 2 points more of labour building, 1929-1940
    flight_allowed: Records      # the famine of 1933 denied, but the peasants' flight not barred
    herds_left: Records          # no requisition of the Kazakh herds


INVESTMENT_YEARS = range(1929, 1941)

TARGET_CASES = {  # First Plan targets for 1932, against 1928 output (steel 4.3 Mt)
    "trivial": {"steel_mt": 4.4, "pig_iron_mt": 3.4, "coal_mt": 36.0, "oil_mt": 12.0, "electricity_bn_kwh": 5.1,
                "tractors_k": 1.5, "grain_mt": 73.0},
    "moderate": {"steel_mt": 8.5, "pig_iron_mt": 7.5, "coal_mt": 72.0, "oil_mt": 22.0, "electricity_bn_kwh": 15.0,
                 "tractors_k": 40.0, "grain_mt": 80.0},
    "absurd": {"steel_mt": 30.0, "pig_iron_mt": 30.0, "coal_mt": 250.0, "oil_mt": 80.0, "electricity_bn_kwh": 80.0,
               "tractors_k": 250.0, "grain_mt": 150.0},
}


def play_runs(world: World, deck: Deck | None, policies: Callable[[str], dict[int, Directives]]) -> Runs:
    base = policies("historical")
    first = min(base)
    return Runs(
        historical=play(world, deck, base),
        no_exports=play(world, deck, changed(base, (1930, 1931, 1932), grain_exports_mt=0.0)),
        reserves_drawn=play(world, deck, changed(base, (1932, 1933), grain_reserve_target_mt=0.0)),
        allen=play(world, deck, policies(ALLEN_POLICY)),
        gentle=play(world, deck, policies("gentle")),
        nep=play(world, deck, policies("nep")),
        maximal=play(world, deck, policies("maximal")),
        targets={name: play(world, deck, with_targets(base, "first_plan", first, targets))
                 for name, targets in TARGET_CASES.items()},
        less_investment=play(world, deck, shifted(base, INVESTMENT_YEARS, investment=-0.10)),
        more_investment=play(world, deck, shifted(base, INVESTMENT_YEARS, investment=0.05, construction=0.02)),
        flight_allowed=play(world, deck, base, choices={"famine_1933": "deny_without_ban"}),
        herds_left=play(world, deck, changed(base, base.keys(), herd_requisition=0.0)),
    )


def behaviour_checks(runs: Runs) -> list[Check]:
    h = history()
    hist = runs.historical
    famine = total(hist, "famine_deaths_m", FAMINE_YEARS)
    checks = []

    def ratio(a: float, b: float) -> float:
        return a / b if b > 0 else 0.0

    exports = ratio(total(runs.no_exports, "famine_deaths_m", FAMINE_YEARS), famine)
    checks.append(Check("Behaviour", "no exports from the 1930-32 harvests: famine deaths 1931-33 / history's",
                        exports, "at most 0.85", 0.0, 0.85, "behaviour", 2.0))
    reserves = ratio(total(runs.reserves_drawn, "famine_deaths_m", FAMINE_YEARS), famine)
    checks.append(Check("Behaviour", "reserve drawn down in 1932-33: famine deaths 1931-33 / history's",
                        reserves, "below 1 (at most 0.97)", 0.0, 0.97, "behaviour", 2.0))
    allen_1939 = ratio(runs.allen[1939]["nonag_value_added_bn"], hist[1939]["nonag_value_added_bn"])
    allen_1932 = ratio(runs.allen[1932]["nonag_value_added_bn"], hist[1932]["nonag_value_added_bn"])
    checks.append(Check("Behaviour", "Allen's NEP case: non-farm value added 1939 / history's", allen_1939,
                        "0.70-0.95 (Allen: 0.81)", 0.70, 0.95, "behaviour", 3.0))
    checks.append(Check("Behaviour", "Allen's NEP case: non-farm value added 1932 / history's", allen_1932,
                        "at least 0.97", 0.97, 2.0, "behaviour", 3.0))
    checks.append(Check("Behaviour", "Allen's NEP case: famine deaths, all years (M)",
                        total(runs.allen, "famine_deaths_m"), "none (below 0.3)", 0.0, 0.3, "behaviour", 2.0))
    push = hist[1937]["workers_employees_m"] - runs.allen[1937]["workers_employees_m"]
    checks.append(Check("Behaviour", "same labour orders: workers and employees 1937, history's minus the NEP case's (M)",
                        push, "above 0", 0.05, 100.0, "behaviour", 2.0))
    steel = {name: total(rec, "steel_mt", PLAN_YEARS) for name, rec in runs.targets.items()}
    checks.append(Check("Behaviour", "steel made 1928-32: moderate targets minus trivial ones (Mt)",
                        steel["moderate"] - steel["trivial"], "above 0", 0.1, 100.0, "behaviour", 2.0))
    checks.append(Check("Behaviour", "steel made 1928-32: moderate targets minus absurd ones (Mt)",
                        steel["moderate"] - steel["absurd"], "above 0", 0.1, 100.0, "behaviour", 2.0))
    steel_1937 = value(h["industry"]["steel_mt"][1937])
    # The plans' investment built the works of the later 1930s: less of it means less steel, and
    # more of it, with the builders to carry it out, more.
    checks.append(Check("Behaviour", "10 points less invested from 1929: steel 1937 / history's run",
                        ratio(runs.less_investment[1937]["steel_mt"], hist[1937]["steel_mt"]), "at most 0.95",
                        0.0, 0.95, "behaviour", 2.0))
    checks.append(Check("Behaviour", "5 points more invested, 2 more of labour building: steel 1937 / history's run",
                        ratio(runs.more_investment[1937]["steel_mt"], hist[1937]["steel_mt"]), "at least 1.02",
                        1.02, 3.0, "behaviour", 2.0))
    checks.append(Check("Behaviour", "gentle policy: famine deaths, all years (M)", total(runs.gentle, "famine_deaths_m"),
                        "below 0.5", 0.0, 0.5, "behaviour"))
    checks.append(Check("Behaviour", "gentle policy: steel 1937 / history's figure", runs.gentle[1937]["steel_mt"]
                        / steel_1937, "at least 0.7", 0.7, 3.0, "behaviour"))
    checks.append(Check("Behaviour", "NEP policy: steel 1937 / history's figure",
                        runs.nep[1937]["steel_mt"] / steel_1937 if 1937 in runs.nep else 0.0, "at most 0.65", 0.0, 0.65,
                        "behaviour"))
    ukraine = region_total(hist, "ukraine", "famine_deaths_m", range(1932, 1935))
    checks.append(Check("Behaviour", "the peasants' flight not barred in 1933: Ukraine's deaths 1932-34 / history's",
                        ratio(region_total(runs.flight_allowed, "ukraine", "famine_deaths_m", range(1932, 1935)),
                              ukraine), "below 1 (at most 0.97)", 0.0, 0.97, "behaviour", 2.0))
    kazakhstan = region_total(hist, "kazakhstan", "famine_deaths_m", range(1930, 1934))
    checks.append(Check("Behaviour", "Kazakh herds not requisitioned: Kazakhstan's deaths 1930-33 / history's",
                        ratio(region_total(runs.herds_left, "kazakhstan", "famine_deaths_m", range(1930, 1934)),
                              kazakhstan), "at most 0.5", 0.0, 0.5, "behaviour", 2.0))
    maximal = total(runs.maximal, "famine_deaths_m")
    checks.append(Check("Behaviour", "maximal policy: famine deaths, all years, minus history's (M)", maximal - famine,
                        "above 0", 0.01, 100.0, "behaviour"))
    return checks


def all_checks(runs: Runs) -> list[Check]:
    return historical_checks(runs.historical) + behaviour_checks(runs)
