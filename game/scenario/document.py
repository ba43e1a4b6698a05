"""A scenario assembled from several files (include:), remembering which file said what.

Included files are read first, in order, then the including file. Mappings merge key by key (the
later file wins for a plain value); lists are joined. Every merged value keeps its origin, so a
problem found in the merged scenario is reported at the file, line and column that wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath

from .files import Unreadable, checked, resolved
from .problems import Problem, unplaced
from .yamlsource import MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_VALUES, Source, read_source


@dataclass
class Document:
    root: Path
    data: dict = field(default_factory=dict)
    origin: dict[tuple, tuple[Source, tuple]] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    values: int = 0  # read so far, over every file
    too_large: bool = False

    def locate(self, path: tuple, code: str, message: str, hint: str = "", at_key: bool = False) -> Problem:
        """A problem at `path` of the merged data, placed in the file that defined it."""
        probe = tuple(path)
        while probe not in self.origin and probe:
            probe = probe[:-1]
        if probe not in self.origin:
            source = self.sources[0] if self.sources else Source(str(self.root))
            return unplaced(source.problem((), code, message, hint))
        source, source_path = self.origin[probe]
        return source.problem(source_path + tuple(path[len(probe):]), code, message, hint, key=at_key)

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


def shown(path: Path) -> str:
    """Paths in messages: relative to the working directory when inside it."""
    target = resolved(path)
    try:
        return str(target.relative_to(Path.cwd().resolve())) if target is not None else _printable(path)
    except (ValueError, OSError):
        return _printable(path)


def _printable(path: Path) -> str:
    return str(path).replace("\x00", "\\0")


def assemble(path: Path, root: Path | None = None) -> Document:
    """Read `path` and everything it includes (inside `root`, by default its folder)."""
    target = resolved(path) or path
    document = Document(resolved(root) or root if root is not None else target.parent)
    _read_into(document, target, chain=())
    return document


def _read_into(document: Document, path: Path, chain: tuple[Path, ...]) -> None:
    if document.too_large:
        return
    # The first file is the one the caller named; the files it includes stay inside its folder.
    source = read_source(path, shown(path), folder=document.root if chain else None)
    document.sources.append(source)
    document.problems.extend(source.problems)
    document.values += source.values
    if not source.ok:
        return
    if len(document.sources) > MAX_FILES or document.values > MAX_TOTAL_VALUES:
        document.problems.append(source.problem((), "E004", f"the scenario's files hold more than {MAX_TOTAL_VALUES:,} "
                                                            f"values or {MAX_FILES} files together (includes counted "
                                                            f"each time they are read)"))
        document.too_large = True
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
        document.problems.append(source.problem(where, "E020", f"'{_printable(Path(entry))}' is an absolute path"))
        return None
    name = _printable(Path(entry))
    try:
        return checked(here.parent / entry, MAX_FILE_BYTES, document.root)
    except Unreadable as exc:
        message = {"E020": f"'{name}' leads outside {shown(document.root)}",
                   "E006": f"included file '{name}' not found"}.get(exc.code, f"included file '{name}': {exc.message}")
        document.problems.append(source.problem(where, exc.code, message))
        return None


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
