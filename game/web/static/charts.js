// The charts of the year-end report and the end, as SVG: the series the bridge hands over
// (game/present/charts.py, the window's own), drawn on a zero-based axis. The drawing is the
// page's; the figures are the game's: the table under each chart prints the bridge's texts.

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 420, HEIGHT = 230, LEFT = 42, RIGHT = 20, TOP = 10, BOTTOM = 28;
const COLOURS = { red: "var(--red)", reported: "var(--reported)", ink: "var(--ink)", rule: "var(--range)" };

function svg(tag, attributes = {}) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

function html(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children.flat().filter((c) => c !== null && c !== undefined).map(
    (c) => (c instanceof Node ? c : document.createTextNode(String(c)))));
  return element;
}

function scales(chart) {
  const [first, last] = chart.years;
  const top = chart.top;  // the bridge's round top, the window's (game/present/scales.py)
  const x = (year) => LEFT + (year - first) * (WIDTH - LEFT - RIGHT) / Math.max(1, last - first);
  const y = (value) => HEIGHT - BOTTOM - value * (HEIGHT - TOP - BOTTOM) / top;
  return { x, y, top, first, last };
}

function grid({ x, y, top, first, last }) {
  // Rules at each quarter of the axis, numbered at 0, the half and the top (as the window's).
  const lines = [];
  for (const part of [0, 0.25, 0.5, 0.75, 1]) {
    const value = part * top;
    lines.push(svg("line", { x1: LEFT, x2: WIDTH - RIGHT, y1: y(value), y2: y(value), class: "grid" }));
    if (part === 0.25 || part === 0.75) continue;
    const label = svg("text", { x: LEFT - 4, y: y(value) + 4, "text-anchor": "end", class: "tick" });
    label.textContent = Number(value.toPrecision(6)).toString();
    lines.push(label);
  }
  const every = Math.max(1, Math.ceil((last - first) / 7));  // year labels that never touch
  for (let year = first; year <= last; year += every) {
    const label = svg("text", { x: x(year), y: HEIGHT - 6, "text-anchor": "middle", class: "tick" });
    label.textContent = String(year);
    lines.push(label);
  }
  return lines;
}

function drawSeries(series, { x, y }, barWidth) {
  const colour = COLOURS[series.colour] ?? COLOURS.ink;
  const at = (points) => points.map(([year, value]) => `${x(year).toFixed(1)},${y(value).toFixed(1)}`);
  if (series.style === "band") {
    const upper = at(series.points), lower = at([...series.low].reverse());
    return [svg("polygon", { points: [...upper, ...lower].join(" "), fill: colour, "fill-opacity": 0.45 })];
  }
  if (series.style === "bars") {
    return series.points.map(([year, value]) => svg("rect", {
      x: x(year) - barWidth / 2, y: y(value), width: barWidth, height: Math.max(0, y(0) - y(value)), fill: colour,
      "fill-opacity": 0.7 }));
  }
  if (series.style === "points") {
    const hollow = new Set(series.hollow);
    return series.points.map(([year, value]) => svg("circle", {
      cx: x(year), cy: y(value), r: 4, stroke: colour, "stroke-width": 2,
      fill: hollow.has(year) ? "var(--paper)" : colour }));
  }
  if (series.points.length === 1) {  // one year so far: a line has nowhere to go yet, so a dot
    const [[year, value]] = series.points;
    return [svg("circle", { cx: x(year), cy: y(value), r: 3.5, fill: colour })];
  }
  return [svg("polyline", { points: at(series.points).join(" "), fill: "none", stroke: colour, "stroke-width": 3,
                            "stroke-dasharray": series.style === "dashed" ? "7 5" : "none" })];
}

function legend(chart) {
  return html("ul", { class: "legend" }, chart.series.map((series) => html("li", {},
    html("span", { class: `swatch ${series.style}`, style: `--swatch: ${COLOURS[series.colour] ?? COLOURS.ink}`,
                   "aria-hidden": "true" }), " ", series.label)));
}

function table(chart) {
  const years = [...new Set(chart.series.flatMap((s) => s.points.map(([year]) => year)))].sort((a, b) => a - b);
  const text = (series, year) => {
    const point = series.points.find(([y]) => y === year);
    if (!point) return "—";
    if (series.style === "band") return `${series.low.find(([y]) => y === year)[2]}–${point[2]}`;
    return point[2];
  };
  return html("details", {}, html("summary", {}, "The figures"),
    html("table", {}, html("thead", {}, html("tr", {}, html("th", { scope: "col" }, "year"),
      chart.series.map((s) => html("th", { scope: "col" }, s.label)))),
    html("tbody", {}, years.map((year) => html("tr", {}, html("th", { scope: "row" }, String(year)),
      chart.series.map((s) => html("td", { class: "number" }, text(s, year))))))));
}

export function chartFigure(chart) {
  const scale = scales(chart);
  const barWidth = 0.6 * (WIDTH - LEFT - RIGHT) / Math.max(1, scale.last - scale.first + 1);
  const picture = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img",
                               "aria-label": `${chart.title}: a chart; its figures are in the table under it` });
  picture.append(...grid(scale), ...chart.series.flatMap((series) => drawSeries(series, scale, barWidth)));
  return html("figure", { class: "chart" }, html("figcaption", {}, chart.title), picture, legend(chart), table(chart));
}

export function chartsSection(title, charts) {
  if (!charts || !charts.length) return null;
  return html("section", { class: "charts" }, html("h3", {}, title),
    html("div", { class: "chart-grid" }, charts.map(chartFigure)));
}
