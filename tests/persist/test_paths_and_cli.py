"""Where things live (platformdirs, or everything under --data-dir), and the save commands."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game.cli import main
from game.errors import UserError
from game.persist import paths, saves
from game.persist.paths import mods_dir as user_mods_dir
from game.persist.playthrough import new_game

from .conftest import MOD_ID, write_events_mod


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()


def test_by_default_everything_lives_in_the_platform_user_folders():
    paths.set_data_dir(None)
    data = Path(os.environ["XDG_DATA_HOME"]) / "Pyatiletka"  # tests/conftest.py isolates XDG_*
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "Pyatiletka"
    assert paths.saves_dir() == data / "saves" and paths.autosave_dir() == data / "saves" / "autosave"
    assert user_mods_dir() == paths.mods_dir() == data / "mods"
    assert paths.crash_reports_dir() == data / "crash-reports"
    assert paths.settings_file() == config / "settings.json"


def test_data_dir_keeps_saves_settings_mods_and_crash_reports_under_one_folder(tmp_path):
    portable = tmp_path / "usb-stick"
    paths.set_data_dir(portable)
    xdg = [Path(os.environ["XDG_DATA_HOME"]), Path(os.environ["XDG_CONFIG_HOME"])]
    outside_before = set().union(*(files_under(f) for f in xdg))
    write_events_mod(paths.mods_dir())
    session = new_game("great_turn", seed=1)  # picks up the mod in the portable mods folder
    assert session.mods == (MOD_ID,)
    saves.autosave(session)
    saves.save_slot(session, "named")
    paths.settings_file().write_text("{}", encoding="utf-8")  # the UI writes it at this path
    for folder in (paths.saves_dir(), paths.autosave_dir(), paths.mods_dir(), paths.crash_reports_dir(),
                   paths.settings_file().parent, user_mods_dir()):
        assert folder.is_relative_to(portable)
    assert {p.relative_to(portable).parts[0] for p in files_under(portable)} == {"saves", "mods", "settings.json"}
    assert set().union(*(files_under(f) for f in xdg)) == outside_before  # nothing written elsewhere
    assert [e.name for e in saves.list_saves()] and saves.load(saves.slot_path("named")).mods == (MOD_ID,)


def test_data_dir_must_be_a_folder(tmp_path):
    afile = tmp_path / "file"
    afile.write_text("x")
    with pytest.raises(UserError, match="not a folder"):
        paths.set_data_dir(afile)


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("where", ["before", "after"])
def test_the_data_dir_option_works_before_or_after_the_command(tmp_path, capsys, where):
    portable = tmp_path / "stick"
    write_events_mod(portable / "mods")
    out = tmp_path / "result.json"
    sim = ["simulate", "--scenario", "great_turn", "--json", out]
    args = ["--data-dir", portable, *sim] if where == "before" else [*sim, "--data-dir", portable]
    code, _, err = run(capsys, *args)
    assert code == 0, err
    assert json.loads(out.read_text())["mods"] == [MOD_ID]
    assert paths.portable_dir() == portable.resolve()


def test_simulate_save_writes_a_save_that_replay_verifies(tmp_path, capsys):
    save, result = tmp_path / "game.json", tmp_path / "result.json"
    code, out, err = run(capsys, "simulate", "--scenario", "great_turn", "--seed", "4", "--weather", "random",
                         "--json", result, "--save", save)
    assert code == 0, err
    assert f"wrote {save}" in out
    loaded = saves.load(save)
    assert loaded.finished and loaded.seed == 4 and loaded.weather_mode == "random"
    assert [r["steel_mt"] for r in loaded.records] == json.loads(result.read_text())["series"]["steel_mt"]
    code, out, err = run(capsys, "replay", save)
    assert code == 0, err
    assert out.count("\n") == 1
    for text in (str(save), "great_turn", "seed 4", "random weather", "14 years played (1928-1941)",
                 "ending: completed", "the replay matches the save"):
        assert text in out


def test_simulate_save_with_mods_and_replay_finds_them(tmp_path, capsys):
    mods = tmp_path / "mods"
    write_events_mod(mods)
    save = tmp_path / "modded.json"
    code, _, err = run(capsys, "simulate", "--mods", mods, "--save", save)
    assert code == 0, err
    code, out, err = run(capsys, "replay", save, "--mods", mods)
    assert code == 0, err
    assert f"mods {MOD_ID}" in out
    code, _, err = run(capsys, "replay", save)
    assert code == 2 and MOD_ID in err and "mods folder" in err


def test_simulate_save_needs_a_single_run(tmp_path, capsys):
    code, _, err = run(capsys, "simulate", "--runs", "3", "--save", tmp_path / "x.json")
    assert code == 2 and "--save keeps one game" in err
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize("content, words", [(b"", "empty"), (b'{"format": "pyatiletka-save", "form', "cut short"),
                                            (b'{"hello": 1}', "not a Pyatiletka save")])
def test_replay_of_a_damaged_save_is_one_line(tmp_path, capsys, content, words):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    code, _, err = run(capsys, "replay", bad)
    assert code == 2
    assert err.startswith(f"error: {bad}: ") and err.count("\n") == 1 and words in err
