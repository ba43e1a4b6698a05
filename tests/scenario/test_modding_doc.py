"""docs/MODDING.md stays true: its generated reference matches the models, every key of every
content file is documented, and every problem code has a real example."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from game.events import expr
from game.scenario import mods, problems, schema, yamlsource
from game.scenario.policy import Policy
from game.scenario.problems import CODES
from game.scenario.reference_doc import (
    DOC_PATH,
    REGENERATE,
    _cell,
    error_codes_markdown,
    example_heading,
    extract,
    main,
    names_markdown,
    reference_markdown,
)
from game.scenario.schema import ModContent, ModManifest, Scenario, ScenarioContent

ROOTS = (Scenario, ScenarioContent, Policy, ModManifest, ModContent)
GAME_DIR = Path(__file__).resolve().parents[2] / "game"
MESSAGE = re.compile(r"^\S+?(:\d+:\d+)?: [EW]\d{3} \S.*$")


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC_PATH.read_text(encoding="utf-8")


def models_in(annotation: object) -> list[type[BaseModel]]:
    """Every pydantic model an annotation holds, however deeply (lists, mappings, unions)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in models_in(arg)]


def all_models() -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    pending = list(ROOTS)
    while pending:
        model = pending.pop()
        if model in found:
            continue
        found.append(model)
        for field in model.model_fields.values():
            pending.extend(models_in(field.annotation))
    return sorted(found, key=lambda m: m.__name__)


def tables(text: str) -> list[dict[str, list[str]]]:
    """Each table of the reference as key -> its cells."""
    result, current = [], {}
    for line in text.splitlines():
        if line.startswith("| `"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            current[cells[0].strip("`")] = cells
        elif current:
            result.append(current)
            current = {}
    if current:
        result.append(current)
    return result


def test_generated_reference_is_up_to_date(doc):
    assert extract(doc, "reference") == reference_markdown(), (
        f"the reference in docs/MODDING.md is stale: run `{REGENERATE}`")


def test_generated_names_are_up_to_date(doc):
    assert extract(doc, "names") == names_markdown(), (
        f"the names conditions read, in docs/MODDING.md, are stale: run `{REGENERATE}`")


def test_generated_error_codes_are_up_to_date(doc):
    assert extract(doc, "codes") == error_codes_markdown(), (
        f"the error codes in docs/MODDING.md are stale: run `{REGENERATE}`")


@pytest.mark.parametrize("model", all_models(), ids=lambda m: m.__name__)
def test_every_field_of_every_model_is_in_the_reference(model):
    """Each model has a table of its own listing every field, in order, with its description."""
    fields = model.model_fields
    matching = [t for t in tables(reference_markdown()) if list(t) == list(fields)]
    assert matching, f"no table in the reference lists the keys of {model.__name__}: {', '.join(fields)}"
    for name, field in fields.items():
        if field.description:
            assert any(t[name][-1] == _cell(field.description) for t in matching), (
                f"{model.__name__}.{name}: its description is not in its row")


def example_section(doc: str, code: str) -> str:
    heading = f"#### {example_heading(code)}\n"
    assert heading in doc, f"docs/MODDING.md has no example heading '{heading.strip()}' for {code}"
    rest = doc.split(heading, 1)[1]
    return re.split(r"^#{1,4} ", rest, maxsplit=1, flags=re.MULTILINE)[0]


def reported_by_the_game(code: str) -> bool:
    return any(f'"{code}"' in path.read_text(encoding="utf-8")
               for path in GAME_DIR.rglob("*.py") if path.name != "problems.py")


@pytest.mark.parametrize("code", list(CODES))
def test_every_error_code_has_an_example(doc, code):
    section = example_section(doc, code)
    blocks = re.findall(r"```text\n(.*?)```", section, flags=re.DOTALL)
    assert blocks, f"{code}: the example section shows no output"
    messages = [line for block in blocks for line in block.splitlines() if f" {code} " in line]
    if not reported_by_the_game(code):
        assert "does not report" in section, f"{code} is never reported: the doc must say so"
        return
    assert messages, f"{code}: no example message with the code"
    for line in messages:
        assert MESSAGE.match(line.strip()), f"{code}: not in the `file:line:col: code message` format: {line}"
    hints = [line for block in blocks for line in block.splitlines() if line.startswith("    hint: ")]
    assert hints, f"{code}: the example shows no hint line"


def test_every_code_is_linked_from_the_table(doc):
    table = extract(doc, "codes")
    for code in CODES:
        assert f"[{code}](#" in table


def test_the_limits_in_the_doc_are_the_loaders(doc):
    assert f"{yamlsource.MAX_FILE_BYTES:,} bytes" in doc
    assert f"{yamlsource.MAX_DEPTH} levels of nesting" in doc
    assert f"{yamlsource.MAX_ALIASES:,} alias references" in doc
    assert f"at most {expr.MAX_LENGTH} characters" in doc
    rows = {
        "values in one file, aliases expanded": yamlsource.MAX_EXPANDED_NODES,
        "keys in one mapping": yamlsource.MAX_KEYS,
        "items in one list": yamlsource.MAX_ITEMS,
        "values over all the files of a scenario (includes), or of the mods loaded together":
            yamlsource.MAX_TOTAL_VALUES,
        "files read for a scenario (an include counts each time) or a mod": yamlsource.MAX_FILES,
        "mods loaded together": mods.MAX_MODS,
        "events in a scenario, after its mods": schema.MAX_EVENTS,
        "projects in a scenario": schema.MAX_PROJECTS,
        "plans in a scenario": schema.MAX_PLANS,
        "problems listed per file (the rest are counted)": problems.MAX_PROBLEMS,
    }
    for what, limit in rows.items():
        assert f"| {what} | {limit:,} |" in doc, what


def test_the_generator_rewrites_only_between_the_markers(tmp_path, capsys):
    path = tmp_path / "MODDING.md"
    path.write_text("intro\n<!-- codes:start -->\nSTALE TEXT\n<!-- codes:end -->\nmiddle\n"
                    "<!-- reference:start -->\n<!-- reference:end -->\nthen\n"
                    "<!-- names:start -->\n<!-- names:end -->\nend\n", encoding="utf-8")
    assert main(path) == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("intro\n<!-- codes:start -->\n") and text.endswith("<!-- names:end -->\nend\n")
    assert "<!-- reference:end -->\nthen\n<!-- names:start -->" in text
    assert "\nmiddle\n" in text and "STALE TEXT" not in text
    assert extract(text, "codes") == error_codes_markdown()
    assert extract(text, "reference") == reference_markdown()
    assert extract(text, "names") == names_markdown()
    assert main(path) == 0
    assert "up to date" in capsys.readouterr().out


def test_the_generator_refuses_a_document_without_markers(tmp_path, capsys):
    path = tmp_path / "MODDING.md"
    path.write_text("no markers here\n", encoding="utf-8")
    assert main(path) == 2
    assert "start -->" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "no markers here\n"


def test_the_reference_is_deterministic():
    assert reference_markdown() == reference_markdown()
    assert error_codes_markdown() == error_codes_markdown()
