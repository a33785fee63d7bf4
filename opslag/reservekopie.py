"""Backups of a municipality file: consistent copies through SQLite's online backup API.

A copy is made before any schema migration and on the first opening of each day. They rotate
(the newest MAXIMUM are kept) in a folder next to the file, or in the folder the user set.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from opslag import fouten

MAXIMUM = 20
MAPNAAM = "reservekopieen"


@dataclass(frozen=True, slots=True)
class Reservekopie:
    pad: Path
    tijdstip: dt.datetime
    grootte: int

    @property
    def omschrijving(self) -> str:
        return f"{self.tijdstip:%d-%m-%Y %H:%M:%S}  ({self.grootte / 1024:.0f} kB)  {self.pad.name}"


def reservekopie_map(pad: Path) -> Path:
    eigen = os.environ.get("TRIPARTIET_RESERVEKOPIE")
    if eigen:
        return Path(eigen)
    from opslag.mappen import gekozen_reservekopie_map

    gekozen = gekozen_reservekopie_map()
    return Path(gekozen) if gekozen else pad.parent / MAPNAAM


def reservekopieen(pad: Path) -> list[Reservekopie]:
    """The backups of `pad`, newest first."""
    map_ = reservekopie_map(pad)
    kopieen = []
    for kandidaat in map_.glob(f"{pad.stem}-*.sqlite"):
        tijd = kandidaat.stem.removeprefix(f"{pad.stem}-")
        try:
            tijdstip = dt.datetime.strptime(tijd, "%Y%m%d-%H%M%S-%f")
        except ValueError:
            continue
        kopieen.append(Reservekopie(pad=kandidaat, tijdstip=tijdstip, grootte=kandidaat.stat().st_size))
    return sorted(kopieen, key=lambda k: k.tijdstip, reverse=True)


def vandaag_al_gemaakt(pad: Path) -> bool:
    # Names only: this runs at every start, so no stat calls and no models.
    return any(reservekopie_map(pad).glob(f"{pad.stem}-{dt.date.today():%Y%m%d}-*.sqlite"))


def maak_reservekopie(pad: Path, bron: sqlite3.Connection | None = None) -> Path:
    """Copy `pad` consistently (also while it is open in WAL mode) and rotate the old copies."""
    map_ = reservekopie_map(pad)
    try:
        map_.mkdir(parents=True, exist_ok=True)
        doel = map_ / f"{pad.stem}-{dt.datetime.now():%Y%m%d-%H%M%S-%f}.sqlite"
        tijdelijk = doel.with_suffix(".tmp")
        eigen_bron = bron is None
        bron = bron or sqlite3.connect(f"{pad.resolve().as_uri()}?mode=ro", uri=True)
        try:
            kopie = sqlite3.connect(tijdelijk)
            try:
                bron.backup(kopie)
                # A backup is a standalone file: no WAL beside it to lose.
                kopie.execute("PRAGMA journal_mode = DELETE")
            finally:
                kopie.close()
        finally:
            if eigen_bron:
                bron.close()
        os.replace(tijdelijk, doel)
    except (OSError, sqlite3.Error) as fout:
        raise fouten.BestandFout(map_, f"er kon geen reservekopie gemaakt worden ({fout}).") from None
    for oud in reservekopieen(pad)[MAXIMUM:]:
        oud.pad.unlink(missing_ok=True)
    return doel


def herstel(pad: Path, kopie: Reservekopie) -> Path:
    """Put a backup in place of `pad`; the current file is kept aside first. Returns where it went."""
    from opslag.bestand import controleer, neem_slot

    controleer(kopie.pad)
    slot = neem_slot(pad) if pad.exists() else None
    if pad.exists() and slot is None:
        raise fouten.InGebruik(pad, "het bestand is geopend in Tripartiet; sluit het eerst af.")
    opzij = pad.with_name(f"{pad.stem}.voor-herstel-{dt.datetime.now():%Y%m%d-%H%M%S}{pad.suffix}")
    tijdelijk = pad.with_name(f".{pad.name}.herstel")
    try:
        bron = sqlite3.connect(f"{kopie.pad.resolve().as_uri()}?mode=ro", uri=True)
        try:
            doel = sqlite3.connect(tijdelijk)
            try:
                bron.backup(doel)
            finally:
                doel.close()
        finally:
            bron.close()
        if pad.exists():
            os.replace(pad, opzij)
            for bijbestand in (pad.with_name(pad.name + "-wal"), pad.with_name(pad.name + "-shm")):
                if bijbestand.exists():
                    os.replace(bijbestand, opzij.with_name(opzij.name + bijbestand.name[len(pad.name):]))
        os.replace(tijdelijk, pad)
    except (OSError, sqlite3.Error) as fout:
        tijdelijk.unlink(missing_ok=True)
        if opzij.exists() and not pad.exists():
            os.replace(opzij, pad)  # put the current file back where it was
        raise fouten.BestandFout(pad, f"herstellen is niet gelukt ({fout}); het bestand is niet gewijzigd.") from None
    finally:
        if slot is not None:
            os.close(slot)
    return opzij
