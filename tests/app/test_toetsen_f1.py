"""F1 shows the keys of the window the minute-taker is in: also inside a form or a dialog."""

from __future__ import annotations

from pathlib import Path

from tests.hulp import schermtekst
from tui.app import TripartietApp
from tui.schermen.toetsen import ToetsenScherm


async def _f1_tekst(app: TripartietApp, pilot) -> str:  # noqa: ANN001
    await pilot.press("f1")
    await pilot.pause()
    assert isinstance(app.screen, ToetsenScherm)
    return "\n".join(schermtekst(deel) for deel in app.screen.query("Label, Static"))


async def test_f1_in_een_formulier_toont_de_toetsen_van_het_formulier(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape", "t")
        await pilot.pause()
        formulier = app.screen
        assert type(formulier).__name__ == "ActieFormulier"
        tekst = await _f1_tekst(app, pilot)
        assert "Vastleggen" in tekst and "Sluiten" in tekst
        assert "Tab en shift+Tab" in tekst
        await pilot.press("f1")  # F1 again closes the page, back in the form as it was
        await pilot.pause()
        assert app.screen is formulier


async def test_f1_in_aanwezigheid(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape", "p")
        await pilot.pause()
        assert type(app.screen).__name__ == "AanwezigheidScherm"
        tekst = await _f1_tekst(app, pilot)
        for toets in ("Aanwezig", "Afwezig mk", "Nieuw", "Samenvoegen"):
            assert toets in tekst
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "AanwezigheidScherm"


async def test_f1_van_het_overlegscherm_legt_tab_en_de_lijsten_uit(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        tekst = " ".join((await _f1_tekst(app, pilot)).split())
        assert "Tab gaat naar het volgende deel" in tekst
        assert "Enter wijzigt hem, Delete verwijdert hem" in tekst
        assert tekst.index("Tab gaat naar") < tekst.index("Volgende"), "the explanation comes before the keys"


async def test_f1_schrijft_de_toetsen_zoals_de_voettekst(demo_pad: Path) -> None:
    """The F1 page said 'esc', 'f1' and 'del' where the footer and the help lines say 'Esc' and
    'Del': one key, two names. Both now name every key the same way."""
    from textual.widgets._footer import FooterKey

    app = TripartietApp(demo_pad)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        voettekst = {schermtekst(k).lstrip(" ▏").split(" ", 1)[1]: schermtekst(k).lstrip(" ▏").split(" ", 1)[0]
                     for k in app.screen.query(FooterKey)}
        assert voettekst["Agenda"] == "Esc" and voettekst["Toetsen"] == "F1"
        tekst = await _f1_tekst(app, pilot)
        regels = [" ".join(regel.split()) for regel in tekst.splitlines()]
        for beschrijving, toets in voettekst.items():
            assert f"{toets} {beschrijving}" in regels
        assert "Del, x Punt van de agenda halen" in regels
        assert not [r for r in regels if r.split(" ", 1)[0].rstrip(",") in ("esc", "f1", "del", "tab", "space")]
