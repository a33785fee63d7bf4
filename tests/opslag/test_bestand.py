"""Creating, reopening and refusing municipality files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from opslag import fouten
from opslag.bestand import Gemeentebestand, nieuw_bestand
from opslag.kader_lezer import lees_kader, standaard_kader_pad
from opslag.modellen import PartijSoort
from opslag.schema import APPLICATION_ID, SCHEMA_VERSIE


def test_nieuw_bestand_aalten_heeft_partijen_en_kader(tmp_path: Path) -> None:
    pad = nieuw_bestand("aalten", tmp_path / "aalten.sqlite")
    with Gemeentebestand.open(pad) as bestand:
        assert bestand.gemeente().naam == "Aalten"
        partijen = bestand.partijen()
        assert [(p.code, p.soort) for p in partijen] == [
            ("GA", PartijSoort.GEMEENTE),
            ("DWP", PartijSoort.CORPORATIE),
            ("HVW", PartijSoort.HUURDERS),
            ("HVD", PartijSoort.HUURDERS),
        ]
        assert partijen[1].naam == "De Woonplaats"
        kader = bestand.kader()
        assert len(kader.subthemas) == 25
        assert kader == lees_kader()
    conn = sqlite3.connect(pad)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSIE
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert not list(tmp_path.glob(".*.nieuw")), "no temporary file is left behind"


def test_onbekende_gemeente_heeft_alleen_zichzelf(tmp_path: Path) -> None:
    with Gemeentebestand.open(nieuw_bestand("Zutphen", tmp_path / "z.sqlite")) as bestand:
        assert [(p.naam, p.code) for p in bestand.partijen()] == [("Gemeente Zutphen", "GZ")]


def test_kader_wordt_gekopieerd_en_later_niet_meer_gewijzigd(tmp_path: Path) -> None:
    sjabloon = tmp_path / "kader.md"
    shutil.copyfile(standaard_kader_pad(), sjabloon)
    pad = nieuw_bestand("Aalten", tmp_path / "aalten.sqlite", lees_kader(sjabloon))
    sjabloon.write_text(sjabloon.read_text(encoding="utf-8").replace("Netcongestie", "Stroomtekort"), encoding="utf-8")
    assert lees_kader(sjabloon).subthema("4.2").onderwerp == "Stroomtekort"
    with Gemeentebestand.open(pad) as bestand:
        assert bestand.kader().subthema("4.2").onderwerp == "Netcongestie"


def test_bestaand_bestand_wordt_niet_overschreven(tmp_path: Path) -> None:
    pad = tmp_path / "aalten.sqlite"
    pad.write_bytes(b"iets anders")
    with pytest.raises(fouten.BestandBestaatAl, match="bestaat al|er staat al"):
        nieuw_bestand("Aalten", pad)
    assert pad.read_bytes() == b"iets anders"


def _ander_programma(pad: Path) -> None:
    conn = sqlite3.connect(pad)
    conn.execute("CREATE TABLE boodschappen (wat TEXT)")
    conn.commit()
    conn.close()


def _nieuwere_versie(pad: Path) -> None:
    nieuw_bestand("Aalten", pad)
    conn = sqlite3.connect(pad)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSIE + 1}")
    conn.commit()
    conn.close()


def _beschadigd(pad: Path) -> None:
    nieuw_bestand("Aalten", pad)
    inhoud = bytearray(pad.read_bytes())
    for plek in range(8192, len(inhoud), 4096):  # break the b-tree header of every page after the first two
        inhoud[plek : plek + 8] = b"\xff" * 8
    pad.write_bytes(bytes(inhoud))


def _afgebroken(pad: Path) -> None:
    nieuw_bestand("Aalten", pad)
    inhoud = pad.read_bytes()
    pad.write_bytes(inhoud[: len(inhoud) // 3])


@pytest.mark.parametrize(
    ("maak", "soort", "woorden"),
    [
        (lambda p: p.write_text("Beste notulist,\ndit is een brief.\n"), fouten.GeenSqlite, "geen SQLite"),
        (lambda p: p.write_bytes(b""), fouten.GeenSqlite, "geen SQLite"),
        (_ander_programma, fouten.VreemdBestand, "ander programma"),
        (_nieuwere_versie, fouten.NieuwereVersie, "nieuwere Tripartiet"),
        (_afgebroken, fouten.BeschadigdBestand, "afgebroken"),
        (_beschadigd, fouten.BeschadigdBestand, "beschadigd"),
    ],
    ids=["tekst", "leeg", "ander-programma", "nieuwere-versie", "afgebroken", "beschadigd"],
)
def test_vreemde_bestanden_worden_geweigerd_en_niet_gewijzigd(tmp_path: Path, maak, soort, woorden: str) -> None:
    pad = tmp_path / "gemeente.sqlite"
    maak(pad)
    voor = pad.read_bytes()
    with pytest.raises(soort, match=woorden):
        Gemeentebestand.open(pad)
    assert pad.read_bytes() == voor
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gemeente.sqlite"], "no journal or WAL file appears"


def test_bestand_bestaat_niet(tmp_path: Path) -> None:
    with pytest.raises(fouten.BestandBestaatNiet, match="bestaat niet"):
        Gemeentebestand.open(tmp_path / "nergens.sqlite")
