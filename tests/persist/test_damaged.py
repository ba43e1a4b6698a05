"""Every kind of damaged save gets a clear message naming the file, and leaves every other save
untouched (and still loadable, and listed)."""

from __future__ import annotations

import json
import shutil
from functools import cache
from pathlib import Path

import pytest

from game.persist import saves
from game.persist.paths import saves_dir
from game.persist.playthrough import new_game

from .conftest import MOD_ID, write_events_mod


@cache
def good_save_texts() -> dict[str, bytes]:
    return {"first.json": saves.encode(saves.save_json(new_game("first_plan", seed=1))),
            "second.json": saves.encode(saves.save_json(new_game("great_turn", seed=2)))}


@pytest.fixture
def good_saves() -> dict[str, bytes]:
    """Two good named saves in the saves folder, by name."""
    saves_dir().mkdir(parents=True)
    for name, data in good_save_texts().items():
        (saves_dir() / name).write_bytes(data)
    return good_save_texts()


def a_save_text() -> bytes:
    return good_save_texts()["first.json"]


def write_damaged(name: str, data: bytes) -> Path:
    path = saves_dir() / name
    path.write_bytes(data)
    return path


def simulate_result() -> bytes:
    return json.dumps({"scenario": "great_turn", "seed": 1, "series": {}, "years": []}).encode()


def newer(data: bytes) -> bytes:
    save = json.loads(data)
    save["format_version"] = saves.FORMAT_VERSION + 1
    save["game_version"] = "9.0.0"
    return json.dumps(save).encode()


def without(key: str):
    def edit(data: bytes) -> bytes:
        save = json.loads(data)
        del save[key]
        return json.dumps(save).encode()
    return edit


def unknown_scenario(data: bytes) -> bytes:
    save = json.loads(data)
    save["scenario"].update(id="lost_scenario", name="A Lost Scenario", source="lost_scenario")
    return json.dumps(save).encode()


def other_hash(data: bytes) -> bytes:
    save = json.loads(data)
    save["scenario"]["content_hash"] = "sha256:" + "0" * 64
    return json.dumps(save).encode()


# kind -> (make the bytes from a good save, the error class, words the message must contain)
DAMAGE = {
    "empty": (lambda d: b"", saves.SaveUnreadable, ["empty"]),
    "blank": (lambda d: b"  \n", saves.SaveUnreadable, ["empty"]),
    "truncated-early": (lambda d: d[:40], saves.SaveUnreadable, ["cut short", "truncated"]),
    "truncated-middle": (lambda d: d[: len(d) // 2], saves.SaveUnreadable, ["cut short"]),
    "truncated-end": (lambda d: d[:-3], saves.SaveUnreadable, ["cut short"]),
    "corrupt-json": (lambda d: d.replace(b'"seed"', b'"seed" ::', 1), saves.SaveUnreadable, ["damaged", "line"]),
    "corrupt-bytes": (lambda d: d[:100] + b"\xff\xfe\x00" + d[103:], saves.SaveUnreadable, ["damaged"]),
    "foreign-binary": (lambda d: bytes(range(256)) * 4, saves.NotASave, ["not a Pyatiletka save"]),
    "foreign-text": (lambda d: b"Dear diary,\nToday we built a dam.\n", saves.NotASave, ["not a Pyatiletka save"]),
    "foreign-json-list": (lambda d: b"[1, 2, 3]", saves.NotASave, ["not a Pyatiletka save"]),
    "foreign-json-object": (lambda d: b'{"format": "some-other-game", "level": 3}', saves.NotASave,
                            ["not a Pyatiletka save"]),
    "simulate-result": (lambda d: simulate_result(), saves.NotASave, ["simulate --save"]),
    "newer-version": (newer, saves.SaveTooNew, ["newer version", "9.0.0", "update"]),
    "missing-key": (without("commands"), saves.SaveDamaged, ["damaged", "commands"]),
    "missing-scenario": (unknown_scenario, saves.ScenarioMissing, ["lost_scenario", "not on this machine"]),
    "hash-mismatch": (other_hash, saves.ScenarioChanged, ["first_plan", "000000000000", "changed"]),
}


@pytest.mark.parametrize("kind", DAMAGE)
def test_each_kind_of_damage_gets_a_clear_message_and_spares_the_other_saves(kind, good_saves):
    make, error_class, words = DAMAGE[kind]
    damaged = write_damaged(f"damaged-{kind}.json", make(a_save_text()))
    damaged_bytes = damaged.read_bytes()
    with pytest.raises(error_class) as caught:
        saves.load(damaged)
    message = caught.value.message
    assert message.startswith(f"{damaged}: "), message
    assert "Traceback" not in message and "\n" not in message
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"
    # Nothing was written: not the damaged file, not the others; the others are listed as good.
    assert damaged.read_bytes() == damaged_bytes
    for name, data in good_saves.items():
        assert (saves_dir() / name).read_bytes() == data
    listed = {entry.path.name: entry for entry in saves.list_saves()}
    assert listed[damaged.name].error == message and not listed[damaged.name].ok
    assert all(listed[name].ok for name in good_saves)


def test_the_other_saves_still_load_after_a_failed_load(good_saves):
    damaged = write_damaged("damaged.json", a_save_text()[:-10])
    with pytest.raises(saves.SaveUnreadable):
        saves.load(damaged)
    for name in good_saves:
        saves.load(saves_dir() / name)


def test_a_damaged_save_with_a_backup_points_to_it(tmp_path):
    session = new_game("first_plan", seed=1)
    path = saves.save_slot(session, "kept")
    saves.save_slot(session, "kept")  # the first one is now kept.json.bak
    path.write_bytes(path.read_bytes()[:100])
    with pytest.raises(saves.SaveUnreadable, match=r"kept\.json\.bak"):
        saves.load(path)
    saves.load(path.with_name("kept.json.bak"))


def test_a_save_whose_mod_has_changed_names_both_versions(tmp_path):
    mods = tmp_path / "mods"
    mod = write_events_mod(mods)
    session = new_game("great_turn", seed=1, mods=[mods])
    assert session.mods == (MOD_ID,)
    file = saves.write_save(session, tmp_path / "modded.json")
    saved_hash = json.loads(file.read_bytes())["scenario"]["content_hash"].removeprefix("sha256:")[:12]
    content = (mod / "content.yaml").read_text(encoding="utf-8")
    (mod / "content.yaml").write_text(content.replace("chance: 0.5", "chance: 0.4"), encoding="utf-8")
    with pytest.raises(saves.ScenarioChanged) as caught:
        saves.load(file, [mods])
    message = caught.value.message
    assert message.startswith(str(file)) and saved_hash in message and MOD_ID in message
    # A player may choose to try anyway; the snapshot check then decides.
    try:
        saves.load(file, [mods], accept_changed_scenario=True)
    except saves.ReplayMismatch as exc:
        assert exc.session is not None


def test_a_save_whose_mod_is_missing_says_which(tmp_path):
    mods = tmp_path / "mods"
    write_events_mod(mods)
    file = saves.write_save(new_game("great_turn", seed=1, mods=[mods]), tmp_path / "modded.json")
    shutil.rmtree(mods)
    with pytest.raises(saves.ScenarioMissing, match=f"needs the mod {MOD_ID}, which is not in your mods folder"):
        saves.load(file)


def test_a_missing_file_and_a_folder_are_reported(tmp_path):
    with pytest.raises(saves.SaveUnreadable, match="no such save file"):
        saves.load(tmp_path / "nothing.json")
    (tmp_path / "folder.json").mkdir()
    with pytest.raises(saves.SaveUnreadable, match="folder"):
        saves.load(tmp_path / "folder.json")


def test_a_save_cut_short_anywhere_says_so():
    data = a_save_text()
    for length in range(1, len(data) - 1):
        with pytest.raises(saves.SaveUnreadable, match="cut short"):
            saves.parse_save(data[:length], "cut.json")


def test_a_save_opened_and_saved_in_an_editor_with_a_byte_order_mark_still_loads(tmp_path):
    path = tmp_path / "edited.json"
    path.write_bytes(b"\xef\xbb\xbf" + a_save_text())
    assert saves.load(path).scenario.id == "first_plan"
