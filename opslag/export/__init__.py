"""Export of the uitvoeringsagenda and of the minutes (verslag) as Markdown, from Jinja2 templates.

Two steps. First a builder makes the document as plain data (the pydantic models of `modellen`)
with a fixed, small number of queries, whatever the size of the file: no query per agreement or
per action. Then a template from `sjablonen/` (or a municipality's own copy, `--sjabloon`) turns
that data into Markdown, in the sandboxed Jinja environment of `omgeving` (with the limits of
`grenzen` for a municipality's own template). The output is deterministic: the same file gives
byte-identical Markdown (explicit ORDER BY everywhere, nothing depends on the clock), UTF-8 with
LF line ends and one final newline. `schrijven` holds the one check of where an export may be
written (`controleer_doel`) and the writing itself (`schrijf_export`), for the command line and the
screen alike.

The modules:
    soorten            the registry of document kinds (cheap to import)
    modellen           the documents as data: what a template gets
    uitvoeringsagenda  builder: `bouw(bestand, periode, met_status=, met_kader=)`; kies_agenda
    verslag            builder: `bouw(bestand, overleg_id)`; kies_overleg
    bouwstenen         rows both builders read alike (agreements and their parties)
    omgeving           the Jinja environment, its bytecode cache, template errors in Dutch
    grenzen            time and size limits for a municipality's own template
    schrijven          controleer_doel, schrijf_export, schrijf_document (Markdown, Word, ODT or
                       PDF through opslag.omzetten), titel_en_status, voorgestelde_naam
    fouten             ExportFout, SjabloonFout

A new document kind (an evaluation, a regional monitor) takes:
    1. a builder `opslag/export/NAAM.py` with `bouw(bestand, **parameters)` returning a model
       (a `modellen.Gegevens` subclass, in `modellen.py` or beside the builder);
    2. a template `sjablonen/NAAM.md.j2`;
    3. one `Documentsoort(...)` in `SOORTEN` (`soorten.py`): subcommand, Dutch help texts, template,
       builder, and its options (`Optie`: a yes/no `vinkje`, or a value the screen takes from what
       it shows).
Nothing else: `tripartiet NAAM` (tui/cli.py) and the choice and checkboxes on the export screen
(tui/schermen/export.py) are made from the registry; tests/app/test_export_soorten.py proves that.
Word, ODT and PDF are made from the Markdown (`schrijf_document`, opslag.omzetten): a new kind
gets them without more work.

This package's own import is cheap: what it offers is imported on first use (`export.maak`), so
the command line's `--help` (which reads the registry) and the app's start never load Jinja or
pydantic.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the package itself stays cheap to import: see above
    from pathlib import Path

    from opslag.bestand import Gemeentebestand

_WAAR = {
    "ExportFout": "fouten",
    "SjabloonFout": "fouten",
    "Aanleiding": "soorten",
    "Documentsoort": "soorten",
    "Export": "soorten",
    "Optie": "soorten",
    "SOORTEN": "soorten",
    "Soort": "soorten",
    "bij_commando": "soorten",
    "maak": "soorten",
    "vinkjes": "soorten",
    "standaard_sjabloon": "soorten",
    "kies_agenda": "uitvoeringsagenda",
    "kies_overleg": "verslag",
    "maak_markdown": "omgeving",
    "_omgeving": "omgeving",
    "controleer_doel": "schrijven",
    "schrijf_export": "schrijven",
    "voorgestelde_naam": "schrijven",
    "schrijf_document": "schrijven",
    "titel_en_status": "schrijven",
}

__all__ = sorted([*(naam for naam in _WAAR if not naam.startswith("_")), "exporteer_uitvoeringsagenda", "exporteer_verslag"])


def __getattr__(naam: str) -> object:
    module = _WAAR.get(naam)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), naam)


def exporteer_uitvoeringsagenda(
    bestand: Gemeentebestand,
    periode: str | None = None,
    sjabloon: Path | str | None = None,
    *,
    met_status: bool = False,
    met_kader: bool = False,
) -> str:
    """The uitvoeringsagenda of `periode` (by default the running one) as Markdown."""
    from opslag.export.soorten import maak

    return maak("uitvoeringsagenda", bestand, {"agenda": periode, "status": met_status, "kader": met_kader}, sjabloon).tekst


def exporteer_verslag(bestand: Gemeentebestand, overleg_id: int, sjabloon: Path | str | None = None) -> str:
    """The minutes of the meeting `overleg_id` as Markdown."""
    from opslag.export.soorten import maak

    return maak("verslag", bestand, {"overleg": overleg_id}, sjabloon).tekst
