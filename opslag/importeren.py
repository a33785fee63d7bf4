"""Importing an existing uitvoeringsagenda (CSV or Markdown) into a municipality file.

All or nothing: every row is checked first (a pydantic model per row, with the file's framework
and parties as context), and a single bad cell means nothing is stored and the report names every
bad row and cell. A good file is stored in one transaction with one line in the change log.
Reading the file into raw rows is `opslag.import_lezen`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from opslag import datums, perioden
from opslag.bestand import Gemeentebestand
from opslag.codes import item_code
from opslag.fouten import TripartietFout
from opslag.import_lezen import ImportLeesFout, Tabel, lees_tabel
from opslag.import_rij import Context, Melding, kort, lees_rij
from opslag.invoer import lees_doel
from opslag.modellen import Afspraak

ACTIE = "geimporteerd"  # the change log's word for an import


class ImportFout(TripartietFout):
    """Rows with errors: nothing was stored. The message is the whole report."""

    def __init__(self, voorstel: Voorstel) -> None:
        self.voorstel = voorstel
        super().__init__("\n".join(voorstel.rapport()))


class ImportGeweigerd(TripartietFout):
    """The import as a whole cannot be done (an adopted agenda); nothing was stored."""


@dataclass
class Voorstel:
    """What an import would store (or has stored), or why it cannot."""

    bron: Path
    tabel: Tabel
    periode: str
    agenda_nieuw: bool
    afspraken: list[tuple[int, Afspraak]] = field(default_factory=list)  # (line, agreement with its number)
    meldingen: list[Melding] = field(default_factory=list)
    partijcodes: dict[int, str] = field(default_factory=dict)
    subthema_titels: dict[str, str] = field(default_factory=dict)

    @property
    def in_orde(self) -> bool:
        return not self.meldingen

    def rapport(self) -> list[str]:
        n = len(self.meldingen)
        regels = len({m.regel for m in self.meldingen})
        kop = (
            f"Niets geïmporteerd: {self.bron.name} heeft {n} {'fout' if n == 1 else 'fouten'} in "
            f"{regels} {'regel' if regels == 1 else 'regels'}. Verbeter ze en probeer het opnieuw:"
        )
        return [kop, *(f"  {m}" for m in self.meldingen)]

    def gedaan(self) -> str:
        """After storing: '12 afspraken geïmporteerd in de uitvoeringsagenda 2026-2027 (AF-001 t/m AF-012).'"""
        n = len(self.afspraken)
        codes = f"{self.afspraken[0][1].code} t/m {self.afspraken[-1][1].code}" if n > 1 else self.afspraken[0][1].code
        return f"{n} {'afspraak' if n == 1 else 'afspraken'} geïmporteerd in de uitvoeringsagenda {self.periode} ({codes})."

    def overzicht(self) -> list[str]:
        """Per subtheme the agreements to be stored: code, actielijn, start-end, lead party."""
        agenda = "wordt gemaakt, als concept" if self.agenda_nieuw else "bestaat al, nog concept"
        n = len(self.afspraken)
        uit = [
            f"{self.bron.name} ({self.tabel.soort}, {self.tabel.beschrijving}): {n} "
            f"{'afspraak' if n == 1 else 'afspraken'} voor de uitvoeringsagenda {self.periode} ({agenda})."
        ]
        if self.tabel.genegeerd:
            uit.append(f"Niet gebruikte kolommen: {', '.join(self.tabel.genegeerd)}.")
        per_subthema: dict[str, list[Afspraak]] = {}
        for _, afspraak in self.afspraken:
            per_subthema.setdefault(afspraak.subthema_nummer, []).append(afspraak)
        for nummer in sorted(per_subthema, key=lambda s: [int(d) for d in s.split(".")]):
            uit.append(self.subthema_titels.get(nummer, nummer))
            for a in per_subthema[nummer]:
                termijn = f"{a.start or '…'} – {a.eind or '…'}"
                trekker = self.partijcodes.get(a.verantwoordelijken[0], "?") if a.verantwoordelijken else "?"
                uit.append(f"  {a.code}  {kort(a.actielijn, 60)}  {termijn}  trekker {trekker}")
        return uit


# --- the whole import --------------------------------------------------------------------------------


def _sleutel(subthema: str, actielijn: str) -> tuple[str, str]:
    return subthema, " ".join(actielijn.split()).casefold()


def _nieuwe_periode(bestand: Gemeentebestand, periode: str, buiten_kader: bool) -> None:
    """An import that makes its agenda checks the period as `tripartiet periode` does: not
    overlapping another agenda, and one of the framework's periods unless chosen explicitly.
    Raises perioden.BuitenKader naming the framework's periods, or OngeldigeInvoer."""
    try:
        perioden.controleer_periode(bestand, periode, buiten_kader)
    except perioden.BuitenKader:
        begin, eind = perioden.looptijd(bestand)  # BuitenKader only comes from a framework with years
        kader = ", ".join(perioden.kaderperioden(begin, eind))
        raise perioden.BuitenKader(
            f"De uitvoeringsagenda {periode} staat niet in dit bestand en {periode} is geen periode van het kader "
            f"{begin} t/m {eind} (dat zijn {kader}). Kies een van die perioden, of importeer bewust in een periode "
            "buiten het kader. Er is niets geïmporteerd."
        ) from None


def controleer(bestand: Gemeentebestand, pad: Path, periode: str, buiten_kader: bool = False) -> Voorstel:
    """What importing `pad` into the agenda of `periode` would store, or the report of what is
    wrong. Reads only: a dry run, and the first half of `importeer`. A period the file has no
    agenda for must fit the framework, unless `buiten_kader` (the explicit choice)."""
    periode = datums.lees_periode(periode)
    agenda = bestand.db.execute(
        "SELECT id, vastgesteld_op FROM uitvoeringsagenda WHERE periode = ?", [periode]
    ).fetchone()
    if agenda is None:
        _nieuwe_periode(bestand, periode, buiten_kader)
    tabel = lees_tabel(Path(pad))
    if not tabel.rijen:
        raise ImportLeesFout(f"{pad}: geen afspraken gevonden; de tabel heeft alleen een kopregel.")
    if agenda is not None and agenda[1]:
        raise ImportGeweigerd(
            f"De uitvoeringsagenda {periode} is al vastgesteld (op {datums.toon_datum(dt.date.fromisoformat(agenda[1]))}); "
            "importeren kan alleen in een agenda die nog concept is. Er is niets geïmporteerd."
        )
    kader = bestand.kader()
    partijen = bestand.partijen()
    context = Context({s.nummer: s.onderwerp for s in kader.subthemas}, partijen, tabel.koppen)
    voorstel = Voorstel(
        bron=Path(pad), tabel=tabel, periode=periode, agenda_nieuw=agenda is None,
        partijcodes={p.id: p.code for p in partijen}, subthema_titels={s.nummer: s.titel for s in kader.subthemas},
    )
    bestaand: dict[tuple[str, str], str] = {}
    if agenda is not None:
        for nummer, subthema, actielijn in bestand.db.execute(
            "SELECT nummer, subthema_nummer, actielijn FROM afspraak WHERE agenda_id = ?", [agenda[0]]
        ):
            bestaand[_sleutel(subthema, actielijn)] = item_code("afspraak", nummer)
    in_bestand: dict[tuple[str, str], int] = {}
    volgend = bestand.db.execute("SELECT laatste FROM nummering WHERE soort = 'afspraak'").fetchone()[0] + 1
    for ruw in tabel.rijen:
        rij, meldingen = lees_rij(ruw.regel, ruw.cellen, context)
        voorstel.meldingen += meldingen
        if rij is None:
            continue
        sleutel = _sleutel(rij.subthema, rij.actielijn)
        if sleutel in bestaand:
            voorstel.meldingen.append(Melding(ruw.regel, tabel.koppen["actielijn"], (
                f"deze afspraak staat al in de uitvoeringsagenda {periode} ({bestaand[sleutel]}, subthema "
                f"{rij.subthema}); verwacht een afspraak die er nog niet in staat")))
            continue
        if sleutel in in_bestand:
            voorstel.meldingen.append(Melding(ruw.regel, tabel.koppen["actielijn"], (
                f"dezelfde afspraak (subthema {rij.subthema}, zelfde actielijn) staat al op regel {in_bestand[sleutel]}")))
            continue
        in_bestand[sleutel] = ruw.regel
        verantwoordelijken, betrokken = rij.verantwoordelijke
        aantal, eenheid = lees_doel(rij.doel)
        voorstel.afspraken.append((ruw.regel, Afspraak(
            nummer=volgend, agenda_id=agenda[0] if agenda else 0, subthema_nummer=rij.subthema,
            actielijn=rij.actielijn, doel=rij.doel, doel_aantal=aantal, doel_eenheid=eenheid,
            start=rij.start, eind=rij.eind, status=rij.status, toelichting=rij.toelichting,
            verantwoordelijken=verantwoordelijken,
            betrokkenen=[p for p in dict.fromkeys([*betrokken, *rij.betrokken]) if p not in verantwoordelijken],
        )))
        volgend += 1
    return voorstel


def importeer(bestand: Gemeentebestand, pad: Path, periode: str, buiten_kader: bool = False) -> Voorstel:
    """Store every agreement of `pad` in the agenda of `periode` (made, as concept, if the file
    lacks it; outside the framework only with `buiten_kader`): all in one transaction with one
    line in the change log, or, when any row is wrong, nothing at all (ImportFout with the report)."""
    from opslag.invoermodellen import valideer
    from opslag.notulen import _bewaar_genummerd  # the numbering every agreement gets

    voorstel = controleer(bestand, pad, periode, buiten_kader)
    if not voorstel.in_orde:
        raise ImportFout(voorstel)
    gegevens: dict[str, Any] = {"bron": str(voorstel.bron), "periode": voorstel.periode, "aantal": len(voorstel.afspraken)}
    opgeslagen: list[tuple[int, Afspraak]] = []
    # `schrijf` writes its log line when the block ends: the ids filled in below go with it.
    with bestand.schrijf("afspraak", None, ACTIE, gegevens) as db:
        agenda = db.execute("SELECT id FROM uitvoeringsagenda WHERE periode = ?", [voorstel.periode]).fetchone()
        agenda_id = agenda[0] if agenda else db["uitvoeringsagenda"].insert({"periode": voorstel.periode}).last_pk
        gegevens["agenda_id"] = agenda_id
        gegevens["agenda_nieuw"] = agenda is None
        for regel, afspraak in voorstel.afspraken:
            afspraak = valideer(replace(afspraak, nummer=None, agenda_id=agenda_id))
            rij = afspraak.als_rij("id", "verantwoordelijken", "betrokkenen")
            afspraak_id = _bewaar_genummerd(db, bestand, "afspraak", None, rij)
            koppelingen = [("verantwoordelijk", p) for p in afspraak.verantwoordelijken]
            koppelingen += [("betrokken", p) for p in afspraak.betrokkenen]
            db["afspraak_partij"].insert_all(
                {"afspraak_id": afspraak_id, "partij_id": p, "rol": rol, "volgorde": i}
                for i, (rol, p) in enumerate(koppelingen)
            )
            opgeslagen.append((regel, replace(afspraak, id=afspraak_id, nummer=rij["nummer"])))
        gegevens["afspraken"] = [a.id for _, a in opgeslagen]
    voorstel.afspraken = opgeslagen
    voorstel.agenda_nieuw = gegevens["agenda_nieuw"]
    return voorstel
