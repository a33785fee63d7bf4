"""Form for a person at the table, new or corrected; people are remembered for the next meeting."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.widgets import Select

from opslag import notulen
from opslag.bestand import Gemeentebestand
from opslag.fouten import OngeldigeInvoer
from opslag.invoer import schone_tekst
from opslag.modellen import Persoon
from tui.schermen.formulier import Formulier, Veld
from tui.widgets.keuze import Keuze
from tui.widgets.veilig import Invoer
from tui.weergave import letterlijk


class PersoonFormulier(Formulier[Persoon]):
    TITEL = "Nieuwe persoon"

    def __init__(self, bestand: Gemeentebestand, bestaand: Persoon | None = None) -> None:
        super().__init__(bestand, f"persoon-{bestaand.id}" if bestaand else None)
        self.bestaand = bestaand
        if bestaand:
            self.TITEL = "Persoon wijzigen"

    def velden(self) -> ComposeResult:
        partijen = [(letterlijk(f"{p.code}  {p.naam}"), p.id) for p in self.bestand.partijen()]
        yield Veld("Naam", Invoer(id="naam", placeholder="bijvoorbeeld J. de Vries"), verplicht=True)
        yield Veld("Functie", Invoer(id="functie", placeholder="bijvoorbeeld beleidsadviseur wonen"))
        yield Veld("Partij", Keuze(partijen, id="partij", prompt="(kies een partij)"), verplicht=True)

    def vul(self) -> None:
        if self.bestaand:
            partij_ids = {p.id for p in self.bestand.partijen()}
            self.zet_waarden({
                "naam": self.bestaand.naam,
                "functie": self.bestaand.functie,
                "partij": self.bestaand.partij_id if self.bestaand.partij_id in partij_ids else Select.NULL,
            })

    def vastleggen(self) -> Persoon:
        w = self.waarden()
        naam = schone_tekst(w["naam"], "naam", "De naam", verplicht=True)
        if w["partij"] is Select.NULL:
            raise OngeldigeInvoer("partij", "Kies de partij waar deze persoon voor aan tafel zit.")
        persoon = Persoon(naam=naam, functie=schone_tekst(w["functie"], "functie", "De functie"), partij_id=w["partij"])
        self._waarschuw_bij_dubbele_naam(persoon)
        if self.bestaand:
            from opslag import personen

            return personen.wijzig_persoon(self.bestand, replace(persoon, id=self.bestaand.id))
        return notulen.nieuwe_persoon(self.bestand, persoon)

    _toch_dubbel: str | None = None

    def _waarschuw_bij_dubbele_naam(self, persoon: Persoon) -> None:
        """A second 'Jan Jansen' is most often the first one typed again: say so once; completing the
        form again with the same name adds the second person after all (namesakes exist)."""
        gelijk = [
            p for p in notulen.personen(self.bestand)
            if _vergelijkbaar(p.naam) == _vergelijkbaar(persoon.naam) and (self.bestaand is None or p.id != self.bestaand.id)
        ]
        if not gelijk or self._toch_dubbel == _vergelijkbaar(persoon.naam):
            return
        self._toch_dubbel = _vergelijkbaar(persoon.naam)
        codes = {p.id: p.code for p in self.bestand.partijen()}
        bestaand = gelijk[0]
        wie = ", ".join(filter(None, [codes.get(bestaand.partij_id or -1, ""), bestaand.functie]))
        raise OngeldigeInvoer(
            "naam",
            f"Er is al een persoon {bestaand.naam}{f' ({wie})' if wie else ''}. Kies die in de lijst, of leg "
            "nogmaals vast om toch een tweede persoon met deze naam toe te voegen.",
        )


def _vergelijkbaar(naam: str) -> str:
    return " ".join(naam.replace(".", " ").casefold().split())
