"""The map screen, display-free: what the window's map (game/ui/scenes/map.py) and the browser's
(game/web/static/map.js, through the bridge's `map`) both show.

The figures come from game/debrief/regional_map.py; this module adds what a screen of them says:
the two games (yours, history's) and which one colours the map, the numbers printed on each
region, the heading and the legend, the region's page (its figures, what happened there in
history, the historians' readings, the cards met, the sources), and for the browser the whole
screen as JSON-ready dicts with the map's SVG geometry and its labels placed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..debrief import regional_map as rm
from ..debrief.map_labels import place_labels
from ..errors import UserError
from .i18n import _

YOURS, HISTORY = "yours", "history"


class MapError(UserError):
    """A map the game cannot show (a figure, year or region it does not have)."""


def game_regions(session) -> rm.GameRegions:
    """The regional series of the game in a session, the years played so far."""
    return rm.GameRegions.of([int(r["year"]) for r in session.records], session.game.region_series(),
                             session.records)


def history_regions() -> rm.GameRegions:
    """History's course in the model (the bundled Great Turn under history's policy, worked out
    once per process), whatever the scenario: the map sets any game's years beside it."""
    from ..headless.baseline import historical_game

    h = historical_game()
    return rm.GameRegions.of(h.years, h.regions, h.records)


def worst_famine_year(game: rm.GameRegions) -> int:
    """The year of the most famine deaths in the game (the famine is what the map is for), else
    the last year played."""
    years = list(game.years)
    deaths = [math.fsum(f["famine_deaths_m"][i] for f in game.regions.values()) for i in range(len(years))]
    if deaths and max(deaths) > 0.05:
        return years[deaths.index(max(deaths))]
    return years[-1]


class MapFigures:
    """The two games a map sets side by side, each year's figures worked out once per game and mode."""

    def __init__(self, spec, game: rm.GameRegions, history: rm.GameRegions | None):
        self.spec, self.game, self.history = spec, game, history
        self._figures: dict[tuple, dict[str, float | None]] = {}

    def shown(self, whose: str) -> rm.GameRegions:
        """The game whose figures colour the map."""
        return self.history if whose == HISTORY and self.history is not None else self.game

    def other(self, whose: str) -> rm.GameRegions | None:
        """The game whose figures are printed beside, in brackets."""
        return self.game if whose == HISTORY else self.history

    def figure(self, game: rm.GameRegions, mode: str, region: str, year: int) -> float | None:
        key = (id(game), mode, year)
        if key not in self._figures:
            self._figures[key] = rm.values(mode, game, self.spec, year)
        return self._figures[key].get(region)

    def printed(self, game: rm.GameRegions | None, mode: str, region: str, year: int) -> str:
        """A game's figure for the region as printed; grain taken always with the famine's toll
        beside it, so that the share taken is never read apart from the deaths."""
        if game is None:
            return "–"
        text = rm.formatted(mode, self.figure(game, mode, region, year))
        if mode == "procurement":
            text += " · " + rm.formatted("famine", self.figure(game, "famine", region, year))
        return text

    def label_lines(self, mode: str, region: str, year: int, whose: str, beside: bool = True) -> tuple[str, str]:
        """The number printed on the region (the shown game's) and, in brackets under it, the
        other game's (none where `beside` is off: a narrow window prints it below the map)."""
        first = self.printed(self.shown(whose), mode, region, year)
        other = self.other(whose)
        second = ""
        if other is not None and beside:
            second = f"({rm.formatted(mode, self.figure(other, mode, region, year))})"
        return first, second

    def region_line(self, mode: str, region: str, year: int, whose: str, name: str) -> str:
        """The region in one line: its name, the shown game's figure and the other's."""
        first, _second = self.label_lines(mode, region, year, whose, beside=False)
        beside = ""
        other = self.other(whose)
        if other is not None:
            who = _("yours") if whose == HISTORY else _("history")
            beside = f"({who} {rm.formatted(mode, self.figure(other, mode, region, year))})"
        return _("{region}: {figure} {history}").format(region=name, figure=first, history=beside).strip()


def heading(mode: str, year: int, whose: str) -> str:
    game = _("your game") if whose == YOURS else _("history's game")
    return _("Map: {figure}, {year} ({whose})").format(figure=_(rm.BY_ID[mode].label), year=year, whose=game)


def legend_texts(spec, mode: str, whose: str, compact: bool = False, brevity: int = 0) -> tuple[str, str]:
    """What the colours and numbers are; and the map's caption (with, for collectivization, how
    the regions' shares are estimated). Briefer at `brevity` 1 and 2, for low windows: the
    region's page then carries the note on collectivization."""
    other = _("history's") if whose == YOURS else _("your game's")
    what = _(rm.BY_ID[mode].legend) if brevity < 2 else _(rm.BY_ID[mode].label).lower()
    if compact:
        legend = _("Colours and numbers: {what}; {other} in the line below.").format(what=what, other=other)
    else:
        legend = _("Colours and numbers: {what}; in brackets, {other}.").format(what=what, other=other)
    note = f" {spec.collectivization_note}" if mode == "collectivization" and brevity == 0 else ""
    caption = f"{spec.caption}.{note}" if brevity < 2 else ""
    return legend, caption


def cards_met(scenario, session, region: str) -> list[str]:
    """The region's cards the player answered, as "year title"."""
    about = {e.id: e.title for e in scenario.events if region in e.regions}
    return [f"{e.year} {about[e.id]}" for e in session.events if e.id in about]


@dataclass(frozen=True)
class Reading:
    author: str
    work: str
    position: str


@dataclass(frozen=True)
class RegionPage:
    """A region's page: the window's info screen, the browser's region section."""

    name: str
    present: str
    intro: str                                  # "In 1933: ... Today: ..."
    rows_heading: str                           # "1933: your game (history's)"
    rows: tuple[tuple[str, str, str], ...]      # figure, your game, history's
    history: str                                # what happened there, from the scenario
    readings: tuple[Reading, ...]               # how historians read it
    cards: tuple[str, ...]                      # the region's cards in your game
    about: str                                  # the map's caption, source and estimate
    sources: tuple[str, ...]


def region_page(scenario, session, figures: MapFigures, region: str, year: int) -> RegionPage:
    spec = scenario.map
    r = spec.regions[region]
    name, present = rm.region_names(scenario).get(region, (region, ""))
    rows = tuple((_(label), yours, history)
                 for label, yours, history in rm.figure_rows(figures.game, figures.history, region, year))
    return RegionPage(
        name, present, _("In 1933: {name}. Today: {present}.").format(name=name, present=present),
        _("{year}: your game (history's)").format(year=year), rows, r.summary,
        tuple(Reading(p.author, p.work, p.position) for p in r.positions), tuple(cards_met(scenario, session, region)),
        f"{spec.caption}. {spec.source} {spec.collectivization_note}".strip(), tuple(r.sources))


# -- the browser's map: the screen as JSON-ready dicts ----------------------------------------
WIDTH = 1000          # the drawing's units across (its SVG viewBox)
FIGURE_SIZE = 22      # the label's figure, in those units (the map shows about 800 px wide)
OTHER_SIZE = 17       # the other game's, in brackets under it
PAD = 6               # around a label's text
# Glyph widths in em of DejaVu Sans Bold (the page's first font), a little generous: the labels
# are placed here, before the page draws them; the page narrows a text that still runs over.
EM = {".": 0.38, ",": 0.38, " ": 0.35, "·": 0.38, "(": 0.46, ")": 0.46, "%": 1.0, "‰": 1.45, "–": 0.5, "k": 0.67}


def text_width(text: str, size: float) -> int:
    return math.ceil(size * sum(EM.get(ch, 0.72) for ch in text))


def _hex(colour: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


def legend_steps(mode: str) -> list[dict]:
    """SCALE's colours with the range of the figure each stands for."""
    m = rm.BY_ID[mode]
    unit = m.unit.strip() if m.unit != " kg" else " kg"
    bounds = [0.0, *m.breaks]
    steps = []
    for i, colour in enumerate(rm.SCALE):
        low = rm.number_text(mode, bounds[i])
        if i + 1 < len(bounds):
            text = _("{low} to under {high}{unit}").format(low=low, high=rm.number_text(mode, bounds[i + 1]), unit=unit)
        else:
            text = _("{low}{unit} and more").format(low=low, unit=unit)
        steps.append({"colour": _hex(colour), "text": text})
    return steps


def _labels(figures: MapFigures, mode: str, year: int, whose: str) -> tuple[rm.Outlines, dict[str, dict]]:
    """The outlines with room on the left for the small regions' labels, and each label placed."""
    spec = figures.spec
    lines = {r: figures.label_lines(mode, r, year, whose) for r in spec.regions}
    sizes = {r: (max(text_width(a, FIGURE_SIZE), text_width(b, OTHER_SIZE)) + 2 * PAD,
                 round(1.25 * FIGURE_SIZE + (1.25 * OTHER_SIZE if b else 0)) + PAD)
             for r, (a, b) in lines.items()}
    anchored = [r for r, shape in spec.projected.regions.items() if shape.anchor]
    column = max((sizes[r][0] for r in anchored), default=0) + (24 if anchored else 0)
    drawn = rm.outlines(spec, WIDTH, column)
    boxes = place_labels(sizes, {r: o.label for r, o in drawn.regions.items()},
                         {r: o.anchor for r, o in drawn.regions.items() if o.anchor}, column // 2,
                         (0, 0, drawn.width, drawn.height), 4)
    labels = {}
    for region, (x, y, w, h) in boxes.items():
        first, second = lines[region]
        texts = [{"text": first, "x": x + w // 2, "y": y + PAD // 2 + FIGURE_SIZE, "size": FIGURE_SIZE, "bold": True}]
        if second:
            texts.append({"text": second, "x": x + w // 2, "y": y + PAD // 2 + round(1.2 * FIGURE_SIZE) + OTHER_SIZE,
                          "size": OTHER_SIZE, "bold": False})
        labels[region] = {"x": x, "y": y, "width": w, "height": h, "lines": texts}
    return drawn, labels


def _choice(mode, year, whose, region, figures: MapFigures, spec, default_year: int) -> tuple[str, int, str, str | None]:
    """The arguments checked, with a message that names what the map has."""
    mode = mode or "famine"
    if mode not in rm.BY_ID:
        raise MapError(f"map: {str(mode)[:40]!r} is not a figure of the map ({', '.join(rm.BY_ID)})")
    years = figures.game.years
    if year is None:
        year = default_year
    else:
        try:
            year = int(year)
        except (TypeError, ValueError):
            raise MapError(f"map: the year is a number, not {str(year)[:20]!r}") from None
        if year not in years:
            raise MapError(f"map: {year} has not been played; the years played are {years[0]}–{years[-1]}")
    if whose not in (YOURS, HISTORY):
        raise MapError("map: colour by 'yours' or 'history'")
    if region is not None and region not in spec.regions:
        raise MapError(f"map: there is no region {str(region)[:40]!r} ({', '.join(spec.regions)})")
    return mode, year, whose, region


def map_screen(scenario, session, finished: bool, mode: str | None = None, year: int | None = None,
               whose: str = YOURS, region: str | None = None, history: rm.GameRegions | None = None) -> dict:
    """The browser's map screen: the figure `mode` of `year` (by default, of a game in progress
    the last year played; of a finished game the year of the most famine deaths, as the window's
    year and end screens open it), coloured by `whose` game, and `region`'s page if one is chosen."""
    if not session.records:
        raise MapError("no year has been played yet: the map shows the years played")
    spec = scenario.map
    game = game_regions(session)
    figures = MapFigures(spec, game, history if history is not None else history_regions())
    default = worst_famine_year(game) if finished else game.years[-1]
    mode, year, whose, region = _choice(mode, year, whose, region, figures, spec, default)
    names = rm.region_names(scenario)
    drawn, labels = _labels(figures, mode, year, whose)
    shown = figures.shown(whose)
    legend, caption = legend_texts(spec, mode, whose)
    title = heading(mode, year, whose)
    regions = []
    for rid, outline in drawn.regions.items():
        name, present = names.get(rid, (rid, ""))
        value = figures.figure(shown, mode, rid, year)
        regions.append({
            "id": rid, "name": name, "present": present, "path": outline.path,
            "anchor": list(outline.anchor) if outline.anchor else None, "label": labels[rid],
            "colour": _hex(rm.SCALE[rm.colour_step(mode, value)]) if value is not None else None,
            "value": figures.printed(shown, mode, rid, year),
            "yours": figures.printed(figures.game, mode, rid, year),
            "history": figures.printed(figures.history, mode, rid, year),
            "line": figures.region_line(mode, rid, year, whose, name),
        })
    page = None
    if region is not None:
        page = _page_dict(region_page(scenario, session, figures, region, year), region)
    return {
        "heading": title, "mode": mode, "year": year, "years": list(game.years), "whose": whose,
        "history_available": figures.history is not None,
        "modes": [{"id": m.id, "label": _(m.label), "legend": _(m.legend), "unit": m.unit} for m in rm.MODES],
        "legend": legend, "caption": caption, "steps": legend_steps(mode),
        "summary": _("{heading}. Each region's figure is printed on it; the table below gives every "
                     "region's, yours and history's.").format(heading=title),
        "width": drawn.width, "height": drawn.height, "neighbours": drawn.neighbours, "regions": regions,
        "page": page,
    }


def _page_dict(page: RegionPage, region: str) -> dict:
    return {
        "id": region, "name": page.name, "present": page.present, "intro": page.intro,
        "rows_heading": page.rows_heading,
        "rows": [{"label": label, "yours": yours, "history": history} for label, yours, history in page.rows],
        "history": page.history,
        "readings": [{"author": r.author, "work": r.work, "position": r.position} for r in page.readings],
        "cards": list(page.cards), "about": page.about, "sources": list(page.sources),
    }
