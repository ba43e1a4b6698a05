"""Text templates of content: `{name}` and a few number formats, parsed by this module.

Content texts that the game fills in (the debrief's epilogue; the event cards will use the same
module) are templates in a small syntax of their own, never passed to str.format: str.format
reaches attributes (`{x.__class__}`) and allocates what a spec asks (`{x:>100000000}` is
100 MB). Here:

    {name}            the value, in the name's default format
    {name:.1f}        fixed point, 0-6 decimals
    {name:,.0f}       with thousands separators
    {name:d}          a whole number
    {name:%}          a share as a percentage: 0.615 -> '62 %'; {name:.1%} -> '61.5 %'
    {name:>8} {name:<8} {name:^8} {name:+.1f}
                      aligned in a width of at most 20, or with a sign
    {{ and }}         a literal brace

Names come only from the whitelist the caller passes; attribute access, indexing, conversions
(`!r`) and any other spec are refused when the text is compiled (at load), with the column and a
"did you mean". Compile once (`compile_template`), then `render(values)` as often as needed;
`names` lists what a template reads.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

MAX_LENGTH = 10_000  # characters in one template
MAX_FIELDS = 100     # {fields} in one template
MAX_WIDTH = 20
MAX_PRECISION = 6
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
BRACE = re.compile(r"[{}]")
SPEC = re.compile(r"(?P<align>[<>^])?(?P<sign>\+)?(?P<width>\d+)?(?P<grouping>,)?"
                  r"(?:\.(?P<precision>\d+))?(?P<kind>[fd%])?\Z")
SPECS_HINT = "Formats: {name}, {name:.1f}, {name:,.0f}, {name:d}, {name:%}, {name:.1%}, {name:>8}, {name:+.1f}."

Value = float | int | str | bool


class TemplateError(ValueError):
    """A template that cannot be used; `column` is 1-based within the text."""

    def __init__(self, message: str, column: int = 1, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.column = column
        self.hint = hint


@dataclass(frozen=True)
class Spec:
    align: str = ""
    sign: bool = False
    width: int = 0
    grouping: bool = False
    precision: int | None = None
    kind: str = ""  # "", "f", "d" or "%"


@dataclass(frozen=True)
class Field:
    name: str
    spec: Spec
    text: str  # as written, braces included


@dataclass(frozen=True)
class Template:
    source: str
    parts: tuple[str | Field, ...]

    @property
    def names(self) -> frozenset[str]:
        """The names the template reads."""
        return frozenset(p.name for p in self.parts if isinstance(p, Field))

    def render(self, values: Mapping[str, Value]) -> str:
        """The text with every field filled in; a name without a value stays as written."""
        out = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
            elif part.name in values:
                out.append(_formatted(values[part.name], part.spec))
            else:
                out.append(part.text)
        return "".join(out)


def literal(text: str) -> Template:
    """A template that is the text itself, braces and all."""
    return Template(text, (text,) if text else ())


def compile_template(text: str, names: Collection[str] | Mapping[str, str]) -> Template:
    """Parse a template once. `names`: the names it may use; a mapping gives each name its
    default format (the spec used for a bare `{name}`, e.g. ',.0f'). Raises TemplateError."""
    if len(text) > MAX_LENGTH:
        raise TemplateError(f"the text is {len(text):,} characters long; a text with {{fields}} may have "
                            f"{MAX_LENGTH:,}")
    if "{" not in text and "}" not in text:   # most texts quote nothing: the text itself
        return literal(text)
    defaults = names if isinstance(names, Mapping) else dict.fromkeys(names, "")
    parts: list[str | Field] = []
    literal_text: list[str] = []
    index, fields = 0, 0
    while index < len(text):
        brace = BRACE.search(text, index)
        if brace is None:   # the rest is plain text
            literal_text.append(text[index:])
            break
        if brace.start() > index:
            literal_text.append(text[index:brace.start()])
            index = brace.start()
        char = text[index]
        if text.startswith("{{", index) or text.startswith("}}", index):
            literal_text.append(char)
            index += 2
        elif char == "}":
            raise TemplateError("a single '}' must be written '}}'", index + 1, "Write {{ and }} for literal braces.")
        elif char == "{":
            end = text.find("}", index)
            if end < 0:
                raise TemplateError("'{' is never closed", index + 1, "Write {{ for a literal brace.")
            fields += 1
            if fields > MAX_FIELDS:
                raise TemplateError(f"more than {MAX_FIELDS} {{fields}} in one text", index + 1)
            if literal_text:
                parts.append("".join(literal_text))
                literal_text = []
            parts.append(_field(text[index:end + 1], index + 1, defaults))
            index = end + 1
        else:
            literal_text.append(char)
            index += 1
    if literal_text:
        parts.append("".join(literal_text))
    return Template(text, tuple(parts))


def _field(written: str, column: int, defaults: Mapping[str, str]) -> Field:
    inner = written[1:-1]
    name, colon, spec = inner.partition(":")
    name = name.strip()
    if "{" in inner:
        raise TemplateError("'{' inside a {field}", column, "Write {{ for a literal brace.")
    if "!" in name:
        raise TemplateError(f"'{written}': conversions ('!') are not allowed", column, SPECS_HINT)
    if "." in name or "[" in name:
        what = "attribute access ('.')" if "." in name else "indexing ('[...]')"
        raise TemplateError(f"'{written}': {what} is not allowed; use a name alone", column,
                            _suggest(re.split(r"[.\[]", name, maxsplit=1)[0], defaults))
    if not NAME.match(name):
        raise TemplateError(f"'{written}' is not a name in braces", column, "Write {{ and }} for literal braces.")
    if name not in defaults:
        raise TemplateError(f"unknown name '{name}'", column, _suggest(name, defaults))
    default = _spec(defaults[name], written, column)
    return Field(name, _with_default(_spec(spec, written, column), default) if colon else default, written)


def _with_default(given: Spec, default: Spec) -> Spec:
    """A spec that only aligns or signs ({x:>8}, {x:+}) keeps the name's own number format."""
    if given.kind or given.precision is not None:
        return given
    return Spec(given.align, given.sign, given.width, given.grouping or default.grouping, default.precision,
                default.kind)


def _spec(text: str, written: str, column: int) -> Spec:
    match = SPEC.match(text)
    if match is None:
        raise TemplateError(f"'{written}': the format '{text}' is not one of those allowed", column, SPECS_HINT)
    width = int(match["width"] or 0)
    precision = None if match["precision"] is None else int(match["precision"])
    if width > MAX_WIDTH:
        raise TemplateError(f"'{written}': a width of {width}; at most {MAX_WIDTH}", column)
    if precision is not None and precision > MAX_PRECISION:
        raise TemplateError(f"'{written}': {precision} decimals; at most {MAX_PRECISION}", column)
    return Spec(match["align"] or "", bool(match["sign"]), width, bool(match["grouping"]), precision,
                match["kind"] or "")


def _suggest(name: str, defaults: Mapping[str, str]) -> str:
    close = difflib.get_close_matches(name, list(defaults), n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    known = sorted(defaults)
    return ("names: " + ", ".join(known)) if 0 < len(known) <= 12 else ""


def _formatted(value: Value, spec: Spec) -> str:
    text = _number(value, spec) if isinstance(value, int | float) and not isinstance(value, bool) else (
        ("yes" if value else "no") if isinstance(value, bool) else str(value))
    if spec.width > len(text):
        text = f"{text:{spec.align or ('<' if isinstance(value, str) else '>')}{spec.width}}"
    return text


def _number(value: float, spec: Spec) -> str:
    if not math.isfinite(value):
        return "n/a"  # never a 'nan' on a page
    scale, suffix = (100.0, " %") if spec.kind == "%" else (1.0, "")
    number = value * scale
    grouping = "," if spec.grouping else ""
    sign = "+" if spec.sign else ""
    if spec.kind == "d":
        text = f"{round(number):{sign}{grouping}d}"
    elif spec.kind in ("f", "%") or spec.precision is not None:
        decimals = spec.precision if spec.precision is not None else (0 if spec.kind == "%" else 6)
        text = f"{number:{sign}{grouping}.{decimals}f}"
    elif isinstance(value, int):
        text = f"{value:{sign}{grouping}d}"
    else:  # a bare float: up to two decimals, no trailing zeros
        text = f"{number:{sign}{grouping}.2f}".rstrip("0").rstrip(".")
    if text.lstrip("+-").strip("0.,") == "":
        text = text.lstrip("+-") if not spec.sign else "+" + text.lstrip("+-")  # no '-0'
    return text + suffix
