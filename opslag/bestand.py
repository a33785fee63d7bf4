"""Opening and creating a municipality file.

A file is checked read-only before it is opened for writing (its header in `opslag.kop`, its
content here), so that a file that is not ours, is damaged or comes from a newer Tripartiet is
reported and left byte-identical. The lock that keeps a second Tripartiet out is `opslag.slot`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import threading
import unicodedata
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from opslag import achtergebleven, fouten, kader_opslag, wijzigingslog, zijbestanden
from opslag.kader import Kader
from opslag.kop import controleer
from opslag.modellen import Gemeente, Partij
from opslag.partijen import canonieke_naam, standaard_partijen
from opslag.schema import APPLICATION_ID, SCHEMA_VERSIE
from opslag.slot import neem_slot
from opslag.verbinding import Verbinding, lees_tekst

EXTENSIE = ".sqlite"


def bestandsnaam(gemeente: str) -> str:
    """'Oude IJsselstreek' -> 'oude-ijsselstreek.sqlite'; names that could leave the folder are refused."""
    naam = gemeente.strip()
    if not naam:
        raise fouten.OngeldigeNaam("Geef de naam van de gemeente op; een lege naam kan niet.")
    if any(teken in naam for teken in "/\\:") or ".." in naam or naam.startswith("."):
        raise fouten.OngeldigeNaam(
            f"'{gemeente}' is geen geldige gemeentenaam: gebruik geen /, \\, : of '..'. "
            "Kies de map met --bestand PAD."
        )
    if any(unicodedata.category(teken).startswith("C") for teken in naam):
        raise fouten.OngeldigeNaam("De gemeentenaam bevat onzichtbare of stuurtekens; typ hem opnieuw.")
    zonder_accenten = "".join(
        teken for teken in unicodedata.normalize("NFKD", naam) if not unicodedata.combining(teken)
    )
    stam = re.sub(r"[^a-z0-9]+", "-", zonder_accenten.casefold()).strip("-")
    if not stam:
        raise fouten.OngeldigeNaam(f"Van '{gemeente}' kan geen bestandsnaam gemaakt worden; gebruik letters of cijfers.")
    stam = stam[:80]
    voor_punt = re.sub(r"[^a-z0-9]+", "-", zonder_accenten.split(".")[0].casefold()).strip("-")
    if stam in _WINDOWS_GERESERVEERD or voor_punt in _WINDOWS_GERESERVEERD:
        raise fouten.OngeldigeNaam(
            f"'{naam}' kan geen bestandsnaam zijn: Windows gebruikt {(voor_punt if voor_punt in _WINDOWS_GERESERVEERD else stam).upper()} zelf en kan zo'n bestand niet "
            "openen. Kies een andere naam, bijvoorbeeld met 'gemeente' ervoor."
        )
    return stam + EXTENSIE


# Device names Windows reserves in every folder, whatever the case or extension ('con.sqlite').
_WINDOWS_GERESERVEERD = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
)


def _migreer(db: Verbinding, van: int) -> None:
    from sqlite_utils import Database  # only when a file is made or migrated

    from opslag.schema import migreer

    migreer(Database(db.conn, execute_plugins=False), van)


def _verbind(pad: Path) -> Verbinding:
    # Autocommit mode: nothing is ever left in an implicit, uncommitted transaction; every
    # edit runs in `Gemeentebestand.schrijf()`, one explicit transaction.
    conn = sqlite3.connect(str(pad), isolation_level=None, timeout=2.0, check_same_thread=False)
    conn.text_factory = lees_tekst
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 2000")
    # SQLite's page cache: 1 MB, not the default 2. The file is in the OS cache after the first
    # read, so a miss is a copy, not a disk read; the megabyte is figure 5 of tests/bench/snelheid.py.
    conn.execute("PRAGMA cache_size = -1000")
    return Verbinding(conn)


def nieuw_bestand(gemeente: str, pad: Path, kader: Kader | None = None) -> Path:
    """Create a municipality file at `pad` with its parties and a copy of the framework.

    The file is built under a temporary name and moved into place, so a failure never leaves a
    half-made file behind.
    """
    gemeente = canonieke_naam(gemeente)
    if pad.exists():
        raise fouten.BestandBestaatAl(pad, "er staat al een bestand met deze naam; kies een andere naam of open het.")
    if not pad.parent.is_dir():
        raise fouten.BestandBestaatNiet(pad.parent, "deze map bestaat niet.")
    if kader is None:
        from opslag.kader_lezer import lees_kader  # markdown-it and pydantic: only when a file is made

        kader = lees_kader()
    tijdelijk = pad.with_name(f".{pad.name}.nieuw")
    tijdelijk.unlink(missing_ok=True)
    try:
        db = _verbind(tijdelijk)
        try:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            _migreer(db, 0)
            with db.atomic():
                db["gemeente"].insert({"id": 1, "naam": gemeente, "aangemaakt": _nu()})
                for volgorde, partij in enumerate(standaard_partijen(gemeente)):
                    db["partij"].insert(partij.als_rij("id") | {"volgorde": volgorde})
                kader_opslag.schrijf(db, kader)
                db["meta"].insert({"sleutel": "kader_titel", "waarde": kader.titel})
                db["meta"].insert({"sleutel": "bestand_id", "waarde": uuid.uuid4().hex})  # see reservekopie.bestand_id
                jaar = dt.date.today().year
                begin = jaar if jaar % 2 == 0 else jaar - 1
                db["uitvoeringsagenda"].insert({"periode": f"{begin}-{begin + 1}"})
                for soort in ("afspraak", "besluit", "actiepunt"):
                    db["nummering"].insert({"soort": soort, "laatste": 0})
            db.execute("PRAGMA journal_mode = WAL")
        finally:
            db.close()
        os.replace(tijdelijk, pad)
    except sqlite3.Error as fout:
        tijdelijk.unlink(missing_ok=True)
        raise fouten.BestandFout(pad, f"het bestand kon niet gemaakt worden ({fout}).") from None
    except OSError as fout:
        tijdelijk.unlink(missing_ok=True)
        raise fouten.BestandFout(pad, f"het bestand kon niet gemaakt worden ({fout.strerror}).") from None
    return pad


def _nu() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def _snelle_controle(pad: Path) -> None:
    """quick_check before anything opens the file for writing, so a damaged file gets no WAL
    beside it. Immutable: no lock and no side files; we hold the file's lock, so nobody writes."""
    conn = sqlite3.connect(f"{pad.resolve().as_uri()}?immutable=1", uri=True)
    try:
        resultaat = conn.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        conn.close()
    if resultaat != "ok":
        raise fouten.BeschadigdBestand(pad, f"het bestand is beschadigd ({resultaat}). Gebruik 'tripartiet herstel'.")


def _verbind_alleen_lezen(pad: Path, in_gebruik: bool = False) -> Verbinding:
    conn = zijbestanden.verbind_alleen_lezen(pad, in_gebruik=in_gebruik)
    conn.text_factory = lees_tekst
    return Verbinding(conn)


def _gecontroleerd(db: Verbinding, pad: Path) -> Verbinding:
    """`db` once opslag.controle has found the content readable; closed when it is not."""
    from opslag.controle import controleer_inhoud

    try:
        controleer_inhoud(db.conn, pad)
    except BaseException:
        db.close()
        raise
    return db


def vertaal_schrijffout(fout: sqlite3.Error) -> str:
    tekst = str(fout).lower()
    if "readonly" in tekst or "read-only" in tekst:
        return "het bestand is alleen-lezen (geworden); uw invoer is niet bewaard."
    if "full" in tekst:
        return "de schijf is vol; uw invoer is niet bewaard. Maak ruimte en probeer het opnieuw."
    if "locked" in tekst or "busy" in tekst:
        return "het bestand is even bezet door een ander programma; uw invoer is niet bewaard. Probeer het opnieuw."
    if "i/o" in tekst or "unable to open" in tekst or "no such" in tekst:
        return "het bestand is niet meer bereikbaar (is de schijf of USB-stick losgekoppeld?); uw invoer is niet bewaard."
    return f"uw invoer is niet bewaard ({fout})."


class Gemeentebestand:
    """An open municipality file. Reads return frozen dataclasses; every edit is one transaction."""

    def __init__(self, pad: Path, db: Verbinding, alleen_lezen: str | None = None, slot: int | None = None) -> None:
        self.pad = pad
        self.db = db
        # Why the file is open read-only (shown to the user), or None when it can be written.
        self.alleen_lezen = alleen_lezen
        # What opening set right, in Dutch, for the app to show once (a side file set aside).
        self.waarschuwingen: list[str] = []
        self._slot = slot
        self._kader: Kader | None = None
        # Something the user should know that did not stop the opening (no backup today).
        self.waarschuwing: str | None = None
        # The daily backup, when `open(dagkopie_later=True)` left it to `maak_dagkopie`.
        self._dagkopie_open = False
        self._dagkopie_slot = threading.Lock()

    @classmethod
    def open(cls, pad: Path | str, *, alleen_lezen: bool = False, dagkopie_later: bool = False) -> Gemeentebestand:
        """Open `pad` for writing, or read-only when asked or when it cannot be written.

        The backup before a migration is made here, always. The daily one too, unless
        `dagkopie_later`: then `maak_dagkopie` makes it (the app: after its first paint), or else
        `sluit`. The checks that guard writing run here either way, before anything is written."""
        pad = Path(pad)
        versie = controleer(pad)
        reden = "geopend om alleen te lezen" if alleen_lezen else None
        if reden is None and not (os.access(pad, os.W_OK) and os.access(pad.parent, os.W_OK)):
            reden = "het bestand of de map is alleen-lezen"
        if reden is None:
            reden = zijbestanden.onschrijfbaar_zijbestand(pad)
        slot = None
        in_gebruik = False
        if reden is None:
            slot = neem_slot(pad)
            if slot is None:
                reden = "het bestand is al geopend in een andere Tripartiet"
                in_gebruik = True
        if reden is not None:
            if versie < SCHEMA_VERSIE:
                raise fouten.AlleenLezen(pad, f"{reden}, en het moet eerst bijgewerkt worden naar deze versie van Tripartiet.")
            try:
                return cls(pad, _gecontroleerd(_verbind_alleen_lezen(pad, in_gebruik), pad), alleen_lezen=reden)
            except sqlite3.Error as fout:
                raise fouten.BestandFout(pad, f"het bestand kan niet gelezen worden ({fout}).") from None
        db: Verbinding | None = None
        try:
            waarschuwingen = [w for a in ("-journal", "-wal") if (w := achtergebleven.pas_achtergebleven_toe(pad, a))]
            _snelle_controle(pad)
            db = _gecontroleerd(_verbind(pad), pad)  # before a backup, migration or WAL writes anything
            waarschuwing = None
            if versie < SCHEMA_VERSIE or not dagkopie_later:
                from opslag.reservekopie import reservekopie_bij_openen

                waarschuwing = reservekopie_bij_openen(pad, db.conn, versie)
            if versie < SCHEMA_VERSIE:
                _migreer(db, versie)
            if db.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.execute("PRAGMA journal_mode = WAL")
        except BaseException as fout:
            if db is not None:
                db.close()
            os.close(slot)
            if isinstance(fout, sqlite3.OperationalError):
                if "locked" in str(fout) or "busy" in str(fout):
                    raise fouten.InGebruik(pad, "het bestand is in gebruik door een ander programma.") from None
                raise fouten.BestandFout(pad, f"het bestand kan niet geopend worden ({fout}).") from None
            if isinstance(fout, sqlite3.DatabaseError):
                raise fouten.BeschadigdBestand(pad, f"het bestand is beschadigd ({fout}). Gebruik 'tripartiet herstel'.") from None
            raise
        bestand = cls(pad, db, slot=slot)
        bestand.waarschuwingen = waarschuwingen
        bestand.waarschuwing = waarschuwing
        bestand._dagkopie_open = dagkopie_later and versie >= SCHEMA_VERSIE
        return bestand

    def maak_dagkopie(self) -> str | None:
        """The daily backup `open(dagkopie_later=True)` left open, made once. It reads the file on
        a connection of its own (SQLite's backup API), so any thread may call this while the file
        is being written. A failure becomes `waarschuwing`, which is also returned."""
        with self._dagkopie_slot:
            if not self._dagkopie_open:
                return None
            self._dagkopie_open = False
            from opslag.reservekopie import dagelijkse_reservekopie

            self.waarschuwing = dagelijkse_reservekopie(self.pad)
            return self.waarschuwing

    def sluit(self) -> None:
        try:
            # Not made yet (the app was left at once): now, so a day never passes without one.
            # Made by another thread right now: this waits for it before the file is let go.
            self.maak_dagkopie()
            if self._slot is not None:
                # Closing folds the WAL into the file only for the last connection; a read-only
                # instance may still be open, and whoever copies just the .sqlite needs it all.
                with suppress(sqlite3.Error):  # closing never fails; the WAL keeps them then
                    self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            self.db.close()
        finally:
            if self._slot is not None:
                os.close(self._slot)
                self._slot = None

    def __enter__(self) -> Gemeentebestand:
        return self

    def __exit__(self, *_: object) -> None:
        self.sluit()

    def _controleer_aanwezig(self) -> None:
        """The file must still be where we opened it: on Linux a deleted or replaced file keeps
        accepting writes through the open handle, and everything would be lost on closing."""
        if self._slot is None:
            return
        try:
            zelfde = os.path.samestat(os.fstat(self._slot), os.stat(self.pad))
        except OSError:
            zelfde = False
        if not zelfde:
            raise fouten.SchrijfFout(
                self.pad,
                "het bestand is verdwenen of vervangen (map verwijderd, schijf of USB-stick losgekoppeld?); "
                "uw invoer is niet bewaard. Zet het bestand terug of kopieer uw tekst.",
            )

    @contextmanager
    def transactie(self) -> Iterator[Verbinding]:
        """All or nothing; a failing disk or file becomes a Dutch SchrijfFout, never half a change."""
        if self.alleen_lezen:
            raise fouten.AlleenLezen(self.pad, f"{self.alleen_lezen}; wijzigingen worden niet bewaard.")
        self._controleer_aanwezig()
        try:
            with self.db.atomic():
                yield self.db
        except sqlite3.Error as fout:
            raise fouten.SchrijfFout(self.pad, vertaal_schrijffout(fout)) from fout

    @contextmanager
    def schrijf(self, tabel: str, rij_id: int | None, actie: str, gegevens: dict | None = None) -> Iterator[Verbinding]:
        """One user edit: the change and its line in the change log (with the row as it was, see
        `opslag.wijzigingslog`) commit together or not at all. A write to a closed meeting raises
        `OverlegGesloten` and changes nothing."""
        with self.transactie() as db:
            regel = wijzigingslog.begin(db, tabel, rij_id, actie, gegevens)
            yield db
            wijzigingslog.af(db, regel)

    # --- reading ----------------------------------------------------------------------------

    def gemeente(self) -> Gemeente:
        rij = self.db.execute("SELECT naam, aangemaakt FROM gemeente WHERE id = 1").fetchone()
        return Gemeente(naam=rij[0], aangemaakt=dt.datetime.fromisoformat(rij[1]))

    def partijen(self) -> list[Partij]:
        return [
            Partij.uit_rij(rij)
            for rij in self.db.query("SELECT id, naam, code, soort, volgorde FROM partij ORDER BY volgorde, id")
        ]

    def kader(self) -> Kader:
        if self._kader is None:
            self._kader = kader_opslag.lees(self.db)
        return self._kader
