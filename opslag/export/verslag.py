"""The minutes (verslag) of one meeting as data: who was there, per item what was said and decided."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from opslag.bestand import Gemeentebestand
from opslag.codes import item_code
from opslag.export import spoor
from opslag.export.bouwstenen import AFSPRAAK_KOLOMMEN, afspraak, gemeente, partij_codes
from opslag.export.fouten import ExportFout
from opslag.export.modellen import (
    ActieRegel,
    AgendapuntBlok,
    VorigVerslag,
    BesluitRegel,
    PartijGroep,
    PersoonRegel,
    VerslagDocument,
    WijzigingRegel,
)
from opslag.datums import toon_tijd
from opslag.markdown_tekst import schoon
from opslag.modellen import PUNT_TITELS, PuntSoort


def kies_overleg(bestand: Gemeentebestand, keuze: str | int = "laatste") -> int:
    """The id of the meeting at position `keuze` (1 = oldest, as shown) or of the newest ('laatste')."""
    ids = [r[0] for r in bestand.db.conn.execute("SELECT id FROM overleg ORDER BY datum, id")]
    if not ids:
        raise ExportFout("Dit bestand heeft nog geen overleggen, dus ook geen verslag.")
    tekst = str(keuze).strip().casefold()
    if tekst == "laatste":
        return ids[-1]
    if not tekst.isdigit():
        raise ExportFout(f"'{keuze}' is geen overleg: geef een volgnummer (1 = oudste) of 'laatste'.")
    positie = int(tekst)
    if not 1 <= positie <= len(ids):
        meervoud = "overleg" if len(ids) == 1 else "overleggen"
        raise ExportFout(f"Overleg {positie} bestaat niet; dit bestand heeft {len(ids)} {meervoud} (1 = oudste).")
    return ids[positie - 1]



def _datum(tekst: str | None) -> dt.date | None:
    return dt.date.fromisoformat(tekst) if tekst else None


def _persoon(naam: str, functie: str, code: str | None, partij: str | None, status: str | None) -> PersoonRegel:
    code, functie = schoon(code), schoon(functie)
    return PersoonRegel(
        naam=schoon(naam),
        functie=functie,
        omschrijving=", ".join(deel for deel in (code, functie) if deel),
        partij_code=code,
        partij_naam=schoon(partij),
        status=status or "aanwezig",
    )


def _zonder_rol(persoon: PersoonRegel | None, rol: str) -> PersoonRegel | None:
    """'Voorzitter: Anne (GZ, voorzitter)' says it twice: the line gives the role already."""
    if persoon is None or persoon.functie.casefold() != rol:
        return persoon
    return persoon.model_copy(update={"omschrijving": persoon.partij_code})


# Steps in an agreement's trail that belong to this meeting's minutes: recorded in it, or without a
# meeting (from the action list, say) dated from this meeting until the next.
_SPOOR_HIER = (
    "w.soort IN ('wijziging', 'toevoeging') "
    "AND (w.overleg_id = :o OR (w.overleg_id IS NULL AND w.datum >= :van AND w.datum < :tot))"
)


def _wijzigingen(db: sqlite3.Connection, venster: dict) -> dict[str, list[WijzigingRegel]]:
    """Per agreement code what this meeting changed in the adopted agenda, and why: the minutes
    say it where the agreement is discussed, not only '(gewijzigd)' in the table."""
    uit: dict[str, list[WijzigingRegel]] = {}
    for nummer, actielijn, soort, datum, velden, reden, besluit in db.execute(
        "SELECT a.nummer, a.actielijn, w.soort, w.datum, w.velden, w.reden, b.nummer FROM afspraak_wijziging w "
        "JOIN afspraak a ON a.id = w.afspraak_id LEFT JOIN besluit b ON b.id = w.besluit_id "
        f"WHERE {_SPOOR_HIER} ORDER BY w.datum, w.id",
        venster,
    ):
        code = item_code("afspraak", nummer)
        uit.setdefault(code, []).append(WijzigingRegel(
            code=code,
            soort=soort,
            datum=dt.date.fromisoformat(datum),
            waar=f"besluit {item_code('besluit', besluit)}" if besluit is not None else "",
            wat=schoon(spoor.zin(json.loads(velden or "{}")) if soort == "wijziging" else actielijn),
            reden=schoon(reden),
        ))
    return uit


def bouw(bestand: Gemeentebestand, overleg_id: int) -> VerslagDocument:
    """The minutes of a meeting as data: ten queries, whatever the number of actions.

    Actions are shown as they stood at this meeting, so the minutes of an earlier meeting stay the
    same later on: open actions of this and earlier meetings, and those finished in this meeting
    (marked done on its date or later, before the next meeting). An action finished before this
    meeting has left the list. Agreements 'gewijzigd' are those edited in that same period.
    """
    db = bestand.db.conn  # plain sqlite3: named parameters, whatever wrapper the file uses
    overleggen = db.execute(
        "SELECT id, datum, soort, verslag_vastgesteld_op, verslag_vastgesteld_in, verslag_wijzigingen FROM overleg ORDER BY datum, id"
    ).fetchall()
    positie = next((i for i, (o_id, *_) in enumerate(overleggen) if o_id == overleg_id), None)
    if positie is None:
        raise ExportFout(f"Overleg {overleg_id} bestaat niet in dit bestand.")
    rij = db.execute(
        "SELECT o.datum, o.soort, o.plaats, o.voorzitter_id, o.notulist_id, o.volgende_datum, u.periode, "
        "o.begintijd, o.eindtijd, o.verslag_vastgesteld_op, o.verslag_wijzigingen "
        "FROM overleg o JOIN uitvoeringsagenda u ON u.id = o.agenda_id WHERE o.id = ?",
        [overleg_id],
    ).fetchone()
    datum_tekst, soort, plaats, voorzitter_id, notulist_id, volgende, periode, begin, eind, vastgesteld, wijzigingen = rij
    # The minutes this meeting approves are those of the previous meeting of the same kind.
    vorige = next((o for o in reversed(overleggen[:positie]) if o[2] == soort), None)
    vorig_verslag = vorige and VorigVerslag(
        soort=soort, datum=dt.date.fromisoformat(vorige[1]), vastgesteld_hier=vorige[4] == overleg_id,
        vastgesteld_op=_datum(vorige[3]), wijzigingen=schoon(vorige[5]),
    )
    datum = dt.date.fromisoformat(datum_tekst)
    tot = overleggen[positie + 1][1] if positie + 1 < len(overleggen) else "9999-12-31"
    venster = {"o": overleg_id, "van": datum_tekst, "tot": tot}

    # Who was there: chair first, then per party, minute-taker last; absent with (mk) or (zk).
    voorzitter = notulist = None
    groepen: dict[int | None, tuple[str, list[PersoonRegel]]] = {}
    afwezig: list[PersoonRegel] = []
    for p_id, naam, functie, partij_id, code, partij, status in db.execute(
        """
        SELECT pe.id, pe.naam, pe.functie, pa.id, pa.code, pa.naam, a.status
        FROM persoon pe
        LEFT JOIN aanwezigheid a ON a.persoon_id = pe.id AND a.overleg_id = :o
        LEFT JOIN partij pa ON pa.id = pe.partij_id
        WHERE a.overleg_id IS NOT NULL OR pe.id IN (:v, :n)
        ORDER BY pa.id IS NULL, pa.volgorde, pa.id, pe.naam COLLATE NOCASE, pe.naam, pe.id
        """,
        {"o": overleg_id, "v": voorzitter_id, "n": notulist_id},
    ):
        persoon = _persoon(naam, functie, code, partij, status)
        if persoon.status != "aanwezig":
            afwezig.append(persoon)
            continue
        if p_id == voorzitter_id:
            voorzitter = persoon
        if p_id == notulist_id:
            notulist = persoon
        if p_id not in (voorzitter_id, notulist_id):
            kop = persoon.partij_naam + (f" ({persoon.partij_code})" if persoon.partij_code else "")
            kop = kop if partij_id is not None else "Zonder partij"
            groepen.setdefault(partij_id, (kop, []))[1].append(persoon)

    voorzitter, notulist = _zonder_rol(voorzitter, "voorzitter"), _zonder_rol(notulist, "notulist")

    besluiten = [
        (punt_id, BesluitRegel(nummer=nummer, code=item_code("besluit", nummer), datum=dt.date.fromisoformat(b_datum), tekst=schoon(tekst)))
        for punt_id, nummer, b_datum, tekst in db.execute(
            "SELECT agendapunt_id, nummer, datum, tekst FROM besluit WHERE overleg_id = ? ORDER BY nummer, id", [overleg_id]
        )
    ]

    # Agreements made in this meeting, edited from its date until the next meeting, or amended in it.
    afspraak_filter = f"""
        a.overleg_id = :o OR a.id IN (
            SELECT rij_id FROM wijziging
            WHERE tabel = 'afspraak' AND actie = 'gewijzigd' AND tijdstip >= :van AND tijdstip < :tot)
        OR a.id IN (SELECT w.afspraak_id FROM afspraak_wijziging w WHERE {_SPOOR_HIER})
    """
    afspraak_rijen = db.execute(
        f"SELECT {AFSPRAAK_KOLOMMEN}, a.overleg_id FROM afspraak a WHERE {afspraak_filter} ORDER BY a.nummer, a.id",
        venster,
    ).fetchall()
    codes = partij_codes(
        db.execute(
            "SELECT ap.afspraak_id, ap.rol, p.code FROM afspraak_partij ap JOIN partij p ON p.id = ap.partij_id "
            f"WHERE ap.afspraak_id IN (SELECT a.id FROM afspraak a WHERE {afspraak_filter}) "
            "ORDER BY ap.afspraak_id, ap.volgorde, p.code",
            venster,
        ).fetchall()
    )
    afspraken = [
        afspraak(r[:9], codes.get(r[0]), "nieuw" if r[9] == overleg_id else "gewijzigd") for r in afspraak_rijen
    ]
    wijzigingen_hier = _wijzigingen(db, venster)

    # Actions: made in this meeting, or open at it (made in this or an earlier meeting).
    acties_hier: list[tuple[int | None, ActieRegel]] = []
    actielijst: list[ActieRegel] = []
    for (nummer, wat, o_id, punt_id, deadline, status, gereed_op, gemaakt, o_datum, persoon, code, sub, af) in db.execute(
        """
        SELECT a.nummer, a.wat, a.overleg_id, a.agendapunt_id, a.deadline, a.status,
               COALESCE(a.gereed_op, a.aangemaakt_op, o.datum), a.aangemaakt_op, o.datum, pe.naam, pa.code,
               a.subthema_nummer, af.nummer
        FROM actiepunt a
        LEFT JOIN overleg o ON o.id = a.overleg_id
        LEFT JOIN afspraak af ON af.id = a.afspraak_id
        LEFT JOIN persoon pe ON pe.id = a.persoon_id
        LEFT JOIN partij pa ON pa.id = COALESCE(a.partij_id, pe.partij_id)
        WHERE a.overleg_id = :o OR (
            (a.status = 'open' OR COALESCE(a.gereed_op, a.aangemaakt_op, o.datum) >= :van)
            AND (o.datum < :van OR (o.datum = :van AND o.id <= :o)
                 OR (a.overleg_id IS NULL AND COALESCE(a.aangemaakt_op, :van) <= :van)))
        ORDER BY a.nummer, a.id
        """,
        venster,
    ):
        if status != "open" and gereed_op is not None:
            if gereed_op >= tot:
                status = "open"  # finished after the next meeting: at this meeting it was still open
            elif gereed_op < datum_tekst and o_id != overleg_id:
                continue  # finished before this meeting: it has left the list
        deadline_datum = _datum(deadline)
        naam = schoon(persoon)
        code = schoon(code)
        te_laat = status == "open" and deadline_datum is not None and deadline_datum < datum
        actie = ActieRegel(
            nummer=nummer,
            code=item_code("actiepunt", nummer),
            datum=_datum(o_datum or gemaakt),
            wat=schoon(wat),
            wie=f"{naam} ({code})" if naam and code else naam or code,
            deadline=deadline_datum,
            status=status,
            te_laat=te_laat,
            subthema_nummer=schoon(sub),
            afspraak_code=item_code("afspraak", af) if af is not None else "",
            stand_van_zaken="open, deadline verstreken" if te_laat else status,
        )
        actielijst.append(actie)
        if o_id == overleg_id:
            acties_hier.append((punt_id, actie))

    kader = bestand.kader()
    punten: list[AgendapuntBlok] = []
    gebruikt_afspraken: set[int] = set()
    gebruikt_besluiten: set[int] = set()
    gebruikt_acties: set[int] = set()
    for volgnummer, (punt_id, soort_punt, subthema, notitie, eigen_titel) in enumerate(
        db.execute(
            "SELECT id, soort, subthema_nummer, notitie, titel FROM agendapunt WHERE overleg_id = ? ORDER BY volgorde, id",
            [overleg_id],
        ).fetchall(),
        start=1,
    ):
        if soort_punt == PuntSoort.SUBTHEMA:
            sub = kader.subthema(subthema)
            titel = f"Subthema {sub.titel}"
            hier_afspraken = [a for a in afspraken if a.subthema_nummer == subthema and a.nummer not in gebruikt_afspraken]
            gebruikt_afspraken.update(a.nummer for a in hier_afspraken)
        else:
            titel = schoon(eigen_titel) if soort_punt == PuntSoort.VRIJ else PUNT_TITELS[PuntSoort(soort_punt)]
            hier_afspraken = []
        hier_wijzigingen = [w for a in hier_afspraken for w in wijzigingen_hier.get(a.code, [])]
        hier_besluiten = [b for p_id, b in besluiten if p_id == punt_id]
        hier_acties = [a for p_id, a in acties_hier if p_id == punt_id]
        gebruikt_besluiten.update(b.nummer for b in hier_besluiten)
        gebruikt_acties.update(a.nummer for a in hier_acties)
        punten.append(
            AgendapuntBlok(
                nummer=volgnummer, titel=titel, soort=soort_punt, subthema_nummer=subthema, notitie=schoon(notitie),
                besluiten=hier_besluiten, afspraken=hier_afspraken, acties=hier_acties, wijzigingen=hier_wijzigingen,
            )
        )
    overig = AgendapuntBlok(
        nummer=None,
        titel="Overig",
        subthema_nummer=None,
        notitie="",
        besluiten=[b for _, b in besluiten if b.nummer not in gebruikt_besluiten],
        afspraken=[a for a in afspraken if a.nummer not in gebruikt_afspraken],
        wijzigingen=[w for a in afspraken if a.nummer not in gebruikt_afspraken for w in wijzigingen_hier.get(a.code, [])],
        acties=[a for _, a in acties_hier if a.nummer not in gebruikt_acties],
    )
    if not overig.leeg:
        punten.append(overig)

    naam = gemeente(db)
    vastgesteld_op = _datum(vastgesteld)
    return VerslagDocument(
        titel=f"Verslag {soort} tripartite overleg wonen {naam}",
        status=f"Vastgesteld op {vastgesteld_op.strftime('%d-%m-%Y')}" if vastgesteld_op else "CONCEPT",
        vastgesteld_op=vastgesteld_op,
        wijzigingen=schoon(wijzigingen),
        begintijd=toon_tijd(begin),
        eindtijd=toon_tijd(eind),
        vorig_verslag=vorig_verslag,
        gemeente=naam,
        periode=periode,
        overleg_nummer=positie + 1,
        aantal_overleggen=len(overleggen),
        soort=soort,
        datum=datum,
        plaats=schoon(plaats),
        voorzitter=voorzitter,
        notulist=notulist,
        aanwezig=[PartijGroep(naam=kop, personen=personen) for kop, personen in groepen.values()],
        afwezig=afwezig,
        punten=punten,
        besluitenlijst=[b for _, b in besluiten],
        actielijst=actielijst,
        volgende_datum=_datum(volgende),
    )

