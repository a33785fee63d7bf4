"""A `-wal` or `-journal` a crash left beside a municipality file.

A crash can leave a `-wal` or `-journal` that SQLite applies at the next opening. Usually that is
exactly right (it finishes or undoes the last save), but one that does not belong to the file (a
file replaced by a copy from e-mail, with the old `-wal` still beside it) would silently corrupt
it. So a leftover is first tried on a copy in a temporary folder, and only applied when the copy
comes out whole; otherwise it is set aside under another name, never deleted.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import tempfile
from pathlib import Path

from opslag import fouten, zijbestanden
from opslag.kop import controleer


def _gebrek(kopie: Path) -> str | None:
    """Why the copy (with its side files applied) is not a whole Tripartiet file, or None."""
    try:
        zijbestanden.maak_los(kopie)
        conn = sqlite3.connect(f"{kopie.resolve().as_uri()}?immutable=1", uri=True)
        try:
            resultaat = conn.execute("PRAGMA quick_check").fetchone()[0]
            gemeente = conn.execute("SELECT naam FROM gemeente WHERE id = 1").fetchone()
        finally:
            conn.close()
        if resultaat != "ok":
            return resultaat
        controleer(kopie)
    except sqlite3.DatabaseError as fout:
        return str(fout)
    except fouten.BestandFout as fout:
        return str(fout).removeprefix(f"{kopie}: ")
    return None if gemeente else "de gemeente ontbreekt"


def _gemeente(kopie: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"{kopie.resolve().as_uri()}?immutable=1", uri=True)
        try:
            rij = conn.execute("SELECT naam FROM gemeente WHERE id = 1").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
    return rij[0] if rij else None


def pas_achtergebleven_toe(pad: Path, achtervoegsel: str) -> str | None:
    """Before opening for writing (the caller holds the file's lock): try a leftover -wal or
    -journal on a copy. Whole: it is applied (a journal here, a WAL by the opening itself).
    Broken while the file alone is whole: it is set aside and a Dutch warning is returned."""
    try:
        return _pas_toe(pad, achtervoegsel)
    except OSError:
        return None  # no room to try it on a copy: SQLite applies it, as it always did


def _pas_toe(pad: Path, achtervoegsel: str) -> str | None:
    bijbestand = zijbestanden.zijbestand(pad, achtervoegsel)
    if not zijbestanden.heeft_inhoud(bijbestand):
        return None
    with tempfile.TemporaryDirectory(prefix="tripartiet-") as tijdelijk:
        met = zijbestanden.kopieer(pad, Path(tijdelijk), (achtervoegsel,))
        gebrek = _gebrek(met)
        if gebrek is None and achtervoegsel == zijbestanden.WAL:
            los = Path(tijdelijk) / "los"
            los.mkdir()
            zonder = zijbestanden.kopieer(pad, los, ())
            # A WAL of another municipality's file can fit page by page; its name gives it away.
            # (A -journal can't: rolling back never writes over the municipality row.)
            eigen, vreemd = _gemeente(zonder), _gemeente(met)
            if eigen is not None and vreemd is not None and eigen != vreemd:
                gebrek = f"het hoort bij het bestand van {vreemd}"
        if gebrek is None:
            if achtervoegsel == zijbestanden.JOURNAAL:
                zijbestanden.maak_los(pad)  # the same rollback SQLite would do, now that it is known to be sound
            return None
        los = Path(tijdelijk) / "alleen"
        los.mkdir()
        if _gebrek(zijbestanden.kopieer(pad, los, ())) is not None:
            return None  # the file itself is damaged too: leave all as it is, opening reports it
    apart = bijbestand.with_name(f"{bijbestand.name}.apart-{dt.datetime.now():%Y%m%d-%H%M%S}")
    os.replace(bijbestand, apart)
    return (
        f"Naast het bestand stond een los wijzigingenbestand ('{bijbestand.name}') dat er niet bij hoort "
        f"of beschadigd is ({gebrek}). Het is niet toegepast maar bewaard als '{apart.name}'; het bestand "
        "is geopend zoals het de laatste keer volledig is opgeslagen. Controleer of uw laatste wijzigingen er zijn."
    )
