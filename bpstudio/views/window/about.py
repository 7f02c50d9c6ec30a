"""The About box: version, what BP Studio is, and the licences of what it is built on."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from bpstudio import __version__
from bpstudio.views.widgets.language import translate

LICENCES = (
    ("Qt", "LGPL-3.0", "https://www.qt.io/licensing/"),
    ("PySide6 (Qt for Python)", "LGPL-3.0", "https://doc.qt.io/qtforpython-6/licenses.html"),
    ("NumPy", "BSD-3-Clause", "https://numpy.org/doc/stable/license.html"),
    ("pyqtgraph", "MIT", "https://github.com/pyqtgraph/pyqtgraph/blob/master/LICENSE.txt"),
    ("ziamath", "MIT", "https://github.com/cdelker/ziamath/blob/main/LICENSE"),
)


def about_html() -> str:
    link = translate("About", "licence text")
    rows = "".join(
        f"<tr><td>{name}</td><td>&nbsp;{licence}&nbsp;</td><td><a href='{url}'>{link}</a></td></tr>"
        for name, licence, url in LICENCES
    )
    tagline = translate(
        "About", "See backpropagation happen, and step through it with real numbers."
    )
    built_with = translate(
        "About",
        "Built with Qt %s and PySide6 %s, used under the LGPL "
        "(you may replace the Qt libraries with your own build).",
    ) % (qVersion(), pyside_version)
    return (
        f"<h3>BP Studio {__version__}</h3><p>{tagline}</p><p>{built_with}</p><table>{rows}</table>"
    )


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, translate("About", "About BP Studio"), about_html())
