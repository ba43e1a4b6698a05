"""Reading untrusted YAML safely, with the line and column of every key and value.

The file is composed into nodes first (yaml.SafeLoader, never a full loader), so that before
anything is constructed we can refuse alias bombs, over-deep nesting and duplicate keys, and
record where each value stands for error messages.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .files import Unreadable, read_limited
from .problems import Problem, capped

# Limits, each far above what the bundled content needs (its largest file holds 1,742 values, its
# longest mapping 53 keys, its longest list 16 items) and low enough that content at the limits
# still validates and plays in a second or two: tools/content_limits.py measures it,
# tests/fuzz/test_limits.py checks the outcomes, docs/MODDING.md lists them.
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 50
MAX_EXPANDED_NODES = 20_000      # values in one file, aliases expanded
MAX_KEYS = 2_000                 # keys in one mapping
MAX_ITEMS = 2_000                # items in one list
MAX_ALIASES = 1_000
MAX_TOTAL_VALUES = 40_000        # values in a scenario with its includes, or in the mods loaded together
MAX_FILES = 100                  # files read for a scenario (an include counts each time) or a mod
# libyaml's parser, where PyYAML was built with it, is several times faster; both are safe loaders.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MERGE_TAG = "tag:yaml.org,2002:merge"
# Composing builds every node before any can be counted (5 us a node: a 2 MB list of a million
# items takes 5 s). A larger file's parser events are counted first, which is three times
# faster and stops at the limit; the bundled files are all far below this size.
PRESCAN_CHARS = 128 * 1024
NODE_EVENTS = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.AliasEvent)

Path_ = tuple  # a location inside a document: keys and list indices


@dataclass
class Source:
    """One parsed file: its data and where each part of it stands."""

    file: str
    data: object = None
    key_at: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    value_at: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    values: int = 0  # values read (aliases expanded): mods and scenarios limit their total

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


def read_source(path: Path, shown_as: str | None = None, folder: Path | None = None) -> Source:
    """Read and parse one YAML file; every problem is recorded, none is raised.

    Only a regular file is read (not a FIFO, a device or a folder), inside `folder` when given
    (symlinks followed), and only after its size is checked."""
    source = Source(shown_as or str(path))
    try:
        raw = read_limited(path, MAX_FILE_BYTES, folder)
    except Unreadable as exc:
        source.problems.append(Problem(source.file, 0, 0, exc.code, exc.message))
        return source
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        source.problems.append(Problem(source.file, line, col, "E002", f"byte 0x{raw[exc.start]:02x} is not UTF-8"))
        return source
    key = (source.file, hashlib.sha256(raw).digest())
    parsed = _PARSED.get(key)
    if parsed is None:
        parse_text(text, source)
        source.problems = capped(source.problems)
        if len(_PARSED) >= PARSED_KEPT:
            _PARSED.pop(next(iter(_PARSED)))
        _PARSED[key] = source
        parsed = source
    return _copy(parsed)


PARSED_KEPT = 256
_PARSED: dict[tuple[str, bytes], Source] = {}
"""Files parsed already in this process, by name and content: a scenario, its policies and its
mods read the same common files again, and PyYAML's pure-Python parse is the slow part. Same name
and bytes give the same Source; each caller gets its own copy to change."""


def forget_parsed() -> None:
    """Empty the cache of parsed files (a benchmark measures the cold read a user's command makes)."""
    _PARSED.clear()


def _copy(source: Source) -> Source:
    return Source(source.file, copy.deepcopy(source.data), dict(source.key_at), dict(source.value_at),
                  list(source.problems), source.values)


def parse_text(text: str, source: Source) -> None:
    try:
        loader = SAFE_LOADER(text)
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        source.problems.append(Problem(source.file, line, col, "E003",
                                       f"YAML syntax error: character #x{exc.character:04x} is not allowed in YAML"))
        return
    if len(text) > PRESCAN_CHARS and _too_many_nodes(text, source):
        loader.dispose()
        return
    try:
        node = loader.get_single_node()
        if node is None:
            source.data = None
            return
        if not _inspect(node, loader, source):
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


def _too_many_nodes(text: str, source: Source) -> bool:
    """True (with the problem recorded) when the file's parser events show more nodes than the
    file may hold values. A key comes with a value, so more than twice the limit in nodes is
    more than the limit in values, aliases not even expanded."""
    loader = SAFE_LOADER(text)
    count = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, NODE_EVENTS):
                count += 1
                if count > 2 * MAX_EXPANDED_NODES:
                    mark = event.start_mark
                    source.problems.append(Problem(source.file, mark.line + 1, mark.column + 1, "E004",
                                                   f"the file holds more than {MAX_EXPANDED_NODES:,} values"))
                    return True
    except yaml.YAMLError:
        return False  # the parse proper reports it, with its place
    finally:
        loader.dispose()
    return False


def _inspect(root: yaml.Node, loader, source: Source) -> bool:
    """Walk the node graph once (aliases expanded) with bounded work.

    Records locations, reports duplicate keys, and refuses alias bombs, deep nesting and
    oversized mappings, lists or files before any Python object is built (keys excepted: they
    are built here, to compare them as the constructor will). Returns False when the file must
    not be constructed.
    """
    budget = [MAX_EXPANDED_NODES]
    seen: set[int] = set()
    aliases = [0]
    ok = [True]

    def refuse(node: yaml.Node, code: str, message: str) -> None:
        source.problems.append(_at(source, node, code, message))
        ok[0] = False

    def visit(node: yaml.Node, path: Path_, depth: int) -> None:
        if not ok[0]:
            return
        if depth > MAX_DEPTH:
            return refuse(node, "E005", f"nested deeper than {MAX_DEPTH} levels")
        if id(node) in seen:
            aliases[0] += 1
            if aliases[0] > MAX_ALIASES:
                return refuse(node, "E004", f"more than {MAX_ALIASES} alias references")
        seen.add(id(node))
        budget[0] -= 1
        if budget[0] < 0:
            return refuse(node, "E004", f"the file holds more than {MAX_EXPANDED_NODES:,} values (aliases expanded)")
        source.value_at.setdefault(path, _mark(node))
        if isinstance(node, yaml.MappingNode):
            if len(node.value) > MAX_KEYS:
                return refuse(node, "E004", f"a mapping of {len(node.value):,} keys; the limit is {MAX_KEYS:,}")
            visit_mapping(node, path, depth)
        elif isinstance(node, yaml.SequenceNode):
            if len(node.value) > MAX_ITEMS:
                return refuse(node, "E004", f"a list of {len(node.value):,} items; the limit is {MAX_ITEMS:,}")
            for index, item in enumerate(node.value):
                visit(item, (*path, index), depth + 1)

    def visit_mapping(node: yaml.MappingNode, path: Path_, depth: int) -> None:
        keys: dict[object, tuple[object, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if key_node.tag == MERGE_TAG:
                visit(value_node, path, depth + 1)
                continue
            key = _constructed_key(key_node, loader)
            if key in keys:
                source.problems.append(_duplicate(source, key_node, key, *keys[key]))
            else:
                keys[key] = (key, key_node)
            child = (*path, key)
            source.key_at.setdefault(child, _mark(key_node))
            visit(value_node, child, depth + 1)

    visit(root, (), 0)
    source.values = MAX_EXPANDED_NODES - budget[0]
    return ok[0]


def _constructed_key(node: yaml.Node, loader) -> object:
    """The key as the constructor builds it, so that spellings YAML 1.1 reads as one value are
    one key: 1930, 0x78a, 03612 and 32:10 are all 1930; yes and true are both True."""
    if isinstance(node, yaml.ScalarNode):
        key = loader.construct_object(node)
        try:
            hash(key)
        except TypeError:  # the constructor reports an unhashable key itself
            return ("unhashable", id(node))
        return key
    return ("not a scalar", id(node))  # a mapping or list as a key: the constructor refuses it


def _duplicate(source: Source, again: yaml.Node, key: object, first_key: object, first: yaml.Node) -> Problem:
    line = _mark(first)[0]
    text, earlier = again.value, first.value
    if text == earlier:
        return _at(source, again, "E010", f"duplicate key '{text}' (first at line {line})")
    read = (f"YAML reads both as {key!r}" if type(key) is type(first_key) else
            f"YAML reads them as {first_key!r} and {key!r}, which are one key")
    return _at(source, again, "E010", f"duplicate key '{text}' (first at line {line}, written '{earlier}': {read})")


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _at(source: Source, node: yaml.Node, code: str, message: str) -> Problem:
    line, col = _mark(node)
    return Problem(source.file, line, col, code, message)
