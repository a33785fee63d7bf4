"""`tripartiet controleer`: integrity, schema version and counts of a file, read-only."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from opslag import fouten
from opslag.kop import controleer
from opslag.verbinding import lees_tekst
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


# The tables and columns every Tripartiet file of this schema version has (a test holds this
# against opslag.schema, so a migration that adds a column cannot forget it here). The check runs
# before migrating: what a later migration adds must only be required of files at that version.
TABELLEN: dict[str, tuple[str, ...]] = {
    "meta": ("sleutel", "waarde"),
    "gemeente": ("id", "naam", "aangemaakt"),
    "partij": ("id", "naam", "code", "soort", "volgorde"),
    "persoon": ("id", "naam", "functie", "partij_id"),
    "kader_sectie": ("volgorde", "titel", "tekst"),
    "thema": ("nummer", "titel", "volgorde"),
    "subthema": ("nummer", "thema_nummer", "onderwerp", "titel_afgeleid", "volgorde", "landelijk", "regionaal",
                 "lokaal", "bronnen", "bron_kop"),
    "voetnoot": ("nummer", "tekst"),
    "uitvoeringsagenda": ("id", "periode", "vastgesteld_op", "vastgesteld_te", "vorige_id"),
    "ondertekenaar": ("agenda_id", "partij_id", "naam", "functie"),
    "overleg": ("id", "agenda_id", "datum", "soort", "plaats", "voorzitter_id", "notulist_id", "volgende_datum",
                "huidig_punt_id", "begintijd", "eindtijd", "verslag_vastgesteld_op", "verslag_vastgesteld_in",
                "verslag_wijzigingen", "gesloten_op"),
    "agendapunt": ("id", "overleg_id", "volgorde", "soort", "subthema_nummer", "notitie", "titel"),
    "aanwezigheid": ("overleg_id", "persoon_id", "status"),
    "nummering": ("soort", "laatste"),
    "afspraak": ("id", "nummer", "agenda_id", "subthema_nummer", "actielijn", "doel", "doel_aantal", "doel_eenheid",
                 "start", "eind", "status", "toelichting", "overleg_id", "na_vaststelling", "vorige_id"),
    "afspraak_wijziging": ("id", "afspraak_id", "soort", "datum", "tijdstip", "overleg_id", "besluit_id", "velden", "reden"),
    "afspraak_partij": ("afspraak_id", "partij_id", "rol", "volgorde"),
    "besluit": ("id", "nummer", "overleg_id", "agendapunt_id", "tekst", "datum"),
    "actiepunt": ("id", "nummer", "overleg_id", "agendapunt_id", "subthema_nummer", "afspraak_id", "wat", "persoon_id",
                  "partij_id", "deadline", "status", "gereed_op", "aangemaakt_op"),
    "wijziging": ("id", "tijdstip", "tabel", "rij_id", "actie", "gegevens", "oud", "overleg_id", "ongedaan_door"),
    "concept": ("sleutel", "overleg_id", "velden", "bijgewerkt"),
}

# Tables and columns a migration added, with the schema version from which a file must have them:
# the check runs before migrating, and an older file is not damaged for lacking what its migration brings.
SINDS_VERSIE: dict[str | tuple[str, str], int] = {
    **{("overleg", k): 3 for k in ("begintijd", "eindtijd", "verslag_vastgesteld_op", "verslag_vastgesteld_in", "verslag_wijzigingen")},
    ("agendapunt", "titel"): 4,
    "concept": 5,
    **{("uitvoeringsagenda", k): 6 for k in ("vastgesteld_te", "vorige_id")},
    **{("afspraak", k): 6 for k in ("na_vaststelling", "vorige_id")},
    **{("wijziging", k): 6 for k in ("oud", "overleg_id", "ongedaan_door")},
    ("overleg", "gesloten_op"): 6,
    "ondertekenaar": 6,
    "afspraak_wijziging": 6,
}

# Columns read back as JSON lists, and as dates; (table, column, key column for the message).
# Only what every opening reads: scanning the dates of 40,000 actions costs 85 ms on a 100x file,
# and a bad one there is still reported, when it is read (fouten.beschadiging).
_JSON_LIJSTEN = [("subthema", k, "nummer") for k in ("landelijk", "regionaal", "lokaal", "bronnen")]
_DATUMS = [("overleg", "datum", "id"), ("overleg", "volgende_datum", "id"), ("uitvoeringsagenda", "vastgesteld_op", "periode")]


def _fout_in_inhoud(conn: sqlite3.Connection) -> str | None:
    versie = conn.execute("PRAGMA user_version").fetchone()[0]
    for tabel, kolommen in TABELLEN.items():
        if SINDS_VERSIE.get(tabel, 0) > versie:
            continue
        aanwezig = {rij[1] for rij in conn.execute(f"PRAGMA table_info({tabel})")}
        if not aanwezig:
            return f"tabel '{tabel}' ontbreekt"
        for kolom in kolommen:
            if kolom not in aanwezig and versie >= SINDS_VERSIE.get((tabel, kolom), 0):
                return f"kolom '{kolom}' van tabel '{tabel}' ontbreekt"
    rij = conn.execute("SELECT naam, aangemaakt FROM gemeente WHERE id = 1").fetchone()
    if rij is None or not rij[0]:
        return "de gegevens van de gemeente ontbreken (tabel 'gemeente')"
    try:
        dt.datetime.fromisoformat(rij[1])
    except (TypeError, ValueError):
        return "kolom 'aangemaakt' van tabel 'gemeente' bevat geen geldige datum"
    if conn.execute("SELECT 1 FROM meta WHERE sleutel = 'kader_titel' AND waarde IS NOT NULL").fetchone() is None:
        return "de titel van het kader ontbreekt (tabel 'meta')"
    soorten = {r[0] for r in conn.execute("SELECT soort FROM nummering WHERE laatste IS NOT NULL")}
    for soort in ("afspraak", "besluit", "actiepunt"):
        if soort not in soorten:
            return f"de nummering van '{soort}' ontbreekt (tabel 'nummering')"
    for tabel, kolom, sleutel in _JSON_LIJSTEN:
        rij = conn.execute(
            f"SELECT {sleutel} FROM {tabel} WHERE CASE WHEN json_valid({kolom}) THEN json_type({kolom}) END "
            "IS NOT 'array' LIMIT 1"
        ).fetchone()
        if rij is not None:
            return f"kolom '{kolom}' van {tabel} {rij[0]} bevat geen geldige gegevens"
    rij = conn.execute("SELECT nummer FROM subthema WHERE thema_nummer NOT IN (SELECT nummer FROM thema) LIMIT 1").fetchone()
    if rij is not None:
        return f"subthema {rij[0]} hoort bij een thema dat ontbreekt (tabel 'thema')"
    for tabel, kolom, sleutel in _DATUMS:
        rij = conn.execute(
            f"SELECT {sleutel} FROM {tabel} WHERE {kolom} IS NOT NULL AND {kolom} != '' "
            f"AND date({kolom}) IS NOT {kolom} LIMIT 1"
        ).fetchone()
        if rij is not None:
            return f"kolom '{kolom}' van {tabel} {rij[0]} bevat geen geldige datum"
    return None


def controleer_inhoud(conn: sqlite3.Connection, pad: Path) -> None:
    """What the quick check cannot see: the tables, columns and rows Tripartiet reads, and values
    it decodes. Reads only; run before anything writes (backup, migration, journal mode)."""
    try:
        fout = _fout_in_inhoud(conn)
    except sqlite3.DatabaseError as sqlfout:
        fout = f"{sqlfout}"
    if fout is not None:
        raise fouten.BeschadigdBestand(pad, f"het bestand is beschadigd: {fout}. Gebruik 'tripartiet herstel'.")


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
            if integriteit == "ok":
                controleer_inhoud(conn, pad)
            gemeente = (conn.execute("SELECT naam FROM gemeente WHERE id = 1").fetchone() or ["?"])[0]
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
