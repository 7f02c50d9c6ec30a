"""Structural and parameter edits of a project.  Every function returns a NEW Project.

Nothing here mutates its argument: the undo commands keep the project before and after an edit
as snapshots, and that is only correct when an edit never changes the object it was given.

Layers and units are numbered as the seed numbers them (from 1; layer 1 holds the inputs).

New weights (a unit added, a layer inserted, neighbours reconnected after a layer is removed)
are drawn by the project's own initialisation scheme, from a generator seeded with the
scheme's seed and the place of the edit.  So an edit is reproducible, and new weights look like
the weights the user chose to start from; they are never all zero, because a hidden unit whose
weights are all zero gets no gradient on its incoming weights and would never learn.  New biases
start at zero, as ``initialise`` starts them.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from bpstudio.model.data.dataset import Dataset
from bpstudio.model.data.label_rules import check_targets
from bpstudio.model.initialisation import InitScheme, initialise
from bpstudio.model.losses import get_loss
from bpstudio.model.messages import ModelError
from bpstudio.model.network import Network
from bpstudio.model.optimiser_state import OptimiserState
from bpstudio.model.project import Project
from bpstudio.model.training import TrainingConfig, starts_fresh_epoch


# parameters ------------------------------------------------------------------------------
def set_weight(project: Project, layer: int, j: int, k: int, value: float) -> Project:
    """``w_{jk}^layer = value``."""
    _check_unit(project.network, layer - 1, j)
    _check_unit(project.network, layer, k)
    weights = list(project.network.weights)
    weights[layer - 2] = weights[layer - 2].copy()
    weights[layer - 2][j - 1, k - 1] = _finite(value)
    return _with_network(project, _rebuilt(project.network, weights=weights))


def set_bias(project: Project, layer: int, unit: int, value: float) -> Project:
    """``b_unit^layer = value`` (the network must have biases)."""
    net = project.network
    if net.biases is None:
        raise ModelError("this network has no biases; switch them on first")
    _check_unit(net, layer, unit)
    if layer < 2:
        raise ModelError("the inputs (layer 1) have no bias")
    biases = list(net.biases)
    biases[layer - 2] = biases[layer - 2].copy()
    biases[layer - 2][unit - 1] = _finite(value)
    return _with_network(project, _rebuilt(net, biases=biases))


def replace_network(project: Project, network: Network) -> Project:
    """The same project with another network of the same shape (training, pasted weights)."""
    if network.layer_sizes != project.network.layer_sizes:
        raise ModelError(
            "the new network has layers {new}, the project has {old}",
            new=network.layer_sizes,
            old=project.network.layer_sizes,
        )
    return _with_network(project, network.copy())


def set_training(project: Project, config: TrainingConfig) -> Project:
    """The same project with other training settings (learning rate, batch size, ...)."""
    return replace(project.copy(), training=config)


def reinitialise(project: Project, scheme: InitScheme) -> Project:
    """Fresh weights drawn by ``scheme``; the scheme is remembered in the project."""
    return replace(
        _with_network(project, initialise(project.network, scheme)), initialisation=scheme
    )


# units -----------------------------------------------------------------------------------
def add_unit(project: Project, layer: int) -> Project:
    """One more unit at the end of ``layer`` (inputs and outputs too).

    A new input or output unit also gets a new dataset column, filled with zeros.
    """
    net = project.network
    _check_layer(net, layer)
    sizes = list(net.layer_sizes)
    sizes[layer - 1] += 1
    fresh = _fresh_weights(project, sizes, salt=(1, layer))
    weights = [w.copy() for w in net.weights]
    if layer >= 2:  # the column of weights entering the new unit
        weights[layer - 2] = np.hstack([weights[layer - 2], fresh[layer - 2][:, -1:]])
    if layer < net.n_layers:  # the row of weights leaving it
        weights[layer - 1] = np.vstack([weights[layer - 1], fresh[layer - 1][-1:, :]])
    biases = None if net.biases is None else [b.copy() for b in net.biases]
    if biases is not None and layer >= 2:
        biases[layer - 2] = np.append(biases[layer - 2], 0.0)
    network = _rebuilt(net, sizes=sizes, weights=weights, biases=biases)
    return _with_network(project, network, _dataset_with_column(project, layer))


def remove_unit(project: Project, layer: int, unit: int) -> Project:
    """Remove ``unit`` of ``layer`` with its weights, bias and (inputs, outputs) data column."""
    net = project.network
    _check_unit(net, layer, unit)
    if net.layer_sizes[layer - 1] == 1:
        raise ModelError(
            "layer {layer} has only one unit; every layer needs at least one", layer=layer
        )
    idx = unit - 1
    sizes = list(net.layer_sizes)
    sizes[layer - 1] -= 1
    weights = [w.copy() for w in net.weights]
    if layer >= 2:
        weights[layer - 2] = np.delete(weights[layer - 2], idx, axis=1)
    if layer < net.n_layers:
        weights[layer - 1] = np.delete(weights[layer - 1], idx, axis=0)
    biases = None if net.biases is None else [b.copy() for b in net.biases]
    if biases is not None and layer >= 2:
        biases[layer - 2] = np.delete(biases[layer - 2], idx)
    network = _rebuilt(net, sizes=sizes, weights=weights, biases=biases)
    return _with_network(project, network, _dataset_without_column(project, layer, idx))


def unit_removal_loses_data(project: Project, layer: int, unit: int) -> bool:
    """True when removing the unit would drop a dataset column holding a non-zero value."""
    column = _data_column(project, layer, unit)
    return column is not None and bool(np.any(column != 0))


# layers ----------------------------------------------------------------------------------
def insert_layer(project: Project, position: int, size: int, activation: str) -> Project:
    """A new hidden layer that becomes layer ``position`` (2 .. n_layers); later layers shift.

    The weights between its neighbours are replaced by two fresh matrices, in and out of it.
    """
    net = project.network
    if not 2 <= position <= net.n_layers:
        raise ModelError(
            "a hidden layer can be inserted at 2 .. {last}, not {position}",
            last=net.n_layers,
            position=position,
        )
    if size < 1:
        raise ModelError("a layer needs at least one unit")
    if activation == "softmax":
        raise ModelError("softmax is for the output layer only")
    i = position - 2  # index of the matrix that the new layer splits in two
    sizes = [*net.layer_sizes[: position - 1], int(size), *net.layer_sizes[position - 1 :]]
    fresh = _fresh_weights(project, sizes, salt=(2, position))
    weights = [w.copy() for w in net.weights]
    weights[i : i + 1] = [fresh[i], fresh[i + 1]]
    activations = [*net.activations[:i], activation, *net.activations[i:]]
    biases = None
    if net.biases is not None:
        biases = [b.copy() for b in net.biases]
        biases.insert(i, np.zeros(int(size)))
    network = _rebuilt(net, sizes=sizes, weights=weights, biases=biases, activations=activations)
    return _with_network(project, network)


def remove_layer(project: Project, layer: int) -> Project:
    """Remove hidden ``layer``; its neighbours are joined by a fresh weight matrix."""
    net = project.network
    if not 2 <= layer <= net.n_layers - 1:
        raise ModelError(
            "only hidden layers (2 .. {last}) can be removed, not layer {layer}",
            last=net.n_layers - 1,
            layer=layer,
        )
    i = layer - 2  # the matrix entering the removed layer; i + 1 leaves it
    sizes = net.layer_sizes[: layer - 1] + net.layer_sizes[layer:]
    fresh = _fresh_weights(project, sizes, salt=(3, layer))
    weights = [w.copy() for w in net.weights]
    weights[i : i + 2] = [fresh[i]]
    activations = net.activations[:i] + net.activations[i + 1 :]
    biases = None
    if net.biases is not None:
        biases = [b.copy() for b in net.biases]
        del biases[i]
    network = _rebuilt(net, sizes=sizes, weights=weights, biases=biases, activations=activations)
    return _with_network(project, network)


def set_activation(project: Project, layer: int, name: str) -> Project:
    """Layer ``layer`` (>= 2) computes ``a = name(z)``; the loss must still accept the output."""
    net = project.network
    if not 2 <= layer <= net.n_layers:
        raise ModelError(
            "layers 2 .. {last} have an activation, not layer {layer}",
            last=net.n_layers,
            layer=layer,
        )
    activations = list(net.activations)
    activations[layer - 2] = name
    network = _rebuilt(net, activations=activations)
    get_loss(project.loss).check_output_activation(network.output_activation)
    check_targets(project.dataset.targets, project.loss, network.output_activation)
    return _with_network(project, network)


def set_use_bias(project: Project, on: bool) -> Project:
    """Switch biases on (all zero) or off (dropped)."""
    net = project.network
    if on == net.use_bias:
        return project.copy()
    biases = [np.zeros(n) for n in net.layer_sizes[1:]] if on else None
    return _with_network(project, _rebuilt(net, biases=biases, drop_biases=not on))


def set_loss(project: Project, name: str) -> Project:
    get_loss(name).check_output_activation(project.network.output_activation)
    check_targets(project.dataset.targets, name, project.network.output_activation)
    result = project.copy()
    result.loss = name
    return result


# helpers ---------------------------------------------------------------------------------
def _check_layer(net: Network, layer: int) -> None:
    if not 1 <= layer <= net.n_layers:
        raise ModelError(
            "there is no layer {layer} (layers are 1 .. {last})", layer=layer, last=net.n_layers
        )


def _finite(value: float) -> float:
    """A project file holds finite numbers only, so an infinite or NaN weight is refused here
    rather than when the work is saved."""
    value = float(value)
    if not np.isfinite(value):
        raise ModelError("weights and biases must be finite numbers, not {value}", value=value)
    return value


def _check_unit(net: Network, layer: int, unit: int) -> None:
    _check_layer(net, layer)
    n = net.layer_sizes[layer - 1]
    if not 1 <= unit <= n:
        raise ModelError(
            "layer {layer} has no unit {unit} (units are 1 .. {n})", layer=layer, unit=unit, n=n
        )


def _rebuilt(
    net: Network,
    *,
    sizes=None,
    weights=None,
    biases=None,
    activations=None,
    drop_biases: bool = False,
) -> Network:
    """A new Network from ``net`` with the given parts replaced (validated on construction)."""
    if biases is None and not drop_biases and net.biases is not None:
        biases = [b.copy() for b in net.biases]
    return Network(
        list(sizes if sizes is not None else net.layer_sizes),
        list(activations if activations is not None else net.activations),
        weights if weights is not None else [w.copy() for w in net.weights],
        biases,
        net.freeze_biases,
        net.dtype,
    )


def _with_network(project: Project, network: Network, dataset: Dataset | None = None) -> Project:
    result = project.copy()
    result.network = network
    if dataset is not None:
        result.dataset = dataset
    return result


def _fresh_weights(project: Project, sizes: list[int], salt: tuple[int, int]) -> list[np.ndarray]:
    """Weights for ``sizes`` drawn by the project's scheme, seeded by its seed and ``salt``."""
    scheme = project.initialisation
    seed = int(np.random.SeedSequence([scheme.seed, *salt]).generate_state(1)[0])
    return initialise(Network.zeros(sizes), replace(scheme, seed=seed)).weights


def _dataset_with_column(project: Project, layer: int) -> Dataset | None:
    ds = project.dataset
    zeros = np.zeros((ds.n_samples, 1))
    if layer == 1:
        return ds.with_rows(np.hstack([ds.inputs, zeros]), ds.targets.copy())
    if layer == project.network.n_layers:
        return ds.with_rows(ds.inputs.copy(), np.hstack([ds.targets, zeros]))
    return None


def _dataset_without_column(project: Project, layer: int, idx: int) -> Dataset | None:
    ds = project.dataset
    if layer == 1:
        return ds.with_rows(np.delete(ds.inputs, idx, axis=1), ds.targets.copy())
    if layer == project.network.n_layers:
        return ds.with_rows(ds.inputs.copy(), np.delete(ds.targets, idx, axis=1))
    return None


def _data_column(project: Project, layer: int, unit: int) -> np.ndarray | None:
    _check_unit(project.network, layer, unit)
    if layer == 1:
        return project.dataset.inputs[:, unit - 1]
    if layer == project.network.n_layers:
        return project.dataset.targets[:, unit - 1]
    return None


# the optimiser's state across an edit ---------------------------------------------------------
MOMENTUM_RESET = "momentum"
SLOTS_RESET = "slots"  # another optimiser, or Adam's / RMSprop's averages on a reshaped network
EPOCH_RESET = "epoch"


def carry_optimiser_state(before: Project, after: Project):
    """The optimiser state ``after`` an edit continues from, and which parts the edit reset.

    Value edits (a weight, a bias, the learning rate, the optimiser's numbers, the loss, an
    activation) keep the state.  Another kind of optimiser starts from zero slots and step 0
    (`OptimiserState.for_kind`).  A structural edit zeroes the momentum of each weight matrix
    or bias vector it reshapes (all of them when layers are added or removed); with RMSprop's
    or Adam's averages it zeroes every slot and the step count.  A change of the training rows,
    the batch size, shuffling or the seed starts a fresh epoch order.  Returns
    ``(state or None, tuple of MOMENTUM_RESET / SLOTS_RESET / EPOCH_RESET)``; a part is named
    only when the edit threw something away (slots that were not zero, an epoch under way)."""
    state = before.optimiser
    if state is None:
        return None, ()
    reset: list[str] = []
    kind = after.training.optimizer
    if kind != state.kind:  # another optimiser: zero slots, step 0 (a new torch optimiser)
        if not state.is_zero_slots():
            reset.append(SLOTS_RESET)
        state = state.for_kind(kind)
    momentum, lost = _carried_momentum(state.momentum, before.network, after.network)
    if state.averages and any(a is not b for a, b in zip(momentum, state.momentum, strict=False)):
        # Adam's and RMSprop's averages go with one step count: a reshaped network starts
        # them all again (the bias corrections would otherwise be wrong for the new ones).
        if not state.is_zero_slots():
            reset.append(SLOTS_RESET)
        zeros = [np.zeros(p.shape) for p in after.network.parameters()]
        state = OptimiserState.of(zeros, state.epoch, state.rng, None, 0, kind)
    else:
        if lost:
            reset.append(MOMENTUM_RESET)
        if len(momentum) != len(state.momentum) or any(
            a is not b for a, b in zip(momentum, state.momentum, strict=False)
        ):
            state = OptimiserState.of(momentum, state.epoch, state.rng, None, state.step, kind)
    data_changed = not before.dataset.equals(after.dataset)
    if data_changed or starts_fresh_epoch(before.training, after.training):
        if state.epoch is not None and (state.epoch.position or state.epoch.steps):
            reset.append(EPOCH_RESET)
        state = state.without_epoch()
    return state, tuple(reset)


def _carried_momentum(buffers, before: Network, after: Network):
    """The buffers for ``after``'s parameters: kept where the shape is unchanged, zero where
    an edit reshaped them (all, when the layer count changed); and whether a non-zero buffer
    was dropped."""
    same_depth = len(before.layer_sizes) == len(after.layer_sizes)
    n_before, n_after = len(before.weights), len(after.weights)
    old_weights = list(buffers[:n_before])
    old_biases = list(buffers[n_before:]) if before.use_bias else []
    new = []
    for i, p in enumerate(after.parameters()):
        olds, at = (old_weights, i) if i < n_after else (old_biases, i - n_after)
        source = olds[at] if same_depth and at < len(olds) else None
        new.append(source if source is not None and source.shape == p.shape else np.zeros(p.shape))
    kept = {id(b) for b in new}
    return new, any(b.any() and id(b) not in kept for b in buffers)
