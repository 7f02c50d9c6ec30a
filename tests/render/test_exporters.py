"""Exporters give well-formed Markdown, LaTeX, HTML and JSON."""

from __future__ import annotations

import itertools
import json
import re

import numpy as np
import pytest

from bpstudio.model import Network
from bpstudio.model.derivation import build_derivation, derive_project
from bpstudio.model.examples import load_example
from bpstudio.render import render_derivation
from bpstudio.render.latex import text_to_latex


@pytest.fixture(scope="module", params=["en", "zh"])
def seed(request):
    return derive_project(load_example("seed"), 0, lang=request.param)


def test_json_has_every_step_with_every_field(seed):
    data = json.loads(render_derivation(seed, "json"))
    assert data["format"] == "bpstudio-derivation" and data["sample_number"] == 1
    assert len(data["steps"]) == len(seed.steps)
    fields = {
        "phase",
        "quantity",
        "layer",
        "indices",
        "symbolic",
        "substituted",
        "value",
        "touches",
    }
    for raw, step in zip(data["steps"], seed.steps, strict=True):
        assert fields <= raw.keys()
        assert raw["value"] == step.value  # full precision survives
        assert raw["indices"] == list(step.indices)
        assert len(raw["touches"]) == len(step.touches)
    first_touch = data["steps"][0]["touches"]
    assert {"kind": "edge", "layer": 2, "j": 1, "k": 1} in first_touch


def braces_balance(text: str) -> bool:
    depth = 0
    for c in re.sub(r"\\[{}]", "", text):
        depth += {"{": 1, "}": -1}.get(c, 0)
        if depth < 0:
            return False
    return depth == 0


def test_latex_is_a_complete_document(seed):
    tex = render_derivation(seed, "latex")
    assert r"\usepackage{amsmath}" in tex
    assert tex.index(r"\begin{document}") < tex.rindex(r"\end{document}")
    assert braces_balance(tex)
    note_lines = sum(len(n.lines) for n in seed.notes)  # Ps: the sigmoid's slope
    aligns = len(seed.steps) + note_lines
    assert tex.count(r"\begin{align*}") == tex.count(r"\end{align*}") == aligns
    if seed.lang == "zh":
        assert r"\usepackage{ctex}" in tex and "xelatex" in tex
    else:
        assert tex.isascii(), "English must compile with plain pdflatex"
        assert tex.count("$") % 2 == 0


def test_text_to_latex_escapes_and_makes_unicode_math():
    assert text_to_latex("a_b 50% ∂E/∂a₁²") == r"a\_b 50\% $\partial $E/$\partial $a$_{1}^{2}$"
    assert text_to_latex("w of $w_{11}^3$") == "w of $w_{11}^3$"


def test_html_is_self_contained(seed):
    page = render_derivation(seed, "html")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert not re.search(r"https?://", page)
    assert page.count("<svg") == 2 * len(seed.steps) + sum(len(n.lines) for n in seed.notes)
    assert "<script" not in page and "<link" not in page


def test_markdown_has_dollar_math_and_every_section(seed):
    text = render_derivation(seed, "markdown")
    for section in seed.sections:
        assert f"### {section.title_tex}" in text
    assert f"${seed.steps[0].symbolic}$" in text


def test_english_latex_stays_ascii_for_any_network():
    rng = np.random.default_rng(3)
    for loss, out in (("cross_entropy", "softmax"), ("mse", "tanh"), ("cross_entropy", "sigmoid")):
        sizes = [2, 9, 3]
        ws = [rng.normal(0, 1, (a, b)) for a, b in itertools.pairwise(sizes)]
        net = Network(sizes, ["relu", out], ws, [rng.normal(0, 1, n) for n in sizes[1:]])
        x, y = rng.normal(0, 1, (3, 2)), rng.random((3, 3))
        d = build_derivation(net, x, y, loss, 1, 0.1, (0, 1, 2))
        tex = render_derivation(d, "latex")
        assert tex.isascii() and braces_balance(tex)


def test_unknown_format_is_refused(seed):
    with pytest.raises(ValueError, match="unknown format"):
        render_derivation(seed, "pdf")
