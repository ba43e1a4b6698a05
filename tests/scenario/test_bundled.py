"""Every bundled scenario loads and plays to its end under its default policy, with several seeds."""

from __future__ import annotations

import pytest

from game.headless.simulator import prepare, run_policy
from game.scenario import bundled_scenarios, load_scenario

SEEDS = (1, 2, 3)


def test_the_three_scenarios_are_bundled():
    assert {"great_turn", "first_plan", "bukharin_alternative"} <= set(bundled_scenarios())


@pytest.mark.parametrize("name", bundled_scenarios())
@pytest.mark.parametrize("weather", ["historical", "random"])
def test_scenario_plays_every_year_under_its_default_policy(name, weather):
    campaign = prepare(name, user_mods=False)
    scenario = campaign.scenario
    for seed in SEEDS:
        session = run_policy(campaign, seed, weather)
        years = [int(r["year"]) for r in session.records]
        # A bundled scenario's own policy is playable: it reaches the last year, every year played.
        assert session.game.ending == "completed", f"{name}, seed {seed}: {session.game.ending}"
        assert years == list(range(scenario.first_year, scenario.last_year + 1))


def test_first_plan_is_a_lesson_on_history_s_first_five_years():
    lesson, full = load_scenario("first_plan"), load_scenario("great_turn")
    assert (lesson.first_year, lesson.last_year) == (1928, 1932)
    assert lesson.length_minutes and lesson.length_minutes <= 45  # one lesson period
    assert set(lesson.levers) == {"labor", "grain_procurement", "collectivization", "targets"}
    # Its copies of the shared weather and First Plan must not drift from the full campaign's.
    assert all(lesson.historical_weather[y] == full.historical_weather[y] for y in range(1928, 1933))
    assert lesson.plans[0] == full.plans[0]
    assert lesson.parameters == full.parameters


def test_bukharin_alternative_copies_the_full_campaign_s_country_but_its_politics():
    alternative, history = load_scenario("bukharin_alternative"), load_scenario("great_turn")
    political = {"fear", "peasant_unrest"}
    ours, theirs = alternative.initial_state.model_dump(), history.initial_state.model_dump()
    assert {k: v for k, v in ours.items() if k not in political} == {k: v for k, v in theirs.items() if k not in political}


def test_bukharin_alternative_starts_calmer_and_follows_nep():
    alternative, history = load_scenario("bukharin_alternative"), load_scenario("great_turn")
    assert alternative.initial_state.peasant_unrest < history.initial_state.peasant_unrest
    assert alternative.default_policy == "bukharin"
    assert alternative.notes and all(note.sources for note in alternative.notes)
    session = run_policy(prepare("bukharin_alternative", user_mods=False), seed=1)
    assert sum(r["famine_deaths_m"] for r in session.records) < 0.5
    assert max(r["collectivization"] for r in session.records) < 0.5


def test_the_lessons_stated_length_covers_the_cards_it_hands_out():
    """The lesson says how long it takes (the picker shows it, a teacher plans by it): at least a
    minute a card, read aloud and voted on, and two minutes a year for the directives and the
    report, over seeds and both weathers with history's answers."""
    from collections import Counter

    lesson = load_scenario("first_plan")
    campaign = prepare("first_plan", user_mods=False)
    most = 0
    for seed in (1, 7, 1928):
        for weather in ("historical", "random"):
            cards = Counter(e.year for e in run_policy(campaign, seed=seed, weather=weather).events)
            most = max(most, sum(cards.values()))
            assert max(cards.values()) <= lesson.max_cards_per_year == 3   # the lesson's card budget
    years = lesson.last_year - lesson.first_year + 1
    assert lesson.length_minutes >= most + 2 * years, (most, lesson.length_minutes)
    assert lesson.length_minutes <= 25 and most <= 15    # a game that leaves a lesson period room to talk
