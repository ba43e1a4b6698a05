"""Which content texts the game fills in, and the names each may use.

A text whose id starts with one of these prefixes is a template (game/events/template.py):
`{readiness}` or `{readiness:.1f}` is filled in by the game, and any other name, attribute
access or format is refused when the scenario loads (E141). Every other text is shown as
written, braces and all.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..events.template import Template, TemplateError, compile_template, literal

# The epilogue (game/debrief/narrative.py): the last year played, the player's war readiness and
# history's in the same model (or the words "not available"). Name -> format of a bare {name}.
EPILOGUE_NAMES: Mapping[str, str] = {"year": "d", "readiness": ",.0f", "history": ",.0f"}
TEMPLATED: tuple[tuple[str, Mapping[str, str]], ...] = (("epilogue.", EPILOGUE_NAMES),)
NOT_TEMPLATES = (".sources",)  # the sources of a text are a list, not a text to fill in


def names_for(text_id: str) -> Mapping[str, str] | None:
    """The names a text may use, or None when it is not a template."""
    if text_id.endswith(NOT_TEMPLATES):
        return None
    return next((names for prefix, names in TEMPLATED if text_id.startswith(prefix)), None)


def compile_texts(texts: Mapping[str, str]) -> dict[str, Template]:
    """Every templated text, compiled once, its runs of white space made one space (texts are
    written over several lines). A text the loader refused (E141) stays as written."""
    compiled = {}
    for text_id, text in texts.items():
        names = names_for(text_id)
        if names is None:
            continue
        flat = " ".join(text.split())
        try:
            compiled[text_id] = compile_template(flat, names)
        except TemplateError:
            compiled[text_id] = literal(flat)
    return compiled
