"""The files the debrief and the class comparison read, as pydantic models: a single-run
`simulate --json` result and a results file (results.py writes it).

A file from a classmate's USB stick can hold anything: every field is type-checked here, every
number is a finite number of a sensible size, so nothing later meets a KeyError, a TypeError, or a
NaN that would reach the page. The first problem becomes one message that names the file and the
field.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..errors import UserError
from ..events.schema import Effect
from ..model.game import WEATHER_MODES
from ..model.metrics import METRICS
from ..scenario.files import Unreadable, read_limited

MAX_JSON_BYTES = 16 * 1024 * 1024   # a save of a whole game is about 60 kB, a result about 50 kB
MAX_RESULTS_BYTES = 1024 * 1024     # a results file is about 5 kB
# Every figure of a game is far inside this (people and grain in millions, indices near 100);
# inside it no sum, difference or chart scale can overflow.
Figure = Annotated[float, Field(ge=-1e9, le=1e9)]
Share = Annotated[float, Field(ge=0.0, le=1.0)]
Year = Annotated[int, Field(ge=1800, le=2100)]
Text = Annotated[str, Field(max_length=200)]
Ending = Literal["completed", "removed"]
Weather = Literal[WEATHER_MODES]


class DamagedFile(UserError):
    """A file that is not what it says it is."""


class _File(BaseModel):
    # strict: "1930" is not a year, true is not 1; allow_inf_nan: never a NaN on the page. Keys a
    # later game version adds are ignored (the format version says what must be there).
    model_config = ConfigDict(strict=True, allow_inf_nan=False, frozen=True, extra="ignore")


# --- a simulate --json result of one run ------------------------------------------------------


class ResultCard(_File):
    year: Year
    id: Text
    choice: Text
    tags: list[Text] = Field(default_factory=list, max_length=50)
    effects: list[Effect] = Field(default_factory=list, max_length=200)


class SimulateResult(_File):
    scenario: Text
    scenario_version: Text
    policy: Text | None = None
    weather: Weather = "historical"
    mods: list[Text] = Field(default_factory=list, max_length=100)
    seed: int = Field(ge=0, le=2**63)
    years: list[Year] = Field(min_length=1, max_length=200)
    series: dict[str, list[Figure]]
    events: list[ResultCard] = Field(max_length=5000)
    ending: Ending | None = None
    # Region -> figure -> one value per year (results from before the regions have none).
    regions: dict[Text, dict[Text, list[Figure]]] = Field(default_factory=dict, max_length=100)

    @model_validator(mode="after")
    def _one_value_per_year(self) -> SimulateResult:
        missing = [m for m in METRICS if m not in self.series]
        if missing:
            raise ValueError(f"series: no values for {', '.join(missing[:3])}{' ...' if len(missing) > 3 else ''}")
        uneven = next((m for m, values in self.series.items() if len(values) != len(self.years)), None)
        if uneven is not None:
            raise ValueError(f"series.{uneven}: {len(self.series[uneven])} values for {len(self.years)} years")
        for region, figures in self.regions.items():
            uneven = next((m for m, values in figures.items() if len(values) != len(self.years)), None)
            if uneven is not None:
                raise ValueError(f"regions.{region}.{uneven}: {len(figures[uneven])} values for {len(self.years)} years")
        return self


# --- a results file (debrief --json) ----------------------------------------------------------


class ResultsScenario(_File):
    id: Text
    name: Text
    version: Text


class ResultsChoices(_File):
    collectivization_year: Year | None
    collectivization_by_year: Share | None
    collectivization_end: Share
    fastest_collectivization_rise: Annotated[float, Field(ge=-1.0, le=1.0)]
    max_grain_exports_mt: Annotated[float, Field(ge=0.0, le=1e6)]
    max_grain_exports_year: Year
    mean_investment_rate: Share
    max_repression_level: int = Field(ge=0, le=3)
    dekulakization_years: list[Year] = Field(max_length=200)
    events: dict[Text, Text] = Field(max_length=5000)


class ResultsFile(_File):
    format: Literal["pyatiletka-results"]
    format_version: int = Field(ge=1)
    game_version: Text
    scenario: ResultsScenario
    player: Annotated[str, Field(max_length=80)] | None
    seed: int = Field(ge=0, le=2**63)
    weather: Weather
    ending: Ending | None
    years: list[Year] = Field(min_length=2, max_length=2)
    scorecard: dict[Text, Figure] = Field(max_length=50)
    history: dict[Text, Figure] = Field(max_length=50)
    totals: dict[Text, Figure] = Field(max_length=200)
    choices: ResultsChoices
    # Format 2: the assessment lock, the years taken back, the command log and the checksum.
    locked: bool | None = None
    undos: int | None = Field(default=None, ge=0, le=10_000)
    commands: list[dict] | None = Field(default=None, max_length=5_000)
    checksum: Annotated[str, Field(pattern=r"^sha256:[0-9a-f]{64}$")] | None = None

    @model_validator(mode="after")
    def _every_axis(self) -> ResultsFile:
        from .scorecard import AXIS_IDS  # scorecard reads game records, which read these files

        missing = [a for a in AXIS_IDS if a not in self.scorecard]
        if missing:
            raise ValueError(f"scorecard: no value for {', '.join(missing)}")
        return self


# --- reading ----------------------------------------------------------------------------------


def read_json(path: Path, limit: int = MAX_JSON_BYTES, error: type[UserError] = DamagedFile) -> object:
    """A JSON file of at most `limit` bytes; NaN, Infinity, deep nesting and numbers of
    thousands of digits are refused as the file's fault, with a message naming it."""
    try:
        raw = read_limited(path, limit)
    except Unreadable as exc:
        messages = {"E006": "no such file", "E008": "is a folder, not a file" if "folder" in exc.message
                    else exc.message}
        raise error(f"{path}: {messages.get(exc.code, exc.message)}") from None
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise error(f"{path}: not a text file (a save or a simulate --json result was expected)") from None
    except json.JSONDecodeError as exc:
        raise error(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
                    f"a save or a simulate --json result was expected") from None
    except RecursionError:
        raise error(f"{path}: the JSON is nested too deeply to be a game's file") from None
    except ValueError as exc:  # NaN or Infinity, or an integer of more than 4,300 digits
        raise error(f"{path}: the file is damaged ({exc})") from None


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number a game's file holds")


def validated(model: type[_File], data: object, path: object, what: str, error: type[UserError] = DamagedFile):
    """The data as `model`, or `error` naming the file and the first field that is wrong."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise error(f"{path}: the {what} is damaged: {describe(exc)}") from None
    except RecursionError:
        raise error(f"{path}: the {what} is damaged: nested too deeply") from None


def describe(exc: ValidationError) -> str:
    """The first error of a validation, as 'field.path: what is wrong'."""
    first = exc.errors(include_url=False)[0]
    where = ".".join(str(part) for part in first["loc"]) or "the top level"
    message = first["msg"].removeprefix("Value error, ")
    value = first.get("input")
    shown = "" if first["type"] == "missing" else f", not {_short(value)}"
    more = len(exc.errors()) - 1
    return f"{where}: {message[0].lower()}{message[1:]}{shown}" + (f" (and {more} more)" if more else "")


def _short(value: object) -> str:
    if isinstance(value, dict | list):
        return "a mapping" if isinstance(value, dict) else "a list"
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
