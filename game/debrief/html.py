"""The debrief as one self-contained HTML file: inline CSS and SVG, no scripts, no fonts or images
from anywhere else, so it opens offline and prints on A4 or Letter (no paper size is forced; the
layout fits the narrower and shorter of the two).

The markup is XHTML-compatible (every element closed, no named entities), so it parses as XML.
Every text that comes from a scenario, a mod or the player goes through `e` (html.escape).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from . import fmt, map_svg
from .analysis import Axis, Debrief, PlanTable
from .fonts import FOOTER_CSS, SANS_STACK, SERIF_STACK, embed, font_licence_html
from .reference import APPROX, TAG_MEANING
from .svg import chart_svg

ENDINGS = {"completed": "played to the end", "removed": "removed from power", None: "not finished"}

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: SERIF_STACK; color: #1a1a1a; background: #ffffff;
       max-width: 190mm; margin: 0 auto; padding: 14px 18px 40px; line-height: 1.45; font-size: 11pt; }
h1, h2, h3, h4, th, .meta, nav, figcaption, .label { font-family: SANS_STACK; }
h1 { font-size: 22pt; margin: 4px 0 2px; }
h2 { font-size: 15pt; margin: 22px 0 8px; border-bottom: 2px solid #1a1a1a; padding-bottom: 2px; }
h3 { font-size: 12pt; margin: 14px 0 4px; }
h4 { font-size: 10.5pt; margin: 8px 0 2px; }
p { margin: 4px 0 8px; }
.meta { color: #333333; font-size: 10pt; margin: 0 0 10px; }
.content-note { border-left: 4px solid #777777; background: #f3f3f3; padding: 6px 10px; margin: 10px 0; font-size: 10pt; }
.notices { border: 1px solid #b34700; padding: 6px 10px; margin: 10px 0; font-size: 10pt; }
nav ol { columns: 2; font-size: 10pt; margin: 6px 0; padding-left: 22px; }
nav a { color: #1f4e79; }
table.timeline { table-layout: fixed; }
table.timeline th.year { width: 9%; }
table.timeline td.year { font-weight: bold; font-family: SANS_STACK; }
table.timeline td ul.tight { padding-left: 14px; }
.aftermath { font-size: 0.92em; color: #333; }
table { border-collapse: collapse; width: 100%; font-size: 9.8pt; margin: 6px 0 10px; }
th, td { border-bottom: 1px solid #c8c8c8; padding: 3px 6px; text-align: left; vertical-align: top; }
th { border-bottom: 1.5px solid #1a1a1a; font-size: 9.5pt; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.formula { font-size: 8.8pt; color: #444444; }
table.scorecard { table-layout: fixed; }
table.scorecard th { width: 24%; }
table.scorecard th.axis-col { width: 52%; }
table.scorecard td.small { white-space: normal; }
table.scorecard tr.detail td { border-bottom: 1px solid #c8c8c8; padding-bottom: 6px; }
table.scorecard tbody.axis tr:first-child td { border-bottom: none; padding-top: 6px; }
table.scorecard td.score { font-size: 14pt; font-weight: bold; font-family: SANS_STACK; }
tbody.axis { break-inside: avoid; page-break-inside: avoid; }
.small, .sources, figcaption .sources { font-size: 8.8pt; color: #444444; }
.sources { margin: 2px 0 8px; }
figure { margin: 8px 0 16px; }
.famine-maps { display: flex; gap: 12px; flex-wrap: wrap; }
.famine-maps figure { flex: 1 1 100%; margin: 4px 0; }
.famine-map { width: 100%; height: auto; font-family: inherit; }
.map-legend { display: flex; align-items: center; gap: 0; font-size: 8.8pt; }
.map-legend .cell { display: inline-block; width: 26px; height: 12px; border: 1px solid #161412; border-right: none; }
.map-legend .cell:last-of-type { border-right: 1px solid #161412; }
.map-legend .ticks { margin-left: 8px; }
figcaption { font-size: 10pt; }
figcaption strong { font-size: 11pt; }
svg.chart { width: 100%; height: auto; display: block; }
svg.strip { width: 100%; height: auto; display: block; }
.entry, .event, .position, figure, tr, .plan-block { break-inside: avoid; page-break-inside: avoid; }
.event { border-top: 1px solid #c8c8c8; padding-top: 4px; margin-top: 8px; }
.event .choice { font-size: 10pt; }
.label { font-size: 9pt; text-transform: uppercase; letter-spacing: 0.04em; color: #555555; }
.history-choice { color: #555555; }
.lead { font-style: italic; }
ul.tight { margin: 2px 0 6px; padding-left: 20px; }
ul.tight li { margin: 1px 0; }
ol.questions li { margin-bottom: 10px; }
.axis-name { font-weight: bold; }
.approx-key { font-size: 9pt; color: #444444; }
@page { margin: 14mm 13mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  .content-note { background: none; }
  section.page { break-before: page; page-break-before: always; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  svg.chart { max-height: 88mm; }
  .event-list { columns: 2; column-gap: 7mm; font-size: 9pt; }
  .event-list h3 { font-size: 10pt; }
  .event-list .sources { font-size: 7.8pt; }
  ul.sources-list { columns: 2; column-gap: 7mm; font-size: 8.3pt; }
  #perspectives { break-before: auto; page-break-before: auto; }
}
""".replace("SANS_STACK", SANS_STACK).replace("SERIF_STACK", SERIF_STACK) + FOOTER_CSS

SECTIONS = (
    ("scorecard", "Scorecard"),
    ("epilogue", "Epilogue: June 1941"),
    ("charts", "Your record beside history's"),
    ("plans", "The plans: target, reported, real"),
    ("ledger", "The human cost"),
    ("timeline", "Decision timeline"),
    ("events", "Every event, and what actually happened"),
    ("questions", "Questions for discussion"),
    ("perspectives", "Historians' perspectives"),
    ("sources", "Sources and notes"),
)


def e(text: object) -> str:
    return escape(str(text), quote=True)


def render(debrief: Debrief) -> str:
    m = debrief.meta
    title = f"Debrief: {m.scenario_name}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8"/>',
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
        f"<title>{e(title)}{e(' - ' + m.player) if m.player else ''}</title>",
        f"<style>/*FONTS*/\n{CSS}</style>",
        "</head>",
        "<body>",
        _header(debrief),
        _scorecard(debrief),
        _epilogue(debrief),
        _charts(debrief),
        _plans(debrief),
        _ledger(debrief),
        _timeline(debrief),
        _events(debrief),
        _questions(debrief),
        _perspectives(debrief),
        _sources(debrief),
        font_licence_html(),
        "</body>",
        "</html>",
    ]
    return embed("\n".join(parts) + "\n")


def write_html(debrief: Debrief, path: str | Path) -> Path:
    return fmt.write_page(path, render(debrief))


# --- sections -----------------------------------------------------------------------------


def _header(d: Debrief) -> str:
    m = d.meta
    who = f"{e(m.player)}" if m.player else "Player not named"
    ending = ENDINGS.get(m.ending, m.ending or "not finished")
    how = {"save": "from a save", "simulate": f"from a simulated run (policy {m.policy})", "game": "from the game"}
    meta = (f"{who} \u00b7 {e(m.scenario_name)} (scenario {e(m.scenario_id)} {e(m.scenario_version)}) \u00b7 "
            f"{m.first_year}-{m.last_year}, {e(ending)} \u00b7 seed {m.seed}, {e(m.weather)} weather"
            + (f" \u00b7 mods: {e(', '.join(m.mods))}" if m.mods else "")
            + (f" \u00b7 lesson {e(m.lesson)}" if m.lesson else "")
            + f" \u00b7 {e(how.get(m.source, m.source))} \u00b7 Pyatiletka {e(m.game_version)}")
    if m.lock_text:
        meta += f' \u00b7 <strong class="lock" data-locked="{str(bool(m.locked)).lower()}">{e(m.lock_text)}</strong>'

    out = [f"<header><h1>{e('Debrief: ' + m.scenario_name)}</h1>", f'<p class="meta">{meta}</p>',
           '<p class="content-note"><strong>Content note.</strong> This report describes famine, deportation and '
           "mass repression in which millions of people died. Its numbers are counts of people. Where historians "
           "disagree, the report sets out their positions side by side.</p>"]
    if d.notices:
        out.append('<div class="notices"><strong>Notes on this report:</strong><ul class="tight">'
                   + "".join(f"<li>{e(n)}</li>" for n in d.notices) + "</ul></div>")
    out.append('<nav><strong>Contents</strong><ol>'
               + "".join(f'<li><a href="#{sid}">{e(name)}</a></li>' for sid, name in SECTIONS) + "</ol></nav>")
    out.append("</header>")
    return "\n".join(out)


def _whose(d: Debrief) -> str:
    """ "your game's", or "the historical policy's" for a simulated run."""
    return f"the {d.meta.policy or 'default'} policy's" if d.meta.simulated else "your game's"


def _axis_detail(axis: Axis, parts: dict) -> str:
    if not parts:
        return ""
    if axis.id == "food_security":
        return (f"worst year {int(parts['worst_year'])}: {fmt.pct(parts['worst_share_below_subsistence'])} "
                f"below subsistence")
    if axis.id == "lives":
        return f"{fmt.num(parts['excess_deaths_per_1000'], 1)} excess deaths per 1,000"
    if axis.id == "living_standards":
        return f"last year {fmt.num(parts['last_year'], 0)}"
    if axis.id == "stability":
        return "removed from power" if parts.get("removed") else f"average grievance {fmt.num(parts['mean_grievance'], 2)}"
    if axis.id == "war_readiness":
        return (f"arms {fmt.num(parts['arms'], 2)}; food {fmt.num(parts['food'], 2)}; cohesion "
                f"{fmt.num(parts['cohesion'], 2)}; command {fmt.num(parts['command'], 2)}")
    return ""


def _scorecard(d: Debrief) -> str:
    rows = []
    for a in d.scorecard:
        mine = fmt.num(a.value, a.decimals)
        hist = fmt.num(a.history, a.decimals) if a.history is not None else "-"
        rows.append(
            f'<tbody class="axis" data-axis="{e(a.id)}"><tr><td><span class="axis-name">{e(a.name)}</span> '
            f'<span class="small">({e(a.unit)})</span></td>'
            f'<td class="num score" data-value="{a.value!r}">{e(mine)}</td>'
            f'<td class="num score">{e(hist)}</td></tr>'
            f'<tr class="detail"><td class="formula">{e(a.formula)}</td>'
            f'<td class="num small">{e(_axis_detail(a, a.parts))}</td>'
            f'<td class="num small">{e(_axis_detail(a, a.history_parts))}</td></tr></tbody>')
    return "\n".join([
        '<section id="scorecard">',
        "<h2>Scorecard: six axes, side by side</h2>",
        f"<p>Each axis is measured by the formula under its name, from {e(_whose(d))} record. There is no total and "
        "no ranking: a course that does well on one axis may have paid for it on another, and deaths are never "
        "weighed against output here. Lives is counted as lives not lost.</p>",
        f'<table class="scorecard"><thead><tr><th class="axis-col">Axis, and how it is measured</th><th class="num">{e(d.meta.owner)}</th>'
        '<th class="num">History\'s course</th></tr></thead>',
        *rows,
        "</table>",
        f'<p class="small">{e(d.history_basis)}</p>',
        "</section>",
    ])


def _epilogue(d: Debrief) -> str:
    out = ['<section id="epilogue">', "<h2>Epilogue: June 1941</h2>"]
    if not d.epilogue.paragraphs:
        out.append(f"<p>The game goes on after {d.meta.last_year}: the epilogue comes after its last year.</p>")
    for p in d.epilogue.paragraphs:
        out.append(f"<p>{e(p.text)}</p>")
        if p.sources:
            out.append(f'<p class="sources">Sources: {e("; ".join(p.sources))}</p>')
    out.append("</section>")
    return "\n".join(out)


def _charts(d: Debrief) -> str:
    out = ['<section id="charts" class="page">', f"<h2>{e(_whose(d).capitalize())} record beside history's</h2>",
           f'<p class="approx-key">Lines: {e(d.meta.owner.lower())} (real figures solid; what the regime reported dashed). Squares: '
           f"history's figures, each with its source below the chart; hollow squares marked {APPROX} are "
           "approximate (a standard figure not traced to its table). Grey bands: history's range of estimates.</p>"]
    for chart in d.charts:
        out.append(f'<figure id="chart-{e(chart.id)}">')
        out.append(f"<figcaption><strong>{e(chart.title)}</strong> ({e(chart.unit)})"
                   + (f". {e(chart.note)}" if chart.note else "") + "</figcaption>")
        out.append(chart_svg(chart, d.meta.first_year, d.meta.last_year))
        if chart.sources:
            out.append(f'<p class="sources">History: {e("; ".join(chart.sources))}</p>')
        out.append("</figure>")
    if not d.ledger.had_famine:
        out.append(f"<p>There was no famine in {e(d.meta.owner.lower())}, so there is no famine chart; history's "
                   "figures are in the human-cost ledger.</p>")
    out.append("</section>")
    return "\n".join(out)


def _plan_table(t: PlanTable) -> str:
    head = (f'<table class="plan" data-plan="{e(t.id)}"><thead><tr><th>Product</th><th class="num">Target in force</th>'
            '<th class="num">Reported</th><th class="num">Real</th><th class="num">Real / target</th>'
            '<th class="num">Plan as set</th><th class="num">History\'s output</th></tr></thead><tbody>')
    rows = []
    for r in t.rows:
        dec = 1
        target = fmt.num(r.target, dec) if r.target is not None else "-"
        reported = fmt.num(r.reported, dec) if r.reported is not None else "-"
        fulfil = fmt.pct(r.fulfilment) if r.fulfilment is not None else "-"
        htarget = fmt.num(r.history_target, dec) if r.history_target is not None else "-"
        if r.history_output is not None:
            hout = fmt.figure(r.history_output, dec) + (f" ({r.history_output.year})" if r.history_output.year != t.year else "")
        else:
            hout = "-"
        rows.append(f'<tr data-key="{e(r.key)}"><td>{e(r.label)} <span class="small">({e(r.unit)})</span></td>'
                    f'<td class="num">{e(target)}</td><td class="num">{e(reported)}</td>'
                    f'<td class="num" data-value="{r.real!r}">{e(fmt.num(r.real, dec))}</td><td class="num">{e(fulfil)}</td>'
                    f'<td class="num">{e(htarget)}</td><td class="num">{e(hout)}</td></tr>')
    caption = (f"<h3>{e(t.name)}, {t.start}-{t.end}: output of {t.year}</h3>")
    out = ['<div class="plan-block">', caption, head, *rows, "</tbody></table>"]
    if t.note:
        out.append(f'<p class="small">{e(t.note)}</p>')
    out.append("</div>")
    return "\n".join(out)


def _plan_sources(d: Debrief) -> list[str]:
    found = [r.history_output.source for t in d.plans for r in t.rows if r.history_output is not None]
    return list(dict.fromkeys(" ".join(s.split()) for s in found))


def _plans(d: Debrief) -> str:
    out = ['<section id="plans" class="page">', "<h2>The plans: target, reported, real</h2>",
           f"<p>For each plan: the target {e(d.meta.owner.lower())} ran under, what its regime reported for the plan's last year, "
           "what was really produced, and, beside them, the target the scenario's plan set (in The Great Turn and "
           "the First Plan lesson, the targets history adopted: the First Plan's 'optimal variant' of 1929, the "
           "Second Plan as approved in 1934, the Third Plan of 1939) and what the country actually produced. For "
           "grain, history's output is the revised (barn) figure.</p>"]
    out.extend(_plan_table(t) for t in d.plans)
    if not d.plans:
        out.append("<p>No plan was under way in the years played.</p>")
    sources = _plan_sources(d)
    if sources:
        out.append(f'<p class="sources">History\'s output: {e("; ".join(sources))}</p>')
    out.append("</section>")
    return "\n".join(out)


def _ledger(d: Debrief) -> str:
    L = d.ledger
    out = ['<section id="ledger" class="page">', "<h2>The human cost</h2>",
           f"<p>Each line counts people. {e(_whose(d).capitalize())} figures are the model's; history's are the archival and "
           "demographic estimates, with their sources.</p>",
           f'<table class="ledger"><thead><tr><th>What</th><th>{e(d.meta.owner)}</th><th>History</th></tr></thead><tbody>']
    for row in L.rows:
        note = f'<br/><span class="small">{e(row.note)}</span>' if row.note else ""
        srcs = list(dict.fromkeys(f.source for f in row.figures if f.source))
        src = f'<br/><span class="sources">{e("; ".join(" ".join(s.split()) for s in srcs))}</span>' if srcs else ""
        out.append(f'<tr data-row="{e(row.id)}"><td>{e(row.label)}</td><td data-value="{row.player!r}">'
                   f"{e(row.player_text)}</td><td>{e(row.history_text)}{note}{src}</td></tr>")
    out.append("</tbody></table>")
    if L.had_famine:
        years = ", ".join(f"{y}: {fmt.people(v)}" for y, v in L.famine_by_year)
        out.append(f"<p>Famine deaths in {e(d.meta.owner.lower())}, year by year: {e(years)}.</p>")
        if L.famine_by_region:
            where = ", ".join(f"{name}: {fmt.people(v)}" for name, v in L.famine_by_region)
            out.append(f"<p>Where they died, region by region (1933 borders): {e(where)}.</p>")
        if d.famine_map is not None:
            out.append(map_svg.section(d.famine_map, d.meta.owner))
    if L.famine_coming_m is not None:
        out.append(f"<p>A further {e(fmt.people(L.famine_coming_m))} deaths from the hunger of your last harvest "
                   f"would have come after the game's end; they are not counted above.</p>")
    out.append("<h3>Estimates of the famine of 1931-33</h3><ul class=\"tight\">")
    for value, who, _tag in L.famine_estimates:
        out.append(f"<li>{e(value)} million: {e(who)}</li>")
    out.extend(f"<li>{e(r)}</li>" for r in L.famine_regions)
    out.append("</ul></section>")
    return "\n".join(out)


def _timeline(d: Debrief) -> str:
    out = ['<section id="timeline" class="page">', "<h2>Decision timeline</h2>",
           "<p>The years in which your directives moved furthest, and what followed, up to the next such year. "
           "Event cards answered differently from history are listed; every card is in the next section.</p>",
           '<table class="timeline"><thead><tr><th class="year">Year</th><th>Decisions</th><th>What followed</th>'
           "</tr></thead><tbody>"]
    for entry in d.timeline:
        decisions = [e(c) for c in entry.changes]
        own = [c for c in entry.cards if not c.historical]
        decisions += [f"{e(c.title)}: <em>{e(c.choice)}</em>" + _aftermath(c.aftermath) for c in own]
        same = len(entry.cards) - len(own)
        if same:
            decisions.append(f'<span class="history-choice">{same} event card{"s" * (same != 1)} answered as in '
                             f"history</span>")
        followed = "".join(f"<li>{e(f)}</li>" for f in entry.followed) or "<li>-</li>"
        out.append(f'<tr class="entry" data-year="{entry.year}"><td class="year">{entry.year}</td>'
                   f'<td><ul class="tight">{"".join(f"<li>{x}</li>" for x in decisions)}</ul></td>'
                   f'<td><ul class="tight">{followed}</ul></td></tr>')
    out.append("</tbody></table></section>")
    return "\n".join(out)


def _aftermath(lines: tuple[str, ...]) -> str:
    """What an answer did, under the choice in the timeline."""
    return f'<br/><span class="aftermath">{e("; ".join(lines))}</span>' if lines else ""


def _events(d: Debrief) -> str:
    out = ['<section id="events" class="page">', "<h2>Every event, and what actually happened</h2>",
           '<div class="event-list">']
    if not d.events:
        out.append("<p>No event card came up in your game.</p>")
    for ev in d.events:
        out.append(f'<div class="event" data-event="{e(ev.id)}" data-year="{ev.year}">')
        out.append(f"<h3>{ev.year}: {e(ev.title)}</h3>")
        out.append(f'<p class="choice"><span class="label">{"Choice" if d.meta.simulated else "Your choice"}</span> {e(ev.choice)}'
                   + (' <span class="history-choice">(as in history)</span>' if ev.was_historical else "") + "</p>")
        if ev.historical_choice and not ev.was_historical:
            out.append(f'<p class="choice"><span class="label">History\'s choice</span> {e(ev.historical_choice)}</p>')
        if ev.aftermath:
            out.append(f'<p class="aftermath"><span class="label">What your answer did</span> '
                       f'{e("; ".join(ev.aftermath))}</p>')
        if ev.history:
            out.append(f'<p><span class="label">What actually happened</span> {e(ev.history)}</p>')
        if ev.sources:
            out.append(f'<p class="sources">Sources: {e("; ".join(ev.sources))}</p>')
        out.append("</div>")
    out.append("</div></section>")
    return "\n".join(out)


def _questions(d: Debrief) -> str:
    out = ['<section id="questions" class="page">', "<h2>Questions for discussion</h2>",
           "<p>Chosen from your own game. Each has no single right answer: weigh the evidence and the positions.</p>",
           '<ol class="questions">']
    for q in d.questions:
        lead = f'<p class="lead">{e(q.lead)}</p>' if q.lead else ""
        out.append(f'<li data-question="{e(q.id)}">{lead}<p>{e(q.text)}</p></li>')
    out.append("</ol></section>")
    return "\n".join(out)


def _perspectives(d: Debrief) -> str:
    out = ['<section id="perspectives">', "<h2>Historians' perspectives</h2>",
           "<p>Summaries in our own words of positions historians and economists have taken, with their works. "
           "They are positions, not verdicts; read the works themselves before quoting them.</p>"]
    for view in d.perspectives:
        out.append(f'<h3>{e(view.title)}</h3>')
        if view.intro:
            out.append(f"<p>{e(view.intro)}</p>")
        for pos in view.positions:
            out.append(f'<div class="position" data-position="{e(pos.id)}"><h4>{e(pos.authors)}</h4><p>{e(pos.text)}</p>')
            if pos.sources:
                out.append(f'<p class="sources">{e("; ".join(pos.sources))}</p>')
            out.append("</div>")
        if view.note:
            out.append(f'<p class="small">{e(view.note)}</p>')
    out.append("</section>")
    return "\n".join(out)


def _sources(d: Debrief) -> str:
    tags = "".join(f"<li><strong>{k}</strong>: {e(v)}</li>" for k, v in TAG_MEANING.items())
    return "\n".join([
        '<section id="sources" class="page">', "<h2>Sources and notes</h2>",
        '<ul class="tight sources-list">', *(f"<li>{e(s)}</li>" for s in d.sources), "</ul>",
        "<h3>How to read the figures</h3>",
        f'<p class="small">{e(d.history_basis)} History\'s figures carry a confidence tag from the project '
        f"reference:</p>",
        f'<ul class="tight small">{tags}</ul>',
        "<p class=\"small\">The game's model is small and deliberately so: the country in twelve regions without "
        "districts, no prices or money, foreign trade as grain for machinery, repression as one dial, no war. It can show how "
        "outcomes follow from decisions within its assumptions; it cannot show what people intended, and a "
        "counterfactual result is one model's answer, not a fact. The model card in the game's documentation sets out its "
        "equations, its calibration and what it leaves out.</p>",
        "</section>",
    ])
