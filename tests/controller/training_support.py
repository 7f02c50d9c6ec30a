"""A training controller for tests, whose thread is stopped inside the test (as the check in
tests/conftest.py demands)."""

from collections.abc import Iterator
from contextlib import contextmanager

from bpstudio.controller.training_controller import TrainingController
from bpstudio.model.examples import load_example


@contextmanager
def training(qtbot, project=None) -> Iterator[TrainingController]:
    """A started controller on ``project`` (XOR by default); stopped when the block ends."""
    with TrainingController(project if project is not None else load_example("xor")) as controller:
        # The worker announces itself with a first snapshot once its thread runs.
        controller.start()
        qtbot.waitUntil(lambda: controller.latest_snapshot is not None)
        yield controller
