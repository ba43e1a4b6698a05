"""Lesson codes: a short code a teacher writes on the board so that a whole class plays the same
game, e.g. `AE8-0G0-E0H`.

A code holds the scenario, the seed, the weather, the settings (classroom mode, content level,
undo allowed) and the game version, packed into bits and written in Crockford's base 32: the
digits and the letters without I, L, O and U. Reading is forgiving: case, spaces and dashes do
not matter, O reads as 0 and I or L as 1. A CRC-10 check over the whole code catches every
single mistyped character and every swap of two neighbouring characters, with a clear message.

Bits, most significant first:
    2   code format (1)
    8   scenario: the first byte of sha256(scenario id), looked up among the bundled scenarios
    4   weather random, classroom, detailed texts, undo switched off
    12  game version: major mod 4, minor mod 32, patch mod 32
    2+w seed: a width class (6, 12, 20 or 32 bits) and the seed
    0+  zero bits, to a whole number of three-character groups
    10  CRC-10 (x^10 + x^9 + x^5 + x^4 + x + 1, initial value all ones)
A seed below 64 gives 9 characters, below 4096 12 characters.

A lesson is played on the bundled scenario without the user's mods, so two machines with the same
game version, given the same code and the same choices, end with identical records.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache

from .. import __version__
from ..errors import UserError
from ..model.game import WEATHER_MODES
from ..scenario import bundled_scenarios
from .playthrough import Playthrough, new_game
from .settings import CONTENT_LEVELS, GameSettings

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {c: i for i, c in enumerate(ALPHABET)} | {"O": 0, "I": 1, "L": 1}
CODE_FORMAT = 1
SEED_WIDTHS = (6, 12, 20, 32)
GROUP = 3
CRC_BITS = 10
CRC_POLY = 0x233      # x^10 + x^9 + x^5 + x^4 + x + 1 without its x^10 term
CRC_INIT = 0x3FF
VERSION_BITS = (2, 5, 5)


class LessonCodeError(UserError):
    """A lesson code that cannot be read, or cannot be made."""


@dataclass(frozen=True)
class Lesson:
    scenario: str
    seed: int
    weather: str = "historical"
    settings: GameSettings = GameSettings()
    version: tuple[int, int, int] = (0, 0, 0)   # as the code holds it (see VERSION_BITS)

    @property
    def code(self) -> str:
        return encode(self)

    @property
    def version_text(self) -> str:
        return ".".join(str(n) for n in self.version)

    @property
    def same_version(self) -> bool:
        return self.version == current_version()

    def version_warning(self) -> str | None:
        """None, or what to tell the class when the code was made by another version of the game."""
        if self.same_version:
            return None
        return (f"this lesson code was made with Pyatiletka {self.version_text}; this is {__version__}: "
                f"the same choices may not give the same game as on the teacher's machine")

    def describe(self, scenario_name: str | None = None) -> str:
        lines = [
            f"lesson code {self.code}",
            f"  scenario: {self.scenario}" + (f" ({scenario_name})" if scenario_name else ""),
            f"  seed: {self.seed}",
            f"  weather: {self.weather}",
            f"  settings: {self.settings.describe()}",
            f"  game version: {self.version_text}" + ("" if self.same_version else f" (this is {__version__})"),
        ]
        warning = self.version_warning()
        if warning:
            lines.append(f"warning: {warning}")
        return "\n".join(lines)


def current_version() -> tuple[int, int, int]:
    numbers = [int(n) for n in re.findall(r"\d+", __version__)[:3]]
    numbers += [0] * (3 - len(numbers))
    return tuple(n % (1 << bits) for n, bits in zip(numbers, VERSION_BITS, strict=True))


@cache
def scenario_tag(scenario_id: str) -> int:
    return hashlib.sha256(scenario_id.encode("utf-8")).digest()[0]


def make_lesson(scenario: str, seed: int, weather: str | None = None, settings: GameSettings | None = None) -> Lesson:
    """A lesson for this version of the game; checks the scenario and the seed."""
    known = bundled_scenarios()
    if scenario not in known:
        raise LessonCodeError(f"a lesson code needs a bundled scenario; {scenario!r} is not one of {', '.join(known)}")
    clashes = [s for s in known if s != scenario and scenario_tag(s) == scenario_tag(scenario)]
    if clashes:  # a test keeps the bundled ids apart; a new scenario id that clashes needs renaming
        raise LessonCodeError(f"scenario {scenario!r} cannot be told apart from {clashes[0]!r} in a lesson code")
    if not isinstance(seed, int) or not 0 <= seed < 1 << SEED_WIDTHS[-1]:
        raise LessonCodeError(f"a lesson code holds seeds from 0 to {(1 << SEED_WIDTHS[-1]) - 1}, not {seed}")
    if weather is None:
        from ..scenario import load_scenario

        weather = load_scenario(scenario).default_weather
    if weather not in WEATHER_MODES:
        raise LessonCodeError(f"weather must be one of {', '.join(WEATHER_MODES)}, not {weather!r}")
    return Lesson(scenario, seed, weather, settings or GameSettings(), current_version())


def make_code(scenario: str, seed: int, weather: str | None = None, settings: GameSettings | None = None) -> str:
    return make_lesson(scenario, seed, weather, settings).code


class _Bits:
    def __init__(self) -> None:
        self.value = 0
        self.count = 0

    def put(self, value: int, bits: int) -> None:
        assert 0 <= value < 1 << bits
        self.value = (self.value << bits) | value
        self.count += bits


def encode(lesson: Lesson) -> str:
    bits = _Bits()
    bits.put(CODE_FORMAT, 2)
    bits.put(scenario_tag(lesson.scenario), 8)
    for flag in (lesson.weather == "random", lesson.settings.classroom, lesson.settings.content == "detailed",
                 not lesson.settings.allow_undo):
        bits.put(int(flag), 1)
    for number, width in zip(lesson.version, VERSION_BITS, strict=True):
        bits.put(number % (1 << width), width)
    width_class = next(i for i, w in enumerate(SEED_WIDTHS) if lesson.seed < 1 << w)
    bits.put(width_class, 2)
    bits.put(lesson.seed, SEED_WIDTHS[width_class])
    group_bits = 5 * GROUP
    bits.put(0, -(bits.count + CRC_BITS) % group_bits)
    bits.put(_crc(bits.value, bits.count), CRC_BITS)
    chars = "".join(ALPHABET[(bits.value >> shift) & 31] for shift in range(bits.count - 5, -1, -5))
    return "-".join(chars[i:i + GROUP] for i in range(0, len(chars), GROUP))


def _crc(value: int, count: int) -> int:
    crc = CRC_INIT
    for shift in range(count - 1, -1, -1):
        top = (crc >> (CRC_BITS - 1)) & 1
        crc = (crc << 1) & ((1 << CRC_BITS) - 1)
        if top ^ ((value >> shift) & 1):
            crc ^= CRC_POLY
    return crc


def normalise(code: str) -> str:
    """The code's characters, upper case, with O read as 0 and I or L as 1 (no dashes)."""
    text = re.sub(r"[\s\-_.]", "", code).upper()
    bad = sorted({c for c in text if c not in _VALUE})
    if bad:
        shown = ", ".join(repr(c) for c in bad)
        raise LessonCodeError(f"lesson code {code.strip()!r}: {shown} {'is' if len(bad) == 1 else 'are'} not used in "
                              f"lesson codes (they use digits and the letters A-Z except U): check the code on the board")
    return "".join(ALPHABET[_VALUE[c]] for c in text)


def decode(code: str) -> Lesson:
    """The lesson a code stands for; LessonCodeError says clearly what is wrong with a bad one."""
    if not code or not code.strip():
        raise LessonCodeError("no lesson code given")
    chars = normalise(code)
    shown = code.strip()
    lengths = "9 or 12 characters (15 for a large seed)"
    if len(chars) % GROUP or not 3 * GROUP <= len(chars) <= 5 * GROUP:
        raise LessonCodeError(f"lesson code {shown!r} has {len(chars)} characters; a lesson code has {lengths}: "
                              f"check the code on the board")
    value = 0
    for c in chars:
        value = (value << 5) | _VALUE[c]
    count = 5 * len(chars)
    body, check = value >> CRC_BITS, value & ((1 << CRC_BITS) - 1)
    if _crc(body, count - CRC_BITS) != check:
        raise LessonCodeError(f"lesson code {shown!r} is mistyped (its check does not add up): compare it "
                              f"character by character with the code on the board")
    reader = _Reader(body, count - CRC_BITS)
    code_format = reader.take(2)
    if code_format != CODE_FORMAT:
        raise LessonCodeError(f"lesson code {shown!r} was made by a newer version of Pyatiletka (code format "
                              f"{code_format}); this is {__version__}: update the game")
    tag = reader.take(8)
    random_weather, classroom, detailed, no_undo = (bool(reader.take(1)) for _ in range(4))
    version = tuple(reader.take(width) for width in VERSION_BITS)
    seed = reader.take(SEED_WIDTHS[reader.take(2)])
    if reader.left >= 5 * GROUP or reader.take(reader.left) != 0:
        raise LessonCodeError(f"lesson code {shown!r} is mistyped: compare it character by character with the "
                              f"code on the board")
    matches = [s for s in bundled_scenarios() if scenario_tag(s) == tag]
    if len(matches) != 1:
        raise LessonCodeError(f"lesson code {shown!r} is for a scenario this copy of Pyatiletka "
                              f"({__version__}) does not have; the teacher's copy is version "
                              f"{'.'.join(map(str, version))}")
    settings = GameSettings(classroom=classroom, content=CONTENT_LEVELS[int(detailed)], allow_undo=not no_undo)
    return Lesson(matches[0], seed, "random" if random_weather else "historical", settings, version)


class _Reader:
    def __init__(self, value: int, count: int):
        self.value = value
        self.left = count

    def take(self, bits: int) -> int:
        if bits > self.left:
            raise LessonCodeError("lesson code is too short: compare it with the code on the board")
        self.left -= bits
        return (self.value >> self.left) & ((1 << bits) - 1)


def start_lesson(code: str | Lesson) -> Playthrough:
    """The game a lesson code starts: its bundled scenario without the user's mods, its seed,
    weather and settings, at the first January. Check `decode(code).version_warning()` first."""
    lesson = decode(code) if isinstance(code, str) else code
    return new_game(lesson.scenario, lesson.seed, lesson.weather, lesson.settings, user_mods=False,
                    lesson=lesson.code)
