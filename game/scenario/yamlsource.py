"""Reading untrusted YAML safely, with the line and column of every key and value.

The file is composed into nodes first (yaml.SafeLoader, never a full loader), so that before
anything is constructed we can refuse alias bombs, over-deep nesting and duplicate keys, and
record where each value stands for error messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 50
MAX_EXPANDED_NODES = 200_000
MAX_ALIASES = 1_000
# libyaml's parser, where PyYAML was built with it, is several times faster; both are safe loaders.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple  # a location inside a document: keys and list indices


@dataclass
class Source:
    """One parsed file: its data and where each part of it stands."""

    file: str
    data: object = None
    key_at: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    value_at: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)

    def locate(self, path: Path_, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value (or key) at path, or of its nearest parent."""
        table = self.key_at if key else self.value_at
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.key_at:
                return self.key_at[probe]
            probe = probe[:-1]
        return self.value_at.get((), (1, 1))

    def problem(self, path: Path_, code: str, message: str, hint: str = "", key: bool = False) -> Problem:
        line, col = self.locate(path, key=key)
        return Problem(self.file, line, col, code, message, hint)


def read_source(path: Path, shown_as: str | None = None) -> Source:
    """Read and parse one YAML file; every problem is recorded, none is raised."""
    source = Source(shown_as or str(path))
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        source.problems.append(Problem(source.file, 0, 0, "E006", "file not found"))
        return source
    except OSError as exc:
        source.problems.append(Problem(source.file, 0, 0, "E006", f"cannot read the file ({exc.strerror})"))
        return source
    if size > MAX_FILE_BYTES:
        source.problems.append(Problem(source.file, 0, 0, "E001",
                                       f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}"))
        return source
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        source.problems.append(Problem(source.file, line, col, "E002", f"byte 0x{raw[exc.start]:02x} is not UTF-8"))
        return source
    parse_text(text, source)
    return source


def parse_text(text: str, source: Source) -> None:
    try:
        loader = SAFE_LOADER(text)
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        source.problems.append(Problem(source.file, line, col, "E003",
                                       f"YAML syntax error: character #x{exc.character:04x} is not allowed in YAML"))
        return
    try:
        node = loader.get_single_node()
        if node is None:
            source.data = None
            return
        if not _inspect(node, (), source):
            return
        source.data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        if isinstance(exc, yaml.constructor.ConstructorError):
            source.problems.append(Problem(source.file, line, col, "E003", f"YAML tag not allowed: {exc.problem}",
                                           "Content is plain data: remove the !!tag (tags that build objects are never run)."))
            return
        problem = f"YAML syntax error: {exc.problem or 'invalid YAML'}"
        if exc.context:
            problem = f"{problem} ({exc.context})"
        source.problems.append(Problem(source.file, line, col, "E003", problem))
    except yaml.YAMLError as exc:
        source.problems.append(Problem(source.file, 0, 0, "E003", str(exc).splitlines()[0]))
    except RecursionError:
        source.problems.append(Problem(source.file, 0, 0, "E005", f"nesting deeper than {MAX_DEPTH} levels"))
    finally:
        loader.dispose()


def _inspect(root: yaml.Node, path: Path_, source: Source) -> bool:
    """Walk the node graph once (aliases expanded) with bounded work.

    Records locations, reports duplicate keys, and refuses alias bombs and deep nesting before any
    Python object is built. Returns False when the file must not be constructed.
    """
    budget = [MAX_EXPANDED_NODES]
    seen: set[int] = set()
    aliases = [0]
    ok = [True]

    def visit(node: yaml.Node, path: Path_, depth: int) -> None:
        if not ok[0]:
            return
        if depth > MAX_DEPTH:
            source.problems.append(_at(source, node, "E005", f"nested deeper than {MAX_DEPTH} levels"))
            ok[0] = False
            return
        if id(node) in seen:
            aliases[0] += 1
            if aliases[0] > MAX_ALIASES:
                source.problems.append(_at(source, node, "E004", f"more than {MAX_ALIASES} alias references"))
                ok[0] = False
                return
        seen.add(id(node))
        budget[0] -= 1
        if budget[0] < 0:
            source.problems.append(_at(source, node, "E004",
                                       f"the file expands to more than {MAX_EXPANDED_NODES:,} values"))
            ok[0] = False
            return
        source.value_at.setdefault(path, _mark(node))
        if isinstance(node, yaml.MappingNode):
            keys: dict[object, yaml.Node] = {}
            for key_node, value_node in node.value:
                key = _scalar_key(key_node)
                if key == "<<":
                    visit(value_node, path, depth + 1)
                    continue
                if key in keys:
                    first = _mark(keys[key])
                    source.problems.append(_at(source, key_node, "E010",
                                               f"duplicate key '{key}' (first at line {first[0]})"))
                else:
                    keys[key] = key_node
                child = (*path, key)
                source.key_at.setdefault(child, _mark(key_node))
                visit(value_node, child, depth + 1)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                visit(item, (*path, index), depth + 1)

    visit(root, path, 0)
    return ok[0]


def _scalar_key(node: yaml.Node) -> object:
    """The key as the constructor will see it (ints stay ints: years are keys)."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:int":
            try:
                return int(node.value.replace("_", ""))
            except ValueError:
                return node.value
        return node.value
    return repr(node)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _at(source: Source, node: yaml.Node, code: str, message: str) -> Problem:
    line, col = _mark(node)
    return Problem(source.file, line, col, code, message)
