"""The game being played, as the UI sees it: the session, the scenario, the default policy and
the directives the player is drafting for this year. No pygame here: the window and the
browser edition share it.

The UI changes the game only through the Session's commands (`choose`, `play_year`); everything
else in this module reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..headless.simulator import Campaign, prepare
from ..model import Directives
from ..model.levers import CONTROLS, REPRESSION_LEVELS, parts_of
from ..model.setup import Plan, Project
from ..scenario import Scenario
from ..scenario.levers import combine
from ..scenario.policy import directives_by_year, load_policy
from ..scenario.schema import LEVERS
from ..session import Session
from .shares import normalise


class GameChoices(Protocol):
    """What a new game takes from the front end's settings (the window's Settings has these)."""

    classroom: bool
    content: str
    allow_undo: bool


@dataclass
class Draft:
    """The directives being set for one year, as editable values: directive field -> value
    (shares as tuples in the lever table's order, projects as a set)."""

    values: dict[str, object]

    @classmethod
    def from_directives(cls, d: Directives) -> Draft:
        values: dict[str, object] = {}
        for control in CONTROLS.values():
            value = getattr(d, control.field)
            if control.kind == "shares":
                value = tuple(value.share(part) for part in parts_of(control.field))
            elif control.kind == "projects":
                value = set(value)
            elif control.kind == "targets":
                value = {plan: dict(v) for plan, v in value.items()}
            values[control.field] = value
        return cls(values)

    def __getitem__(self, field: str):
        return self.values[field]

    def __setitem__(self, field: str, value) -> None:
        self.values[field] = value

    @property
    def labor(self) -> tuple[float, ...]:
        return self.values["labor"]

    @property
    def projects(self) -> set[str]:
        return self.values["projects"]

    @projects.setter
    def projects(self, value: set[str]) -> None:
        self.values["projects"] = value

    @property
    def targets(self) -> dict[str, dict[str, float]]:
        return self.values["targets"]

    @targets.setter
    def targets(self, value: dict[str, dict[str, float]]) -> None:
        self.values["targets"] = value

    def to_directives(self) -> Directives:
        mapping: dict[str, object] = {}
        for control in CONTROLS.values():
            value = self.values[control.field]
            if control.kind == "shares":
                value = dict(zip(parts_of(control.field), normalise(value), strict=True))
            elif control.kind == "projects":
                value = tuple(sorted(value))
            mapping[control.field] = value
        return Directives.from_mapping(mapping, where="your directives")


@dataclass
class GameContext:
    campaign: Campaign
    session: Session
    draft: Draft | None = None
    notices: tuple[str, ...] = ()
    all_levers: bool = False  # the picker's complexity: every lever, whatever the scenario gives
    autosaved: int | None = None  # the January last autosaved

    @classmethod
    def start(cls, scenario_id: str, seed: int, weather: str | None, settings: GameChoices | None = None,
              user_mods: bool = True) -> GameContext:
        campaign = prepare(scenario_id, None, user_mods=user_mods)
        session = _new_session(campaign, seed, campaign.weather(weather), settings)
        return cls(campaign, session, notices=campaign.notices)

    @classmethod
    def around(cls, session) -> GameContext:
        """A GameContext around a loaded or lesson game: its scenario's default policy sets the
        levers the player does not hold."""
        scenario = session.scenario
        policy, path = load_policy(scenario.default_policy)
        directives = directives_by_year(policy, session.world, path)
        campaign = Campaign(scenario, session.world, policy, path, directives, session.deck, tuple(session.mods))
        return cls(campaign, session, notices=tuple(getattr(session, "notices", ())))

    # -- what the scenario gives -------------------------------------------------------------
    @property
    def scenario(self) -> Scenario:
        return self.campaign.scenario

    @property
    def world(self):
        return self.campaign.world

    @property
    def year(self) -> int:
        return self.session.year

    @property
    def levers(self) -> list[str]:
        return list(LEVERS) if self.all_levers else list(self.scenario.levers)

    def holds(self, lever: str) -> bool:
        return lever in self.levers

    def default_directives(self, year: int | None = None) -> Directives:
        """What the default policy (history, usually) does in `year`, minus impossible projects."""
        year = self.year if year is None else year
        last = max(self.campaign.directives)
        directives = self.campaign.directives[min(year, last)]
        startable = tuple(p for p in directives.projects if self.can_start(p, year))
        return directives.model_copy(update={"projects": startable})

    @property
    def plan(self) -> Plan | None:
        return self.world.plan_for(self.year)

    @property
    def plan_starts_now(self) -> bool:
        plan = self.plan
        return plan is not None and plan.start == self.year

    def sets_targets_now(self) -> bool:
        return self.plan_starts_now and self.holds("targets") and not self.session.finished

    # -- projects ------------------------------------------------------------------------------
    def started_projects(self) -> set[str]:
        state = self.session.game.state
        return set(state.projects_building) | set(state.projects_done)

    def can_start(self, project_id: str, year: int | None = None) -> bool:
        year = self.year if year is None else year
        project = self.world.project(project_id)
        return project is not None and year >= project.earliest_year and project_id not in self.started_projects()

    def project_status(self, project: Project) -> str:
        state = self.session.game.state
        if project.id in state.projects_done:
            return "done"
        if project.id in state.projects_building:
            return "building"
        if self.year < project.earliest_year:
            return "too_early"
        return "available"

    # -- the year's directives ---------------------------------------------------------------
    def begin_draft(self) -> Draft:
        """This year's draft: the player's own last directives carry over for the levers they
        hold (a policy stays until the player changes it); the first year, and the levers the
        scenario keeps, start from history's. Projects are the year's own proposals, never last
        year's again."""
        commands = self.session.game.commands
        if not commands:
            return self.history_draft()
        history = self.default_directives()
        carried = combine(commands[-1], history, self.levers)
        draft = Draft.from_directives(carried.model_copy(update={"projects": history.projects, "targets": {}}))
        self.draft = self._with_plan_targets(draft)
        return self.draft

    def history_draft(self) -> Draft:
        """History's directives for this year (the default policy's), with a collectivization
        target no lower than the level the countryside has reached: history's figure for a
        year may lie below the player's own level, and playing it would undo collective farms
        the player never meant to dissolve."""
        draft = Draft.from_directives(self.default_directives())
        draft["collectivization_target"] = max(draft["collectivization_target"], self.collectivization_now)
        self.draft = self._with_plan_targets(draft)
        return self.draft

    @property
    def collectivization_now(self) -> float:
        """The share of households in collective farms as the year begins."""
        return self.session.game.state.collectivization

    def _with_plan_targets(self, draft: Draft) -> Draft:
        if self.plan_starts_now and self.plan.id not in draft.targets:
            draft.targets[self.plan.id] = dict(self.plan.historical_targets)
        return draft

    def ensure_draft(self) -> Draft:
        return self.draft if self.draft is not None else self.begin_draft()

    def repeat_last_year(self) -> Draft:
        """The player's previous directives, where they can still apply."""
        draft = self.ensure_draft()
        if not self.session.game.commands:
            return draft
        previous = Draft.from_directives(self.session.game.commands[-1])
        previous.projects = set()
        previous.targets = draft.targets
        self.draft = previous
        return previous

    def directives(self) -> Directives:
        """The year's directives: the player's levers, the default policy's for the rest."""
        player = self.ensure_draft().to_directives()
        default = self.default_directives()
        combined = combine(player, default, self.levers)
        if not self.plan_starts_now:  # targets are set in a plan's first year only
            combined = combined.model_copy(update={"targets": {}})
        return combined

    def pending_events(self):
        return self.session.begin_year()

    def can_undo(self) -> bool:
        """Whether the last year may be taken back: a saveable game started with undo allowed
        (not an assessment), a year played, the game not over."""
        settings = getattr(self.session, "settings", None)
        return bool(settings is not None and settings.allow_undo and self.session.records and not self.finished)

    def undone(self) -> GameContext:
        """The game again at last year's January, its cards and directives to set anew. Raises
        UserError (undo switched off, nothing to undo)."""
        from ..persist.playthrough import undo_last_year

        return GameContext.around(undo_last_year(self.session))

    def play_year(self) -> dict[str, float]:
        record = self.session.play_year(self.directives())
        self.draft = None
        return record

    @property
    def finished(self) -> bool:
        return self.session.finished


def repression_name(level: int) -> str:
    return REPRESSION_LEVELS[max(0, min(len(REPRESSION_LEVELS) - 1, int(level)))]


def _new_session(campaign: Campaign, seed: int, weather: str, settings: GameChoices | None) -> Session:
    """A saveable game (a Playthrough: a Session that knows its scenario, settings and mods)."""
    from ..persist.playthrough import Playthrough  # imported when a game starts, not at start-up
    from ..persist.settings import GameSettings

    game_settings = GameSettings() if settings is None else GameSettings(
        classroom=settings.classroom, content=settings.content, allow_undo=settings.allow_undo)
    return Playthrough.start(campaign.scenario, seed, weather, settings=game_settings,
                             mods=campaign.mods, notices=campaign.notices)
