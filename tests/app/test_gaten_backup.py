"""Issue #10, holes 7, 9 and 10: a failed backup, backups of look-alike files, and damage that
passes SQLite's quick check. Each case: a Dutch message, the right exit status, the file untouched."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from opslag import fouten, notulen
from opslag.bestand import Gemeentebestand, nieuw_bestand
from opslag.schema import APPLICATION_ID, SCHEMA_VERSIE
from tui.app import TripartietApp
from tui.cli import main

import opslag.reservekopie as reservekopie
from opslag.reservekopie import MAXIMUM, maak_reservekopie, reservekopieen


def _hash(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def _integer(pad: Path) -> bool:
    # Immutable: a read-only connection would leave -wal and -shm beside a WAL file.
    conn = sqlite3.connect(f"{pad.resolve().as_uri()}?immutable=1", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def _bijbestanden(pad: Path) -> list[str]:
    return sorted(p.name for p in pad.parent.iterdir() if p.name.startswith(pad.name) and p != pad)


def _alles_onder(map_: Path) -> list[str]:
    return sorted(p.name for p in map_.rglob("*")) if map_.exists() else []


# --- 7: a failed backup ---------------------------------------------------------------------


def _volle_schijf(tijdelijk: Path) -> sqlite3.Connection:
    # What a full disk does: SQLite has created the file, then cannot write a page.
    tijdelijk.touch()
    raise sqlite3.OperationalError("database or disk is full")


def _map_niet_beschrijfbaar(tijdelijk: Path) -> sqlite3.Connection:
    # Root ignores chmod, so the refusal of a read-only folder is simulated.
    raise sqlite3.OperationalError("unable to open database file")


@pytest.mark.parametrize(("doel", "reden"), [(_volle_schijf, "de schijf is vol"), (_map_niet_beschrijfbaar, "kan niet geschreven worden")])
def test_mislukte_reservekopie_opent_toch_met_waarschuwing(
    demo_pad: Path, monkeypatch: pytest.MonkeyPatch, doel, reden: str  # noqa: ANN001
) -> None:
    monkeypatch.setattr(reservekopie, "_verbind_doel", doel)
    with Gemeentebestand.open(demo_pad) as bestand:
        assert bestand.waarschuwing is not None
        assert bestand.waarschuwing.startswith("Er is vandaag geen reservekopie gemaakt: ")
        assert reden in bestand.waarschuwing
        notulen.bewaar_notitie(bestand, notulen.agendapunten(bestand, notulen.laatste_overleg(bestand).id)[0].id, "toch bewaard")
    assert _alles_onder(demo_pad.parent / "reservekopieen") == [], "no .tmp and no half copy left behind"
    assert _integer(demo_pad)
    assert _bijbestanden(demo_pad) == []


def test_reservekopiemap_onder_een_bestand_opent_toch(demo_pad: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blokkade = demo_pad.parent / "geen-map"
    blokkade.write_text("een bestand waar de map zou moeten komen")
    monkeypatch.setenv("TRIPARTIET_RESERVEKOPIE", str(blokkade / "reservekopieen"))
    with Gemeentebestand.open(demo_pad) as bestand:
        assert "Er is vandaag geen reservekopie gemaakt: de map" in (bestand.waarschuwing or "")
    assert blokkade.read_text() == "een bestand waar de map zou moeten komen"


async def test_mislukte_reservekopie_melding_in_app(demo_pad: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reservekopie, "_verbind_doel", _volle_schijf)
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(100):  # the daily backup runs after the first paint, in a thread
            if app._notifications:
                break
            await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm", "the file opened"
        meldingen = [n.message for n in app._notifications]
        assert any(m.startswith("Er is vandaag geen reservekopie gemaakt: de schijf is vol") for m in meldingen)
    assert app.foutmelding is None


_VOL_EN_SLUITEN = (
    "import sqlite3, sys; from textual.app import App; import tui.app as a; import opslag.reservekopie as r\n"
    "def vol(t): raise sqlite3.OperationalError('database or disk is full')\n"
    "async def sluit(pilot): await pilot.pause(); pilot.app.exit()\n"
    "r._verbind_doel = vol; a.TripartietApp.run = lambda self: App.run(self, headless=True, auto_pilot=sluit)\n"
    "from tui.cli import main; sys.exit(main(sys.argv[1:]))"
)


def test_mislukte_reservekopie_ook_op_de_opdrachtregel(demo_pad: Path) -> None:
    uit = subprocess.run([sys.executable, "-c", _VOL_EN_SLUITEN, str(demo_pad)], capture_output=True, text=True, timeout=60)
    assert uit.returncode == 0, uit.stderr
    assert "tripartiet: let op: Er is vandaag geen reservekopie gemaakt: de schijf is vol" in uit.stderr
    assert _alles_onder(demo_pad.parent / "reservekopieen") == []


def test_mislukte_reservekopie_voor_migratie_weigert_en_laat_niets_achter(
    demo_pad: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Migrating without a backup is not worth the risk: the file stays as it was, and says why."""
    import opslag.bestand
    import opslag.schema

    monkeypatch.setattr(opslag.schema, "MIGRATIES", [*opslag.schema.MIGRATIES, lambda db: None])
    monkeypatch.setattr(opslag.schema, "SCHEMA_VERSIE", SCHEMA_VERSIE + 1)
    monkeypatch.setattr(opslag.bestand, "SCHEMA_VERSIE", SCHEMA_VERSIE + 1)
    monkeypatch.setattr(reservekopie, "_verbind_doel", _volle_schijf)
    voor = _hash(demo_pad)
    with pytest.raises(fouten.ReservekopieFout, match="er kon geen reservekopie gemaakt worden: de schijf is vol"):
        Gemeentebestand.open(demo_pad)
    assert _hash(demo_pad) == voor
    assert _alles_onder(demo_pad.parent / "reservekopieen") == []
    assert _bijbestanden(demo_pad) == []


# --- 9: names that look like patterns, and two files with one name ---------------------------


def test_naam_met_glob_tekens_roteert_en_herstelt(demo_pad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pad = demo_pad.with_name("zonnedal [oud] *?.sqlite")
    demo_pad.rename(pad)
    with Gemeentebestand.open(pad):
        pass
    with Gemeentebestand.open(pad):
        pass
    assert len(reservekopieen(pad)) == 1, "one backup a day, also for a name with [ ] * ?"
    assert main(["herstel", str(pad)]) == 0
    assert len([r for r in capsys.readouterr().out.splitlines() if r.startswith("  ")]) == 1
    assert _bijbestanden(pad) == [], "listing the backups leaves nothing beside the file"
    for _ in range(MAXIMUM + 2):
        maak_reservekopie(pad)
    assert len(reservekopieen(pad)) == MAXIMUM
    assert len(list((pad.parent / "reservekopieen").iterdir())) == MAXIMUM, "rotated, not piling up"
    assert main(["herstel", str(pad), "--kopie", "1"]) == 0
    assert _integer(pad)


def test_twee_bestanden_met_dezelfde_naam_delen_geen_kopieen(
    demo_pad: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    centraal = tmp_path / "centraal"
    monkeypatch.setenv("TRIPARTIET_RESERVEKOPIE", str(centraal))
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    eerste = demo_pad.rename(tmp_path / "a" / "gemeente.sqlite")
    tweede = nieuw_bestand("Aalten", tmp_path / "b" / "gemeente.sqlite")
    with Gemeentebestand.open(eerste):
        pass
    with Gemeentebestand.open(tweede):
        pass
    assert len(reservekopieen(eerste)) == 1
    assert len(reservekopieen(tweede)) == 1, "the second file got its own backup"
    assert reservekopieen(eerste)[0].pad != reservekopieen(tweede)[0].pad
    assert main(["herstel", str(tweede), "--kopie", "1"]) == 0
    with Gemeentebestand.open(tweede) as bestand:
        assert bestand.gemeente().naam == "Aalten", "herstel put back this file's data, not the other's"
    capsys.readouterr()


def test_kopie_van_voor_de_id_telt_alleen_als_hij_van_dit_bestand_is(demo_pad: Path, tmp_path: Path) -> None:
    """Backups named before they carried an id: their content tells whose they are."""
    map_ = demo_pad.parent / "reservekopieen"
    map_.mkdir()
    shutil.copyfile(demo_pad, map_ / f"{demo_pad.stem}-20250101-120000-000000.sqlite")
    ander = nieuw_bestand("Aalten", tmp_path / "ander.sqlite")
    shutil.copyfile(ander, map_ / f"{demo_pad.stem}-20250102-120000-000000.sqlite")
    assert [k.pad.name for k in reservekopieen(demo_pad)] == [f"{demo_pad.stem}-20250101-120000-000000.sqlite"]


# --- 10: damage the quick check does not see --------------------------------------------------

BESCHADIGINGEN = {
    "kader_json": ("UPDATE subthema SET landelijk = '{kapot' WHERE nummer = '1.1'",
                   "kolom 'landelijk' van subthema 1.1 bevat geen geldige gegevens"),
    "kader_geen_lijst": ("UPDATE subthema SET bronnen = '5' WHERE nummer = '1.1'",
                         "kolom 'bronnen' van subthema 1.1 bevat geen geldige gegevens"),
    "gemeente_weg": ("DELETE FROM gemeente", "de gegevens van de gemeente ontbreken"),
    "kadertitel_weg": ("DELETE FROM meta WHERE sleutel = 'kader_titel'", "de titel van het kader ontbreekt"),
    "tabel_weg": ("PRAGMA foreign_keys = OFF; DROP TABLE afspraak", "tabel 'afspraak' ontbreekt"),
    "kolom_weg": ("ALTER TABLE afspraak DROP COLUMN toelichting", "kolom 'toelichting' van tabel 'afspraak' ontbreekt"),
    "thema_weg": ("PRAGMA foreign_keys = OFF; DELETE FROM thema WHERE nummer = '1'",
                  "subthema 1.1 hoort bij een thema dat ontbreekt"),
    "datum": ("UPDATE overleg SET datum = 'gisteren' WHERE id = 1", "kolom 'datum' van overleg 1 bevat geen geldige datum"),
    "vreemd_schema": (None, "tabel 'meta' ontbreekt"),
}


def _beschadig(pad: Path, sql: str | None) -> None:
    if sql is None:  # another program's schema, with our application id
        pad.unlink()
        conn = sqlite3.connect(pad)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSIE}")
        conn.execute("CREATE TABLE klant (id INTEGER PRIMARY KEY, naam TEXT)")
        conn.commit()
        conn.close()
        return
    conn = sqlite3.connect(pad)
    conn.executescript(sql)
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert _integer(pad), "damage of the kind quick_check lets through"


@pytest.mark.parametrize("geval", BESCHADIGINGEN)
def test_beschadigde_inhoud_geeft_nederlandse_melding(
    demo_pad: Path, geval: str, capsys: pytest.CaptureFixture[str]
) -> None:
    sql, melding = BESCHADIGINGEN[geval]
    _beschadig(demo_pad, sql)
    voor = _hash(demo_pad)
    with pytest.raises(fouten.BeschadigdBestand, match=melding):
        Gemeentebestand.open(demo_pad)
    assert _bijbestanden(demo_pad) == []
    with pytest.raises(fouten.BeschadigdBestand, match=melding):
        Gemeentebestand.open(demo_pad, alleen_lezen=True)
    for opdracht in (["controleer"], ["export"], ["verslag"]):
        assert main([*opdracht, str(demo_pad)]) == 1, opdracht
        fout = capsys.readouterr().err
        assert f"het bestand is beschadigd: {melding}" in fout, opdracht
        assert "Traceback" not in fout
    assert _hash(demo_pad) == voor, "nothing written: no migration, no backup, no journal mode"
    assert not (demo_pad.parent / "reservekopieen").exists()


async def test_beschadigd_bij_starten_app_stopt_met_melding(demo_pad: Path) -> None:
    _beschadig(demo_pad, BESCHADIGINGEN["kader_json"][0])
    voor = _hash(demo_pad)
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert "het bestand is beschadigd: kolom 'landelijk' van subthema 1.1" in (app.foutmelding or "")
    assert app.return_code == 1
    assert _hash(demo_pad) == voor
    assert not (demo_pad.parent / "reservekopieen").exists()


_HEADLESS = (
    "import sys; from textual.app import App; import tui.app as a; "
    "a.TripartietApp.run = lambda self: App.run(self, headless=True); "
    "from tui.cli import main; sys.exit(main(sys.argv[1:]))"
)


def test_beschadigd_bestand_via_commando_geeft_status_1(demo_pad: Path) -> None:
    _beschadig(demo_pad, BESCHADIGINGEN["tabel_weg"][0])
    voor = _hash(demo_pad)
    uit = subprocess.run([sys.executable, "-c", _HEADLESS, str(demo_pad)], capture_output=True, text=True, timeout=60)
    assert uit.returncode == 1
    assert "het bestand is beschadigd: tabel 'afspraak' ontbreekt" in uit.stderr
    assert "Traceback" not in uit.stderr
    assert _hash(demo_pad) == voor
    assert _bijbestanden(demo_pad) == []


def test_onleesbare_waarde_na_openen_stopt_app_met_melding(demo_pad: Path) -> None:
    """Damage the opening check does not look for still ends in a message and status 1, not a
    blank screen or a silent exit."""
    conn = sqlite3.connect(demo_pad)
    conn.execute("UPDATE overleg SET soort = 'onbekend'")
    conn.commit()
    conn.close()
    uit = subprocess.run([sys.executable, "-c", _HEADLESS, str(demo_pad)], capture_output=True, text=True, timeout=60)
    assert uit.returncode == 1
    assert "het bestand is beschadigd: een rij (Overleg) bevat een ongeldige waarde in 'soort'" in uit.stderr
    assert "Traceback" not in uit.stderr


def test_tabellen_van_de_controle_volgen_het_schema(tmp_path: Path) -> None:
    from opslag.controle import TABELLEN

    pad = nieuw_bestand("Aalten", tmp_path / "aalten.sqlite")
    conn = sqlite3.connect(pad)
    schema = {
        naam: tuple(rij[1] for rij in conn.execute(f"PRAGMA table_info({naam})"))
        for (naam,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    conn.close()
    assert schema == TABELLEN


def test_onleesbare_datum_bij_het_lezen_geeft_melding(demo_pad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Not in the opening check (too costly on a large file), still no traceback when read."""
    conn = sqlite3.connect(demo_pad)
    conn.execute("UPDATE actiepunt SET deadline = 'morgen'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    voor = _hash(demo_pad)
    assert main(["verslag", str(demo_pad)]) == 1
    fout = capsys.readouterr().err
    assert "het bestand is beschadigd: " in fout and "Traceback" not in fout
    assert _hash(demo_pad) == voor
