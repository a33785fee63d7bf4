"""What the minute-taker sees when the file fails: a Dutch message, and the typed text kept."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from textual.widgets import TextArea

from opslag import notulen
from opslag.bestand import Gemeentebestand
from tests.hulp import schermtekst
from tests.app.test_terminal import Terminal
from tui.app import TripartietApp


def _meldingen(app: TripartietApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_tweede_tripartiet_opent_alleen_lezen(demo_pad: Path) -> None:
    eerste = Gemeentebestand.open(demo_pad)
    try:
        app = TripartietApp(demo_pad)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.sub_title.endswith("(alleen-lezen)")
            assert any("al geopend in een andere Tripartiet" in m for m in _meldingen(app))
            notitie = app.screen.query_one("#notitie", TextArea)
            voor = notitie.text
            await pilot.press(*"extra")
            assert notitie.text == voor, "nothing can be typed into a read-only file"
            await pilot.press("escape", "t")
            await pilot.pause()
            assert type(app.screen).__name__ == "OverlegScherm", "no form to fill in that could not be saved"
            assert any("Er kan niets worden vastgelegd" in m for m in _meldingen(app))
    finally:
        eerste.sluit()


async def test_volle_schijf_tijdens_typen_houdt_tekst_op_scherm(demo_pad: Path) -> None:
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        db = app.bestand.db
        db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0]}")
        notitie = app.screen.query_one("#notitie", TextArea)
        notitie.load_text("x" * 100_000)
        notitie.move_cursor(notitie.document.end)
        await pilot.press(*" en nog iets")
        await pilot.pause(0.8)
        assert "NIET BEWAARD" in schermtekst(app.screen.query_one("#notitiekop"))
        assert any("de schijf is vol" in m for m in _meldingen(app))
        assert notitie.text.endswith(" en nog iets")
        await pilot.press("ctrl+down")
        await pilot.pause()
        assert notitie.text.endswith(" en nog iets"), "the item is not left while its text is unsaved"
        db.execute("PRAGMA max_page_count = 1073741823")  # room again
        await pilot.press(*"!")
        await pilot.pause(0.8)
        assert "bewaard" in schermtekst(app.screen.query_one("#notitiekop"))
    with Gemeentebestand.open(demo_pad) as bestand:
        punt = next(p for p in notulen.agendapunten(bestand, 3) if p.subthema_nummer == "1.6")
        assert punt.notitie.endswith(" en nog iets!")


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux ontbreekt (.ci/run installeert het)")
def test_sigkill_midden_in_overleg_verliest_alleen_de_laatste_tekst(demo_pad: Path, tmp_path: Path) -> None:
    sessie = f"kill-{os.getpid()}"
    pidbestand = tmp_path / "pid"
    commando = (
        f"TRIPARTIET_CONFIG={tmp_path}/config TRIPARTIET_DATA={tmp_path}/data "
        f"sh -c 'echo $$ > {pidbestand}; exec {sys.executable} -m tui {demo_pad}'"
    )
    subprocess.run(["tmux", "new-session", "-d", "-s", sessie, "-x", "80", "-y", "24", commando], check=True)
    terminal = Terminal(sessie)
    try:
        terminal.wacht_op("6 van 11")
        notities = {}
        for stap in range(4):  # four items, a note in each, each saved
            tekst = f"Notitie {stap} vastgelegd."
            terminal.typ(tekst)
            terminal.wacht_op("bewaard")
            notities[stap] = tekst
            terminal.toetsen("C-Down")
            terminal.wacht_op(f"{7 + stap} van 11")
        terminal.typ_als_mens("Dit wordt nog getypt")  # steadily, never pausing half a second
        os.kill(int(pidbestand.read_text()), signal.SIGKILL)  # no time to save the last half second
        time.sleep(0.5)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", sessie], capture_output=True)
    conn = sqlite3.connect(demo_pad)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Gemeentebestand.open(demo_pad) as bestand:
        punten = notulen.agendapunten(bestand, 3)
        opgeslagen = [p.notitie for p in punten[5:9]]  # 1.6, 1.9, 3.2, 4.2: typed after any text there
        assert [tekst[-len(notities[i]):] for i, tekst in enumerate(opgeslagen)] == [notities[i] for i in range(4)]
        laatste = punten[9].notitie
        assert "Dit wordt nog getypt".startswith(laatste) and len(laatste) >= len("Dit wordt nog getypt") - 4, (
            f"all but the last half second of steady typing is saved: {laatste!r}"
        )
        assert bestand.alleen_lezen is None, "the killed instance left no lock behind"
