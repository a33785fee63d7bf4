"""Adopting the uitvoeringsagenda from the app and the CLI, and amending an agreement afterwards."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from textual.widgets import Input, Select

from opslag.bestand import nieuw_bestand
from tui.app import TripartietApp


def _rijen(pad: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(pad)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


async def test_vaststellen_via_palet_met_ondertekenaars(tmp_path: Path) -> None:
    pad = nieuw_bestand("aalten", tmp_path / "aalten.sqlite")
    app = TripartietApp(pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"vaststellen")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        scherm = app.screen
        assert type(scherm).__name__ == "AgendaVaststellen"
        assert scherm.query_one("#plaats", Input).value == "Aalten"  # the town, prefilled
        ids = {p.code: p.id for p in app.bestand.partijen()}
        await pilot.press("enter")  # no date yet: said at the field, nothing stored
        await pilot.pause()
        assert "Vul een datum in" in str(scherm.query_one("#veld-datum .veldfout").render())
        scherm.query_one("#datum", Input).value = "04-12-2025"
        scherm.query_one(f"#naam-{ids['GA']}", Input).value = "J. Jansen"
        scherm.query_one(f"#functie-{ids['GA']}", Input).value = "wethouder wonen"
        scherm.query_one(f"#naam-{ids['DWP']}", Input).value = "P. de Vries"
        scherm.query_one(f"#naam-{ids['HVW']}", Input).value = "K. Klein"
        scherm.query_one(f"#functie-{ids['HVW']}", Input).value = "voorzitter, namens de huurdersverenigingen"
        scherm.query_one("#datum", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ != "AgendaVaststellen"
        meldingen = [n.message for n in app._notifications]
        assert any("is vastgesteld" in m for m in meldingen)
        assert any("(HVD)" in m and "geen ondertekenaar" in m for m in meldingen)
        await pilot.press("ctrl+q")
    assert _rijen(pad, "SELECT periode, vastgesteld_op, vastgesteld_te FROM uitvoeringsagenda") == [
        (_rijen(pad, "SELECT periode FROM uitvoeringsagenda")[0][0], "2025-12-04", "Aalten")
    ]
    assert _rijen(pad, "SELECT p.code, o.naam, o.functie FROM ondertekenaar o JOIN partij p ON p.id = o.partij_id ORDER BY p.volgorde") == [
        ("GA", "J. Jansen", "wethouder wonen"), ("DWP", "P. de Vries", ""),
        ("HVW", "K. Klein", "voorzitter, namens de huurdersverenigingen"),
    ]


async def test_vaststellen_formulier_vult_ondertekenaars_uit_personen(demo_pad: Path) -> None:
    # The demo is adopted already: the form corrects it and shows the signers as stored.
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.run_action("agenda_vaststellen")
        await pilot.pause()
        scherm = app.screen
        assert scherm.TITEL == "Uitvoeringsagenda 2026-2027 vaststelling corrigeren"
        ids = {p.code: p.id for p in app.bestand.partijen()}
        assert scherm.query_one("#datum", Input).value == "04-12-2025"
        assert scherm.query_one(f"#naam-{ids['WDD']}", Input).value == "Hanneke de Wit"
        # Without signers stored, a person of the party who usually signs is offered.
        from tui.schermen.agenda_vaststellen import voorgestelde_ondertekenaar
        from opslag import notulen

        personen = notulen.personen(app.bestand)
        gz = next(p for p in app.bestand.partijen() if p.code == "GZ")
        assert voorgestelde_ondertekenaar(gz, personen).naam == "Gerrit ter Horst"
        await pilot.press("escape")
        await pilot.pause()


async def _open_afspraak_af001(app: TripartietApp, pilot) -> None:  # noqa: ANN001
    """The demo's last meeting (19-11-2026) has 1.1 on its agenda, with AF-001 listed there."""
    from opslag import notulen
    from tui.schermen.afspraak_formulier import AfspraakFormulier

    scherm = app.screen
    af001 = next(a for a in notulen.afspraken(app.bestand) if a.nummer == 1)
    scherm.toon_subthema("1.1")
    await pilot.pause()
    app.push_screen(AfspraakFormulier(app.bestand, "1.1", af001.agenda_id, scherm.overleg_id, af001))
    await pilot.pause()


async def test_afspraak_wijzigen_na_vaststelling_vraagt_reden(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _open_afspraak_af001(app, pilot)
        formulier = app.screen
        assert "(na vaststelling)" in formulier.TITEL
        formulier.query_one("#start", Input).value = "Q2 2026"
        formulier.query_one("#actielijn", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is formulier, "not saved without a reason"
        assert "een wijziging heeft een reden nodig" in str(formulier.query_one("#veld-reden .veldfout").render())
        assert app.focused.id == "reden"
        await pilot.press(*"Vergunning later verleend")
        besluiten = formulier.query_one("#besluit", Select)
        besluiten.value = next(waarde for _, waarde in besluiten._options if waarde is not Select.NULL)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not formulier
        await pilot.press("ctrl+q")
    [(soort, datum, velden, reden, besluit)] = _rijen(
        demo_pad,
        "SELECT w.soort, w.datum, w.velden, w.reden, b.nummer FROM afspraak_wijziging w JOIN afspraak a ON a.id = w.afspraak_id "
        "LEFT JOIN besluit b ON b.id = w.besluit_id WHERE a.nummer = 1 ORDER BY w.id DESC LIMIT 1",
    )
    assert (soort, datum, reden) == ("wijziging", "2026-11-19", "Vergunning later verleend")
    assert json.loads(velden) == {"start": ["2026", "Q2 2026"]}
    assert besluit is not None


async def test_alleen_status_wijzigen_na_vaststelling_zonder_reden(demo_pad: Path) -> None:
    voor = _rijen(demo_pad, "SELECT count(*) FROM afspraak_wijziging")
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _open_afspraak_af001(app, pilot)
        formulier = app.screen
        formulier.query_one("#status", Select).value = "vertraagd"
        formulier.query_one("#actielijn", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not formulier
        await pilot.press("ctrl+q")
    assert _rijen(demo_pad, "SELECT status FROM afspraak WHERE nummer = 1") == [("vertraagd",)]
    assert _rijen(demo_pad, "SELECT count(*) FROM afspraak_wijziging") == voor


def test_cli_vaststellen(tmp_path: Path) -> None:
    pad = nieuw_bestand("aalten", tmp_path / "aalten.sqlite")
    periode = _rijen(pad, "SELECT periode FROM uitvoeringsagenda")[0][0]
    uit = subprocess.run(
        [sys.executable, "-m", "tui", "vaststellen", str(pad), "--agenda", periode, "--datum", "04-12-2025", "--plaats", "Aalten",
         "--ondertekenaar", "GA=J. Jansen, wethouder wonen", "--ondertekenaar", "dwp=P. de Vries, directeur-bestuurder"],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert uit.returncode == 0, uit.stderr
    assert f"Uitvoeringsagenda {periode} vastgesteld op 4 december 2025 te Aalten." in uit.stdout
    assert "Let op: Voor HV 't Walfort (HVW) is geen ondertekenaar opgegeven" in uit.stdout
    assert _rijen(pad, "SELECT p.code, o.naam, o.functie FROM ondertekenaar o JOIN partij p ON p.id = o.partij_id ORDER BY p.volgorde") == [
        ("GA", "J. Jansen", "wethouder wonen"), ("DWP", "P. de Vries", "directeur-bestuurder")]
    fout = subprocess.run(
        [sys.executable, "-m", "tui", "vaststellen", str(pad), "--agenda", periode, "--datum", "31-02-2025", "--plaats", "Aalten"],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert fout.returncode == 1 and "februari 2025 heeft 28 dagen" in fout.stderr
    assert _rijen(pad, "SELECT vastgesteld_op FROM uitvoeringsagenda") == [("2025-12-04",)]


def test_readme_voorbeeld_komt_uit_de_echte_export() -> None:
    """The README's example of an adopted agenda is cut from the golden export, not typed by hand."""
    wortel = Path(__file__).parents[2]
    readme = (wortel / "README.md").read_text(encoding="utf-8")
    golden = (wortel / "tests" / "golden" / "uitvoeringsagenda-demo.md").read_text(encoding="utf-8")
    blok = readme.split("<!-- voorbeeld-vaststelling")[1].split("```markdown\n")[1].split("```")[0]
    delen = [deel.strip("\n") for deel in blok.split("\n…\n")]
    assert len(delen) == 2 and all(deel + "\n" in golden for deel in delen)
    assert "Gewijzigd na vaststelling:" in delen[0] and delen[1].startswith("## Wijzigingen na vaststelling")


async def test_afspraak_van_vastgestelde_agenda_verwijderen_geweigerd(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+down", "ctrl+down")  # 3.2, with AF-008
        await pilot.pause()
        app.screen.query_one("#afspraken").focus()
        await pilot.press("home", "delete")
        await pilot.pause()
        assert type(app.screen).__name__ == "BevestigScherm"
        await pilot.press("j")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm"
        assert any("zet de status op vervallen" in n.message for n in app._notifications)
        await pilot.press("ctrl+q")
    assert _rijen(demo_pad, "SELECT count(*) FROM afspraak WHERE nummer = 8") == [(1,)]
