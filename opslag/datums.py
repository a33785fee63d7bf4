"""Dates and terms as Dutch minute-takers type them, with a Dutch message for everything else.

Dates are typed dd-mm-jjjj and stored ISO; a term (Start, Eind of an agreement) is a year
("2026"), a quarter ("Q3 2026") or a date, stored in that normalised form.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from opslag.fouten import OngeldigeInvoer

MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
_DATUM = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_KWARTAAL = re.compile(r"^(?:q|kw)\s*([1-4])[\s/-]*(\d{4})$|^(\d{4})[\s/-]*(?:q|kw)\s*([1-4])$", re.IGNORECASE)
_JAAR = re.compile(r"^\d{4}$")
_PERIODE = re.compile(r"^(\d{4})\s*[-/]\s*(\d{4})$")
VOORBEELD = "bijvoorbeeld 19-11-2026"


def vandaag() -> dt.date:
    """Today; one place, so tests and snapshots can fix the date."""
    return dt.date.today()


def toon_datum(datum: dt.date | None) -> str:
    return datum.strftime("%d-%m-%Y") if datum else ""


def lange_datum(datum: dt.date) -> str:
    """'19 november 2026', as minutes write it."""
    return f"{datum.day} {MAANDEN[datum.month - 1]} {datum.year}"


def lees_datum(tekst: str, veld: str = "datum", verplicht: bool = True) -> dt.date | None:
    schoon = tekst.strip()
    if not schoon:
        if verplicht:
            raise OngeldigeInvoer(veld, f"Vul een datum in ({VOORBEELD}).")
        return None
    match = _DATUM.match(schoon)
    if not match:
        raise OngeldigeInvoer(veld, f"'{_kort(schoon)}' is geen datum. Gebruik dd-mm-jjjj, {VOORBEELD}.")
    dag, maand, jaar = (int(deel) for deel in match.groups())
    if not 1 <= maand <= 12:
        raise OngeldigeInvoer(veld, f"Maand {maand} bestaat niet; gebruik dd-mm-jjjj, {VOORBEELD}.")
    if not 1900 <= jaar <= 2200:
        raise OngeldigeInvoer(veld, f"Het jaar {jaar} lijkt niet te kloppen.")
    dagen = calendar.monthrange(jaar, maand)[1]
    if not 1 <= dag <= dagen:
        raise OngeldigeInvoer(veld, f"{schoon} bestaat niet: {MAANDEN[maand - 1]} {jaar} heeft {dagen} dagen.")
    return dt.date(jaar, maand, dag)


def lees_termijn(tekst: str, veld: str) -> str:
    """Normalise a Start or Eind: '' | '2026' | 'Q3 2026' | '01-07-2026'."""
    schoon = " ".join(tekst.split())
    if not schoon:
        return ""
    if _JAAR.match(schoon):
        return schoon
    match = _KWARTAAL.match(schoon)
    if match:
        kwartaal = match[1] or match[4]
        jaar = match[2] or match[3]
        return f"Q{kwartaal} {jaar}"
    if _DATUM.match(schoon):
        return toon_datum(lees_datum(schoon, veld))
    raise OngeldigeInvoer(veld, f"'{_kort(schoon)}' is geen jaar, kwartaal of datum. Schrijf bijvoorbeeld 2026, Q3 2026 of 01-07-2026.")


def termijn_grenzen(termijn: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a term covers, to compare Start with Eind and to sort."""
    if not termijn:
        return None
    if _JAAR.match(termijn):
        jaar = int(termijn)
        return dt.date(jaar, 1, 1), dt.date(jaar, 12, 31)
    match = _KWARTAAL.match(termijn)
    if match:
        kwartaal, jaar = int(match[1] or match[4]), int(match[2] or match[3])
        eerste = dt.date(jaar, 3 * kwartaal - 2, 1)
        laatste_maand = 3 * kwartaal
        return eerste, dt.date(jaar, laatste_maand, calendar.monthrange(jaar, laatste_maand)[1])
    datum = lees_datum(termijn)
    return datum, datum


def controleer_start_eind(start: str, eind: str) -> None:
    begin, einde = termijn_grenzen(start), termijn_grenzen(eind)
    if begin and einde and einde[1] < begin[0]:
        raise OngeldigeInvoer("eind", f"Eind ({eind}) ligt vóór Start ({start}).")


def lees_periode(tekst: str) -> str:
    """'2026-2027' (two consecutive years), the period of an uitvoeringsagenda."""
    match = _PERIODE.match(tekst.strip())
    if not match:
        raise OngeldigeInvoer("periode", f"'{_kort(tekst.strip())}' is geen periode. Schrijf twee jaren, bijvoorbeeld 2026-2027.")
    begin, eind = int(match[1]), int(match[2])
    if eind != begin + 1:
        raise OngeldigeInvoer("periode", "Een uitvoeringsagenda loopt twee opeenvolgende jaren, bijvoorbeeld 2026-2027.")
    return f"{begin}-{eind}"


def _kort(tekst: str, lengte: int = 30) -> str:
    zichtbaar = "".join(teken if teken.isprintable() else "?" for teken in tekst)
    return zichtbaar if len(zichtbaar) <= lengte else zichtbaar[: lengte - 1] + "…"


def lees_tijd(tekst: str, veld: str) -> str | None:
    """'14:03', '14.03' or '1403' as 'HH:MM'; empty is None (not recorded)."""
    schoon = tekst.strip().replace(".", ":")
    if not schoon:
        return None
    if schoon.isdigit() and len(schoon) in (3, 4):
        schoon = f"{schoon[:-2]}:{schoon[-2:]}"
    uren, _, minuten = schoon.partition(":")
    if not (uren.isdigit() and minuten.isdigit() and len(minuten) == 2 and int(uren) <= 23 and int(minuten) <= 59):
        raise OngeldigeInvoer(veld, f"'{_kort(tekst.strip())}' is geen tijd. Gebruik uu:mm, bijvoorbeeld 14:00.")
    return f"{int(uren):02d}:{minuten}"


def toon_tijd(tijd: str | None) -> str:
    """'14:00' as Dutch minutes write it: '14.00'."""
    return tijd.replace(":", ".") if tijd else ""
