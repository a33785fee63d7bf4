"""The documents as data: what a template gets, one pydantic model per document and its parts.

A template sees the fields of its document model as names (`gemeente`, `punten`, ...); the models
are frozen, and every text in them has been through `markdown_tekst.schoon` by the builder.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict


class Gegevens(BaseModel):
    model_config = ConfigDict(frozen=True)


class PartijRegel(Gegevens):
    code: str
    naam: str
    soort: str  # gemeente, corporatie, huurdersvereniging
    ondertekenaar: str = ""  # who signed the uitvoeringsagenda for this party, once it is adopted
    functie: str = ""


class AfspraakRegel(Gegevens):
    nummer: int
    code: str  # AF-001
    subthema_nummer: str
    actielijn: str
    doel: str
    start: str
    eind: str
    status: str
    toelichting: str
    verantwoordelijken: list[str]  # party codes, the first is the lead (trekker)
    betrokkenen: list[str]
    verantwoordelijke: str  # 'WDD (trekker), GZ; met HVZ': the codes as one text for the table cell
    wijziging: str = ""  # in a verslag: 'nieuw' or 'gewijzigd' in this meeting
    eind_buiten_periode: str = ""  # in an uitvoeringsagenda: 'na' or 'voor' its period, else ''
    vaststelling: str = ""  # in an adopted uitvoeringsagenda: 'gewijzigd' or 'toegevoegd' since, else ''
    toegevoegd_op: dt.date | None = None  # the date of an addition
    overgenomen_uit: str = ""  # 'AF-012 (2026-2027)': carried over from the previous period


class WijzigingRegel(Gegevens):
    """An amendment or addition after adoption, as the export lists it."""

    code: str  # of the agreement, AF-003
    soort: str  # 'wijziging' or 'toevoeging'
    datum: dt.date
    waar: str  # 'overleg 12-03-2026, besluit B-004', or ''
    wat: str  # 'Eind: 2026 → Q2 2027', or for an addition its actielijn
    reden: str


class SubthemaBlok(Gegevens):
    nummer: str
    onderwerp: str
    titel_afgeleid: bool  # the title is missing in the source and was derived
    afspraken: list[AfspraakRegel]
    lokaal: list[str]  # the framework's Lokaal level: what the local agenda works out
    regionaal: list[str]  # the framework's Regionaal level; both with footnote marks as superscript digits
    wijzigingen: list[WijzigingRegel] = []  # amendments and additions after adoption in this subtheme


class ThemaBlok(Gegevens):
    nummer: str
    titel: str
    subthemas: list[SubthemaBlok]  # those with local agreements in this agenda
    zonder_afspraken: list[SubthemaBlok]  # listed as such, never left out


class Voetnoot(Gegevens):
    nummer: str
    teken: str  # '²'
    tekst: str


class UitvoeringsagendaDocument(Gegevens):
    titel: str  # for the header line of Word and PDF, without the status
    status: str  # 'CONCEPT' until vastgesteld_op is set, then 'Vastgesteld op 15-12-2026'
    gemeente: str
    periode: str  # '2026-2027'
    begin: int
    eind: int
    kader_titel: str
    vastgesteld_op: dt.date | None
    partijen: list[PartijRegel]
    themas: list[ThemaBlok]
    aantal_afspraken: int
    met_status: bool  # a Status column in the tables
    met_kader: bool  # the framework of each subtheme (Lokaal and Regionaal) as a quote
    voetnoten: list[Voetnoot]  # of the quoted framework text
    afgeleide_titels: list[str]  # numbers of the subthemes whose title the framework's text lacks
    vandaag: dt.date  # the cycle paragraph speaks of dates before it in the past tense
    vastgesteld_te: str = ""  # the place of adoption
    wijzigingen: list[WijzigingRegel] = []  # amendments and additions after adoption, in date order


class PersoonRegel(Gegevens):
    naam: str
    functie: str
    omschrijving: str  # 'GZ, beleidsadviseur wonen'
    partij_code: str
    partij_naam: str
    status: str  # aanwezig, mk, zk


class PartijGroep(Gegevens):
    naam: str  # 'Woonstichting De Dorpsweide (WDD)'
    personen: list[PersoonRegel]


class BesluitRegel(Gegevens):
    nummer: int
    code: str
    datum: dt.date
    tekst: str


class ActieRegel(Gegevens):
    nummer: int
    code: str
    datum: dt.date | None  # of the meeting where the action was made
    wat: str
    wie: str  # 'Anne Jansen (GZ)', or a party code, or ''
    deadline: dt.date | None
    status: str  # open, gereed or vervallen, as it stood at this meeting
    te_laat: bool  # open at this meeting and its deadline before the meeting date
    subthema_nummer: str = ""
    afspraak_code: str = ""  # AF-003 when the action carries out an agreement
    stand_van_zaken: str = ""  # 'open', 'open, deadline verstreken', 'gereed', 'vervallen'


class AgendapuntBlok(Gegevens):
    nummer: int | None  # None for 'Overig': what belongs to this meeting but to none of its items
    titel: str
    soort: str = ""  # opening, mededelingen, verslag, actielijst, subthema, rondvraag, sluiting; '' for Overig
    subthema_nummer: str | None
    notitie: str
    besluiten: list[BesluitRegel]
    afspraken: list[AfspraakRegel]
    acties: list[ActieRegel]
    # In a verslag: what this meeting changed in the adopted agenda of these agreements, and why;
    # `waar` is 'besluit B-006' or '', `wat` says in words what changed (or the addition's actielijn).
    wijzigingen: list[WijzigingRegel] = []

    @property
    def leeg(self) -> bool:
        return not (self.notitie or self.besluiten or self.afspraken or self.acties)


class VorigVerslag(Gegevens):
    """The minutes the item 'Vaststellen verslag vorig overleg' is about: the previous of the same kind."""

    soort: str
    datum: dt.date
    vastgesteld_hier: bool  # approved in the meeting these minutes are of
    vastgesteld_op: dt.date | None
    wijzigingen: str


class VerslagDocument(Gegevens):
    titel: str  # for the header line of Word and PDF, without the status
    status: str  # 'CONCEPT' or 'Vastgesteld op 11-02-2027'
    vastgesteld_op: dt.date | None  # these minutes, by the next meeting of the same kind
    wijzigingen: str  # the changes made when they were approved
    begintijd: str  # '14.00', or '' when not recorded
    eindtijd: str
    vorig_verslag: VorigVerslag | None  # None at the first meeting of its kind
    gemeente: str
    periode: str  # of the uitvoeringsagenda the meeting belongs to
    overleg_nummer: int  # position, 1 = oldest
    aantal_overleggen: int
    soort: str  # ambtelijk, bestuurlijk
    datum: dt.date
    plaats: str
    voorzitter: PersoonRegel | None
    notulist: PersoonRegel | None
    aanwezig: list[PartijGroep]  # without chair and minute-taker, who come first and last
    afwezig: list[PersoonRegel]
    punten: list[AgendapuntBlok]
    besluitenlijst: list[BesluitRegel]
    actielijst: list[ActieRegel]
    volgende_datum: dt.date | None
