"""Form for a meeting (overleg): date, kind, place, chair, minute-taker, period and agenda."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Checkbox, Select, SelectionList

from opslag import notulen, perioden
from opslag.bestand import Gemeentebestand
from opslag.datums import lees_datum, lees_periode, lees_tijd, toon_datum
from opslag.fouten import OngeldigeInvoer
from opslag.invoer import schone_tekst
from opslag.modellen import Overleg, OverlegSoort, Persoon
from tui.schermen.formulier import Formulier, Naast, Veld
from tui.widgets.keuze import Keuze
from tui.widgets.veilig import Invoer
from tui.weergave import letterlijk

# The last choice in Voorzitter and Notulist: add a person without leaving the form (a new file
# knows nobody yet). Not a person's id: ids start at 1.
NIEUWE_PERSOON = -1
# The last choice in Uitvoeringsagenda: a period the framework does not offer, typed and so chosen on purpose.
ANDERE_PERIODE = "andere"


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
        with Naast():
            yield Veld("Datum", Invoer(id="datum", placeholder="dd-mm-jjjj"), verplicht=True)
            yield Veld("Soort", Keuze([("ambtelijk", "ambtelijk"), ("bestuurlijk", "bestuurlijk")], id="soort", allow_blank=False, value="ambtelijk"))
        yield Veld("Plaats", Invoer(id="plaats", placeholder="bijvoorbeeld Gemeentehuis, kamer 2.14"))
        with Naast():
            yield Veld("Voorzitter", Keuze(personen, id="voorzitter", prompt="(nog niet bekend)"))
            yield Veld("Notulist", Keuze(personen, id="notulist", prompt="(nog niet bekend)"))
        with Naast():
            yield Veld("Uitvoeringsagenda", Keuze(self._periodekeuzes(), id="periode", allow_blank=False), verplicht=True)
            yield Veld("Volgend overleg", Invoer(id="volgende", placeholder="dd-mm-jjjj"))
        yield Veld("Andere periode", Invoer(id="andere_periode", placeholder="bijvoorbeeld 2030-2031"), hulp="buiten het kader, bewust gekozen")
        yield Veld("Nieuwe periode", Checkbox("Onafgeronde afspraken overnemen", value=True, id="overnemen"), hulp="gereed en vervallen blijven in de vorige")
        with Naast():
            yield Veld("Begintijd", Invoer(id="begintijd", placeholder="uu:mm"))
            yield Veld("Eindtijd", Invoer(id="eindtijd", placeholder="uu:mm"))
        if not self.bestaand:
            subthemas = [(letterlijk(s.titel), s.nummer, True) for s in bestand.kader().subthemas]
            yield Veld("Subthema's op de agenda", SubthemaKeuze(*subthemas, id="subthemas"), hulp="spatie: aan/uit, u: alles uit, a: alles aan")

    def _periodekeuzes(self) -> list:
        keuzes = []
        # Kept for the fields that follow the choice while the form is open: nothing else starts a period meanwhile.
        self._perioden = perioden.perioden(self.bestand)
        for periode in self._perioden:
            staat = "nieuw" if periode.agenda_id is None else periode.staat
            keuzes.append((letterlijk(f"{periode.periode} ({staat}{'' if periode.in_kader else ', buiten het kader'})"), periode.periode))
        return keuzes + [("andere periode…", ANDERE_PERIODE)]

    def _gekozen_periode(self) -> str | None:
        """The period chosen, or typed under 'andere periode…' (None while that is not a period)."""
        keuze = self.query_one("#periode", Select).value
        if keuze != ANDERE_PERIODE:
            return None if keuze is Select.NULL else str(keuze)
        try:
            return lees_periode(self.query_one("#andere_periode", Invoer).value)
        except OngeldigeInvoer:
            return None

    @on(Select.Changed, "#periode")
    @on(Invoer.Changed, "#andere_periode")
    def _toon_periodevelden(self) -> None:
        """'Andere periode' only after choosing it; the carry-over question only for a period that
        is not in the file yet and has one before it, naming that one and what goes along."""
        self.query_one("#veld-andere_periode").display = self.query_one("#periode", Select).value == ANDERE_PERIODE
        periode = self._gekozen_periode()
        bestaat = periode is None or any(p.periode == periode and p.agenda_id for p in self._perioden)
        vorige = None if bestaat else perioden.vorige_agenda(self.bestand, periode)
        self.query_one("#veld-overnemen").display = vorige is not None
        if vorige is not None:
            onvoltooid = perioden.tellingen(self.bestand, vorige[0])[0]
            self.query_one("#overnemen", Checkbox).label = letterlijk(f"{onvoltooid} onafgeronde {'afspraak' if onvoltooid == 1 else 'afspraken'} overnemen uit {vorige[1]}")

    def _agenda(self, keuze: object, andere: str, overnemen: bool) -> int:
        """The agenda of the chosen period; a period not in the file yet is started here."""
        veld = "andere_periode" if keuze == ANDERE_PERIODE else "periode"
        try:
            periode = lees_periode(andere if keuze == ANDERE_PERIODE else str(keuze))
            for bestaand in perioden.perioden(self.bestand):
                if bestaand.periode == periode and bestaand.agenda_id is not None:
                    return bestaand.agenda_id
            start = perioden.start_periode(self.bestand, periode, buiten_kader=keuze == ANDERE_PERIODE, overnemen=overnemen)
        except OngeldigeInvoer as fout:
            raise OngeldigeInvoer(veld, str(fout)) from None
        self.app.notify(start.tekst, title="Nieuwe periode", timeout=10)
        return start.agenda_id

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
        periode = next((a.periode for a in agendas if bron and a.id == bron.agenda_id), agendas[-1].periode if agendas else Select.NULL)
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
        self._toon_periodevelden()

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
        if not self.bestaand and not w["subthemas"]:
            raise OngeldigeInvoer("subthemas", "Zet minstens één subthema op de agenda.")
        agenda_id = self._agenda(w["periode"], w["andere_periode"], w["overnemen"])
        overleg = Overleg(
            id=self.bestaand.id if self.bestaand else None,
            agenda_id=agenda_id,
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
        return notulen.nieuw_overleg(self.bestand, overleg, w["subthemas"])
