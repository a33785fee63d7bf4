"""One row of an imported uitvoeringsagenda checked: a pydantic model with the file's framework
and parties as context, and a Dutch message per bad cell (`Melding`: line, column, what is wrong
and what was expected). Used by `opslag.importeren`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator

from opslag import datums
from opslag.fouten import OngeldigeInvoer
from opslag.import_lezen import KOLOMMEN
from opslag.invoer import schone_tekst
from opslag.modellen import AfspraakStatus, Partij, PartijSoort

T = TypeVar("T")
_STATUSSEN = ", ".join(s.value for s in AfspraakStatus)


def kort(tekst: str, lengte: int) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


@dataclass(frozen=True)
class Melding:
    regel: int
    kolom: str
    tekst: str

    def __str__(self) -> str:
        return f"regel {self.regel}, kolom {self.kolom}: {self.tekst.rstrip('.')}."


@dataclass(frozen=True)
class Context:
    subthemas: dict[str, str]  # nummer -> onderwerp
    partijen: list[Partij]
    koppen: dict[str, str]  # canonical column -> heading in the file, to name it as the user sees it


def _partij_sleutels(partijen: list[Partij]) -> dict[str, int]:
    sleutels: dict[str, int] = {}
    for p in partijen:
        sleutels[p.naam.casefold()] = p.id
        sleutels[p.code.casefold()] = p.id
    # 'Gemeente', 'corporatie', 'huurders': the only party of that kind, as a Word table may say it.
    for soort, woorden in ((PartijSoort.GEMEENTE, ("gemeente",)), (PartijSoort.CORPORATIE, ("corporatie", "woningcorporatie")),
                           (PartijSoort.HUURDERS, ("huurdersvereniging", "huurders", "hv"))):
        van_soort = [p for p in partijen if p.soort is soort]
        if len(van_soort) == 1:
            for woord in woorden:
                sleutels.setdefault(woord, van_soort[0].id)
    return sleutels


_TREKKER = re.compile(r"\(\s*trekker\s*\)", re.IGNORECASE)


def _lees_partijen(tekst: str, context: Context, betrokken_toegestaan: bool) -> tuple[list[int], list[int]]:
    """'WDD (trekker), GZ; met HVZ' -> ([WDD, GZ], [HVZ]); the one marked trekker first."""
    sleutels = _partij_sleutels(context.partijen)
    verantwoordelijk: list[int] = []
    betrokken: list[int] = []
    onbekend: list[str] = []
    trekker: int | None = None
    for segment in re.split(r"[;\n]", tekst):
        segment = segment.strip()
        doel = verantwoordelijk
        if betrokken_toegestaan and segment.casefold().startswith("met "):
            segment, doel = segment[4:], betrokken
        for deel in re.split(r"\s*[,/&+]\s*", segment):
            is_trekker = bool(_TREKKER.search(deel))
            deel = " ".join(_TREKKER.sub("", deel).split())
            if not deel:
                continue
            stukken = [deel] if deel.casefold() in sleutels else re.split(r"\s+en\s+", deel)
            for stuk in stukken:
                partij = sleutels.get(stuk.strip().casefold())
                if partij is None:
                    onbekend.append(stuk.strip())
                elif partij not in doel:
                    doel.append(partij)
                    if is_trekker and doel is verantwoordelijk and trekker is None:
                        trekker = partij
    if onbekend:
        namen = ", ".join(f"'{kort(o, 30)}'" for o in onbekend)
        bekend = ", ".join(p.code for p in context.partijen)
        wat = "is geen partij" if len(onbekend) == 1 else "zijn geen partijen"
        raise ValueError(f"{namen} {wat} van dit bestand; bekend zijn {bekend} (afkorting of naam)")
    if trekker is not None:
        verantwoordelijk.remove(trekker)
        verantwoordelijk.insert(0, trekker)
    return verantwoordelijk, [p for p in betrokken if p not in verantwoordelijk]


def _zonder_fout(functie: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`functie` as a validator step: pydantic reports a ValueError per cell, and datums and invoer
    raise OngeldigeInvoer (a TripartietFout, no ValueError), which would end the whole check."""
    try:
        return functie(*args, **kwargs)
    except OngeldigeInvoer as fout:
        raise ValueError(str(fout)) from None


class ImportRij(BaseModel):
    """One row of an imported agenda; `context` gives the file's framework and parties."""

    model_config = ConfigDict(extra="ignore")

    subthema: str
    actielijn: str
    doel: str = ""
    start: str = ""
    eind: str = ""
    verantwoordelijke: tuple[list[int], list[int]]
    betrokken: list[int] = []
    status: AfspraakStatus = AfspraakStatus.AFGESPROKEN
    toelichting: str = ""

    @field_validator("subthema", mode="before")
    @classmethod
    def _subthema(cls, waarde: str, info: ValidationInfo) -> str:
        subthemas: dict[str, str] = info.context.subthemas
        tekst = " ".join(str(waarde).split()).removesuffix("*").strip()
        if not tekst:
            raise ValueError("vul het subthema in: het nummer (bijvoorbeeld 1.1) of de titel uit het kader")
        nummer = re.match(r"^(\d+(?:\.\d+)+)\.?(?:\s|$)", tekst)
        if nummer:
            if nummer[1] in subthemas:
                return nummer[1]
            raise ValueError(f"subthema {nummer[1]} staat niet in het kader van dit bestand; "
                             f"verwacht een nummer als {', '.join(list(subthemas)[:3])}")
        for eigen, onderwerp in subthemas.items():
            if onderwerp.casefold().rstrip("*") == tekst.casefold():
                return eigen
        raise ValueError(f"'{kort(tekst, 40)}' is geen subthema van het kader; verwacht het nummer "
                         "(bijvoorbeeld 1.1) of de titel zoals in het kader")

    @field_validator("actielijn", mode="before")
    @classmethod
    def _actielijn(cls, waarde: str) -> str:
        tekst = _zonder_fout(schone_tekst, str(waarde), "actielijn", "De actielijn")
        if not tekst:
            raise ValueError("de actielijn is leeg; verwacht wat de partijen gaan doen")
        return tekst

    @field_validator("doel", mode="before")
    @classmethod
    def _doel(cls, waarde: str) -> str:
        return _zonder_fout(schone_tekst, str(waarde), "doel", "Het doel")

    @field_validator("start", "eind", mode="before")
    @classmethod
    def _termijn(cls, waarde: str, info: ValidationInfo) -> str:
        termijn = _zonder_fout(datums.lees_termijn, str(waarde), info.field_name)
        if info.field_name == "eind" and info.data.get("start"):
            _zonder_fout(datums.controleer_start_eind, info.data["start"], termijn)
        return termijn

    @field_validator("verantwoordelijke", mode="before")
    @classmethod
    def _verantwoordelijke(cls, waarde: str, info: ValidationInfo) -> tuple[list[int], list[int]]:
        verantwoordelijk, betrokken = _lees_partijen(str(waarde), info.context, betrokken_toegestaan=True)
        if not verantwoordelijk:
            raise ValueError("leeg; verwacht de trekker (de partij die de afspraak trekt), bijvoorbeeld "
                             + ", ".join(p.code for p in info.context.partijen[:1]))
        return verantwoordelijk, betrokken

    @field_validator("betrokken", mode="before")
    @classmethod
    def _betrokken(cls, waarde: str, info: ValidationInfo) -> list[int]:
        return _lees_partijen(str(waarde), info.context, betrokken_toegestaan=False)[0]

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, waarde: str) -> AfspraakStatus:
        tekst = " ".join(str(waarde).split()).casefold()
        if not tekst:
            return AfspraakStatus.AFGESPROKEN
        for status in AfspraakStatus:
            if status.value == tekst:
                return status
        raise ValueError(f"'{kort(str(waarde).strip(), 30)}' is geen status; verwacht {_STATUSSEN}")

    @field_validator("toelichting", mode="before")
    @classmethod
    def _toelichting(cls, waarde: str) -> str:
        return _zonder_fout(schone_tekst, str(waarde), "toelichting", "De toelichting", meerdere_regels=True)


def _meldingen(regel: int, fout: ValidationError, koppen: dict[str, str]) -> list[Melding]:
    uit = []
    for f in fout.errors(include_url=False):
        naam = str(f["loc"][0]) if f["loc"] else ""
        kolom = koppen.get(naam) or KOLOMMEN.get(naam, "?")
        tekst = f["msg"].removeprefix("Value error, ")
        if f["type"] == "missing":
            tekst = "ontbreekt"
        uit.append(Melding(regel, kolom, tekst))
    return uit


def lees_rij(regel: int, cellen: dict[str, str], context: Context) -> tuple[ImportRij | None, list[Melding]]:
    try:
        return ImportRij.model_validate({k: v for k, v in cellen.items() if k != "nr"}, context=context), []
    except ValidationError as fout:
        return None, _meldingen(regel, fout, context.koppen)
