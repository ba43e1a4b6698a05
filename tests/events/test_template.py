"""Text templates (game/events/template.py): a small syntax of their own that cannot format
attacks (issue 15, fault 16). `str.format` would allocate what a width asks and reach attributes;
these compile only whitelisted names and bounded formats, and say what and where at load."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.cli import main
from game.events.template import MAX_WIDTH, TemplateError, compile_template, literal

NAMES = {"year": "d", "readiness": ",.0f", "history": ",.0f", "share": ".0%"}
VALUES = {"year": 1941, "readiness": 1234.5678, "history": "not available", "share": 0.615}


def filled(text: str, values=None) -> str:
    return compile_template(text, NAMES).render(VALUES if values is None else values)


@pytest.mark.parametrize(("text", "shown"), [
    ("In {year} the figure was {readiness}.", "In 1941 the figure was 1,235."),
    ("{readiness:.1f} / {readiness:,.2f} / {readiness:d}", "1234.6 / 1,234.57 / 1235"),
    ("{share} / {share:%} / {share:.1%}", "62 % / 62 % / 61.5 %"),
    ("[{year:>6}] [{year:<6}] [{year:^6}]", "[  1941] [1941  ] [ 1941 ]"),
    ("{readiness:+.0f}", "+1235"),
    ("[{readiness:>8}] [{share:<6}]", "[   1,235] [62 %  ]"),
    ("history: {history}, {history:.1f}", "history: not available, not available"),
    ("{{braces}} and {year}", "{braces} and 1941"),
    ("no fields at all", "no fields at all"),
])
def test_names_and_formats_are_filled_in(text, shown):
    assert filled(text) == shown


def test_a_bare_float_has_at_most_two_decimals_and_no_minus_zero():
    template = compile_template("{x} {x:.1f} {x:d}", ["x"])
    assert template.render({"x": 2.5}) == "2.5 2.5 2"
    assert template.render({"x": -0.0001}) == "0 0.0 0"
    assert template.render({"x": float("nan")}) == "n/a n/a n/a"
    assert template.render({"x": True}) == "yes yes yes"


def test_the_names_it_reads_are_listed_and_a_missing_value_stays_as_written():
    template = compile_template("{year}: {readiness} ({history})", NAMES)
    assert template.names == {"year", "readiness", "history"}
    assert template.render({"year": 1941}) == "1941: {readiness} ({history})"
    assert literal("{anything}").render(VALUES) == "{anything}" and literal("").names == frozenset()


@pytest.mark.parametrize(("text", "column", "message", "hint"), [
    ("{year:>100000000}", 1, "'{year:>100000000}': a width of 100000000; at most 20", ""),
    ("x {readiness.__class__.__mro__}", 3,
     "'{readiness.__class__.__mro__}': attribute access ('.') is not allowed; use a name alone",
     "did you mean 'readiness'?"),
    ("{year[0]}", 1, "'{year[0]}': indexing ('[...]') is not allowed; use a name alone", "did you mean 'year'?"),
    ("{year!r}", 1, "'{year!r}': conversions ('!') are not allowed", "Formats:"),
    ("{0}", 1, "'{0}' is not a name in braces", "Write {{"),
    ("{}", 1, "'{}' is not a name in braces", "Write {{"),
    ("The {readines}", 5, "unknown name 'readines'", "did you mean 'readiness'?"),
    ("{__import__}", 1, "unknown name '__import__'", "names: history, readiness, share, year"),
    ("{year:x}", 1, "'{year:x}': the format 'x' is not one of those allowed", "Formats:"),
    ("{year:.20f}", 1, "'{year:.20f}': 20 decimals; at most 6", ""),
    ("{year:{readiness}}", 1, "'{' inside a {field}", "Write {{"),
    ("an open { brace", 9, "'{' is never closed", "Write {{"),
    ("a close } brace", 9, "a single '}' must be written '}}'", "Write {{"),
])
def test_attacks_and_mistakes_are_refused_with_the_column_and_a_hint(text, column, message, hint):
    with pytest.raises(TemplateError) as err:
        compile_template(text, NAMES)
    assert (err.value.column, err.value.message) == (column, message)
    assert err.value.hint.startswith(hint)


def test_templates_have_bounded_size():
    with pytest.raises(TemplateError, match="more than 100"):
        compile_template("{year}" * 101, NAMES)
    with pytest.raises(TemplateError, match="characters long"):
        compile_template("x" * 10_001, NAMES)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["{", "}", "{{", "}}", "year", "readiness", "x", ":", ".", ",", ">", "<", "^", "+",
                                 "%", "d", "f", "1", "20", "99999999", "!r", "[0]", "__class__", " ", "é"]),
                max_size=12))
def test_any_text_compiles_to_a_bounded_template_or_a_template_error(pieces):
    text = "".join(pieces)
    try:
        template = compile_template(text, NAMES)
    except TemplateError as exc:
        assert exc.message and 1 <= exc.column <= max(1, len(text))
        return
    shown = template.render(VALUES)
    assert len(shown) <= len(text) + len(template.parts) * (MAX_WIDTH + len("not available"))
    assert "<class" not in shown and " at 0x" not in shown  # nothing of Python's objects is shown


def test_a_mod_epilogue_that_attacks_the_formatter_is_refused_at_load(tmp_path, capsys):
    mod = tmp_path / "attack"
    mod.mkdir()
    (mod / "mod.yaml").write_text("id: attack\nname: a\nversion: '1'\nscenario: great_turn\ndescription: d\n"
                                  "author: a\n", encoding="utf-8")
    (mod / "content.yaml").write_text(textwrap.dedent("""\
        texts:
          epilogue.june_1941: '{year:>100000000} {readiness.__class__.__mro__}'
          epilogue.weak: 'In {year} your readiness was {readines}.'
          perspective.note: 'Not a template: {anything} is shown as written.'
        """), encoding="utf-8")
    assert main(["validate", str(mod)]) == 1
    out = capsys.readouterr().out
    where = mod / "content.yaml"
    assert (f"{where}:2:23: E141 texts.epilogue.june_1941, at character 1: '{{year:>100000000}}': a width of "
            f"100000000; at most 20") in out
    assert f"{where}:3:18: E141 texts.epilogue.weak, at character 30: unknown name 'readines'\n    hint: did you " \
           f"mean 'readiness'?" in out
    assert "perspective.note" not in out and "Traceback" not in out
    assert main(["simulate", "--mods", str(mod)]) == 2
    assert "E141" in capsys.readouterr().err
