"""The action list: the actions of all meetings as one flat, filterable and sortable list.

Read-only and built by one SQL query, so that the list stays quick with tens of thousands of
actions: filtering and sorting happen in SQLite, and the `actiepunt(status, deadline)` index
narrows "open" and "te laat" to the rows concerned. Marking an action done is
`opslag.notulen.zet_actiestatus`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar, Literal

from opslag import datums
from opslag.bestand import Gemeentebestand
from opslag.codes import item_code
from opslag.modellen import ActieStatus, Omzetting, Rij

Sortering = Literal["deadline", "nummer", "wie", "subthema"]
SORTERINGEN: tuple[Sortering, ...] = ("deadline", "nummer", "wie", "subthema")

# Every order ends on the stable number, so equal keys never shuffle between refreshes.
_OP_DEADLINE = "a.deadline IS NULL, a.deadline, a.nummer"
_VOLGORDE: dict[str, str] = {
    "deadline": _OP_DEADLINE,
    "nummer": "a.nummer",
    # People by name (no person last), then actions for a party only, by party code.
    "wie": f"pe.naam IS NULL, pe.naam COLLATE NOCASE, pa.code IS NULL, pa.code, {_OP_DEADLINE}",
    # Subthemes in the order of the framework, not by string ('1.10' after '1.9'); none last.
    "subthema": f"s.volgorde IS NULL, s.volgorde, {_OP_DEADLINE}",
}

_SQL = """
SELECT
    a.id,
    a.nummer,
    a.wat,
    COALESCE(pe.naam, '') AS persoon,
    COALESCE(pa.code, '') AS partij,
    COALESCE(a.subthema_nummer, '') AS subthema_nummer,
    a.deadline,
    a.status,
    a.gereed_op,
    o.datum AS overleg,
    (a.status = 'open' AND a.deadline IS NOT NULL AND a.deadline < :vandaag) AS te_laat
FROM actiepunt a
LEFT JOIN persoon pe ON pe.id = a.persoon_id
LEFT JOIN partij pa ON pa.id = COALESCE(a.partij_id, pe.partij_id)
LEFT JOIN overleg o ON o.id = a.overleg_id
LEFT JOIN subthema s ON s.nummer = a.subthema_nummer
"""


def _datum(waarde: str) -> dt.date:
    return dt.date.fromisoformat(waarde)


@dataclass(frozen=True, slots=True, kw_only=True)
class ActieRegel(Rij):
    """One line of the action list, with the names already looked up."""

    OMZETTEN: ClassVar[Omzetting] = {
        "deadline": _datum, "gereed_op": _datum, "overleg": _datum, "status": ActieStatus, "te_laat": bool,
    }

    id: int
    nummer: int
    wat: str
    persoon: str = ""  # name of the person, "" when nobody is named
    partij: str = ""  # party code: the action's party, else the person's party, else ""
    subthema_nummer: str = ""  # "" for actions outside a subtheme (e.g. from the rondvraag)
    deadline: dt.date | None = None
    status: ActieStatus = ActieStatus.OPEN
    gereed_op: dt.date | None = None
    overleg: dt.date | None = None  # date of the meeting the action came from
    te_laat: bool = False  # open and its deadline lies before today

    @property
    def code(self) -> str:
        return item_code("actiepunt", self.nummer)


def _filter(
    *,
    alleen_open: bool,
    partij_id: int | None,
    persoon_id: int | None,
    subthema: str | None,
    alleen_te_laat: bool,
    vandaag: dt.date | None,
    behalve_overleg: int | None,
    uiterlijk_aangemaakt: dt.date | None,
) -> tuple[str, dict[str, object]]:
    vandaag = vandaag or datums.vandaag()
    parameters: dict[str, object] = {"vandaag": vandaag.isoformat()}
    waar: list[str] = []
    if alleen_open or alleen_te_laat:
        waar.append("a.status = :open")
        parameters["open"] = str(ActieStatus.OPEN)
    if alleen_te_laat:
        # Together with the status term a range on the (status, deadline) index.
        waar.append("a.deadline < :vandaag")
    if partij_id is not None:
        waar.append("COALESCE(a.partij_id, pe.partij_id) = :partij_id")
        parameters["partij_id"] = partij_id
    if persoon_id is not None:
        waar.append("a.persoon_id = :persoon_id")
        parameters["persoon_id"] = persoon_id
    if subthema is not None:
        waar.append("a.subthema_nummer = :subthema")
        parameters["subthema"] = subthema
    if behalve_overleg is not None:
        waar.append("a.overleg_id IS NOT :behalve_overleg")
        parameters["behalve_overleg"] = behalve_overleg
    if uiterlijk_aangemaakt is not None:
        waar.append("COALESCE(a.aangemaakt_op, '') <= :uiterlijk")
        parameters["uiterlijk"] = uiterlijk_aangemaakt.isoformat()
    return (" WHERE " + " AND ".join(waar) if waar else ""), parameters


def actielijst(
    bestand: Gemeentebestand,
    *,
    alleen_open: bool = True,
    partij_id: int | None = None,
    persoon_id: int | None = None,
    subthema: str | None = None,
    alleen_te_laat: bool = False,
    sorteer: Sortering = "deadline",
    vandaag: dt.date | None = None,
    behalve_overleg: int | None = None,
    uiterlijk_aangemaakt: dt.date | None = None,
    limiet: int | None = None,
) -> list[ActieRegel]:
    """The actions of all meetings, filtered and sorted in one query.

    `partij_id` matches the action's party, or the party of its person when the action names
    no party. `alleen_te_laat` implies open. `sorteer` is one of SORTERINGEN; "deadline" puts
    actions without a deadline last. `behalve_overleg` and `uiterlijk_aangemaakt` give the
    actions of earlier meetings, as a meeting's "actielijst doorlopen" shows them.
    """
    if sorteer not in _VOLGORDE:
        raise ValueError(f"onbekende sortering {sorteer!r}; kies uit {', '.join(SORTERINGEN)}")
    waar, parameters = _filter(
        alleen_open=alleen_open, partij_id=partij_id, persoon_id=persoon_id, subthema=subthema,
        alleen_te_laat=alleen_te_laat, vandaag=vandaag, behalve_overleg=behalve_overleg,
        uiterlijk_aangemaakt=uiterlijk_aangemaakt,
    )
    sql = _SQL + waar + " ORDER BY " + _VOLGORDE[sorteer]
    if limiet is not None:
        sql += f" LIMIT {int(limiet)}"
    cursor = bestand.db.execute(sql, parameters)
    kolommen = [k[0] for k in cursor.description]
    return [ActieRegel.uit_rij(dict(zip(kolommen, rij))) for rij in cursor]


@dataclass(frozen=True, slots=True)
class Telling:
    aantal: int
    open: int
    te_laat: int


def tel(bestand: Gemeentebestand, **filters: object) -> Telling:
    """How many actions the same filters give, without loading them (for the summary line)."""
    filters.pop("sorteer", None)
    filters.pop("limiet", None)
    standaard = {
        "alleen_open": True, "partij_id": None, "persoon_id": None, "subthema": None, "alleen_te_laat": False,
        "vandaag": None, "behalve_overleg": None, "uiterlijk_aangemaakt": None,
    }
    waar, parameters = _filter(**(standaard | filters))  # type: ignore[arg-type]
    # The person is joined only for a party filter: without it the open actions are counted
    # from the (status, deadline) index alone, in a third of the time on 40,000 actions.
    persoon = " LEFT JOIN persoon pe ON pe.id = a.persoon_id" if "pe." in waar else ""
    rij = bestand.db.execute(
        "SELECT count(*), coalesce(sum(a.status = 'open'), 0), "
        "coalesce(sum(a.status = 'open' AND a.deadline IS NOT NULL AND a.deadline < :vandaag), 0) "
        "FROM actiepunt a" + persoon + waar,
        parameters,
    ).fetchone()
    return Telling(aantal=rij[0], open=rij[1], te_laat=rij[2])
