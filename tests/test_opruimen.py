"""Start-up runs without the cyclic garbage collector; the app turns it back on after its first screen."""

from __future__ import annotations

import gc
from pathlib import Path

from tui.app import TripartietApp


async def test_na_het_eerste_scherm_staat_de_gc_weer_aan_en_is_het_opstarten_bevroren(demo_pad: Path) -> None:
    gc.disable()  # as `tripartiet` starts the app (tui.cli._start)
    try:
        app = TripartietApp(demo_pad)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert type(app.screen).__name__ == "OverlegScherm"
            assert gc.isenabled()
            assert gc.get_freeze_count() > 10_000  # modules, classes and styles: out of the collector's way
    finally:
        gc.unfreeze()
        gc.enable()


async def test_met_de_gc_aan_laat_de_app_hem_met_rust(demo_pad: Path) -> None:
    bevroren = gc.get_freeze_count()
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert gc.isenabled() and gc.get_freeze_count() == bevroren
