"""The browser edition's bridge (game/web/bridge.py): the page's commands reach the session as
the window's do, and every view it hands the page is plain JSON read from the view models."""

from __future__ import annotations

import json
import re

import pytest

from game.headless.explain import EXPLAINED_METRICS
from game.headless.simulator import prepare
from game.model import Directives
from game.model.levers import CONTROLS
from game.present.viewmodel import INDICATOR_GROUPS, indicators
from game.scenario.levers import LEVER_FIELDS
from game.session import Session
from game.web.bridge import Bridge, BridgeError


def play_through(bridge: Bridge, drafts: dict[int, dict]) -> dict:
    """Answer every card with its first choice and play each year's draft; the last view."""
    view = bridge.view()
    while not view["finished"]:
        while view["cards"]:
            card = view["cards"][0]
            view = bridge.choose(card["id"], card["choices"][0]["id"])["view"]
        view = bridge.play_year(drafts.get(view["year"], {}))["view"]
    return view


def replayed(bridge: Bridge) -> list[dict]:
    """The bridge's game replayed from its command log in a plain session."""
    ctx = bridge.ctx
    campaign = prepare(ctx.scenario.id, None, user_mods=False)
    session = Session(campaign.world, campaign.deck, seed=ctx.session.seed, weather_mode=ctx.session.weather_mode)
    for command in ctx.session.commands:
        if command["command"] == "choose":
            session.choose(command["event"], command["choice"])
        else:
            session.play_year(Directives.model_validate(command["directives"]))
    return session.records


def test_a_game_played_through_the_bridge_is_the_sessions_game():
    """Off history's path: little procurement from 1930 and a slow collectivization."""
    bridge = Bridge()
    bridge.start("great_turn", 1928, "historical")
    drafts = {year: {"grain_procurement_mt": 11.0, "collectivization_target": 0.08} for year in range(1930, 1942)}
    last = play_through(bridge, drafts)
    records = bridge.ctx.session.records
    assert last["year"] == 1942 and len(records) == 14
    assert [r["grain_procurement_mt"] for r in records[2:]] == pytest.approx([11.0] * 12, rel=0.02)
    assert replayed(bridge) == records
    assert [c["title"] for c in last["charts"]] == ["Steel, Mt", "Grain harvest, Mt", "Cattle, million",
                                                    "Famine deaths, million people"]
    assert [p[1] for p in last["charts"][1]["series"][0]["points"]] == [r["grain_harvest_mt"] for r in records]


def test_every_view_is_plain_json_and_shows_what_the_window_shows():
    bridge = Bridge()
    view = bridge.start("first_plan", 1928, "historical")
    assert json.loads(json.dumps(view)) == view
    window = [[row.value for row in indicators(bridge.ctx, metrics)] for _title, metrics in INDICATOR_GROUPS]
    assert [[row["value"] for row in panel["rows"]] for panel in view["panels"]] == window
    card = view["cards"][0]
    assert card["title"] and card["text"] and card["choices"][0]["forecast"]
    assert "{" not in card["text"]  # the card's figures are filled in


def test_the_levers_are_the_scenarios_with_the_windows_ranges():
    bridge = Bridge()
    view = bridge.start("great_turn", 1928, "historical")
    ctx = bridge.ctx
    fields = {lever["field"] for lever in view["levers"]}
    expected = {f for lever in ctx.levers for f in LEVER_FIELDS[lever] if CONTROLS[f].kind not in ("projects", "targets")}
    assert fields == expected
    procurement = next(lever for lever in view["levers"] if lever["field"] == "grain_procurement_mt")
    control = CONTROLS["grain_procurement_mt"]
    assert (procurement["low"], procurement["high"]) == ctx.world.lever_range("grain_procurement_mt", control.low,
                                                                               control.high)
    labour = next(lever for lever in view["levers"] if lever["field"] == "labor")
    assert len(labour["value"]) == len(labour["parts"]) == 3 and sum(labour["value"]) == pytest.approx(1.0)


def test_the_year_end_report_sets_pravda_beside_the_internal_report():
    bridge = Bridge()
    view = bridge.start("great_turn", 1928, "historical")
    for card in view["cards"]:
        bridge.choose(card["id"], card["choices"][0]["id"])
    report = bridge.play_year({})["report"]
    assert report["year"] == 1928
    steel = next(line for line in report["pravda"] if line["label"] == "Steel")
    assert steel["real"].endswith("Mt") and steel["reported"].endswith("Mt")
    assert any(line["label"] == "Grain procured" or "procure" in line["label"].lower() for line in report["internal"])
    assert {entry["label"] for entry in report["costs"]} >= {"famine deaths", "deported"}
    assert [m["id"] for m in report["explained"]] == list(EXPLAINED_METRICS)  # the figures Why? offers


def test_the_report_carries_the_plans_progress_real_beside_reported():
    from game.present.viewmodel import plan_progress

    bridge = Bridge()
    bridge.start("first_plan", 1928, "historical")
    answer_all(bridge)
    report = bridge.play_year({})["report"]
    plan = report["plan"]
    assert plan["title"] == "First Five-Year Plan" and "Toward the targets for 1932" in plan["note"]
    window = plan_progress(bridge.ctx, bridge.ctx.world.plan_for(1928), upto_year=1928)
    assert [(r["label"], r["target"], r["fraction"]) for r in plan["rows"]] == [
        (row.label, row.target_text, row.fraction) for row in window]
    assert plan["fulfilment"].endswith("%")
    steel = next(line for line in report["pravda"] if line["label"] == "Steel")
    steel_row = next(row for row in window if row.label == "Steel")
    assert steel["share"] == f"{100 * steel_row.reported_fraction:.0f} %"   # Pravda's claim on the target
    assert report["pravda_fulfilment"].startswith("The plan for 1932: ")
    assert report["notes"] == []   # the bundled cards tell their history at once or in the debrief


def test_the_reports_charts_are_the_windows_with_the_game_so_far_beside_history():
    from game.present.charts import report_charts
    from game.present.scales import nice_ceiling

    bridge = Bridge()
    view = bridge.start("great_turn", 1928, "historical")
    drafts = {year: {"grain_procurement_mt": 9.0} for year in range(1928, 1942)}
    for _year in range(3):
        while view["cards"]:
            view = bridge.choose(view["cards"][0]["id"], view["cards"][0]["choices"][0]["id"])["view"]
        played = bridge.play_year(drafts[view["year"]])
        view = played["view"]
    charts = played["report"]["charts"]
    assert [c["title"] for c in charts] == [c.title for c in report_charts(bridge.ctx, 1930)]
    steel = charts[0]
    real, reported, history = steel["series"]
    records = bridge.ctx.session.records
    assert [p[:2] for p in real["points"]] == [[int(r["year"]), r["steel_mt"]] for r in records]
    assert reported["style"] == "dashed" and history["style"] == "points"
    assert steel["years"] == [1928, 1932]   # five years at least, as the window draws them
    highest = max(p[1] for series in steel["series"] for p in series["points"])
    assert steel["top"] == nice_ceiling(highest) >= highest   # the window's round top for the axis
    assert history["hollow"] == [1929, 1930, 1931]   # history's steel tagged M in the reference
    assert [p[2][0] == "≈" for p in history["points"]] == [False, True, True, True, False]
    assert view["charts"] == []   # the end's charts come with the end


@pytest.mark.parametrize(("command", "says"), [
    (lambda b: b.play_year({"no_such_lever": 1}), "there is no lever 'no_such_lever'"),
    (lambda b: b.play_year({"labor": [0.5, 0.5]}), "labor: 3 shares expected (farms, factories, construction)"),
    (lambda b: b.choose("no_such_card", "x"), "event 'no_such_card' is not waiting for an answer"),
    (lambda b: b.play_year({}), "answer the events first"),
])
def test_a_refused_command_is_the_games_message(command, says):
    bridge = Bridge()
    bridge.start("great_turn", 1928, "historical")
    with pytest.raises(BridgeError, match=re.escape(says)):
        command(bridge)
    assert bridge.ctx.session.records == []  # nothing was played


def test_a_command_before_a_game_says_so():
    with pytest.raises(BridgeError, match="no game has been started"):
        Bridge().view()


def test_the_browsers_debrief_and_results_file_are_the_windows(tmp_path, capsys):
    """At the end the page gets the printable pages and a results file that the class
    comparison reads beside a desktop game's."""
    from game.cli import main

    bridge = Bridge()
    bridge.start("first_plan", 1928, "historical")
    play_through(bridge, {})
    debrief = bridge.debrief("Team 3")
    assert debrief["html"].startswith("<!DOCTYPE html>") and "Team 3" in debrief["handout"]
    browser_file = tmp_path / debrief["results_name"]
    browser_file.write_text(debrief["results"], encoding="utf-8")
    save = tmp_path / "desktop.json"
    assert main(["simulate", "--scenario", "first_plan", "--json", str(save)]) == 0
    desktop = tmp_path / "desktop.results.json"
    assert main(["debrief", str(save), "--json", str(desktop)]) == 0
    capsys.readouterr()
    assert main(["compare", str(browser_file), str(desktop)]) == 0
    assert capsys.readouterr().out.startswith("2 results of The First Five-Year Plan")


def test_the_end_is_the_windows_epilogue_scorecard_events_questions_and_historians():
    from game.debrief import debrief_of
    from game.headless.baseline import historical_game
    from game.present.end import headline, shown

    bridge = Bridge()
    bridge.start("first_plan", 1928, "historical")
    play_through(bridge, {year: {"grain_procurement_mt": 8.0} for year in range(1928, 1933)})
    end = bridge.end()
    assert json.loads(json.dumps(end)) == end
    report = debrief_of(bridge.ctx.session, scenario=bridge.ctx.scenario, history=historical_game())
    assert end["headline"] == headline(bridge.ctx) == "The scenario ends with the year 1932."
    assert [(a["name"], a["yours"], a["theirs"], a["scale"]) for a in end["scorecard"]] == [
        (shown(a).name, shown(a).yours, shown(a).theirs, shown(a).scale) for a in report.scorecard]
    assert all(a["formula"] and a["scale_words"] for a in end["scorecard"])
    assert [e["title"] for e in end["events"]] == [e.title for e in report.events] and end["events"]
    assert end["questions"] and all(q["lead"] and q["text"] for q in end["questions"])
    assert end["perspectives"] and all(p["positions"] for p in end["perspectives"])
    assert end["epilogue"] and all(part["text"] for part in end["epilogue"])


def test_a_debrief_before_any_year_says_so():
    bridge = Bridge()
    bridge.start("first_plan", 1928, "historical")
    with pytest.raises(BridgeError, match="no year has been played yet"):
        bridge.debrief()


def half_a_game(bridge: Bridge, years: int) -> None:
    view = bridge.view()
    for _ in range(years):
        while view["cards"]:
            card = view["cards"][0]
            view = bridge.choose(card["id"], card["choices"][0]["id"])["view"]
        view = bridge.play_year({"grain_procurement_mt": 12.5})["view"]


def test_a_browser_save_loads_and_replays_in_the_desktop_game(tmp_path):
    from game.persist.saves import load

    bridge = Bridge()
    bridge.start("great_turn", 1928, "historical")
    half_a_game(bridge, 4)
    path = tmp_path / "from-the-browser.json"
    path.write_text(bridge.save(), encoding="utf-8")
    desktop = load(path)
    assert desktop.year == 1932 and desktop.records == bridge.ctx.session.records


def test_a_desktop_save_continues_in_the_browser(tmp_path):
    from game.persist.saves import write_save
    from game.present.context import GameContext

    desktop = GameContext.start("great_turn", 77, "random", user_mods=False)
    for _ in range(3):
        for event in desktop.session.pending:
            desktop.session.choose(event.id, event.choices[0].id)
        desktop.play_year()
    path = write_save(desktop.session, tmp_path / "desktop.json")
    bridge = Bridge()
    view = bridge.load(path.read_text(encoding="utf-8"), "desktop.json")
    assert view["year"] == 1931 and bridge.ctx.session.records == desktop.session.records
    half_a_game(bridge, 1)  # and it plays on
    assert bridge.ctx.session.year == 1932


@pytest.mark.parametrize(("text", "says"), [
    ("", "the save is empty"),
    ("{\"format\": \"pyatiletka-save\", \"format_version\": 1", "cut short"),
    ("not a save at all", "is not a Pyatiletka save"),
])
def test_a_damaged_save_is_one_clear_message(text, says):
    bridge = Bridge()
    with pytest.raises(BridgeError, match=says):
        bridge.load(text, "upload.json")
    assert bridge.ctx is None  # nothing was lost or half-loaded


def answer_all(bridge: Bridge) -> dict:
    view = bridge.view()
    while view["cards"]:
        card = view["cards"][0]
        view = bridge.choose(card["id"], card["choices"][0]["id"])["view"]
    return view


def test_the_plans_targets_and_the_projects_are_the_players():
    bridge = Bridge()
    view = bridge.start("great_turn", 1928, "historical")
    assert view["cards"] and view["targets"] is None  # worked out once the cards are answered
    view = answer_all(bridge)
    steel = next(row for row in view["targets"]["rows"] if row["key"] == "steel_mt")
    assert steel["history"] == "10.4 Mt" and steel["low"] < steel["value"] < steel["high"]
    offered = {p["id"]: p for p in view["projects"]}
    assert offered["turksib"]["chosen"] and offered["kharkov_tractor"]["status"] == "too_early"
    view = bridge.play_year({"targets": {"steel_mt": 7.0}, "projects": ["magnitogorsk"]})["view"]
    state = bridge.ctx.session.game.state
    assert state.targets["first_plan"]["steel_mt"] == 7.0
    assert "magnitogorsk" in state.projects_building and "turksib" not in state.projects_building
    assert view["targets"] is None  # set in the plan's first year only
    assert {p["id"]: p["status"] for p in view["projects"]}["magnitogorsk"] == "building"


@pytest.mark.parametrize(("draft", "says"), [
    ({"projects": ["kharkov_tractor"]}, "cannot start kharkov_tractor this year"),
    ({"targets": {"bananas_mt": 3}}, "bananas_mt is not a target of"),
])
def test_a_refused_project_or_target_is_the_games_message(draft, says):
    bridge = Bridge()
    bridge.start("great_turn", 1928, "historical")
    answer_all(bridge)
    with pytest.raises(BridgeError, match=says):
        bridge.play_year(draft)
    assert bridge.ctx.session.records == []


def test_a_lesson_code_starts_the_teachers_game():
    from game.persist.lessons import make_code

    code = make_code("first_plan", 4242, "random")
    bridge = Bridge()
    view = bridge.start_lesson(code)
    session = bridge.ctx.session
    assert (view["scenario"]["id"], session.seed, session.weather_mode) == ("first_plan", 4242, "random")
    with pytest.raises(BridgeError, match="lesson code"):
        bridge.start_lesson("NOT-A-CODE")
    assert bridge.ctx.session is session  # the game in progress is kept


@pytest.mark.parametrize(("draft", "says"), [
    ({"grain_procurement_mt": "lots"}, "grain_procurement_mt: a number expected, not 'lots'"),
    ({"grain_procurement_mt": None}, "grain_procurement_mt: a number expected, not None"),
    ({"grain_procurement_mt": 1e9}, "grain_procurement_mt"),
    ({"repression": 1.5}, "repression: a level 0-3 expected"),
    ({"dekulakization": "yes"}, "dekulakization: on or off expected"),
    ({"targets": {"steel_mt": "ten"}}, "targets.steel_mt: a number expected"),
])
def test_an_impossible_lever_value_is_refused_and_the_draft_kept(draft, says):
    bridge = Bridge()
    view = bridge.start("great_turn", 1928, "historical")
    before = {lever["field"]: lever["value"] for lever in view["levers"]}
    answer_all(bridge)
    with pytest.raises(BridgeError, match=re.escape(says)):
        bridge.play_year(draft)
    assert {lever["field"]: lever["value"] for lever in bridge.view()["levers"]} == before
    assert bridge.ctx.session.records == []


def test_the_outlook_is_the_windows_for_the_pages_directives():
    """The page asks where its directives lead: the rows are the window's outlook (the same
    class), with the change against the year's directives as they stood."""
    from game.present.outlook import OutlookView

    bridge = Bridge()
    bridge.start("great_turn", 1928, "historical")
    answer_all(bridge)
    ctx = bridge.ctx
    shown = bridge.outlook({"grain_procurement_mt": 20.0})
    window = OutlookView(ctx)
    base = ctx.directives()
    window.begin(base)
    window.aim(base.model_copy(update={"grain_procurement_mt": 20.0}))
    window.finish()
    assert [row["value"] for row in shown["rows"]] == [row.value for row in window.rows()]
    assert shown["title"] == "Outlook to 1932"
    assert any(row["delta_text"] not in ("", "no change") for row in shown["rows"])
    assert ctx.ensure_draft()["grain_procurement_mt"] != 20.0  # asking changes nothing
    with pytest.raises(BridgeError, match="grain_procurement_mt"):
        bridge.outlook({"grain_procurement_mt": "lots"})


def test_why_is_the_windows_breakdown_of_a_year_played():
    from game.present.why import WhyView

    bridge = Bridge()
    bridge.start("great_turn", 1928, "historical")
    half_a_game(bridge, 5)
    shown = bridge.why("famine_deaths_m", "history")
    window = WhyView(bridge.ctx, None, "famine_deaths_m", "history")
    assert shown["heading"] == "Why? Famine deaths, 1932" == window.heading()
    assert [row["value"] for row in shown["rows"]] == [value for _label, value in window.rows()]
    assert shown["summary"].startswith("Famine deaths:") and shown["change"]
    with pytest.raises(BridgeError, match="is not one of"):
        bridge.why("bananas")


def test_why_before_any_year_says_so():
    bridge = Bridge()
    bridge.start("great_turn", 1928, "historical")
    with pytest.raises(BridgeError, match="nothing to explain"):
        bridge.why()


def test_a_locked_game_goes_on_only_from_its_newest_state():
    """An assessment (a lesson code with undo off): the page keeps its newest state, and an
    older save of the same game is refused, as the window's Load refuses it."""
    from game.persist.lessons import make_code
    from game.persist.settings import GameSettings

    bridge = Bridge()
    view = bridge.start_lesson(make_code("first_plan", 31, "historical", GameSettings(allow_undo=False)))
    assert view["locked"] and view["game_id"]
    half_a_game(bridge, 1)
    older = bridge.save()
    half_a_game(bridge, 2)
    newest = bridge.save()
    with pytest.raises(BridgeError, match="played locked .* January 1931; this save is from January 1929"):
        Bridge().load(older, "older.json", [newest])
    assert Bridge().load(newest, "newest.json", [newest])["year"] == 1931
    unlocked = Bridge()
    unlocked.start("first_plan", 31, "historical")
    half_a_game(unlocked, 1)
    early = unlocked.save()
    half_a_game(unlocked, 1)
    assert Bridge().load(early, "early.json", [unlocked.save()])["year"] == 1929  # undo allowed: any save


def test_a_new_game_keeps_the_pages_settings_and_a_year_can_be_taken_back():
    bridge = Bridge()
    view = bridge.start("first_plan", 7, "historical", {"classroom": True, "content": "detailed", "allow_undo": True})
    assert view["settings"] == {"classroom": True, "content": "detailed", "allow_undo": True}
    assert view["can_undo"] is False   # nothing played yet
    answer_all(bridge)
    before = bridge.view()
    played = bridge.play_year({"grain_procurement_mt": 8.0})["view"]
    assert played["year"] == 1929 and played["can_undo"] is True
    again = bridge.undo()
    assert again["year"] == 1928 and bridge.ctx.session.records == []
    assert [c["id"] for c in again["cards"]] == [c["id"] for c in bridge.start(
        "first_plan", 7, "historical", {"allow_undo": True})["cards"]]   # the January's cards to answer anew
    assert before["cards"] == []


@pytest.mark.parametrize(("settings", "says"), [
    ({"content": "gory"}, "content must be one of sober, detailed"),
    ({"volume": 11}, "volume is not a setting"),
    ({"allow_undo": "no"}, "allow_undo must be true or false"),
])
def test_impossible_settings_are_refused_with_the_games_message(settings, says):
    with pytest.raises(BridgeError, match=says):
        Bridge().start("first_plan", 7, "historical", settings)


def test_an_assessment_cannot_be_taken_back():
    bridge = Bridge()
    bridge.start("first_plan", 7, "historical", {"allow_undo": False})
    answer_all(bridge)
    assert bridge.play_year({})["view"]["can_undo"] is False
    with pytest.raises(BridgeError, match="undo is switched off for this game"):
        bridge.undo()
    assert len(bridge.ctx.session.records) == 1


def test_a_plans_end_is_the_windows_short_debrief_while_the_game_goes_on():
    from game.debrief import plan_debrief_of
    from game.headless.baseline import historical_game
    from game.present.end import plan_cells

    bridge = Bridge()
    bridge.start("great_turn", 1928, "historical")
    with pytest.raises(BridgeError, match="no plan has just ended"):
        bridge.plan_end()
    reports = []
    for _year in range(5):
        answer_all(bridge)
        reports.append(bridge.play_year({"grain_procurement_mt": 12.0})["report"])
    assert [r["plan_ended"] for r in reports] == [False, False, False, False, True]
    ended = bridge.plan_end()
    assert ended["title"] == "The end of the plan: First Five-Year Plan" and ended["next_year"] == 1933
    window = plan_debrief_of(bridge.ctx.session, "first_plan", scenario=bridge.ctx.scenario, history=historical_game())
    assert [row["cells"] for row in ended["table"]["rows"]] == [list(plan_cells(r)) for r in window.plan("first_plan").rows]
    assert ended["table"]["heads"][:3] == ["target", "reported", "real"]
    assert len(ended["scorecard"]) == len(window.scorecard) and len(ended["questions"]) == 1
    assert bridge.view()["year"] == 1933 and not bridge.view()["finished"]   # the game goes on
