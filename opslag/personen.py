"""Correcting the people and parties of a file: edit, remove one used nowhere, merge two persons.

A typo in a name would otherwise stay in these minutes and every later meeting. Removing and
merging write what they touched into the change log (`wijziging`), so that
`opslag.ongedaan` (ctrl+z) can put it all back, here in `herstel`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from opslag.bestand import Gemeentebestand
from opslag.fouten import OngeldigeInvoer
from opslag.modellen import Partij, Persoon

# Every column that points at a person or a party (PRAGMA foreign_key_list); a test holds these
# lists against the schema, so a migration that adds one cannot be forgotten here.
VERWIJZINGEN_PERSOON = (("aanwezigheid", "persoon_id"), ("overleg", "voorzitter_id"), ("overleg", "notulist_id"), ("actiepunt", "persoon_id"))
VERWIJZINGEN_PARTIJ = (("persoon", "partij_id"), ("afspraak_partij", "partij_id"), ("actiepunt", "partij_id"),
                       ("ondertekenaar", "partij_id"))

_WAAR_PERSOON = {
    ("aanwezigheid", "persoon_id"): ("op de presentielijst van {n} overleg", "op de presentielijst van {n} overleggen"),
    ("overleg", "voorzitter_id"): ("voorzitter van {n} overleg", "voorzitter van {n} overleggen"),
    ("overleg", "notulist_id"): ("notulist van {n} overleg", "notulist van {n} overleggen"),
    ("actiepunt", "persoon_id"): ("genoemd bij {n} actiepunt", "genoemd bij {n} actiepunten"),
}
_WAAR_PARTIJ = {
    ("persoon", "partij_id"): ("partij van {n} persoon", "partij van {n} personen"),
    ("afspraak_partij", "partij_id"): ("verbonden aan {n} afspraak", "verbonden aan {n} afspraken"),
    ("actiepunt", "partij_id"): ("genoemd bij {n} actiepunt", "genoemd bij {n} actiepunten"),
    ("ondertekenaar", "partij_id"): ("ondertekenaar van {n} uitvoeringsagenda", "ondertekenaar van {n} uitvoeringsagenda's"),
}


def _valideer(rij):  # noqa: ANN001, ANN202
    from opslag.invoermodellen import valideer  # pydantic: at the first write, not at start-up

    return valideer(rij)


def _opsomming(delen: list[str]) -> str:
    return delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]


def _gebruik(bestand: Gemeentebestand, verwijzingen: tuple, rij_id: int) -> dict[tuple[str, str], int]:
    return {
        (tabel, kolom): bestand.db.execute(f"SELECT count(*) FROM {tabel} WHERE {kolom} = ?", [rij_id]).fetchone()[0]
        for tabel, kolom in verwijzingen
    }


def _gebruik_tekst(gebruik: dict[tuple[str, str], int], woorden: dict) -> str:
    """'voorzitter van 1 overleg en genoemd bij 2 actiepunten'; '' when used nowhere."""
    delen = [woorden[plek][n != 1].format(n=n) for plek, n in gebruik.items() if n]
    return _opsomming(delen) if delen else ""


# --- persons ------------------------------------------------------------------------------------


def persoon(bestand: Gemeentebestand, persoon_id: int) -> Persoon:
    return Persoon.uit_rij(bestand.db["persoon"].get(persoon_id))


def waar_gebruikt_persoon(bestand: Gemeentebestand, persoon_id: int) -> str:
    return _gebruik_tekst(_gebruik(bestand, VERWIJZINGEN_PERSOON, persoon_id), _WAAR_PERSOON)


def _controleer_persoon(bestand: Gemeentebestand, gewijzigd: Persoon) -> Persoon:
    if not gewijzigd.naam.strip():
        raise OngeldigeInvoer("naam", "De naam is verplicht; vul iets in.")
    if gewijzigd.partij_id is not None and not bestand.db.execute("SELECT 1 FROM partij WHERE id = ?", [gewijzigd.partij_id]).fetchone():
        raise OngeldigeInvoer("partij", "Deze partij bestaat niet (meer); kies een andere.")
    return _valideer(gewijzigd)


def wijzig_persoon(bestand: Gemeentebestand, gewijzigd: Persoon) -> Persoon:
    """Name, function and party of an existing person; everything that names them follows."""
    if gewijzigd.id is None:
        raise ValueError("wijzig_persoon needs an id")
    persoon(bestand, gewijzigd.id)  # NietGevonden when removed meanwhile
    gewijzigd = _controleer_persoon(bestand, gewijzigd)
    rij = gewijzigd.als_rij("id")
    with bestand.schrijf("persoon", gewijzigd.id, "gewijzigd", rij) as db:
        db["persoon"].update(gewijzigd.id, rij)
    return persoon(bestand, gewijzigd.id)


def verwijder_persoon(bestand: Gemeentebestand, persoon_id: int) -> None:
    """Only a person used nowhere: a name in minutes already written must not vanish."""
    weg = persoon(bestand, persoon_id)
    waar = waar_gebruikt_persoon(bestand, persoon_id)
    if waar:
        raise OngeldigeInvoer(
            "persoon",
            f"{weg.naam} kan niet verwijderd worden: {waar}. Is het een dubbele of verkeerd gespelde naam? "
            "Voeg deze persoon dan samen met de juiste (s).",
        )
    rij = bestand.db["persoon"].get(persoon_id)
    with bestand.schrijf("persoon", persoon_id, "verwijderd", {"rij": rij}) as db:
        db.execute("DELETE FROM persoon WHERE id = ?", [persoon_id])


def voeg_personen_samen(bestand: Gemeentebestand, van_id: int, naar_id: int) -> Persoon:
    """Merge person `van_id` (the typo) into `naar_id`: every reference moves, `van_id` goes.

    Where both are on the same meeting's attendance list, the status of `naar_id` stays. What
    moved is logged, so undoing puts each reference back where it was."""
    if van_id == naar_id:
        raise OngeldigeInvoer("persoon", "Kies een andere persoon om mee samen te voegen.")
    persoon(bestand, van_id)  # NietGevonden when removed meanwhile
    blijft = persoon(bestand, naar_id)
    rij = bestand.db["persoon"].get(van_id)
    aanwezig = list(bestand.db.query("SELECT * FROM aanwezigheid WHERE persoon_id = ?", [van_id]))
    al_op_lijst = {r[0] for r in bestand.db.execute("SELECT overleg_id FROM aanwezigheid WHERE persoon_id = ?", [naar_id])}
    verplaatst = [r["overleg_id"] for r in aanwezig if r["overleg_id"] not in al_op_lijst]
    verwijzingen = {
        f"{tabel}.{kolom}": [r[0] for r in bestand.db.execute(f"SELECT id FROM {tabel} WHERE {kolom} = ?", [van_id])]
        for tabel, kolom in VERWIJZINGEN_PERSOON
        if tabel != "aanwezigheid"
    }
    gegevens = {"rij": rij, "naar": naar_id, "aanwezigheid": aanwezig, "verplaatst": verplaatst, "verwijzingen": verwijzingen}
    with bestand.schrijf("persoon", van_id, "samengevoegd", gegevens) as db:
        for overleg_id in verplaatst:
            db.execute("UPDATE aanwezigheid SET persoon_id = ? WHERE persoon_id = ? AND overleg_id = ?", [naar_id, van_id, overleg_id])
        db.execute("DELETE FROM aanwezigheid WHERE persoon_id = ?", [van_id])
        for tabel, kolom in VERWIJZINGEN_PERSOON:
            if tabel != "aanwezigheid":
                db.execute(f"UPDATE {tabel} SET {kolom} = ? WHERE {kolom} = ?", [naar_id, van_id])
        db.execute("DELETE FROM persoon WHERE id = ?", [van_id])
    return blijft


def wis_aanwezigheid(bestand: Gemeentebestand, overleg_id: int, persoon_id: int) -> None:
    """Back to 'not set' for this meeting: the person is on no list, present nor absent."""
    with bestand.schrijf("aanwezigheid", overleg_id, "aanwezigheid", {"persoon_id": persoon_id, "status": None}) as db:
        db.execute("DELETE FROM aanwezigheid WHERE overleg_id = ? AND persoon_id = ?", [overleg_id, persoon_id])


# --- parties ------------------------------------------------------------------------------------


def partij(bestand: Gemeentebestand, partij_id: int) -> Partij:
    return Partij.uit_rij(bestand.db["partij"].get(partij_id))


def waar_gebruikt_partij(bestand: Gemeentebestand, partij_id: int) -> str:
    return _gebruik_tekst(_gebruik(bestand, VERWIJZINGEN_PARTIJ, partij_id), _WAAR_PARTIJ)


def wijzig_partij(bestand: Gemeentebestand, gewijzigd: Partij) -> Partij:
    """Name, code and kind of an existing party; its place in the order stays."""
    if gewijzigd.id is None:
        raise ValueError("wijzig_partij needs an id")
    gewijzigd = _valideer(replace(gewijzigd, volgorde=partij(bestand, gewijzigd.id).volgorde))
    if bestand.db.execute("SELECT 1 FROM partij WHERE code = ? AND id != ?", [gewijzigd.code, gewijzigd.id]).fetchone():
        raise OngeldigeInvoer("code", f"De afkorting {gewijzigd.code} is al in gebruik voor een andere partij.")
    rij = gewijzigd.als_rij("id")
    with bestand.schrijf("partij", gewijzigd.id, "gewijzigd", rij) as db:
        db["partij"].update(gewijzigd.id, rij)
    return partij(bestand, gewijzigd.id)


def verwijder_partij(bestand: Gemeentebestand, partij_id: int) -> None:
    weg = partij(bestand, partij_id)
    waar = waar_gebruikt_partij(bestand, partij_id)
    if waar:
        raise OngeldigeInvoer("partij", f"{weg.code} ({weg.naam}) kan niet verwijderd worden: {waar}.")
    rij = bestand.db["partij"].get(partij_id)
    with bestand.schrijf("partij", partij_id, "verwijderd", {"rij": rij}) as db:
        db.execute("DELETE FROM partij WHERE id = ?", [partij_id])


# --- undo ---------------------------------------------------------------------------------------


def _zet_terug(bestand: Gemeentebestand, tabel: str, rij: dict) -> int:
    """Insert a removed row again; under a new id if a new row took its old one meanwhile."""
    if bestand.db.execute(f"SELECT 1 FROM {tabel} WHERE id = ?", [rij["id"]]).fetchone():
        rij = {k: v for k, v in rij.items() if k != "id"}
    return bestand.db[tabel].insert(rij).last_pk


def herstel(bestand: Gemeentebestand, tabel: str, actie: str, inhoud: dict) -> tuple[int, str]:
    """Undo a removal or merge of a person or party, inside the caller's transaction
    (`opslag.ongedaan`); returns the id it came back under and its name."""
    rij = inhoud["rij"]
    if tabel == "partij" and bestand.db.execute("SELECT 1 FROM partij WHERE code = ?", [rij["code"]]).fetchone():
        raise OngeldigeInvoer(
            "code", f"{rij['code']} ({rij['naam']}) kan niet teruggezet worden: er is inmiddels een andere partij met die afkorting."
        )
    if rij.get("partij_id") is not None and not bestand.db.execute("SELECT 1 FROM partij WHERE id = ?", [rij["partij_id"]]).fetchone():
        rij = rij | {"partij_id": None}
    db = bestand.db
    nieuw_id = _zet_terug(bestand, tabel, rij)
    if actie == "samengevoegd":
        naar = inhoud["naar"]
        for plek, ids in inhoud["verwijzingen"].items():
            tabel_v, kolom = plek.split(".")
            for rij_id in ids:  # only what still points where the merge put it
                db.execute(f"UPDATE {tabel_v} SET {kolom} = ? WHERE id = ? AND {kolom} = ?", [nieuw_id, rij_id, naar])
        for overleg_id in inhoud["verplaatst"]:
            db.execute("DELETE FROM aanwezigheid WHERE overleg_id = ? AND persoon_id = ?", [overleg_id, naar])
        for regel in inhoud["aanwezigheid"]:
            if db.execute("SELECT 1 FROM overleg WHERE id = ?", [regel["overleg_id"]]).fetchone():
                db["aanwezigheid"].upsert(regel | {"persoon_id": nieuw_id}, pk=("overleg_id", "persoon_id"))
    return nieuw_id, f"Partij {rij['code']}" if tabel == "partij" else rij["naam"]
