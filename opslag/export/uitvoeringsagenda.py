"""The uitvoeringsagenda as data: which agenda, and its agreements per theme and subtheme."""

from __future__ import annotations

import datetime as dt
import re

from opslag import datums
from opslag.bestand import Gemeentebestand
from opslag.export.bouwstenen import AFSPRAAK_KOLOMMEN, afspraak, gemeente, partij_codes
from opslag.export.fouten import ExportFout
from opslag.export.modellen import AfspraakRegel, PartijRegel, SubthemaBlok, ThemaBlok, UitvoeringsagendaDocument, Voetnoot
from opslag.markdown_tekst import schoon
from opslag.voetnoten import met_tekens, teken, verwijzingen



def kies_agenda(bestand: Gemeentebestand, periode: str | None = None) -> tuple[int, str, dt.date | None]:
    """(id, period, adoption date) of the agenda of `periode`; by default the one running today."""
    rijen = bestand.db.conn.execute("SELECT id, periode, vastgesteld_op FROM uitvoeringsagenda ORDER BY periode, id").fetchall()
    if not rijen:
        raise ExportFout("Dit bestand heeft nog geen uitvoeringsagenda.")
    if periode is not None:
        periode = datums.lees_periode(periode)
        for agenda_id, eigen, vastgesteld in rijen:
            if eigen == periode:
                return agenda_id, eigen, dt.date.fromisoformat(vastgesteld) if vastgesteld else None
        bekend = ", ".join(r[1] for r in rijen)
        raise ExportFout(f"De uitvoeringsagenda {periode} staat niet in dit bestand. Wel: {bekend}.")
    jaar = datums.vandaag().year
    lopend = [r for r in rijen if int(r[1][:4]) <= jaar <= int(r[1][5:])]
    eerder = [r for r in rijen if int(r[1][:4]) <= jaar]
    agenda_id, eigen, vastgesteld = (lopend or eerder or rijen)[-1]
    return agenda_id, eigen, dt.date.fromisoformat(vastgesteld) if vastgesteld else None



def bouw(
    bestand: Gemeentebestand, periode: str | None = None, *, met_status: bool = False, met_kader: bool = False
) -> UitvoeringsagendaDocument:
    """The uitvoeringsagenda of `periode` as data: five queries, whatever the number of agreements."""
    db = bestand.db.conn  # plain sqlite3: named parameters, whatever wrapper the file uses
    agenda_id, periode, vastgesteld = kies_agenda(bestand, periode)
    rijen = db.execute(
        f"SELECT {AFSPRAAK_KOLOMMEN} FROM afspraak a WHERE a.agenda_id = ? ORDER BY a.nummer, a.id", [agenda_id]
    ).fetchall()
    codes = partij_codes(
        db.execute(
            "SELECT ap.afspraak_id, ap.rol, p.code FROM afspraak_partij ap "
            "JOIN afspraak a ON a.id = ap.afspraak_id JOIN partij p ON p.id = ap.partij_id "
            "WHERE a.agenda_id = ? ORDER BY ap.afspraak_id, ap.volgorde, p.code",
            [agenda_id],
        ).fetchall()
    )
    per_subthema: dict[str, list[AfspraakRegel]] = {}
    for rij in rijen:
        per_subthema.setdefault(rij[2], []).append(afspraak(rij, codes.get(rij[0])))

    kader = bestand.kader()
    gebruikte_voetnoten: dict[str, None] = {}
    themas: list[ThemaBlok] = []
    for thema in kader.themas:
        met, zonder = [], []
        for sub in thema.subthemas:
            regionaal: list[str] = []
            afspraken = per_subthema.get(sub.nummer, [])
            if met_kader and afspraken:
                for punt in sub.regionaal:
                    gebruikte_voetnoten.update(dict.fromkeys(verwijzingen(punt.tekst)))
                    regionaal.append(met_tekens(punt.tekst))
            blok = SubthemaBlok(
                nummer=sub.nummer, onderwerp=sub.onderwerp, titel_afgeleid=sub.titel_afgeleid,
                afspraken=afspraken, regionaal=regionaal,
            )
            (met if afspraken else zonder).append(blok)
        themas.append(ThemaBlok(nummer=thema.nummer, titel=thema.titel, subthemas=met, zonder_afspraken=zonder))
    voetnoten = [
        Voetnoot(nummer=v.nummer, teken=teken(v.nummer), tekst=v.tekst)
        for v in kader.voetnoten
        if v.nummer in gebruikte_voetnoten
    ]
    begin, eind = (int(jaar) for jaar in periode.split("-"))
    naam = gemeente(db)
    return UitvoeringsagendaDocument(
        titel=f"Tweejarige uitvoeringsagenda gemeente {naam} {begin} t/m {eind}",
        status=f"Vastgesteld op {vastgesteld.strftime('%d-%m-%Y')}" if vastgesteld else "CONCEPT",
        gemeente=naam,
        periode=periode,
        begin=begin,
        eind=eind,
        kader_titel=kader.titel,
        vastgesteld_op=vastgesteld,
        partijen=[
            PartijRegel(code=schoon(code), naam=schoon(naam), soort=soort)
            for code, naam, soort in db.execute("SELECT code, naam, soort FROM partij ORDER BY volgorde, id")
        ],
        themas=themas,
        aantal_afspraken=len(rijen),
        met_status=met_status,
        met_kader=met_kader,
        voetnoten=voetnoten,
    )

