"""File > Export handout…: the current walkthrough in four formats, in the interface language;
the PDF from Qt's own writer (no TeX)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from bpstudio.views.walkthrough.handout_export import file_filters, pdf_document, target_path
from bpstudio.views.widgets import language
from tests.views.window_support import close_inside_the_test, shown_window


def export_to(window, monkeypatch, path: Path, chosen: str = "") -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), chosen))
    window.findChild(QAction, "actionExportHandout").trigger()


@pytest.mark.parametrize(
    ("suffix", "marker"),
    [(".md", "# Backpropagation"), (".tex", r"\documentclass"), (".html", "<!DOCTYPE html>")],
)
def test_the_text_formats_hold_the_current_walkthrough(
    qtbot, monkeypatch, tmp_path, suffix, marker
):
    window = shown_window(qtbot, monkeypatch)
    target = tmp_path / f"handout{suffix}"
    export_to(window, monkeypatch, target)
    text = target.read_text(encoding="utf-8")
    assert marker in text and "the next training step (step 1)" in text
    assert f"handout{suffix}" in window.statusBar().currentMessage()
    assert not list(tmp_path.glob(".*tmp"))  # the temporary file went
    close_inside_the_test(window)


def test_the_pdf_is_written_by_qt_with_every_formula(qtbot, monkeypatch, tmp_path):
    window = shown_window(qtbot, monkeypatch)
    target = tmp_path / "handout"  # no suffix: the chosen filter's
    export_to(window, monkeypatch, target, "PDF document (*.pdf)")
    pdf = (tmp_path / "handout.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and b"%%EOF" in pdf[-64:]
    derivation = window.workspace.cursor.derivation
    document = pdf_document(derivation)
    images = document.toPlainText().count("\ufffc")
    assert images >= 2 * len(derivation.steps)  # every formula (and the closing notes)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 2  # a handout of several pages
    close_inside_the_test(window)


def test_the_handout_follows_the_interface_language(qtbot, monkeypatch, tmp_path):
    switcher = language.switcher()
    assert switcher.apply(language.CHINESE)
    QCoreApplication.processEvents()
    try:
        window = shown_window(qtbot, monkeypatch)
        assert "PDF" in file_filters() and "网页" in file_filters()
        export_to(window, monkeypatch, tmp_path / "讲义.md")
        text = (tmp_path / "讲义.md").read_text(encoding="utf-8")
        assert "BP 算法逐步推导" in text and "正向传播" in text
        close_inside_the_test(window)
    finally:
        switcher.apply(language.ENGLISH)
        QCoreApplication.processEvents()


def test_a_typed_suffix_wins_over_the_filter():
    assert target_path("/x/notes.tex", "PDF document (*.pdf)") == Path("/x/notes.tex")
    assert target_path("/x/notes", "Web page (*.html)") == Path("/x/notes.html")


def test_a_folder_that_cannot_be_written_is_reported(qtbot, monkeypatch, tmp_path):
    window = shown_window(qtbot, monkeypatch)
    export_to(window, monkeypatch, tmp_path / "missing" / "handout.md")
    assert "Could not export the handout" in window.statusBar().currentMessage()
    close_inside_the_test(window)
