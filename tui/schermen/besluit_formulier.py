"""Form for a decision (besluit), numbered B-001, B-002 ... per municipality file."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult

from opslag import notulen
from opslag.bestand import Gemeentebestand
from opslag.datums import lees_datum, toon_datum
from opslag.invoer import schone_tekst
from opslag.modellen import Besluit
from tui.schermen.formulier import Formulier, Veld
from tui.widgets.veilig import Invoer


class BesluitFormulier(Formulier[Besluit]):
    TITEL = "Besluit"

    def __init__(self, bestand: Gemeentebestand, overleg_id: int, agendapunt_id: int | None, datum: dt.date, bestaand: Besluit | None = None) -> None:
        super().__init__(bestand, f"besluit-{bestaand.id if bestaand else 'nieuw'}-{agendapunt_id}")
        self.overleg_id = overleg_id
        self.agendapunt_id = agendapunt_id
        self.datum = datum
        self.bestaand = bestaand
        self.TITEL = f"Besluit {bestaand.code} wijzigen" if bestaand else "Nieuw besluit"

    def velden(self) -> ComposeResult:
        yield Veld("Besluit", Invoer(id="tekst", placeholder="Partijen besluiten dat ..."), verplicht=True)
        yield Veld("Datum", Invoer(id="datum", placeholder="dd-mm-jjjj"), verplicht=True)

    def vul(self) -> None:
        self.zet_waarden({
            "tekst": self.bestaand.tekst if self.bestaand else "",
            "datum": toon_datum(self.bestaand.datum if self.bestaand else self.datum),
        })

    def vastleggen(self) -> Besluit:
        w = self.waarden()
        besluit = Besluit(
            id=self.bestaand.id if self.bestaand else None,
            nummer=self.bestaand.nummer if self.bestaand else None,
            overleg_id=self.overleg_id,
            agendapunt_id=self.agendapunt_id,
            tekst=schone_tekst(w["tekst"], "tekst", "De tekst van het besluit", verplicht=True),
            datum=lees_datum(w["datum"], "datum"),
        )
        return notulen.bewaar_besluit(self.bestand, besluit)
