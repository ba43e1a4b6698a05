"""The two-page handout: its parts, its two printed pages (A4 and Letter, through headless
Chromium's print to PDF), the fonts embedded in every HTML export, simulated runs named by their
policy, and chart axes that start at the game's first year."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from game.cli import main
from game.debrief import build, from_session, render_handout
from game.debrief.compare import compare, load_results
from game.debrief.compare import render as render_compare
from game.debrief.handout import handout_charts
from game.debrief.html import render
from game.debrief.record import from_result
from game.headless.baseline import historical_game as HISTORY
from game.headless.simulator import prepare, run_policy

from . import pdf


def parse(page: str) -> ET.Element:
    return ET.fromstring(page.removeprefix("<!DOCTYPE html>\n"))


def played(scenario: str, policy: str | None = None, seed: int = 3):
    campaign = prepare(scenario, policy, user_mods=False)
    session = run_policy(campaign, seed=seed)
    return build(from_session(session, campaign.scenario), "Team 1", HISTORY())


GAMES = {
    "lesson": lambda: played("first_plan"),
    "campaign": lambda: played("great_turn", "historical"),
    "gentle_campaign": lambda: played("great_turn", "gentle"),
    "bukharin": lambda: played("bukharin_alternative"),
}


@pytest.fixture(scope="module")
def debriefs():
    cache = {}

    def get(name):
        if name not in cache:
            cache[name] = GAMES[name]()
        return cache[name]
    return get


def test_the_handout_has_the_scorecard_plan_three_charts_ledger_and_three_questions(debriefs):
    debrief = debriefs("lesson")
    root = parse(render_handout(debrief))
    assert [s.get("id") for s in root.iter("section")] == ["page-1", "page-2"]
    assert len(root.findall(".//*[@id='scorecard']//tr[@data-axis]")) == 6
    assert root.findall(".//*[@id='plans']//tr[@data-key]")
    assert [f.get("data-chart") for f in root.iter("figure")] == ["steel", "grain", "famine"]
    assert len(list(root.iter("svg"))) == 3
    assert len(root.findall(".//*[@id='ledger']//tr[@data-row]")) == len(debrief.ledger.rows)
    assert len(root.findall(".//*[@id='questions']//li")) == 3


def test_a_game_without_famine_shows_another_chart_in_its_place(debriefs):
    debrief = debriefs("gentle_campaign")
    assert not debrief.ledger.had_famine
    assert [c.id for c in handout_charts(debrief)] == ["steel", "grain", "urban"]


@pytest.fixture(scope="module")
def chromium():
    if pdf.browser() is None:
        pytest.skip(pdf.why_not())
    return pdf.browser()


def _printed_pages(debrief, tmp_path, paper: str, page=render_handout) -> int:
    html = tmp_path / f"handout-{paper}.html"
    html.write_text(page(debrief), encoding="utf-8")
    return pdf.pages(pdf.print_to_pdf(html, tmp_path / f"handout-{paper}.pdf", paper))


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("game", ["lesson", "campaign"])
def test_the_handout_prints_on_at_most_two_pages(chromium, debriefs, tmp_path, game, paper):
    assert 1 <= _printed_pages(debriefs(game), tmp_path, paper) <= 2


@pytest.mark.slow
@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("game", ["gentle_campaign", "bukharin"])
def test_the_handout_of_other_games_prints_on_at_most_two_pages(chromium, debriefs, tmp_path, game, paper):
    assert 1 <= _printed_pages(debriefs(game), tmp_path, paper) <= 2


@pytest.mark.slow
def test_the_full_debrief_is_longer_than_the_handout(chromium, debriefs, tmp_path):
    """The page count is measured, not assumed: the full debrief of the same game prints long."""
    assert _printed_pages(debriefs("lesson"), tmp_path, "a4", render) > 2


FONT_FACE = re.compile(r"@font-face \{ font-family: \"([^\"]+)\"; font-weight: (\d+); font-style: (\w+); "
                       r"src: url\(data:font/(woff|truetype);base64,([A-Za-z0-9+/=]+)\)")


@pytest.fixture(scope="module")
def compare_page(tmp_path_factory, class_results):
    folder = tmp_path_factory.mktemp("class")
    files = []
    for i, result in enumerate(class_results[:5]):
        files.append(folder / f"student-{i}.json")
        files[-1].write_text(json.dumps(result), encoding="utf-8")
    return render_compare(compare(load_results(files)))


def test_every_html_export_embeds_its_fonts_with_their_licence(debriefs, compare_page):
    for page in (render(debriefs("lesson")), render_handout(debriefs("lesson")), compare_page):
        faces = FONT_FACE.findall(page)
        assert {(family, weight, style) for family, weight, style, _kind, _data in faces} == {
            ("Pyatiletka Sans", "400", "normal"), ("Pyatiletka Sans", "700", "normal"),
            ("Pyatiletka Sans", "400", "italic"), ("Pyatiletka Serif", "400", "normal"),
            ("Pyatiletka Serif", "700", "normal")}
        assert "ParaType Free Font License" in page and "GRANT OF LICENSE" in page
        assert len(page.encode("utf-8")) < 700_000, "the fonts are subset: a page stays small"
        assert 'font-family: "Pyatiletka Serif"' in page or "font-family: \"Pyatiletka Serif\"" in page


def test_a_subset_font_is_renamed_and_keeps_its_copyright():
    import base64
    import io

    from fontTools.ttLib import TTFont

    from game.debrief.fonts import FACES, _subset

    data, kind = _subset(FACES[0], "Пятилетка Steel 1928–1932")
    font = TTFont(io.BytesIO(data))
    names = {r.nameID: r.toUnicode() for r in font["name"].names}
    assert kind == "woff" and names[1] == "Pyatiletka Sans" and "PT Sans" not in names[4]
    assert "ParaType" in names[0]
    cmap = font.getBestCmap()
    assert ord("П") in cmap and ord("–") in cmap and ord("Ж") not in cmap
    assert base64.b64encode(data)  # and it is small
    assert len(data) < 60_000


def test_the_same_page_embeds_the_same_bytes(debriefs):
    assert render_handout(debriefs("lesson")) == render_handout(debriefs("lesson"))


def test_a_simulated_run_is_named_by_its_policy_not_your_game(historical_result):
    debrief = build(from_result(historical_result), None, HISTORY())
    for page in (render(debrief), render_handout(debrief)):
        text = re.sub(r"<[^>]+>", " ", page)
        assert "Your game" not in text and "Your steel" not in text and "your game" not in text
        assert "The historical policy" in text
    assert all("Your" not in line.label for chart in debrief.charts for line in chart.lines)
    assert all(not q.lead.startswith("Your") for q in debrief.questions)


def test_every_chart_axis_starts_at_the_games_first_year(debriefs):
    root = parse(render(debriefs("lesson")))
    for svg in (s for s in root.iter("svg") if s.get("class") != "famine-map"):
        years = [int(t.text) for t in svg.iter("text") if t.text and re.fullmatch(r"1[89]\d\d", t.text)]
        assert min(years) == 1928, svg.get("data-chart")
        points = [int(el.get("data-year")) for el in svg.iter() if el.get("data-year")]
        assert min(points) >= 1928, svg.get("data-chart")


def test_the_cli_writes_the_handout(tmp_path, capsys):
    save = tmp_path / "game.json"
    assert main(["simulate", "--scenario", "first_plan", "--seed", "2", "--save", str(save)]) == 0
    out = tmp_path / "handout.html"
    assert main(["debrief", str(save), "--handout", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    root = parse(out.read_text(encoding="utf-8"))
    assert [s.get("id") for s in root.iter("section")] == ["page-1", "page-2"]
