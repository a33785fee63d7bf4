"""The files SQLite keeps beside a municipality file: `-wal`, `-shm` and `-journal`.

Reading (`tripartiet controleer`, export, a second instance) must leave nothing beside the file:
side files made by a read-only opening take the file's permissions or another user's ownership,
and a later opening for writing then fails at every save. What to do with a `-wal` or `-journal`
a crash left behind is `opslag.achtergebleven`.
"""

from __future__ import annotations

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


def heeft_inhoud(pad: Path) -> bool:
    try:
        return pad.stat().st_size > 0
    except OSError:
        return False


def kopieer(pad: Path, map_: Path, achtervoegsels: tuple[str, ...]) -> Path:
    """`pad` and the given side files, copied into `map_`. Never the -shm: SQLite rebuilds it."""
    doel = map_ / pad.name
    shutil.copyfile(pad, doel)
    for achtervoegsel in achtervoegsels:
        if zijbestand(pad, achtervoegsel).exists():
            shutil.copyfile(zijbestand(pad, achtervoegsel), zijbestand(doel, achtervoegsel))
    return doel


def maak_los(kopie: Path) -> None:
    """Let SQLite apply the copy's -wal or -journal and fold it into the file itself."""
    conn = sqlite3.connect(kopie, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # rolls a hot journal back
        if conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


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
    if not heeft_inhoud(zijbestand(pad, JOURNAAL)):
        yield pad
        return
    with tempfile.TemporaryDirectory(prefix="tripartiet-") as tijdelijk:
        kopie = kopieer(pad, Path(tijdelijk), (JOURNAAL,))
        try:
            maak_los(kopie)
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
    if levend and not heeft_inhoud(zijbestand(pad, JOURNAAL)):
        try:
            conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False, isolation_level=None)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            pass  # an index we may not read: a snapshot is exact too
    elif not (heeft_inhoud(zijbestand(pad, WAL)) or heeft_inhoud(zijbestand(pad, JOURNAAL))):
        return sqlite3.connect(f"{uri}?immutable=1", uri=True, check_same_thread=False, isolation_level=None)
    return _momentopname(pad)


def _momentopname(pad: Path) -> sqlite3.Connection:
    tijdelijk = Path(tempfile.mkdtemp(prefix="tripartiet-"))
    try:
        kopie = kopieer(pad, tijdelijk, (WAL, JOURNAAL))
        maak_los(kopie)
        conn = sqlite3.connect(
            f"{kopie.resolve().as_uri()}?immutable=1", uri=True, check_same_thread=False, isolation_level=None
        )
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the file before it goes
    finally:
        # POSIX keeps an open file readable after its name is gone; elsewhere the OS cleans its temp.
        shutil.rmtree(tijdelijk, ignore_errors=True)
    return conn
