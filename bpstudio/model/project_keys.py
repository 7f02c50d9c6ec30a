"""Which fields a project file may hold: anything else is reported by name, never silently lost.

A mistyped field (``"momentun": 0.9``) would otherwise be ignored and training would run without
momentum.  `unknown_keys` walks the file's objects against `KNOWN` and returns the path of every
field it does not know (``training.momentun``).  The free-form ``view`` object is the app's own
and is not looked into.  A field added to the format is added here too (one table).
"""

from __future__ import annotations

from typing import Any

from bpstudio.model.optimisers import AVERAGES, FILE_FIELDS

# Each object's known fields; a nested table for objects whose fields are checked in turn,
# None for a value (or an object that is not looked into).
_RNG = {"bit_generator": None, "state": None, "inc": None, "has_uint32": None, "uinteger": None}
KNOWN: dict[str, Any] = {
    "format": None,
    "version": None,
    "name": None,
    "description": None,
    "network": {
        "layer_sizes": None,
        "activations": None,
        "use_bias": None,
        "freeze_biases": None,
        "weights": None,
        "biases": None,
    },
    "loss": None,
    "training": {
        "learning_rate": None,
        "momentum": None,
        "batch_size": None,
        "shuffle": None,
        "seed": None,
    }
    | dict.fromkeys(FILE_FIELDS),
    "initialisation": {"scheme": None, "seed": None, "scale": None},
    "dataset": {
        "inputs": None,
        "targets": None,
        "split": {"test_fraction": None, "seed": None},
        "standardisation": {"on": None, "mean": None, "std": None},
        "input_names": None,
        "target_names": None,
    },
    "history": {
        f"{series}_{part}": None
        for series in ("step", "epoch")
        for part in ("losses", "indices", "stride", "end")
    }
    | {"steps_taken": None},
    "view": None,  # free-form: the app's view state
    "practice": None,  # the student's practice log (model/practice/storage.py checks it)
    "optimiser": {
        "momentum_buffers": {"weights": None, "biases": None},
        **{slot: {"weights": None, "biases": None} for slot in AVERAGES},
        "step": None,
        "epoch": {"order": None, "position": None, "loss_sum": None, "steps": None},
        "rng": _RNG,
    },
}


# A kept run (model/run_file.py): the project's own fields for what they share.
KNOWN["runs"] = {
    "name": None,
    **{key: KNOWN[key] for key in ("network", "loss", "training", "initialisation", "history")},
    "final_loss": None,
    "final_accuracy": None,
    "diverged": None,
}


def unknown_keys(data: Any, known: dict[str, Any] = KNOWN, path: str = "") -> list[str]:
    """The paths of the fields in ``data`` (a file's parsed JSON) that ``known`` lacks."""
    if not isinstance(data, dict):
        return []
    found = []
    for key, value in data.items():
        where = f"{path}.{key}" if path else key
        if key not in known:
            found.append(where)
        elif isinstance(known[key], dict) and isinstance(value, list):  # a list of objects
            for i, item in enumerate(value):
                found += unknown_keys(item, known[key], f"{where}[{i}]")
        elif isinstance(known[key], dict):
            found += unknown_keys(value, known[key], where)
    return found
