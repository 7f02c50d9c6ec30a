"""The About box: version, what BP Studio is, and the licences of what it is built on."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from bpstudio import __version__

LICENCES = (
    ("Qt", "LGPL-3.0", "https://www.qt.io/licensing/"),
    ("PySide6 (Qt for Python)", "LGPL-3.0", "https://doc.qt.io/qtforpython-6/licenses.html"),
    ("NumPy", "BSD-3-Clause", "https://numpy.org/doc/stable/license.html"),
    ("pyqtgraph", "MIT", "https://github.com/pyqtgraph/pyqtgraph/blob/master/LICENSE.txt"),
    ("ziamath", "MIT", "https://github.com/cdelker/ziamath/blob/main/LICENSE"),
)


def about_html() -> str:
    rows = "".join(
        f"<tr><td>{name}</td><td>&nbsp;{licence}&nbsp;</td>"
        f"<td><a href='{url}'>licence text</a></td></tr>"
        for name, licence, url in LICENCES
    )
    return (
        f"<h3>BP Studio {__version__}</h3>"
        "<p>See backpropagation happen, and step through it with real numbers.</p>"
        f"<p>Built with Qt {qVersion()} and PySide6 {pyside_version}, used under the LGPL "
        "(you may replace the Qt libraries with your own build).</p>"
        f"<table>{rows}</table>"
    )


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, parent.tr("About BP Studio"), about_html())
