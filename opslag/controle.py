"""`tripartiet controleer`: integrity, schema version and counts of a file, read-only."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from opslag import fouten
from opslag.bestand import controleer, lees_tekst
from opslag.zijbestanden import verbind_alleen_lezen

TELLINGEN = {
    "partij": "partijen",
    "persoon": "personen",
    "subthema": "subthema's in het kader",
    "overleg": "overleggen",
    "afspraak": "afspraken",
    "besluit": "besluiten",
    "actiepunt": "actiepunten",
    "wijziging": "regels in het wijzigingslog",
}


@dataclass(frozen=True, slots=True)
class Controlerapport:
    pad: Path
    gemeente: str
    schemaversie: int
    integriteit: str
    grootte: int
    aantallen: dict[str, int]
    open_acties: int

    @property
    def in_orde(self) -> bool:
        return self.integriteit == "ok"

    def als_tekst(self) -> str:
        regels = [
            f"Bestand:       {self.pad}",
            f"Gemeente:      {self.gemeente}",
            f"Schemaversie:  {self.schemaversie}",
            f"Grootte:       {self.grootte / 1024:.0f} kB",
            f"Integriteit:   {'in orde' if self.in_orde else 'BESCHADIGD: ' + self.integriteit}",
        ]
        regels += [f"  {aantal:>7}  {TELLINGEN[tabel]}" for tabel, aantal in self.aantallen.items()]
        regels.append(f"  {self.open_acties:>7}  openstaande actiepunten")
        return "\n".join(regels)


def controleer_bestand(pad: Path) -> Controlerapport:
    """Never writes: the header is read first, then the file through a read-only connection."""
    versie = controleer(pad)
    try:
        conn = verbind_alleen_lezen(pad)  # leaves no -wal or -shm behind
        conn.text_factory = lees_tekst
        try:
            integriteit = "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check(20)"))
            gemeente = conn.execute("SELECT naam FROM gemeente WHERE id = 1").fetchone()[0]
            aantallen = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TELLINGEN}
            open_acties = conn.execute("SELECT count(*) FROM actiepunt WHERE status = 'open'").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as fout:
        raise fouten.BeschadigdBestand(pad, f"het bestand is beschadigd ({fout}). Gebruik 'tripartiet herstel'.") from None
    return Controlerapport(
        pad=pad, gemeente=gemeente, schemaversie=versie, integriteit=integriteit,
        grootte=pad.stat().st_size, aantallen=aantallen, open_acties=open_acties,
    )
