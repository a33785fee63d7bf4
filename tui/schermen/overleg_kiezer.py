"""Choose another meeting of this file, or start a new one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from opslag import notulen
from opslag.bestand import Gemeentebestand
from opslag.datums import toon_datum
from opslag.modellen import Overleg
from tui.schermen.dialoog import Dialoog
from tui.weergave import letterlijk

NIEUW = "nieuw"


class OverlegLijst(OptionList):
    """The meetings, newest first, read a page at a time as the highlight or the view nears the
    end of what is read. A file with a thousand meetings spent most of the time to open the
    chooser building every row and measuring its height, to show twenty."""

    PAGINA = 40

    def __init__(self, bestand: Gemeentebestand, huidig: int | None, *, id: str) -> None:  # noqa: A002
        self.bestand = bestand
        self.huidig = huidig
        self.gelezen = 0
        self.alles_gelezen = False
        super().__init__(Option("+ Nieuw overleg", id=NIEUW), *self._pagina(), id=id)

    def _pagina(self, *, alles: bool = False) -> list[Option]:
        if self.alles_gelezen:
            return []
        aantal = None if alles else self.PAGINA
        overleggen = notulen.overleggen_nieuwste_eerst(self.bestand, aantal, self.gelezen)
        self.gelezen += len(overleggen)
        self.alles_gelezen = aantal is None or len(overleggen) < aantal
        return [Option(letterlijk(self._regel(overleg)), id=str(overleg.id)) for overleg in overleggen]

    def lees_verder(self, *, alles: bool = False) -> None:
        if opties := self._pagina(alles=alles):
            self.add_options(opties)

    def _regel(self, overleg: Overleg) -> str:
        teken = "▶ " if overleg.id == self.huidig else "  "
        tekst = f"{teken}{toon_datum(overleg.datum)}  {overleg.soort.value} overleg"
        return f"{tekst} — {overleg.plaats}" if overleg.plaats else tekst

    def _bijna_aan_het_eind(self, regel: float) -> None:
        if not self.alles_gelezen and regel >= self.option_count - self.PAGINA // 2:
            self.lees_verder()

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if highlighted is not None:
            self._bijna_aan_het_eind(highlighted)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._bijna_aan_het_eind(new_value + self.size.height)  # the mouse wheel moves no highlight

    def action_last(self) -> None:
        self.lees_verder(alles=True)  # End means the oldest meeting, not the last one read so far
        super().action_last()


class OverlegKiezer(Dialoog[int | str | None]):
    BINDINGS = [Binding("escape", "sluit", "Sluiten", key_display="Esc", id="sluiten")]

    def __init__(self, bestand: Gemeentebestand, huidig: int | None = None) -> None:
        super().__init__()
        self.bestand = bestand
        self.huidig = huidig

    def inhoud(self) -> ComposeResult:
        yield Label("Wissel van overleg", id="titel", classes="dialoogtitel")
        yield OverlegLijst(self.bestand, self.huidig, id="overleggen")

    def on_mount(self) -> None:
        lijst = self.query_one(OverlegLijst)
        lijst.highlighted = 1 if lijst.option_count > 1 else 0
        lijst.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        keuze = event.option.id
        self.dismiss(NIEUW if keuze == NIEUW else int(keuze))
