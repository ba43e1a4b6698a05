"""The bridge's map (game/web/bridge.py `map`): the browser's map screen shows the figures the
window's map shows (game/debrief/regional_map.py), for the years played, in either game's
colours, with every region drawn and a clear message for what it cannot show."""

from __future__ import annotations

import json
import re

import pytest

from game.debrief import regional_map as rm
from game.present import map_view as mv
from game.web.bridge import Bridge, BridgeError

PATH = re.compile(r"^(M\d+,\d+( L\d+,\d+)+ Z ?)+$")


def played_to(bridge: Bridge, january: int) -> dict:
    """Answer every card with its first choice and keep each year's draft, to `january`."""
    view = bridge.view()
    while not view["finished"] and view["year"] < january:
        while view["cards"]:
            card = view["cards"][0]
            view = bridge.choose(card["id"], card["choices"][0]["id"])["view"]
        view = bridge.play_year({"grain_procurement_mt": 11.0} if view["year"] >= 1930 else {})["view"]
    return view


@pytest.fixture(scope="module")
def bridge() -> Bridge:
    """The Great Turn played to January 1934 with little grain taken from 1930: off history's path."""
    bridge = Bridge()
    bridge.start("great_turn", 1928, "historical")
    played_to(bridge, 1934)
    return bridge


def games(bridge: Bridge) -> tuple[rm.GameRegions, rm.GameRegions]:
    return mv.game_regions(bridge.ctx.session), mv.history_regions()


def test_the_map_is_plain_json_of_the_years_played_on_the_last_by_default(bridge):
    shown = bridge.map()
    assert json.loads(json.dumps(shown)) == shown
    assert shown["years"] == list(range(1928, 1934))
    assert (shown["mode"], shown["year"], shown["whose"]) == ("famine", 1933, "yours")
    assert [m["id"] for m in shown["modes"]] == [m.id for m in rm.MODES]
    assert shown["heading"] == "Map: Famine deaths, 1933 (your game)"
    assert shown["page"] is None


@pytest.mark.parametrize("mode", [m.id for m in rm.MODES])
def test_each_regions_figures_are_the_regional_maps(bridge, mode):
    game, history = games(bridge)
    spec = bridge.ctx.scenario.map
    shown = bridge.map(mode, 1932)
    yours, theirs = rm.values(mode, game, spec, 1932), rm.values(mode, history, spec, 1932)
    assert [r["id"] for r in shown["regions"]] == list(spec.regions)
    for region in shown["regions"]:
        number = yours[region["id"]]
        assert region["yours"].startswith(rm.formatted(mode, number))
        assert region["history"].startswith(rm.formatted(mode, theirs[region["id"]]))
        assert region["colour"] == "#{:02x}{:02x}{:02x}".format(*rm.SCALE[rm.colour_step(mode, number)])
        first, second = (line["text"] for line in region["label"]["lines"])
        assert (first, second) == (region["yours"], f"({rm.formatted(mode, theirs[region['id']])})")
    assert len(shown["steps"]) == len(rm.SCALE)


def test_grain_taken_is_never_shown_without_the_famines_toll(bridge):
    game, _history = games(bridge)
    famine = rm.values("famine", game, bridge.ctx.scenario.map, 1933)
    for region in bridge.map("procurement", 1933)["regions"]:
        assert region["yours"].endswith(" · " + rm.formatted("famine", famine[region["id"]]))


def test_history_s_game_can_colour_the_map_instead(bridge):
    _game, history = games(bridge)
    spec = bridge.ctx.scenario.map
    yours, theirs = bridge.map("famine", 1933, "yours"), bridge.map("famine", 1933, "history")
    assert theirs["heading"] == "Map: Famine deaths, 1933 (history's game)"
    assert "in brackets, your game's" in theirs["legend"]
    figures = rm.values("famine", history, spec, 1933)
    for mine, region in zip(yours["regions"], theirs["regions"], strict=True):
        assert region["colour"] == "#{:02x}{:02x}{:02x}".format(*rm.SCALE[rm.colour_step("famine", figures[region["id"]])])
        assert region["value"] == mine["history"] and region["line"].endswith(f"(yours {mine['yours']})")
    # The game off history's path starved far fewer in 1933: the colours must differ somewhere.
    assert [r["colour"] for r in yours["regions"]] != [r["colour"] for r in theirs["regions"]]


def test_every_region_is_drawn_inside_the_map_with_its_label(bridge):
    shown = bridge.map("settlers", 1931)
    width, height = shown["width"], shown["height"]
    assert width == mv.WIDTH and 0 < height < 2 * width and PATH.match(shown["neighbours"])
    boxes = []
    for region in shown["regions"]:
        assert PATH.match(region["path"]), region["id"]
        numbers = [int(n) for n in re.findall(r"\d+", region["path"])]
        assert max(numbers[0::2]) <= width and max(numbers[1::2]) <= height
        box = region["label"]
        assert 0 <= box["x"] and box["x"] + box["width"] <= width and 0 <= box["y"] and box["y"] + box["height"] <= height
        boxes.append((box["x"], box["y"], box["width"], box["height"]))
    for i, (x, y, w, h) in enumerate(boxes):
        for x2, y2, w2, h2 in boxes[i + 1:]:
            assert x + w <= x2 or x2 + w2 <= x or y + h <= y2 or y2 + h2 <= y, "two labels overlap"


def test_a_regions_page_has_its_history_readings_and_sources_from_the_scenario(bridge):
    region = bridge.ctx.scenario.map.regions["ukraine"]
    page = bridge.map("famine", 1933, "yours", "ukraine")["page"]
    game, history = games(bridge)
    assert page["name"] == "Ukrainian SSR" and page["intro"] == "In 1933: Ukrainian SSR. Today: Ukraine."
    assert [(r["label"], r["yours"], r["history"]) for r in page["rows"]] == rm.figure_rows(game, history, "ukraine", 1933)
    assert page["history"] == region.summary and "Holodomor" in page["history"]
    assert [(r["author"], r["work"], r["position"]) for r in page["readings"]] == [
        (p.author, p.work, p.position) for p in region.positions]
    assert page["sources"] == list(region.sources) and page["sources"]
    assert bridge.ctx.scenario.map.collectivization_note in page["about"]


def test_collectivization_says_it_is_an_estimate(bridge):
    shown = bridge.map("collectivization", 1932)
    assert "an estimate" in shown["legend"]
    assert bridge.ctx.scenario.map.collectivization_note in shown["caption"]


@pytest.mark.parametrize(("arguments", "message"), [
    (("harvest",), "'harvest' is not a figure of the map (famine, procurement"),
    (("famine", 1937), "1937 has not been played; the years played are 1928–1933"),
    (("famine", "next"), "the year is a number"),
    (("famine", 1932, "theirs"), "colour by 'yours' or 'history'"),
    (("famine", 1932, "yours", "siberia"), "there is no region 'siberia'"),
])
def test_what_the_map_cannot_show_is_refused_with_a_message(bridge, arguments, message):
    with pytest.raises(BridgeError, match=re.escape(message)):
        bridge.map(*arguments)


def test_before_a_year_is_played_there_is_no_map():
    bridge = Bridge()
    with pytest.raises(BridgeError, match="no game has been started"):
        bridge.map()
    bridge.start("first_plan", 1928, "historical")
    with pytest.raises(BridgeError, match="no year has been played yet"):
        bridge.map()


def test_a_finished_game_opens_on_its_worst_famine_year_as_the_window_does():
    bridge = Bridge()
    bridge.start("first_plan", 1928, "historical")
    view = played_to(bridge, 1950)
    assert view["finished"]
    game = mv.game_regions(bridge.ctx.session)
    assert bridge.map()["year"] == mv.worst_famine_year(game)
