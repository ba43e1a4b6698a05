"""Number formatting for the debrief's texts and tables (plain text; the HTML escapes it)."""

from __future__ import annotations

import math
from pathlib import Path

from ..errors import UserError
from .reference import APPROX, Figure


def num(value: float, decimals: int = 1) -> str:
    """1234.5 -> '1,234.5'; -0.0 -> '0'; a value that is not a finite number -> 'n/a' (never 'nan'
    on a page: the files read are checked, this is the last guard)."""
    if not math.isfinite(value):
        return "n/a"
    text = f"{value:,.{decimals}f}"
    if text.lstrip("-").replace("0", "").replace(".", "").replace(",", "") == "":
        return "0" if decimals == 0 else f"{0:.{decimals}f}"
    return text


def pct(share: float, decimals: int = 0) -> str:
    return f"{num(100.0 * share, decimals)} %"


def people(millions: float) -> str:
    """A count of people given in millions, rounded as a reader takes it in: '1.80 million',
    '681,000', '4,800'."""
    if millions >= 0.995:
        return f"{num(millions, 2)} million"
    count = millions * 1e6
    if count >= 10_000:
        return num(round(count, -3), 0)
    if count >= 1_000:
        return num(round(count, -2), 0)
    return num(round(count), 0)


def figure(fig: Figure, decimals: int = 1, unit: str = "") -> str:
    """A historical figure as plain text: 'about 128.0 Mt≈' when approximate (tag M)."""
    text = num(fig.value, decimals) + (f" {unit}" if unit else "")
    return f"about {text}{APPROX}" if fig.approximate else text


def decimals_for(values: list[float]) -> int:
    """Enough decimals to tell a series' values apart at a glance."""
    biggest = max((abs(v) for v in values), default=0.0)
    if biggest >= 100:
        return 0
    if biggest >= 10:
        return 1
    if biggest >= 1:
        return 1
    return 2


def write_page(path: str | Path, text: str) -> Path:
    """Write a finished HTML page; a folder that cannot be written is the user's to fix."""
    path = Path(path)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"{path}: cannot write ({exc.strerror or exc})") from None
    return path
