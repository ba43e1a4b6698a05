"""Problems found in content files: where, what, and a hint. Never a traceback."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

# Error codes with the hint shown under every message of that kind (docs/MODDING.md lists them).
CODES: dict[str, tuple[str, str]] = {
    "E001": ("file too large", "Split the content over several files with include:."),
    "E002": ("not UTF-8 text", "Save the file as UTF-8 (any modern editor can)."),
    "E003": ("YAML syntax error", "Check indentation (spaces, not tabs) and that every ':' has a space after it."),
    "E004": ("too many values", "Files, mappings, lists, scenarios and mods have size limits (docs/MODDING.md, "
                                "\"Untrusted content\"): split the content or write it more briefly."),
    "E005": ("nested too deeply", "Content nests at most 50 levels; flatten the structure."),
    "E006": ("file not found", "Check the path; paths in include: are relative to the including file."),
    "E007": ("not a mapping", "A content file is a mapping of keys (key: value) at its top level."),
    "E008": ("not a regular file", "Content files must be ordinary files: not folders, FIFOs or devices."),
    "E009": ("unusable path", "Give a plain file name: no NUL byte, no symlink that points to itself."),
    "E010": ("duplicate key", "A key may appear once per mapping; YAML would silently keep only the last."),
    "E020": ("path outside the folder", "include:, files: and a mod's files take relative paths inside the scenario's "
                                        "or mod's folder; a symlink may not lead out of it."),
    "E021": ("include cycle", "A file may not include itself, directly or through other files."),
    "E100": ("unknown key", "Check the spelling; see docs/MODDING.md for every key."),
    "E101": ("missing key", "Add the key; see docs/MODDING.md for what it means."),
    "E102": ("wrong type", "See docs/MODDING.md for the type each key takes."),
    "E103": ("value out of range", "See docs/MODDING.md for the allowed range."),
    "E104": ("invalid value", "See docs/MODDING.md for what the key accepts."),
    "E110": ("shares do not sum to 1", "Shares of a whole must add up to 1 (to within 0.001)."),
    "E120": ("duplicate id", "Every id must be unique; give the second one another id."),
    "E121": ("unknown reference", "Refer only to ids and names defined in the scenario."),
    "E130": ("year outside the scenario", "Years must lie between the scenario's first_year and last_year."),
    "E131": ("year missing", "Every year of the scenario needs a value here."),
    "E140": ("invalid condition", "Conditions use numbers, names, comparisons, and/or/not, + - * / and min/max/abs."),
    "E141": ("invalid text template", "Texts the game fills in take {name} and a few formats such as {name:.1f} "
                                      "(docs/MODDING.md, \"Text templates\"); write {{ and }} for braces."),
    "E200": ("mod for another scenario", "A mod's scenario: must name the scenario it is loaded with."),
    "E201": ("mods conflict", "Two mods change the same thing: remove one, or merge the two into one mod."),
    "E202": ("not a mod", "A mod is a folder with a mod.yaml manifest."),
    "E203": ("two mods with one id", "Every mod needs its own id: give one of them another id, or remove the copy."),
    "W300": ("figure without a source", "Give every historical figure a source: so that players can check it."),
    "W301": ("dated card without a premise", "Say what the card's text assumes of the state, e.g. premise: "
                                            "collectivization > 0.3 for a kolkhoz card; write premise: always "
                                            "if it fits every game (docs/MODDING.md, \"Premises\")."),
}


MAX_PROBLEMS = 100  # problems listed per file; the rest are counted


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int  # 1-based; 0 when the problem concerns the whole file
    col: int   # 1-based
    code: str
    message: str
    hint: str = ""
    # False when the merged data had no file for the path (content a mod did not write): a mod's
    # check reports such warnings nowhere, as they are about the scenario, not the mod.
    placed: bool = field(default=True, compare=False)

    @property
    def is_error(self) -> bool:
        return self.code.startswith("E")

    def format(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}" if self.line else self.file
        hint = self.hint or CODES.get(self.code, ("", ""))[1]
        text = f"{where}: {self.code} {self.message}"
        return f"{text}\n    hint: {hint}" if hint else text


def unplaced(problem: Problem) -> Problem:
    return replace(problem, placed=False)


def sort_key(problem: Problem) -> tuple:
    return (problem.file, problem.line, problem.col, problem.code)


def capped(problems: list[Problem]) -> list[Problem]:
    """At most MAX_PROBLEMS problems, the next one standing for the rest: a file with 50,000
    mistakes is reported in a screenful, and quickly."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    ordered = sorted(problems, key=lambda p: (p.line, p.col))
    return [*ordered[:MAX_PROBLEMS], more_problems(ordered[MAX_PROBLEMS], len(problems) - MAX_PROBLEMS)]


def more_problems(first: Problem, count: int) -> Problem:
    """The first problem left out, counting the others left out with it."""
    return Problem(first.file, first.line, first.col, first.code,
                   f"{first.message} (and {count - 1:,} more problems after this one, not listed)")
