"""Benchmark of figure 6: any key to its screen, and the longest the UI was blocked meanwhile.

    python tests/bench/toetsen.py [--schaal 100] [--keer 5]

Drives the app with the pilot on a generated file (tests/bench/bestanden.py) and times, per key,
from the key press to the screen showing its new content plus one refresh ("scherm"; the export screen
twice: to its first paint, and to its document built and the first part of the preview shown), and the
longest stretch the event loop could not run ("blokkade"), measured by a task that wakes every
few milliseconds and notes how late it woke. The blocking window runs on after the screen is
there until the app is quiet again, so work left for later (a preview rendered in a worker, a
table filled after the first paint) counts too. Target: both ≤ 100 ms on the 100x file.

The keys: open a form (o, change the meeting; the first one also starts loading pydantic in the
background), open the actielijst (l), filter it (Enter in the filter window), sort it (s), palette
"ga naar subthema" (Enter on the hit), open the meeting chooser (w), switch meeting (Enter in it),
open the export screen (e) and switch its document (Enter in the document choice); group
"formulieren": the agreement, action and decision forms (a on a subtheme, t, b); groups
"geschiedenis" and "inzet": h and i. Every garbage collection is
timed too, in wall-clock and processor time (the latter barely changes on a busy machine).

    python tests/bench/toetsen.py --geheugen 12

opens and closes the actielijst and the export screen 12 times and prints, per round, the objects
the collector still tracks after a full collection and RSS: a closed screen that stays alive shows
as growth per round.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from bestanden import maak_bestand  # noqa: E402

TIK = 0.002
GROEPEN = frozenset({"formulier", "actielijst", "palet", "overleg", "export", "formulieren", "geschiedenis", "inzet", "kiezer"})  # the watchdog's interval: a blockade is measured to within a few ms


class Waakhond:
    """A task that notes the longest delay between when it asked to wake and when it woke."""

    def __init__(self) -> None:
        self.langste = 0.0
        self._taak: asyncio.Task | None = None
        self.gc = GcPauzes()

    async def _loop(self) -> None:
        lus = asyncio.get_running_loop()
        while True:
            verwacht = lus.time() + TIK
            await asyncio.sleep(TIK)
            self.langste = max(self.langste, lus.time() - verwacht)

    def start(self) -> None:
        self._taak = asyncio.get_running_loop().create_task(self._loop())
        self.gc.start()

    def stop(self) -> None:
        if self._taak:
            self._taak.cancel()
        self.gc.stop()

    def reset(self) -> None:
        self.langste = 0.0
        self.gc.langste = self.gc.langste_cpu = 0.0


class GcPauzes:
    """Every run of the cyclic garbage collector: how long it held the GIL, and what it freed.
    Also the processor time it took, which other processes on a busy machine do not inflate."""

    def __init__(self) -> None:
        self.langste = 0.0
        self.langste_cpu = 0.0
        self.alle: list[tuple[int, float, float, int]] = []  # (generation, ms, processor ms, objects freed)
        self._begin = (0.0, 0.0)

    def _terugroep(self, fase: str, info: dict) -> None:
        if fase == "start":
            self._begin = (time.perf_counter(), time.thread_time())
            return
        duur = (time.perf_counter() - self._begin[0]) * 1000
        cpu = (time.thread_time() - self._begin[1]) * 1000
        self.langste = max(self.langste, duur)
        self.langste_cpu = max(self.langste_cpu, cpu)
        self.alle.append((info["generation"], duur, cpu, info["collected"]))

    def start(self) -> None:
        gc.callbacks.append(self._terugroep)

    def stop(self) -> None:
        gc.callbacks.remove(self._terugroep)


async def _na_refresh(app) -> None:  # noqa: ANN001
    klaar = asyncio.get_running_loop().create_future()
    app.screen.call_after_refresh(lambda: klaar.done() or klaar.set_result(None))
    await asyncio.wait_for(klaar, 10)


def _werkt(app) -> bool:  # noqa: ANN001
    # The export preview's worker waits for the view to scroll; it counts as idle then.
    return any(not w.is_finished and w.group != "voorbeeld" for w in app.workers)


async def _rustig(app, waakhond: Waakhond, ruststand: float = 0.15) -> None:  # noqa: ANN001
    """Until no worker runs and the loop has had `ruststand` seconds without a blockade."""
    einde = time.perf_counter() + 20
    while time.perf_counter() < einde:
        if _werkt(app):
            await asyncio.sleep(0.01)
            continue
        voor = waakhond.langste
        waakhond.langste = 0.0
        await asyncio.sleep(ruststand)
        stil = waakhond.langste < 0.02
        waakhond.langste = max(voor, waakhond.langste)
        if stil and not _werkt(app):
            return


async def meet(app, waakhond: Waakhond, toets: Callable[[], object], klaar: Callable[[], bool]) -> tuple[float, float, float, float]:  # noqa: ANN001
    """(ms to the changed screen, longest blockade, longest garbage collection in it, its processor
    time) of one key."""
    await _rustig(app, waakhond)
    waakhond.reset()
    begin = time.perf_counter()
    toets()
    while not klaar():
        await asyncio.sleep(0.001)
        if time.perf_counter() - begin > 20:
            raise TimeoutError("het scherm veranderde niet")
    await _na_refresh(app)
    scherm = time.perf_counter() - begin
    await _rustig(app, waakhond)
    return scherm * 1000, waakhond.langste * 1000, waakhond.gc.langste, waakhond.gc.langste_cpu


def _druk(app, toets: str) -> Callable[[], object]:  # noqa: ANN001
    """Send the key as the terminal driver does; pilot.press would wait for its handlers."""
    from textual import events

    def druk() -> None:
        gebeurtenis = events.Key(toets, toets if len(toets) == 1 else None)
        gebeurtenis.set_sender(app)
        app._driver.send_message(gebeurtenis)

    return druk


def _rijen(scherm) -> int:  # noqa: ANN001
    """Rows in the action list's table; none while a screen just pushed has not composed it."""
    tabellen = scherm.query("#acties")
    return tabellen.first().row_count if tabellen else 0


def _getoond(scherm, leesvak: str) -> bool:  # noqa: ANN001
    """The reading pane has painted its first view; a screen just pushed may not have composed it yet."""
    vakken = scherm.query(leesvak)
    return bool(vakken) and vakken.first().regels_voor_eerste_beeld is not None


def _document_zichtbaar(scherm) -> bool:  # noqa: ANN001
    """The export screen shows its document: built, and the first part of the preview mounted."""
    from tui.schermen.export import ExportScherm

    return isinstance(scherm, ExportScherm) and scherm.document is not None and scherm.getoond is scherm.document


async def meet_alles(pad: Path, keer: int, groepen: set[str] = GROEPEN) -> tuple[dict[str, list[tuple[float, float, float, float]]], GcPauzes]:
    from textual.command import CommandList
    from textual.widgets import Select

    from tui.app import TripartietApp
    from tui.schermen.actielijst import ActiefilterScherm, ActielijstScherm
    from tui.schermen.export import ExportScherm
    from tui.schermen.formulier import Formulier
    from tui.schermen.overleg import OverlegScherm
    from tui.schermen.overleg_kiezer import OverlegKiezer

    gc.disable()  # as tui.cli starts the app; the app turns it back on
    app = TripartietApp(pad)
    uitkomst: dict[str, list[tuple[float, float, float, float]]] = {}
    waakhond = Waakhond()

    def noteer(naam: str, meting: tuple[float, float, float, float]) -> None:
        uitkomst.setdefault(naam, []).append(meting)

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("escape")  # out of the note, as snelheid.py does
        await pilot.pause()
        waakhond.start()
        for ronde in range(keer):
            if "formulier" in groepen:
                # --- a form: the first one also starts loading pydantic in the background ---
                naam = "formulier openen (o), eerste" if ronde == 0 else "formulier openen (o)"
                noteer(naam, await meet(app, waakhond, _druk(app, "o"), lambda: isinstance(app.screen, Formulier)))
                await pilot.press("escape")
                await pilot.pause()
                assert isinstance(app.screen, OverlegScherm)

            if "actielijst" in groepen:
                # --- actielijst: open, filter, sort, back ---
                noteer("actielijst openen (l)", await meet(app, waakhond, _druk(app, "l"),
                       lambda: isinstance(app.screen, ActielijstScherm) and _rijen(app.screen) > 0))
                lijst = app.screen
                await pilot.press("f")
                await pilot.pause()
                assert isinstance(app.screen, ActiefilterScherm)
                partijen = app.screen.keuzes["partij"]
                app.screen.query_one("#filter-partij", Select).value = partijen[ronde % len(partijen)][1]
                await pilot.pause()
                voor = lijst.regels
                # Enter applies and closes the filter window (Esc closes it without applying).
                noteer("actielijst filteren (Enter)", await meet(app, waakhond, _druk(app, "enter"),
                       lambda: app.screen is lijst and lijst.regels is not voor))
                voor = lijst.regels
                noteer("actielijst sorteren (s)", await meet(app, waakhond, _druk(app, "s"), lambda: lijst.regels is not voor))
                await pilot.press("escape")
                await pilot.pause()
                assert isinstance(app.screen, OverlegScherm)

            if "palet" in groepen:
                # --- palette: ga naar subthema ---
                overleg = app.screen
                elders = [p for i, p in enumerate(overleg.punten) if p.subthema_nummer and i != overleg.index]
                doel = elders[ronde % len(elders)].subthema_nummer
                await pilot.press("ctrl+p")
                await pilot.pause()
                await pilot.press(*doel)
                for _ in range(100):  # the palette searches in the background
                    await pilot.pause(0.02)
                    if app.screen.query_one(CommandList).option_count:
                        break
                index_voor = overleg.index
                noteer("palet: ga naar subthema (Enter)", await meet(app, waakhond, _druk(app, "enter"),
                       lambda: app.screen is overleg and overleg.index != index_voor))

            if "overleg" in groepen:
                # --- switch meeting ---
                overleg = app.screen
                await pilot.press("escape", "w")  # out of the note (where the last switch left the focus): there w is a letter
                await pilot.pause()
                assert isinstance(app.screen, OverlegKiezer)
                await pilot.press(*["down"] * (1 + ronde % 3))
                voor = overleg.overleg_id  # the meeting screen shows the other meeting, or a new one does
                noteer("ander overleg (Enter)", await meet(app, waakhond, _druk(app, "enter"),
                       lambda: isinstance(app.screen, OverlegScherm) and (app.screen is not overleg or overleg.overleg_id != voor)))

            if "export" in groepen:
                # --- export screen: open, switch document, back ---
                await pilot.press("escape")  # out of the note
                await pilot.pause()
                noteer("exportscherm: eerste beeld (e)", await meet(app, waakhond, _druk(app, "e"),
                       lambda: isinstance(app.screen, ExportScherm)))
                await pilot.press("escape")
                await pilot.pause()
                noteer("exportscherm: document (e)", await meet(app, waakhond, _druk(app, "e"), lambda: _document_zichtbaar(app.screen)))
                export = app.screen
                keuze = export.query_one("#document", Select)
                keuze.focus()
                await pilot.press("enter")
                await pilot.pause()
                andere = "up" if keuze.value == "verslag" else "down"
                vorig = export.document
                await pilot.press(andere)
                # The new document, not the old one still shown between the key and the screen's
                # handling of the choice (that measured a few ms now and then).
                noteer("ander exportdocument (Enter)", await meet(app, waakhond, _druk(app, "enter"),
                       lambda: export.document is not vorig and _document_zichtbaar(export)))
                await pilot.press("escape")
                await pilot.pause()
                assert isinstance(app.screen, OverlegScherm)

            if "formulieren" in groepen:
                # --- the other forms: an agreement (a, on a subtheme), an action (t), a decision (b) ---
                from opslag.modellen import PuntSoort

                overleg = app.screen
                subthema = next(p for p in overleg.punten if p.soort is PuntSoort.SUBTHEMA)
                app.ga_naar_subthema(subthema.subthema_nummer)
                await pilot.pause()
                await pilot.press("escape")  # out of the note
                await pilot.pause()
                for toets, formulier in (("a", "AfspraakFormulier"), ("t", "ActieFormulier"), ("b", "BesluitFormulier")):
                    noteer(f"formulier openen ({toets})", await meet(app, waakhond, _druk(app, toets),
                           lambda formulier=formulier: type(app.screen).__name__ == formulier))
                    await pilot.press("escape")
                    await pilot.pause()
                    assert app.screen is overleg

            if "geschiedenis" in groepen:
                # --- h: a subtheme's history (agenda in focus), then an agreement's (chosen in its list).
                # Like i below: to the first paint with text; the rest of a long text is rendered in
                # slices after it, which the blocking window covers. ---
                from tui.schermen.geschiedenis import GeschiedenisScherm
                from tui.widgets.itemlijst import ItemLijst

                def geschiedenis_getoond() -> bool:
                    # The first paint with text: the rest of a long history follows in slices.
                    return isinstance(app.screen, GeschiedenisScherm) and _getoond(app.screen, "#tekst")

                overleg = app.screen
                subthemas = [i for i, p in enumerate(overleg.punten) if p.subthema_nummer]
                overleg.ga_naar_index(subthemas[ronde % len(subthemas)])
                await pilot.pause()
                overleg.query_one("#agenda").focus()
                await pilot.pause()
                noteer("geschiedenis subthema (h)", await meet(app, waakhond, _druk(app, "h"), geschiedenis_getoond))
                await pilot.press("escape")
                await pilot.pause()
                for i in subthemas[ronde % len(subthemas):] + subthemas:  # an item with an agreement to choose
                    overleg.ga_naar_index(i)
                    await pilot.pause()
                    lijst = overleg.query_one("#afspraken", ItemLijst)
                    lijst.focus()
                    await pilot.pause()
                    if lijst.highlighted is not None and (lijst.get_option_at_index(lijst.highlighted).id or "").startswith("afspraak:"):
                        noteer("geschiedenis afspraak (h)", await meet(app, waakhond, _druk(app, "h"), geschiedenis_getoond))
                        await pilot.press("escape")
                        await pilot.pause()
                        break
                overleg.query_one("#agenda").focus()
                await pilot.pause()
                assert isinstance(app.screen, OverlegScherm)

            if "inzet" in groepen:
                # --- i: the commitments per party, the longest text of the app ---
                from tui.schermen.inzet import InzetScherm

                noteer("inzet per partij (i)", await meet(app, waakhond, _druk(app, "i"), lambda: isinstance(app.screen, InzetScherm)
                       and _getoond(app.screen, "#inzet")))
                await pilot.press("escape")
                await pilot.pause()
                assert isinstance(app.screen, OverlegScherm)

            if "kiezer" in groepen:
                # --- the meeting chooser (w), from the agenda, and closed again ---
                await pilot.press("escape")  # out of the note, where w is a letter
                await pilot.pause()
                noteer("overleggen kiezen (w)", await meet(app, waakhond, _druk(app, "w"), lambda: isinstance(app.screen, OverlegKiezer)))
                await pilot.press("escape")
                await pilot.pause()
                assert isinstance(app.screen, OverlegScherm)
        waakhond.stop()
    return uitkomst, waakhond.gc


def _rss_mb() -> float:
    for regel in open("/proc/self/status"):
        if regel.startswith("VmRSS:"):
            return int(regel.split()[1]) / 1024
    return 0.0


async def meet_geheugen(pad: Path, keer: int) -> list[tuple[int, float, float]]:
    """Open and close the actielijst and the export screen `keer` times; after each round the
    objects the collector still tracks (after a full collection), RSS, and the longest collection
    of the round. A screen or cache that outlives its screen shows as growth per round."""
    from tui.app import TripartietApp
    from tui.schermen.actielijst import ActielijstScherm
    from tui.schermen.overleg import OverlegScherm

    gc.disable()
    app = TripartietApp(pad)
    waakhond = Waakhond()
    rondes = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        waakhond.start()
        for _ in range(keer):
            await _rustig(app, waakhond)
            waakhond.reset()
            await meet(app, waakhond, _druk(app, "l"),
                       lambda: isinstance(app.screen, ActielijstScherm) and _rijen(app.screen) > 0)
            await pilot.press("escape")
            await meet(app, waakhond, _druk(app, "e"), lambda: _document_zichtbaar(app.screen))
            await pilot.press("escape")
            await _rustig(app, waakhond)
            assert isinstance(app.screen, OverlegScherm)
            gc_langste = waakhond.gc.langste_cpu
            gc.collect()
            rondes.append((len(gc.get_objects()), _rss_mb(), gc_langste))
        waakhond.stop()
    return rondes


def _druk_geheugen(rondes: list[tuple[int, float, float]]) -> None:
    print(f"\n{'ronde':<8}{'objecten':>10}{'RSS MB':>9}{'langste gc, cpu ms':>20}")
    for i, (objecten, rss, langste) in enumerate(rondes, 1):
        print(f"{i:<8}{objecten:>10}{rss:>9.1f}{langste:>20.0f}")
    helft = len(rondes) // 2
    if helft:
        groei = (rondes[-1][0] - rondes[helft - 1][0]) / (len(rondes) - helft)
        print(f"groei in de tweede helft: {groei:.0f} objecten per ronde")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--schaal", type=int, default=100, help="1 = realistisch, 100 = het grote bestand")
    parser.add_argument("--keer", type=int, default=5)
    parser.add_argument("--alleen", choices=sorted(GROEPEN), action="append", help="alleen deze toetsen (herhaalbaar)")
    parser.add_argument("--geheugen", type=int, metavar="N", help="in plaats daarvan: N keer actielijst en exportscherm open en dicht")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as map_:
        pad = maak_bestand(Path(map_) / "bestand.sqlite", args.schaal, perioden=True)
        if args.geheugen:
            _druk_geheugen(asyncio.run(meet_geheugen(pad, args.geheugen)))
            return
        uitkomst, pauzes = asyncio.run(meet_alles(pad, args.keer, set(args.alleen or GROEPEN)))
    print(f"\nfiguur 6, {args.schaal}x bestand, {args.keer} keer per toets (ms; doel ≤ 100)")
    print(f"{'toets':<34}{'scherm mediaan':>16}{'slechtste':>11}{'blokkade mediaan':>18}{'slechtste':>11}{'gc slechtste':>14}{'(cpu)':>7}")
    samenvatting = {}
    for naam, metingen in uitkomst.items():
        scherm = [m[0] for m in metingen]
        blok = [m[1] for m in metingen]
        samenvatting[naam] = {"scherm_mediaan_ms": statistics.median(scherm), "scherm_slechtste_ms": max(scherm),
                              "blokkade_mediaan_ms": statistics.median(blok), "blokkade_slechtste_ms": max(blok),
                              "gc_slechtste_ms": max(m[2] for m in metingen), "gc_slechtste_cpu_ms": max(m[3] for m in metingen)}
        print(f"{naam:<34}{statistics.median(scherm):>16.0f}{max(scherm):>11.0f}{statistics.median(blok):>18.0f}{max(blok):>11.0f}"
              f"{max(m[2] for m in metingen):>14.0f}{max(m[3] for m in metingen):>7.0f}")
    # Every collection of the run, also those between keys (after a screen closed, at idle).
    lang = sorted((p for p in pauzes.alle if p[1] >= 20), key=lambda p: -p[1])
    print(f"collecties: {len(pauzes.alle)}; ≥ 20 ms (generatie, ms, cpu ms, opgeruimd): "
          + ", ".join(f"({g}, {ms:.0f}, {cpu:.0f}, {n})" for g, ms, cpu, n in lang[:12]))
    samenvatting["gc"] = {"collecties": len(pauzes.alle), "langste_ms": max((p[1] for p in pauzes.alle), default=0),
                          "langste_cpu_ms": max((p[2] for p in pauzes.alle), default=0), "vanaf_20_ms": len(lang)}
    print(json.dumps(samenvatting, indent=2))


if __name__ == "__main__":
    main()
