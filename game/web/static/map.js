// The map screen: the twelve regions in their 1933 borders, coloured by one figure of one year,
// each with its number printed and the other game's beside it; the same regions as a table for
// a screen reader; and a region's page (its figures, what happened there in history, the
// historians' readings, the sources). Everything shown comes from the bridge's `map` (the
// window's map, game/present/map_view.py): this file draws it and computes no figure. All text
// goes in as text nodes; the outlines' path data are the bridge's numbers.

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return element;
}

// context: { call, h, show, attempt, back } from app.js. `attempt` shows a refused command's
// message on the screen the player is on, so a map that cannot be shown loses nothing.
export async function showMap(context) {
  const map = await context.attempt(() => context.call("map", null, null, "yours", null));
  if (map) mapScreen(context, map);
}

function mapScreen(context, map, focusRegion = null) {
  const { call, h, show, back } = context;
  let shown = map;
  const title = h("h2", { id: "map-heading", class: "map-heading" }, shown.heading);
  const problem = h("div", { "aria-live": "assertive" });
  const picture = h("div", { class: "map-picture" });
  const key = h("div", { class: "map-key" });
  const table = h("div", { class: "map-table" });
  const openRegion = (id) => regionPage(context, shown, id);

  // The figure, the year and whose game colours the map: each change asks the bridge again; a
  // refusal leaves the map as it was and says why.
  const redraw = async (change) => {
    const wanted = { mode: shown.mode, year: shown.year, whose: shown.whose, ...change };
    problem.replaceChildren();
    try {
      shown = await call("map", wanted.mode, wanted.year, wanted.whose, null);
    } catch (error) {
      problem.replaceChildren(h("p", { class: "error", role: "alert" }, error.message));
    }
    fill();
  };
  const modes = h("fieldset", { class: "map-modes" }, h("legend", {}, "The figure"),
    map.modes.map((mode) => h("label", {},
      h("input", { type: "radio", name: "map-mode", value: mode.id, checked: mode.id === map.mode,
                   onchange: () => redraw({ mode: mode.id }) }), ` ${mode.label}`)));
  const year = h("select", { id: "map-year", onchange: () => redraw({ year: Number(year.value) }) },
    map.years.map((y) => h("option", { value: y, selected: y === map.year }, y)));
  const step = (by) => redraw({ year: shown.years[shown.years.indexOf(shown.year) + by] });
  const previous = h("button", { type: "button", class: "secondary", onclick: () => step(-1) }, "Previous year");
  const next = h("button", { type: "button", class: "secondary", onclick: () => step(1) }, "Next year");
  const history = h("input", { id: "map-history", type: "checkbox", checked: map.whose === "history",
                               disabled: !map.history_available,
                               onchange: () => redraw({ whose: history.checked ? "history" : "yours" }) });
  const controls = h("div", { class: "map-controls" }, modes,
    h("div", { class: "map-years" }, h("label", { for: "map-year" }, "Year: "), year, previous, next),
    h("p", {}, history, " ", h("label", { for: "map-history" }, "Colour by history's game")));

  function fill() {
    title.textContent = shown.heading;
    for (const input of modes.querySelectorAll("input")) input.checked = input.value === shown.mode;
    year.value = String(shown.year);
    history.checked = shown.whose === "history";
    const at = shown.years.indexOf(shown.year);
    previous.disabled = at <= 0;
    next.disabled = at >= shown.years.length - 1;
    picture.replaceChildren(drawnMap(shown, openRegion));
    fitLabels(picture);
    key.replaceChildren(legend(h, shown));
    table.replaceChildren(regionTable(h, shown, openRegion));
  }

  show(title, problem, h("div", { class: "map-body" }, controls, picture, key), table,
       h("div", { class: "actions" }, h("button", { onclick: back }, "Back")));
  fill();
  if (focusRegion) picture.querySelector(`[data-region="${focusRegion}"]`)?.focus();
}

// -- the drawn map ------------------------------------------------------------------------------

function drawnMap(map, openRegion) {
  const picture = svg("svg", { viewBox: `0 0 ${map.width} ${map.height}`, class: "region-map", role: "group",
                               "aria-label": map.summary });
  picture.append(svg("path", { d: map.neighbours, class: "neighbours", "aria-hidden": "true" }));
  const regions = svg("g", { class: "regions" });
  // The region in focus (or under the pointer) outlined on top of its neighbours, whose borders
  // would otherwise cover half its outline.
  const outline = svg("path", { d: "", class: "region-outline", "aria-hidden": "true" });
  const labels = svg("g", { class: "labels", "aria-hidden": "true" });
  for (const region of map.regions) {
    const shape = svg("path", { d: region.path, class: "region", tabindex: "0", role: "button",
                                "aria-label": region.line, "data-region": region.id });
    if (region.colour) shape.style.fill = region.colour;
    else shape.classList.add("no-figure");
    const highlight = () => outline.setAttribute("d", region.path);
    const unlight = () => { if (document.activeElement !== shape) outline.setAttribute("d", ""); };
    shape.addEventListener("focus", highlight);
    shape.addEventListener("blur", unlight);
    shape.addEventListener("mouseenter", highlight);
    shape.addEventListener("mouseleave", unlight);
    shape.addEventListener("click", () => openRegion(region.id));
    shape.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); openRegion(region.id); }
    });
    regions.append(shape);
    labels.append(label(region, () => openRegion(region.id)));
  }
  picture.append(regions, outline, labels);
  return picture;
}

function label(region, open) {
  const box = region.label;
  const group = svg("g", { class: "label" });
  if (region.anchor) {  // a region too small for its figure: the label in the column, a line to it
    const [x, y] = region.anchor;
    group.append(svg("line", { x1: box.x + box.width, y1: box.y + box.height / 2, x2: x, y2: y }),
                 svg("circle", { cx: x, cy: y, r: 4 }));
  }
  group.append(svg("rect", { x: box.x, y: box.y, width: box.width, height: box.height, rx: 4 }));
  for (const line of box.lines) {
    group.append(svg("text", { x: line.x, y: line.y, "font-size": line.size, class: line.bold ? "figure" : "other",
                               "data-room": box.width - 12 }, line.text));
  }
  group.addEventListener("click", open);
  return group;
}

function fitLabels(picture) {
  // The bridge sizes each label for the page's font; a font that runs wider is narrowed to fit.
  for (const text of picture.querySelectorAll("text[data-room]")) {
    const room = Number(text.dataset.room);
    if (text.getComputedTextLength() > room) {
      text.setAttribute("textLength", room);
      text.setAttribute("lengthAdjust", "spacingAndGlyphs");
    }
  }
}

// -- the legend and the table -------------------------------------------------------------------

function swatch(h, colour) {
  const cell = h("span", { class: `map-swatch${colour ? "" : " no-figure"}`, "aria-hidden": "true" });
  if (colour) cell.style.background = colour;
  return cell;
}

function legend(h, map) {
  return h("section", { "aria-labelledby": "map-key-heading" },
    h("h3", { id: "map-key-heading" }, "The colours"),
    h("ul", { class: "map-steps" }, map.steps.map((step) => h("li", {}, swatch(h, step.colour), step.text))),
    h("p", { class: "map-legend-text" }, map.legend),
    h("p", { class: "muted" }, map.caption));
}

function regionTable(h, map, openRegion) {
  return h("table", {},
    h("caption", {}, `${map.heading}: every region`),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Region (today)"), h("th", { scope: "col" }, "Colour"),
      h("th", { scope: "col", class: "number" }, "Your game"), h("th", { scope: "col", class: "number" }, "History's game"))),
    h("tbody", {}, map.regions.map((region) => h("tr", {},
      h("th", { scope: "row" }, h("button", { type: "button", class: "link", onclick: () => openRegion(region.id) }, region.name),
        h("span", { class: "muted" }, ` (${region.present})`)),
      h("td", {}, swatch(h, region.colour)),
      h("td", { class: "number" }, region.yours),
      h("td", { class: "number" }, region.history)))));
}

// -- a region's page ----------------------------------------------------------------------------

async function regionPage(context, map, id) {
  const { call, h, show, attempt } = context;
  const shown = await attempt(() => call("map", map.mode, map.year, map.whose, id));
  if (!shown) return;
  const page = shown.page;
  const part = (heading, ...content) => h("section", {}, h("h3", {}, heading), ...content);
  show(h("h2", {}, page.name),
       h("p", { class: "muted" }, page.intro),
       part(page.rows_heading,
         h("table", { class: "region-figures" },
           h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Figure"), h("th", { scope: "col", class: "number" }, "Your game"),
             h("th", { scope: "col", class: "number" }, "History's game"))),
           h("tbody", {}, page.rows.map((row) => h("tr", {}, h("th", { scope: "row" }, row.label),
             h("td", { class: "number" }, row.yours), h("td", { class: "number" }, row.history)))))),
       page.history ? part("What happened in history", h("p", {}, page.history)) : null,
       page.readings.length ? part("How historians read it", h("ul", {}, page.readings.map((r) =>
         h("li", {}, h("strong", {}, r.author), ` (${r.work}): ${r.position}`)))) : null,
       page.cards.length ? part("The region's cards in your game", h("p", {}, page.cards.join("; "))) : null,
       part("About the map", h("p", { class: "muted" }, page.about)),
       page.sources.length ? part("Sources", h("ul", { class: "muted" }, page.sources.map((s) => h("li", {}, s)))) : null,
       h("div", { class: "actions" }, h("button", { onclick: () => mapScreen(context, shown, id) }, "Back to the map")));
}
