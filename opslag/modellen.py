"""Everything stored in a municipality file, as read back: plain, frozen dataclasses.

A model is what a row means to the rest of the program; `opslag.bestand` and `opslag.notulen` map
rows to models and back. Rows come from our own file, so reading them trusts the file and imports
no pydantic: opening a file and drawing the first screen stay quick. What enters (a form, a write)
is checked by the pydantic models in `opslag.invoermodellen`, the last line of defence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any, ClassVar, Self

from opslag.codes import item_code
from opslag.fouten import OngeldigeRij


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
    """The standing items of a meeting; subthemes and free items (VRIJ, with a title of their
    own, added during the meeting) go between actielijst and rondvraag."""

    OPENING = "opening"
    MEDEDELINGEN = "mededelingen"
    VERSLAG = "verslag"
    ACTIELIJST = "actielijst"
    SUBTHEMA = "subthema"
    VRIJ = "vrij"
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


def _datum(waarde: str) -> dt.date:
    return dt.date.fromisoformat(waarde)


def _tijdstip(waarde: str) -> dt.datetime:
    return dt.datetime.fromisoformat(waarde)


Omzetting = dict[str, Callable[[Any], Any]]


class Rij:
    """Base of the models: a row of the file to a model (`uit_rij`) and back (`als_rij`)."""

    __slots__ = ()
    # Columns whose stored text becomes a richer value (a date, an enum); NULL stays None.
    OMZETTEN: ClassVar[Omzetting] = {}

    @classmethod
    def uit_rij(cls, rij: Mapping[str, Any], **extra: Any) -> Self:
        """Columns the model does not know (a newer column, a join) are left out, as before."""
        velden = cls.__dataclass_fields__  # type: ignore[attr-defined]
        omzetten = cls.OMZETTEN
        waarden = {}
        for k, v in rij.items():
            if k not in velden or k in extra:
                continue
            if v is not None and k in omzetten:
                try:
                    v = omzetten[k](v)
                except (TypeError, ValueError):
                    raise OngeldigeRij(cls.__name__, k) from None
            waarden[k] = v
        return cls(**waarden, **extra)

    def als_rij(self, *zonder: str) -> dict[str, Any]:
        """The columns as SQLite and the change log store them: dates as ISO text, enums as text."""
        return {
            f.name: _opgeslagen(getattr(self, f.name)) for f in fields(self) if f.name not in zonder  # type: ignore[arg-type]
        }


def _opgeslagen(waarde: Any) -> Any:
    if isinstance(waarde, StrEnum):
        return waarde.value
    if isinstance(waarde, dt.date):  # also datetime
        return waarde.isoformat()
    if isinstance(waarde, list):
        return list(waarde)
    return waarde


@dataclass(frozen=True, slots=True, kw_only=True)
class Gemeente(Rij):
    """The municipality the file belongs to."""

    OMZETTEN: ClassVar[Omzetting] = {"aangemaakt": _tijdstip}

    naam: str
    aangemaakt: dt.datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class Partij(Rij):
    """A party at the table: the municipality, a housing corporation or a tenants' association."""

    OMZETTEN: ClassVar[Omzetting] = {"soort": PartijSoort}

    id: int | None = None
    naam: str
    code: str
    soort: PartijSoort
    volgorde: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Persoon(Rij):
    """Someone who attends meetings, usually for a party."""

    id: int | None = None
    naam: str
    functie: str = ""
    partij_id: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Uitvoeringsagenda(Rij):
    """The agreements of one period ('2025-2028'), adopted once."""

    OMZETTEN: ClassVar[Omzetting] = {"vastgesteld_op": _datum}

    id: int | None = None
    periode: str
    vastgesteld_op: dt.date | None = None
    vastgesteld_te: str | None = None
    vorige_id: int | None = None  # the agenda of the previous period this one was started from

    @property
    def jaren(self) -> tuple[int, int]:
        begin, eind = self.periode.split("-")
        return int(begin), int(eind)


@dataclass(frozen=True, slots=True, kw_only=True)
class Overleg(Rij):
    """One meeting: its agenda items, attendance and minutes."""

    OMZETTEN: ClassVar[Omzetting] = {
        "datum": _datum, "volgende_datum": _datum, "soort": OverlegSoort, "verslag_vastgesteld_op": _datum,
    }

    id: int | None = None
    agenda_id: int
    datum: dt.date
    soort: OverlegSoort = OverlegSoort.AMBTELIJK
    plaats: str = ""
    voorzitter_id: int | None = None
    notulist_id: int | None = None
    volgende_datum: dt.date | None = None
    huidig_punt_id: int | None = None
    begintijd: str | None = None  # 'HH:MM'
    eindtijd: str | None = None
    # The minutes are concept until the next meeting of the same kind approves them.
    verslag_vastgesteld_op: dt.date | None = None
    verslag_vastgesteld_in: int | None = None
    verslag_wijzigingen: str | None = None
    gesloten_op: str | None = None  # ISO timestamp; a closed meeting is read-only until reopened


@dataclass(frozen=True, slots=True, kw_only=True)
class Agendapunt(Rij):
    """An item on a meeting's agenda, with the note taken there."""

    OMZETTEN: ClassVar[Omzetting] = {"soort": PuntSoort}

    id: int | None = None
    overleg_id: int
    volgorde: int
    soort: PuntSoort
    subthema_nummer: str | None = None
    notitie: str = ""
    titel: str | None = None  # only a free item (VRIJ) has one

    @property
    def vast(self) -> bool:
        """A standing item: it stays on the agenda, in its place."""
        return self.soort not in (PuntSoort.SUBTHEMA, PuntSoort.VRIJ)


@dataclass(frozen=True, slots=True, kw_only=True)
class Aanwezigheid(Rij):
    """Whether a person attended a meeting."""

    OMZETTEN: ClassVar[Omzetting] = {"status": Aanwezig}

    overleg_id: int
    persoon_id: int
    status: Aanwezig = Aanwezig.AANWEZIG


@dataclass(frozen=True, slots=True, kw_only=True)
class Afspraak(Rij):
    """An agreement of an uitvoeringsagenda on one subtheme."""

    OMZETTEN: ClassVar[Omzetting] = {"status": AfspraakStatus}

    id: int | None = None
    nummer: int | None = None
    agenda_id: int
    subthema_nummer: str
    actielijn: str
    doel: str = ""
    doel_aantal: float | None = None
    doel_eenheid: str = ""
    start: str = ""
    eind: str = ""
    status: AfspraakStatus = AfspraakStatus.AFGESPROKEN
    toelichting: str = ""
    overleg_id: int | None = None
    na_vaststelling: int | None = None  # 1: an addition, made after its agenda was adopted
    vorige_id: int | None = None  # the agreement of the previous period it was carried over from
    verantwoordelijken: list[int] = field(default_factory=list)  # partij ids, the first is the lead
    betrokkenen: list[int] = field(default_factory=list)

    @property
    def code(self) -> str:
        return item_code("afspraak", self.nummer)


@dataclass(frozen=True, slots=True, kw_only=True)
class Besluit(Rij):
    """A decision taken in a meeting."""

    OMZETTEN: ClassVar[Omzetting] = {"datum": _datum}

    id: int | None = None
    nummer: int | None = None
    overleg_id: int
    agendapunt_id: int | None = None
    tekst: str
    datum: dt.date

    @property
    def code(self) -> str:
        return item_code("besluit", self.nummer)


@dataclass(frozen=True, slots=True, kw_only=True)
class Actiepunt(Rij):
    """An action: who does what, by when."""

    OMZETTEN: ClassVar[Omzetting] = {"deadline": _datum, "gereed_op": _datum, "aangemaakt_op": _datum, "status": ActieStatus}

    id: int | None = None
    nummer: int | None = None
    overleg_id: int | None = None
    agendapunt_id: int | None = None
    subthema_nummer: str | None = None
    afspraak_id: int | None = None
    wat: str
    persoon_id: int | None = None
    partij_id: int | None = None
    deadline: dt.date | None = None
    status: ActieStatus = ActieStatus.OPEN
    gereed_op: dt.date | None = None
    aangemaakt_op: dt.date | None = None

    @property
    def code(self) -> str:
        return item_code("actiepunt", self.nummer)


@dataclass(frozen=True, slots=True, kw_only=True)
class Wijziging(Rij):
    """One entry of the change log; also what undo reads."""

    OMZETTEN: ClassVar[Omzetting] = {"tijdstip": _tijdstip}

    id: int | None = None
    tijdstip: dt.datetime
    tabel: str
    rij_id: int | None
    actie: str
    gegevens: str = "{}"
    oud: str | None = None  # JSON of the values before the change, for history and undo
    overleg_id: int | None = None
    ongedaan_door: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Ondertekenaar(Rij):
    """Who signs the uitvoeringsagenda for a party."""

    agenda_id: int
    partij_id: int
    naam: str
    functie: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class AfspraakWijziging(Rij):
    """One step in an agreement's life after its agenda was adopted or carried over."""

    OMZETTEN: ClassVar[Omzetting] = {"datum": _datum, "tijdstip": _tijdstip}

    id: int | None = None
    afspraak_id: int
    soort: str  # 'wijziging' | 'toevoeging' | 'overgenomen' | 'herformulering'
    datum: dt.date
    tijdstip: dt.datetime
    overleg_id: int | None = None
    besluit_id: int | None = None
    velden: str = "{}"  # JSON {veld: [oud, nieuw]}
    reden: str = ""
