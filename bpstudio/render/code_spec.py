"""What an exported script needs from a project, gathered once: `ExportSpec`.

The exporters (code_numpy.py, code_torch.py, code_notebook.py) write code from this alone, so
all three describe the same network, data, settings and optimiser state. No Qt, no text.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpstudio.model.derivation import batch_of
from bpstudio.model.losses import get_loss
from bpstudio.model.messages import ModelError
from bpstudio.model.optimisers import OptimiserSettings
from bpstudio.model.project import Project

TARGETS = ("numpy", "pytorch", "notebook")
MAX_STEPS = 100_000


@dataclass(frozen=True)
class StartState:
    """Where the optimiser stands when the exported training starts (the project's saved state,
    or the zero state: zero buffers, a fresh epoch drawn from the seed)."""

    momentum_w: tuple[np.ndarray, ...] | None  # per weight matrix; None: zeros
    momentum_b: tuple[np.ndarray, ...] | None  # per bias vector; None: zeros
    order: tuple[int, ...] | None  # the current epoch's order, when saved (shuffled)
    position: int | None  # the next row's position in the epoch, when saved
    rng: dict[str, object] | None  # NumPy's bit_generator.state, when saved


@dataclass(frozen=True)
class ExportSpec:
    name: str
    layer_sizes: tuple[int, ...]
    activations: tuple[str, ...]
    use_bias: bool
    freeze_biases: bool
    weights: tuple[np.ndarray, ...]  # inputs x outputs, as the project stores them
    biases: tuple[np.ndarray, ...] | None
    loss: str
    inputs: np.ndarray  # every row as the network sees it (standardised when the project says)
    targets: np.ndarray
    standardised: bool
    train_rows: tuple[int, ...]  # the rows training uses (all, unless part is held out)
    learning_rate: float
    momentum: float
    batch_size: int
    shuffle: bool
    seed: int
    sample: int  # 0-based: the walkthrough's sample
    batch: tuple[int, ...]  # 0-based: its batch, by the walkthrough's rule
    steps: int  # training steps after the walkthrough (0: none)
    start: StartState

    @property
    def n_layers(self) -> int:
        return len(self.layer_sizes)

    @property
    def merged_output(self) -> bool:
        """Cross-entropy: dE/dz at the output is Y - Ŷ (the walkthrough's 一 and 二 merge)."""
        return get_loss(self.loss).merges_output_steps

    @property
    def all_rows_train(self) -> bool:
        return self.train_rows == tuple(range(len(self.inputs)))


def export_spec(project: Project, *, sample: int = 0, steps: int = 0) -> ExportSpec:
    """The spec of ``project`` (a bpstudio.model Project); ``sample`` counts from 0."""
    data = project.dataset.prepared()
    if not 0 <= sample < data.n_samples:
        raise ValueError(
            f"sample {sample + 1} does not exist: the data has {data.n_samples} sample(s)"
        )
    if not 0 <= steps <= MAX_STEPS:
        raise ValueError(f"steps must be between 0 and {MAX_STEPS}, got {steps}")
    _check_exportable(project.training.optimiser)
    net, training = project.network, project.training
    return ExportSpec(
        name=project.name,
        layer_sizes=tuple(int(n) for n in net.layer_sizes),
        activations=tuple(net.activations),
        use_bias=net.biases is not None,
        freeze_biases=bool(net.freeze_biases) and net.biases is not None,
        weights=tuple(np.array(w, dtype=np.float64) for w in net.weights),
        biases=None if net.biases is None else tuple(np.array(b) for b in net.biases),
        loss=project.loss,
        inputs=np.array(data.inputs, dtype=np.float64),
        targets=np.array(data.targets, dtype=np.float64),
        standardised=bool(getattr(project.dataset, "standardise", False)),
        train_rows=tuple(int(r) for r in project.dataset.train_indices()),
        learning_rate=float(training.learning_rate),
        momentum=float(training.momentum),
        batch_size=int(training.batch_size),
        shuffle=bool(training.shuffle),
        seed=int(training.seed),
        sample=sample,
        batch=batch_of(sample, data.n_samples, training.batch_size),
        steps=steps,
        start=_start_state(project),
    )


def _check_exportable(settings: OptimiserSettings) -> None:
    """The exported code trains with SGD and momentum (torch.optim.SGD's rule), as the
    walkthrough's 七 shows it; refuse another optimiser rather than export a different run."""
    if settings.kind != "sgd":
        raise ModelError(
            "the code export writes SGD with momentum only; this project trains with {kind}",
            kind=settings.kind,
        )
    if (settings.nesterov and settings.momentum) or settings.weight_decay:
        raise ModelError(
            "the code export writes SGD with momentum only, without Nesterov momentum or "
            "weight decay"
        )


def _start_state(project: Project) -> StartState:
    # Format version 2 keeps the optimiser's state (Project.optimiser); older projects and
    # fresh ones start from zero buffers and an epoch drawn from the seed.
    state = getattr(project, "optimiser", None)
    if state is None:
        return StartState(None, None, None, None, None)
    n_weights = len(project.network.weights)
    buffers = tuple(np.array(b, dtype=np.float64) for b in state.momentum)
    epoch = state.epoch
    order = position = None
    if epoch is not None:
        position = int(epoch.position)
        order = None if epoch.order is None else tuple(int(i) for i in epoch.order)
    return StartState(
        buffers[:n_weights] if any(b.any() for b in buffers[:n_weights]) else None,
        buffers[n_weights:] if any(b.any() for b in buffers[n_weights:]) else None,
        order,
        position,
        None if state.rng is None else dict(state.rng),
    )
