"""The one translation function for every UI string: `_()`, gettext-style.

Catalogues live in assets/locale/<lang>/LC_MESSAGES/pyatiletka.mo. Without one, `_()` returns
the English text unchanged. Content text (events, glossary, notes) comes from scenario YAML and
is translated there, keyed by id, not here.
"""

from __future__ import annotations

import gettext

from ..resources import assets_dir

DOMAIN = "pyatiletka"
LOCALE_DIR = assets_dir() / "locale"

_translation: gettext.NullTranslations = gettext.NullTranslations()


def set_language(language: str | None) -> None:
    """Switch the catalogue; an unknown language falls back to English."""
    global _translation
    if not language:
        _translation = gettext.NullTranslations()
        return
    _translation = gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def _(text: str) -> str:
    return _translation.gettext(text)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translation.ngettext(singular, plural, count)


def N_(text: str) -> str:
    """Mark a string for translation where it is defined; `_()` translates it where it is shown
    (module constants are built before a language is chosen)."""
    return text
