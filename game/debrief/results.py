"""The results file: one game's outcome, small and anonymous, for the class comparison.

    format          "pyatiletka-results"
    format_version  1
    game_version    the Pyatiletka version that made it (compare refuses to mix versions)
    scenario        {id, name, version}
    player          the name the student or team typed, or null; nothing else personal is kept
    seed, weather, ending, years [first, last]
    scorecard       {axis id: value} for the six axes (scorecard.py has the formulas)
    history         {axis id: value}: history's course in the same model, over the same years
    totals          key figures of the game (excess deaths by cause, deportations, output at the end ...)
    choices         key choices: collectivization pace, the most grain exported in a year, investment,
                    repression, dekulakization, and the answer to each event card
    locked          true if the game was played with undo switched off (assessment), false if undo was
                    allowed, null when not known (a simulated run)
    undos           years taken back
    commands        the command log (each card answered, each year's directives); for a simulated run,
                    the policy's directives and the answers given
    checksum        sha256 over the canonical JSON of everything above: `compare` flags a file whose
                    content (an outcome or a command) was changed by hand after it was written.
                    Format 1 files have no checksum, locked, undos or commands.
"""

from __future__ import annotations

import hashlib
import json
import math

from .analysis import Debrief
from .record import GameRecord

FORMAT = "pyatiletka-results"
FORMAT_VERSION = 2
COLLECTIVIZATION_YEAR = 1932   # history: 61.5 % of households by mid-1932


def results_json(debrief: Debrief, game: GameRecord) -> dict:
    m = debrief.meta
    records = game.records
    series = game.series
    exports = series("grain_exports_mt")
    peak_export = max(range(len(exports)), key=exports.__getitem__)
    collect = series("collectivization")
    by_year = game.at(min(COLLECTIVIZATION_YEAR, game.last_year))
    rises = [b - a for a, b in zip(collect, collect[1:], strict=False)] or [0.0]
    ledger = {row.id: row.player for row in debrief.ledger.rows}
    last = records[-1]
    data = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "game_version": m.game_version,
        "scenario": {"id": m.scenario_id, "name": m.scenario_name, "version": m.scenario_version},
        "player": m.player,
        "seed": m.seed,
        "weather": m.weather,
        "ending": m.ending,
        "years": [m.first_year, m.last_year],
        "scorecard": {a.id: a.value for a in debrief.scorecard},
        "history": {a.id: a.history for a in debrief.scorecard},
        "totals": {
            "famine_deaths_m": ledger["famine"],
            "deported_m": ledger["deported"],
            "deportation_deaths_m": ledger["deportation_deaths"],
            "executions_m": ledger["executions"],
            "camp_deaths_m": ledger["camp_deaths"],
            "excess_deaths_m": ledger["all_deaths"],
            "arrests_m": ledger["arrests"],
            "gulag_end_m": float(last["gulag_m"]),
            "grain_exports_mt": math.fsum(exports),
            "grain_procurement_mt": math.fsum(series("grain_procurement_mt")),
            "steel_end_mt": float(last["steel_mt"]),
            "coal_end_mt": float(last["coal_mt"]),
            "electricity_end_bn_kwh": float(last["electricity_bn_kwh"]),
            "cattle_end_m": float(last["cattle_m"]),
            "urban_population_end_m": float(last["urban_population_m"]),
        },
        "choices": {
            "collectivization_year": int(by_year["year"]) if by_year else None,
            "collectivization_by_year": float(by_year["collectivization"]) if by_year else None,
            "collectivization_end": collect[-1],
            "fastest_collectivization_rise": max(rises),
            "max_grain_exports_mt": exports[peak_export],
            "max_grain_exports_year": game.years[peak_export],
            "mean_investment_rate": math.fsum(series("investment_rate")) / len(records),
            "max_repression_level": int(round(max(series("repression_level")))),
            "dekulakization_years": [y for y, v in zip(game.years, series("dekulakization"), strict=True) if v > 0.5],
            "events": {f"{c.year}:{c.id}": c.choice for c in game.events},
        },
        "locked": game.locked,
        "undos": game.undos,
        "commands": command_log(game),
    }
    data["checksum"] = checksum(data)
    return data


def command_log(game: GameRecord) -> list[dict]:
    """The game's commands: the log itself when known (a save, a game in memory), else (a simulated
    run) the answers and the policy's directives, year by year, in the log's form."""
    if game.commands:
        return [dict(c) for c in game.commands]
    log: list[dict] = []
    for year in game.years:
        log += [{"command": "choose", "year": year, "event": c.id, "choice": c.choice}
                for c in game.events if c.year == year]
        if year in game.directives:
            log.append({"command": "play_year", "year": year, "directives": game.directives[year]})
    return log


def checksum(data: dict) -> str:
    """sha256 of the results' canonical JSON without the checksum itself."""
    body = {k: v for k, v in data.items() if k != "checksum"}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def integrity(data: dict) -> str:
    """"ok" (the checksum matches), "edited" (it does not, or it is missing from a file of a
    format that has one) or "unchecked" (a format-1 file, made before results had checksums)."""
    if "checksum" not in data:
        return "unchecked" if data.get("format_version") == 1 else "edited"
    return "ok" if data["checksum"] == checksum(data) else "edited"
