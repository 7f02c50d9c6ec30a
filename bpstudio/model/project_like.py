"""What the walkthrough and the practice read of a project, as a type.

``model.project`` imports the practice (a project keeps its practice progress), so the practice
and the derivation cannot import ``Project`` back without an import circle; they name this
protocol instead, and a ``Project`` satisfies it.
"""

from __future__ import annotations

from dataclasses import Field
from typing import Any, ClassVar, Protocol, Self, TypeVar

from bpstudio.model.data.dataset import Dataset
from bpstudio.model.network import Network
from bpstudio.model.training import TrainingConfig


class ProjectLike(Protocol):
    """A network, its data, its loss and its training settings (``model.project.Project``)."""

    # A dataclass: a new exercise is a dataclasses.replace() of a copy.
    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    @property
    def network(self) -> Network: ...

    @property
    def dataset(self) -> Dataset: ...

    @property
    def loss(self) -> str: ...

    @property
    def training(self) -> TrainingConfig: ...

    def copy(self) -> Self: ...


# A function that hands back the kind of project it was given (a copy with new numbers).
ProjectT = TypeVar("ProjectT", bound=ProjectLike)
