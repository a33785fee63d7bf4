"""The lists of the meeting screen: a row highlighted on focus, empty lists skipped, keys that say why."""

from __future__ import annotations

from pathlib import Path

from opslag import notulen
from opslag.bestand import Gemeentebestand
from opslag.modellen import ActieStatus
from tui.app import TripartietApp


def _besluiten_van_3_2_weg(pad: Path) -> None:
    with Gemeentebestand.open(pad) as bestand:
        for besluit in notulen.besluiten(bestand):
            if besluit.code == "B-005":
                notulen.verwijder(bestand, "besluit", besluit.id)


async def test_tab_slaat_lege_lijst_over_en_g_werkt_op_de_eerste_regel(demo_pad: Path) -> None:
    _besluiten_van_3_2_weg(demo_pad)  # 3.2 keeps AF-008 and A-008, no decision
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+down", "ctrl+down")
        await pilot.pause()
        assert app.focused.id == "notitie"
        await pilot.press("tab")
        assert app.focused.id == "afspraken" and app.focused.highlighted == 0, "a list shows its first row on focus"
        await pilot.press("tab")
        assert app.focused.id == "acties", "the empty list of decisions is passed over"
        assert app.focused.highlighted == 0
        await pilot.press("g")
        await pilot.pause()
    with Gemeentebestand.open(demo_pad) as bestand:
        assert next(a for a in notulen.actiepunten(bestand) if a.code == "A-008").status is ActieStatus.GEREED


async def test_een_toets_die_niet_kan_zegt_waarom(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+down", "ctrl+down", "tab")
        assert app.focused.id == "afspraken"
        await pilot.press("g")  # an agreement is not done or open
        await pilot.pause()
        assert any("Alleen een actiepunt kan gereed" in n.message for n in app._notifications)
        besluiten = app.screen.query_one("#besluiten")
        besluiten.highlighted = None
        besluiten.action_verwijder()
        await pilot.pause()
        assert any("Kies eerst een regel" in n.message for n in app._notifications)
        assert type(app.screen).__name__ == "OverlegScherm"
