"""Form for a party at the table, new or corrected: a municipality, corporation or tenant association."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult

from opslag import notulen
from opslag.bestand import Gemeentebestand
from opslag.fouten import OngeldigeInvoer
from opslag.invoer import schone_tekst
from opslag.modellen import Partij, PartijSoort
from tui.schermen.formulier import Formulier, Veld
from tui.widgets.keuze import Keuze
from tui.widgets.veilig import Invoer


class PartijFormulier(Formulier[Partij]):
    TITEL = "Nieuwe partij"

    def __init__(self, bestand: Gemeentebestand, bestaand: Partij | None = None) -> None:
        super().__init__(bestand, f"partij-{bestaand.id}" if bestaand else None)
        self.bestaand = bestaand
        if bestaand:
            self.TITEL = "Partij wijzigen"

    def velden(self) -> ComposeResult:
        yield Veld("Naam", Invoer(id="naam", placeholder="bijvoorbeeld Woonstichting De Dorpsweide"), verplicht=True)
        yield Veld("Afkorting", Invoer(id="code", placeholder="bijvoorbeeld WDD", max_length=12), verplicht=True)
        yield Veld(
            "Soort",
            Keuze([(s.value, s.value) for s in PartijSoort], id="soort", allow_blank=False, value=PartijSoort.CORPORATIE.value),
        )

    def vul(self) -> None:
        if self.bestaand:
            self.zet_waarden({"naam": self.bestaand.naam, "code": self.bestaand.code, "soort": self.bestaand.soort.value})

    def vastleggen(self) -> Partij:
        w = self.waarden()
        naam = schone_tekst(w["naam"], "naam", "De naam", verplicht=True)
        code = schone_tekst(w["code"], "code", "De afkorting", verplicht=True).upper()
        if len(code) > 12 or " " in code:
            raise OngeldigeInvoer("code", "Een afkorting is één woord van hoogstens 12 tekens, bijvoorbeeld WDD.")
        if self.bestaand:
            from opslag import personen

            return personen.wijzig_partij(self.bestand, replace(self.bestaand, naam=naam, code=code, soort=PartijSoort(w["soort"])))
        partijen = self.bestand.partijen()
        partij = Partij(naam=naam, code=code, soort=PartijSoort(w["soort"]), volgorde=len(partijen))
        partij_id = notulen.bewaar_partij(self.bestand, partij)
        return replace(partij, id=partij_id)
