"""Issue #13, item 4: the daily backup waits until the first screen is painted, and still always
happens; a failed one still warns, in the app and on the command line."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

import opslag.reservekopie as reservekopie
from opslag import notulen
from opslag.bestand import Gemeentebestand
from opslag.reservekopie import reservekopieen
from tui.app import TripartietApp


def _volle_schijf(tijdelijk: Path) -> sqlite3.Connection:
    tijdelijk.touch()
    raise sqlite3.OperationalError("database or disk is full")


def test_dagkopie_later_wacht_op_maak_dagkopie_en_komt_een_keer(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad, dagkopie_later=True) as bestand:
        assert reservekopieen(demo_pad) == [], "opening made no backup yet"
        notulen.bewaar_notitie(bestand, notulen.agendapunten(bestand, notulen.laatste_overleg(bestand).id)[0].id, "al getypt")
        assert bestand.maak_dagkopie() is None
        assert len(reservekopieen(demo_pad)) == 1
        assert bestand.maak_dagkopie() is None
    assert len(reservekopieen(demo_pad)) == 1, "once: neither a second call nor closing makes another"
    kopie = sqlite3.connect(reservekopieen(demo_pad)[0].pad)
    assert "al getypt" in [r[0] for r in kopie.execute("SELECT notitie FROM agendapunt")], "a consistent copy of what was saved"
    kopie.close()


def test_sluiten_maakt_de_dagkopie_als_niemand_dat_deed(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad, dagkopie_later=True):
        pass
    assert len(reservekopieen(demo_pad)) == 1


def test_zonder_dagkopie_later_zoals_altijd_bij_openen(demo_pad: Path) -> None:
    with Gemeentebestand.open(demo_pad) as bestand:
        assert len(reservekopieen(demo_pad)) == 1
        assert bestand.maak_dagkopie() is None
    assert len(reservekopieen(demo_pad)) == 1


def test_mislukte_dagkopie_later_geeft_waarschuwing(demo_pad: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reservekopie, "_verbind_doel", _volle_schijf)
    with Gemeentebestand.open(demo_pad, dagkopie_later=True) as bestand:
        assert bestand.waarschuwing is None
        melding = bestand.maak_dagkopie()
        assert melding is not None and melding.startswith("Er is vandaag geen reservekopie gemaakt: de schijf is vol")
        assert bestand.waarschuwing == melding
    assert not (demo_pad.parent / "reservekopieen").exists() or not any((demo_pad.parent / "reservekopieen").iterdir())


def test_mislukte_dagkopie_bij_sluiten_geeft_waarschuwing(demo_pad: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app left before its backup ran: closing makes it, and the CLI prints what it says."""
    monkeypatch.setattr(reservekopie, "_verbind_doel", _volle_schijf)
    bestand = Gemeentebestand.open(demo_pad, dagkopie_later=True)
    bestand.sluit()
    assert (bestand.waarschuwing or "").startswith("Er is vandaag geen reservekopie gemaakt: de schijf is vol")


async def test_app_maakt_de_dagkopie_na_het_eerste_scherm_in_een_thread(demo_pad: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gezien: list[tuple[bool, bool]] = []
    echt = reservekopie.dagelijkse_reservekopie

    def dagkopie(pad: Path, bron: sqlite3.Connection | None = None) -> str | None:
        gezien.append((app._geschilderd, threading.current_thread() is threading.main_thread()))
        return echt(pad, bron)

    monkeypatch.setattr(reservekopie, "dagelijkse_reservekopie", dagkopie)
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(100):
            if reservekopieen(demo_pad):
                break
            await pilot.pause()
        assert type(app.screen).__name__ == "OverlegScherm"
        assert len(reservekopieen(demo_pad)) == 1
    assert gezien == [(True, False)], "after the first paint, not in the app's own thread"


def test_dagkopie_van_een_verdwenen_bestand_zegt_dat(demo_pad: Path) -> None:
    """Closing never fails: a file gone from under the app (USB stick pulled) gets a warning."""
    bestand = Gemeentebestand.open(demo_pad, dagkopie_later=True)
    verplaatst = demo_pad.rename(demo_pad.with_name("elders.sqlite"))
    bestand.sluit()
    assert (bestand.waarschuwing or "").startswith("Er is vandaag geen reservekopie gemaakt: het bestand kon niet gelezen worden")
    assert verplaatst.exists()


async def test_bestand_geopend_vanaf_het_startscherm_krijgt_zijn_dagkopie(demo_pad: Path) -> None:
    app = TripartietApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "StartScherm"
        assert reservekopieen(demo_pad) == []
        assert app.open_bestand(demo_pad)
        for _ in range(100):
            if reservekopieen(demo_pad):
                break
            await pilot.pause()
        assert len(reservekopieen(demo_pad)) == 1
