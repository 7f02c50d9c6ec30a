"""The NumPy engine: networks, losses, training, the project file.  Never imports Qt."""

from bpstudio.model.activations import ACTIVATION_NAMES, ACTIVATIONS, get_activation
from bpstudio.model.data.dataset import Dataset
from bpstudio.model.gradcheck import GradientCheck, gradient_check
from bpstudio.model.history import LossHistory
from bpstudio.model.initialisation import SCHEMES, InitScheme, initialise
from bpstudio.model.losses import LOSS_NAMES, LOSSES, get_loss
from bpstudio.model.network import Network
from bpstudio.model.project import (
    FORMAT_VERSION,
    Project,
    load_project,
    loads,
    save_project,
)
from bpstudio.model.trace import ForwardTrace, Gradients
from bpstudio.model.training import DivergenceError, StepResult, Trainer, TrainingConfig
from bpstudio.model.validation import ProjectFileError

__all__ = [
    "ACTIVATIONS",
    "ACTIVATION_NAMES",
    "FORMAT_VERSION",
    "LOSSES",
    "LOSS_NAMES",
    "SCHEMES",
    "Dataset",
    "DivergenceError",
    "ForwardTrace",
    "GradientCheck",
    "Gradients",
    "InitScheme",
    "LossHistory",
    "Network",
    "Project",
    "ProjectFileError",
    "StepResult",
    "Trainer",
    "TrainingConfig",
    "get_activation",
    "get_loss",
    "gradient_check",
    "initialise",
    "load_project",
    "loads",
    "save_project",
]
