"""The historical event deck: complete, valid, sourced, and driven by the player's state."""

from __future__ import annotations

import pytest

from game.headless.simulator import prepare, run_policy
from game.scenario import SCENARIO_DIR, load_scenario, read_scenario

MODEL_LEVEL = {"add", "multiply", "set", "modifier", "start_project", "cancel_project", "target"}
REQUIRED_TOPICS = [
    "procurement", "shakhty", "great_turn", "kulak", "slaughter", "dizzy", "turksib", "stalingrad",
    "magnitogorsk", "dneproges", "industrial_party", "export", "drought", "spikelet", "passport", "blacklist",
    "famine", "kazakh", "white_sea", "victors", "kirov", "ration", "statute", "metro", "stakhanov", "abortion",
    "census", "00447", "purge", "discipline", "pact", "winter_war", "invasion",
]


@pytest.fixture(scope="module")
def deck():
    return load_scenario("great_turn").events


def is_consequence(event) -> bool:
    window = event.years()
    return event.trigger is not None and (window is None or window[1] - window[0] >= 5)


def test_the_deck_validates_with_zero_warnings():
    for name in ("great_turn", "first_plan", "bukharin_alternative"):
        assert read_scenario(SCENARIO_DIR / f"{name}.yaml").problems == []


def test_at_least_forty_events_and_twelve_consequences(deck):
    assert len(deck) >= 40
    assert sum(is_consequence(e) for e in deck) >= 12


@pytest.mark.parametrize("topic", REQUIRED_TOPICS)
def test_the_deck_covers_the_required_history(deck, topic):
    assert any(topic in e.id for e in deck), f"no event about {topic}"


def test_every_choice_has_a_model_level_effect(deck):
    for event in deck:
        for choice in event.choices:
            kinds = {effect.kind for effect in choice.effects}
            assert kinds & MODEL_LEVEL, f"{event.id}/{choice.id} changes nothing in the model"


def test_every_dated_event_marks_the_choice_history_took(deck):
    for event in deck:
        if not is_consequence(event) and not event.triggered_only:
            assert sum(c.historical for c in event.choices) == 1, event.id


def test_every_history_note_names_sources(deck):
    for event in deck:
        if not event.triggered_only:
            assert event.history is not None and event.history.sources, event.id


def famine_cards(policy: str) -> list[tuple[int, str]]:
    """The famine cards a policy meets: those that hunger in the villages brings on."""
    campaign = prepare("great_turn", policy, user_mods=False)
    hunger = {event_id for event_id, entry in campaign.deck.entries.items()
              if "famine" in entry.event.tags and entry.condition
              and {"share_below_subsistence", "famine_deaths_m"} & entry.condition.names}
    session = run_policy(campaign, seed=1)
    return [(e.year, e.id) for e in session.events if e.id in hunger]


def test_a_gentle_player_never_meets_the_famine():
    assert famine_cards("gentle") == []


def test_pushing_everything_brings_famine_earlier_and_worse():
    historical, maximal = famine_cards("historical"), famine_cards("maximal")
    assert historical and maximal
    assert min(y for y, _ in maximal) < min(y for y, _ in historical)
    assert len(maximal) > len(historical)


def test_simulate_json_lists_events_with_choices(capsys, tmp_path):
    import json

    from game.cli import main

    out = tmp_path / "out.json"
    assert main(["simulate", "--json", str(out)]) == 0
    events = json.loads(out.read_text(encoding="utf-8"))["events"]
    assert events and {"year", "id", "choice", "tags", "effects"} <= events[0].keys()
