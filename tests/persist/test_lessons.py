"""Lesson codes: round trips, forgiving reading, every typo caught, and the same game on two machines."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.cli import main
from game.persist import lessons, saves
from game.persist.lessons import ALPHABET, Lesson, LessonCodeError
from game.persist.paths import mods_dir
from game.persist.settings import CONTENT_LEVELS, GameSettings
from game.scenario import bundled_scenarios

from .conftest import write_events_mod

REPO = Path(__file__).resolve().parents[2]

game_settings = st.builds(GameSettings, classroom=st.booleans(), content=st.sampled_from(CONTENT_LEVELS),
                          allow_undo=st.booleans())


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.sampled_from(bundled_scenarios()), st.integers(0, 2**32 - 1), st.sampled_from(("historical", "random")),
       game_settings)
def test_a_code_reads_back_as_the_lesson_it_was_made_from(scenario, seed, weather, chosen):
    lesson = lessons.make_lesson(scenario, seed, weather, chosen)
    code = lesson.code
    assert lessons.decode(code) == lesson
    assert lesson.same_version and lesson.version_warning() is None
    groups = code.split("-")
    assert all(len(g) == 3 for g in groups) and set(code) <= set(ALPHABET) | {"-"}
    assert len(code.replace("-", "")) <= (9 if seed < 64 else 12 if seed < 4096 else 15)


def test_bundled_scenarios_are_told_apart():
    tags = [lessons.scenario_tag(s) for s in bundled_scenarios()]
    assert len(set(tags)) == len(tags)


def test_reading_forgives_case_spaces_dashes_and_look_alike_letters():
    code = lessons.make_code("first_plan", 10)
    plain = code.replace("-", "")
    variants = [code.lower(), plain, " ".join(code.split("-")), f"  {code}\n",
                code.replace("0", "O").replace("1", "I"), code.replace("1", "l").lower()]
    for variant in variants:
        assert lessons.decode(variant).seed == 10, variant


def mistyped(code: str) -> list[str]:
    """Every code one wrong character, or one swap of neighbours, away from `code`."""
    chars = code.replace("-", "")
    out = []
    for i, c in enumerate(chars):
        for other in ALPHABET:
            if other != c:
                out.append(chars[:i] + other + chars[i + 1:])
        if i + 1 < len(chars) and chars[i + 1] != c:
            out.append(chars[:i] + chars[i + 1] + c + chars[i + 2:])
    return out


@pytest.mark.parametrize("seed", [0, 7, 63, 1000, 123456])
def test_every_single_typo_and_every_swap_of_neighbours_is_caught(seed):
    code = lessons.make_code("first_plan", seed, settings=GameSettings(classroom=True))
    for typo in mistyped(code):
        with pytest.raises(LessonCodeError, match="mistyped|characters|newer|scenario"):
            lessons.decode(typo)


@pytest.mark.parametrize("code, words", [
    ("", ["no lesson code"]),
    ("ABC-DEF-GHU", ["'U'", "not used"]),
    ("ABC-DEF-GH!", ["'!'", "not used"]),
    ("ABC-DEF", ["6 characters", "9 or 12"]),
    ("ABC-DEF-GHJ-K", ["10 characters"]),
])
def test_a_code_that_cannot_be_a_lesson_code_says_why(code, words):
    with pytest.raises(LessonCodeError) as caught:
        lessons.decode(code)
    for word in words:
        assert word in caught.value.message


def forged(fields: list[tuple[int, int]]) -> str:
    """A code with a valid check around arbitrary fields (to test what a newer game could make)."""
    bits = lessons._Bits()
    for value, width in fields:
        bits.put(value, width)
    bits.put(0, -(bits.count + lessons.CRC_BITS) % 15)
    bits.put(lessons._crc(bits.value, bits.count), lessons.CRC_BITS)
    return "".join(ALPHABET[(bits.value >> s) & 31] for s in range(bits.count - 5, -1, -5))


def fields(code_format=1, tag=None, version=None, seed=5):
    tag = lessons.scenario_tag("first_plan") if tag is None else tag
    major, minor, patch = version or lessons.current_version()
    return [(code_format, 2), (tag, 8), (0, 4), (major, 2), (minor, 5), (patch, 5), (0, 2), (seed, 6)]


def test_a_code_from_a_newer_code_format_asks_for_an_update():
    with pytest.raises(LessonCodeError, match="newer version"):
        lessons.decode(forged(fields(code_format=2)))


def test_a_code_for_a_scenario_this_copy_lacks_says_so():
    unused = next(t for t in range(256) if t not in {lessons.scenario_tag(s) for s in bundled_scenarios()})
    with pytest.raises(LessonCodeError, match="scenario this copy"):
        lessons.decode(forged(fields(tag=unused)))


def test_a_code_from_another_game_version_warns_the_class():
    major, minor, patch = lessons.current_version()
    lesson = lessons.decode(forged(fields(version=(major, (minor + 1) % 32, patch))))
    assert not lesson.same_version
    assert "may not give the same game" in lesson.version_warning()
    assert "warning:" in lesson.describe()


def test_a_lesson_starts_exactly_that_game_without_the_users_mods():
    write_events_mod(mods_dir())  # a mod in the user's folder, which an ordinary game would load
    code = lessons.make_code("great_turn", 12, "random", GameSettings(classroom=True, allow_undo=False))
    session = lessons.start_lesson(code)
    assert (session.scenario.id, session.seed, session.weather_mode) == ("great_turn", 12, "random")
    assert session.settings == GameSettings(classroom=True, allow_undo=False)
    assert session.mods == () and session.lesson == code
    assert saves.load(saves.save_slot(session, "lesson")).lesson == code


PLAYER = """
import json, random, sys
sys.path.insert(0, sys.argv[1])
from game.persist.lessons import start_lesson
from tests.persist.test_lessons import play_the_same_choices
session = start_lesson(sys.argv[2])
play_the_same_choices(session, int(sys.argv[3]))
print(json.dumps({"records": session.records, "events": [e.as_json() for e in session.events]}))
"""


def play_the_same_choices(session, choices_seed: int) -> None:
    """A pupil's game: choices drawn from `choices_seed` (the same pupil on both machines)."""
    from game.scenario.policy import directives_by_year, load_policy

    from .conftest import playable

    policy, path = load_policy(session.scenario.default_policy)
    directives = directives_by_year(policy, session.world, path)
    rng = random.Random(choices_seed)
    while not session.finished:
        while pending := session.begin_year():
            session.choose(pending[0].id, rng.choice(pending[0].choices).id)
        base = playable(directives[session.year], session)
        session.play_year(base.model_copy(update={"grain_procurement_mt": rng.uniform(5.0, 25.0),
                                                  "collectivization_target": rng.uniform(0.0, 1.0)}))


@pytest.mark.parametrize("scenario, weather", [("first_plan", "random"), ("great_turn", "historical")])
def test_two_machines_given_the_same_code_and_choices_end_with_identical_records(scenario, weather):
    code = lessons.make_code(scenario, 21, weather)
    here = lessons.start_lesson(code)
    play_the_same_choices(here, 99)
    # The other machine: a separate interpreter, with another hash seed (set order, dict salts).
    env = dict(os.environ, PYTHONHASHSEED="12345")
    out = subprocess.run([sys.executable, "-c", PLAYER, str(REPO), code.lower(), "99"], capture_output=True,
                         text=True, env=env, cwd=REPO, check=True).stdout
    there = json.loads(out)
    assert there["records"] == here.records
    assert there["events"] == [e.as_json() for e in here.events]
    # ... and a third pupil, in this process, with the same code: the same again.
    again = lessons.start_lesson(code)
    play_the_same_choices(again, 99)
    assert again.records == here.records


def test_the_lesson_command_makes_and_reads_codes(capsys):
    assert main(["lesson", "--make", "--scenario", "first_plan", "--seed", "7", "--classroom", "--detailed"]) == 0
    out = capsys.readouterr().out
    code = out.splitlines()[0]
    assert lessons.decode(code) == Lesson("first_plan", 7, "historical",
                                          GameSettings(classroom=True, content="detailed"),
                                          lessons.current_version())
    assert main(["lesson", code.lower()]) == 0
    out = capsys.readouterr().out
    for text in ("first_plan", "seed: 7", "classroom mode on", "detailed", "undo allowed", "0.1"):
        assert text in out
    assert main(["lesson", "--make", "--scenario", "great_turn", "--seed", "3", "--no-undo",
                 "--weather", "random"]) == 0
    code = capsys.readouterr().out.splitlines()[0]
    assert not lessons.decode(code).settings.allow_undo and lessons.decode(code).weather == "random"


@pytest.mark.parametrize("args, words", [
    (["lesson", "ABC-DEF-GHJ"], ["mistyped"]),
    (["lesson"], ["give a lesson code"]),
    (["lesson", "--make", "--scenario", "nowhere", "--seed", "1"], ["bundled scenario", "nowhere"]),
    (["lesson", "--make", "--seed", "-1"], ["seeds from 0"]),
])
def test_the_lesson_command_explains_a_bad_code_in_one_line(capsys, args, words):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
    for word in words:
        assert word in err


def test_the_play_command_can_take_a_lesson_option(capsys):
    import argparse

    from game.cli import add_lesson_option

    parser = argparse.ArgumentParser(prog="play")
    add_lesson_option(parser)
    code = lessons.make_code("first_plan", 3)
    lesson = parser.parse_args(["--lesson", code.lower()]).lesson
    assert lessons.start_lesson(lesson).lesson == code
    with pytest.raises(SystemExit):
        parser.parse_args(["--lesson", code[:-1] + ("0" if code[-1] != "0" else "1")])
    assert "mistyped" in capsys.readouterr().err
