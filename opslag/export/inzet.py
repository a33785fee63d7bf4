"""Inzet per partij as a document: per party its agreements in one uitvoeringsagenda (as trekker,
medeverantwoordelijk or betrokken, with status) and the actions assigned to it."""

from __future__ import annotations

import datetime as dt

from opslag.bestand import Gemeentebestand
from opslag.export.bouwstenen import gemeente
from opslag.export.modellen import Gegevens
from opslag.export.uitvoeringsagenda import kies_agenda
from opslag.inzet import ROLLEN, ROLNAMEN, inzet_per_partij
from opslag.markdown_tekst import schoon


class InzetAfspraakRegel(Gegevens):
    code: str  # AF-001
    subthema_nummer: str
    actielijn: str
    rol: str  # trekker, medeverantwoordelijk, betrokken
    status: str


class InzetActieRegel(Gegevens):
    code: str
    wat: str
    wie: str
    deadline: dt.date | None
    status: str


class PartijInzetBlok(Gegevens):
    code: str
    naam: str
    soort: str
    afspraken: list[InzetAfspraakRegel]
    acties: list[InzetActieRegel]
    trekker: int  # numbers of agreements per role
    medeverantwoordelijk: int
    betrokken: int
    per_status: str  # 'afgesproken 3, in uitvoering 1'
    acties_open: int
    acties_gereed: int
    acties_vervallen: int


class InzetDocument(Gegevens):
    titel: str
    status: str  # '' : an overview, not a document to be adopted
    gemeente: str
    periode: str
    begin: int
    eind: int
    partijen: list[PartijInzetBlok]
    aantal_afspraken: int


def bouw(bestand: Gemeentebestand, periode: str | None = None) -> InzetDocument:
    """Inzet per partij in the agenda of `periode` (by default the running one): four queries."""
    agenda_id, periode, _ = kies_agenda(bestand, periode)
    blokken = []
    for inzet in inzet_per_partij(bestand, agenda_id):
        per_rol = inzet.per_rol
        acties = inzet.actiestatus
        blokken.append(PartijInzetBlok(
            code=schoon(inzet.code), naam=schoon(inzet.naam), soort=inzet.soort,
            afspraken=[
                InzetAfspraakRegel(code=a.code, subthema_nummer=schoon(a.subthema_nummer), actielijn=schoon(a.actielijn),
                                   rol=ROLNAMEN[a.rol], status=a.status)
                for a in inzet.afspraken
            ],
            acties=[InzetActieRegel(code=a.code, wat=schoon(a.wat), wie=schoon(a.wie), deadline=a.deadline, status=a.status)
                    for a in inzet.acties],
            **{ROLNAMEN[rol]: sum(per_rol[rol].values()) for rol in ROLLEN},
            per_status=", ".join(f"{status} {aantal}" for status, aantal in inzet.per_status),
            acties_open=acties["open"], acties_gereed=acties["gereed"], acties_vervallen=acties["vervallen"],
        ))
    aantal = bestand.db.execute("SELECT count(*) FROM afspraak WHERE agenda_id = ?", [agenda_id]).fetchone()[0]
    begin, eind = (int(jaar) for jaar in periode.split("-"))
    naam = gemeente(bestand.db.conn)
    return InzetDocument(
        titel=f"Inzet per partij, uitvoeringsagenda gemeente {naam} {begin} t/m {eind}",
        status="", gemeente=naam, periode=periode, begin=begin, eind=eind, partijen=blokken, aantal_afspraken=aantal,
    )
