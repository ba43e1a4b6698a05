"""Render the map screen in every map mode at the three sizes the docs show, into docs/images:

    python tools/map_images.py [OUT]

1280x720 (a laptop), 1920x1080 in classroom mode (a projector) and 960x540 (a small window),
each as the catalogue sets the screen up (the campaign to January 1934, the map on 1932).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = (((1280, 720), False, "1280"), ((1920, 1080), True, "1920-classroom"), ((960, 540), False, "960"))
MODES = (("map", "famine"), ("map_procurement", "procurement"), ("map_food", "food"),
         ("map_collectivization", "collectivization"), ("map_settlers", "settlers"))


def main(out: Path) -> None:
    from game.ui.app import App, headless_environment

    headless_environment()
    from game.ui.catalogue import BY_ID, show
    from game.ui.settings import Settings

    out.mkdir(parents=True, exist_ok=True)
    for size, classroom, name in SIZES:
        app = App(Settings(classroom=classroom, content_note_seen=True), size, frame_cap=False,
                  persist_settings=False)
        for screen_id, mode in MODES:
            driver = show(app, BY_ID[screen_id], settle=4)
            path = out / f"map-{mode}-{name}.png"
            driver.save(path)
            print(path)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "images")
