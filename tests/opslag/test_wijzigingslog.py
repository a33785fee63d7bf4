"""The change log with old values, closed meetings and undo/redo across restarts (issue #15)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from opslag import agenda, levensloop, notulen, personen, vaststelling
from opslag.bestand import Gemeentebestand
from opslag.fouten import OngeldigeInvoer, OverlegGesloten
from opslag.modellen import Aanwezig, Aanwezigheid, ActieStatus, Actiepunt, Afspraak, Besluit, PuntSoort
from opslag.ongedaan import ongedaan_maken, opnieuw
from opslag.sluiten import heropen_overleg, sluit_overleg

MELDING = "Het overleg van 12-03-2026 is gesloten; heropen het eerst (met een reden) om iets te wijzigen."


def _laatste_regel(bestand: Gemeentebestand) -> dict:
    return next(bestand.db.query("SELECT * FROM wijziging ORDER BY id DESC LIMIT 1"))


def _inhoud(pad: Path) -> dict[str, list]:
    """Every row of every table: what 'the file is untouched' compares."""
    conn = sqlite3.connect(pad)
    try:
        tabellen = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tabellen}
    finally:
        conn.close()


def _eerste_overleg(bestand: Gemeentebestand):  # noqa: ANN202
    return next(o for o in notulen.overleggen(bestand) if o.datum == dt.date(2026, 3, 12))


# --- the old row in the log ------------------------------------------------------------------------


def test_oud_bewaard_per_tabel(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as b:
        _als_concept(b)  # these test the log, not adoption
        o1 = _eerste_overleg(b)
        af = notulen.afspraken(b)[0]
        notulen.bewaar_afspraak(b, replace(af, actielijn="Bouw 40 woningen", verantwoordelijken=[af.verantwoordelijken[0]]))
        regel = _laatste_regel(b)
        oud = json.loads(regel["oud"])
        assert oud["actielijn"] == af.actielijn and oud["id"] == af.id
        assert oud["verantwoordelijken"] == af.verantwoordelijken and oud["betrokkenen"] == af.betrokkenen
        assert regel["overleg_id"] == o1.id

        besluit = notulen.besluiten(b, o1.id)[0]
        notulen.bewaar_besluit(b, replace(besluit, tekst="Anders"))
        assert json.loads(_laatste_regel(b)["oud"])["tekst"] == besluit.tekst

        actie = notulen.actiepunten(b, overleg_id=o1.id)[2]
        notulen.zet_actiestatus(b, actie.id, ActieStatus.VERVALLEN)
        regel = _laatste_regel(b)
        assert json.loads(regel["oud"])["status"] == "open" and regel["overleg_id"] == o1.id

        persoon = notulen.personen(b)[0]
        personen.wijzig_persoon(b, replace(persoon, functie="nieuw"))
        assert json.loads(_laatste_regel(b)["oud"])["functie"] == persoon.functie

        partij = b.partijen()[0]
        personen.wijzig_partij(b, replace(partij, naam="Gemeente Z"))
        assert json.loads(_laatste_regel(b)["oud"])["naam"] == partij.naam

        notulen.zet_aanwezigheid(b, Aanwezigheid(overleg_id=o1.id, persoon_id=persoon.id, status=Aanwezig.ZK))
        regel = _laatste_regel(b)
        assert json.loads(regel["oud"]) == {"persoon_id": persoon.id, "status": "aanwezig"} and regel["overleg_id"] == o1.id

        nieuw = notulen.bewaar_besluit(b, Besluit(overleg_id=o1.id, datum=o1.datum, tekst="Nieuw"))
        regel = _laatste_regel(b)
        assert regel["oud"] == "null" and regel["rij_id"] == nieuw.id  # JSON null: there was no row


# --- closed meetings -------------------------------------------------------------------------------


def _schrijfpogingen(b: Gemeentebestand, o1, o3) -> dict:  # noqa: ANN001
    """Every write function of notulen, agenda and vaststelling, aimed at the closed meeting o1."""
    punten = notulen.agendapunten(b, o1.id)
    subthema = next(p for p in punten if p.soort is PuntSoort.SUBTHEMA)
    af = next(a for a in notulen.afspraken(b) if a.overleg_id == o1.id)
    besluit = notulen.besluiten(b, o1.id)[0]
    actie = notulen.actiepunten(b, overleg_id=o1.id)[2]
    persoon = notulen.personen(b)[0]
    return {
        "notitie": lambda: notulen.bewaar_notitie(b, subthema.id, "nieuw"),
        "aanwezigheid": lambda: notulen.zet_aanwezigheid(b, Aanwezigheid(overleg_id=o1.id, persoon_id=persoon.id, status=Aanwezig.ZK)),
        "aanwezigheid wissen": lambda: personen.wis_aanwezigheid(b, o1.id, persoon.id),
        "overleg wijzigen": lambda: notulen.wijzig_overleg(b, replace(o1, plaats="Elders")),
        "tijd": lambda: vaststelling.zet_tijd(b, o1, "eindtijd", dt.time(17, 0)),
        "nieuwe afspraak": lambda: notulen.bewaar_afspraak(b, replace(af, id=None, actielijn="Nieuw")),
        "afspraak naar elders": lambda: notulen.bewaar_afspraak(b, replace(af, overleg_id=o3.id)),
        "nieuw besluit": lambda: notulen.bewaar_besluit(b, Besluit(overleg_id=o1.id, datum=o1.datum, tekst="Nieuw")),
        "besluit wijzigen": lambda: notulen.bewaar_besluit(b, replace(besluit, tekst="Anders")),
        "nieuwe actie": lambda: notulen.bewaar_actiepunt(b, Actiepunt(overleg_id=o1.id, wat="Nieuw")),
        "actie wijzigen": lambda: notulen.bewaar_actiepunt(b, replace(actie, wat="Anders")),
        "actie elders heen": lambda: notulen.bewaar_actiepunt(b, replace(notulen.actiepunten(b, overleg_id=o3.id)[0], overleg_id=o1.id)),
        "afspraak verwijderen": lambda: notulen.verwijder(b, "afspraak", af.id),
        "besluit verwijderen": lambda: notulen.verwijder(b, "besluit", besluit.id),
        "actie verwijderen": lambda: notulen.verwijder(b, "actiepunt", actie.id),
        "punt toevoegen": lambda: agenda.voeg_punt_toe(b, o1.id, titel="Extra"),
        "punt verwijderen": lambda: agenda.verwijder_punt(b, next(p for p in punten if p.subthema_nummer == "2.1.1").id),
        "punt verplaatsen": lambda: agenda.verplaats_punt(b, subthema.id, 1),
    }


def _als_concept(b: Gemeentebestand) -> None:
    """The demo's agenda is adopted; in a concept agenda every write reaches the closed-meeting guard
    (after adoption an agreement cannot be deleted at all, tested in test_levensloop)."""
    with b.transactie() as db:
        db.execute("UPDATE uitvoeringsagenda SET vastgesteld_op = NULL, vastgesteld_te = NULL")


def test_elke_schrijfweg_geweigerd_in_gesloten_overleg(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as b:
        _als_concept(b)
        o1 = _eerste_overleg(b)
        o3 = notulen.overleggen(b)[-1]
        sluit_overleg(b, o1.id)
        o1 = notulen.overleg(b, o1.id)
        pogingen = _schrijfpogingen(b, o1, o3)
        voor = _inhoud(demo_pad)
        for naam, poging in pogingen.items():
            with pytest.raises(OverlegGesloten) as fout:
                poging()
            assert str(fout.value) == MELDING, naam
            assert _inhoud(demo_pad) == voor, naam


def test_afspraak_uit_gesloten_overleg_wijzigen_in_een_later_overleg_mag(demo_pad: Path) -> None:
    """An agreement lives in its agenda: amending it later leaves the closed meeting it was made in
    as it was (its own rows, and where the agreement was made); the change is in the log and, after
    adoption, in the trail with the meeting where it was made."""
    from opslag.levensloop import Grond

    with Gemeentebestand.open(demo_pad) as b:
        o1 = _eerste_overleg(b)
        o3 = notulen.overleggen(b)[-1]
        sluit_overleg(b, o1.id)
        af = next(a for a in notulen.afspraken(b) if a.overleg_id == o1.id)
        gewijzigd_hoort = {"afspraak", "afspraak_partij", "afspraak_wijziging", "wijziging"}
        voor = {k: v for k, v in _inhoud(demo_pad).items() if k not in gewijzigd_hoort}
        with pytest.raises(OngeldigeInvoer):  # adopted: a reason first, as everywhere
            notulen.bewaar_afspraak(b, replace(af, actielijn="Anders"))
        gewijzigd = notulen.bewaar_afspraak(
            b, replace(af, actielijn="Anders", betrokkenen=[]), grond=Grond("Besproken in het overleg van november.", None, o3.id)
        )
        assert (gewijzigd.actielijn, gewijzigd.overleg_id) == ("Anders", o1.id)
        regel = _laatste_regel(b)
        assert (regel["tabel"], regel["actie"], json.loads(regel["oud"])["actielijn"]) == ("afspraak", "gewijzigd", af.actielijn)
        spoor = b.db.execute("SELECT overleg_id, reden FROM afspraak_wijziging WHERE afspraak_id = ? ORDER BY id DESC", [af.id]).fetchone()
        assert tuple(spoor) == (o3.id, "Besproken in het overleg van november.")
        na = _inhoud(demo_pad)
        assert [tabel for tabel in voor if na[tabel] != voor[tabel]] == []


def test_elke_schrijvende_functie_zit_in_de_proef() -> None:
    """A new write function in notulen, agenda or vaststelling must be added to the test above
    (or to one of the lists here, with its reason)."""
    import inspect

    geprobeerd = {"bewaar_notitie", "zet_aanwezigheid", "wijzig_overleg", "zet_tijd", "bewaar_afspraak", "bewaar_besluit",
                  "bewaar_actiepunt", "verwijder", "voeg_punt_toe", "verwijder_punt", "verplaats_punt"}
    geen_overleg = {"bewaar_partij", "nieuwe_persoon", "agenda_voor_periode", "nieuw_overleg"}  # belong to no meeting yet
    voortgang = {"zet_actiestatus", "stel_vast", "maak_concept"}  # test_voortgang_mag_in_gesloten_overleg
    schrijvend = {
        naam for module in (notulen, agenda, vaststelling) for naam, functie in inspect.getmembers(module, inspect.isfunction)
        if functie.__module__ == module.__name__ and any(s in inspect.getsource(functie) for s in (".schrijf(", "wijzig_overleg("))
    }
    assert schrijvend == geprobeerd | geen_overleg | voortgang
    assert "herstel_laatste_verwijdering" not in schrijvend  # undo: opslag.ongedaan, tested below


def test_voortgang_mag_in_gesloten_overleg(demo_pad: Path) -> None:
    """Actions born in a closed meeting are ticked off later; the next meeting approves its minutes."""
    with Gemeentebestand.open(demo_pad) as b:
        o1 = _eerste_overleg(b)
        o3 = notulen.overleggen(b)[-1]
        sluit_overleg(b, o1.id)
        actie = notulen.actiepunten(b, overleg_id=o1.id)[2]
        assert notulen.zet_actiestatus(b, actie.id, ActieStatus.GEREED, o3.datum).status is ActieStatus.GEREED
        # from the actielijst's form: status only is progress, the text is not
        assert notulen.bewaar_actiepunt(b, replace(notulen.actiepunt(b, actie.id), status=ActieStatus.OPEN)).status is ActieStatus.OPEN
        af = next(a for a in notulen.afspraken(b) if a.overleg_id == o1.id)
        notulen.bewaar_afspraak(b, replace(af, status="gereed"))
        vaststelling.maak_concept(b, o1.id)
        assert vaststelling.stel_vast(b, o1.id, o3).verslag_vastgesteld_in == o3.id
        assert ongedaan_maken(b) == f"{af.code}: status terug naar '{af.status.value}'"


def test_sluiten_en_heropenen_met_reden(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as b:
        o1 = _eerste_overleg(b)
        gesloten = sluit_overleg(b, o1.id)
        assert gesloten.gesloten_op
        assert _laatste_regel(b)["actie"] == "gesloten"
        with pytest.raises(OngeldigeInvoer, match="al gesloten"):
            sluit_overleg(b, o1.id)
        voor = _inhoud(demo_pad)
        for leeg in ("", "   "):
            with pytest.raises(OngeldigeInvoer, match="De reden om te heropenen is verplicht"):
                heropen_overleg(b, o1.id, leeg)
        assert _inhoud(demo_pad) == voor
        assert heropen_overleg(b, o1.id, "Typfout in besluit B-001").gesloten_op is None
        regel = _laatste_regel(b)
        assert (regel["actie"], json.loads(regel["gegevens"])) == ("heropend", {"reden": "Typfout in besluit B-001"})
        notulen.wijzig_overleg(b, replace(notulen.overleg(b, o1.id), plaats="Elders"))  # open again: writes pass


def test_export_van_gesloten_overleg_werkt(demo_pad: Path) -> None:
    from opslag.export import exporteer_verslag

    with Gemeentebestand.open(demo_pad) as b:
        o1 = _eerste_overleg(b)
        open_tekst = exporteer_verslag(b, o1.id)
        sluit_overleg(b, o1.id)
        assert exporteer_verslag(b, o1.id) == open_tekst


# --- undo and redo ---------------------------------------------------------------------------------


def test_ongedaan_wijziging_zet_oude_waarden_terug_en_opnieuw(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as b:
        _als_concept(b)  # these test the log, not adoption
        af = notulen.afspraken(b)[0]
        notulen.bewaar_afspraak(b, replace(af, actielijn="Bouw 40 woningen", betrokkenen=[]))
        notulen.bewaar_afspraak(b, replace(notulen.afspraak_met_id(b, af.id), actielijn="Bouw 50 woningen"))
        assert ongedaan_maken(b) == f"{af.code}: actielijn terug naar 'Bouw 40 woningen'"
        assert ongedaan_maken(b) == f"{af.code}: actielijn en betrokkenen teruggezet"
        assert notulen.afspraak_met_id(b, af.id) == af
        assert opnieuw(b) == f"{af.code}: actielijn en betrokkenen opnieuw gewijzigd"
        assert notulen.afspraak_met_id(b, af.id).actielijn == "Bouw 40 woningen"
        assert ongedaan_maken(b) == f"{af.code}: actielijn en betrokkenen teruggezet"  # a redone change can be undone again
        notulen.bewaar_notitie(b, notulen.agendapunten(b, af.overleg_id)[0].id, "iets anders")
        with pytest.raises(OngeldigeInvoer, match="niets om opnieuw te doen"):
            opnieuw(b)


def test_ongedaan_nieuw_verwijdert_en_wist_afspraak_wijzigingen(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as b:
        o3 = notulen.overleggen(b)[-1]
        nieuw = notulen.bewaar_besluit(b, Besluit(overleg_id=o3.id, datum=o3.datum, tekst="Nieuw besluit"))
        assert ongedaan_maken(b) == f"{nieuw.code} verwijderd (was nieuw)"
        assert not b.db.execute("SELECT 1 FROM besluit WHERE id = ?", [nieuw.id]).fetchone()
        af = notulen.afspraken(b)[0]
        # as lv-vaststellen records an amendment: its rows named in the log line's gegevens
        with b.schrijf("afspraak", af.id, "gewijzigd", {"afspraak_wijziging": [99]}) as db:
            db["afspraak_wijziging"].insert({"id": 99, "afspraak_id": af.id, "soort": "wijziging", "datum": "2026-11-19",
                                             "tijdstip": "2026-11-19T10:00:00", "velden": '{"doel": ["a", "b"]}'})
            db.execute("UPDATE afspraak SET doel = 'b' WHERE id = ?", [af.id])
        ongedaan_maken(b)
        assert notulen.afspraak_met_id(b, af.id).doel == af.doel
        assert not b.db.execute("SELECT 1 FROM afspraak_wijziging WHERE id = 99").fetchone()
        opnieuw(b)
        assert b.db.execute("SELECT soort FROM afspraak_wijziging WHERE id = 99").fetchone() == ("wijziging",)


def test_ongedaan_over_herstart_en_gesloten_overleg(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as b:
        o1 = _eerste_overleg(b)
        actie = notulen.actiepunten(b, overleg_id=o1.id)[2]
        notulen.bewaar_actiepunt(b, replace(actie, wat="Voorlichting in januari"))
        verwijderd = notulen.besluiten(b, o1.id)[0]
        notulen.verwijder(b, "besluit", verwijderd.id)
        sluit_overleg(b, o1.id)
    with Gemeentebestand.open(demo_pad) as b:  # a restart: the log remembers
        voor = _inhoud(demo_pad)
        with pytest.raises(OverlegGesloten, match="12-03-2026 is gesloten"):
            ongedaan_maken(b)
        assert _inhoud(demo_pad) == voor
        heropen_overleg(b, o1.id, "besluit ten onrechte verwijderd")
    with Gemeentebestand.open(demo_pad) as b:
        assert ongedaan_maken(b) == f"{verwijderd.code} teruggezet (was verwijderd)"
        assert notulen.besluit(b, verwijderd.id) == verwijderd
        assert ongedaan_maken(b) == f"{actie.code}: wat terug naar '{actie.wat}'"
    with Gemeentebestand.open(demo_pad) as b:
        assert opnieuw(b) == f"{actie.code}: wat weer 'Voorlichting in januari'"
        assert opnieuw(b) == f"{verwijderd.code} weer verwijderd"
        with pytest.raises(OngeldigeInvoer, match="niets om opnieuw te doen"):
            opnieuw(b)
        regels = [(r["actie"], r["ongedaan_door"] is None) for r in b.db.query("SELECT * FROM wijziging ORDER BY id DESC LIMIT 4")]
        assert regels == [("opnieuw", True), ("opnieuw", True), ("ongedaan", False), ("ongedaan", False)]


def test_ongedaan_aanwezigheid_en_agendapunt(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as b:
        o3 = notulen.overleggen(b)[-1]
        persoon = notulen.personen(b)[0]
        was = notulen.aanwezigheid(b, o3.id).get(persoon.id)
        personen.wis_aanwezigheid(b, o3.id, persoon.id)
        assert ongedaan_maken(b) == f"Aanwezigheid van {persoon.naam}: terug naar {was.value}"
        assert notulen.aanwezigheid(b, o3.id)[persoon.id] is was
        punt = agenda.voeg_punt_toe(b, o3.id, titel="Presentatie wijkvisie")
        agenda.verplaats_punt(b, punt.id, -1)
        volgorde = [p.id for p in notulen.agendapunten(b, o3.id)]
        assert ongedaan_maken(b) == "Agendapunt Presentatie wijkvisie terug op de oude plaats"
        assert ongedaan_maken(b) == "Agendapunt Presentatie wijkvisie verwijderd (was nieuw)"
        assert opnieuw(b) == "Agendapunt Presentatie wijkvisie weer toegevoegd"
        assert opnieuw(b) == "Agendapunt Presentatie wijkvisie weer verplaatst"
        assert [p.id for p in notulen.agendapunten(b, o3.id)] == volgorde


def test_regel_van_voor_schema_6_alleen_verwijdering(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as b:
        _als_concept(b)  # these test the log, not adoption
        af = notulen.afspraken(b)[0]
        notulen.verwijder(b, "afspraak", af.id)
        notulen.bewaar_afspraak(b, replace(notulen.afspraken(b)[0], actielijn="Anders"))
        b.db.execute("UPDATE wijziging SET oud = NULL")  # as migration 6 left the lines before it
        voor = _inhoud(demo_pad)
        with pytest.raises(OngeldigeInvoer, match="oudere versie van Tripartiet.*alleen verwijderingen"):
            ongedaan_maken(b)
        assert _inhoud(demo_pad) == voor
        b.db.execute("UPDATE wijziging SET ongedaan_door = -1 WHERE id = (SELECT max(id) FROM wijziging)")
        assert ongedaan_maken(b) == f"{af.code} teruggezet (was verwijderd)"
        assert notulen.afspraak_met_id(b, af.id) == af


def test_niets_om_ongedaan_te_maken(tmp_path: Path) -> None:
    from opslag.bestand import nieuw_bestand

    pad = nieuw_bestand("Leeg", tmp_path / "leeg.sqlite")
    with Gemeentebestand.open(pad) as b:
        assert ongedaan_maken(b) is None
        with pytest.raises(OngeldigeInvoer, match="niets om opnieuw te doen"):
            opnieuw(b)


def test_overgenomen_afspraak_verwijderen_neemt_het_spoor_mee_en_ongedaan_zet_het_terug(demo_pad: Path) -> None:
    from opslag.perioden import start_periode

    with Gemeentebestand.open(demo_pad) as b:
        start_periode(b, "2028-2029")
        overgenomen = next(a for a in notulen.afspraken(b) if a.vorige_id is not None)
        spoor = "SELECT soort FROM afspraak_wijziging WHERE afspraak_id = ?"
        assert [r[0] for r in b.db.execute(spoor, [overgenomen.id])] == ["overgenomen"]
        notulen.verwijder(b, "afspraak", overgenomen.id)  # the new agenda is concept: deleting may
        assert b.db.execute(spoor, [overgenomen.id]).fetchall() == []
        assert ongedaan_maken(b) == f"{overgenomen.code} teruggezet (was verwijderd)"
        assert [r[0] for r in b.db.execute(spoor, [overgenomen.id])] == ["overgenomen"]
        assert notulen.afspraak_met_id(b, overgenomen.id) == overgenomen


def test_ongedaan_stopt_bij_wat_het_niet_ongedaan_maakt(demo_pad: Path) -> None:
    """ctrl+z after starting a period (or an import, adoption, closing) does not reach past it to an
    older change; it says what it will not undo and how to undo that instead."""
    from opslag.perioden import start_periode

    with Gemeentebestand.open(demo_pad) as b:
        _als_concept(b)
        af = notulen.afspraken(b)[0]
        notulen.bewaar_afspraak(b, replace(af, doel="Iets anders"))
        start_periode(b, "2028-2029")
        voor = _inhoud(demo_pad)
        with pytest.raises(OngeldigeInvoer, match="het starten van een nieuwe periode .*tripartiet herstel"):
            ongedaan_maken(b)
        assert _inhoud(demo_pad) == voor
        levensloop.vaststellen(b, notulen.uitvoeringsagendas(b)[0].id, dt.date(2025, 12, 4), "Zonnedal", {})
        with pytest.raises(OngeldigeInvoer, match="het vaststellen van de uitvoeringsagenda .*stel dan opnieuw vast"):
            ongedaan_maken(b)
