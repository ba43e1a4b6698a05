"""5,000 random input events (keys, clicks, motion, wheel, resizes) never raise and never reach
the error screen."""

from __future__ import annotations

import random

import pygame

from game.ui.driver import Driver
from game.ui.scenes.title import TitleScene

KEYS = [pygame.K_TAB, pygame.K_RETURN, pygame.K_SPACE, pygame.K_ESCAPE, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP,
        pygame.K_DOWN, pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_BACKSPACE, pygame.K_F11, pygame.K_a, pygame.K_b,
        pygame.K_c, pygame.K_d, pygame.K_h, pygame.K_l, pygame.K_p, pygame.K_r, pygame.K_s, pygame.K_x,
        *[getattr(pygame, f"K_{n}") for n in range(10)]]
EVENTS = 5000
PER_FRAME = 4


def random_event(rng: random.Random, size: tuple[int, int]) -> pygame.event.Event:
    kind = rng.random()
    pos = (rng.randrange(size[0]), rng.randrange(size[1]))
    if kind < 0.45:
        return pygame.event.Event(pygame.KEYDOWN, key=rng.choice(KEYS), mod=rng.choice([0, 0, pygame.KMOD_SHIFT]),
                                  unicode="", scancode=0)
    if kind < 0.65:
        return pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=rng.choice([1, 1, 1, 3]), pos=pos, touch=False)
    if kind < 0.80:
        return pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=pos, touch=False)
    if kind < 0.95:
        return pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(rng.random() < 0.2, 0, 0),
                                  touch=False)
    if kind < 0.985:
        return pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice([-1, 1]), flipped=False, precise_x=0.0,
                                  precise_y=0.0, touch=False)
    width, height = rng.randrange(900, 2200), rng.randrange(500, 1300)
    return pygame.event.Event(pygame.VIDEORESIZE, size=(width, height), w=width, h=height)


def test_five_thousand_random_events(app):
    rng = random.Random(5000)
    driver = Driver(app)
    driver.settle()
    sent = 0
    while sent < EVENTS:
        for _ in range(PER_FRAME):
            event = random_event(rng, app.size)
            if event.type == pygame.MOUSEMOTION:
                pygame.mouse.set_pos(event.pos)
            pygame.event.post(event)
            sent += 1
        app.step()
        if not app.running or not app.stack:  # Quit was chosen: open the title again and go on
            app.running = True
            app.reset(TitleScene(app))
        assert not app.crash_reports, app.crash_reports[-1].read_text(encoding="utf-8")
    assert sent == EVENTS
