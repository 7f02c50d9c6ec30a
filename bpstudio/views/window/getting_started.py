"""Help > Getting started: the seed network's lesson in a few steps, shown on the first start.

"First start" means the first start with this user's settings: a saved flag says the page
was shown, and it is not offered again (Help > Getting started opens it at any time).  Tests,
the packaging smoke test and ``--self-test-screenshot`` start with the flag set.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from bpstudio.views.widgets.language import Retranslating, translate

SEEN_KEY = "help/gettingStartedSeen"
CORNER_MARGIN = 24


def is_seen() -> bool:
    return QSettings().value(SEEN_KEY, False, type=bool)


def mark_seen() -> None:
    QSettings().setValue(SEEN_KEY, True)


def _steps() -> list[tuple[str, str]]:
    """(title, what to do and what to look at), in the order of the seed's lesson."""
    return [
        (
            translate("GettingStarted", "The diagram"),
            translate(
                "GettingStarted",
                "The middle shows the seed network: three inputs x on the left, two hidden "
                "units, two outputs. Each line is a weight w: blue when positive, orange when "
                "negative, wider when larger. Each circle shows its unit's activation a.",
            ),
        ),
        (
            translate("GettingStarted", "Step through one pass: press →"),
            translate(
                "GettingStarted",
                "The Walkthrough panel on the right shows one formula at a time, first with "
                "symbols, then with the numbers. The diagram highlights in magenta what the "
                "formula uses. The forward pass comes first, then the error E, then the "
                "backward pass (each gradient ∂E/∂w), then the weight update. ← goes back.",
            ),
        ),
        (
            translate("GettingStarted", "Train: press Play (Space)"),
            translate(
                "GettingStarted",
                "The Training panel repeats the update, step after step, at a pace you can "
                "follow: watch the weights change and the loss curve fall. Flat out trains as "
                "fast as the computer can; Pause stops, and the walkthrough follows again.",
            ),
        ),
        (
            translate("GettingStarted", "Try your own"),
            translate(
                "GettingStarted",
                "Double-click a weight to change it (Ctrl+Z undoes), or open another example "
                "from File ▸ New from example: XOR needs its hidden layer to learn.",
            ),
        ),
    ]


def steps_html() -> str:
    items = "".join(f"<li><p><b>{title}</b><br>{text}</p></li>" for title, text in _steps())
    intro = translate(
        "GettingStarted", "BP Studio shows how a network learns by backpropagation, step by step."
    )
    return f"<p>{intro}</p><ol>{items}</ol>"


class GettingStartedDialog(Retranslating, QDialog):
    """Non-modal: the student keeps it open beside the window while trying the steps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gettingStartedDialog")
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.browser = QTextBrowser(objectName="gettingStartedText")
        self.browser.setOpenExternalLinks(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.buttons)
        self.resize(540, 420)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("GettingStarted", "Getting started"))
        self.browser.setHtml(steps_html())
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(translate("GettingStarted", "Close"))


def show_getting_started(window) -> GettingStartedDialog:
    """Open (or bring back) the window's Getting started page; it counts as seen."""
    dialog = window.findChild(GettingStartedDialog)
    if dialog is None:
        dialog = GettingStartedDialog(window)
    mark_seen()
    if dialog.isVisible():  # already open, maybe behind the window: bring it to the front
        dialog.raise_()
        dialog.activateWindow()
        return dialog
    _place_beside(dialog, window)
    dialog.show()
    return dialog


def offer_on_first_start(window) -> GettingStartedDialog | None:
    """Show the page if this user's settings have never shown it."""
    if is_seen():
        return None
    return show_getting_started(window)


def _place_beside(dialog: QDialog, window) -> None:
    """In the window's bottom-right corner (over the loss plot, empty at a first start), so
    the diagram it describes stays in view; always inside the screen."""
    screen = window.screen()
    if screen is None:
        return
    available = screen.availableGeometry()
    frame = window.frameGeometry()
    size = dialog.size().boundedTo(available.size())
    x = frame.right() - size.width() - CORNER_MARGIN
    y = frame.bottom() - size.height() - CORNER_MARGIN
    x = min(max(available.left(), x), available.right() - size.width())
    y = min(max(available.top(), y), available.bottom() - size.height())
    dialog.setGeometry(x, y, size.width(), size.height())
