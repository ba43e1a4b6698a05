"""Linked shares: sliders that always sum to 100 %.

Moving one share rescales the others in proportion to their current sizes, so the player's
relative choices among the rest are kept. Pure functions, no pygame: the labour split (three
shares) and the investment split (five) both use them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def rebalance(shares: Sequence[float], index: int, value: float) -> tuple[float, ...]:
    """Set share `index` to `value` (clamped to 0..1) and rescale the others to fill the rest."""
    count = len(shares)
    if not 0 <= index < count:
        raise IndexError(f"share {index} of {count}")
    value = min(1.0, max(0.0, float(value)))
    if count == 1:
        return (1.0,)
    others = [i for i in range(count) if i != index]
    rest = 1.0 - value
    total = math.fsum(max(0.0, shares[i]) for i in others)
    new = [0.0] * count
    new[index] = value
    for i in others:
        # When the others are all zero there is no proportion to keep: share the rest equally.
        new[i] = rest * max(0.0, shares[i]) / total if total > 0 else rest / len(others)
    return _exact(new, keep=index)


def normalise(shares: Sequence[float]) -> tuple[float, ...]:
    """Scale shares to sum to 1 (equal shares if they are all zero)."""
    clean = [max(0.0, float(s)) for s in shares]
    total = math.fsum(clean)
    if total <= 0:
        return tuple(1.0 / len(clean) for _ in clean)
    return _exact([s / total for s in clean], keep=-1)


def _exact(values: list[float], keep: int) -> tuple[float, ...]:
    """Put the rounding residue on the largest share other than `keep`, so the sum is 1."""
    residue = 1.0 - math.fsum(values)
    candidates = [i for i in range(len(values)) if i != keep] or list(range(len(values)))
    largest = max(candidates, key=lambda i: values[i])
    values[largest] = min(1.0, max(0.0, values[largest] + residue))
    return tuple(values)
