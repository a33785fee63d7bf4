"""The meeting screen: walk through the agenda and record notes, agreements, decisions, actions.

The screen composes and orchestrates; its widgets (tui/widgets/) show and report back with
messages: the agenda (`AgendaLijst`), the lists of items (`ItemLijst`) and the note, which saves
itself (`Notitieveld`). Every form writes when it is completed. The position in the agenda is
remembered, so reopening the file resumes where the minute-taker left off.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Header, Label

from opslag import datums, notulen
from opslag.bestand import Gemeentebestand
from opslag.datums import lange_datum, toon_datum
from opslag.modellen import PUNT_TITELS, ActieStatus, Agendapunt, Overleg, PuntSoort
from tui.weergave import (
    Kleuren, actieregel, afspraakregel, besluitregel, eerdere_actieregel, letterlijk, omschrijving, subthema_inhoud,
)
from tui.widgets.agendalijst import AgendaLijst
from tui.widgets.itemlijst import ItemLijst
from tui.widgets.kaderblok import Kaderblok
from tui.widgets.lettertoetsen import LETTERTOETSEN
from tui.widgets.notitieveld import Notitieveld
from tui.widgets.voettekst import Voettekst

MAX_REGELS = 50  # per list on the meeting screen; more is an archive, not something to talk through


class OverlegKader(Kaderblok):
    """The framework block takes the meeting screen's letter keys, as its lists do: its title
    says 'k', and a/b/t must work wherever the minute-taker is, except in the note."""

    BINDINGS = LETTERTOETSEN


class OverlegScherm(Screen[None]):
    AUTO_FOCUS = "#notitie"
    BINDINGS = [
        Binding("ctrl+down", "stap(1)", "Volgende", id="volgend_punt"),
        Binding("ctrl+up", "stap(-1)", "Vorige", id="vorig_punt"),
        Binding("escape", "naar_agenda", "Agenda", key_display="Esc", id="naar_agenda"),
        Binding("ctrl+z", "herstel", "Verwijdering ongedaan maken", show=False, id="herstel"),
    ]

    index = var(0, init=False)
    """The agenda item on screen; setting it shows that item (`ga_naar_index` also saves and remembers)."""

    def __init__(self, bestand: Gemeentebestand, overleg_id: int) -> None:
        super().__init__()
        self.bestand = bestand
        self.overleg_id = overleg_id
        self.punten: list[Agendapunt] = []
        self._agenda_verouderd = False
        self._kader_getoond: str | None = None
        self.notitieveld = Notitieveld(bestand)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="positie")
        with Horizontal():
            yield AgendaLijst(id="agenda")
            with VerticalScroll(id="werkvlak"):
                yield OverlegKader("Regionaal kader (k)", id="kader")
                yield Label("", id="punttekst")
                yield self.notitieveld
                yield Label("", id="eerderekop", classes="kop")
                for naam, kop in (("eerdere", None), ("afspraken", "Afspraken (a)"), ("besluiten", "Besluiten (b)"), ("acties", "Actiepunten (t)")):
                    if kop:
                        yield Label(kop, id=f"{naam}kop", classes="kop")
                    yield ItemLijst(id=naam, classes="items")
        yield Voettekst()

    def on_mount(self) -> None:
        self.kleuren = Kleuren.uit_thema(self.app.get_css_variables())
        self.laad_overleg()
        self.call_after_refresh(self.vernieuw_agenda)  # titles are cut to the width known after layout

    def laad_overleg(self) -> None:
        self.overleg: Overleg = notulen.overleg(self.bestand, self.overleg_id)
        self.punten = notulen.agendapunten(self.bestand, self.overleg_id)
        huidig = next((i for i, p in enumerate(self.punten) if p.id == self.overleg.huidig_punt_id), 0)
        self.set_reactive(OverlegScherm.index, huidig)  # shown below, also when it did not change
        self.app.sub_title = f"{self.bestand.gemeente().naam} — {self.overleg.soort.value} overleg {toon_datum(self.overleg.datum)}"
        if self.bestand.alleen_lezen:
            self.app.sub_title += " (alleen-lezen)"
            self.notitieveld.alleen_lezen()
        self.vernieuw_agenda()
        self.toon_punt()

    @property
    def punt(self) -> Agendapunt:
        return self.punten[self.index]

    def punt_titel(self, punt: Agendapunt) -> str:
        if punt.soort is PuntSoort.SUBTHEMA:
            return self.bestand.kader().subthema(punt.subthema_nummer).titel
        return PUNT_TITELS[punt.soort]

    def vernieuw_agenda(self) -> None:
        tellingen = notulen.tellingen(self.bestand, self.overleg_id)
        punten = [(p.id, self.punt_titel(p), tellingen.get(p.id)) for p in self.punten]
        self.query_one("#agenda", AgendaLijst).toon(punten, self.index)
        self._agenda_verouderd = False

    # --- showing an item ------------------------------------------------------------------------

    def watch_index(self) -> None:
        self.toon_punt()

    def toon_punt(self) -> None:
        punt = self.punt
        self.query_one("#positie", Label).update(letterlijk(f"{self.punt_titel(punt)} — {self.index + 1} van {len(self.punten)}"))
        kader = self.query_one("#kader", Kaderblok)
        kader.display = punt.soort is PuntSoort.SUBTHEMA
        self._kader_getoond = None
        if kader.display and kader.open:
            self._toon_kader()
        uitleg = self._uitleg(punt)
        self.query_one("#punttekst", Label).update(letterlijk(uitleg))
        self.query_one("#punttekst", Label).display = bool(uitleg)
        self.notitieveld.toon(punt.id, punt.notitie)
        self.toon_items()
        self.query_one("#werkvlak", VerticalScroll).scroll_home(animate=False)
        agenda = self.query_one("#agenda", AgendaLijst)
        if agenda.highlighted != self.index:
            agenda.kies(self.index)

    @on(Kaderblok.Geopend, "#kader")
    def _toon_kader(self) -> None:
        """The framework text is rendered only when unfolded: most steps never show it."""
        nummer = self.punt.subthema_nummer
        if nummer and self._kader_getoond != nummer:
            kader = self.bestand.kader()
            self.query_one("#kader", Kaderblok).inhoud = subthema_inhoud(kader, kader.subthema(nummer), self.kleuren)
            self._kader_getoond = nummer

    def _uitleg(self, punt: Agendapunt) -> str:
        if punt.soort is PuntSoort.SLUITING:
            volgende = self.overleg.volgende_datum
            return f"Volgend overleg: {lange_datum(volgende)}" if volgende else "Volgend overleg: nog niet gepland (o: overleg wijzigen)."
        if punt.soort is PuntSoort.OPENING:
            return f"{self.overleg.soort.value.capitalize()} overleg, {lange_datum(self.overleg.datum)}{', ' + self.overleg.plaats if self.overleg.plaats else ''}. Aanwezigheid: p."
        return ""

    def toon_items(self) -> None:
        bestand, punt = self.bestand, self.punt
        personen = {p.id: p.naam for p in notulen.personen(bestand)}
        partijen = {p.id: p.code for p in bestand.partijen()}
        is_sub = punt.soort is PuntSoort.SUBTHEMA
        afspraken = notulen.afspraken(bestand, agenda_id=self.overleg.agenda_id, subthema=punt.subthema_nummer) if is_sub else []
        regels = [(f"afspraak:{a.id}", afspraakregel(a, partijen)) for a in afspraken[-MAX_REGELS:]]
        if len(afspraken) > MAX_REGELS:  # newest shown; the export lists them all
            regels.insert(0, (None, Text(f"… {len(afspraken) - MAX_REGELS} oudere afspraken: zie de export (e)", style="italic")))
        self._vul("afspraken", regels, toon=is_sub, leeg="Nog geen afspraken op dit subthema voor deze uitvoeringsagenda.")
        besluiten = [b for b in notulen.besluiten(bestand, self.overleg_id) if b.agendapunt_id == punt.id]
        self._vul("besluiten", [(f"besluit:{b.id}", besluitregel(b)) for b in besluiten], leeg="Geen besluiten bij dit punt.")
        acties = [a for a in notulen.actiepunten(bestand, overleg_id=self.overleg_id) if a.agendapunt_id == punt.id]
        vandaag = datums.vandaag()
        regels = [(f"actiepunt:{a.id}", actieregel(a, personen, partijen, vandaag)) for a in acties]
        self._vul("acties", regels, leeg="Geen actiepunten bij dit punt.")
        eerder = punt.soort is PuntSoort.ACTIELIJST
        if eerder:
            from opslag.actielijst import actielijst

            # One more than shown, to know there are more: the rest is on the actielijst (l).
            open_eerder = actielijst(bestand, behalve_overleg=self.overleg_id, uiterlijk_aangemaakt=self.overleg.datum, limiet=MAX_REGELS + 1)
            regels = [(f"actiepunt:{r.id}", eerdere_actieregel(r)) for r in open_eerder[:MAX_REGELS]]
            if len(open_eerder) > MAX_REGELS:
                regels.append((None, Text("… en meer: l opent de hele actielijst", style="italic")))
            self._vul("eerdere", regels, leeg="Geen openstaande actiepunten uit eerdere overleggen.")
            aantal = f"{len(regels)}" if len(open_eerder) <= MAX_REGELS else f"{MAX_REGELS}+"
            self.query_one("#eerderekop", Label).update(f"Openstaande actiepunten uit eerdere overleggen ({aantal}) — g: gereed")
        self.query_one("#eerderekop", Label).display = eerder
        self.query_one("#eerdere", ItemLijst).display = eerder

    def _vul(self, naam: str, regels: list[tuple[str | None, Text]], toon: bool = True, leeg: str = "") -> None:
        lijst = self.query_one(f"#{naam}", ItemLijst)
        lijst.toon(regels, leeg)
        lijst.display = toon
        self.query_one(f"#{naam}kop", Label).display = toon

    # --- notes ------------------------------------------------------------------------------------

    def bewaar_notitie(self) -> bool:
        """Save the note now (before leaving the item, the screen or the app); False: it stays unsaved."""
        if not self.notitieveld.bewaar():
            return False
        if self.notitieveld.punt_id is not None:  # known now: the item may be left before the message arrives
            self._notitie_bewaard(Notitieveld.Bewaard(self.notitieveld.punt_id, self.notitieveld.tekst, None))
        return True

    @on(Notitieveld.Bewaard)
    def _notitie_bewaard(self, bericht: Notitieveld.Bewaard) -> None:
        i = next((i for i, p in enumerate(self.punten) if p.id == bericht.punt_id), None)
        if i is None or self.punten[i].notitie == bericht.tekst:
            return
        if bool(bericht.tekst) != bool(self.punten[i].notitie):
            self._agenda_verouderd = True  # the ✎ marker changes, shown when the item is left
        self.punten[i] = replace(self.punten[i], notitie=bericht.tekst)

    @on(Notitieveld.NietBewaard)
    def _notitie_niet_bewaard(self, bericht: Notitieveld.NietBewaard) -> None:
        self.notify(bericht.reden, severity="error", timeout=15)

    def onbewaarde_notitie(self) -> str | None:
        """The note as a text to keep elsewhere, if it is not in the file: its item, then its text."""
        if not self.notitieveld.onbewaard:
            return None
        return f"{self.app.sub_title}\nAgendapunt: {self.punt_titel(self.punt)}\n\n{self.notitieveld.tekst}\n"

    # --- moving through the agenda --------------------------------------------------------------

    def ga_naar_index(self, index: int) -> None:
        if not 0 <= index < len(self.punten) or index == self.index:
            return
        if not self.bewaar_notitie():
            return  # stay: the unsaved text must not be replaced
        self.index = index
        notulen.zet_huidig_punt(self.bestand, self.overleg_id, self.punt.id)
        if self._agenda_verouderd:
            self.vernieuw_agenda()

    def action_stap(self, richting: int) -> None:
        self.ga_naar_index(self.index + richting)

    @on(AgendaLijst.Gekozen)
    def _agenda_gekozen(self, bericht: AgendaLijst.Gekozen) -> None:
        if bericht.index != self.index:
            self.ga_naar_index(bericht.index)

    @on(AgendaLijst.Typen)
    def _agenda_enter(self) -> None:
        self.notitieveld.focus()

    def action_naar_agenda(self) -> None:
        self.bewaar_notitie()
        self.query_one("#agenda", AgendaLijst).focus()

    def toon_subthema(self, nummer: str) -> None:
        """Palette 'ga naar subthema': to its agenda item, or show its framework if not on the agenda."""
        for i, punt in enumerate(self.punten):
            if punt.subthema_nummer == nummer:
                self.ga_naar_index(i)
                return
        from tui.schermen.kader import KaderScherm

        self.notify(f"Subthema {nummer} staat niet op de agenda van dit overleg; hier is het kader.", timeout=4)
        self.app.push_screen(KaderScherm(nummer))

    # --- recording ------------------------------------------------------------------------------

    def _na_wijziging(self, melding: str) -> Callable[[object], None]:
        def na(resultaat: object) -> None:
            if resultaat is None:
                return
            self.notify(melding.format(code=getattr(resultaat, "code", "")), title="Bewaard")
            self.toon_items()
            self.vernieuw_agenda()

        return na

    def _alleen_lezen(self) -> bool:
        reden = self.bestand.alleen_lezen
        if reden:
            self.notify(f"Alleen-lezen: {reden}. Er kan niets worden vastgelegd.", severity="warning")
        return bool(reden)

    def action_afspraak(self, afspraak_id: int | None = None) -> None:
        if self._alleen_lezen():
            return
        from tui.schermen.afspraak_formulier import AfspraakFormulier

        punt = self.punt
        if punt.soort is not PuntSoort.SUBTHEMA:
            self.notify("Afspraken horen bij een subthema; ga naar een subthema op de agenda.", severity="warning")
            return
        bestaand = notulen.afspraak_met_id(self.bestand, afspraak_id) if afspraak_id else None
        self.app.push_screen(
            AfspraakFormulier(punt.subthema_nummer, self.overleg.agenda_id, self.overleg_id, bestaand),
            self._na_wijziging("Afspraak {code} is vastgelegd."),
        )

    def action_besluit(self, besluit_id: int | None = None) -> None:
        if self._alleen_lezen():
            return
        from tui.schermen.besluit_formulier import BesluitFormulier

        bestaand = notulen.besluit(self.bestand, besluit_id) if besluit_id else None
        self.app.push_screen(
            BesluitFormulier(self.overleg_id, self.punt.id, self.overleg.datum, bestaand),
            self._na_wijziging("Besluit {code} is vastgelegd."),
        )

    def action_actie(self, actie_id: int | None = None) -> None:
        if self._alleen_lezen():
            return
        from tui.schermen.actie_formulier import ActieFormulier

        bestaand = notulen.actiepunt(self.bestand, actie_id) if actie_id else None
        self.app.push_screen(
            ActieFormulier(self.overleg_id, self.punt.id, self.punt.subthema_nummer, bestaand, self.overleg.volgende_datum),
            self._na_wijziging("Actiepunt {code} is vastgelegd."),
        )

    @on(ItemLijst.Bewerken)
    def _bewerken(self, bericht: ItemLijst.Bewerken) -> None:
        self.bewerk_item(bericht.sleutel)

    def bewerk_item(self, sleutel: str) -> None:
        soort, rij_id = sleutel.split(":")
        {"afspraak": self.action_afspraak, "besluit": self.action_besluit, "actiepunt": self.action_actie}[soort](int(rij_id))

    @on(ItemLijst.Verwijderen)
    def _verwijderen(self, bericht: ItemLijst.Verwijderen) -> None:
        self.verwijder_item(bericht.sleutel)

    def verwijder_item(self, sleutel: str) -> None:
        from tui.schermen.bevestig import BevestigScherm

        soort, rij_id = sleutel.split(":")
        item = notulen.item(self.bestand, soort, int(rij_id))

        def na(ja: bool | None) -> None:
            if ja:
                notulen.verwijder(self.bestand, soort, item.id)
                self.notify(f"{item.code} is verwijderd. Ongedaan maken: ctrl+z (of 'herstel' in ctrl+p).", title="Verwijderd")
                self.toon_items()
                self.vernieuw_agenda()

        self.app.push_screen(BevestigScherm(f"{item.code} verwijderen?\n\n{omschrijving(item)}"), na)

    @on(ItemLijst.Gereed)
    def zet_gereed(self, bericht: ItemLijst.Gereed) -> None:
        soort, rij_id = bericht.sleutel.split(":")
        if soort != "actiepunt":
            return
        actie = notulen.actiepunt(self.bestand, int(rij_id))
        nieuw = ActieStatus.OPEN if actie.status is ActieStatus.GEREED else ActieStatus.GEREED
        # Closed in this meeting: record the meeting's date, so the minutes list it as finished here.
        notulen.zet_actiestatus(self.bestand, actie.id, nieuw, self.overleg.datum)
        self.notify(f"{actie.code} is {'gereed' if nieuw is ActieStatus.GEREED else 'weer open'}.", title="Bewaard")
        self.toon_items()

    def action_herstel(self) -> None:
        hersteld = notulen.herstel_laatste_verwijdering(self.bestand)
        if hersteld is None:
            self.notify("Er is niets om terug te zetten.", severity="warning")
            return
        self.notify(f"{hersteld} is teruggezet.", title="Hersteld")
        self.toon_items()
        self.vernieuw_agenda()

    def action_kader(self) -> None:
        kader = self.query_one("#kader", Kaderblok)
        if kader.display:
            kader.open = not kader.open

    def action_aanwezigheid(self) -> None:
        if self._alleen_lezen():
            return
        from tui.schermen.aanwezigheid import AanwezigheidScherm

        self.app.push_screen(AanwezigheidScherm(self.overleg_id))

    def action_wijzig_overleg(self) -> None:
        if self._alleen_lezen():
            return
        from tui.schermen.overleg_formulier import OverlegFormulier

        def na(overleg: Overleg | None) -> None:
            if overleg is not None:
                self.notify("Het overleg is bijgewerkt.", title="Bewaard")
                self.laad_overleg()

        self.app.push_screen(OverlegFormulier(self.overleg), na)

    def on_resize(self) -> None:
        breed = self.size.width >= 120
        if breed != self.has_class("breed"):
            self.set_class(breed, "breed")
            if self.punten:
                self.call_after_refresh(self.vernieuw_agenda)

    def on_screen_suspend(self) -> None:
        self.bewaar_notitie()

    def on_screen_resume(self) -> None:
        if self.punten:
            self.toon_items()

    def on_unmount(self) -> None:
        self.bewaar_notitie()
