"""Rows both builders read the same way: the municipality's name, agreements and their parties."""

from __future__ import annotations

import sqlite3

from opslag.codes import item_code
from opslag.export.modellen import AfspraakRegel
from opslag.markdown_tekst import schoon


def gemeente(db: sqlite3.Connection) -> str:
    # Read as stored: an export shows whatever is in the file rather than refusing it.
    return schoon(db.execute("SELECT naam FROM gemeente WHERE id = 1").fetchone()[0])


def partij_codes(rijen: list[tuple[int, str, str]]) -> dict[int, tuple[list[str], list[str]]]:
    """afspraak_id -> (codes responsible, codes involved), from rows (afspraak_id, rol, code) in order."""
    uit: dict[int, tuple[list[str], list[str]]] = {}
    for afspraak_id, rol, code in rijen:
        verantwoordelijk, betrokken = uit.setdefault(afspraak_id, ([], []))
        (verantwoordelijk if rol == "verantwoordelijk" else betrokken).append(code)
    return uit


def verantwoordelijke(verantwoordelijk: list[str], betrokken: list[str]) -> str:
    """'WDD (trekker), GZ; met HVZ': the lead named as such rather than implied by the order, as the
    form and the lists show it; those involved after 'met', without brackets inside brackets."""
    delen = []
    if verantwoordelijk:
        delen.append(", ".join([f"{verantwoordelijk[0]} (trekker)", *verantwoordelijk[1:]]))
    if betrokken:
        delen.append(f"met {', '.join(betrokken)}")
    return "; ".join(delen)


def afspraak(
    rij: tuple, codes: tuple[list[str], list[str]] | None, wijziging: str = "", eind_buiten_periode: str = "", **levensloop: object
) -> AfspraakRegel:
    afspraak_id, nummer, subthema, actielijn, doel, start, eind, status, toelichting = rij
    verantwoordelijk, betrokken = codes or ([], [])
    return AfspraakRegel(
        nummer=nummer,
        code=item_code("afspraak", nummer),
        subthema_nummer=subthema,
        actielijn=schoon(actielijn),
        doel=schoon(doel),
        start=schoon(start),
        eind=schoon(eind),
        status=status,
        toelichting=schoon(toelichting),
        verantwoordelijken=verantwoordelijk,
        betrokkenen=betrokken,
        verantwoordelijke=verantwoordelijke(verantwoordelijk, betrokken),
        wijziging=wijziging,
        eind_buiten_periode=eind_buiten_periode,
        **levensloop,  # vaststelling, toegevoegd_op, overgenomen_uit: only an uitvoeringsagenda has them
    )


AFSPRAAK_KOLOMMEN = "a.id, a.nummer, a.subthema_nummer, a.actielijn, a.doel, a.start, a.eind, a.status, a.toelichting"

