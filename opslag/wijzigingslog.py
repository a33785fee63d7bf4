"""The change log: each write's line keeps the row as it was before (`oud`) and its meeting, so
history can show every change and `opslag.ongedaan` can undo it, also after a restart. Here too
the guard that keeps a closed meeting read-only: every write passes `Gemeentebestand.schrijf`,
so no write path can forget it.

`oud` is SQL NULL when nothing was recorded (lines from before schema 6, typed notes) and JSON
`null` when there was no row before (a new one); `ongedaan` tells the two apart.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from opslag.fouten import OverlegGesloten

# Tables whose rows have an `id`: for these a change keeps the whole row before it.
MET_ID = frozenset({"afspraak", "besluit", "actiepunt", "agendapunt", "persoon", "partij", "overleg", "uitvoeringsagenda"})
# Progress on what a closed meeting recorded, not its content: an action ticked off in a later
# meeting or the actielijst, an agreement's status, the next meeting approving these minutes.
VOORTGANG = {
    "actiepunt": frozenset({"status", "gereed_op"}),
    "afspraak": frozenset({"status"}),
    "overleg": frozenset({"verslag_vastgesteld_op", "verslag_vastgesteld_in", "verslag_wijzigingen"}),
}
# Typed text, saved every half second: not undone, and a copy per save would only grow the file.
ZONDER_OUD = frozenset({"notitie"})
# Reopening is the one write a closed meeting takes.
OOK_GESLOTEN = frozenset({"heropend"})


def nu() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def momentopname(db, tabel: str, rij_id: int | None, gegevens: dict | None = None) -> dict | None:  # noqa: ANN001
    """The row as it is now (an agreement with its parties), None when there is none. Attendance
    has no id: its row is the person's status in meeting `rij_id` (None: not on the list)."""
    if tabel == "aanwezigheid":
        persoon_id = (gegevens or {}).get("persoon_id")
        if rij_id is None or persoon_id is None:
            return None
        rij = db.execute("SELECT status FROM aanwezigheid WHERE overleg_id = ? AND persoon_id = ?", [rij_id, persoon_id]).fetchone()
        return {"persoon_id": persoon_id, "status": rij[0] if rij else None}
    if tabel not in MET_ID or rij_id is None:
        return None
    cursor = db.execute(f'SELECT * FROM "{tabel}" WHERE id = ?', [rij_id])
    rij = cursor.fetchone()
    if rij is None:
        return None
    uit = dict(zip([k[0] for k in cursor.description], rij, strict=True))
    if tabel == "afspraak":
        uit["verantwoordelijken"], uit["betrokkenen"] = [], []
        for partij_id, rol in db.execute(
            "SELECT partij_id, rol FROM afspraak_partij WHERE afspraak_id = ? ORDER BY volgorde", [rij_id]
        ):
            uit["verantwoordelijken" if rol == "verantwoordelijk" else "betrokkenen"].append(partij_id)
    return uit


def verschil(voor: dict | None, na: dict | None) -> set[str]:
    voor, na = voor or {}, na or {}
    return {k for k in voor.keys() | na.keys() if voor.get(k) != na.get(k)}


def overleggen_van(tabel: str, rij_id: int | None, gegevens: dict | None, oud: dict | None) -> list[int]:
    """The meetings a write belongs to: the meeting row itself, the attendance list's meeting, or
    the overleg_id of what is written and of what was there (a row moved out of a meeting)."""
    if tabel in ("overleg", "aanwezigheid"):
        return [rij_id] if rij_id is not None else []
    ids = []
    for bron in (gegevens, oud, (gegevens or {}).get("rij")):
        if isinstance(bron, dict) and bron.get("overleg_id") is not None and bron["overleg_id"] not in ids:
            ids.append(bron["overleg_id"])
    return ids


def gesloten(db, overleg_ids: list[int]) -> str | None:  # noqa: ANN001
    """The date (dd-mm-jjjj) of the first closed meeting among `overleg_ids`, or None."""
    for overleg_id in overleg_ids:
        rij = db.execute("SELECT datum FROM overleg WHERE id = ? AND gesloten_op IS NOT NULL", [overleg_id]).fetchone()
        if rij:
            jaar, maand, dag = rij[0].split("-")
            return f"{dag}-{maand}-{jaar}"
    return None


def _bewaakt(tabel: str, gegevens: dict, oud: dict | None, overleg_ids: list[int]) -> list[int]:
    """The meetings a closed one among must refuse this write. An agreement lives in its agenda:
    amending it later, in another meeting, leaves the meeting it was made in as it was closed (the
    amendment is recorded with the meeting where it is made); only moving it into or out of a
    closed meeting, or making one there, touches that meeting."""
    if tabel == "afspraak" and oud is not None and gegevens.get("overleg_id") == oud.get("overleg_id"):
        return []
    return overleg_ids


def is_voortgang(tabel: str, voor: dict | None, na: dict | None) -> bool:
    return tabel in VOORTGANG and voor is not None and na is not None and verschil(voor, na) <= VOORTGANG[tabel]


@dataclass
class Regel:
    """A log line being written: prepared before the change, completed after it."""

    tabel: str
    rij_id: int | None
    actie: str
    gegevens: dict
    oud: dict | None
    overleg_id: int | None
    gesloten_op: str | None = None  # the closed meeting's date, when only progress may pass


def begin(db, tabel: str, rij_id: int | None, actie: str, gegevens: dict | None) -> Regel:  # noqa: ANN001
    """Before the change: read the row as it is, and refuse a write to a closed meeting."""
    gegevens = gegevens or {}
    oud = momentopname(db, tabel, rij_id, gegevens)
    overleg_ids = overleggen_van(tabel, rij_id, gegevens, oud)
    regel = Regel(tabel, rij_id, actie, gegevens, oud, overleg_ids[0] if overleg_ids else None)
    datum = None if actie in OOK_GESLOTEN else gesloten(db, _bewaakt(tabel, gegevens, oud, overleg_ids))
    if datum is not None:
        if tabel not in VOORTGANG or actie not in ("gewijzigd", "status"):
            raise OverlegGesloten(datum)
        regel.gesloten_op = datum  # decided when the change is known (`af`)
    return regel


def af(db, regel: Regel) -> int:  # noqa: ANN001
    """After the change, in the same transaction: its line in the log; returns the line's id."""
    if regel.rij_id is None and regel.actie == "nieuw" and regel.tabel in MET_ID:
        regel.rij_id = db.execute(f'SELECT max(id) FROM "{regel.tabel}"').fetchone()[0]
        if regel.tabel == "overleg":
            regel.overleg_id = regel.rij_id
    if regel.gesloten_op is not None and not is_voortgang(regel.tabel, regel.oud, momentopname(db, regel.tabel, regel.rij_id)):
        raise OverlegGesloten(regel.gesloten_op)  # rolls the change back with the transaction
    bewaard = regel.actie not in ZONDER_OUD and (regel.tabel in MET_ID or regel.tabel == "aanwezigheid")
    return schrijf_regel(db, regel.tabel, regel.rij_id, regel.actie, regel.gegevens,
                         json.dumps(regel.oud, ensure_ascii=False, default=str) if bewaard else None, regel.overleg_id)


def schrijf_regel(db, tabel: str, rij_id: int | None, actie: str, gegevens: Any, oud: str | None, overleg_id: int | None) -> int:  # noqa: ANN001
    tekst = gegevens if isinstance(gegevens, str) else json.dumps(gegevens or {}, ensure_ascii=False, default=str)
    return db.execute(
        "INSERT INTO wijziging (tijdstip, tabel, rij_id, actie, gegevens, oud, overleg_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [nu(), tabel, rij_id, actie, tekst, oud, overleg_id],
    ).lastrowid
