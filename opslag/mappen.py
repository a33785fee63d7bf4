"""The user's folders (settings, data, cache), and the one setting every opening needs.

Free of pydantic: the app reads these on its way to the first screen. The settings file itself is
read and written with its pydantic model in `opslag.instellingen`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path


def _gebruikersmap(eigen: str, xdg: str, standaard: str) -> Path:
    """Our own variable (the tests set it), else the XDG one, else the XDG default under home."""
    if waarde := os.environ.get(eigen):
        return Path(waarde)
    return Path(os.environ.get(xdg) or Path.home() / standaard) / "tripartiet"


def instellingen_map() -> Path:
    return _gebruikersmap("TRIPARTIET_CONFIG", "XDG_CONFIG_HOME", ".config")


def data_map() -> Path:
    return _gebruikersmap("TRIPARTIET_DATA", "XDG_DATA_HOME", ".local/share")


def cache_map() -> Path:
    """What can be thrown away: compiled export templates."""
    return _gebruikersmap("TRIPARTIET_CACHE", "XDG_CACHE_HOME", ".cache")


def instellingen_pad() -> Path:
    return instellingen_map() / "instellingen.json"


def gekozen_reservekopie_map() -> str | None:
    """The backup folder set in the settings, read at every opening. Only this one value is
    looked at, so a broken or unknown rest of the file does not matter here; what is not a text
    counts as not set, as it does for `opslag.instellingen.lees_instellingen`."""
    try:
        waarde = json.loads(instellingen_pad().read_text(encoding="utf-8")).get("reservekopie_map")
    except (OSError, ValueError, AttributeError):
        return None
    return waarde if isinstance(waarde, str) else None
