"""SVG snapshots of the forms at 80x24: how they look must not change when they are built
differently (fewer widgets, a dropdown's list made when first opened)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input, Select

from tui.app import TripartietApp


@pytest.fixture(autouse=True)
def vaste_dag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("opslag.datums.vandaag", lambda: dt.date(2026, 11, 27))


def test_overlegformulier_wijzigen(snap_compare, demo_pad: Path) -> None:
    async def open_(pilot) -> None:
        await pilot.press("escape", "o")
        await pilot.pause()

    assert snap_compare(TripartietApp(demo_pad), terminal_size=(80, 24), run_before=open_)


def test_nieuw_overleg_andere_periode(snap_compare, demo_pad: Path) -> None:
    async def open_(pilot) -> None:
        await pilot.press("escape", "n")
        await pilot.pause()
        scherm = pilot.app.screen
        scherm.query_one("#datum", Input).value = "04-12-2026"  # not today's date
        scherm.query_one("#periode", Select).value = "andere"
        scherm.query_one("#andere_periode", Input).value = "2030-2031"
        await pilot.pause()

    assert snap_compare(TripartietApp(demo_pad), terminal_size=(100, 40), run_before=open_)


def test_actieformulier_met_open_keuzelijst(snap_compare, demo_pad: Path) -> None:
    async def open_(pilot) -> None:
        await pilot.press("escape", "t", *"Bellen")
        pilot.app.screen.query_one("#persoon", Select).focus()
        await pilot.press("space", "down", "down")
        await pilot.pause()

    assert snap_compare(TripartietApp(demo_pad), terminal_size=(80, 24), run_before=open_)


def test_actieformulier_met_fout_en_gekozen_persoon(snap_compare, demo_pad: Path) -> None:
    async def open_(pilot) -> None:
        await pilot.press("escape", "t")
        await pilot.pause()
        pilot.app.screen.query_one("#persoon", Select).focus()
        await pilot.press("space", "down", "enter")  # a person chosen, the list closed again
        await pilot.pause()
        await pilot.press("enter")  # no 'what': its message, and the focus goes there
        await pilot.pause()

    assert snap_compare(TripartietApp(demo_pad), terminal_size=(80, 24), run_before=open_)


def test_afspraakformulier_gesloten_keuzelijst_met_focus(snap_compare, demo_pad: Path) -> None:
    async def open_(pilot) -> None:
        pilot.app.ga_naar_subthema("4.2")
        await pilot.pause()
        await pilot.press("escape", "a")
        await pilot.pause()
        pilot.app.screen.query_one("#trekker", Select).focus()  # its prompt, dimmed, in a focused frame
        await pilot.pause()

    assert snap_compare(TripartietApp(demo_pad), terminal_size=(80, 24), run_before=open_)
