"""The export screen: the uitvoeringsagenda or the minutes as Markdown, previewed, then written to a file.

The preview shows the document as a Markdown renderer shows it (CommonMark with tables, the same
rules the export guarantees its structure under) and as source. The file name is proposed in the
folder of the municipality file; an existing file is only replaced after a yes.
"""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt
from rich import box
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Checkbox, Header, Input, Label, Markdown, Select, Static, TabbedContent, TabPane, TextArea
from textual.widgets._markdown import MarkdownTable  # not exported by Textual; pinned at 8.2.8

from opslag import export, notulen
from opslag.datums import toon_datum
from opslag.fouten import TripartietFout
from opslag.tekst import zichtbaar
from tui.widgets.voettekst import Voettekst
from tui.schermen.bevestig import BevestigScherm
from tui.weergave import letterlijk
from tui.widgets.veilig import Invoer, Tekstvak

# Textual's Markdown widget takes about a second per 20 kB; past this size the preview shows the
# beginning only (the file always gets everything). A realistic file's documents fit.
VOORBEELD_MAXIMUM = 60_000


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


class VoorbeeldTabel(MarkdownTable):
    """A table as one Rich table instead of a widget per cell: twice as fast, and long cells wrap
    instead of being cut off with '…'.

    The cells are plain text (escaped user text), so nothing of their Markdown is lost; they go in
    as Text, never as strings, which Rich would read as markup ('[b]' in a note).
    """

    DEFAULT_CSS = "VoorbeeldTabel { height: auto; } VoorbeeldTabel > Static { width: 100%; }"

    def compose(self) -> ComposeResult:
        koppen, rijen = self._get_headers_and_rows()
        tabel = Table(box=box.ROUNDED, expand=True, header_style="bold")
        for i, kop in enumerate(koppen):
            # Short columns (numbers, dates, codes) as wide as their text; long texts share the rest.
            langste = max([len(kop.plain), *(len(rij[i].plain) for rij in rijen if i < len(rij))])
            tabel.add_column(letterlijk(kop.plain), ratio=1 if langste > 30 else None)
        for rij in rijen:
            tabel.add_row(*(letterlijk(cel.plain) for cel in rij))
        yield Static(tabel)


class Voorbeeld(Markdown):
    """The export as a renderer shows it: CommonMark with tables, links not followed."""

    BLOCKS = {**Markdown.BLOCKS, "table_open": VoorbeeldTabel}


class OverschrijfVraag(BevestigScherm):
    """The yes/no question of BevestigScherm, worded for replacing a file."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(letterlijk(self.vraag), id="vraag")  # quotes a file name
            yield Label("j of Enter: ja, vervangen   n of Esc: nee", id="keuze")


class ExportScherm(Screen[None]):
    BINDINGS = [
        Binding("ctrl+s", "opslaan", "Opslaan", priority=True, id="opslaan"),
        Binding("escape", "terug", "Terug", key_display="Esc", id="terug"),
    ]

    def __init__(self, overleg_id: int | None = None, soort: export.Soort | None = None) -> None:
        super().__init__()
        self.overleg_id = overleg_id
        self.gekozen_soort = soort
        self.tekst = ""
        self._voorbeeld_verouderd = False

    # --- building -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        bestand = self.app.bestand
        if self.overleg_id is None:
            laatste = notulen.laatste_overleg(bestand)
            self.overleg_id = laatste.id if laatste else None
        self.periode: str | None = None
        if self.overleg_id is not None:
            self.overleg = notulen.overleg(bestand, self.overleg_id)
            self.periode = next((a.periode for a in notulen.uitvoeringsagendas(bestand) if a.id == self.overleg.agenda_id), None)
        keuzes: list[tuple[Text, str]] = [(letterlijk(f"Uitvoeringsagenda {self.periode or ''}".strip()), "uitvoeringsagenda")]
        if self.overleg_id is not None:
            keuzes.append((letterlijk(f"Verslag van het overleg van {toon_datum(self.overleg.datum)}"), "verslag"))
        soort = self.gekozen_soort or ("verslag" if self.overleg_id is not None else "uitvoeringsagenda")
        if soort not in {waarde for _, waarde in keuzes}:
            soort = "uitvoeringsagenda"

        yield Header()
        with Horizontal(id="keuzes"):
            yield Select(keuzes, value=soort, allow_blank=False, id="document", compact=True)
            yield Checkbox("Kolom Status", id="status", compact=True)
            yield Checkbox("Regionaal kader citeren", id="kader", compact=True)
        with TabbedContent(id="tabs"):
            with TabPane("Voorbeeld", id="voorbeeld"):
                with VerticalScroll(id="voorbeeldvak"):
                    yield Voorbeeld(id="weergave", parser_factory=_parser, open_links=False)
            with TabPane("Markdown", id="bron"):
                yield Tekstvak(id="broncode", read_only=True, soft_wrap=False, show_line_numbers=True)
        with Horizontal(id="opslaanregel"):
            yield Label("Bestand:", id="bestandlabel")
            yield Invoer(id="bestandsnaam", compact=True)
        yield Label("ctrl+s of Enter in de bestandsnaam: opslaan   Esc: terug", id="hulp")
        yield Voettekst()

    def on_mount(self) -> None:
        self.vernieuw(naam_voorstellen=True)
        self.query_one("#bestandsnaam", Input).focus()

    @property
    def soort(self) -> export.Soort:
        return self.query_one("#document", Select).value  # type: ignore[return-value]

    # --- rendering ------------------------------------------------------------------------------

    def vernieuw(self, naam_voorstellen: bool = False) -> None:
        bestand = self.app.bestand
        verslag = self.soort == "verslag"
        for optie in ("#status", "#kader"):
            self.query_one(optie, Checkbox).disabled = verslag
        try:
            if verslag:
                self.tekst = export.exporteer_verslag(bestand, self.overleg_id)
                kenmerk = self.overleg.datum.isoformat()
            else:
                self.tekst = export.exporteer_uitvoeringsagenda(
                    bestand,
                    self.periode,
                    met_status=self.query_one("#status", Checkbox).value,
                    met_kader=self.query_one("#kader", Checkbox).value,
                )
                kenmerk = self.periode or export.kies_agenda(bestand)[1]
        except TripartietFout as fout:
            self.tekst = ""
            self.query_one("#weergave", Markdown).update(f"**Niet gelukt:** {zichtbaar(fout)}")
            self.query_one("#broncode", TextArea).load_text("")
            return
        self.query_one("#broncode", TextArea).load_text(self.tekst)
        self._voorbeeld_verouderd = True
        if self.query_one("#tabs", TabbedContent).active == "voorbeeld":
            self.toon_voorbeeld()
        if naam_voorstellen:
            naam = export.voorgestelde_naam(bestand.gemeente().naam, self.soort, kenmerk)
            self.query_one("#bestandsnaam", Input).value = str(bestand.pad.parent / naam)

    def toon_voorbeeld(self) -> None:
        """Render the preview; only when it is visible, as it is the slow part."""
        if not self._voorbeeld_verouderd:
            return
        self._voorbeeld_verouderd = False
        voorbeeld = self.tekst
        if len(voorbeeld) > VOORBEELD_MAXIMUM:
            einde = voorbeeld.rfind("\n\n", 0, VOORBEELD_MAXIMUM)
            voorbeeld = voorbeeld[: einde if einde > 0 else VOORBEELD_MAXIMUM]
            voorbeeld += "\n\n---\n\nHet voorbeeld toont het begin; het bestand krijgt het hele document.\n"
        # The export keeps balanced bidi controls (see opslag.markdown_tekst); on screen they are shown.
        self.query_one("#weergave", Markdown).update(zichtbaar(voorbeeld, regels=True))

    @on(TabbedContent.TabActivated, "#tabs")
    def _ander_tabblad(self) -> None:
        if self.query_one("#tabs", TabbedContent).active == "voorbeeld":
            self.toon_voorbeeld()

    @on(Select.Changed, "#document")
    def _ander_document(self) -> None:
        self.vernieuw(naam_voorstellen=True)

    @on(Checkbox.Changed)
    def _andere_optie(self) -> None:
        self.vernieuw()

    # --- writing --------------------------------------------------------------------------------

    @on(Input.Submitted, "#bestandsnaam")
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_opslaan()

    def doelpad(self) -> Path:
        pad = Path(self.query_one("#bestandsnaam", Input).value.strip()).expanduser()
        return pad if pad.is_absolute() else self.app.bestand.pad.parent / pad

    def action_opslaan(self) -> None:
        if not self.tekst:
            self.notify("Er is niets om op te slaan.", title="Niet opgeslagen", severity="error")
            return
        if not self.query_one("#bestandsnaam", Input).value.strip():
            self.notify("Geef een bestandsnaam op.", title="Niet opgeslagen", severity="error")
            self.query_one("#bestandsnaam", Input).focus()
            return
        pad = self.doelpad()
        try:
            export.controleer_doel(pad, self.app.bestand.pad)
        except TripartietFout as fout:
            self.notify(str(fout), title="Niet opgeslagen", severity="error", timeout=10)
            return
        if pad.exists():

            def na(ja: bool | None) -> None:
                if ja:
                    self.schrijf(pad)

            self.app.push_screen(OverschrijfVraag(f"{pad.name} bestaat al in {pad.parent}. Vervangen door deze export?"), na)
            return
        self.schrijf(pad)

    def schrijf(self, pad: Path) -> None:
        try:
            doel = export.schrijf_export(pad, self.tekst, self.app.bestand.pad)
        except TripartietFout as fout:
            self.notify(str(fout), title="Niet opgeslagen", severity="error", timeout=10)
            return
        self.notify(f"Opgeslagen als {doel}", title="Geëxporteerd")

    def action_terug(self) -> None:
        self.app.pop_screen()
