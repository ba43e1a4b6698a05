"""The JSON Schemas editors use agree with the loader, and are up to date."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from game.scenario import SCENARIO_DIR
from game.scenario.document import assemble
from game.scenario.schema_export import SCHEMA_DIR, SCHEMAS, schema_text

HEADER = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")
BUNDLED = sorted(p for p in SCENARIO_DIR.rglob("*.yaml") if "reference" not in p.parts)


def as_json(data: object) -> object:
    """What an editor sees: YAML's integer keys (years) become strings in JSON."""
    return json.loads(json.dumps(data))


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_is_up_to_date(name):
    model, description = SCHEMAS[name]
    committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert committed == schema_text(model, description), f"{name} is stale: run `python main.py schema`"


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: str(p.relative_to(SCENARIO_DIR)))
def test_every_bundled_file_names_its_schema_and_validates_against_it(path):
    first_line = path.read_text(encoding="utf-8").split("\n", 1)[0]
    match = HEADER.match(first_line)
    assert match, f"{path.name} must begin with '# yaml-language-server: $schema=...'"
    schema_file = (path.parent / match.group(1)).resolve()
    assert schema_file.parent == SCHEMA_DIR.resolve() and schema_file.exists()
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    jsonschema.validate(as_json(yaml.safe_load(path.read_text(encoding="utf-8"))), schema)


@pytest.mark.parametrize("name", ["great_turn", "first_plan", "bukharin_alternative"])
def test_assembled_scenarios_validate_against_the_full_schema(name):
    path = SCENARIO_DIR / f"{name}.yaml"
    schema = json.loads((SCHEMA_DIR / "scenario.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(as_json(assemble(path).data), schema)


def test_schema_command_writes_every_schema(tmp_path: Path, capsys):
    from game.cli import main

    assert main(["schema", "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(SCHEMAS)
