"""What the map shows, display-free: per map mode and year, each region's figure in a game and in
history's, the scale they share, and the texts that go with them. The window's map screen and the
HTML debrief read it; neither computes a regional figure of its own.

No mode judges: the colours run from light (little) to dark (much) on one sequential,
colour-blind-safe scale whatever the figure, so that grain taken is never coloured as success;
and the procurement mode always prints the famine's toll beside the share taken.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..scenario.map import MapSpec
from ..scenario.schema import Scenario


@dataclass(frozen=True)
class MapMode:
    id: str
    label: str            # the button and the heading
    legend: str           # what the numbers are, under the map
    unit: str             # after each number
    breaks: tuple[float, ...]   # where each colour of SCALE ends and the next begins (7 for 8 colours)


# Fixed class breaks, the same every year and in both games, so one colour always means one
# range; stepped like a logarithm where the figures span orders of magnitude (deaths, settlers).
MODES: tuple[MapMode, ...] = (
    MapMode("famine", "Famine deaths", "famine deaths in the year per 1,000 people of the region", "‰",
            (0.5, 1, 2, 5, 10, 20, 50)),
    MapMode("procurement", "Grain taken", "grain procured as a share of the region's harvest, and beside it "
            "the famine deaths per 1,000", "%", (5, 10, 15, 20, 30, 40, 50)),
    MapMode("food", "Food per villager", "grain left to eat per villager in the year, kg", " kg",
            (100, 150, 200, 250, 300, 350, 400)),
    MapMode("collectivization", "Collectivization", "households in collective farms (the Union's share spread "
            "over the regions: an estimate)", "%", (10, 20, 30, 40, 50, 60, 80)),
    MapMode("settlers", "Special settlers", "deported peasants living in the region at the year's end, thousands",
            "k", (1, 5, 10, 25, 50, 100, 200)),
)
BY_ID = {m.id: m for m in MODES}

# Eight steps of cividis (Nuñez, Anderton & Renslow, PLOS ONE 2018): a sequential scale that reads
# the same to the colour-blind and in greyscale, light for little and dark for much.
SCALE: tuple[tuple[int, int, int], ...] = (
    (253, 234, 69), (222, 206, 83), (187, 176, 106), (153, 149, 118), (124, 123, 120), (98, 100, 112),
    (61, 78, 110), (0, 50, 111),
)


@dataclass(frozen=True)
class GameRegions:
    """One game's regional series: region -> figure -> value per year, with the national
    collectivization (the one figure the map spreads over the regions itself)."""

    years: tuple[int, ...]
    regions: dict[str, dict[str, list[float]]]
    collectivization: tuple[float, ...]
    deportation_deaths_m: tuple[float, ...] = ()   # the Union's deaths in exile, per year
    deported_m: tuple[float, ...] = ()             # the Union's deportations, per year

    @classmethod
    def of(cls, years, regions, records) -> GameRegions:
        return cls(tuple(years), regions, tuple(float(r.get("collectivization", 0.0)) for r in records),
                   tuple(float(r.get("deportation_deaths_k", 0.0)) / 1000.0 for r in records),
                   tuple(float(r.get("deported_m", 0.0)) for r in records))

    def _settler_share(self, region: str, i: int) -> float:
        total = math.fsum(f["special_settlers_m"][i] for f in self.regions.values())
        return self.regions[region]["special_settlers_m"][i] / total if total > 0 else 0.0

    def sent_here_m(self, region: str, i: int) -> float:
        """People deported in the year to the region: the Union's deportations by the region's
        share of the settlers (where they were sent; the model deports for the Union)."""
        return self.deported_m[i] * self._settler_share(region, i) if i < len(self.deported_m) else 0.0

    def exile_deaths_m(self, region: str, i: int) -> float:
        """Deaths in exile among the special settlers living in the region: the Union's, by the
        region's share of the settlers (the model counts the deaths for the Union)."""
        if i >= len(self.deportation_deaths_m):
            return 0.0
        return self.deportation_deaths_m[i] * self._settler_share(region, i)

    def index(self, year: int) -> int | None:
        return self.years.index(year) if year in self.years else None


def spread_collectivization(national: float, weights: dict[str, float], leads: dict[str, float]) -> dict[str, float]:
    """The Union's share of collectivized households spread over the regions in proportion to
    their leads, no region above all, and weighted by their villagers so that the regions' average
    is the Union's share (found by bisection on the common factor)."""
    if national <= 0:
        return dict.fromkeys(leads, 0.0)
    total = math.fsum(weights.values()) or 1.0

    def average(factor: float) -> float:
        return math.fsum(weights[r] * min(1.0, factor * leads[r]) for r in leads) / total

    low, high = 0.0, 1.0
    while average(high) < national and high < 1e6:
        high *= 2
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if average(middle) < national else (low, middle)
    return {r: min(1.0, high * leads[r]) for r in leads}


def _figure(mode: str, f: dict[str, list[float]], i: int) -> float:
    if mode == "famine":
        people = f["rural_m"][i] + f["urban_m"][i]
        return 1000.0 * f["famine_deaths_m"][i] / people if people > 0 else 0.0
    if mode == "procurement":
        return 100.0 * f["procurement_share_of_harvest"][i]
    if mode == "food":
        return 1000.0 * f["food_per_head_t"][i]
    if mode == "settlers":
        return 1000.0 * f["special_settlers_m"][i]
    raise KeyError(mode)


def values(mode: str, game: GameRegions, spec: MapSpec, year: int) -> dict[str, float | None]:
    """Each region's figure in `mode` for `year` (None: the game has no such year or region)."""
    i = game.index(year)
    if i is None:
        return dict.fromkeys(spec.regions)
    drawn = [r for r in spec.regions if r in game.regions]
    if mode == "collectivization":
        spread = spread_collectivization(game.collectivization[i], {r: game.regions[r]["rural_m"][i] for r in drawn},
                                         {r: spec.regions[r].collectivization_lead for r in drawn})
        figures = {r: 100.0 * spread[r] for r in drawn}
    else:
        figures = {r: _figure(mode, game.regions[r], i) for r in drawn}
    return {r: figures.get(r) for r in spec.regions}


def value(mode: str, game: GameRegions, spec: MapSpec, region: str, year: int) -> float | None:
    return values(mode, game, spec, year).get(region)


def colour_step(mode: str, number: float) -> int:
    """Which of SCALE's colours a figure takes: the count of the mode's breaks at or below it."""
    return sum(1 for b in BY_ID[mode].breaks if number >= b)


def number_text(mode: str, number: float) -> str:
    """A figure as printed on the map and the legend: a decimal only where it is small."""
    digits = 1 if 0 < abs(number) < 2 and mode in ("famine", "settlers") and number != round(number) else 0
    return f"{number:,.{digits}f}"


def formatted(mode: str, number: float | None) -> str:
    if number is None:
        return "–"
    text = number_text(mode, number)
    return text if text == "0" and BY_ID[mode].unit == "k" else text + BY_ID[mode].unit   # "0", not "0k"


def region_names(scenario: Scenario) -> dict[str, tuple[str, str]]:
    """Region id -> (its name in 1933, the present-day name)."""
    return {rid: (r.name, r.present_name) for rid, r in scenario.parameters.regions.regions.items()}


FIGURES = (  # the region's panel: figure, label, how it is written
    ("harvest_mt", "Harvest", "tonnes"),
    ("procurement_mt", "Grain taken", "tonnes"),
    ("relief_mt", "Relief grain", "tonnes"),
    ("food_per_head_t", "Food per villager", "kg"),
    ("famine_deaths_m", "Famine deaths", "people"),
    ("fled_m", "Fled the region", "people"),
    ("cattle_m", "Cattle", "head"),
    ("special_settlers_m", "Special settlers", "people"),
    ("sent_here_m", "Deported here", "people"),
    ("exile_deaths_m", "Died in exile", "people"),
)


def amount(millions_or_t: float, kind: str) -> str:
    """A panel figure: Mt of grain, kg a head, or people and head of cattle in k or M."""
    if kind == "tonnes":
        return f"{millions_or_t:.1f} Mt"
    if kind == "kg":
        return f"{1000 * millions_or_t:.0f} kg"
    if millions_or_t >= 0.9995:
        return f"{millions_or_t:.2f} M"
    if millions_or_t < 0.0005:
        return "none"
    return f"{1000 * millions_or_t:.0f}k"


def figure_rows(game: GameRegions, history: GameRegions | None, region: str, year: int) -> list[tuple[str, str, str]]:
    """(label, your game, history's) for the region's panel; "–" where a game has no such year."""
    def one(g: GameRegions | None, key: str, kind: str) -> str:
        i = g.index(year) if g is not None else None
        if i is None or region not in g.regions:
            return "–"
        if key in ("exile_deaths_m", "sent_here_m"):
            return amount(getattr(g, key)(region, i), kind)
        return amount(g.regions[region][key][i], kind)

    return [(label, one(game, key, kind), one(history, key, kind)) for key, label, kind in FIGURES]


# -- the famine on a printed map (the HTML debrief) ---------------------------------------------
TOTAL_BREAKS = (1, 5, 10, 25, 50, 100, 200)
"""Famine deaths over the years of a game per 1,000 people: where each colour of SCALE ends."""
PRINT_WIDTH = 1000     # the printed map's drawing units across (its SVG viewBox)
PRINT_COLUMN = 130     # the column for the small regions' labels, on its left


@dataclass(frozen=True)
class PrintedRegion:
    id: str
    name: str
    path: str                              # SVG path data in the map's units
    label: tuple[int, int]
    anchor: tuple[int, int] | None
    yours: float                           # famine deaths over the years played, per 1,000
    history: float | None                  # history's over the same years


@dataclass(frozen=True)
class FamineMap:
    width: int
    height: int
    first_year: int
    last_year: int
    caption: str
    neighbours: str                        # SVG path data of the land outside the Union
    regions: tuple[PrintedRegion, ...]


def deaths_per_thousand(game: GameRegions, region: str) -> float:
    """A region's famine deaths over the game's years per 1,000 of the people it had in the first
    of them (not each year's rate added up: that would count the dead and the fled again as the
    population fell)."""
    f = game.regions.get(region)
    if f is None or not f["famine_deaths_m"]:
        return 0.0
    people = f["rural_m"][0] + f["urban_m"][0]
    return 1000.0 * math.fsum(f["famine_deaths_m"]) / people if people > 0 else 0.0


def _path(rings, point) -> str:
    return " ".join("M" + " L".join(f"{x:.0f},{y:.0f}" for x, y in (point(pt) for pt in ring)) + " Z"
                    for ring in rings)


@dataclass(frozen=True)
class Outline:
    path: str                              # SVG path data in the drawing's units, y down
    label: tuple[int, int]
    anchor: tuple[int, int] | None


@dataclass(frozen=True)
class Outlines:
    """The map's outlines for a drawing `width` units across, the map right of a `column` left
    free for the labels of the regions too small to hold their figure."""

    width: int
    height: int
    neighbours: str                        # SVG path data of the land outside the Union
    regions: dict[str, Outline]


def outlines(spec: MapSpec, width: int = PRINT_WIDTH, column: int = PRINT_COLUMN) -> Outlines:
    projected = spec.projected
    x0, y0, x1, y1 = projected.bounds
    scale = (width - column - 20) / (x1 - x0)
    height = round(scale * (y1 - y0)) + 20

    def point(pt) -> tuple[int, int]:
        return round(column + 10 + scale * (pt[0] - x0)), round(10 + scale * (y1 - pt[1]))

    regions = {rid: Outline(_path(shape.rings, point), point(shape.label), point(shape.anchor) if shape.anchor else None)
               for rid, shape in projected.regions.items()}
    return Outlines(width, height, _path(projected.neighbours, point), regions)


def famine_map(spec: MapSpec, names: dict[str, tuple[str, str]], game: GameRegions,
               history: GameRegions | None) -> FamineMap:
    drawn = outlines(spec)
    regions = tuple(
        PrintedRegion(rid, names.get(rid, (rid, ""))[0], shape.path, shape.label, shape.anchor,
                      deaths_per_thousand(game, rid),
                      deaths_per_thousand(history, rid) if history is not None else None)
        for rid, shape in drawn.regions.items())
    return FamineMap(drawn.width, drawn.height, game.years[0], game.years[-1], spec.caption, drawn.neighbours,
                     regions)
