"""The levers: one table, from which everything that names a directive is derived.

A lever is what a scenario hands the player (its id is the scenario's `levers:` entry and its
glossary entry); it sets one or more directive fields, each a `Control` with its kind, range,
step and unit. From this table come the Directives model (directives.py), the policy format, the
scenario format's list of levers, the window's draft and sliders, and the documentation. A new
lever is a row here, its mechanism, and its glossary entry; a `default` lets existing policies
leave it out.

Labels and units are English message ids: the window translates them where it shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["number", "shares", "switch", "level", "projects", "targets"]


@dataclass(frozen=True, slots=True)
class Control:
    """One directive field and how it is set."""

    field: str
    label: str
    kind: Kind
    description: str
    low: float = 0.0
    high: float = 1.0
    step: float = 0.01
    unit: str = ""                          # "%": a share 0..1 shown as a percentage
    parts: tuple[tuple[str, str], ...] = ()  # shares: (part id, label); they sum to 1
    levels: tuple[str, ...] = ()            # level: the names of 0, 1, 2, ...
    glossary: str = ""                      # its own glossary entry, else the lever's
    default: object = None                  # used when a policy leaves the field out (None: required)

    @property
    def optional(self) -> bool:
        return self.default is not None or self.kind in ("projects", "targets")


@dataclass(frozen=True, slots=True)
class Lever:
    id: str
    controls: tuple[Control, ...]

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(c.field for c in self.controls)


LABOUR_SECTORS = (("farms", "On farms"), ("factories", "In factories"), ("construction", "On building sites"))
INVESTMENT_SECTORS_LABELS = (
    ("heavy_industry", "Heavy industry"), ("light_industry", "Light industry"), ("agriculture", "Agriculture"),
    ("transport_power", "Transport & power"), ("defense", "Defence"),
)
REPRESSION_LEVELS = ("lenient", "normal", "harsh", "terror")

LEVERS: tuple[Lever, ...] = (
    Lever("labor", (Control(
        "labor", "Labour", "shares", "Ordered split of the labour force: farms, factories, building sites.",
        parts=LABOUR_SECTORS, unit="%"),)),
    Lever("investment_rate", (Control(
        "investment_rate", "Share of income", "number", "Share of national income invested.",
        low=0.05, high=0.6, step=0.01, unit="%"),)),
    Lever("investment_split", (Control(
        "investment_split", "Investment split", "shares", "Where investment goes.",
        parts=INVESTMENT_SECTORS_LABELS, unit="%"),)),
    Lever("grain_procurement", (Control(
        "grain_procurement_mt", "Grain to take", "number", "Grain the state sets out to take, Mt.",
        low=0.0, high=60.0, step=0.5, unit="Mt"),)),
    Lever("grain_price", (Control(
        "grain_price_index", "State grain price", "number",
        "What the state pays for grain, 1928 = 100: peasants sell more willingly at a better price, and "
        "paying above the 1928 price comes out of investment.",
        low=50.0, high=300.0, step=5.0, unit="1928 = 100", default=100.0),)),
    Lever("grain_reserve", (Control(
        "grain_reserve_target_mt", "Reserve to keep", "number",
        "Grain the state keeps in reserve, Mt; what it holds beyond the army, exports, towns and this "
        "reserve goes back to the villages in the spring as food and seed loans.",
        low=0.0, high=15.0, step=0.5, unit="Mt", default=2.0),)),
    Lever("regional_quotas", (Control(
        "grain_regions_quota", "Against history's", "number",
        "The grain to be taken by force from Ukraine and the North Caucasus (the Kuban), against "
        "history's split of the quotas (100 %): less asks more of the other regions, more spares them.",
        low=0.5, high=1.5, step=0.05, unit="%", default=1.0),)),
    Lever("grain_exports", (Control(
        "grain_exports_mt", "Grain to sell abroad", "number", "Grain to sell abroad, Mt.",
        low=0.0, high=15.0, step=0.1, unit="Mt"),)),
    Lever("collectivization", (
        Control("collectivization_target", "Target by year end", "number",
                "Share of households in collective farms by year end.", unit="%"),
        Control("dekulakization", "Dekulakization", "switch", "Deport the households classed as kulaks.",
                glossary="dekulakization"),
    )),
    Lever("herd_requisition", (Control(
        "herd_requisition", "Herds to take", "number",
        "Share of the herds of the pastoral steppe (Kazakhstan) taken this year for the meat procurement "
        "and the collective farms, with the nomads settled by force; the nomads live on their herds.",
        low=0.0, high=0.6, step=0.05, unit="%", default=0.0),)),
    Lever("repression", (Control(
        "repression", "Level", "level", f"0-3: {', '.join(REPRESSION_LEVELS)}.", low=0, high=3, step=1,
        levels=REPRESSION_LEVELS),)),
    Lever("defence", (
        Control("army_m", "Army", "number", "Men under arms, millions: soldiers leave the labour force and eat "
                "state grain.", low=0.3, high=6.0, step=0.1, unit="million", default=0.56),
        Control("defence_share", "Defence budget", "number", "Share of national income spent on the armed "
                "forces (pay, upkeep, arms orders), taken from consumption.", low=0.0, high=0.3, step=0.005,
                unit="%", default=0.02),
    )),
    Lever("projects", (Control("projects", "Projects", "projects", "Projects to start this year (ids)."),)),
    Lever("targets", (Control("targets", "Plan targets", "targets",
                              "Plan targets, per plan id, set in a plan's first year."),)),
)

LEVER_IDS: tuple[str, ...] = tuple(lever.id for lever in LEVERS)
BY_ID: dict[str, Lever] = {lever.id: lever for lever in LEVERS}
CONTROLS: dict[str, Control] = {c.field: c for lever in LEVERS for c in lever.controls}
"""Directive field -> its control."""
LEVER_OF_FIELD: dict[str, str] = {c.field: lever.id for lever in LEVERS for c in lever.controls}

if len(CONTROLS) != sum(len(lever.controls) for lever in LEVERS) or len(BY_ID) != len(LEVERS):
    raise ValueError("two levers or two controls share a name")


def parts_of(field: str) -> tuple[str, ...]:
    return tuple(part for part, _ in CONTROLS[field].parts)
