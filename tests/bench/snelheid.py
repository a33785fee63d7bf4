"""Benchmark of the five speed figures of Tripartiet, each against its baseline in the same run.

    python tests/bench/snelheid.py [--snel]

1. start to the first interactive screen, realistic file, against a bare Textual app (ratio)
2. next-subtheme key to the new subtheme on screen, huge file: median and worst of 50
3. one edit (a note typed, an action marked done) to committed in SQLite: median
4. export of uitvoeringsagenda and minutes at three sizes against a plain SQLite read (ratio, growth)
5. peak memory on the huge file against the bare Textual app (ratio)

Prints a readable table and JSON. `--snel` skips the huge file (for a quick look).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from bestanden import maak_bestand  # noqa: E402

_PIEK = """
def _piek():
    # VmHWM of this process; ru_maxrss would include the parent's peak, which survives exec on Linux
    for regel in open("/proc/self/status"):
        if regel.startswith("VmHWM:"):
            return int(regel.split()[1])
"""

_GEHEUGEN = _PIEK + """
import asyncio, sys
from pathlib import Path
from tui.app import TripartietApp

async def main():
    app = TripartietApp(Path(sys.argv[1]))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(10):
            await pilot.press("ctrl+down")
        await pilot.press("escape", "l")
        await pilot.pause()
asyncio.run(main())
print(_piek())
"""

_KAAL_GEHEUGEN = _PIEK + """
import asyncio
from textual.app import App
from textual.widgets import Footer, Header, Static

class Kaal(App):
    def compose(self):
        yield Header()
        yield Static("Hallo")
        yield Footer()

async def main():
    app = Kaal()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
asyncio.run(main())
print(_piek())
"""


async def _navigatie(pad: Path, keer: int = 50) -> list[float]:
    """Milliseconds from the next-item action to the refreshed screen, over subtheme items."""
    from tui.app import TripartietApp

    gc.disable()  # started as `tripartiet` starts it (tui.cli._start); the app turns it back on
    app = TripartietApp(pad)
    tijden: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        scherm = app.screen
        subthemas = [i for i, p in enumerate(scherm.punten) if p.subthema_nummer]
        for stap in range(keer):
            doel = subthemas[stap % len(subthemas)]
            klaar = asyncio.get_running_loop().create_future()
            begin = time.perf_counter()
            scherm.ga_naar_index(doel if doel != scherm.index else subthemas[(stap + 1) % len(subthemas)])
            scherm.call_after_refresh(lambda b=begin, k=klaar: k.done() or k.set_result(time.perf_counter() - b))
            tijden.append(await klaar * 1000)
            await pilot.pause(0.01)
    return tijden


def _bewerkingen(pad: Path, keer: int = 50) -> dict[str, float]:
    from opslag import notulen
    from opslag.bestand import Gemeentebestand
    from opslag.modellen import ActieStatus

    with Gemeentebestand.open(pad) as bestand:
        overleg = notulen.laatste_overleg(bestand)
        punt = notulen.agendapunten(bestand, overleg.id)[5]
        actie = notulen.actiepunten(bestand, overleg_id=overleg.id)[0]
        notitie, status = [], []
        tekst = punt.notitie
        for i in range(keer):
            tekst += "x"
            begin = time.perf_counter()
            notulen.bewaar_notitie(bestand, punt.id, tekst)
            notitie.append((time.perf_counter() - begin) * 1000)
            begin = time.perf_counter()
            notulen.zet_actiestatus(bestand, actie.id, ActieStatus.GEREED if i % 2 == 0 else ActieStatus.OPEN)
            status.append((time.perf_counter() - begin) * 1000)
    return {"notitie_ms": statistics.median(notitie), "actie_gereed_ms": statistics.median(status)}


def _rss(code: str, *args: str) -> int:
    uit = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return int(uit.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--snel", action="store_true", help="zonder het grootste bestand")
    args = parser.parse_args()
    import start
    from export import meet_export

    resultaat: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as map_:
        map_ = Path(map_)
        start_resultaat = start.meet(herhalingen=5)
        resultaat["1_start"] = start_resultaat

        schaal = 10 if args.snel else 100
        groot = maak_bestand(map_ / "groot.sqlite", schaal, perioden=True)
        navigatie = asyncio.run(_navigatie(groot))
        resultaat["2_volgend_subthema"] = {
            "bestand": f"{schaal}x",
            "mediaan_ms": statistics.median(navigatie),
            "slechtste_ms": max(navigatie),
        }
        resultaat["3_bewerking"] = _bewerkingen(groot)
        resultaat["4_export"] = meet_export(map_, grootste=schaal)
        kaal = _rss(_KAAL_GEHEUGEN)
        trip = _rss(_GEHEUGEN, str(groot))
        resultaat["5_geheugen"] = {"kaal_mb": kaal / 1024, "tripartiet_mb": trip / 1024, "verhouding": trip / kaal}

    s, n, b, g = resultaat["1_start"], resultaat["2_volgend_subthema"], resultaat["3_bewerking"], resultaat["5_geheugen"]
    print()
    print(f"{'meting':<52}{'uitkomst':>28}{'doel':>12}")
    print(f"{'1 start, realistisch bestand vs kale Textual-app':<52}{s['verhouding_start']:>27.2f}x{'≤ 1.5x':>12}")
    print(f"{'2 volgend subthema, ' + n['bestand'] + ' bestand (mediaan / slechtste)':<52}"
          f"{n['mediaan_ms']:>15.1f} / {n['slechtste_ms']:.1f} ms{'med ≤ 30 ms':>12}")
    print(f"{'3 notitie bewaard / actie gereed (mediaan)':<52}{b['notitie_ms']:>15.2f} / {b['actie_gereed_ms']:.2f} ms{'≤ 5 ms':>12}")
    print(f"{'4 export: zie de tabel hierboven':<52}{'':>28}{'≤ 100 ms':>12}")
    print(f"{'5 piekgeheugen ' + n['bestand'] + ' bestand vs kale Textual-app':<52}"
          f"{g['tripartiet_mb']:>10.1f} / {g['kaal_mb']:.1f} MB = {g['verhouding']:.2f}x{'≤ 1.5x':>12}")
    print(json.dumps(resultaat, indent=2, default=str))


if __name__ == "__main__":
    main()
