"""Bytecode for the browser edition, compiled at build time by the browser's own Python.

Pyodide's python_stdlib.zip carries the standard library as source only, and the wheels and
game.zip carry source only, so every page load compiled several hundred modules to bytecode in
WebAssembly before the title could show (zipimport cannot write a cache, and the browser's file
system is new at every load). The build (game/web/site.py) runs this module inside the pinned
Pyodide under Node (precompile.mjs): the same interpreter as the browser's, so the bytecode's
magic number is the one the browser accepts. It boots the game as the worker does, notes which
modules the boot imported, and writes

- the standard library's zip again, each module the boot imports with its bytecode beside its
  source (`json/decoder.pyc` by `json/decoder.py`, where zipimport looks for it); the other
  modules stay source only, which keeps the site within its size budget;
- bytecode.zip, unpacked at / after the wheels and game.zip: the `__pycache__` files Python would
  write itself, for the modules the boot imports from site-packages and for every module of the
  game, PyYAML and the scenarios' code.

The standard library's bytecode need not be checked against its source (both are in the one
zip); the rest is "checked-hash" bytecode, which Python uses only while the source's hash still
matches, so a browser that kept an older bytecode.zip in its cache runs the new source, never
old bytecode.

Runs under Python 3.11 too (the tests check the layout natively; the bytes are only loadable by
the Python that wrote them).
"""

from __future__ import annotations

import importlib.util
import os
import posixpath
import sys
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

DATE = (2000, 1, 1, 0, 0, 0)
"""Every entry's date, so that one build's archives are byte for byte the next one's."""


def bytecode(source: bytes, filename: str, checked: bool) -> bytes | None:
    """The .pyc of `source` (hash-based, so no file's date matters), or None if it does not
    compile (a test file of bad syntax in the standard library, say)."""
    try:
        code = compile(source, filename, "exec", dont_inherit=True)
    except SyntaxError:
        return None
    return _code_to_hash_pyc(code, importlib.util.source_hash(source), checked)


def cache_name(path: str) -> str:
    """Where Python looks for the bytecode of the source file `path` (its __pycache__)."""
    folder, name = posixpath.split(path)
    return posixpath.join(folder, "__pycache__", f"{name[:-3]}.{sys.implementation.cache_tag}.pyc")


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def stdlib_zip(source: str, target: str, mounted_at: str, imported: set[str]) -> int:
    """Write the standard library's zip `source` again as `target`, with the bytecode of each
    module whose path inside the zip is in `imported`; `mounted_at` is where the runtime mounts
    the zip (the modules' file names in tracebacks). Returns the number of modules compiled."""
    compiled = 0
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(info, data)
            if info.filename in imported:
                pyc = bytecode(data, posixpath.join(mounted_at, info.filename), checked=False)
                if pyc is not None:
                    new.writestr(_entry(info.filename + "c"), pyc)
                    compiled += 1
    return compiled


def bytecode_zip(target: str, files: list[str]) -> int:
    """Write `target`: the __pycache__ bytecode of each source file named in `files` (absolute
    paths), under the same path without its leading "/" (the archive is unpacked at /)."""
    compiled = 0
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(set(files)):
            if not os.path.isfile(path):
                continue
            with open(path, "rb") as file:
                pyc = bytecode(file.read(), path, checked=True)
            if pyc is not None:
                archive.writestr(_entry(cache_name(path).lstrip("/")), pyc)
                compiled += 1
    return compiled


def imported_sources() -> list[str]:
    """The source files of the modules imported so far (not the built-in or frozen ones)."""
    files = []
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            files.append(path)
    return files


def package_sources(folder: str) -> list[str]:
    """Every .py file under `folder` (the game's own code: all of it is compiled, imported by the
    boot or later)."""
    return [os.path.join(root, name) for root, _dirs, names in os.walk(folder)
            for name in names if name.endswith(".py")]


def build(stdlib: tuple[str, str, str], site_packages: str, app: str, target: str) -> dict:
    """After the worker's boot: the standard library's zip (`stdlib`: its path, the path to write
    it to, where the runtime mounts it) with the boot's bytecode, and bytecode.zip (`target`) for
    the modules the boot imported from `site_packages` and all of the game's folder `app`. How
    many modules were compiled, of each."""
    source, rewritten, mounted_at = stdlib
    imported = imported_sources()
    zip_prefix = mounted_at.rstrip("/") + "/"
    in_stdlib = {path.removeprefix(zip_prefix) for path in imported if path.startswith(zip_prefix)}
    packages = [path for path in imported if path.startswith(site_packages.rstrip("/") + "/")]
    return {"stdlib": stdlib_zip(source, rewritten, mounted_at, in_stdlib),
            "packages_and_game": bytecode_zip(target, packages + package_sources(app))}
