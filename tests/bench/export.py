"""Benchmark: export of the uitvoeringsagenda and the minutes, against reading the same rows bare.

Builds three municipality files with executemany (a few seconds in all):

    realistisch   ~10 meetings,   150 agreements,    400 actions (a municipality after two years)
    10x          ~100 meetings, 1,500 agreements,  4,000 actions
    100x        ~1,000 meetings, 15,000 agreements, 40,000 actions

and times, inside one process, the export of both documents (data, template, Markdown) against a
plain SQLite query that fetches the same rows. Prints a table and JSON. The export should stay well
under 100 ms for the realistic file, under a second for 10x, and grow linearly: the growth factor
from one size to the next ten times larger one should be about 10, not 100.

    python tests/bench/export.py [--herhalingen 5] [--zonder-100x]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from opslag import export  # noqa: E402
from opslag.bestand import Gemeentebestand  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bestanden import maak_bestand  # noqa: E402

GROOTTES: dict[str, int] = {"realistisch": 1, "10x": 10, "100x": 100}
def _kaal_agenda(conn: sqlite3.Connection) -> int:
    """The same rows as the uitvoeringsagenda, read with plain queries and nothing else."""
    agenda_id = conn.execute("SELECT id FROM uitvoeringsagenda ORDER BY periode LIMIT 1").fetchone()[0]
    rijen = conn.execute("SELECT * FROM afspraak WHERE agenda_id = ? ORDER BY nummer", [agenda_id]).fetchall()
    rijen += conn.execute(
        "SELECT ap.*, p.code FROM afspraak_partij ap JOIN partij p ON p.id = ap.partij_id "
        "JOIN afspraak a ON a.id = ap.afspraak_id WHERE a.agenda_id = ?", [agenda_id]
    ).fetchall()
    return len(rijen)


def _kaal_verslag(conn: sqlite3.Connection, overleg_id: int) -> int:
    datum = conn.execute("SELECT datum FROM overleg WHERE id = ?", [overleg_id]).fetchone()[0]
    rijen = conn.execute("SELECT * FROM agendapunt WHERE overleg_id = ? ORDER BY volgorde", [overleg_id]).fetchall()
    rijen += conn.execute("SELECT * FROM besluit WHERE overleg_id = ? ORDER BY nummer", [overleg_id]).fetchall()
    rijen += conn.execute("SELECT * FROM afspraak WHERE overleg_id = ? ORDER BY nummer", [overleg_id]).fetchall()
    rijen += conn.execute(
        "SELECT a.*, pe.naam FROM actiepunt a LEFT JOIN persoon pe ON pe.id = a.persoon_id "
        "WHERE a.status = 'open' OR a.gereed_op >= ? ORDER BY a.nummer", [datum]
    ).fetchall()
    return len(rijen)


def _meet(functie, herhalingen: int) -> tuple[float, float, object]:  # noqa: ANN001
    """(first call, median of the next ones) in seconds, and what the function returned."""
    begin = time.perf_counter()
    uitkomst = functie()
    eerste = time.perf_counter() - begin
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - begin)
    return eerste, statistics.median(tijden), uitkomst


def meet_bestand(pad: Path, herhalingen: int) -> dict[str, object]:
    """The first export after opening the file (reads the framework, compiles the template once
    per process) and the median of the next ones, against plain queries for the same rows."""
    with Gemeentebestand.open(pad, alleen_lezen=True) as bestand:
        overleg_id = export.kies_overleg(bestand, "laatste")
        conn = bestand.db.conn
        agenda_koud, agenda_tijd, agenda = _meet(lambda: export.exporteer_uitvoeringsagenda(bestand, "2026-2027"), herhalingen)
        verslag_koud, verslag_tijd, verslag = _meet(lambda: export.exporteer_verslag(bestand, overleg_id), herhalingen)
        _, kaal_agenda, _ = _meet(lambda: _kaal_agenda(conn), herhalingen)
        _, kaal_verslag, _ = _meet(lambda: _kaal_verslag(conn, overleg_id), herhalingen)
        tellingen = {
            tabel: conn.execute(f"SELECT count(*) FROM {tabel}").fetchone()[0]  # noqa: S608
            for tabel in ("overleg", "afspraak", "actiepunt")
        }
    return {
        **tellingen,
        "agenda_ms": round(agenda_tijd * 1000, 1),
        "agenda_kaal_ms": round(kaal_agenda * 1000, 2),
        "agenda_factor": round(agenda_tijd / kaal_agenda, 1),
        "verslag_ms": round(verslag_tijd * 1000, 1),
        "verslag_kaal_ms": round(kaal_verslag * 1000, 2),
        "verslag_factor": round(verslag_tijd / kaal_verslag, 1),
        "agenda_kb": round(len(str(agenda).encode()) / 1024),
        "verslag_kb": round(len(str(verslag).encode()) / 1024),
        "agenda_eerste_ms": round(agenda_koud * 1000, 1),
        "verslag_eerste_ms": round(verslag_koud * 1000, 1),
    }


def meet_export(map_: Path, grootste: int = 100, herhalingen: int = 5) -> dict[str, object]:
    """Measure the three sizes up to `grootste`, print the table, return the figures."""
    uitkomst: dict[str, dict[str, object]] = {}
    for naam, schaal in GROOTTES.items():
        if schaal > grootste:
            continue
        begin = time.perf_counter()
        pad = maak_bestand(map_ / f"export-{naam}.sqlite", schaal)
        gemaakt = time.perf_counter() - begin
        # Small files take more runs: at 10 ms a busy moment of the machine would set the growth figure.
        keer = herhalingen * 5 if schaal == 1 else herhalingen if schaal < 100 else max(2, herhalingen // 2)
        uitkomst[naam] = meet_bestand(pad, keer)
        uitkomst[naam]["aanmaken_s"] = round(gemaakt, 2)
    namen = list(uitkomst)
    groei = {
        f"{b}/{a}": {
            "agenda": round(uitkomst[b]["agenda_ms"] / uitkomst[a]["agenda_ms"], 1),  # type: ignore[operator]
            "verslag": round(uitkomst[b]["verslag_ms"] / uitkomst[a]["verslag_ms"], 1),  # type: ignore[operator]
        }
        for a, b in zip(namen, namen[1:])
    }
    kop = f"{'bestand':<12} {'afspraken':>9} {'acties':>7} | {'agenda':>9} {'kaal':>8} {'factor':>6} | {'verslag':>9} {'kaal':>8} {'factor':>6} | {'uitvoer':>15}"
    print(kop)
    print("-" * len(kop))
    for naam, m in uitkomst.items():
        print(
            f"{naam:<12} {m['afspraak']:>9,} {m['actiepunt']:>7,} | {m['agenda_ms']:>6} ms {m['agenda_kaal_ms']:>5} ms {m['agenda_factor']:>5}x "
            f"| {m['verslag_ms']:>6} ms {m['verslag_kaal_ms']:>5} ms {m['verslag_factor']:>5}x | {m['agenda_kb']:>5} + {m['verslag_kb']:>4} kB"
        )
    for stap, factoren in groei.items():
        print(f"groei {stap}: uitvoeringsagenda x{factoren['agenda']}, verslag x{factoren['verslag']} (lineair is x10)")
    eerste = ", ".join(f"{naam} {m['agenda_eerste_ms']} + {m['verslag_eerste_ms']} ms" for naam, m in uitkomst.items())
    print(f"eerste export na openen (kader lezen, sjabloon vertalen): {eerste}")
    return {"bestanden": uitkomst, "groei": groei}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--herhalingen", type=int, default=5)
    parser.add_argument("--zonder-100x", action="store_true", help="alleen realistisch en 10x")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as map_:
        resultaat = meet_export(Path(map_), 10 if args.zonder_100x else 100, args.herhalingen)
    print(json.dumps(resultaat, indent=2))


if __name__ == "__main__":
    main()
