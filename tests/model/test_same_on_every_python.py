"""The same scenario, seed and commands give the same game to the last digit on every Python the
game supports (3.11 and later). Python 3.12 made the built-in sum() of floats compensated, so a
game that summed floats with sum() came out differently on 3.11 and on 3.12 (115 of 938 values
differed in their last digit). What the model and the window's share sliders compute is summed
with math.fsum, which is exactly rounded on every version; this test finds a sum() that creeps
back in. (The C library's transcendental functions: tests/model/test_portable_math.py.)"""

from __future__ import annotations

import ast
from pathlib import Path

import game

GAME = Path(game.__file__).parent
# Where the game's figures are worked out: the model, and the sliders that make the directives.
COMPUTING = sorted(GAME.joinpath("model").glob("*.py")) + [GAME / "present" / "shares.py"]


def builtin_sums(path: Path) -> list[str]:
    """Every call of the built-in sum() in the file, as "file:line: the call", except counts
    (sum(1 for ...), sum(len(x) for ...)), which add integers and are exact everywhere."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "sum" \
                and not _counts(node):
            found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
    return found


def _counts(call: ast.Call) -> bool:
    term = call.args[0].elt if call.args and isinstance(call.args[0], ast.GeneratorExp) else None
    return (isinstance(term, ast.Constant) and isinstance(term.value, int)) or (
        isinstance(term, ast.Call) and isinstance(term.func, ast.Name) and term.func.id == "len")


def test_the_model_sums_floats_the_same_way_on_every_python():
    found = [call for path in COMPUTING for call in builtin_sums(path)]
    assert found == [], "use math.fsum (the same on every Python) instead of sum():\n" + "\n".join(found)


def test_the_check_finds_a_sum_of_floats(tmp_path):
    planted = tmp_path / "planted.py"
    planted.write_text("def total(values):\n    return sum(v * 0.1 for v in values) + sum(1 for v in values)\n",
                       encoding="utf-8")
    assert builtin_sums(planted) == ["planted.py:2: sum((v * 0.1 for v in values))"]

