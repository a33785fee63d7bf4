"""Changing what was recorded: palette commands, editing, deleting with confirmation, undo."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from opslag import notulen
from opslag.bestand import Gemeentebestand
from tests.hulp import schermtekst
from tui.app import TripartietApp


async def _naar_3_2(pilot) -> None:
    await pilot.press("ctrl+down", "ctrl+down")  # from 1.6 to 3.2, which has AF-008, B-005, A-008
    await pilot.pause()


async def test_palet_biedt_de_overlegopdrachten(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for opdracht, scherm in (
            ("nieuwe actie", "ActieFormulier"),
            ("nieuw besluit", "BesluitFormulier"),
            ("actielijst", "ActielijstScherm"),
            ("wissel van overleg", "OverlegKiezer"),
        ):
            await pilot.press("ctrl+p", *opdracht)
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert type(app.screen).__name__ == scherm, opdracht
            await pilot.press("escape")
            await pilot.pause()
        app.concepten.clear()


async def test_verwijderen_vraagt_bevestiging_en_ctrl_z_zet_terug(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await _naar_3_2(pilot)
        app.screen.query_one("#besluiten").focus()
        await pilot.press("home", "delete")
        await pilot.pause()
        assert type(app.screen).__name__ == "BevestigScherm"
        assert "B-005 verwijderen?" in schermtekst(app.screen.query_one("#vraag"))
        await pilot.press("n")  # no: nothing happens
        await pilot.pause()
        assert "B-005" in [b.code for b in notulen.besluiten(app.bestand)]
        await pilot.press("delete")
        await pilot.pause()
        assert type(app.screen).__name__ == "BevestigScherm", app.focused
        await pilot.press("j")
        await pilot.pause()
        assert "B-005" not in [b.code for b in notulen.besluiten(app.bestand)]
        assert "Geen besluiten bij dit punt." in schermtekst(app.screen.query_one("#besluiten"))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "B-005 Een bewonerspanel adviseert" in schermtekst(app.screen.query_one("#besluiten")).replace("\n", " ")
        # A new decision after the deletion never reuses a number.
        app.screen.query_one("#agenda").focus()
        await pilot.press("b", *"Nog een besluit", "enter")
        await pilot.pause()
    with Gemeentebestand.open(demo_pad) as bestand:
        assert [b.code for b in notulen.besluiten(bestand)][-3:] == ["B-005", "B-006", "B-007"]


async def test_afspraak_wijzigen_houdt_nummer_en_verwijderen_laat_acties_staan(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await _naar_3_2(pilot)
        app.screen.query_one("#afspraken").focus()
        await pilot.press("home", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "AfspraakFormulier"
        assert app.screen.query_one("#actielijn", Input).value == "Leefbaarheidsbudget inzetten voor buurthuis Het Anker"
        doel = app.screen.query_one("#doel", Input)
        doel.value = "€ 40.000 in 2027"
        # The demo's agenda is adopted: a change of content needs its reason.
        app.screen.query_one("#reden", Input).value = "Extra budget vrijgemaakt"
        doel.focus()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm"
    with Gemeentebestand.open(demo_pad) as bestand:
        [afspraak] = notulen.afspraken(bestand, subthema="3.2")
        assert (afspraak.code, afspraak.doel, afspraak.doel_aantal, afspraak.doel_eenheid) == ("AF-008", "€ 40.000 in 2027", 40000, "euro")


async def test_concept_van_gesloten_formulier_komt_terug(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "t", *"Half getypte actie")
        await pilot.press("escape")  # closed without saving
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm"
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.query_one("#wat", Input).value == "Half getypte actie"
        assert any("teruggezet" in n.message for n in app._notifications)


async def test_nieuwe_partij_via_het_palet(tmp_path: Path) -> None:
    from opslag.bestand import nieuw_bestand

    pad = nieuw_bestand("Zutphen", tmp_path / "zutphen.sqlite")
    app = TripartietApp(pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"nieuwe partij")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Woonstichting Zutphen", "tab", *"wz", "enter")
        await pilot.pause()
    with Gemeentebestand.open(pad) as bestand:
        assert [(p.code, p.naam, p.soort.value) for p in bestand.partijen()] == [
            ("GZ", "Gemeente Zutphen", "gemeente"), ("WZ", "Woonstichting Zutphen", "corporatie")]


async def test_besluit_wijzigen_met_enter_vult_het_formulier_en_bewaart(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await _naar_3_2(pilot)
        app.screen.query_one("#besluiten").focus()
        await pilot.press("home", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "BesluitFormulier"
        tekst = app.screen.query_one("#tekst")
        oud = tekst.text if hasattr(tekst, "text") else tekst.value
        assert oud, "the form shows the stored decision"
        tekst.focus()
        await pilot.press("end", *" (gewijzigd)", "ctrl+s")
        await pilot.pause()
        besluit = next(b for b in notulen.besluiten(app.bestand) if b.code == "B-005")
        assert besluit.tekst == oud + " (gewijzigd)"
