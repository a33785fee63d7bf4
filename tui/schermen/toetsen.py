"""F1: every key of the current screen, in Dutch, grouped by where it works."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Label, Static

from tui.schermen.dialoog import Dialoog


# Key names as the README and the help lines write them; Textual writes 'esc', 'del', 'f1'.
_NAMEN = {"esc": "Esc", "del": "Del", "tab": "Tab", "space": "spatie", "pgup": "PgUp", "pgdn": "PgDn",
          "home": "Home", "end": "End", "insert": "Ins"}


def toetsnaam(tekst: str) -> str:
    """'esc' -> 'Esc', 'f1' -> 'F1', 'shift+tab' -> 'shift+Tab': the key of a display Textual made
    (the modifiers stay as Textual writes them, '^' for ctrl). The app's footer and F1 both use it."""
    *modifiers, toets = tekst.split("+") if tekst != "+" else [tekst]
    if toets[:1] == "f" and toets[1:].isdigit():
        toets = toets.upper()
    return "+".join([*modifiers, _NAMEN.get(toets, toets)])


def toetsen_van(app: App, binding: Binding) -> str:
    """The keys of a binding as the footer shows them, each of them: 'Esc, h'. A binding's own
    key_display names one of its keys (the footer shows only that); here it replaces the key it
    names, or the first."""
    namen = [app.get_key_display(Binding(k.strip(), "")) for k in binding.key.split(",")]
    if binding.key_display:
        eigen = binding.key_display.casefold()
        plek = next((i for i, naam in enumerate(namen) if naam.casefold() == eigen), 0)
        namen[plek] = binding.key_display
    return ", ".join(dict.fromkeys(namen))


def _eigen_groep(klasse: type) -> str | None:
    """The heading for a widget's own keys: the BINDING_GROUP_TITLE it sets itself, as Textual's
    key panel shows it. Only our own widgets: Textual's describe their keys in English ('Input'),
    and one of ours inherits that title from the Textual widget it extends."""
    if not klasse.__module__.startswith("tui."):
        return None
    return vars(klasse).get("BINDING_GROUP_TITLE")


def _eigen_bindingen(klasse: type) -> list[Binding]:
    return [b for b in klasse.__dict__.get("BINDINGS", []) if isinstance(b, Binding) and b.description]


def _scherm_bindingen(klasse: type) -> list[Binding]:
    """A screen's keys with those of our own classes it builds on (a form's Esc and ctrl+s are
    Formulier's, F1 is Dialoog's), its own first; a key bound again below wins, as in Textual."""
    bindingen: list[Binding] = []
    gezien: set[str] = set()
    for basis in klasse.__mro__:
        if not basis.__module__.startswith("tui."):
            continue
        for binding in _eigen_bindingen(basis):
            if binding.key not in gezien:
                gezien.add(binding.key)
                bindingen.append(binding)
    return bindingen


class ToetsenScherm(Dialoog[None]):
    BINDINGS = [Binding("escape,f1", "sluit", "Sluiten", id="sluiten")]

    def __init__(self, scherm: Screen) -> None:
        super().__init__()
        self.scherm = scherm

    def kader(self) -> Widget:
        return VerticalScroll(classes="dialoogkader")

    def inhoud(self) -> ComposeResult:
        yield Label("Toetsen van dit scherm (Esc of F1: sluiten)", id="titel", classes="dialoogtitel")
        if uitleg := getattr(self.scherm, "UITLEG", ""):
            yield Static(uitleg, id="uitleg", markup=False)
        yield Static(self._tabel())

    def _tabel(self) -> Group:
        groepen: dict[str, list[Binding]] = {"Overal op dit scherm": _scherm_bindingen(type(self.scherm))}
        gezien: set[type] = set()
        for widget in self.scherm.query("*"):
            klasse = type(widget)
            if klasse in gezien or (titel := _eigen_groep(klasse)) is None:
                continue
            gezien.add(klasse)
            groepen.setdefault(titel, []).extend(_eigen_bindingen(klasse))
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
                toetsen = toetsen_van(self.app, binding)
                beschrijvingen = regels.setdefault(toetsen, [])
                if binding.description not in beschrijvingen:
                    beschrijvingen.append(binding.description)
            for toetsen, beschrijvingen in regels.items():
                tabel.add_row(Text(toetsen), Text(" / ".join(beschrijvingen)))
        return Group(*delen)
