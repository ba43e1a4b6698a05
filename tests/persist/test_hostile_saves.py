"""Saves made by a hostile modder (issue 15, faults 14, 15 and 20): each gets one clear line naming
the file (exit code 2 from `replay`, a "damaged" line in the load screen), never a traceback; the
other saves stay listed and loadable; a save never makes the game read a file outside the bundled
scenarios and the mods folder; save names that clean to one file name never overwrite each other."""

from __future__ import annotations

import json
import shutil
from functools import cache
from pathlib import Path

import pytest

from game.cli import main
from game.persist import saves
from game.persist.paths import mods_dir, saves_dir
from game.persist.playthrough import new_game

from .conftest import MOD_ID, write_events_mod

SECRET_KEY = "secret_key_of_an_outside_file"


@cache
def good_text() -> str:
    return saves.encode(saves.save_json(new_game("first_plan", seed=1, user_mods=False))).decode()


def edited(change) -> str:
    data = json.loads(good_text())
    change(data)
    return json.dumps(data, allow_nan=True)


def setting(*keys_and_value):
    *keys, last, value = keys_and_value

    def change(data: dict) -> None:
        for key in keys:
            data = data[key]
        data[last] = value
    return change


def in_saves(name: str, text: str) -> Path:
    saves_dir().mkdir(parents=True, exist_ok=True)
    path = saves_dir() / name
    path.write_text(text, encoding="utf-8")
    return path


def replay(capsys, path: Path, data_dir: Path) -> tuple[int, str]:
    code = main(["replay", str(path), "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    return code, out + err


# name -> (the save's text, words its one-line message holds)
HOSTILE = {
    "deep": (lambda: good_text()[:-2] + ', "deep": ' + "[" * 100_000 + "]" * 100_000 + "}",
             "nested far too deeply"),
    "deep-inside": (lambda: edited(setting("snapshot", "state", "x", json.loads("[" * 40 + "]" * 40))),
                    "snapshot.state.x[0]...: nested more than 32 deep"),
    "seed-5000-digits": (lambda: good_text().replace('"seed": 1', '"seed": ' + "9" * 5000, 1),
                         "a number of more than 4,300 digits"),
    "seed-4000-digits": (lambda: good_text().replace('"seed": 1', '"seed": ' + "9" * 4000, 1),
                         "seed: a number of 4,000 digits"),
    "source-5000-characters": (lambda: edited(setting("scenario", "source", "x" * 5000 + ".yaml")),
                               "scenario.source: string should have at most 1024 characters"),
    "nan-in-records": (lambda: good_text().replace('"year": 1928', '"year": NaN', 1), "it holds NaN"),
    "infinity-in-state": (lambda: edited(setting("snapshot", "state", "fear", 1e400)).replace("Infinity", "1e400"),
                          "snapshot.state.fear: inf is not a number a save holds"),
    "content-list": (lambda: edited(setting("settings", "content", [])),
                     "settings: content must be one of sober, detailed, not a list"),
    "finished-without-ending": (lambda: edited(setting("finished", True)),
                                "the header says finished is true but its ending is null"),
    "bogus-ending": (lambda: edited(lambda d: d.update(finished=True, ending="bogus")),
                     "ending: input should be 'completed' or 'removed', not 'bogus'"),
    "removed-not-in-snapshot": (lambda: edited(lambda d: d.update(finished=True, ending="removed")),
                                "the header says ending 'removed', but its snapshot says None"),
    "year-not-the-snapshot's": (lambda: edited(setting("year", 1935)),
                                "the header says year 1935, but its snapshot says 1928"),
    "negative-undos": (lambda: edited(setting("undos", -1)), "undos: input should be greater than or equal to 0"),
    "long-text": (lambda: edited(setting("snapshot", "state", "flags", ["x" * 20_000])),
                  "snapshot.state.flags[0]: a text of 20,000 characters"),
}


@pytest.mark.parametrize("kind", HOSTILE)
def test_a_hostile_save_is_one_clear_line_for_replay_and_damaged_in_the_list(kind, capsys, data_dir):
    make, words = HOSTILE[kind]
    saves_dir().mkdir(parents=True)
    good = saves_dir() / "good.json"
    good.write_text(good_text(), encoding="utf-8")
    bad = saves_dir() / f"{kind}.json"
    bad.write_text(make(), encoding="utf-8")
    code, said = replay(capsys, bad, data_dir)
    assert code == 2 and said.startswith(f"error: {bad}: ") and said.count("\n") == 1, said
    assert words in said and "Traceback" not in said, said
    listed = {entry.path.name: entry for entry in saves.list_saves()}
    assert not listed[bad.name].ok and listed[bad.name].label == f"{kind}: damaged"
    assert listed["good.json"].ok and saves.load(good).year == 1928


def test_a_header_the_replay_contradicts_is_a_mismatch_not_a_match(capsys, data_dir):
    """A header that agrees with itself and the snapshot (finished, 'completed') but not with the
    game the commands replay: `replay` says where they differ instead of 'the replay matches'."""
    path = in_saves("claims-the-end.json", edited(lambda d: d.update(finished=True, ending="completed")))
    code, said = replay(capsys, path, data_dir)
    assert code == 2 and "does not reproduce the saved game" in said
    assert "finished: saved true, replayed false" in said and 'ending: saved "completed", replayed null' in said
    assert "the replay matches" not in said


def test_a_save_naming_a_scenario_file_outside_is_refused_without_reading_it(tmp_path, capsys, data_dir):
    secret = tmp_path / "somewhere" / "secret.yaml"
    secret.parent.mkdir()
    secret.write_text(f"{SECRET_KEY}: 1\nanother_secret_key: 2\n", encoding="utf-8")
    path = in_saves("pointing-out.json", edited(setting("scenario", "source", str(secret))))
    code, said = replay(capsys, path, data_dir)
    assert code == 2 and said.count("\n") == 1
    assert "secret.yaml, which is neither a bundled scenario nor in your mods folder" in said
    assert "so the file was not read: copy the scenario into your mods folder to load this save" in said
    assert SECRET_KEY not in said and "another_secret_key" not in said
    [entry] = saves.list_saves()
    assert not entry.ok and SECRET_KEY not in entry.error and entry.error_kind == "scenario-missing"


@pytest.mark.parametrize("source", ["/etc/passwd.yaml", "../../../../etc/x.yml", "lesson.yaml", "x\x00y.yaml"])
def test_no_source_outside_the_bundled_scenarios_and_the_mods_folder_is_read(data_dir, source):
    path = in_saves("out.json", edited(setting("scenario", "source", source)))
    with pytest.raises(saves.ScenarioMissing, match="neither a bundled scenario nor in your mods folder"):
        saves.load(path)


def test_a_scenario_file_in_the_mods_folder_still_loads(data_dir):
    from game.scenario.loader import SCENARIO_DIR

    folder = mods_dir() / "my_scenarios"
    folder.mkdir(parents=True)
    shutil.copytree(SCENARIO_DIR / "common", folder / "common")
    (folder / "first_plan.yaml").write_text((SCENARIO_DIR / "first_plan.yaml").read_text(encoding="utf-8"),
                                            encoding="utf-8")
    session = new_game(folder / "first_plan.yaml", seed=3, user_mods=False)
    file = saves.write_save(session, saves_dir() / "own.json")
    assert json.loads(file.read_text(encoding="utf-8"))["scenario"]["source"].startswith(str(mods_dir().resolve()))
    assert saves.load(file).seed == 3


def test_a_mod_yaml_nested_5000_deep_in_the_mods_folder_spares_replay_and_the_list(capsys, data_dir):
    write_events_mod(mods_dir())
    modded = saves.save_slot(new_game("great_turn", seed=1), "modded")
    plain = saves.save_slot(new_game("first_plan", seed=1), "plain")
    deep = mods_dir() / "deep"
    deep.mkdir()
    (deep / "mod.yaml").write_text("id: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    code, said = replay(capsys, modded, data_dir)
    assert code == 0 and f"mods {MOD_ID}" in said and "the replay matches the save" in said
    assert {e.path.name: e.ok for e in saves.list_saves()} == {modded.name: True, plain.name: True}
    # with its own mod gone, the save says so; the deep manifest is not taken for it
    (mods_dir() / MOD_ID / "mod.yaml").unlink()
    code, said = replay(capsys, modded, data_dir)
    assert code == 2 and f"needs the mod {MOD_ID}, which is not in your mods folder" in said


def test_a_save_too_large_is_refused_before_it_is_read(data_dir, monkeypatch):
    monkeypatch.setattr(saves, "MAX_SAVE_BYTES", 1000)
    path = in_saves("huge.json", good_text())
    with pytest.raises(saves.SaveUnreadable, match=r"is too large to be a save \(the file is [\d,]+ bytes; the limit"):
        saves.load(path)


def test_a_fifo_named_like_a_save_is_listed_as_damaged_without_blocking(data_dir):
    import os

    from tests.fuzz.helpers import within

    saves_dir().mkdir(parents=True)
    os.mkfifo(saves_dir() / "pipe.json")
    (saves_dir() / "good.json").write_text(good_text(), encoding="utf-8")
    entries = {e.path.name: e for e in within(2.0, saves.list_saves)}
    assert entries["good.json"].ok
    with pytest.raises(saves.SaveUnreadable, match="FIFO"):
        within(2.0, saves.load, saves_dir() / "pipe.json")


def test_a_saved_at_that_is_no_time_is_shown_as_unknown(data_dir):
    saves_dir().mkdir(parents=True)
    for name, when in [("year-one", "0001-01-01T00:00:00"), ("not-a-time", "yesterday"), ("far", "9999-12-31T23:59:59")]:
        (saves_dir() / f"{name}.json").write_text(edited(setting("saved_at", when)), encoding="utf-8")
    entries = saves.list_saves()
    assert len(entries) == 3 and all(e.ok for e in entries)
    assert all(e.label for e in entries)


# --- fault 20: names that clean to one file ---------------------------------------------------


def test_names_that_clean_to_one_file_name_never_overwrite_each_other(data_dir):
    games = {name: new_game("first_plan", seed=seed, user_mods=False)
             for seed, name in enumerate(["a/b", "a\\b", "a:b", "a_b"], start=1)}
    paths = {name: saves.save_slot(session, name) for name, session in games.items()}
    assert [p.name for p in paths.values()] == ["a_b.json", "a_b-2.json", "a_b-3.json", "a_b-4.json"]
    for name, path in paths.items():
        assert saves.load(path).seed == games[name].seed
        assert json.loads(path.read_text(encoding="utf-8"))["name"] == name
    assert saves.slot_note("a/b", paths["a/b"]) is None
    assert saves.slot_note("a\\b", paths["a\\b"]) == ("another save is already in a_b.json, so this one was saved "
                                                       "as a_b-2.json")
    # the same name of the same game again overwrites its own file (kept as .bak), nothing else
    assert saves.save_slot(games["a:b"], "a:b") == paths["a:b"]
    assert paths["a:b"].with_name("a_b-3.json.bak").is_file()
    assert {p.name for p in saves_dir().glob("*.json")} == {p.name for p in paths.values()}


def test_the_same_name_for_another_game_does_not_overwrite_it(data_dir):
    first = saves.save_slot(new_game("first_plan", seed=1, user_mods=False), "homework")
    second = saves.save_slot(new_game("first_plan", seed=1, user_mods=False), "homework")
    assert (first.name, second.name) == ("homework.json", "homework-2.json")
    assert saves.load(first).game_id != saves.load(second).game_id


def test_a_save_of_an_older_version_without_a_name_goes_by_its_file_name(data_dir):
    session = new_game("first_plan", seed=1, user_mods=False)
    old = saves.write_save(session, saves_dir() / "a_b.json")  # no "name" in it
    assert saves.save_slot(session, "a_b") == old               # its own name: overwritten
    assert saves.save_slot(session, "a/b").name == "a_b-2.json"  # another name: left alone
