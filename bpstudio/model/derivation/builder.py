"""Build the walkthrough of one training step: ``build_derivation``, ``derive_project``.

By default (``derive_project(project)``) it is THE NEXT TRAINING STEP: the batch the trainer
takes next (model/next_step.py: from the project's epoch order and position, never a held-out
row), steps 一–六 for one row of it (the first unless another is chosen), the batch mean, and
七 with the project's optimiser and the trainer's state slots: the update Step applies.

With a chosen ``sample`` it walks that sample instead, with a plain gradient step (no momentum)
on the batch the unshuffled rule gives it (with batch size B, sample s belongs to batch
``s // B``, samples ``[b*B, (b+1)*B)``): a demonstration, not the trainer's next step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from bpstudio.model import notation as notations
from bpstudio.model.derivation import update_text
from bpstudio.model.derivation.backward_hidden import add_hidden_layers
from bpstudio.model.derivation.backward_output import add_output_layer
from bpstudio.model.derivation.context import Context, Recorder
from bpstudio.model.derivation.forward import add_forward
from bpstudio.model.derivation.notation_intro import loss_plain, notation_intro
from bpstudio.model.derivation.notes import derivation_notes
from bpstudio.model.derivation.optimiser_step import OptimiserStep
from bpstudio.model.derivation.steps import PHASES, Derivation, Phase
from bpstudio.model.derivation.symbols import plain_a, plain_label
from bpstudio.model.derivation.symmetry import copied_units, with_symmetry
from bpstudio.model.derivation.text import check_lang, network_line, tr
from bpstudio.model.derivation.update import Momentum, add_batch_mean, add_update
from bpstudio.model.network import Network
from bpstudio.model.next_step import next_batch_rows, trainer_for

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
    momentum: Momentum | None = None,
    notation: str | None = None,
    jacobian: bool = False,
    optimiser: OptimiserStep | None = None,
) -> Derivation:
    """The seed's derivation for ``sample`` (0-based row of ``inputs``/``targets``).

    ``batch``: the 0-based samples whose mean gradient the update uses (default: the sample
    alone); it must contain ``sample``.  ``expanded``: add the seed's fully expanded last
    line to 三-六 (where it stays readable, see expansion.py).  ``jacobian``: write out the
    softmax Jacobian and, for cross-entropy, 一 and 二 apart (jacobian.py).  ``momentum``: μ
    and the stored buffers for 七 (None: the plain step), a shorthand for ``optimiser``: the
    optimiser's settings and state slots 七 applies (optimiser_update.py).  ``notation``: a
    preset's name (model.notation), by default the one chosen for this process.
    """
    # A step past float's range is derived with its ∞ and NaN shown; NumPy's warnings about
    # them would only repeat that (and under -W error, end the derivation).
    with notations.writing(notation, network.layer_sizes) as writing, np.errstate(all="ignore"):
        derivation = _build(network, inputs, targets, loss, sample, learning_rate, batch,
                            digits, lang, (expanded, jacobian),
                            optimiser or (momentum.as_step() if momentum else None))  # fmt: skip
    return notation_intro(derivation, writing)


def _build(
    network, inputs, targets, loss, sample, learning_rate, batch, digits, lang, detail, optimiser
):
    expanded, jacobian = detail
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
        expanded, jacobian,
    )  # fmt: skip
    rec = Recorder(digits, lang)
    add_forward(ctx, rec)
    add_output_layer(ctx, rec)
    add_hidden_layers(ctx, rec)
    if len(batch) > 1:
        add_batch_mean(ctx, rec, batch)
    add_update(ctx, rec, learning_rate, batch, inputs[sample], optimiser)
    copies = copied_units(network, optimiser.slots if optimiser is not None else None)
    return Derivation(
        steps=with_symmetry(rec.steps, copies, lang),
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
        intro=tr("intro", lang, loss=loss_plain(loss), lr=f"{learning_rate:g}"),
        notes=derivation_notes(rec.steps, network.activations, lang),
        expanded=expanded,
        jacobian=jacobian,
        network_line=network_line(
            network.layer_sizes,
            network.activations,
            network.use_bias,
            network.freeze_biases,
            loss,
            learning_rate,
            lang,
        ),
        source=(network.copy(), inputs[sample].copy(), targets[sample].copy()),
        optimiser_step=optimiser,
    )


def derive_project(
    project,
    sample: int | None = None,
    *,
    row: int = 0,
    digits: int = DEFAULT_DIGITS,
    lang: str = "en",
    expanded: bool = DEFAULT_EXPANDED,
    notation: str | None = None,
    jacobian: bool = False,
):
    """The trainer's next step on a Project (``sample`` None; steps 一–六 for ``row``, 0-based,
    of its batch), or the walkthrough of ``sample`` (0-based) with a plain update."""
    if sample is None:
        return derive_next_step(
            project,
            row,
            digits=digits,
            lang=lang,
            expanded=expanded,
            notation=notation,
            jacobian=jacobian,
        )
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
        notation=notation,
        jacobian=jacobian,
    )
    derivation = replace(
        derivation,
        title=update_text.text("title.sample", lang, sample=sample + 1),
        intro=_joined(lang, derivation.intro, update_text.text("intro.sample", lang)),
    )
    return _with_names(derivation, project.dataset, lang)


def derive_next_step(
    project,
    row: int = 0,
    *,
    digits: int = DEFAULT_DIGITS,
    lang: str = "en",
    expanded: bool = DEFAULT_EXPANDED,
    notation: str | None = None,
    jacobian: bool = False,
):
    """The walkthrough of the trainer's next step; 一–六 follow the batch's ``row`` (0-based)."""
    batch = next_batch_rows(project)
    if not 0 <= row < len(batch):
        raise ValueError(f"row {row + 1} is not in the batch: it has {len(batch)} row(s)")
    data = project.dataset.prepared()
    config = project.training
    derivation = build_derivation(
        project.network,
        data.inputs,
        data.targets,
        project.loss,
        batch[row],
        config.learning_rate,
        batch,
        digits=digits,
        lang=lang,
        expanded=expanded,
        optimiser=optimiser_step(project),
        notation=notation,
        jacobian=jacobian,
    )
    names = ", ".join(str(s + 1) for s in batch)
    held_out = project.dataset.test_indices()
    held = ""
    if len(held_out):
        held = update_text.text("intro.held", lang, rows=", ".join(str(i + 1) for i in held_out))
    intro = update_text.text("intro.next", lang, held=held, row=batch[row] + 1)
    derivation = replace(
        derivation,
        title=update_text.text("title.next", lang, step=project.steps_taken + 1, rows=names),
        intro=_joined(lang, derivation.intro, intro),
        next_step=project.steps_taken + 1,
        momentum=config.momentum,
        optimiser=config.optimiser.kind,
    )
    return _with_names(derivation, project.dataset, lang)


def optimiser_step(project) -> OptimiserStep:
    """What the trainer's next step applies: the project's optimiser settings, and each
    parameter's state slots as the trainer holds them (from the project's saved state; zero
    slots when there is none, or when the optimiser's kind changed since)."""
    state = trainer_for(project).optimiser_state()
    n_parameters = len(project.network.parameters())
    if hasattr(state, "slots_of"):
        slots = [state.slots_of(i) for i in range(n_parameters)]
    else:  # a state of momentum buffers only
        slots = [{"momentum_buffer": b, "step": 0} for b in state.momentum]
    return OptimiserStep(project.training.optimiser, slots)


def _joined(lang: str, *sentences: str) -> str:
    """Sentences in a row: a space between them in English, none in Chinese."""
    return ("" if lang == "zh" else " ").join(sentences)


def _with_names(derivation, dataset, lang: str):
    """The derivation with what the symbols stand for in imported data, after its intro."""
    with notations.writing(derivation.notation, derivation.layer_sizes):
        names = _names_intro(dataset, lang)
    if not names:
        return derivation
    space = "" if lang == "zh" else " "
    return replace(derivation, intro=f"{derivation.intro}{space}{names}")


def _names_intro(dataset, lang: str) -> str:
    """What the symbols stand for in imported data: x₁ = sepal length, ..., Ŷ₁ = setosa."""
    parts = []
    if dataset.input_names is not None:
        inputs = ", ".join(
            f"{plain_a(1, j)} = {name}" for j, name in enumerate(dataset.input_names, 1)
        )
        parts.append(tr("intro.inputs", lang, names=inputs))
    if dataset.target_names is not None:
        targets = ", ".join(
            f"{plain_label(k)} = {name}" for k, name in enumerate(dataset.target_names, 1)
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
