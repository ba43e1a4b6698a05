"""Turn pydantic's validation errors into plain-language problems at file:line:col."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from .problems import MAX_PROBLEMS, Problem, more_problems

Locate = Callable[[tuple, str, str, bool], Problem]
"""locate(path, code, message, at_key) -> Problem at that path in whichever file defined it."""

RANGE = {
    "greater_than_equal": ("at least", "ge"),
    "greater_than": ("more than", "gt"),
    "less_than_equal": ("at most", "le"),
    "less_than": ("less than", "lt"),
}
TYPE_WORDS = {
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "string": "text",
    "str": "text",
    "dict": "a mapping (key: value lines)",
    "list": "a list (lines starting with '- ')",
    "model": "a mapping (key: value lines)",
    "tuple": "a list",
}


def problems_from(exc: ValidationError, model: type[BaseModel], locate: Locate,
                  prefix: tuple = ()) -> list[Problem]:
    """The first MAX_PROBLEMS errors in plain words (finding a "did you mean" takes time), the
    next one counting those left out."""
    errors = exc.errors(include_url=False)
    problems = [_one(err, tuple(err["loc"]), model, locate, prefix) for err in errors[:MAX_PROBLEMS]]
    if len(errors) > MAX_PROBLEMS:
        first_left_out = _one(errors[MAX_PROBLEMS], tuple(errors[MAX_PROBLEMS]["loc"]), model, locate, prefix)
        problems.append(more_problems(first_left_out, len(errors) - MAX_PROBLEMS))
    return problems


def _one(err: dict, loc: tuple, model: type[BaseModel], locate: Locate, prefix: tuple) -> Problem:
    kind = err["type"]
    value = err.get("input")
    path = prefix + tuple(x for x in loc if x != "[key]")
    where = _dotted(path)
    if "[key]" in loc:
        return _key_problem(kind, loc, path, model, locate, value)
    if kind == "extra_forbidden":
        key = loc[-1]
        allowed = _field_names(model, loc[:-1])
        return locate(path, "E100", f"unknown key '{key}' in {_dotted(path[:-1]) or 'the top level'}",
                      did_you_mean(str(key), allowed), True)
    if kind == "missing":
        return locate(path[:-1], "E101", f"missing key '{loc[-1]}' in {_dotted(path[:-1]) or 'the top level'}",
                      "", True)
    if kind in RANGE:
        words, ctx_key = RANGE[kind]
        limit = err.get("ctx", {}).get(ctx_key)
        return locate(path, "E103", f"{where} must be {words} {limit}, not {value!r}", "", False)
    if kind in ("too_short", "too_long"):
        return locate(path, "E103", f"{where}: {err['msg'].lower()}", "", False)
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return locate(path, "E104", f"{where}: '{value}' is not one of {expected}",
                      did_you_mean(str(value), _literal_words(expected)), False)
    if kind == "string_pattern_mismatch":
        return locate(path, "E104", f"{where}: '{value}' may use only lower-case letters, digits and _", "", False)
    if kind == "string_type" and isinstance(value, bool):
        return locate(path, "E102", f"{where} must be text, not {str(value).lower()}",
                      "YAML reads yes/no/on/off/true/false as booleans: put the text in quotes.", False)
    if kind == "finite_number":
        return locate(path, "E103", f"{where} must be a finite number, not {_show(value)}",
                      ".nan, .inf and numbers beyond about 1.8e308 are not numbers the model can use.", False)
    if kind == "int_from_float":
        return locate(path, "E102", f"{where} must be a whole number, not {value!r}", "", False)
    word = _type_word(kind)
    if word:
        return locate(path, "E102", f"{where} must be {word}, not {_show(value)}", "", False)
    message = err["msg"].removeprefix("Value error, ")
    code = "E110" if "sum to" in message else "E104"
    return locate(path, code, f"{where}: {message}", "", False)


def _key_problem(kind: str, loc: tuple, path: tuple, model: type[BaseModel], locate: Locate, key: Any) -> Problem:
    """A key of the wrong kind (a number or yes/no where a name goes) or not among the names
    allowed. YAML reads `1:` as a number and `yes:` as true: checked before any lookup by name.
    `key` is the key as read (pydantic's loc shows true as 1)."""
    parent = _dotted(path[:-1]) or "the top level"
    spelled = str(key).lower() if isinstance(key, bool) else str(key)
    quotes = ("YAML reads yes/no/on/off/true/false as true or false: put the key in quotes."
              if isinstance(key, bool) else "")
    word = _type_word(kind)
    if word and kind != "literal_error":
        hint = quotes or ("Put the key in quotes to make it text." if word == "text" else "")
        return locate(path, "E102", f"{parent}: the key {spelled} must be {word}", hint, True)
    allowed = _allowed_keys(model, loc[: loc.index("[key]") - 1])
    return locate(path, "E121", f"{parent}: unknown name '{spelled}'", quotes or did_you_mean(spelled, allowed), True)


def _type_word(kind: str) -> str | None:
    for prefix, word in TYPE_WORDS.items():
        if kind.startswith(prefix + "_") or kind == prefix:
            return word
    return None


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    return repr(value)


def _dotted(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) and out and not _is_year(part) else (f".{part}" if out else str(part))
    return out


def _is_year(value: int) -> bool:
    return 1000 <= value <= 3000


def did_you_mean(word: object, candidates: list[str]) -> str:
    close = difflib.get_close_matches(str(word), [str(c) for c in candidates], n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    if candidates and len(candidates) <= 12:
        return "allowed: " + ", ".join(candidates)
    return ""


def _literal_words(expected: str) -> list[str]:
    return [w.strip().strip("'\"") for w in expected.replace(" or ", ",").split(",") if w.strip()]


def _annotation_at(model: type[BaseModel], loc: tuple) -> Any:
    """The type annotation found by following loc through the model."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return None
            current = field.annotation
        elif typing.get_origin(current) in (dict,):
            current = typing.get_args(current)[1]
        elif typing.get_origin(current) in (list, tuple):
            current = typing.get_args(current)[0]
        else:
            return None
    return _unwrap(current)


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation
        else:
            return annotation


def _field_names(model: type[BaseModel], loc: tuple) -> list[str]:
    target = _annotation_at(model, loc)
    if isinstance(target, type) and issubclass(target, BaseModel):
        return list(target.model_fields)
    return []


def _allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    target = _annotation_at(model, loc)
    if typing.get_origin(target) is dict:
        key_type = _unwrap(typing.get_args(target)[0])
        if typing.get_origin(key_type) is typing.Literal:
            return [str(a) for a in typing.get_args(key_type)]
    return []
