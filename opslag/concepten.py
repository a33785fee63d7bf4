"""Drafts of forms: what was typed into a form that is not completed yet, kept in the file.

One row per form and item (`sleutel`, such as 'actie-nieuw-12'), its fields as JSON. Written at
most half a second after the first unsaved change and when the form closes, removed when the form
is completed; so quitting, a crash or a killed terminal loses at most half a second of a form.
Drafts are not edits of the minutes: they are not in the change log and not undoable.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from opslag.bestand import Gemeentebestand


@dataclass(frozen=True, slots=True)
class Concept:
    sleutel: str
    velden: dict[str, Any]
    bijgewerkt: dt.datetime
    overleg_id: int | None = None


def bewaar_concept(bestand: Gemeentebestand, sleutel: str, velden: dict[str, Any], overleg_id: int | None = None) -> Concept:
    """Write the draft `sleutel` (replacing an older one); raises SchrijfFout/AlleenLezen when it cannot."""
    nu = dt.datetime.now().replace(microsecond=0)
    with bestand.transactie() as db:
        db["concept"].upsert(
            {"sleutel": sleutel, "overleg_id": overleg_id, "velden": json.dumps(velden, ensure_ascii=False), "bijgewerkt": nu.isoformat()},
            pk="sleutel",
        )
    return Concept(sleutel, velden, nu, overleg_id)


def concept(bestand: Gemeentebestand, sleutel: str) -> Concept | None:
    rij = bestand.db.execute("SELECT velden, bijgewerkt, overleg_id FROM concept WHERE sleutel = ?", [sleutel]).fetchone()
    if rij is None:
        return None
    try:
        velden = json.loads(rij[0])
        bijgewerkt = dt.datetime.fromisoformat(rij[1])
    except (TypeError, ValueError):
        return None  # a draft that cannot be read is no reason to refuse the form
    if not isinstance(velden, dict):
        return None
    return Concept(sleutel, velden, bijgewerkt, rij[2])


def verwijder_concept(bestand: Gemeentebestand, sleutel: str) -> None:
    with bestand.transactie() as db:
        db.execute("DELETE FROM concept WHERE sleutel = ?", [sleutel])
