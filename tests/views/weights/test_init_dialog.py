"""The re-initialise dialog offers "zeros", and its scale only where a scheme uses it."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QWidget

from bpstudio.model.initialisation import SCHEMES, USES_SCALE, InitScheme
from bpstudio.views.weights import network_dialogs


def test_zeros_is_offered_and_the_scale_follows_the_scheme(qtbot, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = {}

    def accept(dialog, _form) -> bool:
        scheme = dialog.findChild(QComboBox)
        scale = dialog.findChild(QDoubleSpinBox)
        seen["names"] = [scheme.itemData(i) for i in range(scheme.count())]
        seen["labels"] = [scheme.itemText(i) for i in range(scheme.count())]
        for name in SCHEMES:
            scheme.setCurrentIndex(scheme.findData(name))
            assert scale.isEnabled() == (name in USES_SCALE), name
        scheme.setCurrentIndex(scheme.findData("zeros"))
        return True

    monkeypatch.setattr(network_dialogs, "_run", accept)
    chosen = network_dialogs.ask_init_scheme(parent, InitScheme("xavier", seed=4))
    assert chosen == InitScheme("zeros", seed=4, scale=0.5)
    assert "zeros" in seen["names"] and "zeros" in seen["labels"]
