"""A yes/no question before something is deleted."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Label

from tui.schermen.dialoog import Dialoog
from tui.weergave import letterlijk


class BevestigScherm(Dialoog[bool]):
    BINDINGS = [
        Binding("j,y,enter", "antwoord(True)", "Ja", id="ja"),
        Binding("n,escape", "antwoord(False)", "Nee", id="nee"),
    ]

    def __init__(self, vraag: str) -> None:
        super().__init__()
        self.vraag = vraag

    def inhoud(self) -> ComposeResult:
        yield Label(letterlijk(self.vraag, regels=True), id="vraag")  # quotes stored text
        yield Label("j of Enter: ja, verwijderen   n of Esc: nee", id="keuze", classes="dialooghulp")

    def action_antwoord(self, ja: bool) -> None:
        self.dismiss(ja)
