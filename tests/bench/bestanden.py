"""Municipality files of a chosen size for the benchmarks, built quickly with executemany.

    schaal 1   ~10 meetings,   150 agreements,    400 actions (a municipality after two years)
    schaal 10  ~100 meetings, 1,500 agreements,  4,000 actions
    schaal 100 ~1,000 meetings, 15,000 agreements, 40,000 actions
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from opslag.bestand import nieuw_bestand  # noqa: E402

STAANDE_PUNTEN_VOOR = ("opening", "mededelingen", "verslag", "actielijst")
STAANDE_PUNTEN_NA = ("rondvraag", "sluiting")
_WOORDEN = (
    "woningen sociale huur corporatie gemeente huurders nieuwbouw planning doorstroming senioren "
    "leefbaarheid budget netcongestie label renovatie monitor kern wijk verhuurder grondprijs "
    "convenant evaluatie bod uitvoeringsagenda voortgang project"
).split()


def _tekst(rnd: random.Random, woorden: int) -> str:
    return " ".join(rnd.choice(_WOORDEN) for _ in range(woorden)).capitalize() + "."


def maak_bestand(pad: Path, schaal: int, zaad: int = 2026, perioden: bool = False) -> Path:
    """A municipality file with 10, 150 and 400 times `schaal` meetings, agreements and actions."""
    rnd = random.Random(zaad)
    nieuw_bestand("Aalten", pad)
    conn = sqlite3.connect(pad, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("BEGIN")
    agenda_id = conn.execute("SELECT id FROM uitvoeringsagenda ORDER BY id LIMIT 1").fetchone()[0]
    agendas: dict[int, int] = {}  # begin year -> agenda id, with `perioden`
    partijen = [r[0] for r in conn.execute("SELECT id FROM partij ORDER BY volgorde, id")]
    subthemas = [r[0] for r in conn.execute("SELECT nummer FROM subthema ORDER BY volgorde")]
    conn.executemany(
        "INSERT INTO persoon (id, naam, functie, partij_id) VALUES (?, ?, ?, ?)",
        [(i + 1, f"Persoon {i + 1:02d}", rnd.choice(["beleidsadviseur", "manager wonen", "bestuurslid"]), partijen[i % len(partijen)])
         for i in range(12)],
    )
    overleggen = 10 * schaal
    begin = dt.date(2026, 1, 8)
    datums = [begin + dt.timedelta(days=35 * i) for i in range(overleggen)]
    def agenda_van(datum: dt.date) -> int:
        """With `perioden` every two years have their own uitvoeringsagenda, as in real files;
        without, all agreements sit in one agenda (the export benchmark's worst case)."""
        if not perioden:
            return agenda_id
        begin_jaar = datum.year - (datum.year % 2)
        if begin_jaar not in agendas:
            bestaand = conn.execute("SELECT id FROM uitvoeringsagenda WHERE periode = ?", [f"{begin_jaar}-{begin_jaar + 1}"]).fetchone()
            agendas[begin_jaar] = bestaand[0] if bestaand else conn.execute(
                "INSERT INTO uitvoeringsagenda (periode) VALUES (?)", [f"{begin_jaar}-{begin_jaar + 1}"]).lastrowid
        return agendas[begin_jaar]

    overleg_agenda = [agenda_van(d) for d in datums]
    conn.executemany(
        "INSERT INTO overleg (id, agenda_id, datum, soort, plaats, voorzitter_id, notulist_id, volgende_datum) "
        "VALUES (?, ?, ?, ?, ?, 1, 2, ?)",
        [(i + 1, overleg_agenda[i], d.isoformat(), "ambtelijk" if i % 3 else "bestuurlijk", "Gemeentehuis Aalten",
          (d + dt.timedelta(days=35)).isoformat()) for i, d in enumerate(datums)],
    )
    punten, punt_ids = [], {}
    punt_id = 0
    for o in range(1, overleggen + 1):
        soorten = [(s, None) for s in STAANDE_PUNTEN_VOOR]
        soorten += [("subthema", s) for s in rnd.sample(subthemas, 6)]
        soorten += [(s, None) for s in STAANDE_PUNTEN_NA]
        for volgorde, (soort, sub) in enumerate(soorten):
            punt_id += 1
            punten.append((punt_id, o, volgorde, soort, sub, _tekst(rnd, 40) if rnd.random() < 0.7 else ""))
            punt_ids.setdefault(o, []).append((punt_id, sub))
    conn.executemany(
        "INSERT INTO agendapunt (id, overleg_id, volgorde, soort, subthema_nummer, notitie) VALUES (?, ?, ?, ?, ?, ?)", punten
    )
    conn.executemany(
        "INSERT INTO aanwezigheid (overleg_id, persoon_id, status) VALUES (?, ?, ?)",
        [(o, p, rnd.choice(["aanwezig"] * 8 + ["mk", "zk"])) for o in range(1, overleggen + 1) for p in range(1, 10)],
    )
    statussen = ["afgesproken", "in uitvoering", "gereed", "vertraagd"]
    afspraken, koppelingen = [], []
    for n in range(1, 150 * schaal + 1):
        o = rnd.randint(1, overleggen)
        sub = rnd.choice([s for _, s in punt_ids[o] if s])
        afspraken.append((n, n, overleg_agenda[o - 1], sub, _tekst(rnd, 8), f"{rnd.randint(1, 80)} woningen", "2026",
                          rnd.choice(["2027", "Q4 2027"]), rnd.choice(statussen), _tekst(rnd, 15) if n % 3 == 0 else "", o))
        for volgorde, partij in enumerate(rnd.sample(partijen, rnd.randint(1, 3))):
            koppelingen.append((n, partij, "verantwoordelijk" if volgorde == 0 or rnd.random() < 0.5 else "betrokken", volgorde))
    conn.executemany(
        "INSERT INTO afspraak (id, nummer, agenda_id, subthema_nummer, actielijn, doel, start, eind, status, toelichting, overleg_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        afspraken,
    )
    conn.executemany("INSERT INTO afspraak_partij (afspraak_id, partij_id, rol, volgorde) VALUES (?, ?, ?, ?)", koppelingen)
    besluiten = []
    for o in range(1, overleggen + 1):
        for _ in range(3):
            besluiten.append((len(besluiten) + 1, o, rnd.choice(punt_ids[o])[0], _tekst(rnd, 14), datums[o - 1].isoformat()))
    conn.executemany("INSERT INTO besluit (nummer, overleg_id, agendapunt_id, tekst, datum) VALUES (?, ?, ?, ?, ?)", besluiten)
    acties = []
    for n in range(1, 400 * schaal + 1):
        o = 1 + (n - 1) * overleggen // (400 * schaal)
        punt, sub = rnd.choice(punt_ids[o])
        later = min(o + rnd.randint(1, 3), overleggen)
        klaar = rnd.random() < 0.7 and later > o
        acties.append((n, o, punt, sub, _tekst(rnd, 9), rnd.randint(1, 12), (datums[o - 1] + dt.timedelta(days=60)).isoformat(),
                       "gereed" if klaar else "open", datums[later - 1].isoformat() if klaar else None, datums[o - 1].isoformat()))
    conn.executemany(
        "INSERT INTO actiepunt (nummer, overleg_id, agendapunt_id, subthema_nummer, wat, persoon_id, deadline, status, gereed_op, aangemaakt_op) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        acties,
    )
    conn.executemany(
        "INSERT INTO wijziging (tijdstip, tabel, rij_id, actie, gegevens) VALUES (?, 'afspraak', ?, 'gewijzigd', '{}')",
        [(f"{datums[rnd.randint(0, overleggen - 1)].isoformat()}T10:00:00", rnd.randint(1, len(afspraken))) for _ in range(15 * schaal)],
    )
    for soort, laatste in (("afspraak", len(afspraken)), ("besluit", len(besluiten)), ("actiepunt", len(acties))):
        conn.execute("UPDATE nummering SET laatste = ? WHERE soort = ?", [laatste, soort])
    conn.execute("COMMIT")
    conn.close()
    return pad
