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

from ...debrief import fmt
from .. import draw
from ..i18n import _
from ..style import Style

NAME_LIMIT = 40


@dataclass(frozen=True)
class AxisShown:
    """One axis as the screen draws it: the values and the very texts painted."""

    id: str
    name: str
    value: float
    history: float | None
    yours: str
    theirs: str
    scale: float


def axis_texts(axis) -> tuple[str, str]:
    yours = fmt.num(axis.value, axis.decimals)
    theirs = fmt.num(axis.history, axis.decimals) if axis.history is not None else "–"
    return yours, theirs


def axis_scale(axis) -> float:
    """The top of the axis' shared scale: per mille for Lives, otherwise 100 or more."""
    if axis.id == "lives":
        return 1000.0
    values = [axis.value] + ([axis.history] if axis.history is not None else [])
    return draw._nice_ceiling(max([100.0] + [v for v in values if v == v]))


def shown(axis) -> AxisShown:
    yours, theirs = axis_texts(axis)
    return AxisShown(axis.id, axis.name, axis.value, axis.history, yours, theirs, axis_scale(axis))


def paint_axis_bars(canvas: pygame.Surface, style: Style, rect: pygame.Rect, axis) -> AxisShown:
    """Two bars on one scale, the player's (red) above history's (ink), each with its number;
    the unit and the scale under them."""
    s = style
    p = s.palette
    a = shown(axis)
    small, bold, body = s.fonts["small"], s.fonts["body_bold"], s.fonts["body"]
    number_w = max(bold.size("0,000.0")[0], bold.size(a.yours)[0], body.size(a.theirs)[0]) + s.px(6)
    label_w = max(small.size(_("yours"))[0], small.size(_("history"))[0]) + s.px(6)
    bar_left = rect.left + label_w
    bar_w = max(10, rect.width - label_w - number_w - s.gap)
    bar_h = max(s.px(8), min(s.px(14), (rect.height - small.get_linesize()) // 2 - s.px(3)))
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
        pygame.draw.rect(canvas, p.rule, track, 1)
        draw.text(canvas, font, text, (rect.right, centre), colour if colour != p.ink else p.ink, "midright")
        y += line_h + s.px(2)
    scale = _("{unit}; scale 0 to {top}").format(unit=axis.unit, top=fmt.num(a.scale, 0))
    if y + small.get_linesize() <= rect.bottom + s.px(2):
        draw.text(canvas, small, scale, (bar_left, y), p.muted, width=rect.right - bar_left)
    return a


def axes_row_height(style: Style) -> int:
    s = style
    return 2 * (max(s.fonts.line("body_bold"), s.px(14)) + s.px(2)) + s.fonts.line("small")


def paint_plan_table(canvas: pygame.Surface, style: Style, rect: pygame.Rect, table) -> int:
    """The plan's products: the target the game ran under, what was reported, the real output,
    and history's target and output. Returns the y below the table."""
    s = style
    p = s.palette
    body, bold, small = s.fonts["body"], s.fonts["body_bold"], s.fonts["small_bold"]
    fractions = (0.28, 0.39, 0.51, 0.61, 0.80, 1.0)
    cols = [rect.left + int(rect.width * f) for f in fractions]
    heads = (_("target"), _("reported"), _("real"), _("history's target"), _("history's output"))
    y = rect.top
    draw.text(canvas, small, _("product"), (rect.left, y), p.muted)
    for title, x, left in zip(heads, cols[1:], cols[:-1], strict=True):
        draw.text(canvas, small, title, (x, y), p.muted, "topright", width=x - left - s.px(4))
    y += small.get_linesize() + s.px(2)
    pygame.draw.line(canvas, p.ink, (rect.left, y), (rect.right, y), 1)
    y += s.px(3)
    step = body.get_linesize() + s.px(2)

    def number(value, decimals=1) -> str:
        return fmt.num(value, decimals) if value is not None else "–"

    for row in table.rows:
        if y + step > rect.bottom:
            break
        draw.text(canvas, body, f"{row.label}, {row.unit}", (rect.left, y), p.ink, width=cols[0] - rect.left - s.px(4))
        history_output = "–"
        if row.history_output is not None:
            history_output = number(row.history_output.value) + (" ≈" if row.history_output.approximate else "")
        cells = (number(row.target), number(row.reported), number(row.real), number(row.history_target),
                 history_output)
        colours = (p.ink, p.dark_red, p.ink, p.muted, p.muted)
        fonts = (body, body, bold, body, body)
        for text, x, left, colour, font in zip(cells, cols[1:], cols[:-1], colours, fonts, strict=True):
            draw.text(canvas, font, text, (x, y), colour, "topright", width=x - left - s.px(4))
        y += step
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


def export_debrief(ctx, name: str = "", folder: Path | None = None, now: datetime | None = None) -> tuple[Path, Path]:
    """Write the printable page and the results file; returns their paths. Raises on failure
    (the screen turns any error into a message)."""
    from ...debrief import debrief_of, record_of, results_json, write_html
    from ...headless.baseline import historical_game

    player = clean_name(name) or None
    report = debrief_of(ctx.session, player=player, scenario=ctx.scenario, history=historical_game())
    folder = folder or debriefs_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now()).strftime("%Y-%m-%d-%H%M")
    base = f"{ctx.scenario.id}-seed{ctx.session.seed}-{stamp}"
    html_path = write_html(report, _free(folder / f"{base}.html"))
    results = results_json(report, record_of(ctx.session, ctx.scenario))
    who = f"-{slug(player)}" if player and slug(player) else ""
    json_path = _free(folder / f"{base}{who}.results.json")
    json_path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return html_path, json_path
