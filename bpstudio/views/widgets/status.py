"""What a helper is given to say something in the window's status bar, instead of the window
(the main window's `show_status`, or a helper's `statusMessage.emit`)."""

from __future__ import annotations

from collections.abc import Callable

ShowStatus = Callable[[str], None]
