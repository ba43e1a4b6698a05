"""Which levers the player holds. A lesson scenario hands the class a few levers; the rest follow
the scenario's default policy (usually what history did). The levers and the fields each sets
come from the model's lever table (game/model/levers.py)."""

from __future__ import annotations

from ..model import Directives
from ..model.levers import LEVERS

LEVER_FIELDS: dict[str, tuple[str, ...]] = {lever.id: lever.fields for lever in LEVERS}
"""Which directive fields each lever governs."""


def combine(player: Directives, default: Directives, levers: list[str]) -> Directives:
    """The player's choices for the levers they hold, the default policy's for the rest."""
    held = {name for lever in levers for name in LEVER_FIELDS[lever]}
    taken = {name: getattr(default, name) for name in Directives.model_fields if name not in held}
    return player.model_copy(update=taken)
