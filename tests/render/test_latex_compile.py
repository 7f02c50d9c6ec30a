"""The LaTeX handout really compiles with xelatex, in English and in Chinese (issue 14).

No skip when TeX is missing: a compile test that skips proves nothing.  `bash
scripts/install-system-deps.sh` installs texlive-xetex, texlive-lang-chinese and poppler-utils.
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bpstudio.model import Network
from bpstudio.model.derivation import build_derivation
from bpstudio.model.examples import example_path
from bpstudio.render import render_derivation

COMPILE_TIMEOUT_S = 300


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: run `bash scripts/install-system-deps.sh`"
    return path


def _compile(tex_file: Path) -> tuple[Path, str]:
    """xelatex the file (twice would change nothing: no references); the PDF and the log."""
    result = subprocess.run(
        [_tool("xelatex"), "-interaction=nonstopmode", "-halt-on-error", tex_file.name],
        cwd=tex_file.parent,
        capture_output=True,
        text=True,
        timeout=COMPILE_TIMEOUT_S,
    )
    log = tex_file.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    assert result.returncode == 0, log[-3000:]
    return tex_file.with_suffix(".pdf"), log


def _pdf_text(pdf: Path) -> str:
    out = subprocess.run([_tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True)
    assert out.returncode == 0
    return out.stdout.decode("utf-8")


def _errors(log: str) -> list[str]:
    return [line for line in log.splitlines() if line.startswith("!")]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_seed_handout_compiles_with_xelatex(tmp_path, lang):
    tex = tmp_path / f"seed_{lang}.tex"
    cli = [sys.executable, "-m", "bpstudio", "derive", str(example_path("seed"))]
    cli += ["--format", "latex", "--lang", lang, "--out", str(tex)]
    subprocess.run(cli, check=True, capture_output=True, timeout=120)
    pdf, log = _compile(tex)
    assert not _errors(log) and "Double subscript" not in log
    assert "Missing character" not in log  # every glyph (Chinese too) has a font
    assert "Overfull \\hbox" not in log  # the expanded lines of 五 and 六 are broken to fit
    text = _pdf_text(pdf)
    assert "反向传播" in text if lang == "zh" else "Backward pass" in text
    if lang == "zh":  # no English line inside the Chinese handout
        assert "network" not in text and "loss" not in text.replace("label", "")
    # pages exist and turn into images (what a reader would look at)
    first_page = ["-png", "-r", "30", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")]
    subprocess.run([_tool("pdftoppm"), *first_page], check=True)
    assert list(tmp_path.glob("p-*.png"))


def test_a_deep_batched_network_with_biases_compiles_in_chinese(tmp_path):
    rng = np.random.default_rng(7)
    sizes = [3, 4, 12, 3]
    weights = [rng.normal(0, 1, (a, b)) for a, b in itertools.pairwise(sizes)]
    biases = [rng.normal(0, 1, n) for n in sizes[1:]]
    net = Network(sizes, ["tanh", "relu", "softmax"], weights, biases)
    inputs = rng.normal(0, 1, (3, 3))
    targets = np.eye(3)
    d = build_derivation(net, inputs, targets, "cross_entropy", 1, 0.1, (0, 1, 2), lang="zh")
    tex = tmp_path / "deep.tex"
    tex.write_text(render_derivation(d, "latex"), encoding="utf-8")
    _, log = _compile(tex)
    assert not _errors(log)
    assert "Missing character" not in log


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_next_step_with_momentum_compiles_with_xelatex(tmp_path, lang):
    """七 with momentum (b_{[w_{11}^2]} ← μ·b + ∂E/∂w, the stored buffers) in the handout."""
    from bpstudio.model.examples import load_example
    from bpstudio.model.project import save_project
    from tests.model.test_resume import train

    project = tmp_path / "xor.json"
    save_project(train(load_example("xor"), 3), project)
    tex = tmp_path / f"xor_{lang}.tex"
    cli = [sys.executable, "-m", "bpstudio", "derive", str(project)]
    cli += ["--format", "latex", "--lang", lang, "--out", str(tex)]
    subprocess.run(cli, check=True, capture_output=True, timeout=120)
    assert "b_{[w_{11}^2]}" in tex.read_text(encoding="utf-8")
    pdf, log = _compile(tex)
    assert not _errors(log)
    text = _pdf_text(pdf)
    assert ("momentum" in text) if lang == "en" else ("动量" in text)
    # the momentum's symbol in the prose too, not a missing glyph (pdftotext reads \mu as µ)
    assert "μ = 0.5" in text or "\u00b5 = 0.5" in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_adam_with_weight_decay_and_the_jacobian_compile_with_xelatex(tmp_path, lang):
    """七 for Adam (m, v, m̂, v̂, √, β₁^t in formulas and titles) and the softmax Jacobian."""
    from bpstudio.model.derivation.optimiser_step import OptimiserStep
    from bpstudio.model.optimisers import OptimiserSettings

    rng = np.random.default_rng(5)
    sizes = [2, 3, 3]
    weights = [rng.normal(0, 1, (a, b)) for a, b in itertools.pairwise(sizes)]
    net = Network(sizes, ["tanh", "softmax"], weights, [rng.normal(0, 1, n) for n in sizes[1:]])
    slots = [
        {"exp_avg": rng.normal(0, 0.1, p.shape), "exp_avg_sq": rng.random(p.shape), "step": 4}
        for p in net.parameters()
    ]
    adam = OptimiserStep(OptimiserSettings("adam", weight_decay=0.01), slots)
    d = build_derivation(net, rng.normal(0, 1, (2, 2)), np.eye(3)[:2], "cross_entropy",
                         0, 0.01, (0, 1), lang=lang, jacobian=True, optimiser=adam)  # fmt: skip
    tex = tmp_path / f"adam_{lang}.tex"
    tex.write_text(render_derivation(d, "latex"), encoding="utf-8")
    pdf, log = _compile(tex)
    assert not _errors(log) and "Missing character" not in log
    text = _pdf_text(pdf)
    assert "Adam" in text and ("雅可比" in text if lang == "zh" else "Jacobian" in text)
