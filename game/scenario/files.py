"""Reading a file named by untrusted content (a mod's folder, an include, a results file) safely.

A name that ends in .yaml can be anything on disk: a FIFO that blocks a reader forever, a symlink
to /dev/zero that never ends, a symlink out of the folder, a symlink to itself, a folder. Only a
regular file whose resolved path stays inside the given folder is opened, its size is checked
before a byte is read, and at most the limit is read even if the file grows meanwhile.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

# O_NONBLOCK: should a FIFO appear between the check and the open, opening it must not wait for
# a writer. Windows has neither flag nor FIFOs.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


class Unreadable(Exception):
    """Why a file was not read: a problem code (docs/MODDING.md) and a message for the user."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def resolved(path: Path) -> Path | None:
    """The path with every symlink followed, or None for a NUL byte, a loop or an unusable name."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):  # RuntimeError: a symlink loop (Python < 3.13)
        return None


def inside(path: Path, folder: Path) -> bool:
    """True when the path, symlinks followed, lies inside the folder (also resolved)."""
    target, root = resolved(path), resolved(folder)
    return target is not None and root is not None and target.is_relative_to(root)


def checked(path: Path, limit: int, folder: Path | None = None) -> Path:
    """The resolved path of a regular file of at most `limit` bytes, inside `folder` when given.

    Raises Unreadable (never OSError, ValueError or RuntimeError) with codes E001 too large,
    E006 not found or not readable, E008 not a regular file, E009 an unusable path, E020 outside
    the folder.
    """
    target = _target(path)
    if folder is not None:
        root = resolved(folder)
        if root is None or not target.is_relative_to(root):
            raise Unreadable("E020", f"it leads outside the folder {folder.name or folder}/ (by a symlink or '..')")
    info = _stat(target)
    _check_regular(info)
    if info.st_size > limit:
        raise Unreadable("E001", f"the file is {info.st_size:,} bytes; the limit is {limit:,}")
    return target


def read_limited(path: Path, limit: int, folder: Path | None = None) -> bytes:
    """The bytes of the file `checked` accepts; at most `limit` bytes are ever read."""
    target = checked(path, limit, folder)
    try:
        descriptor = os.open(target, _OPEN_FLAGS)
    except OSError as exc:
        raise Unreadable("E006", f"cannot read the file ({exc.strerror or exc})") from None
    with os.fdopen(descriptor, "rb") as stream:
        _check_regular(os.fstat(stream.fileno()))  # the file was swapped between the check and the open
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise Unreadable("E001", f"the file grew past the limit of {limit:,} bytes while it was read")
    return data


def _target(path: Path) -> Path:
    if "\x00" in str(path):
        raise Unreadable("E009", "the file name holds a NUL byte")
    try:
        return path.resolve(strict=True)
    except FileNotFoundError:
        raise Unreadable("E006", "file not found") from None
    except RuntimeError:  # Python < 3.13 reports a symlink loop this way
        raise Unreadable("E009", "the name is a symlink loop") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Unreadable("E009", "the name is a symlink loop") from None
        raise Unreadable("E009" if exc.errno == errno.ENAMETOOLONG else "E006",
                         f"cannot read the file ({exc.strerror or exc})") from None
    except ValueError:
        raise Unreadable("E009", "the file name cannot be used") from None


def _stat(target: Path) -> os.stat_result:
    try:
        return os.stat(target)
    except OSError as exc:
        raise Unreadable("E006", f"cannot read the file ({exc.strerror or exc})") from None


def _check_regular(info: os.stat_result) -> None:
    if stat.S_ISREG(info.st_mode):
        return
    if stat.S_ISDIR(info.st_mode):
        raise Unreadable("E008", "it is a folder, not a file")
    kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(info.st_mode) else
            "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else
            "a socket" if stat.S_ISSOCK(info.st_mode) else "not a regular file")
    raise Unreadable("E008", f"it is {kind}, not a regular file")
