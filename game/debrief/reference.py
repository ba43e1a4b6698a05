"""History's side of the debrief: figures from the scenario's `history:` series and from the
project reference (scenarios/reference/history.yaml), each with its source and confidence tag,
and the model's own run of the historical policy (the baseline for the scorecard).

Confidence tags, as in the reference: C confirmed, S secondary source, M a standard figure not
traced to its table (shown as approximate: "about", with the mark APPROX), D derived.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import yaml

from ..scenario import SCENARIO_DIR, Scenario

REFERENCE_FILE = SCENARIO_DIR / "reference" / "history.yaml"
APPROX = "\u2248"  # the mark beside an approximate (M) figure
TAG_MEANING = {
    "C": "confirmed in a located source",
    "S": "from a secondary source",
    "M": "approximate: a standard figure not traced to its table",
    "D": "derived by arithmetic from confirmed figures",
}


@dataclass(frozen=True)
class Figure:
    """One historical figure with its source."""

    value: float
    source: str
    tag: str = ""           # C S M D, or "" when the source gives none
    year: int | None = None
    text: str = ""          # a value that is not one number ("5 to 7"), as the source gives it

    @property
    def approximate(self) -> bool:
        return self.tag == "M"

    def as_json(self) -> dict:
        out = {"value": self.value, "source": self.source, "tag": self.tag, "approximate": self.approximate}
        if self.year is not None:
            out["year"] = self.year
        if self.text:
            out["text"] = self.text
        return out


@cache
def reference() -> dict:
    """The project reference, parsed once."""
    with REFERENCE_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _pair(entry: object, source: str, year: int | None = None) -> Figure:
    if isinstance(entry, list):
        return Figure(float(entry[0]), source, str(entry[1]) if len(entry) > 1 else "", year)
    return Figure(float(entry), source, "", year)


@dataclass(frozen=True)
class FamineEstimate:
    text: str
    who: str
    tag: str


@dataclass(frozen=True)
class HumanCostReference:
    famine_low_m: float
    famine_high_m: float
    famine_estimates: tuple[FamineEstimate, ...]
    famine_ukraine: str
    famine_kazakhstan: str
    deported_persons: Figure
    deported_families: Figure
    deportation_deaths_1930_31: Figure
    deportation_deaths_1932_40: Figure
    executions_1937_38: Figure
    executions_1937: Figure
    arrests_1937_38: Figure
    gulag_jan1: tuple[Figure, ...]


@cache
def human_cost() -> HumanCostReference:
    ref = reference()["human_cost"]
    famine = ref["famine_1931_1933_excess_deaths_m"]
    dek = ref["dekulakization"]
    dek_source = dek["source"]
    terror = ref["great_terror_1937_1938"]
    terror_source = terror["source"]
    gulag = ref["gulag_camps_and_colonies_jan1_m"]
    low, high = famine["ussr_range"]
    deported = dek["deported_1930_1931"]
    return HumanCostReference(
        famine_low_m=float(low),
        famine_high_m=float(high),
        famine_estimates=tuple(FamineEstimate(str(e["value"]), str(e["who"]), str(e.get("tag", "")))
                               for e in famine["estimates"]),
        famine_ukraine=str(famine["ukraine"]),
        famine_kazakhstan=str(famine["kazakhstan"]),
        deported_persons=Figure(float(deported["persons"]), dek_source, deported.get("tag", "")),
        deported_families=Figure(float(deported["families"]), dek_source, deported.get("tag", "")),
        deportation_deaths_1930_31=_pair(dek["deaths_1930_1931_approx"], dek_source),
        deportation_deaths_1932_40=_pair(dek["deaths_1932_1940"], dek_source),
        executions_1937_38=_pair(terror["shot"], terror_source),
        executions_1937=_pair(terror["shot_1937"], terror_source, 1937),
        arrests_1937_38=_pair(terror["arrested"], terror_source),
        gulag_jan1=tuple(_pair(v, gulag["source"], int(y)) for y, v in gulag["values"].items()),
    )


def debrief_sources() -> list[str]:
    return [str(s) for s in reference().get("sources_for_debrief", [])]


def history_points(scenario: Scenario, series_id: str) -> list[Figure]:
    """A `history:` series of the scenario as figures, in year order ([] when it has none)."""
    series = scenario.history.get(series_id)
    if series is None:
        return []
    return [Figure(float(v), series.source, series.tags.get(y, ""), int(y)) for y, v in sorted(series.values.items())]


def history_value(scenario: Scenario, series_id: str, year: int) -> Figure | None:
    for point in history_points(scenario, series_id):
        if point.year == year:
            return point
    return None


def history_value_by(scenario: Scenario, series_id: str, year: int, since: int) -> Figure | None:
    """The series' value in `year`, else its latest value from `since` up to `year`."""
    points = [p for p in history_points(scenario, series_id) if since <= (p.year or 0) <= year]
    return points[-1] if points else None
