"""Changing the agenda of the running meeting: add a subtheme or a free item, take an empty item
off, move an item among the subjects. What the agenda list asks for (`AgendaLijst.Verwijderen`,
`Verplaatsen`) is handled here; the palette and the framework screen call `zet_op_agenda`.

A mixin of `OverlegScherm`, as `Vastleggen` is: handlers are named `on_...`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opslag import agenda, notulen
from opslag.fouten import OngeldigeInvoer
from opslag.modellen import Agendapunt
from tui.widgets.agendalijst import AgendaLijst

if TYPE_CHECKING:
    from opslag.bestand import Gemeentebestand


class AgendaWijzigen:
    if TYPE_CHECKING:  # what the screen provides
        bestand: Gemeentebestand
        overleg_id: int
        punten: list[Agendapunt]
        index: int
        punt: Agendapunt

        def bewaar_notitie(self) -> bool: ...
        def vernieuw_agenda(self) -> None: ...
        def toon_punt(self) -> None: ...
        def punt_titel(self, punt: Agendapunt) -> str: ...
        def _alleen_lezen(self) -> bool: ...

    def herlaad_agenda(self, punt_id: int | None = None) -> None:
        """Read the agenda again after it changed, and show `punt_id` (else the item shown before)."""
        punt_id = self.punt.id if punt_id is None else punt_id
        self.punten = notulen.agendapunten(self.bestand, self.overleg_id)
        index = next((i for i, p in enumerate(self.punten) if p.id == punt_id), min(self.index, len(self.punten) - 1))
        self.set_reactive(type(self).index, index)  # type: ignore[attr-defined]
        notulen.zet_huidig_punt(self.bestand, self.overleg_id, self.punt.id)
        self.vernieuw_agenda()
        self.toon_punt()

    def ga_naar_punt(self, punt_id: int) -> None:
        """The palette's 'ga naar Rondvraag' (and any item by its id)."""
        index = next((i for i, p in enumerate(self.punten) if p.id == punt_id), None)
        if index is not None:
            self.ga_naar_index(index)  # type: ignore[attr-defined]

    def zet_op_agenda(self, *, subthema: str | None = None, titel: str | None = None) -> bool:
        """Add a subtheme or a free item before the rondvraag and go there; False (and why) if not."""
        if self._alleen_lezen() or not self.bewaar_notitie():
            return False
        try:
            punt = agenda.voeg_punt_toe(self.bestand, self.overleg_id, subthema=subthema, titel=titel)
        except OngeldigeInvoer as fout:
            self.notify(str(fout), severity="warning")  # type: ignore[attr-defined]
            return False
        self.na_toevoegen(punt)
        return True

    def na_toevoegen(self, punt: Agendapunt | None) -> None:
        if punt is None:
            return
        self.herlaad_agenda(punt.id)
        self.notify(f"{self.punt_titel(punt)} staat op de agenda, vóór de rondvraag.", title="Toegevoegd")  # type: ignore[attr-defined]

    def action_vrij_punt(self) -> None:
        if self._alleen_lezen() or not self.bewaar_notitie():
            return
        from tui.schermen.agendapunt_formulier import VrijPuntFormulier

        self.app.push_screen(VrijPuntFormulier(self.bestand, self.overleg_id), self.na_toevoegen)  # type: ignore[attr-defined]

    def on_agenda_lijst_verwijderen(self, bericht: AgendaLijst.Verwijderen) -> None:
        self.verwijder_punt(bericht.index)

    def action_verwijder_punt(self) -> None:
        self.verwijder_punt(self.index)

    def verwijder_punt(self, index: int) -> None:
        if self._alleen_lezen() or not self.bewaar_notitie():
            return
        punt = self.punten[index]
        naam = self.punt_titel(punt)
        reden = None
        if punt.vast:
            reden = f"{naam} is een vast punt en blijft op de agenda."
        elif gevonden := agenda.inhoud(self.bestand, punt):
            reden = f"{naam} heeft inhoud ({', '.join(gevonden)}) en blijft op de agenda. Verwijder die eerst."
        if reden:
            self.notify(reden, title="Niet verwijderd", severity="warning")  # type: ignore[attr-defined]
            return
        from tui.schermen.bevestig import BevestigScherm

        def na(ja: bool | None) -> None:
            if not ja:
                return
            try:
                agenda.verwijder_punt(self.bestand, punt.id)
            except OngeldigeInvoer as fout:  # something was recorded there meanwhile
                self.notify(str(fout), title="Niet verwijderd", severity="warning")  # type: ignore[attr-defined]
                return
            volgende = self.punten[index + 1].id if index + 1 < len(self.punten) else None
            self.herlaad_agenda(volgende if punt.id == self.punt.id else None)
            self.notify(f"{naam} is van de agenda gehaald. Ongedaan maken: ctrl+z.", title="Verwijderd")  # type: ignore[attr-defined]

        self.app.push_screen(BevestigScherm(f"{naam} van de agenda halen?"), na)  # type: ignore[attr-defined]

    def on_agenda_lijst_verplaatsen(self, bericht: AgendaLijst.Verplaatsen) -> None:
        self.verplaats_punt(bericht.index, bericht.richting)

    def action_punt_omhoog(self) -> None:
        self.verplaats_punt(self.index, -1)

    def action_punt_omlaag(self) -> None:
        self.verplaats_punt(self.index, 1)

    def verplaats_punt(self, index: int, richting: int) -> None:
        if self._alleen_lezen() or not self.bewaar_notitie():
            return
        punt = self.punten[index]
        try:
            agenda.verplaats_punt(self.bestand, punt.id, richting)
        except OngeldigeInvoer as fout:
            self.notify(str(fout), title="Niet verplaatst", severity="warning")  # type: ignore[attr-defined]
            return
        self.herlaad_agenda(punt.id)
