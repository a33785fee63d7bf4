"""Closing a meeting, so its minutes stay as they were sent, and reopening it with a reason.

A closed meeting is read-only: `Gemeentebestand.schrijf` refuses every write that belongs to it
(see `opslag.wijzigingslog`), except progress such as its actions ticked off later.
"""

from __future__ import annotations

import datetime as dt

from opslag import wijzigingslog
from opslag.bestand import Gemeentebestand
from opslag.datums import toon_datum
from opslag.fouten import OngeldigeInvoer
from opslag.invoer import schone_tekst
from opslag.modellen import Overleg
from opslag.notulen import overleg

MAX_REDEN = 500


def sluit_overleg(bestand: Gemeentebestand, overleg_id: int) -> Overleg:
    huidig = overleg(bestand, overleg_id)
    if huidig.gesloten_op:
        raise OngeldigeInvoer("overleg", f"Het overleg van {toon_datum(huidig.datum)} is al gesloten.")
    moment = wijzigingslog.nu()
    with bestand.schrijf("overleg", overleg_id, "gesloten", {"gesloten_op": moment}) as db:
        db.execute("UPDATE overleg SET gesloten_op = ? WHERE id = ?", [moment, overleg_id])
    return overleg(bestand, overleg_id)


def heropen_overleg(bestand: Gemeentebestand, overleg_id: int, reden: str) -> Overleg:
    """Open a closed meeting again; why is kept in the change log, for whoever reads the minutes later."""
    reden = schone_tekst(reden or "", "reden", "De reden om te heropenen", verplicht=True)
    if len(reden) > MAX_REDEN:
        raise OngeldigeInvoer("reden", f"De reden is te lang ({len(reden)} tekens; maximaal {MAX_REDEN}).")
    huidig = overleg(bestand, overleg_id)
    if not huidig.gesloten_op:
        raise OngeldigeInvoer("overleg", f"Het overleg van {toon_datum(huidig.datum)} is niet gesloten.")
    with bestand.schrijf("overleg", overleg_id, "heropend", {"reden": reden}) as db:
        db.execute("UPDATE overleg SET gesloten_op = NULL WHERE id = ?", [overleg_id])
    return overleg(bestand, overleg_id)


def gesloten_tekst(o: Overleg) -> str:
    """'GESLOTEN op 14-03-2026' for the header, '' for an open meeting."""
    if not o.gesloten_op:
        return ""
    return f"GESLOTEN op {toon_datum(dt.date.fromisoformat(o.gesloten_op[:10]))}"
