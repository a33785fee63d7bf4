"""Benchmark: start to the first screen, Tripartiet against a bare Textual app, in one run.

Each measurement is a fresh process, from its start until the first screen has been painted
(headless, so no terminal is needed). Prints a readable table and JSON.

    python tests/bench/start.py [--herhalingen 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_KAAL = """
import time, resource
from textual.app import App
from textual.widgets import Footer, Header, Static

class Kaal(App):
    def compose(self):
        yield Header()
        yield Static("Hallo")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(lambda: self.call_after_refresh(self.exit))

Kaal().run(headless=True, size=(80, 24))
print(next(int(r.split()[1]) for r in open("/proc/self/status") if r.startswith("VmHWM:")))
"""

_TRIPARTIET = """
import sys, resource
import tui.app as app_module

def klaar(self):
    self.call_after_refresh(lambda: self.call_after_refresh(self.exit))

app_module.TripartietApp.on_screen_resume = lambda self, event=None: None
oud_open = app_module.TripartietApp.open_bestand
def open_en_stop(self, pad):
    resultaat = oud_open(self, pad)
    klaar(self)
    return resultaat
app_module.TripartietApp.open_bestand = open_en_stop
oud_run = app_module.TripartietApp.run
app_module.TripartietApp.run = lambda self, **kw: oud_run(self, headless=True, size=(80, 24))

from tui.cli import main
main(sys.argv[1:])
print(next(int(r.split()[1]) for r in open("/proc/self/status") if r.startswith("VmHWM:")))
"""


def _meet(code: str, *args: str) -> tuple[float, int]:
    begin = time.perf_counter()
    uit = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    duur = time.perf_counter() - begin
    return duur, int(uit.stdout.strip().splitlines()[-1])


def _compileer() -> None:
    """An installed Tripartiet has its bytecode compiled by pip, like Textual has. A checkout run
    with PYTHONDONTWRITEBYTECODE would compile our modules on every start and measure that instead."""
    wortel = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(wortel / "tui"), str(wortel / "opslag")], check=True, capture_output=True)


def meet(herhalingen: int = 5) -> dict[str, float]:
    _compileer()
    with tempfile.TemporaryDirectory() as map_:
        demo = Path(map_) / "demo.sqlite"
        subprocess.run([sys.executable, "-m", "tui", "demo", "--bestand", str(demo), "--niet-openen"], check=True, capture_output=True)
        _meet(_KAAL)  # warm the OS file cache for both
        _meet(_TRIPARTIET, "demo", "--bestand", str(demo))
        kaal, trip = [], []
        for _ in range(herhalingen):
            kaal.append(_meet(_KAAL))
            trip.append(_meet(_TRIPARTIET, "demo", "--bestand", str(demo)))
    resultaat = {
        "kaal_textual_s": statistics.median(t for t, _ in kaal),
        "tripartiet_demo_s": statistics.median(t for t, _ in trip),
        "kaal_geheugen_kb": max(m for _, m in kaal),
        "tripartiet_geheugen_kb": max(m for _, m in trip),
    }
    resultaat["verhouding_start"] = resultaat["tripartiet_demo_s"] / resultaat["kaal_textual_s"]
    resultaat["verhouding_geheugen"] = resultaat["tripartiet_geheugen_kb"] / resultaat["kaal_geheugen_kb"]
    return resultaat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--herhalingen", type=int, default=5)
    resultaat = meet(parser.parse_args().herhalingen)
    print(f"{'meting':<36}{'kale Textual-app':>18}{'tripartiet demo':>18}{'verhouding':>12}")
    print(f"{'start tot eerste scherm (mediaan)':<36}{resultaat['kaal_textual_s'] * 1000:>15.0f} ms"
          f"{resultaat['tripartiet_demo_s'] * 1000:>15.0f} ms{resultaat['verhouding_start']:>11.2f}x")
    print(f"{'piekgeheugen':<36}{resultaat['kaal_geheugen_kb'] / 1024:>15.1f} MB"
          f"{resultaat['tripartiet_geheugen_kb'] / 1024:>15.1f} MB{resultaat['verhouding_geheugen']:>11.2f}x")
    print(json.dumps(resultaat, indent=2))


if __name__ == "__main__":
    main()
