"""Undo and redo (ctrl+z, ctrl+y) through the change log, so they also work after a restart.

Undo takes the newest change to an agreement, decision, action, agenda item, person, party or
attendance that is not undone yet and puts back the row as the log kept it (`oud`, see
`opslag.wijzigingslog`). Its own line ('ongedaan') keeps the row as it was before the undo, so
redo ('opnieuw') is the same restore the other way. Typed notes are left out: undoing text is
the note field's business. Each undo or redo is one transaction with its line.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass

from opslag import agenda, levensloop, wijzigingslog
from opslag.bestand import Gemeentebestand
from opslag.codes import item_code
from opslag.fouten import OngeldigeInvoer, OverlegGesloten
from opslag.wijzigingslog import momentopname, verschil

TABELLEN = ("afspraak", "besluit", "actiepunt", "agendapunt", "persoon", "partij", "aanwezigheid")
ACTIES = ("nieuw", "gewijzigd", "status", "verwijderd", "samengevoegd", "aanwezigheid", "verplaatst")
_PARTIJLIJSTEN = ("verantwoordelijken", "betrokkenen")
_KOPPELING = {"afspraak": ("afspraak_partij", "afspraak_id")}
_REGEL = "SELECT id, tabel, rij_id, actie, gegevens, oud, overleg_id, tijdstip FROM wijziging"


@dataclass(frozen=True)
class _Regel:
    id: int
    tabel: str
    rij_id: int | None
    actie: str
    gegevens: dict
    oud: str | None  # JSON text; None: not recorded
    overleg_id: int | None
    tijdstip: str

    @classmethod
    def lees(cls, rij: tuple) -> _Regel:
        gegevens = json.loads(rij[4] or "{}")
        return cls(rij[0], rij[1], rij[2], rij[3], gegevens if isinstance(gegevens, dict) else {}, rij[5], rij[6], rij[7])

    @property
    def oude_rij(self) -> dict | None:
        return json.loads(self.oud) if self.oud is not None else None


def _laatste(bestand: Gemeentebestand) -> _Regel | None:
    """The newest change that can be undone. A deletion put back by the undo of before schema 6
    has a 'hersteld' line naming it instead of `ongedaan_door`."""
    rij = bestand.db.execute(
        f"""{_REGEL} w WHERE ongedaan_door IS NULL
        AND tabel IN ({", ".join("?" * len(TABELLEN))}) AND actie IN ({", ".join("?" * len(ACTIES))})
        AND NOT EXISTS (SELECT 1 FROM wijziging h WHERE h.actie = 'hersteld' AND h.gegevens = CAST(w.id AS TEXT))
        ORDER BY id DESC LIMIT 1""",
        [*TABELLEN, *ACTIES],
    ).fetchone()
    return _Regel.lees(rij) if rij else None


# --- naming what changed -------------------------------------------------------------------------


def _naam(bestand: Gemeentebestand, tabel: str, rij: dict) -> str:
    if tabel in ("afspraak", "besluit", "actiepunt"):
        return item_code(tabel, rij.get("nummer"))
    if tabel == "agendapunt":
        return f"Agendapunt {rij.get('titel') or 'subthema ' + str(rij.get('subthema_nummer'))}"
    if tabel == "partij":
        return f"Partij {rij.get('code')}"
    if tabel == "aanwezigheid":
        persoon = bestand.db.execute("SELECT naam FROM persoon WHERE id = ?", [rij.get("persoon_id")]).fetchone()
        return f"Aanwezigheid van {persoon[0] if persoon else 'een verwijderde persoon'}"
    return str(rij.get("naam", tabel))


def _waarde(bestand: Gemeentebestand, veld: str, waarde: object) -> str:
    if veld in _PARTIJLIJSTEN and isinstance(waarde, list):
        codes = dict(bestand.db.execute("SELECT id, code FROM partij").fetchall())
        return ", ".join(codes.get(p, "?") for p in waarde) or "geen"
    return "leeg" if waarde in (None, "") else f"'{waarde}'"


def _beschrijf(bestand: Gemeentebestand, tabel: str, nu: dict | None, doel: dict | None, terug: bool) -> str:
    """'AF-003: actielijn terug naar 'Bouw 40 woningen'', 'B-004 verwijderd (was nieuw)'."""
    if doel is None or (tabel == "aanwezigheid" and doel.get("status") is None and nu and nu.get("status") is None):
        return f"{_naam(bestand, tabel, nu or {})} {'verwijderd (was nieuw)' if terug else 'weer verwijderd'}"
    naam = _naam(bestand, tabel, doel)
    if nu is None:
        return f"{naam} {'teruggezet (was verwijderd)' if terug else 'weer toegevoegd'}"
    if tabel == "aanwezigheid":
        status = doel.get("status")
        return f"{naam}: {'terug naar' if terug else 'weer'} {status if status else 'niet ingevuld'}"
    from opslag.geschiedenis import VELDNAMEN, zonder_afgeleid

    velden = zonder_afgeleid(sorted(verschil(nu, doel) - {"id", "nummer"}))
    if not velden:
        return f"{naam}: niets veranderd"
    if len(velden) == 1:
        veld = VELDNAMEN.get(velden[0], velden[0]) if tabel == "afspraak" else velden[0]
        return f"{naam}: {veld} {'terug naar' if terug else 'weer'} {_waarde(bestand, velden[0], doel.get(velden[0]))}"
    namen = [VELDNAMEN.get(v, v) if tabel == "afspraak" else v for v in velden]
    opsomming = ", ".join(namen[:-1]) + " en " + namen[-1]
    return f"{naam}: {opsomming} {'teruggezet' if terug else 'opnieuw gewijzigd'}"


# --- putting rows back ---------------------------------------------------------------------------


def _verwijder(bestand: Gemeentebestand, tabel: str, rij_id: int) -> list[dict]:
    """Remove a row as deleting it in the app does; returns the amendment rows that went with an
    agreement, for redo. A row something else now depends on stays, with a Dutch message."""
    db = bestand.db
    weg: list[dict] = []
    if tabel == "agendapunt":
        punt = agenda._punt(bestand, rij_id)
        gevonden = agenda.inhoud(bestand, punt)
        if gevonden:
            raise OngeldigeInvoer("ongedaan", f"{_naam(bestand, tabel, punt.als_rij())} heeft inmiddels inhoud ({', '.join(gevonden)}); "
                                              "ongedaan maken zou die wissen. Verwijder die eerst.")
        overige = [p.id for p in agenda.agendapunten(bestand, punt.overleg_id) if p.id != rij_id]
        db.execute("UPDATE overleg SET huidig_punt_id = ? WHERE id = ? AND huidig_punt_id = ?",
                   [overige[min(punt.volgorde, len(overige) - 1)] if overige else None, punt.overleg_id, rij_id])
        db.execute("DELETE FROM agendapunt WHERE id = ?", [rij_id])
        agenda._nummer(db, overige)
        return weg
    if tabel == "afspraak":
        levensloop.weigert_meegenomen(bestand, rij_id)
        weg = list(db.query("SELECT * FROM afspraak_wijziging WHERE afspraak_id = ?", [rij_id]))
        db.execute("DELETE FROM afspraak_wijziging WHERE afspraak_id = ?", [rij_id])
        db.execute("UPDATE actiepunt SET afspraak_id = NULL WHERE afspraak_id = ?", [rij_id])
        db.execute("DELETE FROM afspraak_partij WHERE afspraak_id = ?", [rij_id])
    try:
        db.execute(f'DELETE FROM "{tabel}" WHERE id = ?', [rij_id])
    except sqlite3.IntegrityError:
        naam = _naam(bestand, tabel, momentopname(db, tabel, rij_id) or {})
        raise OngeldigeInvoer("ongedaan", f"{naam} wordt inmiddels elders gebruikt en kan niet weggehaald worden.") from None
    return weg


def _zet(bestand: Gemeentebestand, tabel: str, rij_id: int, rij: dict | None, gegevens: dict) -> list[dict]:
    """Make row `rij_id` of `tabel` what `rij` says: None removes it, a missing one comes back."""
    db = bestand.db
    if tabel == "aanwezigheid":
        if rij is None or rij.get("status") is None:
            db.execute("DELETE FROM aanwezigheid WHERE overleg_id = ? AND persoon_id = ?", [rij_id, gegevens.get("persoon_id")])
        else:
            db["aanwezigheid"].upsert({"overleg_id": rij_id, "persoon_id": rij["persoon_id"], "status": rij["status"]},
                                      pk=("overleg_id", "persoon_id"))
        return []
    if rij is None:
        return _verwijder(bestand, tabel, rij_id)
    kolommen = {k: v for k, v in rij.items() if k not in _PARTIJLIJSTEN}
    if momentopname(db, tabel, rij_id) is None:
        if tabel == "agendapunt":
            agenda.herstel_punt(bestand, kolommen)
        else:
            db[tabel].insert(kolommen)
    else:
        db[tabel].update(rij_id, {k: v for k, v in kolommen.items() if k != "id"})
    if tabel == "afspraak":
        db.execute("DELETE FROM afspraak_partij WHERE afspraak_id = ?", [rij_id])
        koppelingen = [("verantwoordelijk", p) for p in rij.get("verantwoordelijken", [])]
        koppelingen += [("betrokken", p) for p in rij.get("betrokkenen", [])]
        db["afspraak_partij"].insert_all(
            {"afspraak_id": rij_id, "partij_id": p, "rol": rol, "volgorde": i} for i, (rol, p) in enumerate(koppelingen)
        )
    return []


def _herstel_verwijdering(bestand: Gemeentebestand, regel: _Regel) -> int:
    """A deletion or merge put back as before schema 6 did (those lines have no `oud`)."""
    inhoud = regel.gegevens
    if regel.tabel in ("persoon", "partij"):
        from opslag import personen

        return personen.herstel(bestand, regel.tabel, regel.actie, inhoud)[0]
    if regel.tabel == "agendapunt":  # back at its place on the agenda
        agenda.herstel_punt(bestand, inhoud["rij"])
    else:
        bestand.db[regel.tabel].insert(inhoud["rij"])
    koppeling = _KOPPELING.get(regel.tabel)
    if koppeling and inhoud.get("gekoppeld"):
        bestand.db[koppeling[0]].insert_all(inhoud["gekoppeld"])
    if inhoud.get("spoor"):
        bestand.db["afspraak_wijziging"].insert_all(inhoud["spoor"])
    return regel.rij_id


def _verplaats(bestand: Gemeentebestand, regel: _Regel, van: int, naar: int) -> None:
    """The agenda item of `regel`, now at place `van`, back to `naar` (both index in the agenda)."""
    punt = agenda._punt(bestand, regel.rij_id)
    ids = [p.id for p in agenda.agendapunten(bestand, punt.overleg_id)]
    if ids.index(regel.rij_id) != van:
        raise OngeldigeInvoer("ongedaan", "De agenda is inmiddels anders; zet het punt met alt+↑ of alt+↓ terug.")
    ids.insert(naar, ids.pop(van))
    agenda._nummer(bestand.db, ids)


def _controleer_open(bestand: Gemeentebestand, regel: _Regel, nu: dict | None, doel: dict | None) -> None:
    """Undo and redo change a meeting's record too: not in a closed meeting, except progress."""
    ids = [regel.overleg_id, *(r.get("overleg_id") for r in (nu, doel, regel.gegevens.get("rij")) if isinstance(r, dict))]
    if regel.tabel == "aanwezigheid":
        ids = [regel.rij_id]
    datum = wijzigingslog.gesloten(bestand.db, [i for i in dict.fromkeys(ids) if i is not None])
    if datum is not None and not wijzigingslog.is_voortgang(regel.tabel, nu, doel):
        raise OverlegGesloten(datum)


def _toon_tijdstip(tijdstip: str) -> str:
    return dt.datetime.fromisoformat(tijdstip).strftime("%d-%m-%Y %H:%M")


# Changes of many rows at once, or of the agenda's standing, that ctrl+z does not undo;
# with the way to undo them instead. Undo stops there rather than reach past them to an older
# change the minute-taker does not expect.
_GRENZEN = {
    ("afspraak", "geimporteerd"): (
        "het importeren van een uitvoeringsagenda",
        "Verwijder de ingelezen afspraken, of zet met 'tripartiet herstel' de reservekopie van vóór het importeren terug.",
    ),
    ("uitvoeringsagenda", "periode gestart"): (
        "het starten van een nieuwe periode",
        "Zet met 'tripartiet herstel' de reservekopie van daarvoor terug als de periode er niet had moeten zijn.",
    ),
    ("uitvoeringsagenda", "vastgesteld"): (
        "het vaststellen van de uitvoeringsagenda",
        "Was er iets fout, stel dan opnieuw vast met de juiste datum, plaats en ondertekenaars (ctrl+p).",
    ),
}


def _grens(bestand: Gemeentebestand, na: int) -> str | None:
    """The Dutch refusal when a change ctrl+z does not undo is newer than log line `na`."""
    rij = bestand.db.execute(
        "SELECT tabel, actie, tijdstip FROM wijziging WHERE id > ? AND ongedaan_door IS NULL "
        f"AND (tabel || '/' || actie) IN ({', '.join('?' * len(_GRENZEN))}) ORDER BY id DESC LIMIT 1",
        [na, *(f"{tabel}/{actie}" for tabel, actie in _GRENZEN)],
    ).fetchone()
    if rij is None:
        return None
    wat, hoe = _GRENZEN[(rij[0], rij[1])]
    return (f"De laatste wijziging is {wat} ({_toon_tijdstip(rij[2])}); die maakt ctrl+z niet ongedaan, en wat "
            f"ervoor gebeurde daardoor ook niet. {hoe}")


def ongedaan_maken(bestand: Gemeentebestand) -> str | None:
    """Undo the newest change not undone yet; returns what was undone, in Dutch (None: nothing)."""
    regel = _laatste(bestand)
    if (grens := _grens(bestand, regel.id if regel else 0)) is not None:
        raise OngeldigeInvoer("ongedaan", grens)
    if regel is None:
        return None
    verwijdering = regel.actie in ("verwijderd", "samengevoegd")
    if regel.oud is None and not verwijdering:
        raise OngeldigeInvoer(
            "ongedaan",
            f"De laatste wijziging ({regel.tabel}, {_toon_tijdstip(regel.tijdstip)}) is gemaakt met een oudere versie van "
            "Tripartiet, die de oude waarden niet bewaarde; die kan niet ongedaan gemaakt worden. Van toen kunnen alleen "
            "verwijderingen nog teruggezet worden.",
        )
    nu = momentopname(bestand.db, regel.tabel, regel.rij_id, regel.gegevens)
    doel = regel.gegevens.get("rij") if verwijdering and regel.oud is None else regel.oude_rij
    if regel.actie == "nieuw" and nu is None:
        raise OngeldigeInvoer("ongedaan", f"{regel.tabel} {regel.rij_id} is er niet meer; er valt niets ongedaan te maken.")
    _controleer_open(bestand, regel, nu, doel)
    beschrijving = (
        f"{_naam(bestand, regel.tabel, nu or {})} terug op de oude plaats" if regel.actie == "verplaatst"
        else _beschrijf(bestand, regel.tabel, nu, doel, terug=True)
    )
    extra: dict = {}
    with bestand.transactie() as db:
        rij_id = regel.rij_id
        if regel.actie == "verplaatst":
            _verplaats(bestand, regel, regel.gegevens["naar"], regel.gegevens["van"])
        elif verwijdering:
            rij_id = _herstel_verwijdering(bestand, regel)
        else:
            weg = _zet(bestand, regel.tabel, regel.rij_id, doel, regel.gegevens)
            if weg:
                extra["afspraak_wijziging_rijen"] = weg
        if wijziging_ids := regel.gegevens.get("afspraak_wijziging"):
            weg = list(db.query(f"SELECT * FROM afspraak_wijziging WHERE id IN ({', '.join('?' * len(wijziging_ids))})", wijziging_ids))
            db.execute(f"DELETE FROM afspraak_wijziging WHERE id IN ({', '.join('?' * len(wijziging_ids))})", wijziging_ids)
            extra["afspraak_wijziging_rijen"] = extra.get("afspraak_wijziging_rijen", []) + weg
        if "persoon_id" in regel.gegevens and regel.tabel == "aanwezigheid":
            extra["persoon_id"] = regel.gegevens["persoon_id"]
        oud = json.dumps(nu, ensure_ascii=False, default=str)
        eigen = wijzigingslog.schrijf_regel(db, regel.tabel, rij_id, "ongedaan", {"van": regel.id, **extra}, oud, regel.overleg_id)
        db.execute("UPDATE wijziging SET ongedaan_door = ? WHERE id = ?", [eigen, regel.id])
    return beschrijving


def opnieuw(bestand: Gemeentebestand) -> str:
    """Redo the newest undo, as long as nothing else changed since; returns what was redone."""
    niets = OngeldigeInvoer("opnieuw", "Er is niets om opnieuw te doen: er is niets ongedaan gemaakt, of er is sindsdien iets anders gewijzigd.")
    rij = bestand.db.execute(f"{_REGEL} WHERE actie = 'ongedaan' AND ongedaan_door IS NULL ORDER BY id DESC LIMIT 1").fetchone()
    if rij is None:
        raise niets
    terug = _Regel.lees(rij)
    if bestand.db.execute("SELECT 1 FROM wijziging WHERE id > ? AND actie NOT IN ('ongedaan', 'opnieuw')", [terug.id]).fetchone():
        raise niets
    origineel = _Regel.lees(bestand.db.execute(f"{_REGEL} WHERE id = ?", [terug.gegevens["van"]]).fetchone())
    if origineel.actie == "samengevoegd":
        raise OngeldigeInvoer("opnieuw", "Samenvoegen kan niet opnieuw gedaan worden met ctrl+y; voeg de personen opnieuw samen.")
    nu = momentopname(bestand.db, terug.tabel, terug.rij_id, terug.gegevens)
    doel = terug.oude_rij
    _controleer_open(bestand, origineel, nu, doel)
    beschrijving = (
        f"{_naam(bestand, terug.tabel, nu or {})} weer verplaatst" if origineel.actie == "verplaatst"
        else _beschrijf(bestand, terug.tabel, nu, doel, terug=False)
    )
    with bestand.transactie() as db:
        if origineel.actie == "verplaatst":
            _verplaats(bestand, origineel, origineel.gegevens["van"], origineel.gegevens["naar"])
        else:
            _zet(bestand, terug.tabel, terug.rij_id, doel, terug.gegevens)
        for aw in terug.gegevens.get("afspraak_wijziging_rijen", []):
            db["afspraak_wijziging"].insert(aw)
        oud = json.dumps(nu, ensure_ascii=False, default=str)
        eigen = wijzigingslog.schrijf_regel(db, terug.tabel, terug.rij_id, "opnieuw", {"van": terug.id}, oud, terug.overleg_id)
        db.execute("UPDATE wijziging SET ongedaan_door = ? WHERE id = ?", [eigen, terug.id])
        db.execute("UPDATE wijziging SET ongedaan_door = NULL WHERE id = ?", [origineel.id])
    return beschrijving
