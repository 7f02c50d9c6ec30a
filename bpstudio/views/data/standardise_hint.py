"""A one-line suggestion to standardise the inputs, shown while their spreads differ more than
tenfold (bpstudio.model.data.scaling.standardising_helps); its link switches standardisation on as
one undoable edit."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from bpstudio.model.data.scaling import SPREAD_RATIO_LIMIT, spread_ratio, standardising_helps
from bpstudio.views.widgets.language import Retranslating

HINT_STYLE = "background: #fff4d6; padding: 4px;"


class StandardiseHint(Retranslating, QLabel):
    def __init__(self, document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("standardiseHint")
        self._document = document
        self.setWordWrap(True)
        self.setStyleSheet(HINT_STYLE)
        self.linkActivated.connect(lambda _link: document.set_standardise(True))
        document.changed.connect(self.refresh)
        self.refresh()

    def retranslate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        data = self._document.project.dataset
        helps = standardising_helps(data)
        self.setVisible(helps)
        if not helps:
            return
        ratio = spread_ratio(data.inputs[data.train_indices()])
        text = self.tr(
            "The input columns' spreads differ %s-fold (more than %g-fold): the narrow ones "
            "hardly count, and the decision boundary is hard to read."
        ) % (f"{ratio:.0f}", SPREAD_RATIO_LIMIT)
        link = self.tr("Standardise inputs")
        self.setText(f"{text} <a href='standardise'>{link}</a>")
        self.setToolTip(
            self.tr("The network then sees (x − mean) / sd per input column (Ctrl+Z undoes)")
        )
