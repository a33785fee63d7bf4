"""SVG snapshots of the main screens at 80x24 (Textual is pinned exactly so these stay stable)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from opslag.bestand import nieuw_bestand
from tui.app import TripartietApp


@pytest.fixture(autouse=True)
def vaste_dag(monkeypatch: pytest.MonkeyPatch) -> None:
    """'te laat' depends on today; the snapshots are taken on one fixed day."""
    monkeypatch.setattr("opslag.datums.vandaag", lambda: dt.date(2026, 11, 27))


def test_kaderscherm_4_2(snap_compare, tmp_path: Path) -> None:
    pad = nieuw_bestand("Aalten", tmp_path / "aalten.sqlite")

    async def naar_netcongestie(pilot) -> None:
        pilot.app.ga_naar_subthema("4.2")
        await pilot.pause()

    assert snap_compare(TripartietApp(pad), terminal_size=(80, 24), run_before=naar_netcongestie)


def test_startscherm(snap_compare, tmp_path: Path) -> None:
    for naam in ("aalten.sqlite", "winterswijk.sqlite"):
        (tmp_path / naam).write_bytes(b"")
    assert snap_compare(TripartietApp(), terminal_size=(80, 24))


def test_overlegscherm_actielijst_doorlopen(snap_compare, demo_pad: Path) -> None:
    async def naar_actielijst(pilot) -> None:
        await pilot.press("ctrl+up", "ctrl+up")
        await pilot.pause()

    assert snap_compare(TripartietApp(demo_pad), terminal_size=(80, 24), run_before=naar_actielijst)


async def _nieuwe_afspraak_op_4_2(pilot) -> None:
    # Four ctrl+down from 1.6 landed on the Rondvraag, where 'a' cannot and 't' of 'Warmteplan'
    # opened an action form: the palette's way goes to 4.2 whatever the current item.
    pilot.app.ga_naar_subthema("4.2")
    await pilot.pause()
    await pilot.press("escape", "a", *"Warmteplan afstemmen")
    await pilot.pause()


def test_afspraakformulier(snap_compare, demo_pad: Path) -> None:
    assert snap_compare(TripartietApp(demo_pad), terminal_size=(80, 24), run_before=_nieuwe_afspraak_op_4_2)
