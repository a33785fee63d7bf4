"""Attendance per party: each person present, absent with notice (mk) or without (zk)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Label

from opslag import notulen
from opslag.bestand import Gemeentebestand
from tui.schermen.dialoog import Dialoog
from tui.widgets.voettekst import Voettekst
from opslag.modellen import Aanwezig, Aanwezigheid, Persoon
from tui.weergave import letterlijk

TEKST = {Aanwezig.AANWEZIG: "aanwezig", Aanwezig.MK: "afwezig (mk)", Aanwezig.ZK: "afwezig (zk)"}
VOLGENDE = {None: Aanwezig.AANWEZIG, Aanwezig.AANWEZIG: Aanwezig.MK, Aanwezig.MK: Aanwezig.ZK, Aanwezig.ZK: Aanwezig.AANWEZIG}


class AanwezigheidScherm(Dialoog[None]):
    BINDINGS = [
        Binding("a", "zet('aanwezig')", "Aanwezig", id="aanwezig"),
        Binding("m", "zet('mk')", "Afwezig mk", id="mk"),
        Binding("z", "zet('zk')", "Afwezig zk", id="zk"),
        Binding("space", "volgende", "Volgende status", key_display="spatie", show=False, id="wissel"),
        Binding("n", "nieuw", "Nieuwe persoon", id="nieuwe_persoon"),
        Binding("P", "nieuwe_partij", "Nieuwe partij", id="nieuwe_partij"),
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
        personen: list[Persoon] = sorted(notulen.personen(bestand), key=lambda p: (volgorde.get(p.partij_id, 99), p.naam))
        tabel = self.query_one(DataTable)
        tabel.clear()
        for persoon in personen:
            partij = partijen.get(persoon.partij_id)
            status = self.status.get(persoon.id)
            tabel.add_row(
                letterlijk(persoon.naam), letterlijk(partij.code if partij else ""), letterlijk(persoon.functie), TEKST.get(status, "–"), key=str(persoon.id)
            )
        if cursor_persoon is not None:
            tabel.move_cursor(row=tabel.get_row_index(str(cursor_persoon)))
        aanwezig = sum(1 for s in self.status.values() if s is Aanwezig.AANWEZIG)
        afwezig = sum(1 for s in self.status.values() if s is not Aanwezig.AANWEZIG)
        self.query_one("#telling", Label).update(
            f"{aanwezig} aanwezig, {afwezig} afwezig, {len(personen) - len(self.status)} nog niet aangegeven"
            if personen else "Nog geen personen: druk n om iemand toe te voegen."
        )

    def _huidige_persoon(self) -> int | None:
        tabel = self.query_one(DataTable)
        if not tabel.row_count:
            return None
        return int(tabel.coordinate_to_cell_key(tabel.cursor_coordinate).row_key.value)

    def _zet(self, status: Aanwezig, verder: bool = True) -> None:
        persoon = self._huidige_persoon()
        if persoon is None:
            return
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

    def action_nieuwe_partij(self) -> None:
        from tui.schermen.partij_formulier import PartijFormulier

        self.app.push_screen(PartijFormulier(self.bestand), lambda partij: partij and self.notify(f"{partij.code} is toegevoegd."))

    def action_nieuw(self) -> None:
        from tui.schermen.persoon_formulier import PersoonFormulier

        def na(persoon: Persoon | None) -> None:
            if persoon is not None:
                notulen.zet_aanwezigheid(self.bestand, Aanwezigheid(overleg_id=self.overleg_id, persoon_id=persoon.id))
                self.laad(persoon.id)
                self.notify(f"{persoon.naam} is toegevoegd en aanwezig gemeld.")

        self.app.push_screen(PersoonFormulier(self.bestand), na)
