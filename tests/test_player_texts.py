"""No text a player reads names an internal file, prints a range whose ends are the same, or lists
a work twice: the scenarios' texts (descriptions, notes, glossary, projects, events with their
choices and notes, debrief questions and texts), the credits and the printable debrief."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from game.debrief import build, from_session, render_handout, write_html
from game.debrief.citations import doubled, works
from game.debrief.html import render
from game.headless.baseline import historical_game
from game.headless.simulator import prepare, run_policy
from game.scenario import bundled_scenarios, load_scenario

from .text_rules import problems

SCENARIOS = bundled_scenarios()


def scenario_texts(scenario) -> list[tuple[str, str]]:
    """(where, text) of every text of a scenario that a player can read."""
    out = [("name", scenario.name), ("description", scenario.description)]
    out += [(f"texts.{k}", v) for k, v in scenario.texts.items() if not k.endswith(".sources")]
    for note in scenario.notes:
        out += [(f"note {note.id}", note.title), (f"note {note.id}", note.text)]
    for key, entry in scenario.glossary.items():
        out += [(f"glossary {key}", entry.term), (f"glossary {key}", entry.text)]
    for project in scenario.projects:
        out += [(f"project {project.id}", project.name), (f"project {project.id}", project.description)]
    for plan in scenario.plans:
        out.append((f"plan {plan.id}", plan.name))
    for series_id, series in scenario.history.items():
        out += [(f"history {series_id}", series.label), (f"history {series_id} source", series.source)]
    for question in scenario.debrief_questions:
        out.append((f"question {question.id}", question.text))
    for event in scenario.events:
        where = f"event {event.id}"
        out += [(where, event.title), (where, event.text), (where, event.text_detailed or "")]
        for choice in event.choices:
            out += [(f"{where} choice {choice.id}", choice.label), (f"{where} choice {choice.id}", choice.forecast)]
        if event.history is not None:
            out.append((f"{where} history", event.history.text))
            out += [(f"{where} source", s) for s in event.history.sources]
    return out


def source_lists(scenario) -> list[tuple[str, list[str]]]:
    lists = [(f"note {n.id}", list(n.sources)) for n in scenario.notes]
    lists += [(f"event {e.id}", list(e.history.sources)) for e in scenario.events if e.history is not None]
    for key, raw in scenario.texts.items():
        if key.endswith(".sources"):
            lists.append((f"texts.{key}", [s for s in raw.split("|") if s.strip()]))
    return lists


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("style", "script")

    def handle_endtag(self, tag):
        self.skip -= tag in ("style", "script")

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.parts.append(" ".join(data.split()))


def html_texts(page: str) -> list[str]:
    parser = _Text()
    parser.feed(page)
    return parser.parts


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_no_scenario_text_names_a_file_or_doubles_a_range(scenario_id):
    scenario = load_scenario(scenario_id)
    found = [f"{where}: {problem}" for where, text in scenario_texts(scenario) for problem in problems(text or "")]
    assert found == []


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_no_list_of_sources_names_a_work_twice(scenario_id):
    scenario = load_scenario(scenario_id)
    found = [f"{where}: {a!r} and {b!r}" for where, sources in source_lists(scenario) for a, b in doubled(sources)]
    assert found == []


def test_the_credits_name_every_work_once_and_no_file():
    from game.ui.scenes.credits import credit_blocks

    blocks = credit_blocks()
    listed = [b.content.removeprefix("– ") for b in blocks if b.content.startswith("– ")]
    assert len(listed) > 40
    assert doubled(listed) == []
    assert [p for b in blocks for p in problems(b.content)] == []


def test_works_merges_the_forms_of_one_work_and_keeps_the_fullest():
    merged = works([
        "K.E. Bailes, Technology and Society under Lenin and Stalin (1978)",
        "K.E. Bailes, Technology and Society under Lenin and Stalin: Origins of the Soviet Technical "
        "Intelligentsia, 1917-1941 (1978)",
        "S. Kotkin, Stalin: Paradoxes of Power, 1878-1928 (2014); Stalin: Waiting for Hitler, 1929-1941 (2017)",
        "S. Kotkin, Stalin: Waiting for Hitler, 1929-1941 (2017)",
        "O. Rudnytskyi et al., Canadian Studies in Population 42 (2015)",
        "O. Rudnytskyi et al., Demography of a Man-Made Human Catastrophe, Canadian Studies in Population 42 (2015)",
        "R. Conquest, The Harvest of Sorrow (1986)",
        "R. Conquest, The Great Terror: A Reassessment (1990)",
    ])
    assert merged == [
        "K.E. Bailes, Technology and Society under Lenin and Stalin: Origins of the Soviet Technical "
        "Intelligentsia, 1917-1941 (1978)",
        "O. Rudnytskyi et al., Demography of a Man-Made Human Catastrophe, Canadian Studies in Population 42 (2015)",
        "R. Conquest, The Great Terror: A Reassessment (1990)",
        "R. Conquest, The Harvest of Sorrow (1986)",
        "S. Kotkin, Stalin: Paradoxes of Power, 1878-1928 (2014)",
        "S. Kotkin, Stalin: Waiting for Hitler, 1929-1941 (2017)",
    ]


def test_the_rules_catch_the_slips_they_are_for():
    assert problems("(events.md, Turksib railway completed)")
    assert problems("Model's likely range: 6.6 Mt – 6.6 Mt")
    assert problems("There is no oats or hay to spare")
    assert problems("the the harvest")
    assert not problems("from 6.6 Mt to 7.1 Mt, 1928–1932, 58.7 (51.8–71.2) Mt; there are no oats or hay")
    # whatever day and hour a save was made is no slip
    assert not problems("Saved 2026-12-02 02:06.")
    assert not problems("Saved 2026-12-12 12:12.")


@pytest.fixture(scope="module")
def lesson_debrief():
    campaign = prepare("first_plan", None, user_mods=False)
    session = run_policy(campaign, seed=3)
    return build(from_session(session, campaign.scenario), "Team 1", historical_game())


def test_the_printable_debrief_and_handout_name_no_file_and_no_work_twice(lesson_debrief, tmp_path):
    for page in (render(lesson_debrief), render_handout(lesson_debrief)):
        texts = html_texts(page)
        assert texts
        assert [f"{t!r}: {p}" for t in texts for p in problems(t)] == []
    assert doubled(lesson_debrief.sources) == []
    assert write_html(lesson_debrief, tmp_path / "d.html").is_file()
