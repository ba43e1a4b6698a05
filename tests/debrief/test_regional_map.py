"""What the map shows, display-free: the regions' figures of a game and of history's, and the
collectivization the map spreads over the regions."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.debrief import regional_map as rm
from game.headless.baseline import historical_game
from game.headless.simulator import prepare


@pytest.fixture(scope="module")
def history():
    h = historical_game()
    return rm.GameRegions.of(h.years, h.regions, h.records), h


@pytest.fixture(scope="module")
def spec():
    return prepare("great_turn", None, user_mods=False).scenario.map


def test_famine_deaths_per_thousand_are_each_regions_deaths_over_its_people(history, spec):
    game, record = history
    i = game.index(1933)
    ukraine = record.regions["ukraine"]
    expected = 1000 * ukraine["famine_deaths_m"][i] / (ukraine["rural_m"][i] + ukraine["urban_m"][i])
    assert rm.value("famine", game, spec, "ukraine", 1933) == pytest.approx(expected)


def test_kazakhstan_is_the_proportionally_deadliest_famine_on_history_s_map(history, spec):
    game, _record = history
    worst = {year: max(rm.values("famine", game, spec, year).items(), key=lambda kv: kv[1])[0]
             for year in (1931, 1932)}
    assert worst == {1931: "kazakhstan", 1932: "kazakhstan"}


def test_a_year_the_game_did_not_reach_has_no_figures(history, spec):
    game, _record = history
    assert set(rm.values("food", game, spec, 1950).values()) == {None}
    assert rm.formatted("food", None) == "–"


@given(national=st.floats(0.0, 1.0), weights=st.lists(st.floats(0.01, 50.0), min_size=12, max_size=12),
       leads=st.lists(st.floats(0.1, 3.0), min_size=12, max_size=12))
def test_the_regions_collectivization_averages_to_the_unions(national, weights, leads):
    ids = [f"r{i}" for i in range(12)]
    spread = rm.spread_collectivization(national, dict(zip(ids, weights, strict=True)), dict(zip(ids, leads, strict=True)))
    average = math.fsum(w * spread[r] for r, w in zip(ids, weights, strict=True)) / math.fsum(weights)
    assert average == pytest.approx(national, abs=1e-9)
    assert all(0.0 <= v <= 1.0 for v in spread.values())
    ordered = sorted(ids, key=lambda r: leads[ids.index(r)])
    assert [spread[r] for r in ordered] == sorted(spread[r] for r in ordered)  # a region ahead stays ahead


def test_the_grain_regions_collectivized_first_in_1930(history, spec):
    game, record = history
    shares = rm.values("collectivization", game, spec, 1930)
    union = 100 * record.records[game.index(1930)]["collectivization"]
    assert shares["north_caucasus"] > shares["ukraine"] > union > shares["centre_north"]


def test_colours_follow_the_modes_breaks_from_light_to_dark():
    for mode in rm.MODES:
        assert len(mode.breaks) == len(rm.SCALE) - 1 and list(mode.breaks) == sorted(mode.breaks)
        steps = [rm.colour_step(mode.id, v) for v in (0.0, *mode.breaks, mode.breaks[-1] * 10)]
        assert steps == list(range(len(rm.SCALE))) + [len(rm.SCALE) - 1]
    lightness = [sum(c) for c in rm.SCALE]
    assert lightness == sorted(lightness, reverse=True)   # one direction: never good and bad colours


def test_the_panel_figures_are_in_readable_units(history):
    game, _record = history
    rows = dict((label, yours) for label, yours, _h in rm.figure_rows(game, None, "kazakhstan", 1932))
    assert rows["Harvest"].endswith(" Mt") and rows["Food per villager"].endswith(" kg")
    assert rows["Famine deaths"].endswith(("k", " M")) and rows["Cattle"].endswith(("k", " M"))
    assert rm.amount(0.0, "people") == "none" and rm.amount(0.0123, "people") == "12k"


def test_the_printed_famine_map_escapes_names_and_prints_every_figure(history, spec):
    from game.debrief import map_svg

    game, _record = history
    names = {rid: (f"<script>alert('{rid}')</script>", "") for rid in spec.regions}
    printed = rm.famine_map(spec, names, game, game)
    page = map_svg.section(printed)
    assert "<script>" not in page and "&lt;script&gt;" in page
    for region in printed.regions:
        assert f">{map_svg.figure(region.yours)}</text>" in page
    kazakhstan = next(r for r in printed.regions if r.id == "kazakhstan")
    assert kazakhstan.yours == pytest.approx(1000 * sum(game.regions["kazakhstan"]["famine_deaths_m"])
                                             / (game.regions["kazakhstan"]["rural_m"][0]
                                                + game.regions["kazakhstan"]["urban_m"][0]))


def test_deaths_in_exile_are_counted_where_the_settlers_were_sent(history):
    game, record = history
    i = game.index(1931)
    by_region = {r: game.exile_deaths_m(r, i) for r in game.regions}
    assert math.fsum(by_region.values()) == pytest.approx(record.records[i]["deportation_deaths_k"] / 1000)
    assert max(by_region, key=by_region.get) in ("urals", "western_siberia", "centre_north")
    assert by_region["urals"] > 10 * by_region["ukraine"]


def test_the_deported_are_sent_where_the_settlers_lived(history):
    game, record = history
    i = game.index(1930)
    sent = {r: game.sent_here_m(r, i) for r in game.regions}
    assert math.fsum(sent.values()) == pytest.approx(record.records[i]["deported_m"])
    assert sent["urals"] > sent["kazakhstan"] > sent["ukraine"]
