"""The footer keeps its keys while they stay the same, and changes when the offered keys change."""

from __future__ import annotations

from pathlib import Path

from textual.widgets._footer import FooterKey

from tui.app import TripartietApp
from tui.widgets.voettekst import Voettekst


def _omschrijvingen(voettekst: Voettekst) -> list[str]:
    return [toets.description for toets in voettekst.query(FooterKey)]


async def test_voettekst_wordt_alleen_herbouwd_als_de_toetsen_veranderen(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        voettekst = app.screen.query_one(Voettekst)
        toetsen = list(voettekst.query(FooterKey))
        assert "Volgende" in _omschrijvingen(voettekst)
        app.screen.refresh_bindings()  # what every focus change sends
        await pilot.pause()
        assert list(voettekst.query(FooterKey)) == toetsen
        await pilot.press("tab")  # the list of actions offers keys of its own
        await pilot.pause()
        assert app.focused.id == "acties", "1.6 has no agreements: Tab passes their empty list"
        assert len(_omschrijvingen(voettekst)) > len(toetsen)


async def test_voettekst_volgt_wat_er_kan(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("ctrl+p", *"actielijst")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        voettekst = app.screen.query_one(Voettekst)
        toetsen = _omschrijvingen(voettekst)
        assert "Gereed" in toetsen and "Alle" in toetsen and "Open" not in toetsen and "Volgende" not in toetsen
        await pilot.press("a")  # now all actions are listed, so the key offers 'Open'
        await pilot.pause()
        toetsen = _omschrijvingen(voettekst)
        assert "Open" in toetsen and "Alle" not in toetsen


async def test_voettekst_van_het_eerste_scherm_wordt_eenmaal_opgebouwd(demo_pad: Path, monkeypatch) -> None:  # noqa: ANN001
    """The footer shows its keys from its first composition: Textual's Footer composed empty and
    rebuilt itself after the first bindings signal, one more layout pass before the first screen
    settled."""
    opbouw: list[Voettekst] = []
    compose = Voettekst.compose

    def tel(self: Voettekst):  # noqa: ANN202
        opbouw.append(self)
        return compose(self)

    monkeypatch.setattr(Voettekst, "compose", tel)
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        voettekst = app.screen.query_one(Voettekst)
        assert "Volgende" in _omschrijvingen(voettekst)
        assert opbouw == [voettekst]


async def test_vervangen_toetsen_blijven_niet_aan_de_voettekst_hangen(demo_pad: Path) -> None:
    """Each key Textual's Footer composes watches the footer (data_bind); the meeting screen stays
    for the whole session, so the keys of every rebuild (a Tab, another meeting) stayed alive."""
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        voettekst = app.screen.query_one(Voettekst)
        for _ in range(6):  # note, actions, agenda, ... and round again: a rebuild at most every step
            await pilot.press("tab")
            await pilot.pause()
        kijkers = getattr(voettekst, "__watchers")["compact"]
        getoond = {id(toets) for toets in voettekst.query(FooterKey)}
        assert kijkers and all(id(node) in getoond for node, _ in kijkers)


async def test_de_voettekst_van_een_bedekt_scherm_wordt_niet_herbouwd(demo_pad: Path, monkeypatch) -> None:  # noqa: ANN001
    """Opening the action list over the meeting screen, and closing it, leaves the meeting screen's
    footer as it was: its keys are the same before and after. It was rebuilt twice (23 keys
    mounted and styled on the 100x file, some 15 ms of opening the action list)."""
    from tui.schermen.actielijst import ActielijstScherm
    from tui.schermen.overleg import OverlegScherm

    opbouw: list[str] = []
    compose = Voettekst.compose

    def tel(self: Voettekst):  # noqa: ANN202
        opbouw.append(type(self.screen).__name__)
        return compose(self)

    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("escape")  # out of the note, onto the agenda
        await pilot.pause()
        overleg = app.screen
        assert isinstance(overleg, OverlegScherm)
        overleg.ga_naar_index(0)  # the opening: no agreement there, so 'a' is not offered
        await pilot.pause()
        assert overleg.punt.subthema_nummer is None
        voor = _omschrijvingen(overleg.query_one(Voettekst))
        monkeypatch.setattr(Voettekst, "compose", tel)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, ActielijstScherm)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is overleg
        assert "OverlegScherm" not in opbouw
        assert _omschrijvingen(overleg.query_one(Voettekst)) == voor
