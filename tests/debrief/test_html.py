"""The printable debrief: well-formed, self-contained, its charts carrying their numbers, and every
scenario-, mod- or player-supplied text escaped."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from game.cli import main
from game.debrief import build
from game.debrief.html import render
from game.debrief.record import from_result
from game.headless.baseline import historical_game as HISTORY

MALICIOUS = "<script>alert(1)</script>"


def parse(html: str) -> ET.Element:
    """The page as XML: the markup is XHTML-compatible, so a strict XML parser must accept it."""
    assert html.startswith("<!DOCTYPE html>\n")
    return ET.fromstring(html.removeprefix("<!DOCTYPE html>\n"))


@pytest.fixture(scope="module")
def page(historical_debrief) -> str:
    return render(historical_debrief)


def test_well_formed_with_every_section(page):
    root = parse(page)
    ids = {el.get("id") for el in root.iter("section")}
    assert ids == {"scorecard", "epilogue", "charts", "plans", "ledger", "timeline", "events", "questions",
                   "perspectives", "sources"}
    svgs = list(root.iter("svg"))
    assert len([s for s in svgs if s.get("class") != "famine-map"]) == 8
    assert len([s for s in svgs if s.get("class") == "famine-map"]) == 2   # the game's famine map and history's


def test_no_external_references(page):
    own = re.sub(r"<pre>.*?</pre>", "", page, flags=re.DOTALL)  # the font licence, quoted as it must be
    assert "http" not in own.lower()
    assert "<script" not in page.lower() and "<link" not in page.lower() and "<img" not in page.lower()
    assert "src=" not in page and "@import" not in page
    assert re.findall(r"url\(([^)]{0,20})", page) and all(u.startswith("data:font/") for u in re.findall(r"url\(([^)]{0,20})", page))
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs and all(h.startswith("#") for h in hrefs)
    ids = set(re.findall(r'id="([^"]*)"', page))
    assert all(h[1:] in ids for h in hrefs)


def test_print_rules(page):
    assert "@page" in page and "@media print" in page and "break-before: page" in page
    assert "size: A4" not in page and "size: letter" not in page.lower()   # fits both, forces neither


def test_charts_contain_the_plotted_values(page, historical_result, historical_game):
    root = parse(page)
    charts = {svg.get("data-chart"): svg for svg in root.iter("svg")}
    steel = charts["steel"]
    series = steel.find(".//g[@data-metric='steel_mt']")
    plotted = [(int(c.get("data-year")), float(c.get("data-value"))) for c in series.iter("circle")]
    assert plotted == list(zip(historical_result["years"], historical_result["series"]["steel_mt"], strict=True))
    history = [(int(r.get("data-year")), float(r.get("data-value"))) for r in steel.find(".//g[@class='history']").iter("rect")]
    assert history == sorted(historical_game.scenario.history["steel_mt"].values.items())
    # the values are written out as text too
    labels = "".join(steel.itertext())
    assert "17.7" in labels and "5.9" in labels and f"{historical_result['series']['steel_mt'][-1]:.1f}" in labels
    grain = charts["grain"]
    assert grain.find(".//polygon[@class='band']").get("data-band").startswith("1928:")
    reported = grain.find(".//g[@data-metric='grain_harvest_reported_mt']")
    assert [float(c.get("data-value")) for c in reported.iter("circle")] == \
        historical_result["series"]["grain_harvest_reported_mt"]
    coal_marks = charts["coal"].find(".//g[@class='history']")
    approximate = [r for r in coal_marks.iter("rect") if r.get("data-tag") == "M"]
    assert approximate and all(r.get("fill") == "#ffffff" for r in approximate)


def test_the_ledger_says_where_the_famine_deaths_were(page, historical_debrief, historical_result):
    """Your famine, region by region, most first, beside the historians' regional estimates."""
    by_region = historical_debrief.ledger.famine_by_region
    assert by_region[0][0] == "Ukrainian SSR"
    assert [deaths for _name, deaths in by_region] == sorted((d for _n, d in by_region), reverse=True)
    total = sum(sum(r["famine_deaths_m"]) for r in historical_result["regions"].values())
    assert sum(deaths for _name, deaths in by_region) == pytest.approx(total, rel=1e-6)
    assert "Where they died, region by region (1933 borders): Ukrainian SSR:" in page


def test_scenario_mod_and_player_text_is_escaped(historical_result):
    game = from_result(historical_result)
    fired = game.events[0].id
    events = [e.model_copy(update={"title": MALICIOUS}) if e.id == fired else e for e in game.scenario.events]
    epilogues = {key: f"{MALICIOUS} & {{readiness}}" for key in game.scenario.texts if key.startswith("epilogue.")}
    texts = {**game.scenario.texts, **epilogues, "perspective.famine.conquest.authors": "R. <b>Conquest</b>"}
    game = replace(game, scenario=game.scenario.model_copy(update={"events": events, "texts": texts}))
    html = render(build(game, player='<img src=x onerror="alert(2)">', history=HISTORY()))
    assert MALICIOUS not in html and "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "R. &lt;b&gt;Conquest&lt;/b&gt;" in html
    assert re.search(r"&amp; \d+", html)   # filled in, then escaped
    parse(html)


def test_cli_writes_page_and_results(tmp_path, historical_result, capsys):
    source = tmp_path / "game.json"
    source.write_text(json.dumps(historical_result), encoding="utf-8")
    html, results = tmp_path / "debrief.html", tmp_path / "results.json"
    assert main(["debrief", str(source), "--html", str(html), "--json", str(results), "--name", "  Team   3 "]) == 0
    parse(html.read_text(encoding="utf-8"))
    data = json.loads(results.read_text(encoding="utf-8"))
    assert data["format"] == "pyatiletka-results" and data["player"] == "Team 3"
    assert data["scenario"] == {"id": "great_turn", "name": "The Great Turn, 1928-1941", "version": "1.0"}
    assert set(data["scorecard"]) == set(data["history"]) and len(data["scorecard"]) == 6
    assert data["totals"]["famine_deaths_m"] == pytest.approx(historical_result["totals"]["famine_deaths_m"])
    assert data["choices"]["max_grain_exports_mt"] == 5.06 and data["choices"]["max_grain_exports_year"] == 1931


def test_cli_errors_are_one_line(tmp_path, capsys):
    missing = tmp_path / "nothing.json"
    assert main(["debrief", str(missing), "--html", str(tmp_path / "x.html")]) == 2
    assert capsys.readouterr().err.strip() == f"error: {missing}: no such file"
    assert main(["debrief", str(missing)]) == 2
    assert "--html" in capsys.readouterr().err


def test_the_timeline_and_the_cards_say_what_each_answer_did():
    from game.debrief.record import from_session
    from game.headless.simulator import pick_choice, prepare

    campaign = prepare("great_turn", "historical", user_mods=False)
    from game.session import Session

    session = Session(campaign.world, campaign.deck, seed=1)
    while pending := session.pending:  # 1928: answer the grain crisis by raising prices
        card = pending[0]
        session.choose(card.id, "raise_grain_prices" if card.id == "grain_procurement_crisis"
                       else pick_choice(campaign.policy, card, 1, session.year))
    session.play_year(campaign.directives[1928])
    html = render(build(from_session(session, campaign.scenario), "Anna K.", HISTORY()))
    told = "Peasant unrest \u22128 points; National income \u22121.5 bn rubles"
    timeline = html.split('id="timeline"', 1)[1].split("</section>", 1)[0]
    assert "raise" in timeline.lower() and told in timeline
    events = html.split('id="events"', 1)[1].split("</section>", 1)[0]
    assert "What your answer did" in events and told in events
