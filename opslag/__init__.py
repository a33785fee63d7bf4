"""Storage and domain model of Tripartiet: one SQLite file per municipality.

This package must never import Textual (tests/test_importhygiene.py guards it), so that export,
checks and repairs work headless from the command line.
"""

import os as _os

# Pydantic looks for plugins through package metadata at the first model; Tripartiet uses none,
# and the scan costs start-up time (importlib.metadata, email, zipfile).
_os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
