"""The framework screen, driven by key presses like a user."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static, Tree

from tests.hulp import schermtekst
from tui.app import TripartietApp


def _tekst(app: TripartietApp) -> str:
    return schermtekst(app.screen.query_one("#tekst", Static))


async def test_palet_springt_naar_netcongestie_met_liander(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "1.1 Programmering sociale huur" in _tekst(app)
        await pilot.press("ctrl+p")
        await pilot.press(*"netcongestie")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        tekst = _tekst(app)
        assert tekst.startswith("4.2 Netcongestie")
        lokaal = tekst.split("Lokaal", 1)[1].split("Betrokkenen", 1)[0]
        assert "Liander" in lokaal
        boom = app.screen.query_one("#boom", Tree)
        assert boom.cursor_node.data == "4.2"


async def _zoek(app: TripartietApp, pilot, tekst: str) -> list[str]:
    from textual.command import CommandList

    await pilot.press("ctrl+p")
    await pilot.press(*tekst)
    await pilot.pause(0.4)
    lijst = app.screen.query_one(CommandList)
    return [str(lijst.get_option_at_index(i).prompt).split("\n")[0] for i in range(lijst.option_count)]


async def test_palet_zoekt_op_nummer_titel_en_tekst(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert await _zoek(app, pilot, "liander") == ["Ga naar subthema 4.2 Netcongestie"]
        await pilot.press("escape")
        gevonden = await _zoek(app, pilot, "1.10")
        assert gevonden[0] == "Ga naar subthema 1.10 Betaalbaarheid"
        await pilot.press("enter")
        await pilot.pause()
        assert _tekst(app).startswith("1.10 Betaalbaarheid")


async def test_bladeren_met_pijltjes_en_tab(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        assert _tekst(app).startswith("1.2 Samenwerking bij de realisatie en\nversnelling van projecten")
        await pilot.press("tab")
        assert app.focused.id == "tekstvak"
        await pilot.press("ctrl+q")
    assert app.return_code == 0


async def test_voetnoot_en_afgeleide_titel_staan_bij_hun_subthema(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.pause()
        app.ga_naar_subthema("1.4")
        await pilot.pause()
        tekst = _tekst(app)
        assert "conceptueel² te bouwen" in tekst
        assert "² Wat is conceptueel bouwen?" in tekst
        app.ga_naar_subthema("3.2")
        await pilot.pause()
        assert "Titel afgeleid" in _tekst(app)
        app.ga_naar_subthema("3.4")
        await pilot.pause()
        assert "Betrokkenen\nNiet vermeld in het kader." in _tekst(app)
