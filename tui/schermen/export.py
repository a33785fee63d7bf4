"""The export screen: the uitvoeringsagenda or the minutes as Markdown, previewed, then written to a file.

The preview shows the document as a Markdown renderer shows it (CommonMark with tables, the same
rules the export guarantees its structure under) and as source. The file name is proposed in the
folder of the municipality file; an existing file is only replaced after a yes. The file is
Markdown, Word, ODT or PDF (the format choice and the file name's extension follow each other);
Word, ODT and PDF are converted in a thread, as a long document takes seconds (the writing half is
tui.schermen.export_opslaan, the built document tui.schermen.export_document).
"""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.worker import get_current_worker
from textual.widgets._markdown import MarkdownBlock  # not exported by Textual; pinned at 8.2.8
from textual.widgets import Checkbox, Header, Input, Label, Markdown, Select, Static, TabbedContent, TabPane, TextArea

from opslag import export, notulen
from opslag.bestand import Gemeentebestand
from opslag.fouten import TripartietFout
from opslag.tekst import zichtbaar
from tui.widgets.voettekst import Voettekst
from tui.schermen.gestyled import EersteKeerGestyled
from tui.weergave import letterlijk
from tui.lekken import na_draad
from tui.widgets.veilig import Invoer, Tekstvak
from tui.widgets.vinkje import Vinkje
from tui.schermen.export_document import Document, Sleutel, bouw_document, sleutel
from tui.schermen.export_opslaan import FORMAATKEUZES, HULP, Opslaan, OverschrijfVraag  # noqa: F401  (OverschrijfVraag: tests)
from tui.widgets.voorbeeld import Voorbeeld, kap, parser, tokens

# The source tab likewise: a TextArea takes a second for two megabytes (100x the realistic file).
BRON_MAXIMUM = 200_000
# The preview is mounted a step at a time, each about this many source lines, so that no step
# holds up the keyboard; the first step already fills the screen. Steps stop when this many
# screens lie ready below the view and go on as it scrolls: a preview of thousands of widgets
# makes every layout, and removing it, slow.
STAP_REGELS = 40
# The first step is smaller: it only has to fill the view, and until it is drawn the screen
# shows the old document or 'bezig' (a step of tables takes some 100 ms on a loaded machine).
EERSTE_STAP_REGELS = 12
VOORRAAD_SCHERMEN = 2


class ExportScherm(EersteKeerGestyled, Opslaan):
    """Opens at once; the document is built in a thread and the preview mounted a step at a time.
    Once it is shown, the other documents are built ahead, so that choosing one shows it at once."""

    class Gebouwd(Message):
        """A build finished (from a worker thread): `document`, or `fout` when it could not be made;
        `ronde` 0 for one built ahead."""

        def __init__(self, ronde: int, sleutel: Sleutel, document: Document | None, fout: str = "") -> None:
            super().__init__()
            self.ronde = ronde
            self.sleutel = sleutel
            self.document = document
            self.fout = fout

    AUTO_FOCUS = "#bestandsnaam"  # else Textual focuses the document choice first, and on_mount moves it

    BINDINGS = [
        Binding("ctrl+s", "opslaan", "Opslaan", priority=True, id="opslaan"),
        Binding("escape", "terug", "Terug", key_display="Esc", id="terug"),
    ]

    def __init__(self, bestand: Gemeentebestand, overleg_id: int | None = None, soort: export.Soort | None = None) -> None:
        super().__init__()
        self.bestand = bestand
        self.overleg_id = overleg_id
        self.gekozen_soort = soort
        self.tekst = ""  # the whole document, as the file gets it; "" while building or after a failure
        self.document: Document | None = None
        self.getoond: Document | None = None  # whose first part the preview shows
        self._gevuld: Document | None = None  # what the preview's fill is mounting
        self._gebouwd_: dict[Sleutel, Document] = {}  # every document built while the screen is open
        self._vooruit = False  # the other documents are being or have been built ahead
        self.bezig = True
        self._ronde = 0  # which build the screen waits for; results of older ones are dropped
        self._naam_voorstellen = False
        self._keuze: tuple[str, dict[str, object]] | None = None  # what the latest build is for
        self._voorbeeld_verouderd = False
        self._bron_verouderd = False
        self._verder = asyncio.Event()  # set when the preview scrolls, or its fill should stop
        self._vulslot = asyncio.Lock()
        self._vulronde = 0  # the fill that may go on; older ones stop at their next step
        self.omzetten_bezig = False  # a Word/ODT/PDF file is being made in a thread

    # --- building -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        bestand = self.bestand
        if self.overleg_id is None:
            laatste = notulen.laatste_overleg(bestand)
            self.overleg_id = laatste.id if laatste else None
        self.periode: str | None = None
        if self.overleg_id is not None:
            self.overleg = notulen.overleg(bestand, self.overleg_id)
            self.periode = next((a.periode for a in notulen.uitvoeringsagendas(bestand) if a.id == self.overleg.agenda_id), None)
        self.aanleiding = export.Aanleiding(
            self.overleg_id, self.overleg.datum if self.overleg_id is not None else None, self.periode
        )
        # The documents and their options come from the export registry (opslag.export.soorten).
        soorten = [(soort, titel) for soort in export.SOORTEN.values() if (titel := soort.titel(self.aanleiding)) is not None]
        keuzes: list[tuple[Text, str]] = [(letterlijk(titel), soort.naam) for soort, titel in soorten]
        self._soorten = [soort.naam for soort, _ in soorten]
        soort = self.gekozen_soort
        if soort not in {s.naam for s, _ in soorten}:
            soort = next((s.naam for s, _ in soorten if s.over_overleg), soorten[0][0].naam)

        yield Header()
        with Horizontal(id="keuzes"):
            yield Select(keuzes, value=soort, allow_blank=False, id="document", compact=True)
            for optie in export.vinkjes():
                yield Vinkje(optie.vinkje, id=optie.naam, compact=True)
        with TabbedContent(id="tabs"):
            with TabPane("Voorbeeld", id="voorbeeld"):
                with VerticalScroll(id="voorbeeldvak"):
                    yield Static("Bezig met het opbouwen van het document…", id="bezig")
                    yield Voorbeeld(id="weergave", parser_factory=parser, open_links=False)
            with TabPane("Markdown", id="bron"):
                yield Label("Hier staat het begin; het bestand krijgt het hele document.", id="bronnoot")
        with Horizontal(id="opslaanregel"):
            yield Label("Bestand:", id="bestandlabel")
            yield Invoer(id="bestandsnaam", compact=True)
            yield Select(FORMAATKEUZES, value="md", allow_blank=False, id="formaat", compact=True)
        yield Label(HULP, id="hulp")
        yield Voettekst()

    def on_resize(self) -> None:
        self._verder.set()

    def on_mount(self) -> None:
        vak = self.query_one("#voorbeeldvak", VerticalScroll)
        self.watch(vak, "scroll_y", lambda: self._verder.set(), init=False)
        self.vernieuw(naam_voorstellen=True)
        self.query_one("#bestandsnaam", Input).focus()

    @property
    def soort(self) -> export.Soort:
        return self.query_one("#document", Select).value  # type: ignore[return-value]

    # --- rendering ------------------------------------------------------------------------------

    def vernieuw(self, naam_voorstellen: bool = False) -> None:
        """Show the chosen document: one built before at once, else built in a thread, the screen
        saying 'bezig' until it is there."""
        eigen = {optie.naam for optie in export.SOORTEN[self.soort].opties}
        for optie in export.vinkjes():
            vinkje = self.query_one(f"#{optie.naam}", Checkbox)
            # Not shown with a document they are not for (the minutes have none): greyed out they
            # still read as choices, and at 80 columns the last did not fit.
            vinkje.display = optie.naam in eigen
            vinkje.disabled = not vinkje.display
        keuzes = self._keuzes(self.soort)
        # The Select reports its first value after mounting too: one export per choice, not two.
        if (self.soort, keuzes) == self._keuze:
            return
        self._keuze = (self.soort, keuzes)
        self._ronde += 1
        self._naam_voorstellen |= naam_voorstellen
        self.bezig = True
        self.tekst = ""
        self._stop_vullen()
        doel = sleutel(self.soort, keuzes)
        if doel in self._gebouwd_:
            # Built before or ahead: it replaces the one shown at once, without a 'bezig' between
            # (a layout and a paint, then the build in a thread: over 100 ms on the 100x file).
            self._gebouwd(self.Gebouwd(self._ronde, doel, self._gebouwd_[doel]))
            return
        self.getoond = None
        self.query_one("#bezig", Static).display = True
        self.query_one("#weergave", Markdown).display = False
        self._bouw(self._ronde, self.bestand.pad, doel, keuzes)

    def _keuzes(self, soort: export.Soort) -> dict[str, object]:
        """What the builder of `soort` gets: the options it takes from what the screen was opened
        on, and its checkboxes as they are."""
        return {
            optie.naam: getattr(self.aanleiding, optie.uit) if optie.uit else self.query_one(f"#{optie.naam}", Checkbox).value
            for optie in export.SOORTEN[soort].opties
        }

    @work(thread=True, exclusive=True, group="bouw", exit_on_error=False, description="document bouwen")
    @na_draad
    def _bouw(self, ronde: int, pad: Path, doel: Sleutel, keuzes: dict[str, object]) -> None:
        """Build in a thread; the result goes back as a message."""
        try:
            document = bouw_document(pad, doel[0], keuzes)
        except (TripartietFout, sqlite3.Error) as fout:
            self.post_message(self.Gebouwd(ronde, doel, None, str(fout)))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.Gebouwd(ronde, doel, document))

    def _bouw_vooruit(self) -> None:
        """The other kinds, with the options as they are now; once the first document's preview
        is filled as far as the view needs (a thread building beside a step of the preview made
        that step take twice as long)."""
        if self._vooruit:
            return
        self._vooruit = True
        doelen = [(sleutel(soort, keuzes), keuzes) for soort in self._soorten for keuzes in [self._keuzes(soort)]]
        self._bouw_alle(self.bestand.pad, [(doel, keuzes) for doel, keuzes in doelen if doel not in self._gebouwd_])

    @work(thread=True, exclusive=True, group="vooruit", exit_on_error=False, description="documenten vooruit bouwen")
    @na_draad
    def _bouw_alle(self, pad: Path, doelen: list[tuple[Sleutel, dict[str, object]]]) -> None:
        for doel, keuzes in doelen:
            if get_current_worker().is_cancelled:
                return
            try:
                self.post_message(self.Gebouwd(0, doel, bouw_document(pad, doel[0], keuzes)))
            except (TripartietFout, sqlite3.Error):
                pass  # chosen, it is built again, and then says why it failed

    @on(Gebouwd)
    def _gebouwd(self, bericht: Gebouwd) -> None:
        if bericht.document is not None:
            self._gebouwd_[bericht.sleutel] = bericht.document
        if bericht.ronde != self._ronde:
            return
        self.bezig = False
        if bericht.document is None:
            self.document, self.tekst = None, ""
            self._keuze = None  # choosing the same again tries again
            self.getoond = None
            self.query_one("#bezig", Static).display = False
            self.query_one("#weergave", Markdown).display = True
            self.query_one("#weergave", Markdown).update(f"**Niet gelukt:** {zichtbaar(bericht.fout)}")
            for bron in self.query("#broncode").results(TextArea):
                bron.load_text("")
            self._bron_verouderd = False
            return
        self.document = bericht.document
        self.tekst = self.document.tekst
        self._voorbeeld_verouderd = self._bron_verouderd = True
        if self.query_one("#tabs", TabbedContent).active == "voorbeeld":
            self.toon_voorbeeld()
        else:
            self.toon_bron()
        if self._naam_voorstellen:
            self._naam_voorstellen = False
            naam = export.voorgestelde_naam(self.bestand.gemeente().naam, self.soort, self.document.kenmerk, self.formaat)
            invoer = self.query_one("#bestandsnaam", Input)
            invoer.value = str(self.bestand.pad.parent / naam)
            # The name in view, not the start of its folder (at 80 columns): Textual puts the
            # cursor at the end of an Input's first value without scrolling there.
            invoer.action_home()
            invoer.action_end()

    def toon_bron(self) -> None:
        """Load the source tab; only when it is shown: 200 kB hold a TextArea up 50-100 ms."""
        if not self._bron_verouderd or self.document is None:
            return
        self._bron_verouderd = False
        tekst, gekapt = kap(self.tekst, BRON_MAXIMUM)
        if bron := next(iter(self.query("#broncode").results(TextArea)), None):
            bron.load_text(tekst)
        else:  # made when first shown: a TextArea was a tenth of the screen's first view
            self.query_one("#bron", TabPane).mount(
                Tekstvak(tekst, id="broncode", read_only=True, soft_wrap=False, show_line_numbers=True), before="#bronnoot"
            )
        self.query_one("#bronnoot", Label).display = gekapt

    def toon_voorbeeld(self) -> None:
        """Render the preview; only when it is visible, as it is the slow part."""
        if not self._voorbeeld_verouderd or self.document is None:
            return
        self._voorbeeld_verouderd = False
        self._stop_vullen()
        self._vul(self.document, self._vulronde)

    def _stop_vullen(self) -> None:
        """Let a fill in progress end at its next step. Not by cancelling its worker: a removal or
        mount cancelled half-way left widgets that never handled their messages again."""
        self._vulronde += 1
        self._verder.set()

    # A description of its own: else Textual names the worker after the repr of its arguments,
    # and that of the document (its text, thousands of tokens) held every preview up 15 ms.
    @work(group="voorbeeld", description="voorbeeld vullen")
    async def _vul(self, document: Document, ronde: int) -> None:
        """Mount the preview's blocks STAP_REGELS source lines at a time, letting the screen draw
        and keys through between steps (Markdown.update mounts 200 blocks at once), and only as
        far as the view has come."""
        async with self._vulslot:  # the previous fill has ended, removals and mounts complete
            if ronde != self._vulronde:
                return
            self._gevuld = document
            weergave = self.query_one("#weergave", Voorbeeld)
            bezig = self.query_one("#bezig", Static)
            vak = self.query_one("#voorbeeldvak", VerticalScroll)
            vak.scroll_home(animate=False)
            weergave._markdown = document.voorbeeld  # what `source` gives, as Markdown.update sets it
            weergave._table_of_contents = None
            weergave._theme = self.app.theme
            stap: list[MarkdownBlock] = []
            regels = 0
            gemonteerd = False
            for blok in weergave._parse_markdown(tokens(document.voorbeeld)):
                stap.append(blok)
                regels += blok.source_range[1] - blok.source_range[0]
                if regels >= (STAP_REGELS if gemonteerd else EERSTE_STAP_REGELS):
                    if not await self._monteer(weergave, bezig, stap, ronde, eerst_leeg=not gemonteerd):
                        return
                    gemonteerd = True
                    stap, regels = [], 0
                    voorraad = (VOORRAAD_SCHERMEN + 1) * vak.size.height
                    while ronde == self._vulronde and vak.virtual_size.height > vak.scroll_y + voorraad:
                        self._bouw_vooruit()
                        self._verder.clear()
                        await self._verder.wait()
                    if ronde != self._vulronde:
                        return  # a new document: building the next step of this one held its build up
            if await self._monteer(weergave, bezig, stap, ronde, eerst_leeg=not gemonteerd):
                self._bouw_vooruit()

    async def _monteer(self, weergave: Voorbeeld, bezig: Static, stap: list[MarkdownBlock], ronde: int, eerst_leeg: bool = False) -> bool:
        """Mount one step (the first after removing what the preview showed) and wait until it is
        drawn; False when a newer fill has taken over (the next fill's first step removes)."""
        if ronde != self._vulronde:
            return False
        # The old document's blocks go and the new one's first come in one layout and paint:
        # apart, the emptied preview was laid out and drawn between them (some 15 ms on the 100x file).
        with self.app.batch_update():
            if eerst_leeg:
                await weergave.remove_children()
            if stap:
                await weergave.mount_all(stap)
            self.getoond = self._gevuld
            if not weergave.display:
                bezig.display = False
                weergave.display = True
        getekend = asyncio.get_running_loop().create_future()
        self.call_after_refresh(lambda: getekend.done() or getekend.set_result(None))
        await getekend
        await asyncio.sleep(0.005)  # keys that came in while drawing go first
        return True

    @on(TabbedContent.TabActivated, "#tabs")
    def _ander_tabblad(self) -> None:
        self._verder.set()  # the preview's view is back: see whether it needs more
        if self.query_one("#tabs", TabbedContent).active == "voorbeeld":
            self.toon_voorbeeld()
        else:
            self.toon_bron()

    @on(Select.Changed, "#document")
    def _ander_document(self) -> None:
        self.vernieuw(naam_voorstellen=True)

    @on(Checkbox.Changed)
    def _andere_optie(self) -> None:
        self.vernieuw()

    def action_terug(self) -> None:
        self.app.pop_screen()
