"""The map of the regions (scenarios/common/regions.yaml): its format, and its outlines projected.

A modder edits degrees: each outline ring is one string of "lon lat" pairs, the label point where
a region's figure is printed, and, for a region too small to hold its figure, an anchor inside it
that a leader line joins to the label. The projection (Albers equal-area conic, so that the eye
does not weigh Siberia by the distortion of its area) is declared in the file and applied here,
once per map: the window and the HTML debrief draw the same projected shapes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, field_validator

from ..events.schema import Strict as Content

MAX_RING_POINTS = 5_000
MAX_RINGS = 200
Longitude = Annotated[float, Field(ge=-180.0, le=200.0)]
Latitude = Annotated[float, Field(ge=-90.0, le=90.0)]
Point = Annotated[list[float], Field(min_length=2, max_length=2, description="[lon, lat] in degrees.")]


def parse_ring(text: str) -> tuple[tuple[float, float], ...]:
    """ "lon lat, lon lat, ..." -> the points; a ValueError that names the bad point otherwise.
    (Read fast in one pass; only a ring that fails is read again point by point, to say where.)"""
    try:
        numbers = [float(v) for v in text.replace(",", " ").split()]
    except ValueError:
        numbers = None
    pairs = text.count(",") + 1
    if numbers is None or len(numbers) != 2 * pairs or not all(map(math.isfinite, numbers)):
        _first_bad_point(text)
    points = tuple(zip(numbers[0::2], numbers[1::2], strict=True))
    lons, lats = numbers[0::2], numbers[1::2]
    if min(lons) < -180.0 or max(lons) > 200.0 or min(lats) < -90.0 or max(lats) > 90.0:
        _first_bad_point(text)
    if len(points) < 3:
        raise ValueError(f"a ring needs at least 3 points; this one has {len(points)}")
    if len(points) > MAX_RING_POINTS:
        raise ValueError(f"a ring has at most {MAX_RING_POINTS:,} points; this one has {len(points):,}")
    return points


def _first_bad_point(text: str) -> None:
    """Raise the ValueError that names the ring's first unreadable or off-globe point."""
    for index, pair in enumerate(text.split(","), start=1):
        parts = pair.split()
        try:
            lon, lat = (float(v) for v in parts)
        except ValueError:
            raise ValueError(f"point {index} is {pair.strip()!r}: write each point as 'lon lat', "
                             "in degrees, the points separated by commas") from None
        if not (math.isfinite(lon) and math.isfinite(lat) and -180.0 <= lon <= 200.0 and -90.0 <= lat <= 90.0):
            raise ValueError(f"point {index} ({lon:g} {lat:g}) is off the globe: longitude -180 to 200 "
                             "(east of 180 as 180-200), latitude -90 to 90")
    raise ValueError("the ring could not be read: write each point as 'lon lat', the points separated by commas")


Ring = Annotated[str, Field(max_length=200_000, description='One closed outline: "lon lat, lon lat, ..." in degrees.')]


def _rings(rings: list[str]) -> list[str]:
    for number, text in enumerate(rings, start=1):
        try:
            parse_ring(text)
        except ValueError as exc:
            raise ValueError(f"ring {number}: {exc}") from None
    return rings


class Projection(Content):
    kind: Literal["albers"] = Field(description="Albers equal-area conic (the only kind so far).")
    central_meridian: Longitude = Field(description="The longitude drawn upright, degrees east.")
    standard_parallels: list[Latitude] = Field(min_length=2, max_length=2,
                                               description="The two latitudes drawn true to scale.")
    origin_latitude: Latitude = Field(description="The latitude of the map's origin.")

    @field_validator("standard_parallels")
    @classmethod
    def _apart(cls, value: list[float]) -> list[float]:
        if abs(math.sin(math.radians(value[0])) + math.sin(math.radians(value[1]))) < 1e-6:
            raise ValueError("the standard parallels may not lie either side of the equator at equal distance")
        return value


class HistorianPosition(Content):
    author: str = Field(max_length=200, description="Who holds the position.")
    work: str = Field(max_length=300, description="Where they set it out (title, year).")
    position: str = Field(max_length=1_000, description="Their reading, in the scenario's own words.")


def _on_globe(point: list[float]) -> list[float]:
    lon, lat = point
    if not (-180.0 <= lon <= 200.0 and -90.0 <= lat <= 90.0):
        raise ValueError(f"[{lon:g}, {lat:g}] is off the globe: [lon, lat], longitude -180 to 200, latitude -90 to 90")
    return point


class MapRegion(Content):
    label: Point = Field(description="Where the region's figure is printed [lon, lat].")
    anchor: Point | None = Field(default=None, description="A point inside the region for a leader line from the "
                                                           "label, when the label sits outside it.")
    outline: list[Ring] = Field(min_length=1, max_length=MAX_RINGS, description="The region's rings (islands apart).")
    collectivization_lead: float = Field(
        default=1.0, ge=0.0, le=5.0,
        description="How far ahead of the Union's share the region's collectivization ran (1: level with it); the "
                    "map spreads the country's share by these [est].")
    summary: str = Field(default="", max_length=3_000, description="What happened there, for the region's panel.")
    positions: list[HistorianPosition] = Field(default_factory=list, max_length=20,
                                               description="Where historians disagree: who says what.")
    sources: list[str] = Field(default_factory=list, max_length=20, description="Works the panel rests on.")

    @field_validator("label", "anchor")
    @classmethod
    def _point(cls, value: list[float] | None) -> list[float] | None:
        return None if value is None else _on_globe(value)

    @field_validator("outline")
    @classmethod
    def _outline(cls, value: list[str]) -> list[str]:
        return _rings(value)


class MapSpec(Content):
    caption: str = Field(max_length=300, description="Shown under the map, e.g. its borders' year.")
    source: str = Field(max_length=1_000, description="Where the outlines come from.")
    collectivization_note: str = Field(default="", max_length=1_000,
                                       description="How the regions' collectivization is estimated.")
    projection: Projection
    neighbours: list[Ring] = Field(default_factory=list, max_length=MAX_RINGS,
                                   description="Land outside the Union, drawn grey for orientation.")
    regions: dict[str, MapRegion] = Field(description="Every region of parameters.regions, by its id.")

    @field_validator("neighbours")
    @classmethod
    def _neighbours(cls, value: list[str]) -> list[str]:
        return _rings(value)

    @property
    def projected(self) -> ProjectedMap:
        """The outlines projected, worked out once per map (a frozen model: kept as cached_property would)."""
        cached = self.__dict__.get("_projected")
        if cached is None:
            cached = self.__dict__["_projected"] = _project(self)
        return cached


# -- projected --------------------------------------------------------------------------------
XY = tuple[float, float]


@dataclass(frozen=True)
class ProjectedRegion:
    rings: tuple[tuple[XY, ...], ...]
    label: XY
    anchor: XY | None


@dataclass(frozen=True)
class ProjectedMap:
    """The map in projected units (y up), and the box around the regions."""

    regions: dict[str, ProjectedRegion]
    neighbours: tuple[tuple[XY, ...], ...]
    bounds: tuple[float, float, float, float]   # min x, min y, max x, max y

    def fit(self, width: float, height: float) -> tuple[float, float, float]:
        """Scale and offsets that fit the map's box into width x height, centred (y turned down)."""
        x0, y0, x1, y1 = self.bounds
        scale = min(width / (x1 - x0), height / (y1 - y0))
        return scale, (width - scale * (x1 - x0)) / 2 - scale * x0, (height - scale * (y1 - y0)) / 2 + scale * y1


def albers(p: Projection):
    phi1, phi2 = (math.radians(v) for v in p.standard_parallels)
    n = (math.sin(phi1) + math.sin(phi2)) / 2
    c = math.cos(phi1) ** 2 + 2 * n * math.sin(phi1)
    rho0 = math.sqrt(max(0.0, c - 2 * n * math.sin(math.radians(p.origin_latitude)))) / n
    lon0 = math.radians(p.central_meridian)

    def project(lon: float, lat: float) -> XY:
        theta = n * (math.radians(lon) - lon0)
        rho = math.sqrt(max(0.0, c - 2 * n * math.sin(math.radians(lat)))) / n
        return rho * math.sin(theta), rho0 - rho * math.cos(theta)

    return project


def _project(spec: MapSpec) -> ProjectedMap:
    project = albers(spec.projection)

    def rings(texts) -> tuple[tuple[XY, ...], ...]:
        return tuple(tuple(project(lon, lat) for lon, lat in parse_ring(t)) for t in texts)

    regions = {rid: ProjectedRegion(rings(r.outline), project(*r.label), project(*r.anchor) if r.anchor else None)
               for rid, r in spec.regions.items()}
    points = [pt for r in regions.values() for ring in r.rings for pt in ring]
    xs, ys = [x for x, _y in points], [y for _x, y in points]
    return ProjectedMap(regions, rings(spec.neighbours), (min(xs), min(ys), max(xs), max(ys)))
