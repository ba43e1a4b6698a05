"""Each concept has one registry, and the registries are complete: every effect kind of the event
format has a handler, every metric is recorded every year, every lever's fields are directives,
and what is derived from them agrees with the model."""

from __future__ import annotations

import math

from game.events.schema import EFFECT_KINDS
from game.model import Directives
from game.model.effects import HANDLERS, SESSION_KINDS
from game.model.levers import CONTROLS, LEVER_IDS, LEVERS, parts_of
from game.model.metrics import BY_NAME, METRICS, PER_YEAR_FLOWS, REPORTED, TABLE, TARGET_METRIC
from game.model.params import INVESTMENT_SECTORS
from game.model.setup import TARGET_KEYS
from game.scenario import load_scenario
from game.scenario.policy import PolicyYear
from game.scenario.schema import LEVERS as SCENARIO_LEVERS


def test_every_effect_kind_has_exactly_one_handler():
    assert set(HANDLERS) | SESSION_KINDS == set(EFFECT_KINDS)
    assert not set(HANDLERS) & SESSION_KINDS


def test_every_metric_is_in_every_record(historical_records):
    for record in historical_records:
        assert set(record) == {"year", *METRICS}
        assert all(math.isfinite(v) for v in record.values())


def test_what_the_metrics_table_derives_is_consistent():
    assert all(BY_NAME[r].reports == m for m, r in REPORTED.items())
    assert all(BY_NAME[m].flow for m in PER_YEAR_FLOWS)
    assert list(TARGET_METRIC) == list(TARGET_KEYS)
    assert all(m.label and m.description for m in TABLE)


def test_directives_and_policies_have_exactly_the_levers_fields():
    assert set(Directives.model_fields) == set(CONTROLS)
    assert set(PolicyYear.model_fields) == set(CONTROLS) - {"targets"}
    assert SCENARIO_LEVERS == LEVER_IDS
    assert parts_of("investment_split") == INVESTMENT_SECTORS


def test_every_lever_and_switch_has_a_glossary_entry():
    glossary = load_scenario("great_turn").glossary
    for lever in LEVERS:
        assert lever.id in glossary, lever.id
        for control in lever.controls:
            assert not control.glossary or control.glossary in glossary, control.field


SAMPLE_EFFECTS = {
    "add": {"add": {"fear": 0.2, "cattle_m": -3}},
    "multiply": {"multiply": {"cattle_m": 0.5}},
    "set": {"set": {"collectivization": 0.4}},
    "modifier": {"modifier": {"rate": "grain_yield", "factor": 0.9, "years": 2}},
    "flag": {"flag": "another_flag"},
    "clear_flag": {"clear_flag": "sample_flag"},
    "start_project": {"start_project": "magnitogorsk"},
    "cancel_project": {"cancel_project": "turksib"},
    "target": {"target": {"plan": "first_plan", "key": "steel_mt", "value": 12}},
}


def test_each_effect_kind_changes_only_the_fields_it_declares(world, historical_directives):
    import dataclasses

    from game.events.schema import Effect
    from game.model import Game
    from game.model.effects import apply_effect, touched_fields

    assert set(SAMPLE_EFFECTS) == set(HANDLERS)
    game = Game(world)
    game.play_year(historical_directives[1928])   # turksib is being built, flags may be set
    game.state.flags.append("sample_flag")
    for kind, data in SAMPLE_EFFECTS.items():
        effect = Effect.model_validate(data)
        before = game.state.copy()
        after = game.state.copy()
        apply_effect(after, world, effect)
        changed = {f.name for f in dataclasses.fields(before) if getattr(before, f.name) != getattr(after, f.name)}
        assert changed, f"{kind} changed nothing"
        assert changed <= set(touched_fields([effect])), kind
