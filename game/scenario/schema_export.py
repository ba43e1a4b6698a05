"""JSON Schemas for editors (VS Code's YAML extension reads `# yaml-language-server: $schema=`).

Generated from the same pydantic models the loader uses, so the editor and the game agree.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .loader import SCENARIO_DIR
from .policy import Policy
from .schema import ModContent, ModManifest, Scenario, ScenarioContent

SCHEMA_DIR = SCENARIO_DIR / "schema"
SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "scenario.schema.json": (Scenario, "A Pyatiletka scenario (after its includes are merged)."),
    "scenario-part.schema.json": (ScenarioContent, "A file a Pyatiletka scenario includes."),
    "policy.schema.json": (Policy, "A Pyatiletka policy: directives year by year, for headless play."),
    "mod.schema.json": (ModManifest, "mod.yaml: the manifest of a Pyatiletka mod."),
    "mod-content.schema.json": (ModContent, "A content file of a Pyatiletka mod."),
}


def schema_text(model: type[BaseModel], description: str) -> str:
    schema = model.model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "description": description}
    return json.dumps(schema, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def write_schemas(folder: Path = SCHEMA_DIR) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (model, description) in SCHEMAS.items():
        path = folder / name
        path.write_text(schema_text(model, description), encoding="utf-8")
        written.append(path)
    return written
