"""Atomic file writes: a crash, a kill or a full disk never leaves a half-written file.

The recipe (shared/engineering-notes.md, "Saves and settings"): write a temporary file in the
same folder, flush and fsync it, `os.replace` it over the target, then fsync the folder so the
rename itself is on disk (POSIX). On Windows `os.replace` can fail for a moment with
PermissionError while an antivirus scanner or a sync client holds the file, so it is retried
with a short back-off. The temporary file is deleted on any error. The previous file is kept
beside the new one as `<name>.bak`, written the same atomic way.

At every instant the target is either the complete old file or the complete new one. A kill can
leave a stray temporary file (`.<name>.<random>.tmp`); `sweep_temporary_files` removes old ones.

Imports only the standard library, so a subprocess can load it quickly (the fault-injection test).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path

TEMP_SUFFIX = ".tmp"
BACKUP_SUFFIX = ".bak"
REPLACE_ATTEMPTS = 6            # 1 try + 5 retries
REPLACE_BACKOFF_S = 0.05        # doubled after each PermissionError: 0.05 + 0.1 + ... ≈ 1.5 s in all


def backup_path(path: str | Path) -> Path:
    path = Path(path)
    return path.with_name(path.name + BACKUP_SUFFIX)


def atomic_write(path: str | Path, data: bytes, *, keep_backup: bool = True) -> Path:
    """Write `data` to `path` atomically; the file it replaces becomes `<path>.bak`.

    Creates the folder if needed. Raises OSError (disk full, read-only folder, a file held open
    too long on Windows) with the target untouched.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if keep_backup and path.is_file():
        _write_replace(backup_path(path), path.read_bytes())
    _write_replace(path, data)
    return path


def _write_replace(target: Path, data: bytes) -> None:
    folder = target.parent
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            fd = -1  # the file object owns it now
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            # mkstemp makes the file private (0600); an overwritten file keeps its permissions.
            if target.exists():
                os.chmod(tmp, target.stat().st_mode & 0o777)
        _replace(tmp, target)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(folder)


def _replace(source: str, target: Path) -> None:
    delay = REPLACE_BACKOFF_S
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == REPLACE_ATTEMPTS - 1:
                raise
            time.sleep(delay)
            delay *= 2


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no directory handles for this)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (and FAT on a USB stick) refuse: the data itself is synced
    finally:
        os.close(fd)


def is_temporary(path: Path) -> bool:
    return path.name.startswith(".") and path.name.endswith(TEMP_SUFFIX)


def sweep_temporary_files(folder: str | Path, older_than_s: float = 3600.0) -> list[Path]:
    """Delete temporary files left by a killed write, if older than `older_than_s` (a younger
    one may belong to a write in progress in another window)."""
    removed = []
    folder = Path(folder)
    if not folder.is_dir():
        return removed
    now = time.time()
    for path in folder.iterdir():
        if not is_temporary(path):
            continue
        with contextlib.suppress(OSError):
            if now - path.stat().st_mtime > older_than_s:
                path.unlink()
                removed.append(path)
    return removed
