"""Build the walkthrough of one training step for one sample: ``build_derivation``.

Mini-batches follow the trainer's rule without shuffling: with batch size B, sample s belongs
to batch ``s // B``, which holds samples ``[b*B, (b+1)*B)`` (the last batch may be shorter).
The walkthrough follows the chosen sample; when its batch holds more samples, a closing
section shows each batch gradient as the mean over them, and step 七 uses that mean.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from bpstudio.model.derivation.backward_hidden import add_hidden_layers
from bpstudio.model.derivation.backward_output import add_output_layer
from bpstudio.model.derivation.context import Context, Recorder
from bpstudio.model.derivation.forward import add_forward
from bpstudio.model.derivation.loss_tex import LOSS_PLAIN
from bpstudio.model.derivation.notes import derivation_notes
from bpstudio.model.derivation.steps import PHASES, Derivation, Phase
from bpstudio.model.derivation.symbols import plain
from bpstudio.model.derivation.text import check_lang, network_line, tr
from bpstudio.model.derivation.update import add_batch_mean, add_update
from bpstudio.model.network import Network

DEFAULT_DIGITS = 4
DEFAULT_EXPANDED = True  # the seed's expanded last lines of 三-六: on, as in the seed


def batch_of(sample: int, n_samples: int, batch_size: int) -> tuple[int, ...]:
    """The samples trained together with ``sample`` (0-based), by the trainer's unshuffled rule."""
    size = max(1, min(int(batch_size), n_samples))
    start = (sample // size) * size
    return tuple(range(start, min(start + size, n_samples)))


def build_derivation(
    network: Network,
    inputs,
    targets,
    loss: str,
    sample: int = 0,
    learning_rate: float = 0.5,
    batch: Sequence[int] | None = None,
    *,
    digits: int = DEFAULT_DIGITS,
    lang: str = "en",
    expanded: bool = False,
) -> Derivation:
    """The seed's derivation for ``sample`` (0-based row of ``inputs``/``targets``).

    ``batch``: the 0-based samples whose mean gradient the update uses (default: the sample
    alone); it must contain ``sample``.  ``expanded``: add the seed's fully expanded last
    line to 三-六 (where it stays readable, see expansion.py).
    """
    inputs = np.atleast_2d(np.asarray(inputs, dtype=np.float64))
    targets = np.atleast_2d(np.asarray(targets, dtype=np.float64))
    _check(sample, inputs, digits, lang)
    batch = tuple(int(s) for s in (batch if batch is not None else (sample,)))
    if sample not in batch:
        raise ValueError(f"sample {sample} is not in its batch {list(batch)}")
    trace = network.forward(inputs[list(batch)])
    grads = network.backward(trace, targets[list(batch)], loss)
    number = sample + 1 if len(batch) > 1 else None  # E^{(n)} in 一-六 (context.py)
    ctx = Context(
        network, trace, grads, targets[list(batch)], batch.index(sample), loss, lang, number,
        expanded,
    )  # fmt: skip
    rec = Recorder(digits, lang)
    add_forward(ctx, rec)
    add_output_layer(ctx, rec)
    add_hidden_layers(ctx, rec)
    if len(batch) > 1:
        add_batch_mean(ctx, rec, batch)
    add_update(ctx, rec, learning_rate, batch, inputs[sample])
    return Derivation(
        steps=tuple(rec.steps),
        sections=tuple(rec.sections),
        phases=_phases(rec, lang),
        sample=sample,
        batch=batch,
        learning_rate=float(learning_rate),
        loss=loss,
        layer_sizes=tuple(network.layer_sizes),
        activations=tuple(network.activations),
        use_bias=network.use_bias,
        digits=digits,
        lang=lang,
        title=tr("title", lang, sample=sample + 1),
        intro=tr("intro", lang, loss=LOSS_PLAIN[loss], lr=f"{learning_rate:g}"),
        notes=derivation_notes(rec.steps, network.activations, lang),
        expanded=expanded,
        network_line=network_line(
            network.layer_sizes,
            network.activations,
            network.use_bias,
            network.freeze_biases,
            loss,
            learning_rate,
            lang,
        ),  # fmt: skip
        source=(network.copy(), inputs[sample].copy(), targets[sample].copy()),
    )


def derive_project(
    project,
    sample: int = 0,
    *,
    digits: int = DEFAULT_DIGITS,
    lang: str = "en",
    expanded: bool = DEFAULT_EXPANDED,
):
    """The derivation of ``sample`` (0-based) of a Project, batched as its training settings say."""
    data = project.dataset.prepared()  # what the network sees (standardised when on)
    if not 0 <= sample < data.n_samples:
        raise ValueError(
            f"sample {sample + 1} does not exist: the data has {data.n_samples} sample(s)"
        )
    batch = batch_of(sample, data.n_samples, project.training.batch_size)
    derivation = build_derivation(
        project.network,
        data.inputs,
        data.targets,
        project.loss,
        sample,
        project.training.learning_rate,
        batch,
        digits=digits,
        lang=lang,
        expanded=expanded,
    )
    names = _names_intro(project.dataset, lang)
    if not names:
        return derivation
    space = "" if lang == "zh" else " "
    return replace(derivation, intro=f"{derivation.intro}{space}{names}")


def _names_intro(dataset, lang: str) -> str:
    """What the symbols stand for in imported data: x₁ = sepal length, ..., Ŷ₁ = setosa."""
    parts = []
    if dataset.input_names is not None:
        inputs = ", ".join(
            f"{plain('x', str(j))} = {name}" for j, name in enumerate(dataset.input_names, 1)
        )
        parts.append(tr("intro.inputs", lang, names=inputs))
    if dataset.target_names is not None:
        targets = ", ".join(
            f"{plain('Ŷ', str(k))} = {name}" for k, name in enumerate(dataset.target_names, 1)
        )
        parts.append(tr("intro.targets", lang, names=targets))
    return ("" if lang == "zh" else " ").join(parts)


def _check(sample: int, inputs: np.ndarray, digits: int, lang: str) -> None:
    check_lang(lang)
    if not 0 <= sample < len(inputs):
        raise ValueError(f"sample {sample + 1} does not exist: the data has {len(inputs)}")
    if not 1 <= digits <= 17:
        raise ValueError(f"digits must be between 1 and 17, got {digits}")


def _phases(rec: Recorder, lang: str) -> tuple[Phase, ...]:
    phases = []
    for phase in PHASES:
        members = [s.index for s in rec.steps if s.phase == phase]
        if members:
            phases.append(Phase(phase, tr(f"phase.{phase}", lang), members[0], len(members)))
    return tuple(phases)
