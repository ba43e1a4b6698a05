"""Colour vision: the contrast of two colours as WCAG defines it, and what a colour looks like to a
protanope or a deuteranope (Machado, Oliveira and Fernandes 2009, severity 1.0, applied to linear
RGB). The palette's meaningful pairs (style.MEANINGFUL_PAIRS) must stay apart under both."""

from __future__ import annotations

from collections.abc import Sequence

Colour = tuple[int, int, int]

# Machado et al. (2009), "A Physiologically-based Model for Simulation of Color Vision Deficiency",
# IEEE TVCG 15(6), the matrices for severity 1.0.
MACHADO = {
    "protanopia": ((0.152286, 1.052583, -0.204868),
                   (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968),
                     (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
}
VISIONS = ("normal", "protanopia", "deuteranopia")


def to_linear(channel: int) -> float:
    c = channel / 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def to_srgb(linear: float) -> int:
    linear = max(0.0, min(1.0, linear))
    c = linear * 12.92 if linear <= 0.0031308 else 1.055 * linear ** (1 / 2.4) - 0.055
    return round(c * 255)


def simulate(colour: Colour, vision: str) -> Colour:
    """The colour as seen with `vision` ("normal", "protanopia", "deuteranopia")."""
    if vision == "normal":
        return colour
    matrix = MACHADO[vision]
    linear = [to_linear(c) for c in colour]
    return tuple(to_srgb(sum(m * v for m, v in zip(row, linear, strict=True))) for row in matrix)


def luminance(colour: Colour) -> float:
    r, g, b = (to_linear(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Colour, b: Colour) -> float:
    """The WCAG contrast ratio, from 1 (the same) to 21 (black on white)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def worst_contrast(a: Colour, b: Colour, visions: Sequence[str] = VISIONS) -> tuple[float, str]:
    """The lowest contrast of the pair over `visions`, and under which."""
    return min((contrast(simulate(a, v), simulate(b, v)), v) for v in visions)
