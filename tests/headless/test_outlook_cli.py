"""`outlook`: a policy's own directives projected over many weathers (issue 13, 2)."""

from __future__ import annotations

import json

import pytest

from game.cli import main
from game.headless.outlook import OUTLOOK_METRICS, policy_outlook
from game.headless.simulator import prepare


@pytest.fixture(scope="module")
def campaign():
    return prepare("great_turn", "historical", user_mods=False)


def test_the_band_widens_with_the_horizon(campaign):
    outlook, _ = policy_outlook(campaign, 1930, years=8, draws=40)
    assert outlook.years == tuple(range(1930, 1938))
    for metric in ("steel_mt", "tanks"):  # capacity built from the harvests' grain and money accumulates
        widths = [b.high - b.low for b in outlook.bands[metric]]
        # The last year's band is the widest, and several times the first year's (the first
        # year's spread is only that year's weather on the railways' grain freight, and on the
        # grain regions' hunger).
        assert widths[-1] > 3 * widths[0] and widths[-1] >= max(widths), (metric, widths)


def test_by_default_the_outlook_runs_to_the_end_of_the_plan(campaign):
    outlook, session = policy_outlook(campaign, 1930, draws=5)
    assert session.year == 1930 and not session.pending  # January 1930, its cards answered
    assert outlook.years == (1930, 1931, 1932)
    assert outlook.done == 5


def test_the_command_prints_a_table_and_writes_json(tmp_path, capsys):
    out = tmp_path / "outlook.json"
    code = main(["outlook", "--scenario", "great_turn", "--policy", "historical", "--from", "1930",
                 "--years", "2", "--draws", "10", "--json", str(out)])
    printed, err = capsys.readouterr()
    assert code == 0, err
    assert "median" in printed and "10-90 %" in printed and "history" in printed and "1931" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["years"] == [1930, 1931] and data["draws"] == 10
    assert set(data["metrics"]) == set(OUTLOOK_METRICS)
    harvest = data["metrics"]["grain_harvest_mt"]
    assert all(lo <= med <= hi for lo, med, hi in zip(harvest["low"], harvest["median"], harvest["high"], strict=True))
    assert all(h is not None for h in harvest["history"])
    assert "war_readiness" in data


@pytest.mark.parametrize(("args", "expected"), [
    (["--from", "1927"], "runs from 1928 to 1941"),
    (["--from", "1942"], "runs from 1928 to 1941"),
    (["--from", "1930", "--years", "0"], "--years must be at least 1"),
    (["--from", "1930", "--draws", "0"], "--draws must be at least 1"),
    (["--from", "1930", "--policy", "no_such_policy"], "unknown policy 'no_such_policy'"),
    (["--from", "1930", "--scenario", "no_such_scenario"], "no_such_scenario"),
])
def test_bad_input_is_one_line(capsys, args, expected):
    code = main(["outlook", *args])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err and err.startswith("error: ") and err.count("\n") == 1, err
    assert expected in err
