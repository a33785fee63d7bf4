"""F1: every key of the current screen, in Dutch, grouped by where it works."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static

# Widgets of our own that carry keys; Textual's own widgets describe their keys in English.
_WAAR = {
    "AgendaLijst": "In de agenda (na Esc)",
    "ItemLijst": "In de lijsten met afspraken, besluiten en acties",
}


def _eigen_bindingen(klasse: type) -> list[Binding]:
    return [b for b in klasse.__dict__.get("BINDINGS", []) if isinstance(b, Binding) and b.description]


class ToetsenScherm(ModalScreen[None]):
    DEFAULT_CSS = """
    ToetsenScherm { align: center middle; background: $background 60%; }
    ToetsenScherm > VerticalScroll { width: 72; max-width: 100%; height: auto; max-height: 100%; border: thick $primary; background: $surface; padding: 0 1; }
    ToetsenScherm #titel { text-style: bold; color: $text-accent; }
    """
    BINDINGS = [Binding("escape,f1", "app.pop_screen", "Sluiten", id="sluiten")]

    def __init__(self, scherm: Screen) -> None:
        super().__init__()
        self.scherm = scherm

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Label("Toetsen van dit scherm (Esc of F1: sluiten)", id="titel")
            yield Static(self._tabel())

    def _tabel(self) -> Group:
        groepen: dict[str, list[Binding]] = {"Overal op dit scherm": _eigen_bindingen(type(self.scherm))}
        gezien: set[type] = set()
        for widget in self.scherm.query("*"):
            klasse = type(widget)
            if klasse in gezien or klasse.__name__ not in _WAAR:
                continue
            gezien.add(klasse)
            groepen.setdefault(_WAAR[klasse.__name__], []).extend(_eigen_bindingen(klasse))
        groepen.setdefault("Overal op dit scherm", []).extend(_eigen_bindingen(type(self.app)))
        delen: list = []
        for titel, bindingen in groepen.items():
            if not bindingen:
                continue
            tabel = Table.grid(padding=(0, 2))
            tabel.add_column(no_wrap=True, style="bold", min_width=8)
            tabel.add_column()
            delen += [Text(""), Text(titel, style="italic"), tabel]
            regels: dict[str, list[str]] = {}
            for binding in bindingen:
                toetsen = ", ".join(self.app.get_key_display(Binding(k.strip(), "")) for k in binding.key.split(","))
                beschrijvingen = regels.setdefault(toetsen, [])
                if binding.description not in beschrijvingen:
                    beschrijvingen.append(binding.description)
            for toetsen, beschrijvingen in regels.items():
                tabel.add_row(Text(toetsen), Text(" / ".join(beschrijvingen)))
        return Group(*delen)
