"""Form for a local agreement (afspraak) of the uitvoeringsagenda, in the form real agendas use.

The lead party (trekker) is a field of its own, not the first box ticked in a list: the order of
the responsible parties is then seen and changed, as the export and the lists show it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Select, SelectionList

from opslag import levensloop, notulen
from opslag.bestand import Gemeentebestand
from opslag.datums import controleer_start_eind, lange_datum, lees_termijn
from opslag.fouten import OngeldigeInvoer
from opslag.invoer import lees_doel, schone_tekst
from opslag.modellen import Afspraak, AfspraakStatus
from tui.schermen.formulier import Formulier, Naast, Veld
from tui.widgets.keuze import Keuze
from tui.widgets.veilig import Invoer, Tekstvak
from tui.weergave import letterlijk


class AfspraakFormulier(Formulier[Afspraak]):
    def __init__(self, bestand: Gemeentebestand, subthema: str, agenda_id: int, overleg_id: int | None, bestaand: Afspraak | None = None) -> None:
        super().__init__(bestand, f"afspraak-{bestaand.id if bestaand else 'nieuw'}-{subthema}")
        self.subthema = subthema
        self.agenda_id = agenda_id
        self.overleg_id = overleg_id
        self.bestaand = bestaand
        # Once the agenda is signed, a change of content is an amendment with its reason, and a
        # new agreement an addition (opslag.levensloop).
        self.vastgesteld = levensloop.is_vastgesteld(bestand, agenda_id)

    @property
    def TITEL(self) -> str:  # noqa: N802
        sub = self.bestand.kader().subthema(self.subthema)
        wat = f"Afspraak {self.bestaand.code} wijzigen" if self.bestaand else "Nieuwe afspraak"
        if self.vastgesteld:
            wat += " (na vaststelling)" if self.bestaand else " (toevoeging na vaststelling)"
        return f"{wat} — {sub.titel}"

    def velden(self) -> ComposeResult:
        partijen = [(letterlijk(f"{p.code}  {p.naam}"), p.id) for p in self.bestand.partijen()]
        yield Veld("Actielijn (wat)", Invoer(id="actielijn", placeholder="Wat gaan we doen?"), verplicht=True)
        yield Veld("Doel", Invoer(id="doel", placeholder="bijvoorbeeld 40 woningen"))
        with Naast():
            yield Veld("Start", Invoer(id="start", placeholder="2026, Q3 2026 of 01-07-2026"))
            yield Veld("Eind", Invoer(id="eind", placeholder="2027, Q4 2027 of 31-12-2027"))
        with Naast():
            yield Veld("Trekker", Keuze(partijen, id="trekker", prompt="(kies de trekkende partij)"), verplicht=True)
            yield Veld("Status", Keuze([(s.value, s.value) for s in AfspraakStatus], id="status", allow_blank=False, value=AfspraakStatus.AFGESPROKEN.value))
        with Naast():
            yield Veld("Ook verantwoordelijk", SelectionList(*partijen, id="verantwoordelijken"))
            yield Veld("Betrokken partijen", SelectionList(*partijen, id="betrokkenen"))
        yield Veld("Toelichting", Tekstvak(id="toelichting"))
        if self.vastgesteld:
            yield from self._grond()

    def _grond(self) -> ComposeResult:
        """Why, and where decided: required for a change of content, not for the status alone."""
        datum = lange_datum(self.vastgesteld)
        if self.bestaand:
            # The date is in the message when the reason is missing; at 80 columns the hint holds no more.
            yield Veld("Reden van de wijziging", Invoer(id="reden", placeholder="waarom verandert de afspraak?"),
                       hulp="niet nodig als alleen de status verandert")
        else:
            yield Veld("Reden van de toevoeging", Invoer(id="reden", placeholder="waarom komt de afspraak erbij?"),
                       hulp=f"agenda vastgesteld op {datum}")
        besluiten = notulen.besluiten(self.bestand, self.overleg_id) if self.overleg_id else []
        if besluiten:
            keuzes = [(letterlijk(f"{b.code}  {b.tekst}"), b.id) for b in besluiten]
            yield Veld("Besluit", Keuze(keuzes, id="besluit", prompt="(geen besluit)"), hulp="van dit overleg")

    def vul(self) -> None:
        if self.bestaand:
            a = self.bestaand
            self.zet_waarden({
                "actielijn": a.actielijn, "doel": a.doel, "start": a.start, "eind": a.eind,
                "trekker": a.verantwoordelijken[0] if a.verantwoordelijken else Select.NULL,
                "verantwoordelijken": a.verantwoordelijken[1:], "betrokkenen": a.betrokkenen,
                "status": a.status.value, "toelichting": a.toelichting,
            })

    def vastleggen(self) -> Afspraak:
        w = self.waarden()
        actielijn = schone_tekst(w["actielijn"], "actielijn", "De actielijn", verplicht=True)
        doel = schone_tekst(w["doel"], "doel", "Het doel")
        start = lees_termijn(w["start"], "start")
        eind = lees_termijn(w["eind"], "eind")
        controleer_start_eind(start, eind)
        if w["trekker"] is Select.NULL:
            raise OngeldigeInvoer("trekker", "Kies de trekker: de partij die de afspraak trekt en erover rapporteert.")
        verantwoordelijken = [w["trekker"], *(p for p in w["verantwoordelijken"] if p != w["trekker"])]
        aantal, eenheid = lees_doel(doel)
        afspraak = Afspraak(
            id=self.bestaand.id if self.bestaand else None,
            nummer=self.bestaand.nummer if self.bestaand else None,
            agenda_id=self.agenda_id,
            subthema_nummer=self.subthema,
            actielijn=actielijn,
            doel=doel,
            doel_aantal=aantal,
            doel_eenheid=eenheid,
            start=start,
            eind=eind,
            status=AfspraakStatus(w["status"]),
            toelichting=schone_tekst(w["toelichting"], "toelichting", "De toelichting", meerdere_regels=True),
            overleg_id=self.bestaand.overleg_id if self.bestaand else self.overleg_id,
            verantwoordelijken=verantwoordelijken,
            betrokkenen=[p for p in w["betrokkenen"] if p not in verantwoordelijken],
        )
        grond = None
        if self.vastgesteld:
            besluit = w.get("besluit", Select.NULL)
            grond = levensloop.Grond(
                schone_tekst(w["reden"], "reden", "De reden"), None if besluit is Select.NULL else besluit, self.overleg_id
            )
        return notulen.bewaar_afspraak(self.bestand, afspraak, grond=grond)
