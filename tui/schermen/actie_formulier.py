"""Form for an action (actiepunt): what, who, deadline, status; numbered A-001 ... per file."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.widgets import Select

from opslag import notulen
from opslag.bestand import Gemeentebestand
from opslag.datums import lees_datum, toon_datum
from opslag.fouten import OngeldigeInvoer
from opslag.invoer import schone_tekst
from opslag.modellen import ActieStatus, Actiepunt, Persoon
from tui.schermen.formulier import Formulier, Naast, Veld
from tui.schermen.overleg_formulier import NIEUWE_PERSOON
from tui.widgets.keuze import Keuze
from tui.widgets.veilig import Invoer
from tui.weergave import letterlijk


class ActieFormulier(Formulier[Actiepunt]):
    TITEL = "Actiepunt"

    def __init__(
        self,
        bestand: Gemeentebestand,
        overleg_id: int | None,
        agendapunt_id: int | None,
        subthema: str | None,
        bestaand: Actiepunt | None = None,
        standaard_deadline: dt.date | None = None,
    ) -> None:
        super().__init__(bestand, f"actie-{bestaand.id if bestaand else 'nieuw'}-{agendapunt_id}")
        self.overleg_id = overleg_id
        self.agendapunt_id = agendapunt_id
        self.subthema = subthema
        self.bestaand = bestaand
        self.standaard_deadline = standaard_deadline
        self.TITEL = f"Actiepunt {bestaand.code} wijzigen" if bestaand else "Nieuw actiepunt"
        if subthema:
            self.TITEL += f" — {subthema}"

    def _persoonkeuzes(self) -> list:
        """Who can be named; the last choice adds someone not in the file yet (a guest, a new colleague)."""
        partijen = {p.id: p for p in self.bestand.partijen()}
        personen = [
            (letterlijk(f"{p.naam} ({partijen[p.partij_id].code})" if p.partij_id in partijen else p.naam), p.id)
            for p in notulen.personen(self.bestand)
        ]
        return personen + [("+ nieuwe persoon…", NIEUWE_PERSOON)]

    @on(Select.Changed, "#persoon")
    def _nieuwe_persoon(self, event: Select.Changed) -> None:
        if event.value != NIEUWE_PERSOON:
            self._vorige_persoon = event.value
            return
        from tui.schermen.persoon_formulier import PersoonFormulier

        veld = event.select

        def na(persoon: Persoon | None) -> None:
            veld.set_options(self._persoonkeuzes())
            veld.value = persoon.id if persoon else self._vorige_persoon
            veld.focus()

        self.app.push_screen(PersoonFormulier(self.bestand), na)

    def velden(self) -> ComposeResult:
        bestand = self.bestand
        partijen = {p.id: p for p in bestand.partijen()}
        personen = self._persoonkeuzes()
        self._vorige_persoon: object = Select.NULL
        afspraken = [(letterlijk(f"{a.code} {a.actielijn}"), a.id) for a in notulen.afspraken(bestand, subthema=self.subthema)] if self.subthema else []
        yield Veld("Actie (wat)", Invoer(id="wat", placeholder="Wat moet er gebeuren?"), verplicht=True)
        with Naast():
            yield Veld("Wie (persoon)", Keuze(personen, id="persoon", prompt="(geen persoon)"))
            yield Veld("Partij", Keuze([(letterlijk(f"{p.code}  {p.naam}"), p.id) for p in partijen.values()], id="partij", prompt="(partij van de persoon)"))
        with Naast():
            yield Veld("Deadline", Invoer(id="deadline", placeholder="dd-mm-jjjj"))
            yield Veld("Status", Keuze([(s.value, s.value) for s in ActieStatus], id="status", allow_blank=False, value=ActieStatus.OPEN.value))
        if afspraken:
            yield Veld("Hoort bij afspraak", Keuze(afspraken, id="afspraak", prompt="(geen)"))

    def vul(self) -> None:
        if self.bestaand:
            a = self.bestaand
            self.zet_waarden({
                "wat": a.wat, "persoon": a.persoon_id or Select.NULL, "partij": a.partij_id or Select.NULL,
                "deadline": toon_datum(a.deadline), "status": a.status.value, "afspraak": a.afspraak_id or Select.NULL,
            })
        elif self.standaard_deadline:
            self.zet_waarden({"deadline": toon_datum(self.standaard_deadline)})

    def vastleggen(self) -> Actiepunt:
        w = self.waarden()
        wat = schone_tekst(w["wat"], "wat", "Wat er moet gebeuren", verplicht=True)
        persoon = None if w["persoon"] is Select.NULL else w["persoon"]
        partij = None if w["partij"] is Select.NULL else w["partij"]
        if persoon is None and partij is None:
            raise OngeldigeInvoer("persoon", "Kies wie de actie uitvoert: een persoon, een partij of allebei.")
        if partij is None:
            partij = next((p.partij_id for p in notulen.personen(self.bestand) if p.id == persoon), None)
        afspraak = w.get("afspraak", Select.NULL)
        basis = self.bestaand or Actiepunt(wat=wat, overleg_id=self.overleg_id, agendapunt_id=self.agendapunt_id, subthema_nummer=self.subthema)
        actie = replace(
            basis,
            wat=wat,
            persoon_id=persoon,
            partij_id=partij,
            deadline=lees_datum(w["deadline"], "deadline", verplicht=False),
            status=ActieStatus(w["status"]),
            afspraak_id=None if afspraak is Select.NULL else afspraak,
        )
        if actie.status != (self.bestaand.status if self.bestaand else ActieStatus.OPEN):
            actie = replace(actie, gereed_op=None)  # the store dates a status change today
        return notulen.bewaar_actiepunt(self.bestand, actie)
