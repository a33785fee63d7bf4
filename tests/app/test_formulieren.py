"""Forms: drafts kept in the file, Enter completes from every single-line field, 80x24."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.hulp import terug_naar_versie_2

from textual.widgets import Input, Label, Select, SelectionList

from opslag import notulen
from opslag.bestand import Gemeentebestand, nieuw_bestand
from opslag.schema import SCHEMA_VERSIE
from tui.app import TripartietApp


def _concepten(pad: Path) -> dict[str, dict]:
    conn = sqlite3.connect(pad)
    try:
        return {sleutel: json.loads(velden) for sleutel, velden in conn.execute("SELECT sleutel, velden FROM concept")}
    finally:
        conn.close()


async def test_ctrl_q_met_half_ingevuld_actieformulier_bewaart_concept_en_biedt_het_aan(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "t", *"Folder verhuiscoach")
        await pilot.press("ctrl+q")  # at once, within the half second: quitting writes the draft
        await pilot.pause()
    [(sleutel, velden)] = _concepten(demo_pad).items()
    assert sleutel.startswith("actie-nieuw-") and velden["wat"] == "Folder verhuiscoach"

    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "t")
        await pilot.pause()
        assert app.screen.query_one("#wat", Input).value == "Folder verhuiscoach"
        assert any(n.message.startswith("Concept van ") and "teruggezet" in n.message for n in app._notifications)
        await pilot.press("end", *" maken", "tab")
        app.screen.query_one("#persoon", Select).value = notulen.personen(app.bestand)[0].id
        await pilot.press("enter")  # completed: the action is in the minutes, the draft is gone
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm"
    assert _concepten(demo_pad) == {}
    with Gemeentebestand.open(demo_pad) as bestand:
        assert notulen.actiepunten(bestand)[-1].wat == "Folder verhuiscoach maken"


async def test_concept_wordt_tijdens_het_typen_bewaard(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "b", *"Half besluit")
        await pilot.pause(0.8)  # the draft is written at most half a second after the first key
        assert [v["tekst"] for v in _concepten(demo_pad).values()] == ["Half besluit"]
        await pilot.press("escape")
        await pilot.pause()


async def test_enter_legt_vast_vanuit_een_gesloten_keuzelijst(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "t", *"Actie via keuzelijst")
        app.screen.query_one("#persoon", Select).value = notulen.personen(app.bestand)[0].id
        app.screen.query_one("#status", Select).focus()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm", "Enter on a closed dropdown saves instead of opening it"
    with Gemeentebestand.open(demo_pad) as bestand:
        assert notulen.actiepunten(bestand)[-1].wat == "Actie via keuzelijst"


async def test_enter_kiest_in_een_open_keuzelijst_en_legt_niet_vast(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "t", *"Actie")
        app.screen.query_one("#status", Select).focus()
        await pilot.press("space")  # opens the dropdown
        await pilot.pause()
        await pilot.press("down", "enter")  # chooses, the form stays
        await pilot.pause()
        assert type(app.screen).__name__ == "ActieFormulier"
        assert app.screen.query_one("#status", Select).value == "gereed"
        await pilot.press("escape")
        await pilot.pause()


def test_migratie_5_voegt_concepten_toe_aan_een_bestand_van_versie_2(tmp_path: Path) -> None:
    pad = nieuw_bestand("Aalten", tmp_path / "aalten.sqlite")
    terug_naar_versie_2(pad)
    with Gemeentebestand.open(pad) as bestand:  # not 'damaged' for lacking what migration 5 brings
        assert bestand.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSIE
        from opslag.concepten import bewaar_concept, concept

        bewaar_concept(bestand, "overleg-nieuw", {"plaats": "Raadzaal"})
        assert concept(bestand, "overleg-nieuw").velden == {"plaats": "Raadzaal"}


async def test_alleen_lezen_houdt_concepten_in_het_geheugen(demo_pad: Path) -> None:
    bestand = Gemeentebestand.open(demo_pad, alleen_lezen=True)
    from tui.schermen.besluit_formulier import BesluitFormulier

    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(BesluitFormulier(bestand, None, None, None))
        await pilot.pause()
        await pilot.press(*"Alleen in het geheugen", "escape")
        await pilot.pause()
        assert [c["velden"]["tekst"] for c in app.concepten.values()] == ["Alleen in het geheugen"]
    bestand.sluit()
    assert _concepten(demo_pad) == {}


async def test_trekker_wijzigen_en_enter_legt_vast_vanuit_de_lijst_met_vakjes(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+down", "ctrl+down", "tab")  # 3.2, into its agreements: AF-008 highlighted
        await pilot.press("enter")
        await pilot.pause()
        formulier = app.screen
        [oud] = notulen.afspraken(app.bestand, subthema="3.2")
        assert formulier.query_one("#trekker", Select).value == oud.verantwoordelijken[0]
        partijen = [p.id for p in app.bestand.partijen()]
        nieuw = next(p for p in partijen if p not in oud.verantwoordelijken)
        formulier.query_one("#trekker", Select).value = nieuw
        lijst = formulier.query_one("#verantwoordelijken", SelectionList)
        lijst.focus()
        await pilot.pause()
        assert set(lijst.selected) == set(oud.verantwoordelijken[1:])
        # The demo's agenda is adopted: another lead is an amendment, with its reason.
        formulier.query_one("#reden", Input).value = "WDD draagt het trekkerschap over"
        await pilot.press("enter")  # saves; space would have ticked
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm"
        regel = app.screen.query_one("#afspraken").get_option_at_index(0).prompt.plain
        code = next(p.code for p in app.bestand.partijen() if p.id == nieuw)
        assert f"trekker: {code}" in regel
    with Gemeentebestand.open(demo_pad) as bestand:
        [afspraak] = notulen.afspraken(bestand, subthema="3.2")
        assert afspraak.verantwoordelijken == [nieuw, *oud.verantwoordelijken[1:]], "the old lead stays responsible only if ticked"


async def test_afspraakformulier_op_80x24_scrolt_en_houdt_titel_veld_en_hulp_in_beeld(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+down", "ctrl+down", "tab", "enter")  # AF-008 on 3.2, to change
        await pilot.pause()
        scherm = app.screen
        assert type(scherm).__name__ == "AfspraakFormulier"
        velden = scherm.query_one("#velden")
        assert velden.max_scroll_y > 0, "the form is taller than 24 lines, so its fields scroll"
        for _ in range(11):  # every field once (reason and decision too: the agenda is adopted) and round again
            await pilot.press("tab")
            await pilot.pause()
            veld = scherm.query_one(f"#veld-{app.focused.id}")  # the field with its name, not only the input
            assert veld.region.y >= velden.region.y and app.focused.region.bottom <= velden.region.bottom, app.focused.id
            for vast in ("#formuliertitel", "#formulierhulp"):
                assert 0 <= scherm.query_one(vast).region.y < 24, vast
            hulp = scherm.query_one("#formulierhulp").render().plain
            assert hulp.startswith("ctrl+s: vastleggen" if app.focused.id == "toelichting" else "Enter: vastleggen")
        assert app.focused.id == "actielijn"
        await pilot.press(*"Nieuwe actielijn")  # a prefilled field is selected on focus: typing replaces it
        assert scherm.query_one("#actielijn", Input).value == "Nieuwe actielijn"
        await pilot.press("escape")
        await pilot.pause()


async def test_actieformulier_voegt_een_nieuwe_persoon_toe_zonder_het_formulier_te_verlaten(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "t", *"Offerte laten maken")
        persoon = app.screen.query_one("#persoon", Select)
        persoon.focus()
        await pilot.press("space", "end", "enter")  # the last choice: '+ nieuwe persoon…'
        await pilot.pause()
        assert type(app.screen).__name__ == "PersoonFormulier"
        await pilot.press(*"Gast van Buiten", "tab", "tab", "space", "down", "enter", "ctrl+s")  # party: the first
        await pilot.pause()
        assert type(app.screen).__name__ == "ActieFormulier"
        with Gemeentebestand.open(demo_pad, alleen_lezen=True) as bestand:
            gast = next(p for p in notulen.personen(bestand) if p.naam == "Gast van Buiten")
        assert app.screen.query_one("#persoon", Select).value == gast.id
        assert app.screen.query_one("#wat", Input).value == "Offerte laten maken", "what was typed stays"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm"
    with Gemeentebestand.open(demo_pad) as bestand:
        laatste = notulen.actiepunten(bestand)[-1]
    assert (laatste.wat, laatste.persoon_id) == ("Offerte laten maken", gast.id)


async def test_actieformulier_nieuwe_persoon_afbreken_houdt_de_vorige_keuze(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "t", *"Iets")
        persoon = app.screen.query_one("#persoon", Select)
        persoon.focus()
        await pilot.press("space", "down", "enter")  # the first person
        await pilot.pause()
        eerste = persoon.value
        assert isinstance(eerste, int) and eerste > 0
        await pilot.press("space", "end", "enter")
        await pilot.pause()
        await pilot.press("escape")  # the person form, cancelled
        await pilot.pause()
        assert type(app.screen).__name__ == "ActieFormulier"
        assert app.screen.query_one("#persoon", Select).value == eerste
        await pilot.press("escape")


async def test_dubbele_persoon_krijgt_eerst_een_waarschuwing_en_mag_daarna_toch(demo_pad: Path) -> None:
    from tui.schermen.persoon_formulier import PersoonFormulier

    with Gemeentebestand.open(demo_pad, alleen_lezen=True) as bestand:
        bestaand = notulen.personen(bestand)[0]
        aantal = len(notulen.personen(bestand))
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(PersoonFormulier(app.bestand))
        await pilot.pause()
        await pilot.press(*bestaand.naam.upper().replace(" ", "  "), "tab", "tab", "space", "down", "enter", "ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "PersoonFormulier", "warned, not stored"
        melding = str(app.screen.query_one("#veld-naam .veldfout", Label).render())
        assert melding.startswith(f"Er is al een persoon {bestaand.naam} (")
        with Gemeentebestand.open(demo_pad, alleen_lezen=True) as lezer:
            assert len(notulen.personen(lezer)) == aantal
        await pilot.press("ctrl+s")  # the same name again: a namesake after all
        await pilot.pause()
        assert type(app.screen).__name__ != "PersoonFormulier"
    with Gemeentebestand.open(demo_pad, alleen_lezen=True) as lezer:
        assert len(notulen.personen(lezer)) == aantal + 1
