"""On the meeting screen: ctrl+z / ctrl+y through the change log (also after a restart), and
closing a meeting (read-only, letter keys refuse) and reopening it with a reason."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from textual.widgets import Input

from tui.app import TripartietApp

GESLOTEN = "Het overleg van 19-11-2026 is gesloten; heropen het eerst (met een reden) om iets te wijzigen."


def _rij(pad: Path, sql: str) -> tuple:
    conn = sqlite3.connect(pad)
    try:
        return conn.execute(sql).fetchone()
    finally:
        conn.close()


def _meldingen(app: TripartietApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def _palet(pilot, tekst: str) -> None:  # noqa: ANN001
    await pilot.press("ctrl+p", *tekst)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


async def _naar_3_2(pilot) -> None:  # noqa: ANN001
    await pilot.press("ctrl+down", "ctrl+down")  # from 1.6 to 3.2, which has AF-008
    await pilot.pause()


async def test_ctrl_z_na_afspraakformulier_ook_na_herstart(demo_pad: Path) -> None:
    oud = _rij(demo_pad, "SELECT actielijn FROM afspraak WHERE nummer = 8")[0]
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await _naar_3_2(pilot)
        app.screen.query_one("#afspraken").focus()
        await pilot.press("home", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "AfspraakFormulier"
        app.screen.query_one("#actielijn", Input).value = "Buurthuis Het Anker opknappen"
        # The demo's agenda is adopted: the change is an amendment, with its reason.
        app.screen.query_one("#reden", Input).value = "Afgesproken in de rondvraag."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _rij(demo_pad, "SELECT actielijn FROM afspraak WHERE nummer = 8") == ("Buurthuis Het Anker opknappen",)
        spoor = "SELECT count(*) FROM afspraak_wijziging WHERE soort = 'wijziging' AND reden = 'Afgesproken in de rondvraag.'"
        assert _rij(demo_pad, spoor) == (1,)
        app.screen.query_one("#agenda").focus()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert _rij(demo_pad, "SELECT actielijn FROM afspraak WHERE nummer = 8") == (oud,)
        assert _rij(demo_pad, spoor) == (0,), "undoing the amendment takes its trail row with it"
        assert f"AF-008: actielijn terug naar '{oud}'" in _meldingen(app)
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert _rij(demo_pad, "SELECT actielijn FROM afspraak WHERE nummer = 8") == ("Buurthuis Het Anker opknappen",)
        assert "AF-008: actielijn weer 'Buurthuis Het Anker opknappen'" in _meldingen(app)
        await pilot.press("ctrl+q")

    app = TripartietApp(demo_pad)  # a restart: undo reads the change log, not memory
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#agenda").focus()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert _rij(demo_pad, "SELECT actielijn FROM afspraak WHERE nummer = 8") == (oud,)
        assert f"AF-008: actielijn terug naar '{oud}'" in _meldingen(app)
        await pilot.press("ctrl+q")


async def test_sluiten_via_palet_weigert_schrijven_en_heropenen_met_reden(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await _palet(pilot, "Overleg sluiten")
        assert type(app.screen).__name__ == "BevestigScherm"
        await pilot.press("j")
        await pilot.pause()
        assert _rij(demo_pad, "SELECT gesloten_op IS NOT NULL FROM overleg WHERE datum = '2026-11-19'") == (1,)
        assert "GESLOTEN op " in str(app.screen.query_one("#positie").render())  # the bar above the item, not the header
        notitie = app.screen.query_one("#notitie")
        assert notitie.read_only
        voor = notitie.text
        notitie.focus()
        await pilot.press(*"Nog iets")  # typing into the locked note says why, once, and changes nothing
        await pilot.pause()
        assert notitie.text == voor
        assert _meldingen(app).count(GESLOTEN) == 1
        app._notifications.clear()
        app.screen.query_one("#agenda").focus()
        await pilot.press("a")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm"  # no form opened
        assert GESLOTEN in _meldingen(app)
        app._notifications.clear()
        await pilot.press("p")  # attendance
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm" and GESLOTEN in _meldingen(app)
        app._notifications.clear()
        await _palet(pilot, "Vrij agendapunt toevoegen")
        assert type(app.screen).__name__ == "OverlegScherm" and GESLOTEN in _meldingen(app)

        await _palet(pilot, "Overleg heropenen")
        assert type(app.screen).__name__ == "HeropenenFormulier"
        await pilot.press("ctrl+s")  # without a reason: refused, stays
        await pilot.pause()
        assert type(app.screen).__name__ == "HeropenenFormulier"
        assert "De reden om te heropenen is verplicht" in str(app.screen.query_one("#veld-reden .veldfout").render())
        app.screen.query_one("#reden", Input).value = "Besluit B-005 verkeerd genotuleerd"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm"
        assert "GESLOTEN" not in str(app.screen.query_one("#positie").render())
        assert not app.screen.query_one("#notitie").read_only
        await pilot.press("ctrl+q")
    assert _rij(demo_pad, "SELECT gesloten_op FROM overleg WHERE datum = '2026-11-19'") == (None,)
    assert _rij(demo_pad, "SELECT actie, gegevens FROM wijziging ORDER BY id DESC LIMIT 1") == (
        "heropend", '{"reden": "Besluit B-005 verkeerd genotuleerd"}')
