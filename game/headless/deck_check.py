"""Does the deck answer the player? Which cards two different courses meet, and whether each
card's premise held at the moment it was drawn.

    python -m game.headless.deck_check            # the historical course against a gentle one

The gentle course is history's, except in the countryside: collectivization held at 6 %, no
dekulakization, procurement 12 Mt, exports 0.5 Mt and normal repression, every year. Both answer
every card as history did. Tests (tests/events/test_answering_deck.py) and content authors use
the same functions.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from ..events.engine import historical_choice
from ..model import Directives
from ..session import Session
from .simulator import Campaign, playable, prepare

GENTLE_COUNTRYSIDE = {
    "collectivization_target": 0.06,
    "dekulakization": False,
    "grain_procurement_mt": 12.0,
    "grain_exports_mt": 0.5,
    "repression": 1,  # normal
}


@dataclass(frozen=True)
class Drawn:
    """A card as it came up: when, and whether its premise held then."""

    year: int
    id: str
    tags: tuple[str, ...]
    premise_held: bool


def gentle_directives(campaign: Campaign) -> dict[int, Directives]:
    """History's directives with the countryside spared (GENTLE_COUNTRYSIDE), every year."""
    return {year: d.model_copy(update=GENTLE_COUNTRYSIDE) for year, d in campaign.directives.items()}


Chooser = Callable[[Session, str], str]


def by_history(session: Session, event_id: str) -> str:
    return historical_choice(session.deck.event(event_id)).id


def play_drawing(campaign: Campaign, directives: dict[int, Directives], seed: int = 1,
                 weather: str = "historical", choose: Chooser = by_history) -> tuple[Session, list[Drawn]]:
    """Play the directives through the campaign's scenario, answering each card with `choose`;
    each card answered is listed with whether its premise held when it was dealt (a card an
    earlier answer withdrew is not listed: the player never saw it)."""
    session = Session(campaign.world, campaign.deck, seed=seed, weather_mode=weather)
    drawn: list[Drawn] = []
    while not session.finished:
        held: dict[str, bool] = {}  # each card's premise as it was dealt
        while pending := session.pending:
            values = session.deck.values(session.game.state,
                                         session.game.records[-1] if session.game.records else None)
            for event in pending:
                held.setdefault(event.id, session.deck.premise_holds(event.id, values))
            event = pending[0]
            drawn.append(Drawn(session.year, event.id, tuple(event.tags), held[event.id]))
            session.choose(event.id, choose(session, event.id))
        session.play_year(playable(directives[session.year], session))
    return session, drawn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scenario", default="great_turn")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    campaign = prepare(args.scenario, "historical", user_mods=False)
    _, history = play_drawing(campaign, campaign.directives, args.seed)
    _, gentle = play_drawing(campaign, gentle_directives(campaign), args.seed)
    ids = {"historical": {d.id for d in history}, "gentle": {d.id for d in gentle}}
    for name, run in (("historical", history), ("gentle", gentle)):
        print(f"{name}: {len(run)} cards")
        for d in run:
            mark = "" if d.premise_held else "   <-- PREMISE FALSE"
            only = "" if d.id in ids["historical"] and d.id in ids["gentle"] else "  (only here)"
            print(f"  {d.year} {d.id} [{', '.join(d.tags)}]{only}{mark}")
    differ = ids["historical"] ^ ids["gentle"]
    famine = sorted({d.id for d in gentle if "famine" in d.tags})
    print(f"card ids that differ: {len(differ)}")
    print(f"famine-tagged cards in the gentle run: {', '.join(famine) or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
