"""Scenes and their focusable controls.

A scene is one screen. The app keeps a stack of them; a modal (an event card, the menu, the
error screen) is a scene pushed on top, never a loop of its own. Each scene:

- computes every rect from the window size in `layout()` (called again on every resize),
- creates its pygame_gui widgets in `build()` (only while it is on top of the stack),
- paints everything else onto its canvas in `paint()`; the frame is that canvas plus the
  widgets, so an idle screen costs a blit, and `refresh()` repaints after a change.

Keyboard first: every control is an Item in a focus ring. Tab/Shift+Tab and the arrow keys move
the focus, Space activates the focused control and Enter does what the screen's hint says (the
focused control, unless the screen names another action for it: "Enter: continue"), Left/Right
adjust sliders and selectors, Esc goes back or opens the menu, never forward. A click on a
control focuses it (a slider's handle too). `hints()` says what the keys do, as data: the hint
line is painted from it and a test presses every key it names.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIHorizontalSlider

from . import draw
from .hints import ENTER_CHOOSE, ESC_BACK, MOVE, Hint
from .layout import button_rows, fitted_label

if TYPE_CHECKING:
    from .app import App

TOOLTIP_DELAY_S = 0.6
ACTIVATE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
DIGIT_KEYS = {getattr(pygame, f"K_{n}"): n for n in range(10)} | {getattr(pygame, f"K_KP{n}"): n for n in range(10)}


def tooltip_text(text: str) -> str:
    """pygame_gui tooltips are HTML: escape the three characters it would misread."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Item:
    """A control the keyboard can reach."""

    def __init__(self, key: str, element: pygame_gui.core.UIElement, help_text: str = ""):
        self.key = key
        self.element = element
        self.help_text = help_text
        self.full_label = ""     # the whole label, when the control shows it abbreviated

    @property
    def rect(self) -> pygame.Rect:
        return self.element.rect

    @property
    def enabled(self) -> bool:
        return self.element.is_enabled

    def activate(self) -> None:
        """Enter or Space; a click."""

    def adjust(self, steps: int) -> bool:
        """Left/Right (steps ±1, ±5 with Shift). False if this control does not adjust."""
        return False

    def digit(self, value: int) -> bool:
        return False


class ButtonItem(Item):
    def __init__(self, key: str, element: UIButton, action: Callable[[], None], help_text: str = ""):
        super().__init__(key, element, help_text)
        self.action = action

    def activate(self) -> None:
        if self.enabled:
            self.action()


class SliderItem(Item):
    """A slider over a value in display units (percent, Mt); `on_change` gets the new value and
    returns the value actually in force (a linked share may be rescaled)."""

    def __init__(self, key: str, element: UIHorizontalSlider, on_change: Callable[[float], None],
                 step: float, help_text: str = ""):
        super().__init__(key, element, help_text)
        self.on_change = on_change
        self.step = step

    @property
    def value(self) -> float:
        return float(self.element.get_current_value())

    def adjust(self, steps: int) -> bool:
        lo, hi = self.element.value_range
        value = min(hi, max(lo, round((self.value + steps * self.step) / self.step) * self.step))
        self.element.set_current_value(value)
        self.on_change(value)
        return True

    def moved(self, value: float) -> None:
        self.on_change(float(value))


class ChoiceItem(Item):
    """A button that cycles through options (Enter) or steps through them (Left/Right)."""

    def __init__(self, key: str, element: UIButton, options: Sequence[str], index: int,
                 on_change: Callable[[int], None], label: Callable[[int], str], help_text: str = ""):
        super().__init__(key, element, help_text)
        self.options = list(options)
        self.index = index
        self.on_change = on_change
        self.label = label

    def activate(self) -> None:
        self.set((self.index + 1) % len(self.options))

    def adjust(self, steps: int) -> bool:
        self.set(max(0, min(len(self.options) - 1, self.index + (1 if steps > 0 else -1))))
        return True

    def set(self, index: int) -> None:
        if not self.enabled or index == self.index:
            return
        self.index = index
        self.element.set_text(self.label(index))
        self.on_change(index)


class NumberItem(Item):
    """A whole number typed digit by digit (the seed); Left/Right step it, Backspace deletes."""

    def __init__(self, key: str, element: UIButton, value: int, on_change: Callable[[int], None],
                 label: Callable[[int], str], maximum: int = 999_999_999, help_text: str = ""):
        super().__init__(key, element, help_text)
        self.value = value
        self.on_change = on_change
        self.label = label
        self.maximum = maximum
        self.fresh = True  # the first digit typed replaces the number

    def set(self, value: int) -> None:
        self.value = max(0, min(self.maximum, value))
        self.element.set_text(self.label(self.value))
        self.on_change(self.value)

    def adjust(self, steps: int) -> bool:
        self.set(self.value + steps)
        self.fresh = True
        return True

    def digit(self, value: int) -> bool:
        self.set(value if self.fresh else self.value * 10 + value)
        self.fresh = False
        return True

    def backspace(self) -> None:
        self.set(self.value // 10)
        self.fresh = False


class Scene:
    """One screen. Subclasses override layout, build, paint and the key hooks."""

    modal = False          # drawn over the scene below it, dimmed
    title = ""
    shows_files = False    # the screen names files on purpose (what was exported, a save, a crash report)

    def __init__(self, app: App):
        self.app = app
        self.items: list[Item] = []
        self.by_element: dict[object, Item] = {}
        self.elements: list[pygame_gui.core.UIElement] = []
        self.focus_key: str | None = None
        self.canvas = pygame.Surface(app.size)
        self.active = False

    # -- lifecycle, driven by the app ----------------------------------------------------------
    @property
    def style(self):
        return self.app.style

    @property
    def size(self) -> tuple[int, int]:
        return self.app.size

    def activate(self) -> None:
        """The scene is now on top: lay out, create the widgets, paint."""
        self.active = True
        self.on_resume()
        self.relayout()

    def deactivate(self) -> None:
        self.active = False
        self.clear_widgets()

    def relayout(self) -> None:
        """After a resize or a change of text scale."""
        self.clear_widgets()
        if self.canvas.get_size() != self.app.size:
            self.canvas = pygame.Surface(self.app.size)
        self.layout()
        if self.active:
            self.build()
            self._restore_focus()
        self.refresh()

    def refresh(self) -> None:
        """Repaint the canvas (after the scene's data changed)."""
        if self.modal:
            below = self.app.scene_below(self)
            if below is not None:
                self.canvas.blit(below.canvas, (0, 0))
            else:
                draw.poster_background(self.canvas, self.style.palette)
            draw.dim(self.canvas, 120 if not self.style.high_contrast else 170)
        self.paint(self.canvas)
        self.app.mark_dirty()

    def clear_widgets(self) -> None:
        for element in self.elements:
            element.kill()
        self.elements.clear()
        self.items.clear()
        self.by_element.clear()

    # -- to override ---------------------------------------------------------------------------
    def on_resume(self) -> None:
        """Called each time the scene comes back on top (before layout)."""

    def layout(self) -> None:
        """Compute rects from self.size."""

    def build(self) -> None:
        """Create the widgets (Items) from the rects."""

    def paint(self, canvas: pygame.Surface) -> None:
        draw.poster_background(canvas, self.style.palette)

    def update(self, dt: float) -> None:
        """Per frame; keep it cheap."""

    def on_key(self, event: pygame.event.Event) -> bool:
        """A key the scene handles itself (before focus movement). True if handled."""
        return False

    def on_number(self, number: int) -> bool:
        """A digit key not taken by the focused control."""
        return False

    def on_mouse(self, event: pygame.event.Event) -> bool:
        return False

    def on_scroll(self, lines: int) -> bool:
        return False

    def on_hover(self, pos: tuple[int, int]) -> None:
        """The pointer moved (over the window) to `pos`."""

    # -- shared handling of PgUp/PgDn ----------------------------------------------------------
    def scroll_text(self, lines: int) -> bool:
        """A scene whose long text is a TextView (`self.view`, shown in `self.text_rect`): scroll it."""
        return self.scroll_view(self.view, self.text_rect, lines)

    def scroll_view(self, view, rect: pygame.Rect, lines: int) -> bool:
        """Scroll a TextView shown in `rect` by `lines`; redraw and answer True if it moved."""
        if view.scroll_lines(lines, rect.height):
            self.refresh()
            return True
        return False

    def turn_page(self, lines: int) -> bool:
        """A scene laid out in pages (`self.pager` over `self.pages`): the next or previous page,
        laid out afresh, the focus on its first control."""
        if self.pager.turn(lines, len(self.pages)):
            self.focus_key = None
            self.relayout()
            return True
        return False

    def back(self) -> None:
        """Esc: back, or the menu; never forward."""

    def enter_action(self):
        """What Enter does on this screen when it is not the focused control's action (a screen
        whose hint says "Enter: continue" returns its continue here). None: the focused control."""
        return None

    def hints(self) -> list[Hint]:
        """The keys of this screen and what they do (painted as the hint line; tested)."""
        return [MOVE, ENTER_CHOOSE, ESC_BACK]

    def help_changed(self) -> None:
        """The focused control changed (scenes that show its help repaint)."""

    # -- widgets -------------------------------------------------------------------------------
    def _register(self, item: Item) -> Item:
        self.items.append(item)
        self.elements.append(item.element)
        self.by_element[item.element] = item
        return item

    def track(self, element: pygame_gui.core.UIElement) -> None:
        """A widget that is not focusable but must be removed with the scene."""
        self.elements.append(element)

    def fit_label(self, label: str, width: int) -> str:
        return fitted_label(self.style, label, width)

    def button_grid_rects(self, area: pygame.Rect, labels: list[str]) -> list[pygame.Rect]:
        """Button rects across `area` (from its top-left), in as many rows as the labels need."""
        return [r.move(area.topleft) for r in button_rows(self.style, area.width, labels)]

    def button(self, key: str, rect: pygame.Rect, label: str, action: Callable[[], None], *,
               tooltip: str | None = None, object_id: str | None = None, enabled: bool = True,
               help_text: str = "") -> ButtonItem:
        shown = self.fit_label(label, rect.width)
        if shown != label and not tooltip:  # abbreviated by the rule: the whole label on hover
            tooltip = label
        element = UIButton(rect, shown, self.app.manager, object_id=object_id)
        if tooltip:
            element.set_tooltip(tooltip_text(tooltip), wrap_width=self.style.px(380), delay=TOOLTIP_DELAY_S)
        if not enabled:
            element.disable()
        item = self._register(ButtonItem(key, element, action, help_text))
        item.full_label = label if shown != label else ""  # shown beside the focus ring
        return item

    def slider(self, key: str, rect: pygame.Rect, value: float, value_range: tuple[float, float],
               on_change: Callable[[float], None], step: float, *, tooltip: str | None = None,
               help_text: str = "") -> SliderItem:
        element = UIHorizontalSlider(rect, float(value), (float(value_range[0]), float(value_range[1])),
                                     self.app.manager, click_increment=step)
        if tooltip:
            element.set_tooltip(tooltip_text(tooltip), wrap_width=self.style.px(380), delay=TOOLTIP_DELAY_S)
            element.sliding_button.set_tooltip(tooltip_text(tooltip), wrap_width=self.style.px(380), delay=TOOLTIP_DELAY_S)
        return self._register(SliderItem(key, element, on_change, step, help_text))

    def choice(self, key: str, rect: pygame.Rect, options: Sequence[str], index: int,
               on_change: Callable[[int], None], label: Callable[[int], str], *, tooltip: str | None = None,
               enabled: bool = True, help_text: str = "") -> ChoiceItem:
        element = UIButton(rect, label(index), self.app.manager, object_id="#quiet")
        if tooltip:
            element.set_tooltip(tooltip_text(tooltip), wrap_width=self.style.px(380), delay=TOOLTIP_DELAY_S)
        if not enabled:
            element.disable()
        return self._register(ChoiceItem(key, element, options, index, on_change, label, help_text))

    def number(self, key: str, rect: pygame.Rect, value: int, on_change: Callable[[int], None],
               label: Callable[[int], str], *, tooltip: str | None = None, help_text: str = "") -> NumberItem:
        element = UIButton(rect, label(value), self.app.manager, object_id="#quiet")
        if tooltip:
            element.set_tooltip(tooltip_text(tooltip), wrap_width=self.style.px(380), delay=TOOLTIP_DELAY_S)
        return self._register(NumberItem(key, element, value, on_change, label, help_text=help_text))

    # -- focus ---------------------------------------------------------------------------------
    @property
    def focused(self) -> Item | None:
        for item in self.items:
            if item.key == self.focus_key:
                return item
        return None

    def focus(self, key: str | None) -> None:
        if key != self.focus_key:
            self.focus_key = key
            self.help_changed()
            self.app.mark_dirty()

    def _restore_focus(self) -> None:
        if self.focused is None or not self.focused.enabled:
            usable = [i for i in self.items if i.enabled]
            self.focus_key = usable[0].key if usable else None

    def move_focus(self, steps: int) -> None:
        usable = [i for i in self.items if i.enabled]
        if not usable:
            return
        current = self.focused
        index = usable.index(current) if current in usable else -1
        self.focus(usable[(index + steps) % len(usable)].key)

    def draw_overlay(self, screen: pygame.Surface) -> None:
        """The focus ring, drawn over the widgets: black inside, ochre outside."""
        item = self.focused
        if item is None or not item.element.visible:
            return
        ring = item.rect.inflate(self.style.px(6), self.style.px(6))
        pygame.draw.rect(screen, self.style.palette.ochre, ring, self.style.px(3))
        pygame.draw.rect(screen, self.style.palette.ink, ring.inflate(-self.style.px(6), -self.style.px(6)), 1)
        full = getattr(item, "full_label", "")
        if full:  # a label abbreviated by the rule: its whole text beside the focused control
            self._draw_full_label(screen, ring, full)

    def _draw_full_label(self, screen: pygame.Surface, ring: pygame.Rect, full: str) -> None:
        s = self.style
        font = s.fonts["small_bold"]
        image = draw.render(font, full, s.palette.on_dark)
        tag = image.get_rect().inflate(s.px(12), s.px(6))
        tag.midbottom = ring.midtop
        if tag.top < 0:
            tag.midtop = ring.midbottom
        tag.clamp_ip(screen.get_rect())
        pygame.draw.rect(screen, s.palette.ink, tag)
        screen.blit(image, image.get_rect(center=tag.center))

    # -- input ---------------------------------------------------------------------------------
    def handle_ui(self, event: pygame.event.Event) -> None:
        item = self.by_element.get(event.ui_element)
        if item is None and event.type == pygame_gui.UI_HORIZONTAL_SLIDER_MOVED:
            return
        if item is None:
            parent = getattr(event.ui_element, "parent_element", None)
            item = self.by_element.get(parent)
        if item is None:
            return
        if event.type == pygame_gui.UI_BUTTON_PRESSED and not isinstance(item, SliderItem):
            self.focus(item.key)
            item.activate()
        elif event.type == pygame_gui.UI_HORIZONTAL_SLIDER_MOVED and isinstance(item, SliderItem):
            self.focus(item.key)
            item.moved(event.value)

    def handle_key(self, event: pygame.event.Event) -> None:
        if self.on_key(event):
            return
        key = event.key
        shift = bool(event.mod & pygame.KMOD_SHIFT)
        item = self.focused
        if key == pygame.K_TAB:
            self.move_focus(-1 if shift else 1)
        elif key in (pygame.K_DOWN, pygame.K_UP):
            self.move_focus(1 if key == pygame.K_DOWN else -1)
        elif key in (pygame.K_LEFT, pygame.K_RIGHT):
            steps = (1 if key == pygame.K_RIGHT else -1) * (5 if shift else 1)
            if item is None or not item.enabled or not item.adjust(steps):
                self.move_focus(1 if key == pygame.K_RIGHT else -1)
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.enter_action() is not None:
            self.enter_action()()
        elif key in ACTIVATE_KEYS:
            if item is not None:
                item.activate()
        elif key == pygame.K_ESCAPE:
            self.back()
        elif key == pygame.K_BACKSPACE and isinstance(item, NumberItem):
            item.backspace()
        elif key in DIGIT_KEYS:
            if item is None or not item.digit(DIGIT_KEYS[key]):
                self.on_number(DIGIT_KEYS[key])
        elif key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.on_scroll(draw.PAGE if key == pygame.K_PAGEDOWN else -draw.PAGE)

    def handle_mouse(self, event: pygame.event.Event) -> None:
        """A press: the control under the pointer takes the focus (a slider's handle too, so the
        next Left/Right moves the lever that was clicked), then the scene's own handling."""
        if getattr(event, "button", 1) == 1:
            for item in self.items:
                if item.enabled and item.element.visible and item.rect.collidepoint(event.pos):
                    self.focus(item.key)
                    break
        self.on_mouse(event)

    def hint_text(self) -> str:
        return "   ".join(hint.text for hint in self.hints())

    # -- helpers for subclasses ----------------------------------------------------------------
    def button_row(self, rect: pygame.Rect, count: int, gap: int | None = None) -> list[pygame.Rect]:
        """`count` equal buttons across `rect`."""
        gap = self.style.gap if gap is None else gap
        width = (rect.width - gap * (count - 1)) // max(1, count)
        return [pygame.Rect(rect.left + i * (width + gap), rect.top, width, rect.height) for i in range(count)]


