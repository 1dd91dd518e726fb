"""extract: actors, statements and allegations from news articles, grounded in the text."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("extract")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__"]
