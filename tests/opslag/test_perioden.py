"""Periods from the framework's years, and starting a new period carrying over what is unfinished."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from opslag import notulen, perioden
from opslag.bestand import Gemeentebestand, nieuw_bestand
from opslag.export import uitvoeringsagenda
from opslag.fouten import KaderFout, OngeldigeInvoer
from opslag.kader_lezer import lees_kader, parseer_kader
from opslag.codes import item_code
from opslag.modellen import AfspraakStatus
from tests.hulp import terug_naar_versie_2

MINIMAAL = """# Proefkader{looptijd}

## 1 Wonen

### 1.1 Bouwen

#### Landelijk

Geen.

#### Regionaal

Geen.

#### Lokaal

Geen.

#### Bron
"""


def _kader(looptijd: str = "", titel_jaren: str = ""):  # noqa: ANN202
    tekst = MINIMAAL.format(looptijd=titel_jaren + (f"\n\n{looptijd}" if looptijd else ""))
    return parseer_kader(tekst, "proef.md")


# --- the framework's years -----------------------------------------------------------------------


def test_het_kader_noemt_zijn_looptijd() -> None:
    kader = lees_kader()
    assert (kader.begin, kader.eind) == (2026, 2029)
    assert kader.looptijd == "2026 t/m 2029"


def test_looptijd_onder_de_titel_en_zonder_looptijd() -> None:
    assert (_kader("Looptijd: 2028 t/m 2031").begin, _kader("Looptijd: 2028 t/m 2031").eind) == (2028, 2031)
    zonder = _kader()
    assert zonder.begin is None and zonder.eind is None and zonder.looptijd is None


@pytest.mark.parametrize(
    ("regel", "stukje", "regelnummer"),
    [
        ("Looptijd: 2026 tot 2029", "schrijf de looptijd als 'Looptijd: 2026 t/m 2029'", 3),
        ("Looptijd: 2029 t/m 2026", "de looptijd eindigt (2026) vóór hij begint (2029)", 3),
        ("Looptijd: 2026 t/m 2029\n\nLooptijd: 2026 t/m 2029", "de looptijd staat er twee keer", 5),
    ],
)
def test_een_verkeerde_looptijd_wordt_geweigerd_met_de_regel(regel: str, stukje: str, regelnummer: int) -> None:
    with pytest.raises(KaderFout) as fout:
        _kader(regel)
    assert stukje in str(fout.value)
    assert f"regel {regelnummer}:" in str(fout.value)


def test_looptijd_wordt_bewaard_bij_een_nieuw_bestand(tmp_path: Path) -> None:
    pad = nieuw_bestand("Aalten", tmp_path / "aalten.sqlite")
    conn = sqlite3.connect(pad)
    meta = dict(conn.execute("SELECT sleutel, waarde FROM meta WHERE sleutel LIKE 'kader_%'").fetchall())
    conn.close()
    assert meta["kader_begin"] == "2026" and meta["kader_eind"] == "2029"
    with Gemeentebestand.open(pad) as bestand:
        assert bestand.kader() == lees_kader()
        assert bestand.kader().looptijd == "2026 t/m 2029"


def test_een_ouder_bestand_leidt_de_looptijd_af_uit_de_titel(tmp_path: Path) -> None:
    pad = nieuw_bestand("Aalten", tmp_path / "aalten.sqlite")
    conn = sqlite3.connect(pad)
    conn.execute("DELETE FROM meta WHERE sleutel IN ('kader_begin', 'kader_eind')")
    conn.commit()
    conn.close()
    terug_naar_versie_2(pad)
    with Gemeentebestand.open(pad) as bestand:
        kader = bestand.kader()
        assert (kader.begin, kader.eind) == (2026, 2029)
        assert [p.periode for p in perioden.perioden(bestand)] == ["2026-2027", "2028-2029"]


def test_kader_zonder_jaren_laat_perioden_vrij(tmp_path: Path) -> None:
    pad = nieuw_bestand("Aalten", tmp_path / "aalten.sqlite", _kader())
    with Gemeentebestand.open(pad) as bestand:
        assert perioden.looptijd(bestand) is None
        start = perioden.start_periode(bestand, "2031-2032")  # no framework years: no explicit choice needed
        assert start.periode == "2031-2032"
        assert all(p.in_kader for p in perioden.perioden(bestand))
        with pytest.raises(OngeldigeInvoer, match="twee opeenvolgende jaren"):
            perioden.start_periode(bestand, "2033-2035")


# --- the list of periods ---------------------------------------------------------------------------


def test_perioden_van_het_kader_met_wat_het_bestand_heeft(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        bestand.db.execute("UPDATE uitvoeringsagenda SET vastgesteld_op = '2025-12-04' WHERE periode = '2026-2027'")
        lijst = perioden.perioden(bestand)
        assert [(p.periode, p.in_kader, p.agenda_id is not None, p.staat) for p in lijst] == [
            ("2026-2027", True, True, "vastgesteld op 04-12-2025"),
            ("2028-2029", True, False, "nog niet gestart"),
        ]
        assert lijst[0].afspraken == bestand.db.execute("SELECT count(*) FROM afspraak").fetchone()[0] > 0
        assert perioden.volgende_periode(bestand).periode == "2028-2029"
        perioden.start_periode(bestand, "2028-2029")
        assert [p.staat for p in perioden.perioden(bestand)] == ["vastgesteld op 04-12-2025", "concept"]
        volgende = perioden.volgende_periode(bestand)
        assert (volgende.periode, volgende.in_kader) == ("2030-2031", False)


# --- starting a period ---------------------------------------------------------------------------


def _afspraken(bestand: Gemeentebestand, periode: str) -> list[dict]:
    return [dict(r) for r in bestand.db.query(
        "SELECT a.* FROM afspraak a JOIN uitvoeringsagenda u ON u.id = a.agenda_id WHERE u.periode = ? ORDER BY nummer",
        [periode],
    )]


def test_start_periode_neemt_precies_de_onvoltooide_afspraken_over(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        oud = _afspraken(bestand, "2026-2027")
        # One of each status, so it is clear which go and which stay.
        for rij, status in zip(oud, AfspraakStatus, strict=False):
            bestand.db.execute("UPDATE afspraak SET status = ? WHERE id = ?", [str(status), rij["id"]])
        oud = _afspraken(bestand, "2026-2027")
        onvoltooid = [r for r in oud if r["status"] not in ("gereed", "vervallen")]
        afgerond = [r for r in oud if r["status"] in ("gereed", "vervallen")]
        assert onvoltooid and len(afgerond) == 2
        hoogste = bestand.db.execute("SELECT max(nummer) FROM afspraak").fetchone()[0]
        oude_agenda = bestand.db.execute("SELECT id FROM uitvoeringsagenda WHERE periode = '2026-2027'").fetchone()[0]

        start = perioden.start_periode(bestand, "2028-2029")

        assert (start.overgenomen, start.gebleven, start.van) == (len(onvoltooid), 2, "2026-2027")
        assert f"{len(onvoltooid)} afspraken overgenomen uit 2026-2027" in start.tekst
        assert "2 afspraken (gereed of vervallen) blijven in 2026-2027" in start.tekst
        agenda = next(bestand.db.query("SELECT * FROM uitvoeringsagenda WHERE periode = '2028-2029'"))
        assert agenda["id"] == start.agenda_id and agenda["vorige_id"] == oude_agenda and agenda["vastgesteld_op"] is None
        nieuw = _afspraken(bestand, "2028-2029")
        assert [r["vorige_id"] for r in nieuw] == [r["id"] for r in onvoltooid]
        assert [r["nummer"] for r in nieuw] == list(range(hoogste + 1, hoogste + 1 + len(onvoltooid)))
        for kopie, bron in zip(nieuw, onvoltooid, strict=True):
            for veld in ("subthema_nummer", "actielijn", "doel", "doel_aantal", "doel_eenheid", "start", "eind", "status", "toelichting"):
                assert kopie[veld] == bron[veld], veld
            assert kopie["overleg_id"] is None and kopie["na_vaststelling"] is None
            partijen = "SELECT partij_id, rol, volgorde FROM afspraak_partij WHERE afspraak_id = ? ORDER BY volgorde"
            assert bestand.db.execute(partijen, [kopie["id"]]).fetchall() == bestand.db.execute(partijen, [bron["id"]]).fetchall()
        # The old period is untouched: the finished ones stay there, and so do the originals.
        assert _afspraken(bestand, "2026-2027") == oud
        # The demo's own trail (an amendment and an addition after adoption) is not this one's.
        sporen = [dict(r) for r in bestand.db.query("SELECT * FROM afspraak_wijziging WHERE soort = 'overgenomen' ORDER BY id")]
        assert [s["afspraak_id"] for s in sporen] == [r["id"] for r in nieuw]
        assert {(s["soort"], s["velden"], s["reden"]) for s in sporen} == {("overgenomen", "{}", "overgenomen uit 2026-2027")}
        assert all(s["overleg_id"] is None and s["besluit_id"] is None for s in sporen)
        regel = next(bestand.db.query("SELECT * FROM wijziging ORDER BY id DESC LIMIT 1"))
        assert (regel["tabel"], regel["actie"]) == ("uitvoeringsagenda", "periode gestart")
        gegevens = json.loads(regel["gegevens"])
        assert gegevens["agenda_id"] == start.agenda_id
        assert gegevens["afspraken"] == [r["id"] for r in nieuw]
        assert gegevens["afspraak_wijziging"] == [s["id"] for s in sporen]
        # The carried-over agreements read back as agreements of the new agenda.
        gelezen = notulen.afspraken(bestand, agenda_id=start.agenda_id)
        assert [a.vorige_id for a in gelezen] == [r["id"] for r in onvoltooid]


def test_export_van_de_nieuwe_periode_is_een_concept_met_de_overgenomen_afspraken(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        codes = [item_code("afspraak", r["nummer"]) for r in _afspraken(bestand, "2026-2027")]
        perioden.start_periode(bestand, "2028-2029")
        nieuw = [a.code for a in notulen.afspraken(bestand, agenda_id=perioden.agenda_van_periode(bestand, "2028-2029"))]
        document = uitvoeringsagenda.bouw(bestand, "2028-2029")
    assert (document.periode, document.status, document.vastgesteld_op) == ("2028-2029", "CONCEPT", None)
    assert document.aantal_afspraken == len(nieuw) > 0
    getoond = [a.code for thema in document.themas for sub in thema.subthemas for a in sub.afspraken]
    assert sorted(getoond) == sorted(nieuw) and not set(getoond) & set(codes)


def test_een_bestaande_periode_wordt_geweigerd_en_niets_veranderd(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        voor = bestand.db.execute("SELECT count(*) FROM afspraak").fetchone()[0], bestand.db.execute("SELECT count(*) FROM wijziging").fetchone()[0]
        with pytest.raises(OngeldigeInvoer, match="De uitvoeringsagenda 2026-2027 bestaat al in dit bestand."):
            perioden.start_periode(bestand, "2026-2027")
        with pytest.raises(OngeldigeInvoer, match="2027-2028 overlapt met de uitvoeringsagenda 2026-2027"):
            perioden.start_periode(bestand, "2027-2028", buiten_kader=True)
        with pytest.raises(OngeldigeInvoer, match="twee opeenvolgende jaren"):
            perioden.start_periode(bestand, "2028-2030")
        na = bestand.db.execute("SELECT count(*) FROM afspraak").fetchone()[0], bestand.db.execute("SELECT count(*) FROM wijziging").fetchone()[0]
        assert na == voor
        assert [p.periode for p in perioden.perioden(bestand) if p.agenda_id] == ["2026-2027"]


def test_buiten_het_kader_alleen_met_een_bewuste_keuze(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        perioden.start_periode(bestand, "2028-2029")
        with pytest.raises(perioden.BuitenKader) as fout:
            perioden.start_periode(bestand, "2030-2031")
        assert str(fout.value) == "2030-2031 valt buiten het kader 2026 t/m 2029; kies het bewust als periode buiten het kader."
        assert bestand.db.execute("SELECT count(*) FROM uitvoeringsagenda").fetchone()[0] == 2
        start = perioden.start_periode(bestand, "2030-2031", buiten_kader=True)
        assert start.van == "2028-2029"
        assert [(p.periode, p.in_kader) for p in perioden.perioden(bestand)] == [
            ("2026-2027", True), ("2028-2029", True), ("2030-2031", False),
        ]


def test_een_periode_naast_het_ritme_van_het_kader_vraagt_ook_een_keuze(tmp_path: Path) -> None:
    pad = nieuw_bestand("Aalten", tmp_path / "aalten.sqlite", _kader("Looptijd: 2026 t/m 2029"))
    with Gemeentebestand.open(pad) as bestand:
        bestand.db.execute("DELETE FROM uitvoeringsagenda")
        with pytest.raises(perioden.BuitenKader, match="2027-2028 is geen periode van het kader 2026 t/m 2029 .dat zijn 2026-2027, 2028-2029."):
            perioden.start_periode(bestand, "2027-2028")
        start = perioden.start_periode(bestand, "2027-2028", buiten_kader=True)
        assert (start.van, start.overgenomen) == (None, 0)
        assert start.tekst == "Uitvoeringsagenda 2027-2028 is gestart als concept, zonder afspraken."


def test_van_een_gekozen_agenda_en_zonder_overnemen(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        oud = perioden.agenda_van_periode(bestand, "2026-2027")
        leeg = perioden.start_periode(bestand, "2028-2029", overnemen=False)
        assert (leeg.van, leeg.overgenomen) == (None, 0)
        assert bestand.db.execute("SELECT vorige_id FROM uitvoeringsagenda WHERE id = ?", [leeg.agenda_id]).fetchone()[0] is None
        assert notulen.afspraken(bestand, agenda_id=leeg.agenda_id) == []
        # Not from the newest before it (2028-2029, empty), but from the one chosen.
        start = perioden.start_periode(bestand, "2030-2031", van=oud, buiten_kader=True)
        assert start.van == "2026-2027" and start.overgenomen == len(notulen.afspraken(bestand, agenda_id=oud))
        with pytest.raises(OngeldigeInvoer, match="2030-2031 komt niet vóór 2024-2025"):
            perioden.start_periode(bestand, "2024-2025", van=start.agenda_id, buiten_kader=True)
        with pytest.raises(OngeldigeInvoer, match="De uitvoeringsagenda 2040-2041 staat niet in dit bestand. Wel: 2026-2027, 2028-2029, 2030-2031."):
            perioden.agenda_van_periode(bestand, "2040-2041")
