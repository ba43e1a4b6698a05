"""The two-page handout: what a class needs on paper from one game, printed on two sheets of A4 or
Letter. Page 1: the scorecard, the plan table and three charts. Page 2: the human cost beside
history's, and the three questions for discussion. The full debrief (html.py) stays for whoever
wants the rest.

Like the full debrief it is one self-contained file (inline CSS and SVG, the fonts embedded, no
scripts) whose markup parses as XML. The page size is not forced: the margins and the type are
set so that each page fits the shorter Letter sheet and the narrower A4 one.
"""

from __future__ import annotations

from pathlib import Path

from . import fmt
from .analysis import Chart, Debrief, PlanTable
from .fonts import FOOTER_CSS, SANS_STACK, SERIF_STACK, embed, font_licence_html
from .html import ENDINGS, e
from .svg import chart_svg

CHARTS = ("steel", "grain", "famine")     # the three charts, in order of preference
SPARE_CHARTS = ("urban", "living", "coal", "cattle", "electricity")  # if a chart is missing (no famine)
CHART_SIZE = (380, 220)                   # the SVG canvas: small, so its type prints large enough

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: SERIF_STACK; color: #1a1a1a; background: #ffffff; margin: 0 auto; max-width: 186mm;
       padding: 8px 12px; font-size: 9.6pt; line-height: 1.32; }
h1, h2, h3, th, .meta, .label, figcaption { font-family: SANS_STACK; }
h1 { font-size: 16pt; margin: 0 0 2px; }
h2 { font-size: 11.5pt; margin: 8px 0 4px; border-bottom: 1.5px solid #1a1a1a; padding-bottom: 1px; }
h3 { font-size: 10pt; margin: 6px 0 2px; }
p { margin: 2px 0 5px; }
.meta { font-size: 8.6pt; color: #333333; margin: 0 0 4px; }
.lock { font-weight: bold; }
table { border-collapse: collapse; width: 100%; font-size: 8.8pt; margin: 2px 0 6px; }
th, td { border-bottom: 1px solid #c8c8c8; padding: 1.5px 4px; text-align: left; vertical-align: top; }
th { border-bottom: 1.2px solid #1a1a1a; font-size: 8.4pt; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.score { font-family: SANS_STACK; font-weight: bold; font-size: 10.5pt; }
.small { font-size: 7.8pt; color: #444444; }
.columns { display: flex; gap: 5mm; align-items: flex-start; }
.columns > * { flex: 1 1 0; min-width: 0; }
.charts { display: flex; gap: 3mm; }
.charts figure { flex: 1 1 0; min-width: 0; margin: 0; }
figcaption { font-size: 8.4pt; }
svg.handout-chart { width: 100%; height: auto; display: block; }
ol.questions { padding-left: 16px; margin: 2px 0; }
ol.questions li { margin-bottom: 6px; }
.lead { font-style: italic; }
.sheet { break-inside: avoid; }
.sheet + .sheet { break-before: page; page-break-before: always; margin-top: 10mm; }
@page { margin: 11mm 12mm; }
@media print {
  body { max-width: none; padding: 0; }
  .sheet + .sheet { margin-top: 0; }
}
""".replace("SANS_STACK", SANS_STACK).replace("SERIF_STACK", SERIF_STACK) + FOOTER_CSS


def render_handout(debrief: Debrief) -> str:
    m = debrief.meta
    title = f"{m.scenario_name}: {m.player}" if m.player else m.scenario_name
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8"/>',
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
        f"<title>Handout: {e(title)}</title>",
        f"<style>/*FONTS*/\n{CSS}</style>",
        "</head>",
        "<body>",
        '<section class="sheet" id="page-1">',
        _header(debrief),
        '<div class="columns">',
        _scorecard(debrief),
        _plans(debrief),
        "</div>",
        _charts(debrief),
        "</section>",
        '<section class="sheet" id="page-2">',
        _ledger(debrief),
        _questions(debrief),
        '<p class="small">The full debrief (epilogue, every chart and event with what actually happened, '
        "the historians' positions and every source) is the longer page exported beside this one.</p>",
        font_licence_html(),
        "</section>",
        "</body>",
        "</html>",
    ]
    return embed("\n".join(parts) + "\n")


def write_handout(debrief: Debrief, path: str | Path) -> Path:
    return fmt.write_page(path, render_handout(debrief))


def _header(d: Debrief) -> str:
    m = d.meta
    who = e(m.player) if m.player else ("A simulated run" if m.simulated else "Player not named")
    ending = ENDINGS.get(m.ending, m.ending or "not finished")
    run = f" \u00b7 {e(m.owner)}" if m.simulated else ""
    lock = f' \u00b7 <span class="lock" data-locked="{str(bool(m.locked)).lower()}">{e(m.lock_text)}</span>' \
        if m.lock_text else ""
    lesson = f" \u00b7 lesson {e(m.lesson)}" if m.lesson else ""
    return (f"<h1>{e(m.scenario_name)}</h1>"
            f'<p class="meta">{who}{run} \u00b7 {m.first_year}-{m.last_year}, {e(ending)} \u00b7 seed {m.seed}, '
            f"{e(m.weather)} weather{lesson}{lock} \u00b7 Pyatiletka {e(m.game_version)}</p>")


def _scorecard(d: Debrief) -> str:
    rows = []
    for a in d.scorecard:
        theirs = fmt.num(a.history, a.decimals) if a.history is not None else "-"
        rows.append(f'<tr data-axis="{e(a.id)}"><td>{e(a.name)} <span class="small">({e(a.unit)})</span></td>'
                    f'<td class="num score">{e(fmt.num(a.value, a.decimals))}</td><td class="num score">{e(theirs)}</td></tr>')
    return "\n".join([
        '<div id="scorecard"><h2>Scorecard: six axes side by side</h2>',
        f'<table><thead><tr><th>Axis</th><th class="num">{e(d.meta.owner)}</th><th class="num">History\'s course</th>'
        "</tr></thead><tbody>", *rows, "</tbody></table>",
        '<p class="small">No total and no ranking; deaths are never weighed against output. Lives counts lives '
        "not lost. History's course: the same model run with the historical policy and weather.</p></div>"])


def _plan_table(t: PlanTable) -> str:
    rows = []
    for r in t.rows:
        target = fmt.num(r.target, 1) if r.target is not None else "-"
        reported = fmt.num(r.reported, 1) if r.reported is not None else "-"
        history = fmt.figure(r.history_output, 1) if r.history_output is not None else "-"
        rows.append(f'<tr data-key="{e(r.key)}"><td>{e(r.label)} <span class="small">{e(r.unit)}</span></td>'
                    f'<td class="num">{e(target)}</td><td class="num">{e(reported)}</td>'
                    f'<td class="num"><strong>{e(fmt.num(r.real, 1))}</strong></td><td class="num">{e(history)}</td></tr>')
    note = f'<p class="small">{e(t.note)}</p>' if t.note else ""
    return "\n".join([
        f'<h3 data-plan="{e(t.id)}">{e(t.name)}, output of {t.year}</h3>',
        '<table><thead><tr><th>Product</th><th class="num">Target</th><th class="num">Reported</th>'
        '<th class="num">Real</th><th class="num">History</th></tr></thead><tbody>', *rows, "</tbody></table>", note])


def _plans(d: Debrief) -> str:
    tables = [_plan_table(t) for t in d.plans] or ["<p>No plan was under way in the years played.</p>"]
    return "\n".join(['<div id="plans"><h2>The plan: target, reported, real</h2>', *tables, "</div>"])


def handout_charts(d: Debrief) -> list[Chart]:
    """The three charts of the handout: steel, grain (real and reported), famine deaths; a game
    without famine shows another chart in its place."""
    chosen = [c for c in (d.chart(i) for i in CHARTS) if c is not None]
    for spare in SPARE_CHARTS:
        if len(chosen) >= 3:
            break
        chart = d.chart(spare)
        if chart is not None and chart not in chosen:
            chosen.append(chart)
    return chosen[:3]


def _charts(d: Debrief) -> str:
    out = ['<div id="charts"><h2>Beside history</h2>', '<div class="charts">']
    for chart in handout_charts(d):
        out.append(f'<figure data-chart="{e(chart.id)}"><figcaption><strong>{e(chart.title)}</strong> '
                   f"({e(chart.unit)})</figcaption>")
        out.append(chart_svg(chart, d.meta.first_year, d.meta.last_year, *CHART_SIZE, css_class="handout-chart"))
        out.append("</figure>")
    out.append("</div>")
    out.append('<p class="small">Lines: the game (real solid, reported dashed). Squares: history\'s figures '
               "(hollow and \u2248: approximate). Grey bands: history's range of estimates.</p></div>")
    return "\n".join(out)


def _ledger(d: Debrief) -> str:
    rows = [f'<tr data-row="{e(r.id)}"><td>{e(r.label)}</td><td>{e(r.player_text)}</td><td>{e(r.history_text)}</td></tr>'
            for r in d.ledger.rows]
    coming = ""
    if d.ledger.famine_coming_m is not None:
        coming = (f"<p>A further {e(fmt.people(d.ledger.famine_coming_m))} deaths from the hunger of the last "
                  f"harvest would have come after the game's end; they are not counted above.</p>")
    estimates = "; ".join(f"{value} million: {who}" for value, who, _tag in d.ledger.famine_estimates)
    return "\n".join([
        '<div id="ledger"><h2>The human cost, beside history</h2>',
        "<p>Each line counts people. The game's figures are the model's; history's are archival and demographic "
        "estimates.</p>",
        f'<table><thead><tr><th>What</th><th>{e(d.meta.owner)}</th><th>History</th></tr></thead><tbody>', *rows,
        "</tbody></table>", coming,
        f'<p class="small">Estimates of the famine of 1931-33: {e(estimates)}.</p>' if estimates else "",
        "</div>"])


def _questions(d: Debrief) -> str:
    items = []
    for q in d.questions[:3]:
        lead = f'<p class="lead">{e(q.lead)}</p>' if q.lead else ""
        items.append(f'<li data-question="{e(q.id)}">{lead}<p>{e(q.text)}</p></li>')
    return "\n".join(['<div id="questions"><h2>Three questions for discussion</h2>',
                      "<p>Chosen from this game's own record. None has a single right answer.</p>",
                      '<ol class="questions">', *items, "</ol></div>"])
