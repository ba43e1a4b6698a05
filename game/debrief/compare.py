"""The class comparison: many results files (made by `debrief FILE --json OUT.json`), one page.

For each scorecard axis, a dot per student or team against history's value; a row per student or
team (the name they typed, nothing else); and which choices went with which outcomes, as the mean
of each axis over the games that made a choice and over those that did not, with the number of
games behind every mean. Works offline: it reads the files and nothing else.

Results of different scenarios, scenario versions or game versions are not comparable (the model
or its content differ) and are refused with a message naming the file.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from ..errors import UserError
from ..model.directives import REPRESSION_LEVELS
from . import fmt
from .fonts import FOOTER_CSS, SANS_STACK, SERIF_STACK, embed, font_licence_html
from .formats import MAX_RESULTS_BYTES, ResultsFile, read_json, validated
from .results import FORMAT, FORMAT_VERSION, integrity
from .scorecard import AXES
from .svg import strip_svg

FEW = 3   # groups smaller than this are flagged
REPRESSION = dict(enumerate(REPRESSION_LEVELS))


class CompareError(UserError):
    """Results that cannot be compared."""


@dataclass(frozen=True)
class Entry:
    path: Path
    name: str
    data: dict

    def axis(self, axis_id: str) -> float:
        return float(self.data["scorecard"][axis_id])

    @property
    def integrity(self) -> str:
        """"ok", "edited" (the checksum does not match: changed by hand) or "unchecked" (old format)."""
        return integrity(self.data)

    @property
    def locked(self) -> bool | None:
        return self.data.get("locked")


@dataclass(frozen=True)
class Grouping:
    id: str
    question: str
    labels: tuple[str, str]
    test: Callable[[dict], bool | None]     # True: first group, False: second, None: not known


GROUPINGS = (
    Grouping("collectivization", "Collectivization pace",
             ("Fast: half of households or more in collective farms by 1932",
              "Slower: less than half by 1932"),
             lambda c: None if c.get("collectivization_by_year") is None else c["collectivization_by_year"] >= 0.5),
    Grouping("exports", "Grain exports",
             ("3 Mt or more exported in at least one year", "Less than 3 Mt in every year"),
             lambda c: c["max_grain_exports_mt"] >= 3.0),
    Grouping("repression", "Repression",
             ("Harsh or terror in at least one year", "Never harsher than normal"),
             lambda c: c["max_repression_level"] >= 2),
    Grouping("dekulakization", "Dekulakization",
             ("Ordered in at least one year", "Never ordered"),
             lambda c: bool(c["dekulakization_years"])),
)


def _describe(data: dict) -> str:
    s = data.get("scenario", {})
    return f"{s.get('id')} {s.get('version')} (game {data.get('game_version')})"


def read_results(path: str | Path) -> dict:
    """A results file, every field checked (formats.ResultsFile), as plain data."""
    path = Path(path)
    data = read_json(path, MAX_RESULTS_BYTES, CompareError)
    if not isinstance(data, dict):
        raise CompareError(f"{path}: not a results file (made by `debrief FILE --json OUT.json`)")
    kind = data.get("format")
    if kind == "pyatiletka-save" or ("series" in data and "scenario" in data):
        raise CompareError(f"{path}: this is a {'save' if kind else 'simulate result'}, not a results file; make "
                           f"one first with `debrief {path} --json RESULTS.json`")
    if kind != FORMAT:
        raise CompareError(f"{path}: not a results file (made by `debrief FILE --json OUT.json`)")
    version = data.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise CompareError(f"{path}: results format version {version!r} is newer than this game reads "
                           f"({FORMAT_VERSION}); update Pyatiletka")
    validated(ResultsFile, data, path, "results file", CompareError)
    return data   # as written: its checksum is of these very values (results.integrity)


def load_results(paths: list[str | Path]) -> list[Entry]:
    """Read and check every file; refuse a mix of scenarios or versions, naming the odd file out."""
    if not paths:
        raise CompareError("give at least one results file")
    entries: list[Entry] = []
    first: Entry | None = None
    for raw in paths:
        path = Path(raw)
        data = read_results(path)
        key = (data["scenario"].get("id"), data["scenario"].get("version"), data.get("game_version"))
        if first is not None:
            ref = first.data
            ref_key = (ref["scenario"].get("id"), ref["scenario"].get("version"), ref.get("game_version"))
            if key != ref_key:
                what = ("scenario" if key[0] != ref_key[0] else
                        "scenario version" if key[1] != ref_key[1] else "game version")
                raise CompareError(
                    f"{path}: a result of {_describe(data)}, but {first.path} is {_describe(ref)}: another "
                    f"{what}. Compare the results of one scenario and one game version at a time")
        name = str(data.get("player") or "").strip() or f"(no name: {path.stem})"
        entry = Entry(path, name, data)
        entries.append(entry)
        first = first or entry
    return entries


# --- the comparison -------------------------------------------------------------------------


@dataclass(frozen=True)
class AxisSpread:
    id: str
    name: str
    unit: str
    decimals: int
    values: tuple[tuple[str, float], ...]
    history: float | None

    @property
    def numbers(self) -> list[float]:
        return [v for _, v in self.values]

    @property
    def median(self) -> float:
        return statistics.median(self.numbers)

    def above_history(self) -> int:
        return sum(1 for v in self.numbers if self.history is not None and v > self.history)


@dataclass(frozen=True)
class GroupResult:
    id: str
    question: str
    labels: tuple[str, str]
    counts: tuple[int, int]
    means: dict[str, tuple[float | None, float | None]]   # axis -> (mean of group 1, mean of group 2)
    unknown: int


@dataclass(frozen=True)
class Comparison:
    scenario: dict
    game_version: str
    entries: tuple[Entry, ...]
    axes: tuple[AxisSpread, ...]
    groups: tuple[GroupResult, ...]


def compare(entries: list[Entry]) -> Comparison:
    first = entries[0].data
    history = first.get("history") or {}
    axes = tuple(AxisSpread(a.id, a.name, a.unit, a.decimals, tuple((e.name, e.axis(a.id)) for e in entries),
                            float(history[a.id]) if isinstance(history.get(a.id), (int, float)) else None)
                 for a in AXES)
    groups = []
    for g in GROUPINGS:
        split: dict[bool, list[Entry]] = {True: [], False: []}
        unknown = 0
        for entry in entries:
            try:
                side = g.test(entry.data["choices"])
            except (KeyError, TypeError):
                side = None
            if side is None:
                unknown += 1
            else:
                split[bool(side)].append(entry)
        means = {a.id: tuple(_mean([e.axis(a.id) for e in split[side]]) for side in (True, False)) for a in AXES}
        groups.append(GroupResult(g.id, g.question, g.labels, (len(split[True]), len(split[False])), means, unknown))
    return Comparison(first["scenario"], str(first.get("game_version")), tuple(entries), axes, tuple(groups))


def year_ranges(years: list[int]) -> str:
    """[1930, 1931, 1932, 1935] -> '1930-1932, 1935'."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def _span(numbers: list[float], decimals: int, prefix: str = "") -> str:
    """ "from 3.1 to 4.5", or "all 4.5" when the ends read the same (never "4.5 to 4.5")."""
    low, high = fmt.num(min(numbers), decimals), fmt.num(max(numbers), decimals)
    return f"all {low}" if low == high else f"{prefix}{low} to {high}"


def _mean(values: list[float]) -> float | None:
    return math.fsum(values) / len(values) if values else None


# --- output ---------------------------------------------------------------------------------


def summary_text(c: Comparison) -> str:
    lines = [f"{len(c.entries)} results of {c.scenario.get('name') or c.scenario.get('id')} "
             f"(scenario {c.scenario.get('id')} {c.scenario.get('version')}, game {c.game_version})"]
    for entry in c.entries:
        if entry.integrity != "ok":
            lines.append(f"  warning: {entry.path}: {INTEGRITY[entry.integrity]}")
    for a in c.axes:
        numbers = a.numbers
        hist = f", history {fmt.num(a.history, a.decimals)}" if a.history is not None else ""
        lines.append(f"  {a.name}: {_span(numbers, a.decimals)}, median {fmt.num(a.median, a.decimals)}{hist}")
    return "\n".join(lines)


INTEGRITY = {
    "edited": "its checksum does not match its content: it was changed after it was written (by hand?)",
    "unchecked": "an older results file without a checksum: it cannot be checked for changes",
}
LOCK = {True: "locked", False: "undo allowed", None: "not known"}


def e(text: object) -> str:
    return escape(str(text), quote=True)


CSS = """
body { font-family: SERIF_STACK; color: #1a1a1a; background: #ffffff;
       max-width: 190mm; margin: 0 auto; padding: 14px 18px 40px; line-height: 1.4; font-size: 11pt; }
h1, h2, h3, th, .meta { font-family: SANS_STACK; }
h1 { font-size: 20pt; margin: 4px 0; }
h2 { font-size: 14pt; margin: 20px 0 6px; border-bottom: 2px solid #1a1a1a; }
h3 { font-size: 11.5pt; margin: 12px 0 2px; }
.meta, .small { font-size: 9.5pt; color: #444444; }
.caution { border-left: 4px solid #b34700; padding: 4px 10px; font-size: 10pt; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 6px 0 12px; }
th, td { border-bottom: 1px solid #c8c8c8; padding: 3px 5px; text-align: left; vertical-align: top; }
th { border-bottom: 1.5px solid #1a1a1a; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.history td { font-style: italic; border-top: 1.5px solid #1a1a1a; }
.axis, tr { break-inside: avoid; page-break-inside: avoid; }
svg.strip { width: 100%; height: auto; display: block; }
@page { margin: 14mm 13mm; }
@media print { body { max-width: none; padding: 0; font-size: 10pt; } section.page { break-before: page; } }
""".replace("SANS_STACK", SANS_STACK).replace("SERIF_STACK", SERIF_STACK) + FOOTER_CSS


def render(c: Comparison) -> str:
    title = f"Class comparison: {c.scenario.get('name') or c.scenario.get('id')}"
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8"/>',
           '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
           f"<title>{e(title)}</title>", f"<style>/*FONTS*/\n{CSS}</style>", "</head>", "<body>",
           f"<h1>{e(title)}</h1>",
           f'<p class="meta">{len(c.entries)} games \u00b7 scenario {e(c.scenario.get("id"))} '
           f'{e(c.scenario.get("version"))} \u00b7 Pyatiletka {e(c.game_version)}</p>',
           "<p>Each axis of the debrief's scorecard, with a dot for every student or team and a dashed line for "
           "history's course in the same model. The axes are not added up, and no one is ranked.</p>"]
    out.append('<section id="axes"><h2>How the class spread on each axis</h2>')
    for a in c.axes:
        numbers = a.numbers
        above = a.above_history()
        summary = (f"{_span(numbers, a.decimals, 'from ')}, median {fmt.num(a.median, a.decimals)}"
                   + (f"; history {fmt.num(a.history, a.decimals)}; {above} of {len(numbers)} above history"
                      if a.history is not None else ""))
        out.append(f'<div class="axis" data-axis="{e(a.id)}"><h3>{e(a.name)} <span class="small">({e(a.unit)})</span></h3>')
        out.append(strip_svg(a.id, a.name, a.unit, list(a.values), a.history, a.decimals))
        out.append(f'<p class="small">{e(summary)}</p></div>')
    out.append("</section>")
    out.append(_table(c))
    out.append(_groups(c))
    out.append(font_licence_html())
    out.append("</body>\n</html>\n")
    return embed("\n".join(out))


def _table(c: Comparison) -> str:
    heads = "".join(f'<th class="num">{e(a.name)}</th>' for a in c.axes)
    rows, choice_rows = [], []
    for entry in c.entries:
        ch = entry.data["choices"]
        cells = "".join(f'<td class="num">{e(fmt.num(entry.axis(a.id), a.decimals))}</td>' for a in c.axes)
        flag = (f' <strong class="integrity" data-integrity="{e(entry.integrity)}">⚠ '
                f'{"changed by hand?" if entry.integrity == "edited" else "not checked"}</strong>'
                if entry.integrity != "ok" else "")
        rows.append(f'<tr data-integrity="{e(entry.integrity)}"><td>{e(entry.name)}{flag}</td>{cells}</tr>')
        collect = ch.get("collectivization_by_year")
        dek = ch.get("dekulakization_years") or []
        choice_rows.append(
            f"<tr><td>{e(entry.name)}</td>"
            f'<td class="num">{e(fmt.pct(collect) if collect is not None else "-")}</td>'
            f'<td class="num">{e(fmt.num(ch["max_grain_exports_mt"], 1))} ({e(ch["max_grain_exports_year"])})</td>'
            f'<td class="num">{e(fmt.pct(ch["mean_investment_rate"]))}</td>'
            f'<td>{e(REPRESSION.get(ch["max_repression_level"], ch["max_repression_level"]))}</td>'
            f'<td>{e(year_ranges(dek) if dek else "never")}</td>'
            f'<td>{e(entry.data.get("ending") or "not finished")}</td>'
            f'<td data-locked="{e(entry.locked)}">{e(LOCK.get(entry.locked, "not known"))}</td></tr>')
    hist = "".join(f'<td class="num">{e(fmt.num(a.history, a.decimals)) if a.history is not None else "-"}</td>'
                   for a in c.axes)
    rows.append(f'<tr class="history"><td>History\'s course (the model)</td>{hist}</tr>')
    year = next((en.data["choices"].get("collectivization_year") for en in c.entries
                 if en.data["choices"].get("collectivization_year")), "-")
    return "\n".join([
        '<section id="games" class="page"><h2>Every game</h2>',
        "<p>In the order the files were given, not ranked.</p>",
        *(f'<p class="caution">{e(entry.name)} ({e(entry.path.name)}): {e(INTEGRITY[entry.integrity])}.</p>'
          for entry in c.entries if entry.integrity != "ok"),
        f"<table><thead><tr><th>Student or team</th>{heads}</tr></thead><tbody>", *rows, "</tbody></table>",
        "<h3>Their key choices</h3>",
        f'<table><thead><tr><th>Student or team</th><th class="num">Collective farms by {e(year)}</th>'
        '<th class="num">Most grain exported in a year, Mt</th><th class="num">Investment, average</th>'
        "<th>Harshest repression</th><th>Dekulakization</th><th>Ending</th><th>Undo</th></tr></thead><tbody>",
        *choice_rows, "</tbody></table></section>"])


def _groups(c: Comparison) -> str:
    out = ['<section id="choices" class="page"><h2>Which choices went with which outcomes</h2>',
           f'<p class="caution">These are averages over small numbers of games. The weather, the event cards and '
           f"every other choice differ from game to game, so a difference between two groups is a question to "
           f"discuss, not proof that one choice caused it. Groups of fewer than {FEW} games are marked.</p>"]
    heads = "".join(f'<th class="num">{e(a.name)}</th>' for a in c.axes)
    for g in c.groups:
        n1, n2 = g.counts
        if n1 == 0 or n2 == 0:
            everyone = g.labels[0] if n2 == 0 else g.labels[1]
            out.append(f"<h3>{e(g.question)}</h3><p class=\"small\">Every game: {e(everyone.lower())}; "
                       f"nothing to compare.</p>")
            continue
        rows = []
        for side, (label, n) in enumerate(zip(g.labels, g.counts, strict=True)):
            few = " (few games)" if n < FEW else ""
            cells = "".join(
                f'<td class="num">{e(fmt.num(g.means[a.id][side], a.decimals)) if g.means[a.id][side] is not None else "-"}</td>'
                for a in c.axes)
            rows.append(f"<tr><td>{e(label)}<br/><span class=\"small\">{n} game{'s' * (n != 1)}{few}</span></td>{cells}</tr>")
        unknown = f'<p class="small">{g.unknown} game(s) could not be placed.</p>' if g.unknown else ""
        out.extend([f'<h3 data-group="{e(g.id)}">{e(g.question)}</h3>',
                    f"<table><thead><tr><th>Group (mean of each axis)</th>{heads}</tr></thead><tbody>",
                    *rows, "</tbody></table>", unknown])
    out.append("</section>")
    return "\n".join(out)


def write_html(c: Comparison, path: str | Path) -> Path:
    return fmt.write_page(path, render(c))
