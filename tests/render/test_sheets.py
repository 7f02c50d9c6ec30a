"""Exercise sheets of a network with a big layer: its long runs of one form are elided on the
sheet as in the handouts, and the sheet is still written (each format)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bpstudio.model.examples import load_example
from bpstudio.model.network import Network
from bpstudio.model.practice.sheets import class_exercises
from bpstudio.render.elision import ELIDE_ABOVE
from bpstudio.render.sheets import write_sheets


@pytest.mark.parametrize("fmt", ["markdown", "latex", "html"])
def test_a_layer_wider_than_the_elision_limit_still_gives_sheets(tmp_path, fmt):
    seed = load_example("seed")
    wide = Network.zeros([seed.network.n_inputs, ELIDE_ABOVE + 2, seed.network.n_outputs])
    exercises = class_exercises(replace(seed, network=wide), 1, 5)
    written = write_sheets(exercises, fmt, tmp_path, "en", 0, 5)
    sheet = written[0].read_text(encoding="utf-8")
    assert "more of the same form" in sheet  # the elision note stands for the left-out steps
    assert written[-1].name.startswith("answer-key")
