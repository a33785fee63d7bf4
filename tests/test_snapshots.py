"""SVG snapshots of the main screens at 80x24 (Textual is pinned exactly so these stay stable)."""

from __future__ import annotations

from pathlib import Path

from tui.app import TripartietApp


def test_kaderscherm_4_2(snap_compare, demo_pad: Path) -> None:
    async def naar_netcongestie(pilot) -> None:
        pilot.app.ga_naar_subthema("4.2")
        await pilot.pause()

    assert snap_compare(TripartietApp(demo_pad), terminal_size=(80, 24), run_before=naar_netcongestie)


def test_startscherm(snap_compare, tmp_path: Path) -> None:
    for naam in ("aalten.sqlite", "winterswijk.sqlite"):
        (tmp_path / naam).write_bytes(b"")
    assert snap_compare(TripartietApp(), terminal_size=(80, 24))
