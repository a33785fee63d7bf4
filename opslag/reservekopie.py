"""Backups of a municipality file: consistent copies through SQLite's online backup API.

A copy is made before any schema migration and on the first opening of each day. They rotate
(the newest MAXIMUM are kept) in a folder next to the file, or in the folder the user set.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from opslag import fouten
from opslag.kop import controleer
from opslag.slot import neem_slot

MAXIMUM = 20
MAPNAAM = "reservekopieen"
EXTENSIE = ".sqlite"
TIJD = "%Y%m%d-%H%M%S-%f"
ID_LENGTE = 12


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


def bestand_id(bron: sqlite3.Connection) -> str | None:
    """A file's own identity, so that two files with the same name never share backups: its
    municipality and moment of creation, plus the random id new files get. Hashed, so whatever
    the file holds, the result is safe in a file name. None when the file cannot tell."""
    try:
        naam, aangemaakt = bron.execute("SELECT naam, aangemaakt FROM gemeente WHERE id = 1").fetchone()
        eigen = bron.execute("SELECT waarde FROM meta WHERE sleutel = 'bestand_id'").fetchone()
    except (sqlite3.Error, TypeError, ValueError):
        return None
    return hashlib.sha256(f"{naam}\n{aangemaakt}\n{eigen[0] if eigen else ''}".encode()).hexdigest()[:ID_LENGTE]


def _id_van_pad(pad: Path) -> str | None:
    # Immutable: listing backups must not leave -wal and -shm beside the file. The rows the id is
    # made of are written once, when the file is made, so a WAL never holds them.
    try:
        if not pad.is_file():  # connecting would make an empty file there, even immutable
            return None
        conn = sqlite3.connect(f"{pad.resolve().as_uri()}?immutable=1", uri=True)
    except (sqlite3.Error, ValueError):  # ValueError: a NUL in the path, which no file can have
        return None
    try:
        return bestand_id(conn)
    finally:
        conn.close()


def _namen(map_: Path) -> list[str]:
    # A plain listing compared literally: a glob would read [, ], * and ? in the user's file name
    # as a pattern.
    try:
        return os.listdir(map_)
    except OSError:
        return []


def _tijdstip(tekst: str) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(tekst, TIJD)
    except ValueError:
        return None


def reservekopieen(pad: Path, eigen_id: str | None = None) -> list[Reservekopie]:
    """The backups of `pad`, newest first. Only the file's own: a backup of another file with the
    same name (another folder, or an earlier file since replaced) is recognised by its id. When the
    file cannot be read (that is when one restores), every backup with its name is listed."""
    map_ = reservekopie_map(pad)
    eigen_id = eigen_id or _id_van_pad(pad)
    kopieen = []
    for naam in _namen(map_):
        if not (naam.startswith(f"{pad.stem}-") and naam.endswith(EXTENSIE)):
            continue
        rest = naam[len(pad.stem) + 1 : -len(EXTENSIE)]
        kop, _, staart = rest.partition("-")
        if len(kop) == ID_LENGTE and re.fullmatch("[0-9a-f]+", kop) and (tijdstip := _tijdstip(staart)):
            if eigen_id is not None and kop != eigen_id:
                continue
        elif tijdstip := _tijdstip(rest):
            # Named before backups carried an id: whose it is, only its content can tell.
            if eigen_id is not None and _id_van_pad(map_ / naam) != eigen_id:
                continue
        else:
            continue
        kandidaat = map_ / naam
        try:
            grootte = kandidaat.stat().st_size
        except OSError:
            continue
        kopieen.append(Reservekopie(pad=kandidaat, tijdstip=tijdstip, grootte=grootte))
    return sorted(kopieen, key=lambda k: k.tijdstip, reverse=True)


def vandaag_al_gemaakt(pad: Path, eigen_id: str) -> bool:
    # Names only: this runs at every start, so no stat calls and no models.
    prefix = f"{pad.stem}-{eigen_id}-{dt.date.today():%Y%m%d}-"
    return any(naam.startswith(prefix) and naam.endswith(EXTENSIE) for naam in _namen(reservekopie_map(pad)))


def _verbind_doel(tijdelijk: Path) -> sqlite3.Connection:
    return sqlite3.connect(tijdelijk)


def _reden(fout: OSError | sqlite3.Error, map_: Path) -> str:
    tekst = str(fout).lower()
    if isinstance(fout, OSError) and fout.errno == errno.ENOSPC or "full" in tekst:
        return "de schijf is vol"
    if isinstance(fout, PermissionError) or "readonly" in tekst or "read-only" in tekst or "unable to open" in tekst:
        return f"in de map {map_} kan niet geschreven worden"
    if isinstance(fout, OSError):
        return f"de map {map_} is niet bruikbaar ({fout.strerror or fout})"
    return f"{fout}"


def maak_reservekopie(pad: Path, bron: sqlite3.Connection | None = None) -> Path:
    """Copy `pad` consistently (also while it is open in WAL mode) and rotate the old copies.

    A failure leaves nothing behind and raises ReservekopieFout, with the reason in Dutch."""
    map_ = reservekopie_map(pad)
    eigen_bron = bron is None
    tijdelijk: Path | None = None
    try:
        bron = bron or sqlite3.connect(f"{pad.resolve().as_uri()}?mode=ro", uri=True)
        try:
            eigen_id = bestand_id(bron) or "0" * ID_LENGTE
            map_.mkdir(parents=True, exist_ok=True)
            doel = map_ / f"{pad.stem}-{eigen_id}-{dt.datetime.now():{TIJD}}{EXTENSIE}"
            tijdelijk = doel.with_suffix(".tmp")
            kopie = _verbind_doel(tijdelijk)
            try:
                bron.backup(kopie)
                # A backup is a standalone file: no WAL beside it to lose.
                kopie.execute("PRAGMA journal_mode = DELETE")
            finally:
                kopie.close()
        finally:
            if eigen_bron and bron is not None:
                bron.close()
        os.replace(tijdelijk, doel)
    except (OSError, sqlite3.Error) as fout:
        if tijdelijk is not None:
            for rest in (tijdelijk, tijdelijk.with_name(tijdelijk.name + "-journal")):
                try:
                    rest.unlink(missing_ok=True)
                except OSError:
                    pass
        raise fouten.ReservekopieFout(map_, _reden(fout, map_)) from None
    for oud in reservekopieen(pad, eigen_id)[MAXIMUM:]:
        oud.pad.unlink(missing_ok=True)
    return doel


def reservekopie_bij_openen(pad: Path, bron: sqlite3.Connection, versie: int) -> str | None:
    """Before a migration a backup must succeed; the daily one may fail (full disk, folder not
    writable) without keeping the user from the file: the warning is returned, to be shown."""
    from opslag.schema import SCHEMA_VERSIE

    if versie < SCHEMA_VERSIE:
        maak_reservekopie(pad, bron)
        return None
    return dagelijkse_reservekopie(pad, bron)


def dagelijkse_reservekopie(pad: Path, bron: sqlite3.Connection | None = None) -> str | None:
    """The first backup of the day, or None when there is one. Without `bron` it reads `pad` on a
    connection of its own, so it can run in another thread while the file is being worked on.
    Never raises: what went wrong is returned as the Dutch warning."""
    eigen_bron = bron is None
    try:
        bron = bron or sqlite3.connect(f"{pad.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as fout:
        return f"Er is vandaag geen reservekopie gemaakt: het bestand kon niet gelezen worden ({fout})."
    try:
        try:
            eigen_id = bestand_id(bron)
            if eigen_id is not None and vandaag_al_gemaakt(pad, eigen_id):
                return None
            maak_reservekopie(pad, bron)
        finally:
            if eigen_bron:
                bron.close()
    except fouten.ReservekopieFout as fout:
        return f"Er is vandaag geen reservekopie gemaakt: {fout.reden}. Uw werk wordt wel bewaard."
    except OSError:
        pass  # removing the oldest copies: today's is made, they go next time
    return None


def herstel(pad: Path, kopie: Reservekopie) -> Path:
    """Put a backup in place of `pad`; the current file is kept aside first. Returns where it went."""
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
