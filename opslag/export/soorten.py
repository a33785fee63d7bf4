"""The registry of document kinds: from it come the `tripartiet` subcommands and the export screen's choices.

Cheap to import (the command line reads it for every `--help`): builders and options that need the
file are named as 'module:function' and imported when a document is made.
"""

from __future__ import annotations

import importlib
from collections import namedtuple
from collections.abc import Callable, Mapping
from pathlib import Path

# Named tuples rather than dataclasses: making a dataclass costs a few milliseconds at import,
# and this module is imported by every `tripartiet --help`.

Soort = str  # the `naam` of a Documentsoort


class Aanleiding(namedtuple("Aanleiding", "overleg_id overleg_datum periode", defaults=(None, None, None))):
    """What the export screen was opened on: a meeting (its id and date, or none) and the period of
    its agenda."""

    __slots__ = ()


class Optie(
    namedtuple("Optie", "naam hulp parameter vinkje metavar standaard uit kies", defaults=(None, None, None, None, None))
):
    """One option of a document kind: on the command line `--naam` with help text `hulp`; the
    builder gets it as its keyword `parameter`.

    `vinkje`: a yes/no option; `--naam` takes no value, and the export screen shows a checkbox with
    this label. Otherwise the option takes a value, called `metavar` in the help and `standaard`
    when not given; the export screen fills it from what it was opened on (`uit`, a field of
    Aanleiding). `kies` ('module:function(bestand, tekst)') turns the typed text into the value the
    builder takes (a meeting's position into its id).
    """

    __slots__ = ()

    def lees(self, bestand: object, tekst: object) -> object:
        """The value the builder gets for what was typed on the command line."""
        return _laad(self.kies)(bestand, tekst) if self.kies else tekst


class Documentsoort(
    namedtuple("Documentsoort", "naam commando hulp omschrijving sjabloon bouwer kenmerk titel opties", defaults=((),))
):
    """One kind of document.

    naam          the screen's value, and the first word of the proposed file name
    commando      the `tripartiet` subcommand; `hulp` its line in `tripartiet --help`, `omschrijving`
                  the text of its own `--help`
    sjabloon      our template, in sjablonen/
    bouwer        'module:function(bestand, **parameters)' (or the function) returning the document model
    kenmerk       the model's field that ends the proposed file name (a period, a date)
    titel         Aanleiding -> its line in the screen's list, or None: not offered there
    opties        its Opties, in the order of the command line's help
    """

    __slots__ = ()

    def bouw(self, bestand: object, **parameters: object) -> object:
        return _laad(self.bouwer)(bestand, **parameters)

    @property
    def over_overleg(self) -> bool:
        """About the meeting shown: the screen opens on this one when it is opened from a meeting."""
        return any(optie.uit == "overleg_id" for optie in self.opties)


class Export(namedtuple("Export", "tekst kenmerk document", defaults=(None,))):
    """A made export: the Markdown as the file gets it, the `kenmerk` for its proposed name, and the
    document model it was made from (Word and PDF take their header's title and status from it)."""

    __slots__ = ()


def _laad(naam: str | Callable[..., object]) -> Callable[..., object]:
    if callable(naam):
        return naam
    module, functie = naam.split(":")
    return getattr(importlib.import_module(module), functie)


def _verslagtitel(aanleiding: Aanleiding) -> str | None:
    if aanleiding.overleg_id is None or aanleiding.overleg_datum is None:
        return None
    from opslag.datums import toon_datum

    return f"Verslag van het overleg van {toon_datum(aanleiding.overleg_datum)}"


SOORTEN: dict[Soort, Documentsoort] = {
    soort.naam: soort
    for soort in (
        Documentsoort(
            naam="uitvoeringsagenda",
            commando="export",
            hulp="schrijf de uitvoeringsagenda (Markdown, Word, ODT of PDF)",
            omschrijving=(
                "Schrijf de tweejarige uitvoeringsagenda als Markdown: de partijen, de werkwijze, per thema en\n"
                "subthema een tabel Actielijn | Doel | Start | Eind | Verantwoordelijke, en de vaststelling met\n"
                "een regel voor de handtekening van elke partij. Zonder -o verschijnt het op het scherm."
            ),
            sjabloon="uitvoeringsagenda.md.j2",
            bouwer="opslag.export.uitvoeringsagenda:bouw",
            kenmerk="periode",
            titel=lambda aanleiding: f"Uitvoeringsagenda {aanleiding.periode or ''}".strip(),
            opties=(
                Optie("agenda", "de periode, bijvoorbeeld 2026-2027; standaard de lopende", "periode",
                      metavar="PERIODE", uit="periode"),
                Optie("status", "voeg aan de tabellen een kolom Status toe", "met_status", vinkje="Kolom Status"),
                Optie("kader", "citeer bij elk subthema het kader: lokaal (wat de agenda uitwerkt) en regionaal",
                      "met_kader", vinkje="Kader citeren"),
            ),
        ),
        Documentsoort(
            naam="verslag",
            commando="verslag",
            hulp="schrijf het verslag van een overleg (Markdown, Word, ODT of PDF)",
            omschrijving=(
                "Schrijf het verslag van een overleg als Markdown: aanwezigen en afwezigen, per agendapunt de\n"
                "aantekeningen, besluiten, afspraken en actiepunten, de besluitenlijst, de actielijst en de\n"
                "datum van het volgende overleg. Zonder -o verschijnt het op het scherm."
            ),
            sjabloon="verslag.md.j2",
            bouwer="opslag.export.verslag:bouw",
            kenmerk="datum",
            titel=_verslagtitel,
            opties=(
                Optie("overleg", "welk overleg: het volgnummer zoals Tripartiet het toont (1 = het oudste), of 'laatste' "
                      "voor het meest recente (standaard)", "overleg_id",
                      metavar="N", standaard="laatste", uit="overleg_id", kies="opslag.export.verslag:kies_overleg"),
            ),
        ),
        Documentsoort(
            naam="inzet",
            commando="inzet",
            hulp="schrijf de inzet per partij in een uitvoeringsagenda (Markdown, Word, ODT of PDF)",
            omschrijving=(
                "Schrijf per partij wat zij in de uitvoeringsagenda op zich heeft genomen: de afspraken waarvan\n"
                "zij trekker, medeverantwoordelijke of betrokkene is, met hun status, en haar actiepunten uit\n"
                "de overleggen van die periode. Zonder -o verschijnt het op het scherm."
            ),
            sjabloon="inzet.md.j2",
            bouwer="opslag.export.inzet:bouw",
            kenmerk="periode",
            titel=lambda aanleiding: f"Inzet per partij {aanleiding.periode or ''}".strip(),
            opties=(
                Optie("agenda", "de periode, bijvoorbeeld 2026-2027; standaard de lopende", "periode",
                      metavar="PERIODE", uit="periode"),
            ),
        ),
    )
}


def bij_commando(commando: str) -> Documentsoort | None:
    return next((soort for soort in SOORTEN.values() if soort.commando == commando), None)


def vinkjes() -> list[Optie]:
    """The yes/no options of all kinds, each once, in the registry's order: the screen's checkboxes."""
    gezien: dict[str, Optie] = {}
    for soort in SOORTEN.values():
        for optie in soort.opties:
            if optie.vinkje is not None:
                gezien.setdefault(optie.naam, optie)
    return list(gezien.values())


def standaard_sjabloon(soort: Documentsoort | Soort) -> Path:
    """Our template for a document kind (or its name)."""
    from importlib import resources  # only when exporting: it costs start-up time otherwise

    soort = SOORTEN[soort] if isinstance(soort, str) else soort
    return Path(str(resources.files("sjablonen").joinpath(soort.sjabloon)))


def maak(soort: Documentsoort | Soort, bestand: object, keuzes: Mapping[str, object] | None = None,
         sjabloon: Path | str | None = None) -> Export:
    """Build the document from `keuzes` (option name -> the builder's value) and fill in its template
    (a municipality's own with `sjabloon`)."""
    from opslag.export.omgeving import maak_markdown

    soort = SOORTEN[soort] if isinstance(soort, str) else soort
    keuzes = keuzes or {}
    document = soort.bouw(bestand, **{o.parameter: keuzes[o.naam] for o in soort.opties if o.naam in keuzes})
    return Export(maak_markdown(document, standaard_sjabloon(soort), sjabloon), str(getattr(document, soort.kenmerk)), document)
