"""Benchmark: start to the first screen, Tripartiet against a bare Textual app, in one run.

Tripartiet opens the demo file by its path (`tripartiet demo.sqlite`, as a municipality file is
opened every day); `tripartiet demo` is timed too, on a separate line, as it also loads what
making a demo file needs. Each measurement is a fresh process, from the moment it is started until its first screen has
been painted (headless, so no terminal is needed): the process notes the wall-clock time of that
paint and then exits. Shutting the interpreter down afterwards is not part of starting, and it
differs between a program with two modules and one with two hundred. Prints a table and JSON.

    python tests/bench/start.py [--herhalingen 5]

With --schaal N it measures instead, on a file of tests/bench/bestanden.py at that scale, the time
from opening the file to the first paint: at the first opening of the day (an empty backup folder,
so a backup is due) and at a later one.

    python tests/bench/start.py --schaal 100
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_KAAL = """
import time
from textual.app import App
from textual.widgets import Footer, Header, Static

class Kaal(App):
    def compose(self):
        yield Header()
        yield Static("Hallo")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(lambda: self.call_after_refresh(self.geschilderd))

    def geschilderd(self):
        self.tijdstip = time.time()
        self.exit()

app = Kaal()
app.run(headless=True, size=(80, 24))
print(app.tijdstip)
print(next(int(r.split()[1]) for r in open("/proc/self/status") if r.startswith("VmHWM:")))
"""

# The floor for any app that follows the brief ("pydantic models for everything that is stored"):
# the bare app, plus importing pydantic and defining one model before its first screen.
_KAAL_MET_PYDANTIC = _KAAL.replace(
    "class Kaal(App):",
    "from pydantic import BaseModel\n\nclass Rij(BaseModel):\n    naam: str\n\nclass Kaal(App):",
)

_TRIPARTIET = """
import sys, time
import tui.app as app_module

def klaar(self):
    self.call_after_refresh(lambda: self.call_after_refresh(lambda: geschilderd(self)))

def geschilderd(self):
    global tijdstip
    tijdstip = time.time()
    self.exit()

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
print(tijdstip)
print(next(int(r.split()[1]) for r in open("/proc/self/status") if r.startswith("VmHWM:")))
"""


# Opening the file to its first paint, measured inside the process: start-up before it is left out.
_OPENEN = _TRIPARTIET.replace(
    "import sys, time\n",
    "import sys, time\nimport opslag.bestand as b\ngeopend = []\n"
    "oud = b.Gemeentebestand.open.__func__\n"
    "b.Gemeentebestand.open = classmethod(lambda cls, *a, **k: geopend.append(time.time()) or oud(cls, *a, **k))\n",
).replace("print(tijdstip)", "print(tijdstip - geopend[0])")


def meet_openen(schaal: int, herhalingen: int = 5) -> dict[str, float]:
    """Milliseconds from opening a file of `schaal` to the first paint, median of `herhalingen`."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from tests.bench.bestanden import maak_bestand

    _compileer()
    with tempfile.TemporaryDirectory() as map_:
        pad = maak_bestand(Path(map_) / "groot.sqlite", schaal)
        later = Path(map_) / "kopieen"
        eerste, daarna = [], []
        for i in range(herhalingen + 1):
            with tempfile.TemporaryDirectory() as leeg:
                for lijst, kopiemap in ((eerste, leeg), (daarna, str(later))):
                    os.environ["TRIPARTIET_RESERVEKOPIE"] = kopiemap
                    uit = subprocess.run([sys.executable, "-c", _OPENEN, str(pad)], capture_output=True, text=True, check=True)
                    gemeten = float(uit.stdout.strip().splitlines()[-2]) * 1000
                    if i:  # the first round warms the OS file cache and makes today's backup
                        lijst.append(gemeten)
    return {"eerste_opening_van_de_dag_ms": statistics.median(eerste), "latere_opening_ms": statistics.median(daarna)}


def _meet(code: str, *args: str) -> tuple[float, int]:
    """Seconds from starting the process to its first painted screen, and its peak memory in KB."""
    begin = time.time()
    uit = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    geschilderd, piek = uit.stdout.strip().splitlines()[-2:]
    return float(geschilderd) - begin, int(piek)


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
        _meet(_KAAL_MET_PYDANTIC)  # warm the OS file cache for all three
        _meet(_TRIPARTIET, str(demo))
        kaal, pydantic, trip, via_demo = [], [], [], []
        for _ in range(herhalingen):
            kaal.append(_meet(_KAAL))
            pydantic.append(_meet(_KAAL_MET_PYDANTIC))
            trip.append(_meet(_TRIPARTIET, str(demo)))
            via_demo.append(_meet(_TRIPARTIET, "demo", "--bestand", str(demo)))
    resultaat = {
        "kaal_textual_s": statistics.median(t for t, _ in kaal),
        "kaal_met_pydantic_s": statistics.median(t for t, _ in pydantic),
        "tripartiet_demo_s": statistics.median(t for t, _ in trip),
        "tripartiet_via_demo_opdracht_s": statistics.median(t for t, _ in via_demo),
        "kaal_geheugen_kb": max(m for _, m in kaal),
        "kaal_met_pydantic_geheugen_kb": max(m for _, m in pydantic),
        "tripartiet_geheugen_kb": max(m for _, m in trip),
    }
    resultaat["verhouding_pydantic_start"] = resultaat["kaal_met_pydantic_s"] / resultaat["kaal_textual_s"]
    resultaat["verhouding_pydantic_geheugen"] = resultaat["kaal_met_pydantic_geheugen_kb"] / resultaat["kaal_geheugen_kb"]
    resultaat["verhouding_start"] = resultaat["tripartiet_demo_s"] / resultaat["kaal_textual_s"]
    resultaat["verhouding_geheugen"] = resultaat["tripartiet_geheugen_kb"] / resultaat["kaal_geheugen_kb"]
    resultaat["verhouding_start_via_demo_opdracht"] = resultaat["tripartiet_via_demo_opdracht_s"] / resultaat["kaal_textual_s"]
    return resultaat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--herhalingen", type=int, default=5)
    parser.add_argument("--schaal", type=int, help="meet openen tot eerste scherm op een bestand van deze schaal")
    args = parser.parse_args()
    if args.schaal:
        resultaat = meet_openen(args.schaal, args.herhalingen)
        print(f"openen tot eerste scherm, schaal {args.schaal} (mediaan):")
        print(f"  eerste opening van de dag (reservekopie nodig) {resultaat['eerste_opening_van_de_dag_ms']:>6.0f} ms")
        print(f"  latere opening                                 {resultaat['latere_opening_ms']:>6.0f} ms")
        print(json.dumps(resultaat, indent=2))
        return
    resultaat = meet(args.herhalingen)
    r = resultaat
    print(f"{'meting':<36}{'kale Textual-app':>18}{'+ 1 pydantic-model':>22}{'tripartiet demo':>18}")
    print(f"{'start tot eerste scherm (mediaan)':<36}{r['kaal_textual_s'] * 1000:>15.0f} ms"
          f"{r['kaal_met_pydantic_s'] * 1000:>11.0f} ms {r['verhouding_pydantic_start']:>5.2f}x"
          f"{r['tripartiet_demo_s'] * 1000:>9.0f} ms {r['verhouding_start']:>5.2f}x")
    print(f"{'piekgeheugen':<36}{r['kaal_geheugen_kb'] / 1024:>15.1f} MB"
          f"{r['kaal_met_pydantic_geheugen_kb'] / 1024:>11.1f} MB {r['verhouding_pydantic_geheugen']:>5.2f}x"
          f"{r['tripartiet_geheugen_kb'] / 1024:>9.1f} MB {r['verhouding_geheugen']:>5.2f}x")
    print(f"{'start via tripartiet demo (mediaan)':<36}{'':>47}{r['tripartiet_via_demo_opdracht_s'] * 1000:>9.0f} ms"
          f" {r['verhouding_start_via_demo_opdracht']:>5.2f}x")
    print(json.dumps(resultaat, indent=2))


if __name__ == "__main__":
    main()
