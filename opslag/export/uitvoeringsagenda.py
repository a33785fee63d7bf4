"""The uitvoeringsagenda as data: which agenda, and its agreements per theme and subtheme."""

from __future__ import annotations

import datetime as dt
import re

from opslag import datums
from opslag.bestand import Gemeentebestand
from opslag.export import spoor
from opslag.export.bouwstenen import AFSPRAAK_KOLOMMEN, afspraak, gemeente, partij_codes
from opslag.export.fouten import ExportFout
from opslag.fouten import OngeldigeInvoer
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


def eind_buiten_periode(eind: str, periode: str) -> str:
    """'na' or 'voor' when the term `eind` ends outside the agenda's two years, else ''.

    An agreement may run on after its agenda (it holds until a bestuurlijk overleg decides otherwise),
    but a document to be signed should say so rather than leave it for the reader to spot."""
    try:
        grenzen = datums.termijn_grenzen(eind)
    except OngeldigeInvoer:
        return ""  # an export shows what the file holds; a term it cannot read is no reason to refuse
    if grenzen is None:
        return ""
    laatste_dag = grenzen[1]
    if laatste_dag.year > int(periode[5:]):
        return "na"
    if laatste_dag.year < int(periode[:4]):
        return "voor"
    return ""


def bouw(
    bestand: Gemeentebestand, periode: str | None = None, *, met_status: bool = False, met_kader: bool = False
) -> UitvoeringsagendaDocument:
    """The uitvoeringsagenda of `periode` as data: eight queries, whatever the number of agreements.

    Once adopted, the tables show the signed text; what changed since is listed beside it."""
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
    trail = spoor.lees(db, agenda_id)
    per_subthema: dict[str, list[AfspraakRegel]] = {}
    wijzigingen_per_subthema: dict[str, list] = {}
    alle_wijzigingen = []
    for rij in rijen:
        wijzigingen = trail.van(rij[0], "wijziging")
        rij, eigen_codes = spoor.vastgesteld(rij, codes.get(rij[0]), wijzigingen)
        toevoeging = trail.van(rij[0], "toevoeging")
        regel = afspraak(
            rij, eigen_codes, eind_buiten_periode=eind_buiten_periode(rij[6], periode),
            vaststelling="toegevoegd" if toevoeging else "gewijzigd" if wijzigingen else "",
            toegevoegd_op=toevoeging[0].datum if toevoeging else None,
            overgenomen_uit=trail.overgenomen.get(rij[0], ""),
        )
        per_subthema.setdefault(rij[2], []).append(regel)
        for stap in sorted(toevoeging + wijzigingen, key=lambda s: s.datum):
            lijstregel = spoor.regel(regel.code, stap, regel.actielijn)
            alle_wijzigingen.append(lijstregel)
            wijzigingen_per_subthema.setdefault(rij[2], []).append(lijstregel)
    ondertekend: dict[int, tuple[str, str]] = {}
    vastgesteld_te = ""
    for plaats, partij_id, naam, functie in db.execute(
        "SELECT u.vastgesteld_te, o.partij_id, o.naam, o.functie FROM uitvoeringsagenda u "
        "LEFT JOIN ondertekenaar o ON o.agenda_id = u.id WHERE u.id = ?",
        [agenda_id],
    ):
        vastgesteld_te = plaats or ""
        if partij_id is not None:
            ondertekend[partij_id] = (naam, functie or "")

    kader = bestand.kader()
    gebruikte_voetnoten: dict[str, None] = {}
    afgeleid: list[str] = []
    themas: list[ThemaBlok] = []
    for thema in kader.themas:
        met, zonder = [], []
        for sub in thema.subthemas:
            afspraken = per_subthema.get(sub.nummer, [])
            # Lokaal is what this agenda works out; Regionaal is quoted beside it for context.
            niveaus: dict[str, list[str]] = {"lokaal": [], "regionaal": []}
            if met_kader and afspraken:
                for niveau, teksten in niveaus.items():
                    for punt in sub.niveau(niveau):
                        gebruikte_voetnoten.update(dict.fromkeys(verwijzingen(punt.tekst)))
                        teksten.append(met_tekens(punt.tekst))
            if sub.titel_afgeleid:
                afgeleid.append(sub.nummer)
            blok = SubthemaBlok(
                nummer=sub.nummer, onderwerp=sub.onderwerp, titel_afgeleid=sub.titel_afgeleid,
                afspraken=afspraken, wijzigingen=sorted(wijzigingen_per_subthema.get(sub.nummer, []), key=lambda w: (w.datum, w.code)),
                **niveaus,
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
            PartijRegel(
                code=schoon(code), naam=schoon(naam), soort=soort,
                ondertekenaar=schoon(ondertekend.get(partij_id, ("", ""))[0]),
                functie=schoon(ondertekend.get(partij_id, ("", ""))[1]),
            )
            for partij_id, code, naam, soort in db.execute("SELECT id, code, naam, soort FROM partij ORDER BY volgorde, id")
        ],
        themas=themas,
        aantal_afspraken=len(rijen),
        met_status=met_status,
        met_kader=met_kader,
        voetnoten=voetnoten,
        afgeleide_titels=afgeleid,
        vandaag=datums.vandaag(),
        vastgesteld_te=schoon(vastgesteld_te),
        wijzigingen=sorted(alle_wijzigingen, key=lambda w: (w.datum, w.code)),
    )

