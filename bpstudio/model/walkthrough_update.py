"""The update a walkthrough applies after step 七: one plain SGD step on the sample's batch.

The walkthrough shows ``w <- w - η ∂E/∂w`` (no momentum), with ∂E/∂w the mean over the
batch that contains the chosen sample.  Without shuffling, batch ``b`` holds the samples
``[b*B, (b+1)*B)``, as the Trainer takes them; so with batch size 1 this is exactly the
Trainer's step for that sample.
"""

from __future__ import annotations

from bpstudio.model.derivation.builder import batch_of
from bpstudio.model.network import Network
from bpstudio.model.project import Project


def sgd_update(project: Project, sample: int) -> Network:
    """A new network: the project's after one plain SGD step on ``sample``'s batch."""
    net = project.network
    data = project.dataset.prepared()  # what the network sees (standardised when on)
    batch = list(batch_of(sample, data.n_samples, project.training.batch_size))
    grads = net.gradients(data.inputs[batch], data.targets[batch], project.loss)
    lr = project.training.learning_rate
    updated = net.copy()
    updated.weights = [w - lr * g for w, g in zip(net.weights, grads.dW, strict=True)]
    if net.biases is not None and grads.db is not None and not net.freeze_biases:
        updated.biases = [b - lr * g for b, g in zip(net.biases, grads.db, strict=True)]
    return updated
