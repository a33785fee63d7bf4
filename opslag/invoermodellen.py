"""Pydantic models of what enters the file: the last check before a row is written.

Forms check first and say what is wrong in Dutch; these models catch what a form, the demo or a
script got wrong anyway. Imported when a write happens, and by the app in the background after
its first screen (`TripartietApp._na_eerste_scherm`), never on the way to that screen: reading
our own file needs no validation (`opslag.modellen`).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from opslag import modellen as m

T = TypeVar("T", bound=m.Rij)
TIJD = r"^([01]\d|2[0-3]):[0-5]\d$"  # HH:MM


def _gestript_niet_leeg(waarde: str) -> str:
    waarde = waarde.strip()
    if not waarde:
        raise ValueError("mag niet leeg zijn")
    return waarde


# A name or code: spaces around it dropped, and not only spaces.
Naam = Annotated[str, AfterValidator(_gestript_niet_leeg)]


class Invoer(BaseModel):
    model_config = ConfigDict(from_attributes=True, extra="forbid")


class PartijInvoer(Invoer):
    id: int | None = None
    naam: Naam = Field(min_length=1)
    code: Naam = Field(min_length=1, max_length=12)
    soort: m.PartijSoort
    volgorde: int = 0


class PersoonInvoer(Invoer):
    id: int | None = None
    naam: Naam = Field(min_length=1)
    functie: str = ""
    partij_id: int | None = None


class UitvoeringsagendaInvoer(Invoer):
    id: int | None = None
    periode: str = Field(pattern=r"^\d{4}-\d{4}$")
    vastgesteld_op: dt.date | None = None
    vastgesteld_te: str | None = None
    vorige_id: int | None = None


class OverlegInvoer(Invoer):
    id: int | None = None
    agenda_id: int
    datum: dt.date
    soort: m.OverlegSoort = m.OverlegSoort.AMBTELIJK
    plaats: str = ""
    voorzitter_id: int | None = None
    notulist_id: int | None = None
    volgende_datum: dt.date | None = None
    huidig_punt_id: int | None = None
    begintijd: str | None = Field(default=None, pattern=TIJD)
    eindtijd: str | None = Field(default=None, pattern=TIJD)
    verslag_vastgesteld_op: dt.date | None = None
    verslag_vastgesteld_in: int | None = None
    verslag_wijzigingen: str | None = None
    gesloten_op: str | None = None


class AanwezigheidInvoer(Invoer):
    overleg_id: int
    persoon_id: int
    status: m.Aanwezig = m.Aanwezig.AANWEZIG


class AfspraakInvoer(Invoer):
    id: int | None = None
    nummer: int | None = None
    agenda_id: int
    subthema_nummer: str
    actielijn: str = Field(min_length=1)
    doel: str = ""
    doel_aantal: float | None = None
    doel_eenheid: str = ""
    start: str = ""
    eind: str = ""
    status: m.AfspraakStatus = m.AfspraakStatus.AFGESPROKEN
    toelichting: str = ""
    overleg_id: int | None = None
    na_vaststelling: int | None = None
    vorige_id: int | None = None
    verantwoordelijken: list[int] = []
    betrokkenen: list[int] = []


class BesluitInvoer(Invoer):
    id: int | None = None
    nummer: int | None = None
    overleg_id: int
    agendapunt_id: int | None = None
    tekst: str = Field(min_length=1)
    datum: dt.date


class ActiepuntInvoer(Invoer):
    id: int | None = None
    nummer: int | None = None
    overleg_id: int | None = None
    agendapunt_id: int | None = None
    subthema_nummer: str | None = None
    afspraak_id: int | None = None
    wat: str = Field(min_length=1)
    persoon_id: int | None = None
    partij_id: int | None = None
    deadline: dt.date | None = None
    status: m.ActieStatus = m.ActieStatus.OPEN
    gereed_op: dt.date | None = None
    aangemaakt_op: dt.date | None = None


INVOER: dict[type[m.Rij], type[Invoer]] = {
    m.Partij: PartijInvoer,
    m.Persoon: PersoonInvoer,
    m.Uitvoeringsagenda: UitvoeringsagendaInvoer,
    m.Overleg: OverlegInvoer,
    m.Aanwezigheid: AanwezigheidInvoer,
    m.Afspraak: AfspraakInvoer,
    m.Besluit: BesluitInvoer,
    m.Actiepunt: ActiepuntInvoer,
}


def valideer(rij: T) -> T:
    """`rij` checked as its Invoer model checks it, with the values that model makes of it
    (text stripped, '2026-01-31' a date): raises pydantic's ValidationError when it is wrong."""
    invoer = INVOER[type(rij)].model_validate(rij)
    return type(rij)(**dict(invoer))

