"""The status of minutes and the times of a meeting.

Each series (ambtelijk, bestuurlijk) approves its own previous minutes: the ambtelijk meeting
those of the previous ambtelijk meeting, the bestuurlijk those of the bestuurlijk. Until then the
minutes are a concept; the approving meeting records the date, itself and any changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from opslag import notulen
from opslag.bestand import Gemeentebestand
from opslag.datums import toon_datum
from opslag.modellen import Overleg


def vorig_overleg(bestand: Gemeentebestand, overleg: Overleg) -> Overleg | None:
    """The meeting of the same kind before `overleg` (by date, then id), or None at a first one."""
    rij = bestand.db.execute(
        "SELECT id FROM overleg WHERE soort = ? AND (datum < ? OR (datum = ? AND id < ?)) ORDER BY datum DESC, id DESC LIMIT 1",
        [overleg.soort.value, overleg.datum.isoformat(), overleg.datum.isoformat(), overleg.id],
    ).fetchone()
    return notulen.overleg(bestand, rij[0]) if rij else None


def stel_vast(bestand: Gemeentebestand, vorige_id: int, in_overleg: Overleg, wijzigingen: str = "") -> Overleg:
    """Record that `in_overleg` approved the minutes of `vorige_id`, with the changes it made."""
    vorige = notulen.overleg(bestand, vorige_id)
    notulen.wijzig_overleg(bestand, replace(
        vorige, verslag_vastgesteld_op=in_overleg.datum, verslag_vastgesteld_in=in_overleg.id,
        verslag_wijzigingen=wijzigingen.strip() or None,
    ))
    return notulen.overleg(bestand, vorige_id)


def maak_concept(bestand: Gemeentebestand, overleg_id: int) -> Overleg:
    """Undo an approval recorded by mistake: the minutes are a concept again."""
    vorige = notulen.overleg(bestand, overleg_id)
    notulen.wijzig_overleg(bestand, replace(vorige, verslag_vastgesteld_op=None, verslag_vastgesteld_in=None, verslag_wijzigingen=None))
    return notulen.overleg(bestand, overleg_id)


def status(overleg: Overleg) -> str:
    """What Word and PDF print on every page: 'CONCEPT' or 'Vastgesteld op 11-02-2027'."""
    if overleg.verslag_vastgesteld_op is None:
        return "CONCEPT"
    return f"Vastgesteld op {toon_datum(overleg.verslag_vastgesteld_op)}"


def nu() -> dt.datetime:
    """The clock the app offers start and end times from (a function, so tests can set it)."""
    return dt.datetime.now()


def zet_tijd(bestand: Gemeentebestand, overleg: Overleg, veld: str, tijd: dt.time) -> Overleg:
    """Record the start ('begintijd') or end ('eindtijd') of a meeting."""
    notulen.wijzig_overleg(bestand, replace(overleg, **{veld: tijd.strftime("%H:%M")}))
    return notulen.overleg(bestand, overleg.id)
