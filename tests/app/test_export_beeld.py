"""The export screen as a minute-taker reads it at 80 columns: Tab in reading order, options that
say whether they are ticked, Dutch keys in the footer, the file name in view."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Checkbox, Input, Select

from tests.hulp import schermtekst
from tui.app import TripartietApp
from tui.schermen.export import ExportScherm
from tui.widgets.voettekst import Voettekst
from textual.widgets._footer import FooterKey


async def _stil(app: TripartietApp, pilot) -> None:  # noqa: ANN001
    """Until the document is built and shown (the preview's fill waits for scrolling)."""
    for _ in range(300):
        await pilot.pause(0.01)
        if not app.screen.bezig and all(w.is_finished or w.group == "voorbeeld" for w in app.workers):
            break
    await pilot.pause(0.05)


async def _open(app: TripartietApp, pilot) -> ExportScherm:  # noqa: ANN001
    await pilot.press("escape")  # out of the note, as a user would
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(app.screen, ExportScherm)
    await _stil(app, pilot)
    return app.screen


async def _kies(scherm: ExportScherm, pilot, soort: str) -> None:  # noqa: ANN001
    scherm.query_one("#document", Select).value = soort
    await pilot.pause()
    await _stil(scherm.app, pilot)


async def test_tab_gaat_in_leesvolgorde_en_alles_past_op_80_kolommen(demo_pad: Path) -> None:
    """Tab goes top to bottom, left to right, through what is on screen; with the agenda's two
    options shown the last one stood half past the 80th column, and Tab went there unseen. The
    minutes have no options: they are not shown (greyed out they still read as choices)."""
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        scherm = await _open(app, pilot)
        assert scherm.soort == "verslag"
        assert not any(vinkje.display for vinkje in scherm.query(Checkbox))
        for soort in ("uitvoeringsagenda", "verslag", "inzet", "uitvoeringsagenda"):
            await _kies(scherm, pilot, soort)
            keten = scherm.focus_chain
            assert [w.id for w in keten][-2:] == ["bestandsnaam", "formaat"]
            assert keten == sorted(keten, key=lambda w: (w.region.y, w.region.x))
            assert all(w.region.right <= 80 and w.region.width > 0 for w in keten)
        assert [w.id for w in scherm.focus_chain[:3]] == ["document", "status", "kader"]
        assert "Kader citeren" in schermtekst(scherm.query_one("#kader"))
        # From the file name (where the screen starts, Enter saves) Tab reads on to the format,
        # then from the top.
        assert scherm.focused.id == "bestandsnaam"
        gezien = []
        for _ in range(len(scherm.focus_chain)):
            await pilot.press("tab")
            gezien.append(scherm.focused.id)
        assert gezien[:4] == ["formaat", "document", "status", "kader"]


async def test_vinkje_toont_of_het_aan_staat(demo_pad: Path) -> None:
    """Textual's checkbox shows an X on and off alike (only its colour differs): read as 'ticked'."""
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        scherm = await _open(app, pilot)
        await _kies(scherm, pilot, "uitvoeringsagenda")
        status = scherm.query_one("#status", Checkbox)
        assert schermtekst(status) == "▐ ▌ Kolom Status"
        status.focus()
        await pilot.press("space")
        assert status.value and schermtekst(status) == "▐✓▌ Kolom Status"


async def test_open_keuzelijst_noemt_esc_in_het_nederlands(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        scherm = await _open(app, pilot)
        scherm.query_one("#document", Select).focus()
        await pilot.press("enter")
        await pilot.pause(0.1)
        assert scherm.query_one("#document", Select).expanded
        await pilot.pause(0.1)  # the footer is rebuilt after the refresh
        voet = [(k.key_display, k.description) for k in scherm.query_one(Voettekst).query(FooterKey)]
        assert ("Esc", "Sluiten") in voet and not any("Dismiss" in omschrijving for _, omschrijving in voet)
        await pilot.press("escape")  # closes the list, not the screen
        await pilot.pause()
        assert app.screen is scherm and not scherm.query_one("#document", Select).expanded


async def test_bestandsnaam_toont_de_naam_niet_het_begin_van_de_map(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        scherm = await _open(app, pilot)
        await pilot.pause(0.1)
        assert schermtekst(scherm.query_one("#bestandsnaam", Input)).rstrip().endswith("verslag-zonnedal-fictief-2026-11-19.md")
        await _kies(scherm, pilot, "uitvoeringsagenda")
        await pilot.pause(0.1)
        assert schermtekst(scherm.query_one("#bestandsnaam", Input)).rstrip().endswith("uitvoeringsagenda-zonnedal-fictief-2026-2027.md")
