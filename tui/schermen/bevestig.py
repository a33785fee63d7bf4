"""A yes/no question before something is deleted."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from tui.weergave import letterlijk


class BevestigScherm(ModalScreen[bool]):
    DEFAULT_CSS = """
    BevestigScherm { align: center middle; background: $background 60%; }
    BevestigScherm > Vertical { width: 60; max-width: 100%; height: auto; border: thick $error; background: $surface; padding: 1 2; }
    BevestigScherm #vraag { width: 100%; }
    BevestigScherm #keuze { width: 100%; color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [
        Binding("j,y,enter", "antwoord(True)", "Ja", id="ja"),
        Binding("n,escape", "antwoord(False)", "Nee", id="nee"),
    ]

    def __init__(self, vraag: str) -> None:
        super().__init__()
        self.vraag = vraag

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(letterlijk(self.vraag, regels=True), id="vraag")  # quotes stored text
            yield Label("j of Enter: ja, verwijderen   n of Esc: nee", id="keuze")

    def action_antwoord(self, ja: bool) -> None:
        self.dismiss(ja)
