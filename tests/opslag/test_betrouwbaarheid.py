"""Faults a laptop meets: a second instance, a read-only or vanished file, a full disk, backups."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from opslag import fouten, notulen
from opslag.bestand import Gemeentebestand, nieuw_bestand
from opslag.modellen import Actiepunt
from opslag.reservekopie import MAXIMUM, herstel, maak_reservekopie, reservekopieen
from opslag.schema import SCHEMA_VERSIE


def _tellingen(pad: Path) -> dict[str, int]:
    conn = sqlite3.connect(pad)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("afspraak", "besluit", "actiepunt", "wijziging")}
    finally:
        conn.close()


def test_tweede_opening_is_alleen_lezen_en_schrijft_niets(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as eerste:
        with Gemeentebestand.open(demo_pad) as tweede:
            assert eerste.alleen_lezen is None
            assert tweede.alleen_lezen == "het bestand is al geopend in een andere Tripartiet"
            assert len(notulen.actiepunten(tweede)) == 9, "the second one can read"
            punt = notulen.agendapunten(tweede, 1)[0]
            with pytest.raises(fouten.AlleenLezen, match="al geopend in een andere Tripartiet; wijzigingen worden niet bewaard"):
                notulen.bewaar_notitie(tweede, punt.id, "van de tweede")
            notulen.bewaar_notitie(eerste, punt.id, "van de eerste")
            assert notulen.agendapunten(tweede, 1)[0].notitie == "van de eerste", "the reader sees the writer's edits"
    with Gemeentebestand.open(demo_pad) as weer:
        assert weer.alleen_lezen is None, "the lock goes with the first instance"
        assert weer.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_alleen_lezen_bestand_opent_alleen_lezen(demo_pad: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    demo_pad.chmod(stat.S_IRUSR)
    echte_access = os.access
    # CI runs as root, who may write anything; ask the question as an ordinary user would get it.
    monkeypatch.setattr("opslag.bestand.os.access", lambda p, m: False if m == os.W_OK else echte_access(p, m))
    voor = demo_pad.read_bytes()
    with Gemeentebestand.open(demo_pad) as bestand:
        assert bestand.alleen_lezen == "het bestand of de map is alleen-lezen"
        assert notulen.laatste_overleg(bestand).datum == dt.date(2026, 11, 19)
        with pytest.raises(fouten.AlleenLezen, match="alleen-lezen; wijzigingen worden niet bewaard"):
            notulen.bewaar_notitie(bestand, 1, "nieuw")
    assert demo_pad.read_bytes() == voor


def test_gevraagd_alleen_lezen_laat_bestand_ongemoeid(demo_pad: Path) -> None:
    voor = demo_pad.read_bytes()
    with Gemeentebestand.open(demo_pad, alleen_lezen=True) as bestand:
        assert bestand.alleen_lezen == "geopend om alleen te lezen"
        assert notulen.laatste_overleg(bestand) is not None
        with pytest.raises(fouten.AlleenLezen):
            notulen.bewaar_besluit(bestand, replace(notulen.besluiten(bestand)[0], tekst="anders"))
    assert demo_pad.read_bytes() == voor


def test_verdwenen_bestand_geeft_melding_en_niets_halfs(demo_pad: Path, tmp_path: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        elders = tmp_path / "elders.sqlite"
        shutil.move(demo_pad, elders)  # the folder or the stick is gone
        with pytest.raises(fouten.SchrijfFout, match="verdwenen of vervangen"):
            notulen.bewaar_actiepunt(bestand, Actiepunt(wat="Verloren actie", partij_id=1))
    assert _tellingen(elders)["actiepunt"] == 9


def test_volle_schijf_geeft_melding_en_laat_bestand_heel(demo_pad: Path) -> None:
    voor = _tellingen(demo_pad)
    with Gemeentebestand.open(demo_pad) as bestand:
        paginas = bestand.db.execute("PRAGMA page_count").fetchone()[0]
        bestand.db.execute(f"PRAGMA max_page_count = {paginas}")  # the disk is full from here on
        punt = notulen.agendapunten(bestand, 1)[0]
        with pytest.raises(fouten.SchrijfFout, match="de schijf is vol"):
            notulen.bewaar_notitie(bestand, punt.id, "x" * 200_000)
        with pytest.raises(fouten.SchrijfFout, match="de schijf is vol"):
            notulen.bewaar_afspraak(bestand, replace(notulen.afspraken(bestand)[0], id=None, toelichting="y" * 100_000))
    assert _tellingen(demo_pad) == voor, "no half edit and no orphan change-log line"
    conn = sqlite3.connect(demo_pad)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_reservekopie_bij_eerste_opening_van_de_dag(demo_pad: Path) -> None:
    map_ = demo_pad.parent / "reservekopieen"
    shutil.rmtree(map_, ignore_errors=True)
    with Gemeentebestand.open(demo_pad):
        pass
    with Gemeentebestand.open(demo_pad):
        pass
    kopieen = reservekopieen(demo_pad)
    assert len(kopieen) == 1, "one backup a day, not one per opening"
    assert kopieen[0].pad.parent == map_
    assert _tellingen(kopieen[0].pad) == _tellingen(demo_pad)
    conn = sqlite3.connect(kopieen[0].pad)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_reservekopie_voor_migratie(demo_pad: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import opslag.bestand
    import opslag.schema

    with Gemeentebestand.open(demo_pad):
        pass
    aantal = len(reservekopieen(demo_pad))

    def _v2(db) -> None:  # noqa: ANN001
        db["meta"].insert({"sleutel": "v2", "waarde": "ja"})

    monkeypatch.setattr(opslag.schema, "MIGRATIES", [*opslag.schema.MIGRATIES, _v2])
    monkeypatch.setattr(opslag.schema, "SCHEMA_VERSIE", SCHEMA_VERSIE + 1)
    monkeypatch.setattr(opslag.bestand, "SCHEMA_VERSIE", SCHEMA_VERSIE + 1)
    with Gemeentebestand.open(demo_pad) as bestand:
        assert bestand.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSIE + 1
    kopieen = reservekopieen(demo_pad)
    assert len(kopieen) == aantal + 1
    conn = sqlite3.connect(kopieen[0].pad)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSIE, "the copy is from before the migration"
    conn.close()


def test_reservekopieen_roteren(demo_pad: Path) -> None:
    for _ in range(MAXIMUM + 3):
        maak_reservekopie(demo_pad)
    assert len(reservekopieen(demo_pad)) == MAXIMUM


def test_herstel_zet_huidig_bestand_opzij(demo_pad: Path) -> None:
    kopie_pad = maak_reservekopie(demo_pad)
    with Gemeentebestand.open(demo_pad) as bestand:
        notulen.bewaar_besluit(bestand, replace(notulen.besluiten(bestand)[0], id=None, nummer=None, tekst="Na de kopie"))
    kopie = next(k for k in reservekopieen(demo_pad) if k.pad == kopie_pad)
    opzij = herstel(demo_pad, kopie)
    assert _tellingen(demo_pad)["besluit"] == 6
    assert _tellingen(opzij)["besluit"] == 7, "the current file was kept aside, with its last edit"


def test_herstel_weigert_terwijl_bestand_open_is(demo_pad: Path) -> None:
    maak_reservekopie(demo_pad)
    kopie = reservekopieen(demo_pad)[0]
    with Gemeentebestand.open(demo_pad):
        with pytest.raises(fouten.InGebruik, match="sluit het eerst af"):
            herstel(demo_pad, kopie)


def test_datum_van_vandaag_is_een_instelling_voor_tests(monkeypatch: pytest.MonkeyPatch, demo_pad: Path) -> None:
    monkeypatch.setattr("opslag.datums.vandaag", lambda: dt.date(2030, 1, 1))
    with Gemeentebestand.open(demo_pad) as bestand:
        actie = notulen.zet_actiestatus(bestand, notulen.actiepunten(bestand, alleen_open=True)[0].id, notulen.ActieStatus.GEREED)
    assert actie.gereed_op == dt.date(2030, 1, 1)
