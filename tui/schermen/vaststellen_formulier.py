"""Form at 'Vaststellen verslag vorig overleg': the minutes of the previous meeting of the same
kind are approved in this one, without or with changes. Their status becomes 'vastgesteld'."""

from __future__ import annotations

from textual.app import ComposeResult

from opslag import vaststelling
from opslag.bestand import Gemeentebestand
from opslag.datums import lange_datum
from opslag.fouten import OngeldigeInvoer
from opslag.modellen import Overleg
from tui.schermen.formulier import Formulier, Veld
from tui.widgets.keuze import Keuze
from tui.widgets.veilig import Tekstvak

ZONDER, MET = "zonder", "met"


class VaststellenFormulier(Formulier[Overleg]):
    def __init__(self, bestand: Gemeentebestand, vorige: Overleg, overleg: Overleg) -> None:
        super().__init__(bestand, f"vaststellen-{vorige.id}")
        self.vorige = vorige
        self.overleg = overleg
        self.TITEL = f"Verslag {vorige.soort.value} overleg van {lange_datum(vorige.datum)} vaststellen"

    def velden(self) -> ComposeResult:
        keuzes = [("zonder wijzigingen", ZONDER), ("met wijzigingen", MET)]
        yield Veld("Vastgesteld", Keuze(keuzes, id="hoe", allow_blank=False, value=ZONDER))
        yield Veld("Wijzigingen", Tekstvak(id="wijzigingen"), hulp="wat er in het verslag verandert")

    def vul(self) -> None:
        if self.vorige.verslag_wijzigingen:
            self.zet_waarden({"hoe": MET, "wijzigingen": self.vorige.verslag_wijzigingen})

    def vastleggen(self) -> Overleg:
        w = self.waarden()
        wijzigingen = w["wijzigingen"].strip() if w["hoe"] == MET else ""
        if w["hoe"] == MET and not wijzigingen:
            raise OngeldigeInvoer("wijzigingen", "Beschrijf de wijzigingen, of kies 'zonder wijzigingen'.")
        return vaststelling.stel_vast(self.bestand, self.vorige.id, self.overleg, wijzigingen)
