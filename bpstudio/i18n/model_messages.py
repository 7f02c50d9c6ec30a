"""The model's messages to the user, translated.

bpstudio.model never imports Qt, so its errors are English.  Most carry a Message
(bpstudio.model.messages): an English template with named parameters.  Such a message is
shown by translating its template (context "ModelMessages" of the .ts) and filling in the same
parameters; field paths, numbers and the user's own names stay as they are, and a parameter
that is itself a Message is translated the same way.

Errors raised with plain English text (by model code that does not build Messages, or carried
as text by a signal, like a divergence) are matched against the same templates, read as
patterns: ``{name}`` matches any text.  So one list of templates serves both, and a message
that is in neither form is shown as the model wrote it.

This module never imports Qt: the window passes Qt's ``translate``
(bpstudio.views.widgets.language.model_message), the command line its own (bpstudio.i18n.cli_text).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from bpstudio.model.messages import Message, message_of

CONTEXT = "ModelMessages"
Translate = Callable[[str, str], str]  # (context, English) -> the interface language's text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802, ARG001 - lupdate's name and signature
    """Marks ``text`` for lupdate (it enters the .ts under ``context``) and returns it."""
    return text


# Every template of a message that a student can meet, exactly as the model writes it.
TEMPLATES = (
    # project and data files (model/validation.py, project.py, dataset_json.py) ---------------
    QT_TRANSLATE_NOOP("ModelMessages", "{path}: {reason}"),
    QT_TRANSLATE_NOOP("ModelMessages", "{name} is {size:.1f} MiB; {limit}"),
    QT_TRANSLATE_NOOP("ModelMessages", "cannot read {path}: {reason}"),
    QT_TRANSLATE_NOOP("ModelMessages", "No such file or directory"),
    QT_TRANSLATE_NOOP("ModelMessages", "Permission denied"),
    QT_TRANSLATE_NOOP("ModelMessages", "Is a directory"),
    QT_TRANSLATE_NOOP("ModelMessages", "project files are limited to {mib} MiB"),
    QT_TRANSLATE_NOOP("ModelMessages", "not a text file (byte {byte} is not UTF-8)"),
    QT_TRANSLATE_NOOP(
        "ModelMessages",
        "not valid JSON (line {line}, column {column}: {reason}); "
        "the file may be truncated or not a BP Studio project",
    ),
    QT_TRANSLATE_NOOP("ModelMessages", "Expecting value"),
    QT_TRANSLATE_NOOP("ModelMessages", "Expecting property name enclosed in double quotes"),
    QT_TRANSLATE_NOOP("ModelMessages", "Expecting ':' delimiter"),
    QT_TRANSLATE_NOOP("ModelMessages", "Expecting ',' delimiter"),
    QT_TRANSLATE_NOOP("ModelMessages", "Unterminated string starting at"),
    QT_TRANSLATE_NOOP("ModelMessages", "Invalid control character at"),
    QT_TRANSLATE_NOOP("ModelMessages", "Invalid \\escape"),
    QT_TRANSLATE_NOOP("ModelMessages", "Invalid \\uXXXX escape"),
    QT_TRANSLATE_NOOP("ModelMessages", "Extra data"),
    QT_TRANSLATE_NOOP("ModelMessages", "not a BP Studio project (nested too deeply)"),
    QT_TRANSLATE_NOOP("ModelMessages", "not a BP Studio project ({reason})"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected {format!r}: this is not a BP Studio project file"),
    QT_TRANSLATE_NOOP(
        "ModelMessages",
        "the file is format version {version}, newer than this BP Studio reads ({supported}); "
        "please update BP Studio",
    ),
    QT_TRANSLATE_NOOP("ModelMessages", "the text {text!r}"),
    QT_TRANSLATE_NOOP("ModelMessages", "a list of {count}"),
    QT_TRANSLATE_NOOP("ModelMessages", "an object"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected an object, got {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "missing field {key!r}"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected a number, got {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected a finite number, got {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected a whole number, got {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected a whole number >= {minimum}, got {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected true or false, got {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected text, got {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "unknown name {name!r} (expected one of: {choices})"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected a list, got {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected {length} items, got {count}"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected {length} numbers, got {count}"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected {length} rows, got {count}"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected {length} indices, got {count}"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected {length} names, got {count}"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected a name of 1 to {limit} characters"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected {length} activations, got {count}"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected {length} weight matrices, got {count}"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected {length} bias vectors, got {count}"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected at least one row"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected at least 2 layers, got {count}"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected null when use_bias is false"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected a positive number, got {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected a number in [0, 1), got {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected zero or a positive number, got {value}"),
    # the code export (render/code_spec.py)
    QT_TRANSLATE_NOOP(
        "ModelMessages",
        "the code export writes SGD with momentum only; this project trains with {kind}",
    ),
    QT_TRANSLATE_NOOP(
        "ModelMessages",
        "the code export writes SGD with momentum only, without Nesterov momentum or weight decay",
    ),
    # the optimiser's settings (model/optimisers.py SENTENCES; momentum's is below)
    QT_TRANSLATE_NOOP("ModelMessages", "the optimiser must be one of {names}, got {value!r}"),
    QT_TRANSLATE_NOOP("ModelMessages", "Nesterov momentum must be on or off, got {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "RMSprop's α must be in [0, 1), got {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "ε must be a positive number, got {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "Adam's β₁ must be in [0, 1), got {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "Adam's β₂ must be in [0, 1), got {value}"),
    QT_TRANSLATE_NOOP(
        "ModelMessages", "weight decay must be zero or a positive number, got {value}"
    ),
    QT_TRANSLATE_NOOP("ModelMessages", "expected a number between 0 and {maximum}, got {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "must be larger than the index before it"),
    QT_TRANSLATE_NOOP("ModelMessages", "must be a power of two up to {limit}"),
    # reliability: numbers, text and views a file may hold (validation.py, savable.py) -------
    QT_TRANSLATE_NOOP("ModelMessages", "a number of {digits} digits"),
    QT_TRANSLATE_NOOP("ModelMessages", "the number is too large ({digits} digits)"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected a whole number <= {maximum}, got {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected a number from 0 to {limit}, got {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "nested more than {limit} levels deep"),
    QT_TRANSLATE_NOOP(
        "ModelMessages",
        "the text holds \\u{code:04x}, half of a character (a lone surrogate), "
        "which no file can hold; remove it",
    ),
    QT_TRANSLATE_NOOP("ModelMessages", "the inputs are too large to standardise"),
    QT_TRANSLATE_NOOP("ModelMessages", "not a regular file (a device, pipe or socket)"),
    # the labels a loss can learn from (label_rules.py) --------------------------------------
    QT_TRANSLATE_NOOP("ModelMessages", "row {row}: {reason}"),
    QT_TRANSLATE_NOOP(
        "ModelMessages", "cross-entropy needs targets from 0 to 1; target {column} is {value}"
    ),
    QT_TRANSLATE_NOOP(
        "ModelMessages",
        "with softmax and cross-entropy each row of targets is a distribution "
        "(adding up to 1); this one adds up to {total}",
    ),
    # writing files (safe_files.py) ------------------------------------------------------------
    QT_TRANSLATE_NOOP("ModelMessages", "no file name given"),
    QT_TRANSLATE_NOOP("ModelMessages", "{path} names a folder, not a file"),
    QT_TRANSLATE_NOOP("ModelMessages", "{path} is a folder; choose a file name"),
    QT_TRANSLATE_NOOP(
        "ModelMessages",
        "{path} is not a regular file (a device, pipe or socket); "
        "BP Studio writes only to regular files",
    ),
    QT_TRANSLATE_NOOP("ModelMessages", "{path} is read-only"),
    QT_TRANSLATE_NOOP(
        "ModelMessages",
        "{path} is the input file; writing there would replace it: choose another name",
    ),
    QT_TRANSLATE_NOOP("ModelMessages", "cannot write {path}: the folder {folder} does not exist"),
    QT_TRANSLATE_NOOP("ModelMessages", "cannot write {path}: the folder {folder} is not writable"),
    QT_TRANSLATE_NOOP("ModelMessages", "cannot write {path}: {reason}"),
    QT_TRANSLATE_NOOP("ModelMessages", "No space left on device"),
    QT_TRANSLATE_NOOP("ModelMessages", "Disk quota exceeded"),
    QT_TRANSLATE_NOOP("ModelMessages", "Read-only file system"),
    # the optimiser's state (model/optimiser_state.py) -----------------------------------------
    QT_TRANSLATE_NOOP("ModelMessages", "expected null when shuffling is off"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected each training row number 0 to {last} once"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected a number below {rows} (the training rows)"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected {name!r}, got {got!r}"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected 0 or 1, got {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected a number below 2^32"),
    QT_TRANSLATE_NOOP("ModelMessages", "not a valid generator state ({reason})"),
    QT_TRANSLATE_NOOP(
        "ModelMessages", "expected a whole number from 0 to 2^128 - 1 written as text"
    ),
    # CSV import (model/data/csv_table.py, csv_io.py) ------------------------------------
    QT_TRANSLATE_NOOP("ModelMessages", "CSV files are limited to {mib} MiB and {rows:,} rows"),
    QT_TRANSLATE_NOOP(
        "ModelMessages",
        "not a text file in UTF-8 (byte {byte} cannot be read); save it as UTF-8 CSV and try again",
    ),
    QT_TRANSLATE_NOOP("ModelMessages", "the text is longer than the limit of {mib} MiB"),
    QT_TRANSLATE_NOOP("ModelMessages", "the file is empty: there is no row of data in it"),
    QT_TRANSLATE_NOOP(
        "ModelMessages", "the file has {count:,} rows; CSV imports are limited to {limit:,}"
    ),
    QT_TRANSLATE_NOOP("ModelMessages", "the file has a header but no row of data"),
    QT_TRANSLATE_NOOP(
        "ModelMessages",
        "row {row} has {count} cells, but the first row has {width}: "
        "every row needs the same number of cells",
    ),
    QT_TRANSLATE_NOOP("ModelMessages", "column {column}"),
    QT_TRANSLATE_NOOP(
        "ModelMessages", "the file has {count} column; it needs at least 2 (inputs and a target)"
    ),
    QT_TRANSLATE_NOOP("ModelMessages", "choose at least one input column and one target column"),
    QT_TRANSLATE_NOOP("ModelMessages", "there is no column {column}: the file has {count}"),
    QT_TRANSLATE_NOOP("ModelMessages", "a column cannot be both an input and a target"),
    QT_TRANSLATE_NOOP("ModelMessages", "row {row}, column {column} ({name}): the value is missing"),
    QT_TRANSLATE_NOOP(
        "ModelMessages", "row {row}, column {column} ({name}): {cell!r} is not a number"
    ),
    QT_TRANSLATE_NOOP("ModelMessages", "the target column has one class only ({label!r})"),
    QT_TRANSLATE_NOOP(
        "ModelMessages",
        "the target column ({name}) has {count:,} different labels, more than {limit} "
        "classes: is it a name or an ID? Choose another column as the target",
    ),
    # network edits (model/editing.py) --------------------------------------------------------
    QT_TRANSLATE_NOOP("ModelMessages", "this network has no biases; switch them on first"),
    QT_TRANSLATE_NOOP("ModelMessages", "the inputs (layer 1) have no bias"),
    QT_TRANSLATE_NOOP("ModelMessages", "the new network has layers {new}, the project has {old}"),
    QT_TRANSLATE_NOOP(
        "ModelMessages", "layer {layer} has only one unit; every layer needs at least one"
    ),
    QT_TRANSLATE_NOOP(
        "ModelMessages", "a hidden layer can be inserted at 2 .. {last}, not {position}"
    ),
    QT_TRANSLATE_NOOP("ModelMessages", "a layer needs at least one unit"),
    QT_TRANSLATE_NOOP("ModelMessages", "softmax is for the output layer only"),
    QT_TRANSLATE_NOOP(
        "ModelMessages", "only hidden layers (2 .. {last}) can be removed, not layer {layer}"
    ),
    QT_TRANSLATE_NOOP("ModelMessages", "layers 2 .. {last} have an activation, not layer {layer}"),
    QT_TRANSLATE_NOOP("ModelMessages", "there is no layer {layer} (layers are 1 .. {last})"),
    QT_TRANSLATE_NOOP("ModelMessages", "weights and biases must be finite numbers, not {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "layer {layer} has no unit {unit} (units are 1 .. {n})"),
    # losses, activations, initialisation (model/losses.py, ...; plain text) -----------------
    QT_TRANSLATE_NOOP(
        "ModelMessages", "loss {name!r} needs a {allowed} output layer, not {activation!r}"
    ),
    QT_TRANSLATE_NOOP("ModelMessages", "{first} or {second}"),
    QT_TRANSLATE_NOOP("ModelMessages", "unknown loss {name!r} (known: {known})"),
    QT_TRANSLATE_NOOP("ModelMessages", "unknown activation {name!r} (known: {known})"),
    QT_TRANSLATE_NOOP("ModelMessages", "unknown initialisation {name!r} (known: {known})"),
    # training (model/training.py; plain text, the divergence also travels as text) ---------
    QT_TRANSLATE_NOOP(
        "ModelMessages",
        "training diverged at step {step}: {what} is not finite; the weights are kept as they "
        "were before this step (try a smaller learning rate)",
    ),
    QT_TRANSLATE_NOOP("ModelMessages", "the loss"),
    QT_TRANSLATE_NOOP("ModelMessages", "an updated weight"),
    QT_TRANSLATE_NOOP("ModelMessages", "learning rate must be a positive number, got {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "momentum must be in [0, 1), got {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "batch size must be at least 1, got {value}"),
    # the data (model/data/: data_editing.py, dataset.py, registry.py; plain text) --------
    QT_TRANSLATE_NOOP("ModelMessages", "a data value must be a finite number, not {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "there is no data column {column}"),
    QT_TRANSLATE_NOOP("ModelMessages", "the data needs at least one sample; this is the last one"),
    QT_TRANSLATE_NOOP("ModelMessages", "there is no row {row}: the data has {count}"),
    QT_TRANSLATE_NOOP("ModelMessages", "inputs and targets must be tables (one row per sample)"),
    QT_TRANSLATE_NOOP("ModelMessages", "{inputs} input rows but {targets} target rows"),
    QT_TRANSLATE_NOOP("ModelMessages", "a dataset needs at least one sample"),
    QT_TRANSLATE_NOOP(
        "ModelMessages", "the test share must be between 0 and {maximum}, got {value}"
    ),
    QT_TRANSLATE_NOOP(
        "ModelMessages",
        "the data has {columns} input columns but the input layer has {units} units",
    ),
    QT_TRANSLATE_NOOP(
        "ModelMessages",
        "the data has {columns} target columns but the output layer has {units} units",
    ),
    QT_TRANSLATE_NOOP("ModelMessages", "no built-in data set {name!r} (known: {known})"),
    QT_TRANSLATE_NOOP("ModelMessages", "a data set needs at least one sample, not {count}"),
    QT_TRANSLATE_NOOP("ModelMessages", "noise is a standard deviation, it cannot be {noise}"),
    # the network's own checks (model/network.py; plain text) --------------------------------
    QT_TRANSLATE_NOOP("ModelMessages", "a network needs at least 2 layers (inputs and outputs)"),
    QT_TRANSLATE_NOOP(
        "ModelMessages", "layer {layer} has {count} units; every layer needs at least 1"
    ),
    QT_TRANSLATE_NOOP(
        "ModelMessages", "expected {length} activations (one per non-input layer), got {count}"
    ),
    QT_TRANSLATE_NOOP("ModelMessages", "softmax is for the output layer only, not layer {layer}"),
    QT_TRANSLATE_NOOP(
        "ModelMessages", "weights entering layer {layer} have shape {shape}, expected {expected}"
    ),
    QT_TRANSLATE_NOOP(
        "ModelMessages", "biases of layer {layer} have shape {shape}, expected ({size},)"
    ),
    # kept runs and experiments (model/run_file.py, experiment.py) -------------------------
    QT_TRANSLATE_NOOP("ModelMessages", "expected at most {limit} runs, got {count}"),
    QT_TRANSLATE_NOOP("ModelMessages", "expected a number from 0 to 1, got {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "unknown setting {name!r} (did you mean {close}?)"),
    QT_TRANSLATE_NOOP("ModelMessages", "unknown setting {name!r}; the settings are {choices}"),
    QT_TRANSLATE_NOOP("ModelMessages", "{setting}: give at least one value"),
    QT_TRANSLATE_NOOP("ModelMessages", "{setting}: at most {limit} values, got {count}"),
    QT_TRANSLATE_NOOP("ModelMessages", "{setting}: {value!r} is not a number"),
    QT_TRANSLATE_NOOP("ModelMessages", "{setting}: expected a positive number, got {value}"),
    QT_TRANSLATE_NOOP("ModelMessages", "{setting}: expected a number in [0, 1), got {value}"),
    QT_TRANSLATE_NOOP(
        "ModelMessages", "{setting}: expected a whole number from {low} to {high}, got {value!r}"
    ),
    QT_TRANSLATE_NOOP(
        "ModelMessages", "{setting}: unknown value {value!r} (did you mean {close}?)"
    ),
    QT_TRANSLATE_NOOP(
        "ModelMessages", "{setting}: unknown value {value!r}; expected one of {choices}"
    ),
    QT_TRANSLATE_NOOP("ModelMessages", "{setting}: this network has no hidden layer to vary"),
    QT_TRANSLATE_NOOP("ModelMessages", "{setting}: {value} cannot learn these targets: {reason}"),
    QT_TRANSLATE_NOOP(
        "ModelMessages",
        "the run {name!r} has {inputs} inputs and {outputs} outputs; the data has "
        "{columns} input and {targets} target columns",
    ),
    QT_TRANSLATE_NOOP("ModelMessages", "there is no run {index} (runs 0 .. {last})"),
)

# Read as patterns, these would match almost any text: only a parameter is matched with them.
NESTED_ONLY = frozenset({"{first} or {second}", "{path}: {reason}"})
# Parameters, in a message matched as text, that hold a message of their own.
NESTED_PARAMETERS = frozenset({"reason", "what", "allowed", "second", "limit", "value"})

_FIELD = re.compile(r"\{(\w+)(![rsa])?(:[^{}]*)?\}")


def model_message(error: BaseException | Message | str, translate: Translate) -> str:
    """``error`` (an exception of bpstudio.model, its Message or its text) in the language of
    ``translate``: Qt's in the window (bpstudio.views.widgets.language.model_message), the .ts
    read by bpstudio.i18n.cli_text on the command line."""
    return _render(message_of(error), lambda template: translate(CONTEXT, template))


def _render(message: Message, tr: Callable[[str], str]) -> str:
    nested = functools.partial(_render, tr=tr)
    if message.template in _KNOWN:
        try:
            return message.render(tr(message.template), nested)
        except (KeyError, IndexError, ValueError):  # a translation that lost a {field}
            return message.render(nested=nested)
    if not message.params:  # plain text: perhaps a known message, written out
        return _match(message.template, tr, top=True)
    return message.render(nested=nested)


def _match(text: str, tr: Callable[[str], str], top: bool = False) -> str:
    if text in _KNOWN:
        return tr(text)
    for template, pattern in _patterns():
        if top and template in NESTED_ONLY:
            continue
        found = pattern.fullmatch(text)
        if found:
            values = {
                name: _match(value, tr) if name in NESTED_PARAMETERS else value
                for name, value in found.groupdict().items()
            }
            try:
                return _plain(tr(template)).format(**values)
            except (KeyError, IndexError, ValueError):
                return text
    return text


_KNOWN = frozenset(TEMPLATES)


@functools.cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(template, its pattern) for the templates with fields, the most specific first."""
    found = []
    for template in TEMPLATES:
        if not _FIELD.search(template):
            continue
        parts, start = [], 0
        for field in _FIELD.finditer(template):
            parts.append(re.escape(template[start : field.start()]))
            parts.append(f"(?P<{field[1]}>.+?)")
            start = field.end()
        parts.append(re.escape(template[start:]))
        literal = len(_FIELD.sub("", template))
        found.append((literal, template, re.compile("".join(parts), re.DOTALL)))
    found.sort(key=lambda item: -item[0])
    return tuple((template, pattern) for _, template, pattern in found)


def _plain(template: str) -> str:
    """The template with its fields' conversions and formats taken out: the values matched
    in a text are already written out (quoted, grouped) as the text has them."""
    return _FIELD.sub(lambda field: "{" + field[1] + "}", template)
