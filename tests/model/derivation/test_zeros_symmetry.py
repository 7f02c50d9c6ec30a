"""Initialisation "zeros" and the symmetry lesson: hidden units that are exact copies stay
copies, and the walkthrough says so where it shows (五, 七), in English and Chinese."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.model.derivation import derive_project
from bpstudio.model.derivation.symmetry import copied_units
from bpstudio.model.examples import load_example
from bpstudio.model.initialisation import SCHEMES, InitScheme, initialise
from bpstudio.model.project import dumps, loads
from bpstudio.render import render_derivation
from tests.model.test_resume import train

WORDS = {"en": "symmetry problem", "zh": "对称性问题"}


def _zeros(example: str = "seed", scheme: str = "zeros"):
    project = load_example(example)
    project.initialisation = InitScheme(scheme, seed=3, scale=0.3)
    project.network = initialise(project.network, project.initialisation)
    return project


def test_zeros_is_a_scheme_of_zeros_that_ignores_the_scale():
    assert "zeros" in SCHEMES
    project = _zeros()
    params = project.network.parameters()
    assert all(not p.any() for p in params)
    again = loads(dumps(project))
    assert again.initialisation.name == "zeros"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_copy_s_error_step_says_the_symmetry(lang):
    d = derive_project(_zeros(), lang=lang)
    first, copy = d.find("dE/dz", 2, 1), d.find("dE/dz", 2, 2)
    assert copy.value == first.value  # the same error...
    assert WORDS[lang] in copy.explanation and WORDS[lang] not in first.explanation
    assert copy.remark and copy.explanation.endswith(copy.remark)
    # ... and the same updates: every weight of unit 2 moves as unit 1's does
    for j in (1, 2, 3):
        twin, mine = d.find("w_new", 2, j, 1), d.find("w_new", 2, j, 2)
        assert mine.value == twin.value and WORDS[lang] in mine.explanation
    for k in (1, 2):
        assert d.find("w_new", 3, 2, k).value == d.find("w_new", 3, 1, k).value
        assert WORDS[lang] in d.find("w_new", 3, 2, k).explanation
    # documents leave out a repetition's explanation (同理可得) but say its remark
    said = {
        "en": "Random starting weights break the symmetry",
        "zh": "用随机的初始权重才能打破对称",
    }
    assert said[lang] in copy.remark
    for fmt in ("markdown", "latex"):
        assert said[lang] in render_derivation(d, fmt)


def test_random_weights_say_nothing_of_symmetry():
    d = derive_project(load_example("seed"))
    assert not any(s.remark for s in d.steps)
    assert not any(WORDS["en"] in s.explanation for s in d.steps)


@pytest.mark.parametrize("kind", ["sgd", "adam"])
def test_copies_stay_copies_while_training_and_the_walkthrough_keeps_saying_it(kind):
    project = _zeros("xor")
    project.training = project.training.with_changes(optimizer=kind, momentum=0.0)
    project = train(project, 25)
    net = project.network
    hidden = net.weights[0]
    assert np.array_equal(hidden[:, 0], hidden[:, 1])  # still copies after 25 steps
    assert copied_units(net) == {(2, k): 1 for k in range(2, net.layer_sizes[1] + 1)}
    d = derive_project(project)
    assert WORDS["en"] in d.find("dE/dz", 2, 2).explanation


def test_a_constant_start_is_the_same_lesson():
    d = derive_project(_zeros(scheme="constant"))
    assert WORDS["en"] in d.find("dE/dz", 2, 2).explanation


def test_copies_with_different_momentum_are_not_copies():
    project = _zeros()
    net = project.network
    slots = [{"momentum_buffer": np.zeros(p.shape), "step": 0} for p in net.parameters()]
    assert copied_units(net, slots) == {(2, 2): 1}
    slots[0]["momentum_buffer"][0, 1] = 0.1  # unit 2's first incoming weight has momentum
    assert copied_units(net, slots) == {}
