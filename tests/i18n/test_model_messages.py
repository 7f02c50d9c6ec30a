"""The model's error messages reach a Chinese-speaking student in Chinese, and an English one in
the same English as before: project-file errors (with their field paths), CSV import errors,
refused network edits, training and data errors; the catalogue covers every template."""

from __future__ import annotations

import ast
import pickle
import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

import bpstudio.model
from bpstudio.i18n import model_messages
from bpstudio.i18n.model_messages import NESTED_ONLY, TEMPLATES
from bpstudio.i18n.translation_files import ts_file
from bpstudio.model import editing
from bpstudio.model.activations import ACTIVATION_NAMES
from bpstudio.model.data.csv_io import CsvImportError, import_csv_text
from bpstudio.model.data.csv_table import read_csv_file
from bpstudio.model.data.data_editing import remove_row, set_data_cell
from bpstudio.model.data.dataset import Dataset
from bpstudio.model.examples import load_example
from bpstudio.model.initialisation import SCHEMES
from bpstudio.model.losses import LOSS_NAMES, get_loss
from bpstudio.model.messages import Message, ModelError, message_of
from bpstudio.model.network import Network
from bpstudio.model.optimisers import KINDS
from bpstudio.model.project import load_project, loads
from bpstudio.model.training import DivergenceError, TrainingConfig
from bpstudio.model.validation import ProjectFileError
from bpstudio.views.data.csv_import_dialog import CsvImportDialog
from bpstudio.views.weights.network_menu import NetworkMenu
from bpstudio.views.widgets import language
from bpstudio.views.widgets.language import model_message
from tests.model.project_json_support import mutate, set_in
from tests.views.translation_support import english_words

# Parameters that stay as they are: quoted names and cells ('abc'), JSON's own words.
_QUOTED = re.compile(r"'[^']*'")
# Names of activations, losses and schemes are code words a file holds; "bad" a file's name.
KEPT = {"null", "true", "false", "NaN", "Infinity", "nan", "inf", "MiB", "UTF", "bad"}
KEPT |= {*ACTIVATION_NAMES, *LOSS_NAMES, *SCHEMES, "half", "sse", "cross", "entropy", "leaky"}
KEPT |= {*KINDS, "RMSprop", "Adam", "Nesterov"}  # the optimisers' names, as torch spells them


@pytest.fixture
def chinese(qapp):
    switcher = language.switcher()
    assert switcher.apply(language.CHINESE), "the zh_CN catalogue did not load"
    QCoreApplication.processEvents()
    yield switcher
    switcher.apply(language.ENGLISH)
    QCoreApplication.processEvents()


def english_in(text: str, path: str = "") -> list[str]:
    """The English words of a shown message, apart from its field path and quoted names."""
    if path:
        assert path in text, f"the field path {path!r} is lost: {text!r}"
        text = text.replace(path, " ")
    return english_words(_QUOTED.sub(" ", text), KEPT)


def is_chinese(text: str, path: str = "") -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", text)) and english_in(text, path) == []


def raised(action) -> BaseException:
    try:
        action()
    except (ValueError, ArithmeticError) as exc:
        return exc
    raise AssertionError("no error")


# project files -------------------------------------------------------------------------------
# (the document, the field path the message must keep)
BROKEN_PROJECTS = [
    (mutate(set_in(["network", "weights", 1, 0], [0.1, 0.2, 0.3])), "network.weights[1][0]"),
    (mutate(set_in(["network", "weights", 0, 2, 1], "x")), "network.weights[0][2][1]"),
    (mutate(set_in(["network", "weights", 0], [[0.1, 0.2]])), "network.weights[0]"),
    (mutate(set_in(["network", "weights"], [])), "network.weights"),
    (mutate(set_in(["network", "activations", 0], "swish")), "network.activations[0]"),
    (mutate(set_in(["network", "activations"], ["softmax", "sigmoid"])), "network.activations[0]"),
    (mutate(set_in(["network", "activations"], ["sigmoid"])), "network.activations"),
    (mutate(set_in(["network", "layer_sizes"], [3])), "network.layer_sizes"),
    (mutate(set_in(["network", "layer_sizes", 1], 0)), "network.layer_sizes[1]"),
    (mutate(set_in(["network", "layer_sizes", 1], 1.5)), "network.layer_sizes[1]"),
    (mutate(set_in(["network", "layer_sizes"], {"a": 1})), "network.layer_sizes"),
    (mutate(set_in(["loss"], "hinge")), "loss"),
    (mutate(set_in(["loss"], 3)), "loss"),
    (mutate(set_in(["version"], 99)), "version"),
    (mutate(set_in(["format"], "something-else")), "format"),
    (mutate(set_in(["dataset", "targets"], [[0.9]])), "dataset.targets[0]"),
    (mutate(set_in(["dataset", "inputs"], [])), "dataset.inputs"),
    (mutate(set_in(["dataset", "inputs"], "x")), "dataset.inputs"),
    (mutate(set_in(["dataset", "split"], {"test_fraction": 2})), "dataset.split.test_fraction"),
    (mutate(set_in(["network", "use_bias"], True)), "network.biases"),
    (mutate(set_in(["network", "use_bias"], "yes")), "network.use_bias"),
    (mutate(set_in(["network", "biases"], [[1.0]])), "network.biases"),
    (mutate(set_in(["training", "learning_rate"], -1)), "training.learning_rate"),
    (mutate(set_in(["training", "momentum"], 1.5)), "training.momentum"),
    (mutate(set_in(["training", "batch_size"], 0)), "training.batch_size"),
    (mutate(set_in(["history", "step_losses"], [1, None])), "history.step_losses[1]"),
    (mutate(lambda d: d["network"].pop("weights")), "network"),
    (mutate(lambda d: d.pop("network")), ""),
    (mutate(lambda d: d.update(name=["x"])), "name"),
    ("[1, 2]", ""),
    ('{"format": "bpstudio-project", "version": 1, "network": ', ""),
    ('{"format": "bpstudio-project" "version": 1}', ""),
    ('{"format": NaN}', "format"),
    ("[" * 100_000, ""),
    (b"\xff\xfe{}", ""),
]


def _project_error(document) -> ProjectFileError:
    with pytest.raises(ProjectFileError) as info:
        loads(document)
    return info.value


@pytest.mark.parametrize("document,path", BROKEN_PROJECTS, ids=range(len(BROKEN_PROJECTS)))
def test_a_project_file_error_is_chinese_with_its_field_path(chinese, document, path):
    error = _project_error(document)
    shown = model_message(error)
    assert is_chinese(shown, path), f"{error} -> {shown}"
    if path:
        assert shown.startswith(path + ": ")


@pytest.mark.parametrize("document,path", BROKEN_PROJECTS, ids=range(len(BROKEN_PROJECTS)))
def test_a_project_file_error_stays_english_in_english(qapp, document, path):
    error = _project_error(document)
    assert model_message(error) == str(error)


def test_messages_of_a_thinned_history_are_chinese(chinese):
    """Fields of the loss history's thinned form (history.*_indices, *_stride)."""
    for history, path in [
        ({"step_losses": [1.0, 0.5], "step_indices": [0]}, "history.step_indices"),
        ({"step_losses": [1.0, 0.5], "step_indices": [3, 1]}, "history.step_indices[1]"),
        ({"step_losses": [1.0], "step_indices": [0], "step_stride": 3}, "history.step_stride"),
    ]:
        error = _project_error(mutate(set_in(["history"], history)))
        assert is_chinese(model_message(error), path), str(error)


def test_an_unreadable_or_too_large_file_is_chinese(chinese, tmp_path, monkeypatch):
    missing = tmp_path / "missing.json"
    with pytest.raises(ProjectFileError) as info:
        load_project(missing)
    assert is_chinese(model_message(info.value), str(missing))
    with pytest.raises(ProjectFileError) as info:
        load_project(tmp_path)  # a folder
    assert is_chinese(model_message(info.value), str(tmp_path))
    from bpstudio.model import project as project_module

    big = tmp_path / "big.json"
    big.write_text("{}")
    monkeypatch.setattr(project_module, "MAX_PROJECT_BYTES", 1)
    with pytest.raises(ProjectFileError) as info:
        load_project(big)
    assert is_chinese(model_message(info.value), "big.json")


def test_opening_a_broken_project_shows_chinese(chinese, qtbot, tmp_path, monkeypatch):
    from bpstudio.app import new_workspace
    from bpstudio.views.window.main_window import MainWindow

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: shown.append(text))
    window = MainWindow(new_workspace())
    qtbot.addWidget(window)
    bad = tmp_path / "bad.json"
    bad.write_text(mutate(set_in(["network", "weights", 0, 2, 1], "x")), encoding="utf-8")
    assert not window.files.open_path(bad, ask=False)
    (text,) = shown
    assert "network.weights[0][2][1]: 应为数值, 实际为 文本 'x'" in text
    assert english_in(text, "network.weights[0][2][1]") == []


# CSV import ----------------------------------------------------------------------------------
BAD_CSV = [
    ("", {}),
    ("a,b\n", {}),
    ("1\n2\n", {}),
    ("1,2\n3,4,5\n", {}),
    ("a,b,c\n1,2,3\n4,oops,6\n", {}),
    ("a,b,c\n1,2,3\n4,,6\n", {}),
    ("1,2,3\n4,oops,6\n", {}),
    ("a,b\n1,cat\n2,cat\n", {}),
    ("a,b\n1,2\n", {"input_columns": [], "target_columns": [1]}),
    ("a,b\n1,2\n", {"input_columns": [0], "target_columns": [5]}),
    ("a,b\n1,2\n", {"input_columns": [0, 1], "target_columns": [1]}),
]


@pytest.mark.parametrize("text,columns", BAD_CSV)
def test_a_csv_import_error_is_chinese(chinese, text, columns):
    with pytest.raises(CsvImportError) as info:
        import_csv_text(text, **columns)
    assert is_chinese(model_message(info.value)), str(info.value)


@pytest.mark.parametrize("text,columns", BAD_CSV)
def test_a_csv_import_error_stays_english_in_english(qapp, text, columns):
    with pytest.raises(CsvImportError) as info:
        import_csv_text(text, **columns)
    assert model_message(info.value) == str(info.value)


def test_an_unreadable_csv_file_is_chinese(chinese, tmp_path):
    raw = tmp_path / "latin1.csv"
    raw.write_bytes("a,b\n1,\xe9\n".encode("latin-1"))
    for path, named in ((raw, ""), (tmp_path / "missing.csv", str(tmp_path / "missing.csv"))):
        with pytest.raises(CsvImportError) as info:
            read_csv_file(path)
        assert is_chinese(model_message(info.value), named), str(info.value)


def test_the_import_dialog_speaks_chinese_and_follows_a_switch(chinese, qtbot, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("1,2,3\n4,oops,6\n", encoding="utf-8")
    dialog = CsvImportDialog()
    qtbot.addWidget(dialog)
    dialog.open_path(str(path))
    assert dialog.message.text() == "第 2 行, 第 2 列 (第 2 列): 'oops' 不是数值"
    header = dialog.preview.model().headerData
    headers = [header(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["第 1 列", "第 2 列", "第 3 列"]
    chinese.apply(language.ENGLISH)
    QCoreApplication.processEvents()
    assert dialog.message.text() == "row 2, column 2 (column 2): 'oops' is not a number"
    assert header(0, Qt.Orientation.Horizontal) == "column 1"
    chinese.apply(language.CHINESE)
    QCoreApplication.processEvents()
    dialog.set_role(2, "input")  # no target left
    assert dialog.message.text() == "请至少选择一个输入列和一个目标列"


# network edits -------------------------------------------------------------------------------
def _refused_edits():
    seed = load_example()
    no_bias = editing.set_use_bias(seed, False)
    cross_entropy = editing.set_loss(seed, "cross_entropy")
    last = seed.network.n_layers
    return [
        lambda: editing.set_bias(no_bias, 2, 1, 0.5),
        lambda: editing.set_bias(editing.set_use_bias(seed, True), 1, 1, 0.5),
        lambda: editing.remove_unit(editing.remove_unit(seed, 2, 1), 2, 1),
        lambda: editing.insert_layer(seed, 9, 2, "sigmoid"),
        lambda: editing.insert_layer(seed, 2, 0, "sigmoid"),
        lambda: editing.insert_layer(seed, 2, 2, "softmax"),
        lambda: editing.remove_layer(seed, 1),
        lambda: editing.set_activation(seed, 1, "tanh"),
        lambda: editing.set_weight(seed, 7, 1, 1, 0.5),
        lambda: editing.set_weight(seed, 2, 9, 1, 0.5),
        lambda: editing.set_weight(seed, 2, 1, 1, float("nan")),
        lambda: editing.replace_network(seed, Network.zeros([1, 1])),
        lambda: editing.set_activation(cross_entropy, last, "tanh"),
        lambda: editing.set_loss(editing.set_activation(seed, last, "relu"), "cross_entropy"),
    ]


@pytest.mark.parametrize("index", range(len(_refused_edits())))
def test_a_refused_network_edit_is_chinese(chinese, index):
    error = raised(_refused_edits()[index])
    shown = model_message(error)
    assert is_chinese(shown), f"{error} -> {shown}"


@pytest.mark.parametrize("index", range(len(_refused_edits())))
def test_a_refused_network_edit_stays_english_in_english(qapp, index):
    error = raised(_refused_edits()[index])
    assert model_message(error) == str(error)


def test_the_network_menu_explains_a_refusal_in_chinese(chinese, qtbot, monkeypatch):
    from bpstudio.app import new_workspace
    from bpstudio.views.window.main_window import MainWindow

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: shown.append(text))
    window = MainWindow(new_workspace())
    qtbot.addWidget(window)
    menu = window.findChild(NetworkMenu)
    menu._edit(window.document.remove_layer, 1)
    menu._edit(window.document.set_activation, window.document.project.network.n_layers, "relu")
    menu._edit(window.document.set_loss, "cross_entropy")
    assert shown[0] == "只能删除隐含层 (第 2 .. 2 层), 不能删除第 1 层"
    assert shown[1] == "损失 'cross_entropy' 要求输出层使用 softmax 或 sigmoid, 而不是 'relu'"
    window.document.undo_stack.setClean()


# training, data, the network's own checks (plain English text, matched) --------------------
def _plain_errors():
    data = Dataset(np.zeros((1, 2)), np.zeros((1, 1)))
    seed = load_example()
    one_row = load_example()
    one_row.dataset = Dataset(seed.dataset.inputs[:1], seed.dataset.targets[:1])
    return [
        lambda: TrainingConfig(learning_rate=-1.0),
        lambda: TrainingConfig(momentum=1.0),
        lambda: TrainingConfig(batch_size=0),
        lambda: (_ for _ in ()).throw(DivergenceError(12, "the loss")),
        lambda: (_ for _ in ()).throw(DivergenceError(3, "an updated weight")),
        lambda: remove_row(one_row, 0),
        lambda: remove_row(seed, 6),
        lambda: set_data_cell(seed, 0, 9, 1.0),
        lambda: set_data_cell(seed, 0, 0, float("inf")),
        lambda: Dataset(np.zeros((2, 2)), np.zeros((3, 1))),
        lambda: Dataset(np.zeros((1, 2)), np.zeros((1, 1)), test_fraction=0.99),
        lambda: data.check_fits([3, 1]),
        lambda: data.check_fits([2, 4]),
        lambda: get_loss("hinge"),
        lambda: Network([2], [], [], None),
        lambda: Network([2, 0], ["sigmoid"], [np.zeros((2, 0))], None),
        lambda: Network([2, 2, 1], ["softmax", "sigmoid"], [np.zeros((2, 2)), np.zeros((2, 1))]),
        lambda: Network([2, 1], ["sigmoid"], [np.zeros((3, 1))], None),
    ]


@pytest.mark.parametrize("index", range(len(_plain_errors())))
def test_a_plain_model_error_is_matched_and_chinese(chinese, index):
    error = raised(_plain_errors()[index])
    shown = model_message(error)
    assert is_chinese(shown), f"{error} -> {shown}"
    assert model_message(str(error)) == shown  # as text, e.g. carried by a signal


@pytest.mark.parametrize("index", range(len(_plain_errors())))
def test_a_plain_model_error_stays_english_in_english(qapp, index):
    error = raised(_plain_errors()[index])
    assert model_message(error) == str(error)


def test_the_divergence_message_is_chinese(chinese):
    text = str(DivergenceError(12, "the loss"))
    assert model_message(text) == (
        "训练在第 12 步发散: 损失 不是有限数; 权重保持为这一步之前的值 (请试试更小的学习率)"
    )


def test_an_unknown_message_is_shown_as_written(chinese):
    assert model_message("something new: nobody wrote this") == "something new: nobody wrote this"
    assert model_message(ValueError("softmax or relu")) == "softmax or relu"


# the structure -------------------------------------------------------------------------------
def test_a_model_error_carries_its_template_and_parameters():
    error = raised(lambda: editing.remove_layer(load_example(), 1))
    assert isinstance(error, ModelError)
    assert error.message == Message(
        "only hidden layers (2 .. {last}) can be removed, not layer {layer}", last=2, layer=1
    )
    copy = pickle.loads(pickle.dumps(error))
    assert str(copy) == str(error) and copy.message == error.message
    error = _project_error(mutate(set_in(["network", "weights", 0, 2, 1], "x")))
    assert error.message.template == "{path}: {reason}"
    assert error.message.params["path"] == "network.weights[0][2][1]"
    assert message_of(error.message.params["reason"]).template == "expected a number, got {value}"


def test_a_translation_that_loses_a_field_falls_back_to_english():
    error = ModelError("layer {layer} has only one unit; every layer needs at least one", layer=3)
    assert model_messages.model_message(error, lambda _c, _t: "第 {x} 层") == str(error)


def _templates_in_model() -> set[str]:
    """The template of every ModelError, ProjectFileError, CsvImportError, fail(), Message()
    and read_limited error in bpstudio/model (first literal argument; fail's second)."""
    makers = {
        "ModelError",
        "ProjectFileError",
        "CsvImportError",
        "FileWriteError",
        "LabelError",
        "ExperimentError",
        "Message",
        "error",
    }
    found = set()
    root = Path(bpstudio.model.__file__).parent
    for file in root.rglob("*.py"):
        if "derivation" in file.parts:
            continue
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            index = 1 if name == "fail" else 0 if name in makers else None
            if index is None or len(node.args) <= index:
                continue
            arg = node.args[index]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
    from bpstudio.model import validation

    return found | set(validation._COUNTS.values())


def test_every_template_of_the_model_is_in_the_catalogue():
    in_model = _templates_in_model()
    assert len(in_model) > 60
    assert sorted(in_model - set(TEMPLATES)) == []


def test_no_model_error_is_an_f_string_in_the_modules_that_build_messages():
    """In these modules a message's numbers and names are parameters, so that it translates."""
    root = Path(bpstudio.model.__file__).parent
    modules = (
        "editing.py",
        "validation.py",
        "project.py",
        "data/csv_io.py",
        "data/csv_table.py",
        "safe_files.py",
        "savable.py",
        "data/label_rules.py",
    )
    for name in modules:
        tree = ast.parse((root / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                args = node.exc.args
                if getattr(node.exc.func, "id", "") == "fail":
                    args = args[1:]  # the field path is built, the message is a template
                assert not any(isinstance(a, ast.JoinedStr) for a in args), (
                    f"{name}:{node.lineno}: an f-string message"
                )


def _fields(template: str) -> set[str]:
    return {f[1] for f in string.Formatter().parse(template) if f[1] is not None}


def test_every_template_has_a_chinese_translation_with_the_same_fields():
    root = ET.parse(ts_file(language.CHINESE)).getroot()
    (context,) = [c for c in root.iter("context") if c.findtext("name") == "ModelMessages"]
    catalogue = {m.findtext("source"): m.find("translation") for m in context.iter("message")}
    for template in TEMPLATES:
        translation = catalogue[template]
        assert translation.get("type") is None and translation.text, template
        assert _fields(translation.text) == _fields(template), template
        if template not in NESTED_ONLY:
            assert is_chinese(_without_fields(translation.text)), translation.text


def _without_fields(text: str) -> str:
    return re.sub(r"\{[^{}]*\}", " ", text).replace("\\uXXXX", " ")
