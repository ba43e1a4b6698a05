"""Drawing the debrief (game.debrief) in the window: the scorecard's paired bars, a plan's table,
the discussion questions and the historians' perspectives; and exporting the debrief's files.

The scorecard has no total and no ranking: each axis is the player's value beside history's on a
scale of its own, with the numbers written out. Every text from the debrief is plain text."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pygame

from ...present.end import PLAN_HEADS, AxisShown, plan_cells, scale_words, shown
from ...present.i18n import _
from .. import draw
from ..style import Style

NAME_LIMIT = 40


def _axis_geometry(style: Style, width: int, a: AxisShown) -> tuple[int, int, int, str]:
    """(label width, number width, bar height, the scale's words) of an axis' bars."""
    s = style
    small, bold, body = s.fonts["small"], s.fonts["body_bold"], s.fonts["body"]
    number_w = max(bold.size("0,000.0")[0], bold.size(a.yours)[0], body.size(a.theirs)[0]) + s.px(6)
    label_w = max(small.size(_("yours"))[0], small.size(_("history"))[0]) + s.px(6)
    return label_w, number_w, s.px(12), scale_words(a)


def axis_bars_height(style: Style, width: int, axis, with_scale: bool = True) -> int:
    """The height paint_axis_bars needs at `width`: two bars, and the scale under them (unless
    the screen says the scale elsewhere)."""
    s = style
    a = shown(axis)
    label_w, number_w, bar_h, scale = _axis_geometry(s, width, a)
    line = max(bar_h, s.fonts.line("body_bold"))
    return 2 * (line + s.px(2)) + (draw.label_height([s.fonts["small"]], scale, width - label_w) if with_scale else 0)


def paint_axis_bars(canvas: pygame.Surface, style: Style, rect: pygame.Rect, axis, with_scale: bool = True) -> AxisShown:
    """Two bars on one scale, the player's (red) above history's (ink), each with its number and
    its word ("yours", "history": never the colour alone); the unit and the scale under them."""
    s = style
    p = s.palette
    a = shown(axis)
    small, bold, body = s.fonts["small"], s.fonts["body_bold"], s.fonts["body"]
    label_w, number_w, bar_h, scale = _axis_geometry(s, rect.width, a)
    bar_left = rect.left + label_w
    bar_w = max(10, rect.width - label_w - number_w - s.gap)
    rows = ((_("yours"), a.value, a.yours, p.red, bold), (_("history"), a.history, a.theirs, p.ink, body))
    y = rect.top
    for label, value, text, colour, font in rows:
        line_h = max(bar_h, font.get_linesize())
        centre = y + line_h // 2
        draw.text(canvas, small, label, (rect.left, centre), p.muted, "midleft")
        track = pygame.Rect(bar_left, centre - bar_h // 2, bar_w, bar_h)
        pygame.draw.rect(canvas, p.paper, track)
        if value is not None:
            filled = track.copy()
            filled.width = round(bar_w * max(0.0, min(1.0, value / a.scale)))
            pygame.draw.rect(canvas, colour, filled)
        pygame.draw.rect(canvas, p.ink, track, 1)
        draw.text(canvas, font, text, (rect.right, centre), colour if colour != p.ink else p.ink, "midright")
        y += line_h + s.px(2)
    if with_scale:
        height = draw.label_height([small], scale, rect.right - bar_left)
        draw.label(canvas, [small], scale, pygame.Rect(bar_left, y, rect.right - bar_left, height), p.muted,
                   valign="top")
    return a


def axes_row_height(style: Style) -> int:
    s = style
    return 2 * (max(s.fonts.line("body_bold"), s.px(14)) + s.px(2)) + s.fonts.line("small")


@dataclass(frozen=True)
class PlanTableLayout:
    """The plan table's columns as their contents need them: the figures' columns as wide as
    their widest entry (their heads wrap onto two lines), the product's name the rest."""

    rights: tuple[int, ...]          # each figure column's right edge, from the table's left
    label_w: int
    head_h: int
    row_h: int


def plan_table_layout(style: Style, width: int, table) -> PlanTableLayout:
    s = style
    body, bold, small = s.fonts["body"], s.fonts["body_bold"], s.fonts["small_bold"]
    heads = [_(h) for h in PLAN_HEADS]
    cells = [plan_cells(row) for row in table.rows]
    widths = []
    for column, head in enumerate(heads):
        figure_w = max([(bold if column == 2 else body).size(c[column])[0] for c in cells] + [0])
        head_w = max(small.size(word)[0] for word in head.split())
        widths.append(max(figure_w, min(small.size(head)[0], max(head_w, figure_w))) + s.px(8))
    label_w = max(s.px(60), width - sum(widths))
    rights, x = [], label_w
    for w in widths:
        x += w
        rights.append(x)
    head_lines = max(len(draw.wrap(small, head, w - s.px(6))) for head, w in zip(heads, widths, strict=True))
    labels = [f"{row.label}, {row.unit}" for row in table.rows]
    label_lines = max([len(draw.wrap(body, label, label_w - s.px(4))) for label in labels] + [1])
    return PlanTableLayout(tuple(rights), label_w, head_lines * small.get_linesize() + s.px(5),
                           min(2, label_lines) * body.get_linesize() + s.px(2))


def paint_plan_table(canvas: pygame.Surface, style: Style, rect: pygame.Rect, table, rows: range | None = None,
                     layout: PlanTableLayout | None = None) -> int:
    """The plan's products: the target the game ran under, what was reported, the real output,
    and history's target and output (the rows in `rows`, all by default). Returns the y below."""
    s = style
    p = s.palette
    layout = layout or plan_table_layout(s, rect.width, table)
    body, bold, small = s.fonts["body"], s.fonts["body_bold"], s.fonts["small_bold"]
    y = rect.top
    draw.text(canvas, small, _("product"), (rect.left, y), p.muted)
    lefts = (layout.label_w,) + layout.rights[:-1]
    for head, right, left in zip(PLAN_HEADS, layout.rights, lefts, strict=True):
        lines = draw.wrap(small, _(head), right - left - s.px(6))
        for number, line in enumerate(lines):
            draw.text(canvas, small, line, (rect.left + right - s.px(4), y + number * small.get_linesize()), p.muted,
                      "topright")
    y += layout.head_h - s.px(3)
    pygame.draw.line(canvas, p.ink, (rect.left, y), (rect.right, y), 1)
    y += s.px(3)
    colours = (p.ink, p.dark_red, p.ink, p.muted, p.muted)
    for index in rows if rows is not None else range(len(table.rows)):
        row = table.rows[index]
        draw.label(canvas, [body, s.fonts["small"]], f"{row.label}, {row.unit}",
                   pygame.Rect(rect.left, y, layout.label_w - s.px(4), layout.row_h - s.px(2)), p.ink, valign="top")
        for text, right, colour, column in zip(plan_cells(row), layout.rights, colours, range(5), strict=True):
            draw.text(canvas, bold if column == 2 else body, text, (rect.left + right - s.px(4), y), colour, "topright")
        y += layout.row_h
    return y


def question_blocks(questions, heading: str | None = None) -> list[draw.Block]:
    blocks = [draw.Block("h2", heading, "red", 0)] if heading else []
    for number, q in enumerate(questions, 1):
        blocks.append(draw.Block("h3", _("Question {n}").format(n=number), "ink", 1.0 if blocks else 0))
        blocks.append(draw.Block("body_bold", q.lead, "dark_red", 0.3))
        blocks.append(draw.Block("serif", q.text, "ink", 0.4))
        if q.yours or q.history:
            blocks.append(draw.Block("small", _("Your game: {yours}   ·   History: {history}").format(
                yours=q.yours or "–", history=q.history or "–"), "muted", 0.3))
    if not questions:
        blocks.append(draw.Block("body", _("No discussion questions for this game.")))
    return blocks


def perspective_blocks(perspectives) -> list[draw.Block]:
    blocks = [draw.Block("h2", _("What historians argue"), "red", 0),
              draw.Block("italic", _("Positions side by side, with their authors; the game does not settle "
                                     "between them."), "muted", 0.3)]
    for perspective in perspectives:
        blocks.append(draw.Block("h3", perspective.title, "ink", 1.2))
        if perspective.intro:
            blocks.append(draw.Block("serif", perspective.intro, "ink", 0.3))
        for position in perspective.positions:
            blocks.append(draw.Block("body_bold", position.authors, "dark_red", 0.7))
            blocks.append(draw.Block("serif", position.text, "ink", 0.2))
            blocks += [draw.Block("small", f"– {source}", "muted", 0.1) for source in position.sources]
        if perspective.note:
            blocks.append(draw.Block("italic", perspective.note, "muted", 0.6))
            blocks += [draw.Block("small", f"– {source}", "muted", 0.1) for source in perspective.note_sources]
    if not perspectives:
        blocks.append(draw.Block("body", _("No historians' positions are given for this scenario.")))
    return blocks


# -- export ----------------------------------------------------------------------------------------


def debriefs_dir() -> Path:
    """`debriefs/` in the user data folder (the --data-dir folder in portable mode)."""
    try:
        from ...persist import paths as persist_paths
    except ImportError:
        import platformdirs

        return platformdirs.PlatformDirs("Pyatiletka", appauthor=False).user_data_path / "debriefs"
    return persist_paths.data_dir() / "debriefs"


def clean_name(name: str) -> str:
    """A typed name, trimmed: printable characters only, at most NAME_LIMIT of them."""
    return "".join(c for c in name if c.isprintable()).strip()[:NAME_LIMIT]


def slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", name, flags=re.UNICODE).strip("-_")[:NAME_LIMIT]


def _free(path: Path) -> Path:
    if not path.exists():
        return path
    stem, suffix = path.name.split(".", 1)
    for n in range(2, 1000):
        candidate = path.with_name(f"{stem}-{n}.{suffix}")
        if not candidate.exists():
            return candidate
    return path


def export_debrief(ctx, name: str = "", folder: Path | None = None, now: datetime | None = None,
                   what: str = "both") -> tuple[Path, ...]:
    """Write the printable pages (`what`: "both", "handout" or "full") and the results file;
    returns their paths, the results file last. Raises on failure (the screen turns any error
    into a message)."""
    from ...debrief import debrief_of, record_of, results_json, write_handout, write_html
    from ...headless.baseline import historical_game

    player = clean_name(name) or None
    report = debrief_of(ctx.session, player=player, scenario=ctx.scenario, history=historical_game())
    folder = folder or debriefs_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now()).strftime("%Y-%m-%d-%H%M")
    base = f"{ctx.scenario.id}-seed{ctx.session.seed}-{stamp}"
    written: list[Path] = []
    if what in ("both", "handout"):
        written.append(write_handout(report, _free(folder / f"{base}-handout.html")))
    if what in ("both", "full"):
        written.append(write_html(report, _free(folder / f"{base}.html")))
    results = results_json(report, record_of(ctx.session, ctx.scenario))
    who = f"-{slug(player)}" if player and slug(player) else ""
    json_path = _free(folder / f"{base}{who}.results.json")
    json_path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return (*written, json_path)
