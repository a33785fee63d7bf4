"""A demo municipality file with realistic, clearly fictional content to practise on.

Zonnedal, its corporation and its tenant association do not exist; every person is made up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from opslag import levensloop, notulen, vaststelling
from opslag.bestand import Gemeentebestand, nieuw_bestand
from opslag.kader import Kader
from opslag.modellen import (
    Aanwezig,
    Aanwezigheid,
    ActieStatus,
    Actiepunt,
    Afspraak,
    AfspraakStatus,
    Besluit,
    Overleg,
    OverlegSoort,
    Partij,
    PartijSoort,
    Persoon,
    PuntSoort,
)
from opslag.mappen import data_map

GEMEENTE = "Zonnedal (fictief)"


def standaard_demo_pad() -> Path:
    return data_map() / "demo-zonnedal.sqlite"


def maak_demo(pad: Path, kader: Kader | None = None) -> Path:
    nieuw_bestand(GEMEENTE, pad, kader)
    with Gemeentebestand.open(pad) as bestand:
        _vul(bestand)
    return pad


def _vul(b: Gemeentebestand) -> None:
    gemeente = b.partijen()[0]
    gz = notulen.bewaar_partij(b, replace(gemeente, naam="Gemeente Zonnedal", code="GZ"))
    wds = notulen.bewaar_partij(b, Partij(naam="Woonstichting De Dorpsweide", code="WDD", soort=PartijSoort.CORPORATIE, volgorde=1))
    hv = notulen.bewaar_partij(b, Partij(naam="Huurdersvereniging Zonnedal", code="HVZ", soort=PartijSoort.HUURDERS, volgorde=2))

    def persoon(naam: str, functie: str, partij: int) -> int:
        return notulen.nieuwe_persoon(b, Persoon(naam=naam, functie=functie, partij_id=partij)).id

    anne = persoon("Anne Jansen", "beleidsadviseur wonen", gz)
    marloes = persoon("Marloes Hendriks", "notulist", gz)
    wethouder = persoon("Gerrit ter Horst", "wethouder wonen", gz)
    pieter = persoon("Pieter Bosman", "strateeg vastgoed", wds)
    ruud = persoon("Ruud Mulder", "manager wonen", wds)
    fatima = persoon("Fatima El Idrissi", "bestuurslid", hv)
    kees = persoon("Kees Wolters", "voorzitter", hv)

    agenda = notulen.agenda_voor_periode(b, "2026-2027")

    # --- meeting 1: ambtelijk, March --------------------------------------------------------
    o1 = notulen.nieuw_overleg(
        b,
        Overleg(agenda_id=agenda.id, datum=dt.date(2026, 3, 12), soort=OverlegSoort.AMBTELIJK, plaats="Gemeentehuis Zonnedal, kamer 2.14",
                voorzitter_id=anne, notulist_id=marloes, volgende_datum=dt.date(2026, 6, 18), begintijd="14:00", eindtijd="16:05"),
        ["1.1", "1.5", "1.9", "2.1.1", "3.3", "4.2"],
    )
    for p, status in [(anne, Aanwezig.AANWEZIG), (marloes, Aanwezig.AANWEZIG), (pieter, Aanwezig.AANWEZIG),
                      (ruud, Aanwezig.MK), (fatima, Aanwezig.AANWEZIG), (kees, Aanwezig.AANWEZIG)]:
        notulen.zet_aanwezigheid(b, Aanwezigheid(overleg_id=o1.id, persoon_id=p, status=status))
    punten = {(p.soort, p.subthema_nummer): p for p in notulen.agendapunten(b, o1.id)}
    notitie = {
        (PuntSoort.OPENING, None): "Dit is het eerste overleg over de uitvoeringsagenda 2026-2027. De agenda wordt ongewijzigd vastgesteld.",
        (PuntSoort.MEDEDELINGEN, None): "WDD meldt dat de nieuwe directeur-bestuurder per 1 april begint. HVZ heeft twee nieuwe bestuursleden.",
        (PuntSoort.SUBTHEMA, "1.1"): "Volgens de geactualiseerde woondeal zijn in Zonnedal tot 2030 zo'n 180 woningen nodig, waarvan 30% sociale huur. "
            "WDD kan in plan De Esch 40 sociale huurwoningen bouwen als de grondprijs past. HVZ vraagt aandacht voor kleine woningen voor één- en tweepersoonshuishoudens.",
        (PuntSoort.SUBTHEMA, "1.5"): "Splitsen van grote eengezinswoningen aan de Molenstraat lijkt kansrijk; WDD onderzoekt zes woningen als pilot.",
        (PuntSoort.SUBTHEMA, "1.9"): "De verhuiscoach van de regio is in Zonnedal nog weinig bekend. HVZ wil helpen bij de voorlichting aan senioren.",
        (PuntSoort.SUBTHEMA, "4.2"): "Door netcongestie schuift de aansluiting van de nieuwbouw in De Esch mogelijk een half jaar op. "
            "Gemeente en WDD plannen een gezamenlijk gesprek met Liander.",
        (PuntSoort.RONDVRAAG, None): "Kees vraagt of de huurders vooraf de conceptteksten van de uitvoeringsagenda krijgen. Dat wordt toegezegd.",
        (PuntSoort.SLUITING, None): "Het volgende overleg is op 18 juni 2026.",
    }
    for sleutel, tekst in notitie.items():
        notulen.bewaar_notitie(b, punten[sleutel].id, tekst)

    def afspraak(overleg: Overleg, sub: str, actielijn: str, doel: str, start: str, eind: str, verantw: list[int],
                 betrokken: list[int] | None = None, status: AfspraakStatus = AfspraakStatus.AFGESPROKEN,
                 aantal: float | None = None, eenheid: str = "", toelichting: str = "",
                 grond: levensloop.Grond | None = None) -> Afspraak:
        return notulen.bewaar_afspraak(b, grond=grond, afspraak=Afspraak(
            agenda_id=agenda.id, subthema_nummer=sub, actielijn=actielijn, doel=doel, doel_aantal=aantal,
            doel_eenheid=eenheid, start=start, eind=eind, status=status, toelichting=toelichting,
            overleg_id=overleg.id, verantwoordelijken=verantw, betrokkenen=betrokken or []))

    esch = afspraak(o1, "1.1", "Bouw van sociale huurwoningen in plan De Esch", "40 woningen", "2026", "Q4 2027", [wds, gz], [hv],
                    AfspraakStatus.IN_UITVOERING, 40, "woningen", "Waarvan minimaal 15 voor één- en tweepersoonshuishoudens.")
    afspraak(o1, "1.5", "Pilot splitsen van grote eengezinswoningen aan de Molenstraat", "6 woningen", "Q3 2026", "2027", [wds], [gz], aantal=6, eenheid="woningen")
    afspraak(o1, "1.9", "Verhuiscoach voor senioren breder bekend maken", "25 verhuizingen", "2026", "2027", [gz, wds], [hv], aantal=25, eenheid="verhuizingen")
    afspraak(o1, "3.3", "Kernenvisie voor de kern Oosterveld", "Kernenvisie vastgesteld", "Q1 2026", "Q4 2026", [wds], [gz, hv], AfspraakStatus.IN_UITVOERING)
    liander = afspraak(o1, "4.2", "Planning van nieuwbouw en renovatie afstemmen met Liander", "Twee keer per jaar overleg", "2026", "2027", [gz, wds])

    besluit_punt = punten[(PuntSoort.SUBTHEMA, "1.5")]
    notulen.bewaar_besluit(b, Besluit(overleg_id=o1.id, agendapunt_id=besluit_punt.id, datum=o1.datum,
                                      tekst="Partijen stemmen in met een pilot van zes gesplitste woningen aan de Molenstraat."))
    notulen.bewaar_besluit(b, Besluit(overleg_id=o1.id, agendapunt_id=punten[(PuntSoort.SUBTHEMA, "1.1")].id, datum=o1.datum,
                                      tekst="De 40 sociale huurwoningen in De Esch worden opgenomen in de uitvoeringsagenda 2026-2027."))

    def actie(overleg: Overleg, punt_sleutel: tuple, wat: str, wie: int | None, partij: int | None, deadline: dt.date,
              afspraak_id: int | None = None) -> Actiepunt:
        punt = {(p.soort, p.subthema_nummer): p for p in notulen.agendapunten(b, overleg.id)}[punt_sleutel]
        return notulen.bewaar_actiepunt(b, Actiepunt(
            overleg_id=overleg.id, agendapunt_id=punt.id, subthema_nummer=punt.subthema_nummer, afspraak_id=afspraak_id,
            wat=wat, persoon_id=wie, partij_id=partij, deadline=deadline, aangemaakt_op=overleg.datum))

    a1 = actie(o1, (PuntSoort.SUBTHEMA, "1.1"), "Grondprijs De Esch doorrekenen voor sociale huur", anne, gz, dt.date(2026, 4, 30), esch.id)
    a2 = actie(o1, (PuntSoort.SUBTHEMA, "1.5"), "Bouwkundige verkenning splitsen Molenstraat", pieter, wds, dt.date(2026, 6, 1))
    a3 = actie(o1, (PuntSoort.SUBTHEMA, "1.9"), "Voorlichtingsavond verhuiscoach organiseren met HVZ", fatima, hv, dt.date(2026, 9, 30))
    actie(o1, (PuntSoort.SUBTHEMA, "4.2"), "Gesprek met Liander plannen over aansluiting De Esch", anne, gz, dt.date(2026, 5, 15), liander.id)
    actie(o1, (PuntSoort.RONDVRAAG, None), "Concepttekst uitvoeringsagenda vooraf naar HVZ sturen", marloes, gz, dt.date(2026, 10, 15))

    # --- meeting 2: bestuurlijk, June ------------------------------------------------------
    o2 = notulen.nieuw_overleg(
        b,
        Overleg(agenda_id=agenda.id, datum=dt.date(2026, 6, 18), soort=OverlegSoort.BESTUURLIJK, plaats="Kantoor Woonstichting De Dorpsweide",
                voorzitter_id=wethouder, notulist_id=marloes, volgende_datum=dt.date(2026, 11, 19), begintijd="10:00", eindtijd="11:30"),
        ["1.1", "1.10", "4.1", "4.3"],
    )
    for p, status in [(wethouder, Aanwezig.AANWEZIG), (anne, Aanwezig.AANWEZIG), (marloes, Aanwezig.AANWEZIG),
                      (ruud, Aanwezig.AANWEZIG), (pieter, Aanwezig.ZK), (kees, Aanwezig.AANWEZIG), (fatima, Aanwezig.MK)]:
        notulen.zet_aanwezigheid(b, Aanwezigheid(overleg_id=o2.id, persoon_id=p, status=status))
    punten2 = {(p.soort, p.subthema_nummer): p for p in notulen.agendapunten(b, o2.id)}
    for sleutel, tekst in {
        (PuntSoort.ACTIELIJST, None): "A-001 is gereed: de grondprijs past binnen de sociale grondprijs. A-002 loopt nog.",
        (PuntSoort.SUBTHEMA, "1.10"): "De wethouder wil de aanpak van betalingsachterstanden gezamenlijk oppakken. WDD doet mee met vroegsignalering.",
        (PuntSoort.SUBTHEMA, "4.3"): "WDD heeft nog 120 woningen met label E, F of G; die zijn eind 2028 verbeterd of verkocht. HVZ vraagt om goede begeleiding van bewoners tijdens de werkzaamheden.",
    }.items():
        notulen.bewaar_notitie(b, punten2[sleutel].id, tekst)
    notulen.zet_actiestatus(b, a1.id, ActieStatus.GEREED, o2.datum)
    afspraak(o2, "1.10", "Gezamenlijke vroegsignalering van betalingsachterstanden", "Convenant getekend", "Q3 2026", "Q2 2027", [gz], [wds, hv])
    labels = afspraak(o2, "4.3", "Uitfaseren van woningen met label E, F en G", "120 woningen", "2026", "2028", [wds], [hv],
                      AfspraakStatus.IN_UITVOERING, 120, "woningen", "Jaarlijkse terugkoppeling aan gemeente en HVZ in het vierde kwartaal.")
    notulen.bewaar_besluit(b, Besluit(overleg_id=o2.id, agendapunt_id=punten2[(PuntSoort.VERSLAG, None)].id, datum=o2.datum,
                                      tekst="Het bestuurlijk overleg neemt kennis van het verslag van het ambtelijk overleg van 12 maart 2026."))
    notulen.bewaar_besluit(b, Besluit(overleg_id=o2.id, agendapunt_id=punten2[(PuntSoort.SUBTHEMA, "1.10")].id, datum=o2.datum,
                                      tekst="Gemeente en WDD werken een convenant vroegsignalering uit; HVZ denkt mee."))
    actie(o2, (PuntSoort.SUBTHEMA, "4.3"), "Planning labelverbetering per complex delen met HVZ", ruud, wds, dt.date(2026, 10, 1), labels.id)
    actie(o2, (PuntSoort.SUBTHEMA, "1.10"), "Conceptconvenant vroegsignalering opstellen", anne, gz, dt.date(2027, 1, 31))

    # --- the agenda as signed: what follows is amended or added after adoption ----------------
    levensloop.vaststellen(b, agenda.id, dt.date(2025, 12, 4), "Zonnedal", {
        gz: ("Gerrit ter Horst", "wethouder wonen"),
        wds: ("Hanneke de Wit", "directeur-bestuurder"),
        hv: ("Kees Wolters", "voorzitter"),
    })

    # --- meeting 3: ambtelijk, November (the last one, being worked on) ------------------------
    o3 = notulen.nieuw_overleg(
        b,
        Overleg(agenda_id=agenda.id, datum=dt.date(2026, 11, 19), soort=OverlegSoort.AMBTELIJK, plaats="Gemeentehuis Zonnedal, kamer 2.14",
                voorzitter_id=anne, notulist_id=marloes, volgende_datum=dt.date(2027, 2, 11), begintijd="14:00"),
        ["1.1", "1.6", "1.9", "3.2", "4.2"],
    )
    for p, status in [(anne, Aanwezig.AANWEZIG), (marloes, Aanwezig.AANWEZIG), (pieter, Aanwezig.AANWEZIG),
                      (ruud, Aanwezig.AANWEZIG), (kees, Aanwezig.MK), (fatima, Aanwezig.AANWEZIG)]:
        notulen.zet_aanwezigheid(b, Aanwezigheid(overleg_id=o3.id, persoon_id=p, status=status))
    punten3 = {(p.soort, p.subthema_nummer): p for p in notulen.agendapunten(b, o3.id)}
    for sleutel, tekst in {
        (PuntSoort.ACTIELIJST, None): "A-002 is gereed. A-003 schuift naar januari: de voorlichtingsavond is verplaatst.",
        (PuntSoort.SUBTHEMA, "1.1"): "De omgevingsvergunning voor De Esch is verleend. Start bouw is gepland in het tweede kwartaal van 2027.",
        (PuntSoort.SUBTHEMA, "1.6"): "Partijen gebruiken de halfjaarlijkse Woon- en Vastgoedmonitor als basis voor de evaluatie in het voorjaar.",
        (PuntSoort.SUBTHEMA, "3.2"): "WDD zet in 2027 € 35.000 leefbaarheidsbudget in voor buurthuis Het Anker; HVZ vraagt om een bewonerspanel.",
    }.items():
        notulen.bewaar_notitie(b, punten3[sleutel].id, tekst)
    vaststelling.stel_vast(b, o1.id, o3, "Bij 1.9: de voorlichting aan senioren geeft HVZ samen met de verhuiscoach.")
    notulen.zet_actiestatus(b, a2.id, ActieStatus.GEREED, o3.datum)
    notulen.bewaar_actiepunt(b, replace(a3, deadline=dt.date(2027, 1, 31)))
    afspraak(o3, "3.2", "Leefbaarheidsbudget inzetten voor buurthuis Het Anker", "€ 35.000 in 2027", "Q1 2027", "Q4 2027", [wds], [gz, hv], aantal=35000, eenheid="euro",
             grond=levensloop.Grond("Het buurthuis dreigde te sluiten; WDD heeft budget vrijgemaakt.", overleg_id=o3.id))
    notulen.bewaar_besluit(b, Besluit(overleg_id=o3.id, agendapunt_id=punten3[(PuntSoort.SUBTHEMA, "3.2")].id, datum=o3.datum,
                                      tekst="Een bewonerspanel adviseert over de besteding van het leefbaarheidsbudget voor Het Anker."))
    later = notulen.bewaar_besluit(b, Besluit(overleg_id=o3.id, agendapunt_id=punten3[(PuntSoort.SUBTHEMA, "1.1")].id, datum=o3.datum,
                                              tekst="De oplevering van de 40 sociale huurwoningen in De Esch schuift naar het tweede kwartaal van 2028."))
    notulen.bewaar_afspraak(b, replace(esch, eind="Q2 2028"), grond=levensloop.Grond(
        "De bouw start door netcongestie een half jaar later, in het tweede kwartaal van 2027.", later.id, o3.id))
    actie(o3, (PuntSoort.SUBTHEMA, "3.2"), "Bewonerspanel Het Anker samenstellen", fatima, hv, dt.date(2027, 1, 15))
    actie(o3, (PuntSoort.SUBTHEMA, "1.6"), "Cijfers Woon- en Vastgoedmonitor per kern aanleveren", pieter, wds, dt.date(2027, 2, 1))
    notulen.zet_huidig_punt(b, o3.id, punten3[(PuntSoort.SUBTHEMA, "1.6")].id)
