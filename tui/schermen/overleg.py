"""The meeting screen: walk through the agenda and record notes, agreements, decisions, actions.

The screen composes and orchestrates; its widgets (tui/widgets/) show and report back with
messages: the agenda (`AgendaLijst`), the lists of items (`ItemLijst`) and the note, which saves
itself (`Notitieveld`). Every form writes when it is completed. The position in the agenda is
remembered, so reopening the file resumes where the minute-taker left off.
"""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Header, Label

from opslag import datums, levensloop, notulen
from opslag.bestand import Gemeentebestand
from opslag.datums import toon_datum
from opslag.fouten import OverlegGesloten
from opslag.modellen import PUNT_TITELS, Agendapunt, Overleg, PuntSoort
from opslag.sluiten import gesloten_tekst
from tui.schermen.gestyled import EersteKeerGestyled
from tui.schermen.overleg_agenda import AgendaWijzigen
from tui.schermen.overleg_vastleggen import Vastleggen
from tui.weergave import (
    Kleuren, actieregel, afspraakregels, besluitregel, eerdere_regels, letterlijk, punt_uitleg, subthema_inhoud,
)
from tui.widgets.agendalijst import AgendaLijst
from tui.widgets.itemlijst import ItemLijst
from tui.widgets.kaderblok import Kaderblok
from tui.widgets.lettertoetsen import LETTERTOETSEN
from tui.widgets.notitieveld import Notitieveld
from tui.widgets.voettekst import Voettekst

# Rows at the bottom of the screen a notification covers, with its margins: it sits bottom right,
# above the footer (Textual's toast: a margin row, padding, title, message, padding; the rack's margin).
RUIMTE_MELDING = 5
MAX_REGELS = 50  # per list on the meeting screen; more is an archive, not something to talk through


class OverlegKader(Kaderblok):
    """The framework block takes the meeting screen's letter keys, as its lists do: its title
    says 'k', and a/b/t must work wherever the minute-taker is, except in the note."""

    BINDINGS = LETTERTOETSEN


class OverlegScherm(Vastleggen, AgendaWijzigen, EersteKeerGestyled, Screen[None]):
    AUTO_FOCUS = "#notitie"
    BINDINGS = [
        Binding("ctrl+down", "stap(1)", "Volgende", id="volgend_punt"),
        Binding("ctrl+up", "stap(-1)", "Vorige", id="vorig_punt"),
        Binding("escape", "naar_agenda", "Agenda", key_display="Esc", id="naar_agenda"),
        Binding("ctrl+z", "ongedaan", "Ongedaan maken", show=False, id="ongedaan"),
        Binding("ctrl+y", "opnieuw", "Opnieuw", show=False, id="opnieuw"),
    ]

    UITLEG = (
        "Links staat de agenda, rechts het punt waar u bent: het kader (k), de aantekeningen en "
        "de lijsten met afspraken, besluiten en actiepunten. Tab gaat naar het volgende deel, "
        "shift+Tab terug; Esc gaat altijd naar de agenda, Enter in de agenda naar de aantekeningen. "
        "In de aantekeningen typt u gewoon; daarbuiten werken de lettertoetsen hieronder. "
        "In een lijst kiest u een regel met de pijltjes: Enter wijzigt hem, Delete verwijdert hem "
"(ctrl+z maakt de laatste wijziging ongedaan, ctrl+y doet hem opnieuw), g zet een actiepunt op gereed."
    )
    """The F1 page starts with how the screen is laid out: the keys alone do not say where Tab goes."""

    index = var(0, init=False)
    """The agenda item on screen; setting it shows that item (`ga_naar_index` also saves and remembers)."""

    def __init__(self, bestand: Gemeentebestand, overleg_id: int) -> None:
        # Styled with it from the start: set at the first resize, it restyled the whole screen.
        super().__init__(classes="breed" if self.app.size.width >= 120 else None)
        self.bestand = bestand
        self.overleg_id = overleg_id
        self.punten: list[Agendapunt] = []
        self._agenda_verouderd = False
        self._kader_getoond: str | None = None
        self._items_actueel = False
        self.notitieveld = Notitieveld(bestand, id="notitie")

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="positie")
        with Horizontal():
            yield AgendaLijst(id="agenda")
            with VerticalScroll(id="werkvlak"):
                yield OverlegKader("Regionaal kader (k)", id="kader")
                yield Label("", id="punttekst")
                yield self.notitieveld.kop
                yield self.notitieveld
                yield from self._lijsten()
        yield Voettekst()

    def on_mount(self) -> None:
        self.kleuren = Kleuren.uit_thema(self.app.get_css_variables())
        self.laad_overleg()

    def laad_overleg(self) -> None:
        self.overleg: Overleg = notulen.overleg(self.bestand, self.overleg_id)
        self.punten = notulen.agendapunten(self.bestand, self.overleg_id)
        huidig = next((i for i, p in enumerate(self.punten) if p.id == self.overleg.huidig_punt_id), 0)
        self.set_reactive(OverlegScherm.index, huidig)  # shown below, also when it did not change
        self.app.sub_title = f"{self.bestand.gemeente().naam} — {self.overleg.soort.value} overleg {toon_datum(self.overleg.datum)}"
        if self.bestand.alleen_lezen:
            self.app.sub_title += " (alleen-lezen)"
            self.notitieveld.vergrendel(True, f"Alleen-lezen: {self.bestand.alleen_lezen}. De aantekeningen kunnen niet gewijzigd worden.")
        elif self.overleg.gesloten_op:
            self.notitieveld.vergrendel(True, str(OverlegGesloten(toon_datum(self.overleg.datum))))
        else:
            self.notitieveld.vergrendel(False)
        self.vernieuw_agenda()
        self.toon_punt()

    def toon_overleg(self, overleg_id: int) -> None:
        """Show another meeting on this screen, as a new screen would show it (its agenda item where
        it was left, the note focused); if the note cannot be saved, this meeting stays, with it.
        The widgets are mounted, styled and laid out already: a new screen spent most of the time
        from the choice to the meeting on that."""
        if not self.bewaar_notitie():
            return
        self.overleg_id = overleg_id
        for lijst in self.query(ItemLijst):
            lijst.highlighted = None  # a row of the other meeting's lists, not one of this
        self.set_focus(self.notitieveld)  # now, not later: the footer is rebuilt once for the focus and the item
        self.laad_overleg()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`a` is not offered on an item without a subtheme, where an agreement cannot be made; pressed
        there anyway, the letter keys' hidden fallback says why (`action_afspraak`)."""
        if action == "afspraak" and self.punten:
            return self.punt.soort is PuntSoort.SUBTHEMA
        return True

    def action_geen_afspraak(self) -> None:
        self.action_afspraak()  # type: ignore[attr-defined]

    @property
    def punt(self) -> Agendapunt:
        return self.punten[self.index]

    def punt_titel(self, punt: Agendapunt) -> str:
        if punt.soort is PuntSoort.SUBTHEMA:
            return self.bestand.kader().subthema(punt.subthema_nummer).titel
        if punt.soort is PuntSoort.VRIJ:
            return punt.titel or ""
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
        positie = letterlijk(f"{self.punt_titel(punt)} — {self.index + 1} van {len(self.punten)}")
        if self.overleg.gesloten_op:
            # Here, not in the header: at 80 columns the header cut it off behind the meeting's name.
            positie = Text.assemble((gesloten_tekst(self.overleg), "reverse"), "  ", positie)
        self.query_one("#positie", Label).update(positie)
        kader = self.query_one("#kader", Kaderblok)
        kader.display = punt.soort is PuntSoort.SUBTHEMA
        self.refresh_bindings()  # `a` is offered on a subtheme only (check_action)
        self._kader_getoond = None
        if kader.display and kader.open:
            self._toon_kader()
        self.bied_tijd_aan()
        uitleg = self.verslag_uitleg() if punt.soort is PuntSoort.VERSLAG else punt_uitleg(punt, self.overleg)
        self.query_one("#punttekst", Label).update(letterlijk(uitleg))
        self.query_one("#punttekst", Label).display = bool(uitleg)
        self.notitieveld.toon(punt.id, punt.notitie)
        self.toon_items()
        self.query_one("#acties", ItemLijst).styles.clear_rule("margin")  # see laat_zien
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

    def _lijsten(self) -> ComposeResult:
        for naam, kop in (("eerdere", ""), ("afspraken", "Afspraken (a)"), ("besluiten", "Besluiten (b)"), ("acties", "Actiepunten (t)")):
            lijst = ItemLijst(kop, id=naam)
            yield lijst.kop
            yield lijst

    def toon_items(self) -> None:
        self._items_actueel = True
        bestand, punt = self.bestand, self.punt
        personen = {p.id: p.naam for p in notulen.personen(bestand)}
        partijen = {p.id: p.code for p in bestand.partijen()}
        is_sub = punt.soort is PuntSoort.SUBTHEMA
        afspraken = notulen.afspraken(bestand, agenda_id=self.overleg.agenda_id, subthema=punt.subthema_nummer) if is_sub else []
        vaststelling = levensloop.vaststellingstekens(bestand, [a.id for a in afspraken[-MAX_REGELS:] if a.id])
        self.query_one("#afspraken", ItemLijst).toon(
            afspraakregels(afspraken, partijen, MAX_REGELS, vaststelling),
            "Nog geen afspraken op dit subthema voor deze uitvoeringsagenda.", zichtbaar=is_sub,
        )
        besluiten = [(f"besluit:{b.id}", besluitregel(b)) for b in notulen.besluiten(bestand, self.overleg_id) if b.agendapunt_id == punt.id]
        self.query_one("#besluiten", ItemLijst).toon(besluiten, "Geen besluiten bij dit punt.")
        vandaag = datums.vandaag()
        acties = notulen.actiepunten(bestand, overleg_id=self.overleg_id)
        regels = [(f"actiepunt:{a.id}", actieregel(a, personen, partijen, vandaag)) for a in acties if a.agendapunt_id == punt.id]
        self.query_one("#acties", ItemLijst).toon(regels, "Geen actiepunten bij dit punt.")
        eerdere = self.query_one("#eerdere", ItemLijst)
        if punt.soort is not PuntSoort.ACTIELIJST:
            eerdere.display = eerdere.kop.display = False  # its lines stay as they were, unseen
            return
        from opslag.actielijst import actielijst

        # One more than shown, to know there are more: the rest is on the actielijst (l).
        open_eerder = actielijst(bestand, behalve_overleg=self.overleg_id, uiterlijk_aangemaakt=self.overleg.datum, limiet=MAX_REGELS + 1)
        aantal = f"{len(open_eerder)}" if len(open_eerder) <= MAX_REGELS else f"{MAX_REGELS}+"
        eerdere.toon(
            eerdere_regels(open_eerder, MAX_REGELS), "Geen openstaande actiepunten uit eerdere overleggen.",
            kop=f"Openstaande actiepunten uit eerdere overleggen ({aantal}) — g: gereed",
        )

    def laat_zien(self, sleutel: str) -> None:
        """Bring the line of the item just saved into view, above the notification confirming it:
        without this the new line was below the fold or under the toast (bottom right)."""
        # Room below the last list to scroll the line up into, until the next item is shown. Only
        # then: focusing the note centres it, and with room to scroll that would push the headings
        # above it out of view. (Padding of the scroll area would shrink its view instead.)
        self.query_one("#acties", ItemLijst).styles.margin = (0, 0, RUIMTE_MELDING, 0)
        # After the layout the new line and the room change: the new margin is laid out one refresh later.
        self.call_after_refresh(self.call_after_refresh, self._scroll_naar, sleutel)

    def _scroll_naar(self, sleutel: str) -> None:
        from textual.geometry import Region, Spacing
        from textual.widgets.option_list import OptionDoesNotExist

        werkvlak = self.query_one("#werkvlak", VerticalScroll)
        for lijst in self.query(ItemLijst):
            try:
                index = lijst.get_option_index(sleutel)
            except OptionDoesNotExist:
                continue
            lijst.highlighted = index  # the list scrolls itself to the line
            # Where the line is in the list: the same (private) table OptionList.scroll_to_highlight reads.
            regel, hoogte = lijst._index_to_line[index], lijst._heights[index]
            y = lijst.virtual_region.y + lijst.gutter.top + regel - round(lijst.scroll_y)
            werkvlak.scroll_to_region(
                Region(0, y, 1, hoogte), spacing=Spacing(0, 0, RUIMTE_MELDING, 0), animate=False, force=True, immediate=True
            )
            return

    # --- notes ------------------------------------------------------------------------------------

    def bewaar_notitie(self) -> bool:
        """Save the note now (before leaving the item, the screen or the app); False: it stays unsaved."""
        if not self.notitieveld.bewaar():
            return False
        # Taken over at once, not when `Bewaard` arrives: the item may be left and shown again before.
        self._notitie_is(self.notitieveld.punt_id, self.notitieveld.tekst)
        return True

    @on(Notitieveld.Bewaard)
    def _notitie_bewaard(self, bericht: Notitieveld.Bewaard) -> None:
        self._notitie_is(bericht.punt_id, bericht.tekst)

    def _notitie_is(self, punt_id: int | None, tekst: str) -> None:
        i = next((i for i, p in enumerate(self.punten) if p.id == punt_id), None)
        if i is None or self.punten[i].notitie == tekst:
            return
        if bool(tekst) != bool(self.punten[i].notitie):
            self._agenda_verouderd = True  # the ✎ marker changes, shown when the item is left
        self.punten[i] = replace(self.punten[i], notitie=tekst)

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
        """Palette 'ga naar subthema': to its agenda item, or show its framework if not on the
        agenda, where z puts it on (the palette also offers 'Zet op de agenda')."""
        for i, punt in enumerate(self.punten):
            if punt.subthema_nummer == nummer:
                self.ga_naar_index(i)
                return
        from tui.schermen.kader import KaderScherm

        self.notify(f"Subthema {nummer} staat niet op de agenda van dit overleg. z: zet het op de agenda.", timeout=6)
        self.app.push_screen(KaderScherm(self.bestand, nummer))

    def action_kader(self) -> None:
        kader = self.query_one("#kader", Kaderblok)
        if kader.display:
            kader.open = not kader.open

    def on_resize(self) -> None:
        breed = self.size.width >= 120
        if breed != self.has_class("breed"):
            self.set_class(breed, "breed")  # the agenda list fits its lines to its new width itself

    def on_screen_suspend(self) -> None:
        self._items_actueel = False  # a form or another screen may change them
        self.bewaar_notitie()

    def on_screen_resume(self) -> None:
        # Not on the first showing: mounting has just shown them (two queries and four lists less).
        if self.punten and not self._items_actueel:
            self.toon_items()

    def on_unmount(self) -> None:
        self.bewaar_notitie()
