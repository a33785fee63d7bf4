"""Issue #10, the side files SQLite keeps beside a municipality file (-wal, -shm, -journal).

Crashes are real: a child process writes and is killed with SIGKILL before it commits or
checkpoints, so SQLite itself leaves the side files behind.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from opslag import fouten, notulen
from opslag.bestand import Gemeentebestand, nieuw_bestand
from opslag.controle import controleer_bestand
from opslag.demo import maak_demo
from tui.cli import main

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

SCHRIJVER = r"""
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA wal_autocheckpoint = 0")
for opdracht in sys.argv[2:]:
    conn.execute(opdracht)
print("klaar", flush=True)
time.sleep(600)
"""
VEEL_PERSONEN = (
    "INSERT INTO persoon (naam) SELECT 'crash ' || value FROM json_each("
    "(WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 400) SELECT json_group_array(x) FROM n))"
)


def _schrijf_en_crash(pad: Path, *opdrachten: str) -> None:
    proces = subprocess.Popen([sys.executable, "-c", SCHRIJVER, str(pad), *opdrachten], stdout=subprocess.PIPE, text=True)
    try:
        assert proces.stdout.readline().strip() == "klaar"
    finally:
        proces.send_signal(signal.SIGKILL)
        proces.wait()


def _zij(pad: Path) -> list[str]:
    return sorted(p.name.removeprefix(pad.name) for p in pad.parent.iterdir() if p.name.startswith(pad.name + "-"))


def _integriteit(pad: Path) -> str:
    conn = sqlite3.connect(f"{pad.resolve().as_uri()}?immutable=1", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _een(pad: Path, sql: str) -> object:
    conn = sqlite3.connect(f"{pad.resolve().as_uri()}?immutable=1", uri=True)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def _bewaar(pad: Path, tekst: str) -> None:
    with Gemeentebestand.open(pad) as bestand:
        notulen.bewaar_notitie(bestand, notulen.agendapunten(bestand, 1)[0].id, tekst)


NOTITIE = "SELECT count(*) FROM agendapunt WHERE notitie = ?"


# --- 5: a -wal that does not belong to the file -------------------------------------------------


@pytest.mark.parametrize("ander", ["zelfde gemeente, andere inhoud", "andere gemeente"])
def test_vreemde_wal_wordt_apart_gezet_niet_toegepast(demo_pad: Path, tmp_path: Path, ander: str) -> None:
    _bewaar(demo_pad, "van vanmorgen")
    with Gemeentebestand.open(demo_pad) as bestand:  # a day's work: its pages no longer match B's
        for i in range(150):
            notulen.bewaar_notitie(bestand, notulen.agendapunten(bestand, 1)[1].id, f"versie {i} " + "x" * 200)
    shutil.rmtree(demo_pad.parent / "reservekopieen")  # so this opening makes today's backup
    b = tmp_path / "b" / "b.sqlite"
    b.parent.mkdir()
    if ander == "andere gemeente":
        nieuw_bestand("Anderdorp", b)
    else:
        maak_demo(b)
    _schrijf_en_crash(b, VEEL_PERSONEN)
    vreemde_wal = (tmp_path / "b" / "b.sqlite-wal").read_bytes()
    (tmp_path / "demo-zonnedal.sqlite-wal").write_bytes(vreemde_wal)  # the file was replaced, its -wal stayed

    with Gemeentebestand.open(demo_pad) as bestand:
        [waarschuwing] = bestand.waarschuwingen
        assert "('demo-zonnedal.sqlite-wal') dat er niet bij hoort" in waarschuwing
        assert bestand.gemeente().naam == "Zonnedal (fictief)"
    assert _integriteit(demo_pad) == "ok"
    assert _een(demo_pad, NOTITIE.replace("?", "'van vanmorgen'")) == 1
    assert _een(demo_pad, "SELECT count(*) FROM persoon WHERE naam LIKE 'crash %'") == 0
    [apart] = [p for p in tmp_path.iterdir() if p.name.startswith("demo-zonnedal.sqlite-wal.apart-")]
    assert apart.read_bytes() == vreemde_wal, "set aside, never deleted"
    assert _zij(demo_pad) == [apart.name.removeprefix(demo_pad.name)]
    [kopie] = (demo_pad.parent / "reservekopieen").glob("*.sqlite")
    assert _integriteit(kopie) == "ok", "the backup made at this opening is whole too"


async def test_app_meldt_de_apart_gezette_wal(demo_pad: Path, tmp_path: Path) -> None:
    from tui.app import TripartietApp

    with Gemeentebestand.open(demo_pad) as bestand:  # a day's work: its pages no longer match B's
        for i in range(150):
            notulen.bewaar_notitie(bestand, notulen.agendapunten(bestand, 1)[1].id, f"versie {i} " + "x" * 200)
    b = nieuw_bestand("Anderdorp", tmp_path / "b.sqlite")
    _schrijf_en_crash(b, VEEL_PERSONEN)
    os.replace(tmp_path / "b.sqlite-wal", tmp_path / "demo-zonnedal.sqlite-wal")
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm"
        meldingen = [n.message for n in app._notifications]
        assert any("dat er niet bij hoort" in m and "bewaard als 'demo-zonnedal.sqlite-wal.apart-" in m for m in meldingen)
    assert _integriteit(demo_pad) == "ok"


def test_eigen_wal_na_crash_wordt_gewoon_toegepast(demo_pad: Path) -> None:
    _schrijf_en_crash(demo_pad, "UPDATE agendapunt SET notitie = 'in de wal' WHERE id = 1", VEEL_PERSONEN)
    assert "-wal" in _zij(demo_pad)
    with Gemeentebestand.open(demo_pad) as bestand:
        assert bestand.waarschuwingen == []
    assert _integriteit(demo_pad) == "ok"
    assert _een(demo_pad, NOTITIE.replace("?", "'in de wal'")) == 1, "the crashed session's edits are kept"
    assert _een(demo_pad, "SELECT count(*) FROM persoon WHERE naam LIKE 'crash %'") == 400
    assert not any(p.name.startswith("demo-zonnedal.sqlite-wal.apart") for p in demo_pad.parent.iterdir())


# --- 6: edits left only in the -wal -------------------------------------------------------------


def test_schrijver_sluit_terwijl_lezer_open_is_bestand_zelf_heeft_alles(demo_pad: Path, tmp_path: Path) -> None:
    schrijver = Gemeentebestand.open(demo_pad)
    lezer = Gemeentebestand.open(demo_pad)
    try:
        assert lezer.alleen_lezen == "het bestand is al geopend in een andere Tripartiet"
        punt = notulen.agendapunten(schrijver, 1)[0]
        notulen.bewaar_notitie(schrijver, punt.id, "de bewerking van vandaag")
        assert notulen.agendapunten(lezer, 1)[0].notitie == "de bewerking van vandaag"
        next(lezer.db.query("SELECT id FROM partij"))  # a half-read query holds up nothing
        schrijver.sluit()
        alleen_het_bestand = tmp_path / "per-mail" / "demo.sqlite"
        alleen_het_bestand.parent.mkdir()
        shutil.copyfile(demo_pad, alleen_het_bestand)  # what a user copies: the .sqlite, not its -wal
        assert _een(alleen_het_bestand, NOTITIE.replace("?", "'de bewerking van vandaag'")) == 1
        assert _integriteit(alleen_het_bestand) == "ok"
        assert notulen.agendapunten(lezer, 1)[0].notitie == "de bewerking van vandaag", "the reader still reads"
    finally:
        schrijver.sluit()
        lezer.sluit()
    assert (tmp_path / "demo-zonnedal.sqlite-wal").stat().st_size == 0


# --- 11: a hot rollback journal -----------------------------------------------------------------


def _hete_journaal(pad: Path) -> str:
    conn = sqlite3.connect(pad)
    conn.execute("PRAGMA journal_mode = DELETE")  # a file left by another tool, or an old one
    landelijk = conn.execute("SELECT group_concat(landelijk) FROM subthema").fetchone()[0]
    conn.close()
    # A tiny page cache makes SQLite write changed pages into the file before the commit.
    _schrijf_en_crash(
        pad, "PRAGMA cache_size = 2", "BEGIN",
        "UPDATE subthema SET landelijk = landelijk || hex(randomblob(2000))", "DELETE FROM wijziging",
    )
    assert _zij(pad) == ["-journal"]
    with pytest.raises(sqlite3.DatabaseError):
        _integriteit(pad)  # without its journal the file really is broken
    return landelijk


def test_heet_journaal_wordt_teruggedraaid_zoals_sqlite_doet(demo_pad: Path) -> None:
    landelijk = _hete_journaal(demo_pad)
    with Gemeentebestand.open(demo_pad) as bestand:
        assert bestand.waarschuwingen == []
        assert bestand.alleen_lezen is None
    assert _integriteit(demo_pad) == "ok"
    assert _een(demo_pad, "SELECT group_concat(landelijk) FROM subthema") == landelijk, "the half save is undone"
    assert _een(demo_pad, "SELECT count(*) FROM wijziging") > 0
    assert "-journal" not in _zij(demo_pad)


def test_heet_journaal_lezen_verandert_niets(demo_pad: Path) -> None:
    landelijk = _hete_journaal(demo_pad)
    voor, journaal = demo_pad.read_bytes(), (demo_pad.parent / "demo-zonnedal.sqlite-journal").read_bytes()
    assert controleer_bestand(demo_pad).integriteit == "ok"
    with Gemeentebestand.open(demo_pad, alleen_lezen=True) as bestand:
        assert bestand.db.execute("SELECT group_concat(landelijk) FROM subthema").fetchone()[0] == landelijk
    assert demo_pad.read_bytes() == voor
    assert (demo_pad.parent / "demo-zonnedal.sqlite-journal").read_bytes() == journaal
    assert _zij(demo_pad) == ["-journal"]


# --- 12: side files made by reading, and side files we may not write ----------------------------


def test_lezen_laat_geen_zijbestanden_achter(demo_pad: Path, tmp_path: Path) -> None:
    voor = demo_pad.read_bytes()
    assert _zij(demo_pad) == []
    assert controleer_bestand(demo_pad).in_orde
    assert main(["verslag", str(demo_pad), "-o", str(tmp_path / "verslag.md")]) == 0
    assert main(["export", str(demo_pad), "-o", str(tmp_path / "agenda.md")]) == 0
    with Gemeentebestand.open(demo_pad, alleen_lezen=True) as bestand:
        assert notulen.laatste_overleg(bestand) is not None
    assert _zij(demo_pad) == []
    assert demo_pad.read_bytes() == voor
    assert (tmp_path / "verslag.md").stat().st_size > 0


def test_onschrijfbaar_zijbestand_opent_alleen_lezen(demo_pad: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _schrijf_en_crash(demo_pad, "UPDATE agendapunt SET notitie = 'in de wal' WHERE id = 1")
    assert _zij(demo_pad) == ["-shm", "-wal"]
    (demo_pad.parent / "demo-zonnedal.sqlite-shm").chmod(0o444)
    echte_access = os.access
    # Tests run as root, who may write anything: ask os.access as an ordinary user would get it.
    monkeypatch.setattr(
        "opslag.zijbestanden.os.access",
        lambda p, m: False if m == os.W_OK and str(p).endswith("-shm") else echte_access(p, m),
    )
    voor = {n: (demo_pad.parent / f"demo-zonnedal.sqlite{n}").read_bytes() for n in ("", "-wal")}
    with Gemeentebestand.open(demo_pad) as bestand:
        assert "'demo-zonnedal.sqlite-shm' dat u niet mag wijzigen" in bestand.alleen_lezen
        assert notulen.agendapunten(bestand, 1)[0].notitie == "in de wal", "the WAL's edits are read"
        with pytest.raises(fouten.AlleenLezen, match="niet mag wijzigen"):
            notulen.bewaar_notitie(bestand, 1, "nieuw")
    assert {n: (demo_pad.parent / f"demo-zonnedal.sqlite{n}").read_bytes() for n in ("", "-wal")} == voor
    assert _integriteit(demo_pad) == "ok"


ALS_GEBRUIKER = r"""
import os, sqlite3, sys
sys.path.insert(0, sys.argv[1])
os.environ["TRIPARTIET_CONFIG"] = os.environ["TRIPARTIET_DATA"] = os.path.join(sys.argv[2], "instellingen-" + str(os.getuid()))
from pathlib import Path
from opslag import fouten, notulen
from opslag.bestand import Gemeentebestand
from opslag.controle import controleer_bestand
from opslag.demo import maak_demo
pad = Path(sys.argv[2]) / "gedeeld.sqlite"
stap = sys.argv[3]
if stap == "maak":
    maak_demo(pad)
elif stap == "controleer":
    print(controleer_bestand(pad).integriteit)
elif stap == "oud-controleer":  # what `controleer` did before: a plain read-only connection
    conn = sqlite3.connect(pad.resolve().as_uri() + "?mode=ro", uri=True)
    print(conn.execute("PRAGMA integrity_check").fetchone()[0])
    conn.close()
else:
    with Gemeentebestand.open(pad) as bestand:
        print(bestand.alleen_lezen)
        try:
            notulen.bewaar_notitie(bestand, notulen.agendapunten(bestand, 1)[0].id, "van de notulist")
            print("bewaard")
        except fouten.AlleenLezen:
            print("niet bewaard")
"""


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="needs root and setpriv to act as two ordinary users",
)
def test_zijbestanden_van_een_andere_gebruiker_echt() -> None:
    """No monkeypatch: the notulist (uid 65534) owns the file, a colleague (uid 1234) checks it."""
    map_ = Path(tempfile.mkdtemp(prefix="tripartiet-gedeeld-"))
    map_.chmod(0o777)
    wortel = str(Path(__file__).resolve().parents[2])

    def als(uid: int, stap: str) -> str:
        opdracht = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", sys.executable, "-c", ALS_GEBRUIKER]
        return subprocess.run([*opdracht, wortel, str(map_), stap], capture_output=True, text=True, check=True).stdout

    try:
        pad = map_ / "gedeeld.sqlite"
        als(65534, "maak")
        assert als(1234, "controleer").strip() == "ok"
        assert _zij(pad) == [], "the colleague's check leaves nothing beside the file"
        assert als(65534, "open").split() == ["None", "bewaard"]

        als(1234, "oud-controleer")  # side files owned by the colleague, as an older version left them
        assert _zij(pad) == ["-shm", "-wal"]
        voor = pad.read_bytes()
        reden, uitkomst = als(65534, "open").strip().splitlines()
        assert "'gedeeld.sqlite-wal' dat u niet mag wijzigen" in reden
        assert uitkomst == "niet bewaard"
        assert pad.read_bytes() == voor
        assert _integriteit(pad) == "ok"
    finally:
        shutil.rmtree(map_, ignore_errors=True)
