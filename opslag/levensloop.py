"""The life of an uitvoeringsagenda after it is written: adoption with signers, and the trail of an
agreement afterwards (amendments, additions, rewordings of carried-over agreements).

Once the parties have signed, the signed text stays what it was: an edit of an agreement's content
becomes an amendment with its reason (`afspraak_wijziging`), and the export shows the signed text
beside what changed since. `notulen.bewaar_afspraak` asks `stap` what an edit means here and
writes it with `leg_vast`, in its own transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from opslag import datums
from opslag.bestand import Gemeentebestand
from opslag.fouten import NietGevonden, OngeldigeInvoer
from opslag.modellen import Afspraak, AfspraakWijziging, Ondertekenaar, Uitvoeringsagenda

# The content of an agreement: what an amendment is about. Status is progress, not content.
INHOUD = (
    "subthema_nummer", "actielijn", "doel", "doel_aantal", "doel_eenheid", "start", "eind", "toelichting",
    "verantwoordelijken", "betrokkenen",
)


@dataclass(frozen=True)
class Grond:
    """Why an agreement of an adopted agenda changes: the reason, and where it was decided."""

    reden: str = ""
    besluit_id: int | None = None
    overleg_id: int | None = None  # the meeting where the change is recorded; its date is the change's


@dataclass(frozen=True)
class Stap:
    soort: str  # 'wijziging' | 'toevoeging' | 'herformulering'
    velden: dict[str, list] = field(default_factory=dict)
    grond: Grond = Grond()


# --- adoption ----------------------------------------------------------------------------------


def agenda(bestand: Gemeentebestand, agenda_id: int) -> Uitvoeringsagenda:
    rij = next(bestand.db.query("SELECT * FROM uitvoeringsagenda WHERE id = ?", [agenda_id]), None)
    if rij is None:
        raise NietGevonden(f"uitvoeringsagenda {agenda_id}")
    return Uitvoeringsagenda.uit_rij(rij)


def agenda_in_beeld(bestand: Gemeentebestand, overleg_id: int | None) -> Uitvoeringsagenda | None:
    """The agenda of the meeting on screen, else the one running today as the export picks it;
    None when the file has none. What `i` and adopting from the palette work on."""
    if overleg_id is not None:
        rij = bestand.db.execute("SELECT agenda_id FROM overleg WHERE id = ?", [overleg_id]).fetchone()
        if rij:
            return agenda(bestand, rij[0])
    from opslag.export.fouten import ExportFout
    from opslag.export.uitvoeringsagenda import kies_agenda  # the export's rule for "running today"

    try:
        return agenda(bestand, kies_agenda(bestand)[0])
    except ExportFout:
        return None


def ondertekenaars(bestand: Gemeentebestand, agenda_id: int) -> list[Ondertekenaar]:
    """The signers of an agenda, in the order of the parties."""
    return [
        Ondertekenaar.uit_rij(r)
        for r in bestand.db.query(
            "SELECT o.* FROM ondertekenaar o JOIN partij p ON p.id = o.partij_id "
            "WHERE o.agenda_id = ? ORDER BY p.volgorde, p.id",
            [agenda_id],
        )
    ]


def vaststellen(
    bestand: Gemeentebestand, agenda_id: int, datum: dt.date, plaats: str, ondertekenaars_per_partij: dict[int, tuple[str, str]]
) -> list[str]:
    """Adopt the agenda: date, place and per party (id) the signer's (name, function), in one edit.

    Again on an adopted agenda it corrects the adoption (a wrong date), logged as such. Returns
    warnings in Dutch: a party without a signer is allowed (one may sign for several), but said."""
    from opslag.invoer import schone_tekst

    huidig = agenda(bestand, agenda_id)
    plaats = schone_tekst(plaats, "plaats", "De plaats")
    if not plaats:
        raise OngeldigeInvoer("plaats", "Vul de plaats in waar de uitvoeringsagenda is vastgesteld, bijvoorbeeld de naam van de gemeente.")
    if not isinstance(datum, dt.date):
        raise OngeldigeInvoer("datum", "Vul de datum van vaststelling in, bijvoorbeeld 04-12-2025.")
    partijen = {p.id: p for p in bestand.partijen()}
    rijen = []
    for partij_id, (naam, functie) in ondertekenaars_per_partij.items():
        if partij_id not in partijen:
            raise OngeldigeInvoer("ondertekenaar", f"Partij {partij_id} bestaat niet in dit bestand.")
        naam = schone_tekst(naam, f"naam-{partij_id}", "De naam")
        functie = schone_tekst(functie, f"functie-{partij_id}", "De functie")
        if not naam:
            if functie:
                raise OngeldigeInvoer(
                    f"naam-{partij_id}", f"Vul de naam in van wie voor {partijen[partij_id].code} tekent, of laat ook de functie leeg."
                )
            continue
        rijen.append({"agenda_id": agenda_id, "partij_id": partij_id, "naam": naam, "functie": functie})
    getekend = {r["partij_id"] for r in rijen}
    waarschuwingen = [
        f"Voor {p.naam} ({p.code}) is geen ondertekenaar opgegeven; in het document blijft daar een regel om te tekenen."
        for p in partijen.values()
        if p.id not in getekend
    ]
    gegevens = {
        "vastgesteld_op": datum.isoformat(),
        "vastgesteld_te": plaats,
        "ondertekenaars": [{"partij": partijen[r["partij_id"]].code, "naam": r["naam"], "functie": r["functie"]} for r in rijen],
    }
    if huidig.vastgesteld_op is not None:  # a correction: what it was, so the log can tell and undo it
        gegevens["gecorrigeerd"] = {
            "vastgesteld_op": huidig.vastgesteld_op.isoformat(),
            "vastgesteld_te": huidig.vastgesteld_te,
            "ondertekenaars": [o.als_rij() for o in ondertekenaars(bestand, agenda_id)],
        }
    with bestand.schrijf("uitvoeringsagenda", agenda_id, "vastgesteld", gegevens) as db:
        db.execute(
            "UPDATE uitvoeringsagenda SET vastgesteld_op = ?, vastgesteld_te = ? WHERE id = ?",
            [datum.isoformat(), plaats, agenda_id],
        )
        db.execute("DELETE FROM ondertekenaar WHERE agenda_id = ?", [agenda_id])
        db["ondertekenaar"].insert_all(rijen)
    return waarschuwingen


def is_vastgesteld(bestand: Gemeentebestand, agenda_id: int) -> dt.date | None:
    rij = bestand.db.execute("SELECT vastgesteld_op FROM uitvoeringsagenda WHERE id = ?", [agenda_id]).fetchone()
    return dt.date.fromisoformat(rij[0]) if rij and rij[0] else None


# --- the trail of an agreement -------------------------------------------------------------------


def wijzigingen(bestand: Gemeentebestand, *, afspraak_id: int | None = None, agenda_id: int | None = None) -> list[AfspraakWijziging]:
    """The trail of one agreement, or of every agreement of an agenda, oldest first."""
    if (afspraak_id is None) == (agenda_id is None):
        raise ValueError("afspraak_id of agenda_id")
    if afspraak_id is not None:
        sql, waarde = "SELECT * FROM afspraak_wijziging WHERE afspraak_id = ? ORDER BY datum, id", afspraak_id
    else:
        sql = (
            "SELECT w.* FROM afspraak_wijziging w JOIN afspraak a ON a.id = w.afspraak_id "
            "WHERE a.agenda_id = ? ORDER BY w.datum, w.id"
        )
        waarde = agenda_id
    return [AfspraakWijziging.uit_rij(r) for r in bestand.db.query(sql, [waarde])]


def vaststellingstekens(bestand: Gemeentebestand, afspraak_ids: Sequence[int]) -> dict[int, str]:
    """'toegevoegd' or 'gewijzigd' for each of these agreements added or amended after its agenda
    was adopted, as the export marks it by its number; one query for them all."""
    if not afspraak_ids:
        return {}
    plaatsen = ", ".join("?" * len(afspraak_ids))
    tekens: dict[int, str] = {}
    for rij in bestand.db.query(
        f"SELECT afspraak_id, soort FROM afspraak_wijziging WHERE soort IN ('wijziging', 'toevoeging') AND afspraak_id IN ({plaatsen})",
        list(afspraak_ids),
    ):
        if rij["soort"] == "toevoeging":
            tekens[rij["afspraak_id"]] = "toegevoegd"  # an addition amended later is still an addition
        else:
            tekens.setdefault(rij["afspraak_id"], "gewijzigd")
    return tekens


def verschil(bestand: Gemeentebestand, oud: Afspraak, nieuw: Afspraak) -> dict[str, list]:
    """{veld: [oud, nieuw]} of the content fields that differ; parties as codes, which outlive ids."""
    codes = {p.id: p.code for p in bestand.partijen()}
    uit: dict[str, list] = {}
    for veld in INHOUD:
        was, wordt = getattr(oud, veld), getattr(nieuw, veld)
        if veld in ("verantwoordelijken", "betrokkenen"):
            was, wordt = [codes.get(p, str(p)) for p in was], [codes.get(p, str(p)) for p in wordt]
        if was != wordt:
            uit[veld] = [was, wordt]
    return uit


def stap(bestand: Gemeentebestand, oud: Afspraak | None, nieuw: Afspraak, grond: Grond | None) -> tuple[Afspraak, Stap | None]:
    """`nieuw` as it is to be stored over `oud` (None when new), and what that means in the
    agreement's life (None: an ordinary edit). Raises OngeldigeInvoer for an amendment without reason."""
    if oud is not None:  # not fields of a form: kept as stored unless the caller sets them
        nieuw = replace(
            nieuw,
            na_vaststelling=oud.na_vaststelling if nieuw.na_vaststelling is None else nieuw.na_vaststelling,
            vorige_id=oud.vorige_id if nieuw.vorige_id is None else nieuw.vorige_id,
        )
    grond = grond or Grond()
    vastgesteld = is_vastgesteld(bestand, nieuw.agenda_id)
    if oud is None:
        if vastgesteld is None:
            return nieuw, None
        toevoeging = Stap("toevoeging", {}, Grond(grond.reden.strip(), grond.besluit_id, grond.overleg_id or nieuw.overleg_id))
        return replace(nieuw, na_vaststelling=1), toevoeging
    velden = verschil(bestand, oud, nieuw)
    if not velden:
        return nieuw, None
    grond = Grond(grond.reden.strip(), grond.besluit_id, grond.overleg_id)
    if vastgesteld is not None:
        if not grond.reden:
            raise OngeldigeInvoer(
                "reden",
                f"Deze uitvoeringsagenda is vastgesteld op {datums.lange_datum(vastgesteld)}; een wijziging heeft een reden nodig.",
            )
        return nieuw, Stap("wijziging", velden, grond)
    if oud.vorige_id is not None:
        return nieuw, Stap("herformulering", velden, grond)
    return nieuw, None


def leg_vast(db, afspraak_id: int, stap_: Stap) -> int:  # noqa: ANN001  (inside the caller's `schrijf`)
    """Write one step of the trail; its date is its meeting's, or today's without one."""
    grond = stap_.grond
    datum = datums.vandaag().isoformat()
    if grond.overleg_id is not None:
        rij = db.execute("SELECT datum FROM overleg WHERE id = ?", [grond.overleg_id]).fetchone()
        if rij is None:
            raise OngeldigeInvoer("overleg", f"Overleg {grond.overleg_id} bestaat niet in dit bestand.")
        datum = rij[0]
    if grond.besluit_id is not None and not db.execute("SELECT 1 FROM besluit WHERE id = ?", [grond.besluit_id]).fetchone():
        raise OngeldigeInvoer("besluit", "Het gekozen besluit bestaat niet (meer) in dit bestand; kies een ander.")
    return db["afspraak_wijziging"].insert(
        {
            "afspraak_id": afspraak_id,
            "soort": stap_.soort,
            "datum": datum,
            "tijdstip": dt.datetime.now().isoformat(timespec="seconds"),
            "overleg_id": grond.overleg_id,
            "besluit_id": grond.besluit_id,
            "velden": json.dumps(stap_.velden, ensure_ascii=False),
            "reden": grond.reden,
        }
    ).last_pk


def weigert_verwijderen(bestand: Gemeentebestand, tabel: str, rij_id: int) -> None:
    """An agreement of an adopted agenda stays: it was signed. Raises OngeldigeInvoer then."""
    if tabel != "afspraak":
        return
    weigert_meegenomen(bestand, rij_id)
    rij = bestand.db.execute(
        "SELECT a.nummer, u.periode, u.vastgesteld_op FROM afspraak a JOIN uitvoeringsagenda u ON u.id = a.agenda_id WHERE a.id = ?",
        [rij_id],
    ).fetchone()
    if rij and rij[2]:
        from opslag.codes import item_code

        raise OngeldigeInvoer(
            "status",
            f"{item_code('afspraak', rij[0])} hoort bij de uitvoeringsagenda {rij[1]}, vastgesteld op "
            f"{datums.lange_datum(dt.date.fromisoformat(rij[2]))}, en kan niet verwijderd worden: "
            "zet de status op vervallen.",
        )


def weigert_meegenomen(bestand: Gemeentebestand, afspraak_id: int) -> None:
    """An agreement carried over into a later period stays: the later one links back to it, and
    its export says where it came from. Raises OngeldigeInvoer then (delete or undo)."""
    rij = bestand.db.execute(
        """SELECT o.nummer, n.nummer, u.periode FROM afspraak n JOIN afspraak o ON o.id = n.vorige_id
        JOIN uitvoeringsagenda u ON u.id = n.agenda_id WHERE n.vorige_id = ? ORDER BY n.id LIMIT 1""",
        [afspraak_id],
    ).fetchone()
    if rij:
        from opslag.codes import item_code

        raise OngeldigeInvoer(
            "status",
            f"{item_code('afspraak', rij[0])} is overgenomen in de uitvoeringsagenda {rij[2]} als "
            f"{item_code('afspraak', rij[1])}, en kan daarom niet weggehaald worden: zet de status op vervallen.",
        )
