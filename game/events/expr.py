"""The safe condition language of event triggers.

A condition is parsed with Python's `ast` and then *interpreted by this module*: nothing is ever
passed to eval, exec or compile. Only numbers, true/false, names, comparisons (chains too),
and/or/not, + - * /, unary minus, parentheses and min/max/abs are allowed; every other construct
(attributes, indexing, strings, other calls, **, comprehensions, lambdas) is refused when the
scenario loads, with a message that says what and where. Names are checked against the model's
variables, metrics and flags, with a "did you mean".
"""

from __future__ import annotations

import ast
import difflib
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass

MAX_LENGTH = 400
MAX_DEPTH = 40

Env = Mapping[str, float | bool]
Compiled = Callable[[Env], float | bool]


class ExprError(ValueError):
    """A condition that cannot be used; `column` is 1-based within the condition text."""

    def __init__(self, message: str, column: int = 1, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.column = column
        self.hint = hint


class MissingValue(Exception):
    """A name with no value yet (a metric before the first year ends): the condition is false."""


@dataclass(frozen=True)
class Condition:
    source: str
    names: frozenset[str]
    _run: Compiled

    @property
    def evaluate(self) -> Compiled:
        """The compiled condition itself: raises MissingValue where `holds` answers false."""
        return self._run

    def holds(self, env: Env) -> bool:
        """True or false; a name without a value makes it false. Arithmetic errors propagate."""
        try:
            return bool(self._run(env))
        except MissingValue:
            return False


COMPARE = {
    ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge,
    ast.Eq: operator.eq, ast.NotEq: operator.ne,
}
ARITHMETIC = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
FUNCTIONS = {"min": min, "max": max, "abs": abs}
REFUSED = {
    ast.Attribute: "attribute access ('.') is not allowed",
    ast.Subscript: "indexing ('[...]') is not allowed",
    ast.Lambda: "lambda is not allowed",
    ast.ListComp: "comprehensions are not allowed",
    ast.SetComp: "comprehensions are not allowed",
    ast.DictComp: "comprehensions are not allowed",
    ast.GeneratorExp: "comprehensions are not allowed",
    ast.List: "lists are not allowed",
    ast.Tuple: "tuples are not allowed",
    ast.Dict: "mappings are not allowed",
    ast.Set: "sets are not allowed",
    ast.IfExp: "'x if c else y' is not allowed; use and/or",
    ast.NamedExpr: "':=' is not allowed",
    ast.Starred: "'*' unpacking is not allowed",
    ast.JoinedStr: "text is not allowed",
    ast.Await: "await is not allowed",
    ast.Yield: "yield is not allowed",
}


def compile_condition(source: str, known: Callable[[str], bool], suggestions: list[str] | None = None) -> Condition:
    """Parse and check a condition once, at load; returns a fast evaluator."""
    if not isinstance(source, str) or not source.strip():
        raise ExprError("a condition must be non-empty text")
    if len(source) > MAX_LENGTH:
        raise ExprError(f"the condition is {len(source)} characters long; the limit is {MAX_LENGTH}")
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        raise ExprError(f"not a valid condition: {exc.msg}", exc.offset or 1) from None
    except (MemoryError, RecursionError, ValueError):
        raise ExprError("the condition is too deeply nested or malformed") from None
    names: set[str] = set()
    run = _compile(tree.body, known, suggestions or [], names, 0)
    return Condition(source, frozenset(names), run)


def conjunction(conditions: list[Condition], known: Callable[[str], bool]) -> Compiled:
    """Conditions that must all hold (a card's trigger and premise), as one evaluator: their
    comparisons of a name with a number are checked in one loop. Like each condition's own
    evaluator it raises MissingValue for a name without a value. The conditions were checked
    when compiled, so parsing them again cannot fail."""
    if len(conditions) == 1:
        return conditions[0].evaluate
    both = ast.BoolOp(op=ast.And(), values=[ast.parse(c.source.strip(), mode="eval").body for c in conditions])
    return _compile(both, known, [], set(), 0)


def _compile(node: ast.AST, known, suggestions: list[str], names: set[str], depth: int) -> Compiled:
    if depth > MAX_DEPTH:
        raise ExprError("the condition is nested too deeply", _col(node))
    deeper = depth + 1
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool) or (isinstance(value, int | float) and not isinstance(value, complex)):
            return _constant(value)
        what = "text in quotes" if isinstance(value, str) else f"the value {value!r}"
        raise ExprError(f"{what} is not allowed; conditions compare numbers", _col(node))
    if isinstance(node, ast.Name):
        return _name(node, known, suggestions, names)
    if isinstance(node, ast.BoolOp):
        if isinstance(node.op, ast.And):
            return _all_of([_compile(v, known, suggestions, names, deeper) for v in _conjuncts(node)])
        parts = [_compile(v, known, suggestions, names, deeper) for v in node.values]
        # Truthiness is all and/or need: Condition.holds makes the final answer a bool.
        if len(parts) == 2:
            first, second = parts
            return lambda env: first(env) or second(env)
        return _any_of(tuple(parts))
    if isinstance(node, ast.UnaryOp):
        operand = _compile(node.operand, known, suggestions, names, deeper)
        if isinstance(node.op, ast.Not):
            return lambda env: not operand(env)
        if isinstance(node.op, ast.USub):
            return lambda env: -operand(env)
        if isinstance(node.op, ast.UAdd):
            return operand
        raise ExprError("'~' is not allowed", _col(node))
    if isinstance(node, ast.BinOp):
        op = ARITHMETIC.get(type(node.op))
        if op is None:
            symbol = "**" if isinstance(node.op, ast.Pow) else type(node.op).__name__
            raise ExprError(f"'{symbol}' is not allowed; use + - * /", _col(node))
        left = _compile(node.left, known, suggestions, names, deeper)
        right = _compile(node.right, known, suggestions, names, deeper)
        return lambda env: op(left(env), right(env))
    if isinstance(node, ast.Compare):
        return _compare(node, known, suggestions, names, deeper)
    if isinstance(node, ast.Call):
        return _call(node, known, suggestions, names, deeper)
    message = REFUSED.get(type(node), f"'{type(node).__name__}' is not allowed in a condition")
    raise ExprError(message, _col(node))


def _name(node: ast.Name, known, suggestions: list[str], names: set[str]) -> Compiled:
    name = node.id
    if name in FUNCTIONS:
        raise ExprError(f"'{name}' is a function: call it, e.g. {name}(a, b)", _col(node))
    if not known(name):
        close = difflib.get_close_matches(name, suggestions, n=1, cutoff=0.6)
        raise ExprError(f"unknown name '{name}'", _col(node), f"did you mean '{close[0]}'?" if close else "")
    names.add(name)

    def lookup(env: Env, name=name):
        try:
            return env[name]
        except KeyError:
            raise MissingValue(name) from None

    lookup.name = name   # for the comparison's fast path
    return lookup


def _conjuncts(node: ast.BoolOp) -> list[ast.AST]:
    """The terms of a and b and (c and d): a, b, c, d."""
    terms: list[ast.AST] = []
    for value in node.values:
        terms.extend(_conjuncts(value) if isinstance(value, ast.BoolOp) and isinstance(value.op, ast.And) else [value])
    return terms


def _all_of(parts: list[Compiled]) -> Compiled:
    """All the parts hold. The comparisons of a name with a number (most of a deck's conditions)
    are checked first, in one loop without a call each; the order does not change the answer,
    since a condition has no side effects."""
    atoms = tuple(part.atom for part in parts if hasattr(part, "atom"))
    others = tuple(part for part in parts if not hasattr(part, "atom"))
    if not atoms and len(others) == 2:
        first, second = others
        return lambda env: first(env) and second(env)

    def all_of(env: Env) -> bool:
        for name, op, value in atoms:
            try:
                found = env[name]
            except KeyError:
                raise MissingValue(name) from None
            if not op(found, value):
                return False
        for part in others:
            if not part(env):
                return False
        return True

    return all_of


def _any_of(parts: tuple[Compiled, ...]) -> Compiled:
    def any_of(env: Env) -> bool:
        for part in parts:
            if part(env):
                return True
        return False

    return any_of


def _constant(value) -> Compiled:
    def constant(env: Env, value=value):
        return value

    constant.value = value
    return constant


def _compare(node: ast.Compare, known, suggestions, names, depth) -> Compiled:
    for op in node.ops:
        if type(op) not in COMPARE:
            raise ExprError(f"'{type(op).__name__}' comparisons are not allowed; use < <= > >= == !=", _col(node))
    terms = [_compile(node.left, known, suggestions, names, depth)]
    terms += [_compile(c, known, suggestions, names, depth) for c in node.comparators]
    ops = [COMPARE[type(op)] for op in node.ops]
    if len(ops) == 1:   # the common case, "name < 0.3": read the name, compare with the number
        return _compare_two(terms[0], ops[0], terms[1])

    def compare(env: Env) -> bool:
        left = terms[0](env)
        for op, term in zip(ops, terms[1:], strict=True):
            right = term(env)
            if not op(left, right):
                return False
            left = right
        return True

    return compare


def _compare_two(left: Compiled, op, right: Compiled) -> Compiled:
    name, value = getattr(left, "name", None), getattr(right, "value", None)
    if name is not None and hasattr(right, "value"):
        def name_against_number(env: Env) -> bool:
            try:
                return op(env[name], value)
            except KeyError:
                raise MissingValue(name) from None

        name_against_number.atom = (name, op, value)  # for a conjunction's loop
        return name_against_number
    return lambda env: op(left(env), right(env))


def _call(node: ast.Call, known, suggestions, names, depth) -> Compiled:
    if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
        raise ExprError("only min(), max() and abs() can be called", _col(node))
    if node.keywords:
        raise ExprError(f"{node.func.id}() takes no named arguments", _col(node))
    name = node.func.id
    count = len(node.args)
    if (name == "abs" and count != 1) or (name != "abs" and count < 2):
        raise ExprError(f"{name}() takes {'one argument' if name == 'abs' else 'two or more arguments'}", _col(node))
    args = [_compile(a, known, suggestions, names, depth) for a in node.args]
    function = FUNCTIONS[name]
    return lambda env: function(*(a(env) for a in args))


def _col(node: ast.AST) -> int:
    return getattr(node, "col_offset", 0) + 1
