"""Make the pictures of the demo's documents that the README shows (docs/*.png), so they stay true.

Makes the demo file in a temporary folder, exports its uitvoeringsagenda and the minutes of its
last meeting as PDF the way `tripartiet export/verslag -o X.pdf` does (opslag.export.schrijf_document),
and renders the first pages to PNG with typst itself, from the same Typst source the PDF was made
of (opslag.omzetten.typst_bron). So no extra system package (poppler's pdftoppm) is needed.

    python docs/maak_voorbeelden.py            # writes docs/verslag-1.png, ... and prints the sizes

Run it after a change to the templates, the house style or the demo, and commit the PNGs.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import typst  # noqa: E402

from opslag import datums, export  # noqa: E402
from opslag.bestand import Gemeentebestand  # noqa: E402
from opslag.demo import maak_demo  # noqa: E402
from opslag.omzetten import typst_bron  # noqa: E402

MAP = Path(__file__).resolve().parent
PAGINAS = 2  # per document: enough to show the header, the tables and the style
PPI = 80  # an A4 page of about 660 x 935 pixels: readable on GitHub, under 300 kB
# The demo's 'today', as for the golden files in tests/golden: the same documents every run.
VANDAAG = dt.date(2026, 11, 27)


def maak(map_: Path, uit: Path = MAP) -> list[Path]:
    """Make the demo and its PDFs in `map_`, the PNGs in `uit`; return the PNGs."""
    echt = datums.vandaag
    datums.vandaag = lambda: VANDAAG  # the running agenda period and 'open' actions depend on it
    try:
        pad = maak_demo(map_ / "demo-zonnedal.sqlite")
        with Gemeentebestand.open(pad, alleen_lezen=True) as bestand:
            documenten = {
                "uitvoeringsagenda": export.maak("uitvoeringsagenda", bestand, {}),
                "verslag": export.maak("verslag", bestand, {"overleg": export.kies_overleg(bestand, "laatste")}),
            }
    finally:
        datums.vandaag = echt
    gemaakt: list[Path] = []
    for naam, document in documenten.items():
        pdf = export.schrijf_document(map_ / f"{naam}.pdf", document, "pdf", pad)  # proves the PDF is made
        titel, status = export.titel_en_status(document)
        bron, wortel = typst_bron(document.tekst, titel=titel, status=status)
        paginas = typst.compile(bron, root=str(wortel), format="png", ppi=PPI)
        paginas = [paginas] if isinstance(paginas, bytes) else paginas
        print(f"{pdf.name}: {len(paginas)} pagina's")
        for nummer, png in enumerate(paginas[:PAGINAS], start=1):
            doel = uit / f"{naam}-{nummer}.png"
            doel.write_bytes(png)
            gemaakt.append(doel)
    return gemaakt


def main() -> int:
    with tempfile.TemporaryDirectory() as tijdelijk:
        for png in maak(Path(tijdelijk)):
            print(f"{png.relative_to(MAP.parent)}: {png.stat().st_size // 1024} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
