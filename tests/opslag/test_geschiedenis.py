"""What was said before: a subtheme's history across meetings, an agreement's every change (from
the change log and the amendment trail, through earlier periods), and the commitments per party,
on screen and as the export 'inzet'."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from opslag import export, geschiedenis, notulen
from opslag.bestand import Gemeentebestand, nieuw_bestand
from opslag.modellen import Actiepunt, Afspraak, AfspraakStatus, Besluit, Overleg, OverlegSoort, Persoon, PuntSoort
from tui import cli


class Klok:
    """The change log's clock (`opslag.bestand._nu`), set by the test: steps happen when it says."""

    def __init__(self) -> None:
        self.nu = "2026-03-12T10:00:00"

    def __call__(self) -> str:
        return self.nu


def _trail(b: Gemeentebestand, afspraak_id: int, soort: str, tijdstip: str, velden: dict, *,
           overleg_id: int | None = None, besluit_id: int | None = None, reden: str = "") -> None:
    """An amendment-trail row as lv-vaststellen and lv-periode write them (this module only reads)."""
    with b.transactie() as db:
        db["afspraak_wijziging"].insert({
            "afspraak_id": afspraak_id, "soort": soort, "datum": tijdstip[:10], "tijdstip": tijdstip,
            "overleg_id": overleg_id, "besluit_id": besluit_id, "velden": json.dumps(velden), "reden": reden,
        })


@pytest.fixture
def opzet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Three meetings with 1.1 on the agenda (March, June, November: the one on screen), and what
    happened to AF-001 in between, in and outside the meetings."""
    klok = Klok()
    monkeypatch.setattr("opslag.bestand._nu", klok)
    monkeypatch.setattr("opslag.wijzigingslog.nu", klok)
    pad = nieuw_bestand("Aalten", tmp_path / "aalten.sqlite")
    b = Gemeentebestand.open(pad)
    ga, dwp, hvw, _ = (p.id for p in b.partijen())
    agenda = notulen.agenda_voor_periode(b, "2026-2027")
    anne = notulen.nieuwe_persoon(b, Persoon(naam="Anne [/] Jansen", partij_id=ga)).id

    def overleg(datum: dt.date, soort: OverlegSoort, subthemas: list[str]) -> tuple[Overleg, dict[str, int]]:
        o = notulen.nieuw_overleg(b, Overleg(agenda_id=agenda.id, datum=datum, soort=soort), subthemas)
        return o, {p.subthema_nummer: p.id for p in notulen.agendapunten(b, o.id) if p.soort is PuntSoort.SUBTHEMA}

    o1, p1 = overleg(dt.date(2026, 3, 12), OverlegSoort.AMBTELIJK, ["1.1", "1.2"])
    notulen.bewaar_notitie(b, p1["1.1"], "Maart: 40 woningen [/] nodig in De Esch.")
    notulen.bewaar_notitie(b, p1["1.2"], "Over 1.2, niet over 1.1.")
    notulen.bewaar_besluit(b, Besluit(overleg_id=o1.id, agendapunt_id=p1["1.1"], datum=o1.datum, tekst="De Esch komt in de agenda."))
    af1 = notulen.bewaar_afspraak(b, Afspraak(
        agenda_id=agenda.id, subthema_nummer="1.1", actielijn="Bouwen in De Esch", doel="40 woningen", start="2026",
        eind="2027", overleg_id=o1.id, verantwoordelijken=[dwp, ga], betrokkenen=[hvw]))
    notulen.bewaar_afspraak(b, Afspraak(agenda_id=agenda.id, subthema_nummer="1.2", actielijn="Ander subthema",
                                        overleg_id=o1.id, verantwoordelijken=[ga]))
    notulen.bewaar_actiepunt(b, Actiepunt(overleg_id=o1.id, agendapunt_id=p1["1.1"], subthema_nummer="1.1",
                                          wat="Grondprijs doorrekenen", persoon_id=anne, deadline=dt.date(2026, 4, 30)))
    klok.nu = "2026-03-20T09:00:00"  # edited before adoption, after the meeting it was made in
    af1 = notulen.bewaar_afspraak(b, replace(af1, doel="45 woningen"))

    klok.nu = "2026-06-18T10:00:00"
    o2, p2 = overleg(dt.date(2026, 6, 18), OverlegSoort.BESTUURLIJK, ["1.1"])
    notulen.bewaar_notitie(b, p2["1.1"], "Juni: vergunning aangevraagd.")
    b2 = notulen.bewaar_besluit(b, Besluit(overleg_id=o2.id, agendapunt_id=p2["1.1"], datum=o2.datum, tekst="Eind later."))
    _trail(b, af1.id, "wijziging", "2026-06-18T10:30:00", {"eind": ["2027", "Q2 2028"], "verantwoordelijken": [["DWP", "GA"], ["DWP"]]},
           overleg_id=o2.id, besluit_id=b2.id, reden="Netcongestie vertraagt de aansluiting.")
    with b.transactie() as db:  # a status change as lv-log records it: with its meeting and old value
        db.execute("UPDATE afspraak SET status = 'in uitvoering' WHERE id = ?", [af1.id])
        db["wijziging"].insert({"tijdstip": "2026-06-18T10:40:00", "tabel": "afspraak", "rij_id": af1.id, "actie": "status",
                                "gegevens": json.dumps({"status": "in uitvoering"}), "oud": json.dumps({"status": "afgesproken"}),
                                "overleg_id": o2.id})
    notulen.bewaar_actiepunt(b, Actiepunt(overleg_id=o2.id, agendapunt_id=p2["1.1"], subthema_nummer="1.1",
                                          wat="Bewoners informeren", partij_id=hvw, deadline=dt.date(2026, 9, 1)))
    _trail(b, af1.id, "wijziging", "2026-09-01T12:00:00", {"toelichting": ["", "In twee fasen."]}, reden="Per e-mail afgestemd.")

    klok.nu = "2026-11-19T14:00:00"
    o3, p3 = overleg(dt.date(2026, 11, 19), OverlegSoort.AMBTELIJK, ["1.1"])
    notulen.bewaar_notitie(b, p3["1.1"], "November: start bouw.")
    try:
        yield b, {"o1": o1, "o2": o2, "o3": o3, "af1": af1, "ga": ga, "dwp": dwp, "hvw": hvw, "klok": klok}
    finally:
        b.sluit()


def test_subthema_geschiedenis_nieuwste_eerst_tot_het_huidige_overleg(opzet) -> None:
    b, d = opzet
    momenten = geschiedenis.subthema_geschiedenis(b, "1.1", d["o3"].id)
    assert [(m.datum, m.overleg_id) for m in momenten] == [
        (dt.date(2026, 9, 1), None), (dt.date(2026, 6, 18), d["o2"].id), (dt.date(2026, 3, 12), d["o1"].id)
    ], "newest first; the meeting on screen is not history; an amendment outside a meeting by its date"

    buiten, juni, maart = momenten
    assert buiten.soort == "" and not buiten.notitie
    assert [(s.code, s.soort, s.reden, [(v.veld, v.oud, v.nieuw) for v in s.velden]) for s in buiten.afspraken] == [
        ("AF-001", "wijziging", "Per e-mail afgestemd.", [("toelichting", "", "In twee fasen.")])
    ]

    assert maart.soort == "ambtelijk"
    assert maart.notitie == "Maart: 40 woningen [/] nodig in De Esch.", "only the note of 1.1, as typed"
    assert [(x.code, x.tekst) for x in maart.besluiten] == [("B-001", "De Esch komt in de agenda.")]
    # Made in March and its goal changed in the same meeting: the change log names that meeting.
    assert sorted((s.code, s.soort, s.actielijn) for s in maart.afspraken) == [
        ("AF-001", "gewijzigd", "Bouwen in De Esch"), ("AF-001", "nieuw", "Bouwen in De Esch")
    ]
    assert [(a.code, a.wat, a.wie, a.deadline, a.status) for a in maart.acties] == [
        ("A-001", "Grondprijs doorrekenen", "Anne [/] Jansen (GA)", dt.date(2026, 4, 30), "open")
    ]

    assert juni.soort == "bestuurlijk" and juni.notitie == "Juni: vergunning aangevraagd."
    assert [x.code for x in juni.besluiten] == ["B-002"]
    wijziging, status = juni.afspraken
    assert (wijziging.soort, wijziging.besluit, wijziging.reden) == ("wijziging", "B-002", "Netcongestie vertraagt de aansluiting.")
    assert wijziging.omschrijving == "wijziging na vaststelling"
    assert [(v.naam, v.oud, v.nieuw) for v in wijziging.velden] == [
        ("eind", "2027", "Q2 2028"), ("verantwoordelijken", "DWP, GA", "DWP")
    ]
    assert (status.soort, [(v.veld, v.oud, v.nieuw) for v in status.velden]) == (
        "status", [("status", "afgesproken", "in uitvoering")]
    ), "a change in the meeting, from the change log with its old value"
    assert [(a.code, a.wie) for a in juni.acties] == [("A-002", "HVW")]


def test_subthema_geschiedenis_zonder_grens_en_van_een_leeg_subthema(opzet) -> None:
    b, d = opzet
    alles = geschiedenis.subthema_geschiedenis(b, "1.1")
    assert alles[0].overleg_id == d["o3"].id and alles[0].notitie == "November: start bouw."
    assert len(alles) == 4
    assert geschiedenis.subthema_geschiedenis(b, "4.2", d["o3"].id) == []
    assert [m.notitie for m in geschiedenis.subthema_geschiedenis(b, "1.2")] == ["Over 1.2, niet over 1.1."]


def test_afspraak_geschiedenis_oud_en_nieuw_uit_log_en_spoor(opzet) -> None:
    b, d = opzet
    h = geschiedenis.afspraak_geschiedenis(b, d["af1"].id)
    assert (h.code, h.actielijn, h.periode, h.vorige) == ("AF-001", "Bouwen in De Esch", "2026-2027", [])
    stappen = [(s.datum, s.soort, s.overleg_id, [(v.veld, v.oud, v.nieuw) for v in s.velden]) for s in h.stappen]
    assert stappen == [
        (dt.date(2026, 9, 1), "wijziging", None, [("toelichting", "", "In twee fasen.")]),
        (dt.date(2026, 6, 18), "status", d["o2"].id, [("status", "afgesproken", "in uitvoering")]),
        (dt.date(2026, 6, 18), "wijziging", d["o2"].id, [("eind", "2027", "Q2 2028"), ("verantwoordelijken", "DWP, GA", "DWP")]),
        # the change log names the meeting the agreement belongs to, and keeps the old values
        (dt.date(2026, 3, 20), "gewijzigd", d["o1"].id, [("doel", "40 woningen", "45 woningen")]),
        # its log line did not know the meeting; the agreement does
        (dt.date(2026, 3, 12), "nieuw", d["o1"].id, []),
    ]
    assert h.stappen[2].overleg_datum == dt.date(2026, 6, 18) and h.stappen[2].overleg_soort == "bestuurlijk"
    assert h.stappen[2].besluit == "B-002"
    assert geschiedenis.afspraak_geschiedenis(b, 9999) is None


def test_afspraak_geschiedenis_volgt_de_vorige_periode(opzet) -> None:
    b, d = opzet
    nieuw_agenda = notulen.agenda_voor_periode(b, "2028-2029")
    d["klok"].nu = "2027-12-01T09:00:00"
    opvolger = notulen.bewaar_afspraak(b, Afspraak(agenda_id=nieuw_agenda.id, subthema_nummer="1.1", actielijn="Bouwen in De Esch, fase 2",
                                                   verantwoordelijken=[d["dwp"]]))
    with b.transactie() as db:
        db.execute("UPDATE afspraak SET vorige_id = ? WHERE id = ?", [d["af1"].id, opvolger.id])
    _trail(b, opvolger.id, "overgenomen", "2027-12-01T09:00:00", {})
    _trail(b, opvolger.id, "herformulering", "2027-12-02T09:00:00", {"actielijn": ["Bouwen in De Esch", "Bouwen in De Esch, fase 2"]})
    h = geschiedenis.afspraak_geschiedenis(b, opvolger.id)
    assert h.vorige == [("AF-001", "2026-2027")]
    assert [(s.code, s.periode, s.soort) for s in h.stappen[:3]] == [
        ("AF-003", "2028-2029", "herformulering"), ("AF-003", "2028-2029", "overgenomen"), ("AF-003", "2028-2029", "nieuw"),
    ]
    assert h.stappen[0].omschrijving == "herformuleerd"
    assert [(v.oud, v.nieuw) for v in h.stappen[0].velden] == [("Bouwen in De Esch", "Bouwen in De Esch, fase 2")]
    assert [s.code for s in h.stappen[3:]] == ["AF-001"] * 5, "then the life of the agreement it was carried over from"


def test_inzet_per_partij_telt_rollen_en_statussen(opzet) -> None:
    b, d = opzet
    agenda = notulen.agenda_voor_periode(b, "2026-2027")
    inzet = {p.code: p for p in geschiedenis.inzet_per_partij(b, agenda.id)}
    assert list(inzet) == ["GA", "DWP", "HVW", "HVD"]
    assert [(a.code, a.rol, a.status) for a in inzet["DWP"].afspraken] == [("AF-001", "trekker", "in uitvoering")]
    assert [(a.code, a.rol) for a in inzet["GA"].afspraken] == [("AF-001", "verantwoordelijk"), ("AF-002", "trekker")]
    assert [(a.code, a.rol) for a in inzet["HVW"].afspraken] == [("AF-001", "betrokken")]
    assert inzet["GA"].per_rol == {"trekker": {"afgesproken": 1}, "verantwoordelijk": {"in uitvoering": 1}, "betrokken": {}}
    assert inzet["HVD"].afspraken == [] and inzet["HVD"].acties == []
    # the action's own party, or else its person's party
    assert [(a.code, a.wie) for a in inzet["GA"].acties] == [("A-001", "Anne [/] Jansen")]
    assert [(a.code, a.wie) for a in inzet["HVW"].acties] == [("A-002", "")]
    notulen.zet_actiestatus(b, 1, notulen.ActieStatus.GEREED)
    inzet = {p.code: p for p in geschiedenis.inzet_per_partij(b, agenda.id)}
    assert inzet["GA"].actiestatus == {"gereed": 1}


def test_export_inzet(opzet, capsys: pytest.CaptureFixture[str]) -> None:
    b, d = opzet
    notulen.bewaar_afspraak(b, replace(notulen.afspraak_met_id(b, d["af1"].id), actielijn="Bouwen | *snel*"))
    gemaakt = export.maak("inzet", b, {"agenda": "2026-2027"})
    tekst = gemaakt.tekst
    assert gemaakt.kenmerk == "2026-2027"
    assert tekst.startswith("# Inzet per partij — uitvoeringsagenda Aalten 2026 t/m 2027\n")
    assert "De uitvoeringsagenda telt 2 afspraken." in tekst
    assert "| GA | 1 | 1 | 0 | 1 | 0 |" in tekst and "| DWP | 1 | 0 | 0 | 0 | 0 |" in tekst and "| HVW | 0 | 0 | 1 | 1 | 0 |" in tekst
    dwp = tekst[tekst.index("## De Woonplaats (DWP)"):tekst.index("## HV 't Walfort")]
    assert "| Nr. | Actielijn | Rol | Status |" in dwp
    assert r"| AF-001 | 1.1 Bouwen \| \*snel\* | trekker | in uitvoering |" in dwp, "user text escaped in the cell"
    assert "Geen actiepunten uit de overleggen van deze periode." in dwp
    ga = tekst[tekst.index("## Gemeente Aalten (GA)"):tekst.index("## De Woonplaats")]
    assert "Stand: afgesproken 1, in uitvoering 1." in ga
    assert "| A-001 | Grondprijs doorrekenen | Anne [/] Jansen | 30-04-2026 | open |" in ga.replace("\\[", "[").replace("\\]", "]")
    assert "Geen afspraken in deze uitvoeringsagenda." in tekst  # HVD
    assert export.titel_en_status(gemaakt) == ("Inzet per partij, uitvoeringsagenda gemeente Aalten 2026 t/m 2027", None)

    assert cli.main(["inzet", str(b.pad), "--agenda", "2026-2027"]) == 0  # read-only, beside the open file
    assert capsys.readouterr().out == tekst, "the command line writes the same document"
    assert cli.main(["inzet", str(b.pad), "--agenda", "2030-2031"]) != 0
    assert "De uitvoeringsagenda 2030-2031 staat niet in dit bestand. Wel: 2026-2027." in capsys.readouterr().err


def test_golden_inzet(demo_pad: Path) -> None:
    """The demo's Inzet per partij, kept in tests/golden and linked from the README as an example
    (regenerate on purpose with TRIPARTIET_GOLDEN=bijwerken, as the other golden files)."""
    golden = Path(__file__).parents[1] / "golden" / "inzet-demo.md"
    with Gemeentebestand.open(demo_pad, alleen_lezen=True) as b:
        tekst = export.maak("inzet", b, {"agenda": "2026-2027"}).tekst
    if os.environ.get("TRIPARTIET_GOLDEN") == "bijwerken":
        golden.write_bytes(tekst.encode("utf-8"))
    assert tekst.encode("utf-8") == golden.read_bytes(), "inzet-demo.md wijkt af van tests/golden; bewust veranderd?"


def test_toevoeging_na_vaststelling_staat_er_eenmaal_als_toevoeging(opzet) -> None:
    b, d = opzet
    toevoeging = notulen.bewaar_afspraak(b, Afspraak(
        agenda_id=d["af1"].agenda_id, subthema_nummer="1.1", actielijn="Tien tijdelijke woningen", overleg_id=d["o2"].id,
        na_vaststelling=1, verantwoordelijken=[d["ga"]]))
    _trail(b, toevoeging.id, "toevoeging", "2026-06-18T10:50:00", {}, overleg_id=d["o2"].id, reden="Spoedzoekers.")
    juni = next(m for m in geschiedenis.subthema_geschiedenis(b, "1.1", d["o3"].id) if m.overleg_id == d["o2"].id)
    assert [(s.code, s.omschrijving, s.reden) for s in juni.afspraken if s.code == toevoeging.code] == [
        (toevoeging.code, "toevoeging na vaststelling", "Spoedzoekers.")
    ]


def test_de_geschiedenis_van_een_subthema_zoekt_op_subthema_in_plaats_van_tabellen_heel_te_lezen(demo_pad: Path) -> None:
    """Every query of `h` on a subtheme finds its rows through an index: on a file of years of
    meetings a table read whole cost some 8 ms a time (schema 7 added the indexes)."""
    with Gemeentebestand.open(demo_pad) as b:
        gesteld: list[str] = []
        b.db.conn.set_trace_callback(lambda sql: gesteld.append(sql) if sql.lstrip().upper().startswith("SELECT") else None)
        try:
            geschiedenis.subthema_geschiedenis(b, "1.1")
        finally:
            b.db.conn.set_trace_callback(None)
        per_subthema = [sql for sql in gesteld if "subthema_nummer" in sql]
        assert len(per_subthema) >= 4, gesteld
        for sql in per_subthema:
            plan = " | ".join(regel[-1] for regel in b.db.execute("EXPLAIN QUERY PLAN " + sql, ["1.1"] * sql.count("?")).fetchall())
            assert not any(f"SCAN {tabel}" in plan for tabel in ("agendapunt", "afspraak", "actiepunt", "a ", "c ", "p ")), (sql, plan)
