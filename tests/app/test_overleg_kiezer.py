"""The meeting chooser (w) reads the meetings a page at a time, and choosing one shows it on the
meeting screen that is there already (figure 6 of issue #13: a thousand meetings cost most of the
time to open the chooser, and building a new meeting screen most of the time to switch)."""

from __future__ import annotations

from pathlib import Path

from opslag import notulen
from opslag.bestand import Gemeentebestand
from opslag.datums import toon_datum
from tests.bench.bestanden import maak_bestand
from tui.app import TripartietApp
from tui.schermen.overleg import OverlegScherm
from tui.schermen.overleg_kiezer import NIEUW, OverlegKiezer, OverlegLijst
from tui.widgets.itemlijst import ItemLijst


async def test_de_kiezer_leest_een_pagina_en_verder_tot_het_oudste_overleg(tmp_path: Path) -> None:
    pad = maak_bestand(tmp_path / "groot.sqlite", 10)  # some 100 meetings
    alle = notulen.overleggen(Gemeentebestand.open(pad))
    assert len(alle) > 2 * OverlegLijst.PAGINA
    app = TripartietApp(pad)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "w")  # out of the note: there w is a letter
        await pilot.pause()
        assert isinstance(app.screen, OverlegKiezer)
        lijst = app.screen.query_one(OverlegLijst)
        assert lijst.option_count == 1 + OverlegLijst.PAGINA  # "+ Nieuw overleg" and a page, not all 100
        assert lijst.get_option_at_index(0).id == NIEUW
        assert lijst.get_option_at_index(1).id == str(alle[-1].id) and lijst.highlighted == 1  # the newest first
        assert "▶" in str(lijst.get_option_at_index(1).prompt)  # the meeting on screen

        # Walking down reads the next page before the highlight reaches the end of what is read.
        await pilot.press(*["down"] * OverlegLijst.PAGINA)
        await pilot.pause()
        assert lijst.option_count == 1 + 2 * OverlegLijst.PAGINA
        assert [lijst.get_option_at_index(i).id for i in range(1, 1 + 2 * OverlegLijst.PAGINA)] == [
            str(o.id) for o in reversed(alle[-2 * OverlegLijst.PAGINA:])
        ]

        # End is the oldest meeting of the file, and Enter opens it.
        await pilot.press("end")
        await pilot.pause()
        assert lijst.option_count == 1 + len(alle) and lijst.alles_gelezen
        assert lijst.highlighted == len(alle) and lijst.get_option_at_index(len(alle)).id == str(alle[0].id)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OverlegScherm) and app.screen.overleg_id == alle[0].id


async def test_de_muis_leest_verder_als_de_lijst_naar_het_eind_scrolt(tmp_path: Path) -> None:
    pad = maak_bestand(tmp_path / "groot.sqlite", 10)
    app = TripartietApp(pad)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "w")
        await pilot.pause()
        lijst = app.screen.query_one(OverlegLijst)
        lijst.scroll_to(y=lijst.max_scroll_y, animate=False, immediate=True)  # as the wheel does: no highlight moves
        await pilot.pause()
        assert lijst.highlighted == 1
        assert lijst.option_count == 1 + 2 * OverlegLijst.PAGINA


async def test_wisselen_toont_het_andere_overleg_op_hetzelfde_scherm(demo_pad: Path, monkeypatch) -> None:  # noqa: ANN001
    bestand = Gemeentebestand.open(demo_pad)
    eerste, *_, laatste = notulen.overleggen(bestand)
    app = TripartietApp(demo_pad)
    opgeruimd: list[bool] = []
    monkeypatch.setattr(app, "_na_sluiten", lambda: opgeruimd.append(True))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        scherm = app.screen
        assert isinstance(scherm, OverlegScherm) and scherm.overleg_id == laatste.id
        await pilot.press("escape", "down", "down", "w")  # from the agenda, on the third item
        await pilot.pause()
        lijst = app.screen.query_one(OverlegLijst)
        lijst.highlighted = next(i for i, o in enumerate(lijst.options) if o.id == str(eerste.id))
        await pilot.press("enter")
        await pilot.pause()

        assert app.screen is scherm  # not a new screen: its widgets are mounted and styled already
        assert scherm.overleg_id == eerste.id and scherm.overleg.id == eerste.id
        assert toon_datum(eerste.datum) in app.sub_title
        assert scherm.punten == notulen.agendapunten(bestand, eerste.id)
        assert scherm.punt.id == eerste.huidig_punt_id or (eerste.huidig_punt_id is None and scherm.index == 0)
        assert app.focused is scherm.notitieveld  # as a new meeting screen starts: typing
        assert scherm.notitieveld.punt_id == scherm.punt.id
        assert all(lijst.highlighted is None for lijst in scherm.query(ItemLijst) if not lijst.has_focus)
        # What the other meeting replaced is collected at the next pause, as a closed screen is.
        for _ in range(100):
            if opgeruimd:
                break
            await pilot.pause(0.02)
        assert opgeruimd

        # And back: the chooser marks the meeting now on screen.
        await pilot.press("escape", "w")
        await pilot.pause()
        lijst = app.screen.query_one(OverlegLijst)
        gemarkeerd = [o.id for o in lijst.options if "▶" in str(o.prompt)]
        assert gemarkeerd == [str(eerste.id)]


async def test_een_notitie_die_niet_bewaard_kan_worden_houdt_het_overleg_vast(demo_pad: Path, monkeypatch) -> None:  # noqa: ANN001
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        scherm = app.screen
        assert isinstance(scherm, OverlegScherm)
        was = scherm.overleg_id
        monkeypatch.setattr(scherm, "bewaar_notitie", lambda: False)  # the file is locked, say
        scherm.toon_overleg(next(o.id for o in notulen.overleggen(scherm.bestand) if o.id != was))
        await pilot.pause()
        assert app.screen is scherm and scherm.overleg_id == was
