"""The framework in a municipality file: rows to `Kader` and back.

Each file holds its own copy of the framework. The model is `opslag.kader`, its Markdown reader
`opslag.kader_lezer`; this is only the storage mapping.
"""

from __future__ import annotations

import json
import re

from opslag.kader import Kader, Punt, Sectie, Subthema, Thema, Voetnoot
from opslag.verbinding import Verbinding


def schrijf(db: Verbinding, kader: Kader) -> None:
    """A new file's copy of the framework, inside the transaction that makes the file."""
    db["kader_sectie"].insert_all(
        {"volgorde": i, "titel": s.titel, "tekst": s.tekst} for i, s in enumerate(kader.secties)
    )
    volgorde = 0
    for i, thema in enumerate(kader.themas):
        db["thema"].insert({"nummer": thema.nummer, "titel": thema.titel, "volgorde": i})
        for sub in thema.subthemas:
            db["subthema"].insert(
                {
                    "nummer": sub.nummer,
                    "thema_nummer": thema.nummer,
                    "onderwerp": sub.onderwerp,
                    "titel_afgeleid": int(sub.titel_afgeleid),
                    "volgorde": volgorde,
                    "landelijk": _punten_json(sub.landelijk),
                    "regionaal": _punten_json(sub.regionaal),
                    "lokaal": _punten_json(sub.lokaal),
                    "bronnen": json.dumps(sub.bronnen, ensure_ascii=False),
                    "bron_kop": sub.bron_kop,
                }
            )
            volgorde += 1
    db["voetnoot"].insert_all({"nummer": v.nummer, "tekst": v.tekst} for v in kader.voetnoten)
    if kader.begin is not None and kader.eind is not None:
        db["meta"].insert_all([{"sleutel": "kader_begin", "waarde": str(kader.begin)}, {"sleutel": "kader_eind", "waarde": str(kader.eind)}])


# A file made before frameworks held their years has them only in its title: '... 2026 t/m 2029'.
_JAREN_IN_TITEL = re.compile(r"(\d{4})\s*(?:t/m|tot en met|-|–)\s*(\d{4})\s*$")


def looptijd(db: Verbinding, titel: str) -> tuple[int, int] | None:
    """The framework's first and last year: stored when the file was made, else from its title."""
    meta = dict(db.execute("SELECT sleutel, waarde FROM meta WHERE sleutel IN ('kader_begin', 'kader_eind')").fetchall())
    try:
        return int(meta["kader_begin"]), int(meta["kader_eind"])
    except (KeyError, TypeError, ValueError):
        pass  # not stored (an older file) or unreadable: the title still names the years
    match = _JAREN_IN_TITEL.search(titel)
    if match and int(match[1]) <= int(match[2]):
        return int(match[1]), int(match[2])
    return None


def _punten_json(punten: list[Punt]) -> str:
    return json.dumps([{"tekst": p.tekst, "opsomming": p.opsomming} for p in punten], ensure_ascii=False)


def _punten(tekst: str) -> list[Punt]:
    return [Punt(**punt) for punt in json.loads(tekst)]


def lees(db: Verbinding) -> Kader:
    """The framework as the file holds it: our own copy, trusted and not checked again."""
    titel = db.execute("SELECT waarde FROM meta WHERE sleutel = 'kader_titel'").fetchone()[0]
    themas = {
        rij["nummer"]: Thema(nummer=rij["nummer"], titel=rij["titel"])
        for rij in db.query("SELECT nummer, titel FROM thema ORDER BY volgorde")
    }
    for rij in db.query("SELECT * FROM subthema ORDER BY volgorde"):
        themas[rij["thema_nummer"]].subthemas.append(
            Subthema(
                nummer=rij["nummer"],
                onderwerp=rij["onderwerp"],
                titel_afgeleid=bool(rij["titel_afgeleid"]),
                landelijk=_punten(rij["landelijk"]),
                regionaal=_punten(rij["regionaal"]),
                lokaal=_punten(rij["lokaal"]),
                bronnen=json.loads(rij["bronnen"]),
                bron_kop=rij["bron_kop"],
            )
        )
    begin, eind = looptijd(db, titel) or (None, None)
    return Kader(
        titel=titel,
        begin=begin,
        eind=eind,
        secties=[Sectie(**r) for r in db.query("SELECT titel, tekst FROM kader_sectie ORDER BY volgorde")],
        themas=list(themas.values()),
        voetnoten=[Voetnoot(**r) for r in db.query("SELECT nummer, tekst FROM voetnoot")],
    )
