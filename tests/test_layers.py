"""The packages of game/ form layers that only point down (DESIGN.md section 8):

    errors, resources <- model <- events <- session, scenario <- persist, headless, debrief
    <- present <- ui, web <- cli

An import from a higher layer into a lower one is a violation, and packages of the same layer may
import one another only one way (no cycles). The check reads every import of every module,
absolute and relative (`from ..ui import draw` counts), inside functions too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GAME = Path(__file__).resolve().parents[1] / "game"

LAYERS: dict[str, int] = {
    "errors": 0, "resources": 0, "__init__": 0,
    "model": 1,
    "events": 2,
    "session": 3, "scenario": 3,
    "persist": 4, "headless": 4, "debrief": 4,
    "present": 5,
    "ui": 6, "web": 6,
    "cli": 7, "__main__": 7,
}


def imported_modules(path: Path, root: Path) -> list[tuple[str, int]]:
    """(absolute module name, line) of every import in the file, relative ones resolved."""
    relative = path.relative_to(root.parent).with_suffix("")
    package = list(relative.parts[:-1])
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if node.module:
                found.append((module, node.lineno))
            else:  # `from .. import ui` imports the package ui
                found += [(f"{module}.{alias.name}", node.lineno) for alias in node.names]
    return found


def top_package(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "game":
        return None
    return parts[1] if len(parts) > 1 else "__init__"


def _is_module(root: Path, name: str) -> bool:
    return (root / name).is_dir() or (root / f"{name}.py").is_file()


def layer_violations(root: Path) -> list[str]:
    """Every import that runs up the layers or closes a cycle between packages of one layer."""
    problems = []
    same_layer: dict[tuple[str, str], str] = {}
    for path in sorted(root.rglob("*.py")):
        source = path.relative_to(root).parts[0].removesuffix(".py")
        if source not in LAYERS:
            problems.append(f"{path.relative_to(root)}: package {source!r} has no layer (add it to LAYERS)")
            continue
        for module, line in imported_modules(path, root):
            target = top_package(module)
            if target is not None and not _is_module(root, target):
                target = "__init__"  # `from .. import __version__`: a name in game/__init__.py
            if target is None or target == source or target == "__init__":
                continue
            where = f"{path.relative_to(root.parent)}:{line}"
            if target not in LAYERS:
                problems.append(f"{where}: imports game.{target}, which has no layer")
            elif LAYERS[target] > LAYERS[source]:
                problems.append(f"{where}: {source} (layer {LAYERS[source]}) imports {module} "
                                f"(layer {LAYERS[target]}): up the layers")
            elif LAYERS[target] == LAYERS[source]:
                same_layer.setdefault((source, target), where)
    for (a, b), where in sorted(same_layer.items()):
        if (b, a) in same_layer and a < b:
            problems.append(f"{where} and {same_layer[(b, a)]}: {a} and {b} import each other")
    return problems


def test_the_game_keeps_its_layers():
    assert layer_violations(GAME) == []


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "game"
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(("files", "expected"), [
    ({"model/weather.py": "from ..ui import draw\n", "ui/draw.py": ""}, "model (layer 1) imports game.ui"),
    ({"model/weather.py": "from .. import ui\n", "ui/__init__.py": ""}, "model (layer 1) imports game.ui"),
    ({"model/weather.py": "def f():\n    import game.headless.bench\n", "headless/bench.py": ""},
     "imports game.headless.bench"),
    ({"debrief/a.py": "from ..headless import x\n", "headless/b.py": "from ..debrief import y\n"},
     "debrief and headless import each other"),
    ({"gadgets/a.py": "x = 1\n"}, "package 'gadgets' has no layer"),
])
def test_a_planted_violation_is_found(tmp_path, files, expected):
    problems = layer_violations(_tree(tmp_path, files))
    assert any(expected in p for p in problems), problems


def test_imports_that_point_down_pass(tmp_path):
    root = _tree(tmp_path, {"ui/a.py": "from ..model import x\nfrom ..session import y\n",
                            "model/b.py": "from .c import z\nfrom ..errors import E\n", "model/c.py": ""})
    assert layer_violations(root) == []


def test_the_model_imports_no_display_library():
    for path in (GAME / "model").rglob("*.py"):
        for module, line in imported_modules(path, GAME):
            assert module.split(".")[0] not in ("pygame", "pygame_gui"), f"{path}:{line} imports {module}"
