"""Properties that hold for any valid directives (hypothesis)."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.model import Directives, Game

from .helpers import great_turn

shares3 = st.tuples(*[st.floats(0.0, 1.0)] * 3).filter(lambda t: sum(t) > 0.05)
shares5 = st.tuples(*[st.floats(0.0, 1.0)] * 5).filter(lambda t: sum(t) > 0.05)


@st.composite
def directives(draw) -> Directives:
    labour = draw(shares3)
    split = draw(shares5)
    lt, st_ = sum(labour), sum(split)
    return Directives.model_validate({
        "labor": dict(zip(("farms", "factories", "construction"), (x / lt for x in labour), strict=True)),
        "investment_rate": draw(st.floats(0.05, 0.6)),
        "investment_split": dict(zip(("heavy_industry", "light_industry", "agriculture", "transport_power",
                                      "defense"), (x / st_ for x in split), strict=True)),
        "grain_procurement_mt": draw(st.floats(0.0, 60.0)),
        "grain_exports_mt": draw(st.floats(0.0, 15.0)),
        "collectivization_target": draw(st.floats(0.0, 1.0)),
        "dekulakization": draw(st.booleans()),
        "repression": draw(st.integers(0, 3)),
    })


@settings(max_examples=500, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(directives(), min_size=14, max_size=14), st.integers(0, 2**16), st.booleans())
def test_every_metric_stays_finite_and_non_negative(years, seed, random_weather):
    game = Game(great_turn(), seed=seed, weather_mode="random" if random_weather else "historical")
    for d in years:
        if game.finished:
            break
        record = game.play_year(d)
        for metric, value in record.items():
            assert math.isfinite(value), f"{record['year']:.0f} {metric} = {value}"
            assert value >= 0.0, f"{record['year']:.0f} {metric} = {value}"
