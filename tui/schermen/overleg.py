"""The meeting screen: walk through the agenda and record notes, agreements, decisions, actions.

Notes save themselves while typing (at most half a second after the first unsaved key, also
while typing on without a pause, and at once when leaving the item); every form writes when it is completed. The position in the agenda is remembered, so
reopening the file resumes where the minute-taker left off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Label, OptionList, TextArea
from textual.widgets.option_list import Option

from opslag import datums, notulen
from opslag.datums import lange_datum, toon_datum
from opslag.fouten import TripartietFout
from opslag.modellen import PUNT_TITELS, ActieStatus, Agendapunt, Overleg, PuntSoort
from tui.widgets.kaderblok import Kaderblok
from tui.widgets.voettekst import Voettekst
from tui.weergave import Kleuren, letterlijk, subthema_inhoud
from tui.widgets.veilig import Tekstvak

BEWAAR_NA = 0.5  # seconds after the first unsaved key; killing the terminal loses at most this much
MAX_REGELS = 50  # per list on the meeting screen; more is an archive, not something to talk through


class OverlegScherm(Screen[None]):
    AUTO_FOCUS = "#notitie"
    BINDINGS = [
        Binding("ctrl+down", "stap(1)", "Volgende", id="volgend_punt"),
        Binding("ctrl+up", "stap(-1)", "Vorige", id="vorig_punt"),
        Binding("escape", "naar_agenda", "Agenda", key_display="Esc", id="naar_agenda"),
        Binding("ctrl+z", "herstel", "Verwijdering ongedaan maken", show=False, id="herstel"),
    ]

    def __init__(self, overleg_id: int) -> None:
        super().__init__()
        self.overleg_id = overleg_id
        self.punten: list[Agendapunt] = []
        self.index = 0
        self._bewaar_timer: Timer | None = None
        self._onbewaard = False
        self._agenda_verouderd = False
        self._kader_getoond: str | None = None

    # --- building ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="positie")
        with Horizontal():
            yield AgendaLijst(id="agenda")
            with VerticalScroll(id="werkvlak"):
                yield OverlegKader("Regionaal kader (k)", id="kader")
                yield Label("", id="punttekst")
                # Kept as attributes: the note is saved on unmount too, when queries find nothing.
                self.notitiekop = Label("Aantekeningen", id="notitiekop", classes="kop")
                self.notitie = Tekstvak(id="notitie", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
                yield self.notitiekop
                yield self.notitie
                yield Label("", id="eerderekop", classes="kop")
                yield ItemLijst(id="eerdere", classes="items")
                yield Label("Afspraken (a)", id="afsprakenkop", classes="kop")
                yield ItemLijst(id="afspraken", classes="items")
                yield Label("Besluiten (b)", id="besluitenkop", classes="kop")
                yield ItemLijst(id="besluiten", classes="items")
                yield Label("Actiepunten (t)", id="actieskop", classes="kop")
                yield ItemLijst(id="acties", classes="items")
        yield Voettekst()

    def on_mount(self) -> None:
        self.kleuren = Kleuren.uit_thema(self.app.get_css_variables())
        self.laad_overleg()
        self.call_after_refresh(self.vernieuw_agenda)  # titles are cut to the width known after layout

    def laad_overleg(self) -> None:
        bestand = self.app.bestand
        self.overleg: Overleg = notulen.overleg(bestand, self.overleg_id)
        self.punten = notulen.agendapunten(bestand, self.overleg_id)
        self.index = next((i for i, p in enumerate(self.punten) if p.id == self.overleg.huidig_punt_id), 0)
        self.app.sub_title = f"{bestand.gemeente().naam} — {self.overleg.soort.value} overleg {toon_datum(self.overleg.datum)}"
        if bestand.alleen_lezen:
            self.app.sub_title += " (alleen-lezen)"
            self.query_one("#notitie", TextArea).read_only = True
        self.vernieuw_agenda()
        self.toon_punt()

    @property
    def punt(self) -> Agendapunt:
        return self.punten[self.index]

    def punt_titel(self, punt: Agendapunt) -> str:
        if punt.soort is PuntSoort.SUBTHEMA:
            return self.app.bestand.kader().subthema(punt.subthema_nummer).titel
        return PUNT_TITELS[punt.soort]

    def vernieuw_agenda(self) -> None:
        tellingen = notulen.tellingen(self.app.bestand, self.overleg_id)
        lijst = self.query_one("#agenda", AgendaLijst)
        breedte = max(lijst.scrollable_content_region.width - 2, 20) if lijst.size.width else 30
        opties = []
        for i, punt in enumerate(self.punten):
            telling = tellingen.get(punt.id)
            tekens = ""
            if telling:
                tekens = " ".join(
                    t for t in (
                        "✎" if telling.notitie else "",
                        f"AF{telling.afspraken}" if telling.afspraken else "",
                        f"B{telling.besluiten}" if telling.besluiten else "",
                        f"A{telling.acties}" if telling.acties else "",
                    ) if t
                )
            titel = self.punt_titel(punt)
            ruimte = breedte - len(tekens) - 1
            if len(titel) > ruimte:
                titel = titel[: max(ruimte - 1, 4)] + "…"
            regel = letterlijk(titel.ljust(ruimte))
            if tekens:
                regel.append(" " + tekens, style="bold")
            opties.append(Option(regel, id=str(punt.id)))
        lijst.clear_options()
        lijst.add_options(opties)
        lijst.highlighted = self.index
        self._agenda_verouderd = False

    # --- showing an item ------------------------------------------------------------------------

    def toon_punt(self) -> None:
        punt = self.punt
        bestand = self.app.bestand
        titel = self.punt_titel(punt)
        self.query_one("#positie", Label).update(letterlijk(f"{titel} — {self.index + 1} van {len(self.punten)}"))
        kader = self.query_one("#kader", Kaderblok)
        kader.display = punt.soort is PuntSoort.SUBTHEMA
        self._kader_getoond = None
        if kader.display and kader.open:
            self._toon_kader()
        uitleg = self._uitleg(punt)
        self.query_one("#punttekst", Label).update(letterlijk(uitleg))
        self.query_one("#punttekst", Label).display = bool(uitleg)
        notitie = self.query_one("#notitie", TextArea)
        with notitie.prevent(TextArea.Changed):
            notitie.load_text(punt.notitie)
        notitie.move_cursor(notitie.document.end)  # typing continues the note, never in front of it
        self.query_one("#notitiekop", Label).update("Aantekeningen")
        self.toon_items()
        self.query_one("#werkvlak", VerticalScroll).scroll_home(animate=False)
        agenda = self.query_one("#agenda", AgendaLijst)
        if agenda.highlighted != self.index:
            agenda.highlighted = self.index

    def _toon_kader(self) -> None:
        """The framework text is rendered only when unfolded: most steps never show it."""
        nummer = self.punt.subthema_nummer
        if nummer and self._kader_getoond != nummer:
            kader = self.app.bestand.kader()
            self.query_one("#kader", Kaderblok).inhoud = subthema_inhoud(kader, kader.subthema(nummer), self.kleuren)
            self._kader_getoond = nummer

    @on(Kaderblok.Geopend, "#kader")
    def _kader_open(self) -> None:
        self._toon_kader()

    def _uitleg(self, punt: Agendapunt) -> str:
        if punt.soort is PuntSoort.SLUITING:
            volgende = self.overleg.volgende_datum
            return f"Volgend overleg: {lange_datum(volgende)}" if volgende else "Volgend overleg: nog niet gepland (o: overleg wijzigen)."
        if punt.soort is PuntSoort.OPENING:
            return f"{self.overleg.soort.value.capitalize()} overleg, {lange_datum(self.overleg.datum)}{', ' + self.overleg.plaats if self.overleg.plaats else ''}. Aanwezigheid: p."
        return ""

    def toon_items(self) -> None:
        bestand = self.app.bestand
        punt = self.punt
        personen = {p.id: p.naam for p in notulen.personen(bestand)}
        partijen = {p.id: p.code for p in bestand.partijen()}

        def wie(persoon_id: int | None, partij_id: int | None) -> str:
            delen = [personen.get(persoon_id, ""), f"({partijen[partij_id]})" if partij_id in partijen else ""]
            return " ".join(d for d in delen if d)

        def actie_optie(a) -> Option:
            deadline = f" — {toon_datum(a.deadline)}" if a.deadline else ""
            status = "" if a.status is ActieStatus.OPEN else f" [{a.status.value}]"
            te_laat = a.status is ActieStatus.OPEN and a.deadline and a.deadline < datums.vandaag()
            regel = letterlijk(f"{a.code} {a.wat} — {wie(a.persoon_id, a.partij_id)}{deadline}{status}")
            if te_laat:
                regel.append(" (te laat)", style="bold red")
            return Option(regel, id=f"actiepunt:{a.id}")

        is_sub = punt.soort is PuntSoort.SUBTHEMA
        afspraken = notulen.afspraken(bestand, agenda_id=self.overleg.agenda_id, subthema=punt.subthema_nummer) if is_sub else []
        opties = [
            Option(letterlijk(f"{a.code} {a.actielijn} — {a.doel or 'geen doel'} — {a.start or '?'} t/m {a.eind or '?'} — "
                        f"{', '.join(partijen.get(p, '?') for p in a.verantwoordelijken)} [{a.status.value}]"), id=f"afspraak:{a.id}")
            for a in afspraken[-MAX_REGELS:]
        ]
        if len(afspraken) > MAX_REGELS:  # newest shown; the export lists them all
            opties.insert(0, Option(Text(f"… {len(afspraken) - MAX_REGELS} oudere afspraken: zie de export (e)", style="italic"), disabled=True))
        self._vul("afspraken", opties, toon=is_sub, leeg="Nog geen afspraken op dit subthema voor deze uitvoeringsagenda.")
        besluiten = [b for b in notulen.besluiten(bestand, self.overleg_id) if b.agendapunt_id == punt.id]
        self._vul("besluiten", [Option(letterlijk(f"{b.code} {b.tekst}"), id=f"besluit:{b.id}") for b in besluiten], leeg="Geen besluiten bij dit punt.")
        acties = [a for a in notulen.actiepunten(bestand, overleg_id=self.overleg_id) if a.agendapunt_id == punt.id]
        self._vul("acties", [actie_optie(a) for a in acties], leeg="Geen actiepunten bij dit punt.")
        eerder = punt.soort is PuntSoort.ACTIELIJST
        if eerder:
            from opslag.actielijst import actielijst

            toon = MAX_REGELS  # the rest is on the actielijst (l)
            open_eerder = actielijst(
                bestand, behalve_overleg=self.overleg_id, uiterlijk_aangemaakt=self.overleg.datum, limiet=toon + 1
            )
            opties = [
                Option(
                    letterlijk(f"{r.code} {r.wat} — {r.persoon + ' ' if r.persoon else ''}({r.partij})"
                         f"{' — ' + toon_datum(r.deadline) if r.deadline else ''}")
                    + (Text(" (te laat)", style="bold red") if r.te_laat else Text("")),
                    id=f"actiepunt:{r.id}",
                )
                for r in open_eerder[:toon]
            ]
            if len(open_eerder) > toon:
                opties.append(Option(Text("… en meer: l opent de hele actielijst", style="italic"), disabled=True))
            self._vul("eerdere", opties, leeg="Geen openstaande actiepunten uit eerdere overleggen.")
            aantal = f"{len(opties)}" if len(open_eerder) <= toon else f"{toon}+"
            self.query_one("#eerderekop", Label).update(f"Openstaande actiepunten uit eerdere overleggen ({aantal}) — g: gereed")
        self.query_one("#eerderekop", Label).display = eerder
        self.query_one("#eerdere", ItemLijst).display = eerder

    def _vul(self, naam: str, opties: list[Option], toon: bool = True, leeg: str = "") -> None:
        lijst = self.query_one(f"#{naam}", ItemLijst)
        vorige = lijst.highlighted
        lijst.clear_options()
        if opties:
            lijst.add_options(opties)
            if vorige is not None:
                lijst.highlighted = min(vorige, len(opties) - 1)  # stay in place after a form or a deletion
        else:
            lijst.add_option(Option(Text(leeg, style="italic"), disabled=True))
        lijst.display = toon
        self.query_one(f"#{naam}kop", Label).display = toon

    # --- notes ------------------------------------------------------------------------------------

    @on(TextArea.Changed, "#notitie")
    def _getypt(self, _: TextArea.Changed) -> None:
        self._onbewaard = True
        # A maximum wait, not a debounce: restarting the timer on every key would leave someone who
        # types steadily, never pausing half a second, with nothing saved when the laptop dies.
        if self._bewaar_timer is None:
            self.query_one("#notitiekop", Label).update("Aantekeningen — wordt bewaard…")
            self._bewaar_timer = self.set_timer(BEWAAR_NA, self.bewaar_notitie)

    def bewaar_notitie(self) -> bool:
        """Write the note if it changed; on failure keep the text on screen and say so."""
        if self._bewaar_timer is not None:
            self._bewaar_timer.stop()
            self._bewaar_timer = None
        if not self._onbewaard:
            return True
        tekst = self.notitie.text
        try:
            notulen.bewaar_notitie(self.app.bestand, self.punt.id, tekst)
        except (TripartietFout, OSError) as fout:
            self.notitiekop.update("Aantekeningen — NIET BEWAARD")
            self.app.notify(f"De aantekening is niet bewaard: {fout} De tekst blijft staan.", severity="error", timeout=15)
            return False
        except Exception as fout:  # sqlite3 errors: disk full, file gone, read-only
            self.notitiekop.update("Aantekeningen — NIET BEWAARD")
            self.app.notify(f"De aantekening is niet bewaard ({fout}). De tekst blijft staan; kopieer hem zo nodig.", severity="error", timeout=15)
            return False
        self._onbewaard = False
        if bool(tekst) != bool(self.punt.notitie):
            self._agenda_verouderd = True  # the ✎ marker changes
        self.punten[self.index] = replace(self.punt, notitie=tekst)
        self.notitiekop.update(f"Aantekeningen — bewaard {dt.datetime.now():%H:%M:%S}")
        return True

    def onbewaarde_notitie(self) -> str | None:
        """The note as a text to keep elsewhere, if it is not in the file: its item, then its text."""
        if not self._onbewaard:
            return None
        return f"{self.app.sub_title}\nAgendapunt: {self.punt_titel(self.punt)}\n\n{self.notitie.text}\n"

    def on_descendant_blur(self, event) -> None:  # noqa: ANN001
        if getattr(event.widget, "id", None) == "notitie":
            self.bewaar_notitie()

    # --- moving through the agenda --------------------------------------------------------------

    def ga_naar_index(self, index: int) -> None:
        if not 0 <= index < len(self.punten) or index == self.index:
            return
        if not self.bewaar_notitie():
            return  # stay: the unsaved text must not be replaced
        self.index = index
        notulen.zet_huidig_punt(self.app.bestand, self.overleg_id, self.punt.id)
        self.toon_punt()
        if self._agenda_verouderd:
            self.vernieuw_agenda()

    def action_stap(self, richting: int) -> None:
        self.ga_naar_index(self.index + richting)

    @on(OptionList.OptionHighlighted, "#agenda")
    def _agenda_gekozen(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index != self.index:
            self.ga_naar_index(event.option_index)

    @on(OptionList.OptionSelected, "#agenda")
    def _agenda_enter(self, _: OptionList.OptionSelected) -> None:
        self.query_one("#notitie", TextArea).focus()

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
        self.app.push_screen(KaderScherm(self.app.bestand, nummer))

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
        reden = self.app.bestand.alleen_lezen
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
        bestaand = notulen.afspraak_met_id(self.app.bestand, afspraak_id) if afspraak_id else None
        self.app.push_screen(
            AfspraakFormulier(self.app.bestand, punt.subthema_nummer, self.overleg.agenda_id, self.overleg_id, bestaand),
            self._na_wijziging("Afspraak {code} is vastgelegd."),
        )

    def action_besluit(self, besluit_id: int | None = None) -> None:
        if self._alleen_lezen():
            return
        from tui.schermen.besluit_formulier import BesluitFormulier

        bestaand = notulen.besluit(self.app.bestand, besluit_id) if besluit_id else None
        self.app.push_screen(
            BesluitFormulier(self.app.bestand, self.overleg_id, self.punt.id, self.overleg.datum, bestaand),
            self._na_wijziging("Besluit {code} is vastgelegd."),
        )

    def action_actie(self, actie_id: int | None = None) -> None:
        if self._alleen_lezen():
            return
        from tui.schermen.actie_formulier import ActieFormulier

        bestaand = notulen.actiepunt(self.app.bestand, actie_id) if actie_id else None
        standaard = self.overleg.volgende_datum
        self.app.push_screen(
            ActieFormulier(self.app.bestand, self.overleg_id, self.punt.id, self.punt.subthema_nummer, bestaand, standaard),
            self._na_wijziging("Actiepunt {code} is vastgelegd."),
        )

    def bewerk_item(self, sleutel: str) -> None:
        soort, rij_id = sleutel.split(":")
        {"afspraak": self.action_afspraak, "besluit": self.action_besluit, "actiepunt": self.action_actie}[soort](int(rij_id))

    def verwijder_item(self, sleutel: str) -> None:
        from tui.schermen.bevestig import BevestigScherm

        soort, rij_id = sleutel.split(":")
        rij = self.app.bestand.db[soort].get(int(rij_id))
        code = {"afspraak": "AF", "besluit": "B", "actiepunt": "A"}[soort] + f"-{rij['nummer']:03d}"
        omschrijving = rij.get("actielijn") or rij.get("tekst") or rij.get("wat")

        def na(ja: bool | None) -> None:
            if ja:
                notulen.verwijder(self.app.bestand, soort, int(rij_id))
                self.notify(f"{code} is verwijderd. Ongedaan maken: ctrl+z (of 'herstel' in ctrl+p).", title="Verwijderd")
                self.toon_items()
                self.vernieuw_agenda()

        self.app.push_screen(BevestigScherm(f"{code} verwijderen?\n\n{omschrijving}"), na)

    def zet_gereed(self, sleutel: str) -> None:
        soort, rij_id = sleutel.split(":")
        if soort != "actiepunt":
            return
        actie = notulen.actiepunt(self.app.bestand, int(rij_id))
        nieuw = ActieStatus.OPEN if actie.status is ActieStatus.GEREED else ActieStatus.GEREED
        # Closed in this meeting: record the meeting's date, so the minutes list it as finished here.
        notulen.zet_actiestatus(self.app.bestand, actie.id, nieuw, self.overleg.datum)
        self.notify(f"{actie.code} is {'gereed' if nieuw is ActieStatus.GEREED else 'weer open'}.", title="Bewaard")
        self.toon_items()

    def action_herstel(self) -> None:
        hersteld = notulen.herstel_laatste_verwijdering(self.app.bestand)
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

        self.app.push_screen(AanwezigheidScherm(self.app.bestand, self.overleg_id))

    def action_wijzig_overleg(self) -> None:
        if self._alleen_lezen():
            return
        from tui.schermen.overleg_formulier import OverlegFormulier

        def na(overleg: Overleg | None) -> None:
            if overleg is not None:
                self.notify("Het overleg is bijgewerkt.", title="Bewaard")
                self.laad_overleg()

        self.app.push_screen(OverlegFormulier(self.app.bestand, self.overleg), na)

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


# Letters work on the lists, where nothing is being typed; while typing, Escape comes first.
LETTERTOETSEN = [
    Binding("a", "screen.afspraak", "Afspraak", id="afspraak"),
    Binding("b", "screen.besluit", "Besluit", id="besluit"),
    Binding("t", "screen.actie", "Actie", id="actie"),
    Binding("k", "screen.kader", "Kader", show=False, id="kader"),
    Binding("p", "screen.aanwezigheid", "Aanwezig", id="aanwezigheid"),
    Binding("l", "app.actielijst", "Actielijst", id="actielijst"),
    Binding("w", "app.wissel_overleg", "Overleggen", show=False, id="overleggen"),
    Binding("o", "screen.wijzig_overleg", "Overleg wijzigen", show=False, id="wijzig_overleg"),
    Binding("n", "app.nieuw_overleg", "Nieuw overleg", show=False, id="nieuw_overleg"),
    Binding("e", "app.export", "Exporteren", show=False, id="exporteren"),
]


class OverlegKader(Kaderblok):
    """The framework block takes the meeting screen's letter keys, as its lists do: its title
    says 'k', and a/b/t must work wherever the minute-taker is, except in the note."""

    BINDINGS = LETTERTOETSEN


class AgendaLijst(OptionList):
    """The agenda: arrows walk through it, Enter goes back to typing."""

    BINDING_GROUP_TITLE = "In de agenda (na Esc)"

    BINDINGS = [Binding("enter", "select", "Typen", id="typ"), *LETTERTOETSEN]


class ItemLijst(OptionList):
    """Agreements, decisions or actions of the item: Enter edits, Delete removes, g marks done."""

    BINDING_GROUP_TITLE = "In de lijsten met afspraken, besluiten en acties"

    BINDINGS = [
        Binding("enter", "bewerk", "Wijzigen", id="wijzigen"),
        Binding("delete,x", "verwijder", "Verwijderen", key_display="Del", id="verwijderen"),
        Binding("g", "gereed", "Gereed", id="gereed"),
        *LETTERTOETSEN,
    ]

    def _sleutel(self) -> str | None:
        if self.highlighted is None:
            return None
        optie = self.get_option_at_index(self.highlighted)
        return optie.id

    def action_bewerk(self) -> None:
        if sleutel := self._sleutel():
            self.screen.bewerk_item(sleutel)

    def action_verwijder(self) -> None:
        if sleutel := self._sleutel():
            self.screen.verwijder_item(sleutel)

    def action_gereed(self) -> None:
        if sleutel := self._sleutel():
            self.screen.zet_gereed(sleutel)
