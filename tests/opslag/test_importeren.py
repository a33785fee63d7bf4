"""Importing an existing uitvoeringsagenda: CSV as Excel writes it, Tripartiet's own Markdown,
all or nothing with a Dutch report per bad cell, asserted on the SQLite file."""

from __future__ import annotations

import re
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from opslag import export, importeren, notulen
from opslag.bestand import Gemeentebestand, nieuw_bestand
from opslag.import_lezen import ImportLeesFout
from opslag.modellen import Partij, PartijSoort

VOORBEELD = Path(__file__).parents[2] / "docs" / "voorbeeld_uitvoeringsagenda.csv"
KOP = "Subthema;Actielijn;Doel;Start;Eind;Verantwoordelijke;Betrokken;Status;Toelichting\r\n"


@pytest.fixture(scope="module")
def _aalten_sjabloon(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return nieuw_bestand("Aalten", tmp_path_factory.mktemp("aalten") / "aalten.sqlite")


@pytest.fixture
def aalten(_aalten_sjabloon: Path, tmp_path: Path) -> Path:
    pad = tmp_path / "aalten.sqlite"
    shutil.copyfile(_aalten_sjabloon, pad)
    return pad


def _rijen(pad: Path, sql: str, *parameters: object) -> list[tuple]:
    db = sqlite3.connect(pad)
    try:
        return db.execute(sql, parameters).fetchall()
    finally:
        db.close()


def _partijen(pad: Path, nummer: int) -> list[tuple[str, str]]:
    return _rijen(pad, "SELECT p.code, ap.rol FROM afspraak_partij ap JOIN partij p ON p.id = ap.partij_id "
                       "JOIN afspraak a ON a.id = ap.afspraak_id WHERE a.nummer = ? ORDER BY ap.volgorde", nummer)


def _importeer(pad: Path, tabel: Path, periode: str = "2026-2027") -> importeren.Voorstel:
    with Gemeentebestand.open(pad) as bestand:
        return importeren.importeer(bestand, tabel, periode)


def _mislukt(pad: Path, tabel: Path, periode: str = "2026-2027") -> importeren.ImportFout:
    with pytest.raises(importeren.ImportFout) as fout:
        _importeer(pad, tabel, periode)
    return fout.value


def test_excel_csv_puntkomma_windows_1252_crlf(aalten: Path) -> None:
    ruw = VOORBEELD.read_bytes()
    assert b"\r\n" in ruw and b";" in ruw.splitlines()[0]
    with pytest.raises(UnicodeDecodeError):
        ruw.decode("utf-8")  # the example stays as Excel on a Dutch PC writes it

    voorstel = _importeer(aalten, VOORBEELD)

    assert voorstel.gedaan() == "13 afspraken geïmporteerd in de uitvoeringsagenda 2026-2027 (AF-001 t/m AF-013)."
    rijen = _rijen(aalten, "SELECT nummer, subthema_nummer, actielijn, doel, doel_aantal, start, eind, status, toelichting "
                           "FROM afspraak ORDER BY nummer")
    assert len(rijen) == 13
    assert rijen[0] == (1, "1.1", "Nieuwbouw sociale huurwoningen in plan Lindeboom, Dinxperlo", "24 woningen", 24.0,
                        "2026", "Q4 2027", "afgesproken", "Waarvan minimaal 8 levensloopgeschikt.\nOplevering in twee fasen.")
    assert rijen[3][1] == "1.7"  # 'Middenhuur': the subtheme by its title
    assert rijen[5][8] == "Aansluiten bij ‘Geldzorgen de baas’ van de gemeente."
    assert rijen[8][2] == "Buurtconciërge in de wijk Haartsestraat/Zuid"
    assert rijen[9][3:5] == ("€ 25.000 per jaar", 25000.0)
    assert rijen[11][7] == "in uitvoering"
    # By name, the trekker marked: 'Gemeente Aalten (trekker), De Woonplaats' with 'HVW, HVD' involved.
    assert _partijen(aalten, 5) == [("GA", "verantwoordelijk"), ("DWP", "verantwoordelijk"),
                                    ("HVW", "betrokken"), ("HVD", "betrokken")]
    log = _rijen(aalten, "SELECT tabel, actie, gegevens FROM wijziging")
    assert len(log) == 1 and log[0][:2] == ("afspraak", "geimporteerd")
    assert '"aantal": 13' in log[0][2] and "voorbeeld_uitvoeringsagenda.csv" in log[0][2]


def test_utf8_met_bom_komma_en_losse_kopnamen(aalten: Path, tmp_path: Path) -> None:
    tabel = tmp_path / "agenda.csv"
    tabel.write_bytes(
        "\ufeffUitvoeringsagenda Aalten 2026-2027,,,,,,\n"
        "Nr.,SUBTHEMA,Actielijn,Doel,Start ,Eind,Verantwoordelijke(n)\n"
        '1,1.1,"Bouw, met komma",40 woningen,q3 2026,31-12-2027,"DWP (trekker), GA; met HVW"\n'
        "2,Betaalbaarheid,Vroegsignalering,,2026,,de woonplaats\n".encode("utf-8")
    )
    with Gemeentebestand.open(aalten, alleen_lezen=True) as bestand:
        proef = importeren.controleer(bestand, tabel, "2026-2027")
    assert proef.tabel.koppen == {"subthema": "SUBTHEMA", "actielijn": "Actielijn", "doel": "Doel", "start": "Start",
                                  "eind": "Eind", "verantwoordelijke": "Verantwoordelijke(n)", "nr": "Nr."}
    voorstel = _importeer(aalten, tabel)
    assert voorstel.tabel.beschrijving == "komma, UTF-8"
    assert _rijen(aalten, "SELECT subthema_nummer, actielijn, start, eind FROM afspraak ORDER BY nummer") == [
        ("1.1", "Bouw, met komma", "Q3 2026", "31-12-2027"), ("1.10", "Vroegsignalering", "2026", "")]
    assert _partijen(aalten, 1) == [("DWP", "verantwoordelijk"), ("GA", "verantwoordelijk"), ("HVW", "betrokken")]
    assert _partijen(aalten, 2) == [("DWP", "verantwoordelijk")]


def test_cel_over_meerdere_regels_en_regelnummers_daarna(aalten: Path, tmp_path: Path) -> None:
    tabel = tmp_path / "agenda.csv"
    tabel.write_bytes((KOP + '1.1;Bouw;;2026;2027;DWP;;;"Eerste regel\nTweede regel\n\nNieuwe alinea"\r\n'
                       "1.5;Splitsen;;2026;2027;GX;;;\r\n").encode("cp1252"))
    fout = _mislukt(aalten, tabel)
    assert [str(m) for m in fout.voorstel.meldingen] == [
        "regel 6, kolom Verantwoordelijke: 'GX' is geen partij van dit bestand; bekend zijn GA, DWP, HVW, HVD (afkorting of naam)."]
    tabel.write_bytes(tabel.read_bytes().replace(b"GX", b"GA"))
    _importeer(aalten, tabel)
    assert _rijen(aalten, "SELECT toelichting FROM afspraak WHERE nummer = 1") == [("Eerste regel\nTweede regel\n\nNieuwe alinea",)]


def test_drie_foute_regels_niets_opgeslagen_drie_meldingen(aalten: Path, tmp_path: Path) -> None:
    tabel = tmp_path / "agenda.csv"
    tabel.write_bytes((
        KOP
        + "1.1;Bouw van sociale huur;40 woningen;2026;2027;DWP;;;\r\n"
        + "1.5;Splitsen;;2026;2027;GX;;;\r\n"
        + "1.9;Verhuiscoach;;2026;2027;GA;;;\r\n"
        + "1.10;Vroegsignalering;;volgend jaar;2027;GA;;;\r\n"
        + "3.1;Buurtconciërge;;2026;2027;DWP;;;\r\n"
        + "9.9;Iets;;2026;2027;GA;;;\r\n"
    ).encode("cp1252"))
    voor = aalten.read_bytes()

    fout = _mislukt(aalten, tabel)

    meldingen = fout.voorstel.meldingen
    assert [(m.regel, m.kolom) for m in meldingen] == [(3, "Verantwoordelijke"), (5, "Start"), (7, "Subthema")]
    assert "'GX' is geen partij van dit bestand; bekend zijn GA, DWP, HVW, HVD" in meldingen[0].tekst
    assert "'volgend jaar' is geen jaar, kwartaal of datum" in meldingen[1].tekst
    assert "subthema 9.9 staat niet in het kader" in meldingen[2].tekst
    assert str(fout).splitlines()[0] == (
        "Niets geïmporteerd: agenda.csv heeft 3 fouten in 3 regels. Verbeter ze en probeer het opnieuw:")
    assert _rijen(aalten, "SELECT count(*) FROM afspraak") == [(0,)]
    assert _rijen(aalten, "SELECT count(*) FROM wijziging") == [(0,)]
    assert _rijen(aalten, "SELECT laatste FROM nummering WHERE soort = 'afspraak'") == [(0,)]
    assert aalten.read_bytes() == voor


def test_elke_foute_cel_van_een_regel_gemeld_onder_de_eigen_kopnaam(aalten: Path, tmp_path: Path) -> None:
    tabel = tmp_path / "agenda.csv"
    tabel.write_bytes((KOP.replace("Verantwoordelijke", "Trekker") + "Nergens;;;2027;2026;;;klaar;\r\n").encode("cp1252"))
    meldingen = _mislukt(aalten, tabel).voorstel.meldingen
    assert [m.kolom for m in meldingen] == ["Subthema", "Actielijn", "Eind", "Trekker", "Status"]
    assert "Eind (2026) ligt vóór Start (2027)" in meldingen[2].tekst
    assert meldingen[4].tekst == "'klaar' is geen status; verwacht afgesproken, in uitvoering, gereed, vertraagd, vervallen"


def test_tweede_import_van_hetzelfde_bestand_slaat_niets_op(aalten: Path) -> None:
    _importeer(aalten, VOORBEELD)
    fout = _mislukt(aalten, VOORBEELD)
    assert len(fout.voorstel.meldingen) == 13
    assert str(fout.voorstel.meldingen[0]) == (
        "regel 2, kolom Actielijn: deze afspraak staat al in de uitvoeringsagenda 2026-2027 (AF-001, subthema 1.1); "
        "verwacht een afspraak die er nog niet in staat.")
    assert _rijen(aalten, "SELECT count(*), max(nummer) FROM afspraak") == [(13, 13)]
    assert _rijen(aalten, "SELECT count(*) FROM wijziging") == [(1,)]


def test_dubbele_regel_in_het_bestand_zelf(aalten: Path, tmp_path: Path) -> None:
    tabel = tmp_path / "agenda.csv"
    tabel.write_bytes((KOP + "1.1;Bouw;;;;DWP;;;\r\n1.1;  bouw ;;;;GA;;;\r\n").encode("cp1252"))
    assert [str(m) for m in _mislukt(aalten, tabel).voorstel.meldingen] == [
        "regel 3, kolom Actielijn: dezelfde afspraak (subthema 1.1, zelfde actielijn) staat al op regel 2."]


def _zonnedal_zonder_afspraken(pad: Path) -> Path:
    """A fresh file with the demo's parties, so the demo's export can be read into it."""
    nieuw_bestand("Zonnedal (fictief)", pad)
    with Gemeentebestand.open(pad) as b:
        notulen.bewaar_partij(b, replace(b.partijen()[0], naam="Gemeente Zonnedal", code="GZ"))
        notulen.bewaar_partij(b, Partij(naam="Woonstichting De Dorpsweide", code="WDD", soort=PartijSoort.CORPORATIE, volgorde=1))
        notulen.bewaar_partij(b, Partij(naam="Huurdersvereniging Zonnedal", code="HVZ", soort=PartijSoort.HUURDERS, volgorde=2))
    return pad


_AFSPRAKEN = """
    SELECT a.subthema_nummer, a.actielijn, a.doel, a.doel_aantal, a.doel_eenheid, a.start, a.eind, a.status, a.toelichting,
        (SELECT group_concat(code_rol, ' ') FROM (SELECT p.code || ':' || ap.rol AS code_rol FROM afspraak_partij ap
         JOIN partij p ON p.id = ap.partij_id WHERE ap.afspraak_id = a.id ORDER BY ap.volgorde))
    FROM afspraak a ORDER BY a.subthema_nummer, a.actielijn"""


@pytest.mark.parametrize("met_status", [True, False])
def test_rondje_via_de_markdown_export(demo_pad: Path, tmp_path: Path, met_status: bool) -> None:
    with Gemeentebestand.open(demo_pad) as demo:
        _niet_vastgesteld(demo)  # the export then shows the agreements as they are now
        if not met_status:  # without a Status column, 'AF-004 (vervallen)' carries it
            demo.db.execute("UPDATE afspraak SET status = 'vervallen' WHERE nummer = 4")
        markdown = export.exporteer_uitvoeringsagenda(demo, "2026-2027", met_status=met_status)
    tabel = tmp_path / "uitvoeringsagenda.md"
    tabel.write_text(markdown, encoding="utf-8")
    nieuw = _zonnedal_zonder_afspraken(tmp_path / "zonnedal.sqlite")

    voorstel = _importeer(nieuw, tabel)

    assert len(voorstel.afspraken) == 8
    if met_status:
        assert _rijen(nieuw, _AFSPRAKEN) == _rijen(demo_pad, _AFSPRAKEN)
    else:  # the table shows only 'vervallen'; any other status comes in as afgesproken
        def zonder_status(pad: Path) -> list[tuple]:
            return [(*r[:7], r[7] == "vervallen", *r[8:]) for r in _rijen(pad, _AFSPRAKEN)]

        assert zonder_status(nieuw) == zonder_status(demo_pad)
        assert [r[7] for r in _rijen(nieuw, _AFSPRAKEN)].count("vervallen") == 1
    with Gemeentebestand.open(nieuw) as b:
        opnieuw = export.exporteer_uitvoeringsagenda(b, "2026-2027", met_status=met_status)
    # The same document, but for the numbers: the new file numbers its agreements itself.
    assert _zonder_codes(opnieuw) == _zonder_codes(markdown)


def _niet_vastgesteld(demo: Gemeentebestand) -> None:
    for sql in ("UPDATE uitvoeringsagenda SET vastgesteld_op = NULL, vastgesteld_te = NULL", "DELETE FROM ondertekenaar",
                "DELETE FROM afspraak_wijziging", "UPDATE afspraak SET na_vaststelling = NULL"):
        demo.db.execute(sql)


def test_export_van_een_vastgestelde_agenda_leest_de_getekende_tekst(demo_pad: Path, tmp_path: Path) -> None:
    """The demo's agenda is adopted, with AF-001's end amended (Q4 2027 → Q2 2028) and AF-008 added:
    its export shows the signed text with '(gewijzigd)'/'(toegevoegd)' marks; reading it back brings in
    the signed agenda, the marks are no status."""
    with Gemeentebestand.open(demo_pad) as demo:
        markdown = export.exporteer_uitvoeringsagenda(demo, "2026-2027")
    assert "AF-001 (gewijzigd)" in markdown and "(toegevoegd)" in markdown
    tabel = tmp_path / "getekend.md"
    tabel.write_text(markdown, encoding="utf-8")
    nieuw = _zonnedal_zonder_afspraken(tmp_path / "zonnedal.sqlite")
    voorstel = _importeer(nieuw, tabel)
    assert len(voorstel.afspraken) == 8
    with Gemeentebestand.open(nieuw) as b:
        eerste = next(a for a in notulen.afspraken(b) if a.actielijn.startswith("Bouw van sociale huurwoningen"))
    assert (eerste.eind, eerste.status.value) == ("Q4 2027", "afgesproken")


def _zonder_codes(markdown: str) -> list[str]:
    return sorted(re.sub(r"AF-\d{3}", "AF-x", regel) for regel in markdown.splitlines())


def test_proef_slaat_niets_op(aalten: Path) -> None:
    voor = aalten.read_bytes()
    with Gemeentebestand.open(aalten, alleen_lezen=True) as bestand:
        voorstel = importeren.controleer(bestand, VOORBEELD, "2028-2029")
    assert voorstel.in_orde and voorstel.agenda_nieuw
    assert voorstel.overzicht()[:3] == [
        "voorbeeld_uitvoeringsagenda.csv (CSV, puntkomma, Windows-1252): 13 afspraken voor de uitvoeringsagenda "
        "2028-2029 (wordt gemaakt, als concept).",
        "1.1 Programmering sociale huur",
        "  AF-001  Nieuwbouw sociale huurwoningen in plan Lindeboom, Dinxperlo  2026 – Q4 2027  trekker DWP",
    ]
    assert aalten.read_bytes() == voor
    assert not aalten.with_name("aalten.sqlite-wal").exists()


def test_nieuwe_periode_wordt_gemaakt_als_concept_in_dezelfde_transactie(aalten: Path) -> None:
    _importeer(aalten, VOORBEELD, "2028-2029")
    assert _rijen(aalten, "SELECT periode, vastgesteld_op FROM uitvoeringsagenda ORDER BY periode") == [
        ("2026-2027", None), ("2028-2029", None)]
    assert _rijen(aalten, "SELECT count(DISTINCT agenda_id) FROM afspraak") == [(1,)]
    assert _rijen(aalten, "SELECT count(*) FROM wijziging") == [(1,)]


def test_periode_buiten_het_kader_alleen_bewust(aalten: Path) -> None:
    """The import made an agenda for any two years (2030-2031 after a framework 2026 t/m 2029, or
    2027-2028 across 2026-2027), where `tripartiet periode` asks for the explicit choice."""
    from opslag import perioden
    from opslag.fouten import OngeldigeInvoer

    with Gemeentebestand.open(aalten, alleen_lezen=True) as bestand:
        with pytest.raises(perioden.BuitenKader) as fout:
            importeren.controleer(bestand, VOORBEELD, "2030-2031")
    assert str(fout.value) == (
        "De uitvoeringsagenda 2030-2031 staat niet in dit bestand en 2030-2031 is geen periode van het kader "
        "2026 t/m 2029 (dat zijn 2026-2027, 2028-2029). Kies een van die perioden, of importeer bewust in een "
        "periode buiten het kader. Er is niets geïmporteerd.")
    for periode in ("2030-2031", "2027-2028"):
        with pytest.raises(OngeldigeInvoer):
            _importeer(aalten, VOORBEELD, periode)
    assert _rijen(aalten, "SELECT periode FROM uitvoeringsagenda") == [("2026-2027",)]
    assert _rijen(aalten, "SELECT count(*) FROM afspraak") == [(0,)]
    assert _rijen(aalten, "SELECT count(*) FROM wijziging") == [(0,)]

    with Gemeentebestand.open(aalten) as bestand:
        voorstel = importeren.importeer(bestand, VOORBEELD, "2030-2031", buiten_kader=True)
    assert voorstel.gedaan() == "13 afspraken geïmporteerd in de uitvoeringsagenda 2030-2031 (AF-001 t/m AF-013)."
    assert _rijen(aalten, "SELECT periode FROM uitvoeringsagenda ORDER BY periode") == [("2026-2027",), ("2030-2031",)]
    # The agenda exists now: a second import into it needs no second explicit choice.
    with Gemeentebestand.open(aalten, alleen_lezen=True) as bestand:
        assert importeren.controleer(bestand, VOORBEELD, "2030-2031").meldingen  # (all 13 are there already)


def test_vastgestelde_agenda_geweigerd(aalten: Path) -> None:
    db = sqlite3.connect(aalten)
    db.execute("UPDATE uitvoeringsagenda SET vastgesteld_op = '2025-12-04' WHERE periode = '2026-2027'")
    db.commit()
    db.close()
    with pytest.raises(importeren.ImportGeweigerd, match=r"al vastgesteld \(op 04-12-2025\)"):
        _importeer(aalten, VOORBEELD)
    assert _rijen(aalten, "SELECT count(*) FROM afspraak") == [(0,)]


def test_fout_halverwege_het_opslaan_laat_niets_achter(aalten: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from opslag import invoermodellen

    echt = invoermodellen.valideer
    teller = iter(range(100))

    def derde_faalt(rij):  # noqa: ANN001, ANN202
        if next(teller) == 2:
            raise RuntimeError("schijf vol")
        return echt(rij)

    monkeypatch.setattr(invoermodellen, "valideer", derde_faalt)
    with pytest.raises(RuntimeError):
        _importeer(aalten, VOORBEELD)
    assert _rijen(aalten, "SELECT count(*) FROM afspraak") == [(0,)]
    assert _rijen(aalten, "SELECT count(*) FROM afspraak_partij") == [(0,)]
    assert _rijen(aalten, "SELECT laatste FROM nummering WHERE soort = 'afspraak'") == [(0,)]


@pytest.mark.parametrize(("inhoud", "melding"), [
    (b"Dit is een brief, geen tabel.\nMet vriendelijke groet", "geen tabel gevonden"),
    (b"\x00\x01SQLite format 3\x00", "dit is geen tekstbestand"),
    ("Subthema;Actielijn;Doel\r\n1.1;Bouw;\r\n".encode("cp1252"), "de kolom Verantwoordelijke ontbreekt in de kopregel"),
    ("Actielijn;Verantwoordelijke\r\nBouw;GA\r\n".encode("cp1252"), "de kolom Subthema ontbreekt"),
    ("Subthema;Actielijn;Verantwoordelijke\r\n".encode("cp1252"), "geen afspraken gevonden"),
])
def test_geen_bruikbare_tabel(aalten: Path, tmp_path: Path, inhoud: bytes, melding: str) -> None:
    tabel = tmp_path / "tabel.csv"
    tabel.write_bytes(inhoud)
    with pytest.raises(ImportLeesFout, match=melding) as fout:
        _importeer(aalten, tabel)
    assert str(fout.value).startswith(str(tabel))
    assert _rijen(aalten, "SELECT count(*) FROM wijziging") == [(0,)]


def test_bestand_ontbreekt_of_is_een_map(aalten: Path, tmp_path: Path) -> None:
    with pytest.raises(ImportLeesFout, match="het bestand bestaat niet"):
        _importeer(aalten, tmp_path / "nergens.csv")
    with pytest.raises(ImportLeesFout, match="dit is een map"):
        _importeer(aalten, tmp_path)
