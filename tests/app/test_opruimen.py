"""Start-up runs without the cyclic garbage collector; the app turns it back on after its first screen."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from tui import cli
from tui.app import TripartietApp


def test_tripartiet_start_zonder_gc(demo_pad: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tijdens_start: list[bool] = []
    monkeypatch.setattr(TripartietApp, "run", lambda self, **_: tijdens_start.append(gc.isenabled()))
    try:
        assert cli.main(["open", str(demo_pad)]) == 0
    finally:
        gc.enable()
    assert tijdens_start == [False]


async def test_na_het_eerste_scherm_staat_de_gc_weer_aan_en_is_het_opstarten_bevroren(demo_pad: Path) -> None:
    bevroren = gc.get_freeze_count()
    gc.disable()  # as `tripartiet` starts the app (tui.cli._start)
    try:
        app = TripartietApp(demo_pad)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert type(app.screen).__name__ == "OverlegScherm"
            assert gc.isenabled()
            assert gc.get_freeze_count() > bevroren  # modules, classes and styles: out of the collector's way
    finally:
        gc.unfreeze()
        gc.enable()


async def test_met_de_gc_aan_laat_de_app_hem_met_rust(demo_pad: Path) -> None:
    bevroren = gc.get_freeze_count()
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert gc.isenabled() and gc.get_freeze_count() == bevroren
