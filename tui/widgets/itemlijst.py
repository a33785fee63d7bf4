"""Agreements, decisions or actions of an agenda item: Enter edits, Delete removes, g marks done.

A list with nothing to choose is passed over by Tab; a list that gets focus shows its first row
highlighted, so a key acts at once on what is seen; a key that cannot act says why.

Each option's id is its key, 'soort:id' (afspraak, besluit or actiepunt); the list says which key
the minute-taker wants changed, the screen decides what that means. The list comes with its
heading (`kop`), which the screen places above it: a container around the two would cost a layout
pass on every step to the next item."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.widgets.lettertoetsen import LETTERTOETSEN


class ItemLijst(OptionList):
    BINDING_GROUP_TITLE = "In de lijsten met afspraken, besluiten en acties"
    BINDINGS = [
        Binding("enter", "bewerk", "Wijzigen", id="wijzigen"),
        Binding("delete,x", "verwijder", "Verwijderen", key_display="Del", id="verwijderen"),
        Binding("g", "gereed", "Gereed", id="gereed"),
        *LETTERTOETSEN,
    ]

    @dataclass
    class Bewerken(Message):
        sleutel: str

    @dataclass
    class Verwijderen(Message):
        sleutel: str

    @dataclass
    class Gereed(Message):
        sleutel: str

    def __init__(self, kop: str = "", *, id: str) -> None:  # noqa: A002
        super().__init__(id=id, classes="items")
        self.kop = Label(kop, id=f"{id}kop", classes="kop")

    def toon(self, regels: Sequence[tuple[str | None, Text]], leeg: str, *, zichtbaar: bool = True, kop: str | None = None) -> None:
        """Lines as (key, text); a line without a key is a remark that cannot be chosen."""
        self.display = self.kop.display = zichtbaar
        if kop is not None:
            self.kop.update(kop)
        vorige = self.highlighted
        self.clear_options()
        self.can_focus = any(sleutel for sleutel, _ in regels)
        if regels:
            self.add_options([Option(tekst, id=sleutel, disabled=sleutel is None) for sleutel, tekst in regels])
            if vorige is not None:
                self.highlighted = min(vorige, len(regels) - 1)  # stay in place after a form or a deletion
            elif self.has_focus:
                self._kies_eerste()
        else:
            self.add_option(Option(Text(leeg, style="italic"), disabled=True))

    def on_focus(self) -> None:
        if self.highlighted is None:
            self._kies_eerste()

    def _kies_eerste(self) -> None:
        self.highlighted = next((i for i, optie in enumerate(self.options) if not optie.disabled), None)

    def _sleutel(self, wat: str) -> str | None:
        """The highlighted row's key; None, and the minute-taker told why, when there is none."""
        sleutel = None if self.highlighted is None else self.get_option_at_index(self.highlighted).id
        if sleutel is None:
            leeg = not any(not optie.disabled for optie in self.options)
            self.notify(
                f"Er is hier niets om te {wat}: deze lijst is leeg." if leeg
                else f"Kies eerst een regel met de pijltjes om die te {wat}.",
                severity="warning", timeout=4,
            )
        return sleutel

    def action_bewerk(self) -> None:
        if sleutel := self._sleutel("wijzigen"):
            self.post_message(self.Bewerken(sleutel))

    def action_verwijder(self) -> None:
        if sleutel := self._sleutel("verwijderen"):
            self.post_message(self.Verwijderen(sleutel))

    def action_gereed(self) -> None:
        if sleutel := self._sleutel("gereed te melden"):
            self.post_message(self.Gereed(sleutel))
