"""Choose another meeting of this file, or start a new one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from opslag import notulen
from opslag.bestand import Gemeentebestand
from opslag.datums import toon_datum
from tui.schermen.dialoog import Dialoog
from tui.weergave import letterlijk

NIEUW = "nieuw"


class OverlegKiezer(Dialoog[int | str | None]):
    BINDINGS = [Binding("escape", "sluit", "Sluiten", key_display="Esc", id="sluiten")]

    def __init__(self, bestand: Gemeentebestand, huidig: int | None = None) -> None:
        super().__init__()
        self.bestand = bestand
        self.huidig = huidig

    def inhoud(self) -> ComposeResult:
        yield Label("Wissel van overleg", id="titel", classes="dialoogtitel")
        yield OptionList(id="overleggen")

    def on_mount(self) -> None:
        lijst = self.query_one(OptionList)
        lijst.add_option(Option("+ Nieuw overleg", id=NIEUW))
        overleggen = notulen.overleggen(self.bestand)
        for overleg in reversed(overleggen):
            teken = "▶ " if overleg.id == self.huidig else "  "
            tekst = f"{teken}{toon_datum(overleg.datum)}  {overleg.soort.value} overleg"
            if overleg.plaats:
                tekst += f" — {overleg.plaats}"
            lijst.add_option(Option(letterlijk(tekst), id=str(overleg.id)))
        lijst.highlighted = 1 if overleggen else 0
        lijst.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        keuze = event.option.id
        self.dismiss(NIEUW if keuze == NIEUW else int(keuze))
