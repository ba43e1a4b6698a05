"""Sizes computed from what a control holds: buttons in as many rows as their labels need."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pygame

from .style import Style


def button_text_room(style: Style, width: int) -> int:
    """The width a button's label may take inside a button `width` wide (its border and padding off)."""
    return width - 2 * (style.rule + 1 + style.px(5))


def label_fits(style: Style, label: str, width: int) -> bool:
    return style.fonts["body_bold"].size(label)[0] <= button_text_room(style, width)


_KEY_SUFFIX = re.compile(r"\s+\[[^\]]+\]$")          # "Play the year  [P]": the hint line names the key
_YEARS_SUFFIX = re.compile(r",\s+\d{4}[-–]\d{4}$")     # "..., 1928-1932": the screen shows the years beside it
_ALIAS_SUFFIX = re.compile(r"\s+\([^()]+\)$")          # "... Station (DneproGES)": the full name is beside it


def fitted_label(style: Style, label: str, width: int) -> str:
    """A button's label by a rule: whole if it fits, else without its key ("  [D]": the hint
    line names the key), else without a closing span of years or a name in brackets (the screen
    shows the full name beside it: the scenario's panel, the project's card). Never cut
    mid-word: if even that does not fit, the layout has to give the button more room."""
    for rule in (None, _KEY_SUFFIX, _YEARS_SUFFIX, _ALIAS_SUFFIX):
        if rule is not None:
            label = rule.sub("", label)
        if label_fits(style, label, width):
            return label
    return label


def button_rows(style: Style, width: int, labels: Sequence[str], gap: int | None = None) -> list[pygame.Rect]:
    """Rects for buttons across `width`, relative to (0, 0): one row if every label fits its
    share, else two rows, and so on. Equal widths within a row."""
    gap = style.gap if gap is None else gap
    bh = style.button_height()
    count = len(labels)
    if not count:
        return []
    for rows in range(1, count + 1):
        per_row = -(-count // rows)
        button_w = (width - gap * (per_row - 1)) // per_row
        if per_row == 1 or all(label_fits(style, fitted_label(style, label, button_w), button_w) for label in labels):
            out = []
            for index in range(count):
                row, column = divmod(index, per_row)
                in_row = min(per_row, count - row * per_row)
                row_w = (width - gap * (in_row - 1)) // in_row
                out.append(pygame.Rect(column * (row_w + gap), row * (bh + gap), row_w, bh))
            return out
    return []


def flow_groups(groups: Sequence[tuple[int, Sequence[int]]], columns: int, column_height: int,
                gap: int = 0) -> list[list[list[tuple[int, range, bool]]]]:
    """Groups of rows (a heading's height, each row's height) flowed down `columns` columns and
    onto pages, whole rows only. A group that does not fit where it starts goes on in the next
    column (or page) under its heading again. Returns pages -> columns -> (group, rows, continued)."""
    pages: list[list[list[tuple[int, range, bool]]]] = [[[]]]
    used = 0

    def next_column() -> None:
        nonlocal used
        used = 0
        if len(pages[-1]) < columns:
            pages[-1].append([])
        else:
            pages.append([[]])

    for index, (head, rows) in enumerate(groups):
        start = 0
        continued = False
        while start < len(rows) or (not rows and start == 0):
            room = column_height - used - (gap if used else 0)
            if head + (rows[start] if rows else 0) > room and used:
                next_column()
                continue
            top = used + (gap if used else 0) + head
            end = start
            while end < len(rows) and top + rows[end] <= column_height:
                top += rows[end]
                end += 1
            end = max(end, start + 1) if rows else 0  # a row taller than a column still gets one
            pages[-1][-1].append((index, range(start, end), continued))
            used = top if end > start else used + head
            start = end
            continued = True
            if not rows:
                break
            if start < len(rows):
                next_column()
    return pages


def flow_balanced(groups: Sequence[tuple[int, Sequence[int]]], columns: int, column_height: int,
                  gap: int = 0) -> list[list[list[tuple[int, range, bool]]]]:
    """As flow_groups, but when everything fits on one page the columns are evened out (the
    shortest column height that still needs one page), so two columns are not one full, one empty."""
    pages = flow_groups(groups, columns, column_height, gap)
    if len(pages) > 1 or columns == 1:
        return pages
    low, high = 1, column_height
    while low < high:
        middle = (low + high) // 2
        if len(flow_groups(groups, columns, middle, gap)) == 1:
            high = middle
        else:
            low = middle + 1
    return flow_groups(groups, columns, high, gap)
