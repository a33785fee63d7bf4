"""Writing the export screen's document to a file: Markdown at once, Word, ODT and PDF in a thread
(a long document takes seconds); an existing file is only replaced after a yes. The file name's
extension and the format choice follow each other."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Input, Label, Select

from opslag import export
from opslag.bestand import Gemeentebestand
from opslag.fouten import TripartietFout
from opslag.omzetten import FORMATEN, formaat_voor
from tui.schermen.bevestig import BevestigScherm
from tui.schermen.export_document import Document
from tui.weergave import letterlijk

HULP = "ctrl+s of Enter in de bestandsnaam: opslaan   Esc: terug"
FORMAATKEUZES = [("Markdown", "md"), ("Word (.docx)", "docx"), ("ODT (.odt)", "odt"), ("PDF", "pdf")]


class OverschrijfVraag(BevestigScherm):
    """The yes/no question of BevestigScherm, worded for replacing a file."""

    def inhoud(self) -> ComposeResult:
        yield Label(letterlijk(self.vraag), id="vraag")  # quotes a file name
        yield Label("j of Enter: ja, vervangen   n of Esc: nee", id="keuze", classes="dialooghulp")


class Opslaan(Screen[None]):
    """The writing half of the export screen (tui.schermen.export, which builds what is written):
    its `tekst` and `document` to the file named in #bestandsnaam, in the format chosen in #formaat."""

    bestand: Gemeentebestand
    bezig: bool  # the document is being built
    tekst: str
    document: Document | None
    omzetten_bezig = False  # a Word/ODT/PDF file is being made in a thread

    @on(Input.Submitted, "#bestandsnaam")
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_opslaan()

    @property
    def formaat(self) -> str:
        return self.query_one("#formaat", Select).value  # type: ignore[return-value]

    @on(Select.Changed, "#formaat")
    def _ander_formaat(self) -> None:
        """The file name's extension follows the chosen format (a name without one of ours gets it added)."""
        invoer = self.query_one("#bestandsnaam", Input)
        naam = invoer.value.strip()
        if not naam:
            return
        pad = Path(naam)
        stam = naam[: -len(pad.suffix)] if pad.suffix.lower().lstrip(".") in FORMATEN else naam
        nieuw = f"{stam}.{self.formaat}"
        if nieuw != naam:
            invoer.value = nieuw

    @on(Input.Changed, "#bestandsnaam")
    def _andere_naam(self, event: Input.Changed) -> None:
        """And the format follows a typed extension of ours."""
        achtervoegsel = Path(event.value.strip()).suffix.lower().lstrip(".")
        if achtervoegsel in FORMATEN and achtervoegsel != self.formaat:
            self.query_one("#formaat", Select).value = achtervoegsel

    def doelpad(self) -> Path:
        pad = Path(self.query_one("#bestandsnaam", Input).value.strip()).expanduser()
        return pad if pad.is_absolute() else self.bestand.pad.parent / pad

    def action_opslaan(self) -> None:
        if self.bezig:
            self.notify("Het document wordt nog opgebouwd; probeer het zo opnieuw.", title="Niet opgeslagen", severity="warning")
            return
        if self.omzetten_bezig:
            self.notify("Het vorige bestand wordt nog gemaakt; probeer het zo opnieuw.", title="Niet opgeslagen", severity="warning")
            return
        if not self.tekst:
            self.notify("Er is niets om op te slaan.", title="Niet opgeslagen", severity="error")
            return
        if not self.query_one("#bestandsnaam", Input).value.strip():
            self.notify("Geef een bestandsnaam op.", title="Niet opgeslagen", severity="error")
            self.query_one("#bestandsnaam", Input).focus()
            return
        pad = self.doelpad()
        try:
            export.controleer_doel(pad, self.bestand.pad)
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
            formaat = formaat_voor(pad, self.formaat)
            gemaakt = self.document.gemaakt if self.document and self.document.gemaakt else export.Export(self.tekst, "")
            if formaat == "md":  # a few milliseconds: written at once, as it always was
                doel = export.schrijf_document(pad, gemaakt, formaat, self.bestand.pad)
            else:
                export.controleer_doel(pad, self.bestand.pad)  # refused before any conversion
                self.omzetten_bezig = True
                self.query_one("#hulp", Label).update(f"Bezig met het maken van {letterlijk(pad.name)} ({formaat.upper()})…")
                self._zet_om(pad, gemaakt, formaat)
                return
        except TripartietFout as fout:
            self.notify(str(fout), title="Niet opgeslagen", severity="error", timeout=10)
            return
        self.notify(f"Opgeslagen als {doel}", title="Geëxporteerd")

    @work(thread=True, exclusive=True, group="omzetten", exit_on_error=False, description="omzetten")
    def _zet_om(self, pad: Path, gemaakt: export.Export, formaat: str) -> None:
        """Convert and write in a thread (pandoc, for PDF also typst: up to seconds); the outcome
        is told through the app, so also when the screen was left meanwhile."""
        try:
            doel, fout = export.schrijf_document(pad, gemaakt, formaat, self.bestand.pad), ""
        except TripartietFout as uitzondering:
            doel, fout = pad, str(uitzondering)
        try:
            self.app.call_from_thread(self._omgezet, doel, fout)
        except RuntimeError:  # the app has ended meanwhile: nobody left to tell
            pass

    def _omgezet(self, doel: Path, fout: str) -> None:
        self.omzetten_bezig = False
        if self.is_mounted:
            self.query_one("#hulp", Label).update(HULP)
        if fout:
            self.app.notify(fout, title="Niet opgeslagen", severity="error", timeout=10)
        else:
            self.app.notify(f"Opgeslagen als {doel}", title="Geëxporteerd")
