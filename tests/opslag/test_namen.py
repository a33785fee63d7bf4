"""File names for municipalities (opslag.bestand.bestandsnaam) and default parties (opslag.partijen)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opslag.bestand import bestandsnaam
from opslag.fouten import OngeldigeNaam, TripartietFout
from opslag.modellen import PartijSoort
from opslag.partijen import achterhoekse_gemeenten, canonieke_naam, standaard_partijen

# --- bestandsnaam -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gemeente", "naam"),
    [
        ("Aalten", "aalten.sqlite"),
        ("Oude IJsselstreek", "oude-ijsselstreek.sqlite"),
        ("Oost Gelre", "oost-gelre.sqlite"),
        ("  Oost   Gelre  ", "oost-gelre.sqlite"),
        ("OOST GELRE", "oost-gelre.sqlite"),
        ("Súdwest-Fryslân", "sudwest-fryslan.sqlite"),
        ("Gemeente Zoë & Cañón", "gemeente-zoe-canon.sqlite"),
        ("'s-Hertogenbosch", "s-hertogenbosch.sqlite"),
    ],
)
def test_bestandsnaam(gemeente: str, naam: str) -> None:
    assert bestandsnaam(gemeente) == naam


def test_bestandsnaam_achterhoek_is_uniek() -> None:
    namen = [bestandsnaam(g) for g in achterhoekse_gemeenten()]
    assert len(set(namen)) == len(namen) == 8
    assert all(re.fullmatch(r"[a-z0-9-]+\.sqlite", n) for n in namen)


@pytest.mark.parametrize(
    ("gemeente", "stukje"),
    [
        ("", "een lege naam kan niet"),
        ("   ", "een lege naam kan niet"),
        ("\n", "een lege naam kan niet"),
        ("../x", "geen geldige gemeentenaam"),
        ("a/b", "geen geldige gemeentenaam"),
        ("a\\b", "geen geldige gemeentenaam"),
        ("C:x", "geen geldige gemeentenaam"),
        ("..", "geen geldige gemeentenaam"),
        (".verborgen", "geen geldige gemeentenaam"),
        ("x\x00y", "onzichtbare of stuurtekens"),
        ("Aal\u200bten", "onzichtbare of stuurtekens"),
        ("!!!", "kan geen bestandsnaam gemaakt worden"),
    ],
)
def test_bestandsnaam_weigert(gemeente: str, stukje: str) -> None:
    with pytest.raises(OngeldigeNaam) as info:
        bestandsnaam(gemeente)
    assert isinstance(info.value, TripartietFout)
    assert stukje in str(info.value)


@pytest.fixture(scope="module")
def map_(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("gemeenten")


_LASTIG = st.sampled_from(list("aZ09 ./\\:-_'\x00\n\t\u200béÅİßﬁ／．\u0301"))


@settings(max_examples=300, deadline=None)
@given(gemeente=st.one_of(st.text(), st.text(alphabet=_LASTIG, max_size=12)))
def test_bestandsnaam_blijft_in_de_map(map_: Path, gemeente: str) -> None:
    try:
        naam = bestandsnaam(gemeente)
    except OngeldigeNaam as fout:
        assert str(fout)
        return
    assert "/" not in naam and "\\" not in naam and "\x00" not in naam
    assert not naam.startswith(".")
    assert naam.endswith(".sqlite") and naam != ".sqlite"
    assert re.fullmatch(r"[a-z0-9-]+\.sqlite", naam)
    assert (map_ / naam).resolve().parent == map_.resolve()


# --- standaard_partijen -----------------------------------------------------------------------

ACHTERHOEK = [
    "Aalten",
    "Berkelland",
    "Bronckhorst",
    "Doetinchem",
    "Montferland",
    "Oost Gelre",
    "Oude IJsselstreek",
    "Winterswijk",
]


def test_aalten() -> None:
    partijen = standaard_partijen("Aalten")
    assert [(p.naam, p.code, p.soort) for p in partijen] == [
        ("Gemeente Aalten", "GA", PartijSoort.GEMEENTE),
        ("De Woonplaats", "DWP", PartijSoort.CORPORATIE),
        ("HV 't Walfort", "HVW", PartijSoort.HUURDERS),
        ("HV Dinxperlo", "HVD", PartijSoort.HUURDERS),
    ]
    assert [str(p.soort) for p in partijen] == ["gemeente", "corporatie", "huurdersvereniging", "huurdersvereniging"]


def test_hoofdletters_maken_niet_uit() -> None:
    assert standaard_partijen("oost gelre") == standaard_partijen("Oost Gelre")
    assert standaard_partijen("AALTEN")[0].naam == "Gemeente Aalten"
    assert canonieke_naam("  oude   ijsselstreek ") == "Oude IJsselstreek"


def test_de_acht_achterhoekse_gemeenten() -> None:
    assert achterhoekse_gemeenten() == ACHTERHOEK


@pytest.mark.parametrize("gemeente", ACHTERHOEK)
def test_partijen_per_achterhoekse_gemeente(gemeente: str) -> None:
    partijen = standaard_partijen(gemeente)
    soorten = Counter(p.soort for p in partijen)
    assert soorten[PartijSoort.GEMEENTE] == 1
    assert soorten[PartijSoort.CORPORATIE] >= 1
    assert soorten[PartijSoort.HUURDERS] >= 1
    assert partijen[0].soort == PartijSoort.GEMEENTE
    assert partijen[0].naam == f"Gemeente {gemeente}"
    codes = [p.code for p in partijen]
    assert len(set(codes)) == len(codes), codes
    assert all(p.naam.strip() and p.code.strip() for p in partijen)


def test_onbekende_gemeente_krijgt_alleen_zichzelf() -> None:
    partijen = standaard_partijen("Zutphen")
    assert len(partijen) == 1
    (gemeente,) = partijen
    assert gemeente.naam == "Gemeente Zutphen"
    assert gemeente.soort == PartijSoort.GEMEENTE
    assert gemeente.code.startswith("G") and len(gemeente.code) > 1


@pytest.mark.parametrize("getypt", ["Oost-Gelre", "oost gelre", " OOST-gelre ", "Oost Gelre"])
def test_oost_gelre_met_streepje_of_kleine_letters(getypt: str) -> None:
    assert canonieke_naam(getypt) == "Oost Gelre"
    assert standaard_partijen(getypt) == standaard_partijen("Oost Gelre")
    assert canonieke_naam("Oude-IJsselstreek") == "Oude IJsselstreek"
    assert canonieke_naam("  Zutphen ") == "Zutphen", "an unknown municipality stays as typed"
