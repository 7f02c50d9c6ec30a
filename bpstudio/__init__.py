"""BP Studio: see backpropagation happen, and step through it with real numbers."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("bpstudio")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
