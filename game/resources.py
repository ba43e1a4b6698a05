"""Where the game's bundled data is: the scenarios and the assets (fonts, theme, images).

They stay at the top of the source tree (scenarios/, assets/), where modders and the tests find
them. A wheel carries them inside the package as game/_data/scenarios and game/_data/assets (the
build backend copies them there, see pyproject.toml), because an installed game has no source
tree to walk up to. So: the packaged copy when there is one (a normal `pip install .`), else the
source checkout's folder (an editable install, or running from a clone).

The bottom layer: only the standard library.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

PACKAGED = "_data"                                   # inside the game package, in a wheel
SOURCE_ROOT = Path(__file__).resolve().parent.parent  # the checkout, for an editable install


def scenarios_dir() -> Path:
    """The bundled scenarios, their shared parts, policies, example mods, schemas, references."""
    return _data("scenarios")


def assets_dir() -> Path:
    """Fonts (with their licence), the pygame_gui theme, images."""
    return _data("assets")


def is_packaged() -> bool:
    """True when the data comes from an installed wheel rather than a source checkout."""
    return _packaged("scenarios") is not None


@cache
def _data(name: str) -> Path:
    return _packaged(name) or SOURCE_ROOT / name


def _packaged(name: str) -> Path | None:
    folder = files(__package__) / PACKAGED / name
    # Only a real folder will do: the game globs these folders and gives paths to SDL. (A zipped
    # install would give a zipfile.Path; there the source fallback fails loudly instead.)
    return folder if isinstance(folder, Path) and folder.is_dir() else None
