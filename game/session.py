"""A playthrough: the simulation, the event deck and the log of every command.

Everything that changes a game goes through two commands: `choose` (answer an event card) and
`play_year` (the year's directives). The UI, the headless simulator, saves and tests all use
them, so a game replays exactly from its scenario, seed and command log.

Each January the due events are drawn (`begin_year`); they must be answered before the year's
directives are played.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from .events.aftermath import Names, describe
from .events.engine import Card, Deck, Environment, choice_of
from .events.schema import Event
from .model import DirectiveError, Directives, Game, World
from .model.effects import apply_effect

DRAW_CHANGES = ("fired", "scheduled")  # what drawing a January's cards changes in the state


class _Played(NamedTuple):
    """A play_year command in the log, until the log is read."""

    year: int
    directives: Directives


class FiredEvent(NamedTuple):
    """An answered card (a named tuple: one is made at every answer of every headless run)."""

    year: int
    id: str
    choice: str
    tags: tuple[str, ...]
    effects: tuple[dict, ...] = ()
    names: Names = Names()  # projects and plans by name, for the words below

    @property
    def aftermath(self) -> tuple[str, ...]:
        """What the answer did, in words (events/aftermath.py); worked out when asked."""
        return describe(self.effects, self.names)

    def as_json(self) -> dict:
        return {"year": self.year, "id": self.id, "choice": self.choice, "tags": list(self.tags),
                "effects": list(self.effects)}


@dataclass
class Session:
    world: World
    deck: Deck | None = None
    seed: int = 0
    weather_mode: str = "historical"
    game: Game = field(init=False)
    # The command log; a year's directives are kept as given and written out as JSON when the log
    # is read (a save, a crash report), not every year of every headless run.
    _log: list[dict | _Played] = field(init=False, default_factory=list)
    events: list[FiredEvent] = field(init=False, default_factory=list)
    _pending: list[Event] | None = field(init=False, default=None)
    # This January's cards: the figures each card's texts quote, as they were when it was drawn,
    # and the texts filled in with them when first read (most cards' texts are never read headless).
    _card_values: dict[str, dict] = field(init=False, default_factory=dict)
    _cards: dict[str, Card] = field(init=False, default_factory=dict)
    _names: Names = field(init=False)  # projects and plans by name, for what an answer did
    _fired_before: dict[str, int] = field(init=False, default_factory=dict)  # before this January's draw
    # The figures conditions and texts read now, kept until an answer or a year changes the state.
    _env: Environment | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.game = Game(self.world, seed=self.seed, weather_mode=self.weather_mode)
        self._names = Names.of(self.world)

    @property
    def year(self) -> int:
        return self.game.year

    @property
    def finished(self) -> bool:
        return self.game.finished

    @property
    def records(self) -> list[dict[str, float]]:
        return self.game.records

    def begin_year(self) -> list[Event]:
        """The events due this January (drawn once per year; the same list until answered)."""
        if self._pending is None:
            if self.deck is None or self.finished:
                self._pending = []
            else:
                record = self.game.records[-1] if self.game.records else None
                state = self.game.state
                saved = state.save_fields(DRAW_CHANGES)  # drawing marks events fired and due
                self._fired_before = dict(state.fired)
                try:
                    self._pending = self.deck.due(state, record, self.seed, self._values())
                except BaseException:
                    state.restore_fields(saved)
                    raise
                self._cards, self._card_values = {}, {}
                self._fill_in(self._pending)
        return list(self._pending)

    def _values(self) -> Environment:
        if self._env is None:
            self._env = self.deck.values(self.game.state, self.game.records[-1] if self.game.records else None)
        return self._env

    def _fill_in(self, events: list[Event]) -> None:
        """The cards' texts with the figures of the moment they are drawn."""
        if events:
            values = self._values()
            for event in events:
                quoted = self._card_values[event.id] = {}
                for name in self.deck.text_names(event.id):
                    try:
                        quoted[name] = values[name]
                    except KeyError:  # a metric before the first year's end: the text shows it as unknown
                        pass

    def card(self, event_id: str) -> Card:
        """A waiting card as the player reads it: its texts filled in with this January's figures."""
        self.begin_year()
        if event_id not in self._card_values:
            raise DirectiveError(f"{self.year}: event {event_id!r} is not waiting for an answer")
        if event_id not in self._cards:
            self._cards[event_id] = self.deck.card(self.deck.event(event_id), self._card_values[event_id])
        return self._cards[event_id]

    @property
    def commands(self) -> list[dict]:
        """Every command given so far, as JSON-ready dicts, in order."""
        log = self._log
        for index, command in enumerate(log):
            if isinstance(command, _Played):
                log[index] = {"command": "play_year", "year": command.year,
                              "directives": command.directives.model_dump(mode="json")}
        return log

    @property
    def pending(self) -> list[Event]:
        return self.begin_year()

    def choose(self, event_id: str, choice_id: str) -> None:
        """Command: answer a pending event card. Its effects apply all together or not at all."""
        self.begin_year()
        pending = self._pending
        for event in pending:
            if event.id == event_id:
                break
        else:
            waiting = ", ".join(e.id for e in pending) or "none"
            raise DirectiveError(f"{self.year}: event {event_id!r} is not waiting for an answer (waiting: {waiting})")
        choice = choice_of(event, choice_id)
        if choice is None:
            raise DirectiveError(f"{self.year}: event {event_id!r} has no choice {choice_id!r}; "
                                 f"choices: {', '.join(c.id for c in event.choices)}")
        state = self.game.state
        year = state.year
        # All the effects or none: what they may change is saved first and put back on a failure.
        saved = state.save_fields(choice.touched)
        now: list[Event] = []  # follow-ups due later this same January
        try:
            for effect in choice.effects:
                if effect.kind == "follow_up":
                    self._schedule(state, effect.follow_up.event, year + effect.follow_up.years, now)
                else:
                    apply_effect(state, self.world, effect, source=event_id)
        except BaseException:
            state.restore_fields(saved)
            self._env = None
            raise
        pending.remove(event)
        if choice.effects:
            self._env = None  # the answer changed what conditions read
            if pending:
                self._withdraw_unfitting(choice.touched)
        if now:
            now = self._premise_holds_now(now)
            pending.extend(now)
            self._fill_in(now)
        self._log.append({"command": "choose", "year": year, "event": event_id, "choice": choice_id})
        self.events.append(FiredEvent(year, event_id, choice_id, event.tag_tuple, choice.effects_json, self._names))

    def _schedule(self, state, event_id: str, year: int, now: list[Event]) -> None:
        if year == self.year and self.deck is not None:
            now.append(self.deck.event(event_id))
        else:
            state.scheduled.append((year, event_id))

    def _withdraw_unfitting(self, touched: tuple[str, ...]) -> None:
        """An answer can change what the January's other cards assume (relief ends the hunger a
        later card speaks of): a waiting card whose premise no longer holds is withdrawn, as if
        never dealt, and may come in a later January. Only the premises that read a field the
        answer changed (`touched`) are checked again."""
        reads = self.deck.premise_reads
        affected = [e for e in self._pending if not reads(e.id).isdisjoint(touched)]
        if not affected:
            return
        values = self._values()
        state = self.game.state
        for waiting in [e for e in affected if not self.deck.premise_holds(e.id, values)]:
            self._pending.remove(waiting)
            self._cards.pop(waiting.id, None)
            self._card_values.pop(waiting.id, None)
            before = self._fired_before.get(waiting.id)
            if before is None:
                state.fired.pop(waiting.id, None)
            else:
                state.fired[waiting.id] = before

    def _premise_holds_now(self, follow_ups: list[Event]) -> list[Event]:
        """Follow-ups for this same January come if their premise holds after the answer; each is
        then marked fired (a follow-up a year or more later is checked when its January comes)."""
        if not follow_ups:
            return []
        values = self._values()
        due = [e for e in follow_ups if self.deck.premise_holds(e.id, values)]
        for event in due:
            self.game.state.fired[event.id] = self.year
        return due

    def play_year(self, directives: Directives) -> dict[str, float]:
        """Command: resolve the year under these directives (after every card is answered)."""
        waiting = self.begin_year()
        if waiting:
            raise DirectiveError(f"{self.year}: answer the events first: {', '.join(e.id for e in waiting)}")
        self._env = None
        record = self.game.play_year(directives)
        self._log.append(_Played(int(record["year"]), directives))
        self._pending = None
        return record
