"""The header check: is a path a Tripartiet file this version can open, and of which version?

Read from the 100-byte SQLite header alone, before any connection, so that a file that is not
ours, is damaged or comes from a newer Tripartiet is reported and left byte-identical. Used before
opening, before an export, and on a backup before it is restored.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from opslag import fouten, zijbestanden
from opslag.schema import APPLICATION_ID, SCHEMA_VERSIE

SQLITE_KOP = b"SQLite format 3\x00"


def controleer(pad: Path) -> int:
    """Check that `pad` is a Tripartiet file this version can open; return its schema version.

    Reads only the 100-byte database header: no connection, so no journal or WAL file appears
    and the file stays byte-identical, whatever it turns out to be. (With a hot journal beside
    it, the header of a copy that journal is rolled back on.)
    """
    if not pad.exists():
        raise fouten.BestandBestaatNiet(pad, "dit bestand bestaat niet.")
    if pad.is_dir():
        raise fouten.GeenSqlite(pad, "dit is een map, geen gemeentebestand.")
    if not stat.S_ISREG(pad.stat().st_mode):
        # A FIFO or device would make the read below wait forever.
        raise fouten.GeenSqlite(pad, "dit is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp), geen gemeentebestand.")
    try:
        with zijbestanden.kop_bron(pad) as bron, bron.open("rb") as f:
            kop = f.read(100)
            grootte = os.fstat(f.fileno()).st_size
    except PermissionError:
        raise fouten.AlleenLezen(pad, "u heeft geen rechten om dit bestand te lezen.") from None
    except OSError as fout:
        raise fouten.BestandFout(pad, f"het bestand kan niet gelezen worden ({fout.strerror}).") from None
    if not kop.startswith(SQLITE_KOP):
        raise fouten.GeenSqlite(pad, "dit is geen Tripartiet-bestand (het is geen SQLite-database).")
    if len(kop) < 100:
        raise fouten.BeschadigdBestand(pad, "het bestand is afgebroken of beschadigd (te kort).")
    paginagrootte = int.from_bytes(kop[16:18], "big")
    paginagrootte = 65536 if paginagrootte == 1 else paginagrootte
    wijzigteller, paginas, geldig_voor = (int.from_bytes(kop[i : i + 4], "big") for i in (24, 28, 92))
    versie = int.from_bytes(kop[60:64], "big")
    application_id = int.from_bytes(kop[68:72], "big")
    if application_id != APPLICATION_ID:
        raise fouten.VreemdBestand(
            pad, "dit is een SQLite-bestand van een ander programma, geen Tripartiet-bestand. Het is niet gewijzigd."
        )
    if versie > SCHEMA_VERSIE:
        raise fouten.NieuwereVersie(
            pad,
            f"dit bestand is gemaakt met een nieuwere Tripartiet (schemaversie {versie}, "
            f"deze versie kent tot {SCHEMA_VERSIE}). Werk Tripartiet bij; het bestand is niet gewijzigd.",
        )
    if wijzigteller == geldig_voor and paginas and grootte < paginas * paginagrootte:
        raise fouten.BeschadigdBestand(
            pad, "het bestand is afgebroken: het is kleiner dan de database zelf opgeeft. Gebruik 'tripartiet herstel'."
        )
    return versie


def is_actueel(pad: Path) -> bool:
    """The file needs no migration by this version (it may still be refused by `controleer`)."""
    return controleer(pad) >= SCHEMA_VERSIE
