"""Commitments per party in one uitvoeringsagenda: what each party has taken on, as trekker (the
first responsible party), as another responsible party, or as a party involved (betrokken), and the
actions assigned to it. Reciprocity is what visitations of housing corporations look at.

Three queries, whatever the size of the file. Read-only.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from opslag.bestand import Gemeentebestand
from opslag.codes import item_code
from opslag.modellen import AfspraakStatus

_STATUSSEN = [s.value for s in AfspraakStatus]

ROLLEN = ("trekker", "verantwoordelijk", "betrokken")
ROLNAMEN = {"trekker": "trekker", "verantwoordelijk": "medeverantwoordelijk", "betrokken": "betrokken"}


@dataclass(frozen=True, slots=True)
class AfspraakInzet:
    code: str
    subthema_nummer: str
    actielijn: str
    rol: str  # one of ROLLEN
    status: str


@dataclass(frozen=True, slots=True)
class ActieInzet:
    code: str
    wat: str
    wie: str  # the person's name, or ''
    deadline: dt.date | None
    status: str  # open, gereed, vervallen


@dataclass(frozen=True, slots=True)
class PartijInzet:
    partij_id: int
    code: str
    naam: str
    soort: str
    afspraken: list[AfspraakInzet] = field(default_factory=list)
    acties: list[ActieInzet] = field(default_factory=list)

    @property
    def per_rol(self) -> dict[str, Counter[str]]:
        """Per role the number of agreements per status; every role present, possibly empty."""
        uit: dict[str, Counter[str]] = {rol: Counter() for rol in ROLLEN}
        for afspraak in self.afspraken:
            uit[afspraak.rol][afspraak.status] += 1
        return uit

    @property
    def per_status(self) -> list[tuple[str, int]]:
        """(status, number of agreements) in the order of an agreement's life; an unknown status last."""
        telling = Counter(afspraak.status for afspraak in self.afspraken)
        volgorde = sorted(telling, key=lambda s: (_STATUSSEN.index(s) if s in _STATUSSEN else len(_STATUSSEN), s))
        return [(status, telling[status]) for status in volgorde]

    @property
    def actiestatus(self) -> Counter[str]:
        return Counter(actie.status for actie in self.acties)


def inzet_per_partij(bestand: Gemeentebestand, agenda_id: int) -> list[PartijInzet]:
    """Every party of the file, in its order, with its agreements in agenda `agenda_id` (by number)
    and the actions of that agenda's meetings assigned to it or to a person of it."""
    db = bestand.db
    partijen = {
        i: PartijInzet(partij_id=i, code=code, naam=naam, soort=soort)
        for i, code, naam, soort in db.execute("SELECT id, code, naam, soort FROM partij ORDER BY volgorde, id")
    }
    trekker_gezien: set[int] = set()
    for afspraak_id, nummer, subthema, actielijn, status, partij_id, rol in db.execute(
        """
        SELECT a.id, a.nummer, a.subthema_nummer, a.actielijn, a.status, ap.partij_id, ap.rol
        FROM afspraak a JOIN afspraak_partij ap ON ap.afspraak_id = a.id
        WHERE a.agenda_id = ? ORDER BY a.nummer, ap.rol DESC, ap.volgorde
        """,
        [agenda_id],
    ):
        if rol == "verantwoordelijk":
            rol = "verantwoordelijk" if afspraak_id in trekker_gezien else "trekker"
            trekker_gezien.add(afspraak_id)
        else:
            rol = "betrokken"
        if partij_id in partijen:
            partijen[partij_id].afspraken.append(
                AfspraakInzet(item_code("afspraak", nummer), subthema, actielijn, rol, status))
    for nummer, wat, naam, deadline, status, partij_id in db.execute(
        """
        SELECT c.nummer, c.wat, COALESCE(pe.naam, ''), c.deadline, c.status, COALESCE(c.partij_id, pe.partij_id)
        FROM actiepunt c JOIN overleg o ON o.id = c.overleg_id LEFT JOIN persoon pe ON pe.id = c.persoon_id
        WHERE o.agenda_id = ? ORDER BY c.nummer
        """,
        [agenda_id],
    ):
        if partij_id in partijen:
            partijen[partij_id].acties.append(ActieInzet(
                item_code("actiepunt", nummer), wat, naam, dt.date.fromisoformat(deadline) if deadline else None, status))
    return list(partijen.values())
