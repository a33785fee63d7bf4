"""Correcting people and parties: edit, remove one used nowhere, merge two persons, undo; checked in the file."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, OptionList, Select

from opslag import export, notulen, personen
from opslag.bestand import Gemeentebestand, nieuw_bestand
from opslag.fouten import AlleenLezen, OngeldigeInvoer
from opslag.ongedaan import ongedaan_maken
from opslag.modellen import Aanwezig, Aanwezigheid, Partij, PartijSoort, Persoon
from tests.hulp import schermtekst
from tui.app import TripartietApp


def _rijen(pad: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(pad)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _verwijzingen(pad: Path) -> list:
    """Everything that points at a person, as stored."""
    return [
        _rijen(pad, "SELECT overleg_id, persoon_id, status FROM aanwezigheid ORDER BY 1, 2"),
        _rijen(pad, "SELECT id, voorzitter_id, notulist_id FROM overleg ORDER BY id"),
        _rijen(pad, "SELECT id, persoon_id FROM actiepunt ORDER BY id"),
        _rijen(pad, "SELECT id, naam, functie, partij_id FROM persoon ORDER BY id"),
    ]


async def _naar_aanwezigheid(pilot, app: TripartietApp, persoon_id: int | None = None) -> DataTable:
    await pilot.pause()
    await pilot.press("escape", "p")
    await pilot.pause()
    assert type(app.screen).__name__ == "AanwezigheidScherm"
    tabel = app.screen.query_one(DataTable)
    if persoon_id is not None:
        tabel.move_cursor(row=tabel.get_row_index(str(persoon_id)))
        await pilot.pause()
    return tabel


# --- storage ---------------------------------------------------------------------------------------


def test_de_verwijzingen_volgen_het_schema(demo_pad: Path) -> None:
    """A migration that adds a column pointing at a person or party must be handled by merge and removal."""
    tabellen = [r[0] for r in _rijen(demo_pad, "SELECT name FROM sqlite_master WHERE type = 'table'")]
    naar = {"persoon": set(), "partij": set()}
    for tabel in tabellen:
        for rij in _rijen(demo_pad, f"PRAGMA foreign_key_list({tabel})"):
            if rij[2] in naar:
                naar[rij[2]].add((tabel, rij[3]))
    assert naar["persoon"] == set(personen.VERWIJZINGEN_PERSOON)
    assert naar["partij"] == set(personen.VERWIJZINGEN_PARTIJ)


def test_foute_invoer_laat_het_bestand_ongemoeid(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        anne = next(p for p in notulen.personen(bestand) if p.naam == "Anne Jansen")
        gz, wdd = bestand.partijen()[:2]
        voor = _verwijzingen(demo_pad)
        with pytest.raises(OngeldigeInvoer, match="naam is verplicht"):
            personen.wijzig_persoon(bestand, replace(anne, naam="  "))
        with pytest.raises(OngeldigeInvoer, match="al in gebruik"):
            personen.wijzig_partij(bestand, replace(wdd, code=gz.code))
        with pytest.raises(OngeldigeInvoer, match="presentielijst van 3 overleggen, voorzitter van 2 overleggen"):
            personen.verwijder_persoon(bestand, anne.id)
        with pytest.raises(OngeldigeInvoer, match="partij van 3 personen"):
            personen.verwijder_partij(bestand, gz.id)
        with pytest.raises(OngeldigeInvoer, match="andere persoon"):
            personen.voeg_personen_samen(bestand, anne.id, anne.id)
        assert _verwijzingen(demo_pad) == voor
        assert [p.code for p in bestand.partijen()][:2] == [gz.code, wdd.code]
    with Gemeentebestand.open(demo_pad, alleen_lezen=True) as bestand:
        with pytest.raises(AlleenLezen):
            personen.wijzig_persoon(bestand, replace(anne, naam="Anne Janssen"))


def test_verwijderde_partij_komt_terug_met_ctrl_z_en_wijziging_houdt_volgorde(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        los = notulen.bewaar_partij(bestand, Partij(naam="Woonstichting Los", code="WSL", soort=PartijSoort.CORPORATIE, volgorde=9))
        personen.wijzig_partij(bestand, Partij(id=los, naam="Woonstichting Los", code="wsl2", soort=PartijSoort.HUURDERS, volgorde=0))
        assert personen.partij(bestand, los) == Partij(id=los, naam="Woonstichting Los", code="wsl2", soort=PartijSoort.HUURDERS, volgorde=9)
        personen.verwijder_partij(bestand, los)
        assert los not in {p.id for p in bestand.partijen()}
        assert ongedaan_maken(bestand) == "Partij wsl2 teruggezet (was verwijderd)"
        assert personen.partij(bestand, los).code == "wsl2"


# --- in the app ----------------------------------------------------------------------------------------


async def test_naam_corrigeren_zie_je_in_aanwezigheid_en_verslag(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        anne = next(p for p in notulen.personen(bestand) if p.naam == "Anne Jansen")
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        tabel = await _naar_aanwezigheid(pilot, app, anne.id)
        await pilot.press("e")
        await pilot.pause()
        assert type(app.screen).__name__ == "PersoonFormulier"
        assert app.screen.query_one("#naam", Input).value == "Anne Jansen"
        app.screen.query_one("#naam", Input).value = ""
        await pilot.press(*"Anne Janssen-Bos")
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "AanwezigheidScherm"
        assert "Anne Janssen-Bos" in schermtekst(tabel)
        assert "Anne Jansen " not in schermtekst(tabel) + " "
        overleg_id = app.screen.overleg_id
        await pilot.press("escape")
        await pilot.press("ctrl+q")
    assert _rijen(demo_pad, f"SELECT naam, functie FROM persoon WHERE id = {anne.id}") == [("Anne Janssen-Bos", "beleidsadviseur wonen")]
    with Gemeentebestand.open(demo_pad, alleen_lezen=True) as bestand:
        verslag = export.exporteer_verslag(bestand, overleg_id)
    assert "Anne Janssen-Bos" in verslag and "Anne Jansen" not in verslag


async def test_samenvoegen_verplaatst_elke_verwijzing_en_ctrl_z_zet_ze_terug(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        gerrit = next(p for p in notulen.personen(bestand) if p.naam == "Gerrit ter Horst")
        typo = notulen.nieuwe_persoon(bestand, Persoon(naam="Gerit ter Horst", partij_id=gerrit.partij_id))
        overleggen = notulen.overleggen(bestand)
        for overleg in overleggen:  # on the list of every meeting: once beside Gerrit himself, twice alone
            notulen.zet_aanwezigheid(bestand, Aanwezigheid(overleg_id=overleg.id, persoon_id=typo.id, status=Aanwezig.MK))
        notulen.wijzig_overleg(bestand, replace(overleggen[1], voorzitter_id=typo.id))
        notulen.wijzig_overleg(bestand, replace(overleggen[2], notulist_id=typo.id))
        actie = notulen.actiepunten(bestand)[0]
        notulen.bewaar_actiepunt(bestand, replace(actie, persoon_id=typo.id))
        gerrit_was = {o: s for o, s in [(o.id, notulen.aanwezigheid(bestand, o.id).get(gerrit.id)) for o in overleggen]}
    assert sum(1 for s in gerrit_was.values() if s is not None) == 1
    voor = _verwijzingen(demo_pad)

    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        tabel = await _naar_aanwezigheid(pilot, app, typo.id)
        await pilot.press("s")
        await pilot.pause()
        assert type(app.screen).__name__ == "KiesPersoon"
        lijst = app.screen.query_one(OptionList)
        lijst.highlighted = next(i for i in range(lijst.option_count) if lijst.get_option_at_index(i).id == str(gerrit.id))
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "BevestigScherm"
        await pilot.press("j")
        await pilot.pause()
        assert type(app.screen).__name__ == "AanwezigheidScherm"
        assert "Gerit" not in schermtekst(tabel)

        assert _rijen(demo_pad, f"SELECT count(*) FROM persoon WHERE id = {typo.id}") == [(0,)]
        for tabel_naam, kolom in personen.VERWIJZINGEN_PERSOON:
            assert _rijen(demo_pad, f"SELECT count(*) FROM {tabel_naam} WHERE {kolom} = {typo.id}") == [(0,)], kolom
        assert _rijen(demo_pad, f"SELECT voorzitter_id FROM overleg WHERE id = {overleggen[1].id}") == [(gerrit.id,)]
        assert _rijen(demo_pad, f"SELECT notulist_id FROM overleg WHERE id = {overleggen[2].id}") == [(gerrit.id,)]
        assert _rijen(demo_pad, f"SELECT persoon_id FROM actiepunt WHERE id = {actie.id}") == [(gerrit.id,)]
        na = dict(_rijen(demo_pad, f"SELECT overleg_id, status FROM aanwezigheid WHERE persoon_id = {gerrit.id}"))
        # Where Gerrit was on the list he keeps his own status; elsewhere he takes the typo's.
        assert na == {o: (str(s) if s else "mk") for o, s in gerrit_was.items()}

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Gerit ter Horst" in schermtekst(tabel)
        await pilot.press("escape")
        await pilot.press("ctrl+q")
    assert _verwijzingen(demo_pad) == voor
    wijzigingen = _rijen(demo_pad, "SELECT tabel, actie FROM wijziging ORDER BY id DESC LIMIT 2")
    assert wijzigingen == [("persoon", "ongedaan"), ("persoon", "samengevoegd")]


async def test_ongebruikte_persoon_verwijderen_gebruikte_niet(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        los = notulen.nieuwe_persoon(bestand, Persoon(naam="Eenmalige Gast", partij_id=bestand.partijen()[0].id))
        anne = next(p for p in notulen.personen(bestand) if p.naam == "Anne Jansen")
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await _naar_aanwezigheid(pilot, app, los.id)
        await pilot.press("delete")
        await pilot.pause()
        assert type(app.screen).__name__ == "BevestigScherm"
        await pilot.press("j")
        await pilot.pause()
        assert _rijen(demo_pad, f"SELECT count(*) FROM persoon WHERE id = {los.id}") == [(0,)]

        tabel = app.screen.query_one(DataTable)
        tabel.move_cursor(row=tabel.get_row_index(str(anne.id)))
        await pilot.press("delete")
        await pilot.pause()
        assert type(app.screen).__name__ == "AanwezigheidScherm"  # no question: it cannot be done
        meldingen = [n.message for n in app._notifications]
        assert any("Anne Jansen kan niet verwijderd worden: op de presentielijst van 3 overleggen" in m for m in meldingen)
        await pilot.press("ctrl+z")  # the removed person comes back
        await pilot.pause()
        assert _rijen(demo_pad, f"SELECT naam FROM persoon WHERE id = {los.id}") == [("Eenmalige Gast",)]
        await pilot.press("escape")
        await pilot.press("ctrl+q")
    assert _rijen(demo_pad, f"SELECT naam FROM persoon WHERE id = {anne.id}") == [("Anne Jansen",)]


async def test_partijcode_wijzigen_en_dubbele_code_geweigerd(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        wdd = next(p for p in bestand.partijen() if p.code == "WDD")
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await _naar_aanwezigheid(pilot, app)
        await pilot.press("P")
        await pilot.pause()
        assert type(app.screen).__name__ == "PartijenScherm"
        tabel = app.screen.query_one(DataTable)
        tabel.move_cursor(row=tabel.get_row_index(str(wdd.id)))
        await pilot.press("enter")
        await pilot.pause()
        code = app.screen.query_one("#code", Input)
        assert code.value == "WDD"
        code.focus()
        code.value = ""
        await pilot.press(*"GZ", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "PartijFormulier"
        assert "al in gebruik" in schermtekst(app.screen.query_one("#veld-code .veldfout"))
        code.value = ""
        await pilot.press(*"wdw", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "PartijenScherm"
        assert "WDW" in schermtekst(tabel)
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "AanwezigheidScherm"
        assert "WDW" in schermtekst(app.screen.query_one(DataTable))
        await pilot.press("escape")
        await pilot.press("ctrl+q")
    assert _rijen(demo_pad, f"SELECT code, naam, soort FROM partij WHERE id = {wdd.id}") == [("WDW", wdd.naam, wdd.soort.value)]
    assert _rijen(demo_pad, "SELECT count(*) FROM partij WHERE code = 'GZ'") == [(1,)]


async def test_spatie_gaat_rond_tot_niet_aangegeven(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        nieuw = notulen.nieuwe_persoon(bestand, Persoon(naam="Nieuwe Deelnemer", partij_id=bestand.partijen()[0].id))
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await _naar_aanwezigheid(pilot, app, nieuw.id)
        overleg_id = app.screen.overleg_id
        sql = f"SELECT status FROM aanwezigheid WHERE persoon_id = {nieuw.id} AND overleg_id = {overleg_id}"
        assert _rijen(demo_pad, sql) == []
        for verwacht in ([("aanwezig",)], [("mk",)], [("zk",)], [], [("aanwezig",)]):
            await pilot.press("space")
            await pilot.pause()
            assert _rijen(demo_pad, sql) == verwacht
        await pilot.press("escape")
        await pilot.press("ctrl+q")


async def test_nieuw_overleg_voorzitter_toevoegen_vanuit_het_formulier(tmp_path: Path) -> None:
    pad = nieuw_bestand("Aalten", tmp_path / "aalten.sqlite")
    app = TripartietApp(pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegFormulier"
        app.screen.query_one("#plaats", Input).value = "Gemeentehuis Aalten"
        app.screen.query_one("#voorzitter", Select).focus()
        await pilot.press("space", "down", "enter")  # space opens a closed dropdown; the only choice: '+ nieuwe persoon…'
        await pilot.pause()
        assert type(app.screen).__name__ == "PersoonFormulier"
        await pilot.press(*"Jan Jansen", "tab", "tab", "space", "down", "enter")  # party GA
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegFormulier"
        formulier = app.screen
        jan = _rijen(pad, "SELECT id, naam FROM persoon")
        assert [naam for _, naam in jan] == ["Jan Jansen"]
        assert formulier.query_one("#voorzitter", Select).value == jan[0][0]
        assert formulier.query_one("#notulist", Select).value is Select.NULL
        assert formulier.query_one("#plaats", Input).value == "Gemeentehuis Aalten"  # what was typed stays
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm"
        await pilot.press("ctrl+q")
    assert _rijen(pad, "SELECT voorzitter_id, notulist_id, plaats FROM overleg") == [(jan[0][0], None, "Gemeentehuis Aalten")]
