"""The trail of an adopted uitvoeringsagenda in its export: the signed text, and what changed since.

The table of a subtheme shows each agreement as it was signed: the stored row with, per field, the
first old value of its amendments put back. What changed since is listed under the table and in a
summary, with the current values, so the reader sees both without a second document.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field

from opslag.codes import item_code
from opslag.export.modellen import WijzigingRegel
from opslag.markdown_tekst import schoon

# Content fields as the export row holds them (see bouwstenen.AFSPRAAK_KOLOMMEN).
_KOLOM = {"subthema_nummer": 2, "actielijn": 3, "doel": 4, "start": 5, "eind": 6, "toelichting": 8}
_NAMEN = {
    "subthema_nummer": "Subthema", "actielijn": "Actielijn", "doel": "Doel", "doel_aantal": "Doel (aantal)",
    "doel_eenheid": "Doel (eenheid)", "start": "Start", "eind": "Eind", "toelichting": "Toelichting",
    "verantwoordelijken": "Verantwoordelijk", "betrokkenen": "Betrokken",
}


@dataclass
class Stap:
    soort: str
    datum: dt.date
    overleg_datum: dt.date | None
    besluit_nummer: int | None
    velden: dict[str, list]
    reden: str


@dataclass
class Spoor:
    stappen: dict[int, list[Stap]] = field(default_factory=dict)  # afspraak_id -> its amendments and addition
    overgenomen: dict[int, str] = field(default_factory=dict)  # afspraak_id -> 'AF-012 (2026-2027)'

    def van(self, afspraak_id: int, soort: str) -> list[Stap]:
        return [s for s in self.stappen.get(afspraak_id, []) if s.soort == soort]


def lees(db: sqlite3.Connection, agenda_id: int) -> Spoor:
    """Two queries: the amendments and additions of the agenda's agreements, and where they came from."""
    spoor = Spoor()
    for afspraak_id, soort, datum, overleg_datum, besluit_nummer, velden, reden in db.execute(
        "SELECT w.afspraak_id, w.soort, w.datum, o.datum, b.nummer, w.velden, w.reden FROM afspraak_wijziging w "
        "JOIN afspraak a ON a.id = w.afspraak_id LEFT JOIN overleg o ON o.id = w.overleg_id "
        "LEFT JOIN besluit b ON b.id = w.besluit_id "
        "WHERE a.agenda_id = ? AND w.soort IN ('wijziging', 'toevoeging') ORDER BY w.datum, w.id",
        [agenda_id],
    ):
        spoor.stappen.setdefault(afspraak_id, []).append(
            Stap(soort, dt.date.fromisoformat(datum), dt.date.fromisoformat(overleg_datum) if overleg_datum else None,
                 besluit_nummer, json.loads(velden or "{}"), reden or "")
        )
    for afspraak_id, nummer, periode in db.execute(
        "SELECT a.id, v.nummer, u.periode FROM afspraak a JOIN afspraak v ON v.id = a.vorige_id "
        "JOIN uitvoeringsagenda u ON u.id = v.agenda_id WHERE a.agenda_id = ?",
        [agenda_id],
    ):
        spoor.overgenomen[afspraak_id] = f"{item_code('afspraak', nummer)} ({periode})"
    return spoor


def vastgesteld(rij: tuple, codes: tuple[list[str], list[str]] | None, stappen: list[Stap]) -> tuple[tuple, tuple[list[str], list[str]] | None]:
    """The row and party codes as signed: per field the first old value of the amendments put back."""
    waarden = list(rij)
    verantwoordelijk, betrokken = codes or ([], [])
    gezien: set[str] = set()
    for stap in stappen:
        for veld, (oud, _nieuw) in stap.velden.items():
            if veld in gezien:
                continue
            gezien.add(veld)
            if veld in _KOLOM:
                waarden[_KOLOM[veld]] = oud if oud is not None else ""
            elif veld == "verantwoordelijken":
                verantwoordelijk = list(oud)
            elif veld == "betrokkenen":
                betrokken = list(oud)
    return tuple(waarden), (verantwoordelijk, betrokken)


def _waarde(waarde: object) -> str:
    if isinstance(waarde, list):
        return ", ".join(str(w) for w in waarde) or "(geen)"
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde) if waarde not in (None, "") else "(leeg)"


def wat(velden: dict[str, list]) -> str:
    """'Eind: Q4 2027 → Q2 2028; Betrokken: HVW → HVW, HVD'. The number and unit of a goal are
    read from its text: with the text changed they would only say it twice."""
    delen = [
        f"{_NAMEN.get(veld, veld)}: {_waarde(oud)} → {_waarde(nieuw)}"
        for veld, (oud, nieuw) in velden.items()
        if not (veld in ("doel_aantal", "doel_eenheid") and "doel" in velden)
    ]
    return "; ".join(delen)


def zin(velden: dict[str, list]) -> str:
    """'eind van Q4 2027 naar Q2 2028': what `wat` says, as a minute-taker writes it in a sentence."""
    delen = [
        f"{_NAMEN.get(veld, veld).lower()} van {_waarde(oud)} naar {_waarde(nieuw)}"
        for veld, (oud, nieuw) in velden.items()
        if not (veld in ("doel_aantal", "doel_eenheid") and "doel" in velden)
    ]
    return "; ".join(delen)


def regel(code: str, stap: Stap, actielijn: str) -> WijzigingRegel:
    waar = []
    if stap.overleg_datum is not None:
        waar.append(f"overleg {stap.overleg_datum:%d-%m-%Y}")
    if stap.besluit_nummer is not None:
        waar.append(f"besluit {item_code('besluit', stap.besluit_nummer)}")
    return WijzigingRegel(
        code=code,
        soort=stap.soort,
        datum=stap.datum,
        waar=", ".join(waar),
        wat=schoon(wat(stap.velden)) if stap.soort == "wijziging" else f"toegevoegd: {actielijn}",
        reden=schoon(stap.reden),
    )
