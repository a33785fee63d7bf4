"""Form to adopt an uitvoeringsagenda: date, place and per party who signed, as on the signed
document. Again on an adopted agenda it corrects the adoption; both are in the change log."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Label

from opslag import levensloop
from opslag.bestand import Gemeentebestand
from opslag.datums import lange_datum, lees_datum, toon_datum
from opslag.modellen import Partij, PartijSoort, Persoon, Uitvoeringsagenda
from tui.schermen.formulier import Formulier, Naast, Veld
from tui.weergave import letterlijk
from tui.widgets.veilig import Invoer

# What the signer of each kind of party usually is, as an example in the empty field.
_VOORBEELD_FUNCTIE = {
    PartijSoort.GEMEENTE: "bijvoorbeeld wethouder wonen",
    PartijSoort.CORPORATIE: "bijvoorbeeld directeur-bestuurder",
    PartijSoort.HUURDERS: "bijvoorbeeld voorzitter",
}

# Who usually signs for a party: a person with such a function is offered first.
_TEKENT = ("wethouder", "burgemeester", "directeur", "bestuurder", "voorzitter")


def voorgestelde_ondertekenaar(partij: Partij, personen: list[Persoon]) -> Persoon | None:
    eigen = [p for p in personen if p.partij_id == partij.id]
    for woord in _TEKENT:
        for persoon in eigen:
            if woord in persoon.functie.casefold():
                return persoon
    return eigen[0] if eigen else None


class AgendaVaststellen(Formulier[list[str]]):
    """Completed, it returns the warnings of `levensloop.vaststellen` (a party without a signer)."""

    def __init__(self, bestand: Gemeentebestand, agenda: Uitvoeringsagenda) -> None:
        super().__init__(bestand, f"agenda-vaststellen-{agenda.id}")
        self.agenda = agenda
        self.partijen = bestand.partijen()
        wat = "vaststelling corrigeren" if agenda.vastgesteld_op else "vaststellen"
        self.TITEL = f"Uitvoeringsagenda {agenda.periode} {wat}"

    def velden(self) -> ComposeResult:
        if self.agenda.vastgesteld_op:
            yield Label(
                letterlijk(f"Vastgesteld op {lange_datum(self.agenda.vastgesteld_op)}; wat u hier vastlegt, vervangt dat."),
                classes="vastgesteld",
            )
        with Naast():
            yield Veld("Datum van vaststelling", Invoer(id="datum", placeholder="dd-mm-jjjj"), verplicht=True)
            yield Veld("Plaats", Invoer(id="plaats", placeholder="bijvoorbeeld Aalten"), verplicht=True)
        for partij in self.partijen:
            with Naast():
                yield Veld(f"{partij.code}: ondertekenaar", Invoer(id=f"naam-{partij.id}", placeholder="naam"))
                yield Veld("Functie", Invoer(id=f"functie-{partij.id}", placeholder=_VOORBEELD_FUNCTIE.get(partij.soort, "")))

    def vul(self) -> None:
        waarden = {"datum": toon_datum(self.agenda.vastgesteld_op) if self.agenda.vastgesteld_op else ""}
        waarden["plaats"] = self.agenda.vastgesteld_te or self.bestand.gemeente().naam
        getekend = {o.partij_id: o for o in levensloop.ondertekenaars(self.bestand, self.agenda.id)}
        personen = [] if getekend else _personen(self.bestand)
        for partij in self.partijen:
            ondertekenaar = getekend.get(partij.id)
            if ondertekenaar is not None:
                waarden[f"naam-{partij.id}"], waarden[f"functie-{partij.id}"] = ondertekenaar.naam, ondertekenaar.functie
            elif not getekend and (persoon := voorgestelde_ondertekenaar(partij, personen)) is not None:
                waarden[f"naam-{partij.id}"], waarden[f"functie-{partij.id}"] = persoon.naam, persoon.functie
        self.zet_waarden(waarden)

    def vastleggen(self) -> list[str]:
        w = self.waarden()
        datum = lees_datum(w["datum"], "datum")
        ondertekenaars = {p.id: (w[f"naam-{p.id}"], w[f"functie-{p.id}"]) for p in self.partijen}
        return levensloop.vaststellen(self.bestand, self.agenda.id, datum, w["plaats"], ondertekenaars)


def _personen(bestand: Gemeentebestand) -> list[Persoon]:
    from opslag import notulen

    return notulen.personen(bestand)


def open_vaststellen(app: App, overleg_id: int | None) -> None:
    """The form for the agenda of the meeting on screen, else of the one running today (as the
    export picks it); what it reports comes back as notifications."""
    bestand: Gemeentebestand | None = getattr(app, "bestand", None)
    if bestand is None or bestand.alleen_lezen:
        app.notify("Er is geen bestand open om in te schrijven.", severity="warning")
        return
    agenda = levensloop.agenda_in_beeld(bestand, overleg_id)
    if agenda is None:
        app.notify("Dit bestand heeft nog geen uitvoeringsagenda; maak eerst een overleg (n) of importeer er een (ctrl+p).",
                   severity="warning")
        return

    def na(waarschuwingen: list[str] | None) -> None:
        if waarschuwingen is None:
            return
        app.notify(f"Uitvoeringsagenda {agenda.periode} is vastgesteld.", title="Bewaard")
        for waarschuwing in waarschuwingen:
            app.notify(waarschuwing, title="Let op", severity="warning", timeout=15)

    app.push_screen(AgendaVaststellen(bestand, agenda), na)
