"""The simulation: pure, deterministic, display-free. No pygame, no file I/O."""

from .directives import DirectiveError, Directives
from .game import Band, Game
from .metrics import METRICS
from .params import ModelParams
from .setup import TARGET_KEYS, World

__all__ = ["Band", "DirectiveError", "Directives", "Game", "METRICS", "ModelParams", "TARGET_KEYS", "World"]
