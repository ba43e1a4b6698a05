"""`follow_up: {years: 0}` means later the same January (docs/MODDING.md), for the simulator as
for the window: the card an answer adds is answered before the year is played (issue 15, 10)."""

from __future__ import annotations

import json

from game.cli import main

from ..scenario.test_hostile_content import event, make_mod


def test_a_follow_up_of_zero_years_comes_later_the_same_january_in_simulate(tmp_path, capsys):
    content = event("", event_id="first_card", effects="follow_up: {event: second_card, years: 0}")
    content += event("    triggered_only: true\n", event_id="second_card", effects="flag: second_seen")[len("events:\n"):]
    make_mod(tmp_path / "same", "same", content)
    out = tmp_path / "result.json"
    assert main(["simulate", "--mods", str(tmp_path / "same"), "--json", str(out)]) == 0
    assert "Traceback" not in capsys.readouterr().err
    cards = [(e["year"], e["id"]) for e in json.loads(out.read_text(encoding="utf-8"))["events"]]
    assert cards.index((1930, "second_card")) == cards.index((1930, "first_card")) + 1
