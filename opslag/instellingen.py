"""The user's settings file: the recently opened municipality files and the chosen backup folder.

Where it lives, and the one setting every opening reads without pydantic, is `opslag.mappen`.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ValidationError

from opslag.mappen import instellingen_pad

MAXIMUM = 10


class Instellingen(BaseModel):
    recente_bestanden: list[str] = []
    reservekopie_map: str | None = None  # default: a folder 'reservekopieen' next to the file


def _pad() -> Path:
    return instellingen_pad()


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
