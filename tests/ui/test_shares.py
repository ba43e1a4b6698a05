"""Linked sliders always sum to 100 %: any sequence of moves, for three shares and for five."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from game.present.shares import normalise, rebalance

finite = st.floats(min_value=-0.5, max_value=1.5, allow_nan=False, allow_infinity=False)


def moves(count: int):
    return st.lists(st.tuples(st.integers(0, count - 1), finite), max_size=60)


def start(count: int):
    return st.lists(st.floats(0, 1, allow_nan=False), min_size=count, max_size=count).map(normalise)


def check(shares) -> None:
    assert abs(math.fsum(shares) - 1.0) <= 1e-9, shares
    assert all(0.0 <= s <= 1.0 for s in shares), shares


@given(start(3), moves(3))
def test_labour_sliders_always_sum_to_one(initial, sequence):
    shares = initial
    check(shares)
    for index, value in sequence:
        shares = rebalance(shares, index, value)
        check(shares)
        assert shares[index] == min(1.0, max(0.0, value)) or abs(shares[index] - min(1.0, max(0.0, value))) < 1e-9


@given(start(5), moves(5))
def test_investment_split_always_sums_to_one(initial, sequence):
    shares = initial
    for index, value in sequence:
        shares = rebalance(shares, index, value)
        check(shares)


@given(start(3), st.integers(0, 2), st.floats(0, 1, allow_nan=False))
def test_the_others_keep_their_proportions(initial, index, value):
    shares = rebalance(initial, index, value)
    others = [i for i in range(3) if i != index]
    a, b = others
    if initial[a] > 1e-6 and initial[b] > 1e-6 and value < 1 - 1e-6:
        assert math.isclose(shares[a] / shares[b], initial[a] / initial[b], rel_tol=1e-6)


def test_all_others_zero_share_the_rest_equally():
    assert rebalance((1.0, 0.0, 0.0), 0, 0.4) == (0.4, 0.3, 0.3)
