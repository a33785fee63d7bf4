"""Form for a meeting (overleg): date, kind, place, chair, minute-taker, period and agenda."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Select, SelectionList

from opslag import notulen
from opslag.bestand import Gemeentebestand
from opslag.datums import lees_datum, lees_periode, lees_tijd, toon_datum
from opslag.fouten import OngeldigeInvoer
from opslag.invoer import schone_tekst
from opslag.modellen import Overleg, OverlegSoort, Persoon
from tui.schermen.formulier import Formulier, Veld
from tui.widgets.veilig import Invoer
from tui.weergave import letterlijk

# The last choice in Voorzitter and Notulist: add a person without leaving the form (a new file
# knows nobody yet). Not a person's id: ids start at 1.
NIEUWE_PERSOON = -1


class SubthemaKeuze(SelectionList[str]):
    """The subthemes on a new meeting's agenda: all on at first; a few for a short meeting."""

    BINDING_GROUP_TITLE = "In de lijst met subthema's"
    BINDINGS = [
        Binding("u", "alles(False)", "Alles uit", id="alles_uit"),
        Binding("a", "alles(True)", "Alles aan", id="alles_aan"),
    ]

    def action_alles(self, aan: bool) -> None:
        if aan:
            self.select_all()
        else:
            self.deselect_all()


class OverlegFormulier(Formulier[Overleg]):
    def __init__(self, bestand: Gemeentebestand, bestaand: Overleg | None = None, vorige: Overleg | None = None) -> None:
        super().__init__(bestand, f"overleg-{bestaand.id if bestaand else 'nieuw'}")
        self.bestaand = bestaand
        self.vorige = vorige  # a new meeting starts from the previous one's place and people
        self.TITEL = "Overleg wijzigen" if bestaand else "Nieuw overleg"
        self._gekozen: dict[str, object] = {}  # voorzitter/notulist before '+ nieuwe persoon…'

    def velden(self) -> ComposeResult:
        bestand = self.bestand
        personen = self._persoonkeuzes()
        with Horizontal(classes="naast"):
            yield Veld("Datum", Invoer(id="datum", placeholder="dd-mm-jjjj"), verplicht=True)
            yield Veld("Soort", Select([("ambtelijk", "ambtelijk"), ("bestuurlijk", "bestuurlijk")], id="soort", allow_blank=False, value="ambtelijk"))
        yield Veld("Plaats", Invoer(id="plaats", placeholder="bijvoorbeeld Gemeentehuis, kamer 2.14"))
        with Horizontal(classes="naast"):
            yield Veld("Voorzitter", Select(personen, id="voorzitter", prompt="(nog niet bekend)"))
            yield Veld("Notulist", Select(personen, id="notulist", prompt="(nog niet bekend)"))
        with Horizontal(classes="naast"):
            yield Veld("Uitvoeringsagenda", Invoer(id="periode", placeholder="2026-2027"), verplicht=True)
            yield Veld("Volgend overleg", Invoer(id="volgende", placeholder="dd-mm-jjjj"))
        with Horizontal(classes="naast"):
            yield Veld("Begintijd", Invoer(id="begintijd", placeholder="uu:mm"))
            yield Veld("Eindtijd", Invoer(id="eindtijd", placeholder="uu:mm"))
        if not self.bestaand:
            subthemas = [(letterlijk(s.titel), s.nummer, True) for s in bestand.kader().subthemas]
            yield Veld("Subthema's op de agenda", SubthemaKeuze(*subthemas, id="subthemas"), hulp="spatie: aan/uit, u: alles uit, a: alles aan")

    def _persoonkeuzes(self) -> list:
        return [(letterlijk(p.naam), p.id) for p in notulen.personen(self.bestand)] + [("+ nieuwe persoon…", NIEUWE_PERSOON)]

    @on(Select.Changed, "#voorzitter, #notulist")
    def _nieuwe_persoon(self, event: Select.Changed) -> None:
        if event.value != NIEUWE_PERSOON:
            self._gekozen[event.select.id] = event.value
            return
        from tui.schermen.persoon_formulier import PersoonFormulier

        veld = event.select
        vorige = self._gekozen.get(veld.id, Select.NULL)

        def na(persoon: Persoon | None) -> None:
            # Both lists get the new person; the other keeps its choice, this one takes the new person.
            for select in self.query("#voorzitter, #notulist").results(Select):
                waarde = select.value
                select.set_options(self._persoonkeuzes())
                if select is veld:
                    select.value = persoon.id if persoon else vorige
                else:
                    select.value = waarde
            veld.focus()

        self.app.push_screen(PersoonFormulier(self.bestand), na)

    def vul(self) -> None:
        bron = self.bestaand or self.vorige
        agendas = notulen.uitvoeringsagendas(self.bestand)
        periode = next((a.periode for a in agendas if bron and a.id == bron.agenda_id), agendas[-1].periode if agendas else "")
        self.zet_waarden({
            "datum": toon_datum(self.bestaand.datum if self.bestaand else (self.vorige.volgende_datum if self.vorige and self.vorige.volgende_datum else dt.date.today())),
            "soort": (self.bestaand.soort if self.bestaand else OverlegSoort.AMBTELIJK).value,
            "plaats": bron.plaats if bron else "",
            "voorzitter": bron.voorzitter_id if bron and bron.voorzitter_id else Select.NULL,
            "notulist": bron.notulist_id if bron and bron.notulist_id else Select.NULL,
            "periode": periode,
            "volgende": toon_datum(self.bestaand.volgende_datum) if self.bestaand else "",
            "begintijd": self.bestaand.begintijd or "" if self.bestaand else "",
            "eindtijd": self.bestaand.eindtijd or "" if self.bestaand else "",
        })

    def vastleggen(self) -> Overleg:
        w = self.waarden()
        datum = lees_datum(w["datum"], "datum")
        volgende = lees_datum(w["volgende"], "volgende", verplicht=False)
        if volgende and volgende <= datum:
            raise OngeldigeInvoer("volgende", "Het volgende overleg moet na dit overleg zijn.")
        begintijd = lees_tijd(w["begintijd"], "begintijd")
        eindtijd = lees_tijd(w["eindtijd"], "eindtijd")
        if begintijd and eindtijd and eindtijd <= begintijd:
            raise OngeldigeInvoer("eindtijd", "De eindtijd moet na de begintijd liggen.")
        agenda = notulen.agenda_voor_periode(self.bestand, lees_periode(w["periode"]))
        overleg = Overleg(
            id=self.bestaand.id if self.bestaand else None,
            agenda_id=agenda.id,
            datum=datum,
            soort=OverlegSoort(w["soort"]),
            plaats=schone_tekst(w["plaats"], "plaats", "De plaats"),
            voorzitter_id=None if w["voorzitter"] in (Select.NULL, NIEUWE_PERSOON) else w["voorzitter"],
            notulist_id=None if w["notulist"] in (Select.NULL, NIEUWE_PERSOON) else w["notulist"],
            volgende_datum=volgende,
            begintijd=begintijd,
            eindtijd=eindtijd,
        )
        if self.bestaand:  # the approval of its minutes is recorded elsewhere and stays
            overleg = replace(overleg, **{k: getattr(self.bestaand, k) for k in (
                "verslag_vastgesteld_op", "verslag_vastgesteld_in", "verslag_wijzigingen")})
            notulen.wijzig_overleg(self.bestand, overleg)
            return notulen.overleg(self.bestand, overleg.id)
        if not w["subthemas"]:
            raise OngeldigeInvoer("subthemas", "Zet minstens één subthema op de agenda.")
        return notulen.nieuw_overleg(self.bestand, overleg, w["subthemas"])
