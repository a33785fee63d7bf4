"""The list of recently opened municipality files, kept in the user's configuration folder."""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import BaseModel, ValidationError

MAXIMUM = 10


class Instellingen(BaseModel):
    recente_bestanden: list[str] = []
    reservekopie_map: str | None = None  # default: a folder 'reservekopieen' next to the file


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


def _pad() -> Path:
    return instellingen_map() / "instellingen.json"


def lees_instellingen() -> Instellingen:
    try:
        return Instellingen.model_validate_json(_pad().read_text(encoding="utf-8"))
    except (OSError, ValidationError, ValueError):
        return Instellingen()  # a missing or broken settings file must never stop the app


def recente_bestanden() -> list[Path]:
    return [Path(p) for p in lees_instellingen().recente_bestanden if Path(p).exists()]


def onthoud_bestand(pad: Path) -> None:
    instellingen = lees_instellingen()
    pad_tekst = str(pad.resolve())
    lijst = [p for p in instellingen.recente_bestanden if p != pad_tekst]
    instellingen.recente_bestanden = [pad_tekst, *lijst][:MAXIMUM]
    try:
        _pad().parent.mkdir(parents=True, exist_ok=True)
        tijdelijk = _pad().with_suffix(".tmp")
        tijdelijk.write_text(json.dumps(instellingen.model_dump(), indent=2), encoding="utf-8")
        tijdelijk.replace(_pad())
    except OSError:
        pass  # remembering is a convenience; a read-only home folder is no reason to fail
