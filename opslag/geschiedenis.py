"""What was said before: the history of a subtheme across meetings, and the life of an agreement.

Read-only. Sources are the rows themselves (notes, decisions, agreements, actions), the amendment
trail `afspraak_wijziging` (amendments, additions, carried over, reworded) and the change log
`wijziging`. A handful of queries per view, never one per meeting: a file of a thousand meetings
answers well within 100 ms (tests/bench/geschiedenis.py).

Commitments per party (`inzet_per_partij`) are in `opslag.inzet`, re-exported here.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from opslag.bestand import Gemeentebestand
from opslag.codes import item_code
from opslag.inzet import ActieInzet, AfspraakInzet, PartijInzet, inzet_per_partij  # noqa: F401  (re-exported)

# The content fields of an agreement, in the order they are shown, with their Dutch names.
VELDNAMEN: dict[str, str] = {
    "subthema_nummer": "subthema", "actielijn": "actielijn", "doel": "doel", "doel_aantal": "aantal",
    "doel_eenheid": "eenheid", "start": "start", "eind": "eind", "verantwoordelijken": "verantwoordelijken",
    "betrokkenen": "betrokkenen", "status": "status", "toelichting": "toelichting",
}

# What a step in an agreement's life is called: change-log actions and amendment-trail kinds.
SOORTNAMEN: dict[str, str] = {
    "nieuw": "vastgelegd",
    "gewijzigd": "gewijzigd",
    "status": "status gewijzigd",
    "verwijderd": "verwijderd",
    "hersteld": "teruggezet",
    "wijziging": "wijziging na vaststelling",
    "toevoeging": "toevoeging na vaststelling",
    "overgenomen": "overgenomen in een nieuwe periode",
    "herformulering": "herformuleerd",
    "ongedaan": "ongedaan gemaakt",
    "opnieuw": "opnieuw gedaan",
}


# Read from the doel ('40 woningen'): a reader sees the doel change, twice would be noise.
AFGELEID = ("doel_aantal", "doel_eenheid")


def zonder_afgeleid(velden: list, veld=lambda v: v) -> list:  # noqa: ANN001
    """`velden` without the number and unit read from the doel, when the doel itself is among them."""
    if not any(veld(v) == "doel" for v in velden):
        return velden
    return [v for v in velden if veld(v) not in AFGELEID]


@dataclass(frozen=True, slots=True)
class Veldwijziging:
    veld: str  # the column, e.g. 'doel'
    oud: str
    nieuw: str

    @property
    def naam(self) -> str:
        return VELDNAMEN.get(self.veld, self.veld)


@dataclass(frozen=True, slots=True)
class AfspraakStap:
    """One step in an agreement's life: from the change log or from the amendment trail."""

    code: str  # AF-012
    actielijn: str
    soort: str  # a key of SOORTNAMEN, or a change-log action this version does not know
    datum: dt.date
    tijdstip: dt.datetime | None = None  # when it was recorded
    overleg_id: int | None = None
    overleg_datum: dt.date | None = None
    overleg_soort: str = ""
    velden: tuple[Veldwijziging, ...] = ()
    reden: str = ""
    besluit: str = ""  # B-004, when a decision goes with an amendment
    periode: str = ""  # of the agreement's uitvoeringsagenda
    ongedaan: bool = False  # undone later (change log)

    @property
    def omschrijving(self) -> str:
        return SOORTNAMEN.get(self.soort, self.soort)


@dataclass(frozen=True, slots=True)
class BesluitRegel:
    code: str
    tekst: str


@dataclass(frozen=True, slots=True)
class ActieRegel:
    code: str
    wat: str
    wie: str  # 'Anne Jansen (GZ)', a party code, or ''
    deadline: dt.date | None
    status: str
    gereed_op: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Moment:
    """A meeting where the subtheme was discussed, or (overleg_id None) a day something happened
    to its agreements outside a meeting."""

    datum: dt.date
    overleg_id: int | None = None
    soort: str = ""  # ambtelijk, bestuurlijk; '' outside a meeting
    notitie: str = ""
    besluiten: list[BesluitRegel] = field(default_factory=list)
    afspraken: list[AfspraakStap] = field(default_factory=list)
    acties: list[ActieRegel] = field(default_factory=list)

    @property
    def leeg(self) -> bool:
        return not (self.notitie.strip() or self.besluiten or self.afspraken or self.acties)


@dataclass(frozen=True, slots=True)
class AfspraakGeschiedenis:
    code: str
    actielijn: str
    periode: str
    stappen: list[AfspraakStap]  # newest first, those of the agreements it was carried over from included
    vorige: list[tuple[str, str]]  # (code, period) of the agreements it was carried over from, nearest first


# --- values as shown --------------------------------------------------------------------------


def _waarde(waarde: object, partijen: dict[int, str]) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, list):  # parties: codes in the trail, ids in a change-log row
        return ", ".join(partijen.get(w, str(w)) if isinstance(w, int) else str(w) for w in waarde)
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde)


def _verschil(oud: dict, nieuw: dict, partijen: dict[int, str]) -> tuple[Veldwijziging, ...]:
    """The content fields that differ between two rows, in the order of VELDNAMEN."""
    uit = []
    for veld in VELDNAMEN:
        if veld not in oud or veld not in nieuw:
            continue
        van, naar = _waarde(oud[veld], partijen), _waarde(nieuw[veld], partijen)
        if van != naar:
            uit.append(Veldwijziging(veld, van, naar))
    return tuple(zonder_afgeleid(uit, lambda w: w.veld))


def _trail_velden(tekst: str | None, partijen: dict[int, str]) -> tuple[Veldwijziging, ...]:
    velden = _json(tekst)
    if not isinstance(velden, dict):
        return ()
    volgorde = {veld: i for i, veld in enumerate(VELDNAMEN)}
    uit = []
    for veld in sorted(velden, key=lambda v: (volgorde.get(v, len(volgorde)), v)):
        paar = velden[veld]
        oud, nieuw = paar if isinstance(paar, list) and len(paar) == 2 else (None, paar)
        uit.append(Veldwijziging(veld, _waarde(oud, partijen), _waarde(nieuw, partijen)))
    return tuple(zonder_afgeleid(uit, lambda w: w.veld))


def _lees(lezer, tekst: str | None) -> object:  # noqa: ANN001
    """A stored JSON text, date or timestamp; None when empty or unreadable: history shows what it can."""
    try:
        return lezer(tekst) if tekst else None
    except ValueError:
        return None


def _json(tekst: str | None) -> object:
    return _lees(json.loads, tekst)


def _datum(tekst: str | None) -> dt.date | None:
    return _lees(lambda t: dt.date.fromisoformat(t[:10]), tekst)  # type: ignore[return-value]


def _tijdstip(tekst: str | None) -> dt.datetime | None:
    return _lees(dt.datetime.fromisoformat, tekst)  # type: ignore[return-value]


def _partijcodes(bestand: Gemeentebestand) -> dict[int, str]:
    return dict(bestand.db.execute("SELECT id, code FROM partij").fetchall())


def _overleggen(bestand: Gemeentebestand) -> dict[int, tuple[dt.date, str]]:
    return {i: (_datum(d), s) for i, d, s in bestand.db.execute("SELECT id, datum, soort FROM overleg").fetchall()}


def _trail(bestand: Gemeentebestand, waar: str, parameters: list, codes: dict[int, tuple[str, str, str]],
           overleggen: dict[int, tuple[dt.date, str]], partijen: dict[int, str]) -> list[tuple[int, AfspraakStap]]:
    """Rows of afspraak_wijziging (`waar` selects on w.afspraak_id) as (afspraak_id, step)."""
    uit = []
    for afspraak_id, soort, datum, tijdstip, overleg_id, besluitnummer, velden, reden in bestand.db.execute(
        "SELECT w.afspraak_id, w.soort, w.datum, w.tijdstip, w.overleg_id, b.nummer, w.velden, w.reden "
        f"FROM afspraak_wijziging w LEFT JOIN besluit b ON b.id = w.besluit_id WHERE {waar} ORDER BY w.tijdstip, w.id",
        parameters,
    ).fetchall():
        code, actielijn, periode = codes[afspraak_id]
        overleg_datum, overleg_soort = overleggen.get(overleg_id, (None, ""))
        uit.append((afspraak_id, AfspraakStap(
            code=code, actielijn=actielijn, soort=soort, datum=_datum(datum) or overleg_datum or dt.date.min,
            tijdstip=_tijdstip(tijdstip), overleg_id=overleg_id, overleg_datum=overleg_datum, overleg_soort=overleg_soort,
            velden=_trail_velden(velden, partijen), reden=reden or "",
            besluit=item_code("besluit", besluitnummer) if besluitnummer else "", periode=periode,
        )))
    return uit


# --- one agreement ----------------------------------------------------------------------------


def afspraak_geschiedenis(bestand: Gemeentebestand, afspraak_id: int) -> AfspraakGeschiedenis | None:
    """Every recorded change of an agreement, newest first, with those of the agreements of earlier
    periods it was carried over from; None when the agreement does not exist."""
    db = bestand.db
    keten = db.execute(
        """
        WITH RECURSIVE keten(id, diepte) AS (
            SELECT ?, 0
            UNION
            SELECT a.vorige_id, k.diepte + 1 FROM afspraak a JOIN keten k ON a.id = k.id
            WHERE a.vorige_id IS NOT NULL AND k.diepte < 100
        )
        SELECT a.id, a.nummer, a.actielijn, COALESCE(u.periode, ''), a.overleg_id, min(k.diepte) AS d
        FROM keten k JOIN afspraak a ON a.id = k.id LEFT JOIN uitvoeringsagenda u ON u.id = a.agenda_id
        GROUP BY a.id ORDER BY d
        """,
        [afspraak_id],
    ).fetchall()
    if not keten or keten[0][0] != afspraak_id:
        return None
    codes = {i: (item_code("afspraak", n), actielijn, periode) for i, n, actielijn, periode, *_ in keten}
    gemaakt_in = {i: overleg_id for i, _, _, _, overleg_id, _ in keten}
    op_nummer = {n: i for i, n, *_ in keten}
    ids = list(codes)
    plaatsen = ",".join("?" * len(ids))
    partijen = _partijcodes(bestand)
    overleggen = _overleggen(bestand)

    stappen: list[tuple[dt.datetime, int, AfspraakStap]] = []
    for volgnummer, (rij_id, stap) in enumerate(_trail(bestand, f"w.afspraak_id IN ({plaatsen})", ids, codes, overleggen, partijen)):
        stappen.append((stap.tijdstip or dt.datetime.combine(stap.datum, dt.time()), 1_000_000_000 + volgnummer, stap))

    # A new agreement's log line may lack its id (it was not known yet): found by its number.
    regels = db.execute(
        f"""
        SELECT id, tijdstip, rij_id, actie, gegevens, oud, overleg_id, ongedaan_door FROM wijziging
        WHERE tabel = 'afspraak' AND (rij_id IN ({plaatsen}) OR (rij_id IS NULL AND actie = 'nieuw'
            AND CASE WHEN json_valid(gegevens) THEN json_extract(gegevens, '$.nummer') END IN ({",".join("?" * len(op_nummer))})))
        ORDER BY id
        """,
        [*ids, *op_nummer],
    ).fetchall()
    staat: dict[int, dict] = {}  # the last known row of each agreement, for lines without `oud`
    for regel_id, tijdstip, rij_id, actie, gegevens_tekst, oud_tekst, overleg_id, ongedaan_door in regels:
        gegevens = _json(gegevens_tekst)
        if rij_id is None and isinstance(gegevens, dict):
            rij_id = op_nummer.get(gegevens.get("nummer"))
        if rij_id not in codes:
            continue
        oud = _json(oud_tekst)
        if actie == "verwijderd" and isinstance(gegevens, dict):
            oud, gegevens = gegevens.get("rij"), None
        vorige = oud if isinstance(oud, dict) else staat.get(rij_id)
        velden: tuple[Veldwijziging, ...] = ()
        if isinstance(gegevens, dict):
            if vorige is not None and actie != "nieuw":
                velden = _verschil(vorige, gegevens, partijen)
            staat[rij_id] = {**(vorige or {}), **gegevens}
        elif isinstance(oud, dict):
            staat[rij_id] = oud
        if isinstance(gegevens, dict) and "afspraak_wijziging" in gegevens:
            continue  # an amendment: its trail rows above say what changed, and why
        moment = _tijdstip(tijdstip)
        if actie == "nieuw" and overleg_id is None:
            overleg_id = gemaakt_in[rij_id]  # a line from before the log kept its meeting
        code, actielijn, periode = codes[rij_id]
        overleg_datum, overleg_soort = overleggen.get(overleg_id, (None, ""))
        stappen.append((moment or dt.datetime.min, regel_id, AfspraakStap(
            code=code, actielijn=actielijn, soort=actie, datum=moment.date() if moment else dt.date.min, tijdstip=moment,
            overleg_id=overleg_id, overleg_datum=overleg_datum, overleg_soort=overleg_soort, velden=velden,
            periode=periode, ongedaan=ongedaan_door is not None,
        )))
    stappen.sort(key=lambda s: (s[0], s[1]), reverse=True)
    code, actielijn, periode = codes[afspraak_id]
    return AfspraakGeschiedenis(
        code=code, actielijn=actielijn, periode=periode, stappen=[s for *_, s in stappen],
        vorige=[(codes[i][0], codes[i][2]) for i in ids[1:]],
    )


# --- one subtheme -----------------------------------------------------------------------------


def subthema_geschiedenis(bestand: Gemeentebestand, nummer: str, tot_overleg_id: int | None = None) -> list[Moment]:
    """The meetings where subtheme `nummer` was discussed or its agreements were made or changed,
    newest first: the note of its agenda item, the decisions on it, its agreements made or changed
    there, and the actions on it. Changes to its agreements outside a meeting come by their date.

    With `tot_overleg_id` only what came before that meeting (the one on screen); outside a
    meeting, up to and including its date."""
    db = bestand.db
    overleggen = _overleggen(bestand)
    grens = None
    if tot_overleg_id is not None and tot_overleg_id in overleggen:
        grens = (overleggen[tot_overleg_id][0], tot_overleg_id)

    def eerder(overleg_id: int | None) -> bool:
        return overleg_id in overleggen and (grens is None or (overleggen[overleg_id][0], overleg_id) < grens)

    momenten: dict[object, dict] = {}

    def moment(overleg_id: int | None, datum: dt.date | None = None) -> dict:
        sleutel = overleg_id if overleg_id is not None else datum
        if sleutel not in momenten:
            momenten[sleutel] = {"overleg_id": overleg_id, "datum": overleggen[overleg_id][0] if overleg_id is not None else datum,
                                 "soort": overleggen[overleg_id][1] if overleg_id is not None else "",
                                 "notitie": [], "besluiten": [], "afspraken": [], "acties": []}
        return momenten[sleutel]

    punten = db.execute(
        "SELECT id, overleg_id, notitie FROM agendapunt WHERE subthema_nummer = ? AND soort = 'subthema' ORDER BY overleg_id, volgorde",
        [nummer],
    ).fetchall()
    for _, overleg_id, notitie in punten:
        if eerder(overleg_id):
            moment(overleg_id)["notitie"].append(notitie or "")

    for overleg_id, besluitnummer, tekst in db.execute(
        "SELECT b.overleg_id, b.nummer, b.tekst FROM besluit b JOIN agendapunt p ON p.id = b.agendapunt_id "
        "WHERE p.subthema_nummer = ? ORDER BY b.nummer",
        [nummer],
    ):
        if eerder(overleg_id):
            moment(overleg_id)["besluiten"].append(BesluitRegel(item_code("besluit", besluitnummer), tekst))

    afspraken = db.execute(
        "SELECT a.id, a.nummer, a.actielijn, a.overleg_id, COALESCE(u.periode, '') "
        "FROM afspraak a LEFT JOIN uitvoeringsagenda u ON u.id = a.agenda_id WHERE a.subthema_nummer = ? ORDER BY a.nummer",
        [nummer],
    ).fetchall()
    codes = {i: (item_code("afspraak", n), actielijn, periode) for i, n, actielijn, _, periode in afspraken}
    partijen = _partijcodes(bestand)
    ids_sql = "SELECT id FROM afspraak WHERE subthema_nummer = ?"
    toegevoegd = set()  # additions after adoption: their trail row says so, with its meeting
    for afspraak_id, stap in _trail(bestand, f"w.afspraak_id IN ({ids_sql})", [nummer], codes, overleggen, partijen):
        if stap.soort == "toevoeging":
            toegevoegd.add(afspraak_id)
        if stap.overleg_id is not None:
            if eerder(stap.overleg_id):
                moment(stap.overleg_id)["afspraken"].append(stap)
        elif grens is None or stap.datum <= grens[0]:
            moment(None, stap.datum)["afspraken"].append(stap)
    for afspraak_id, _, actielijn, overleg_id, periode in afspraken:
        if eerder(overleg_id) and afspraak_id not in toegevoegd:
            datum, soort = overleggen[overleg_id]
            moment(overleg_id)["afspraken"].append(AfspraakStap(
                code=codes[afspraak_id][0], actielijn=actielijn, soort="nieuw", datum=datum,
                overleg_id=overleg_id, overleg_datum=datum, overleg_soort=soort, periode=periode))

    # Edits in a meeting before adoption are only in the change log (with their meeting since schema 6).
    for tijdstip, rij_id, actie, gegevens_tekst, oud_tekst, overleg_id, ongedaan_door in db.execute(
        f"SELECT tijdstip, rij_id, actie, gegevens, oud, overleg_id, ongedaan_door FROM wijziging WHERE tabel = 'afspraak' "
        f"AND overleg_id IS NOT NULL AND actie IN ('gewijzigd', 'status') AND rij_id IN ({ids_sql}) ORDER BY id",
        [nummer],
    ):
        gegevens, oud = _json(gegevens_tekst), _json(oud_tekst)
        if not eerder(overleg_id) or not isinstance(gegevens, dict) or "afspraak_wijziging" in gegevens:
            continue
        datum, soort = overleggen[overleg_id]
        moment(overleg_id)["afspraken"].append(AfspraakStap(
            code=codes[rij_id][0], actielijn=codes[rij_id][1], soort=actie, datum=datum, tijdstip=_tijdstip(tijdstip), overleg_id=overleg_id,
            overleg_datum=datum, overleg_soort=soort, periode=codes[rij_id][2], ongedaan=ongedaan_door is not None,
            velden=_verschil(oud, gegevens, partijen) if isinstance(oud, dict) else (),
        ))

    for overleg_id, actienummer, wat, persoon, code, deadline, status, gereed_op in db.execute(
        """
        SELECT c.overleg_id, c.nummer, c.wat, pe.naam, pa.code, c.deadline, c.status, c.gereed_op
        FROM actiepunt c LEFT JOIN persoon pe ON pe.id = c.persoon_id
        LEFT JOIN partij pa ON pa.id = COALESCE(c.partij_id, pe.partij_id)
        WHERE c.subthema_nummer = ? OR c.agendapunt_id IN (SELECT id FROM agendapunt WHERE subthema_nummer = ?)
        ORDER BY c.nummer
        """,
        [nummer, nummer],
    ):
        if eerder(overleg_id):
            wie = f"{persoon} ({code})" if persoon and code else persoon or code or ""
            moment(overleg_id)["acties"].append(
                ActieRegel(item_code("actiepunt", actienummer), wat, wie, _datum(deadline), status, _datum(gereed_op)))

    uit = []
    for m in momenten.values():
        notitie = "\n\n".join(n for n in m.pop("notitie") if n.strip())
        m["afspraken"].sort(key=lambda s: (s.code, s.tijdstip or dt.datetime.min))
        gemaakt = Moment(notitie=notitie, **m)
        if not gemaakt.leeg:
            uit.append(gemaakt)
    # Newest first; on one day a meeting after what happened outside it.
    uit.sort(key=lambda m: (m.datum, m.overleg_id is not None, m.overleg_id or 0), reverse=True)
    return uit
