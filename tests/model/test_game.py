"""The Game as its callers use it: commands, determinism, forecasts and errors."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from game.model import DirectiveError, Directives, Game
from game.model.state import State

from .helpers import great_turn, play

MODEL_DIR = Path(__file__).resolve().parents[2] / "game" / "model"


def test_same_world_seed_and_directives_give_identical_records(historical_directives):
    games = [Game(great_turn(), seed=7, weather_mode="random") for _ in range(2)]
    for game in games:
        for year in range(1928, 1942):
            game.play_year(historical_directives[year])
    assert games[0].records == games[1].records
    assert games[0].state == games[1].state


def test_forecast_gives_ordered_ranges_and_leaves_the_game_untouched(historical_directives):
    game = Game(great_turn(), seed=3)
    for year in range(1928, 1931):
        game.play_year(historical_directives[year])
    before = game.state.copy()
    bands = game.forecast(historical_directives[1931], draws=50)
    assert game.state == before
    for metric, band in bands.items():
        assert band.low <= band.median <= band.high, metric
    assert bands["grain_harvest_mt"].low < bands["grain_harvest_mt"].high


def test_forecast_shows_the_famine_risk_of_a_bigger_squeeze(historical_directives):
    game = Game(great_turn())
    for year in range(1928, 1932):
        game.play_year(historical_directives[year])
    mild = game.forecast(historical_directives[1932].model_copy(update={"grain_procurement_mt": 12.0}))
    harsh = game.forecast(historical_directives[1932].model_copy(update={"grain_procurement_mt": 30.0}))
    assert harsh["share_below_subsistence"].median > mild["share_below_subsistence"].median


def test_playing_past_the_end_is_a_clear_error(historical_directives):
    game = Game(great_turn())
    for year in range(1928, 1942):
        game.play_year(historical_directives[year])
    assert game.finished and game.ending == "completed"
    with pytest.raises(DirectiveError, match="game is over"):
        game.play_year(historical_directives[1941])


BASE = {
    "labor": {"farms": 0.8, "factories": 0.15, "construction": 0.05},
    "investment_rate": 0.15,
    "investment_split": {"heavy_industry": 0.4, "light_industry": 0.15, "agriculture": 0.15,
                         "transport_power": 0.22, "defense": 0.08},
    "grain_procurement_mt": 10.8,
    "grain_exports_mt": 0.1,
    "collectivization_target": 0.02,
    "dekulakization": False,
    "repression": 1,
}


@pytest.mark.parametrize(("change", "message"), [
    ({"labor": {"farms": 0.8, "factories": 0.3, "construction": 0.05}}, "labor: labor shares must sum to 1, they sum to 1.150"),
    ({"investment_rate": 5}, "investment_rate: Input should be less than or equal to 0.6"),
    ({"repression": 4}, "repression: Input should be less than or equal to 3"),
    ({"grain_procurement_mt": -1}, "grain_procurement_mt: Input should be greater than or equal to 0"),
    ({"steel": 3}, "steel: unknown key"),
    ({"targets": {"first_plan": {"gold_t": 3}}}, "unknown target 'gold_t'"),
])
def test_impossible_directives_are_errors_that_say_what_is_allowed(change, message):
    with pytest.raises(DirectiveError) as err:
        Directives.from_mapping({**BASE, **change}, where="1928")
    assert message in str(err.value)
    assert str(err.value).startswith("1928: ")


def test_unknown_or_premature_project_is_refused():
    game = Game(great_turn())
    with pytest.raises(DirectiveError, match="unknown project 'pyramids'; known: turksib"):
        game.play_year(Directives.from_mapping({**BASE, "projects": ["pyramids"]}))
    with pytest.raises(DirectiveError, match="cannot start before 1931"):
        game.play_year(Directives.from_mapping({**BASE, "projects": ["moscow_metro"]}))
    assert game.records == []


def test_the_model_imports_no_display_and_does_no_file_io():
    forbidden_modules = {"pygame", "pygame_gui", "game.ui", "os", "pathlib", "io", "yaml", "json"}
    for path in MODEL_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                names = []
            for name in names:
                assert name.split(".")[0] not in forbidden_modules and not name.startswith("game.ui"), (
                    f"{path.name} imports {name}")
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "open":
                pytest.fail(f"{path.name} opens a file")


def test_the_mechanisms_write_only_the_state_s_declared_fields():
    """State is not slotted (a copy is one dict update), so a misspelt field would be a new
    attribute: after a whole game with its cards, its fields are exactly the declared ones."""
    game = play("historical")
    assert set(vars(game.state)) == {f.name for f in dataclasses.fields(State)}
    assert set(vars(game.state.copy())) == set(vars(game.state))
