"""Adoption with signers, and the trail of an agreement after it: amendments, additions, rewordings."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from opslag import levensloop, notulen
from opslag.bestand import Gemeentebestand, nieuw_bestand
from opslag.fouten import OngeldigeInvoer
from opslag.levensloop import Grond
from opslag.modellen import Afspraak, AfspraakStatus, Besluit, Overleg


@pytest.fixture
def aalten(tmp_path: Path):
    pad = nieuw_bestand("aalten", tmp_path / "aalten.sqlite")
    with Gemeentebestand.open(pad) as bestand:
        agenda = notulen.agenda_voor_periode(bestand, "2026-2027")
        yield bestand, agenda.id


def _partijen(bestand: Gemeentebestand) -> dict[str, int]:
    return {p.code: p.id for p in bestand.partijen()}


def _afspraak(bestand: Gemeentebestand, agenda_id: int, **velden) -> Afspraak:
    p = _partijen(bestand)
    basis = dict(agenda_id=agenda_id, subthema_nummer="1.1", actielijn="Bouw van 40 sociale huurwoningen", doel="40 woningen",
                 start="2026", eind="Q4 2027", verantwoordelijken=[p["DWP"], p["GA"]], betrokkenen=[p["HVW"]])
    return notulen.bewaar_afspraak(bestand, Afspraak(**(basis | velden)))


def _stel_vast(bestand: Gemeentebestand, agenda_id: int) -> list[str]:
    p = _partijen(bestand)
    return levensloop.vaststellen(bestand, agenda_id, dt.date(2025, 12, 4), "Aalten", {
        p["GA"]: ("A. de Wethouder", "wethouder wonen"),
        p["DWP"]: ("B. Bestuurder", "directeur-bestuurder"),
        p["HVW"]: ("C. Voorzitter", "voorzitter, namens de huurdersverenigingen"),
    })


def _rijen(bestand: Gemeentebestand, sql: str, *parameters) -> list[tuple]:
    conn = sqlite3.connect(bestand.pad)
    try:
        return conn.execute(sql, parameters).fetchall()
    finally:
        conn.close()


def test_vaststellen_met_ondertekenaars_in_sqlite(aalten) -> None:
    bestand, agenda_id = aalten
    waarschuwingen = _stel_vast(bestand, agenda_id)
    assert _rijen(bestand, "SELECT vastgesteld_op, vastgesteld_te FROM uitvoeringsagenda WHERE id = ?", agenda_id) == [("2025-12-04", "Aalten")]
    assert _rijen(bestand, "SELECT p.code, o.naam, o.functie FROM ondertekenaar o JOIN partij p ON p.id = o.partij_id ORDER BY p.volgorde") == [
        ("GA", "A. de Wethouder", "wethouder wonen"),
        ("DWP", "B. Bestuurder", "directeur-bestuurder"),
        ("HVW", "C. Voorzitter", "voorzitter, namens de huurdersverenigingen"),
    ]
    # One party signs for both tenant associations: allowed, and said.
    assert len(waarschuwingen) == 1 and "(HVD)" in waarschuwingen[0] and "geen ondertekenaar" in waarschuwingen[0]
    assert _rijen(bestand, "SELECT actie, tabel FROM wijziging ORDER BY id DESC LIMIT 1") == [("vastgesteld", "uitvoeringsagenda")]
    assert [o.naam for o in levensloop.ondertekenaars(bestand, agenda_id)][0] == "A. de Wethouder"


def test_vaststelling_corrigeren_wordt_gelogd(aalten) -> None:
    bestand, agenda_id = aalten
    _stel_vast(bestand, agenda_id)
    p = _partijen(bestand)
    levensloop.vaststellen(bestand, agenda_id, dt.date(2025, 12, 11), "Aalten", {p["GA"]: ("A. de Wethouder", "wethouder")})
    assert _rijen(bestand, "SELECT vastgesteld_op FROM uitvoeringsagenda WHERE id = ?", agenda_id) == [("2025-12-11",)]
    assert _rijen(bestand, "SELECT count(*) FROM ondertekenaar") == [(1,)]
    gegevens = json.loads(_rijen(bestand, "SELECT gegevens FROM wijziging ORDER BY id DESC LIMIT 1")[0][0])
    assert gegevens["gecorrigeerd"]["vastgesteld_op"] == "2025-12-04"
    assert len(gegevens["gecorrigeerd"]["ondertekenaars"]) == 3


@pytest.mark.parametrize(("plaats", "naam", "functie", "veld"), [(" ", "Iemand", "", "plaats"), ("Aalten", "", "wethouder", "naam-")])
def test_vaststellen_ongeldig_laat_bestand_ongemoeid(aalten, plaats: str, naam: str, functie: str, veld: str) -> None:
    bestand, agenda_id = aalten
    p = _partijen(bestand)
    with pytest.raises(OngeldigeInvoer) as fout:
        levensloop.vaststellen(bestand, agenda_id, dt.date(2025, 12, 4), plaats, {p["GA"]: (naam, functie)})
    assert fout.value.veld.startswith(veld)
    assert _rijen(bestand, "SELECT vastgesteld_op FROM uitvoeringsagenda WHERE id = ?", agenda_id) == [(None,)]
    assert _rijen(bestand, "SELECT count(*) FROM ondertekenaar") == [(0,)]


def test_wijziging_na_vaststelling_vraagt_een_reden(aalten) -> None:
    bestand, agenda_id = aalten
    afspraak = _afspraak(bestand, agenda_id)
    _stel_vast(bestand, agenda_id)
    with pytest.raises(OngeldigeInvoer, match="vastgesteld op 4 december 2025; een wijziging heeft een reden nodig") as fout:
        notulen.bewaar_afspraak(bestand, replace(afspraak, eind="Q2 2028"))
    assert fout.value.veld == "reden"
    assert _rijen(bestand, "SELECT eind FROM afspraak") == [("Q4 2027",)]
    assert _rijen(bestand, "SELECT count(*) FROM afspraak_wijziging") == [(0,)]


def test_wijziging_na_vaststelling_legt_het_spoor_vast(aalten) -> None:
    bestand, agenda_id = aalten
    afspraak = _afspraak(bestand, agenda_id)
    _stel_vast(bestand, agenda_id)
    overleg = notulen.nieuw_overleg(bestand, Overleg(agenda_id=agenda_id, datum=dt.date(2026, 3, 12)), ["1.1"])
    besluit = notulen.bewaar_besluit(bestand, Besluit(overleg_id=overleg.id, tekst="Eind schuift een half jaar.", datum=overleg.datum))
    p = _partijen(bestand)
    gewijzigd = notulen.bewaar_afspraak(
        bestand,
        replace(afspraak, eind="Q2 2028", betrokkenen=[p["HVW"], p["HVD"]]),
        grond=Grond("Netcongestie: aansluiting later.", besluit.id, overleg.id),
    )
    assert gewijzigd.eind == "Q2 2028"
    rijen = _rijen(bestand, "SELECT id, afspraak_id, soort, datum, overleg_id, besluit_id, velden, reden FROM afspraak_wijziging")
    assert len(rijen) == 1
    wijziging_id, afspraak_id, soort, datum, overleg_id, besluit_id, velden, reden = rijen[0]
    assert (afspraak_id, soort, datum, overleg_id, besluit_id, reden) == (
        afspraak.id, "wijziging", "2026-03-12", overleg.id, besluit.id, "Netcongestie: aansluiting later.")
    assert json.loads(velden) == {"eind": ["Q4 2027", "Q2 2028"], "betrokkenen": [["HVW"], ["HVW", "HVD"]]}
    # The change-log line names the trail's row, so undoing the line removes it too.
    gegevens = json.loads(_rijen(bestand, "SELECT gegevens FROM wijziging WHERE tabel = 'afspraak' ORDER BY id DESC LIMIT 1")[0][0])
    assert gegevens["afspraak_wijziging"] == [wijziging_id]
    assert [w.soort for w in levensloop.wijzigingen(bestand, afspraak_id=afspraak.id)] == ["wijziging"]
    assert [w.id for w in levensloop.wijzigingen(bestand, agenda_id=agenda_id)] == [wijziging_id]


def test_alleen_status_is_geen_wijziging(aalten) -> None:
    bestand, agenda_id = aalten
    afspraak = _afspraak(bestand, agenda_id)
    _stel_vast(bestand, agenda_id)
    notulen.bewaar_afspraak(bestand, replace(afspraak, status=AfspraakStatus.IN_UITVOERING))
    assert _rijen(bestand, "SELECT status FROM afspraak") == [("in uitvoering",)]
    assert _rijen(bestand, "SELECT count(*) FROM afspraak_wijziging") == [(0,)]


def test_toevoeging_na_vaststelling(aalten) -> None:
    bestand, agenda_id = aalten
    _afspraak(bestand, agenda_id)
    _stel_vast(bestand, agenda_id)
    nieuw = _afspraak(bestand, agenda_id, subthema_nummer="3.2", actielijn="Buurthuis openhouden")
    assert nieuw.na_vaststelling == 1
    assert _rijen(bestand, "SELECT afspraak_id, soort, velden FROM afspraak_wijziging") == [(nieuw.id, "toevoeging", "{}")]
    # Edited later, before anything else: it stays an addition.
    notulen.bewaar_afspraak(bestand, replace(nieuw, status=AfspraakStatus.IN_UITVOERING))
    assert _rijen(bestand, "SELECT na_vaststelling FROM afspraak WHERE id = ?", nieuw.id) == [(1,)]


def test_herformulering_van_overgenomen_afspraak_in_concept(aalten) -> None:
    bestand, agenda_id = aalten
    oud = _afspraak(bestand, agenda_id)
    nieuwe_agenda = notulen.agenda_voor_periode(bestand, "2028-2029")
    overgenomen = _afspraak(bestand, nieuwe_agenda.id, vorige_id=oud.id)
    # A form does not carry vorige_id: it is kept as stored.
    zonder = replace(overgenomen, vorige_id=None, actielijn="Bouw van 40 sociale huurwoningen in De Esch")
    notulen.bewaar_afspraak(bestand, zonder)
    assert _rijen(bestand, "SELECT vorige_id FROM afspraak WHERE id = ?", overgenomen.id) == [(oud.id,)]
    assert _rijen(bestand, "SELECT afspraak_id, soort, velden FROM afspraak_wijziging") == [
        (overgenomen.id, "herformulering",
         json.dumps({"actielijn": ["Bouw van 40 sociale huurwoningen", "Bouw van 40 sociale huurwoningen in De Esch"]}))
    ]


def test_verwijderen_na_vaststelling_geweigerd(aalten) -> None:
    bestand, agenda_id = aalten
    afspraak = _afspraak(bestand, agenda_id)
    _stel_vast(bestand, agenda_id)
    with pytest.raises(OngeldigeInvoer, match="zet de status op vervallen"):
        notulen.verwijder(bestand, "afspraak", afspraak.id)
    assert _rijen(bestand, "SELECT count(*) FROM afspraak") == [(1,)]


def test_verwijderen_in_concept_mag(aalten) -> None:
    bestand, agenda_id = aalten
    afspraak = _afspraak(bestand, agenda_id)
    notulen.verwijder(bestand, "afspraak", afspraak.id)
    assert _rijen(bestand, "SELECT count(*) FROM afspraak") == [(0,)]


# --- the export ------------------------------------------------------------------------------------


def test_export_ondertekening_na_vaststelling(aalten) -> None:
    from opslag import export

    bestand, agenda_id = aalten
    _afspraak(bestand, agenda_id)
    concept = export.exporteer_uitvoeringsagenda(bestand, "2026-2027")
    assert "Naam en functie: ……" in concept and "Vastgesteld op …" in concept
    _stel_vast(bestand, agenda_id)
    tekst = export.exporteer_uitvoeringsagenda(bestand, "2026-2027")
    blok = tekst[tekst.index("## Vaststelling"):]
    assert "Vastgesteld op 4 december 2025 te Aalten door:" in blok
    assert "A. de Wethouder, wethouder wonen\\\nHandtekening: ……" in blok
    assert "C. Voorzitter, voorzitter, namens de huurdersverenigingen\\" in blok
    # The party without a signer keeps a line to sign.
    hvd = blok[blok.index("(HVD)"):]
    assert hvd.splitlines()[1].startswith("Naam en functie: ……")
    assert "## Wijzigingen na vaststelling" not in tekst


def test_export_toont_vastgestelde_tekst_en_het_spoor(aalten) -> None:
    from opslag import export

    bestand, agenda_id = aalten
    afspraak = _afspraak(bestand, agenda_id)
    _stel_vast(bestand, agenda_id)
    overleg = notulen.nieuw_overleg(bestand, Overleg(agenda_id=agenda_id, datum=dt.date(2026, 3, 12)), ["1.1"])
    besluit = notulen.bewaar_besluit(bestand, Besluit(overleg_id=overleg.id, tekst="Eind schuift.", datum=overleg.datum))
    notulen.bewaar_afspraak(bestand, replace(afspraak, eind="Q2 2028"), grond=Grond("Netcongestie.", besluit.id, overleg.id))
    toegevoegd = _afspraak(bestand, agenda_id, actielijn="Kleine woningen voor starters", overleg_id=overleg.id)
    tekst = export.exporteer_uitvoeringsagenda(bestand, "2026-2027")
    # The table keeps the signed text, marked; the change is listed under it with the current value.
    assert "| AF-001 (gewijzigd) | Bouw van 40 sociale huurwoningen | 40 woningen | 2026 | Q4 2027 |" in tekst
    assert "| AF-002 (toegevoegd) | Kleine woningen voor starters |" in tekst
    assert "Toegevoegd na vaststelling:\n\n- AF-002, 12-03-2026 (overleg 12-03-2026).\n" in tekst
    assert (
        "Gewijzigd na vaststelling:\n\n- AF-001, 12-03-2026 (overleg 12-03-2026, besluit B-001): "
        "Eind: Q4 2027 → Q2 2028. Reden: Netcongestie." in tekst
    )
    samenvatting = tekst[tekst.index("## Wijzigingen na vaststelling"):tekst.index("## Vaststelling")]
    assert "| AF-001 | 12-03-2026 (overleg 12-03-2026, besluit B-001) | Eind: Q4 2027 → Q2 2028 | Netcongestie. |" in samenvatting
    assert f"| {toegevoegd.code} | 12-03-2026 (overleg 12-03-2026) | toegevoegd: Kleine woningen voor starters |  |" in samenvatting


def test_verslag_zegt_bij_het_agendapunt_wat_er_veranderde_en_waarom(aalten) -> None:
    """The minutes of the meeting that amended an agreement said only 'AF-001 (gewijzigd)': the
    reason and the old value were in afspraak_wijziging, not in the minutes."""
    from opslag import export

    bestand, agenda_id = aalten
    afspraak = _afspraak(bestand, agenda_id)
    _stel_vast(bestand, agenda_id)
    p = _partijen(bestand)
    maart = notulen.nieuw_overleg(bestand, Overleg(agenda_id=agenda_id, datum=dt.date(2026, 3, 12)), ["1.1"])
    juni = notulen.nieuw_overleg(bestand, Overleg(agenda_id=agenda_id, datum=dt.date(2026, 6, 18)), ["1.1"])
    besluit = notulen.bewaar_besluit(bestand, Besluit(overleg_id=maart.id, tekst="Eind schuift.", datum=maart.datum))
    notulen.bewaar_afspraak(bestand, replace(afspraak, eind="Q2 2028", betrokkenen=[p["HVW"], p["HVD"]]),
                            grond=Grond("Netcongestie: de aansluiting komt later.", besluit.id, maart.id))
    toegevoegd = notulen.bewaar_afspraak(
        bestand, replace(afspraak, id=None, nummer=None, actielijn="Kleine woningen voor starters", overleg_id=juni.id),
        grond=Grond("Vraag van de huurders.", overleg_id=juni.id))
    assert _rijen(bestand, "SELECT soort, overleg_id, reden FROM afspraak_wijziging ORDER BY id") == [
        ("wijziging", maart.id, "Netcongestie: de aansluiting komt later."), ("toevoeging", juni.id, "Vraag van de huurders.")]

    verslag = export.exporteer_verslag(bestand, maart.id)
    punt = verslag[verslag.index("Subthema 1.1"):verslag.index("## Besluitenlijst")]
    assert "| AF-001 (gewijzigd) |" in punt
    assert (
        "Wijzigingen in de vastgestelde uitvoeringsagenda:\n\n- AF-001 wordt gewijzigd (besluit B-001): eind van Q4 2027 "
        "naar Q2 2028; betrokken van HVW naar HVW, HVD. Reden: Netcongestie: de aansluiting komt later.\n"
    ) in punt
    assert toegevoegd.code not in verslag

    # The next meeting's minutes tell their own change, not the earlier one.
    verslag = export.exporteer_verslag(bestand, juni.id)
    assert f"- {toegevoegd.code} wordt toegevoegd. Reden: Vraag van de huurders.\n" in verslag
    assert "Netcongestie" not in verslag and "AF-001 wordt gewijzigd" not in verslag


def test_export_noemt_overgenomen_afspraak(aalten) -> None:
    from opslag import export

    bestand, agenda_id = aalten
    oud = _afspraak(bestand, agenda_id)
    nieuwe_agenda = notulen.agenda_voor_periode(bestand, "2028-2029")
    _afspraak(bestand, nieuwe_agenda.id, vorige_id=oud.id, eind="Q4 2028")
    tekst = export.exporteer_uitvoeringsagenda(bestand, "2028-2029")
    assert "- AF-002: Overgenomen uit AF-001 (2026-2027)." in tekst


def test_vaststellen_haalt_stuurtekens_weg(aalten) -> None:
    bestand, agenda_id = aalten
    p = _partijen(bestand)
    levensloop.vaststellen(bestand, agenda_id, dt.date(2025, 12, 4), "Aal\x1bten ", {p["GA"]: ("  A.\x07 de  Wethouder", "wet\nhouder")})
    assert _rijen(bestand, "SELECT vastgesteld_te FROM uitvoeringsagenda WHERE id = ?", agenda_id) == [("Aalten",)]
    assert _rijen(bestand, "SELECT naam, functie FROM ondertekenaar") == [("A. de Wethouder", "wethouder")]


def test_agenda_in_beeld_van_het_overleg_anders_de_lopende_anders_geen(demo_pad: Path, tmp_path: Path) -> None:
    with Gemeentebestand.open(demo_pad) as b:
        overleg = notulen.overleggen(b)[-1]
        nieuw = notulen.agenda_voor_periode(b, "2028-2029")
        assert levensloop.agenda_in_beeld(b, overleg.id).id == overleg.agenda_id
        assert levensloop.agenda_in_beeld(b, None).periode == "2026-2027", "the one running today (2026)"
        assert nieuw.id != overleg.agenda_id
    pad = nieuw_bestand("Aalten", tmp_path / "aalten.sqlite")
    conn = sqlite3.connect(pad)
    conn.execute("DELETE FROM uitvoeringsagenda")
    conn.commit()
    conn.close()
    with Gemeentebestand.open(pad) as b:
        assert levensloop.agenda_in_beeld(b, None) is None
