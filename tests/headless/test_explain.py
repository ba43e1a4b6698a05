"""`explain`: a year's change of a figure, cause by cause (issue 13, 3). The parts and the
remainder add up to the change exactly, the re-resolved year reproduces its record bit for bit,
and a file that is not one run, a metric or a year the run lacks, are one-line errors."""

from __future__ import annotations

import json

import pytest

from game.cli import main
from game.headless.explain import (
    CAUSES,
    EXPLAINED_METRICS,
    Explanation,
    Part,
    explain,
    explain_file,
    inputs_of_session,
    run_inputs,
)
from game.headless.simulator import prepare, run_policy


@pytest.fixture(scope="module")
def campaign():
    return prepare("great_turn", "historical", user_mods=False)


@pytest.fixture(scope="module")
def inputs(campaign):
    return run_inputs(campaign, seed=1, weather="historical")


@pytest.fixture(scope="module")
def other(campaign):
    """Another course (the maximal policy in random weather): history is not the same game."""
    return run_inputs(prepare("great_turn", "maximal", user_mods=False), seed=3, weather="random")


@pytest.fixture(scope="module")
def run_file(tmp_path_factory, campaign):
    path = tmp_path_factory.mktemp("explain") / "run.json"
    assert main(["simulate", "--scenario", "great_turn", "--policy", "historical", "--seed", "1",
                 "--json", str(path)]) == 0
    return path


def test_each_year_resolved_again_from_its_inputs_gives_its_record_exactly(campaign, inputs):
    for year, given in inputs.items():
        assert given.resolve(campaign.world) == given.record, year


def test_the_inputs_of_a_live_session_are_its_years(campaign):
    session = run_policy(campaign, seed=2, weather="random")
    captured = inputs_of_session(session)
    assert [captured[int(r["year"])].record for r in session.records] == session.records


@pytest.mark.parametrize("metric", EXPLAINED_METRICS)
@pytest.mark.parametrize("year", [1930, 1932, 1933, 1937])
def test_parts_and_remainder_add_up_to_the_change(campaign, inputs, other, metric, year):
    for current, comparison, against in ((other[year], other[year - 1], "previous"),
                                         (other[year], inputs[year], "history"),
                                         (inputs[year], inputs[year - 1], "previous")):
        e = explain(campaign.world, current, comparison, metric, against)
        assert isinstance(e, Explanation) and all(isinstance(p, Part) for p in e.parts)
        assert [p.cause for p in e.parts] == [c.id for c in CAUSES]
        assert e.change == e.value - e.compared
        assert sum(p.value for p in e.parts) + e.remainder == pytest.approx(e.change, abs=1e-6)
        assert e.value == current.record[metric] and e.compared == comparison.record[metric]


def test_the_1932_famine_against_1931_has_weather_procurement_exports_and_collectivization(campaign, inputs):
    e = explain(campaign.world, inputs[1932], inputs[1931], "famine_deaths_m", "previous")
    parts = {p.cause: p.value for p in e.parts}
    for cause in ("weather", "procurement", "exports", "collectivization"):
        assert abs(parts[cause]) > 1e-3, (cause, parts)
    assert e.change > 0  # more died in 1932 than in 1931


def test_history_against_itself_changes_nothing(run_file):
    for metric in EXPLAINED_METRICS:
        e = explain_file(run_file, 1932, metric, "history")
        assert e.change == 0.0
        assert all(p.value == 0.0 for p in e.parts)
        assert e.remainder == 0.0


def test_the_command_prints_every_cause_and_writes_json(run_file, tmp_path, capsys):
    out = tmp_path / "why.json"
    code = main(["explain", str(run_file), "--year", "1932", "--metric", "famine_deaths_m", "--json", str(out)])
    printed, err = capsys.readouterr()
    assert code == 0, err
    for cause in CAUSES:
        assert cause.label in printed
    assert "everything else" in printed and "Total change" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["year"] == 1932 and data["against"] == "previous" and data["unit"] == "people"
    assert sum(p["value"] for p in data["parts"]) + data["remainder"] == pytest.approx(data["change"], abs=1e-9)


def test_a_famine_figure_is_broken_down_by_region(run_file, capsys):
    """The 1933 famine, region by region: Ukraine first, and the regions add up to the country."""
    e = explain_file(run_file, 1933, "famine_deaths_m", "previous")
    assert e.regions[0].region == "ukraine" and e.regions[0].value > e.regions[0].compared
    assert sum(r.value for r in e.regions) == pytest.approx(e.value, rel=1e-9)
    assert sum(r.compared for r in e.regions) == pytest.approx(e.compared, rel=1e-9)
    assert main(["explain", str(run_file), "--year", "1933"]) == 0
    printed = capsys.readouterr().out
    by_region = printed[printed.index("By region"):]
    assert by_region.index("Ukrainian SSR") < by_region.index("Kazakh ASSR")
    assert explain_file(run_file, 1933, "steel_mt", "previous").regions == ()   # industry is national


def test_the_simulate_result_gives_every_region_one_value_a_year(run_file):
    data = json.loads(run_file.read_text(encoding="utf-8"))
    years = len(data["years"])
    assert len(data["regions"]) == 12
    for figures in data["regions"].values():
        assert all(len(values) == years for values in figures.values())
    for i in range(years):
        assert sum(r["famine_deaths_m"][i] for r in data["regions"].values()) == pytest.approx(
            data["series"]["famine_deaths_m"][i], rel=1e-9, abs=1e-12)


def _error(capsys, *args) -> str:
    code = main(["explain", *map(str, args)])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err and err.startswith("error: ") and err.count("\n") == 1, err
    return err


def test_a_missing_file_is_one_line(tmp_path, capsys):
    assert "no such file" in _error(capsys, tmp_path / "missing.json", "--year", "1932")


def test_an_aggregate_of_many_runs_is_refused(tmp_path, capsys):
    out = tmp_path / "many.json"
    assert main(["simulate", "--runs", "2", "--json", str(out)]) == 0
    capsys.readouterr()
    err = _error(capsys, out, "--year", "1932")
    assert "many runs" in err and "without --runs" in err


def test_an_unknown_metric_says_did_you_mean(run_file, capsys):
    err = _error(capsys, run_file, "--year", "1932", "--metric", "famine_deaths")
    assert "unknown metric 'famine_deaths'" in err and "did you mean 'famine_deaths_m'" in err


@pytest.mark.parametrize(("year", "against", "expected"), [
    (1950, "previous", "covers 1928-1941"),
    (1927, "history", "covers 1928-1941"),
    (1928, "previous", "no year before it"),
])
def test_a_year_outside_the_run_is_one_line(run_file, capsys, year, against, expected):
    assert expected in _error(capsys, run_file, "--year", year, "--against", against)


def test_a_file_the_replay_does_not_reproduce_is_refused(run_file, tmp_path, capsys):
    data = json.loads(run_file.read_text(encoding="utf-8"))
    data["series"]["steel_mt"][2] += 0.5
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(data), encoding="utf-8")
    assert "another version of the game or with different content" in _error(capsys, changed, "--year", "1932")
