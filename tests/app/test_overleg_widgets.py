"""The meeting screen's widgets report with messages (attributes down, messages up), and its
current item is a reactive: setting it shows the item."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import Label

from opslag import notulen
from opslag.bestand import Gemeentebestand
from opslag.fouten import SchrijfFout
from opslag.notulen import PuntTelling
from tests.hulp import schermtekst
from tui.app import TripartietApp
from tui.widgets.agendalijst import AgendaLijst
from tui.widgets.itemlijst import ItemLijst
from tui.widgets.notitieveld import Notitieveld


class _Lijsten(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.berichten: list[object] = []

    def compose(self) -> ComposeResult:
        yield AgendaLijst(id="agenda")
        yield ItemLijst(id="items")

    def on_mount(self) -> None:
        self.query_one(AgendaLijst).toon([(1, "Opening", None), (2, "1.1 Wonen", PuntTelling(acties=1))], 0)
        self.query_one(ItemLijst).toon([(None, Text("… oudere")), ("besluit:7", Text("B-001 x"))], "leeg")

    def on_agenda_lijst_gekozen(self, bericht: AgendaLijst.Gekozen) -> None:
        self.berichten.append(bericht)

    def on_agenda_lijst_typen(self, bericht: AgendaLijst.Typen) -> None:
        self.berichten.append(bericht)

    def on_item_lijst_bewerken(self, bericht: ItemLijst.Bewerken) -> None:
        self.berichten.append(bericht)

    def on_item_lijst_verwijderen(self, bericht: ItemLijst.Verwijderen) -> None:
        self.berichten.append(bericht)

    def on_item_lijst_gereed(self, bericht: ItemLijst.Gereed) -> None:
        self.berichten.append(bericht)


async def test_lijsten_melden_wat_gekozen_is_en_niet_wat_het_scherm_toont() -> None:
    app = _Lijsten()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.berichten == [], "showing the current item is no choice of the minute-taker"
        app.query_one(AgendaLijst).kies(1)
        await pilot.pause()
        assert app.berichten == []
        app.query_one(AgendaLijst).focus()
        await pilot.press("up", "enter")
        await pilot.pause()
        assert app.berichten == [AgendaLijst.Gekozen(0), AgendaLijst.Typen()]
        app.berichten.clear()
        lijst = app.query_one(ItemLijst)
        lijst.focus()
        lijst.highlighted = 1
        await pilot.press("enter", "delete", "g")
        await pilot.pause()
        assert app.berichten == [ItemLijst.Bewerken("besluit:7"), ItemLijst.Verwijderen("besluit:7"), ItemLijst.Gereed("besluit:7")]
        lijst.toon([], "Geen besluiten bij dit punt.")
        app.berichten.clear()
        await pilot.press("enter")
        await pilot.pause()
        assert app.berichten == [] and lijst.get_option_at_index(0).disabled, "the empty list says so and offers nothing"


class _Notitie(App[None]):
    def __init__(self, bestand: Gemeentebestand) -> None:
        super().__init__()
        self.bestand = bestand
        self.berichten: list[object] = []

    def compose(self) -> ComposeResult:
        veld = Notitieveld(self.bestand, id="notitie")
        yield veld.kop
        yield veld

    def on_notitieveld_bewaard(self, bericht: Notitieveld.Bewaard) -> None:
        self.berichten.append(bericht)

    def on_notitieveld_niet_bewaard(self, bericht: Notitieveld.NietBewaard) -> None:
        self.berichten.append(bericht)


def _notitie(pad: Path, punt_id: int) -> str:
    with Gemeentebestand.open(pad) as bestand:
        return next(p.notitie for p in notulen.agendapunten(bestand, 1) if p.id == punt_id)


async def test_notitieveld_bewaart_zelf_en_meldt_het(demo_pad: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bestand = Gemeentebestand.open(demo_pad)
    punt = notulen.agendapunten(bestand, 1)[1]
    app = _Notitie(bestand)
    async with app.run_test() as pilot:
        veld = app.query_one(Notitieveld)
        veld.toon(punt.id, "eerst")
        veld.focus()
        assert veld.bewaar() and app.berichten == [], "nothing typed, nothing written"
        await pilot.press(*" en dan")
        assert "wordt bewaard" in schermtekst(veld.kop)
        assert veld.bewaar()
        await pilot.pause()
        assert [(b.punt_id, b.tekst) for b in app.berichten] == [(punt.id, "eerst en dan")]
        assert "bewaard" in schermtekst(veld.kop) and not veld.onbewaard

        def kapot(*_: object) -> None:
            raise SchrijfFout(demo_pad, "de schijf is vol")

        monkeypatch.setattr(notulen, "bewaar_notitie", kapot)
        await pilot.press("!")
        assert not veld.bewaar()
        await pilot.pause()
        assert isinstance(app.berichten[-1], Notitieveld.NietBewaard) and "de schijf is vol" in app.berichten[-1].reden
        assert "NIET BEWAARD" in schermtekst(veld.kop) and veld.tekst == "eerst en dan!" and veld.onbewaard
        monkeypatch.undo()
        await veld.remove()  # leaving saves what is still unsaved
    bestand.sluit()
    assert _notitie(demo_pad, punt.id) == "eerst en dan!"


async def test_huidig_punt_is_reactief_en_tonen_schrijft_niets(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        scherm = app.screen
        huidig = scherm.overleg.huidig_punt_id
        doel = next(i for i, p in enumerate(scherm.punten) if p.notitie and p.id != huidig)
        scherm.index = doel
        await pilot.pause()
        assert schermtekst(scherm.query_one("#positie", Label)).strip().startswith(f"{scherm.punt_titel(scherm.punten[doel])} — {doel + 1} van")
        assert scherm.notitieveld.tekst == scherm.punten[doel].notitie
        assert scherm.query_one(AgendaLijst).highlighted == doel
        assert notulen.overleg(app.bestand, scherm.overleg_id).huidig_punt_id == huidig, "only moving on remembers"
        scherm.ga_naar_index(0)
        assert notulen.overleg(app.bestand, scherm.overleg_id).huidig_punt_id == scherm.punten[0].id
