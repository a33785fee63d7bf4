"""Recording on the meeting screen: the forms for agreements, decisions, actions, attendance and
the meeting itself; deleting, undo and redo; marking an action done; closing and reopening. What the item lists ask for
(`ItemLijst.Bewerken`, `Verwijderen`, `Gereed`) is handled here.

A mixin of `OverlegScherm`, so its actions are the screen's (the letter keys call 'screen.afspraak');
handlers are named `on_...`, as Textual finds those on a mixin, and `@on` ones only on its own classes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from opslag import notulen, ongedaan, sluiten, vaststelling
from opslag.datums import lange_datum, toon_datum
from opslag.fouten import OngeldigeInvoer, OverlegGesloten, TripartietFout
from opslag.modellen import ActieStatus, Overleg, PuntSoort
from tui.weergave import omschrijving
from tui.widgets.itemlijst import ItemLijst

if TYPE_CHECKING:
    from opslag.bestand import Gemeentebestand
    from opslag.modellen import Agendapunt


class Vastleggen:
    if TYPE_CHECKING:  # what the screen provides
        bestand: Gemeentebestand
        overleg: Overleg
        overleg_id: int
        punt: Agendapunt

        def toon_items(self) -> None: ...
        def vernieuw_agenda(self) -> None: ...
        def laad_overleg(self) -> None: ...
        def herlaad_agenda(self, punt_id: int | None = None) -> None: ...
        def bewaar_notitie(self) -> bool: ...
        def laat_zien(self, sleutel: str) -> None: ...

    def _na_wijziging(self, melding: str) -> Callable[[object], None]:
        def na(resultaat: object) -> None:
            if resultaat is None:
                return
            self.notify(melding.format(code=getattr(resultaat, "code", "")), title="Bewaard")
            self.toon_items()
            self.vernieuw_agenda()
            if rij_id := getattr(resultaat, "id", None):
                self.laat_zien(f"{type(resultaat).__name__.lower()}:{rij_id}")

        return na

    def _alleen_lezen(self) -> bool:
        """A read-only file or a closed meeting: say so instead of opening a form."""
        reden = self.bestand.alleen_lezen
        if reden:
            self.notify(f"Alleen-lezen: {reden}. Er kan niets worden vastgelegd.", severity="warning")
        elif self.overleg.gesloten_op:
            self.notify(str(OverlegGesloten(toon_datum(self.overleg.datum))), severity="warning", timeout=6)
        return bool(reden or self.overleg.gesloten_op)

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
            AfspraakFormulier(self.bestand, punt.subthema_nummer, self.overleg.agenda_id, self.overleg_id, bestaand),
            self._na_wijziging("Afspraak {code} is vastgelegd."),
        )

    def action_besluit(self, besluit_id: int | None = None) -> None:
        if self._alleen_lezen():
            return
        from tui.schermen.besluit_formulier import BesluitFormulier

        bestaand = notulen.besluit(self.bestand, besluit_id) if besluit_id else None
        self.app.push_screen(
            BesluitFormulier(self.bestand, self.overleg_id, self.punt.id, self.overleg.datum, bestaand),
            self._na_wijziging("Besluit {code} is vastgelegd."),
        )

    def action_actie(self, actie_id: int | None = None) -> None:
        if self._alleen_lezen():
            return
        from tui.schermen.actie_formulier import ActieFormulier

        bestaand = notulen.actiepunt(self.bestand, actie_id) if actie_id else None
        self.app.push_screen(
            ActieFormulier(self.bestand, self.overleg_id, self.punt.id, self.punt.subthema_nummer, bestaand, self.overleg.volgende_datum),
            self._na_wijziging("Actiepunt {code} is vastgelegd."),
        )

    def on_item_lijst_bewerken(self, bericht: ItemLijst.Bewerken) -> None:
        self.bewerk_item(bericht.sleutel)

    def bewerk_item(self, sleutel: str) -> None:
        soort, rij_id = sleutel.split(":")
        {"afspraak": self.action_afspraak, "besluit": self.action_besluit, "actiepunt": self.action_actie}[soort](int(rij_id))

    def on_item_lijst_verwijderen(self, bericht: ItemLijst.Verwijderen) -> None:
        self.verwijder_item(bericht.sleutel)

    def verwijder_item(self, sleutel: str) -> None:
        from tui.schermen.bevestig import BevestigScherm

        if self._alleen_lezen():
            return
        soort, rij_id = sleutel.split(":")
        item = notulen.item(self.bestand, soort, int(rij_id))

        def na(ja: bool | None) -> None:
            if ja:
                try:
                    notulen.verwijder(self.bestand, soort, item.id)
                except OngeldigeInvoer as fout:  # an agreement of an adopted agenda stays
                    self.notify(str(fout), title="Niet verwijderd", severity="warning", timeout=10)
                    return
                self.notify(f"{item.code} is verwijderd. Ongedaan maken: ctrl+z.", title="Verwijderd")
                self.toon_items()
                self.vernieuw_agenda()

        self.app.push_screen(BevestigScherm(f"{item.code} verwijderen?\n\n{omschrijving(item)}"), na)

    def on_item_lijst_gereed(self, bericht: ItemLijst.Gereed) -> None:
        if self._alleen_lezen():  # from a later meeting or the actielijst it can
            return
        soort, rij_id = bericht.sleutel.split(":")
        if soort != "actiepunt":
            self.notify("Alleen een actiepunt kan gereed gemeld worden (g); kies er een in de lijst met actiepunten.", severity="warning", timeout=4)
            return
        actie = notulen.actiepunt(self.bestand, int(rij_id))
        nieuw = ActieStatus.OPEN if actie.status is ActieStatus.GEREED else ActieStatus.GEREED
        # Closed in this meeting: record the meeting's date, so the minutes list it as finished here.
        notulen.zet_actiestatus(self.bestand, actie.id, nieuw, self.overleg.datum)
        self.notify(f"{actie.code} is {'gereed' if nieuw is ActieStatus.GEREED else 'weer open'}.", title="Bewaard")
        self.toon_items()

    def action_ongedaan(self) -> None:
        """ctrl+z: the newest change of this file, whichever meeting it was made in, also after a restart."""
        self._terug(ongedaan.ongedaan_maken, "Ongedaan gemaakt", "Er is niets om ongedaan te maken.")

    def action_opnieuw(self) -> None:
        self._terug(ongedaan.opnieuw, "Opnieuw gedaan", "")

    def _terug(self, doe: Callable[[Gemeentebestand], str | None], titel: str, niets: str) -> None:
        if self.bestand.alleen_lezen:
            self._alleen_lezen()
            return
        self.bewaar_notitie()
        try:
            gedaan = doe(self.bestand)
        except TripartietFout as fout:
            self.notify(str(fout), title="Niet gelukt", severity="warning", timeout=8)
            return
        if gedaan is None:
            self.notify(niets, severity="warning")
            return
        self.notify(gedaan, title=titel, timeout=6)
        self.laad_overleg()  # an agenda item, attendance or the meeting itself may have changed

    # --- closing and reopening --------------------------------------------------------------------

    def action_sluit_overleg(self) -> None:
        if self._alleen_lezen():
            return
        from tui.schermen.bevestig import BevestigScherm

        datum = toon_datum(self.overleg.datum)

        def na(ja: bool | None) -> None:
            if ja:
                self.bewaar_notitie()
                sluiten.sluit_overleg(self.bestand, self.overleg_id)
                self.laad_overleg()
                self.notify(f"Het overleg van {datum} is gesloten; heropenen kan via ctrl+p.", title="Gesloten")

        vraag = f"Het overleg van {datum} sluiten?\n\nDaarna kan er niets meer in worden gewijzigd, tot het heropend wordt (met een reden)."
        self.app.push_screen(BevestigScherm(vraag, "ja, sluiten"), na)

    def action_heropen_overleg(self) -> None:
        if self.bestand.alleen_lezen:
            self._alleen_lezen()
            return
        if not self.overleg.gesloten_op:
            self.notify("Dit overleg is niet gesloten.", severity="warning")
            return
        from tui.schermen.heropenen import HeropenenFormulier

        def na(overleg: Overleg | None) -> None:
            if overleg is not None:
                self.laad_overleg()
                self.notify(f"Het overleg van {toon_datum(overleg.datum)} is heropend.", title="Heropend")

        self.app.push_screen(HeropenenFormulier(self.bestand, self.overleg), na)

    def action_geschiedenis(self) -> None:
        """h: the history of the agreement chosen in its list, else of the subtheme on screen."""
        from tui.schermen.geschiedenis import GeschiedenisScherm

        kleuren = getattr(self, "kleuren", None)
        lijst = self.focused  # type: ignore[attr-defined]
        if isinstance(lijst, ItemLijst) and lijst.highlighted is not None:
            sleutel = lijst.get_option_at_index(lijst.highlighted).id or ""
            if sleutel.startswith("afspraak:"):
                if scherm := GeschiedenisScherm.voor_afspraak(self.bestand, int(sleutel.split(":")[1]), kleuren):
                    self.app.push_screen(scherm)
                    return
        if self.punt.soort is not PuntSoort.SUBTHEMA:
            self.notify("Geschiedenis is er bij een subthema, of bij een afspraak die u in de lijst kiest.", severity="warning")
            return
        self.app.push_screen(GeschiedenisScherm.voor_subthema(self.bestand, self.punt.subthema_nummer, self.overleg_id, kleuren))

    def action_aanwezigheid(self) -> None:
        if self._alleen_lezen():
            return
        from tui.schermen.aanwezigheid import AanwezigheidScherm

        self.app.push_screen(AanwezigheidScherm(self.bestand, self.overleg_id))

    def action_wijzig_overleg(self) -> None:
        if self._alleen_lezen():
            return
        from tui.schermen.overleg_formulier import OverlegFormulier

        def na(overleg: Overleg | None) -> None:
            if overleg is not None:
                self.notify("Het overleg is bijgewerkt.", title="Bewaard")
                self.laad_overleg()

        self.app.push_screen(OverlegFormulier(self.bestand, self.overleg), na)

    # --- the minutes of the previous meeting, and the times of this one --------------------------

    def action_vaststellen(self) -> None:
        """At 'Vaststellen verslag vorig overleg': approve the previous same-kind minutes."""
        if self.punt.soort is not PuntSoort.VERSLAG:
            self.notify("Een verslag stelt u vast bij het agendapunt 'Vaststellen verslag vorig overleg'.", severity="warning")
            return
        if self._alleen_lezen():
            return
        vorige = vaststelling.vorig_overleg(self.bestand, self.overleg)
        if vorige is None:
            self.notify(f"Dit is het eerste {self.overleg.soort.value} overleg; er is geen vorig verslag.", severity="warning")
            return
        from tui.schermen.vaststellen_formulier import VaststellenFormulier

        def na(vastgesteld: Overleg | None) -> None:
            if vastgesteld is not None:
                self.notify(f"Het verslag van {toon_datum(vastgesteld.datum)} is vastgesteld.", title="Bewaard")
                self.toon_punt()

        self.app.push_screen(VaststellenFormulier(self.bestand, vorige, self.overleg), na)

    def verslag_uitleg(self) -> str:
        """The line under 'Vaststellen verslag vorig overleg': which minutes, and their status."""
        vorige = vaststelling.vorig_overleg(self.bestand, self.overleg)
        if vorige is None:
            return f"Dit is het eerste {self.overleg.soort.value} overleg; er is geen vorig verslag."
        status = "concept" if vorige.verslag_vastgesteld_op is None else vaststelling.status(vorige).lower()
        return f"Verslag {vorige.soort.value} overleg van {lange_datum(vorige.datum)}: {status}. r: verslag vaststellen."

    def bied_tijd_aan(self) -> None:
        """Arriving at the opening or the closing of a meeting held today records the time, once."""
        veld = {PuntSoort.OPENING: "begintijd", PuntSoort.SLUITING: "eindtijd"}.get(self.punt.soort)
        if veld is None or getattr(self.overleg, veld) or self.bestand.alleen_lezen or self.overleg.gesloten_op:
            return
        nu = vaststelling.nu()
        if self.overleg.datum != nu.date():
            return  # prepared beforehand or written up afterwards: the time now is not the meeting's
        self.overleg = vaststelling.zet_tijd(self.bestand, self.overleg, veld, nu.time())
        self.notify(f"{veld.capitalize()} {getattr(self.overleg, veld)} vastgelegd (o om te wijzigen).", title="Bewaard")
