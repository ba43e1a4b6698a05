"""What a screen shows, checked from the pixels' point of view: every text the top scene draws is
recorded (draw.text records its ink rect, the clip and whether it was cut) and every button's
label is measured in the button's own font. A screen fails if a text is cut with an ellipsis
where the full text was wanted, overlaps another text, leaves its panel or the window, is cut by
the edge of a scrolling view, lies under a control, or names a file / doubles a range; or if a
button's label is wider than the button."""

from __future__ import annotations

import pygame
from pygame_gui.elements import UIButton

from game.ui import draw
from game.ui.layout import button_text_room

from ..text_rules import problems as text_problems


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def _innermost(boxes: list[pygame.Rect], point: tuple[int, int]) -> pygame.Rect | None:
    inside = [b for b in boxes if b.collidepoint(point)]
    return min(inside, key=lambda b: b.width * b.height) if inside else None


def _overlap(a: pygame.Rect, b: pygame.Rect) -> bool:
    clipped = a.clip(b)
    return clipped.width > 1 and clipped.height > 1


def record(app) -> draw.Recorder:
    """The top scene painted once more, everything it draws recorded."""
    with draw.recording() as recorder:
        app.top.refresh()
    return recorder


def visible_widgets(scene) -> list[tuple[str, pygame.Rect, object]]:
    out = []
    for item in scene.items:
        if item.element.visible:
            out.append((item.key, pygame.Rect(item.rect), item.element))
    return out


def check(app, where: str = "") -> list[str]:
    """Everything wrong with the top scene as it is now drawn."""
    scene = app.top
    recorder = record(app)
    canvas = id(scene.canvas)
    window = pygame.Rect((0, 0), app.size)
    texts = [d for d in recorder.texts if d.surface == canvas]
    boxes = [b for s, b in recorder.boxes if s == canvas]
    widgets = visible_widgets(scene)
    name = f"{type(scene).__name__}{' ' + where if where else ''}"
    found: list[str] = []
    for d in texts:
        what = f"{name}: {_short(d.full)!r}"
        if d.cut and not d.abbreviated:
            found.append(f"{what} is cut: drawn as {_short(d.text)!r}")
        if d.missing:
            found.append(f"{what} has characters its font cannot draw: {d.missing!r}")
        if not window.contains(d.rect):
            found.append(f"{what} leaves the window ({d.rect})")
        if d.clip is not None and not d.clip.contains(d.rect):
            found.append(f"{what} is cut by the edge of a view ({d.rect} in {d.clip})")
        home = _innermost(boxes, d.rect.center)
        if home is not None and not home.inflate(2, 2).contains(d.rect):
            found.append(f"{what} leaves its panel ({d.rect} outside {home})")
        for key, rect, _element in widgets:
            if _overlap(rect, d.rect):
                found.append(f"{what} lies under the control {key!r}")
        found += [f"{what}: {problem}" for problem in text_problems(d.full)
                  if not (scene.shows_files and problem.startswith("a file name"))]
    ordered = sorted(texts, key=lambda d: d.rect.top)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b.rect.top >= a.rect.bottom:
                break
            if _overlap(a.rect, b.rect):
                found.append(f"{name}: {_short(a.text)!r} overlaps {_short(b.text)!r} ({a.rect} / {b.rect})")
    for key, rect, element in widgets:
        if not window.contains(rect):
            found.append(f"{name}: the control {key!r} leaves the window ({rect})")
        if isinstance(element, UIButton) and element.text:
            width = element.font.size(element.text)[0]
            view = getattr(getattr(element, "drawable_shape", None), "text_view_rect", None)
            room = view.width if view is not None else button_text_room(app.style, rect.width)
            if width > room:
                found.append(f"{name}: the label of {key!r} ({element.text!r}, {width} px) is wider than its "
                             f"button ({rect.width} px)")
    for i, (key, rect, _e) in enumerate(widgets):
        for other, other_rect, _o in widgets[i + 1:]:
            if _overlap(rect, other_rect):
                found.append(f"{name}: the controls {key!r} and {other!r} overlap")
    hidden = [r for s, r in recorder.hidden if s == canvas]
    cues = [r for s, r in recorder.cues if s == canvas]
    for view in hidden:
        if not any(c.colliderect(view.inflate(4, 4)) for c in cues):
            found.append(f"{name}: a view holds more than it shows but has no scroll cue ({view})")
    return found


def texts_drawn(app) -> list[str]:
    recorder = record(app)
    return [d.full for d in recorder.texts if d.surface == id(app.top.canvas)]
