"""Quitting while the screen says NIET BEWAARD: asked first, and the text can be kept elsewhere."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.widgets import TextArea

from opslag import notulen
from opslag.bestand import vertaal_schrijffout
from opslag.fouten import SchrijfFout
from tests.hulp import schermtekst
from tui.app import TripartietApp
from tui.schermen.niet_bewaard import NietBewaardScherm
from tui.schermen.overleg import OverlegScherm

TEKST = " Corporatie levert de cijfers aan."


def _notitie_16(pad: Path) -> str:
    conn = sqlite3.connect(pad)
    try:
        return conn.execute(
            "SELECT notitie FROM agendapunt WHERE overleg_id = 3 AND subthema_nummer = '1.6'"
        ).fetchone()[0]
    finally:
        conn.close()


async def _typ_en_faal(app: TripartietApp, pilot, monkeypatch: pytest.MonkeyPatch) -> str:  # noqa: ANN001
    """Type into the note of 1.6 while every write fails as a read-only file does; return the full note."""

    def kapot(bestand, *_: object) -> None:  # noqa: ANN001
        raise SchrijfFout(bestand.pad, vertaal_schrijffout(sqlite3.OperationalError("attempt to write a readonly database")))

    monkeypatch.setattr(notulen, "bewaar_notitie", kapot)
    await pilot.pause()
    await pilot.press(*TEKST)
    await pilot.pause(0.8)
    assert "NIET BEWAARD" in schermtekst(app.screen.query_one("#notitiekop"))
    await pilot.press("ctrl+q")
    await pilot.pause()
    assert isinstance(app.screen, NietBewaardScherm), "quitting past unsaved text is asked first"
    assert "Uw laatste tekst is niet bewaard" in schermtekst(app.screen.query_one("#vraag"))
    return app.screen_stack[1].query_one("#notitie", TextArea).text


async def test_ctrl_q_na_mislukte_bewaring_bewaart_tekst_in_apart_bestand(demo_pad: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    voor = _notitie_16(demo_pad)
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        notitie = await _typ_en_faal(app, pilot, monkeypatch)
        await pilot.press("b")
        await pilot.pause()
    assert app._exit, "with the text safe, the app quits as asked"
    losse = list(demo_pad.parent.glob("demo-zonnedal-niet-bewaard-*.txt"))
    assert len(losse) == 1
    inhoud = losse[0].read_text(encoding="utf-8")
    assert notitie.endswith(TEKST) and notitie in inhoud
    assert "1.6 Monitoring" in inhoud, "the file says where the text belongs"
    assert _notitie_16(demo_pad) == voor, "the database is not touched"


async def test_ctrl_q_na_mislukte_bewaring_blijf(demo_pad: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        notitie = await _typ_en_faal(app, pilot, monkeypatch)
        await pilot.press("escape")
        await pilot.pause()
        assert not app._exit and isinstance(app.screen, OverlegScherm)
        assert app.screen.query_one("#notitie", TextArea).text == notitie
        await pilot.press("ctrl+q", "k")  # copy, then still asked: whether the terminal took it is unknown
        await pilot.pause()
        assert notitie in app.clipboard
        assert isinstance(app.screen, NietBewaardScherm) and not app._exit
    assert list(demo_pad.parent.glob("*niet-bewaard*")) == []


async def test_noodstop_na_mislukte_bewaring_zet_tekst_naast_het_bestand(demo_pad: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What SIGHUP/SIGTERM run (tui/cli.py): nobody is left to ask, so the text goes to a file at once."""
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        notitie = await _typ_en_faal(app, pilot, monkeypatch)
        app.noodstop()
        await pilot.pause()
        assert app._exit and app.bestand is None, "the file is closed before the app stops"
    losse = list(demo_pad.parent.glob("demo-zonnedal-niet-bewaard-*.txt"))
    assert len(losse) == 1 and notitie in losse[0].read_text(encoding="utf-8")
