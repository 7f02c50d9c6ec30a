"""The loss history thins itself on long runs, the same way wherever it is held."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstudio.model.examples import load_example
from bpstudio.model.history import LossHistory, LossSeries, SeriesChunk
from bpstudio.model.project import ProjectFileError, load_project, save_project, to_json


def losses(n: int, start: int = 0) -> np.ndarray:
    """Distinct, recognisable values: point i has loss 1 / (i + 2)."""
    return 1.0 / (np.arange(start, start + n) + 2.0)


def test_below_the_limit_every_point_is_kept():
    series = LossSeries(limit=64)
    series.extend(losses(40))
    series.append(0.125)
    assert len(series) == series.kept == 41 and series.stride == 1 and not series.is_thinned
    np.testing.assert_array_equal(series.indices(), np.arange(41))
    np.testing.assert_array_equal(series.view()[:40], losses(40))
    assert series.latest == 0.125


def test_a_full_series_keeps_the_multiples_of_a_doubling_stride():
    series = LossSeries(limit=64)
    series.extend(losses(1000))
    stride = series.stride
    assert stride > 1 and stride & (stride - 1) == 0
    np.testing.assert_array_equal(series.indices(), np.arange(0, 1000, stride))
    np.testing.assert_array_equal(series.view(), losses(1000)[::stride])
    assert 32 <= series.kept < 64
    assert len(series) == 1000 and series.latest == losses(1000)[-1]


def test_memory_stays_bounded_however_long_it_runs():
    series = LossSeries(limit=256)
    for _ in range(400):
        series.extend(losses(2500, len(series)))
    assert len(series) == 1_000_000 and series.kept < 256


chunk_sizes = st.lists(st.integers(min_value=0, max_value=300), min_size=1, max_size=30)


@settings(max_examples=60, deadline=None)
@given(sizes=chunk_sizes, one_by_one=st.booleans())
def test_how_points_are_split_into_chunks_never_changes_what_is_kept(sizes, one_by_one):
    total = sum(sizes)
    whole = LossSeries(limit=32)
    whole.extend(losses(total))
    pieces = LossSeries(limit=32)
    for size in sizes:
        if one_by_one:
            for value in losses(size, len(pieces)):
                pieces.append(value)
        else:
            pieces.extend(losses(size, len(pieces)))
    np.testing.assert_array_equal(pieces.indices(), whole.indices())
    np.testing.assert_array_equal(pieces.view(), whole.view())
    assert pieces.stride == whole.stride and len(pieces) == total


@settings(max_examples=60, deadline=None)
@given(sizes=chunk_sizes, start=st.integers(min_value=0, max_value=100))
def test_a_receiver_fed_chunks_holds_what_the_sender_holds(sizes, start):
    """The worker's series and the GUI's copy stay the same through thinning."""
    sender = LossSeries(losses(start), limit=32)
    receiver = sender.copy()
    reported = len(sender)
    for size in sizes:
        sender.extend(losses(size, len(sender)))
        chunk = sender.chunk_since(reported)
        reported = chunk.end
        receiver.place(chunk)
    np.testing.assert_array_equal(receiver.indices(), sender.indices())
    np.testing.assert_array_equal(receiver.view(), sender.view())
    assert len(receiver) == len(sender)
    if len(sender):
        assert receiver.latest == sender.latest


def test_a_copy_never_sees_later_changes():
    series = LossSeries(losses(50), limit=64)
    copy = series.copy()
    before = copy.view().copy()
    series.extend(losses(500, 50))  # thins
    series.truncate(10)
    assert len(copy) == 50 and copy.stride == 1
    np.testing.assert_array_equal(copy.view(), before)


def test_placing_an_overlapping_chunk_replaces_the_overlap():
    series = LossSeries([0.9, 0.8, 0.7, 0.6])
    series.place(SeriesChunk.consecutive(2, [0.5, 0.4, 0.3]))
    np.testing.assert_array_equal(series.view(), [0.9, 0.8, 0.5, 0.4, 0.3])
    assert len(series) == 5 and series.latest == 0.3


def test_a_gap_before_a_chunk_stays_empty():
    series = LossSeries([0.9])
    series.place(SeriesChunk.consecutive(3, [0.5]))
    np.testing.assert_array_equal(series.indices(), [0, 3])
    assert len(series) == 4


def test_truncating_and_clearing():
    series = LossSeries(losses(10))
    series.truncate(4)
    assert len(series) == 4 and series.latest == losses(4)[-1]
    series.clear()
    assert len(series) == 0 and series.kept == 0 and series.stride == 1


def thinned_history() -> LossHistory:
    history = LossHistory()
    history.steps = LossSeries(losses(1000), limit=64)
    history.epochs = LossSeries(losses(30))
    return history


def test_a_thinned_history_round_trips_through_the_project_file(tmp_path):
    project = load_example("seed")
    project.history = thinned_history()
    project.steps_taken = 1000
    path = tmp_path / "long.json"
    save_project(project, path)
    again = load_project(path).history
    assert again.steps.stride == project.history.steps.stride and len(again.steps) == 1000
    np.testing.assert_array_equal(again.steps.indices(), project.history.steps.indices())
    np.testing.assert_array_equal(again.steps.view(), project.history.steps.view())
    np.testing.assert_array_equal(again.epochs.view(), losses(30))
    saved = json.loads(path.read_text())["history"]
    assert "epoch_indices" not in saved  # an unthinned series is stored as before


def test_an_old_file_with_a_long_history_loads_thinned(tmp_path):
    project = load_example("seed")
    project.history = LossHistory(losses(300_000), losses(300_000))
    project.steps_taken = 300_000
    path = tmp_path / "old.json"
    save_project(project, path)
    again = load_project(path).history
    assert len(again.steps) == 300_000 and again.steps.stride > 1
    np.testing.assert_array_equal(again.steps.view(), losses(300_000)[:: again.steps.stride])


@pytest.mark.parametrize(
    "change, field",
    [
        ({"step_indices": [0, 5, 5]}, "history.step_indices[2]"),
        ({"step_indices": [0, -1, 2]}, "history.step_indices[1]"),
        ({"step_indices": [0, 1]}, "history.step_indices"),
        ({"step_indices": [0, 1, 2], "step_stride": 3}, "history.step_stride"),
        ({"step_indices": [0, 1, 2], "step_end": 2}, "history.step_end"),
    ],
)
def test_bad_thinned_histories_are_refused_with_the_field_named(tmp_path, change, field):
    data = to_json(load_example("seed"))
    data["history"].update({"step_losses": [0.3, 0.2, 0.1], **change})
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ProjectFileError) as error:
        load_project(path)
    assert field in str(error.value)
