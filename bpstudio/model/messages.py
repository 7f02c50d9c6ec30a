"""The model's messages to the user: an English template with named parameters.

bpstudio.model never imports Qt, so it cannot translate.  An error that a student can meet
carries a Message instead of a finished sentence: ``str(error)`` is the English text (for the
command line, logs and tests), and the interface translates the template and fills in the same
parameters (bpstudio/i18n/model_messages.py).  Field paths, numbers and names taken from the
user's files are parameters and stay as they are; a parameter that is itself a Message (the
reason after a field path, say) is translated too.

    raise ModelError("layer {layer} has no unit {unit} (units are 1 .. {n})", layer=3, unit=4, n=2)

A template is a ``str.format`` string; a parameter with ``!r`` is shown quoted.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from typing import Any


class Message:
    """An English template and its parameters; ``str()`` is the English sentence."""

    __slots__ = ("params", "template")

    def __init__(self, template: str, /, **params: Any) -> None:
        self.template = template
        self.params = params

    def render(self, template: str | None = None, nested: Callable[[Message], str] = str) -> str:
        """``template`` (by default the English one) filled in; Message parameters are shown
        by ``nested``.  Without parameters the template is the text, braces and all."""
        template = self.template if template is None else template
        if not self.params:
            return template
        values = {k: nested(v) if isinstance(v, Message) else v for k, v in self.params.items()}
        return template.format(**values)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Message({self.template!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.template, self.params) == (other.template, other.params)

    def __hash__(self) -> int:
        return hash(self.template)


class ModelError(ValueError):
    """A ValueError whose text is a Message: ``ModelError(template, **params)`` or
    ``ModelError(message)``."""

    def __init__(self, message: Message | str, /, **params: Any) -> None:
        if not isinstance(message, Message):
            message = Message(message, **params)
        self.message = message
        super().__init__(str(message))

    def __reduce__(self):  # pickled (a worker process, say) with its Message
        return (type(self), (self.message,))


def message_of(error: BaseException | Message | str) -> Message:
    """The Message of a ModelError; any other error's (or text's) English as a Message."""
    if isinstance(error, Message):
        return error
    message = getattr(error, "message", None)
    if isinstance(message, Message):
        return message
    return Message(str(error))


def one_of(names) -> Message | str:
    """``a or b`` (``a or b or c``) of names that stay as they are."""
    names = [str(n) for n in names]
    if len(names) < 2:
        return "".join(names)
    return Message("{first} or {second}", first=names[0], second=one_of(names[1:]))


_OS_REASONS = {
    errno.ENOENT: "No such file or directory",
    errno.EACCES: "Permission denied",
    errno.EPERM: "Permission denied",
    errno.EISDIR: "Is a directory",
}


def os_reason(exc: OSError) -> Message:
    """Why a file could not be read: the common reasons in fixed words (the same on every
    system, so the interface can translate them); any other in the system's words."""
    reason = _OS_REASONS.get(exc.errno) if exc.errno is not None else None
    return Message(reason if reason else (exc.strerror or str(exc)))
