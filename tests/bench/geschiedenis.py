"""Speed of the history views on a 100x file (1,000 meetings, 15,000 agreements, 40,000 actions).

    python tests/bench/geschiedenis.py [schaal] [--log N]

Times subthema_geschiedenis for every subtheme (up to the last meeting and over all), one
agreement's history and the commitments per party: median and worst of a few runs each. `--log N`
first adds N note-save lines to the change log (a year of autosaves is some 100,000), which the
views must not scan per item.
"""

from __future__ import annotations

import argparse
import statistics
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from bestanden import maak_bestand  # noqa: E402

from opslag import geschiedenis  # noqa: E402
from opslag.bestand import Gemeentebestand  # noqa: E402


def _ms(functie, herhalingen: int = 5) -> tuple[float, float]:  # noqa: ANN001
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        functie()
        tijden.append((time.perf_counter() - begin) * 1000)
    return statistics.median(tijden), max(tijden)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("schaal", nargs="?", type=int, default=100)
    parser.add_argument("--log", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as map_:
        pad = maak_bestand(Path(map_) / "groot.sqlite", args.schaal)
        if args.log:
            conn = sqlite3.connect(pad)
            conn.executemany(
                "INSERT INTO wijziging (tijdstip, tabel, rij_id, actie, gegevens) VALUES ('2026-05-01T10:00:00', 'agendapunt', ?, 'notitie', '{}')",
                [(i % 1000 + 1,) for i in range(args.log)],
            )
            conn.commit()
            conn.close()
        with Gemeentebestand.open(pad, alleen_lezen=True) as bestand:
            laatste = bestand.db.execute("SELECT id FROM overleg ORDER BY datum DESC, id DESC LIMIT 1").fetchone()[0]
            subthemas = [s.nummer for s in bestand.kader().subthemas]
            werk = [max(subthemas, key=lambda s: bestand.db.execute(
                "SELECT count(*) FROM agendapunt WHERE subthema_nummer = ?", [s]).fetchone()[0])]
            for nummer in werk + subthemas[:5]:
                mediaan, slechtst = _ms(lambda: geschiedenis.subthema_geschiedenis(bestand, nummer, laatste))
                aantal = len(geschiedenis.subthema_geschiedenis(bestand, nummer, laatste))
                print(f"subthema_geschiedenis {nummer:6} {aantal:4} momenten: mediaan {mediaan:6.1f} ms, slechtst {slechtst:6.1f} ms")
            mediaan, slechtst = _ms(lambda: geschiedenis.afspraak_geschiedenis(bestand, 1234))
            print(f"afspraak_geschiedenis: mediaan {mediaan:6.1f} ms, slechtst {slechtst:6.1f} ms")
            agenda = bestand.db.execute("SELECT id FROM uitvoeringsagenda ORDER BY id LIMIT 1").fetchone()[0]
            mediaan, slechtst = _ms(lambda: geschiedenis.inzet_per_partij(bestand, agenda))
            print(f"inzet_per_partij (alle {args.schaal * 150} afspraken): mediaan {mediaan:6.1f} ms, slechtst {slechtst:6.1f} ms")


if __name__ == "__main__":
    main()
