"""Export of the uitvoeringsagenda and the minutes: content on the demo file, CLI, templates, golden files."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import stat
import time
from dataclasses import replace
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from opslag import export, notulen
from opslag.bestand import Gemeentebestand
from opslag.export import ExportFout, SjabloonFout
from opslag.modellen import ActieStatus, Actiepunt, Afspraak, AfspraakStatus, Besluit
from tui.cli import main

GOLDEN = Path(__file__).parents[1] / "golden"
BIJWERKEN = os.environ.get("TRIPARTIET_GOLDEN") == "bijwerken"  # regenerate the golden files on purpose


def _md() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def _koppen(tekst: str, niveau: int) -> list[str]:
    tokens = _md().parse(tekst)
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == f"h{niveau}"]


def _tabellen(tekst: str) -> list[list[list[str]]]:
    """Every table as rows of cell texts, header row first."""
    tabellen: list[list[list[str]]] = []
    rij: list[str] | None = None
    tokens: list[Token] = _md().parse(tekst)
    for i, token in enumerate(tokens):
        if token.type == "table_open":
            tabellen.append([])
        elif token.type == "tr_open":
            rij = []
        elif token.type in ("th_open", "td_open"):
            assert rij is not None
            rij.append(tokens[i + 1].content if tokens[i + 1].type == "inline" else "")
        elif token.type == "tr_close":
            tabellen[-1].append(rij or [])
    return tabellen


def _lijst_na(tekst: str, kop: str) -> list[str]:
    """The bullet items directly after the paragraph `kop` (e.g. 'Aanwezig:')."""
    tokens = _md().parse(tekst)
    for i, token in enumerate(tokens):
        if token.type == "inline" and token.content == kop:
            items, j = [], i + 2
            assert tokens[j].type == "bullet_list_open", f"geen lijst na {kop}"
            while tokens[j].type != "bullet_list_close":
                if tokens[j].type == "inline":
                    items.append(tokens[j].content)
                j += 1
            return items
    raise AssertionError(f"'{kop}' niet gevonden")


def _sectie(tekst: str, kop: str) -> str:
    """The Markdown from heading `## kop` up to the next level-2 heading."""
    begin = tekst.index(f"\n## {kop}\n")
    einde = tekst.find("\n## ", begin + 1)
    return tekst[begin : einde if einde > 0 else None]


@pytest.fixture
def bestand(demo_pad: Path):
    with Gemeentebestand.open(demo_pad) as b:
        yield b


def _overleg(b: Gemeentebestand, positie: int) -> int:
    return export.kies_overleg(b, positie)


# --- the uitvoeringsagenda ------------------------------------------------------------------------


def test_agenda_titel_partijen_en_werkwijze(bestand: Gemeentebestand) -> None:
    tekst = export.exporteer_uitvoeringsagenda(bestand, "2026-2027")
    assert tekst.startswith("# Tweejarige uitvoeringsagenda gemeente Zonnedal (fictief) 2026 t/m 2027\n")
    assert _koppen(tekst, 1) == ["Tweejarige uitvoeringsagenda gemeente Zonnedal (fictief) 2026 t/m 2027"]
    assert "Meerjarige regionale prestatieafspraken Achterhoek 2026 t/m 2029" in tekst
    partijen = _tabellen(tekst)[0]
    assert partijen == [
        ["Afkorting", "Partij", "Soort"],
        ["GZ", "Gemeente Zonnedal", "gemeente"],
        ["WDD", "Woonstichting De Dorpsweide", "corporatie"],
        ["HVZ", "Huurdersvereniging Zonnedal", "huurdersvereniging"],
    ]
    werkwijze = _sectie(tekst, "Werkwijze")
    # The cycle for 2026-2027: the offer (bod) and the adoption in the year before, then each year an
    # evaluation and a bod (tenses: tests/opslag/test_export_agenda.py).
    assert "vóór 1 juli 2025" in werkwijze and "bod" in werkwijze
    assert "op 4 december 2025 hebben de partijen deze uitvoeringsagenda bestuurlijk vastgesteld" in werkwijze
    assert "in 2026" in werkwijze and "in 2027" in werkwijze and "1 juli 2027" in werkwijze


def test_agenda_per_thema_per_subthema_een_tabel(bestand: Gemeentebestand) -> None:
    tekst = export.exporteer_uitvoeringsagenda(bestand, "2026-2027")
    assert _koppen(tekst, 2)[2:6] == [
        "Thema 1 — Beschikbaarheid en betaalbaarheid",
        "Thema 2 — Ouderen en aandachtsgroepen",
        "Thema 3 — Leefbaarheid",
        "Thema 4 — Duurzaamheid",
    ]
    assert _koppen(tekst, 3) == [
        "1.1 Programmering sociale huur",
        "1.5 Beter benutten bestaande voorraad",
        "1.9 Woonruimteverdeling en doorstroming",
        "1.10 Betaalbaarheid",
        "3.2 Sociale samenhang en leefbaarheidsbudget\\*",  # the * refers to a footnote
        "3.3 Borgen vitaliteit en toekomstbestendigheid van buurten en dorpen",
        "4.2 Netcongestie",
        "4.3 Sturen op warmtevraagreductie",
    ]
    afspraken = _tabellen(tekst)[1:9]
    assert _tabellen(tekst)[9][0] == ["Nr.", "Datum", "Wat", "Reden"]  # the demo's agenda was amended after adoption
    for tabel in afspraken:
        assert tabel[0] == ["Nr.", "Actielijn", "Doel", "Start", "Eind", "Verantwoordelijke"]
    assert afspraken[0][1] == ["AF-001 (gewijzigd)", "Bouw van sociale huurwoningen in plan De Esch", "40 woningen", "2026", "Q4 2027", "WDD (trekker), GZ; met HVZ"]
    assert afspraken[3][1] == ["AF-006", "Gezamenlijke vroegsignalering van betalingsachterstanden", "Convenant getekend", "Q3 2026", "Q2 2027", "GZ (trekker); met WDD, HVZ"]
    nummers = sorted(rij[0].split()[0] for tabel in afspraken for rij in tabel[1:])
    assert nummers == [f"AF-00{n}" for n in range(1, 9)]  # every agreement once
    assert "- AF-001: Waarvan minimaal 15 voor één- en tweepersoonshuishoudens." in tekst


def test_agenda_noemt_subthemas_zonder_afspraken(bestand: Gemeentebestand) -> None:
    tekst = export.exporteer_uitvoeringsagenda(bestand, "2026-2027")
    with_kop = {kop.split(" ", 1)[0] for kop in _koppen(tekst, 3)}
    thema2 = _sectie(tekst, "Thema 2 — Ouderen en aandachtsgroepen")
    assert "Zonder lokale afspraken in deze uitvoeringsagenda:" in thema2
    assert _lijst_na(thema2, "Zonder lokale afspraken in deze uitvoeringsagenda:") == [
        "2.1.1 Passend Wonen", "2.1.2 Langer zelfstandig thuis wonen", "2.1.3 Doorstroming", "2.1.4 Visie",
    ]
    genoemd = set(with_kop)
    for kop in ("Thema 1 — Beschikbaarheid en betaalbaarheid", "Thema 2 — Ouderen en aandachtsgroepen",
                "Thema 3 — Leefbaarheid", "Thema 4 — Duurzaamheid"):
        genoemd |= {item.split(" ", 1)[0] for item in _lijst_na(_sectie(tekst, kop), "Zonder lokale afspraken in deze uitvoeringsagenda:")}
    assert genoemd == {s.nummer for s in bestand.kader().subthemas}  # all 25, none dropped


def test_agenda_status_en_regionaal_kader_zijn_keuzes(bestand: Gemeentebestand) -> None:
    kaal = export.exporteer_uitvoeringsagenda(bestand, "2026-2027")
    assert "Status" not in _tabellen(kaal)[1][0] and "Regionaal afgesproken" not in kaal
    met_status = export.exporteer_uitvoeringsagenda(bestand, "2026-2027", met_status=True)
    tabel = _tabellen(met_status)[1]
    assert tabel[0][-1] == "Status" and tabel[1][-1] == "in uitvoering"
    met_kader = export.exporteer_uitvoeringsagenda(bestand, "2026-2027", met_kader=True)
    blok = _sectie(met_kader, "Thema 1 — Beschikbaarheid en betaalbaarheid")
    assert "> Regionaal afgesproken:" in blok and "> - In Woondeal 1.1 wordt afgesproken" in blok
    tokens = _md().parse(met_kader)
    assert sum(t.type == "blockquote_open" for t in tokens) == 8  # one quote per subtheme with agreements


def test_agenda_kadercitaat_met_voetnoot(bestand: Gemeentebestand) -> None:
    agenda = export.kies_agenda(bestand, "2026-2027")[0]
    gz = bestand.partijen()[0].id
    notulen.bewaar_afspraak(bestand, Afspraak(agenda_id=agenda, subthema_nummer="1.6", actielijn="Monitor bijhouden", verantwoordelijken=[gz]))
    tekst = export.exporteer_uitvoeringsagenda(bestand, "2026-2027", met_kader=True)
    assert "adaptieve maatregelen⁴" in tekst and "[^4]" not in tekst
    voetnoten = _sectie(tekst, "Voetnoten bij het regionale kader")
    assert "- ⁴ De drie adaptieve maatregelen zijn" in voetnoten


def test_agenda_vervallen_afspraak_zonder_statuskolom_gemarkeerd(bestand: Gemeentebestand) -> None:
    afspraak = next(a for a in notulen.afspraken(bestand) if a.nummer == 2)
    notulen.bewaar_afspraak(bestand, replace(afspraak, status=AfspraakStatus.VERVALLEN))
    tekst = export.exporteer_uitvoeringsagenda(bestand, "2026-2027")
    assert any(rij[0] == "AF-002 (vervallen)" for tabel in _tabellen(tekst) for rij in tabel)


def test_agenda_vaststelling_met_handtekening_per_partij(bestand: Gemeentebestand) -> None:
    tekst = export.exporteer_uitvoeringsagenda(bestand, "2026-2027")
    vaststelling = _sectie(tekst, "Vaststelling")
    # The demo's agenda is adopted: date, place and who signed for each party.
    assert "Vastgesteld op 4 december 2025 te Zonnedal door:" in vaststelling
    assert "\nGemeente Zonnedal (GZ)\\\nGerrit ter Horst, wethouder wonen\\\nHandtekening: " in vaststelling
    assert vaststelling.count("Handtekening: ……") == 3
    # While concept: lines to fill in by hand.
    bestand.db.conn.execute("UPDATE uitvoeringsagenda SET vastgesteld_op = NULL WHERE periode = '2026-2027'")
    vaststelling = _sectie(export.exporteer_uitvoeringsagenda(bestand, "2026-2027"), "Vaststelling")
    assert "Vastgesteld op ………………………… te Zonnedal (fictief), uiterlijk 15 december 2025, door:" in vaststelling
    for partij in ("Gemeente Zonnedal (GZ)", "Woonstichting De Dorpsweide (WDD)", "Huurdersvereniging Zonnedal (HVZ)"):
        assert f"\n{partij}\\\nNaam en functie: " in vaststelling
    assert vaststelling.count("Handtekening: ……") == 3


# --- the minutes (verslag) -------------------------------------------------------------------------


def test_verslag_kop(bestand: Gemeentebestand) -> None:
    tekst = export.exporteer_verslag(bestand, _overleg(bestand, 3))
    assert _koppen(tekst, 1) == ["Verslag ambtelijk tripartite overleg wonen Zonnedal (fictief) — concept"]
    assert tekst.split("\n\n")[1].splitlines() == [  # the list under the title: no 'Overleg: 3 van 3'
        "- Datum: donderdag 19 november 2026, 14.00 uur",
        "- Plaats: Gemeentehuis Zonnedal, kamer 2.14",
        "- Uitvoeringsagenda: 2026-2027",
        "- Verslag: Marloes Hendriks (GZ)",
    ]
    tweede = export.exporteer_verslag(bestand, _overleg(bestand, 2))
    assert tweede.startswith("# Verslag bestuurlijk tripartite overleg wonen Zonnedal (fictief) — concept\n")
    assert "- Datum: donderdag 18 juni 2026, 10.00–11.30 uur\n" in tweede
    assert "- Plaats: Kantoor Woonstichting De Dorpsweide\n" in tweede


def test_verslag_aanwezig_voorzitter_eerst_notulist_laatst(bestand: Gemeentebestand) -> None:
    tekst = export.exporteer_verslag(bestand, _overleg(bestand, 3))
    assert _lijst_na(tekst, "Aanwezig:") == [
        "Voorzitter: Anne Jansen (GZ, beleidsadviseur wonen)",
        "Woonstichting De Dorpsweide (WDD): Pieter Bosman (strateeg vastgoed), Ruud Mulder (manager wonen)",
        "Huurdersvereniging Zonnedal (HVZ): Fatima El Idrissi (bestuurslid)",
        "Notulist: Marloes Hendriks (GZ)",  # her function 'notulist' is what the line says already
    ]
    assert _lijst_na(tekst, "Afwezig:") == ["Kees Wolters (HVZ, voorzitter), met kennisgeving"]
    tweede = export.exporteer_verslag(bestand, _overleg(bestand, 2))
    aanwezig = _lijst_na(tweede, "Aanwezig:")
    assert aanwezig[0] == "Voorzitter: Gerrit ter Horst (GZ, wethouder wonen)"
    assert aanwezig[1] == "Gemeente Zonnedal (GZ): Anne Jansen (beleidsadviseur wonen)"  # own party after the chair
    assert aanwezig[-1].startswith("Notulist: Marloes Hendriks")
    assert _lijst_na(tweede, "Afwezig:") == [
        "Pieter Bosman (WDD, strateeg vastgoed), zonder kennisgeving", "Fatima El Idrissi (HVZ, bestuurslid), met kennisgeving",
    ]


def test_verslag_per_agendapunt_in_volgorde(bestand: Gemeentebestand) -> None:
    overleg_id = _overleg(bestand, 3)
    tekst = export.exporteer_verslag(bestand, overleg_id)
    punten = notulen.agendapunten(bestand, overleg_id)
    koppen = _koppen(tekst, 2)
    assert len(koppen) == len(punten) + 2
    assert koppen[:4] == ["1. Opening en vaststellen agenda", "2. Mededelingen", "3. Vaststellen verslag vorig overleg", "4. Actielijst doorlopen"]
    assert koppen[4:9] == [
        "5. Subthema 1.1 Programmering sociale huur", "6. Subthema 1.6 Monitoring", "7. Subthema 1.9 Woonruimteverdeling en doorstroming",
        "8. Subthema 3.2 Sociale samenhang en leefbaarheidsbudget", "9. Subthema 4.2 Netcongestie",
    ]
    assert koppen[9:] == ["10. Rondvraag", "11. Sluiting", "Besluitenlijst", "Actielijst"]
    punt = _sectie(tekst, "8. Subthema 3.2 Sociale samenhang en leefbaarheidsbudget")
    volgorde = [
        punt.index("WDD zet in 2027 € 35.000 leefbaarheidsbudget in"),  # the notes
        punt.index("- B-005: Een bewonerspanel adviseert"),  # decisions
        punt.index("| AF-008 (nieuw) | Leefbaarheidsbudget inzetten voor buurthuis Het Anker |"),  # agreements
        punt.index("| A-008 | Bewonerspanel Het Anker samenstellen | Fatima El Idrissi (HVZ) | 15-01-2027 |"),  # actions
    ]
    assert volgorde == sorted(volgorde)
    assert "Geen bijzonderheden." in _sectie(tekst, "7. Subthema 1.9 Woonruimteverdeling en doorstroming")
    assert "Geen bijzonderheden." not in punt


def test_verslag_besluitenlijst(bestand: Gemeentebestand) -> None:
    tekst = export.exporteer_verslag(bestand, _overleg(bestand, 2))
    besluiten = _tabellen(_sectie(tekst, "Besluitenlijst"))[0]
    assert besluiten == [
        ["Nr.", "Datum", "Besluit"],
        ["B-003", "18-06-2026", "Het bestuurlijk overleg neemt kennis van het verslag van het ambtelijk overleg van 12 maart 2026."],
        ["B-004", "18-06-2026", "Gemeente en WDD werken een convenant vroegsignalering uit; HVZ denkt mee."],
    ]


def _actielijst(tekst: str) -> dict[str, list[str]]:
    tabel = _tabellen(_sectie(tekst, "Actielijst"))[0]
    assert tabel[0] == ["Nr.", "Datum", "Subthema", "Actie", "Wie", "Deadline", "Stand van zaken"]
    return {rij[0]: rij for rij in tabel[1:]}


def test_verslag_actielijst_open_en_hier_afgerond(bestand: Gemeentebestand) -> None:
    derde = _actielijst(export.exporteer_verslag(bestand, _overleg(bestand, 3)))
    # A-001 was finished in meeting 2: it has left the list. A-002 was finished in this meeting.
    assert list(derde) == [f"A-00{n}" for n in range(2, 10)]
    assert derde["A-002"] == ["A-002", "12-03-2026", "1.5", "Bouwkundige verkenning splitsen Molenstraat", "Pieter Bosman (WDD)", "01-06-2026", "gereed"]
    assert derde["A-004"][-1] == "open, deadline verstreken"  # deadline 15-05-2026 before the meeting
    # An action that carries out an agreement names it; one from the rondvraag has no subtheme.
    assert derde["A-004"][2:4] == ["4.2", "Gesprek met Liander plannen over aansluiting De Esch (bij AF-005)"]
    assert derde["A-005"][2] == ""
    assert derde["A-003"][-2:] == ["31-01-2027", "open"]
    tweede = _actielijst(export.exporteer_verslag(bestand, _overleg(bestand, 2)))
    assert tweede["A-001"][-1] == "gereed" and tweede["A-002"][-1] == "open, deadline verstreken"
    assert "A-008" not in tweede  # made in a later meeting
    # The minutes of the first meeting show the actions as they stood then, although two are done now.
    eerste = _actielijst(export.exporteer_verslag(bestand, _overleg(bestand, 1)))
    assert {nr: rij[-1] for nr, rij in eerste.items()} == {f"A-00{n}": "open" for n in range(1, 6)}


def test_verslag_afgerond_voor_dit_overleg_verdwijnt(bestand: Gemeentebestand) -> None:
    actie = notulen.actiepunten(bestand, alleen_open=True)[0]
    notulen.zet_actiestatus(bestand, actie.id, ActieStatus.VERVALLEN, dt.date(2026, 7, 1))
    derde = _actielijst(export.exporteer_verslag(bestand, _overleg(bestand, 3)))
    assert actie.code not in derde
    tweede = _actielijst(export.exporteer_verslag(bestand, _overleg(bestand, 2)))
    assert tweede[actie.code][-1] == "vervallen"  # after meeting 2, before meeting 3


def test_verslag_gewijzigde_afspraak(bestand: Gemeentebestand, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("opslag.bestand._nu", lambda: "2026-11-20T09:30:00")
    afspraak = next(a for a in notulen.afspraken(bestand) if a.nummer == 1)
    notulen.bewaar_afspraak(bestand, replace(afspraak, status=AfspraakStatus.VERTRAAGD))
    derde = export.exporteer_verslag(bestand, _overleg(bestand, 3))
    punt = _tabellen(_sectie(derde, "5. Subthema 1.1 Programmering sociale huur"))[0]
    assert punt[1][0] == "AF-001 (gewijzigd)" and punt[1][-1] == "vertraagd"
    assert "AF-001 (gewijzigd)" not in export.exporteer_verslag(bestand, _overleg(bestand, 2))


def test_verslag_overig_vangt_wat_bij_geen_agendapunt_hoort(bestand: Gemeentebestand) -> None:
    overleg_id = _overleg(bestand, 3)
    notulen.bewaar_besluit(bestand, Besluit(overleg_id=overleg_id, tekst="Losse afspraak over de planning.", datum=dt.date(2026, 11, 19)))
    notulen.bewaar_actiepunt(bestand, Actiepunt(overleg_id=overleg_id, wat="Zaal reserveren", aangemaakt_op=dt.date(2026, 11, 19)))
    agenda = export.kies_agenda(bestand, "2026-2027")[0]
    notulen.bewaar_afspraak(bestand, Afspraak(agenda_id=agenda, subthema_nummer="2.1.2", actielijn="Woningaanpassingen",
                                                     overleg_id=overleg_id, verantwoordelijken=[bestand.partijen()[0].id]))
    tekst = export.exporteer_verslag(bestand, overleg_id)
    assert _koppen(tekst, 2)[-3:] == ["Overig", "Besluitenlijst", "Actielijst"]
    overig = _sectie(tekst, "Overig")
    assert "- B-007: Losse afspraak over de planning." in overig
    assert "| A-010 | Zaal reserveren |  |  |" in overig
    assert "| AF-009 (nieuw) | Woningaanpassingen |" in overig


def test_verslag_volgend_overleg(bestand: Gemeentebestand) -> None:
    overleg_id = _overleg(bestand, 3)
    tekst = export.exporteer_verslag(bestand, overleg_id)
    assert tekst.endswith(
        "Het volgende overleg is op donderdag 11 februari 2027.\nDit is een concept. Het verslag wordt vastgesteld in het volgende ambtelijk overleg.\n"
    )
    overleg = notulen.overleg(bestand, overleg_id)
    notulen.wijzig_overleg(bestand, replace(overleg, volgende_datum=None))
    assert "De datum van het volgende overleg is nog niet vastgelegd." in export.exporteer_verslag(bestand, overleg_id)


def test_nieuw_bestand_zonder_afspraken_en_overleggen(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pad = tmp_path / "aalten.sqlite"
    assert main(["nieuw", "Aalten", "--bestand", str(pad)]) == 0
    capsys.readouterr()
    assert main(["export", str(pad), "-o", "-"]) == 0
    tekst = capsys.readouterr().out
    assert _koppen(tekst, 3) == [] and len(_tabellen(tekst)) == 1  # only the parties
    assert [rij[0] for rij in _tabellen(tekst)[0][1:]] == ["GA", "DWP", "HVW", "HVD"]
    assert tekst.count("\n- ") >= 25 + 3  # all 25 subthemes listed as without agreements, and the cycle
    assert main(["verslag", str(pad)]) == 1
    assert "Dit bestand heeft nog geen overleggen, dus ook geen verslag." in capsys.readouterr().err


def test_kies_overleg_en_agenda(bestand: Gemeentebestand) -> None:
    ids = [o.id for o in notulen.overleggen(bestand)]
    assert export.kies_overleg(bestand, "1") == ids[0]
    assert export.kies_overleg(bestand, "laatste") == ids[-1] == export.kies_overleg(bestand, " Laatste ")
    with pytest.raises(ExportFout, match="Overleg 4 bestaat niet; dit bestand heeft 3 overleggen"):
        export.kies_overleg(bestand, 4)
    with pytest.raises(ExportFout, match="Overleg 0 bestaat niet"):
        export.kies_overleg(bestand, "0")
    with pytest.raises(ExportFout, match="staat niet in dit bestand. Wel: 2026-2027"):
        export.kies_agenda(bestand, "2028-2029")


def test_voorgestelde_naam() -> None:
    assert export.voorgestelde_naam("Aalten", "uitvoeringsagenda", "2026-2027") == "uitvoeringsagenda-aalten-2026-2027.md"
    assert export.voorgestelde_naam("Oude IJsselstreek", "verslag", "2026-11-19") == "verslag-oude-ijsselstreek-2026-11-19.md"
    assert export.voorgestelde_naam("../..", "verslag", "2026-11-19") == "verslag-gemeente-2026-11-19.md"


# --- determinism and the golden files -------------------------------------------------------------


def test_twee_keer_exporteren_geeft_dezelfde_bytes(demo_pad: Path, tmp_path: Path) -> None:
    kopie = tmp_path / "kopie" / "ander.sqlite"
    kopie.parent.mkdir()
    shutil.copyfile(demo_pad, kopie)
    uitvoer = []
    for pad in (demo_pad, demo_pad, kopie):
        with Gemeentebestand.open(pad, alleen_lezen=True) as b:
            uitvoer.append((export.exporteer_uitvoeringsagenda(b, "2026-2027").encode(),
                            export.exporteer_verslag(b, export.kies_overleg(b)).encode()))
    assert uitvoer[0] == uitvoer[1] == uitvoer[2]
    for document in uitvoer[0]:
        assert b"\r" not in document and b"\n\n\n" not in document
        assert document.endswith(b"\n") and not document.endswith(b"\n\n")
        assert document.decode("utf-8")


def test_golden_bestanden(demo_pad: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo's exports, kept in tests/golden and linked from the README as examples."""
    monkeypatch.setattr("opslag.datums.vandaag", lambda: dt.date(2026, 11, 27))
    with Gemeentebestand.open(demo_pad, alleen_lezen=True) as b:
        documenten = {
            "uitvoeringsagenda-demo.md": export.exporteer_uitvoeringsagenda(b),
            "verslag-demo.md": export.exporteer_verslag(b, export.kies_overleg(b, "laatste")),
        }
    for naam, tekst in documenten.items():
        if BIJWERKEN:
            (GOLDEN / naam).write_bytes(tekst.encode("utf-8"))
        assert tekst.encode("utf-8") == (GOLDEN / naam).read_bytes(), (
            f"{naam} wijkt af van tests/golden; bewust veranderd? Draai met TRIPARTIET_GOLDEN=bijwerken."
        )


# --- writing files ----------------------------------------------------------------------------------


def test_schrijf_export_vervangt_in_een_keer_en_houdt_rechten(tmp_path: Path) -> None:
    doel = tmp_path / "uit.md"
    doel.write_text("oud\n", encoding="utf-8")
    doel.chmod(0o600)
    export.schrijf_export(doel, "# Nieuw\n")
    assert doel.read_bytes() == b"# Nieuw\n"
    assert stat.S_IMODE(doel.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["uit.md"]  # no temporary file left behind


def test_schrijf_export_weigert_map_en_ontbrekende_map(tmp_path: Path) -> None:
    (tmp_path / "map.md").mkdir()
    with pytest.raises(ExportFout, match="geen gewoon bestand"):
        export.schrijf_export(tmp_path / "map.md", "x\n")
    with pytest.raises(ExportFout, match="deze map bestaat niet"):
        export.schrijf_export(tmp_path / "nergens" / "uit.md", "x\n")
    assert (tmp_path / "map.md").is_dir() and not (tmp_path / "nergens").exists()


def test_schrijf_export_via_symlink_schrijft_het_doel(tmp_path: Path) -> None:
    echt = tmp_path / "echt.md"
    echt.write_text("oud\n", encoding="utf-8")
    (tmp_path / "link.md").symlink_to(echt)
    export.schrijf_export(tmp_path / "link.md", "nieuw\n")
    assert (tmp_path / "link.md").is_symlink() and echt.read_text(encoding="utf-8") == "nieuw\n"


# --- the command line ------------------------------------------------------------------------------


def test_cli_export_naar_standaarduitvoer(demo_pad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(demo_pad), "--agenda", "2026-2027", "--status"]) == 0
    uit = capsys.readouterr()
    with Gemeentebestand.open(demo_pad, alleen_lezen=True) as b:
        assert uit.out == export.exporteer_uitvoeringsagenda(b, "2026-2027", met_status=True)
    assert uit.err == ""


def test_cli_verslag_naar_bestand(demo_pad: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doel = tmp_path / "verslag.md"
    doel.write_text("oude versie\n", encoding="utf-8")
    assert main(["verslag", str(demo_pad), "--overleg", "2", "-o", str(doel)]) == 0
    uit = capsys.readouterr()
    assert uit.out == "" and f"Geschreven: {doel}" in uit.err
    with Gemeentebestand.open(demo_pad, alleen_lezen=True) as b:
        assert doel.read_text(encoding="utf-8") == export.exporteer_verslag(b, export.kies_overleg(b, 2))
    assert main(["verslag", str(demo_pad), "-o", "laatste.md"]) == 0  # relative to the working folder
    assert (tmp_path / "laatste.md").read_text(encoding="utf-8").startswith("# Verslag ambtelijk")


def test_cli_export_laat_het_gemeentebestand_ongemoeid(demo_pad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    voor = demo_pad.read_bytes()
    assert main(["export", str(demo_pad)]) == 0
    from opslag.reservekopie import reservekopie_map

    assert demo_pad.read_bytes() == voor
    assert not reservekopie_map(demo_pad).exists()  # read-only: no backup either


@pytest.mark.parametrize(
    ("argumenten", "melding"),
    [
        (["export", "{map}/bestaat-niet.sqlite"], "dit bestand bestaat niet"),
        (["verslag", "{pad}", "--overleg", "7"], "Overleg 7 bestaat niet; dit bestand heeft 3 overleggen (1 = oudste)"),
        (["verslag", "{pad}", "--overleg", "vorige"], "'vorige' is geen overleg: geef een volgnummer (1 = oudste) of 'laatste'"),
        (["export", "{pad}", "--agenda", "2030-2031"], "De uitvoeringsagenda 2030-2031 staat niet in dit bestand. Wel: 2026-2027."),
        (["export", "{pad}", "--agenda", "2026"], "'2026' is geen periode"),
        (["export", "{pad}", "-o", "{map}"], "dit is geen gewoon bestand"),
        (["verslag", "{pad}", "-o", "{map}/nergens/v.md"], "deze map bestaat niet"),
        (["export", "{pad}", "--sjabloon", "{map}/geen.md.j2"], "het sjabloonbestand bestaat niet"),
    ],
)
def test_cli_foute_argumenten(demo_pad: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argumenten: list[str], melding: str) -> None:
    argv = [a.format(pad=demo_pad, map=tmp_path) for a in argumenten]
    assert main(argv) == 1
    uit = capsys.readouterr()
    assert uit.out == ""
    assert uit.err.startswith("tripartiet: ") and melding in uit.err
    assert "Traceback" not in uit.err


def test_cli_help_van_export_en_verslag(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as einde:
        main(["verslag", "--help"])
    assert einde.value.code == 0
    uit = capsys.readouterr().out
    assert uit.startswith("Gebruik: tripartiet verslag")
    assert "1 = het oudste" in uit and "'laatste'" in uit and "--sjabloon PAD" in uit and "of met -, het scherm" in uit
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    uit = capsys.readouterr().out
    assert "--agenda PERIODE" in uit and "Actielijn | Doel | Start | Eind | Verantwoordelijke" in uit


# --- templates -------------------------------------------------------------------------------------


def _sjabloon(map_: Path, naam: str, tekst: str) -> Path:
    map_.mkdir(parents=True, exist_ok=True)
    pad = map_ / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


def test_eigen_sjabloon_in_huisstijl(bestand: Gemeentebestand, tmp_path: Path) -> None:
    eigen = tmp_path / "huisstijl" / "agenda.md.j2"
    eigen.parent.mkdir()
    standaard = export.standaard_sjabloon("uitvoeringsagenda").read_text(encoding="utf-8")
    eigen.write_text(standaard.replace("# Tweejarige uitvoeringsagenda gemeente", "# Uitvoeringsprogramma Wonen van de gemeente"), encoding="utf-8")
    tekst = export.exporteer_uitvoeringsagenda(bestand, "2026-2027", eigen)
    assert tekst.startswith("# Uitvoeringsprogramma Wonen van de gemeente Zonnedal (fictief) 2026 t/m 2027\n")
    assert tekst.split("\n", 1)[1] == export.exporteer_uitvoeringsagenda(bestand, "2026-2027").split("\n", 1)[1]


def test_sjabloonfout_noemt_bestand_regel_en_probleem(bestand: Gemeentebestand, tmp_path: Path) -> None:
    kapot = _sjabloon(tmp_path / "s", "kapot.md.j2", "# {{ gemeente|regel }}\n\n{% for p in partijen %}\n- {{ p.naam }\n{% endfor %}\n")
    with pytest.raises(SjabloonFout) as fout:
        export.exporteer_uitvoeringsagenda(bestand, "2026-2027", kapot)
    assert (fout.value.bestand, fout.value.regel) == (str(kapot), 4)
    assert str(fout.value).startswith(f"Fout in sjabloon {kapot}, regel 4: de opbouw van het sjabloon klopt niet")

    onbekend = _sjabloon(tmp_path / "s", "onbekend.md.j2", "# Kop\n\n{% for p in partijen %}\n- {{ p.telefoon|regel }}\n{% endfor %}\n")
    with pytest.raises(SjabloonFout) as fout:
        export.exporteer_uitvoeringsagenda(bestand, "2026-2027", onbekend)
    assert fout.value.regel == 4 and "'telefoon' is onbekend" in str(fout.value)

    filter_ = _sjabloon(tmp_path / "s", "filter.md.j2", "# Kop\n{{ gemeente|vet }}\n")
    with pytest.raises(SjabloonFout, match=r"regel 2: onbekende filter .*gebruik cel, regel, blok"):
        export.exporteer_uitvoeringsagenda(bestand, "2026-2027", filter_)


def test_fout_in_een_ingevoegd_sjabloon_noemt_dat_sjabloon(bestand: Gemeentebestand, tmp_path: Path) -> None:
    hoofd = _sjabloon(tmp_path / "s", "hoofd.md.j2", "# Kop\n\n{% include 'delen/partijen.md.j2' %}\n")
    deel = _sjabloon(tmp_path / "s" / "delen", "partijen.md.j2", "{% for p in partijen %}\n- {{ p.naam|regel }}\n{% endfor %}\n{{ 1 / 0 }}\n")
    with pytest.raises(SjabloonFout) as fout:
        export.exporteer_uitvoeringsagenda(bestand, "2026-2027", hoofd)
    assert (fout.value.bestand, fout.value.regel) == (str(deel), 4)
    assert "ZeroDivisionError" in fout.value.melding


@pytest.mark.parametrize("doel", ["../../etc/passwd", "../geheim.md.j2", "/etc/passwd"])
def test_sjabloon_kan_niets_buiten_zijn_map_lezen(bestand: Gemeentebestand, tmp_path: Path, doel: str, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "geheim.md.j2").write_text("GEHEIM-12345\n", encoding="utf-8")
    sjabloon = _sjabloon(tmp_path / "s", "inbraak.md.j2", f"# Kop\n\n{{% include '{doel}' %}}\n")
    with pytest.raises(SjabloonFout) as fout:
        export.exporteer_uitvoeringsagenda(bestand, "2026-2027", sjabloon)
    assert fout.value.regel == 3
    assert "een sjabloon kan alleen andere sjablonen uit zijn eigen map gebruiken" in str(fout.value)
    assert main(["export", str(bestand.pad), "--sjabloon", str(sjabloon)]) == 1
    uit = capsys.readouterr()
    assert "GEHEIM" not in uit.out + uit.err and "root:" not in uit.out
    assert f"Fout in sjabloon {sjabloon}, regel 3" in uit.err


def test_sjabloon_draait_in_een_zandbak(bestand: Gemeentebestand, tmp_path: Path) -> None:
    sjabloon = _sjabloon(tmp_path / "s", "zandbak.md.j2", "# Kop\n\n{{ gemeente.__class__.__mro__ }}\n")
    with pytest.raises(SjabloonFout, match="regel 3: dit is in een sjabloon niet toegestaan"):
        export.exporteer_uitvoeringsagenda(bestand, "2026-2027", sjabloon)


def test_vergeten_filter_maakt_de_tekst_toch_veilig(bestand: Gemeentebestand, tmp_path: Path) -> None:
    # A new agreement: an amended one shows its text as adopted, the new text only in the trail.
    agenda = export.kies_agenda(bestand, "2026-2027")[0]
    notulen.bewaar_afspraak(bestand, Afspraak(agenda_id=agenda, subthema_nummer="1.1", actielijn="Bouw | sloop <b>vet</b>\n# geen kop",
                                              verantwoordelijken=[bestand.partijen()[0].id]))
    sjabloon = _sjabloon(
        tmp_path / "s", "slordig.md.j2",
        "# Kop\n\n| Nr. | Actielijn |\n|---|---|\n{% for t in themas %}{% for s in t.subthemas %}{% for a in s.afspraken %}"
        "| {{ a.code }} | {{ a.actielijn }} |\n{% endfor %}{% endfor %}{% endfor %}",
    )
    tekst = export.exporteer_uitvoeringsagenda(bestand, "2026-2027", sjabloon)
    rijen = _tabellen(tekst)[0]
    assert all(len(rij) == 2 for rij in rijen)
    # The cell's inline source: the table has taken the '\\' off '\\|'; the rest is escaped text.
    assert rijen[2] == ["AF-009", "Bouw | sloop \\<b>vet\\</b> / \\# geen kop"]
    tokens = _md().parse(tekst)
    assert not [t for t in tokens if t.type.startswith("html")] and _koppen(tekst, 1) == ["Kop"]


# --- size: few queries, fast enough ------------------------------------------------------------------


def _tel_queries(pad: Path) -> tuple[int, int]:
    with Gemeentebestand.open(pad, alleen_lezen=True) as b:
        overleg_id = export.kies_overleg(b)
        export.exporteer_uitvoeringsagenda(b, "2026-2027")  # the framework is read once per open file
        tellingen = []
        for doe in (lambda: export.exporteer_uitvoeringsagenda(b, "2026-2027"), lambda: export.exporteer_verslag(b, overleg_id)):
            queries: list[str] = []
            b.db.conn.set_trace_callback(queries.append)
            doe()
            b.db.conn.set_trace_callback(None)
            tellingen.append(len(queries))
    return tellingen[0], tellingen[1]


def test_aantal_queries_groeit_niet_met_het_bestand(demo_pad: Path, tmp_path: Path) -> None:
    from tests.bench.export import maak_bestand

    groot = maak_bestand(tmp_path / "groot.sqlite", schaal=3)
    with sqlite3.connect(groot) as conn:
        assert conn.execute("SELECT count(*) FROM actiepunt").fetchone()[0] == 1200
    klein_agenda, klein_verslag = _tel_queries(demo_pad)
    groot_agenda, groot_verslag = _tel_queries(groot)
    assert (klein_agenda, klein_verslag) == (groot_agenda, groot_verslag)
    assert (klein_agenda, klein_verslag) == (8, 10)  # as the docstrings of opslag.export say


def test_realistisch_bestand_ruim_binnen_100_ms(tmp_path: Path) -> None:
    from tests.bench.export import maak_bestand

    pad = maak_bestand(tmp_path / "realistisch.sqlite", schaal=1)
    with Gemeentebestand.open(pad, alleen_lezen=True) as b:
        overleg_id = export.kies_overleg(b)
        export.exporteer_uitvoeringsagenda(b, "2026-2027")
        export.exporteer_verslag(b, overleg_id)
        tijden = []
        for _ in range(3):
            begin = time.perf_counter()
            export.exporteer_uitvoeringsagenda(b, "2026-2027")
            export.exporteer_verslag(b, overleg_id)
            tijden.append(time.perf_counter() - begin)
    assert min(tijden) < 0.1, f"beide documenten samen {min(tijden) * 1000:.0f} ms"


@pytest.fixture
def vertalingen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The templates Jinja compiles, in a fresh process as `tripartiet export` is: only the disk cache is left."""
    from jinja2 import Environment

    export._omgeving.cache_clear()
    vertaald: list[str] = []
    compileer = Environment.compile

    def tel(self, bron, name=None, filename=None, raw=False, defer_init=False):  # noqa: ANN001, ANN202
        vertaald.append(name)
        return compileer(self, bron, name, filename, raw, defer_init)

    monkeypatch.setattr(Environment, "compile", tel)
    return vertaald


def test_gecompileerde_sjablonen_worden_hergebruikt_en_een_gewijzigd_sjabloon_opnieuw_vertaald(
    bestand: Gemeentebestand, tmp_path: Path, vertalingen: list[str]
) -> None:
    eigen = _sjabloon(tmp_path / "huisstijl", "agenda.md.j2", "# Agenda {{ gemeente|regel }}\n")
    assert export.exporteer_uitvoeringsagenda(bestand, "2026-2027", eigen) == "# Agenda Zonnedal (fictief)\n"
    assert vertalingen == ["agenda.md.j2"]
    export._omgeving.cache_clear()  # the next `tripartiet export`
    assert export.exporteer_uitvoeringsagenda(bestand, "2026-2027", eigen) == "# Agenda Zonnedal (fictief)\n"
    assert vertalingen == ["agenda.md.j2"]  # from the cache in TRIPARTIET_CACHE (see conftest)
    eigen.write_text("# Uitvoeringsprogramma {{ gemeente|regel }}\n", encoding="utf-8")
    export._omgeving.cache_clear()
    assert export.exporteer_uitvoeringsagenda(bestand, "2026-2027", eigen) == "# Uitvoeringsprogramma Zonnedal (fictief)\n"
    assert vertalingen == ["agenda.md.j2", "agenda.md.j2"]


def test_een_beschadigd_cachebestand_wordt_opnieuw_vertaald(
    bestand: Gemeentebestand, tmp_path: Path, vertalingen: list[str]
) -> None:
    verwacht = export.exporteer_uitvoeringsagenda(bestand, "2026-2027")
    (gecompileerd,) = (tmp_path / "cache").rglob("__jinja2_*.cache")
    gecompileerd.write_bytes(gecompileerd.read_bytes()[:40])  # cut short, as by a power cut while writing
    export._omgeving.cache_clear()
    assert export.exporteer_uitvoeringsagenda(bestand, "2026-2027") == verwacht
    assert len(vertalingen) == 2


def test_export_werkt_ook_als_de_cache_niet_geschreven_kan_worden(
    bestand: Gemeentebestand, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    geen_map = tmp_path / "geen-map"
    geen_map.write_text("een bestand, geen map", encoding="utf-8")
    monkeypatch.setenv("TRIPARTIET_CACHE", str(geen_map))
    tekst = export.exporteer_uitvoeringsagenda(bestand, "2026-2027")
    assert tekst.startswith("# Tweejarige uitvoeringsagenda gemeente Zonnedal (fictief)")
    assert geen_map.read_text(encoding="utf-8") == "een bestand, geen map"
