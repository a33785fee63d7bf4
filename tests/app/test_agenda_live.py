"""The agenda of a running meeting changes: add 1.7 and a free item, remove an empty item, move
one, go to a standing item; each checked in the SQLite file itself."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from opslag import agenda, notulen
from opslag.bestand import Gemeentebestand, nieuw_bestand
from opslag.export import exporteer_verslag
from opslag.fouten import AlleenLezen, OngeldigeInvoer
from opslag.ongedaan import ongedaan_maken
from opslag.schema import SCHEMA_VERSIE
from tests.hulp import terug_naar_versie_2, schermtekst
from tui.app import TripartietApp


def _agenda(pad: Path, overleg_id: int) -> list[str]:
    """The agenda as stored: subtheme number, free title or standing kind, in order."""
    conn = sqlite3.connect(pad)
    try:
        return [
            r[0] for r in conn.execute(
                "SELECT COALESCE(subthema_nummer, titel, soort) FROM agendapunt WHERE overleg_id = ? ORDER BY volgorde",
                [overleg_id],
            )
        ]
    finally:
        conn.close()


def _rij(pad: Path, sql: str, parameters: list) -> tuple | None:
    conn = sqlite3.connect(pad)
    try:
        return conn.execute(sql, parameters).fetchone()
    finally:
        conn.close()


def _positie(app: TripartietApp) -> str:
    return schermtekst(app.screen.query_one("#positie"))


async def _palet(pilot, tekst: str) -> None:
    await pilot.press("ctrl+p", *tekst)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


async def test_1_7_en_een_vrij_punt_vanuit_het_palet_met_een_besluit_in_het_verslag(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        overleg_id = app.screen.overleg_id
        voor = _agenda(demo_pad, overleg_id)
        assert "1.7" not in voor

        await _palet(pilot, "zet op de agenda 1.7")
        na = _agenda(demo_pad, overleg_id)
        assert na == voor[:-2] + ["1.7", "rondvraag", "sluiting"], "between the subjects and the rondvraag"
        assert "1.7 Middenhuur" in _positie(app), "the meeting goes on at the item just added"

        await _palet(pilot, "vrij agendapunt")
        assert type(app.screen).__name__ == "VrijPuntFormulier"
        await pilot.press(*"Presentatie wijkvisie", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm"
        assert _agenda(demo_pad, overleg_id)[-4:] == ["1.7", "Presentatie wijkvisie", "rondvraag", "sluiting"]
        assert "Presentatie wijkvisie" in _positie(app)
        assert "Presentatie wijkvisie" in schermtekst(app.screen.query_one("#agenda"))

        # A decision on the free item, as on any item; an agreement needs a subtheme, and says so.
        await pilot.press("escape", "b")
        await pilot.pause()
        await pilot.press(*"De wijkvisie wordt in maart vastgesteld", "enter")
        await pilot.pause()
        punt_id = _rij(demo_pad, "SELECT id FROM agendapunt WHERE titel = 'Presentatie wijkvisie'", [])[0]
        assert _rij(demo_pad, "SELECT tekst FROM besluit WHERE agendapunt_id = ?", [punt_id]) == (
            "De wijkvisie wordt in maart vastgesteld",
        )
        await pilot.press("a")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm"
        assert any("horen bij een subthema" in str(n.message) for n in app._notifications)

        tekst = exporteer_verslag(app.bestand, overleg_id)
    koppen = [regel for regel in tekst.splitlines() if regel.startswith("## ")]
    eind = koppen.index("## Besluitenlijst")
    assert [k.split(". ", 1)[1] for k in koppen[eind - 4 : eind]] == [
        "Subthema 1.7 Middenhuur", "Presentatie wijkvisie", "Rondvraag", "Sluiting",
    ]
    blok = tekst.split("Presentatie wijkvisie", 1)[1].split("## ", 1)[0]
    assert ": De wijkvisie wordt in maart vastgesteld" in blok


async def test_zet_op_de_agenda_vanuit_het_kader(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        overleg_id = app.screen.overleg_id
        await _palet(pilot, "1.3")  # 'ga naar subthema 1.3': not on this agenda, so its framework
        assert type(app.screen).__name__ == "KaderScherm"
        assert any("z: zet het op de agenda" in str(n.message) for n in app._notifications)
        await pilot.press("z")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm"
        assert _agenda(demo_pad, overleg_id)[-3:] == ["1.3", "rondvraag", "sluiting"]
        assert "1.3 Betaalbare grondprijs" in _positie(app)

        await _palet(pilot, "1.3")  # now on the agenda: the palette goes there, no framework screen
        assert type(app.screen).__name__ == "OverlegScherm"


async def test_een_leeg_punt_van_de_agenda_halen_en_terugzetten(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        overleg_id = app.screen.overleg_id
        voor = _agenda(demo_pad, overleg_id)
        await _palet(pilot, "4.2")  # nothing recorded there in the demo
        await pilot.press("escape", "delete")
        await pilot.pause()
        assert type(app.screen).__name__ == "BevestigScherm"
        await pilot.press("j")
        await pilot.pause()
        assert "4.2" not in _agenda(demo_pad, overleg_id)
        assert "Rondvraag" in _positie(app), "on at the item that took its place"
        assert _rij(demo_pad, "SELECT huidig_punt_id = (SELECT id FROM agendapunt WHERE soort = 'rondvraag' AND overleg_id = ?) "
                    "FROM overleg WHERE id = ?", [overleg_id, overleg_id]) == (1,)

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert _agenda(demo_pad, overleg_id) == voor, "back at its place"


async def test_een_punt_met_inhoud_of_een_vast_punt_blijft(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        overleg_id = app.screen.overleg_id
        voor = _agenda(demo_pad, overleg_id)
        await _palet(pilot, "3.2")  # AF-008, B-005, A-008 and a note
        await pilot.press("escape", "delete")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm", "refused before asking"
        melding = str(list(app._notifications)[-1].message)
        assert "heeft inhoud (aantekeningen, 1 besluit, 1 actiepunt, 1 afspraak)" in melding
        await _palet(pilot, "ga naar rondvraag")
        assert "Rondvraag" in _positie(app)
        await pilot.press("escape", "delete")
        await pilot.pause()
        assert "Rondvraag is een vast punt" in str(list(app._notifications)[-1].message)
        assert _agenda(demo_pad, overleg_id) == voor


async def test_volgorde_wijzigen_met_alt_pijlen_binnen_de_onderwerpen(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        overleg_id = app.screen.overleg_id
        voor = _agenda(demo_pad, overleg_id)
        await _palet(pilot, "4.2")
        await pilot.press("escape", "alt+up")
        await pilot.pause()
        na = _agenda(demo_pad, overleg_id)
        i = voor.index("4.2")
        assert na[i - 1 : i + 1] == ["4.2", voor[i - 1]]
        assert "4.2 Netcongestie" in _positie(app), "still on the item moved"
        await pilot.press("alt+down", "alt+down")  # the second would pass the rondvraag
        await pilot.pause()
        assert _agenda(demo_pad, overleg_id) == voor
        assert "vaste punten blijven op hun plaats" in str(list(app._notifications)[-1].message)


async def test_palet_gaat_naar_de_vaste_punten(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _palet(pilot, "rondvraag")
        assert "Rondvraag" in _positie(app)
        await _palet(pilot, "mededelingen")
        assert "Mededelingen" in _positie(app)


async def test_nieuw_overleg_alles_uit_en_een_subthema_aan(tmp_path: Path) -> None:
    pad = nieuw_bestand("Aalten", tmp_path / "aalten.sqlite")
    app = TripartietApp(pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#periode").value = "2026-2027"
        keuze = app.screen.query_one("#subthemas")
        keuze.focus()
        await pilot.press("u")
        assert keuze.selected == []
        await pilot.press("a")
        assert len(keuze.selected) == 25
        await pilot.press("u", "down", "space")  # only the second: 1.2
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm"
        overleg_id = app.screen.overleg_id
    assert _agenda(pad, overleg_id) == [
        "opening", "mededelingen", "verslag", "actielijst", "1.2", "rondvraag", "sluiting",
    ]


def test_opslag_weigert_met_een_nederlandse_reden(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        overleg_id = notulen.laatste_overleg(bestand).id
        for kwargs, melding in (
            ({"subthema": "1.1"}, "staat al op de agenda"),
            ({"subthema": "9.9"}, "staat niet in het kader"),
            ({"titel": "  "}, "is verplicht"),
            ({"titel": "x" * 201}, "te lang"),
        ):
            with pytest.raises(OngeldigeInvoer, match=melding):
                agenda.voeg_punt_toe(bestand, overleg_id, **kwargs)
        vrij = agenda.voeg_punt_toe(bestand, overleg_id, titel="Presentatie\twijkvisie")
        assert vrij.titel == "Presentatie wijkvisie"
    assert _rij(demo_pad, "SELECT count(*) FROM wijziging WHERE tabel = 'agendapunt' AND actie = 'nieuw'", []) == (1,)


def test_een_bestand_van_versie_2_krijgt_de_titelkolom(tmp_path: Path) -> None:
    pad = nieuw_bestand("Aalten", tmp_path / "aalten.sqlite")
    terug_naar_versie_2(pad)
    with Gemeentebestand.open(pad) as bestand:  # the content check does not ask a v2 file for it
        assert bestand.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSIE
        kolommen = {r[1] for r in bestand.db.execute("PRAGMA table_info(agendapunt)")}
    assert "titel" in kolommen


def test_verwijderd_vrij_punt_komt_terug_op_zijn_plaats_en_alleen_lezen_weigert(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        overleg_id = notulen.laatste_overleg(bestand).id
        vrij = agenda.voeg_punt_toe(bestand, overleg_id, titel="Presentatie wijkvisie")
        agenda.verplaats_punt(bestand, vrij.id, -1)
        voor = _agenda(demo_pad, overleg_id)
        agenda.verwijder_punt(bestand, vrij.id)
        assert "Presentatie wijkvisie" not in _agenda(demo_pad, overleg_id)
        assert ongedaan_maken(bestand) == "Agendapunt Presentatie wijkvisie teruggezet (was verwijderd)"
        assert _agenda(demo_pad, overleg_id) == voor
    with Gemeentebestand.open(demo_pad, alleen_lezen=True) as bestand:
        with pytest.raises(AlleenLezen):
            agenda.voeg_punt_toe(bestand, overleg_id, subthema="1.7")
    assert "1.7" not in _agenda(demo_pad, overleg_id)
