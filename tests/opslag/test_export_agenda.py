"""The uitvoeringsagenda as a document to be signed: the framework quoted at the Lokaal level, the
trekker named, agreements ending outside the period flagged, the cycle in the right tense, derived
titles footnoted, and the title and status that Word and PDF print on every page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from opslag import export, notulen
from opslag.bestand import Gemeentebestand
from opslag.export import uitvoeringsagenda
from opslag.export.bouwstenen import verantwoordelijke
from opslag.export.omgeving import maak_markdown
from opslag.export.soorten import standaard_sjabloon
from opslag.modellen import Afspraak


@pytest.fixture
def bestand(demo_pad: Path):
    with Gemeentebestand.open(demo_pad) as b:
        yield b


def _vandaag(monkeypatch: pytest.MonkeyPatch, datum: dt.date) -> None:
    monkeypatch.setattr("opslag.datums.vandaag", lambda: datum)


def _concept(b: Gemeentebestand) -> None:
    """The demo's agenda is adopted; some tests are about one that is not (yet)."""
    b.db.conn.execute("UPDATE uitvoeringsagenda SET vastgesteld_op = NULL WHERE periode = '2026-2027'")


def _agenda(b: Gemeentebestand, **opties: bool) -> str:
    return export.exporteer_uitvoeringsagenda(b, "2026-2027", **opties)


def _sectie(tekst: str, kop: str) -> str:
    """From the heading `kop` (any level) up to the next heading."""
    begin = tekst.index(f" {kop}\n")
    einde = tekst.find("\n#", begin + 1)
    return tekst[begin : einde if einde > 0 else None]


def _werkwijze(tekst: str) -> list[str]:
    """The cycle's bullets, each as one line."""
    tokens = MarkdownIt("commonmark").parse(_sectie(tekst, "Werkwijze"))
    return [" ".join(t.content.split()) for t in tokens if t.type == "inline" and t.level == 3]


def _nieuwe_afspraak(b: Gemeentebestand, subthema: str, start: str, eind: str) -> None:
    agenda = export.kies_agenda(b, "2026-2027")[0]
    gz = b.partijen()[0].id
    notulen.bewaar_afspraak(b, Afspraak(agenda_id=agenda, subthema_nummer=subthema, actielijn="Proef", start=start,
                                        eind=eind, verantwoordelijken=[gz]))


# --- the framework quoted: Lokaal, with Regionaal beside it ------------------------------------------


def test_kader_citeert_lokaal_en_daarnaast_regionaal(bestand: Gemeentebestand) -> None:
    tekst = _agenda(bestand, met_kader=True)
    blok = _sectie(tekst, "1.1 Programmering sociale huur")
    lokaal = blok.index("> Uit het regionale kader, lokaal uit te werken:")
    regionaal = blok.index("> Regionaal afgesproken:")
    assert lokaal < blok.index("> - Gemeenten en corporaties spreken lokaal met elkaar af") < regionaal
    assert regionaal < blok.index("> - In Woondeal 1.1 wordt afgesproken") < blok.index("| Nr. |")
    # 3.2 has no regional agreements: the Lokaal level is what the local agreement works out.
    blok = _sectie(tekst, "3.2 Sociale samenhang en leefbaarheidsbudget\\*")
    assert "> - Gemeenten en corporaties bepalen samen hoe en waar ze het budget voor leefbaarheid inzetten." in blok
    assert "> - Geen regionale afspraken op dit subthema." in blok
    # A footnote referred to from the Lokaal level (4.3) is explained like the regional ones.
    assert "het warmtereductiepad⁶" in _sectie(tekst, "4.3 Sturen op warmtevraagreductie")
    assert "- ⁶ " in _sectie(tekst, "Voetnoten bij het regionale kader")


def test_kader_alleen_op_verzoek(bestand: Gemeentebestand) -> None:
    tekst = _agenda(bestand)
    assert "lokaal uit te werken" not in tekst and "Regionaal afgesproken" not in tekst


# --- the trekker -------------------------------------------------------------------------------------


def test_trekker_gemarkeerd_in_de_tabel(bestand: Gemeentebestand) -> None:
    tekst = _agenda(bestand)
    assert "| 2026 | 2027 | GZ (trekker), WDD; met HVZ |" in tekst  # AF-003: GZ leads, WDD shares
    assert "| Q1 2026 | Q4 2026 | WDD (trekker); met GZ, HVZ |" in tekst  # AF-004
    document = uitvoeringsagenda.bouw(bestand, "2026-2027")
    for thema in document.themas:
        for sub in thema.subthemas:
            for afspraak in sub.afspraken:
                assert afspraak.verantwoordelijke.startswith(f"{afspraak.verantwoordelijken[0]} (trekker)")
                assert afspraak.verantwoordelijke.count("(trekker)") == 1


@pytest.mark.parametrize(("verantwoordelijk", "betrokken", "tekst"), [
    (["WDD", "GZ"], ["HVZ"], "WDD (trekker), GZ; met HVZ"),
    (["GZ"], [], "GZ (trekker)"),
    ([], ["HVZ"], "met HVZ"),  # an older file may have an agreement without a responsible party
    ([], [], ""),
])
def test_verantwoordelijke_als_tekst(verantwoordelijk: list[str], betrokken: list[str], tekst: str) -> None:
    assert verantwoordelijke(verantwoordelijk, betrokken) == tekst


# --- an end outside the period -------------------------------------------------------------------------


def test_eind_na_de_periode_krijgt_een_noot(bestand: Gemeentebestand) -> None:
    tekst = _agenda(bestand)
    blok = _sectie(tekst, "4.3 Sturen op warmtevraagreductie")  # AF-007 runs until 2028
    assert "- AF-007: Jaarlijkse terugkoppeling aan gemeente en HVZ in het vierde kwartaal.\n\n" in blok
    assert ("  Het eind (2028) ligt na de looptijd van deze uitvoeringsagenda (2026 t/m 2027); "
            "de afspraak komt terug in de volgende uitvoeringsagenda.") in blok
    assert tekst.count("ligt na de looptijd") == 1  # Q4 2027 and 2027 lie within it


def test_eind_voor_de_periode_en_zonder_toelichting(bestand: Gemeentebestand) -> None:
    _nieuwe_afspraak(bestand, "1.7", "2025", "Q4 2025")
    _nieuwe_afspraak(bestand, "1.8", "2027", "01-01-2028")
    _nieuwe_afspraak(bestand, "1.2", "2026", "")
    tekst = _agenda(bestand)
    assert "- AF-009: Het eind (Q4 2025) ligt vóór de looptijd van deze uitvoeringsagenda (2026 t/m 2027).\n" in tekst
    assert "- AF-010: Het eind (01-01-2028) ligt na de looptijd van deze uitvoeringsagenda (2026 t/m 2027);" in tekst
    assert "AF-011:" not in tekst  # no end, nothing to flag


@pytest.mark.parametrize(("eind", "uitkomst"), [
    ("2027", ""), ("Q4 2027", ""), ("31-12-2027", ""), ("Q1 2026", ""), ("", ""),
    ("2028", "na"), ("01-01-2028", "na"), ("Q4 2025", "voor"), ("31-12-2025", "voor"),
    ("ooit", ""),  # an unreadable term in an old file: exported as it is, without a note
])
def test_eind_buiten_periode(eind: str, uitkomst: str) -> None:
    assert uitvoeringsagenda.eind_buiten_periode(eind, "2026-2027") == uitkomst


# --- the cycle: tense and the yearly bod ----------------------------------------------------------------


def test_cyclus_voor_de_periode_in_de_toekomende_tijd(bestand: Gemeentebestand, monkeypatch: pytest.MonkeyPatch) -> None:
    _vandaag(monkeypatch, dt.date(2025, 6, 30))
    _concept(bestand)
    assert _werkwijze(_agenda(bestand)) == [
        "vóór 1 juli 2025 brengen de corporaties hun bod uit op de woonvisie en het volkshuisvestingsprogramma van de gemeente;",
        "vóór 15 december 2025 stellen de partijen deze uitvoeringsagenda bestuurlijk vast;",
        "in 2026 evalueren de partijen de afspraken lokaal en brengen de corporaties vóór 1 juli 2026 hun bod voor 2027 uit;",
        "in 2027 evalueren de partijen de afspraken lokaal en brengen de corporaties vóór 1 juli 2027 hun bod voor de "
        "volgende uitvoeringsagenda uit;",
        "vóór 15 december 2027 stellen de partijen de volgende uitvoeringsagenda vast.",
    ]


def test_cyclus_midden_in_de_periode(bestand: Gemeentebestand, monkeypatch: pytest.MonkeyPatch) -> None:
    # On 1 July the bod of that year is due: from then on it is spoken of in the past.
    _vandaag(monkeypatch, dt.date(2026, 7, 1))
    _concept(bestand)
    regels = _werkwijze(_agenda(bestand))
    assert regels[0].startswith("vóór 1 juli 2025 hebben de corporaties hun bod uitgebracht op de woonvisie")
    # Not adopted in the file yet, although the agreed date has passed: said as it is.
    assert regels[1] == "de partijen stellen deze uitvoeringsagenda bestuurlijk vast; afgesproken was vóór 15 december 2025;"
    assert regels[2] == ("in 2026 hebben de partijen de afspraken lokaal geëvalueerd en hebben de corporaties "
                         "vóór 1 juli 2026 hun bod voor 2027 uitgebracht;")
    assert regels[3].startswith("in 2027 evalueren de partijen de afspraken lokaal en brengen de corporaties vóór 1 juli 2027")
    assert regels[4] == "vóór 15 december 2027 stellen de partijen de volgende uitvoeringsagenda vast."


def test_cyclus_na_de_periode_en_vastgesteld(bestand: Gemeentebestand, monkeypatch: pytest.MonkeyPatch) -> None:
    bestand.db.conn.execute("UPDATE uitvoeringsagenda SET vastgesteld_op = '2025-12-04' WHERE periode = '2026-2027'")
    _vandaag(monkeypatch, dt.date(2028, 1, 5))
    regels = _werkwijze(_agenda(bestand))
    assert regels[1] == "op 4 december 2025 hebben de partijen deze uitvoeringsagenda bestuurlijk vastgesteld;"
    assert regels[3].startswith("in 2027 hebben de partijen de afspraken lokaal geëvalueerd en hebben de corporaties vóór 1 juli 2027")
    assert regels[4] == "vóór 15 december 2027 hebben de partijen de volgende uitvoeringsagenda vastgesteld."
    assert not [r for r in regels if " brengen " in r or " stellen " in r or " evalueren " in r]


def test_cyclus_noemt_het_bod_van_elk_jaar(bestand: Gemeentebestand, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each year of the period, and the year before it, has its bod before 1 July."""
    for vandaag in (dt.date(2024, 1, 1), dt.date(2026, 11, 27), dt.date(2030, 1, 1)):
        _vandaag(monkeypatch, vandaag)
        regels = _werkwijze(_agenda(bestand))
        for jaar in (2025, 2026, 2027):
            assert len([r for r in regels if f"vóór 1 juli {jaar}" in r and " bod " in r]) == 1, (vandaag, jaar)


# --- a derived subtheme title ---------------------------------------------------------------------------


def test_afgeleide_titel_met_voetnoot_niet_in_de_kop(bestand: Gemeentebestand) -> None:
    tekst = _agenda(bestand)
    assert "afgeleide titel" not in tekst
    assert "\n### 3.2 Sociale samenhang en leefbaarheidsbudget\\*\n" in tekst
    voetnoten = _sectie(tekst, "Voetnoten bij het regionale kader")
    assert ("- \\* De tekst van het regionale kader geeft subthema 3.2 geen titel; "
            "de titel hier is afgeleid van de inhoud.") in voetnoten
    # Also when 3.2 has no agreement and is only listed.
    for tabel in ("afspraak_partij", "afspraak_wijziging"):
        bestand.db.conn.execute(f"DELETE FROM {tabel} WHERE afspraak_id IN (SELECT id FROM afspraak WHERE subthema_nummer = '3.2')")
    bestand.db.conn.execute("DELETE FROM afspraak WHERE subthema_nummer = '3.2'")
    tekst = _agenda(bestand)
    assert "\n- 3.2 Sociale samenhang en leefbaarheidsbudget\\*\n" in tekst and "geeft subthema 3.2 geen titel" in tekst


def test_voetnoot_afgeleide_titels_enkel_en_meervoud(bestand: Gemeentebestand) -> None:
    document = uitvoeringsagenda.bouw(bestand, "2026-2027")
    assert document.afgeleide_titels == ["3.2"]
    sjabloon = standaard_sjabloon("uitvoeringsagenda")
    geen = maak_markdown(document.model_copy(update={"afgeleide_titels": []}), sjabloon)
    assert "Voetnoten bij het regionale kader" not in geen and "geen titel" not in geen
    twee = maak_markdown(document.model_copy(update={"afgeleide_titels": ["1.3", "3.2"]}), sjabloon)
    assert "geeft de subthema's 1.3 en 3.2 geen titel; de titels hier zijn afgeleid van de inhoud." in twee


# --- title and status for Word and PDF --------------------------------------------------------------------


def test_titel_en_status(bestand: Gemeentebestand) -> None:
    _concept(bestand)
    document = uitvoeringsagenda.bouw(bestand, "2026-2027")
    assert document.titel == "Tweejarige uitvoeringsagenda gemeente Zonnedal (fictief) 2026 t/m 2027"
    assert document.status == "CONCEPT"
    assert _agenda(bestand).startswith(f"# {document.titel}\n")
    bestand.db.conn.execute("UPDATE uitvoeringsagenda SET vastgesteld_op = '2025-12-04' WHERE periode = '2026-2027'")
    assert uitvoeringsagenda.bouw(bestand, "2026-2027").status == "Vastgesteld op 04-12-2025"
