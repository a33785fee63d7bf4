"""The Tripartiet app: opens one municipality file and hosts the screens that work on it."""

from __future__ import annotations

import gc
import sys
import time
import weakref
from collections.abc import Iterable
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen
from textual.worker import Worker, WorkerState

from opslag.bestand import Gemeentebestand
from opslag.fouten import TripartietFout
from opslag.tekst import zichtbaar
from tui.lekken import herstel, vergeet_kijkers
from tui.nederlands import vertaal_toetsen
from tui.palet import AgendaOpdrachten, OverlegOpdrachten, SubthemaOpdrachten
from tui.schermacties import SchermActies
from tui.schermen.kenmerken import BewaartNotitie, ToontSubthema

herstel()
vertaal_toetsen()

# Seconds without a key or mouse event before the app collects what a closed screen left (`_na_sluiten`).
RUST = 0.1
# Python's own full collection comes after this many younger ones; the app's after a longer pause,
# when the work a key started (a worker, a preview growing) is surely done (`_ruim_op`).
VOL_NA = 10
LANGE_RUST = 1.0


class TripartietApp(SchermActies, App[None]):
    TITLE = "Tripartiet"
    # Every screen's styles sit next to it but are loaded here, once: a screen's own CSS_PATH makes
    # Textual re-parse the whole stylesheet, its own and every widget's, the first time the screen opens.
    CSS_PATH = [
        "app.tcss",
        # The dialogs' shared frame first: a dialog's own rules of the same weight come later and win.
        *(f"schermen/{naam}.tcss" for naam in (
            "dialoog", "overleg", "kader", "start", "formulier", "aanwezigheid", "actielijst", "actiefilter", "export",
            "bevestig", "niet_bewaard", "overleg_kiezer", "toetsen", "partijen", "geschiedenis", "inzet", "importeren",
            "periode_starten", "agenda_vaststellen",
        )),
    ]
    COMMANDS = {SubthemaOpdrachten, AgendaOpdrachten, OverlegOpdrachten}
    COMMAND_PALETTE_DISPLAY = "ctrl+p"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Afsluiten", priority=True, id="afsluiten"),
        Binding("ctrl+p", "command_palette", "Opdrachten", show=False, priority=True, id="opdrachten"),
        Binding("f1", "toetsen", "Toetsen", id="toetsen"),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]

    def __init__(self, pad: Path | None = None) -> None:
        super().__init__()
        self.pad = pad
        self.bestand: Gemeentebestand | None = None
        self.foutmelding: str | None = None
        # Drafts of forms while the file is read-only; else they are in the file (opslag.concepten).
        self.concepten: dict[str, dict] = {}
        self._geschilderd = False
        self._laatste_invoer = 0.0
        self._vorig_scherm: weakref.ref[Screen] | None = None
        self._opruimer = None
        self._invoer_geladen = False

    def get_key_display(self, binding: Binding) -> str:
        """'Esc', 'F1', 'Del' in the footer and on the F1 page alike, as the help lines write them."""
        from tui.schermen.toetsen import toetsnaam

        return binding.key_display or toetsnaam(super().get_key_display(binding))

    def notify(
        self, message: str, *, title: str = "", severity: SeverityLevel = "information", timeout: float | None = None, markup: bool = False
    ) -> None:
        """Messages quote names, codes and errors from the file: never markup, never control characters."""
        super().notify(zichtbaar(message, regels=True), title=zichtbaar(title), severity=severity, timeout=timeout, markup=False)

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header shows the municipality's name from the file: control characters made visible."""
        return super().format_title(zichtbaar(title), zichtbaar(sub_title))

    def on_mount(self) -> None:
        self.call_after_refresh(self._na_eerste_scherm)
        self.screen_change_signal.subscribe(self, self._scherm_gewisseld)
        if self.pad is None:
            from tui.schermen.start import StartScherm

            self.push_screen(StartScherm())
        else:
            self.open_bestand(self.pad)

    def _na_eerste_scherm(self) -> None:
        """Start-up ran without the cyclic garbage collector (see `tui.cli`). What it built lives
        as long as the app, so it is frozen out of the collector's way: a full collection then
        walks only what was made since, and a step to the next subtheme no longer stalls on it.

        The price, paid once: cycles start-up left behind (about 0.6 MB), and the first screen
        if it is later replaced, are never collected. A collection before freezing would free
        the former but cost 40 ms just after the first paint."""
        if not gc.isenabled():
            gc.freeze()
            gc.enable()
            # Full collections are left to the pauses between keys (`_ruim_op`); Python's own only
            # comes when there was no pause for ten times as long, as a backstop.
            gc.set_threshold(700, 10, 10 * VOL_NA)
        self.set_interval(0.5, self._ruim_op)
        self._geschilderd = True
        if self.bestand is not None and self.pad is not None:
            # One refresh later still, so the write never competes with the first paint.
            self.call_after_refresh(self.run_worker, self._onthoud, thread=True, group="onthoud", exit_on_error=False)
        self.call_after_refresh(self._maak_dagkopie)

    def _maak_dagkopie(self) -> None:
        """The first opening of the day makes a backup (40 to 85 ms on a large file): in a thread,
        after the first paint, on a connection of its own. A failure is shown when it comes."""
        if self.bestand is not None:
            self.run_worker(self.bestand.maak_dagkopie, thread=True, group="dagkopie", exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "dagkopie" and event.state is WorkerState.SUCCESS and event.worker.result:
            self.notify(event.worker.result, title="Geen reservekopie", severity="warning", timeout=15)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self._laatste_invoer = time.monotonic()
        await super().on_event(event)

    def _scherm_gewisseld(self, _scherm: Screen) -> None:
        """A closed screen is a heap of reference cycles (widgets, styles, the lines they drew): the
        export screen some 60,000 objects. Left to the collector, the collection that frees them
        lands in whatever key comes next and holds it up 50-150 ms; it is run here instead, once
        the user has paused (`RUST`)."""
        vorige = self._vorig_scherm() if self._vorig_scherm else None
        self._vorig_scherm = weakref.ref(self.screen)
        # A closed dialog leaves little; it waits for `_ruim_op`.
        if vorige is not None and not isinstance(vorige, ModalScreen) and vorige not in self.screen_stack and self._opruimer is None:
            self._opruimer = self.set_timer(RUST, self._na_sluiten)
        if not self._invoer_geladen and _schrijft(self.screen):
            self._invoer_geladen = True
            # Once the form is drawn: loading pydantic in a thread shares the interpreter with
            # the drawing, and held the first form up some 20 ms.
            self.screen.call_after_refresh(self.run_worker, self._laad_invoer, thread=True, group="invoer", exit_on_error=False)

    def ruim_op_na_rust(self) -> None:
        """As after a closed screen (`_scherm_gewisseld`): much became garbage at once (the meeting
        screen showing another meeting), collected once the user has paused, not in a later key."""
        if self._opruimer is None:
            self._opruimer = self.set_timer(RUST, self._na_sluiten)

    def _bezig(self) -> bool:
        """A thread is building something (an export): a collection now would walk all it made so far."""
        return any(w._thread_worker and w.state is WorkerState.RUNNING for w in self.workers)

    def _na_sluiten(self) -> None:
        rust = time.monotonic() - self._laatste_invoer
        if rust < RUST or self._bezig():
            self._opruimer = self.set_timer(max(RUST - rust, 0.05), self._na_sluiten)
            return
        self._opruimer = None
        vergeet_kijkers(self)
        gc.collect()

    def _ruim_op(self) -> None:
        """Twice a second: the full collection Python would have started by now (`VOL_NA`), run
        when no key has come for a while, instead of in the middle of the next one."""
        if gc.isenabled() and gc.get_count()[2] >= VOL_NA and time.monotonic() - self._laatste_invoer >= LANGE_RUST and not self._bezig():
            gc.collect()

    def _laad_invoer(self) -> None:
        """Nothing on the way to the first screen imports pydantic (tests/app/test_importhygiene.py):
        rows read back are plain dataclasses, and what enters is checked with pydantic at the
        first write. It costs 6-10 MB once imported (figure 5 of tests/bench/snelheid.py) and
        some 150 ms to import, so it is loaded in a thread when a screen that writes opens: the
        form is there at once, and the models are ready by the time it is filled in."""
        import opslag.invoermodellen  # noqa: F401  (builds the input models)

    def _onthoud(self) -> None:
        from opslag.instellingen import onthoud_bestand

        if self.pad is not None:
            onthoud_bestand(self.pad)

    def open_bestand(self, pad: Path) -> bool:
        """Open `pad` and show its framework; on failure say why and keep the current screen."""
        try:
            bestand = Gemeentebestand.open(pad, dagkopie_later=True)
        except TripartietFout as fout:
            if self.bestand is None and self.pad is not None:
                self.foutmelding = str(fout)
                self.exit(return_code=1)
            else:
                self.notify(str(fout), title="Bestand niet geopend", severity="error", timeout=10)
            return False
        if self.bestand is not None:
            self.bestand.sluit()
        self.bestand = bestand
        self.pad = pad
        from opslag import notulen

        if self._geschilderd:  # else `_onthoud` remembers it, after the first paint
            from opslag.instellingen import onthoud_bestand

            onthoud_bestand(pad)
            self.call_after_refresh(self._maak_dagkopie)
        self.sub_title = f"{bestand.gemeente().naam} — {pad.name}"
        for waarschuwing in bestand.waarschuwingen:
            self.notify(waarschuwing, title="Let op", severity="warning", timeout=30)
        if bestand.alleen_lezen:
            self.notify(
                f"Alleen-lezen: {bestand.alleen_lezen}. U kunt lezen en exporteren, niet wijzigen.",
                title="Alleen-lezen", severity="warning", timeout=15,
            )
        laatste = notulen.laatste_overleg(bestand)
        # Each screen's module only when it is shown: importing the other costs start-up time.
        if laatste:
            from tui.schermen.overleg import OverlegScherm

            self.switch_or_push(OverlegScherm(bestand, laatste.id))
        else:
            from tui.schermen.kader import KaderScherm

            self.switch_or_push(KaderScherm(bestand))
        return True

    def switch_or_push(self, scherm: Screen) -> None:
        if len(self.screen_stack) > 1:
            self.switch_screen(scherm)
        else:
            self.push_screen(scherm)

    def ga_naar_subthema(self, nummer: str) -> None:
        if isinstance(self.screen, ToontSubthema):
            self.screen.toon_subthema(nummer)

    def toon_overleg(self, overleg_id: int) -> None:
        from tui.schermen.overleg import OverlegScherm

        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.switch_or_push(OverlegScherm(self.bestand, overleg_id))

    def action_scherm(self, actie: str) -> None:
        """Run an action of the current screen from the palette, or say why it cannot be done here."""
        methode = getattr(self.screen, f"action_{actie}", None)
        if methode is None:
            self.notify("Dat kan alleen tijdens een overleg; kies of maak eerst een overleg (w).", severity="warning")
            return
        methode()

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder="Zoek een opdracht of subthema…", id="--command-palette"))

    def action_toetsen(self) -> None:
        from tui.schermen.toetsen import ToetsenScherm

        if not isinstance(self.screen, ToetsenScherm):
            self.push_screen(ToetsenScherm(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand("Toetsen", "Toon of verberg alle toetsen van dit scherm", self.action_toetsen)
        yield SystemCommand("Kleuren", "Kies een ander kleurenschema", self.action_change_theme)
        yield SystemCommand("Afsluiten", "Sluit Tripartiet af; alles is al bewaard", self.action_quit)

    def _onbewaarde_teksten(self, met_concepten: bool) -> list[str]:
        """Try once more to save every note and every open form's draft; what still is not in the
        file, as texts to keep elsewhere (a draft of a read-only file only when the app is stopped)."""
        from tui.schermen.formulier import Formulier

        teksten = []
        for scherm in self.screen_stack:
            if isinstance(scherm, BewaartNotitie) and not scherm.bewaar_notitie():
                teksten.append(scherm.onbewaarde_notitie())
            if isinstance(scherm, Formulier):
                bewaard = scherm.bewaar_concept()
                if (not bewaard or (met_concepten and scherm.bestand.alleen_lezen)) and (concept := scherm.concepttekst()):
                    teksten.append(concept)
        return [t for t in teksten if t]

    def action_quit(self) -> None:
        """Quit, but not past a note that failed to save (NIET BEWAARD) without asking."""
        teksten = self._onbewaarde_teksten(met_concepten=False)
        if not teksten:
            self.exit()
            return
        from tui.schermen.niet_bewaard import NietBewaardScherm

        if not isinstance(self.screen, NietBewaardScherm):
            self.push_screen(NietBewaardScherm("\n".join(teksten), self.pad))

    def noodstop(self) -> None:
        """The terminal is closed (SIGHUP) or the system stops us (SIGTERM): save what can be saved,
        put what cannot (a failed note, a form not completed) in a text file beside the municipality
        file, close the file and stop. There is no one left to ask."""
        try:
            teksten = self._onbewaarde_teksten(met_concepten=True)
            if teksten and self.pad is not None:
                from opslag.redding import bewaar_los

                bewaar_los(self.pad, "\n".join(teksten))
        finally:
            if self.bestand is not None:
                self.bestand.sluit()
                self.bestand = None
            self.exit(return_code=1)

    def _handle_exception(self, error: Exception) -> None:
        """A file that fails under our hands (drive gone, disk full) is a message, not a crash."""
        import sqlite3

        from opslag.fouten import BeschadigdBestand, beschadiging

        beschadigd = beschadiging(error)
        if isinstance(error, BeschadigdBestand) or beschadigd:
            # What the file holds cannot be read: going on would show a blank or half screen.
            # Stop, and let the command line say why once the terminal is back (tui.cli._start).
            self.foutmelding = str(error) if beschadigd is None else (
                f"{self.pad}: het bestand is beschadigd: {beschadigd}. Gebruik 'tripartiet herstel'."
            )
            # Not exit(): when the app's own handler failed, its queue no longer takes messages.
            self._return_code = 1
            self._close_messages_no_wait()
            return
        if isinstance(error, (TripartietFout, sqlite3.Error)):
            from opslag.bestand import vertaal_schrijffout

            melding = str(error) if isinstance(error, TripartietFout) else vertaal_schrijffout(error)
            self.notify(melding, title="Niet gelukt", severity="error", timeout=15)
            return
        super()._handle_exception(error)

    def on_unmount(self) -> None:
        if self.bestand is not None:
            self.bestand.sluit()


def _schrijft(scherm: Screen) -> bool:
    """A form or the attendance screen: a screen that writes what it checks with pydantic. Either
    module is imported before its screen can be shown, so neither is imported here."""
    formulier = sys.modules.get("tui.schermen.formulier")
    aanwezigheid = sys.modules.get("tui.schermen.aanwezigheid")
    return (formulier is not None and isinstance(scherm, formulier.Formulier)) or (
        aanwezigheid is not None and isinstance(scherm, aanwezigheid.AanwezigheidScherm)
    )
