"""The Textual app of Tripartiet."""

__version__ = "0.1.0"
