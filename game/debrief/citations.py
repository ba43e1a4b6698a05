"""Citations as the reader sees them: one entry per work.

The scenario files cite the same work in several forms (a short title in one event, the full
title in another; a table or figure named after a data series). A list shown to a reader (the
credits, the debrief's sources) names each work once: `works()` merges the forms of one work and
keeps the fullest title. `work_key()` says which work a citation names; a test uses it to check
that no list shown to a player names a work twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_YEAR = re.compile(r"\((?:[^()]*?[,;\s])?(1[89]\d\d|20\d\d)(?:[-–]\d+)?[^()]*\)")
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.\s?)+")
_WORD = re.compile(r"[a-z0-9]+")


def _surname(text: str) -> str:
    """The first author's surname: the first name of the citation after its initials."""
    head = text.split(",", 1)[0].strip()
    head = _INITIALS.sub("", head)
    words = _WORD.findall(head.lower())
    return words[0] if words else ""


def _title_and_venue(text: str) -> tuple[str, str, str]:
    """(title words, venue, year) of a citation "Authors, Title, Venue (year)"."""
    match = _YEAR.search(text)
    year = match.group(1) if match else ""
    body = text[: match.start()] if match else text
    parts = [p.strip() for p in body.split(",") if p.strip()]
    rest = [p for p in parts[1:] if not _INITIALS.match(p) or len(p.split()) > 3]  # co-authors out
    title = " ".join(_WORD.findall(rest[0].lower())[:3]) if rest else ""
    venue = " ".join(_WORD.findall(rest[-1].lower())) if rest else ""  # a lone part may be the journal
    return title, venue, year


def work_keys(citation: str) -> set[tuple[str, ...]]:
    """The keys that identify the work a citation names: two citations that share one name the
    same work (same first author and year, and the same opening words of the title or the same
    journal and volume)."""
    text = " ".join(citation.split())
    surname = _surname(text)
    title, venue, year = _title_and_venue(text)
    if not year:
        return {("untitled", " ".join(_WORD.findall(text.lower())[:4]))}
    keys = {(surname, year, "title", title)} if title else set()
    if venue:
        keys.add((surname, year, "venue", venue))
    return keys or {(surname, year, "title", "")}


def split_citation(citation: str) -> list[str]:
    """ "A. Author, First (2014); Second (2017)" -> both works, each with its author. Anything
    else (a note with a semicolon in it) stays whole."""
    text = " ".join(citation.split())
    parts = [p.strip() for p in text.split("; ")]
    if len(parts) < 2 or not all(_YEAR.search(p) for p in parts):
        return [text]
    author = text.split(",", 1)[0]
    out = [parts[0]]
    for part in parts[1:]:
        if _surname(part) and part.split(",", 1)[0].strip()[:1].isupper() and _INITIALS.match(part):
            out.append(part)
            author = part.split(",", 1)[0]
        else:
            out.append(f"{author}, {part}")
    return out


def works(citations: Iterable[str]) -> list[str]:
    """Each work once, sorted: the forms of one work merged, the fullest kept."""
    chosen: list[str] = []
    keys_of: list[set] = []
    for citation in citations:
        if not citation or not citation.strip():
            continue
        for work in split_citation(citation):
            keys = work_keys(work)
            same = next((i for i, k in enumerate(keys_of) if k & keys), None)
            if same is None:
                chosen.append(work)
                keys_of.append(set(keys))
            else:
                keys_of[same] |= keys
                if _fuller(work, chosen[same]):
                    chosen[same] = work
    return sorted(chosen, key=lambda s: s.lstrip("\"'").lower())


def _fuller(a: str, b: str) -> bool:
    """A plain work citation (ending with its year) beats one with a table or a note after it;
    then the longer title wins."""
    a_plain, b_plain = a.rstrip().endswith(")"), b.rstrip().endswith(")")
    if a_plain != b_plain:
        return a_plain
    return len(a) > len(b)


def doubled(citations: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of entries of a list that name the same work."""
    seen: list[tuple[str, set]] = []
    pairs = []
    for citation in citations:
        keys = work_keys(citation)
        for other, other_keys in seen:
            if keys & other_keys:
                pairs.append((other, citation))
        seen.append((citation, keys))
    return pairs
