"""Form for a free agenda item ('Presentatie wijkvisie'), added to a running meeting."""

from __future__ import annotations

from textual.app import ComposeResult

from opslag import agenda
from opslag.bestand import Gemeentebestand
from opslag.modellen import Agendapunt
from tui.schermen.formulier import Formulier, Veld
from tui.widgets.veilig import Invoer


class VrijPuntFormulier(Formulier[Agendapunt]):
    TITEL = "Vrij agendapunt toevoegen"

    def __init__(self, bestand: Gemeentebestand, overleg_id: int) -> None:
        super().__init__(bestand, f"vrij-punt-{overleg_id}")
        self.overleg_id = overleg_id

    def velden(self) -> ComposeResult:
        yield Veld(
            "Titel", Invoer(id="titel", placeholder="bijvoorbeeld Presentatie wijkvisie"), verplicht=True,
            hulp="komt vóór de rondvraag",
        )

    def vastleggen(self) -> Agendapunt:
        return agenda.voeg_punt_toe(self.bestand, self.overleg_id, titel=self.waarden()["titel"])
