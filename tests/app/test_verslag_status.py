"""Minutes have a status: concept until the next meeting of the same kind approves them; the
start and end time of a meeting are offered at its opening and closing (issue 14)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace
from pathlib import Path

from tests.hulp import terug_naar_versie_2

import pytest
from textual.widgets import Select

from opslag import export, notulen, vaststelling
from opslag.bestand import Gemeentebestand, nieuw_bestand
from opslag.datums import lees_tijd
from opslag.export.uitvoeringsagenda import bouw as bouw_agenda
from opslag.export.verslag import bouw
from opslag.fouten import OngeldigeInvoer
from opslag.modellen import Overleg, OverlegSoort, PuntSoort
from opslag.schema import SCHEMA_VERSIE
from tui.app import TripartietApp

NIEUW_IN_3 = ("begintijd", "eindtijd", "verslag_vastgesteld_op", "verslag_vastgesteld_in", "verslag_wijzigingen")


def _reeks(b: Gemeentebestand) -> tuple[Overleg, Overleg, Overleg]:
    eerste, tweede, derde = notulen.overleggen(b)
    return eerste, tweede, derde


def test_vorig_verslag_is_van_dezelfde_soort(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as b:
        eerste, tweede, derde = _reeks(b)
        assert [o.soort for o in (eerste, tweede, derde)] == [OverlegSoort.AMBTELIJK, OverlegSoort.BESTUURLIJK, OverlegSoort.AMBTELIJK]
        assert vaststelling.vorig_overleg(b, derde).id == eerste.id  # not the bestuurlijk one in between
        assert vaststelling.vorig_overleg(b, tweede) is None
        assert vaststelling.vorig_overleg(b, eerste) is None
        # A second bestuurlijk meeting approves the first bestuurlijk minutes.
        vierde = notulen.nieuw_overleg(b, Overleg(agenda_id=tweede.agenda_id, datum=dt.date(2027, 3, 4), soort=OverlegSoort.BESTUURLIJK), ["1.1"])
        assert vaststelling.vorig_overleg(b, vierde).id == tweede.id
        tekst = export.exporteer_verslag(b, vierde.id)
        assert "Het verslag van het bestuurlijk overleg van 18 juni 2026 is in dit overleg niet vastgesteld." in tekst
        assert "Dit is het eerste bestuurlijk overleg; er is geen vorig verslag." in export.exporteer_verslag(b, tweede.id)
        assert "Dit is het eerste ambtelijk overleg; er is geen vorig verslag." in export.exporteer_verslag(b, eerste.id)


def test_status_in_titel_en_model(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as b:
        eerste, tweede, derde = _reeks(b)
        assert eerste.verslag_vastgesteld_op == derde.datum and eerste.verslag_vastgesteld_in == derde.id
        assert bouw(b, eerste.id).status == "Vastgesteld op 19-11-2026"
        assert bouw(b, derde.id).status == "CONCEPT"
        assert bouw(b, derde.id).titel == "Verslag ambtelijk tripartite overleg wonen Zonnedal (fictief)"
        tekst = export.exporteer_verslag(b, eerste.id)
        assert tekst.startswith("# Verslag ambtelijk tripartite overleg wonen Zonnedal (fictief) — vastgesteld op 19 november 2026\n")
        assert tekst.endswith("Dit verslag is vastgesteld op 19 november 2026, met de volgende wijzigingen: "
                              "Bij 1.9: de voorlichting aan senioren geeft HVZ samen met de verhuiscoach.\n")
        vaststelling.stel_vast(b, eerste.id, derde)  # again, now without changes
        assert export.exporteer_verslag(b, eerste.id).endswith("Dit verslag is vastgesteld op 19 november 2026, zonder wijzigingen.\n")
        assert "wordt ongewijzigd vastgesteld." in export.exporteer_verslag(b, derde.id)
        assert bouw_agenda(b, "2026-2027").status == "Vastgesteld op 04-12-2025"  # the demo's agenda is adopted
        b.db.conn.execute("UPDATE uitvoeringsagenda SET vastgesteld_op = NULL WHERE periode = '2026-2027'")
        agenda = bouw_agenda(b, "2026-2027")
        assert agenda.status == "CONCEPT" and agenda.titel == "Tweejarige uitvoeringsagenda gemeente Zonnedal (fictief) 2026 t/m 2027"
        b.db.conn.execute("UPDATE uitvoeringsagenda SET vastgesteld_op = '2026-12-10' WHERE periode = '2026-2027'")
        assert bouw_agenda(b, "2026-2027").status == "Vastgesteld op 10-12-2026"


def test_vaste_punten_in_de_gebruikelijke_woorden(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as b:
        eerste, _, derde = _reeks(b)
        tekst = export.exporteer_verslag(b, eerste.id)
        assert "- Datum: donderdag 12 maart 2026, 14.00–16.05 uur\n" in tekst
        assert "De voorzitter opent het overleg om 14.00 uur en heet iedereen welkom.\n\nDit is het eerste overleg" in tekst
        assert "Het volgende overleg is op 18 juni 2026.\n\nDe voorzitter sluit het overleg om 16.05 uur.\n" in tekst
        notulen.wijzig_overleg(b, replace(derde, begintijd=None))
        tekst = export.exporteer_verslag(b, derde.id)  # without times, no 'om ... uur'
        assert "De voorzitter opent het overleg en heet iedereen welkom.\n" in tekst
        assert "De voorzitter sluit het overleg.\n" in tekst
        assert "Er zijn geen mededelingen." in tekst and "Er zijn geen vragen." in tekst
        assert "Overleg: 3 van 3" not in tekst and ") (" not in tekst


def test_tijd_lezen_met_nederlandse_melding() -> None:
    assert lees_tijd("14:03", "begintijd") == "14:03"
    assert lees_tijd(" 9.30 ", "begintijd") == "09:30"
    assert lees_tijd("1405", "eindtijd") == "14:05"
    assert lees_tijd("", "eindtijd") is None
    for fout in ("25:00", "14:7", "kwart over", "14:60"):
        with pytest.raises(OngeldigeInvoer, match="is geen tijd. Gebruik uu:mm"):
            lees_tijd(fout, "begintijd")


def _v2_bestand(tmp_path: Path) -> Path:
    """A file as version 2 left it: without the columns of migrations 3 and 4."""
    pad = nieuw_bestand("Aalten", tmp_path / "aalten.sqlite")
    with Gemeentebestand.open(pad) as b:
        agenda = notulen.agenda_voor_periode(b, "2026-2027")
        notulen.nieuw_overleg(b, Overleg(agenda_id=agenda.id, datum=dt.date(2026, 5, 1), plaats="Raadzaal"), ["1.1"])
    terug_naar_versie_2(pad)
    return pad


def test_migratie_van_versie_2(tmp_path: Path) -> None:
    pad = _v2_bestand(tmp_path)
    with Gemeentebestand.open(pad) as b:
        assert b.db.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSIE >= 3
        kolommen = {r[1] for r in b.db.conn.execute("PRAGMA table_info(overleg)")}
        assert set(NIEUW_IN_3) <= kolommen
        (overleg,) = notulen.overleggen(b)
        assert overleg.plaats == "Raadzaal" and overleg.begintijd is None and overleg.verslag_vastgesteld_op is None
        assert "— concept" in export.exporteer_verslag(b, overleg.id)


async def test_verslag_vaststellen_op_het_overlegscherm(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as b:
        eerste, _, derde = _reeks(b)
        vaststelling.maak_concept(b, eerste.id)
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        scherm = app.screen
        assert type(scherm).__name__ == "OverlegScherm" and scherm.overleg_id == derde.id
        scherm.ga_naar_index(2)
        await pilot.pause()
        assert scherm.punt.soort is PuntSoort.VERSLAG
        assert "Verslag ambtelijk overleg van 12 maart 2026: concept. r: verslag vaststellen." in str(scherm.query_one("#punttekst").render())
        await pilot.press("escape", "r")
        await pilot.pause()
        formulier = app.screen
        assert type(formulier).__name__ == "VaststellenFormulier"
        formulier.query_one("#hoe", Select).value = "met"
        await pilot.press("ctrl+s")  # 'met wijzigingen' without changes: a Dutch message, nothing written
        await pilot.pause()
        assert app.screen is formulier
        assert "Beschrijf de wijzigingen" in str(formulier.query_one("#veld-wijzigingen .veldfout").render())
        formulier.query_one("#wijzigingen").focus()
        await pilot.press(*"Bij 1.1: 40 woningen")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is scherm
        assert "vastgesteld op 19-11-2026" in str(scherm.query_one("#punttekst").render())
    with Gemeentebestand.open(demo_pad) as b:
        vorige = export.exporteer_verslag(b, eerste.id)
        assert vorige.startswith("# Verslag ambtelijk tripartite overleg wonen Zonnedal (fictief) — vastgesteld op 19 november 2026\n")
        assert "met de volgende wijzigingen: Bij 1.1: 40 woningen" in vorige
        huidige = export.exporteer_verslag(b, derde.id)
        assert huidige.startswith("# Verslag ambtelijk tripartite overleg wonen Zonnedal (fictief) — concept\n")
        assert "Het verslag van het ambtelijk overleg van 12 maart 2026 wordt vastgesteld met de volgende wijzigingen: Bij 1.1: 40 woningen" in huidige
        assert export.exporteer_verslag(b, _reeks(b)[1].id).startswith("# Verslag bestuurlijk tripartite overleg wonen Zonnedal (fictief) — concept\n")


async def test_begin_en_eindtijd_aangeboden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vandaag = dt.date.today()
    pad = nieuw_bestand("Aalten", tmp_path / "aalten.sqlite")
    with Gemeentebestand.open(pad) as b:
        agenda = notulen.agenda_voor_periode(b, "2026-2027")
        vorig = notulen.nieuw_overleg(b, Overleg(agenda_id=agenda.id, datum=vandaag - dt.timedelta(days=70)), ["1.1"])
        nu = notulen.nieuw_overleg(b, Overleg(agenda_id=agenda.id, datum=vandaag), ["1.1"])
    klok = [dt.datetime.combine(vandaag, dt.time(14, 3))]
    monkeypatch.setattr(vaststelling, "nu", lambda: klok[0])
    app = TripartietApp(pad)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        scherm = app.screen
        assert scherm.overleg_id == nu.id and scherm.punt.soort is PuntSoort.OPENING
        assert any("Begintijd 14:03 vastgelegd (o om te wijzigen)" in m.message for m in app._notifications)
        klok[0] = dt.datetime.combine(vandaag, dt.time(16, 10))
        scherm.ga_naar_index(0)  # back at the opening later: the time recorded stays
        scherm.ga_naar_index(len(scherm.punten) - 1)
        await pilot.pause()
        assert any("Eindtijd 16:10 vastgelegd" in m.message for m in app._notifications)
    with Gemeentebestand.open(pad) as b:
        overleg = notulen.overleg(b, nu.id)
        assert (overleg.begintijd, overleg.eindtijd) == ("14:03", "16:10")
        assert notulen.overleg(b, vorig.id).begintijd is None  # only a meeting held today gets the time now
        tekst = export.exporteer_verslag(b, nu.id)
        assert "De voorzitter opent het overleg om 14.03 uur en heet iedereen welkom." in tekst
        assert "De voorzitter sluit het overleg om 16.10 uur." in tekst


async def test_tijden_in_het_overlegformulier(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as b:
        eerste, _, _ = _reeks(b)
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        scherm = app.screen
        scherm.ga_naar_index(len(scherm.punten) - 1)  # the closing of a meeting not held today
        await pilot.pause()
        assert scherm.overleg.eindtijd is None, "no time offered: the clock now is not the meeting's"
        await pilot.press("escape", "o")
        await pilot.pause()
        formulier = app.screen
        assert formulier.query_one("#begintijd").value == "14:00"
        formulier.query_one("#eindtijd").value = "25:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is formulier
        assert "'25:00' is geen tijd. Gebruik uu:mm" in str(formulier.query_one("#veld-eindtijd .veldfout").render())
        formulier.query_one("#eindtijd").value = "13:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "De eindtijd moet na de begintijd liggen." in str(formulier.query_one("#veld-eindtijd .veldfout").render())
        formulier.query_one("#eindtijd").value = "16.30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is scherm
    with Gemeentebestand.open(demo_pad) as b:
        derde = _reeks(b)[2]
        assert (derde.begintijd, derde.eindtijd) == ("14:00", "16:30")
        assert notulen.overleg(b, eerste.id).verslag_vastgesteld_in == derde.id


async def test_uitleg_bij_het_punt_loopt_door_op_80_kolommen(demo_pad: Path) -> None:
    """The line under an item wraps: at 80x24 the key to approve the minutes is visible."""
    from tests.hulp import schermtekst

    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.ga_naar_index(2)
        await pilot.pause()
        tekst = " ".join(schermtekst(app.screen.query_one("#punttekst")).split())
        assert "r: verslag vaststellen." in tekst
