"""What the minute-taker records: meetings, attendance, notes, agreements, decisions and actions.

Every function that writes is one user edit: one transaction with its line in the change log.
Reads return the frozen dataclasses of `opslag.modellen`; what is written is checked first by
its pydantic model in `opslag.invoermodellen`, imported at the first write.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TypeVar

from opslag import datums, levensloop
from opslag.agenda import agendapunten  # noqa: F401  (read here by callers, as before)
from opslag.bestand import Gemeentebestand
from opslag.fouten import NietGevonden, OngeldigeInvoer
from opslag.levensloop import Grond
from opslag.modellen import (
    Aanwezig,
    Aanwezigheid,
    ActieStatus,
    Actiepunt,
    Afspraak,
    Besluit,
    Overleg,
    Partij,
    Persoon,
    PuntSoort,
    Rij,
    Uitvoeringsagenda,
)

R = TypeVar("R", bound=Rij)
_VOOR_SUBTHEMAS = (PuntSoort.OPENING, PuntSoort.MEDEDELINGEN, PuntSoort.VERSLAG, PuntSoort.ACTIELIJST)
_NA_SUBTHEMAS = (PuntSoort.RONDVRAAG, PuntSoort.SLUITING)


def _iso(datum: dt.date | None) -> str | None:
    return datum.isoformat() if datum else None


def _volgend_nummer(bestand: Gemeentebestand, soort: str) -> int:
    return bestand.db.execute(
        "UPDATE nummering SET laatste = laatste + 1 WHERE soort = ? RETURNING laatste", [soort]
    ).fetchone()[0]


def _bewaar_genummerd(db, bestand: Gemeentebestand, tabel: str, rij_id: int | None, rij: dict) -> int:  # noqa: ANN001
    """Insert with the next stable number, or update and keep the number; inside `schrijf`."""
    if rij_id is None:
        rij["nummer"] = _volgend_nummer(bestand, tabel)
        return db[tabel].insert(rij).last_pk
    rij.pop("nummer", None)
    db[tabel].update(rij_id, rij)
    return rij_id


# --- parties, people and agendas -----------------------------------------------------------------


def _valideer(rij: R) -> R:
    from opslag.invoermodellen import valideer  # pydantic: at the first write, not at start-up

    return valideer(rij)


def bewaar_partij(bestand: Gemeentebestand, partij: Partij) -> int:
    partij = _valideer(partij)
    rij = partij.als_rij("id")
    if bestand.db.execute("SELECT 1 FROM partij WHERE code = ? AND id IS NOT ?", [partij.code, partij.id]).fetchone():
        raise OngeldigeInvoer("code", f"De afkorting {partij.code} is al in gebruik voor een andere partij.")
    with bestand.schrijf("partij", partij.id, "nieuw" if partij.id is None else "gewijzigd", rij) as db:
        if partij.id is None:
            return db["partij"].insert(rij).last_pk
        db["partij"].update(partij.id, rij)
    return partij.id


def personen(bestand: Gemeentebestand) -> list[Persoon]:
    return [Persoon.uit_rij(r) for r in bestand.db.query("SELECT id, naam, functie, partij_id FROM persoon ORDER BY naam")]


def nieuwe_persoon(bestand: Gemeentebestand, persoon: Persoon) -> Persoon:
    persoon = _valideer(persoon)
    rij = persoon.als_rij("id")
    with bestand.schrijf("persoon", None, "nieuw", rij) as db:
        persoon_id = db["persoon"].insert(rij).last_pk
    return replace(persoon, id=persoon_id)


def uitvoeringsagendas(bestand: Gemeentebestand) -> list[Uitvoeringsagenda]:
    return [
        Uitvoeringsagenda.uit_rij(r)
        for r in bestand.db.query("SELECT id, periode, vastgesteld_op FROM uitvoeringsagenda ORDER BY periode")
    ]


def agenda_voor_periode(bestand: Gemeentebestand, periode: str) -> Uitvoeringsagenda:
    """The uitvoeringsagenda of `periode` ('2026-2027'), created when it does not exist yet.

    It does not check the period against the framework (opslag.perioden imports this module):
    a period a user names goes through `perioden.controleer_periode` first, as the app's forms,
    `tripartiet periode` and the import do; the demo and tests name the framework's periods."""
    for agenda in uitvoeringsagendas(bestand):
        if agenda.periode == periode:
            return agenda
    agenda = _valideer(Uitvoeringsagenda(periode=periode))
    begin, eind = agenda.jaren
    if eind != begin + 1:
        raise OngeldigeInvoer("periode", "Een uitvoeringsagenda loopt twee jaar, bijvoorbeeld 2026-2027.")
    with bestand.schrijf("uitvoeringsagenda", None, "nieuw", {"periode": periode}) as db:
        agenda_id = db["uitvoeringsagenda"].insert({"periode": periode}).last_pk
    return replace(agenda, id=agenda_id)


# --- meetings -----------------------------------------------------------------------------------


def overleggen(bestand: Gemeentebestand) -> list[Overleg]:
    return [Overleg.uit_rij(r) for r in bestand.db.query("SELECT * FROM overleg ORDER BY datum, id")]


def overleggen_nieuwste_eerst(bestand: Gemeentebestand, aantal: int | None = None, overslaan: int = 0) -> list[Overleg]:
    """A page of the meetings, the newest first (all from `overslaan` on if `aantal` is None)."""
    rijen = bestand.db.query(
        "SELECT * FROM overleg ORDER BY datum DESC, id DESC LIMIT ? OFFSET ?", [-1 if aantal is None else aantal, overslaan]
    )
    return [Overleg.uit_rij(r) for r in rijen]


def overleg(bestand: Gemeentebestand, overleg_id: int) -> Overleg:
    rij = next(bestand.db.query("SELECT * FROM overleg WHERE id = ?", [overleg_id]), None)
    if rij is None:
        raise OngeldigeInvoer("overleg", f"Overleg {overleg_id} bestaat niet in dit bestand.")
    return Overleg.uit_rij(rij)


def nieuw_overleg(bestand: Gemeentebestand, nieuw: Overleg, subthemas: list[str] | None = None) -> Overleg:
    """Create a meeting with the standing items around the subthemes on its agenda (default: all)."""
    alle = [s.nummer for s in bestand.kader().subthemas]
    subthemas = alle if subthemas is None else [s for s in alle if s in set(subthemas)]
    rij = _valideer(nieuw).als_rij("id")
    with bestand.schrijf("overleg", None, "nieuw", rij) as db:
        overleg_id = db["overleg"].insert(rij).last_pk
        punten = [(soort, None) for soort in _VOOR_SUBTHEMAS]
        punten += [(PuntSoort.SUBTHEMA, nummer) for nummer in subthemas]
        punten += [(soort, None) for soort in _NA_SUBTHEMAS]
        db["agendapunt"].insert_all(
            {"overleg_id": overleg_id, "volgorde": i, "soort": str(soort), "subthema_nummer": nummer, "notitie": ""}
            for i, (soort, nummer) in enumerate(punten)
        )
        eerste = db.execute("SELECT id FROM agendapunt WHERE overleg_id = ? ORDER BY volgorde LIMIT 1", [overleg_id]).fetchone()[0]
        db.execute("UPDATE overleg SET huidig_punt_id = ? WHERE id = ?", [eerste, overleg_id])
    return overleg(bestand, overleg_id)


def wijzig_overleg(bestand: Gemeentebestand, gewijzigd: Overleg) -> None:
    rij = _valideer(gewijzigd).als_rij("id", "huidig_punt_id")
    with bestand.schrijf("overleg", gewijzigd.id, "gewijzigd", rij) as db:
        db["overleg"].update(gewijzigd.id, rij)


def laatste_overleg(bestand: Gemeentebestand) -> Overleg | None:
    """The meeting worked on last (so reopening resumes it), else the newest by date."""
    rij = bestand.db.execute("SELECT waarde FROM meta WHERE sleutel = 'laatste_overleg'").fetchone()
    if rij and bestand.db.execute("SELECT 1 FROM overleg WHERE id = ?", [int(rij[0])]).fetchone():
        return overleg(bestand, int(rij[0]))
    nieuwste = bestand.db.execute("SELECT id FROM overleg ORDER BY datum DESC, id DESC LIMIT 1").fetchone()
    return overleg(bestand, nieuwste[0]) if nieuwste else None


def zet_huidig_punt(bestand: Gemeentebestand, overleg_id: int, punt_id: int) -> None:
    """Remember where the walk-through is. A position, not an edit: no line in the change log."""
    if bestand.alleen_lezen:
        return
    with bestand.transactie():
        bestand.db.execute("UPDATE overleg SET huidig_punt_id = ? WHERE id = ?", [punt_id, overleg_id])
        bestand.db.execute(
            "INSERT INTO meta (sleutel, waarde) VALUES ('laatste_overleg', ?) "
            "ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde",
            [str(overleg_id)],
        )


def bewaar_notitie(bestand: Gemeentebestand, punt_id: int, tekst: str) -> None:
    with bestand.schrijf("agendapunt", punt_id, "notitie") as db:
        db.execute("UPDATE agendapunt SET notitie = ? WHERE id = ?", [tekst, punt_id])


@dataclass(frozen=True)
class PuntTelling:
    notitie: bool = False
    afspraken: int = 0
    besluiten: int = 0
    acties: int = 0


def tellingen(bestand: Gemeentebestand, overleg_id: int) -> dict[int, PuntTelling]:
    """Per agenda item: has it notes, and how many agreements, decisions and actions were made there."""
    rijen = bestand.db.execute(
        """
        SELECT p.id, p.notitie != '',
            (SELECT count(*) FROM afspraak a WHERE a.overleg_id = p.overleg_id AND a.subthema_nummer = p.subthema_nummer),
            (SELECT count(*) FROM besluit b WHERE b.agendapunt_id = p.id),
            (SELECT count(*) FROM actiepunt c WHERE c.agendapunt_id = p.id)
        FROM agendapunt p WHERE p.overleg_id = ?
        """,
        [overleg_id],
    ).fetchall()
    return {r[0]: PuntTelling(bool(r[1]), r[2], r[3], r[4]) for r in rijen}


# --- attendance ---------------------------------------------------------------------------------


def aanwezigheid(bestand: Gemeentebestand, overleg_id: int) -> dict[int, Aanwezig]:
    return {
        r["persoon_id"]: Aanwezig(r["status"])
        for r in bestand.db.query("SELECT persoon_id, status FROM aanwezigheid WHERE overleg_id = ?", [overleg_id])
    }


def zet_aanwezigheid(bestand: Gemeentebestand, regel: Aanwezigheid) -> None:
    rij = _valideer(regel).als_rij()
    with bestand.schrijf("aanwezigheid", regel.overleg_id, "aanwezigheid", rij) as db:
        db["aanwezigheid"].upsert(rij, pk=("overleg_id", "persoon_id"))


# --- agreements ---------------------------------------------------------------------------------


def afspraken(
    bestand: Gemeentebestand, agenda_id: int | None = None, subthema: str | None = None, afspraak_id: int | None = None
) -> list[Afspraak]:
    waar, parameters = [], []
    if afspraak_id is not None:
        waar.append("id = ?")
        parameters.append(afspraak_id)
    if agenda_id is not None:
        waar.append("agenda_id = ?")
        parameters.append(agenda_id)
    if subthema is not None:
        waar.append("subthema_nummer = ?")
        parameters.append(subthema)
    sql = "SELECT * FROM afspraak" + (" WHERE " + " AND ".join(waar) if waar else "") + " ORDER BY nummer"
    rijen = list(bestand.db.query(sql, parameters))
    partijen: dict[int, dict[str, list[int]]] = {}
    if rijen:
        # Only the parties of these agreements: the whole table is 30,000 rows in a large file.
        waar_koppeling = "" if not waar else " WHERE afspraak_id IN (SELECT id FROM afspraak WHERE " + " AND ".join(waar) + ")"
        for r in bestand.db.query(
            "SELECT afspraak_id, partij_id, rol FROM afspraak_partij" + waar_koppeling + " ORDER BY volgorde", parameters
        ):
            partijen.setdefault(r["afspraak_id"], {}).setdefault(r["rol"], []).append(r["partij_id"])
    return [
        Afspraak.uit_rij(
            r,
            verantwoordelijken=partijen.get(r["id"], {}).get("verantwoordelijk", []),
            betrokkenen=partijen.get(r["id"], {}).get("betrokken", []),
        )
        for r in rijen
    ]


def bewaar_afspraak(bestand: Gemeentebestand, afspraak: Afspraak, *, grond: Grond | None = None) -> Afspraak:
    """Insert (with the next stable number) or update an agreement and its parties. In an adopted
    agenda a change of content needs `grond` (its reason): see `opslag.levensloop`."""
    afspraak = _valideer(afspraak)
    oud = afspraak_met_id(bestand, afspraak.id) if afspraak.id is not None else None
    afspraak, stap = levensloop.stap(bestand, oud, afspraak, grond)
    rij = afspraak.als_rij("id", "verantwoordelijken", "betrokkenen")
    nieuw = afspraak.id is None
    with bestand.schrijf("afspraak", afspraak.id, "nieuw" if nieuw else "gewijzigd", rij) as db:
        afspraak_id = _bewaar_genummerd(db, bestand, "afspraak", afspraak.id, rij)
        db.execute("DELETE FROM afspraak_partij WHERE afspraak_id = ?", [afspraak_id])
        koppelingen = [("verantwoordelijk", p) for p in afspraak.verantwoordelijken]
        koppelingen += [("betrokken", p) for p in afspraak.betrokkenen if p not in afspraak.verantwoordelijken]
        db["afspraak_partij"].insert_all(
            {"afspraak_id": afspraak_id, "partij_id": p, "rol": rol, "volgorde": i}
            for i, (rol, p) in enumerate(koppelingen)
        )
        if stap is not None:  # in the log line, written when the block ends: its undo removes them too
            rij["afspraak_wijziging"] = [levensloop.leg_vast(db, afspraak_id, stap)]
    return afspraak_met_id(bestand, afspraak_id)


def afspraak_met_id(bestand: Gemeentebestand, afspraak_id: int) -> Afspraak:
    gevonden = afspraken(bestand, afspraak_id=afspraak_id)
    if not gevonden:
        raise NietGevonden(f"afspraak {afspraak_id}")
    return gevonden[0]


# --- decisions ----------------------------------------------------------------------------------


def besluiten(bestand: Gemeentebestand, overleg_id: int | None = None) -> list[Besluit]:
    sql = "SELECT * FROM besluit" + (" WHERE overleg_id = ?" if overleg_id is not None else "") + " ORDER BY nummer"
    return [Besluit.uit_rij(r) for r in bestand.db.query(sql, [] if overleg_id is None else [overleg_id])]


def besluit(bestand: Gemeentebestand, besluit_id: int) -> Besluit:
    return Besluit.uit_rij(bestand.db["besluit"].get(besluit_id))


def bewaar_besluit(bestand: Gemeentebestand, besluit: Besluit) -> Besluit:
    besluit = _valideer(besluit)
    rij = besluit.als_rij("id")
    nieuw = besluit.id is None
    with bestand.schrijf("besluit", besluit.id, "nieuw" if nieuw else "gewijzigd", rij) as db:
        besluit_id = _bewaar_genummerd(db, bestand, "besluit", besluit.id, rij)
    return Besluit.uit_rij(bestand.db["besluit"].get(besluit_id))


# --- actions ------------------------------------------------------------------------------------


def actiepunten(bestand: Gemeentebestand, alleen_open: bool = False, overleg_id: int | None = None) -> list[Actiepunt]:
    waar, parameters = [], []
    if alleen_open:
        waar.append("status = 'open'")
    if overleg_id is not None:
        waar.append("overleg_id = ?")
        parameters.append(overleg_id)
    sql = "SELECT * FROM actiepunt" + (" WHERE " + " AND ".join(waar) if waar else "") + " ORDER BY nummer"
    return [Actiepunt.uit_rij(r) for r in bestand.db.query(sql, parameters)]


def actiepunt(bestand: Gemeentebestand, actie_id: int) -> Actiepunt:
    return Actiepunt.uit_rij(bestand.db["actiepunt"].get(actie_id))


def item(bestand: Gemeentebestand, soort: str, item_id: int) -> Afspraak | Besluit | Actiepunt:
    """An agreement, decision or action by the name of its table, as the meeting screen's lists key them."""
    lezers = {"afspraak": afspraak_met_id, "besluit": besluit, "actiepunt": actiepunt}
    return lezers[soort](bestand, item_id)


def bewaar_actiepunt(bestand: Gemeentebestand, actie: Actiepunt) -> Actiepunt:
    actie = _valideer(actie)
    if actie.status is not ActieStatus.OPEN and actie.gereed_op is None:
        actie = replace(actie, gereed_op=datums.vandaag())
    if actie.status is ActieStatus.OPEN:
        actie = replace(actie, gereed_op=None)
    if actie.aangemaakt_op is None:
        actie = replace(actie, aangemaakt_op=datums.vandaag())
    rij = actie.als_rij("id")
    nieuw = actie.id is None
    with bestand.schrijf("actiepunt", actie.id, "nieuw" if nieuw else "gewijzigd", rij) as db:
        actie_id = _bewaar_genummerd(db, bestand, "actiepunt", actie.id, rij)
    return actiepunt(bestand, actie_id)


def zet_actiestatus(bestand: Gemeentebestand, actie_id: int, status: ActieStatus, op: dt.date | None = None) -> Actiepunt:
    gereed_op = None if status is ActieStatus.OPEN else _iso(op or datums.vandaag())
    with bestand.schrijf("actiepunt", actie_id, "status", {"status": str(status), "gereed_op": gereed_op}) as db:
        db.execute("UPDATE actiepunt SET status = ?, gereed_op = ? WHERE id = ?", [str(status), gereed_op, actie_id])
    return actiepunt(bestand, actie_id)


# --- deleting and undoing -------------------------------------------------------------------------

_VERWIJDERBAAR = {"afspraak": ("afspraak_partij", "afspraak_id"), "besluit": None, "actiepunt": None}


def verwijder(bestand: Gemeentebestand, tabel: str, rij_id: int) -> None:
    """Delete a row; its contents go into the change log so `opslag.ongedaan` can undo it."""
    if tabel not in _VERWIJDERBAAR:
        raise ValueError(tabel)
    levensloop.weigert_verwijderen(bestand, tabel, rij_id)
    rij = bestand.db[tabel].get(rij_id)
    gekoppeld: list[dict] = []
    koppeling = _VERWIJDERBAAR[tabel]
    if koppeling:
        gekoppeld = list(bestand.db.query(f"SELECT * FROM {koppeling[0]} WHERE {koppeling[1]} = ?", [rij_id]))
    # An agreement's trail (carried over, reworded) goes with it, and comes back with an undo.
    spoor = list(bestand.db.query("SELECT * FROM afspraak_wijziging WHERE afspraak_id = ?", [rij_id])) if tabel == "afspraak" else []
    with bestand.schrijf(tabel, rij_id, "verwijderd", {"rij": rij, "gekoppeld": gekoppeld, "spoor": spoor}) as db:
        if tabel == "afspraak":
            db.execute("UPDATE actiepunt SET afspraak_id = NULL WHERE afspraak_id = ?", [rij_id])
            db.execute("DELETE FROM afspraak_wijziging WHERE afspraak_id = ?", [rij_id])
        if koppeling:
            db.execute(f"DELETE FROM {koppeling[0]} WHERE {koppeling[1]} = ?", [rij_id])
        db.execute(f"DELETE FROM {tabel} WHERE id = ?", [rij_id])


def herstel_laatste_verwijdering(bestand: Gemeentebestand) -> str | None:
    """Kept for callers of before `opslag.ongedaan`: undo the newest change (a deletion among them)."""
    from opslag.ongedaan import ongedaan_maken

    return ongedaan_maken(bestand)
