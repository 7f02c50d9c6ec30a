"""The command line's output and Ctrl+C: never a traceback for an ordinary event.

- A reader that goes away (``bpstudio train p.json | head -1``): later output is dropped, the
  work goes on (``--out`` is still written), and the interpreter's last flush finds
  /dev/null instead of raising BrokenPipeError.
- A terminal that cannot show a character (``PYTHONIOENCODING=ascii``): it is written
  escaped (``\\u03b7``), never a UnicodeEncodeError.
- Ctrl+C: `Interrupts` turns SIGINT into a flag that a long loop checks between steps, so it
  stops at a consistent point (a step boundary) instead of wherever the signal lands.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
import threading
from collections.abc import Iterator

EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a program stopped by Ctrl+C


def bad_input(verb: str, message: str) -> int:
    """Say what is wrong on standard error, as `bpstudio VERB: ...`; the exit status for it."""
    print(f"bpstudio {verb}: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def deliver_text(verb: str, text: str, out: str | None, source: str) -> int:
    """``text`` to standard output, or written atomically to ``out`` (never over ``source``,
    the input); the exit status."""
    from bpstudio.i18n.cli_text import translate
    from bpstudio.i18n.model_messages import model_message
    from bpstudio.model.safe_files import FileWriteError, write_file

    if out is None:
        sys.stdout.write(text)
        return 0
    try:
        write_file(out, text, source=source)
    except FileWriteError as exc:
        return bad_input(verb, model_message(exc, translate))
    print(translate("cli", "wrote %s") % out, file=sys.stderr)
    return 0


class PipeSafeStream(io.TextIOBase):
    """A text stream whose reader may close the pipe: after that, writes go nowhere."""

    def __init__(self, stream) -> None:
        super().__init__()
        self._stream = stream
        self.broken = False

    def write(self, text: str) -> int:
        if not self.broken:
            try:
                self._stream.write(text)
            except BrokenPipeError:
                self._break()
        return len(text)

    def flush(self) -> None:
        if not self.broken:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._break()

    def isatty(self) -> bool:
        return not self.broken and self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def encoding(self) -> str:
        return getattr(self._stream, "encoding", "utf-8")

    @property
    def errors(self) -> str | None:
        return getattr(self._stream, "errors", None)

    def writable(self) -> bool:
        return True

    def _break(self) -> None:
        self.broken = True
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)


@contextlib.contextmanager
def safe_streams() -> Iterator[None]:
    """stdout and stderr escape what the terminal cannot show and survive a closed pipe."""
    saved = sys.stdout, sys.stderr
    for stream in saved:
        if stream is not None and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors="backslashreplace")
    sys.stdout = PipeSafeStream(saved[0]) if saved[0] is not None else None
    sys.stderr = PipeSafeStream(saved[1]) if saved[1] is not None else None
    try:
        yield
    finally:
        for wrapped in (sys.stdout, sys.stderr):
            if wrapped is not None:
                wrapped.flush()
        sys.stdout, sys.stderr = saved


class Interrupts:
    """While active, Ctrl+C sets ``requested`` instead of raising KeyboardInterrupt (on the
    main thread; elsewhere signals cannot be handled and nothing changes)."""

    def __init__(self) -> None:
        self.requested = False
        self._previous = None

    def __enter__(self) -> Interrupts:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._on_interrupt)
        return self

    def __exit__(self, *_exc) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None

    def _on_interrupt(self, _signum, _frame) -> None:
        self.requested = True
