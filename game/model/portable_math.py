"""Maths that gives the same digits on every platform: log, exp, erfc and powers for the model.

Python's floats are IEEE doubles everywhere, and + - * / and sqrt are exactly rounded, so they
give the same bits on every machine. The transcendental functions are not: `math.log`, `math.exp`,
`math.erfc` and `x ** y` call the C library, and glibc (Linux), musl (Pyodide in the browser),
Apple's and Microsoft's libraries round some results differently in the last bit or two. One
different bit in one region's famine is a different game, and the same scenario, seed and commands
must give the same game in the browser as on the desktop (tools/pyodide_compare.py found 22
values of the historical game that differed before this module).

So every such result is *settled*: rounded to `BITS` significant bits (a relative step of about
2e-10, far below anything the model can claim to know). Two libraries that each get the result
within a few units in the last place (ulp) of the truth round it to the same grid point unless the
result lies within `GUARD_ULP` of a point halfway between two grid points, where a difference of an
ulp could tip it either way. There, and only there (about one call in two thousand), the result
is worked out again here, from + - * / and exactly rounded library calls (frexp, ldexp, floor)
alone, and that value is settled instead.

Why the mix of fast and portable answers cannot disagree: let the libraries' errors be at most
E ulp and this module's at most E' ulp of the truth, with GUARD_ULP larger than both 2E and
E + E'. If two platforms both take the fast way, their results are within 2E of each other and
both farther than GUARD_ULP from every halfway point, so on the same side of it: they round alike.
If both take the portable way, they compute the same bits. If one does and one does not, the
one that does not is farther than GUARD_ULP from the halfway point and the portable value is within
E + E' of it, so again on the same side: they round alike. GUARD_ULP is 512; the C libraries
are within a few ulp, and the tests hold this module within 64 ulp of Python's own functions over
the ranges the model uses.
"""

from __future__ import annotations

import math
import operator
from math import floor, frexp, ldexp

BITS = 32
"""Significant bits a settled result keeps."""
# The halfway band: within 2**-12 of a grid step of a halfway point, which is 2**(53-32-12) =
# 512 ulp of the result. (Written out as numbers: these run in the model's innermost loops.)
_SCALE = 4294967296.0                    # 2**BITS
_LOW, _HIGH = 0.499755859375, 0.500244140625
GUARD_ULP = 512
_VANISHING = -959      # frexp's exponent of the smallest settled result, 2**-960
_EDGE_BELOW, _EDGE_ABOVE = 1.0 - 2.0 ** -11, 0.5 + 2.0 ** -11  # mantissas next to that edge


def _on_grid(value: float) -> float | None:
    """A C library's result rounded to the grid (BITS significant bits; below 2**-960, zero);
    None when it lies too close to a halfway point, or to that edge, to round alike on every
    platform: the portable computation decides then. (`scaled % 1.0` is the part below a grid
    step, exactly.)"""
    mantissa, exponent = frexp(value)
    if exponent < -958:  # next to nothing: below 2**-960 it is nothing
        if ((exponent == _VANISHING - 1 and abs(mantissa) > _EDGE_BELOW)
                or (exponent == _VANISHING and abs(mantissa) < _EDGE_ABOVE)):
            return None
        if exponent < _VANISHING:
            return 0.0
    scaled = mantissa * _SCALE
    fraction = scaled % 1.0
    if _LOW < fraction < _HIGH:
        return None
    if fraction != fraction:  # inf or nan
        return value
    return ldexp(scaled - fraction + (fraction >= 0.5), exponent - BITS)


def _round(value: float) -> float:
    """A portable value rounded to the grid (halfway rounds up: any fixed rule will do, since
    every platform computes the same portable value)."""
    mantissa, exponent = frexp(value)
    if exponent < _VANISHING:
        return 0.0
    scaled = mantissa * _SCALE
    fraction = scaled % 1.0
    if fraction != fraction:  # inf or nan
        return value
    return ldexp(scaled - fraction + (fraction >= 0.5), exponent - BITS)


# --- the model's functions ---------------------------------------------------------------------


def _settled(library, portable, doc: str):
    """A one-argument function of the C library, settled, with `portable` to decide near a
    halfway point."""

    def settled(x: float) -> float:
        value = _on_grid(library(x))
        return _round(portable(x)) if value is None else value

    settled.__doc__ = doc
    return settled


def _settled_power(library):
    """`library(base, exponent)` (Python's `**`), settled."""

    def power(base: float, exponent: float) -> float:
        """base ** exponent, settled (the model's bases are positive)."""
        value = _on_grid(library(base, exponent))
        return _round(portable_power(base, exponent)) if value is None else value

    return power


# --- the portable computations -----------------------------------------------------------------
# Only + - * /, frexp, ldexp and floor: the same bits everywhere. Accurate to a few ulp over the
# ranges the model uses (tests/model/test_portable_math.py measures it), which is all the
# argument above needs; they run about once in two thousand calls, so they may be slow.

_LN2_HI = 6.93147180369123816490e-01   # ln 2 in two parts (fdlibm's): _LN2_HI * n is exact for
_LN2_LO = 1.90821492927058770002e-10   # |n| < 2**11
_SQRT_HALF = 0.70710678118654752440
_SPLIT = 134217729.0                    # 2**27 + 1, for Dekker's exact products


def _two_product(a: float, b: float) -> tuple[float, float]:
    """a * b as hi + lo exactly (Dekker)."""
    p = a * b
    t = _SPLIT * a
    a_hi = t - (t - a)
    a_lo = a - a_hi
    t = _SPLIT * b
    b_hi = t - (t - b)
    b_lo = b - b_hi
    return p, ((a_hi * b_hi - p) + a_hi * b_lo + a_lo * b_hi) + a_lo * b_lo


def _log_parts(x: float) -> tuple[float, float]:
    """log(x) for a positive finite x as hi + lo, lo carrying the bits hi cannot."""
    mantissa, e = frexp(x)
    if mantissa < _SQRT_HALF:
        mantissa *= 2.0
        e -= 1
    f = mantissa - 1.0                   # exact (Sterbenz)
    s = f / (2.0 + f)                    # log(1 + f) = 2 atanh(s)
    z = s * s
    # 2 atanh(s) = 2s + 2s (z/3 + z^2/5 + ...), |s| < 0.172: twelve terms reach 1e-19.
    series = 0.0
    for k in range(12, 0, -1):
        series = (series + 1.0 / (2 * k + 1)) * z
    tail = 2.0 * s * series
    # log(1 + f) = f - f^2/(2 + f) ... written as f - s f + tail keeps the leading bits exact.
    near = f - s * f
    hi = e * _LN2_HI + near
    lo = ((e * _LN2_HI - hi) + near) + (tail + e * _LN2_LO)
    return hi + lo, (hi - (hi + lo)) + lo


def portable_log(x: float) -> float:
    if x != x or x < 0.0:
        return math.nan
    if x == 0.0:
        return -math.inf
    if x == math.inf:
        return x
    hi, lo = _log_parts(x)
    return hi + lo


def _exp_parts(hi: float, lo: float) -> float:
    """e ** (hi + lo), lo small beside hi."""
    if hi > 709.79:
        return math.inf
    if hi < -745.2:
        return 0.0
    n = floor(hi / _LN2_HI + 0.5)
    r = (hi - n * _LN2_HI) - n * _LN2_LO + lo   # |r| <= 0.35
    # Taylor to the 18th power: 0.35**19 / 19! < 1e-25.
    total = 1.0
    for k in range(18, 0, -1):
        total = 1.0 + total * r / k
    return ldexp(total, n)


def portable_exp(x: float) -> float:
    if x != x:
        return x
    return _exp_parts(x, 0.0)


def portable_power(base: float, exponent: float) -> float:
    """base ** exponent for the cases the model meets (a positive base); others as Python gives
    them, which the model never asks for."""
    if base == 1.0 or exponent == 0.0:
        return 1.0
    if not (base > 0.0 and math.isfinite(base) and math.isfinite(exponent)):
        return base ** exponent
    hi, lo = _log_parts(base)
    p, q = _two_product(exponent, hi)
    return _exp_parts(p, q + exponent * lo)


_TWO_OVER_SQRT_PI = 1.12837916709551257390
_ONE_OVER_SQRT_PI = 0.56418958354775628695


def portable_erfc(x: float) -> float:
    if x != x:
        return x
    if x < 0.0:
        return 2.0 - portable_erfc(-x)
    if x < 0.5:
        # 1 - erf(x), erf by its Taylor series (alternating, but x < 0.5 keeps it exact enough).
        z = x * x
        term, total = x, x
        for n in range(1, 40):  # 0.5**80 / 40! is far below an ulp
            term *= -z / n
            step = term / (2 * n + 1)
            total += step
            if abs(step) <= 1e-20 * abs(total):
                break
        return 1.0 - _TWO_OVER_SQRT_PI * total
    if x > 27.3:
        return 0.0
    # exp(-x^2) / sqrt(pi) times the continued fraction 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))),
    # evaluated from a fixed depth back up (stable); x^2 exactly as hi + lo.
    depth = int(60 + 1000 / (x * x))
    fraction = x
    for k in range(depth, 0, -1):
        fraction = x + (k / 2.0) / fraction
    square, square_lo = _two_product(x, x)
    return _exp_parts(-square, -square_lo) * _ONE_OVER_SQRT_PI / fraction


power = _settled_power(operator.pow)
log = _settled(math.log, portable_log, "The natural logarithm, settled.")
exp = _settled(math.exp, portable_exp, "e ** x, settled.")
erfc = _settled(math.erfc, portable_erfc, "The complementary error function, settled.")
