"""The agenda of a meeting: arrows walk through it, Enter goes back to typing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from opslag.notulen import PuntTelling
from tui.weergave import agendaregel
from tui.widgets.lettertoetsen import LETTERTOETSEN


class AgendaLijst(OptionList):
    BINDING_GROUP_TITLE = "In de agenda (na Esc)"
    BINDINGS = [Binding("enter", "select", "Typen", id="typ"), *LETTERTOETSEN]

    @dataclass
    class Gekozen(Message):
        """The minute-taker moved to the item at `index`."""

        index: int

    @dataclass
    class Typen(Message):
        """Enter: back to the note of the chosen item."""

    def toon(self, punten: Sequence[tuple[int, str, PuntTelling | None]], gekozen: int) -> None:
        """The items as (id, title, counts); titles are cut to the width the list has now."""
        breedte = max(self.scrollable_content_region.width - 2, 20) if self.size.width else 30
        self.clear_options()
        self.add_options([Option(agendaregel(titel, telling, breedte), id=str(punt_id)) for punt_id, titel, telling in punten])
        self.kies(gekozen)

    def kies(self, index: int) -> None:
        """Show `index` as the current item. Not a choice of the minute-taker, so no `Gekozen`:
        echoed back, a choice made meanwhile with the arrows would be undone."""
        with self.prevent(OptionList.OptionHighlighted):
            self.highlighted = index

    @on(OptionList.OptionHighlighted)
    def _gekozen(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.Gekozen(event.option_index))

    @on(OptionList.OptionSelected)
    def _enter(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Typen())
