"""Copy the reference's standard annual series into the scenarios' history (common/history.yaml),
so that every chart draws every year the reference gives, not only the benchmark years.

    python tools/annual_history.py          # rewrite the values and tags lines in place

The benchmark figures already in the file win over the annual series (they are the located ones).
Lines other than a series' `values:` and `tags:` are left exactly as they are (comments, sources).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "scenarios" / "reference" / "history.yaml"
HISTORY = ROOT / "scenarios" / "common" / "history.yaml"
# history.yaml series id -> (group, series) in the reference's annual_series
ANNUAL = {
    "steel_mt": ("industry", "steel_mt"), "pig_iron_mt": ("industry", "pig_iron_mt"),
    "coal_mt": ("industry", "coal_mt"), "oil_mt": ("industry", "oil_mt"),
    "electricity_bn_kwh": ("industry", "electricity_bn_kwh"), "tanks": ("industry", "tanks"),
    "cattle_summer_m": ("livestock", "cattle_summer_m"), "horses_summer_m": ("livestock", "horses_summer_m"),
    "gulag_m": ("repression", "gulag_camps_and_colonies_jan1_m"), "executions_k": ("repression", "executions_k"),
}


def annual(reference: dict, group: str, name: str) -> dict[int, tuple[float, str]]:
    entry = reference["annual_series"][group][name]
    values = entry.get("values", entry)
    return {int(y): (v[0], v[1]) for y, v in values.items() if isinstance(v, list)}


def flow_map(mapping: dict) -> str:
    return "{" + ", ".join(f"{y}: {v}" for y, v in sorted(mapping.items())) + "}"


def main() -> int:
    reference = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
    current = yaml.safe_load(HISTORY.read_text(encoding="utf-8"))["history"]
    lines = HISTORY.read_text(encoding="utf-8").splitlines(keepends=True)
    series = None
    for i, line in enumerate(lines):
        head = re.match(r"^  ([a-z_0-9]+):\s*$", line)
        if head:
            series = head.group(1)
            continue
        if series not in ANNUAL:
            continue
        known = annual(reference, *ANNUAL[series])
        values = {y: v for y, (v, _t) in known.items()} | current[series]["values"]
        tags = {y: t for y, (_v, t) in known.items()} | current[series].get("tags", {})
        if re.match(r"^    values: \{", line):
            lines[i] = f"    values: {flow_map(values)}\n"
        elif re.match(r"^    tags: \{", line):
            lines[i] = f"    tags: {flow_map(tags)}\n"
    HISTORY.write_text("".join(lines), encoding="utf-8")
    print(f"updated {HISTORY.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
