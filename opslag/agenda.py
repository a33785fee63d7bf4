"""A meeting's agenda changing during the meeting: add a subtheme or a free item, remove an empty
item, move an item up or down.

The standing items keep their places (opening ... actielijst before, rondvraag and sluiting after):
what is added or moved stays between actielijst and rondvraag. Each change is one transaction with
its line in the change log; a removal can be undone (`herstel_punt`, through `opslag.ongedaan`).
"""

from __future__ import annotations

from opslag.bestand import Gemeentebestand
from opslag.fouten import NietGevonden, OngeldigeInvoer
from opslag.invoer import schone_tekst
from opslag.modellen import PUNT_TITELS, Agendapunt, PuntSoort

MAX_TITEL = 200
_ONDERWERPEN = (PuntSoort.SUBTHEMA, PuntSoort.VRIJ)
_NA_ONDERWERPEN = (PuntSoort.RONDVRAAG, PuntSoort.SLUITING)


def agendapunten(bestand: Gemeentebestand, overleg_id: int) -> list[Agendapunt]:
    return [
        Agendapunt.uit_rij(r)
        for r in bestand.db.query(
            "SELECT id, overleg_id, volgorde, soort, subthema_nummer, notitie, titel FROM agendapunt "
            "WHERE overleg_id = ? ORDER BY volgorde",
            [overleg_id],
        )
    ]


def _punt(bestand: Gemeentebestand, punt_id: int) -> Agendapunt:
    rij = next(bestand.db.query("SELECT * FROM agendapunt WHERE id = ?", [punt_id]), None)
    if rij is None:
        raise NietGevonden(f"agendapunt {punt_id}")
    return Agendapunt.uit_rij(rij)


def punt_naam(punt: Agendapunt, subthema_titel: str | None = None) -> str:
    """How messages name an item: 'Presentatie wijkvisie', '1.7 Middenhuur', 'Rondvraag'."""
    if punt.soort is PuntSoort.VRIJ:
        return punt.titel or ""
    if punt.soort is PuntSoort.SUBTHEMA:
        return subthema_titel or f"subthema {punt.subthema_nummer}"
    return PUNT_TITELS[punt.soort]


def _invoegplek(punten: list[Agendapunt]) -> int:
    """Before rondvraag and sluiting: the end of the subjects."""
    for i in range(len(punten) - 1, -1, -1):
        if punten[i].soort not in _NA_ONDERWERPEN:
            return i + 1
    return 0


def _nummer(db, volgorde: list[int]) -> None:  # noqa: ANN001
    """Number the items `volgorde` (ids) 0, 1, 2 ... (overleg_id, volgorde) is unique, and
    SQLite checks that per row: first out of the way (negative), then into place."""
    db.conn.executemany("UPDATE agendapunt SET volgorde = -1 - volgorde WHERE id = ?", [(i,) for i in volgorde])
    db.conn.executemany("UPDATE agendapunt SET volgorde = ? WHERE id = ?", [(n, i) for n, i in enumerate(volgorde)])


def voeg_punt_toe(
    bestand: Gemeentebestand, overleg_id: int, *, subthema: str | None = None, titel: str | None = None
) -> Agendapunt:
    """Put a subtheme, or a free item with `titel`, on the agenda, just before the rondvraag."""
    if (subthema is None) == (titel is None):
        raise ValueError("subthema of titel")
    punten = agendapunten(bestand, overleg_id)
    if subthema is not None:
        sub = next((s for s in bestand.kader().subthemas if s.nummer == subthema), None)
        if sub is None:
            raise OngeldigeInvoer("subthema", f"Subthema {subthema} staat niet in het kader van dit bestand.")
        if any(p.subthema_nummer == subthema for p in punten):
            raise OngeldigeInvoer("subthema", f"Subthema {sub.titel} staat al op de agenda.")
        rij = {"soort": str(PuntSoort.SUBTHEMA), "subthema_nummer": subthema, "titel": None}
    else:
        schoon = schone_tekst(titel or "", "titel", "De titel van het agendapunt", verplicht=True)
        if len(schoon) > MAX_TITEL:
            raise OngeldigeInvoer("titel", f"De titel is te lang ({len(schoon)} tekens; maximaal {MAX_TITEL}).")
        rij = {"soort": str(PuntSoort.VRIJ), "subthema_nummer": None, "titel": schoon}
    plek = _invoegplek(punten)
    rij.update(overleg_id=overleg_id, volgorde=len(punten), notitie="")
    with bestand.schrijf("agendapunt", None, "nieuw", rij) as db:
        punt_id = db["agendapunt"].insert(rij).last_pk
        ids = [p.id for p in punten]
        ids.insert(plek, punt_id)
        _nummer(db, ids)
    return _punt(bestand, punt_id)


def inhoud(bestand: Gemeentebestand, punt: Agendapunt) -> list[str]:
    """What was recorded at an item, in words ('aantekeningen', '1 besluit'); empty: nothing."""
    delen = ["aantekeningen"] if punt.notitie.strip() else []
    tellingen = (
        ("besluit", "besluiten", "SELECT count(*) FROM besluit WHERE agendapunt_id = ?", [punt.id]),
        ("actiepunt", "actiepunten", "SELECT count(*) FROM actiepunt WHERE agendapunt_id = ?", [punt.id]),
        ("afspraak", "afspraken", "SELECT count(*) FROM afspraak WHERE overleg_id = ? AND subthema_nummer = ?",
         [punt.overleg_id, punt.subthema_nummer]),
    )
    for enkel, meervoud, sql, parameters in tellingen:
        aantal = bestand.db.execute(sql, parameters).fetchone()[0]
        if aantal:
            delen.append(f"{aantal} {enkel if aantal == 1 else meervoud}")
    return delen


def verwijder_punt(bestand: Gemeentebestand, punt_id: int) -> Agendapunt:
    """Take an item without content off the agenda; the change log keeps it for undo."""
    punt = _punt(bestand, punt_id)
    if punt.vast:
        raise OngeldigeInvoer("agenda", f"{PUNT_TITELS[punt.soort]} is een vast punt en blijft op de agenda.")
    gevonden = inhoud(bestand, punt)
    if gevonden:
        raise OngeldigeInvoer(
            "agenda",
            f"Dit punt heeft inhoud ({', '.join(gevonden)}) en blijft op de agenda. "
            "Verwijder die eerst.",
        )
    overige = [p for p in agendapunten(bestand, punt.overleg_id) if p.id != punt_id]
    i = min(punt.volgorde, len(overige) - 1)
    with bestand.schrijf("agendapunt", punt_id, "verwijderd", {"rij": punt.als_rij(), "gekoppeld": []}) as db:
        # The walk-through was here: it goes on at the item that takes its place.
        db.execute("UPDATE overleg SET huidig_punt_id = ? WHERE id = ? AND huidig_punt_id = ?",
                   [overige[i].id if overige else None, punt.overleg_id, punt_id])
        db.execute("DELETE FROM agendapunt WHERE id = ?", [punt_id])
        _nummer(db, [p.id for p in overige])
    return punt


def herstel_punt(bestand: Gemeentebestand, rij: dict) -> None:
    """Put a removed item back at its old place (inside the caller's transaction). A subtheme put
    on the agenda again meanwhile is not doubled."""
    db = bestand.db
    overleg_id = rij["overleg_id"]
    if rij["soort"] == PuntSoort.SUBTHEMA and db.execute(
        "SELECT 1 FROM agendapunt WHERE overleg_id = ? AND subthema_nummer = ?", [overleg_id, rij["subthema_nummer"]]
    ).fetchone():
        return
    ids = [r[0] for r in db.execute("SELECT id FROM agendapunt WHERE overleg_id = ? ORDER BY volgorde", [overleg_id])]
    db["agendapunt"].insert({**rij, "volgorde": len(ids) + 1000})
    punten = agendapunten(bestand, overleg_id)
    zonder = [p for p in punten if p.id != rij["id"]]
    plek = min(rij["volgorde"], _invoegplek(zonder))
    eerste_onderwerp = next((i for i, p in enumerate(zonder) if not p.vast or p.soort in _NA_ONDERWERPEN), len(zonder))
    plek = max(plek, eerste_onderwerp)
    volgorde = [p.id for p in zonder]
    volgorde.insert(plek, rij["id"])
    _nummer(db, volgorde)


def verplaats_punt(bestand: Gemeentebestand, punt_id: int, richting: int) -> Agendapunt:
    """One place up (-1) or down (+1), among the subjects: past a standing item it cannot go."""
    punt = _punt(bestand, punt_id)
    if punt.vast:
        raise OngeldigeInvoer("agenda", f"{PUNT_TITELS[punt.soort]} is een vast punt en blijft op zijn plaats.")
    punten = agendapunten(bestand, punt.overleg_id)
    i = next(i for i, p in enumerate(punten) if p.id == punt_id)
    j = i + (1 if richting > 0 else -1)
    if not 0 <= j < len(punten) or punten[j].vast:
        waar = "onder de rondvraag" if richting > 0 else "boven de actielijst"
        raise OngeldigeInvoer("agenda", f"Verder kan dit punt niet: de vaste punten blijven op hun plaats, dus niet {waar}.")
    punten[i], punten[j] = punten[j], punten[i]
    with bestand.schrijf("agendapunt", punt_id, "verplaatst", {"van": i, "naar": j}) as db:
        _nummer(db, [p.id for p in punten])
    return _punt(bestand, punt_id)

