"""Base of every form: a modal screen with labelled fields, inline Dutch errors, Escape to close.

A form is completed with Enter (or ctrl+s from a multi-line field); only then is anything written.
Escape keeps what was typed as a draft that the same form offers again next time, so nothing
typed is thrown away.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, TypeVar

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Label, Select, SelectionList, TextArea

from opslag.fouten import OngeldigeInvoer, TripartietFout
from tui.app import TripartietApp
from tui.schermen.dialoog import Dialoog
from tui.weergave import letterlijk

if TYPE_CHECKING:
    from opslag.bestand import Gemeentebestand

T = TypeVar("T")


class Veld(Vertical):
    """A label, the input widget and the place for its error message."""

    DEFAULT_CSS = """
    Veld { height: auto; margin-bottom: 1; }
    Veld > .veldnaam { color: $text-muted; }
    Veld > .veldfout { color: $text-error; display: none; width: 100%; }
    Veld.fout > .veldfout { display: block; }
    Veld.fout > Input, Veld.fout > Select, Veld.fout > TextArea, Veld.fout > SelectionList { background: $error 25%; }
    """

    def __init__(self, naam: str, invoer: Widget, verplicht: bool = False, hulp: str = "") -> None:
        super().__init__(id=f"veld-{invoer.id}")
        self.naam = naam + (" *" if verplicht else "")
        self.invoer = invoer
        self.hulp = hulp
        if hasattr(invoer, "compact"):
            invoer.compact = True  # a form must fit 80x24: one line per input, not three

    def compose(self) -> ComposeResult:
        yield Label(self.naam + (f"  ({self.hulp})" if self.hulp else ""), classes="veldnaam")
        yield self.invoer
        yield Label("", classes="veldfout")

    def toon_fout(self, melding: str | None) -> None:
        self.set_class(bool(melding), "fout")
        self.query_one(".veldfout", Label).update(letterlijk(melding or ""))  # may quote the input


class Formulier(Dialoog[T | None], Generic[T]):
    BINDINGS = [
        Binding("escape", "annuleer", "Sluiten", key_display="Esc", id="sluiten"),
        Binding("ctrl+s", "vastleggen", "Vastleggen", id="vastleggen"),
    ]
    TITEL = "Formulier"
    app = getters.app(TripartietApp)  # keeps the drafts (`concepten`)

    def __init__(self, bestand: Gemeentebestand, concept_sleutel: str | None = None) -> None:
        super().__init__()
        self.bestand = bestand
        self.concept_sleutel = concept_sleutel or type(self).__name__

    # --- to implement -------------------------------------------------------------------

    def velden(self) -> ComposeResult:
        raise NotImplementedError

    def vastleggen(self) -> T:
        """Read and check the fields, write through opslag, and return the stored model.

        Raises OngeldigeInvoer(veld, melding) for a field that is not right; `veld` is the id of
        its input widget.
        """
        raise NotImplementedError

    # --- machinery ----------------------------------------------------------------------

    def kader(self) -> Widget:
        return Vertical(id="formulier", classes="dialoogkader")

    def inhoud(self) -> ComposeResult:
        yield Label(letterlijk(self.TITEL), id="formuliertitel", classes="dialoogtitel")
        with VerticalScroll(id="velden", can_focus=False):
            yield from self.velden()
        yield Label("Enter of ctrl+s: vastleggen   Esc: sluiten (uw invoer blijft bewaard als concept)", id="formulierhulp", classes="dialooghulp")

    def vul(self) -> None:
        """Prefill the fields (an edit, or sensible defaults); called once on mount."""

    def on_mount(self) -> None:
        self.vul()
        self.onthoud_beginwaarden()
        concept = self.app.concepten.pop(self.concept_sleutel, None)
        if concept:
            self.zet_waarden(concept)
            self.notify("Uw eerdere, niet vastgelegde invoer is teruggezet.", title="Concept")

    def waarden(self) -> dict[str, Any]:
        waarden: dict[str, Any] = {}
        for widget in self.query("Input, TextArea, Select, SelectionList"):
            if widget.id is None:
                continue
            if isinstance(widget, Input):
                waarden[widget.id] = widget.value
            elif isinstance(widget, TextArea):
                waarden[widget.id] = widget.text
            elif isinstance(widget, Select):
                waarden[widget.id] = widget.value
            elif isinstance(widget, SelectionList):
                waarden[widget.id] = list(widget.selected)
        return waarden

    def zet_waarden(self, waarden: dict[str, Any]) -> None:
        for sleutel, waarde in waarden.items():
            widgets = self.query(f"#{sleutel}")
            if not widgets:
                continue
            widget = widgets.first()
            if isinstance(widget, Input):
                widget.value = waarde
            elif isinstance(widget, TextArea):
                widget.text = waarde
            elif isinstance(widget, Select):
                widget.value = waarde
            elif isinstance(widget, SelectionList):
                widget.deselect_all()
                for item in waarde:
                    widget.select(item)

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_vastleggen()

    def action_vastleggen(self) -> None:
        for veld in self.query(Veld):
            veld.toon_fout(None)
        try:
            resultaat = self.vastleggen()
        except OngeldigeInvoer as fout:
            velden = self.query(f"#veld-{fout.veld}")
            if velden:
                velden.first(Veld).toon_fout(str(fout))
                velden.first(Veld).invoer.focus()
            else:
                self.notify(str(fout), title="Niet vastgelegd", severity="error")
            return
        except TripartietFout as fout:
            self.notify(str(fout), title="Niet vastgelegd", severity="error", timeout=10)
            return
        self.dismiss(resultaat)

    def action_annuleer(self) -> None:
        waarden = self.waarden()
        if waarden != getattr(self, "_beginwaarden", None):
            self.app.concepten[self.concept_sleutel] = waarden
        self.dismiss(None)

    def concepttekst(self) -> str | None:
        """What was typed but not completed, one 'field: value' a line, to keep outside the app
        when it is stopped with this form open; None when nothing was changed."""
        begin = getattr(self, "_beginwaarden", {})
        regels = []
        for sleutel, waarde in self.waarden().items():
            if waarde == begin.get(sleutel) or not waarde:
                continue
            velden = self.query(f"#veld-{sleutel}")
            regels.append(f"{velden.first(Veld).naam if velden else sleutel}: {waarde}")
        return f"{self.TITEL} (niet vastgelegd)\n" + "\n".join(regels) + "\n" if regels else None

    def onthoud_beginwaarden(self) -> None:
        self._beginwaarden = self.waarden()
