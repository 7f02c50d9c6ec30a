"""Handouts of big layers leave out repeated steps and cut long sums; JSON keeps everything."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest

from bpstudio.model import Network
from bpstudio.model.derivation import build_derivation, derive_project
from bpstudio.model.examples import load_example
from bpstudio.render import render_derivation
from bpstudio.render.elision import Elided, handout_steps, shorten_sums
from bpstudio.render.outline import outline

HANDOUTS = ("markdown", "latex", "html")
MAX_HANDOUT_BYTES = 5 * 2**20


def _derivation(sizes, lang="en"):
    rng = np.random.default_rng(1)
    pairs = list(itertools.pairwise(sizes))
    weights = [rng.normal(0, 1 / np.sqrt(a), (a, b)) for a, b in pairs]
    biases = [rng.normal(0, 0.3, b) for b in sizes[1:]]
    network = Network(list(sizes), ["sigmoid"] * len(pairs), weights, biases)
    inputs, targets = rng.uniform(0, 1, (1, sizes[0])), rng.uniform(0, 1, (1, sizes[-1]))
    return build_derivation(network, inputs, targets, "half_sse", lang=lang)


@pytest.fixture(scope="module", params=["en", "zh"])
def mnist_sized(request):
    return _derivation((784, 16, 10), request.param)


@pytest.mark.parametrize("fmt", HANDOUTS)
def test_a_784_16_10_handout_is_small_and_says_what_it_left_out(mnist_sized, fmt):
    text = render_derivation(mnist_sized, fmt)
    assert len(text.encode("utf-8")) < MAX_HANDOUT_BYTES
    note = "more of the same form" if mnist_sized.lang == "en" else "同样形式的另外"
    assert text.count(note) >= 10
    # 16 x 784 weight gradients: the first two and the last shown, the others counted
    assert "12,541" in text


def test_the_json_export_keeps_every_step_and_every_term(mnist_sized):
    data = json.loads(render_derivation(mnist_sized, "json"))
    assert len(data["steps"]) == len(mnist_sized.steps) > 25_000
    z = next(s for s in data["steps"] if s["quantity"] == "z")
    assert z["symbolic"].count(" + ") == 784 and r"\cdots" not in z["symbolic"]


def test_a_seed_sized_derivation_is_shown_whole():
    d = derive_project(load_example("seed"), 0)
    shown = [step for _phase, sections in outline(d) for _s, steps in sections for step in steps]
    assert shown == list(d.steps)


def test_each_form_keeps_its_first_two_and_its_last_step_and_one_note():
    d = _derivation((3, 20, 1))
    forward = list(d.steps_in_section("forward.1"))  # z and a of 20 hidden units
    shown = handout_steps(forward, "en")
    notes = [s for s in shown if isinstance(s, Elided)]
    assert [(n.count, n.last_symbol) for n in notes] == [(17, "z_{19}^2"), (17, "a_{19}^2")]
    kept = [s.symbol for s in shown if not isinstance(s, Elided)]
    assert kept == ["z_1^2", "z_2^2", "z_{20}^2", "a_1^2", "a_2^2", "a_{20}^2"]
    assert notes[0].text == "… and 17 more of the same form, up to"
    assert handout_steps(forward, "zh")[2].text == "… 以及同样形式的另外 17 步, 直到"


def test_a_long_sum_keeps_its_ends_on_each_side_and_in_brackets():
    terms = " + ".join(f"t_{{{i}}}" for i in range(1, 31))
    assert shorten_sums(f"s = {terms} = {terms}") == (
        r"s = t_{1} + t_{2} + t_{3} + \cdots + t_{29} + t_{30}"
        r" = t_{1} + t_{2} + t_{3} + \cdots + t_{29} + t_{30}"
    )
    bracketed = rf"E = \left[{terms}\right] + 1"
    assert (
        shorten_sums(bracketed)
        == r"E = \left[t_{1} + t_{2} + t_{3} + \cdots + t_{29} + t_{30}\right] + 1"
    )
    short = "a + b + c + d"
    assert shorten_sums(short) is short
