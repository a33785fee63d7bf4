"""Storage and domain model of Tripartiet: one SQLite file per municipality.

This package must never import Textual (tests/test_importhygiene.py guards it), so that export,
checks and repairs work headless from the command line.
"""
