"""Choose a person from a list: the one a duplicate or misspelled person is merged into."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.schermen.dialoog import Dialoog
from tui.weergave import letterlijk


class KiesPersoon(Dialoog[int | None]):
    BINDINGS = [Binding("escape", "sluit", "Sluiten", key_display="Esc", id="sluiten")]

    def __init__(self, titel: str, keuzes: list[tuple[str, int]]) -> None:
        super().__init__()
        self.titel = titel
        self.keuzes = keuzes

    def inhoud(self) -> ComposeResult:
        yield Label(letterlijk(self.titel), id="titel", classes="dialoogtitel")  # names a stored person
        yield OptionList(*(Option(letterlijk(tekst), id=str(i)) for tekst, i in self.keuzes), id="keuzes")
        yield Label("Enter: kiezen   Esc: sluiten", classes="dialooghulp")

    def on_mount(self) -> None:
        lijst = self.query_one(OptionList)
        lijst.highlighted = 0 if self.keuzes else None
        lijst.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id))
