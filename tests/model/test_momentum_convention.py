"""Momentum follows torch.optim.SGD: b <- mu b + dE/dw, then w <- w - lr b.

Checked twice: against torch itself (the same network written with torch tensors, stepped by
`torch.optim.SGD`, float64) and against an independent plain NumPy loop that knows nothing of
the trainer.  Both the fast kernels and the reference step must agree with them to 1e-12,
including when the learning rate or the momentum changes mid-run (where the two common
conventions differ: v <- mu v - lr g would carry the old rate inside v).
"""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.model import Dataset, Network, Trainer, TrainingConfig
from bpstudio.model.fast_training import REFERENCE
from tests.model.test_fast_step import assert_close, random_case

torch = pytest.importorskip("torch")


def _torch_act(name: str, z):
    return {
        "sigmoid": torch.sigmoid,
        "tanh": torch.tanh,
        "relu": torch.relu,
        "leaky_relu": lambda v: torch.nn.functional.leaky_relu(v, 0.01),
        "linear": lambda v: v,
        "softmax": lambda v: torch.softmax(v, dim=1),
    }[name](z)


def _torch_loss(net: Network, loss: str, params, x, t):
    n_w = len(net.weights)
    a = x
    for i, act in enumerate(net.activations):
        z = a @ params[i]
        if net.use_bias:
            z = z + params[n_w + i]
        last = i == len(net.activations) - 1
        if last and loss == "cross_entropy":
            if act == "softmax":
                return -(t * torch.log_softmax(z, dim=1)).sum() / len(x)
            bce = torch.nn.functional.binary_cross_entropy_with_logits
            return bce(z, t, reduction="sum") / len(x)
        a = _torch_act(act, z)
    if loss == "half_sse":
        return 0.5 * ((a - t) ** 2).sum() / len(x)
    return ((a - t) ** 2).mean()


class TorchRun:
    """The same network, data order and settings, stepped by torch.optim.SGD."""

    def __init__(self, net: Network, loss: str, config: TrainingConfig) -> None:
        self.net, self.loss = net, loss
        self.params = [torch.tensor(p, dtype=torch.float64) for p in net.parameters()]
        frozen = net.freeze_biases and net.use_bias
        n_w = len(net.weights)
        for i, p in enumerate(self.params):
            p.requires_grad_(not (frozen and i >= n_w))
        trainable = [p for p in self.params if p.requires_grad]
        self.opt = torch.optim.SGD(trainable, lr=config.learning_rate, momentum=config.momentum)

    def set(self, lr: float, momentum: float) -> None:
        for group in self.opt.param_groups:
            group["lr"], group["momentum"] = lr, momentum

    def step(self, x: np.ndarray, t: np.ndarray) -> float:
        self.opt.zero_grad()
        value = _torch_loss(self.net, self.loss, self.params, torch.tensor(x), torch.tensor(t))
        value.backward()
        self.opt.step()
        return float(value.detach())

    def parameters(self) -> list[np.ndarray]:
        return [p.detach().numpy() for p in self.params]


def plain_momentum_run(params, grads_of, lr_mu_per_step):
    """An independent loop: b <- mu b + g; w <- w - lr b (b untouched while mu is 0)."""
    params = [p.copy() for p in params]
    buffers = [np.zeros_like(p) for p in params]
    for lr, mu in lr_mu_per_step:
        grads = grads_of(params)
        for p, b, g in zip(params, buffers, grads, strict=True):
            if mu:
                b *= mu
                b += g
                p -= lr * b
            else:
                p -= lr * g
    return params, buffers


def _schedule(config: TrainingConfig, steps: int) -> list[tuple[float, float]]:
    """The settings of each step: the learning rate halves and the momentum changes mid-run."""
    lr, mu = config.learning_rate, config.momentum
    out = []
    for s in range(steps):
        if s == steps // 3:
            lr = lr / 2
        if s == 2 * steps // 3:
            mu = 0.9 if mu == 0 else 0.0
        out.append((lr, mu))
    return out


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("fast", [True, False])
def test_the_trainer_steps_as_torch_optim_sgd_does(seed, fast):
    net, data, loss, config = random_case(seed)
    config = config.with_changes(
        optimizer="sgd", nesterov=False, weight_decay=0.0, momentum=[0.6, 0.9, 0.0][seed % 3]
    )
    trainer = Trainer(net.copy(), data, loss, config, kernel=None if fast else REFERENCE)
    reference = TorchRun(net, loss, config)
    for lr, mu in _schedule(config, 12):
        trainer.set_config(trainer.config.with_changes(learning_rate=lr, momentum=mu))
        reference.set(lr, mu)
        batch = trainer.next_batch().copy()
        loss_before = trainer.step().loss
        expected = reference.step(data.inputs[batch], data.targets[batch])
        assert_close(loss_before, expected)
        for ours, theirs in zip(trainer.network.parameters(), reference.parameters(), strict=True):
            assert_close(ours, theirs)
    frozen = net.freeze_biases and net.use_bias
    for i, (buffer, p) in enumerate(zip(trainer.momentum_buffers, reference.params, strict=True)):
        state = reference.opt.state.get(p, {}).get("momentum_buffer")
        if state is None or (frozen and i >= len(net.weights)):
            continue
        assert_close(buffer, state.numpy())


def test_the_trainer_steps_as_an_independent_momentum_loop():
    rng = np.random.default_rng(7)
    net = Network([2, 3, 1], ["tanh", "linear"], [rng.normal(size=(2, 3)), rng.normal(size=(3, 1))])
    data = Dataset(rng.normal(size=(4, 2)), rng.normal(size=(4, 1)))
    config = TrainingConfig(learning_rate=0.1, momentum=0.8, batch_size=4)
    trainer = Trainer(net.copy(), data, "half_sse", config)
    schedule = _schedule(config, 30)
    for lr, mu in schedule:
        trainer.set_config(trainer.config.with_changes(learning_rate=lr, momentum=mu))
        trainer.step()

    def grads_of(params):
        copy = net.copy()
        copy.weights = [p.copy() for p in params]
        g = copy.gradients(data.inputs, data.targets, "half_sse")
        return g.dW

    expected, buffers = plain_momentum_run(net.weights, grads_of, schedule)
    for ours, theirs in zip(trainer.network.weights, expected, strict=True):
        assert_close(ours, theirs)
    for ours, theirs in zip(trainer.momentum_buffers, buffers, strict=True):
        assert_close(ours, theirs)
