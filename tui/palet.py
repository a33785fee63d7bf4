"""Command palette: jump to a subtheme by number, title or a word of its text; to a standing or
free item of the meeting's agenda; put a subtheme on that agenda."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from opslag.kader import NIVEAUS, Subthema
from opslag.modellen import PUNT_TITELS, PuntSoort
from opslag.tekst import zichtbaar
from tui.schermen.kenmerken import HeeftOverleg, ZetOpAgenda


def _volledige_tekst(sub: Subthema) -> str:
    delen = [sub.onderwerp, *sub.bronnen]
    delen += [punt.tekst for naam in NIVEAUS for punt in sub.niveau(naam)]
    return " ".join(delen).casefold()


def gemarkeerd(matcher: Matcher, tekst: str) -> Content:
    """`matcher.highlight` reads its text as markup: a framework title such as 'Raadzaal [/] kamer'
    would crash the palette. The same highlighting on literal text."""
    tekst = zichtbaar(tekst)
    inhoud = Content(tekst)
    score, posities = matcher.fuzzy_search.match(matcher.query, tekst)
    if score:
        for positie in posities:
            if not tekst[positie].isspace():
                inhoud = inhoud.stylize(matcher.match_style, positie, positie + 1)
    return inhoud


class SubthemaOpdrachten(Provider):
    """'ga naar subthema': '4.2', 'netcongestie' or 'liander' all find 4.2 Netcongestie."""

    async def startup(self) -> None:
        bestand = getattr(self.app, "bestand", None)
        self.subthemas = bestand.kader().subthemas if bestand else []
        self.teksten = {sub.nummer: _volledige_tekst(sub) for sub in self.subthemas}

    def _ga_naar(self, sub: Subthema) -> None:
        self.app.ga_naar_subthema(sub.nummer)

    async def discover(self) -> Hits:
        for sub in self.subthemas:
            yield DiscoveryHit(
                Content(zichtbaar(f"Ga naar subthema {sub.titel}")), partial(self._ga_naar, sub),
                text=f"Ga naar subthema {sub.titel}", help=Content(zichtbaar(sub.onderwerp)),  # type: ignore[arg-type]
            )

    async def search(self, query: str) -> Hits:
        """Exact number first, then words in the title, then words in the text; fuzzy only as a last resort.

        Textual's fuzzy matcher alone finds 'liander' in 'Ontwikkeling van de woningvoorraad'.
        """
        matcher = self.matcher(query)
        zoek = " ".join(query.casefold().removeprefix("ga naar subthema").split())
        if not zoek:
            return
        treffers: list[tuple[float, Subthema, str | None]] = []
        for sub in self.subthemas:
            titel = sub.titel.casefold()
            if zoek.rstrip(".") == sub.nummer:
                treffers.append((1.0, sub, None))
            elif zoek in titel:
                treffers.append((0.9 if titel.startswith(zoek) or f" {zoek}" in titel else 0.8, sub, None))
            elif len(zoek) >= 3 and zoek in self.teksten[sub.nummer]:
                treffers.append((0.5, sub, "gevonden in de tekst van het kader"))
        if not treffers:
            for sub in self.subthemas:
                score = matcher.match(sub.titel)
                if score > 0:
                    treffers.append((0.4 * score, sub, None))
        for score, sub, hulp in treffers:
            tekst = f"Ga naar subthema {sub.titel}"
            yield Hit(score, gemarkeerd(matcher, tekst), partial(self._ga_naar, sub), text=tekst, help=hulp)


def _zoekterm(query: str, *voorvoegsels: str) -> str:
    zoek = " ".join(query.casefold().split())
    for voorvoegsel in voorvoegsels:
        zoek = zoek.removeprefix(voorvoegsel).strip(" :")
    return zoek


class AgendaOpdrachten(Provider):
    """The meeting's own agenda: 'rondvraag' goes to the rondvraag, as '4.2' goes to a subtheme;
    '1.7' also offers 'Zet op de agenda: 1.7 Middenhuur' when it is not on it."""

    async def startup(self) -> None:
        self.punten: list[tuple[int, str]] = []
        self.ontbrekend: list[Subthema] = []
        bestand = getattr(self.app, "bestand", None)
        scherm = self.screen
        if bestand is None or not isinstance(scherm, ZetOpAgenda) or not isinstance(scherm, HeeftOverleg) or scherm.overleg_id is None:
            return
        from opslag.notulen import agendapunten

        punten = agendapunten(bestand, scherm.overleg_id)
        self.punten = [
            (p.id, (p.titel or "") if p.soort is PuntSoort.VRIJ else PUNT_TITELS[p.soort])
            for p in punten if p.soort is not PuntSoort.SUBTHEMA
        ]
        op_agenda = {p.subthema_nummer for p in punten}
        self.ontbrekend = [s for s in bestand.kader().subthemas if s.nummer not in op_agenda]

    def _ga_naar(self, punt_id: int) -> None:
        self.screen.ga_naar_punt(punt_id)  # type: ignore[attr-defined]

    def _zet_op_agenda(self, nummer: str) -> None:
        self.screen.zet_op_agenda(subthema=nummer)  # type: ignore[attr-defined]

    async def discover(self) -> Hits:
        for punt_id, titel in self.punten:
            tekst = f"Ga naar {titel}"
            yield DiscoveryHit(Content(zichtbaar(tekst)), partial(self._ga_naar, punt_id), text=tekst)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        zoek = _zoekterm(query, "ga naar")
        if zoek:
            for punt_id, titel in self.punten:
                tekst = f"Ga naar {titel}"
                score = 0.95 if zoek in titel.casefold() else 0.4 * matcher.match(tekst)
                if score > 0:
                    yield Hit(score, gemarkeerd(matcher, tekst), partial(self._ga_naar, punt_id), text=tekst)
        zoek = _zoekterm(query, "zet op de agenda", "op de agenda", "zet op")
        if not zoek:
            return
        for sub in self.ontbrekend:
            titel = sub.titel.casefold()
            if zoek.rstrip(".") == sub.nummer or zoek in titel:
                tekst = f"Zet op de agenda: {sub.titel}"
                yield Hit(0.85, gemarkeerd(matcher, tekst), partial(self._zet_op_agenda, sub.nummer), text=tekst,
                          help="komt vóór de rondvraag van dit overleg")


OPDRACHTEN: list[tuple[str, str, str]] = [
    ("Nieuwe afspraak", "Leg een afspraak vast bij het huidige subthema", "scherm('afspraak')"),
    ("Nieuw besluit", "Leg een besluit vast bij het huidige agendapunt", "scherm('besluit')"),
    ("Nieuwe actie", "Leg een actiepunt vast bij het huidige agendapunt", "scherm('actie')"),
    ("Aanwezigheid", "Wie is aanwezig, afwezig met of zonder kennisgeving", "scherm('aanwezigheid')"),
    ("Actielijst", "Alle openstaande actiepunten van alle overleggen", "actielijst"),
    ("Wissel van overleg", "Kies een ander overleg van dit bestand", "wissel_overleg"),
    ("Nieuw overleg", "Maak een nieuw overleg met agenda", "nieuw_overleg"),
    ("Overleg wijzigen", "Datum, plaats, voorzitter, notulist, volgend overleg", "scherm('wijzig_overleg')"),
    ("Vrij agendapunt toevoegen…", "Een punt met een eigen titel op de agenda, vóór de rondvraag", "scherm('vrij_punt')"),
    ("Agendapunt van de agenda halen", "Het huidige punt, als er niets bij is vastgelegd", "scherm('verwijder_punt')"),
    ("Agendapunt omhoog", "Het huidige punt een plaats hoger (ook: alt+↑ in de agenda)", "scherm('punt_omhoog')"),
    ("Agendapunt omlaag", "Het huidige punt een plaats lager (ook: alt+↓ in de agenda)", "scherm('punt_omlaag')"),
    ("Nieuwe partij", "Een gemeente, corporatie of huurdersvereniging toevoegen", "nieuwe_partij"),
    ("Partijen beheren", "Partijen wijzigen (naam, afkorting, soort) of verwijderen", "partijen"),
    ("Exporteren", "Uitvoeringsagenda of verslag als Markdown-bestand, met voorbeeld", "export"),
    ("Kader bekijken", "Blader door alle thema's en subthema's van het regionale kader", "kader"),
    ("Ongedaan maken", "De laatste wijziging terugdraaien: afspraak, besluit, actie, agenda, aanwezigheid (ctrl+z)", "scherm('ongedaan')"),
    ("Opnieuw", "De laatst ongedaan gemaakte wijziging opnieuw doen (ctrl+y)", "scherm('opnieuw')"),
    ("Overleg sluiten", "Het overleg alleen-lezen maken; heropenen kan met een reden", "scherm('sluit_overleg')"),
    ("Overleg heropenen…", "Een gesloten overleg weer open zetten, met een reden", "scherm('heropen_overleg')"),
    ("Geschiedenis", "Wat eerder over dit subthema of deze afspraak is vastgelegd (ook: h)", "scherm('geschiedenis')"),
    ("Inzet per partij", "Wat elke partij in de uitvoeringsagenda op zich heeft genomen (ook: i)", "inzet"),
    ("Uitvoeringsagenda importeren…", "Een bestaande agenda inlezen uit CSV (Excel) of Markdown", "importeren"),
    ("Nieuwe periode starten…", "Uitvoeringsagenda van de volgende periode, met de onafgeronde afspraken", "periode_starten"),
]


class OverlegOpdrachten(Provider):
    """The meeting commands: new agreement, decision or action, actielijst, switch meeting."""

    async def _uitvoeren(self, actie: str) -> None:
        await self.app.run_action(actie)

    async def discover(self) -> Hits:
        if getattr(self.app, "bestand", None) is None:
            return
        for naam, hulp, actie in OPDRACHTEN:
            yield DiscoveryHit(naam, partial(self._uitvoeren, actie), help=hulp)

    async def search(self, query: str) -> Hits:
        if getattr(self.app, "bestand", None) is None:
            return
        matcher = self.matcher(query)
        for naam, hulp, actie in OPDRACHTEN:
            score = matcher.match(naam)
            if score > 0:
                yield Hit(score, gemarkeerd(matcher, naam), partial(self._uitvoeren, actie), text=naam, help=hulp)

# Adopting the uitvoeringsagenda: date, place and signers (tui/schermen/agenda_vaststellen.py).
OPDRACHTEN.append(
    ("Uitvoeringsagenda vaststellen…", "Datum, plaats en per partij wie tekende; daarna wijzigen met een reden", "agenda_vaststellen")
)
