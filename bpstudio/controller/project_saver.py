"""Writing a big project file without freezing the window: encoded and written in a child.

The JSON encoder runs in Python and holds the interpreter lock (a 10^6-weight project takes
seconds), so on a thread of the window's process it still froze the window for most of a
second at a time.  A child process (started like the training's and the loader's: never a
fork of the GUI) gets the project (its arrays pickle as bytes, fast), writes it through
save_project (atomic), and answers through a pipe.  Call write_in_child on a thread.
"""

from __future__ import annotations

from pathlib import Path

from bpstudio.model.project import Project, save_project


def _save_in_child(project: Project, target: str, connection) -> None:
    """The child's main: send None, or the error (as text when it would not pickle)."""
    try:
        save_project(project, target)
        result = None
    except (OSError, ValueError) as exc:
        result = exc
    except Exception as exc:  # noqa: BLE001 - any failure is reported, never lost
        result = OSError(f"{type(exc).__name__}: {exc}")
    try:
        connection.send(result)
    except Exception:  # noqa: BLE001 - any failure is reported, never lost
        connection.send(OSError(str(result)))
    connection.close()


def write_in_child(project: Project, target: Path) -> tuple[Exception | None]:
    """Save ``project`` to ``target`` in a child process and wait for it (on a thread of
    the window's): (None,) or (the error,)."""
    from bpstudio.controller.training_process import _process_context

    try:
        context = _process_context()
        receiving, sending = context.Pipe(duplex=False)
        process = context.Process(
            target=_save_in_child, args=(project, str(target), sending), daemon=True
        )
        process.start()
        sending.close()  # the child has its own end: recv() ends if the child dies
        error = receiving.recv()
        process.join(timeout=5.0)
    except EOFError:
        error = OSError("the process writing the file ended before it finished")
    except Exception as exc:  # noqa: BLE001 - no child, no pipe: reported, never left waiting
        error = OSError(f"{type(exc).__name__}: {exc}")
    return (error,)
