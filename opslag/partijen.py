"""Default parties per Achterhoek municipality (../shared/domein.md, 2025/2026).

These only prefill a new file; from then on parties are data the user edits.
"""

from __future__ import annotations

from opslag.modellen import Partij, PartijSoort

_CORPORATIES = {
    "De Woonplaats": "DWP",
    "ProWonen": "PW",
    "Sité Woondiensten": "SITE",
    "Plavei": "PLV",
    "Wonion": "WON",
}

# municipality: (own code, corporations, tenant organisations as (name, code))
_ACHTERHOEK: dict[str, tuple[str, list[str], list[tuple[str, str]]]] = {
    "Aalten": ("GA", ["De Woonplaats"], [("HV 't Walfort", "HVW"), ("HV Dinxperlo", "HVD")]),
    "Berkelland": ("GB", ["ProWonen"], [("HV De Naobers", "HVN"), ("HV Borculo-Ruurlo", "HVBR")]),
    "Bronckhorst": (
        "GBH",
        ["ProWonen", "Sité Woondiensten"],
        [("HV HeVo", "HEVO"), ("HV Zelhem", "HVZ"), ("Bewonersvereniging Siverder", "SIV")],
    ),
    "Doetinchem": ("GD", ["Sité Woondiensten"], [("Siverder", "SIV")]),
    "Montferland": ("GM", ["Plavei"], [("HV De Sleutel", "HVDS")]),
    "Oost Gelre": ("GOG", ["ProWonen", "De Woonplaats"], [("HV Lichtenvoorde", "HVL")]),
    "Oude IJsselstreek": ("GOIJ", ["Wonion", "Sité Woondiensten"], [("HV Wij Wonen", "HVWW")]),
    "Winterswijk": ("GW", ["De Woonplaats"], [("Huurdersvereniging Winterswijk", "HVW")]),
}


def achterhoekse_gemeenten() -> list[str]:
    return list(_ACHTERHOEK)


def _gemeente_code(naam: str) -> str:
    letters = "".join(woord[0] for woord in naam.split() if woord[:1].isalpha()).upper()
    return "G" + (letters or "M")


def _sleutel(naam: str) -> str:
    """'Oost-Gelre', 'oost gelre' and ' Oost  Gelre ' are one municipality: case, hyphens and spaces aside."""
    return " ".join(naam.replace("-", " ").split()).casefold()


def bekende_gemeente(gemeente: str) -> str | None:
    """The Achterhoek municipality `gemeente` names, spelled as it spells itself; None if unknown."""
    return next((naam for naam in _ACHTERHOEK if _sleutel(naam) == _sleutel(gemeente)), None)


def standaard_partijen(gemeente: str) -> list[Partij]:
    """The parties for a new file; an unknown municipality gets only itself as party."""
    bekend = bekende_gemeente(gemeente)
    if bekend is None:
        return [Partij(naam=f"Gemeente {gemeente}", code=_gemeente_code(gemeente), soort=PartijSoort.GEMEENTE)]
    code, corporaties, huurders = _ACHTERHOEK[bekend]
    partijen = [Partij(naam=f"Gemeente {bekend}", code=code, soort=PartijSoort.GEMEENTE)]
    partijen += [Partij(naam=naam, code=_CORPORATIES[naam], soort=PartijSoort.CORPORATIE) for naam in corporaties]
    partijen += [Partij(naam=naam, code=hv, soort=PartijSoort.HUURDERS) for naam, hv in huurders]
    return partijen


def canonieke_naam(gemeente: str) -> str:
    """'oost gelre' or 'Oost-Gelre' -> 'Oost Gelre' for the known municipalities; others as typed."""
    return bekende_gemeente(gemeente) or " ".join(gemeente.split())
