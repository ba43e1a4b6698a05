"""A lesson scenario gives the class some levers; the others follow the default policy."""

from __future__ import annotations

from game.scenario.levers import LEVER_FIELDS, combine
from game.scenario.schema import LEVERS


def test_every_lever_governs_directive_fields():
    assert set(LEVER_FIELDS) == set(LEVERS)


def test_levers_not_held_follow_the_default_policy(historical_directives):
    default = historical_directives[1930]
    player = default.model_copy(update={"grain_procurement_mt": 12.0, "investment_rate": 0.5,
                                        "collectivization_target": 0.1, "dekulakization": False})
    combined = combine(player, default, ["labor", "grain_procurement", "collectivization", "targets"])
    assert combined.grain_procurement_mt == 12.0
    assert combined.collectivization_target == 0.1 and combined.dekulakization is False
    assert combined.investment_rate == default.investment_rate  # not the class's lever
    assert combine(player, default, list(LEVER_FIELDS)) == player
