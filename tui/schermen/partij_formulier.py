"""Form for a party at the table: a municipality, corporation or tenant association."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.widgets import Select

from opslag import notulen
from opslag.fouten import OngeldigeInvoer
from opslag.invoer import schone_tekst
from opslag.modellen import Partij, PartijSoort
from tui.schermen.formulier import Formulier, Veld
from tui.widgets.veilig import Invoer


class PartijFormulier(Formulier[Partij]):
    TITEL = "Nieuwe partij"

    def velden(self) -> ComposeResult:
        yield Veld("Naam", Invoer(id="naam", placeholder="bijvoorbeeld Woonstichting De Dorpsweide"), verplicht=True)
        yield Veld("Afkorting", Invoer(id="code", placeholder="bijvoorbeeld WDD", max_length=12), verplicht=True)
        yield Veld(
            "Soort",
            Select([(s.value, s.value) for s in PartijSoort], id="soort", allow_blank=False, value=PartijSoort.CORPORATIE.value),
        )

    def vastleggen(self) -> Partij:
        w = self.waarden()
        naam = schone_tekst(w["naam"], "naam", "De naam", verplicht=True)
        code = schone_tekst(w["code"], "code", "De afkorting", verplicht=True).upper()
        if len(code) > 12 or " " in code:
            raise OngeldigeInvoer("code", "Een afkorting is één woord van hoogstens 12 tekens, bijvoorbeeld WDD.")
        partijen = self.bestand.partijen()
        partij = Partij(naam=naam, code=code, soort=PartijSoort(w["soort"]), volgorde=len(partijen))
        partij_id = notulen.bewaar_partij(self.bestand, partij)
        return replace(partij, id=partij_id)
