"""The user's settings file: the recently opened municipality files and the chosen backup folder.

Read and written without pydantic, by hand-checked types: the start screen lists the recent files
before the first paint, and the app remembers its file just after it; pydantic costs some 6 MB
from the moment it is imported (tests/bench/snelheid.py, figure 5). Where the file lives is
`opslag.mappen`."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from opslag.mappen import instellingen_pad

MAXIMUM = 10


@dataclass
class Instellingen:
    recente_bestanden: list[str] = field(default_factory=list)
    reservekopie_map: str | None = None  # default: a folder 'reservekopieen' next to the file


def _pad() -> Path:
    return instellingen_pad()


def lees_instellingen() -> Instellingen:
    try:
        gegevens = json.loads(_pad().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Instellingen()  # a missing or broken settings file must never stop the app
    if not isinstance(gegevens, dict):
        return Instellingen()
    recent = gegevens.get("recente_bestanden", [])
    kopie = gegevens.get("reservekopie_map")
    if not isinstance(recent, list) or not all(isinstance(p, str) for p in recent) or not isinstance(kopie, str | None):
        return Instellingen()
    return Instellingen(recent, kopie)


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
        tijdelijk.write_text(json.dumps(asdict(instellingen), indent=2), encoding="utf-8")
        tijdelijk.replace(_pad())
    except OSError:
        pass  # remembering is a convenience; a read-only home folder is no reason to fail
