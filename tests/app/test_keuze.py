"""Keuze: Textual's Select with its list mounted when first opened, and otherwise the same."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Input, Select
from textual.widgets._select import SelectCurrent, SelectOverlay

from tui.app import TripartietApp
from tui.widgets.keuze import Keuze

PERSONEN = [("Anne Jansen", 1), ("Kees Wolters", 2), ("Ruud Mulder", 3)]


class KeuzeApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.gemeld: list[object] = []

    def compose(self) -> ComposeResult:
        yield Keuze(PERSONEN, id="wie", prompt="(niemand)")
        yield Input(id="anders")

    def on_select_changed(self, event: Select.Changed) -> None:
        self.gemeld.append(event.value)


async def test_een_formulier_opent_zonder_lijsten_en_een_keuzelijst_maakt_de_zijne_bij_openen(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape", "o")
        await pilot.pause()
        formulier = app.screen
        assert len(formulier.query(Select)) == 4 and not formulier.query(SelectOverlay)
        soort = formulier.query_one("#soort", Select)
        soort.focus()
        await pilot.press("space")
        await pilot.pause()
        lijst = formulier.query_one(SelectOverlay)
        assert soort.expanded and lijst.has_focus and lijst.display
        assert lijst.highlighted == 0 and lijst.option_count == 2  # 'ambtelijk', the value
        await pilot.press("escape")  # closes the list, not the form
        await pilot.pause()
        assert app.screen is formulier and soort.has_focus and not soort.expanded
        await pilot.press("down", "down", "enter")  # opened again (the same list): 'bestuurlijk'
        await pilot.pause()
        assert soort.value == "bestuurlijk" and len(formulier.query(SelectOverlay)) == 1


async def test_waarde_prompt_en_melding_zonder_dat_de_lijst_ooit_open_was() -> None:
    app = KeuzeApp()
    async with app.run_test() as pilot:
        wie = app.query_one("#wie", Keuze)
        assert wie.value is Select.NULL and wie.query_one(SelectCurrent).placeholder == "(niemand)"
        wie.value = 3
        await pilot.pause()
        assert "Ruud Mulder" in str(wie.query_one(SelectCurrent).label) and app.gemeld[-1] == 3
        wie.set_options([("Fatima", 7), *PERSONEN])
        await pilot.pause()
        assert wie.value is Select.NULL and app.gemeld[-1] is Select.NULL
        wie.prompt = "(nog niet bekend)"
        await pilot.pause()
        assert wie.query_one(SelectCurrent).placeholder == "(nog niet bekend)"
        assert not app.query(SelectOverlay)
        wie.focus()
        await pilot.press("down")  # opens; the first line is the prompt, for 'none'
        await pilot.pause()
        lijst = app.query_one(SelectOverlay)
        assert [str(lijst.get_option_at_index(i).prompt) for i in range(lijst.option_count)][:2] == ["(nog niet bekend)", "Fatima"]


async def test_typen_zoekt_in_de_open_lijst_en_een_klik_opent_hem() -> None:
    app = KeuzeApp()
    async with app.run_test() as pilot:
        wie = app.query_one("#wie", Keuze)
        await pilot.click("#wie")
        await pilot.pause()
        assert wie.expanded and app.query_one(SelectOverlay).has_focus
        await pilot.press(*"ruud", "enter")
        await pilot.pause()
        assert wie.value == 3 and not wie.expanded and wie.has_focus and app.gemeld == [3]
        await pilot.press("space")  # again: the list shows the chosen one highlighted
        await pilot.pause()
        assert app.query_one(SelectOverlay).highlighted == 3  # after the blank line


async def test_een_open_keuzelijst_op_een_formulier_noemt_esc_in_het_nederlands(demo_pad: Path) -> None:
    """With a dropdown open, Escape (as F1 lists it) says 'Sluiten', not Textual's 'Dismiss menu'."""
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("escape", "o")
        await pilot.pause()
        formulier = app.screen
        soort = formulier.query_one("#soort", Select)
        soort.focus()
        await pilot.press("space")
        await pilot.pause(0.1)
        assert soort.expanded and isinstance(app.focused, SelectOverlay)
        assert formulier.active_bindings["escape"].binding.description == "Sluiten"
        await pilot.press("escape")  # closes the list, not the form
        await pilot.pause()
        assert app.screen is formulier and not soort.expanded
