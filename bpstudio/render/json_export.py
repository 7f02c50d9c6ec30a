"""The derivation as JSON: every step with all its fields; values at full precision.

Sample numbers in the JSON count from 1, as people and the command line count them
(``sample_number``, ``batch_numbers``); touched elements use the seed's numbering.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict

from bpstudio.model.derivation import Derivation, DerivationStep
from bpstudio.model.gradient_paths import derivation_pass, paths_to_json, step_paths
from bpstudio.model.refs import BiasRef, EdgeRef, UnitRef

FORMAT = "bpstudio-derivation"
VERSION = 1


def ref_to_json(ref) -> dict:
    if isinstance(ref, UnitRef):
        return {"kind": "unit", "layer": ref.layer, "unit": ref.unit}
    if isinstance(ref, EdgeRef):
        return {"kind": "edge", "layer": ref.layer, "j": ref.j, "k": ref.k}
    if isinstance(ref, BiasRef):
        return {"kind": "bias", "layer": ref.layer, "unit": ref.unit}
    raise TypeError(f"not an element reference: {ref!r}")


def _number(value: float) -> float | None:
    return value if math.isfinite(value) else None  # JSON has no NaN or infinity


def step_to_json(step: DerivationStep, mistakes=None) -> dict:
    """``mistakes``: the step's named mistakes (``bpstudio.model.practice``), if known."""
    data = asdict(step)
    data["indices"] = list(step.indices)
    data["value"] = _number(step.value)
    # sorted so that the same derivation always gives the same file
    data["touches"] = [ref_to_json(r) for r in sorted(step.touches, key=_ref_key)]
    if mistakes is not None:
        data["mistakes"] = [{"code": m.code, "value": _number(m.value)} for m in mistakes]
    return data


def _ref_key(ref) -> tuple:
    return (type(ref).__name__, *asdict(ref).values())


def to_json_data(d: Derivation, mistakes=None) -> dict:
    """``mistakes``: per step, its named mistakes (``project_mistakes``), or None."""
    per_step = mistakes if mistakes is not None else [None] * len(d.steps)
    return {
        "format": FORMAT,
        "version": VERSION,
        "title": d.title,
        "intro": d.intro,
        "language": d.lang,
        "digits": d.digits,
        "sample_number": d.sample + 1,
        "batch_numbers": [s + 1 for s in d.batch],
        "learning_rate": d.learning_rate,
        "next_step": d.next_step,  # the trainer's step number (1-based); null: a chosen sample
        "momentum": d.momentum,
        "optimizer": d.optimiser,
        "loss": d.loss,
        "layer_sizes": list(d.layer_sizes),
        "activations": list(d.activations),
        "use_bias": d.use_bias,
        "phases": [asdict(p) for p in d.phases],
        "sections": [asdict(s) for s in d.sections],
        "steps": _steps_json(d, per_step),
        "expanded": d.expanded,
        "jacobian": d.jacobian,
        "network_line": d.network_line,
        "notes": [asdict(n) for n in d.notes],
    }


def _steps_json(d: Derivation, mistakes) -> list[dict]:
    """Every step; each ∂E/∂w and ∂E/∂a step with the paths its value sums."""
    sp = derivation_pass(d)
    steps = []
    for step, step_mistakes in zip(d.steps, mistakes, strict=True):
        data = step_to_json(step, step_mistakes)
        found = None if sp is None else step_paths(sp, step)
        if found is not None:
            data.update(paths_to_json(found, ref_to_json))
        steps.append(data)
    return steps


def to_json(d: Derivation, mistakes=None) -> str:
    return (
        json.dumps(to_json_data(d, mistakes), ensure_ascii=False, indent=1, allow_nan=False) + "\n"
    )
