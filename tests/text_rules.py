"""What no text shown to a player may contain: an internal file name ("events.md"), a range whose
two ends read the same ("6.6 Mt – 6.6 Mt"), a known grammar slip. Shared by the content test
(every text of the scenarios, the credits and the debrief) and the layout test (every text a
screen paints)."""

from __future__ import annotations

import re

FILE_NAME = re.compile(r"(?<![\w@])[\w\-/]+\.(?:md|ya?ml|json|py|txt|ttf|csv|html?)\b", re.IGNORECASE)
# A date's "-12-12" is no range: the lookbehind skips numbers that follow a hyphen.
DOUBLED_RANGE = re.compile(r"(?<![\w.,\-])(\d[\d,.]*(?:\s?[^\W\d]+)?)\s?[–—-]\s?\1(?![\w.,])")
SLIPS = (
    re.compile(r"\b[Tt]here is no (?!grass\b)\w+s (?:or|and) \w+"),   # "There is no oats or hay"
    # "the the" — a doubled word, not a doubled number ("Saved 2026-12-02 02:06.")
    re.compile(r"\b([^\W\d_]+) \1\b(?<!\bthat that)", re.IGNORECASE),
)


def problems(text: str) -> list[str]:
    """What is wrong with one text, in words (empty if nothing)."""
    found = []
    for match in FILE_NAME.finditer(text):
        found.append(f"a file name {match.group(0)!r}")
    for match in DOUBLED_RANGE.finditer(text):
        found.append(f"a doubled range {match.group(0)!r}")
    for rule in SLIPS:
        for match in rule.finditer(text):
            found.append(f"a slip {match.group(0)!r}")
    return found
