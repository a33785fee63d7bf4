"""A screen shown for the first time is styled once, when its widgets mount: Textual's restyle of
the whole screen when it is pushed (`ScreenResume.refresh_styles`) is skipped then."""

from __future__ import annotations

from pathlib import Path

from textual.screen import Screen

from tui.app import TripartietApp
from tui.schermen.formulier import Formulier
from tui.schermen.overleg import OverlegScherm


async def test_een_formulier_wordt_bij_openen_niet_tweemaal_opgemaakt(demo_pad: Path, monkeypatch) -> None:  # noqa: ANN001
    opgemaakt: list[Screen] = []
    update_styles = TripartietApp.update_styles

    def noteer(self: TripartietApp, node, animate: bool = True) -> None:  # noqa: ANN001
        if isinstance(node, Screen):
            opgemaakt.append(node)
        update_styles(self, node, animate=animate)

    monkeypatch.setattr(TripartietApp, "update_styles", noteer)
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        overleg = app.screen
        assert isinstance(overleg, OverlegScherm) and overleg not in opgemaakt
        await pilot.press("escape", "o")
        await pilot.pause()
        formulier = app.screen
        assert isinstance(formulier, Formulier)
        assert formulier not in opgemaakt
        assert formulier.query_one("#datum").has_class("-textual-compact")


async def test_het_overlegscherm_op_een_breed_scherm_wordt_niet_tweemaal_opgemaakt(demo_pad: Path, monkeypatch) -> None:  # noqa: ANN001
    """Its class 'breed' (120 columns or more) is set before its widgets are styled: set at the first
    resize, it restyled the whole screen, the most of the time to switch to another meeting."""
    opgemaakt: list[Screen] = []
    update_styles = TripartietApp.update_styles

    def noteer(self: TripartietApp, node, animate: bool = True) -> None:  # noqa: ANN001
        if isinstance(node, Screen):
            opgemaakt.append(node)
        update_styles(self, node, animate=animate)

    monkeypatch.setattr(TripartietApp, "update_styles", noteer)
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        overleg = app.screen
        assert isinstance(overleg, OverlegScherm) and overleg.has_class("breed")
        assert overleg not in opgemaakt
        await pilot.resize_terminal(100, 30)  # narrower: the class goes, as before
        await pilot.pause()
        assert not overleg.has_class("breed")
