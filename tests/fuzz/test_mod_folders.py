"""Mod folders and includes that try to hang, exhaust or escape the reader (issue 15, faults 6-8):
FIFOs, symlinks to devices, symlinks out of the folder, symlink loops, folders named *.yaml, NUL
bytes in names, files that are too large. Each is refused within a second with a problem code
that says what, and nothing of an outside file reaches a message."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.cli import main
from game.scenario import SCENARIO_DIR, read_scenario
from game.scenario.loader import load_with_mods
from game.scenario.mods import read_mod
from game.scenario.validate import validate_paths

from .helpers import within

REFUSED_WITHIN_S = 1.0
SECRET = "secret_outside_key"  # a key of a file outside the mod: no message may show it
POSIX = os.name == "posix"
needs_posix = pytest.mark.skipif(not POSIX, reason="FIFOs, devices and symlinks as POSIX has them")


def manifest(folder: Path, extra: str = "", mod_id: str = "hazard") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mod.yaml").write_text(f"id: {mod_id}\nname: Hazard\nversion: '1'\nscenario: great_turn\n"
                                     f"description: d\nauthor: a\n{extra}", encoding="utf-8")
    (folder / "content.yaml").write_text("texts: {hazard.ok: fine}\n", encoding="utf-8")


def outside_file(root: Path) -> Path:
    path = root / "outside.yaml"
    path.write_text(f"{SECRET}: 1\n", encoding="utf-8")
    return path


def refusal(folder: Path) -> list[tuple[str, str]]:
    """(code, file name) of every error reading the mod gives, within the time bound."""
    mod = within(REFUSED_WITHIN_S, read_mod, folder)
    for problem in mod.problems:
        assert SECRET not in problem.format()
    return [(p.code, Path(p.file).name) for p in mod.problems if p.is_error]


def plant(folder: Path, hazard: str, name: str, outside: Path) -> None:
    """Put one hazard into the mod folder under `name`."""
    target = folder / name
    if hazard == "fifo":
        os.mkfifo(target)
    elif hazard == "dev_zero":
        target.symlink_to("/dev/zero")
    elif hazard == "dev_urandom":
        target.symlink_to("/dev/urandom")
    elif hazard == "outside":
        target.symlink_to(outside)
    elif hazard == "loop":
        target.symlink_to(target.name)
    elif hazard == "two_loop":
        target.symlink_to(f"{target.name}.other")
        (folder / f"{target.name}.other").symlink_to(target.name)
    elif hazard == "folder":
        target.mkdir()
        (target / "inside.yaml").write_text("texts: {a: b}\n", encoding="utf-8")
    elif hazard == "huge":
        with open(target, "wb") as stream:  # sparse: no disk is used, the size alone is refused
            stream.truncate(64 * 1024 * 1024)
    else:
        raise AssertionError(hazard)


HAZARDS = ["fifo", "dev_zero", "dev_urandom", "outside", "loop", "two_loop", "folder", "huge"]
EXPECTED = {"fifo": "E008", "dev_zero": "E020", "dev_urandom": "E020", "outside": "E020", "loop": "E009",
            "two_loop": "E009", "folder": "E008", "huge": "E001"}


@needs_posix
@pytest.mark.parametrize("hazard", HAZARDS)
def test_a_hazard_found_by_the_glob_is_refused_within_a_second(tmp_path, hazard):
    folder = tmp_path / "mod"
    manifest(folder)
    plant(folder, hazard, "danger.yaml", outside_file(tmp_path))
    assert refusal(folder) == [(EXPECTED[hazard], "danger.yaml")]


@needs_posix
@pytest.mark.parametrize("hazard", HAZARDS)
def test_a_hazard_named_in_files_is_refused_at_its_line(tmp_path, hazard):
    folder = tmp_path / "mod"
    manifest(folder, "files: [content.yaml, danger.yaml]\n")
    plant(folder, hazard, "danger.yaml", outside_file(tmp_path))
    mod = within(REFUSED_WITHIN_S, read_mod, folder)
    (problem,) = [p for p in mod.problems if p.is_error]
    assert (problem.code, Path(problem.file).name, problem.line, problem.col) == \
        (EXPECTED[hazard], "mod.yaml", 7, 23)


@needs_posix
@pytest.mark.parametrize("hazard", ["outside", "dev_zero", "fifo", "loop", "folder"])
def test_a_mod_yaml_that_is_not_a_regular_file_inside_the_mod_is_refused(tmp_path, hazard):
    folder = tmp_path / "mod"
    manifest(folder)
    (folder / "mod.yaml").rename(tmp_path / "outside.yaml")
    plant(folder, hazard, "mod.yaml", tmp_path / "outside.yaml")
    codes = [code for code, name in refusal(folder)]
    assert codes == [EXPECTED[hazard]]


def test_a_nul_byte_in_files_or_include_is_a_problem_not_a_value_error(tmp_path, capsys):
    folder = tmp_path / "mod"
    manifest(folder, 'files: ["content.yaml", "a\\0b.yaml"]\n')
    assert refusal(folder) == [("E009", "mod.yaml")]
    scenario = tmp_path / "scenario.yaml"
    scenario.write_text('include: ["common\\0.yaml"]\n', encoding="utf-8")
    (problem,) = read_scenario(scenario, complete=False).problems
    assert (problem.code, problem.line, problem.col) == ("E009", 1, 11)
    assert "included file 'common\\0.yaml': the file name holds a NUL byte" in problem.message


@needs_posix
@pytest.mark.parametrize("hazard", ["fifo", "dev_zero", "outside", "loop", "folder", "huge"])
def test_an_include_that_is_not_a_regular_file_inside_the_folder_is_refused_at_its_line(tmp_path, hazard):
    scenario = tmp_path / "scenarios" / "part.yaml"
    scenario.parent.mkdir()
    scenario.write_text("include: [danger.yaml]\ntexts: {a: b}\n", encoding="utf-8")
    plant(scenario.parent, hazard, "danger.yaml", outside_file(tmp_path))
    loaded = within(REFUSED_WITHIN_S, read_scenario, scenario, False)
    (problem,) = loaded.problems
    assert (problem.code, problem.line, problem.col) == (EXPECTED[hazard], 1, 11)
    assert SECRET not in problem.format()


@needs_posix
def test_validate_and_simulate_refuse_a_hazardous_mod_with_a_message(tmp_path, capsys):
    folder = tmp_path / "mod"
    manifest(folder)
    plant(folder, "fifo", "pipe.yaml", outside_file(tmp_path))
    plant(folder, "outside", "leak.yaml", tmp_path / "outside.yaml")
    assert within(10, main, ["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "pipe.yaml: E008 it is a FIFO (named pipe), not a regular file" in out
    assert "leak.yaml: E020 it leads outside the folder mod/" in out and SECRET not in out
    assert within(10, main, ["simulate", "--mods", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "E008" in err and "Traceback" not in err


# --- the generator --------------------------------------------------------------------------


@st.composite
def hazardous_folder(draw) -> list[tuple[str, str, bool]]:
    """(hazard or 'plain', file name, listed in files:) for a few entries of one mod folder."""
    names = draw(st.lists(st.sampled_from(["a.yaml", "b.yaml", "c.yaml", "mod.yaml", "d.yml", "e.yaml"]),
                          min_size=1, max_size=4, unique=True))
    return [(draw(st.sampled_from(["plain", *HAZARDS])), name, draw(st.booleans())) for name in names]


def build(root: Path, entries: list[tuple[str, str, bool]], outside: Path) -> Path:
    folder = root / "mods" / "fuzzed"
    listed = [name for _, name, in_files in entries if in_files and name != "mod.yaml"]
    manifest(folder, f"files: [content.yaml, {', '.join(listed)}]\n" if listed else "", mod_id="fuzzed")
    for hazard, name, _ in entries:
        if hazard == "plain" and name != "mod.yaml":
            (folder / name).write_text(f"texts: {{fuzzed.{name[0]}: plain}}\n", encoding="utf-8")
        elif hazard != "plain":
            if name == "mod.yaml":
                (folder / "mod.yaml").rename(root / "manifest.yaml")
                outside = root / "manifest.yaml"
            plant(folder, hazard, name, outside)
    return folder


def hazards_read(entries: list[tuple[str, str, bool]]) -> list[str]:
    """The hazards the reader meets: mod.yaml; then the files: list if any, else every *.yaml."""
    listed = any(in_files and name != "mod.yaml" for _, name, in_files in entries)
    return [hazard for hazard, name, in_files in entries if hazard != "plain"
            and (name == "mod.yaml" or (in_files if listed else name.endswith(".yaml")))]


def check_folder(entries: list[tuple[str, str, bool]]) -> None:
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        folder = build(root, entries, outside_file(root))
        loaded = within(REFUSED_WITHIN_S + 1.0, load_with_mods, "great_turn", [root / "mods"])
        report = within(REFUSED_WITHIN_S + 1.0, validate_paths, [folder])
        for problem in loaded.problems + report.problems:
            assert problem.code[0] in "EW" and SECRET not in problem.format()
        if hazards_read(entries):
            assert loaded.mods == [], "a mod with a hazard must not be loaded"
            assert {p.code for p in report.errors} & {"E001", "E008", "E009", "E020"}, report.problems
        else:
            assert loaded.mods == ["fuzzed"], loaded.problems


@needs_posix
@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(hazardous_folder())
def test_fuzzed_mod_folders_are_refused_quickly_and_never_leak(entries):
    check_folder(entries)


@pytest.mark.slow
@needs_posix
@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(hazardous_folder())
def test_fuzzed_mod_folders_many(entries):
    check_folder(entries)


def test_the_bundled_content_passes_the_readers_checks():
    assert validate_paths([SCENARIO_DIR]).errors == []
