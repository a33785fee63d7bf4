"""What a minute-taker ran into walking through an agenda's life at 80x24 (review 2): each test
guards one fix, asserting the file or what the screen shows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from rich.console import Console
from textual.widgets import Input, Label, Select

from opslag.bestand import nieuw_bestand
from opslag.inzet import inzet_per_partij
from tui.app import TripartietApp
from tui.schermen.formulier import Veld
from tui.schermen.importeren import HULP_IMPORTEREN
from tui.schermen.inzet import samenvatting
from tui.weergave import Kleuren

VOORBEELD = Path(__file__).resolve().parents[2] / "docs" / "voorbeeld_uitvoeringsagenda.csv"


def _rijen(pad: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(pad)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _tekst(regels: list) -> str:
    console = Console(width=200, color_system=None)
    with console.capture() as vangst:
        for regel in regels:
            console.print(regel)
    return vangst.get()


def _meldingen(app: TripartietApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def _palet(pilot, tekst: str) -> None:  # noqa: ANN001
    await pilot.press("ctrl+p", *tekst)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


async def test_ctrl_z_haalt_een_overgenomen_toevoeging_niet_weg(demo_pad: Path) -> None:
    """Before: an addition carried over into 2028-2029 and then undone left the new agreement
    pointing at a row that no longer exists ('Overgenomen uit AF-0xx' of nothing)."""
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "a")  # from the notes to the agenda, on 1.6
        await pilot.pause()
        scherm = app.screen
        assert type(scherm).__name__ == "AfspraakFormulier"
        scherm.query_one("#actielijn", Input).value = "Tijdelijke woningen Hogestraat"
        scherm.query_one("#trekker", Select).value = app.bestand.partijen()[0].id
        await pilot.press("ctrl+s")
        await pilot.pause()
        nummer = _rijen(demo_pad, "SELECT nummer FROM afspraak WHERE actielijn = 'Tijdelijke woningen Hogestraat'")[0][0]
        await _palet(pilot, "nieuwe periode")
        assert type(app.screen).__name__ == "PeriodeStartenScherm"
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#agenda").focus()
        await pilot.press("ctrl+z")
        await pilot.pause()
        # ctrl+z does not reach past the period start (opslag.ongedaan._GRENZEN); and were it to, the
        # addition is refused as carried over (opslag.levensloop.weigert_meegenomen)
        assert any("De laatste wijziging is het starten van een nieuwe periode" in m for m in _meldingen(app))
        await pilot.press("ctrl+q")
    assert len(_rijen(demo_pad, "SELECT id FROM afspraak WHERE actielijn = 'Tijdelijke woningen Hogestraat'")) == 2
    assert _rijen(demo_pad, "SELECT count(*) FROM afspraak n WHERE n.vorige_id IS NOT NULL "
                            "AND NOT EXISTS (SELECT 1 FROM afspraak o WHERE o.id = n.vorige_id)") == [(0,)]


async def test_ctrl_z_en_geschiedenis_noemen_het_doel_niet_de_kolom(demo_pad: Path) -> None:
    """Before: 'AF-008: doel en doel_aantal teruggezet' and in the history 'aantal: 24 → 26'."""
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+down", "ctrl+down")  # 3.2, with AF-008
        await pilot.pause()
        app.screen.query_one("#afspraken").focus()
        await pilot.press("home", "enter")
        await pilot.pause()
        oud = app.screen.query_one("#doel", Input).value
        app.screen.query_one("#doel", Input).value = "26 woningen"
        app.screen.query_one("#reden", Input).value = "Extra kavel."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _rijen(demo_pad, "SELECT doel, doel_aantal FROM afspraak WHERE nummer = 8") == [("26 woningen", 26)]
        app.screen.query_one("#afspraken").focus()
        await pilot.press("home", "h")
        await pilot.pause()
        tekst = _tekst(app.screen.regels)
        assert "26 woningen" in tekst and "aantal:" not in tekst
        await pilot.press("escape")
        app.screen.query_one("#agenda").focus()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert _rijen(demo_pad, "SELECT doel FROM afspraak WHERE nummer = 8") == [(oud,)]
        melding = _meldingen(app)[-1]
        assert melding.startswith("AF-008: doel ") and "doel_aantal" not in melding
        await pilot.press("ctrl+q")


async def test_import_80x24_zegt_dat_enter_nu_opslaat(tmp_path: Path) -> None:
    """Before: with the check shown the dialog ran off the screen and 'Enter: importeren' was cut."""
    pad = nieuw_bestand("aalten", tmp_path / "aalten.sqlite")
    app = TripartietApp(pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _palet(pilot, "importeren")
        scherm = app.screen
        scherm.query_one("#pad", Input).value = str(VOORBEELD)
        await pilot.pause()  # the change resets any check: it must be handled before Enter
        await pilot.press("enter")
        await pilot.pause()
        hulp = scherm.query_one("#hulp", Label)
        assert str(hulp.render()) == HULP_IMPORTEREN
        kader = scherm.query_one(".dialoogkader").content_region
        assert kader.contains_region(hulp.region), "the line saying what Enter does is inside the dialog"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert _rijen(pad, "SELECT count(*) FROM afspraak") == [(13,)]


async def test_reden_bij_wijziging_past_op_80_kolommen(demo_pad: Path) -> None:
    """Before: '(agenda vastgesteld op 4 december 2025; niet n' - the hint was cut off."""
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+down", "ctrl+down")
        await pilot.pause()
        app.screen.query_one("#afspraken").focus()
        await pilot.press("home", "enter")
        await pilot.pause()
        veld = app.screen.query_one("#veld-reden", Veld)
        tekst = veld.naamregel
        assert "alleen de status" in tekst
        assert len(tekst) <= veld.region.width
        await pilot.press("escape")
        await pilot.press("ctrl+q")


async def test_heropenen_en_vaststellen_tonen_een_voorbeeld(demo_pad: Path) -> None:
    """Before: the reason field for reopening was an invisible empty line; every party's signer
    was offered 'wethouder wonen' as an example function, the corporation's too."""
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _palet(pilot, "overleg sluiten")
        await pilot.press("j")
        await pilot.pause()
        await _palet(pilot, "heropenen")
        assert type(app.screen).__name__ == "HeropenenFormulier"
        assert app.screen.query_one("#reden", Input).placeholder.startswith("bijvoorbeeld")
        await pilot.press("escape")
        await pilot.pause()
        corporatie = next(p for p in app.bestand.partijen() if p.soort == "corporatie")
        await _palet(pilot, "vaststellen")
        assert type(app.screen).__name__ == "AgendaVaststellen"
        app.screen.query_one(f"#functie-{corporatie.id}", Input).value = ""
        assert app.screen.query_one(f"#functie-{corporatie.id}", Input).placeholder == "bijvoorbeeld directeur-bestuurder"
        await pilot.press("escape")
        await pilot.press("ctrl+q")


async def test_inzet_kop_past_op_80_kolommen(demo_pad: Path) -> None:
    """Before: the last column of the summary read 'Acties gere…' at 80 columns."""
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "i")
        await pilot.pause()
        assert type(app.screen).__name__ == "InzetScherm"
        breedte = app.screen.query_one("#inzet").scrollable_content_region.width
        console = Console(width=breedte, record=True, file=None, color_system=None)
        with console.capture() as vangst:
            console.print(samenvatting(inzet_per_partij(app.bestand, app.screen.agenda.id), Kleuren()))
        assert "Acties gereed" in vangst.get()
        await pilot.press("ctrl+q")


async def test_geschiedenis_van_een_ongedaan_gemaakte_en_opnieuw_gedane_wijziging(demo_pad: Path) -> None:
    """Before: an undo that was redone read 'ongedaan gemaakt (ongedaan gemaakt)'."""
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+down", "ctrl+down")  # 3.2, with AF-008
        await pilot.pause()
        app.screen.query_one("#afspraken").focus()
        await pilot.press("home", "enter")
        await pilot.pause()
        app.screen.query_one("#actielijn", Input).value = "Buurthuis Het Anker opknappen"
        app.screen.query_one("#reden", Input).value = "Afgesproken in de rondvraag."
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one("#agenda").focus()
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.press("ctrl+y")
        await pilot.pause()
        app.screen.query_one("#afspraken").focus()
        await pilot.press("home", "h")
        await pilot.pause()
        tekst = _tekst(app.screen.regels)
        assert "(daarna opnieuw gedaan)" in tekst
        assert "ongedaan gemaakt (ongedaan gemaakt)" not in tekst
        await pilot.press("escape", "ctrl+q")
    assert _rijen(demo_pad, "SELECT actielijn FROM afspraak WHERE nummer = 8") == [("Buurthuis Het Anker opknappen",)]
