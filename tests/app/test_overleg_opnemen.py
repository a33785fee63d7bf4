"""A whole small meeting recorded by key presses only, checked in the SQLite file afterwards."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Label, TextArea

from opslag import notulen
from opslag.bestand import Gemeentebestand, nieuw_bestand
from opslag.modellen import Aanwezig, ActieStatus, AfspraakStatus
from tests.hulp import schermtekst
from tui.app import TripartietApp


async def _typ(pilot, tekst: str) -> None:
    await pilot.press(*tekst)


async def _kies(pilot, stappen_omlaag: int) -> None:
    """Choose in a focused Select: open it, move down, take it."""
    await pilot.press("space", *["down"] * stappen_omlaag, "enter")  # Enter on a closed one saves the form


async def test_een_klein_overleg_vastleggen_met_toetsen(tmp_path: Path) -> None:
    pad = nieuw_bestand("Aalten", tmp_path / "aalten.sqlite")
    app = TripartietApp(pad)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "KaderScherm"

        # A new meeting: date, place, period, next meeting; all 25 subthemes on the agenda.
        await pilot.press("n")
        await pilot.pause()
        datum = app.screen.query_one("#datum")
        datum.value = ""
        await _typ(pilot, "12-01-2027")
        await pilot.press("tab", "tab")
        await _typ(pilot, "Gemeentehuis Aalten")
        await pilot.press("tab", "tab", "tab")  # voorzitter, notulist: nobody known yet
        await pilot.press("tab")
        await _typ(pilot, "09-03-2027")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm"
        assert app.sub_title == "Aalten — ambtelijk overleg 12-01-2027"
        assert schermtekst(app.screen.query_one("#positie", Label)).strip() == "Opening en vaststellen agenda — 1 van 31"

        # Attendance: two new people, one present, one absent with notice.
        await pilot.press("escape", "p")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await _typ(pilot, "Jan Jansen")
        await pilot.press("tab")
        await _typ(pilot, "beleidsadviseur wonen")
        await pilot.press("tab")
        await _kies(pilot, 1)  # GA
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await _typ(pilot, "Els Bos")
        await pilot.press("tab", "tab")
        await _kies(pilot, 2)  # DWP
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("down", "m")  # Els Bos (DWP) sorts after Jan Jansen (GA)
        await pilot.pause()
        assert "1 aanwezig, 1 afwezig" in schermtekst(app.screen.query_one("#telling"))
        await pilot.press("escape")
        await pilot.pause()

        # Walk to three subthemes and type notes.
        await pilot.press("enter")  # back to typing
        for _ in range(4):
            await pilot.press("ctrl+down")
        await pilot.pause()
        assert "1.1 Programmering sociale huur — 5 van 31" in schermtekst(app.screen.query_one("#positie"))
        await _typ(pilot, "Woondeal: 30% sociale huur.")
        await pilot.press("ctrl+down")
        await _typ(pilot, "Corporatie zoekt locaties.")
        await pilot.press("ctrl+down")
        await _typ(pilot, "Grondprijs | sociaal")
        await pilot.pause(0.7)  # notes save themselves half a second after the last key
        assert "bewaard" in schermtekst(app.screen.query_one("#notitiekop"))

        # An agreement on 1.3 with the municipality as lead.
        await pilot.press("escape", "a")
        await pilot.pause()
        await _typ(pilot, "Sociale grondprijs vastleggen")
        await pilot.press("tab")
        await _typ(pilot, "40 woningen")
        await pilot.press("tab")
        await _typ(pilot, "2027")
        await pilot.press("tab")
        await _typ(pilot, "Q4 2027")
        await pilot.press("tab")
        await _kies(pilot, 1)  # trekker: GA
        await pilot.press("tab", "tab", "down", "space")  # past the status: DWP also responsible
        await pilot.press("ctrl+s")
        await pilot.pause()

        # A decision, then two actions.
        await pilot.press("b")
        await pilot.pause()
        await _typ(pilot, "De grondprijsmethode wordt gedeeld met DWP.")
        await pilot.press("enter")
        await pilot.pause()
        for wat, persoon in (("Grondprijsnotitie opstellen", 1), ("Locaties inventariseren", 2)):
            await pilot.press("t")
            await pilot.pause()
            await _typ(pilot, wat)
            await pilot.press("tab")
            await _kies(pilot, persoon)
            await pilot.press("tab", "tab")
            await _typ(pilot, "01-03-2027")
            await pilot.press("ctrl+s")
            await pilot.pause()

        # Close the first action: to the actions list, g.
        app.screen.query_one("#acties").focus()
        await pilot.press("home", "g")
        await pilot.pause()
        assert "A-001" in schermtekst(app.screen.query_one("#acties")) and "[gereed]" in schermtekst(app.screen.query_one("#acties"))
        await pilot.press("ctrl+q")

    with Gemeentebestand.open(pad) as bestand:
        overleg = notulen.overleggen(bestand)[0]
        assert overleg.datum == dt.date(2027, 1, 12)
        assert overleg.plaats == "Gemeentehuis Aalten"
        assert overleg.volgende_datum == dt.date(2027, 3, 9)
        personen = {p.naam: p for p in notulen.personen(bestand)}
        assert set(personen) == {"Jan Jansen", "Els Bos"}
        assert personen["Jan Jansen"].functie == "beleidsadviseur wonen"
        aanwezig = notulen.aanwezigheid(bestand, overleg.id)
        assert aanwezig == {personen["Jan Jansen"].id: Aanwezig.AANWEZIG, personen["Els Bos"].id: Aanwezig.MK}
        notities = {p.subthema_nummer: p.notitie for p in notulen.agendapunten(bestand, overleg.id) if p.notitie}
        assert notities == {"1.1": "Woondeal: 30% sociale huur.", "1.2": "Corporatie zoekt locaties.", "1.3": "Grondprijs | sociaal"}
        [afspraak] = notulen.afspraken(bestand)
        partijen = {p.code: p.id for p in bestand.partijen()}
        assert (afspraak.code, afspraak.subthema_nummer, afspraak.actielijn) == ("AF-001", "1.3", "Sociale grondprijs vastleggen")
        assert (afspraak.doel, afspraak.doel_aantal, afspraak.doel_eenheid) == ("40 woningen", 40, "woningen")
        assert (afspraak.start, afspraak.eind, afspraak.status) == ("2027", "Q4 2027", AfspraakStatus.AFGESPROKEN)
        assert afspraak.verantwoordelijken == [partijen["GA"], partijen["DWP"]]
        [besluit] = notulen.besluiten(bestand)
        assert (besluit.code, besluit.tekst, besluit.datum) == ("B-001", "De grondprijsmethode wordt gedeeld met DWP.", overleg.datum)
        acties = notulen.actiepunten(bestand)
        assert [(a.code, a.wat, a.subthema_nummer, a.deadline) for a in acties] == [
            ("A-001", "Grondprijsnotitie opstellen", "1.3", dt.date(2027, 3, 1)),
            ("A-002", "Locaties inventariseren", "1.3", dt.date(2027, 3, 1)),
        ]
        assert acties[0].persoon_id == personen["Els Bos"].id or acties[0].persoon_id == personen["Jan Jansen"].id
        assert acties[0].partij_id is not None
        assert (acties[0].status, acties[0].gereed_op) == (ActieStatus.GEREED, overleg.datum)
        assert acties[1].status is ActieStatus.OPEN
        assert bestand.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


async def test_heropenen_hervat_het_laatste_overleg_op_het_laatste_punt(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "1.6 Monitoring — 6 van 11" in schermtekst(app.screen.query_one("#positie"))
        await pilot.press("ctrl+down", "ctrl+down")
        await pilot.pause()
        assert "3.2 Sociale samenhang en leefbaarheidsbudget — 8 van 11" in schermtekst(app.screen.query_one("#positie"))
        await pilot.press("ctrl+q")
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "8 van 11" in schermtekst(app.screen.query_one("#positie"))
        assert "leefbaarheidsbudget in voor buurthuis Het Anker" in app.screen.query_one("#notitie", TextArea).text
