"""Where each region's figure goes on a drawn map, display-free (the window and the HTML debrief
place their labels with it): at the region's label point, or, for a region too small to hold
it, in a column beside the map joined to an anchor inside the region; no label over another.

Boxes are (left, top, width, height) tuples in the drawing's pixels, y down.
"""

from __future__ import annotations

Box = tuple[int, int, int, int]
Point = tuple[int, int]


def _overlaps(a: Box, b: Box, gap: int) -> bool:
    return (a[0] - gap < b[0] + b[2] and b[0] < a[0] + a[2] + gap
            and a[1] - gap < b[1] + b[3] and b[1] < a[1] + a[3] + gap)


def _clamp(box: Box, bounds: Box) -> Box:
    x, y, w, h = box
    bx, by, bw, bh = bounds
    return (max(bx, min(x, bx + bw - w)), max(by, min(y, by + bh - h)), w, h)


def _centred(size: tuple[int, int], at: Point, bounds: Box) -> Box:
    w, h = size
    return _clamp((at[0] - w // 2, at[1] - h // 2, w, h), bounds)


def place_labels(sizes: dict[str, tuple[int, int]], at: dict[str, Point], anchors: dict[str, Point],
                 column_x: int, bounds: Box, gap: int) -> dict[str, Box]:
    """The column first, in the order of the anchors from the top, pushed apart and kept inside;
    then the others, each at its point or the nearest free spot around it (steps of a third of
    its height and width); at its point if there is none."""
    placed: dict[str, Box] = {}
    column = sorted(anchors, key=lambda r: anchors[r][1])
    remaining = sum(sizes[r][1] + gap for r in column)
    y = bounds[1] + gap
    for region in column:
        w, h = sizes[region]
        top = max(y, min(anchors[region][1] - h // 2, bounds[1] + bounds[3] - remaining))
        placed[region] = (column_x - w // 2, top, w, h)
        y = top + h + gap
        remaining -= h + gap
    for region, size in sizes.items():
        if region not in anchors:
            placed[region] = _free_spot(size, at[region], list(placed.values()), bounds, gap)
    return placed


def _free_spot(size: tuple[int, int], at: Point, taken: list[Box], bounds: Box, gap: int) -> Box:
    w, h = size
    dx, dy = max(1, w // 3), max(1, h // 3)
    offsets = sorted(((i * dx, j * dy) for i in range(-4, 5) for j in range(-6, 7)),
                     key=lambda o: (o[0] / dx) ** 2 + (o[1] / dy) ** 2)
    for ox, oy in offsets:
        trial = _centred(size, (at[0] + ox, at[1] + oy), bounds)
        if not any(_overlaps(trial, other, gap // 2) for other in taken):
            return trial
    return _centred(size, at, bounds)
