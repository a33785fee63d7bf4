"""The parties of this file: add, correct (name, code, kind) and remove one that is used nowhere."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Label

from opslag import notulen, personen
from opslag.bestand import Gemeentebestand
from opslag.modellen import Partij
from tui.schermen.dialoog import Dialoog
from tui.weergave import letterlijk
from tui.widgets.voettekst import Voettekst


class PartijenScherm(Dialoog[None]):
    BINDINGS = [
        Binding("n", "nieuw", "Nieuwe partij", id="nieuwe_partij"),
        Binding("e", "wijzig", "Wijzig", id="wijzig_partij"),
        Binding("delete", "verwijder", "Verwijder", key_display="Del", id="verwijder_partij"),
        Binding("ctrl+z", "herstel", "Ongedaan maken", show=False, id="herstel"),
        Binding("escape", "sluit", "Klaar", key_display="Esc", id="klaar"),
    ]

    def __init__(self, bestand: Gemeentebestand) -> None:
        super().__init__()
        self.bestand = bestand

    def kader(self) -> Widget:
        return Vertical(id="partijen", classes="dialoogkader")

    def inhoud(self) -> ComposeResult:
        yield Label("Partijen", id="titel", classes="dialoogtitel")
        yield DataTable(id="partijlijst", cursor_type="row", zebra_stripes=True)
        yield Label("n: nieuw   e of Enter: wijzigen   Del: verwijderen   ctrl+z: terug", classes="dialooghulp")

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield Voettekst()

    def on_mount(self) -> None:
        tabel = self.query_one(DataTable)
        tabel.add_column("Afkorting", key="code")
        tabel.add_column("Naam", key="naam")
        tabel.add_column("Soort", key="soort")
        self.laad()

    def laad(self, cursor: int | None = None) -> None:
        tabel = self.query_one(DataTable)
        rij = tabel.cursor_row
        tabel.clear()
        partijen = self.bestand.partijen()
        for partij in partijen:
            tabel.add_row(letterlijk(partij.code), letterlijk(partij.naam), partij.soort.value, key=str(partij.id))
        if cursor is not None and any(p.id == cursor for p in partijen):
            tabel.move_cursor(row=tabel.get_row_index(str(cursor)))
        elif tabel.row_count:
            tabel.move_cursor(row=min(rij, tabel.row_count - 1))

    def on_data_table_row_selected(self, bericht: DataTable.RowSelected) -> None:
        """Enter on a row: the table takes the key itself and reports it so."""
        bericht.stop()
        self.action_wijzig()

    def _huidige(self) -> int | None:
        tabel = self.query_one(DataTable)
        if not tabel.row_count:
            self.notify("Er zijn nog geen partijen: druk n om er een toe te voegen.", severity="warning")
            return None
        return int(tabel.coordinate_to_cell_key(tabel.cursor_coordinate).row_key.value)

    def _kan_schrijven(self) -> bool:
        if self.bestand.alleen_lezen:
            self.notify(f"Alleen-lezen: {self.bestand.alleen_lezen}. Er kan niets worden gewijzigd.", severity="warning")
        return not self.bestand.alleen_lezen

    def action_nieuw(self) -> None:
        from tui.schermen.partij_formulier import PartijFormulier

        if not self._kan_schrijven():
            return

        def na(partij: Partij | None) -> None:
            if partij is not None:
                self.laad(partij.id)
                self.notify(f"{partij.code} ({partij.naam}) is toegevoegd.", title="Bewaard")

        self.app.push_screen(PartijFormulier(self.bestand), na)

    def action_wijzig(self) -> None:
        from tui.schermen.partij_formulier import PartijFormulier

        partij_id = self._huidige()
        if partij_id is None or not self._kan_schrijven():
            return

        def na(partij: Partij | None) -> None:
            if partij is not None:
                self.laad(partij.id)
                self.notify(f"{partij.code} ({partij.naam}) is bijgewerkt.", title="Bewaard")

        self.app.push_screen(PartijFormulier(self.bestand, personen.partij(self.bestand, partij_id)), na)

    def action_verwijder(self) -> None:
        from tui.schermen.bevestig import BevestigScherm

        partij_id = self._huidige()
        if partij_id is None or not self._kan_schrijven():
            return
        partij = personen.partij(self.bestand, partij_id)
        waar = personen.waar_gebruikt_partij(self.bestand, partij_id)
        if waar:
            self.notify(f"{partij.code} kan niet verwijderd worden: {waar}.", title="Niet verwijderd", severity="warning", timeout=10)
            return

        def na(ja: bool | None) -> None:
            if ja:
                personen.verwijder_partij(self.bestand, partij_id)
                self.laad()
                self.notify(f"{partij.code} is verwijderd. Ongedaan maken: ctrl+z.", title="Verwijderd")

        self.app.push_screen(BevestigScherm(f"{partij.code} ({partij.naam}) verwijderen?\n\nDeze partij wordt nergens gebruikt."), na)

    def action_herstel(self) -> None:
        if not self._kan_schrijven():
            return
        hersteld = notulen.herstel_laatste_verwijdering(self.bestand)
        if hersteld is None:
            self.notify("Er is niets om ongedaan te maken.", severity="warning")
            return
        self.laad()
        self.notify(hersteld, title="Ongedaan gemaakt")
