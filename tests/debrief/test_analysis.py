"""The debrief's content: every section present, every number the game's own, history's figures
sourced, and a gentle game debriefed as what it was (no famine filler, other questions)."""

from __future__ import annotations

import json
import math

import pytest

from game.debrief import build, load_game, plan_debrief_of
from game.debrief.record import DebriefError, from_result
from game.debrief.scorecard import AXIS_IDS, score
from game.errors import UserError
from game.headless import simulator
from game.headless.baseline import historical_game as HISTORY
from game.model.metrics import REPORTED, TARGET_METRIC
from game.persist import saves
from game.persist.playthrough import Playthrough

AUTHORS = ("Allen", "Davies", "Wheatcroft", "Conquest", "Cheremukhin", "Golosov", "Guriev", "Tsyvinski", "Kotkin")


def test_historical_debrief_has_every_section(historical_debrief):
    d = historical_debrief
    assert [a.id for a in d.scorecard] == list(AXIS_IDS)
    assert all(a.history is not None and a.formula for a in d.scorecard)
    assert d.epilogue.paragraphs and d.epilogue.id == "epilogue.comparable"
    assert {c.id for c in d.charts} == {"steel", "coal", "electricity", "grain", "cattle", "urban", "living", "famine"}
    assert [t.id for t in d.plans] == ["first_plan", "second_plan", "third_plan"]
    assert d.timeline and d.timeline[0].year == 1928
    assert d.events and d.ledger.rows
    assert len(d.questions) == 3 and all(q.lead and q.text for q in d.questions)
    assert [p.id for p in d.perspectives] == ["necessity", "famine"]
    named = " ".join(pos.authors for view in d.perspectives for pos in view.positions)
    assert all(author in named for author in AUTHORS)
    assert all(pos.sources for view in d.perspectives for pos in view.positions)
    assert len(d.sources) > 20
    assert d.meta.player == "Anna K." and d.meta.scenario_id == "great_turn"
    json.dumps(d.as_json(), allow_nan=False)


def test_numbers_are_the_game_record(historical_game, historical_debrief, historical_result):
    d, game, series = historical_debrief, historical_game, historical_result["series"]
    ledger = {row.id: row for row in d.ledger.rows}
    assert ledger["famine"].player == math.fsum(series["famine_deaths_m"])
    assert d.ledger.famine_total_m == pytest.approx(historical_result["totals"]["famine_deaths_m"], abs=1e-12)
    assert ledger["deported"].player == math.fsum(series["deported_m"])
    assert ledger["executions"].player == pytest.approx(math.fsum(series["executions_k"]) / 1000)
    assert ledger["gulag"].player == series["gulag_m"][-1]
    for table in d.plans:
        record = game.at(table.year)
        for row in table.rows:
            assert row.real == record[TARGET_METRIC[row.key]]
            reported = REPORTED.get(TARGET_METRIC[row.key])
            if reported:
                assert row.reported == record[reported]
    for chart in d.charts:
        for line in chart.lines:
            if chart.id == "famine":
                assert line.points[-1][1] == pytest.approx(math.fsum(series["famine_deaths_m"]))
            else:
                assert [v for _, v in line.points] == series[line.metric]
    # History's course is this very game, so the two columns of the scorecard agree.
    for axis in d.scorecard:
        assert axis.value == pytest.approx(axis.history)


def test_plan_targets_follow_the_policy(historical_debrief):
    first = historical_debrief.plan("first_plan")
    assert first.complete and first.year == 1932
    steel = next(r for r in first.rows if r.key == "steel_mt")
    assert steel.target == steel.history_target == 10.4
    assert steel.history_output.value == 5.9 and "Davies" in steel.history_output.source
    third = historical_debrief.plan("third_plan")
    assert not third.complete and third.year == 1941 and "1942" in third.note
    steel = next(r for r in third.rows if r.key == "steel_mt")
    assert steel.history_output.year == 1940     # history's last figure inside the plan


def test_historical_figures_name_their_source_and_flag_approximations(historical_debrief):
    for chart in historical_debrief.charts:
        for marks in chart.marks:
            assert marks.source and all(p.source for p in marks.points)
    coal = historical_debrief.chart("coal").marks[0].points
    assert [p.approximate for p in coal] == [p.tag == "M" for p in coal]
    assert any(p.approximate for p in coal)
    grain = historical_debrief.chart("grain")
    assert grain.band is not None and all(lo <= hi for _, lo, hi in grain.band.points)
    assert any(lo < hi for _, lo, hi in grain.band.points)


def test_scorecard_formulas(historical_game):
    values = score(historical_game)
    deaths = (math.fsum(historical_game.series("famine_deaths_m"))
              + math.fsum(historical_game.series("deportation_deaths_k")) / 1000
              + math.fsum(historical_game.series("executions_k")) / 1000
              + math.fsum(historical_game.series("gulag_deaths_k")) / 1000)
    init = historical_game.scenario.initial_state
    assert values["lives"].value == pytest.approx(1000 - 1000 * deaths / (init.rural_population_m + init.urban_population_m))
    assert values["food_security"].value == pytest.approx(100 * (1 - max(historical_game.series("share_below_subsistence"))))
    consumption = historical_game.series("consumption_per_capita_index")
    assert values["living_standards"].value == pytest.approx(sum(consumption) / len(consumption))
    assert values["war_readiness"].parts["command"] == pytest.approx(0.4)   # the army purged; the T-34 and KV retooled
    assert "army_purged" in historical_game.flags


def test_every_fired_event_with_what_actually_happened(historical_game, historical_debrief):
    assert [(e.year, e.id) for e in historical_debrief.events] == [(c.year, c.id) for c in historical_game.events]
    deck = {e.id: e for e in historical_game.scenario.events}
    for entry in historical_debrief.events:
        event = deck[entry.id]
        assert entry.title == event.title
        if event.history is not None:   # shown whatever its reveal timing
            assert entry.history == event.history.text and entry.sources
    assert all(e.was_historical for e in historical_debrief.events)


def test_discussion_questions_come_from_the_record(historical_debrief, historical_result):
    ids = [q.id for q in historical_debrief.questions]
    assert ids[:2] == ["exports_and_hunger", "famine_1932"]
    exports = historical_debrief.questions[0]
    assert "1931" in exports.lead and "5.06 Mt" in exports.lead
    assert "Vneshnyaya torgovlya" in exports.lead          # history's figure, with its source
    famine = historical_debrief.questions[1]
    worst = max(historical_result["series"]["famine_deaths_m"])
    assert f"{worst:.2f} million" in famine.lead


def test_gentle_game_has_other_questions_and_no_famine_filler(gentle_debrief, historical_debrief, gentle_result):
    assert math.fsum(gentle_result["series"]["famine_deaths_m"]) == 0.0
    d = gentle_debrief
    assert not d.ledger.had_famine and d.chart("famine") is None
    famine_row = next(r for r in d.ledger.rows if r.id == "famine")
    assert famine_row.player_text == "None"
    assert not d.ledger.famine_by_year
    assert len(d.questions) == 3
    assert all("famine" not in q.tags for q in d.questions)
    assert {q.id for q in d.questions} != {q.id for q in historical_debrief.questions}
    assert all("famine" not in q.lead.lower() for q in d.questions)
    by_id = {a.id: a for a in d.scorecard}
    assert by_id["lives"].value > by_id["lives"].history
    # Ordinary hunger only: the drought of 1936 leaves a few villagers of the worst-hit regions
    # below subsistence, none beyond what an ordinary year knows.
    assert by_id["food_security"].value >= 97.0 > by_id["food_security"].history


def test_a_save_is_debriefed_with_its_own_targets(tmp_path):
    campaign = simulator.prepare("first_plan", None, user_mods=False)
    session = Playthrough(campaign.world, campaign.deck, seed=1, weather_mode="historical",
                          scenario=campaign.scenario, source="first_plan")
    simulator.run_policy(campaign, 1, "historical", session=session)
    path = tmp_path / "lesson.json"
    saves.write_save(session, path)
    game = load_game(path)
    assert game.source == "save" and game.targets_known and game.last_year == 1932
    assert game.famine_deaths_coming_m > 0        # the spring of 1933 is still to come
    d = build(game, history=HISTORY())
    assert d.epilogue.id == "epilogue.early_end"
    assert d.axis("war_readiness").name == "War readiness, end of 1932"
    assert d.ledger.famine_coming_m == pytest.approx(game.famine_deaths_coming_m)
    assert [t.id for t in d.plans] == ["first_plan"]


def test_plan_debrief_is_cut_at_the_plan_end(historical_game):
    campaign = simulator.prepare("great_turn", "historical", user_mods=False)
    session = simulator.run_policy(campaign, 1, "historical")
    short = plan_debrief_of(session, "first_plan", scenario=campaign.scenario, history=HISTORY())
    assert short.meta.last_year == 1932 and not short.meta.finished
    assert short.epilogue.id == "epilogue.not_yet" and not short.epilogue.paragraphs
    assert [t.id for t in short.plans] == ["first_plan"]
    assert all(e.year <= 1932 for e in short.events)
    with pytest.raises(DebriefError, match="unknown plan"):
        plan_debrief_of(session, "fourth_plan", scenario=campaign.scenario, history=HISTORY())


def test_wrong_files_are_refused_clearly(tmp_path, historical_result):
    aggregate = simulator.simulate(simulator.prepare("first_plan", None, user_mods=False), 1, 3, "random")
    cases = {
        "aggregate.json": (json.dumps(aggregate), "summary of 3 runs"),
        "broken.json": ("{", "not valid JSON"),
        "list.json": ("[1, 2]", "not a simulate result"),
        "other.json": (json.dumps({"hello": 1}), "missing"),
        "unknown.json": (json.dumps({**historical_result, "scenario": "no_such"}), "no_such"),
        "results.json": (json.dumps({"format": "pyatiletka-results"}), "for `compare`"),
    }
    for name, (text, message) in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(UserError, match=message) as caught:
            load_game(path)
        assert str(path) in caught.value.message
    with pytest.raises(UserError, match="no such file"):
        load_game(tmp_path / "missing.json")


def test_a_changed_scenario_version_is_noted(historical_result):
    game = from_result({**historical_result, "scenario_version": "0.9"})
    assert any("version 0.9" in n for n in build(game, history=HISTORY()).notices)


def test_a_removed_leadership_gets_its_own_epilogue(historical_result):
    cut = 6   # removed at the end of 1933
    data = {**historical_result, "years": historical_result["years"][:cut], "ending": "removed",
            "series": {k: v[:cut] for k, v in historical_result["series"].items()},
            "regions": {r: {k: v[:cut] for k, v in figures.items()} for r, figures in historical_result["regions"].items()},
            "events": [e for e in historical_result["events"] if e["year"] <= 1933]}
    d = build(from_result(data), history=HISTORY())
    assert d.epilogue.id == "epilogue.removed" and "1933" in d.epilogue.paragraphs[0].text
    assert d.axis("war_readiness").name == "War readiness, end of 1933"
    assert d.axis("stability").parts["removed"] == 1.0
    assert d.axis("lives").history == pytest.approx(d.axis("lives").value)   # history cut to the same years
