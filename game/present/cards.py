"""An event card as any front end shows it: which of its texts the content setting asks for, and
when a card whose history waits says it will be told."""

from __future__ import annotations

REVEAL_LATER = {
    "end_of_plan": "What actually happened is revealed at the end of the plan.",
    "debrief": "What actually happened is revealed in the debrief, at the end of the game.",
}
"""For a card whose history is kept for later (its `reveal`): when it will be told."""


def card_text(card, content: str) -> str:
    """The text the content setting asks for: the detailed one where the card has it (a Card
    or an Event: both carry `text` and `text_detailed`)."""
    if content == "detailed" and card.text_detailed:
        return card.text_detailed
    return card.text
