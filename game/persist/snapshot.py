"""The snapshot in a save: the State and the records as plain JSON, and the comparison that
checks a replay against it.

The State is dumped field by field from its dataclass definition (modifiers, flags, fired events
and scheduled follow-ups included), so a field added to State is saved without a change here;
`restore_state` rebuilds it from the type hints.
"""

from __future__ import annotations

import dataclasses
import json
import math
import types
import typing
from functools import cache

from ..model.state import State


def to_json(value):
    """A plain JSON value (dicts, lists, str, numbers, bools, None) for a State field."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{value} cannot be saved (not a finite number)")
    return value


def dump_state(state: State) -> dict:
    return to_json(state)


def dump_records(records: list[dict[str, float]]) -> list[dict[str, float]]:
    return [to_json(record) for record in records]


def normalised(value):
    """The value as it reads back from a JSON file (tuples become lists, and so on)."""
    return json.loads(json.dumps(value, allow_nan=False))


@cache
def _hints(cls: type) -> dict[str, object]:
    return typing.get_type_hints(cls)


def restore_state(data: dict) -> State:
    """The State a snapshot describes (the inverse of dump_state)."""
    return _build(State, data)


def _build(cls: type, data: dict):
    hints = _hints(cls)
    return cls(**{f.name: _convert(hints[f.name], data[f.name]) for f in dataclasses.fields(cls) if f.init})


def _convert(hint, value):
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if value is None:
        return None
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _convert(inner[0], value) if len(inner) == 1 else value
    if dataclasses.is_dataclass(hint):
        return _build(hint, value)
    if origin is list:
        return [_convert(args[0], v) for v in value]
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in value)
        return tuple(_convert(a, v) for a, v in zip(args, value, strict=True))
    if origin is dict:
        key_type, value_type = args
        return {_convert(key_type, k): _convert(value_type, v) for k, v in value.items()}
    if hint is int and isinstance(value, str):
        return int(value)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def differences(saved, replayed, where: str = "", limit: int = 5) -> list[str]:
    """Where two JSON values differ, as 'path: saved X, replayed Y' (at most `limit`)."""
    found: list[str] = []
    _diff(saved, replayed, where, found, limit)
    return found


def _diff(a, b, where: str, found: list[str], limit: int) -> None:
    if len(found) >= limit:
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for key in list(a) + [k for k in b if k not in a]:
            here = f"{where}.{key}" if where else str(key)
            if key not in b:
                found.append(f"{here}: saved {_short(a[key])}, missing after the replay")
            elif key not in a:
                found.append(f"{here}: not in the save, {_short(b[key])} after the replay")
            else:
                _diff(a[key], b[key], here, found, limit)
            if len(found) >= limit:
                return
    elif isinstance(a, list) and isinstance(b, list):
        for index, (x, y) in enumerate(zip(a, b, strict=False)):
            _diff(x, y, f"{where}[{index}]", found, limit)
        if len(a) != len(b) and len(found) < limit:
            found.append(f"{where}: {len(a)} entries saved, {len(b)} after the replay")
    elif a != b or type(a) is not type(b) and not _both_numbers(a, b):
        found.append(f"{where}: saved {_short(a)}, replayed {_short(b)}")


def _both_numbers(a, b) -> bool:
    return all(isinstance(x, int | float) and not isinstance(x, bool) for x in (a, b))


def _short(value) -> str:
    text = json.dumps(value, allow_nan=True)
    return text if len(text) <= 60 else text[:57] + "..."
