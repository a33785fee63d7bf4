"""Base of every form: a modal screen with labelled fields, inline Dutch errors, Escape to close.

A form is completed with Enter (from any field but a multi-line one, where ctrl+s does it); only
then is anything written to the minutes. What was typed meanwhile is a draft, kept in the file
(`opslag.concepten`) at most half a second after the first unsaved change and when the form
closes, and offered again when the same form opens for the same item: quitting, a crash or a
killed terminal loses at most half a second of it. A read-only file keeps drafts in the app.
"""

from __future__ import annotations

import datetime as dt
from contextlib import suppress
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from textual import getters, on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual, visualize
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, SelectionList, TextArea

from opslag.concepten import bewaar_concept, concept, verwijder_concept
from opslag.fouten import OngeldigeInvoer, TripartietFout
from tui.app import TripartietApp
from tui.schermen.dialoog import Dialoog, enter_is_van
from tui.weergave import letterlijk

if TYPE_CHECKING:
    from opslag.bestand import Gemeentebestand

T = TypeVar("T")

BEWAAR_NA = 0.5  # seconds after the first unsaved change, as for notes: not a debounce
HULP = "Enter: vastleggen   Esc: sluiten (invoer blijft als concept bewaard)"
HULP_TEKSTVAK = "ctrl+s: vastleggen   Enter: nieuwe regel   Esc: sluiten (concept blijft)"


class _Naam(Visual):
    """A field's name on its first line, cut off at the field's width as a Label was."""

    def __init__(self, inhoud: Visual, stijl: Style) -> None:
        self.inhoud = inhoud
        self.stijl = stijl

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.inhoud.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        volle = max(self.inhoud.get_optimal_width(options.rules, width), 1)
        return [self.inhoud.render_strips(volle, 1, self.stijl, options)[0].crop(0, width)]


class Veld(Vertical):
    """The name, the input widget and the place for its error message.

    The name is drawn by the field itself on its first line, above the input (which has a top
    margin for it): a Label there was a widget more per field, a tenth of a form's widgets."""

    COMPONENT_CLASSES = {"veld--naam"}
    DEFAULT_CSS = """
    Veld { height: auto; margin-bottom: 1; }
    Veld > .veld--naam { color: $text-muted; }
    Veld > .veldinvoer { margin-top: 1; }
    Veld > .veldfout { color: $text-error; display: none; width: 100%; }
    Veld.fout > .veldfout { display: block; }
    Veld.fout > Input, Veld.fout > Select, Veld.fout > TextArea, Veld.fout > SelectionList { background: $error 25%; }
    """

    def __init__(self, naam: str, invoer: Widget, verplicht: bool = False, hulp: str = "") -> None:
        super().__init__(id=f"veld-{invoer.id}")
        self.naam = naam + (" *" if verplicht else "")
        self.invoer = invoer
        self.hulp = hulp
        invoer.add_class("veldinvoer", update=False)
        if hasattr(invoer, "compact"):
            # A form must fit 80x24: one line per input, not three. Set as mounting will find it:
            # `invoer.compact = True` styles the unmounted widget at once, for nothing (a tenth
            # of opening a form), and it is styled again when it is mounted.
            invoer.add_class("-textual-compact", update=False)
            invoer.set_reactive(type(invoer).compact, True)
        # The classes these get with their first value, given now: set after mounting, each would
        # style the field again. No rule here or in Textual depends on '-valid'.
        if isinstance(invoer, Input) and not invoer.validators:
            invoer.add_class("-valid", update=False)
        elif isinstance(invoer, Checkbox) and invoer.value:
            invoer.add_class("-on", update=False)

    @property
    def naamregel(self) -> str:
        return self.naam + (f"  ({self.hulp})" if self.hulp else "")

    def render(self) -> Visual:
        return _Naam(visualize(self, self.naamregel, markup=True), self.get_visual_style("veld--naam"))  # as Label does

    def compose(self) -> ComposeResult:
        yield self.invoer
        # The place for an error message comes with the first error: most forms never show one,
        # and each widget on a form costs time when it opens.

    def toon_fout(self, melding: str | None) -> None:
        self.set_class(bool(melding), "fout")
        regel = self.query(".veldfout").first(Label) if self.query(".veldfout") else None
        if regel is None:
            if not melding:
                return
            regel = Label("", classes="veldfout")
            self.mount(regel)
        regel.update(letterlijk(melding or ""))  # may quote the input


class Naast(Horizontal):
    """Two fields side by side, a column apart.

    The left one is marked as it is composed: a `:first-child` rule would make Textual style
    every field (and all inside it) a second time after mounting, to check its place."""

    def __init__(self) -> None:
        super().__init__(classes="naast")

    def compose_add_child(self, widget: Widget) -> None:
        if not self._pending_children:
            widget.add_class("links", update=False)
        super().compose_add_child(widget)


class Formulier(Dialoog[T | None], Generic[T]):
    BINDINGS = [
        Binding("escape", "annuleer", "Sluiten", key_display="Esc", id="sluiten"),
        Binding("ctrl+s", "vastleggen", "Vastleggen", id="vastleggen"),
        # Priority: a closed dropdown would open itself and a checkbox list would toggle. The
        # action steps aside (SkipAction) where Enter means something else: a multi-line field,
        # an open dropdown, a button.
        Binding("enter", "enter", "Vastleggen", show=False, priority=True, id="enter_vastleggen"),
    ]
    TITEL = "Formulier"
    app = getters.app(TripartietApp)  # keeps the drafts of a read-only file (`concepten`)

    def __init__(self, bestand: Gemeentebestand, concept_sleutel: str | None = None) -> None:
        super().__init__()
        self.bestand = bestand
        self.concept_sleutel = concept_sleutel or type(self).__name__
        self._timer: Timer | None = None
        self._concept_in_bestand = False
        self._beginwaarden: dict[str, Any] = {}
        self._bewaard: dict[str, Any] | None = None  # the fields as the draft in the file holds them
        self._hulp = HULP

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
        yield Label(HULP, id="formulierhulp", classes="dialooghulp")

    def vul(self) -> None:
        """Prefill the fields (an edit, or sensible defaults); called once on mount."""

    def on_mount(self) -> None:
        self.vul()
        self._beginwaarden = self.waarden()
        self._bied_concept_aan()
        # Textual scrolls the first field into view before the fields have their height, which
        # hid the first field's name; once laid out, the form starts at its top.
        self.call_after_refresh(self.query_one("#velden", VerticalScroll).scroll_home, animate=False)

    def _bied_concept_aan(self) -> None:
        """Fill in the draft at once: the minute-taker reopened the form to go on where they were.
        The notification says so, and Esc with nothing changed keeps it for later."""
        if self.bestand.alleen_lezen:
            opgeslagen = self.app.concepten.get(self.concept_sleutel)
            waarden, tijd = (opgeslagen["velden"], opgeslagen["tijd"]) if opgeslagen else (None, None)
        else:
            gevonden = concept(self.bestand, self.concept_sleutel)
            waarden, tijd = (gevonden.velden, gevonden.bijgewerkt) if gevonden else (None, None)
            self._concept_in_bestand = gevonden is not None
        if not waarden:
            return
        self.zet_waarden(self._uit_json(waarden))
        self._bewaard = self.waarden()  # filled in, not typed: no new write, the draft keeps its time
        self.notify(f"Concept van {tijd:%H:%M} teruggezet.", title="Concept")

    def waarden(self) -> dict[str, Any]:
        waarden: dict[str, Any] = {}
        for widget in self.query("Input, TextArea, Select, SelectionList, Checkbox"):
            if widget.id is None or isinstance(widget.parent, Select):
                continue
            if isinstance(widget, Input):
                waarden[widget.id] = widget.value
            elif isinstance(widget, TextArea):
                waarden[widget.id] = widget.text
            elif isinstance(widget, Select):
                waarden[widget.id] = widget.value
            elif isinstance(widget, SelectionList):
                waarden[widget.id] = list(widget.selected)
            elif isinstance(widget, Checkbox):
                waarden[widget.id] = widget.value
        return waarden

    def zet_waarden(self, waarden: dict[str, Any]) -> None:
        for sleutel, waarde in waarden.items():
            widgets = self.query(f"#{sleutel}")
            if not widgets:
                continue
            widget = widgets.first()
            try:
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
                elif isinstance(widget, Checkbox):
                    widget.value = bool(waarde)
            except Exception:  # a draft naming a person or party removed since: leave the field as it is
                continue

    @staticmethod
    def _als_json(waarden: dict[str, Any]) -> dict[str, Any]:
        return {k: None if v is Select.NULL else v for k, v in waarden.items()}

    def _uit_json(self, waarden: dict[str, Any]) -> dict[str, Any]:
        selects = {s.id for s in self.query(Select)}
        return {k: Select.NULL if v is None and k in selects else v for k, v in waarden.items()}

    # --- the draft, saved while typing ------------------------------------------------------

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(SelectionList.SelectedChanged)
    @on(Checkbox.Changed)
    def _veranderd(self) -> None:
        if self._timer is None and self.is_mounted:
            self._timer = self.set_timer(BEWAAR_NA, self.bewaar_concept)

    def bewaar_concept(self) -> bool:
        """Keep what was typed as the draft (or drop the draft when the fields are as they began);
        False when it could not be written, and the form stays open for `concepttekst`."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self.is_mounted:
            return True
        waarden = self.waarden()
        ongewijzigd = waarden == self._beginwaarden
        if self.bestand.alleen_lezen:
            if ongewijzigd:
                self.app.concepten.pop(self.concept_sleutel, None)
            else:
                self.app.concepten[self.concept_sleutel] = {"velden": self._als_json(waarden), "tijd": dt.datetime.now()}
            return True
        if waarden == self._bewaard:
            return True
        try:
            if ongewijzigd:  # back to how the form began: the draft is thrown away
                if self._concept_in_bestand:
                    verwijder_concept(self.bestand, self.concept_sleutel)
                    self._concept_in_bestand = False
                    self._bewaard = None
                return True
            bewaar_concept(self.bestand, self.concept_sleutel, self._als_json(waarden), getattr(self, "overleg_id", None))
            self._concept_in_bestand = True
            self._bewaard = waarden
        except Exception:  # disk full, file gone: the text stays on screen and noodstop keeps it
            return False
        return True

    def _gooi_concept_weg(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.app.concepten.pop(self.concept_sleutel, None)
        if self._concept_in_bestand and not self.bestand.alleen_lezen:
            with suppress(Exception):  # the minutes are saved; a stale draft is only offered again
                verwijder_concept(self.bestand, self.concept_sleutel)

    # --- keys ---------------------------------------------------------------------------------

    def action_enter(self) -> None:
        if enter_is_van(self.focused):
            raise SkipAction()
        self.action_vastleggen()

    def on_descendant_focus(self, event: Any) -> None:
        """The hint says how this field is completed: Enter, or ctrl+s in a multi-line one. The
        whole field comes into view, its name and message with it, not only the input."""
        hulp = HULP_TEKSTVAK if isinstance(event.widget, TextArea) else HULP
        if hulp != self._hulp:  # the same text again would still lay the form out again
            self._hulp = hulp
            self.query_one("#formulierhulp", Label).update(hulp)
        veld = next((a for a in event.widget.ancestors if isinstance(a, Veld)), None)
        if veld is not None:
            # After Textual's own scroll to the input (which may centre it, or cut off its name).
            self.call_after_refresh(self._toon_veld, veld)

    def _toon_veld(self, veld: Veld) -> None:
        if veld.is_mounted and self.focused is not None and veld in self.focused.ancestors:
            self.query_one("#velden", VerticalScroll).scroll_to_widget(veld, animate=False)

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
        self._gooi_concept_weg()
        self.dismiss(resultaat)

    def action_annuleer(self) -> None:
        self.bewaar_concept()
        self.dismiss(None)

    def concepttekst(self) -> str | None:
        """What was typed but not completed, one 'field: value' a line, to keep outside the app
        when the draft could not be written to the file; None when nothing was changed."""
        begin = self._beginwaarden
        regels = []
        for sleutel, waarde in self.waarden().items():
            if waarde == begin.get(sleutel) or not waarde:
                continue
            velden = self.query(f"#veld-{sleutel}")
            regels.append(f"{velden.first(Veld).naam if velden else sleutel}: {waarde}")
        return f"{self.TITEL} (niet vastgelegd)\n" + "\n".join(regels) + "\n" if regels else None
