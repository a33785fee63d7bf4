"""The Tripartiet app: opens one municipality file and hosts the screens that work on it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from opslag.bestand import Gemeentebestand
from opslag.fouten import TripartietFout
from tui.palet import SubthemaOpdrachten


class TripartietApp(App[None]):
    TITLE = "Tripartiet"
    CSS_PATH = "app.tcss"
    COMMANDS = {SubthemaOpdrachten}
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
        # Drafts of forms closed with Escape, offered again when the same form reopens.
        self.concepten: dict[str, dict] = {}

    def on_mount(self) -> None:
        if self.pad is None:
            from tui.schermen.start import StartScherm

            self.push_screen(StartScherm())
        else:
            self.open_bestand(self.pad)

    def open_bestand(self, pad: Path) -> bool:
        """Open `pad` and show its framework; on failure say why and keep the current screen."""
        try:
            bestand = Gemeentebestand.open(pad)
        except TripartietFout as fout:
            if self.bestand is None and self.pad is not None:
                self.foutmelding = str(fout)
                self.exit()
            else:
                self.notify(str(fout), title="Bestand niet geopend", severity="error", timeout=10)
            return False
        if self.bestand is not None:
            self.bestand.sluit()
        self.bestand = bestand
        self.pad = pad
        from opslag.recent import onthoud_bestand
        from tui.schermen.kader import KaderScherm

        onthoud_bestand(pad)
        self.sub_title = f"{bestand.gemeente().naam} — {pad.name}"
        self.switch_or_push(KaderScherm())
        return True

    def switch_or_push(self, scherm: Screen) -> None:
        if len(self.screen_stack) > 1:
            self.switch_screen(scherm)
        else:
            self.push_screen(scherm)

    def ga_naar_subthema(self, nummer: str) -> None:
        methode = getattr(self.screen, "toon_subthema", None)
        if methode is not None:
            methode(nummer)

    def action_toetsen(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand("Toetsen", "Toon of verberg alle toetsen van dit scherm", self.action_toetsen)
        yield SystemCommand("Kleuren", "Kies een ander kleurenschema", self.action_change_theme)
        yield SystemCommand("Afsluiten", "Sluit Tripartiet af; alles is al bewaard", self.action_quit)

    def on_unmount(self) -> None:
        if self.bestand is not None:
            self.bestand.sluit()
