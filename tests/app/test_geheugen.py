"""Closed screens are freed, and opening and closing them again does not make the app grow.

Every object a closed screen leaves alive is walked again by each full collection of the cyclic
garbage collector, which then pauses the app longer with every screen opened (tests/bench/toetsen.py
--geheugen shows the figures). These tests count objects, never time."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from textual._styles_cache import StylesCache
from textual.widgets import Header

from tui.app import RUST, TripartietApp
from tui.schermen.actielijst import ActielijstScherm
from tui.schermen.export import ExportScherm
from tui.schermen.overleg import OverlegScherm


async def _open_en_dicht(app: TripartietApp, pilot, toets: str, soort: type) -> weakref.ref:  # noqa: ANN001
    await pilot.press(toets)
    for _ in range(500):
        await pilot.pause(0.01)
        if isinstance(app.screen, soort) and not getattr(app.screen, "bezig", False) and all(w.is_finished for w in app.workers):
            break
    scherm = app.screen
    assert isinstance(scherm, soort)
    ref = weakref.ref(scherm)
    del scherm
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.screen, OverlegScherm)
    return ref


def _aantal(soort: type) -> int:
    return sum(1 for o in gc.get_objects() if type(o) is soort)


async def test_gesloten_actielijst_en_exportscherm_worden_opgeruimd(demo_pad: Path) -> None:
    """The actielijst stayed alive through the theme signal, the export screen through the pool
    thread that built its document."""
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("escape")  # out of the note
        lijst = await _open_en_dicht(app, pilot, "l", ActielijstScherm)
        export = await _open_en_dicht(app, pilot, "e", ExportScherm)
        await pilot.pause()
        gc.collect()
        assert lijst() is None
        assert export() is None


async def test_open_en_dicht_laat_geen_widgets_achter(demo_pad: Path) -> None:
    """Rounds of opening and closing both screens leave no headers (watching the app's title) and
    no style caches (held by Textual's lru_cache) behind; the app collects once the user pauses."""
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("escape")
        await _open_en_dicht(app, pilot, "l", ActielijstScherm)
        await _open_en_dicht(app, pilot, "e", ExportScherm)
        await pilot.pause(RUST + 0.3)
        assert app._opruimer is None  # the collection after the closed screen has run
        gc.collect()
        headers, stijlen = _aantal(Header), _aantal(StylesCache)
        for _ in range(3):
            await _open_en_dicht(app, pilot, "l", ActielijstScherm)
            laatste = await _open_en_dicht(app, pilot, "e", ExportScherm)
        await pilot.pause(RUST + 0.3)
        assert app._opruimer is None
        assert laatste() is None  # collected by the app, once the keys stopped
        gc.collect()
        assert _aantal(Header) == headers
        assert _aantal(StylesCache) <= stijlen
