"""The historical event deck: complete, valid, sourced, and driven by the player's state."""

from __future__ import annotations

import pytest

from game.headless.simulator import prepare, run_policy
from game.scenario import SCENARIO_DIR, load_scenario, read_scenario

MODEL_LEVEL = {"add", "multiply", "set", "modifier", "start_project", "cancel_project", "target"}
# What the deck must tell, by what a card says and when it can appear: (words that must all
# appear in one card's title or text, a year the card can be dealt in, or None for a card the
# state triggers at any time).
REQUIRED_HISTORY = [
    (("procurement", "grain"), 1928), (("shakhty",), 1928), (("great turn",), 1929), (("kulak",), 1930),
    (("slaughter",), 1930), (("dizzy with success",), 1930), (("turksib",), 1930), (("stalingrad", "tractor"), 1930),
    (("magnitogorsk",), 1929), (("dneproges",), 1932), (("industrial party",), 1930), (("export",), 1930),
    (("drought",), 1931), (("spikelet",), 1932), (("passport",), 1932), (("blacklist",), 1932),
    (("famine",), 1933), (("kazakh",), 1933), (("white sea",), 1933), (("congress of victors",), 1934),
    (("kirov",), 1935), (("ration",), 1935), (("statute",), 1935), (("metro",), 1935), (("stakhanov",), 1936),
    (("abortion",), 1936), (("census",), 1937), (("00447",), 1937), (("red army", "purge"), 1937),
    (("labour",  "discipline"), 1939), (("pact",), 1939), (("winter war",), 1940), (("invasion",), 1941),
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


def _tells(event, words: tuple[str, ...], year: int | None) -> bool:
    prose = f"{event.title} {event.text} {event.text_detailed or ''}".lower()
    window = event.years()
    when_ok = window is None or (year is not None and window[0] <= year <= window[1])
    return all(w in prose for w in words) and when_ok and event.history is not None


@pytest.mark.parametrize(("words", "year"), REQUIRED_HISTORY, ids=[" ".join(w) for w, _ in REQUIRED_HISTORY])
def test_the_deck_tells_the_required_history_in_its_year(deck, words, year):
    assert any(_tells(e, words, year) for e in deck), f"no card says {words} in {year}, with its history"


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
