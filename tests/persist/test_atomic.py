"""Atomic writes: the recipe step by step, and a writer killed at random points, many times."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.persist import atomic, saves
from game.persist.playthrough import new_game

from .conftest import play_policy_year, policy_directives

REPO = Path(__file__).resolve().parents[2]


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if atomic.is_temporary(p)]


def test_writes_the_file_and_keeps_the_previous_one_as_bak(tmp_path):
    target = tmp_path / "deep" / "folder" / "file.json"
    atomic.atomic_write(target, b"one")
    assert target.read_bytes() == b"one" and not atomic.backup_path(target).exists()
    atomic.atomic_write(target, b"two")
    assert target.read_bytes() == b"two" and atomic.backup_path(target).read_bytes() == b"one"
    atomic.atomic_write(target, b"three", keep_backup=False)
    assert target.read_bytes() == b"three" and atomic.backup_path(target).read_bytes() == b"one"
    assert leftovers(target.parent) == []


def test_flushes_syncs_replaces_and_syncs_the_folder_in_that_order(tmp_path, monkeypatch):
    steps: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        steps.append("fsync-dir" if os.path.isdir(f"/proc/self/fd/{fd}") else "fsync-file")
        real_fsync(fd)

    def replace(src, dst):
        steps.append(f"replace {Path(src).parent == Path(dst).parent}")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    atomic.atomic_write(tmp_path / "f", b"data")
    if sys.platform.startswith("linux"):
        assert steps == ["fsync-file", "replace True", "fsync-dir"]
    else:
        assert "replace True" in steps


def test_an_error_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "save.json"
    atomic.atomic_write(target, b"old")

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        atomic.atomic_write(target, b"new", keep_backup=False)
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_a_file_held_open_on_windows_is_retried_with_a_back_off(tmp_path, monkeypatch):
    target = tmp_path / "save.json"
    real_replace = os.replace
    failures = iter([True, True, False])
    sleeps: list[float] = []

    def held(src, dst):
        if next(failures):
            raise PermissionError(13, "The process cannot access the file")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", held)
    monkeypatch.setattr(time, "sleep", sleeps.append)
    atomic.atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert sleeps == [atomic.REPLACE_BACKOFF_S, 2 * atomic.REPLACE_BACKOFF_S]


def test_a_file_held_open_too_long_gives_up_cleanly(tmp_path, monkeypatch):
    target = tmp_path / "save.json"
    atomic.atomic_write(target, b"old")

    def held(src, dst):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", held)
    monkeypatch.setattr(time, "sleep", lambda s: None)
    with pytest.raises(PermissionError):
        atomic.atomic_write(target, b"new", keep_backup=False)
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_a_save_that_cannot_be_written_is_a_clear_error(tmp_path, monkeypatch):
    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(saves.SaveError, match="cannot write the save .*No space.*unchanged"):
        saves.write_save(new_game("first_plan"), tmp_path / "s.json")


WRITER = """
import sys
sys.path.insert(0, sys.argv[1])
from game.persist.atomic import atomic_write
target = sys.argv[2]
versions = [open(p, "rb").read() for p in sys.argv[3:]]
print("ready", flush=True)
i = 0
while True:
    i += 1
    atomic_write(target, versions[i % len(versions)])
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_a_writer_killed_at_random_points_always_leaves_a_complete_save(tmp_path, historical):
    """The acceptance test: kill a process writing saves in a loop, 30 times, at random moments;
    the save on disk is always one of the complete files, and loads."""
    policy, path = historical
    session = new_game("great_turn", seed=1)
    directives = policy_directives(session, policy, path)
    versions = []
    for years in (2, 9):  # two real saves of different sizes
        while len(session.records) < years:
            play_policy_year(session, policy, directives)
        versions.append(saves.encode(saves.save_json(session)))
    sources = []
    for i, data in enumerate(versions):
        sources.append(tmp_path / f"version{i}.json")
        sources[-1].write_bytes(data)
    folder = tmp_path / "saves"
    target = folder / "game.json"
    atomic.atomic_write(target, versions[0])
    rng = random.Random(7)
    kills, seen = 0, set()
    for _ in range(30):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(REPO), str(target), *map(str, sources)],
                                  stdout=subprocess.PIPE)
        assert writer.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.1))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        kills += writer.returncode == -signal.SIGKILL
        on_disk = target.read_bytes()
        assert on_disk in versions, f"partial save after a kill: {len(on_disk)} bytes"
        seen.add(versions.index(on_disk))
        backup = atomic.backup_path(target)
        assert not backup.exists() or backup.read_bytes() in versions
        saves.read_save(target)
    assert kills == 30 and seen == {0, 1}  # every kill was a real kill, and the writer was writing
    saves.load(target)
    # Kills can strand temporary files; they are never listed as saves and are swept later.
    assert all(atomic.is_temporary(p) for p in folder.iterdir() if p.name not in ("game.json", "game.json.bak"))
    json.loads(target.read_bytes())
