"""Event cards (choices, the classroom vote tally, what actually happened, content intensity)
and what the screens compute: the ledger, plan progress, reported beside real, the epilogue."""

from __future__ import annotations

import math

import pygame

from game.present import viewmodel as vm
from game.ui.driver import Driver, advance
from game.ui.scenes.event_card import EventCardScene, card_text
from game.ui.scenes.year import YearScene
from game.ui.settings import Settings

from .conftest import make_app
from .screens import new_game, screens


def card_app(tmp_path, **settings):
    app = make_app(Settings(**settings))
    app.crash_folder = tmp_path
    app.reset(*screens()["event_card"](app))
    driver = Driver(app)
    driver.settle()
    return app, driver


def test_classroom_vote_tally_takes_the_leading_choice(tmp_path):
    app, driver = card_app(tmp_path, classroom=True)
    card = app.top
    event = card.event
    driver.keys(pygame.K_a, pygame.K_b, pygame.K_b)       # A 1, B 2
    assert card.votes[:2] == [1, 2]
    driver.keys(pygame.K_a, pygame.K_1, pygame.K_2)       # A's count typed: 12
    assert card.votes[0] == 12
    driver.key(pygame.K_RETURN)
    assert app.ctx.session.commands[-1]["choice"] == event.choices[0].id


def test_a_tie_is_not_decided_by_the_tally(tmp_path):
    app, driver = card_app(tmp_path, classroom=True)
    card = app.top
    driver.keys(pygame.K_a, pygame.K_b)
    driver.key(pygame.K_RETURN)
    assert app.top is card and "tie" in card.message
    driver.key(pygame.K_ESCAPE)                          # leave the count typing
    driver.key(pygame.K_2)
    assert app.ctx.session.commands[-1]["choice"] == card.event.choices[1].id


def test_h_reveals_what_actually_happened(tmp_path):
    app, driver = card_app(tmp_path)
    card = app.top
    assert card.event.reveal == "immediately" and card.event.history
    driver.key(pygame.K_h)
    assert app.top.show_history
    assert any(card.event.history.text.split()[0] in line for _, line, _ in app.top.view.lines)
    driver.key(pygame.K_h)
    assert not app.top.show_history


def test_a_later_reveal_stays_hidden_on_the_card(tmp_path):
    app, driver = card_app(tmp_path)
    event = app.top.event.model_copy(update={"reveal": "debrief"})
    app.reset(YearScene(app), EventCardScene(app, event))
    driver.settle()
    driver.key(pygame.K_h)
    assert not app.top.show_history and "debrief" in app.top.message


def test_content_intensity_chooses_the_text(tmp_path):
    app, _ = card_app(tmp_path)
    event = next(e for e in app.ctx.scenario.events if e.text_detailed)
    assert card_text(event, "sober") == event.text
    assert card_text(event, "detailed") == event.text_detailed


def test_ledger_sums_every_year_and_keeps_the_camps_stock(app):
    ctx = new_game(app, 1933)
    records = ctx.session.records
    entries = {e.label: e for e in vm.ledger(records)}
    assert math.isclose(entries["famine deaths"].amount, math.fsum(r["famine_deaths_m"] for r in records))
    assert math.isclose(entries["executed"].amount, math.fsum(r["executions_k"] for r in records))
    assert entries["in camps now"].amount == records[-1]["gulag_m"]


def test_reported_figures_stand_beside_the_real_ones(app):
    ctx = new_game(app, 1931)
    record = ctx.session.records[-1]
    lines = {line.label: line for line in vm.report_lines(record)}
    assert lines["Steel"].real == vm.measure("steel_mt").format(record["steel_mt"])
    assert lines["Steel"].reported == vm.measure("steel_mt").format(record["steel_reported_mt"])
    steel = next(i for i in vm.indicators(ctx, ("steel_mt",)))
    assert steel.reported is not None and steel.value != "—"


def test_plan_progress_uses_the_targets_in_force(app):
    ctx = new_game(app, 1930)
    plan = vm.current_plan(ctx)
    rows = {row.key: row for row in vm.plan_progress(ctx, plan)}
    assert rows["steel_mt"].target == ctx.session.game.state.targets["first_plan"]["steel_mt"]
    assert 0 < rows["steel_mt"].fraction < 1


def test_the_epilogue_is_the_scenarios_own_text(app):
    ctx = new_game(app, 1933)
    texts = [text for _, text in vm.epilogue(ctx)]
    note = next(n for n in ctx.scenario.notes if n.id == "after_1932")
    assert note.text in texts


def test_the_year_screen_draws_cards_and_ends_the_game(app):
    driver = Driver(app)
    new_game(app)
    app.reset(YearScene(app))
    driver.settle()
    assert driver.scene() == "event_card"
    advance(app.ctx, 1933)
    app.reset(YearScene(app))
    driver.settle()
    assert driver.scene() == "end"


def test_a_missing_event_image_falls_back_to_the_pattern_and_logs(tmp_path, caplog):
    import logging

    from game.ui.scenes import event_card

    app, driver = card_app(tmp_path)
    event = app.top.event.model_copy(update={"image": "no-such-picture.png"})
    with caplog.at_level(logging.WARNING):
        assert event_card.event_image(event.image, (200, 150)) is None
        app.reset(YearScene(app), EventCardScene(app, event))
        driver.settle()
    assert any("no-such-picture.png" in r.getMessage() for r in caplog.records)
    assert driver.scene() == "event_card" and not app.crash_reports


def test_an_event_image_is_shown_when_present(tmp_path, monkeypatch):
    from game.ui.scenes import event_card

    picture = pygame.Surface((400, 300))
    picture.fill((200, 16, 46))
    pygame.image.save(picture, tmp_path / "poster.png")
    monkeypatch.setattr(event_card, "IMAGES_DIR", tmp_path)
    event_card._image_file.cache_clear()
    app, _ = card_app(tmp_path)
    image = event_card.event_image("poster.png", (200, 200))
    assert image is not None and image.get_size() == (200, 150)


def _templated_card(app):
    """A January with a waiting card whose text quotes the player's figures."""
    for year in (1929, 1930, 1931, 1932):
        ctx = new_game(app, year)
        event = next((e for e in ctx.pending_events() if "{" in e.text), None)
        if event is not None:
            return ctx, event
    raise AssertionError("no card in the lesson quotes a figure")


def test_the_card_shows_its_text_filled_in_with_the_players_figures(tmp_path):
    app, driver = card_app(tmp_path)
    ctx, event = _templated_card(app)
    app.reset(YearScene(app), EventCardScene(app, event))
    driver.settle()
    shown = " ".join(line for _, line, _ in app.top.view.lines)
    filled = ctx.session.card(event.id).text
    assert "{" not in shown and "{" in event.text
    assert filled.split()[-1] in shown and filled != event.text


def test_after_a_choice_the_card_says_what_the_answer_did_then_goes_on(tmp_path):
    app, driver = card_app(tmp_path)
    card = app.top
    event = card.event
    choice = next(c for c in event.choices if c.effects)
    driver.key(pygame.K_1 + event.choices.index(choice))
    assert app.top is card and card.answered is not None, "the card stays up to show the answer's effects"
    did = ctx_did = app.ctx.session.events[-1].aftermath
    assert ctx_did and app.ctx.session.events[-1].choice == choice.id
    shown = [line for _, line, _ in card.view.lines]
    assert "What your answer did" in shown
    assert all(any(line in s for s in shown) for line in did)
    assert not card.choice_rects and "continue" in [item.key for item in card.items]
    assert "Enter: continue" in card.hint_text()
    driver.key(pygame.K_RETURN)
    assert app.top is not card
    assert sum(1 for c in app.ctx.session.commands if c["command"] == "choose") == 1
