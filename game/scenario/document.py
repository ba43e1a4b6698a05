"""A scenario assembled from several files (include:), remembering which file said what.

Included files are read first, in order, then the including file. Mappings merge key by key (the
later file wins for a plain value); lists are joined. Every merged value keeps its origin, so a
problem found in the merged scenario is reported at the file, line and column that wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath

from .problems import Problem
from .yamlsource import Source, read_source


@dataclass
class Document:
    root: Path
    data: dict = field(default_factory=dict)
    origin: dict[tuple, tuple[Source, tuple]] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def locate(self, path: tuple, code: str, message: str, hint: str = "", at_key: bool = False) -> Problem:
        """A problem at `path` of the merged data, placed in the file that defined it."""
        probe = tuple(path)
        while probe not in self.origin and probe:
            probe = probe[:-1]
        if probe not in self.origin:
            source = self.sources[0] if self.sources else Source(str(self.root))
            return source.problem((), code, message, hint)
        source, source_path = self.origin[probe]
        return source.problem(source_path + tuple(path[len(probe):]), code, message, hint, key=at_key)

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


def shown(path: Path) -> str:
    """Paths in messages: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def assemble(path: Path, root: Path | None = None) -> Document:
    """Read `path` and everything it includes (inside `root`, by default its folder)."""
    root = (root or path.parent).resolve()
    document = Document(root)
    _read_into(document, path.resolve(), chain=())
    return document


def _read_into(document: Document, path: Path, chain: tuple[Path, ...]) -> None:
    source = read_source(path, shown(path))
    document.sources.append(source)
    document.problems.extend(source.problems)
    if not source.ok:
        return
    if source.data is None:
        document.problems.append(source.problem((), "E007", "the file is empty"))
        return
    if not isinstance(source.data, dict):
        document.problems.append(source.problem((), "E007", f"the top level is {_kind(source.data)}, not a mapping"))
        return
    includes = source.data.get("include", [])
    if isinstance(includes, list):
        for index, entry in enumerate(includes):
            target = _resolve_include(document, source, index, entry, path)
            if target is None:
                continue
            if target in chain or target == path:
                document.problems.append(source.problem(("include", index), "E021",
                                                        f"'{entry}' is already being read: the includes form a cycle"))
                continue
            _read_into(document, target, (*chain, path))
    _merge(document, document.data, source.data, source, ())


def _resolve_include(document: Document, source: Source, index: int, entry: object, here: Path) -> Path | None:
    where = ("include", index)
    if not isinstance(entry, str) or not entry.strip():
        document.problems.append(source.problem(where, "E102", "include entries must be file paths (text)"))
        return None
    if PurePosixPath(entry).is_absolute() or PureWindowsPath(entry).is_absolute() or PureWindowsPath(entry).drive:
        document.problems.append(source.problem(where, "E020", f"'{entry}' is an absolute path"))
        return None
    target = (here.parent / entry).resolve()
    if not target.is_relative_to(document.root):
        document.problems.append(source.problem(where, "E020", f"'{entry}' leads outside {shown(document.root)}"))
        return None
    if not target.is_file():
        document.problems.append(source.problem(where, "E006", f"included file '{entry}' not found"))
        return None
    return target


def _merge(document: Document, target: dict, incoming: dict, source: Source, path: tuple) -> None:
    for key, value in incoming.items():
        if key == "include" and not path:
            continue
        here = (*path, key)
        if isinstance(target.get(key), dict) and isinstance(value, dict):
            # A mapping written in several files is reported at the last one that adds to it.
            document.origin[here] = (source, here)
            _merge(document, target[key], value, source, here)
        elif isinstance(target.get(key), list) and isinstance(value, list):
            offset = len(target[key])
            target[key].extend(value)
            for index in range(len(value)):
                document.origin[(*here, offset + index)] = (source, (*here, index))
        else:
            target[key] = _copy(value)
            document.origin[here] = (source, here)


def _copy(value: object) -> object:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _kind(value: object) -> str:
    return {list: "a list", str: "a piece of text", int: "a number", float: "a number", bool: "true/false"}.get(
        type(value), type(value).__name__)
