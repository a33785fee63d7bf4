"""The start screen: known files, and a new one made from the keyboard."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from opslag.bestand import Gemeentebestand
from opslag.instellingen import onthoud_bestand
from tests.hulp import schermtekst
from tui.app import TripartietApp


async def test_startscherm_toont_map_en_recente_bestanden(tmp_path: Path, demo_pad: Path) -> None:
    elders = tmp_path / "elders"
    elders.mkdir()
    recent = elders / "berkelland.sqlite"
    demo_pad.rename(recent)
    onthoud_bestand(recent)
    (tmp_path / "aalten.sqlite").write_bytes(b"")
    app = TripartietApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lijst = app.screen.query_one("#bestanden", OptionList)
        regels = [r.strip("▊▎ ") for r in schermtekst(lijst).splitlines() if ".sqlite" in r]
        assert regels[0].startswith("berkelland.sqlite  (in")
        assert regels[1] == "aalten.sqlite"
        await pilot.press("enter")
        await pilot.pause()
        assert app.bestand is not None and app.bestand.pad == recent
        assert type(app.screen).__name__ == "OverlegScherm", "a file with meetings resumes the last one"


async def test_nieuwe_gemeente_vanaf_startscherm(tmp_path: Path) -> None:
    app = TripartietApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"../x", "enter")
        await pilot.pause()
        assert "geen geldige gemeentenaam" in schermtekst(app.screen.query_one("#melding"))
        assert list(tmp_path.glob("*.sqlite")) == []
        await pilot.press(*["backspace"] * 4, *"Bronckhorst", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "KaderScherm"
    with Gemeentebestand.open(tmp_path / "bronckhorst.sqlite") as bestand:
        assert [p.code for p in bestand.partijen()] == ["GBH", "PW", "SITE", "HEVO", "HVZ", "SIV"]


async def test_kapot_bestand_vanaf_startscherm_geeft_melding(tmp_path: Path) -> None:
    (tmp_path / "kapot.sqlite").write_text("geen database")
    app = TripartietApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "StartScherm"
        meldingen = [n.message for n in app._notifications]
        assert any("geen Tripartiet-bestand" in m for m in meldingen)
    assert (tmp_path / "kapot.sqlite").read_text() == "geen database"


async def test_geopend_bestand_wordt_na_het_eerste_scherm_onthouden(demo_pad: Path) -> None:
    """Remembering writes the settings with pydantic, so it waits for the background load."""
    from opslag.instellingen import recente_bestanden

    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            if app._geschilderd:
                break
            await pilot.pause()
        await app.workers.wait_for_complete()
    assert recente_bestanden() == [demo_pad.resolve()]


async def test_startscherm_biedt_het_voorbeeldbestand(tmp_path: Path) -> None:
    """A first-time user without files can open the practice file, as `tripartiet demo` does."""
    from opslag.demo import standaard_demo_pad

    app = TripartietApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lijst = app.screen.query_one("#bestanden", OptionList)
        assert "Voorbeeldbestand (Zonnedal) openen" in schermtekst(lijst)
        await pilot.press("escape", "end", "enter")  # to the list, its last line
        await pilot.pause()
        assert app.bestand is not None and app.bestand.pad == standaard_demo_pad()
        assert app.bestand.gemeente().naam.startswith("Zonnedal")
        assert type(app.screen).__name__ == "OverlegScherm"
    assert list(tmp_path.glob("*.sqlite")) == [], "the demo goes to the data folder, not the working folder"


async def test_voorbeeldbestand_staat_eenmaal_op_het_startscherm(tmp_path: Path) -> None:
    from opslag.demo import maak_demo, standaard_demo_pad

    pad = standaard_demo_pad()
    pad.parent.mkdir(parents=True)
    maak_demo(pad)
    onthoud_bestand(pad)
    app = TripartietApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        tekst = schermtekst(app.screen.query_one("#bestanden", OptionList))
        assert "demo-zonnedal.sqlite" not in tekst
        assert tekst.count("Voorbeeldbestand (Zonnedal) openen") == 1
