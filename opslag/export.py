"""Export of the uitvoeringsagenda and of the minutes (verslag) as Markdown, from Jinja2 templates.

Two steps. First the document is built as plain data (the pydantic models below) with a fixed,
small number of queries, whatever the size of the file: no query per agreement or per action.
Then a template from `sjablonen/` (or a municipality's own copy, `--sjabloon`) turns that data
into Markdown.

Templates run in Jinja2's sandbox, can only include templates from their own folder, and fail on
any unknown name (StrictUndefined); every error becomes a `SjabloonFout` that names the template
file, the line and the problem in Dutch. User text reaches the output only through the filters of
`opslag.markdown_tekst` (`cel`, `regel`, `blok`); a value printed without one of them is made
safe anyway (as `regel`), so a template that forgets a filter can look odd but never breaks the
document's structure or lets HTML through.

The output is deterministic: the same file gives byte-identical Markdown (explicit ORDER BY
everywhere, nothing depends on the clock), UTF-8 with LF line ends and one final newline.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import sqlite3
import stat
import traceback
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from opslag import datums, markdown_tekst
from opslag.bestand import EXTENSIE, Gemeentebestand, bestandsnaam
from opslag.codes import item_code
from opslag.fouten import OngeldigeNaam, TripartietFout
from opslag.kop import SQLITE_KOP
from opslag.markdown_tekst import Veilig, schoon
from opslag.modellen import PUNT_TITELS, PuntSoort
from opslag.voetnoten import met_tekens, teken, verwijzingen
from opslag.mappen import cache_map, instellingen_map

Soort = Literal["uitvoeringsagenda", "verslag"]
SOORTEN: tuple[Soort, ...] = ("uitvoeringsagenda", "verslag")
SJABLONEN: dict[str, str] = {"uitvoeringsagenda": "uitvoeringsagenda.md.j2", "verslag": "verslag.md.j2"}



class ExportFout(TripartietFout):
    """An export that cannot be made as asked: unknown agenda or meeting, a path that is no file."""


class SjabloonFout(TripartietFout):
    """An error in a template; names the template file and, where known, the line."""

    def __init__(self, bestand: Path | str, regel: int | None, melding: str) -> None:
        self.bestand = str(bestand)
        self.regel = regel
        self.melding = melding
        plaats = f"{self.bestand}, regel {regel}" if regel else self.bestand
        super().__init__(f"Fout in sjabloon {plaats}: {melding}")


# --- the documents as data -----------------------------------------------------------------------


class Gegevens(BaseModel):
    model_config = ConfigDict(frozen=True)


class PartijRegel(Gegevens):
    code: str
    naam: str
    soort: str  # gemeente, corporatie, huurdersvereniging


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
    verantwoordelijke: str  # 'WDD, GZ (met HVZ)': the codes as one text for the table cell
    wijziging: str = ""  # in a verslag: 'nieuw' or 'gewijzigd' in this meeting


class SubthemaBlok(Gegevens):
    nummer: str
    onderwerp: str
    titel_afgeleid: bool  # the title is missing in the source and was derived
    afspraken: list[AfspraakRegel]
    regionaal: list[str]  # the regional framework text, footnote marks as superscript digits


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
    met_kader: bool  # the regional framework of each subtheme as a quote
    voetnoten: list[Voetnoot]  # of the quoted framework text


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


class AgendapuntBlok(Gegevens):
    nummer: int | None  # None for 'Overig': what belongs to this meeting but to none of its items
    titel: str
    subthema_nummer: str | None
    notitie: str
    besluiten: list[BesluitRegel]
    afspraken: list[AfspraakRegel]
    acties: list[ActieRegel]

    @property
    def leeg(self) -> bool:
        return not (self.notitie or self.besluiten or self.afspraken or self.acties)


class VerslagDocument(Gegevens):
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


# --- choosing what to export ---------------------------------------------------------------------


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


def voorgestelde_naam(gemeente: str, soort: Soort, kenmerk: str) -> str:
    """'uitvoeringsagenda-aalten-2026-2027.md', 'verslag-aalten-2026-11-19.md'."""
    try:
        stam = bestandsnaam(gemeente).removesuffix(".sqlite")
    except OngeldigeNaam:
        stam = "gemeente"
    return f"{soort}-{stam}-{kenmerk}.md"


# --- building the uitvoeringsagenda ----------------------------------------------------------------


def _gemeente(db: sqlite3.Connection) -> str:
    # Read as stored: an export shows whatever is in the file rather than refusing it.
    return schoon(db.execute("SELECT naam FROM gemeente WHERE id = 1").fetchone()[0])


def _partij_codes(rijen: list[tuple[int, str, str]]) -> dict[int, tuple[list[str], list[str]]]:
    """afspraak_id -> (codes responsible, codes involved), from rows (afspraak_id, rol, code) in order."""
    uit: dict[int, tuple[list[str], list[str]]] = {}
    for afspraak_id, rol, code in rijen:
        verantwoordelijk, betrokken = uit.setdefault(afspraak_id, ([], []))
        (verantwoordelijk if rol == "verantwoordelijk" else betrokken).append(code)
    return uit


def _afspraak(rij: tuple, codes: tuple[list[str], list[str]] | None, wijziging: str = "") -> AfspraakRegel:
    afspraak_id, nummer, subthema, actielijn, doel, start, eind, status, toelichting = rij
    verantwoordelijk, betrokken = codes or ([], [])
    tekst = ", ".join(verantwoordelijk)
    if betrokken:
        tekst = f"{tekst} (met {', '.join(betrokken)})" if tekst else f"met {', '.join(betrokken)}"
    return AfspraakRegel(
        nummer=nummer,
        code=item_code("afspraak", nummer),
        subthema_nummer=subthema,
        actielijn=schoon(actielijn),
        doel=schoon(doel),
        start=schoon(start),
        eind=schoon(eind),
        status=status,
        toelichting=schoon(toelichting),
        verantwoordelijken=verantwoordelijk,
        betrokkenen=betrokken,
        verantwoordelijke=tekst,
        wijziging=wijziging,
    )


_AFSPRAAK_KOLOMMEN = "a.id, a.nummer, a.subthema_nummer, a.actielijn, a.doel, a.start, a.eind, a.status, a.toelichting"


def uitvoeringsagenda(
    bestand: Gemeentebestand, periode: str | None = None, *, met_status: bool = False, met_kader: bool = False
) -> UitvoeringsagendaDocument:
    """The uitvoeringsagenda of `periode` as data: five queries, whatever the number of agreements."""
    db = bestand.db.conn  # plain sqlite3: named parameters, whatever wrapper the file uses
    agenda_id, periode, vastgesteld = kies_agenda(bestand, periode)
    rijen = db.execute(
        f"SELECT {_AFSPRAAK_KOLOMMEN} FROM afspraak a WHERE a.agenda_id = ? ORDER BY a.nummer, a.id", [agenda_id]
    ).fetchall()
    codes = _partij_codes(
        db.execute(
            "SELECT ap.afspraak_id, ap.rol, p.code FROM afspraak_partij ap "
            "JOIN afspraak a ON a.id = ap.afspraak_id JOIN partij p ON p.id = ap.partij_id "
            "WHERE a.agenda_id = ? ORDER BY ap.afspraak_id, ap.volgorde, p.code",
            [agenda_id],
        ).fetchall()
    )
    per_subthema: dict[str, list[AfspraakRegel]] = {}
    for rij in rijen:
        per_subthema.setdefault(rij[2], []).append(_afspraak(rij, codes.get(rij[0])))

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
    return UitvoeringsagendaDocument(
        gemeente=_gemeente(db),
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


# --- building the verslag --------------------------------------------------------------------------


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


def verslag(bestand: Gemeentebestand, overleg_id: int) -> VerslagDocument:
    """The minutes of a meeting as data: nine queries, whatever the number of actions.

    Actions are shown as they stood at this meeting, so the minutes of an earlier meeting stay the
    same later on: open actions of this and earlier meetings, and those finished in this meeting
    (marked done on its date or later, before the next meeting). An action finished before this
    meeting has left the list. Agreements 'gewijzigd' are those edited in that same period.
    """
    db = bestand.db.conn  # plain sqlite3: named parameters, whatever wrapper the file uses
    overleggen = db.execute("SELECT id, datum FROM overleg ORDER BY datum, id").fetchall()
    positie = next((i for i, (o_id, _) in enumerate(overleggen) if o_id == overleg_id), None)
    if positie is None:
        raise ExportFout(f"Overleg {overleg_id} bestaat niet in dit bestand.")
    rij = db.execute(
        "SELECT o.datum, o.soort, o.plaats, o.voorzitter_id, o.notulist_id, o.volgende_datum, u.periode "
        "FROM overleg o JOIN uitvoeringsagenda u ON u.id = o.agenda_id WHERE o.id = ?",
        [overleg_id],
    ).fetchone()
    datum_tekst, soort, plaats, voorzitter_id, notulist_id, volgende, periode = rij
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

    besluiten = [
        (punt_id, BesluitRegel(nummer=nummer, code=item_code("besluit", nummer), datum=dt.date.fromisoformat(b_datum), tekst=schoon(tekst)))
        for punt_id, nummer, b_datum, tekst in db.execute(
            "SELECT agendapunt_id, nummer, datum, tekst FROM besluit WHERE overleg_id = ? ORDER BY nummer, id", [overleg_id]
        )
    ]

    # Agreements made in this meeting, or edited from its date until the next meeting.
    afspraak_filter = """
        a.overleg_id = :o OR a.id IN (
            SELECT rij_id FROM wijziging
            WHERE tabel = 'afspraak' AND actie = 'gewijzigd' AND tijdstip >= :van AND tijdstip < :tot)
    """
    afspraak_rijen = db.execute(
        f"SELECT {_AFSPRAAK_KOLOMMEN}, a.overleg_id FROM afspraak a WHERE {afspraak_filter} ORDER BY a.nummer, a.id",
        venster,
    ).fetchall()
    codes = _partij_codes(
        db.execute(
            "SELECT ap.afspraak_id, ap.rol, p.code FROM afspraak_partij ap JOIN partij p ON p.id = ap.partij_id "
            f"WHERE ap.afspraak_id IN (SELECT a.id FROM afspraak a WHERE {afspraak_filter}) "
            "ORDER BY ap.afspraak_id, ap.volgorde, p.code",
            venster,
        ).fetchall()
    )
    afspraken = [
        _afspraak(r[:9], codes.get(r[0]), "nieuw" if r[9] == overleg_id else "gewijzigd") for r in afspraak_rijen
    ]

    # Actions: made in this meeting, or open at it (made in this or an earlier meeting).
    acties_hier: list[tuple[int | None, ActieRegel]] = []
    actielijst: list[ActieRegel] = []
    for (nummer, wat, o_id, punt_id, deadline, status, gereed_op, gemaakt, o_datum, persoon, code) in db.execute(
        """
        SELECT a.nummer, a.wat, a.overleg_id, a.agendapunt_id, a.deadline, a.status,
               COALESCE(a.gereed_op, a.aangemaakt_op, o.datum), a.aangemaakt_op, o.datum, pe.naam, pa.code
        FROM actiepunt a
        LEFT JOIN overleg o ON o.id = a.overleg_id
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
        actie = ActieRegel(
            nummer=nummer,
            code=item_code("actiepunt", nummer),
            datum=_datum(o_datum or gemaakt),
            wat=schoon(wat),
            wie=f"{naam} ({code})" if naam and code else naam or code,
            deadline=deadline_datum,
            status=status,
            te_laat=status == "open" and deadline_datum is not None and deadline_datum < datum,
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
        hier_besluiten = [b for p_id, b in besluiten if p_id == punt_id]
        hier_acties = [a for p_id, a in acties_hier if p_id == punt_id]
        gebruikt_besluiten.update(b.nummer for b in hier_besluiten)
        gebruikt_acties.update(a.nummer for a in hier_acties)
        punten.append(
            AgendapuntBlok(
                nummer=volgnummer, titel=titel, subthema_nummer=subthema, notitie=schoon(notitie),
                besluiten=hier_besluiten, afspraken=hier_afspraken, acties=hier_acties,
            )
        )
    overig = AgendapuntBlok(
        nummer=None,
        titel="Overig",
        subthema_nummer=None,
        notitie="",
        besluiten=[b for _, b in besluiten if b.nummer not in gebruikt_besluiten],
        afspraken=[a for a in afspraken if a.nummer not in gebruikt_afspraken],
        acties=[a for _, a in acties_hier if a.nummer not in gebruikt_acties],
    )
    if not overig.leeg:
        punten.append(overig)

    return VerslagDocument(
        gemeente=_gemeente(db),
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


# --- templates -----------------------------------------------------------------------------------


def standaard_sjabloon(soort: Soort) -> Path:
    from importlib import resources  # only when exporting: it costs start-up time otherwise

    return Path(str(resources.files("sjablonen").joinpath(SJABLONEN[soort])))


def _finalize(waarde: Any) -> str:
    """Everything a template prints: our filters' output as is, anything else made safe as `regel`.

    One space before or after is kept, so `{{ ", " }}` still separates; more could indent a line
    into a code block.
    """
    if isinstance(waarde, Veilig):
        return waarde
    veilig = markdown_tekst.regel(waarde)
    if isinstance(waarde, str) and waarde:
        voor = " " if waarde[0].isspace() else ""
        na = " " if waarde[-1].isspace() and veilig else ""
        return f"{voor}{veilig}{na}"
    return veilig


def _sjablooncache(omgeving: Any, map_: Path) -> Any:
    """Compiled templates on disk: compiling a template costs each `tripartiet export` about as
    much as the export itself. Jinja recompiles a template whose text changed (a user's own), but
    the compiled code also depends on Jinja's version and on the environment's settings and filter
    names, which Jinja does not check: each combination gets its own folder."""
    import hashlib

    import jinja2

    kenmerk = repr((
        jinja2.__version__, type(omgeving).__name__, omgeving.undefined.__name__, omgeving.finalize is not None,
        omgeving.autoescape, omgeving.trim_blocks, omgeving.lstrip_blocks, omgeving.keep_trailing_newline,
        sorted(omgeving.filters),
    ))
    map_ = map_ / hashlib.sha256(kenmerk.encode()).hexdigest()[:16]
    try:
        map_.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None

    class StilleCache(jinja2.FileSystemBytecodeCache):
        def load_bytecode(self, bucket: Any) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # noqa: BLE001 - a file cut short (power lost while writing): compile again
                bucket.reset()

        def dump_bytecode(self, bucket: Any) -> None:
            try:
                super().dump_bytecode(bucket)
            except OSError:
                pass  # a cache that cannot be written only costs the next export its compile

    return StilleCache(str(map_))


def _sjablonen_cache_map() -> str | None:
    try:
        return str(cache_map() / "sjablonen")
    except RuntimeError:  # no home folder to keep a cache in
        return None


@functools.lru_cache(maxsize=16)
def _omgeving(map_: str, cache: str | None, begrensd: bool = False) -> Any:
    """The Jinja environment for the templates in `map_`; `begrensd` for a municipality's own,
    which then run with limits on time and size (opslag.sjabloongrens). Ours run without: the
    hooks would only cost time."""
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from opslag.sjabloongrens import BegrensdeOmgeving, begrens_filters

    omgeving = (BegrensdeOmgeving if begrensd else SandboxedEnvironment)(
        loader=FileSystemLoader(map_),  # only this folder: '../' or an absolute path is not found
        autoescape=False,  # Markdown, not HTML: the filters below escape, and _finalize catches the rest
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
    )
    omgeving.filters.update(
        cel=markdown_tekst.cel,
        regel=markdown_tekst.regel,
        blok=markdown_tekst.blok,
        datum=markdown_tekst.datum,
        lange_datum=markdown_tekst.lange_datum,
        dag_datum=markdown_tekst.dag_datum,
    )
    if begrensd:
        begrens_filters(omgeving)
    if cache is not None:
        omgeving.bytecode_cache = _sjablooncache(omgeving, Path(cache))
    return omgeving


def _plaats_in_sjabloon(fout: BaseException, map_: Path, standaard: Path) -> tuple[Path, int | None]:
    """The template file and line where a rendering error happened, from Jinja's rewritten traceback."""
    for frame in reversed(traceback.extract_tb(fout.__traceback__)):
        pad = Path(frame.filename)
        if pad.is_relative_to(map_) and pad != map_:
            return pad, frame.lineno
    return standaard, None


def _vertaal(fout: BaseException, namen: list[str]) -> str:
    from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    melding = str(getattr(fout, "message", None) or fout)
    if isinstance(fout, TemplateNotFound):
        return (
            f"het sjabloon '{fout.name}' staat niet in de map van dit sjabloon; een sjabloon kan alleen "
            "andere sjablonen uit zijn eigen map gebruiken."
        )
    if isinstance(fout, UndefinedError):
        match = re.search(r"has no attribute '([^']+)'", melding) or re.search(r"'([^']+)' is undefined", melding)
        naam = match[1] if match else melding
        return f"'{naam}' is onbekend. Beschikbaar zijn: {', '.join(namen)} (zie de uitleg bovenaan het standaardsjabloon)."
    if isinstance(fout, SecurityError):
        return f"dit is in een sjabloon niet toegestaan ({melding})."
    if isinstance(fout, TemplateSyntaxError):
        if melding.startswith("No filter named"):
            return f"onbekende filter ({melding}); gebruik cel, regel, blok, datum, lange_datum of dag_datum."
        return f"de opbouw van het sjabloon klopt niet ({melding})."
    return f"het sjabloon kon niet worden ingevuld ({type(fout).__name__}: {melding})."


def maak_markdown(soort: Soort, document: Gegevens, sjabloon: Path | str | None = None) -> str:
    """Fill in the template (a municipality's own with `sjabloon`) and normalise the output."""
    from jinja2 import TemplateError, TemplateSyntaxError

    from opslag import sjabloongrens

    pad = Path(sjabloon) if sjabloon is not None else standaard_sjabloon(soort)
    if not pad.exists():
        raise SjabloonFout(pad, None, "het sjabloonbestand bestaat niet.")
    if not pad.is_file():
        raise SjabloonFout(pad, None, "dit is geen bestand (maar bijvoorbeeld een map).")
    pad = pad.resolve()
    map_ = pad.parent
    gegevens = {naam: getattr(document, naam) for naam in type(document).model_fields}
    eigen = sjabloon is not None  # a municipality's own: limited in time and size
    try:
        if eigen:
            with sjabloongrens.grenzen():
                sjabloon_ = _omgeving(str(map_), _sjablonen_cache_map(), begrensd=True).get_template(pad.name)
                tekst = sjabloongrens.verzamel(sjabloon_.generate(gegevens))
        else:
            tekst = _omgeving(str(map_), _sjablonen_cache_map()).get_template(pad.name).render(gegevens)
    except (sjabloongrens.Overschreden, MemoryError):
        raise SjabloonFout(pad, None, sjabloongrens.melding()) from None
    except TemplateSyntaxError as fout:
        bestand = Path(fout.filename) if fout.filename else pad
        raise SjabloonFout(bestand, fout.lineno, _vertaal(fout, list(gegevens))) from None
    except UnicodeDecodeError:
        raise SjabloonFout(pad, None, "het sjabloon is geen tekst in UTF-8.") from None
    except (TemplateError, ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as fout:
        bestand, regel = _plaats_in_sjabloon(fout, map_, pad)
        raise SjabloonFout(bestand, regel, _vertaal(fout, list(gegevens))) from None
    except RecursionError:
        raise SjabloonFout(pad, None, "het sjabloon roept zichzelf eindeloos aan.") from None
    return markdown_tekst.normaliseer(tekst.lstrip("\ufeff"))


def exporteer_uitvoeringsagenda(
    bestand: Gemeentebestand,
    periode: str | None = None,
    sjabloon: Path | str | None = None,
    *,
    met_status: bool = False,
    met_kader: bool = False,
) -> str:
    document = uitvoeringsagenda(bestand, periode, met_status=met_status, met_kader=met_kader)
    return maak_markdown("uitvoeringsagenda", document, sjabloon)


def exporteer_verslag(bestand: Gemeentebestand, overleg_id: int, sjabloon: Path | str | None = None) -> str:
    return maak_markdown("verslag", verslag(bestand, overleg_id), sjabloon)


# --- writing -------------------------------------------------------------------------------------


# Side files SQLite keeps next to a database; an export written over one damages the database.
_BIJBESTANDEN = ("-wal", "-shm", "-journal")


def _is_sqlite(pad: Path) -> bool:
    try:
        with open(pad, "rb") as f:
            return f.read(len(SQLITE_KOP)) == SQLITE_KOP
    except OSError:
        return False


def controleer_doel(pad: Path | str, bron: Path | str | None = None) -> Path:
    """The file an export will be written to; refused when writing it could cost data.

    The one check for every export (command line and screen): a folder, device or FIFO, a missing
    folder, a SQLite database (a municipality file, a backup, another program's), one of the side
    files SQLite keeps beside a database, anything in a backup folder, and `bron` itself (the
    municipality file being exported) in any spelling: the path is compared after symlinks and
    '..' are resolved.
    """
    from opslag.reservekopie import MAPNAAM, reservekopie_map

    pad = Path(pad).expanduser()
    echt = Path(os.path.realpath(pad))
    doel = echt if pad.is_symlink() else pad
    weiger = functools.partial(_weigering, pad)
    try:
        toestand = os.stat(echt)
    except FileNotFoundError:
        toestand = None
    except OSError as fout:
        raise weiger(f"dit bestand kan niet gelezen worden ({fout.strerror or fout})")
    if toestand is not None and stat.S_ISDIR(toestand.st_mode):
        raise weiger("dit is geen gewoon bestand maar een map")
    if toestand is not None and not stat.S_ISREG(toestand.st_mode):
        raise weiger("dit is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp)")
    if bron is not None:
        database = Path(os.path.realpath(Path(bron).expanduser()))
        if echt == database:
            raise weiger("dit is het gemeentebestand zelf")
        if echt in {database.with_name(database.name + deel) for deel in _BIJBESTANDEN}:
            raise weiger("dit is een hulpbestand van het gemeentebestand (SQLite schrijft daar wijzigingen in)")
        if echt.parent == Path(os.path.realpath(reservekopie_map(database))):
            raise weiger("dit is de map met reservekopieën van het gemeentebestand")
    if echt.parent.name == MAPNAAM:
        raise weiger("dit is een map met reservekopieën")
    if echt.parent == Path(os.path.realpath(instellingen_map())):
        raise weiger("dit is de map met de instellingen van Tripartiet")
    if toestand is not None and _is_sqlite(echt):
        raise weiger("dit is een SQLite-database (een gemeentebestand, een reservekopie of een bestand van een ander programma)")
    if echt.suffix.casefold() == EXTENSIE or any(echt.name.casefold().endswith(EXTENSIE + d) for d in _BIJBESTANDEN):
        raise weiger(f"een export is Markdown; een naam op {EXTENSIE} is voor gemeentebestanden")
    for deel in _BIJBESTANDEN:
        if echt.name.endswith(deel) and _is_sqlite(echt.with_name(echt.name.removesuffix(deel))):
            raise weiger("dit is een hulpbestand van een SQLite-database (SQLite schrijft daar wijzigingen in)")
    if not doel.parent.is_dir():
        raise ExportFout(f"{doel.parent}: deze map bestaat niet.")
    return doel


def _weigering(pad: Path, reden: str) -> ExportFout:
    return ExportFout(f"{pad}: hier wordt niet naartoe geëxporteerd: {reden}. Het bestand is niet gewijzigd; kies een andere naam.")


def schrijf_export(pad: Path | str, tekst: str, bron: Path | str | None = None) -> Path:
    """Write `tekst` as UTF-8 to `pad` all at once: a temporary file next to it, then a rename.

    Whoever opens the file sees the old or the new export, never half of one. An existing file
    keeps its permissions.
    """
    doel = controleer_doel(pad, bron)
    tijdelijk = doel.with_name(f".{doel.name}.{os.getpid()}.tijdelijk")
    try:
        with open(tijdelijk, "wb") as f:
            f.write(tekst.encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
        if doel.exists():
            os.chmod(tijdelijk, stat.S_IMODE(doel.stat().st_mode))
        os.replace(tijdelijk, doel)
    except OSError as fout:
        tijdelijk.unlink(missing_ok=True)
        raise ExportFout(f"{pad}: het bestand kon niet geschreven worden ({fout.strerror or fout}).") from None
    return doel

