"""Reopening a closed meeting asks why: the reason goes into the change log, for whoever later
wonders why minutes that were closed changed."""

from __future__ import annotations

from textual.app import ComposeResult

from opslag.bestand import Gemeentebestand
from opslag.datums import lange_datum
from opslag.modellen import Overleg
from opslag.sluiten import heropen_overleg
from tui.schermen.formulier import Formulier, Veld
from tui.widgets.veilig import Invoer


class HeropenenFormulier(Formulier[Overleg]):
    def __init__(self, bestand: Gemeentebestand, overleg: Overleg) -> None:
        super().__init__(bestand, f"heropenen-{overleg.id}")
        self.overleg = overleg
        self.TITEL = f"Overleg van {lange_datum(overleg.datum)} heropenen"

    def velden(self) -> ComposeResult:
        yield Veld("Reden", Invoer(id="reden", placeholder="bijvoorbeeld: besluit B-003 stond er verkeerd in"), verplicht=True, hulp="waarom het gesloten overleg weer open moet")

    def vastleggen(self) -> Overleg:
        return heropen_overleg(self.bestand, self.overleg.id, self.waarden()["reden"])
