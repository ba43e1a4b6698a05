"""The state of the country between two years: stocks only, no flows.

Flows (harvest, output, deaths) are computed by the year's resolution and written into the
year's record; what carries over to the next year lives here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from .setup import World


@dataclass(slots=True)
class ActiveModifier:
    """A timed multiplier on one of the model's rates, set by an event."""

    rate: str
    factor: float
    years_left: int
    decay: float
    source: str = ""  # the event that set it


@dataclass
class State:  # not slotted: a copy takes the immutable fields in one dict update (State.copy)
    year: int
    # people
    rural_m: float
    urban_m: float
    kulaks_m: float
    nonfarm_labour_m: float                 # workers and employees outside farming
    army_m: float = 0.0
    famine_share_last: float = 0.0          # share below subsistence last harvest year
    famine_deaths_pending_m: float = 0.0    # deaths of last harvest year still to come (spring)
    passport_controls: float = 0.0          # 0: none; 1: the passport system in force (an event sets it)
    # countryside
    collectivization: float = 0.0
    forced_last: float = 0.0                # last year's forced collectivization (its slaughter runs on)
    cattle_m: float = 0.0
    horses_m: float = 0.0
    tractors_k: float = 0.0
    farm_capital_bn: float = 0.0
    disruption: float = 0.0
    peasant_stock_mt: float = 0.0           # grain the villages carry over to the next harvest
    state_reserve_mt: float = 0.0           # grain the state holds over to the next harvest
    coercion_norm: float = 0.0              # share of the harvest taken by force that has become routine
    # regions (regions.py), one value per region in the parameters' order: shares of the country's
    # rural people and cattle, last harvest's share below subsistence, each region's share of the
    # famine deaths still to come, and the recent share of its herds lost (fading)
    region_rural: list[float] = field(default_factory=list)
    region_cattle: list[float] = field(default_factory=list)
    region_hunger: list[float] = field(default_factory=list)
    region_pending: list[float] = field(default_factory=list)
    region_herd_shock: list[float] = field(default_factory=list)
    flight_ban: float = 0.0                 # 0: none; 1: the hungry regions' villagers may not leave (an event sets it)
    blacklisting: float = 0.0               # 0: none; 1: the grain regions' failing villages blacklisted (fades)
    # industry
    capacity: dict[str, float] = field(default_factory=dict)
    pipeline: dict[str, list[float]] = field(default_factory=dict)  # capacity due in 1, 2, ... years
    new_capacity: dict[str, list[float]] = field(default_factory=dict)  # added this year, last year, ...
    projects_building: dict[str, float] = field(default_factory=dict)  # id -> share still to build
    projects_done: list[str] = field(default_factory=list)
    strain: float = 0.0
    specialist_loss: float = 0.0
    targets: dict[str, dict[str, float]] = field(default_factory=dict)   # plan id -> targets
    plan_base: dict[str, dict[str, float]] = field(default_factory=dict)  # plan id -> output before it
    last_output: dict[str, float] = field(default_factory=dict)
    national_income_bn: float = 0.0
    housing_m: float = 0.0                  # urban residents the housing stock is built for
    index_base: dict[str, float] = field(default_factory=dict)  # the first year's figures the indexes compare
    # state and repression
    fear: float = 0.0
    peasant_unrest: float = 0.0
    urban_discontent: float = 0.0
    unrest_years_high: int = 0
    gulag_m: float = 0.0
    special_settlers_m: float = 0.0
    ending: str | None = None
    # events
    flags: list[str] = field(default_factory=list)
    modifiers: list[ActiveModifier] = field(default_factory=list)
    fired: dict[str, int] = field(default_factory=dict)        # event id -> last year it fired
    totals: dict[str, float] = field(default_factory=dict)     # running totals the cards read (variables.TOTALS)
    scheduled: list[tuple[int, str]] = field(default_factory=list)  # (year, event id) follow-ups

    @classmethod
    def initial(cls, world: World) -> State:
        init = world.initial
        products = world.params.industry.products
        mastering = len(world.params.industry.mastering)
        regions = world.params.regions.table
        return cls(
            year=world.first_year,
            rural_m=init.rural_population_m,
            urban_m=init.urban_population_m,
            kulaks_m=init.kulak_population_m,
            nonfarm_labour_m=init.nonfarm_labour_m,
            army_m=init.army_m,
            collectivization=init.collectivization,
            cattle_m=init.cattle_m,
            horses_m=init.horses_m,
            tractors_k=init.tractors_k,
            farm_capital_bn=init.farm_capital_bn,
            peasant_stock_mt=init.peasant_stock_mt,
            state_reserve_mt=init.state_reserve_mt,
            capacity={p: init.capacity.get(p, 0.0) for p in products},
            pipeline={p: _padded(init.pipeline.get(p, []), params.lag_years) for p, params in products.items()},
            new_capacity={p: [0.0] * mastering for p in products},
            region_rural=list(regions.rural_share),
            region_cattle=list(regions.cattle_share),
            region_hunger=[0.0] * len(regions.ids),
            region_pending=list(regions.rural_share),
            region_herd_shock=[0.0] * len(regions.ids),
            national_income_bn=init.national_income_bn,
            housing_m=world.params.economy.urban_population_1928_m,
            fear=init.fear,
            peasant_unrest=init.peasant_unrest,
            urban_discontent=init.urban_discontent,
            gulag_m=init.gulag_m,
            special_settlers_m=init.special_settlers_m,
        )

    @property
    def population_m(self) -> float:
        return self.rural_m + self.urban_m

    def save_fields(self, names) -> dict[str, object]:
        """Copies of some fields, to put back with `restore_fields` if a change fails half-way."""
        return {name: value if (copier := _COPIER[name]) is None else copier(value)
                for name in names for value in (getattr(self, name),)}

    def restore_fields(self, saved: dict[str, object]) -> None:
        for name, value in saved.items():
            setattr(self, name, value)

    def copy(self) -> State:
        """An independent copy: what a command resolves on before it commits, and what a forecast
        plays. The immutable fields in one step, the containers by declared type (several times
        faster than deepcopy)."""
        new = object.__new__(State)
        fields_ = self.__dict__
        new.__dict__.update(fields_)
        for name, copier in _CONTAINER_COPIERS:
            new.__dict__[name] = copier(fields_[name])
        return new


def _padded(values: list[float], length: int) -> list[float]:
    """A pipeline of exactly `length` years: the given capacity due in 1, 2, ... years, then nothing."""
    return [float(v) for v in values[:length]] + [0.0] * max(0, length - len(values))


def _copy_modifiers(modifiers: list[ActiveModifier]) -> list[ActiveModifier]:
    return [ActiveModifier(m.rate, m.factor, m.years_left, m.decay, m.source) for m in modifiers]


# How each kind of field is copied; None: immutable, shared. A field of a type not listed here
# is refused when this module loads, so a new kind of field cannot be shared between copies.
_COPY_BY_TYPE = {
    "int": None, "float": None, "str | None": None,
    "dict[str, float]": dict, "dict[str, int]": dict, "list[str]": list, "list[float]": list,
    "list[tuple[int, str]]": list,  # tuples are immutable
    "dict[str, list[float]]": lambda d: {k: list(v) for k, v in d.items()},
    "dict[str, dict[str, float]]": lambda d: {k: dict(v) for k, v in d.items()},
    "list[ActiveModifier]": _copy_modifiers,
}
_COPIERS = tuple((f.name, _COPY_BY_TYPE[f.type]) for f in fields(State))
_COPIER = dict(_COPIERS)
_CONTAINER_COPIERS = tuple((name, copier) for name, copier in _COPIERS if copier is not None)
