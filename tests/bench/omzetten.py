"""Benchmark: Word, ODT and PDF exports of the realistic file (and 10x), beside the Markdown.

Builds the municipality files of tests/bench/export.py, exports the uitvoeringsagenda and the
minutes of the last meeting to Markdown once, and times the conversion of that Markdown
(opslag.omzetten.zet_om: pandoc, for PDF also typst) to each format: the first one in the process
(imports pypandoc and typst, typst loads its fonts) and the median of the next ones. Prints a table
and JSON.

    python tests/bench/omzetten.py [--herhalingen 5] [--met-10x]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from opslag import export  # noqa: E402
from opslag.bestand import Gemeentebestand  # noqa: E402
from opslag.omzetten import zet_om  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bestanden import maak_bestand  # noqa: E402

FORMATEN = ("docx", "odt", "pdf")


def _documenten(pad: Path) -> dict[str, str]:
    with Gemeentebestand.open(pad, alleen_lezen=True) as bestand:
        overleg_id = export.kies_overleg(bestand, "laatste")
        return {
            "uitvoeringsagenda": export.exporteer_uitvoeringsagenda(bestand, "2026-2027"),
            "verslag": export.exporteer_verslag(bestand, overleg_id),
        }


def meet(map_: Path, schalen: dict[str, int], herhalingen: int) -> dict[str, object]:
    uitkomst: dict[str, object] = {}
    eerste: dict[str, float] = {}
    for naam, schaal in schalen.items():
        documenten = _documenten(maak_bestand(map_ / f"omzetten-{naam}.sqlite", schaal))
        for document, md in documenten.items():
            for formaat in FORMATEN:
                doel = map_ / f"{naam}-{document}.{formaat}"
                tijden = []
                for _ in range(herhalingen + 1):
                    begin = time.perf_counter()
                    zet_om(md, formaat, doel, titel=document, status="CONCEPT")
                    tijden.append(time.perf_counter() - begin)
                eerste.setdefault(formaat, tijden[0])  # the very first of each format in this process
                uitkomst[f"{naam}/{document}/{formaat}"] = {
                    "ms": round(statistics.median(tijden[1:]) * 1000),
                    "md_kb": round(len(md.encode()) / 1024),
                    "uit_kb": round(doel.stat().st_size / 1024),
                }
    print(f"{'bestand/document/formaat':<38} {'mediaan':>9} {'md':>7} {'uitvoer':>8}")
    for sleutel, m in uitkomst.items():
        print(f"{sleutel:<38} {m['ms']:>6} ms {m['md_kb']:>4} kB {m['uit_kb']:>5} kB")  # type: ignore[index]
    print("eerste omzetting in dit proces: " + ", ".join(f"{f} {round(t * 1000)} ms" for f, t in eerste.items()))
    return {"omzettingen": uitkomst, "eerste_ms": {f: round(t * 1000) for f, t in eerste.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--herhalingen", type=int, default=5)
    parser.add_argument("--met-10x", action="store_true", help="ook het tien keer grotere bestand")
    args = parser.parse_args()
    schalen = {"realistisch": 1, **({"10x": 10} if args.met_10x else {})}
    with tempfile.TemporaryDirectory() as map_:
        print(json.dumps(meet(Path(map_), schalen, args.herhalingen), indent=2))


if __name__ == "__main__":
    main()
