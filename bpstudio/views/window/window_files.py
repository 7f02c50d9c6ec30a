"""New, Open, Open Recent, Save, Save As, and the unsaved-changes prompt of the main window.

Every way of replacing the open project first asks what to do with unsaved changes; a file
that fails to load is reported with the loader's own message and the open work stays as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from bpstudio.controller.background_job import BackgroundJob
from bpstudio.controller.document import Document
from bpstudio.controller.project_loader import ProjectLoad, loads_in_background
from bpstudio.controller.project_saver import write_in_child
from bpstudio.model.network_size import saves_at_once
from bpstudio.model.validation import ProjectFileError
from bpstudio.views.widgets.language import model_message
from bpstudio.views.window import recent_files


class WindowFiles(QObject):
    statusMessage = Signal(str)
    recentChanged = Signal()
    backgroundOpenFinished = Signal(bool)  # a big file read in the background: opened or not

    def __init__(self, window: QWidget, document: Document) -> None:
        super().__init__(window)
        self._window = window
        self._document = document
        self.pending_load: ProjectLoad | None = None  # a big file being read in the background
        self.saving: BackgroundJob | None = None  # a big project being written on a thread

    # the prompt -------------------------------------------------------------------------
    def maybe_keep_changes(self) -> bool:
        """Ask about unsaved changes; True when it is fine to drop the current project."""
        if not self._document.is_modified():
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self._window,
            self.tr("Unsaved changes"),
            self.tr("“%s” has unsaved changes. Save them first?") % self._document.display_name(),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    # replacing the project --------------------------------------------------------------
    def new_from_example(self, name: str) -> None:
        if not self.maybe_keep_changes():
            return
        self._document.new_from_example(name)
        self.statusMessage.emit(self.tr("New project from the example “%s”") % name)

    def open(self) -> None:
        if not self.maybe_keep_changes():
            return
        path, _filter = QFileDialog.getOpenFileName(
            self._window, self.tr("Open project"), self._start_folder(), self._file_filter()
        )
        if path:
            self.open_path(Path(path), ask=False)

    def open_path(self, path: Path, ask: bool = True) -> bool:
        """Open ``path``; on failure show why and keep the current work.  True on success."""
        if ask and not self.maybe_keep_changes():
            return False
        if loads_in_background(path):
            self._open_in_background(Path(path))
            return True
        try:
            self._document.load(path)
        except ProjectFileError as exc:
            self._report_open_failure(path, model_message(exc))
            return False
        path = self._document.file_path  # made absolute by the document
        recent_files.remember(path)
        self.recentChanged.emit()
        unknown = self._document.project.unknown_fields
        if unknown:  # a typo such as "momentun" would otherwise pass unseen
            text = self.tr("Opened %s; fields this version does not know were ignored: %s")
            self.statusMessage.emit(text % (path, ", ".join(unknown)))
        else:
            self.statusMessage.emit(self.tr("Opened %s") % path)
        return True

    def _open_in_background(self, path: Path) -> None:
        """A big file: read in a child process while a progress box (with Cancel) shows that
        the window is working; the window keeps painting meanwhile."""
        load = ProjectLoad(path, self)
        self.pending_load = load
        size = f"{path.stat().st_size / 2**20:.0f}"
        progress = QProgressDialog(
            self.tr("Opening “%s” (%s MiB)…") % (path.name, size),
            self.tr("Cancel"),
            0,
            0,  # no steps to count: a busy bar
            self._window,
        )
        progress.setObjectName("openProgress")
        progress.setWindowTitle(self.tr("Opening project"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.canceled.connect(load.cancel)
        progress.canceled.connect(lambda: self._end_background_open(progress, False))
        load.loaded.connect(lambda project: self._on_loaded(progress, path, project))
        load.failed.connect(lambda error: self._on_load_failed(progress, path, error))
        progress.show()
        load.start()

    def _on_loaded(self, progress: QProgressDialog, path: Path, project) -> None:
        progress.reset()
        self._document.open_loaded(project, path)
        recent_files.remember(path)
        self.recentChanged.emit()
        self.statusMessage.emit(self.tr("Opened %s") % path)
        self._end_background_open(progress, True)

    def _on_load_failed(self, progress: QProgressDialog, path: Path, error) -> None:
        progress.reset()
        message = model_message(error) if isinstance(error, ProjectFileError) else str(error)
        self._end_background_open(progress, False)
        self._report_open_failure(path, message)

    def _end_background_open(self, progress: QProgressDialog, opened: bool) -> None:
        progress.deleteLater()
        self.pending_load = None
        self.backgroundOpenFinished.emit(opened)

    def _report_open_failure(self, path: Path, message: str) -> None:
        QMessageBox.critical(
            self._window,
            self.tr("Cannot open project"),
            self.tr("BP Studio cannot open “%s”:\n\n%s\n\nYour current work is unchanged.")
            % (path.name, message),
        )
        self.statusMessage.emit(self.tr("Could not open %s") % path)

    # saving -----------------------------------------------------------------------------
    def save(self) -> bool:
        if self._document.file_path is None:
            return self.save_as()
        return self._save_to(self._document.file_path)

    def save_as(self) -> bool:
        suggestion = str(self._document.file_path or "")
        if not suggestion:  # never saved: the project's own name, in the last folder used
            name = _file_name_of(self._document.project.name) + ".json"
            suggestion = str(Path(self._start_folder()) / name)
        path, _filter = QFileDialog.getSaveFileName(
            self._window, self.tr("Save project as"), suggestion, self._file_filter()
        )
        return bool(path) and self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        try:
            if saves_at_once(self._document.project.network):
                self._document.save(path)
            else:
                self._save_in_background(path)
        except (OSError, ValueError) as exc:  # ValueError: a number a project file cannot hold
            QMessageBox.critical(
                self._window,
                self.tr("Cannot save project"),
                self.tr("BP Studio cannot save “%s”:\n\n%s") % (path, _reason(exc)),
            )
            return False
        path = self._document.file_path
        recent_files.remember(path)
        self.recentChanged.emit()
        self.statusMessage.emit(self.tr("Saved %s") % path)
        return True

    def _save_in_background(self, path: Path) -> None:
        """Write a big project in a child process (controller.project_saver) while a progress
        box keeps the window painting; its modality keeps the document as it is until the
        file is whole.  Raises what the writer raised."""
        document = self._document
        target, project = document.save_target(path), document.project
        self.saving = BackgroundJob(self)
        progress = QProgressDialog(
            self.tr("Saving “%s”…") % target.name,
            "",
            0,
            0,
            self._window,  # a busy bar
        )
        progress.setObjectName("saveProgress")
        progress.setWindowTitle(self.tr("Saving project"))
        progress.setCancelButton(None)  # the old file stays whole until the new one is
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        waiting = QEventLoop(self)
        self.saving.changed.connect(lambda: self.saving.busy or waiting.quit())
        self.saving.run(write_in_child, (project, target), at_once=False)
        progress.show()
        waiting.exec()
        progress.reset()
        progress.deleteLater()
        (error,) = self.saving.result
        self.saving = None
        if error is not None:
            raise error
        # Modified still if something (training reaching a stop) changed it meanwhile.
        document.mark_saved(target, clean=document.project is project)

    def _file_filter(self) -> str:
        return self.tr("BP Studio projects (*.json);;All files (*)")

    def _start_folder(self) -> str:
        if self._document.file_path is not None:
            return str(self._document.file_path.parent)
        recent = recent_files.recent_files()
        return str(recent[0].parent) if recent else str(Path.home())


def _file_name_of(project_name: str) -> str:
    """The project's name as a file name: no folder separators, nothing empty."""
    name = project_name.replace("/", "-").replace("\\", "-").strip(" .")
    return name or "project"


def _reason(exc: Exception) -> str:
    return (exc.strerror if isinstance(exc, OSError) else None) or model_message(exc)
