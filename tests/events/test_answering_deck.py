"""Events that answer the player: premises, the card budget, cooldowns, texts that quote the
player's record, and what each answer did."""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.events.aftermath import Names, describe
from game.events.engine import Deck
from game.headless.deck_check import gentle_directives, play_drawing
from game.headless.simulator import prepare
from tests.events.test_engine import advance, event, session
from tests.model.test_properties import directives as random_directives


@cache
def campaign():
    return prepare("great_turn", "historical", user_mods=False)


@cache
def runs():
    c = campaign()
    return {"historical": play_drawing(c, c.directives)[1], "gentle": play_drawing(c, gentle_directives(c))[1]}


# --- the bundled deck against two courses ------------------------------------------------------


def test_a_gentle_course_meets_a_different_deck():
    ids = {name: {d.id for d in run} for name, run in runs().items()}
    differ = ids["historical"] ^ ids["gentle"]
    assert len(differ) >= 25, f"only {len(differ)} card ids differ: {sorted(differ)}"


def test_a_gentle_course_meets_no_famine_card():
    famine = sorted({d.id for d in runs()["gentle"] if "famine" in d.tags})
    assert famine == [], f"the gentle course, without hunger, met the famine cards {famine}"


def test_every_card_fired_with_its_premise_true():
    false = [(name, d.year, d.id) for name, run in runs().items() for d in run if not d.premise_held]
    assert false == []


def test_history_s_cards_still_come_on_history_s_course():
    ids = {d.id for d in runs()["historical"]}
    for card in ("dizzy_with_success", "livestock_slaughter", "famine_1933", "law_of_spikelets",
                 "internal_passports", "census_1937", "order_00447", "german_invasion_1941"):
        assert card in ids, f"{card} no longer comes on history's own course"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(random_directives(), min_size=14, max_size=14), st.integers(0, 2**16),
       st.sampled_from(["historical", "first", "random"]))
def test_no_card_fires_with_a_false_premise_or_inside_its_cooldown(years, seed, answering):
    c = campaign()
    orders = dict(zip(range(c.world.first_year, c.world.last_year + 1), years, strict=False))

    def choose(s, event_id):
        choices = s.deck.event(event_id).choices
        if answering == "first":
            return choices[0].id
        if answering == "random":
            return choices[(seed + s.year + len(event_id)) % len(choices)].id
        return next((ch.id for ch in choices if ch.historical), choices[0].id)

    _, drawn = play_drawing(c, orders, seed, "random", choose)
    assert [(d.year, d.id) for d in drawn if not d.premise_held] == []
    last: dict[str, int] = {}
    for d in drawn:
        card = c.deck.event(d.id)
        if d.id in last and card.cooldown_years is not None:
            assert d.year - last[d.id] >= card.cooldown_years, f"{d.id} came again after {d.year - last[d.id]} years"
        last[d.id] = d.year


def test_every_repeatable_bundled_card_has_a_cooldown():
    loose = [e.id for e in campaign().scenario.events if not e.once and not e.triggered_only
             and e.cooldown_years is None]
    assert loose == []


# --- premises, budget and cooldowns on a deck of our own ---------------------------------------


def test_a_card_whose_premise_is_false_does_not_appear(historical_directives):
    s = session(event("kolkhoz_card", premise="collectivization > 0.5", when={"start": 1928, "end": 1941}),
                event("anyway", premise="always", when=1928))
    assert advance(s, historical_directives) == ["anyway"]  # 1.7 % collectivized in 1928


def test_a_premise_on_last_year_s_figures_waits_for_a_year_to_end(historical_directives):
    s = session(event("after_a_harvest", premise="grain_harvest_mt > 0", when={"start": 1928, "end": 1930}))
    assert advance(s, historical_directives) == []  # no harvest has been brought in before 1928
    assert advance(s, historical_directives) == ["after_a_harvest"]


def test_a_running_total_remembers_a_famine_after_it_ends(historical_directives):
    s = session(event("census", premise="famine_deaths_total_m > 1", once=False, cooldown_years=1))
    fired = [year for year in range(1928, 1938) if advance(s, historical_directives)]
    assert fired[0] in (1933, 1934) and fired == list(range(fired[0], 1938))  # every year once it has happened


def test_over_the_budget_the_lowest_priority_cards_wait_while_their_window_lasts(historical_directives):
    from game.session import Session

    world = session().world
    cards = [event("high", priority=5, when=1928), event("middle", priority=3, when={"start": 1928, "end": 1930}),
             event("low", priority=1, when=1928), event("late", priority=2, when=1929),
             event("chain", [{"follow_up": {"event": "next", "years": 1}},
                             {"follow_up": {"event": "after", "years": 1}}], priority=9, when=1928),
             event("next", triggered_only=True), event("after", triggered_only=True)]
    s = Session(world, Deck(cards, world.first_year, world.last_year, max_cards_per_year=2))
    assert advance(s, historical_directives) == ["chain", "high"]  # middle and low wait
    assert sorted(advance(s, historical_directives)) == ["after", "next"]  # follow-ups first; late lapses
    assert advance(s, historical_directives) == ["middle"]  # still in its window
    assert all(advance(s, historical_directives) == [] for _ in range(3))  # low's window closed in 1928


def test_a_repeatable_card_keeps_its_cooldown(historical_directives):
    s = session(event("strike", once=False, cooldown_years=4))
    fired = [year for year in range(1928, 1940) if advance(s, historical_directives)]
    assert fired == [1928, 1932, 1936]


def test_a_same_january_follow_up_needs_its_premise_after_the_answer(historical_directives):
    s = session(event("ask", [{"follow_up": {"event": "then", "years": 0}}, {"set": {"fear": 0}}], when=1928),
                event("then", triggered_only=True, premise="fear > 0.5"))
    s.choose("ask", "yes")
    assert s.pending == []  # the answer calmed the country: the follow-up's text would not fit


# --- texts that quote the player's record ------------------------------------------------------


def test_a_card_quotes_the_player_s_own_figures(historical_directives):
    s = session(event("report", when=1929, text="The state took {grain_procurement_mt:.1f} Mt; "
                                               "{collectivization:%} are in collective farms.",
                      choices=[{"id": "ok", "label": "Noted", "forecast": "Exports were {grain_exports_mt:.2f} Mt.",
                                "effects": []}]))
    advance(s, historical_directives)
    record = s.records[-1]
    card = s.card("report")
    assert card.text == (f"The state took {record['grain_procurement_mt']:.1f} Mt; "
                         f"{round(s.game.state.collectivization * 100)} % are in collective farms.")
    assert card.forecasts["ok"] == f"Exports were {record['grain_exports_mt']:.2f} Mt."


# --- what each answer did ----------------------------------------------------------------------


def test_an_answer_is_told_in_words_and_numbers_from_its_effects():
    lines = describe([{"add": {"peasant_unrest": 0.06, "grain_reserve_mt": -2.0}},
                      {"multiply": {"cattle_m": 0.9}},
                      {"modifier": {"rate": "herd_growth", "factor": 0.7, "years": 3, "decay": 0.3}},
                      {"modifier": {"rate": "procurement_capacity", "factor": 0.85, "years": 1}},
                      {"set": {"passport_controls": 1}},
                      {"start_project": "magnitogorsk"}, {"follow_up": {"event": "x", "years": 1}},
                      {"flag": "remembered"}],
                     Names({"magnitogorsk": "Magnitogorsk"}))
    assert lines == ("Peasant unrest +6 points", "The state's grain reserve \u22122.0 Mt", "Cattle \u221210 %",
                     "The herds' regrowth \u221230 % for 3 years, fading",
                     "The state's capacity to take grain by force \u221215 % this year",
                     "Internal passports: in force", "Construction of Magnitogorsk begins",
                     "A further card follows next January")


def test_an_answer_that_only_sets_a_flag_says_later_cards_remember_it():
    assert describe([{"flag": "x"}]) == ("Later cards will remember this answer",)


def test_the_session_records_what_each_answer_did(historical_directives):
    s = session(event("calm", [{"add": {"fear": -0.05}}], when=1928))
    s.choose("calm", "yes")
    assert s.events[-1].aftermath == ("Fear \u22125 points",)


def test_every_bundled_answer_says_what_it_did():
    names = Names.of(campaign().world)
    silent = [(e.id, c.id) for e in campaign().scenario.events for c in e.choices
              if c.effects and not describe(c.effects_json, names)]
    assert silent == []


# --- the validator -----------------------------------------------------------------------------

CARD = """\
events:
  - id: {id}
    title: A card
    text: '{text}'
{extra}    choices:
      - id: ok
        label: Noted
        forecast: '{forecast}'
"""


def validate_mod(tmp_path, capsys, *cards: dict) -> tuple[int, str, str]:
    import textwrap

    from game.cli import main

    mod = tmp_path / "cards"
    mod.mkdir()
    (mod / "mod.yaml").write_text("id: cards\nname: c\nversion: '1'\nscenario: great_turn\ndescription: d\n"
                                  "author: a\n", encoding="utf-8")
    body = "events:\n" + "".join(textwrap.dedent(CARD.format(**{"extra": "", "forecast": "Fine.", **c}))
                                 .removeprefix("events:\n") for c in cards)
    (mod / "content.yaml").write_text(body, encoding="utf-8")
    code = main(["validate", str(mod)])
    return code, capsys.readouterr().out, str(mod / "content.yaml")


def test_card_templates_cannot_reach_past_the_variable_set(tmp_path, capsys):
    code, out, where = validate_mod(
        tmp_path, capsys,
        {"id": "attr", "text": "{grain_procurement_mt.__class__}"},
        {"id": "wide", "text": "{fear:>99999999}"},
        {"id": "index", "text": "{fear[0]}", "forecast": "{year!r}"},
        {"id": "typo", "text": "The state took {grain_procurment_mt:.1f} Mt."})
    assert code == 1 and "Traceback" not in out
    assert (f"{where}:4:11: E141 event attr: text, at character 1: '{{grain_procurement_mt.__class__}}': attribute "
            f"access ('.') is not allowed; use a name alone") in out
    assert f"{where}:11:11: E141 event wide: text, at character 1: '{{fear:>99999999}}': a width of 99999999" in out
    assert "E141 event index: text, at character 1: '{fear[0]}': indexing" in out
    assert "E141 event index: choice ok: forecast, at character 1: '{year!r}': conversions" in out
    assert (f"{where}:25:11: E141 event typo: text, at character 16: unknown name 'grain_procurment_mt'\n"
            f"    hint: did you mean 'grain_procurement_mt'?") in out


def test_a_premise_is_checked_like_a_trigger_and_a_dated_card_without_one_is_warned(tmp_path, capsys):
    code, out, where = validate_mod(
        tmp_path, capsys,
        {"id": "misspelt", "text": "Kolkhozes.", "extra": "    when: 1931\n    premise: collectivisation > 0.3\n"},
        {"id": "bare", "text": "A date.", "extra": "    when: 1931\n"},
        {"id": "deliberate", "text": "A date.", "extra": "    when: 1932\n    premise: always\n"})
    assert code == 1
    assert (f"{where}:6:14: E121 event misspelt: premise, at character 1: unknown name 'collectivisation'\n"
            f"    hint: did you mean 'collectivization'?") in out
    assert f"{where}:11:9: W301 event bare is dated but has no premise" in out
    assert "deliberate" not in out


def test_an_answer_withdraws_a_waiting_card_whose_premise_it_ends(historical_directives):
    s = session(event("relief", [{"set": {"fear": 0}}], when=1928, priority=2),
                event("afraid", premise="fear > 0.05", when={"start": 1928, "end": 1930}, priority=1))
    assert [e.id for e in s.begin_year()] == ["relief", "afraid"]
    s.choose("relief", "yes")
    assert s.pending == [] and "afraid" not in s.game.state.fired  # may come when fear returns


def test_an_answer_raising_a_flag_withdraws_a_card_that_assumes_it_down_and_others_stay(historical_directives):
    s = session(event("purge", [{"flag": "purged"}], when=1928, priority=3),
                event("rehabilitation", premise="not purged", when={"start": 1928, "end": 1930}, priority=2),
                event("frightened", premise="fear > 0.05", when=1928, priority=1))
    assert [e.id for e in s.begin_year()] == ["purge", "rehabilitation", "frightened"]
    s.choose("purge", "yes")
    assert [e.id for e in s.pending] == ["frightened"]  # its premise reads fear, which the answer left alone
    assert "rehabilitation" not in s.game.state.fired


def test_a_condition_reads_this_january_s_year_not_the_year_just_ended(historical_directives):
    s = session(event("second_january", trigger="year == 1929 and grain_harvest_mt > 0",
                      when={"start": 1928, "end": 1930}))
    assert advance(s, historical_directives) == []
    assert [e.id for e in s.begin_year()] == ["second_january"]
