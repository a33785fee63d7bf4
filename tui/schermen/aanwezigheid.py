"""Attendance per party: each person present, absent with notice (mk) or without (zk), or not set.

People are also corrected here: edited, removed when used nowhere, or merged into another
person when they were entered twice or misspelled; the parties from `P`."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Label

from opslag import notulen, personen
from opslag.bestand import Gemeentebestand
from opslag.fouten import OngeldigeInvoer
from opslag.modellen import Aanwezig, Aanwezigheid, Persoon
from tui.schermen.dialoog import Dialoog
from tui.weergave import letterlijk
from tui.widgets.voettekst import Voettekst

TEKST = {Aanwezig.AANWEZIG: "aanwezig", Aanwezig.MK: "afwezig (mk)", Aanwezig.ZK: "afwezig (zk)"}
# Space walks round, back to 'not set' too: a status set by mistake can be taken away again.
VOLGENDE = {None: Aanwezig.AANWEZIG, Aanwezig.AANWEZIG: Aanwezig.MK, Aanwezig.MK: Aanwezig.ZK, Aanwezig.ZK: None}


class AanwezigheidScherm(Dialoog[None]):
    BINDINGS = [
        Binding("a", "zet('aanwezig')", "Aanwezig", id="aanwezig"),
        Binding("m", "zet('mk')", "Afwezig mk", id="mk"),
        Binding("z", "zet('zk')", "Afwezig zk", id="zk"),
        Binding("space", "volgende", "Volgende status", key_display="spatie", show=False, id="wissel"),
        Binding("n", "nieuw", "Nieuw", id="nieuwe_persoon"),
        Binding("e", "wijzig", "Wijzig", id="wijzig_persoon"),
        Binding("s", "samenvoegen", "Samenvoegen", id="samenvoegen"),
        Binding("delete", "verwijder", "Verwijder persoon", key_display="Del", show=False, id="verwijder_persoon"),
        Binding("ctrl+z", "herstel", "Ongedaan maken", show=False, id="herstel"),
        Binding("P", "partijen", "Partijen", id="partijen"),
        Binding("escape", "sluit", "Klaar", key_display="Esc", id="klaar"),
    ]

    def __init__(self, bestand: Gemeentebestand, overleg_id: int) -> None:
        super().__init__()
        self.bestand = bestand
        self.overleg_id = overleg_id

    def kader(self) -> Widget:
        return Vertical(id="aanwezigheid", classes="dialoogkader")

    def inhoud(self) -> ComposeResult:
        yield Label("Aanwezigheid", id="titel", classes="dialoogtitel")
        yield DataTable(id="personen", cursor_type="row", zebra_stripes=True)
        yield Label("", id="telling", classes="dialooghulp")
        # The footer cannot hold every key at 80 columns: these two lines can.
        yield Label("spatie: volgende status, ook leeg   e: wijzigen   Del: verwijderen", classes="dialooghulp")
        yield Label("s: samenvoegen met een ander   P: partijen   ctrl+z: ongedaan maken", classes="dialooghulp")

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield Voettekst()

    def on_mount(self) -> None:
        tabel = self.query_one(DataTable)
        tabel.add_column("Naam", key="naam")
        tabel.add_column("Partij", key="partij")
        tabel.add_column("Functie", key="functie")
        tabel.add_column("Status", key="status")
        self.laad()

    def laad(self, cursor_persoon: int | None = None) -> None:
        bestand = self.bestand
        partijen = {p.id: p for p in bestand.partijen()}
        volgorde = {p.id: i for i, p in enumerate(partijen.values())}
        self.status = notulen.aanwezigheid(bestand, self.overleg_id)
        self.personen: list[Persoon] = sorted(notulen.personen(bestand), key=lambda p: (volgorde.get(p.partij_id, 99), p.naam))
        tabel = self.query_one(DataTable)
        rij = tabel.cursor_row
        tabel.clear()
        for persoon in self.personen:
            partij = partijen.get(persoon.partij_id)
            status = self.status.get(persoon.id)
            tabel.add_row(
                letterlijk(persoon.naam), letterlijk(partij.code if partij else ""), letterlijk(persoon.functie), TEKST.get(status, "–"), key=str(persoon.id)
            )
        if cursor_persoon is not None and any(p.id == cursor_persoon for p in self.personen):
            tabel.move_cursor(row=tabel.get_row_index(str(cursor_persoon)))
        elif tabel.row_count:
            tabel.move_cursor(row=min(rij, tabel.row_count - 1))
        aanwezig = sum(1 for s in self.status.values() if s is Aanwezig.AANWEZIG)
        afwezig = sum(1 for s in self.status.values() if s is not Aanwezig.AANWEZIG)
        self.query_one("#telling", Label).update(
            f"{aanwezig} aanwezig, {afwezig} afwezig, {len(self.personen) - len(self.status)} nog niet aangegeven"
            if self.personen else "Nog geen personen: druk n om iemand toe te voegen."
        )

    def _huidige_persoon(self) -> int | None:
        tabel = self.query_one(DataTable)
        if not tabel.row_count:
            self.notify("Er staat nog niemand in de lijst: druk n om iemand toe te voegen.", severity="warning")
            return None
        return int(tabel.coordinate_to_cell_key(tabel.cursor_coordinate).row_key.value)

    def _kan_schrijven(self) -> bool:
        if self.bestand.alleen_lezen:
            self.notify(f"Alleen-lezen: {self.bestand.alleen_lezen}. Er kan niets worden gewijzigd.", severity="warning")
        return not self.bestand.alleen_lezen

    def _zet(self, status: Aanwezig | None, verder: bool = True) -> None:
        persoon = self._huidige_persoon()
        if persoon is None or not self._kan_schrijven():
            return
        if status is None:
            personen.wis_aanwezigheid(self.bestand, self.overleg_id, persoon)
        else:
            notulen.zet_aanwezigheid(self.bestand, Aanwezigheid(overleg_id=self.overleg_id, persoon_id=persoon, status=status))
        tabel = self.query_one(DataTable)
        rij = tabel.cursor_row
        self.laad(persoon)
        if verder and rij + 1 < tabel.row_count:
            tabel.move_cursor(row=rij + 1)

    def action_zet(self, status: str) -> None:
        self._zet(Aanwezig(status))

    def action_volgende(self) -> None:
        persoon = self._huidige_persoon()
        if persoon is not None:
            self._zet(VOLGENDE[self.status.get(persoon)], verder=False)

    def action_partijen(self) -> None:
        from tui.schermen.partijen import PartijenScherm

        self.app.push_screen(PartijenScherm(self.bestand), lambda _: self.laad(self._huidige_persoon()))

    def action_nieuw(self) -> None:
        from tui.schermen.persoon_formulier import PersoonFormulier

        if not self._kan_schrijven():
            return

        def na(persoon: Persoon | None) -> None:
            if persoon is not None:
                notulen.zet_aanwezigheid(self.bestand, Aanwezigheid(overleg_id=self.overleg_id, persoon_id=persoon.id))
                self.laad(persoon.id)
                self.notify(f"{persoon.naam} is toegevoegd en aanwezig gemeld.")

        self.app.push_screen(PersoonFormulier(self.bestand), na)

    # --- correcting people ----------------------------------------------------------------------

    def action_wijzig(self) -> None:
        from tui.schermen.persoon_formulier import PersoonFormulier

        persoon_id = self._huidige_persoon()
        if persoon_id is None or not self._kan_schrijven():
            return

        def na(persoon: Persoon | None) -> None:
            if persoon is not None:
                self.laad(persoon.id)
                self.notify(f"{persoon.naam} is bijgewerkt.", title="Bewaard")

        self.app.push_screen(PersoonFormulier(self.bestand, personen.persoon(self.bestand, persoon_id)), na)

    def action_verwijder(self) -> None:
        from tui.schermen.bevestig import BevestigScherm

        persoon_id = self._huidige_persoon()
        if persoon_id is None or not self._kan_schrijven():
            return
        persoon = personen.persoon(self.bestand, persoon_id)
        waar = personen.waar_gebruikt_persoon(self.bestand, persoon_id)
        if waar:
            self.notify(
                f"{persoon.naam} kan niet verwijderd worden: {waar}. Dubbel of verkeerd gespeld? Voeg samen met s.",
                title="Niet verwijderd", severity="warning", timeout=10,
            )
            return

        def na(ja: bool | None) -> None:
            if ja:
                personen.verwijder_persoon(self.bestand, persoon_id)
                self.laad()
                self.notify(f"{persoon.naam} is verwijderd. Ongedaan maken: ctrl+z.", title="Verwijderd")

        self.app.push_screen(BevestigScherm(f"{persoon.naam} verwijderen?\n\nDeze persoon staat nog nergens in."), na)

    def action_samenvoegen(self) -> None:
        from tui.schermen.bevestig import BevestigScherm
        from tui.schermen.kies_persoon import KiesPersoon

        persoon_id = self._huidige_persoon()
        if persoon_id is None or not self._kan_schrijven():
            return
        weg = personen.persoon(self.bestand, persoon_id)
        codes = {p.id: p.code for p in self.bestand.partijen()}
        keuzes = [(f"{p.naam}  ({codes.get(p.partij_id, 'geen partij')})", p.id) for p in self.personen if p.id != persoon_id]
        if not keuzes:
            self.notify("Er is geen andere persoon om mee samen te voegen.", severity="warning")
            return

        def samenvoegen(ja: bool | None, naar_id: int) -> None:
            if not ja:
                return
            try:
                blijft = personen.voeg_personen_samen(self.bestand, persoon_id, naar_id)
            except OngeldigeInvoer as fout:
                self.notify(str(fout), title="Niet samengevoegd", severity="error")
                return
            self.laad(blijft.id)
            self.notify(f"{weg.naam} is samengevoegd met {blijft.naam}. Ongedaan maken: ctrl+z.", title="Samengevoegd")

        def gekozen(naar_id: int | None) -> None:
            if naar_id is None:
                return
            blijft = personen.persoon(self.bestand, naar_id)
            vraag = (
                f"{weg.naam} samenvoegen met {blijft.naam}?\n\nAanwezigheid, voorzitter, notulist en actiepunten van "
                f"{weg.naam} gaan naar {blijft.naam}; {weg.naam} verdwijnt uit de lijst. Ongedaan maken: ctrl+z."
            )
            self.app.push_screen(BevestigScherm(vraag, "ja, samenvoegen"), lambda ja: samenvoegen(ja, naar_id))

        self.app.push_screen(KiesPersoon(f"{weg.naam} samenvoegen met:", keuzes), gekozen)

    def action_herstel(self) -> None:
        if not self._kan_schrijven():
            return
        hersteld = notulen.herstel_laatste_verwijdering(self.bestand)
        if hersteld is None:
            self.notify("Er is niets om ongedaan te maken.", severity="warning")
            return
        self.laad(self._huidige_persoon() if self.query_one(DataTable).row_count else None)
        self.notify(hersteld, title="Ongedaan gemaakt")
