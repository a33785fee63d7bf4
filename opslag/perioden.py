"""Periods of the uitvoeringsagenda: the two-year agendas that fit the framework, and starting the
next one from the previous, carrying over what is not finished.

The framework names its years (`Kader.begin`/`eind`, 2026 t/m 2029); its periods are the two-year
spans from its first year (2026-2027, 2028-2029). Any other period (past the framework's end, or
not on its two-year rhythm) is only started as an explicit choice (`buiten_kader=True`). A
framework without years leaves periods free, as before: any two consecutive years.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from opslag import datums
from opslag.bestand import Gemeentebestand
from opslag.fouten import OngeldigeInvoer

# Finished agreements stay in their own period; everything else runs on into the next.
AFGEROND = ("gereed", "vervallen")


class BuitenKader(OngeldigeInvoer):
    """A period the framework does not hold; the caller may offer the explicit choice."""

    def __init__(self, melding: str) -> None:
        super().__init__("periode", melding)


@dataclass(frozen=True, slots=True, kw_only=True)
class Periode:
    periode: str  # '2026-2027'
    in_kader: bool
    agenda_id: int | None = None  # None: the file has no agenda for this period yet
    vastgesteld_op: dt.date | None = None
    afspraken: int = 0

    @property
    def begin(self) -> int:
        return int(self.periode[:4])

    @property
    def eind(self) -> int:
        return int(self.periode[5:])

    @property
    def staat(self) -> str:
        """'nog niet gestart', 'concept' or 'vastgesteld op 04-12-2025'."""
        if self.agenda_id is None:
            return "nog niet gestart"
        if self.vastgesteld_op is None:
            return "concept"
        return f"vastgesteld op {datums.toon_datum(self.vastgesteld_op)}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Start:
    """What `start_periode` did, for the message."""

    periode: str
    agenda_id: int
    van: str | None  # the period carried over from; None when nothing was
    overgenomen: int
    gebleven: int  # finished agreements (gereed, vervallen) that stay in `van`

    @property
    def tekst(self) -> str:
        begin = f"Uitvoeringsagenda {self.periode} is gestart als concept"
        if self.van is None:
            return begin + ", zonder afspraken."
        tekst = f"{begin}: {afspraken_tekst(self.overgenomen)} overgenomen uit {self.van}"
        if not self.gebleven:
            return tekst + "."
        werkwoord = "blijft" if self.gebleven == 1 else "blijven"
        return tekst + f"; {afspraken_tekst(self.gebleven)} (gereed of vervallen) {werkwoord} in {self.van}."


def afspraken_tekst(aantal: int) -> str:
    return f"{aantal} afspraak" if aantal == 1 else f"{aantal} afspraken"


def looptijd(bestand: Gemeentebestand) -> tuple[int, int] | None:
    kader = bestand.kader()
    return (kader.begin, kader.eind) if kader.begin is not None and kader.eind is not None else None


def kaderperioden(begin: int, eind: int) -> list[str]:
    """The two-year periods within the years `begin` t/m `eind`: 2026, 2029 -> 2026-2027, 2028-2029."""
    return [f"{jaar}-{jaar + 1}" for jaar in range(begin, eind, 2)]


def perioden(bestand: Gemeentebestand) -> list[Periode]:
    """The framework's periods and every agenda the file has (also one outside the framework), by year."""
    rijen = bestand.db.execute(
        "SELECT u.id, u.periode, u.vastgesteld_op, (SELECT count(*) FROM afspraak a WHERE a.agenda_id = u.id) "
        "FROM uitvoeringsagenda u"
    ).fetchall()
    jaren = looptijd(bestand)
    uit_kader = set(kaderperioden(*jaren)) if jaren else set()
    lijst = [
        Periode(
            periode=periode, in_kader=jaren is None or periode in uit_kader, agenda_id=agenda_id,
            vastgesteld_op=dt.date.fromisoformat(vastgesteld) if vastgesteld else None, afspraken=aantal,
        )
        for agenda_id, periode, vastgesteld, aantal in rijen
    ]
    aanwezig = {p.periode for p in lijst}
    lijst += [Periode(periode=p, in_kader=True) for p in uit_kader - aanwezig]
    return sorted(lijst, key=lambda p: p.periode)


def volgende_periode(bestand: Gemeentebestand) -> Periode:
    """The period to start next: the first of the framework after the newest agenda, else the two
    years after it (outside the framework when it has years)."""
    lijst = perioden(bestand)
    gestart = [p for p in lijst if p.agenda_id is not None]
    laatste = max((p.eind for p in gestart), default=None)
    for periode in lijst:
        if periode.agenda_id is None and periode.in_kader and (laatste is None or periode.begin > laatste):
            return periode
    if laatste is None:
        jaar = datums.vandaag().year
        laatste = (jaar if jaar % 2 == 0 else jaar - 1) - 1
    return Periode(periode=f"{laatste + 1}-{laatste + 2}", in_kader=looptijd(bestand) is None)


def controleer_periode(bestand: Gemeentebestand, tekst: str, buiten_kader: bool = False) -> str:
    """`tekst` as a new period ('2028-2029'), or a Dutch refusal: not two consecutive years, already
    in the file, overlapping an agenda, or outside the framework without the explicit choice."""
    periode = datums.lees_periode(tekst)
    begin, eind = int(periode[:4]), int(periode[5:])
    for bestaand in perioden(bestand):
        if bestaand.agenda_id is None:
            continue
        if bestaand.periode == periode:
            raise OngeldigeInvoer("periode", f"De uitvoeringsagenda {periode} bestaat al in dit bestand.")
        if begin <= bestaand.eind and bestaand.begin <= eind:
            raise OngeldigeInvoer("periode", f"{periode} overlapt met de uitvoeringsagenda {bestaand.periode}; kies twee andere jaren.")
    jaren = looptijd(bestand)
    if jaren is None or buiten_kader or periode in kaderperioden(*jaren):
        return periode
    kader = f"{jaren[0]} t/m {jaren[1]}"
    if eind < jaren[0] or begin > jaren[1]:
        raise BuitenKader(f"{periode} valt buiten het kader {kader}; kies het bewust als periode buiten het kader.")
    raise BuitenKader(
        f"{periode} is geen periode van het kader {kader} (dat zijn {', '.join(kaderperioden(*jaren))}); "
        "kies het bewust als periode buiten het kader."
    )


def vorige_agenda(bestand: Gemeentebestand, periode: str) -> tuple[int, str] | None:
    """(id, period) of the newest agenda before `periode`: the one a new period is started from."""
    rij = bestand.db.execute(
        "SELECT id, periode FROM uitvoeringsagenda WHERE periode < ? ORDER BY periode DESC LIMIT 1", [periode]
    ).fetchone()
    return (rij[0], rij[1]) if rij else None


def tellingen(bestand: Gemeentebestand, agenda_id: int) -> tuple[int, int]:
    """(unfinished, finished) agreements of an agenda: what a new period takes over, what stays."""
    rij = bestand.db.execute(
        "SELECT count(*) FILTER (WHERE status NOT IN (?, ?)), count(*) FILTER (WHERE status IN (?, ?)) "
        "FROM afspraak WHERE agenda_id = ?",
        [*AFGEROND, *AFGEROND, agenda_id],
    ).fetchone()
    return rij[0], rij[1]


def start_periode(
    bestand: Gemeentebestand, periode: str, van: int | None = None, buiten_kader: bool = False, overnemen: bool = True
) -> Start:
    """Start the agenda of `periode` as a concept, from agenda `van` (default: the one before it).

    Every agreement of `van` that is not gereed or vervallen is copied into the new agenda with a
    new number, its status and parties, a link back (vorige_id) and an 'overgenomen' line in its
    trail; the finished ones stay where they are. One transaction, one line in the change log."""
    periode = controleer_periode(bestand, periode, buiten_kader)
    vorige = _vorige(bestand, periode, van) if overnemen else None
    from opslag.notulen import _volgend_nummer  # the stable AF- numbers, as everywhere

    oude = list(bestand.db.query(
        f"SELECT * FROM afspraak WHERE agenda_id = ? AND status NOT IN ({', '.join('?' * len(AFGEROND))}) ORDER BY nummer",
        [vorige[0], *AFGEROND],
    )) if vorige else []
    gebleven = tellingen(bestand, vorige[0])[1] if vorige else 0
    nu = dt.datetime.now()
    gegevens: dict = {"periode": periode, "van": vorige[1] if vorige else None}
    # Filled in while writing: the ids an undo of this line removes again (see lv-gedeeld).
    nieuwe: list[int] = gegevens.setdefault("afspraken", [])
    sporen: list[int] = gegevens.setdefault("afspraak_wijziging", [])
    with bestand.schrijf("uitvoeringsagenda", None, "periode gestart", gegevens) as db:
        agenda_id = db["uitvoeringsagenda"].insert({"periode": periode, "vorige_id": vorige[0] if vorige else None}).last_pk
        gegevens["agenda_id"] = agenda_id
        for oud in oude:
            kopie = {k: v for k, v in oud.items() if k != "id"} | {
                "nummer": _volgend_nummer(bestand, "afspraak"), "agenda_id": agenda_id, "overleg_id": None,
                "vorige_id": oud["id"], "na_vaststelling": None,
            }
            afspraak_id = db["afspraak"].insert(kopie).last_pk
            nieuwe.append(afspraak_id)
            db.execute(
                "INSERT INTO afspraak_partij (afspraak_id, partij_id, rol, volgorde) "
                "SELECT ?, partij_id, rol, volgorde FROM afspraak_partij WHERE afspraak_id = ?",
                [afspraak_id, oud["id"]],
            )
            sporen.append(db["afspraak_wijziging"].insert({
                "afspraak_id": afspraak_id, "soort": "overgenomen", "datum": nu.date().isoformat(),
                "tijdstip": nu.isoformat(timespec="seconds"), "velden": "{}", "reden": f"overgenomen uit {vorige[1]}",
            }).last_pk)
    return Start(periode=periode, agenda_id=agenda_id, van=vorige[1] if vorige else None, overgenomen=len(oude), gebleven=gebleven)


def _vorige(bestand: Gemeentebestand, periode: str, van: int | None) -> tuple[int, str] | None:
    if van is None:
        return vorige_agenda(bestand, periode)
    rij = bestand.db.execute("SELECT id, periode FROM uitvoeringsagenda WHERE id = ?", [van]).fetchone()
    if rij is None:
        raise OngeldigeInvoer("van", f"Uitvoeringsagenda {van} bestaat niet in dit bestand.")
    if rij[1] >= periode:
        raise OngeldigeInvoer("van", f"Een nieuwe periode neemt over uit een eerdere; {rij[1]} komt niet vóór {periode}.")
    return rij[0], rij[1]


def agenda_van_periode(bestand: Gemeentebestand, tekst: str) -> int:
    """The id of the agenda of period `tekst`, or a Dutch refusal naming the periods the file has."""
    periode = datums.lees_periode(tekst)
    rij = bestand.db.execute("SELECT id FROM uitvoeringsagenda WHERE periode = ?", [periode]).fetchone()
    if rij is None:
        bekend = ", ".join(p.periode for p in perioden(bestand) if p.agenda_id is not None) or "geen"
        raise OngeldigeInvoer("van", f"De uitvoeringsagenda {periode} staat niet in dit bestand. Wel: {bekend}.")
    return rij[0]
