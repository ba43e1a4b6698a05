"""The game's fonts inside every HTML export (debrief, handout, class comparison), so a page looks
the same on any machine, offline, on screen and on paper.

Each font is embedded as a base64 `@font-face` data URI. With fontTools installed (a dependency
of the game) the fonts are cut down to the characters the page uses (about 30 KB each instead of
300-450 KB, so a page stays a few hundred KB). The ParaType Free Font License allows modified
copies, but not under the original name: a subset is renamed "Pyatiletka Sans" / "Pyatiletka
Serif" (its copyright notice kept), and every page carries the licence text. Without fontTools
the whole, unmodified fonts are embedded under their own names.

The output is deterministic: the same page text gives the same bytes (no timestamps are
recalculated).
"""

from __future__ import annotations

import base64
import io
import logging
from dataclasses import dataclass
from functools import cache
from html import escape

from ..resources import assets_dir

log = logging.getLogger(__name__)

SANS = "Pyatiletka Sans"
SERIF = "Pyatiletka Serif"
SANS_STACK = f'"{SANS}", "PT Sans", "Helvetica Neue", Arial, sans-serif'
SERIF_STACK = f'"{SERIF}", "PT Serif", Georgia, "Times New Roman", serif'
# Characters every page may need whatever its text: ASCII and the typography the pages use.
ALWAYS = "".join(chr(c) for c in range(32, 127)) + "\u00a0–—…≈·×‘’“”«»°%±−▲▼✓"


@dataclass(frozen=True)
class Face:
    family: str        # the family name a subset is given
    original: str      # the font's own family name (used when embedded whole)
    weight: int
    style: str
    file: str


FACES = (
    Face(SANS, "PT Sans", 400, "normal", "PTS55F.ttf"),
    Face(SANS, "PT Sans", 700, "normal", "PTS75F.ttf"),
    Face(SANS, "PT Sans", 400, "italic", "PTS56F.ttf"),
    Face(SERIF, "PT Serif", 400, "normal", "PTF55F.ttf"),
    Face(SERIF, "PT Serif", 700, "normal", "PTF75F.ttf"),
)


def fonts_dir():
    return assets_dir() / "fonts"


@cache
def licence_text() -> str:
    try:
        return (fonts_dir() / "LICENSE-ParaType.txt").read_text(encoding="utf-8")
    except OSError:
        return "PT Sans and PT Serif: copyright 2009 ParaType Ltd, ParaType Free Font License."


def _subsetter_available() -> bool:
    try:
        import fontTools.subset  # noqa: F401
    except ImportError:
        return False
    return True


@cache
def _subset(face: Face, chars: str) -> tuple[bytes, str]:
    """(font bytes, format) of the face cut down to `chars` and renamed; WOFF."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["kern", "liga", "clig", "calt", "ccmp", "locl", "mark", "mkmk"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False
    font = TTFont(str(fonts_dir() / face.file), recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    _rename(font, face)
    font.flavor = "woff"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue(), "woff"


def _rename(font, face: Face) -> None:
    """The licence forbids a modified font under its original name: give the subset ours."""
    style = ("Bold " if face.weight >= 700 else "") + ("Italic" if face.style == "italic" else "")
    style = style.strip() or "Regular"
    postscript = f"{face.family.replace(' ', '')}-{style.replace(' ', '')}"
    names = {1: face.family, 2: style, 3: f"{postscript}; subset for Pyatiletka", 4: f"{face.family} {style}",
             6: postscript, 16: face.family, 17: style}
    table = font["name"]
    for record in list(table.names):
        if record.nameID in names or record.nameID in (18, 21, 22):
            table.removeNames(nameID=record.nameID)
    for name_id, value in names.items():
        table.setName(value, name_id, 3, 1, 0x409)
        table.setName(value, name_id, 1, 0, 0)


@cache
def _whole(face: Face) -> tuple[bytes, str]:
    return (fonts_dir() / face.file).read_bytes(), "truetype"


BLOCK = 32  # characters are embedded a block of 32 code points at a time


def _blocks(page_text: str) -> str:
    """The characters to embed: ALWAYS and each whole block of 32 code points the page uses.
    Pages that differ by a name or a number share one subset (cut once, then cached: cutting
    takes about half a second a face), at the cost of a few kilobytes of glyphs not used."""
    starts = {ord(c) // BLOCK * BLOCK for c in page_text if ord(c) >= 32}
    wanted = set(ALWAYS) | {chr(code) for start in starts for code in range(start, start + BLOCK)
                            if not 0xD800 <= code <= 0xDFFF}
    return "".join(sorted(wanted))


def font_css(page_text: str) -> str:
    """The @font-face rules for a page, with the fonts inside them (subset to the page's
    characters when fontTools is there). An unreadable font is left out with a log line: the
    page then falls back to the next font in its stack."""
    subsetting = _subsetter_available()
    chars = _blocks(page_text)
    rules = []
    for face in FACES:
        try:
            data, kind = _subset(face, chars) if subsetting else _whole(face)
        except Exception as exc:  # noqa: BLE001 - a font problem must not stop an export
            log.warning("font %s could not be embedded (%s)", face.file, exc)
            continue
        family = face.family if subsetting else face.original
        encoded = base64.b64encode(data).decode("ascii")
        rules.append(f'@font-face {{ font-family: "{family}"; font-weight: {face.weight}; '
                     f"font-style: {face.style}; src: url(data:font/{kind};base64,{encoded}) "
                     f"format(\"{kind}\"); }}")
    return "\n".join(rules)


def font_licence_html() -> str:
    """The licence the embedded fonts come with, on the page (it must travel with them): a line
    that prints, and the full text to open on screen."""
    made = ("subsets of PT Sans and PT Serif by ParaType, renamed as the licence asks"
            if _subsetter_available() else "PT Sans and PT Serif by ParaType")
    return (f'<footer class="font-licence"><p>Fonts embedded in this page: {escape(made)}; copyright 2009 '
            f"ParaType Ltd, under the ParaType Free Font License.</p>"
            f"<details><summary>The font licence</summary><pre>{escape(licence_text())}</pre></details></footer>")


FOOTER_CSS = """
footer.font-licence { margin-top: 18px; font-size: 8pt; color: #555555; }
footer.font-licence pre { white-space: pre-wrap; font-size: 7.5pt; }
@media print { footer.font-licence details { display: none; } }
"""


def embed(page: str, marker: str = "/*FONTS*/") -> str:
    """The page with its fonts put in place of `marker` (inside its <style>)."""
    return page.replace(marker, font_css(page), 1)
