"""The framework screen, driven by key presses like a user."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static, Tree

import pytest

from opslag.bestand import nieuw_bestand
from tests.hulp import schermtekst
from tui.app import TripartietApp


@pytest.fixture
def aalten_pad(tmp_path: Path) -> Path:
    """A new file without meetings opens on the framework screen."""
    return nieuw_bestand("Aalten", tmp_path / "aalten.sqlite")


def _tekst(app: TripartietApp) -> str:
    return schermtekst(app.screen.query_one("#tekst", Static))


async def test_kader_palet_springt_naar_netcongestie_met_liander(aalten_pad: Path) -> None:
    app = TripartietApp(aalten_pad)
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


async def test_palet_zoekt_op_nummer_titel_en_tekst(aalten_pad: Path) -> None:
    app = TripartietApp(aalten_pad)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert await _zoek(app, pilot, "liander") == ["Ga naar subthema 4.2 Netcongestie"]
        await pilot.press("escape")
        gevonden = await _zoek(app, pilot, "1.10")
        assert gevonden[0] == "Ga naar subthema 1.10 Betaalbaarheid"
        await pilot.press("enter")
        await pilot.pause()
        assert _tekst(app).startswith("1.10 Betaalbaarheid")


async def test_bladeren_met_pijltjes_en_tab(aalten_pad: Path) -> None:
    app = TripartietApp(aalten_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        assert _tekst(app).startswith("1.2 Samenwerking bij de realisatie en\nversnelling van projecten")
        await pilot.press("tab")
        assert app.focused.id == "tekstvak"
        await pilot.press("ctrl+q")
    assert app.return_code == 0


async def test_voetnoot_en_afgeleide_titel_staan_bij_hun_subthema(aalten_pad: Path) -> None:
    app = TripartietApp(aalten_pad)
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


async def test_demo_palet_ga_naar_4_2_toont_liander_in_lokale_afspraken(demo_pad: Path) -> None:
    """The demo resumes its last meeting; 'ga naar subthema' finds 4.2 on its agenda."""
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"netcongestie")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await pilot.pause()
        assert schermtekst(app.screen.query_one("#positie")).strip().startswith("4.2 Netcongestie")
        afspraken = schermtekst(app.screen.query_one("#afspraken"))
        assert "AF-005 Planning van nieuwbouw en renovatie afstemmen met Liander" in " ".join(afspraken.split())
        await pilot.press("escape", "k")  # unfold the regional framework
        await pilot.pause()
        kader = schermtekst(app.screen.query_one("#kader"))
        lokaal = kader.split("Lokaal", 1)[1].split("Betrokkenen", 1)[0]
        assert "Gemeente en Corporatie stemmen de planning af met Liander." in " ".join(lokaal.split())


async def test_kaderblok_gaat_open_en_dicht_met_enter_en_blijft_open_bij_het_volgende_punt(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        kader = app.screen.query_one("#kader")
        assert app.screen.punt.subthema_nummer == "1.6" and app.focused.id == "notitie"
        assert schermtekst(kader).strip() == "▶ Regionaal kader (k)"
        await pilot.press("shift+tab")  # from the note up to the framework
        await pilot.pause()
        assert app.focused is kader
        await pilot.press("enter")
        await pilot.pause()
        tekst = schermtekst(kader)
        assert tekst.strip().startswith("▼ Regionaal kader (k)") and "1.6 Monitoring" in tekst and "Regionaal" in tekst
        await pilot.press("ctrl+down")  # the next subtheme shows its own framework, still unfolded
        await pilot.pause()
        assert "1.9 Woonruimteverdeling en doorstroming" in schermtekst(kader)
        await pilot.press("enter")
        await pilot.pause()
        assert schermtekst(kader).strip() == "▶ Regionaal kader (k)"
        await pilot.press("ctrl+down", "ctrl+down", "ctrl+down")  # Rondvraag has no framework
        await pilot.pause()
        assert not kader.display


async def test_lettertoetsen_werken_ook_op_het_kaderblok(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("shift+tab")  # from the note to the framework
        await pilot.pause()
        kader = app.screen.query_one("#kader")
        assert app.focused is kader
        await pilot.press("k")
        await pilot.pause()
        assert kader.open
        await pilot.press("t")
        await pilot.pause()
        assert type(app.screen).__name__ == "ActieFormulier"
