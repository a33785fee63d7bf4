"""The files SQLite keeps beside a municipality file: `-wal`, `-shm` and `-journal`.

A crash can leave a `-wal` or `-journal` that SQLite applies at the next opening. Usually that is
exactly right (it finishes or undoes the last save), but one that does not belong to the file (a
file replaced by a copy from e-mail, with the old `-wal` still beside it) would silently corrupt
it. So a leftover is first tried on a copy in a temporary folder, and only applied when the copy
comes out whole; otherwise it is set aside under another name, never deleted.

Reading (`tripartiet controleer`, export, a second instance) must leave nothing beside the file:
side files made by a read-only opening take the file's permissions or another user's ownership,
and a later opening for writing then fails at every save.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

WAL, SHM, JOURNAAL = "-wal", "-shm", "-journal"


def zijbestand(pad: Path, achtervoegsel: str) -> Path:
    return pad.with_name(pad.name + achtervoegsel)


def _heeft_inhoud(pad: Path) -> bool:
    try:
        return pad.stat().st_size > 0
    except OSError:
        return False


def _kopieer(pad: Path, map_: Path, achtervoegsels: tuple[str, ...]) -> Path:
    """`pad` and the given side files, copied into `map_`. Never the -shm: SQLite rebuilds it."""
    doel = map_ / pad.name
    shutil.copyfile(pad, doel)
    for achtervoegsel in achtervoegsels:
        if zijbestand(pad, achtervoegsel).exists():
            shutil.copyfile(zijbestand(pad, achtervoegsel), zijbestand(doel, achtervoegsel))
    return doel


def _maak_los(kopie: Path) -> None:
    """Let SQLite apply the copy's -wal or -journal and fold it into the file itself."""
    conn = sqlite3.connect(kopie, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # rolls a hot journal back
        if conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _gebrek(kopie: Path) -> str | None:
    """Why the copy (with its side files applied) is not a whole Tripartiet file, or None."""
    from opslag import fouten
    from opslag.kop import controleer  # which reads the header through kop_bron, here

    try:
        _maak_los(kopie)
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
    bijbestand = zijbestand(pad, achtervoegsel)
    if not _heeft_inhoud(bijbestand):
        return None
    with tempfile.TemporaryDirectory(prefix="tripartiet-") as tijdelijk:
        met = _kopieer(pad, Path(tijdelijk), (achtervoegsel,))
        gebrek = _gebrek(met)
        if gebrek is None and achtervoegsel == WAL:
            los = Path(tijdelijk) / "los"
            los.mkdir()
            zonder = _kopieer(pad, los, ())
            # A WAL of another municipality's file can fit page by page; its name gives it away.
            # (A -journal can't: rolling back never writes over the municipality row.)
            eigen, vreemd = _gemeente(zonder), _gemeente(met)
            if eigen is not None and vreemd is not None and eigen != vreemd:
                gebrek = f"het hoort bij het bestand van {vreemd}"
        if gebrek is None:
            if achtervoegsel == JOURNAAL:
                _maak_los(pad)  # the same rollback SQLite would do, now that it is known to be sound
            return None
        los = Path(tijdelijk) / "alleen"
        los.mkdir()
        if _gebrek(_kopieer(pad, los, ())) is not None:
            return None  # the file itself is damaged too: leave all as it is, opening reports it
    apart = bijbestand.with_name(f"{bijbestand.name}.apart-{dt.datetime.now():%Y%m%d-%H%M%S}")
    os.replace(bijbestand, apart)
    return (
        f"Naast het bestand stond een los wijzigingenbestand ('{bijbestand.name}') dat er niet bij hoort "
        f"of beschadigd is ({gebrek}). Het is niet toegepast maar bewaard als '{apart.name}'; het bestand "
        "is geopend zoals het de laatste keer volledig is opgeslagen. Controleer of uw laatste wijzigingen er zijn."
    )


def onschrijfbaar_zijbestand(pad: Path) -> str | None:
    """A -wal or -shm this user may not write (left by a read-only opening, or by another user):
    SQLite would open the file and then refuse every save."""
    for achtervoegsel in (WAL, SHM, JOURNAAL):
        bijbestand = zijbestand(pad, achtervoegsel)
        if bijbestand.exists() and not os.access(bijbestand, os.W_OK):
            return (
                f"naast het bestand staat '{bijbestand.name}' dat u niet mag wijzigen (achtergelaten door een "
                "andere gebruiker of een alleen-lezen opening); sluit Tripartiet overal en laat het weghalen"
            )
    return None


@contextmanager
def kop_bron(pad: Path) -> Iterator[Path]:
    """Where to read the header: the file, or with a hot journal beside it, a copy rolled back
    as SQLite would, since the header of an interrupted save may be half written."""
    if not _heeft_inhoud(zijbestand(pad, JOURNAAL)):
        yield pad
        return
    with tempfile.TemporaryDirectory(prefix="tripartiet-") as tijdelijk:
        kopie = _kopieer(pad, Path(tijdelijk), (JOURNAAL,))
        try:
            _maak_los(kopie)
        except sqlite3.DatabaseError:
            pass  # the header check says what is wrong
        yield kopie


def verbind_alleen_lezen(pad: Path, *, in_gebruik: bool = False) -> sqlite3.Connection:
    """A connection that reads `pad` and never writes beside it.

    - A WAL with its index (-shm), or `in_gebruik` (a Tripartiet holds the file's lock and may not
      have made them yet): read through them, so its edits are seen. A read-only connection holds
      no lock outside a read, so it never holds up the writer's checkpoint.
    - Leftovers of a crash (a journal, a WAL without index): read a copy they are applied to.
    - Nothing beside it: the file is all there is; immutable reads it without locks or side files.
    """
    uri = pad.resolve().as_uri()
    levend = in_gebruik or (zijbestand(pad, WAL).exists() and zijbestand(pad, SHM).exists())
    if levend and not _heeft_inhoud(zijbestand(pad, JOURNAAL)):
        try:
            conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False, isolation_level=None)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            pass  # an index we may not read: a snapshot is exact too
    elif not (_heeft_inhoud(zijbestand(pad, WAL)) or _heeft_inhoud(zijbestand(pad, JOURNAAL))):
        return sqlite3.connect(f"{uri}?immutable=1", uri=True, check_same_thread=False, isolation_level=None)
    return _momentopname(pad)


def _momentopname(pad: Path) -> sqlite3.Connection:
    tijdelijk = Path(tempfile.mkdtemp(prefix="tripartiet-"))
    try:
        kopie = _kopieer(pad, tijdelijk, (WAL, JOURNAAL))
        _maak_los(kopie)
        conn = sqlite3.connect(
            f"{kopie.resolve().as_uri()}?immutable=1", uri=True, check_same_thread=False, isolation_level=None
        )
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the file before it goes
    finally:
        # POSIX keeps an open file readable after its name is gone; elsewhere the OS cleans its temp.
        shutil.rmtree(tijdelijk, ignore_errors=True)
    return conn
