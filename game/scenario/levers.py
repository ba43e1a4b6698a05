"""Which levers the player holds. A lesson scenario hands the class a few levers; the rest follow
the scenario's default policy (usually what history did)."""

from __future__ import annotations

from ..model import Directives

# Which directive fields each lever governs.
LEVER_FIELDS: dict[str, tuple[str, ...]] = {
    "labor": ("labor",),
    "investment_rate": ("investment_rate",),
    "investment_split": ("investment_split",),
    "grain_procurement": ("grain_procurement_mt",),
    "grain_exports": ("grain_exports_mt",),
    "collectivization": ("collectivization_target", "dekulakization"),
    "repression": ("repression",),
    "projects": ("projects",),
    "targets": ("targets",),
}


def combine(player: Directives, default: Directives, levers: list[str]) -> Directives:
    """The player's choices for the levers they hold, the default policy's for the rest."""
    held = {name for lever in levers for name in LEVER_FIELDS[lever]}
    taken = {name: getattr(default, name) for name in Directives.model_fields if name not in held}
    return player.model_copy(update=taken)
