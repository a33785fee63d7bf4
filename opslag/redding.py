"""Typed text that could not go into the municipality file is written to a plain text file.

Used when a save failed (disk full, file read-only or gone) and the minute-taker quits anyway, or
when the terminal is closed: the text then survives outside the database, which is never touched.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from opslag.fouten import SchrijfFout


def bewaar_los(gemeentebestand: Path, tekst: str, nu: dt.datetime | None = None) -> Path:
    """Write `tekst` to a new `<name>-niet-bewaard-<time>.txt` beside the file (else in the home
    folder) and return where; an existing file is never overwritten."""
    stempel = f"{nu or dt.datetime.now():%Y%m%d-%H%M%S}"
    reden: OSError | None = None
    for map_ in dict.fromkeys((gemeentebestand.parent, Path.home())):
        for volgnummer in range(1, 100):
            doel = map_ / f"{gemeentebestand.stem}-niet-bewaard-{stempel}{'' if volgnummer == 1 else f'-{volgnummer}'}.txt"
            try:
                uit = open(doel, "x", encoding="utf-8")  # noqa: SIM115  'x': never over an existing file
            except FileExistsError:
                continue
            except OSError as fout:
                reden = fout
                break
            try:
                with uit:
                    uit.write(tekst)
                    uit.flush()
                    os.fsync(uit.fileno())  # the reason to be here may be a dying laptop
            except OSError as fout:
                reden = fout
                doel.unlink(missing_ok=True)  # half a text looks whole; better none
                break
            return doel
    raise SchrijfFout(gemeentebestand, f"de tekst kon ook niet in een apart tekstbestand worden bewaard ({reden}).")
