"""A fully connected layered network, numbered the way the seed numbers it.

Layers are numbered from 1: layer 1 holds the inputs ``x_j``; layer ``L`` the outputs ``Y_k``.
``weights[l - 2][j, k]`` is the seed's ``w_{jk}^l`` (0-based ``j, k``): the weight from unit ``j``
of layer ``l - 1`` to unit ``k`` of layer ``l``.  ``activations[l - 2]`` is layer ``l``'s ``f``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from bpstudio.model.activations import ACTIVATIONS, get_activation
from bpstudio.model.losses import get_loss
from bpstudio.model.trace import ForwardTrace, Gradients


@dataclass
class Network:
    layer_sizes: list[int]
    activations: list[str]
    weights: list[np.ndarray]
    biases: list[np.ndarray] | None = None
    freeze_biases: bool = False
    dtype: type = field(default=np.float64, repr=False)

    def __post_init__(self) -> None:
        self.layer_sizes = [int(n) for n in self.layer_sizes]
        self.activations = list(self.activations)
        self.weights = [np.array(w, dtype=self.dtype) for w in self.weights]
        if self.biases is not None:
            self.biases = [np.array(b, dtype=self.dtype) for b in self.biases]
        self.validate()

    # construction -------------------------------------------------------------------------
    @classmethod
    def zeros(
        cls,
        layer_sizes: Sequence[int],
        activations: Sequence[str] | str = "sigmoid",
        use_bias: bool = False,
    ) -> Network:
        sizes = [int(n) for n in layer_sizes]
        if isinstance(activations, str):
            activations = [activations] * (len(sizes) - 1)
        weights = [np.zeros((a, b)) for a, b in itertools.pairwise(sizes)]
        biases = [np.zeros(n) for n in sizes[1:]] if use_bias else None
        return cls(sizes, list(activations), weights, biases)

    def copy(self) -> Network:
        # __post_init__ copies the arrays (np.array): copying here too doubled the time a
        # 10^7-weight network took to copy on the GUI thread when training adopts it.
        return Network(
            list(self.layer_sizes),
            list(self.activations),
            list(self.weights),
            None if self.biases is None else list(self.biases),
            self.freeze_biases,
            self.dtype,
        )

    def validate(self) -> None:
        """Raise ValueError naming the first inconsistency."""
        sizes = self.layer_sizes
        if len(sizes) < 2:
            raise ValueError("a network needs at least 2 layers (inputs and outputs)")
        for i, n in enumerate(sizes):
            if n < 1:
                raise ValueError(f"layer {i + 1} has {n} units; every layer needs at least 1")
        if len(self.activations) != len(sizes) - 1:
            raise ValueError(
                f"expected {len(sizes) - 1} activations (one per non-input layer), "
                f"got {len(self.activations)}"
            )
        for i, name in enumerate(self.activations):
            get_activation(name)
            if name == "softmax" and i != len(self.activations) - 1:
                raise ValueError(f"softmax is for the output layer only, not layer {i + 2}")
        if len(self.weights) != len(sizes) - 1:
            raise ValueError(f"expected {len(sizes) - 1} weight matrices, got {len(self.weights)}")
        for i, w in enumerate(self.weights):
            if w.shape != (sizes[i], sizes[i + 1]):
                raise ValueError(
                    f"weights entering layer {i + 2} have shape {w.shape}, "
                    f"expected {(sizes[i], sizes[i + 1])}"
                )
        if self.biases is not None:
            if len(self.biases) != len(sizes) - 1:
                raise ValueError(f"expected {len(sizes) - 1} bias vectors, got {len(self.biases)}")
            for i, b in enumerate(self.biases):
                if b.shape != (sizes[i + 1],):
                    raise ValueError(
                        f"biases of layer {i + 2} have shape {b.shape}, expected ({sizes[i + 1]},)"
                    )

    # shape ------------------------------------------------------------------------------
    @property
    def n_layers(self) -> int:
        return len(self.layer_sizes)

    @property
    def use_bias(self) -> bool:
        return self.biases is not None

    @property
    def n_inputs(self) -> int:
        return self.layer_sizes[0]

    @property
    def n_outputs(self) -> int:
        return self.layer_sizes[-1]

    @property
    def output_activation(self) -> str:
        return self.activations[-1]

    def weight(self, layer: int) -> np.ndarray:
        """The matrix of ``w_{jk}^layer`` (layer numbered as the seed does, >= 2)."""
        return self.weights[layer - 2]

    def activation(self, layer: int):
        return ACTIVATIONS[self.activations[layer - 2]]

    def n_parameters(self) -> int:
        n = sum(w.size for w in self.weights)
        return n + (sum(b.size for b in self.biases) if self.biases is not None else 0)

    def n_edges(self) -> int:
        return sum(w.size for w in self.weights)

    def equals(self, other: Network) -> bool:
        """Exact equality of shape, activations and every parameter."""
        if (
            self.layer_sizes != other.layer_sizes
            or self.activations != other.activations
            or self.use_bias != other.use_bias
            or self.freeze_biases != other.freeze_biases
        ):
            return False
        same_w = all(np.array_equal(a, b) for a, b in zip(self.weights, other.weights, strict=True))
        if not same_w or self.biases is None or other.biases is None:
            return same_w
        return all(np.array_equal(a, b) for a, b in zip(self.biases, other.biases, strict=True))

    # arithmetic ---------------------------------------------------------------------------
    def forward(self, inputs: np.ndarray) -> ForwardTrace:
        """Every z and a of every layer, for a batch of inputs (rows are samples).

        Huge weights overflow to inf silently: whoever trains checks for non-finite numbers
        (the Trainer stops with a DivergenceError); a display shows "inf"."""
        with np.errstate(over="ignore", invalid="ignore"):
            return self._forward(inputs)

    def _forward(self, inputs: np.ndarray) -> ForwardTrace:
        a: np.ndarray = np.atleast_2d(np.asarray(inputs, dtype=self.dtype))
        zs: list[np.ndarray | None] = [None]
        acts = [a]
        for i, w in enumerate(self.weights):
            z = a @ w
            if self.biases is not None:
                z = z + self.biases[i]
            a = ACTIVATIONS[self.activations[i]](z)
            zs.append(z)
            acts.append(a)
        return ForwardTrace(zs, acts)

    def predict(self, inputs: np.ndarray) -> np.ndarray:
        return self.forward(inputs).output

    def loss(self, inputs: np.ndarray, targets: np.ndarray, loss: str) -> float:
        """The batch loss: the mean of the per-sample losses."""
        trace = self.forward(inputs)
        return float(np.mean(self.per_sample_loss(trace, targets, loss)))

    def per_sample_loss(self, trace: ForwardTrace, targets: np.ndarray, loss: str) -> np.ndarray:
        targets = np.atleast_2d(np.asarray(targets, dtype=self.dtype))
        with np.errstate(over="ignore", invalid="ignore"):
            return get_loss(loss).per_sample(
                trace.output, targets, trace.z[-1], self.output_activation
            )

    def backward(self, trace: ForwardTrace, targets: np.ndarray, loss: str) -> Gradients:
        """Every dE/da, dE/dz (per sample), and dE/dW, dE/db (batch means)."""
        with np.errstate(over="ignore", invalid="ignore"):
            return self._backward(trace, targets, loss)

    def _backward(self, trace: ForwardTrace, targets: np.ndarray, loss: str) -> Gradients:
        loss_fn = get_loss(loss)
        out_act = self.output_activation
        loss_fn.check_output_activation(out_act)
        targets = np.atleast_2d(np.asarray(targets, dtype=self.dtype))
        n_samples = trace.output.shape[0]
        L = self.n_layers
        # Filled from the output down; dE_dz[0] stays None (the inputs have no z).
        dE_da: list[np.ndarray | None] = [None] * L
        dE_dz: list[np.ndarray | None] = [None] * L
        da = loss_fn.output_dE_da(trace.output, targets, out_act)
        if loss_fn.merges_output_steps:
            dz = trace.output - targets
        else:
            dz = ACTIVATIONS[out_act].backward(da, trace.z_at(L), trace.output)
        dE_da[L - 1], dE_dz[L - 1] = da, dz
        dz_by_layer = [dz]  # dE/dz of layers L, L - 1, ..., 2
        for idx in range(L - 2, 0, -1):
            da = dz @ self.weights[idx].T
            dz = ACTIVATIONS[self.activations[idx - 1]].backward(
                da, trace.z_at(idx + 1), trace.a[idx]
            )
            dE_da[idx], dE_dz[idx] = da, dz
            dz_by_layer.append(dz)
        dE_da[0] = dz @ self.weights[0].T
        dz_up = dz_by_layer[::-1]  # dz_up[i] is layer i + 2's dE/dz
        dW = [trace.a[i].T @ dz_up[i] / n_samples for i in range(L - 1)]
        db = None
        if self.biases is not None:
            db = [dz_up[i].mean(axis=0) for i in range(L - 1)]
        return Gradients(dE_da, dE_dz, dW, db, trace)

    def gradients(self, inputs, targets, loss: str) -> Gradients:
        return self.backward(self.forward(inputs), targets, loss)

    # parameters as one vector (gradient check, optimisers) --------------------------------
    def parameters(self) -> list[np.ndarray]:
        """The trainable arrays, weights first, then biases (the arrays themselves, not copies)."""
        return self.weights + (self.biases if self.biases is not None else [])
