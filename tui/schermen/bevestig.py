"""A yes/no question before something is deleted or merged."""

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

    def __init__(self, vraag: str, ja: str = "ja, verwijderen") -> None:
        super().__init__()
        self.vraag = vraag
        self.ja = ja

    def inhoud(self) -> ComposeResult:
        yield Label(letterlijk(self.vraag, regels=True), id="vraag")  # quotes stored text
        yield Label(f"j of Enter: {self.ja}   n of Esc: nee", id="keuze", classes="dialooghulp")

    def action_antwoord(self, ja: bool) -> None:
        self.dismiss(ja)
