"""Build the map's outlines (scenarios/common/regions.yaml) once, from public-domain data.

    python tools/map_data.py [--atlas world-atlas-2.0.2.tgz] [--out scenarios/common/regions.yaml]

The game reads only the YAML this writes; it never downloads map data and needs no map library.

Inputs and their licences:
- Natural Earth 1:50m admin-0 countries (public domain, naturalearthdata.com), as TopoJSON in the
  npm package `world-atlas` 2.0.2 (ISC licence, Mike Bostock). Without `--atlas` the tool fetches
  the package's tarball from the npm registry and checks its integrity hash.
- The borders inside the RSFSR in 1933, and the Union's western border before 1939, are drawn
  here by hand (the polygons below, in degrees) from period maps: the administrative maps of the
  USSR in 1933 in the Great Soviet Atlas (1937) and in Davies & Wheatcroft, The Years of Hunger
  (2004), maps 1-3. They are approximate (tens of kilometres), which is what a map of twelve
  regions on a screen needs. docs/MODEL.md ("The map") lists the border decisions.

Needs shapely (a tool dependency only: `pip install shapely`), which does the polygon clipping.

The regions' texts (the account, historians' positions, sources) live in the same file
but are not generated: the tool keeps whatever `texts` the existing file has.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import sys
import tarfile
import urllib.request
from pathlib import Path

import yaml

try:
    from shapely.geometry import MultiPolygon, Polygon, box
    from shapely.ops import unary_union
except ImportError:  # pragma: no cover - a tool run by hand
    sys.exit("tools/map_data.py needs shapely: pip install shapely")

ROOT = Path(__file__).resolve().parent.parent
ATLAS_URL = "https://registry.npmjs.org/world-atlas/-/world-atlas-2.0.2.tgz"
ATLAS_INTEGRITY = None  # filled from the registry's metadata when fetched (sha512, npm's "integrity")
SIMPLIFY_DEG = 0.07          # Douglas-Peucker tolerance: about 5 km, under a pixel at full screen
MIN_ISLAND_SQ_DEG = 0.35     # smaller islands are dropped (they would be a pixel or two)
DECIMALS = 2

# -- the Union's edges in 1933 that are not today's borders ------------------------------------
# West of this line lay Poland (western Belarus and Ukraine, the Riga border of 1921) and Romania
# (Bessarabia, beyond the Dniester); east of it the Union, including the Moldavian ASSR. From the
# Latvian border near Drissa south past Polotsk, west of Minsk (Negoreloye), Olevsk and Shepetivka
# on the Soviet side, along the Zbruch to the Dniester, then down the Dniester to the sea.
RIGA_AND_DNIESTER = [
    (28.15, 56.10), (28.35, 55.55), (27.80, 55.05), (27.20, 54.45), (26.95, 53.95), (26.95, 53.55),
    (27.30, 53.05), (27.10, 52.55), (27.30, 52.10), (27.65, 51.60), (27.35, 51.20), (27.20, 50.65),
    (26.75, 50.30), (26.25, 49.85), (26.15, 49.45), (26.30, 48.95), (26.40, 48.55), (27.00, 48.45),
    (27.80, 48.45), (28.30, 48.20), (28.90, 47.90), (29.15, 47.40), (29.55, 46.85), (30.05, 46.45),
    (30.30, 46.10),
]
# Finland's border of 1920-1940 (the Karelian isthmus, Ladoga Karelia, Salla) and Petsamo, Finnish
# from 1920 to 1944: today in Russia, in 1933 outside the Union.
FINNISH_1933 = [
    [(27.5, 60.4), (29.95, 60.15), (30.35, 60.35), (30.95, 60.62), (31.0, 61.0), (32.3, 61.2),
     (32.95, 61.95), (32.3, 62.7), (31.5, 63.2), (29.0, 63.2), (27.5, 61.5)],
    [(28.5, 66.3), (30.2, 66.4), (30.0, 67.2), (28.5, 67.2)],
    [(28.0, 68.8), (31.6, 69.4), (32.2, 69.9), (31.0, 70.2), (28.0, 70.0)],
]
# The Tuvan People's Republic, independent until 1944.
TUVA = [(88.8, 50.0), (88.6, 51.4), (89.5, 52.3), (91.0, 52.6), (93.5, 53.0), (96.0, 53.0),
        (97.5, 52.5), (99.0, 51.5), (99.5, 50.5), (98.5, 49.9), (95.0, 49.9), (92.0, 50.3)]
# South Sakhalin (Karafuto, Japanese 1905-1945) and the Kuril Islands, Japanese until 1945.
JAPANESE_1933 = [box(141.0, 42.0, 145.0, 50.0), box(145.0, 43.0, 157.0, 50.9)]
# Königsberg was German: nothing of Russia west of Lithuania.
EAST_PRUSSIA = box(19.0, 54.0, 22.95, 55.5)

# -- the RSFSR's regions in 1933 ---------------------------------------------------------------
# Each polygon covers its region generously toward the regions drawn before it (what overlaps
# them is theirs) and follows the border toward those drawn after. The Centre and North takes the
# rest of European Russia, Eastern Siberia and the Far East the rest of Asian Russia.
NORTH_CAUCASUS = [  # the krai with the Kuban, the Don and Stavropol; Dagestan drawn with it
    (35.0, 41.0), (35.0, 49.95), (40.2, 49.95), (41.6, 49.7), (42.4, 49.3), (42.9, 48.6), (43.5, 47.8),
    (44.1, 47.2), (43.6, 46.5), (42.9, 46.1), (43.3, 45.6), (44.9, 45.45), (45.6, 44.95), (47.0, 44.8),
    (47.9, 44.6), (50.0, 44.6), (50.0, 41.0),
]
CENTRAL_BLACK_EARTH = [  # Voronezh, Kursk, Orel, Tambov, Lipetsk, Belgorod
    (33.5, 49.5), (33.8, 50.6), (34.2, 51.6), (34.4, 52.3), (35.1, 52.6), (34.8, 53.2), (35.9, 53.65),
    (37.5, 53.35), (38.8, 53.55), (40.0, 53.35), (41.0, 53.75), (42.4, 53.85), (42.9, 53.1), (42.6, 52.0),
    (42.9, 51.0), (42.0, 50.2), (41.2, 49.7), (38.0, 49.4),
]
VOLGA = [  # Lower and Middle Volga krais, the Volga German ASSR, Kalmykia, Tatarstan, Chuvashia, Mordovia
    (40.0, 44.0), (40.0, 53.0), (42.1, 54.95), (44.5, 55.2), (46.0, 55.55), (47.0, 56.3), (49.0, 56.45),
    (50.5, 56.7), (52.5, 56.35), (54.2, 55.6), (53.2, 54.3), (54.5, 53.5), (56.5, 52.7), (58.0, 52.3),
    (59.5, 52.8), (61.0, 53.0), (62.5, 52.0), (62.5, 44.0),
]
URALS = [  # the Ural oblast (with the Ob north to the Arctic) and Bashkiria
    (52.0, 51.0), (52.0, 56.0), (51.8, 57.6), (53.0, 58.8), (53.5, 60.0), (56.5, 61.5), (59.0, 61.6),
    (59.5, 64.0), (61.0, 65.5), (64.0, 67.0), (66.0, 68.5), (66.5, 70.0), (66.5, 77.0), (86.0, 77.0),
    (86.0, 61.5), (77.0, 61.0), (75.0, 59.5), (72.0, 58.5), (71.0, 57.5), (70.5, 56.0), (69.0, 55.5),
    (68.0, 54.5), (65.0, 53.0), (62.0, 50.0),
]
WESTERN_SIBERIA = [  # Novosibirsk, Omsk, Tomsk and Narym, Kuzbass, the Altai
    (60.0, 49.0), (60.0, 62.0), (86.0, 61.5), (89.0, 58.5), (88.5, 56.0), (89.5, 54.5), (88.0, 52.5),
    (89.0, 51.5), (88.5, 49.0),
]
CENTRE_NORTH = [(19.0, 50.0), (19.0, 82.0), (70.0, 82.0), (70.0, 50.0)]

SOVIET_PARTS = {  # today's countries that were, in 1933, Soviet republics (whole or in part)
    "ukraine": ["Ukraine", "Moldova"], "belarus": ["Belarus"], "kazakhstan": ["Kazakhstan"],
    "central_asia": ["Uzbekistan", "Turkmenistan", "Tajikistan", "Kyrgyzstan"],
    "transcaucasia": ["Georgia", "Armenia", "Azerbaijan"],
}
RSFSR_ORDER = [("north_caucasus", NORTH_CAUCASUS), ("central_black_earth", CENTRAL_BLACK_EARTH),
               ("volga", VOLGA), ("urals", URALS), ("western_siberia", WESTERN_SIBERIA),
               ("centre_north", CENTRE_NORTH)]
REGION_ORDER = ["ukraine", "north_caucasus", "volga", "central_black_earth", "centre_north", "belarus",
                "urals", "western_siberia", "east_siberia_far_east", "kazakhstan", "central_asia",
                "transcaucasia"]
NEIGHBOURS = ["Finland", "Estonia", "Latvia", "Lithuania", "Poland", "Romania", "Moldova", "Ukraine",
              "Belarus", "Turkey", "Iran", "Afghanistan", "China", "Mongolia", "Japan", "Norway", "Sweden",
              "Pakistan", "India", "North Korea", "South Korea", "Germany", "Czechia", "Slovakia", "Hungary",
              "Bulgaria", "Iraq", "Syria"]
# Label points (lon, lat) where each region's figure is printed, and for the regions too small to
# hold it at a classroom's type size, an anchor inside the region for a leader line.
LABELS = {
    "ukraine": ((23.0, 49.6), (31.5, 49.0)), "north_caucasus": ((34.0, 43.0), (41.8, 45.3)),
    "volga": ((47.5, 51.2), None), "central_black_earth": ((23.5, 53.3), (39.0, 51.8)),
    "centre_north": ((42.0, 61.0), None), "belarus": ((22.5, 57.0), (28.6, 53.8)),
    "urals": ((60.5, 58.0), None), "western_siberia": ((79.0, 55.5), None),
    "east_siberia_far_east": ((118.0, 63.0), None), "kazakhstan": ((67.5, 48.0), None),
    "central_asia": ((64.0, 40.0), None), "transcaucasia": ((37.5, 39.0), (44.8, 41.7)),
}
PROJECTION = {"kind": "albers", "central_meridian": 85.0, "standard_parallels": [40.0, 62.0],
              "origin_latitude": 55.0}


def fetch_atlas() -> bytes:
    meta = json.load(urllib.request.urlopen("https://registry.npmjs.org/world-atlas/2.0.2"))
    data = urllib.request.urlopen(ATLAS_URL).read()
    algorithm, expected = meta["dist"]["integrity"].split("-", 1)
    if base64.b64encode(hashlib.new(algorithm, data).digest()).decode() != expected:
        sys.exit("world-atlas: the tarball does not match the registry's integrity hash")
    return data


def read_topology(tarball: bytes) -> dict:
    with tarfile.open(fileobj=io.BytesIO(tarball)) as tar:
        return json.load(tar.extractfile("package/countries-50m.json"))


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs, indices) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def country(topology, arcs, name: str):
    """A country's polygons, those across the date line moved east of 180 degrees."""
    geometry = next(g for g in topology["objects"]["countries"]["geometries"] if g["properties"]["name"] == name)
    polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    shapes = []
    east_of_180 = name == "Russia"    # Chukotka's tip and Wrangel Island: as 180-190 degrees east
    for rings in polygons:
        outer, *holes = [[(x + 360 if east_of_180 and x < 0 else x, y) for x, y in ring(arcs, r)] for r in rings]
        shapes.append(Polygon(outer, holes).buffer(0))
    return unary_union(shapes)


def soviet_west():
    """The half-plane east of the Riga border and the Dniester (a polygon reaching far east)."""
    edge = RIGA_AND_DNIESTER
    return Polygon([(edge[0][0], 70.0), *edge, (edge[-1][0], 40.0), (60.0, 40.0), (60.0, 70.0)])


def regions_1933(topology, arcs) -> dict:
    russia = present_russia = country(topology, arcs, "Russia")
    russia = russia.difference(unary_union([Polygon(p) for p in FINNISH_1933] + [Polygon(TUVA), EAST_PRUSSIA,
                                                                                *JAPANESE_1933]))
    crimea = russia.intersection(box(32.0, 44.2, 36.7, 46.3))   # Natural Earth draws it with Russia
    shapes = {}
    west = soviet_west()
    for region, names in SOVIET_PARTS.items():
        shape = unary_union([country(topology, arcs, n) for n in names])
        shapes[region] = shape.intersection(west) if region in ("ukraine", "belarus") else shape
    if not crimea.is_empty:
        shapes["ukraine"] = shapes["ukraine"].difference(crimea)
    taken = crimea
    for region, outline in RSFSR_ORDER:
        shapes[region] = russia.intersection(Polygon(outline)).difference(taken)
        taken = taken.union(shapes[region])
    shapes["east_siberia_far_east"] = russia.difference(taken)
    # The Crimean ASSR was a republic of the RSFSR, in none of the model's regions: drawn with the
    # North Caucasus, across the Kerch strait, where its people are counted.
    shapes["north_caucasus"] = shapes["north_caucasus"].union(crimea)
    return shapes, present_russia


def rings_of(shape) -> list[list[tuple[float, float]]]:
    polygons = shape.geoms if isinstance(shape, MultiPolygon) else [shape]
    out = []
    for polygon in polygons:
        if polygon.area < MIN_ISLAND_SQ_DEG:
            continue
        simple = polygon.simplify(SIMPLIFY_DEG, preserve_topology=True)
        if simple.is_empty or simple.area < MIN_ISLAND_SQ_DEG:
            continue
        out.append([(round(x, DECIMALS), round(y, DECIMALS)) for x, y in simple.exterior.coords[:-1]])
    return out


def ring_text(points) -> str:
    return ", ".join(f"{x:g} {y:g}" for x, y in points)


def build(topology) -> dict:
    arcs = decode_arcs(topology)
    shapes, russia = regions_1933(topology, arcs)
    regions = {}
    for region in REGION_ORDER:
        rings = rings_of(shapes[region])
        label, anchor = LABELS[region]
        regions[region] = {"label": list(label), "anchor": list(anchor) if anchor else None,
                           "outline": [ring_text(r) for r in rings]}
    union = unary_union(list(shapes.values()))
    outside_1933 = russia.intersection(unary_union([Polygon(p) for p in FINNISH_1933] + [Polygon(TUVA),
                                                                                         *JAPANESE_1933]))
    context = unary_union([country(topology, arcs, n) for n in NEIGHBOURS] + [outside_1933])
    context = context.difference(union.buffer(0.02))
    context = context.intersection(box(10.0, 30.0, 200.0, 82.0))
    return {"projection": PROJECTION, "regions": regions,
            "neighbours": [ring_text(r) for r in rings_of(context)]}


def write(generated: dict, out: Path) -> None:
    existing = yaml.safe_load(out.read_text(encoding="utf-8")) if out.exists() else {}
    old = (existing or {}).get("map", {})
    lines = [
        "# yaml-language-server: $schema=../schema/scenario-part.schema.json",
        "# The map: the USSR in its borders of 1933, in the model's twelve regions.",
        "# Outlines generated by tools/map_data.py from Natural Earth 1:50m (public domain) and borders",
        "# inside the RSFSR drawn by hand from period maps; the texts below the outlines are written by",
        "# hand and kept when the tool runs again. Each outline is one ring: \"lon lat, lon lat, ...\" in",
        "# degrees east and north (east of 180 as 180-190). docs/MODEL.md (\"The map\") says what was decided.",
        "map:",
        f"  caption: {json.dumps(old.get('caption', 'The USSR in its borders of 1933'))}",
        f"  source: {json.dumps(old.get('source', 'Natural Earth 1:50m countries (public domain), via world-atlas 2.0.2; borders inside the RSFSR drawn by hand from period maps'))}",
        *([f"  collectivization_note: {json.dumps(old['collectivization_note'])}"] if "collectivization_note" in old else []),
        f"  projection: {json.dumps(generated['projection'])}",
        "  neighbours:",
        *(f"    - \"{r}\"" for r in generated["neighbours"]),
        "  regions:",
    ]
    old_regions = old.get("regions", {})
    for region, figures in generated["regions"].items():
        kept = old_regions.get(region, {})
        lines.append(f"    {region}:")
        lines.append(f"      label: {json.dumps(kept.get('label', figures['label']))}")
        anchor = kept.get("anchor", figures["anchor"])
        if anchor:
            lines.append(f"      anchor: {json.dumps(anchor)}")
        lines.append("      outline:")
        lines.extend(f"        - \"{r}\"" for r in figures["outline"])
        for key in ("collectivization_lead", "summary", "positions", "sources"):
            if key in kept:
                block = yaml.safe_dump({key: kept[key]}, allow_unicode=True, width=100, sort_keys=False)
                lines.extend("      " + line for line in block.rstrip("\n").split("\n"))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--atlas", type=Path, help="the world-atlas-2.0.2.tgz tarball (else fetched from npm)")
    parser.add_argument("--out", type=Path, default=ROOT / "scenarios/common/regions.yaml")
    args = parser.parse_args()
    tarball = args.atlas.read_bytes() if args.atlas else fetch_atlas()
    write(build(read_topology(tarball)), args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
