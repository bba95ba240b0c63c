"""okrs: an open-source OKR system for product organizations."""

__version__ = "0.1.0"
