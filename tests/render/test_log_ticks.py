"""A log axis labels at most as many ticks as it has room for, each written exactly."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from bpstudio.render.log_ticks import log_ticks, tick_text


def texts(low: float, high: float, room: int) -> list[str]:
    ticks = log_ticks(math.log10(low), math.log10(high), room)
    return [tick_text(t, ticks) for t in ticks]


def test_a_short_axis_over_two_decades_gets_few_labels_not_every_minor_tick():
    # pyqtgraph labelled 0.02, 0.03, ... 0.9 here, on top of one another.
    assert texts(0.02, 0.9, 3) == ["0.1"]
    assert texts(0.02, 0.9, 5) == ["0.02", "0.05", "0.1", "0.2", "0.5"]


def test_a_range_inside_one_decade_still_gets_labels():
    assert texts(0.11, 0.115, 4) == ["0.11", "0.112", "0.114"]
    assert texts(0.11, 0.115, 2) == ["0.11", "0.115"]  # 0.115, not a rounded 0.12


def test_thirty_decades_get_every_nth_power_of_ten():
    assert texts(1e-30, 0.13, 5) == ["1e-30", "1e-24", "1e-18", "1e-12", "1e-06"]


@given(
    low=st.floats(-40, 5),
    span=st.floats(0.001, 40),
    room=st.integers(1, 30),
)
def test_ticks_fit_the_room_lie_in_the_range_and_read_apart(low, span, room):
    high = low + span
    ticks = log_ticks(low, high, room)
    assert len(ticks) <= room
    assert ticks == sorted(ticks)
    assert all(low - 1e-9 <= t <= high + 1e-9 for t in ticks)
    labels = [tick_text(t, ticks) for t in ticks]
    assert len(set(labels)) == len(labels)
    if span >= 1:  # a whole decade: at least one power of ten (or every n-th)
        assert ticks
