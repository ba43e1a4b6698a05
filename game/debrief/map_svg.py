"""The famine on a printed map: the debrief's two small maps (the game's, history's over the same
years), as inline SVG. Every text is escaped (region names come from scenario files); colours
are the map screen's colour-blind-safe scale, and every region's figure is printed on it."""

from __future__ import annotations

from html import escape

from .map_labels import place_labels
from .regional_map import PRINT_COLUMN, SCALE, TOTAL_BREAKS, FamineMap, number_text

FONT = 24            # the labels' size in the map's units (the map prints about 650 px wide)
CHAR_W = 13.5        # an estimate of a digit's width at that size, for placing the labels


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _colour(value: float | None) -> str:
    if value is None:
        return "#f4efe2"
    step = sum(1 for b in TOTAL_BREAKS if value >= b)
    return "#{:02x}{:02x}{:02x}".format(*SCALE[step])


def figure(value: float | None) -> str:
    return "–" if value is None else number_text("famine", value) + "‰"


def svg(m: FamineMap, whose: str, owner: str = "Your game") -> str:
    """One map: `whose` is "yours" (the game of `owner`) or "history"."""
    values = {r.id: (r.yours if whose == "yours" else r.history) for r in m.regions}
    texts = {r.id: figure(values[r.id]) for r in m.regions}
    sizes = {rid: (round(len(t) * CHAR_W) + 10, FONT + 8) for rid, t in texts.items()}
    boxes = place_labels(sizes, {r.id: r.label for r in m.regions},
                         {r.id: r.anchor for r in m.regions if r.anchor}, PRINT_COLUMN // 2,
                         (0, 0, m.width, m.height), 4)
    title = owner if whose == "yours" else "history's course in the model"
    out = [f'<svg class="famine-map" viewBox="0 0 {m.width} {m.height}" role="img" '
           f'aria-label="Famine deaths per 1,000 people by region, {m.first_year}-{m.last_year}, {_e(title)}">',
           f'<path d="{m.neighbours}" fill="#e2dccb" stroke="#bab096" stroke-width="1"/>']
    for r in m.regions:
        out.append(f'<path d="{r.path}" fill="{_colour(values[r.id])}" stroke="#161412" stroke-width="1">'
                   f"<title>{_e(r.name)}: {_e(texts[r.id])}</title></path>")
    for r in m.regions:
        x, y, w, h = boxes[r.id]
        if r.anchor:
            out.append(f'<line x1="{x + w}" y1="{y + h // 2}" x2="{r.anchor[0]}" y2="{r.anchor[1]}" '
                       'stroke="#161412" stroke-width="1"/>'
                       f'<circle cx="{r.anchor[0]}" cy="{r.anchor[1]}" r="3" fill="#161412"/>')
        out.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="3" fill="#faf4e4" stroke="#161412" '
                   f'stroke-width="1"/><text x="{x + w // 2}" y="{y + h - 9}" text-anchor="middle" '
                   f'font-size="{FONT}" font-weight="bold">{_e(texts[r.id])}</text>')
    out.append("</svg>")
    return "".join(out)


def legend() -> str:
    cells = "".join(f'<span class="cell" style="background:{_colour(low)}"></span>'
                    for low in (0.0, *TOTAL_BREAKS))
    ticks = " · ".join(["0", *(number_text("famine", b) for b in TOTAL_BREAKS)])
    return f'<div class="map-legend">{cells}<span class="ticks">{_e(ticks)} per 1,000</span></div>'


def section(m: FamineMap, owner: str = "Your game") -> str:
    """Both maps, the legend and the note; `owner`: whose game it is ("Your game", or a policy)."""
    years = f"{m.first_year}-{m.last_year}"
    out = ['<div class="famine-maps">',
           f'<figure><figcaption>{_e(owner)}, {_e(years)}</figcaption>{svg(m, "yours", owner)}</figure>']
    if any(r.history is not None for r in m.regions):
        out.append(f"<figure><figcaption>History's course in the model, {_e(years)}</figcaption>"
                   f'{svg(m, "history")}</figure>')
    out.append("</div>")
    out.append(legend())
    out.append(f'<p class="small">Famine deaths over {_e(years)} per 1,000 people of each region (the deaths '
               f"of all those years against its people in {m.first_year}). {_e(m.caption)}; the regions too small "
               "for their figure have it in the column on the left.</p>")
    return "\n".join(out)
