"""The agenda of a meeting: arrows walk through it, Enter goes back to typing; Del takes an item
off, alt+up and alt+down move it, v adds a free item."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import events, on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from opslag.notulen import PuntTelling
from tui.weergave import agendaregel
from tui.widgets.lettertoetsen import LETTERTOETSEN


class AgendaLijst(OptionList):
    BINDING_GROUP_TITLE = "In de agenda (na Esc)"
    BINDINGS = [
        Binding("enter", "select", "Typen", id="typ"),
        # Not in the Footer, where a/b/t must fit at 80 columns: F1 lists them, the palette has them too.
        Binding("v", "screen.vrij_punt", "Vrij agendapunt toevoegen", show=False, id="vrij_punt"),
        Binding("delete,x", "verwijder", "Punt van de agenda halen", key_display="Del", show=False, id="punt_verwijderen"),
        # alt+arrows reach the app in every terminal we tried, tmux included; ctrl+shift+arrows not in all.
        Binding("alt+up,ctrl+shift+up", "verplaats(-1)", "Punt omhoog", key_display="alt+↑", show=False, id="punt_omhoog"),
        Binding("alt+down,ctrl+shift+down", "verplaats(1)", "Punt omlaag", key_display="alt+↓", show=False, id="punt_omlaag"),
        *LETTERTOETSEN,
    ]

    @dataclass
    class Gekozen(Message):
        """The minute-taker moved to the item at `index`."""

        index: int

    @dataclass
    class Typen(Message):
        """Enter: back to the note of the chosen item."""

    @dataclass
    class Verwijderen(Message):
        """Take the item at `index` off the agenda."""

        index: int

    @dataclass
    class Verplaatsen(Message):
        """Move the item at `index` one place up (-1) or down (1)."""

        index: int
        richting: int

    def __init__(self, *, id: str) -> None:  # noqa: A002
        super().__init__(id=id)
        self._punten: Sequence[tuple[int, str, PuntTelling | None]] = []
        self._breedte = 0

    def _regelbreedte(self) -> int:
        """What a line may fill: the list's width minus the options' padding and the scrollbar."""
        padding = self.get_component_styles("option-list--option").padding
        return max(self.scrollable_content_region.width - padding.width - self._get_left_gutter_width(), 20)

    def toon(self, punten: Sequence[tuple[int, str, PuntTelling | None]], gekozen: int) -> None:
        """The items as (id, title, counts); titles fill the width the list has, now and after a resize."""
        self._punten = list(punten)
        self._breedte = self._regelbreedte() if self.size.width else 30
        self.clear_options()
        self.add_options(
            [Option(agendaregel(titel, telling, self._breedte), id=str(punt_id)) for punt_id, titel, telling in self._punten]
        )
        self.kies(gekozen)

    def on_resize(self, event: events.Resize) -> None:
        if self._punten and self._regelbreedte() != self._breedte:
            self.toon(self._punten, self.highlighted or 0)

    def kies(self, index: int) -> None:
        """Show `index` as the current item. Not a choice of the minute-taker, so no `Gekozen`:
        echoed back, a choice made meanwhile with the arrows would be undone."""
        with self.prevent(OptionList.OptionHighlighted):
            self.highlighted = index

    def action_verwijder(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Verwijderen(self.highlighted))

    def action_verplaats(self, richting: int) -> None:
        if self.highlighted is not None:
            self.post_message(self.Verplaatsen(self.highlighted, richting))

    @on(OptionList.OptionHighlighted)
    def _gekozen(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.Gekozen(event.option_index))

    @on(OptionList.OptionSelected)
    def _enter(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Typen())
