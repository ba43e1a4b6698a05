"""What a screen actually paints: the texts drawn on its canvas, recorded while it repaints.

Tests read these instead of trusting the data a painter was given: a text that is not painted
(a painter removed, a row left out) is not on the list.
"""

from __future__ import annotations

import pytest

from game.ui import draw


def painted_texts(app, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the top scenes paint in one full frame, in the order they are drawn."""
    drawn: list[str] = []
    original = draw.render

    def recording(font, text, colour):
        drawn.append(text)
        return original(font, text, colour)

    with monkeypatch.context() as patch:
        patch.setattr(draw, "render", recording)
        for scene in app.stack:
            scene.refresh()
        app.render()
    return drawn
