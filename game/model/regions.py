"""Regions: where the grain was grown, where it was taken, and where people starved.

The country's grain balance (food.py) says how much the state takes and gives back; this module
says from whom. Each region's harvest follows its own weather group. Grain the state buys comes
from the regions with a surplus to sell; grain taken by force follows history's quotas, moved part
of the way toward each region's harvest, and a region whose villages have nothing left to take
passes its unmet quota on to the others, so a failing harvest in the south shifts the burden and
the region's share of the collection falls. Relief goes to the villages short of food, in
proportion to what they lack.
Each region's villagers eat what they keep, its herds' milk and meat, and the state grain sent to
the cotton and timber districts; food per head and its spread in the region set the region's
famine deaths, and the country's famine is the sum of the regions'.

Two decisions act on chosen regions (the `*_applies` flags in the parameters): blacklisting
takes grain and food the quotas could not (the winter of 1932-33 in Ukraine and the Kuban), and
the ban on flight (22 January 1933) keeps the hungry in the villages where there is no food.
Pastoral regions live on their herds: requisitioning the herds and settling the nomads by force
(Kazakhstan, 1930-33) destroys their food.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from operator import add, gt, sub
from typing import NamedTuple

from . import portable_math
from .params import FoodParams, LivestockParams, RegionsParams
from .portable_math import power
from .state import State

REGION_METRICS = (
    "rural_m", "urban_m", "harvest_mt", "procurement_mt", "procurement_share_of_harvest", "relief_mt",
    "food_per_head_t", "share_below_subsistence", "famine_deaths_m", "fled_m", "cattle_m", "special_settlers_m",
)
"""What the year's record keeps of each region (`RegionsYear.rows`), in this order."""

SQRT2 = math.sqrt(2.0)


@dataclass(slots=True)
class VillageGrain:
    """The villages' grain after the state has taken and given back: the country's sums, and
    per region (lists in the regions' order)."""

    feed_mt: float
    food_mt: float
    private_sales_mt: float
    carried_mt: float
    feed_need_mt: float
    harvest_by_region: list[float]
    procurement_by_region: list[float]
    coerced_by_region: list[float]    # the part of it taken by force
    relief_by_region: list[float]
    food_by_region: list[float]


@dataclass(slots=True)
class RegionsYear:
    """The regions' hunger this harvest year, summed for the country, and per region (lists in the
    regions' order; `rows` completes them with the people and herds at the year's end)."""

    rural_food_per_head_t: float   # the villages' average
    sigma: float                   # the regions' spreads of food, averaged over their villagers
    share_below_subsistence: float
    harvest_deaths_m: float        # excess deaths this harvest causes, this and the next calendar year
    rural_deaths_m: float          # rural famine deaths in this calendar year
    fled_m: float
    grain: VillageGrain
    food_per_head: list[float]
    below: list[float]
    deaths: list[float]            # died this calendar year: rural famine and the region's part of the towns'
    fled: list[float]              # left the region's villages fleeing hunger

    # The year's end, kept by `close` for `rows`: the country's rural and town people, cattle and
    # settlers, and the regions' shares of the villagers and the cattle.
    end: tuple = ()

    def close(self, state: State) -> None:
        """Keep the people and herds of the year's end (the record's national figures are the
        state's at the year's end, and the regions' add up to them). The state's regional lists
        are replaced each year, never changed in place, so keeping them is safe."""
        self.end = (state.rural_m, state.urban_m, state.cattle_m, state.special_settlers_m, state.region_rural,
                    state.region_cattle)

    def rows(self, p: RegionsParams) -> tuple[tuple[float, ...], ...]:
        """One row of REGION_METRICS per region (worked out when asked: a batch of headless games
        never asks)."""
        t = p.table
        rural, urban, cattle, settlers, rural_shares, cattle_shares = self.end
        g = self.grain
        return tuple(zip(
            [rural * s for s in rural_shares], [urban * s for s in t.urban_share], g.harvest_by_region,
            g.procurement_by_region, [c / h if h > 0 else 0.0 for c, h in zip(g.procurement_by_region,
                                                                            g.harvest_by_region, strict=True)],
            g.relief_by_region, self.food_per_head, self.below, self.deaths, self.fled,
            [cattle * s for s in cattle_shares], [settlers * s for s in t.settlers], strict=True))


def harvest_shares(categories: dict[str, str], factors: dict[str, float], p: RegionsParams) -> HarvestSplit:
    """Each region's share of this year's harvest (its average share, moved by its group's
    weather), and its weight in the quotas for grain taken by force (history's split, moved
    toward its harvest against its average: `quota_follows_harvest`). The same weather gives the
    same split: worked out once per weather and kept."""
    key = (tuple(categories.items()), tuple(factors.items()))
    split = p.split_cache.get(key)
    if split is None:
        t = p.table
        weights = [share * power(factors[categories[group]], k)
                   for share, group, k in zip(t.grain_share, t.weather_group, t.weather_sensitivity, strict=True)]
        total = math.fsum(weights)
        shares = [w / total for w in weights] if total > 0 else list(t.grain_share)
        follow = p.quota_follows_harvest
        quotas = [q * power(s / g, follow) if g > 0 else q for q, s, g in zip(t.quota, shares, t.grain_share, strict=True)]
        split = p.split_cache[key] = HarvestSplit(shares, quotas)
    return split


class HarvestSplit(NamedTuple):
    shares: list[float]   # of the harvest (read only: shared by every year of the same weather)
    quotas: list[float]   # weights of the forced collection


def split_procurement(procured: float, quotas: list[float], room: list[float]) -> list[float]:
    """The collection by region: each region's quota share of `procured`, no more than it has room
    for; what a region cannot give is asked of the others with room left, in proportion to their
    quotas (and, when every quota-holder is exhausted, to their room)."""
    total = math.fsum(quotas)
    if total > 0.0:  # most years every region has room for its part: one pass
        taken = [procured * q / total for q in quotas]
        if not any(map(gt, taken, room)):
            return taken
    taken = [0.0] * len(quotas)
    left = procured
    open_ = [i for i, r in enumerate(room) if r > 1e-12]
    while left > 1e-12 and open_:
        weights = [quotas[i] for i in open_]
        total = math.fsum(weights)
        if total <= 0:
            weights = [room[i] - taken[i] for i in open_]
            total = math.fsum(weights)
        full = []
        given = 0.0
        for i, w in zip(open_, weights, strict=True):
            want = left * w / total
            space = room[i] - taken[i]
            if want >= space:
                want = space
                full.append(i)
            taken[i] += want
            given += want
        left -= given
        if not full:
            break  # every region took its part: nothing is left but rounding
        open_ = [i for i in open_ if i not in full]
    if left > 1e-9:  # a national order beyond what the regions hold (rounding): the largest gives it
        taken[max(range(len(room)), key=room.__getitem__)] += left
    return taken


def village_grain(state: State, harvest_mt: float, village_mt: float, market: float, coerced: float,
                  relief: float, split: HarvestSplit, quota_factor: float, p: RegionsParams, food: FoodParams,
                  lp: LivestockParams) -> VillageGrain:
    """Split the villages' grain, the state's collection and its relief between the regions, and
    feed each region's people and animals from what it keeps. Grain bought (`market`) comes from
    where the villages have a surplus to sell; grain taken by force (`coerced`) by the quotas, the
    regions the quota lever applies to weighted by `quota_factor` (the directives'
    grain_regions_quota: 1 is history's split)."""
    t = p.table
    rural = state.rural_m
    shares = split.shares
    ration, floor_t = food.rural_full_ration_t, food.minimum_rural_ration_t
    horse_feed = lp.feed_t_per_horse * state.horses_m / max(rural, 1e-9)
    cattle_feed = lp.feed_t_per_cattle * state.cattle_m
    cut = 1.0 - p.blacklist_floor_cut * state.blacklisting
    village, food_need, feed_need, room, selling_surplus = [], [], [], [], []
    for s, people_share, cattle_share, blacklisted in zip(shares, state.region_rural, state.region_cattle,
                                                          t.blacklisting, strict=True):
        v = village_mt * s
        n = rural * people_share
        fn = n * ration
        fd = cattle_feed * cattle_share + n * horse_feed
        left = v - floor_t * n * (cut if blacklisted else 1.0)
        extra = v - fn - fd
        village.append(v)
        food_need.append(fn)
        feed_need.append(fd)
        room.append(left if left > 0.0 else 0.0)
        selling_surplus.append(extra if extra > 0.0 else 0.0)
    bought = split_procurement(market, selling_surplus, room)
    quotas = split.quotas
    if quota_factor != 1.0:
        quotas = [q * quota_factor if moved else q for q, moved in zip(quotas, t.quota_lever, strict=True)]
    forced = split_procurement(coerced, quotas, list(map(sub, room, bought)))
    taken = list(map(add, bought, forced))
    procured = market + coerced
    # Relief goes back as seed and food loans to the villages short of food, in proportion to
    # what they lack, and no more than that; what is left over goes back to where it was taken.
    deficits = []
    for need, v, tk in zip(food_need, village, taken, strict=True):
        lack = need - v + tk
        deficits.append(lack if lack > 0.0 else 0.0)
    lacking = math.fsum(deficits)
    if relief <= lacking:
        given = [relief * d / lacking for d in deficits] if lacking > 0.0 else [0.0] * len(deficits)
    else:
        rest, weights = relief - lacking, (taken if procured > 0.0 else shares)
        total = math.fsum(weights) or 1.0
        given = [d + rest * w / total for d, w in zip(deficits, weights, strict=True)]
    collectivized = state.collectivization
    selling = food.market_sales_share * (1.0 - collectivized) + food.kolkhoz_market_share * collectivized
    cut_exponent = food.feed_cut_exponent
    feeds, foods = [], []
    surplus_total = 0.0
    for v, tk, g, fn, fd in zip(village, taken, given, food_need, feed_need, strict=True):
        after = v - tk + g
        if after < 0.0:
            after = 0.0
        need = fn + fd
        enough = after / need if need > 0 else 1.0
        feed = fd * power(enough, cut_exponent) if enough < 1.0 else fd
        if feed > after:
            feed = after
        eaten = after - feed
        if eaten > fn:
            eaten = fn
        feeds.append(feed)
        foods.append(eaten)
        surplus_total += after - feed - eaten
    return VillageGrain(math.fsum(feeds), math.fsum(foods), selling * surplus_total, surplus_total * (1.0 - selling),
                        math.fsum(feed_need), [harvest_mt * s for s in shares], taken, forced, given, foods)


def herd_food(state: State, p: RegionsParams, food: FoodParams) -> list[float]:
    """Milk and meat from each region's herds, grain equivalent Mt: a pastoral region's cattle
    stand for the sheep, horses and camels its people also lived on (`herd_food_weight`; the
    weights are scaled so that the country's herds gave what the USSR's average says in 1928)."""
    scale = food.livestock_food_t_per_cattle * state.cattle_m
    return [scale * s * w for s, w in zip(state.region_cattle, p.table.herd_food, strict=True)]


def famine(state: State, grain: VillageGrain,
           state_fed_mt: float, herds_mt: list[float], urban_deaths_m: float, squeeze_norm: float,
           p: RegionsParams, food: FoodParams) -> RegionsYear:
    """Food per head and famine deaths in each region, and the country's as their sums.

    A harvest's deaths fall mostly in the next spring (`famine_deaths_next_year_share`); flight
    saves some of the hungry, unless a ban holds them in. The state's regional memory (the rural
    people's split, last year's hunger, the deaths still to come) moves on to the next year."""
    t = p.table
    rural = state.rural_m if state.rural_m > 1e-9 else 1e-9
    people = [rural * s for s in state.region_rural]
    fed_weights = [w * n for w, n in zip(t.state_fed, people, strict=True)]
    fed_per_weight = state_fed_mt / max(math.fsum(fed_weights), 1e-9)
    village_share = 1.0 - food.urban_share_of_livestock_food
    next_share = food.famine_deaths_next_year_share
    now_share = 1.0 - next_share
    pending_m = state.famine_deaths_pending_m
    ban = min(1.0, max(0.0, state.flight_ban))
    fined = food.other_food_t_per_head * (1.0 - p.blacklist_food_fine * state.blacklisting)
    spread = food.sigma_base + food.sigma_per_disruption * state.disruption
    threshold, normal = food.subsistence_t, food.normal_hunger_share
    mortality, exponent, depletion_rate = food.famine_mortality, food.famine_exponent, food.famine_depletion
    flight_share, flight_survival = p.flight_share, p.flight_survival
    other_food, per_coercion, targeting = food.other_food_t_per_head, food.sigma_per_coercion, food.relief_targeting
    herd_spread = p.herd_loss_spread
    per_heads, belows, raws, died_rural, fled, left = [], [], [], [], [], []
    erfc, log = portable_math.erfc, portable_math.log  # the same digits everywhere; locals are faster
    sigma_sum = 0.0
    for (n, harvest_r, forced, given, eaten, herds, fed_w, (blacklisted, pastoral, banned), last, pending,
         shock) in zip(people, grain.harvest_by_region, grain.coerced_by_region, grain.relief_by_region,
                       grain.food_by_region, herds_mt, fed_weights, t.kinds, state.region_hunger,
                       state.region_pending, state.region_herd_shock, strict=True):
        if n < 1e-9:
            n = 1e-9
        # Fines in kind took the potatoes and meat of blacklisted villages once the grain was gone.
        per_head = (eaten + herds * village_share + fed_per_weight * fed_w) / n + (fined if blacklisted else other_food)
        coerced = forced / harvest_r - squeeze_norm if harvest_r > 0 else 0.0
        sigma = spread + per_coercion * coerced if coerced > 0.0 else spread
        if pastoral:
            sigma += herd_spread * shock
        if given > 0.0:
            sigma -= targeting * given / (eaten + given)
        if sigma < 0.02:
            sigma = 0.02
        # The share of a lognormal distribution of food with this mean below subsistence.
        below = (0.5 * erfc(-(log(threshold / per_head) + 0.5 * sigma * sigma) / (sigma * SQRT2))
                 if per_head > 0.0 else 1.0)
        before = last - normal if last > normal else 0.0
        if below > normal:
            excess = below - normal
            # No more die of hunger than are hungry beyond the ordinary; a second hungry year kills more.
            raw = mortality * power(excess, exponent) * (1.0 + depletion_rate * before)
            raw = n * (raw if raw < excess else excess)
        else:
            excess = raw = 0.0
        died = pending_m * pending + raw * now_share
        hungry = excess if excess > before else before
        if hungry > 0.0:  # some of the hungry leave to find food, unless a ban holds them in
            flee = flight_share * hungry
            flee = (flee if flee < 0.5 else 0.5) * (1.0 - ban if banned else 1.0)
            died *= 1.0 - flight_survival * flee
            gone = flee * hungry * n
        else:
            gone = 0.0
        if died > n:
            died = n
        per_heads.append(per_head)
        belows.append(below)
        raws.append(raw)
        died_rural.append(died)
        fled.append(gone)
        left.append(n - died - gone)
        sigma_sum += sigma * n
    fled_total = math.fsum(fled)
    total = math.fsum(people) or 1e-9
    harvest_deaths = math.fsum(raws)
    _move_people(state, left, belows, fled_total)
    state.region_hunger = belows
    state.region_pending = _shares([raw * next_share for raw in raws])
    state.famine_deaths_pending_m = harvest_deaths * next_share
    deaths = [d + urban_deaths_m * s for d, s in zip(died_rural, t.urban_share, strict=True)]
    return RegionsYear(math.fsum(f * n for f, n in zip(per_heads, people, strict=True)) / total, sigma_sum / total,
                       math.fsum(b * n for b, n in zip(belows, people, strict=True)) / total, harvest_deaths,
                       math.fsum(died_rural), fled_total, grain, per_heads, belows, deaths, fled)


def _move_people(state: State, left: list[float], below: list[float], fled_m: float) -> None:
    """The rural people's split after this year's deaths and flight: the fugitives go where there
    is food, in proportion to the villagers there who are not hungry."""
    staying = [n if n > 0.0 else 0.0 for n in left]
    pull = [n * (1.0 - b) for n, b in zip(staying, below, strict=True)]
    pull_total = math.fsum(pull)
    if pull_total > 0:
        staying = [n + fled_m * w / pull_total for n, w in zip(staying, pull, strict=True)]
    state.region_rural = _shares(staying)


def _shares(values: list[float]) -> list[float]:
    """The values as shares of their sum (even shares if all are zero)."""
    total = math.fsum(values)
    if total <= 0:
        return [1.0 / len(values)] * len(values)
    return [v / total for v in values]


def requisition_herds(state: State, cattle_before_m: float, forced: float, requisition: float,
                      p: RegionsParams, memory: float) -> float:
    """The pastoral regions' herds: requisitioned for the meat procurement and lost when the nomads
    are settled by force, beyond what collectivization costs everyone (agriculture.update_herds,
    which has just moved the country's herd from `cattle_before_m`). Lowers the country's cattle,
    updates each region's recent herd loss (its shock fades by `memory`); returns the head lost
    (millions)."""
    before = [cattle_before_m * s for s in state.region_cattle]
    share = min(0.95, max(0.0, requisition) * p.herd_requisition_loss + p.settlement_slaughter * forced)
    herds = [state.cattle_m * s for s in state.region_cattle]
    lost = 0.0
    if share > 0.0:
        for i, pastoral in enumerate(p.table.pastoral):
            if pastoral:
                lost += herds[i] * share
                herds[i] *= 1.0 - share
        if lost > 0.0:
            state.region_cattle = _shares(herds)
            state.cattle_m = max(0.0, state.cattle_m - lost)
    state.region_herd_shock = [shock * memory + (1.0 - now / then if then > 1e-9 and now < then else 0.0)
                               for shock, now, then in zip(state.region_herd_shock, herds, before, strict=True)]
    return lost
