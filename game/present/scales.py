"""Round tops for the scales of charts and bars, shared by every front end (and light enough for
the window's first frame to import)."""

from __future__ import annotations

import math


def nice_ceiling(value: float) -> float:
    """A round top for a scale at or above `value` (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten)."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude
