"""Rows read back are plain dataclasses; what is written is still checked by pydantic."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from opslag import kader, kader_lezer, notulen
from opslag.actielijst import actielijst
from opslag.bestand import Gemeentebestand
from opslag.invoermodellen import INVOER
from opslag.modellen import ActieStatus, Besluit, OverlegSoort, Partij, PartijSoort


def test_invoermodellen_hebben_dezelfde_velden_als_de_rijen() -> None:
    paren = [*INVOER.items()] + [
        (kader.Kader, kader_lezer.KaderInvoer), (kader.Thema, kader_lezer.ThemaInvoer),
        (kader.Subthema, kader_lezer.SubthemaInvoer), (kader.Punt, kader_lezer.PuntInvoer),
        (kader.Sectie, kader_lezer.SectieInvoer), (kader.Voetnoot, kader_lezer.VoetnootInvoer),
    ]
    for rij, invoer in paren:
        velden = [v.name for v in dataclasses.fields(rij) if v.init]
        assert velden == list(invoer.model_fields), rij.__name__


def test_gelezen_rijen_zijn_bevroren_dataclasses_met_dezelfde_waarden(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        overleg = notulen.laatste_overleg(bestand)
        actie = notulen.actiepunten(bestand)[0]
        regel = actielijst(bestand, alleen_open=False)[0]
        sub = bestand.kader().subthemas[0]
    assert isinstance(overleg.datum, dt.date) and overleg.soort in OverlegSoort
    assert isinstance(actie.status, ActieStatus) and actie.code.startswith("A-")
    assert isinstance(regel.te_laat, bool) and regel.code == f"A-{regel.nummer:03d}"
    assert isinstance(sub.landelijk[0], kader.Punt)
    for waarde in (overleg, actie, regel, sub):
        assert not hasattr(waarde, "__dict__")
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(waarde, dataclasses.fields(waarde)[0].name, None)


def test_wat_geschreven_wordt_controleert_pydantic_en_het_bestand_blijft_gelijk(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        overleg = notulen.laatste_overleg(bestand)
        voor = notulen.besluiten(bestand)
        with pytest.raises(ValidationError):
            notulen.bewaar_besluit(bestand, Besluit(overleg_id=overleg.id, tekst="", datum=overleg.datum))
        with pytest.raises(ValidationError):
            notulen.agenda_voor_periode(bestand, "volgend jaar")
        assert notulen.besluiten(bestand) == voor
        # The input model also makes the values: text stripped, '2026-01-31' a date.
        partij_id = notulen.bewaar_partij(bestand, Partij(naam="  Woonstichting X ", code=" WX ", soort=PartijSoort.CORPORATIE))
        besluit = notulen.bewaar_besluit(bestand, Besluit(overleg_id=overleg.id, tekst="Ja", datum="2026-01-31"))  # type: ignore[arg-type]
        partij = next(p for p in bestand.partijen() if p.id == partij_id)
        logregel = bestand.db.execute("SELECT gegevens FROM wijziging WHERE tabel = 'besluit' ORDER BY id DESC").fetchone()[0]
    assert (partij.naam, partij.code) == ("Woonstichting X", "WX")
    assert besluit.datum == dt.date(2026, 1, 31)
    assert json.loads(logregel)["datum"] == "2026-01-31"


def test_gekozen_map_voor_reservekopieen_zonder_pydantic_gelezen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from opslag.mappen import instellingen_pad
    from opslag.reservekopie import MAPNAAM, reservekopie_map

    monkeypatch.delenv("TRIPARTIET_RESERVEKOPIE", raising=False)
    pad = tmp_path / "aalten.sqlite"
    assert reservekopie_map(pad) == tmp_path / MAPNAAM
    instellingen_pad().parent.mkdir(parents=True)
    instellingen_pad().write_text(json.dumps({"recente_bestanden": [], "reservekopie_map": str(tmp_path / "elders")}))
    assert reservekopie_map(pad) == tmp_path / "elders"
    for kapot in ("{niet json", "[1, 2]", '{"reservekopie_map": 3}'):
        instellingen_pad().write_text(kapot)
        assert reservekopie_map(pad) == tmp_path / MAPNAAM
