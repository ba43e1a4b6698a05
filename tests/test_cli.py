"""The command line as a user meets it: results files, repeatability, and plain error messages.

Never asserts model values: the model is being calibrated. Runs in-process through main() for
speed; one test goes through `python main.py` to prove the entry point.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from game.cli import main
from game.headless.simulator import prepare, run_policy
from game.model import METRICS
from game.scenario.policy import POLICY_DIR

REPO = Path(__file__).resolve().parents[1]
HISTORICAL = POLICY_DIR / "historical.yaml"
REQUIRED_KEYS = {"scenario", "scenario_version", "seed", "policy", "weather", "years", "series",
                 "totals", "events", "ending"}


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def simulate_json(capsys, out: Path, *args: str) -> dict:
    code, _, err = run(capsys, "simulate", "--json", out, *args)
    assert code == 0, err
    return json.loads(out.read_text(encoding="utf-8"))


def edited_policy(tmp_path: Path, edit) -> Path:
    """A copy of the historical policy with one change, as a user would make it."""
    policy = yaml.safe_load(HISTORICAL.read_text(encoding="utf-8"))
    edit(policy)
    path = tmp_path / "my_policy.yaml"
    path.write_text(yaml.safe_dump(policy, sort_keys=False), encoding="utf-8")
    return path


def assert_one_line_error(code: int, err: str, *expected: str) -> None:
    assert code == 2
    assert "Traceback" not in err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    for text in expected:
        assert text in err, f"{text!r} not in {err!r}"


def test_simulate_writes_every_metric_for_every_year(tmp_path, capsys, world):
    result = simulate_json(capsys, tmp_path / "out.json", "--scenario", "great_turn",
                           "--policy", HISTORICAL, "--seed", "1")
    assert REQUIRED_KEYS <= result.keys()
    years = result["years"]
    assert years[0] == world.first_year and years[-1] <= world.last_year
    assert years == list(range(years[0], years[-1] + 1))
    # The file holds the game the model plays: every metric of every year, as the records say.
    campaign = prepare("great_turn", HISTORICAL, user_mods=False)
    records = run_policy(campaign, 1).records
    assert set(result["series"]) == set(records[0]) - {"year"} == set(result["totals"])
    for metric, values in result["series"].items():
        assert values == [r[metric] for r in records], metric
    assert {"steel_mt", "famine_deaths_m", "grain_reserve_mt", "workers_employees_m"} <= set(result["series"])
    assert all(len(values) == len(years) for values in result["series"].values())
    assert result["policy"] == "historical" and result["weather"] == "historical"
    assert all({"year", "id", "choice", "tags"} <= set(e) for e in result["events"])
    assert result["ending"] in ("completed", "removed")


def test_policy_by_bundled_name(tmp_path, capsys):
    assert simulate_json(capsys, tmp_path / "out.json", "--policy", "historical")["policy"] == "historical"


def test_same_seed_gives_identical_json(tmp_path, capsys):
    args = ("--weather", "random", "--seed", "7")
    simulate_json(capsys, tmp_path / "a.json", *args)
    simulate_json(capsys, tmp_path / "b.json", *args)
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_runs_report_mean_within_p10_p90(tmp_path, capsys):
    result = simulate_json(capsys, tmp_path / "out.json", "--runs", "3", "--weather", "random", "--seed", "1")
    assert result["runs"] == 3 and result["seeds"] == [1, 2, 3]
    n_years = len(result["years"])
    assert len(result["runs_in_play"]) == n_years
    for metric in METRICS:
        spread = result["series"][metric]
        assert all(len(spread[stat]) == n_years for stat in ("mean", "p10", "p90"))
        for low, mean, high in zip(spread["p10"], spread["mean"], spread["p90"], strict=True):
            assert low <= mean <= high, metric
        total = result["totals"][metric]
        assert total["p10"] <= total["mean"] <= total["p90"], metric
    # Different seeds really draw different weather.
    assert result["series"]["weather"]["p10"][0] < result["series"]["weather"]["p90"][0]


def test_simulate_without_json_prints_a_table(capsys, world):
    code, out, _ = run(capsys, "simulate")
    assert code == 0
    assert any(line.startswith(str(world.first_year)) for line in out.splitlines())
    assert "ending:" in out


def _set_year(year: int, **values):
    return lambda policy: policy["years"].setdefault(year, {}).update(values)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        pytest.param(_set_year(1929, bogus_lever=1), ["years.1929", "bogus_lever"], id="unknown-key"),
        pytest.param(_set_year(1929, investment_rate=5), ["years.1929", "investment_rate"], id="out-of-range"),
        pytest.param(_set_year(1950, investment_rate=0.2), ["years.1950", "outside"], id="year-outside"),
        pytest.param(_set_year(1930, projects=["no_such_plant"]), ["years.1930.projects", "no_such_plant"],
                     id="unknown-project"),
        pytest.param(lambda p: p.update(scenario="another_scenario"), ["scenario", "another_scenario"],
                     id="other-scenario"),
    ],
)
def test_bad_policy_is_one_line_naming_file_and_key(tmp_path, capsys, edit, expected):
    policy = edited_policy(tmp_path, edit)
    out = tmp_path / "out.json"
    code, _, err = run(capsys, "simulate", "--policy", policy, "--json", out)
    assert_one_line_error(code, err, str(policy), *expected)
    assert not out.exists()


def test_malformed_yaml_names_file_and_line(tmp_path, capsys):
    policy = tmp_path / "broken.yaml"
    policy.write_text(HISTORICAL.read_text(encoding="utf-8") + "\nbroken: [1, 2\n", encoding="utf-8")
    code, _, err = run(capsys, "simulate", "--policy", policy)
    assert_one_line_error(code, err, f"{policy}:", "YAML syntax error")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param(["--policy", "{tmp}/missing.yaml"], ["missing.yaml", "not found"], id="missing-policy-file"),
        pytest.param(["--policy", "no_such_policy"], ["no_such_policy", "historical"], id="unknown-policy-name"),
        pytest.param(["--scenario", "no_such_scenario"], ["no_such_scenario", "great_turn"], id="unknown-scenario"),
        pytest.param(["--json", "{tmp}/no_dir/out.json"], ["out.json", "cannot write"], id="unwritable-output"),
    ],
)
def test_bad_arguments_are_one_line(tmp_path, capsys, args, expected):
    code, _, err = run(capsys, "simulate", *(a.format(tmp=tmp_path) for a in args))
    assert_one_line_error(code, err, *expected)


@pytest.mark.parametrize("args", [["simulate", "--weather", "sunny"], ["simulate", "--runs", "0"], ["nonsense"]])
def test_bad_options_exit_2_without_traceback(capsys, args):
    code, _, err = run(capsys, *args)
    assert code == 2
    assert "Traceback" not in err


def test_help_lists_commands(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "simulate" in out and "bench" in out and "play" in out and "screenshots" in out


def test_no_arguments_opens_the_game_window(monkeypatch, capsys):
    opened = []
    monkeypatch.setattr("game.ui.play", lambda **options: opened.append(options) or 0)  # never a real window
    assert run(capsys)[0] == 0
    assert run(capsys, "--classroom")[0] == 0
    assert run(capsys, "play", "--size", "1920x1080")[0] == 0
    assert [o["classroom"] for o in opened] == [False, True, False]
    assert opened[2]["size"] == (1920, 1080)


def test_bench_json_has_every_figure_and_budget(tmp_path, capsys):
    # The simulation's in-process figures; the window's and the outside ones: tests/headless/test_bench.py.
    out = tmp_path / "bench.json"
    simulation = ("full_game_ms", "forecast_100_ms", "validate_bundled_ms", "turn_5000_events_ms")
    code, printed, err = run(capsys, "bench", "--repeat", "3", "--json", out, "--only", ",".join(simulation))
    assert code == 0, err
    figures = json.loads(out.read_text(encoding="utf-8"))
    for name in simulation:
        assert figures[name] > 0
        assert figures["budgets"][name] > 0
        assert figures["repeats"][name] == 3
        assert name in printed
    assert figures["budgets"]["full_game_ms"] == 5.0 and figures["budgets"]["forecast_100_ms"] == 100.0
    assert figures["budgets"]["turn_5000_events_ms"] == 50.0


def test_main_py_entry_point(tmp_path):
    out = tmp_path / "out.json"
    proc = subprocess.run(
        [sys.executable, "main.py", "simulate", "--scenario", "great_turn", "--policy", "historical",
         "--seed", "1", "--json", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert REQUIRED_KEYS <= json.loads(out.read_text(encoding="utf-8")).keys()
