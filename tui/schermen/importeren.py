"""Bring in an existing uitvoeringsagenda (CSV or Markdown) from the app: a path, a period, then
Enter to check (the dry run, or the report of every bad row and cell) and Enter again to store.

Nothing is stored before the check was seen: changing the path or the period asks for a new check.
"""

from __future__ import annotations

import re
from pathlib import Path

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import events
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Select, Static

from opslag import datums, perioden
from opslag.bestand import Gemeentebestand
from opslag.fouten import TripartietFout
from tui.schermen.dialoog import Dialoog, enter_is_van
from tui.schermen.formulier import Veld
from tui.widgets.veilig import Invoer
from tui.weergave import letterlijk
from tui.widgets.keuze import Keuze

_VAST = 13  # lines of the dialog around the report: frame, title, fields, help line

HULP_CONTROLEREN = "Enter: controleren   Esc: sluiten"
HULP_IMPORTEREN = "Enter: importeren   Esc: sluiten   (wijzigt u iets, dan wordt er opnieuw gecontroleerd)"


def periodes(bestand: Gemeentebestand) -> list[str]:
    """The file's agendas and the two-year periods of its framework."""
    return [p.periode for p in perioden.perioden(bestand)] or [perioden.volgende_periode(bestand).periode]


# What a line of the report hangs its continuation under: a code (AF-001), a subtheme number (1.1,
# 2.1.3) or the line of a bad cell ('regel 7,'), after the line's own indent.
_KENMERK = re.compile(r"( *)(AF-\d+ +|\d+(?:\.\d+)+ +|regel \d+, +)?")


def ingesprongen(tekst: str) -> Group:
    """The report with every line that wraps continuing under its text, not at the left edge:
    a long actielijn or error message read as a new item. Quotes the file: never markup."""
    delen: list[Text | Table] = []
    for regel in tekst.split("\n"):  # not splitlines: a control character in a cell is shown, not a break
        kop = _KENMERK.match(regel).group()
        if not kop:
            delen.append(letterlijk(regel))
            continue
        tabel = Table.grid()
        tabel.add_column(no_wrap=True, min_width=len(kop))
        tabel.add_column(ratio=1, overflow="fold")
        tabel.add_row(letterlijk(kop), letterlijk(regel[len(kop):]))
        delen.append(tabel)
    return Group(*delen)


class ImporteerScherm(Dialoog[int | None]):
    """Returns the number of agreements stored, or None when closed without importing."""

    BINDINGS = [
        Binding("escape", "sluit", "Sluiten", key_display="Esc", id="sluiten"),
        Binding("enter", "verder", "Controleren", priority=True, id="verder"),
    ]
    UITLEG = (
        "Kies het bestand (CSV uit Excel, of de Markdown van een export) en de uitvoeringsagenda. Enter controleert: "
        "u ziet wat er opgeslagen wordt, of elke fout met regel en kolom. Enter nog eens slaat alles in één keer op."
    )

    def __init__(self, bestand: Gemeentebestand) -> None:
        super().__init__()
        self.bestand = bestand
        self._gecontroleerd: tuple[Path, str] | None = None  # what the shown check was for, when it can be stored
        self._buiten_kader: str | None = None  # the period outside the framework the user chose explicitly
        self.rapport = ""  # the report as plain text, one line per item (the screen wraps it)

    def inhoud(self) -> ComposeResult:
        yield Label("Uitvoeringsagenda importeren", classes="dialoogtitel")
        yield Veld("Bestand", Invoer(id="pad", placeholder="bijvoorbeeld uitvoeringsagenda.csv"),
                   hulp="CSV of Markdown; een naam zonder map: naast het gemeentebestand")
        keuzes = periodes(self.bestand)
        with Horizontal(id="periodes"):
            yield Veld("Uitvoeringsagenda", Keuze([(p, p) for p in keuzes], id="periode", allow_blank=False,
                                                   value=self._standaard(keuzes)))
            yield Veld("of een andere periode", Invoer(id="andere", placeholder="bijvoorbeeld 2030-2031"))
        with VerticalScroll(id="uitkomst"):
            yield Static("", id="verslag")
        yield Label(HULP_CONTROLEREN, id="hulp", classes="dialooghulp")

    @staticmethod
    def _standaard(keuzes: list[str]) -> str:
        jaar = datums.vandaag().year
        return next((p for p in keuzes if int(p[:4]) <= jaar <= int(p[5:])), keuzes[0])

    def on_mount(self) -> None:
        self.query_one("#pad", Invoer).focus()
        self._pas_in(self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self._pas_in(event.size.height)

    def _pas_in(self, hoogte: int) -> None:
        """The report gets what the fields and the line saying what Enter does leave over: at
        24 lines that line (which says Enter now stores) would otherwise fall off the dialog."""
        self.query_one("#uitkomst", VerticalScroll).styles.max_height = max(3, min(16, hoogte - _VAST))

    def on_input_changed(self, _: Input.Changed) -> None:
        self._opnieuw()

    def on_select_changed(self, _: Select.Changed) -> None:
        self._opnieuw()

    def _opnieuw(self) -> None:
        if self._gecontroleerd is not None:
            self._gecontroleerd = None
            self.query_one("#hulp", Label).update(HULP_CONTROLEREN)

    def _keuze(self) -> tuple[Path, str] | None:
        tekst = self.query_one("#pad", Invoer).value.strip().strip('"')
        if not tekst:
            self._toon("Vul het bestand in: de tabel als CSV (uit Excel) of als Markdown.")
            return None
        pad = Path(tekst).expanduser()
        if not pad.is_absolute():
            pad = self.bestand.pad.parent / pad
        periode = self.query_one("#andere", Invoer).value.strip() or str(self.query_one("#periode", Select).value)
        return pad, periode

    def _toon(self, tekst: str) -> None:
        self.rapport = tekst
        self.query_one("#verslag", Static).update(ingesprongen(tekst))
        self.query_one("#uitkomst", VerticalScroll).scroll_home(animate=False)

    def action_verder(self) -> None:
        if enter_is_van(self.focused):
            raise SkipAction()
        keuze = self._keuze()
        if keuze is None:
            return
        from opslag import importeren  # pydantic: only when importing

        pad, periode = keuze
        buiten_kader = self._buiten_kader == periode
        try:
            if self._gecontroleerd == keuze:
                voorstel = importeren.importeer(self.bestand, pad, periode, buiten_kader)
                self.app.notify(voorstel.gedaan(), title="Geïmporteerd")
                self.dismiss(len(voorstel.afspraken))
                return
            voorstel = importeren.controleer(self.bestand, pad, periode, buiten_kader)
        except perioden.BuitenKader as fout:
            self._gecontroleerd = None
            self._toon(str(fout))
            self._vraag_buiten_kader(periode, str(fout))
            return
        except TripartietFout as fout:
            self._gecontroleerd = None
            self._toon(str(fout))
            return
        if voorstel.in_orde:
            self._gecontroleerd = keuze
            self._toon("\n".join(["Gecontroleerd; er is nog niets opgeslagen. Dit wordt opgeslagen:", *voorstel.overzicht()]))
            self.query_one("#hulp", Label).update(HULP_IMPORTEREN)
        else:
            self._toon("\n".join(voorstel.rapport()))

    def _vraag_buiten_kader(self, periode: str, melding: str) -> None:
        """As `tripartiet importeer --buiten-kader`: a period outside the framework only when asked."""
        from tui.schermen.bevestig import BevestigScherm

        def gekozen(ja: bool | None) -> None:
            if ja:
                self._buiten_kader = periode
                self.action_verder()

        vraag = melding.removesuffix(" Er is niets geïmporteerd.") + f"\n\nToch importeren in {periode}, buiten het kader?"
        self.app.push_screen(BevestigScherm(vraag, ja=f"ja, {periode} buiten het kader"), gekozen)
