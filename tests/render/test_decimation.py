"""A decimated curve keeps every extreme a pixel column could show."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstudio.render.decimation import peak_envelope, sticky_range, visible_slice


def test_a_short_curve_comes_back_unchanged():
    xs, ys = np.arange(10.0), np.linspace(1, 0, 10)
    out_x, out_y = peak_envelope(xs, ys, columns=5)
    assert out_x is xs and out_y is ys


@settings(max_examples=80, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=5000),
    columns=st.integers(min_value=1, max_value=400),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
)
def test_each_column_keeps_its_lowest_and_highest_point(n, columns, seed):
    rng = np.random.default_rng(seed)
    xs = np.cumsum(rng.integers(1, 4, n)).astype(float)
    ys = rng.normal(size=n)
    out_x, out_y = peak_envelope(xs, ys, columns)
    assert len(out_y) <= 2 * columns + 3
    assert out_x[-1] == xs[-1] and out_y[-1] == ys[-1]  # the newest point is exact
    assert out_y.max() == ys.max() and out_y.min() == ys.min()
    assert np.all(np.diff(out_x) >= 0)  # still a curve from left to right
    # every output point is a real point of the curve
    positions = np.searchsorted(xs, out_x)
    np.testing.assert_array_equal(ys[positions], out_y)
    if len(out_y) < n:  # each run of n // columns points keeps its own extremes
        run = n // columns
        for column in (0, columns - 1):
            block = ys[column * run : (column + 1) * run]
            assert {block.min(), block.max()} == set(out_y[2 * column : 2 * column + 2])


def test_the_visible_slice_reaches_one_point_past_each_edge():
    xs = np.arange(1.0, 101.0)
    part = visible_slice(xs, 10.5, 20.5)
    assert xs[part][0] == 10 and xs[part][-1] == 21
    assert visible_slice(xs, -5, 500) == slice(0, 100)
    assert len(xs[visible_slice(xs, 200, 300)]) == 1  # out of view: the nearest point


def test_an_axis_range_stays_while_the_data_fit_it_snugly():
    assert sticky_range((0.0, 90.0), (0.0, 100.0)) is None
    grown = sticky_range((0.0, 120.0), (0.0, 100.0))  # the curve ran past the right edge
    assert grown[0] <= 0.0 and grown[1] > 120.0
    assert sticky_range((0.0, 120.0), grown) is None  # and the next points fit again
    shrunk = sticky_range((0.0, 10.0), (0.0, 100.0))  # a new, short history
    assert shrunk[1] < 20.0 and shrunk[0] <= 0.0


def test_a_flat_curve_still_gets_a_range_of_its_own():
    low, high = sticky_range((0.5, 0.5), (0.0, 0.1))
    assert low < 0.5 < high
