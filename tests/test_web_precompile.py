"""The browser edition's build-time bytecode (game/web/precompile.py), checked here with this
Python: where each file goes, which modules are compiled, and that Python takes checked-hash
bytecode only while its source is unchanged. (tests/web/test_load.py checks the real thing: the
site's own runtime under Node.)"""

from __future__ import annotations

import importlib.util
import sys
import zipfile

from game.web import precompile


def _flags(pyc: bytes) -> int:
    return int.from_bytes(pyc[4:8], "little")  # PEP 552: bit 0 hash-based, bit 1 check the source


def test_the_standard_librarys_zip_gets_bytecode_beside_the_modules_the_boot_imported(tmp_path):
    source, target = tmp_path / "stdlib.zip", tmp_path / "new.zip"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("json/__init__.py", "X = 1\n")
        archive.writestr("json/decoder.py", "Y = 2\n")
        archive.writestr("broken_test.py", "def (:\n")
    compiled = precompile.stdlib_zip(str(source), str(target), "/lib/python3XX.zip",
                                     {"json/__init__.py", "broken_test.py"})
    with zipfile.ZipFile(target) as archive:
        names = set(archive.namelist())
        pyc = archive.read("json/__init__.pyc")
    assert compiled == 1  # the file of bad syntax stays source only
    assert names == {"json/__init__.py", "json/decoder.py", "broken_test.py", "json/__init__.pyc"}
    assert pyc[:4] == importlib.util.MAGIC_NUMBER and _flags(pyc) == 0b01  # never checked: one zip


def test_the_other_bytecode_is_in_pycache_folders_and_checked_against_its_source(tmp_path):
    module = tmp_path / "app" / "game" / "rules.py"
    module.parent.mkdir(parents=True)
    module.write_text("RULE = 'old'\n")
    target = tmp_path / "bytecode.zip"
    assert precompile.bytecode_zip(str(target), [str(module), str(tmp_path / "gone.py")]) == 1
    expected = f"{str(module.parent).lstrip('/')}/__pycache__/rules.{sys.implementation.cache_tag}.pyc"
    with zipfile.ZipFile(target) as archive:
        assert archive.namelist() == [expected]
        pyc = archive.read(expected)
    assert _flags(pyc) == 0b11

    # Unpacked at / (here: the bytecode of a module whose source has changed since the build),
    # Python runs the new source, not the build's bytecode.
    cached = tmp_path / "root" / expected
    cached.parent.mkdir(parents=True)
    cached.write_bytes(pyc)
    changed = tmp_path / "root" / str(module).lstrip("/")
    changed.write_text("RULE = 'new'\n")
    spec = importlib.util.spec_from_file_location("rules", changed)
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    assert loaded.RULE == "new"


def test_a_build_writes_the_same_bytes_again(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("def f():\n    return 1\n")
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    precompile.bytecode_zip(str(first), [str(module)])
    precompile.bytecode_zip(str(second), [str(module)])
    assert first.read_bytes() == second.read_bytes()  # no date of the build in it
