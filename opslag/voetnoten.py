"""Footnote references in framework text: `[^2]` in the Markdown, ² on screen and in exports."""

from __future__ import annotations

import re

VERWIJZING = re.compile(r"\[\^(\d+)\]")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def verwijzingen(tekst: str) -> list[str]:
    """The footnote numbers `tekst` refers to, in order: 'a[^2] b[^10]' -> ['2', '10']."""
    return VERWIJZING.findall(tekst)


def teken(nummer: str) -> str:
    """'12' -> '¹²'."""
    return nummer.translate(_SUPERSCRIPT)


def met_tekens(tekst: str) -> str:
    """'conceptueel[^2] te bouwen' -> 'conceptueel² te bouwen'."""
    return VERWIJZING.sub(lambda m: teken(m[1]), tekst)
