"""Pydantic models of everything stored in a municipality file.

A model is what a row means to the rest of the program; `opslag.bestand` maps rows to models and
back. Validation here is the last line of defence: forms check earlier and say so in Dutch.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator


class PartijSoort(StrEnum):
    GEMEENTE = "gemeente"
    CORPORATIE = "corporatie"
    HUURDERS = "huurdersvereniging"


class OverlegSoort(StrEnum):
    AMBTELIJK = "ambtelijk"
    BESTUURLIJK = "bestuurlijk"


class Aanwezig(StrEnum):
    AANWEZIG = "aanwezig"
    MK = "mk"  # afwezig met kennisgeving
    ZK = "zk"  # afwezig zonder kennisgeving


class AfspraakStatus(StrEnum):
    AFGESPROKEN = "afgesproken"
    IN_UITVOERING = "in uitvoering"
    GEREED = "gereed"
    VERTRAAGD = "vertraagd"
    VERVALLEN = "vervallen"


class ActieStatus(StrEnum):
    OPEN = "open"
    GEREED = "gereed"
    VERVALLEN = "vervallen"


class PuntSoort(StrEnum):
    """The standing items of a meeting; the subthemes go between actielijst and rondvraag."""

    OPENING = "opening"
    MEDEDELINGEN = "mededelingen"
    VERSLAG = "verslag"
    ACTIELIJST = "actielijst"
    SUBTHEMA = "subthema"
    RONDVRAAG = "rondvraag"
    SLUITING = "sluiting"


PUNT_TITELS: dict[PuntSoort, str] = {
    PuntSoort.OPENING: "Opening en vaststellen agenda",
    PuntSoort.MEDEDELINGEN: "Mededelingen",
    PuntSoort.VERSLAG: "Vaststellen verslag vorig overleg",
    PuntSoort.ACTIELIJST: "Actielijst doorlopen",
    PuntSoort.RONDVRAAG: "Rondvraag",
    PuntSoort.SLUITING: "Sluiting",
}


class Model(BaseModel):
    model_config = ConfigDict(from_attributes=True, validate_assignment=True, defer_build=True)


class Gemeente(Model):
    naam: str = Field(min_length=1)
    aangemaakt: dt.datetime


class Partij(Model):
    id: int | None = None
    naam: str = Field(min_length=1)
    code: str = Field(min_length=1, max_length=12)
    soort: PartijSoort
    volgorde: int = 0

    @field_validator("naam", "code")
    @classmethod
    def _zonder_witruimte_rond(cls, waarde: str) -> str:
        waarde = waarde.strip()
        if not waarde:
            raise ValueError("mag niet leeg zijn")
        return waarde


class Persoon(Model):
    id: int | None = None
    naam: str = Field(min_length=1)
    functie: str = ""
    partij_id: int | None = None


class Uitvoeringsagenda(Model):
    id: int | None = None
    periode: str = Field(pattern=r"^\d{4}-\d{4}$")
    vastgesteld_op: dt.date | None = None

    @property
    def jaren(self) -> tuple[int, int]:
        begin, eind = self.periode.split("-")
        return int(begin), int(eind)


class Overleg(Model):
    id: int | None = None
    agenda_id: int
    datum: dt.date
    soort: OverlegSoort = OverlegSoort.AMBTELIJK
    plaats: str = ""
    voorzitter_id: int | None = None
    notulist_id: int | None = None
    volgende_datum: dt.date | None = None
    huidig_punt_id: int | None = None


class Agendapunt(Model):
    id: int | None = None
    overleg_id: int
    volgorde: int
    soort: PuntSoort
    subthema_nummer: str | None = None
    notitie: str = ""


class Aanwezigheid(Model):
    overleg_id: int
    persoon_id: int
    status: Aanwezig = Aanwezig.AANWEZIG


class Afspraak(Model):
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
    status: AfspraakStatus = AfspraakStatus.AFGESPROKEN
    toelichting: str = ""
    overleg_id: int | None = None
    verantwoordelijken: list[int] = []  # partij ids, the first is the lead
    betrokkenen: list[int] = []

    @property
    def code(self) -> str:
        return f"AF-{self.nummer:03d}" if self.nummer else "AF-nieuw"


class Besluit(Model):
    id: int | None = None
    nummer: int | None = None
    overleg_id: int
    agendapunt_id: int | None = None
    tekst: str = Field(min_length=1)
    datum: dt.date

    @property
    def code(self) -> str:
        return f"B-{self.nummer:03d}" if self.nummer else "B-nieuw"


class Actiepunt(Model):
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
    status: ActieStatus = ActieStatus.OPEN
    gereed_op: dt.date | None = None
    aangemaakt_op: dt.date | None = None

    @property
    def code(self) -> str:
        return f"A-{self.nummer:03d}" if self.nummer else "A-nieuw"


class Wijziging(Model):
    id: int | None = None
    tijdstip: dt.datetime
    tabel: str
    rij_id: int | None
    actie: str
    gegevens: str = "{}"
