"""The numbers of the pass a derivation shows, as the named mistakes and the hints use them."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike

from bpstudio.model import notation as notations
from bpstudio.model.derivation import Derivation
from bpstudio.model.derivation import symbols as sym
from bpstudio.model.network import Network
from bpstudio.model.trace import ForwardTrace, Gradients


@dataclass(frozen=True)
class PassFacts:
    """The numbers of one pass, indexed as the seed writes them (1-based layers and units)."""

    network: Network
    trace: ForwardTrace  # of the whole batch
    grads: Gradients  # of the whole batch
    targets: np.ndarray  # of the whole batch
    row: int  # the chosen sample's row in the batch
    loss: str
    learning_rate: float
    derivation: Derivation
    # layer -> its weights after 七 (a cache)
    updated: dict[int, np.ndarray] = field(default_factory=dict)

    @property
    def last(self) -> int:
        return self.network.n_layers

    def size(self, layer: int) -> int:
        return self.network.layer_sizes[layer - 1]

    def a_row(self, layer: int) -> np.ndarray:
        row: np.ndarray = self.trace.a[layer - 1][self.row]
        return row

    def z_row(self, layer: int) -> np.ndarray:
        row: np.ndarray = self.trace.z_at(layer)[self.row]
        return row

    def dz_row(self, layer: int) -> np.ndarray:
        row: np.ndarray = self.grads.dE_dz_at(layer)[self.row]
        return row

    def da_row(self, layer: int) -> np.ndarray:
        row: np.ndarray = self.grads.dE_da_at(layer)[self.row]
        return row

    def weights(self, layer: int) -> np.ndarray:
        return self.network.weights[layer - 2]

    def activation(self, layer: int) -> str:
        return self.network.activations[layer - 2]

    def merged_output(self) -> bool:
        return self.loss == "cross_entropy"

    def elementwise(self, layer: int) -> bool:
        return self.activation(layer) != "softmax"

    def slope(self, layer: int, k: int) -> float:
        z = self.trace.z_at(layer)[self.row, k - 1 : k]
        a = self.trace.a[layer - 1][self.row, k - 1 : k]
        return float(self.network.activation(layer).slope(z, a)[0])

    def updated_weights(self, layer: int) -> np.ndarray:
        """The weights of ``layer`` after 七, as the walkthrough's update shows them."""
        if layer not in self.updated:
            new = self.weights(layer) - self.learning_rate * self.grads.dW[layer - 2]
            for step in self.derivation.steps:
                if step.quantity == "w_new" and step.layer == layer:
                    j, k = step.indices
                    new[j - 1, k - 1] = step.value
            self.updated[layer] = new
        updated: np.ndarray = self.updated[layer]
        return updated

    def bias_sign(self, layer: int) -> int:
        """-1 where the derivation's notation writes the negated bias (周志华's θ = −b)."""
        with notations.writing(self.derivation.notation, self.derivation.layer_sizes):
            return sym.bias_sign(layer)

    def reversed_network(self) -> Network:
        """The network stepped the wrong way: every parameter moved by minus its update."""
        net = self.network.copy()
        for step in self.derivation.steps:
            if step.quantity == "w_new":
                j, k = step.indices
                old = net.weights[step.layer - 2][j - 1, k - 1]
                net.weights[step.layer - 2][j - 1, k - 1] = 2 * old - step.value
            elif step.quantity == "b_new" and net.biases is not None:
                (k,) = step.indices
                sign = self.bias_sign(step.layer)  # the step's value is θ = −b in 周志华's
                old = net.biases[step.layer - 2][k - 1]
                net.biases[step.layer - 2][k - 1] = 2 * old - sign * step.value
        return net


def pass_facts(
    derivation: Derivation, network: Network, inputs: ArrayLike, targets: ArrayLike
) -> PassFacts:
    """The numbers of the pass ``derivation`` shows (its sample's batch)."""
    rows = np.atleast_2d(np.asarray(inputs, dtype=np.float64))
    wanted = np.atleast_2d(np.asarray(targets, dtype=np.float64))
    batch = list(derivation.batch)
    trace = network.forward(rows[batch])
    grads = network.backward(trace, wanted[batch], derivation.loss)
    row = batch.index(derivation.sample)
    return PassFacts(
        network, trace, grads, wanted[batch], row, derivation.loss,
        derivation.learning_rate, derivation,
    )  # fmt: skip
