"""The update a chosen sample's walkthrough applies after step 七: one plain SGD step.

In sample mode (not the trainer's next step; see model/next_step.py for that) the walkthrough
shows ``w <- w - η ∂E/∂w`` (no momentum), with ∂E/∂w the mean over the batch that contains the
chosen sample by the unshuffled rule (batch ``b`` holds the samples ``[b*B, (b+1)*B)``).  The
arithmetic is the trainer's own rule, `training.momentum_update` with μ = 0.
"""

from __future__ import annotations

from bpstudio.model.derivation.builder import batch_of
from bpstudio.model.network import Network
from bpstudio.model.project import Project
from bpstudio.model.training import momentum_update


def sgd_update(project: Project, sample: int) -> Network:
    """A new network: the project's after one plain SGD step on ``sample``'s batch."""
    net = project.network
    data = project.dataset.prepared()  # what the network sees (standardised when on)
    batch = list(batch_of(sample, data.n_samples, project.training.batch_size))
    grads = net.gradients(data.inputs[batch], data.targets[batch], project.loss)
    lr = project.training.learning_rate
    updated = net.copy()

    def plain(p, g):
        return momentum_update(p, g, None, lr, 0.0)[0]

    updated.weights = [plain(w, g) for w, g in zip(net.weights, grads.dW, strict=True)]
    if net.biases is not None and grads.db is not None and not net.freeze_biases:
        updated.biases = [plain(b, g) for b, g in zip(net.biases, grads.db, strict=True)]
    return updated
