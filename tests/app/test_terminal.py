"""The app in a real terminal (tmux): what the headless pilot cannot see, such as a lone Escape."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from opslag import notulen
from opslag.bestand import Gemeentebestand

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux ontbreekt (.ci/run installeert het)")


class Terminal:
    def __init__(self, sessie: str) -> None:
        self.sessie = sessie

    def toetsen(self, *toetsen: str, pauze: float = 0.15) -> None:
        for toets in toetsen:
            subprocess.run(["tmux", "send-keys", "-t", self.sessie, toets], check=True)
            time.sleep(pauze)

    def typ(self, tekst: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.sessie, "-l", tekst], check=True)
        time.sleep(0.3)

    def typ_als_mens(self, tekst: str) -> None:
        """One key every 0.2 s, never pausing long enough for a debounce to save."""
        for teken in tekst:
            subprocess.run(["tmux", "send-keys", "-t", self.sessie, "-l", teken], check=True)
            time.sleep(0.2)

    def pid(self) -> int:
        """The app's process: the fixture execs Python in the pane, so it is the pane's process."""
        uit = subprocess.run(["tmux", "list-panes", "-t", self.sessie, "-F", "#{pane_pid}"], capture_output=True, text=True, check=True)
        return int(uit.stdout.split()[0])

    def scherm(self) -> str:
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", self.sessie], capture_output=True, text=True, check=True).stdout

    def wacht_op(self, tekst: str, tijd: float = 20.0) -> str:
        einde = time.monotonic() + tijd
        while time.monotonic() < einde:
            scherm = self.scherm()
            if tekst in scherm:
                return scherm
            time.sleep(0.2)
        raise AssertionError(f"'{tekst}' verscheen niet op het scherm:\n{self.scherm()}")

    def actief(self) -> bool:
        return subprocess.run(["tmux", "has-session", "-t", self.sessie], capture_output=True).returncode == 0


def _start(terminal: Terminal, pad: Path) -> None:
    omgeving = {
        "TRIPARTIET_CONFIG": str(pad.parent / "config"),
        "TRIPARTIET_DATA": str(pad.parent / "data"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
    }
    commando = "exec env " + " ".join(f"{k}={v}" for k, v in omgeving.items()) + f" {sys.executable} -m tui {pad}"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", terminal.sessie, "-x", "80", "-y", "24", commando],
        check=True, env={**os.environ, "TMUX": ""},
    )


@pytest.fixture
def terminal(tmp_path: Path, demo_pad: Path) -> Iterator[Terminal]:
    terminal = Terminal(f"tripartiet-{uuid.uuid4().hex[:8]}")
    _start(terminal, demo_pad)
    yield terminal
    subprocess.run(["tmux", "kill-session", "-t", terminal.sessie], capture_output=True)


def test_notitie_en_actie_typen_in_echte_terminal_en_afsluiten(terminal: Terminal, demo_pad: Path) -> None:
    scherm = terminal.wacht_op("1.6 Monitoring — 6 van 11")
    assert "Volgende" in scherm and "Toetsen" in scherm  # the Footer, in Dutch, whole at 80 columns
    terminal.toetsen("C-Down")
    terminal.wacht_op("1.9 Woonruimteverdeling en doorstroming — 7 van 11")
    terminal.typ("Verhuiscoach start in maart.")
    terminal.wacht_op("bewaard")
    terminal.toetsen("Escape")  # alone: a real terminal must not read it as the start of a key sequence
    terminal.wacht_op("a Afspraak")  # the agenda's keys are now in the Footer
    terminal.toetsen("t")
    terminal.wacht_op("Nieuw actiepunt")
    terminal.typ("Folder verhuiscoach maken")
    terminal.toetsen("Tab", "Space", "Down", "Enter", "Tab", "Tab")  # space opens a dropdown; Enter would save
    terminal.typ("15-03-2027")
    terminal.toetsen("C-s")
    terminal.wacht_op("A-010 Folder verhuiscoach maken")
    terminal.toetsen("C-q")
    einde = time.monotonic() + 10
    while terminal.actief() and time.monotonic() < einde:
        time.sleep(0.2)

    with Gemeentebestand.open(demo_pad) as bestand:
        overleg = notulen.laatste_overleg(bestand)
        punten = {p.subthema_nummer: p for p in notulen.agendapunten(bestand, overleg.id)}
        assert punten["1.9"].notitie == "Verhuiscoach start in maart."
        actie = notulen.actiepunten(bestand)[-1]
        assert (actie.code, actie.wat, actie.subthema_nummer) == ("A-010", "Folder verhuiscoach maken", "1.9")
        assert actie.deadline is not None and actie.deadline.isoformat() == "2027-03-15"
        assert actie.persoon_id is not None


ZIN = "De verhuiscoach begint in maart met drie."  # 41 keys, 8 seconds at a human pace


def wacht_tot_gestopt(pid: int, tijd: float = 15.0) -> None:
    einde = time.monotonic() + tijd
    while time.monotonic() < einde:
        try:
            if Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z":
                return
        except FileNotFoundError:
            return
        time.sleep(0.05)
    raise AssertionError(f"Tripartiet (pid {pid}) is na {tijd} s nog niet gestopt")


def notitie_19(demo_pad: Path) -> str:
    with Gemeentebestand.open(demo_pad) as bestand:
        overleg = notulen.laatste_overleg(bestand)
        return next(p for p in notulen.agendapunten(bestand, overleg.id) if p.subthema_nummer == "1.9").notitie


def _typ_gestaag_op_19(terminal: Terminal) -> int:
    terminal.wacht_op("1.6 Monitoring — 6 van 11")
    terminal.toetsen("C-Down")
    terminal.wacht_op("1.9 Woonruimteverdeling en doorstroming — 7 van 11")
    pid = terminal.pid()
    terminal.typ_als_mens(ZIN)
    return pid


def test_gestaag_typen_en_sigkill_verliest_hooguit_de_laatste_halve_seconde(terminal: Terminal, demo_pad: Path) -> None:
    pid = _typ_gestaag_op_19(terminal)
    os.kill(pid, signal.SIGKILL)  # the laptop dies: no chance to save anything more
    wacht_tot_gestopt(pid)
    notitie = notitie_19(demo_pad)
    assert ZIN.startswith(notitie) and len(notitie) >= len(ZIN) - 4, f"bewaard: {notitie!r}"


@pytest.mark.parametrize("stop", ["terminal-gesloten", "sigterm"])
def test_gestaag_typen_en_stoppen_bewaart_alles(terminal: Terminal, demo_pad: Path, stop: str) -> None:
    pid = _typ_gestaag_op_19(terminal)
    if stop == "terminal-gesloten":
        subprocess.run(["tmux", "kill-session", "-t", terminal.sessie], check=True)  # sends SIGHUP
    else:
        os.kill(pid, signal.SIGTERM)
    wacht_tot_gestopt(pid)
    assert notitie_19(demo_pad) == ZIN
    assert list(demo_pad.parent.glob("*niet-bewaard*")) == [], "everything went into the file itself"


def _concepten(pad: Path) -> dict[str, str]:
    with Gemeentebestand.open(pad) as bestand:
        return {r[0]: json.loads(r[1]).get("wat", "") for r in bestand.db.execute("SELECT sleutel, velden FROM concept")}


def test_sigterm_met_open_formulier_bewaart_concept_in_het_bestand(terminal: Terminal, demo_pad: Path) -> None:
    terminal.wacht_op("1.6 Monitoring — 6 van 11")
    pid = terminal.pid()
    terminal.toetsen("Escape", "t")
    terminal.wacht_op("Nieuw actiepunt")
    terminal.typ("Folder verhuiscoach maken")
    os.kill(pid, signal.SIGTERM)  # a form is only written when completed; its draft must not vanish
    wacht_tot_gestopt(pid)
    assert list(_concepten(demo_pad).values()) == ["Folder verhuiscoach maken"]
    assert list(demo_pad.parent.glob("*niet-bewaard*")) == [], "the draft went into the file itself"


def test_agendapunt_verplaatsen_met_alt_pijl_in_echte_terminal(terminal: Terminal, demo_pad: Path) -> None:
    """alt+up reaches the app through tmux (ctrl+shift+up does too, but not in every terminal)."""
    terminal.wacht_op("1.6 Monitoring — 6 van 11")
    terminal.toetsen("Escape")
    terminal.wacht_op("a Afspraak")  # the agenda's keys are now in the Footer
    terminal.toetsen("M-Up")
    terminal.wacht_op("1.6 Monitoring — 5 van 11")
    terminal.toetsen("C-q")
    einde = time.monotonic() + 10
    while terminal.actief() and time.monotonic() < einde:
        time.sleep(0.2)

    with Gemeentebestand.open(demo_pad) as bestand:
        overleg = notulen.laatste_overleg(bestand)
        volgorde = [p.subthema_nummer for p in notulen.agendapunten(bestand, overleg.id) if p.subthema_nummer]
    assert volgorde[:2] == ["1.6", "1.1"]


def test_actieformulier_gestaag_typen_en_sigkill_concept_wordt_aangeboden(terminal: Terminal, demo_pad: Path) -> None:
    terminal.wacht_op("1.6 Monitoring — 6 van 11")
    pid = terminal.pid()
    terminal.toetsen("Escape", "t")
    terminal.wacht_op("Nieuw actiepunt")
    terminal.typ_als_mens(ZIN)
    os.kill(pid, signal.SIGKILL)  # the laptop dies: no chance to save anything more
    wacht_tot_gestopt(pid)
    [bewaard] = _concepten(demo_pad).values()
    assert ZIN.startswith(bewaard) and len(bewaard) >= len(ZIN) - 4, f"bewaard: {bewaard!r}"

    subprocess.run(["tmux", "kill-session", "-t", terminal.sessie], capture_output=True)
    opnieuw = Terminal(f"{terminal.sessie}-2")
    _start(opnieuw, demo_pad)
    try:
        opnieuw.wacht_op("1.6 Monitoring — 6 van 11")
        opnieuw.toetsen("Escape", "t")
        scherm = opnieuw.wacht_op("teruggezet")
        assert "Concept van" in scherm and bewaard[:30] in scherm
    finally:
        subprocess.run(["tmux", "kill-session", "-t", opnieuw.sessie], capture_output=True)
