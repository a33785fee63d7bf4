"""A notification never covers the line of the item just saved (80x24, toasts bottom right)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets._toast import Toast

from tests.hulp import schermtekst
from tui.app import TripartietApp
from tui.widgets.itemlijst import ItemLijst


async def _vul_en_leg_vast(app: TripartietApp, pilot, tekst: str) -> None:  # noqa: ANN001
    """Type the text, choose a party where the form asks who, and save (ctrl+s, as a user may)."""
    await pilot.press(*tekst)
    for keuze in app.screen.query("#partij"):
        keuze.value = app.bestand.partijen()[0].id
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert type(app.screen).__name__ == "OverlegScherm", "the form was saved and closed"
    for _ in range(5):  # the toast is mounted a few messages after the notification
        await pilot.pause()


def _regio_van_regel(app: TripartietApp, tekst: str):  # noqa: ANN202
    for lijst in app.screen.query(ItemLijst):
        for i, regel in enumerate(schermtekst(lijst).splitlines()):
            if tekst in regel:
                return Region(lijst.content_region.x, lijst.content_region.y + i, lijst.content_region.width, 1)
    return None


@pytest.mark.parametrize(
    ("naar_punt", "soort", "tekst"),
    [
        ((), "t", "Kaart per kern"),  # 1.6, where the demo resumes: the list is below the fold
        (("ctrl+up",) * 5, "b", "Agenda vastgesteld"),  # Opening: little on screen
        (("ctrl+down",) * 3, "t", "Netkaart delen"),  # 4.2 Netcongestie
    ],
)
async def test_nieuwe_regel_zichtbaar_en_niet_onder_de_melding(
    demo_pad: Path, naar_punt: tuple[str, ...], soort: str, tekst: str
) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press(*naar_punt, "escape", soort)
        await pilot.pause()
        await _vul_en_leg_vast(app, pilot, tekst)
        regio = _regio_van_regel(app, tekst)
        assert regio is not None, "the new line is in its list"
        assert app.screen.query_one("#werkvlak").region.contains_region(regio), "and on screen"
        toasts = list(app.screen.query(Toast))
        assert toasts, "the notification is shown"
        for toast in toasts:
            assert not toast.region.overlaps(regio), (toast.region, regio)
