"""Storage and domain model of Tripartiet: one SQLite file per municipality.

This package never imports Textual, Rich or tui (the import-linter contracts in pyproject.toml and
tests/app/test_importhygiene.py guard it), so that export, checks and repairs work headless from the
command line.
"""

import os as _os

# Pydantic looks for plugins through package metadata at the first model; Tripartiet uses none,
# and the scan costs start-up time (importlib.metadata, email, zipfile).
_os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
