"""The project file: one JSON document with everything needed to reopen work exactly.

See ``docs/project-format.md``.  Loading validates every field and raises ProjectFileError whose
message starts with the field's path (``network.weights[1][0]: expected 2 numbers, got 3``).
Saving is atomic: the new text goes to a temporary file in the same folder, which then replaces
the old file, so a crash mid-save never destroys what was there.
"""

from __future__ import annotations

import itertools
import json
import os
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from bpstudio.model.activations import ACTIVATION_NAMES
from bpstudio.model.data.dataset import Dataset
from bpstudio.model.data.dataset_json import dataset_settings_from_json, dataset_to_json
from bpstudio.model.data.label_rules import target_problem
from bpstudio.model.history import LossHistory, LossSeries
from bpstudio.model.initialisation import SCHEMES, InitScheme
from bpstudio.model.losses import LOSS_NAMES, get_loss
from bpstudio.model.messages import Message
from bpstudio.model.network import Network
from bpstudio.model.optimiser_state import OptimiserState, state_from_json, state_to_json
from bpstudio.model.optimisers import config_fields, settings_from_json, settings_to_json
from bpstudio.model.practice.progress import PracticeLog
from bpstudio.model.practice.storage import practice_from_json, practice_to_json
from bpstudio.model.project_keys import unknown_keys
from bpstudio.model.run_file import RunFields, runs_from_json, runs_to_json
from bpstudio.model.runs import KeptRun
from bpstudio.model.safe_files import read_bounded, write_file
from bpstudio.model.savable import check_text_is_savable, check_view
from bpstudio.model.training import TrainingConfig
from bpstudio.model.validation import (
    MAX_SEED,
    ProjectFileError,
    expect_bool,
    expect_choice,
    expect_int,
    expect_list,
    expect_matrix,
    expect_number,
    expect_object,
    expect_str,
    expect_vector,
    fail,
    parse_json_int,
    require,
)

FORMAT = "bpstudio-project"
FORMAT_VERSION = 2  # 2: the optimiser's state (and other optional fields); 1 still loads
MAX_PROJECT_BYTES = 64 * 1024 * 1024
MAX_INIT_SCALE = 1e6  # uniform(-scale, scale) overflows near 1e308; the dialog allows 100


@dataclass
class Project:
    name: str
    network: Network
    dataset: Dataset
    loss: str = "half_sse"
    training: TrainingConfig = field(default_factory=TrainingConfig)
    initialisation: InitScheme = field(default_factory=InitScheme)
    history: LossHistory = field(default_factory=LossHistory)
    steps_taken: int = 0
    description: str = ""
    view: dict[str, Any] = field(default_factory=dict)
    # the student's practice; one log shared by every copy (undo keeps the student's work)
    practice: PracticeLog = field(default_factory=PracticeLog, compare=False)
    # Where the optimiser stands (momentum buffers, epoch, generator); None: the zero state.
    optimiser: OptimiserState | None = None
    # Kept runs, to compare (model/runs.py); immutable, so copies share them.
    runs: tuple[KeptRun, ...] = ()
    # Fields of the file this project was read from that BP Studio does not know (their paths):
    # reported to the user (a typo such as "momentun" would otherwise pass unseen); not saved.
    unknown_fields: tuple[str, ...] = field(default=(), compare=False)

    def copy(self) -> Project:
        return Project(
            self.name,
            self.network.copy(),
            self.dataset.copy(),
            self.loss,
            self.training,
            self.initialisation,
            self.history.copy(),
            self.steps_taken,
            self.description,
            json.loads(json.dumps(self.view)),
            self.practice,
            optimiser=self.optimiser,  # immutable: shared
            runs=self.runs,
        )

    def equals(self, other: Project) -> bool:
        """Equal in everything a file stores."""
        return to_json(self) == to_json(other)


# saving ----------------------------------------------------------------------------------
def to_json(project: Project) -> dict:
    net = project.network
    return (
        {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "name": project.name,
            "description": project.description,
            **_settings_json(net, project.loss, project.training, project.initialisation),
            "dataset": dataset_to_json(project.dataset),
            "history": {"steps_taken": project.steps_taken, **project.history.to_json()},
            "view": project.view,
            **_optional("practice", practice_to_json(project.practice.record)),
        }
        | _optimiser_json(project)
        | runs_to_json(project.runs, _RUN_FIELDS)
    )


def _settings_json(
    net: Network, loss: str, training: TrainingConfig, init: InitScheme
) -> dict[str, Any]:
    """The network, loss, training and initialisation fields (of a project, or a kept run)."""
    return {
        "network": {
            "layer_sizes": list(net.layer_sizes),
            "activations": list(net.activations),
            "use_bias": net.use_bias,
            "freeze_biases": net.freeze_biases,
            "weights": [w.tolist() for w in net.weights],
            "biases": None if net.biases is None else [b.tolist() for b in net.biases],
        },
        "loss": loss,
        "training": {
            "learning_rate": training.learning_rate,
            "momentum": training.momentum,
            "batch_size": training.batch_size,
            "shuffle": training.shuffle,
            "seed": training.seed,
            **settings_to_json(training.optimiser),
        },
        "initialisation": {"scheme": init.name, "seed": init.seed, "scale": init.scale},
    }


def _optimiser_json(project: Project) -> dict:
    state = project.optimiser
    if state is None or state.is_zero():
        return {}
    return {"optimiser": state_to_json(state, len(project.network.weights))}


def _optional(key: str, value: Any) -> dict:
    return {} if value is None else {key: value}


def dumps(project: Project) -> str:
    """Indented JSON with every list of numbers on one line (so a matrix row is a line)."""
    return _encode(to_json(project), "") + "\n"


def _encode(value: Any, indent: str) -> str:
    inner = indent + " "
    if isinstance(value, dict) and value:
        items = [
            f"{inner}{json.dumps(k, ensure_ascii=False)}: {_encode(v, inner)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and value and not _all_numbers(value):
        if _is_matrix(value):
            return _encode_matrix(value, indent, inner)
        items = [inner + _encode(v, inner) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + indent + "]"
    if isinstance(value, list) and len(value) > _CHUNK:
        return "[" + ", ".join(_number_texts(value)) + "]"
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


_CHUNK = 20_000  # numbers json.dumps writes in one call


def _number_texts(numbers: list) -> list[str]:
    """Each number's JSON text (a float's repr: it reads back exactly), a chunk a call: one
    call over millions held the interpreter lock for a second, so a save on a thread still
    froze the window."""
    texts: list[str] = []
    for start in range(0, len(numbers), _CHUNK):
        chunk = json.dumps(numbers[start : start + _CHUNK], allow_nan=False)
        texts.extend(chunk[1:-1].split(", "))
    return texts


_NUMBER_TYPES = {int, float}


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _all_numbers(values: list) -> bool:
    # The types are collected in C (map, set): a 10^7-weight row is checked in a fraction of
    # a second, where a Python test an element took seconds.
    if set(map(type, values)) <= _NUMBER_TYPES:
        return True
    return all(_is_number(v) for v in values)


def _is_matrix(rows: list) -> bool:
    """Rows of numbers, all of one non-zero length: a weight matrix or a data table."""
    if set(map(type, rows)) != {list} or len(set(map(len, rows))) != 1 or not rows[0]:
        return False
    return set(map(type, itertools.chain.from_iterable(rows))) <= _NUMBER_TYPES


def _encode_matrix(rows: list[list], indent: str, inner: str) -> str:
    """The same text as a row at a time, without a Python step a row: a 10^7 x 1 matrix was
    10^7 calls of json.dumps (a minute).  The row breaks are put between the numbers' texts
    by list slicing."""
    numbers = _number_texts(list(itertools.chain.from_iterable(rows)))
    width = len(rows[0])
    separators = [", "] * len(numbers)
    separators[width - 1 :: width] = [f"],\n{inner}["] * len(rows)
    pieces: list[str] = [""] * (2 * len(numbers))
    pieces[0::2] = numbers
    pieces[1::2] = separators
    pieces[-1] = ""
    return "[\n" + inner + "[" + "".join(pieces) + "]\n" + indent + "]"


def save_project(project: Project, path: str | os.PathLike) -> None:
    """Write atomically through the one writer (bpstudio.model.safe_files): the old file stays
    whole if anything fails, a symlink's real file is replaced, devices are refused."""
    write_file(path, dumps(project))


# loading ---------------------------------------------------------------------------------
def load_project(path: str | os.PathLike) -> Project:
    limit = Message("project files are limited to {mib} MiB", mib=MAX_PROJECT_BYTES // 2**20)
    return loads(read_bounded(path, MAX_PROJECT_BYTES, ProjectFileError, limit))


def loads(raw: bytes | str) -> Project:
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProjectFileError(
                "not a text file (byte {byte} is not UTF-8)", byte=exc.start
            ) from None
    raw = raw.removeprefix("\ufeff")  # a byte order mark, as some editors write (CSV too)
    try:
        # NaN and Infinity are read as numbers, so that the field holding one is named.
        data = json.loads(raw, parse_int=parse_json_int)
    except json.JSONDecodeError as exc:
        raise ProjectFileError(
            "not valid JSON (line {line}, column {column}: {reason}); "
            "the file may be truncated or not a BP Studio project",
            line=exc.lineno,
            column=exc.colno,
            reason=Message(exc.msg),
        ) from None
    except RecursionError:
        raise ProjectFileError("not a BP Studio project (nested too deeply)") from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise ProjectFileError(
            "not a BP Studio project ({reason})", reason=Message(str(exc))
        ) from None
    check_text_is_savable(raw, data)
    return from_json(data)


def from_json(data: Any) -> Project:
    data = expect_object(data, "")
    if data.get("format") != FORMAT:
        raise fail(
            "format", "expected {format!r}: this is not a BP Studio project file", format=FORMAT
        )
    version = expect_int(require(data, "version", ""), "version", minimum=1)
    if version > FORMAT_VERSION:
        raise fail(
            "version",
            "the file is format version {version}, newer than this BP Studio reads "
            "({supported}); please update BP Studio",
            version=version,
            supported=FORMAT_VERSION,
        )
    network, loss = _read_network_and_loss(data)
    dataset = _read_dataset(expect_object(require(data, "dataset", ""), "dataset"), network)
    _check_labels(dataset, loss, network)
    steps, history = _read_history(data.get("history"))
    training = _read_training(data.get("training", {}))
    optimiser = None
    if data.get("optimiser") is not None:
        n_rows = len(dataset.train_indices())
        optimiser = state_from_json(
            data["optimiser"], network, n_rows, training.shuffle, training.optimizer
        )
    return Project(
        name=expect_str(data.get("name", "Untitled"), "name"),
        network=network,
        dataset=dataset,
        loss=loss,
        training=training,
        initialisation=_read_init(data.get("initialisation", {})),
        history=history,
        steps_taken=steps,
        description=expect_str(data.get("description", ""), "description"),
        view=_read_view(data.get("view", {})),
        practice=PracticeLog(practice_from_json(data.get("practice"))),
        optimiser=optimiser,
        runs=runs_from_json(data.get("runs"), _RUN_FIELDS),
        unknown_fields=tuple(unknown_keys(data)),
    )


def _read_network_and_loss(data: dict) -> tuple[Network, str]:
    network = _read_network(expect_object(require(data, "network", ""), "network"))
    loss = expect_choice(require(data, "loss", ""), LOSS_NAMES, "loss")
    try:
        get_loss(loss).check_output_activation(network.output_activation)
    except ValueError as exc:
        raise fail("loss", exc) from None
    return network, loss


def _read_run_settings(data: dict) -> tuple[Network, str, TrainingConfig, InitScheme]:
    network, loss = _read_network_and_loss(data)
    training = _read_training(data.get("training", {}))
    return network, loss, training, _read_init(data.get("initialisation", {}))


def _read_view(value: Any) -> dict:
    view = expect_object(value, "view")
    check_view(view)
    return view


def _check_labels(dataset: Dataset, loss: str, network: Network) -> None:
    problem = target_problem(dataset.targets, loss, network.output_activation)
    if problem is not None:
        row, why = problem
        raise fail(f"dataset.targets[{row}]", why)


def _read_network(net: dict) -> Network:
    sizes_raw = expect_list(require(net, "layer_sizes", "network"), "network.layer_sizes")
    if len(sizes_raw) < 2:
        raise fail(
            "network.layer_sizes", "expected at least 2 layers, got {count}", count=len(sizes_raw)
        )
    sizes = [expect_int(n, f"network.layer_sizes[{i}]", minimum=1) for i, n in enumerate(sizes_raw)]
    n_links = len(sizes) - 1
    acts_raw = expect_list(
        require(net, "activations", "network"), "network.activations", n_links, "activations"
    )
    acts = [
        expect_choice(a, ACTIVATION_NAMES, f"network.activations[{i}]")
        for i, a in enumerate(acts_raw)
    ]
    for i, a in enumerate(acts[:-1]):
        if a == "softmax":
            raise fail(f"network.activations[{i}]", "softmax is for the output layer only")
    weights_raw = expect_list(
        require(net, "weights", "network"), "network.weights", n_links, "weight matrices"
    )
    weights = [
        np.array(expect_matrix(w, f"network.weights[{i}]", sizes[i], sizes[i + 1]))
        for i, w in enumerate(weights_raw)
    ]
    use_bias = expect_bool(net.get("use_bias", False), "network.use_bias")
    biases = None
    if use_bias:
        biases_raw = expect_list(
            require(net, "biases", "network"), "network.biases", n_links, "bias vectors"
        )
        biases = [
            np.array(expect_vector(b, f"network.biases[{i}]", sizes[i + 1]))
            for i, b in enumerate(biases_raw)
        ]
    elif net.get("biases") is not None:
        raise fail("network.biases", "expected null when use_bias is false")
    freeze = expect_bool(net.get("freeze_biases", False), "network.freeze_biases")
    return Network(sizes, acts, weights, biases, freeze)


def _read_dataset(ds: dict, network: Network) -> Dataset:
    inputs = expect_matrix(
        require(ds, "inputs", "dataset"), "dataset.inputs", None, network.n_inputs
    )
    targets = expect_matrix(
        require(ds, "targets", "dataset"), "dataset.targets", len(inputs), network.n_outputs
    )
    return dataset_settings_from_json(ds, Dataset(np.array(inputs), np.array(targets)))


def _read_training(tr: Any) -> TrainingConfig:
    tr = expect_object(tr, "training")
    defaults = TrainingConfig()
    lr = expect_number(tr.get("learning_rate", defaults.learning_rate), "training.learning_rate")
    if lr <= 0:
        raise fail("training.learning_rate", "expected a positive number, got {value}", value=lr)
    momentum = expect_number(tr.get("momentum", defaults.momentum), "training.momentum")
    if not 0 <= momentum < 1:
        raise fail("training.momentum", "expected a number in [0, 1), got {value}", value=momentum)
    optimiser = settings_from_json(tr, momentum)
    return TrainingConfig(
        learning_rate=lr,
        batch_size=expect_int(
            tr.get("batch_size", 1), "training.batch_size", minimum=1, maximum=MAX_SEED
        ),
        shuffle=expect_bool(tr.get("shuffle", False), "training.shuffle"),
        seed=expect_int(tr.get("seed", 0), "training.seed", minimum=0, maximum=MAX_SEED),
        **config_fields(optimiser),
    )


def _read_init(init: Any) -> InitScheme:
    init = expect_object(init, "initialisation")
    scale = expect_number(init.get("scale", 0.5), "initialisation.scale")
    if not 0 <= scale <= MAX_INIT_SCALE:
        raise fail(
            "initialisation.scale",
            "expected a number from 0 to {limit}, got {value}",
            limit=MAX_INIT_SCALE,
            value=scale,
        )
    return InitScheme(
        name=expect_choice(init.get("scheme", "xavier"), SCHEMES, "initialisation.scheme"),
        seed=expect_int(init.get("seed", 0), "initialisation.seed", minimum=0, maximum=MAX_SEED),
        scale=scale,
    )


def _read_history(hist: Any) -> tuple[int, LossHistory]:
    if hist is None:
        return 0, LossHistory()
    hist = expect_object(hist, "history")
    steps = expect_int(hist.get("steps_taken", 0), "history.steps_taken", minimum=0)
    return steps, LossHistory.of(_read_series(hist, "step"), _read_series(hist, "epoch"))


MAX_STRIDE = 1 << 40


def _read_series(hist: dict, name: str) -> LossSeries:
    """``{name}_losses``; a thinned series also has ``{name}_indices``, ``_stride``, ``_end``."""
    losses = expect_vector(hist.get(f"{name}_losses", []), f"history.{name}_losses")
    if f"{name}_indices" not in hist:
        return LossSeries(losses)
    path = f"history.{name}_indices"
    items = expect_list(hist[f"{name}_indices"], path, len(losses), "indices")
    indices = [expect_int(v, f"{path}[{i}]", minimum=0) for i, v in enumerate(items)]
    for i in range(1, len(indices)):
        if indices[i] <= indices[i - 1]:
            raise fail(f"{path}[{i}]", "must be larger than the index before it")
    stride = expect_int(hist.get(f"{name}_stride", 1), f"history.{name}_stride", minimum=1)
    if stride > MAX_STRIDE or stride & (stride - 1):
        raise fail(
            f"history.{name}_stride", "must be a power of two up to {limit}", limit=MAX_STRIDE
        )
    first_free = indices[-1] + 1 if indices else 0
    end = expect_int(hist.get(f"{name}_end", first_free), f"history.{name}_end", minimum=first_free)
    return LossSeries(losses, indices, end=end, stride=stride)


# A kept run's settings are written and read as the project's own (model/run_file.py).
_RUN_FIELDS = RunFields(_settings_json, _read_run_settings, _read_history)
