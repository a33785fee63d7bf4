"""Checking free text and goals as typed into forms; every refusal is a Dutch sentence."""

from __future__ import annotations

import re
import unicodedata

from opslag.fouten import OngeldigeInvoer

MAX_TEKST = 2_000_000  # a pasted document is fine; a runaway paste of gigabytes is not
_DOEL = re.compile(r"^(?:€\s*)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s*(.*)$")


def schone_tekst(tekst: str, veld: str, naam: str, verplicht: bool = False, meerdere_regels: bool = False) -> str:
    """Text as typed, minus what cannot be stored or shown: NUL and other control characters."""
    toegestaan = "\n\t" if meerdere_regels else "\t"
    schoon = "".join(
        teken for teken in tekst if teken in toegestaan or unicodedata.category(teken) != "Cc"
    )
    if not meerdere_regels:
        schoon = " ".join(schoon.split()) if schoon.strip() else ""
    else:
        schoon = schoon.strip("\n ")
    if verplicht and not schoon.strip():
        raise OngeldigeInvoer(veld, f"{naam} is verplicht; vul iets in.")
    if len(schoon) > MAX_TEKST:
        raise OngeldigeInvoer(veld, f"{naam} is te lang ({len(schoon):,} tekens; maximaal {MAX_TEKST:,}).".replace(",", "."))
    return schoon


def lees_doel(doel: str) -> tuple[float | None, str]:
    """'40 woningen' -> (40, 'woningen'); '€ 35.000' -> (35000, 'euro'); other goals have no number."""
    match = _DOEL.match(doel.strip())
    if not match:
        return None, ""
    geheel, decimalen, rest = match.groups()
    aantal = float(geheel.replace(".", "") + (f".{decimalen}" if decimalen else ""))
    eenheid = "euro" if doel.strip().startswith("€") else rest.split(" ")[0] if rest else ""
    return aantal, eenheid
