"""The Document's data edits: each method pushes one undo command (see Document._push).

A mixin so that the document module stays about the network; it relies on Document's
``project``, ``_push`` and ``tr``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bpstudio.controller.commands import CommandName
from bpstudio.model.data import data_editing
from bpstudio.model.data.dataset import Dataset
from bpstudio.model.data.registry import generate, get_builtin
from bpstudio.model.evaluation import Evaluation, evaluate


class DataEditsMixin:
    def data_fits(self, dataset: Dataset) -> bool:
        """Whether ``dataset`` fits the network's input and output layers as they are."""
        return data_editing.fits(self.project, dataset)

    def evaluation(self) -> Evaluation:
        """Loss and accuracy of the shown network on the training and test rows."""
        project = self.project
        return evaluate(self.shown_network(), project.dataset, project.loss, project.steps_taken)

    def replace_dataset(
        self, dataset: Dataset, text: CommandName = "", resize: bool = False
    ) -> None:
        """New data; with ``resize`` the input/output layers follow its shape (one command)."""
        resized = not self.data_fits(dataset)
        after = data_editing.replace_dataset(self.project, dataset, resize=resize)
        n = dataset.n_samples
        text = text or (lambda: self.tr("Replace the data (%d samples)") % n)
        self._push(after, text, structural=resized)

    def regenerate_builtin(
        self, name: str, count: int, noise: float, seed: int, resize: bool = False
    ) -> None:
        """The built-in set ``name``, drawn afresh; the split and standardisation stay."""
        old = self.project.dataset
        dataset = generate(name, count, noise, seed).with_settings(
            test_fraction=old.test_fraction, split_seed=old.split_seed, standardise=old.standardise
        )
        # The set's name as the data menu shows it (views/widgets/model_names.py, context
        # ModelNames).
        english = get_builtin(name).title

        def text() -> str:
            return self.tr("Data: %s (%d samples, noise %s, seed %d)") % (
                QCoreApplication.translate("ModelNames", english),
                dataset.n_samples,
                f"{noise:g}",
                seed,
            )

        self.replace_dataset(dataset, text, resize=resize)

    def set_data_cell(self, row: int, column: int, value: float) -> None:
        after = data_editing.set_data_cell(self.project, row, column, value)

        def text() -> str:
            return self.tr("Set data row %d, column %d to %s") % (
                row + 1,
                column + 1,
                f"{value:g}",
            )

        self._push(after, text)

    def add_data_row(self, after_row: int | None = None) -> None:
        after = data_editing.add_row(self.project, after_row)
        self._push(after, lambda: self.tr("Add a data row"))

    def remove_data_row(self, row: int) -> None:
        after = data_editing.remove_row(self.project, row)
        self._push(after, lambda: self.tr("Remove data row %d") % (row + 1))

    def set_split(self, test_fraction: float, seed: int) -> None:
        data = self.project.dataset
        if (data.test_fraction, data.split_seed) == (test_fraction, seed):
            return
        after = data_editing.set_split(self.project, test_fraction, seed)
        share = f"{100 * test_fraction:g}"
        text = lambda: self.tr("Hold out %s%% for testing (seed %d)") % (share, seed)  # noqa: E731
        self._push(after, text)

    def set_standardise(self, on: bool) -> None:
        if on == self.project.dataset.standardise:
            return
        text = lambda: self.tr("Standardise the inputs") if on else self.tr("Use the raw inputs")  # noqa: E731
        self._push(data_editing.set_standardise(self.project, on), text)
