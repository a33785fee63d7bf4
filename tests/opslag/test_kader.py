"""The framework loader (opslag.kader): the real Achterhoek framework, malformed files, other frameworks.

Malformed files are built by mutating a small valid framework string; every expected line number is
computed from the mutated string itself, so the tests say which line a policy officer would be sent to.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from opslag.fouten import KaderFout
from opslag.kader import Kader
from opslag.kader_lezer import lees_kader, parseer_kader, standaard_kader_pad

# --- helpers ----------------------------------------------------------------------------------

GELDIG = """\
# Kader Testregio 2026

## 1 Wonen

### 1.1 Eerste onderwerp

#### Landelijk

- Landelijke afspraak[^1].

#### Regionaal

- Regionale afspraak.

#### Lokaal

Lokale afspraak als alinea.

#### Bron

- NPA 2025-2035

### 1.2 Tweede onderwerp

#### Landelijk

- L2

#### Regionaal

- R2

#### Lokaal

- K2

#### Bron

- Woonagenda

## 2 Leefbaarheid

### 2.1 Derde onderwerp

#### Landelijk

- L3

#### Regionaal

- R3

#### Lokaal

- K3

#### Betrokkenen

- Geen bron vermeld

## Voetnoten

### 1

Voetnoot een.
"""


def vervang(tekst: str, oud: str, nieuw: str) -> str:
    """Replace exactly one occurrence, so a mutation can never silently miss."""
    assert tekst.count(oud) == 1, f"{oud!r} komt {tekst.count(oud)} keer voor"
    return tekst.replace(oud, nieuw)


def regel(tekst: str, inhoud: str, keer: int = 1) -> int:
    """1-based number of the `keer`-th line of `tekst` that is exactly `inhoud`."""
    nummers = [i for i, r in enumerate(tekst.splitlines(), start=1) if r == inhoud]
    assert len(nummers) >= keer, f"regel {inhoud!r} staat {len(nummers)} keer in de tekst"
    return nummers[keer - 1]


def fout_bij(tekst: str) -> KaderFout:
    with pytest.raises(KaderFout) as info:
        parseer_kader(tekst, "test.md")
    return info.value


def controleer_fout(fout: KaderFout, verwachte_regel: int | None, stukje: str) -> None:
    assert fout.bestand == "test.md"
    assert fout.regel == verwachte_regel
    assert stukje in fout.melding
    assert str(fout).startswith("Fout in kaderbestand test.md")
    assert "test.md" in str(fout)
    if verwachte_regel is not None:
        assert f"regel {verwachte_regel}:" in str(fout)
    assert fout.melding in str(fout)


# --- the real framework -----------------------------------------------------------------------

SUBTHEMA_NUMMERS = [
    *(f"1.{i}" for i in range(1, 11)),
    *(f"2.1.{i}" for i in range(1, 5)),
    *(f"3.{i}" for i in range(1, 5)),
    *(f"4.{i}" for i in range(1, 8)),
]

# Dutch elision ("woon- en zorgbehoeften") is legitimate; anything else after "- " is a line-break leftover.
_AFBREEKSTREEP = re.compile(r"\w- (?!(?:en|of|tot|en/of)\b)")


@pytest.fixture(scope="module")
def kader() -> Kader:
    return lees_kader()


def test_standaard_pad_is_het_echte_bestand() -> None:
    pad = standaard_kader_pad()
    assert pad.name == "kader_achterhoek_2026_2029.md"
    assert pad.is_file()


def test_lees_kader_met_en_zonder_pad_geeft_hetzelfde(kader: Kader) -> None:
    assert lees_kader(standaard_kader_pad()) == kader


def test_titel_en_themas(kader: Kader) -> None:
    assert kader.titel == "Meerjarige regionale prestatieafspraken Achterhoek 2026 t/m 2029"
    assert [(t.nummer, t.titel) for t in kader.themas] == [
        ("1", "Beschikbaarheid en betaalbaarheid"),
        ("2", "Ouderen en aandachtsgroepen"),
        ("3", "Leefbaarheid"),
        ("4", "Duurzaamheid"),
    ]


def test_precies_de_25_subthemas_in_volgorde(kader: Kader) -> None:
    assert len(SUBTHEMA_NUMMERS) == 25
    assert [s.nummer for s in kader.subthemas] == SUBTHEMA_NUMMERS
    for thema in kader.themas:
        assert all(s.thema_nummer == thema.nummer for s in thema.subthemas)
    assert kader.subthema("2.1.3").onderwerp == "Doorstroming"
    assert kader.subthema("1.10").titel == "1.10 Betaalbaarheid"


# The source names no sources for these two; KADERFORMAAT.md lets Bron/Betrokkenen stay empty then.
ZONDER_BRON = {"3.4", "4.7"}


def test_elk_subthema_heeft_alle_onderdelen(kader: Kader) -> None:
    for sub in kader.subthemas:
        assert sub.onderwerp.strip(), sub.nummer
        for naam in ("landelijk", "regionaal", "lokaal"):
            punten = getattr(sub, naam)
            assert punten, f"{sub.nummer} {naam}"
            assert all(p.tekst.strip() for p in punten), f"{sub.nummer} {naam}"
        assert all(b.strip() for b in sub.bronnen), sub.nummer
    assert {s.nummer for s in kader.subthemas if not s.bronnen} == ZONDER_BRON


def test_alleen_3_2_heeft_een_afgeleide_titel(kader: Kader) -> None:
    assert [s.nummer for s in kader.subthemas if s.titel_afgeleid] == ["3.2"]
    assert kader.subthema("3.2").onderwerp == "Sociale samenhang en leefbaarheidsbudget"
    assert all("afgeleide titel" not in s.onderwerp for s in kader.subthemas)


def test_voetnoten_bestaan_en_horen_bij_het_juiste_subthema(kader: Kader) -> None:
    assert [v.nummer for v in kader.voetnoten] == ["2", "3", "4", "5", "6"]
    assert all(v.tekst.strip() for v in kader.voetnoten)
    verwijzingen = {s.nummer: s.voetnoten for s in kader.subthemas if s.voetnoten}
    assert verwijzingen == {"1.4": ["2"], "1.6": ["3", "4"], "2.1.4": ["5"], "4.3": ["6"]}
    assert kader.voetnoot("2").tekst.startswith("Wat is conceptueel bouwen?")
    assert kader.voetnoot("3").tekst.startswith("De dPi (de Prospectieve informatie)")
    assert "conceptueel[^2]" in kader.subthema("1.4").landelijk[0].tekst


def test_bron_kop_per_thema(kader: Kader) -> None:
    for sub in kader.subthemas:
        verwacht = "Bron" if sub.thema_nummer == "1" else "Betrokkenen"
        assert sub.bron_kop == verwacht, sub.nummer


def test_vrije_secties(kader: Kader) -> None:
    assert [s.titel for s in kader.secties] == ["Inleiding", "Hoe werken we samen?"]
    inleiding, samen = kader.secties
    assert inleiding.tekst.startswith("Vanuit de landelijke politiek zien we een toenemende behoefte")
    assert inleiding.tekst.endswith("ten gunste van de sociale doelgroep.")
    assert samen.tekst.startswith("**Gezamenlijke ambitie**")
    assert "Wijzigingen en onvoorziene omstandigheden" in samen.tekst
    assert "mediatie" in samen.tekst
    assert "## " not in inleiding.tekst and "## " not in samen.tekst


def test_netcongestie_lokaal_noemt_liander(kader: Kader) -> None:
    lokaal = kader.subthema("4.2").lokaal
    assert [p.tekst for p in lokaal] == ["Gemeente en Corporatie stemmen de planning af met Liander."]
    assert lokaal[0].opsomming is False


def test_steekproef_herstelde_tekst(kader: Kader) -> None:
    laatste = kader.subthema("1.9").lokaal[-1]
    assert laatste.opsomming is True
    assert laatste.tekst == (
        "Gemeenten en corporaties kunnen lokaal afspraken maken over het oprekken van de vrije "
        "toewijzingsruimte voor hogere inkomens naar 15% (i.p.v. 7,5%)."
    )
    assert [p.tekst for p in kader.subthema("1.9").landelijk] == ["Er zijn geen landelijke afspraken op dit subthema."]
    assert kader.subthema("1.1").landelijk[0].tekst == (
        "We geven invulling aan de beschikbaarheid van sociale huurwoningen door: 1) het bouwen van nieuwe "
        "sociale huurwoningen, 2) vervangende nieuwbouw en 3) het beter benutten van de bestaande voorraad."
    )
    assert "€ 40 miljoen" in kader.subthema("2.1.1").landelijk[0].tekst
    assert kader.subthema("1.9").bronnen == [
        "Wet VRV en Regionale Huisvestingsverordening",
        "Toewijzingsregels ‘Thuis in de Achterhoek’ en ‘Woninghuren’",
    ]
    assert kader.subthema("3.3").bronnen == ["Regionale woonagenda"]


def test_alinea_gevolgd_door_opsomming_blijft_gescheiden(kader: Kader) -> None:
    regionaal = kader.subthema("1.6").regionaal
    assert [p.opsomming for p in regionaal] == [False, True, True, True, True, True]
    assert regionaal[0].tekst == "Vanuit de Woondeal 1.1 zetten we in op procesafspraken en monitoring:"
    landelijk = kader.subthema("4.3").landelijk
    assert [p.opsomming for p in landelijk] == [False, True, True]
    assert landelijk[1].tekst.startswith("Alle woningen met slechte energielabels (E, F en G)")


def test_geen_achtergebleven_afbreekstreepjes(kader: Kader) -> None:
    teksten = [v.tekst for v in kader.voetnoten]
    for sub in kader.subthemas:
        teksten.append(sub.onderwerp)
        teksten += sub.bronnen
        teksten += [p.tekst for naam in ("landelijk", "regionaal", "lokaal") for p in getattr(sub, naam)]
    gevonden = [t for t in teksten if _AFBREEKSTREEP.search(t)]
    assert gevonden == []
    # The pattern itself does find the kind of leftover it is meant for, and spares real elision.
    assert _AFBREEKSTREEP.search("gezamen- lijk")
    assert not _AFBREEKSTREEP.search("woon- en zorgbehoeften")
    assert all("\n" not in t and "  " not in t for t in teksten)


# --- the minimal framework --------------------------------------------------------------------


def test_minimaal_kader_is_geldig() -> None:
    kader = parseer_kader(GELDIG, "test.md")
    assert [s.nummer for s in kader.subthemas] == ["1.1", "1.2", "2.1"]
    assert kader.subthema("1.1").lokaal[0].opsomming is False
    assert kader.subthema("2.1").bron_kop == "Betrokkenen"
    assert [v.nummer for v in kader.voetnoten] == ["1"]


# --- malformed files --------------------------------------------------------------------------

# (id, mutation of GELDIG, (line, occurrence) the error must point to, characteristic Dutch text)
FOUTGEVALLEN = [
    (
        "ontbrekend-niveau-midden",
        lambda t: vervang(t, "#### Regionaal\n\n- Regionale afspraak.\n\n", ""),
        ("#### Lokaal", 1),
        "in subthema 1.1 hoort hier '#### Regionaal'",
    ),
    (
        "ontbrekend-niveau-bron",
        lambda t: vervang(t, "#### Bron\n\n- Woonagenda\n\n", ""),
        ("### 1.2 Tweede onderwerp", 1),
        "subthema 1.2 mist het onderdeel '#### Bron (of Betrokkenen)'",
    ),
    (
        "niveaus-verkeerde-volgorde",
        lambda t: vervang(
            t,
            "#### Lokaal\n\nLokale afspraak als alinea.\n\n#### Bron\n\n- NPA 2025-2035\n",
            "#### Bron\n\n- NPA 2025-2035\n\n#### Lokaal\n\nLokale afspraak als alinea.\n",
        ),
        ("#### Bron", 1),
        "hoort hier '#### Lokaal' (volgorde: Landelijk, Regionaal, Lokaal, Bron)",
    ),
    (
        "dubbel-niveau",
        lambda t: vervang(t, "- Regionale afspraak.\n", "- Regionale afspraak.\n\n#### Landelijk\n\n- Nog eens.\n"),
        ("#### Landelijk", 2),
        "'Landelijk' komt twee keer voor in subthema 1.1",
    ),
    (
        "leeg-niveau",
        lambda t: vervang(t, "- Regionale afspraak.\n\n", ""),
        ("#### Regionaal", 1),
        "'Regionaal' van subthema 1.1 is leeg",
    ),
    (
        "dubbel-subthemanummer",
        lambda t: vervang(t, "### 1.2 Tweede onderwerp", "### 1.1 Tweede onderwerp"),
        ("### 1.1 Tweede onderwerp", 1),
        "subthemanummer 1.1 komt twee keer voor (eerder op regel 5)",
    ),
    (
        "dubbel-themanummer",
        lambda t: vervang(t, "## 2 Leefbaarheid", "## 1 Leefbaarheid"),
        ("## 1 Leefbaarheid", 1),
        "themanummer 1 komt twee keer voor (eerder op regel 3)",
    ),
    (
        "subthemanummer-past-niet-bij-thema",
        lambda t: vervang(t, "### 1.2 Tweede onderwerp", "### 2.2 Tweede onderwerp"),
        ("### 2.2 Tweede onderwerp", 1),
        "subthema 2.2 staat onder thema 1; het nummer moet met 1. beginnen",
    ),
    (
        "onbekende-kop-provinciaal",
        lambda t: vervang(t, "- Regionale afspraak.\n", "- Regionale afspraak.\n\n#### Provinciaal\n\n- Gelderland.\n"),
        ("#### Provinciaal", 1),
        "onbekende kop '#### Provinciaal' in subthema 1.1",
    ),
    (
        "onbekende-kop-niveau-5",
        lambda t: vervang(t, "Lokale afspraak als alinea.\n", "Lokale afspraak als alinea.\n\n##### x\n"),
        ("##### x", 1),
        "onbekende kop '##### x': koppen gaan tot ####",
    ),
    (
        "onbekende-kop-bijlage",
        lambda t: vervang(t, "## Voetnoten\n", "## Bijlage\n\n## Voetnoten\n"),
        ("## Bijlage", 1),
        "onbekende kop '## Bijlage': verwacht een thema",
    ),
    (
        "tekst-voor-elke-kop",
        lambda t: "Losse tekst zonder kop.\n\n" + t,
        ("Losse tekst zonder kop.", 1),
        "vóór het eerste thema hoort hier niet; zet hem onder een kop",
    ),
    (
        "tekst-direct-onder-thema",
        lambda t: vervang(t, "## 2 Leefbaarheid\n", "## 2 Leefbaarheid\n\nLosse tekst.\n"),
        ("Losse tekst.", 1),
        "tekst direct onder een thema hoort hier niet",
    ),
    (
        "ontbrekende-titel",
        lambda t: vervang(t, "# Kader Testregio 2026\n\n", ""),
        ("## 1 Wonen", 1),
        "het bestand moet beginnen met een titel (# ...)",
    ),
    (
        "tweede-titel",
        lambda t: vervang(t, "## 2 Leefbaarheid\n", "# Nog een titel\n\n## 2 Leefbaarheid\n"),
        ("# Nog een titel", 1),
        "er mag maar één titel (#) in het bestand staan",
    ),
    (
        "verwijzing-zonder-voetnoot",
        # The error points at the heading of the subtheme that holds the reference.
        lambda t: vervang(t, "- R2\n", "- R2[^7]\n"),
        ("### 1.2 Tweede onderwerp", 1),
        "subthema 1.2 verwijst naar voetnoot 7, maar die staat niet onder '## Voetnoten'",
    ),
    (
        "bron-als-alinea",
        lambda t: vervang(t, "#### Bron\n\n- NPA 2025-2035\n", "#### Bron\n\nNPA 2025-2035\n"),
        ("#### Bron", 1),
        "zet elke bron van subthema 1.1 als opsommingspunt ('- ...')",
    ),
    (
        "genummerde-lijst",
        lambda t: vervang(t, "- L2\n", "1. L2\n"),
        ("1. L2", 1),
        "gebruik '-' voor opsommingen, geen genummerde lijst",
    ),
    (
        "thema-zonder-subthemas",
        lambda t: vervang(t, "## Voetnoten\n", "## 3 Duurzaamheid\n\n## Voetnoten\n"),
        ("## 3 Duurzaamheid", 1),
        "thema 3 heeft geen subthema's",
    ),
    (
        "voetnoten-voor-themas",
        lambda t: vervang(t, "## 1 Wonen\n", "## Voetnoten\n\n## 1 Wonen\n"),
        ("## Voetnoten", 1),
        "'## Voetnoten' moet na de thema's staan",
    ),
]


@pytest.mark.parametrize(
    ("muteer", "waar", "stukje"),
    [pytest.param(m, w, s, id=i) for i, m, w, s in FOUTGEVALLEN],
)
def test_fout_in_kaderbestand(muteer, waar: tuple[str, int], stukje: str) -> None:
    tekst = muteer(GELDIG)
    verwachte_regel = regel(tekst, *waar)
    controleer_fout(fout_bij(tekst), verwachte_regel, stukje)


def test_ongebruikte_voetnoot_wordt_geweigerd() -> None:
    tekst = GELDIG + "\n### 8\n\nOngebruikt.\n"
    fout = fout_bij(tekst)
    assert "voetnoot 8 wordt nergens gebruikt" in fout.melding
    assert fout.bestand == "test.md"
    assert "test.md" in str(fout)


def test_ongebruikte_voetnoot_noemt_de_regel() -> None:
    tekst = GELDIG + "\n### 8\n\nOngebruikt.\n"
    controleer_fout(fout_bij(tekst), regel(tekst, "### 8"), "voetnoot 8 wordt nergens gebruikt")


def test_lege_bron_met_opmerking_is_toegestaan() -> None:
    tekst = vervang(GELDIG, "#### Betrokkenen\n\n- Geen bron vermeld\n", "#### Betrokkenen\n\n<!-- Geen bron in de brontekst. -->\n")
    kader = parseer_kader(tekst, "test.md")
    assert kader.subthema("2.1").bronnen == []
    assert kader.subthema("2.1").bron_kop == "Betrokkenen"
    assert kader.subthema("1.1").bronnen == ["NPA 2025-2035"]


def test_leeg_bestand_heeft_geen_titel() -> None:
    controleer_fout(fout_bij(""), None, "het bestand heeft geen titel (# ...)")


# --- bugs found while writing these tests (reported, not fixed) ---------------------------------


def test_leeg_opsommingspunt_geeft_kaderfout() -> None:
    tekst = vervang(GELDIG, "- L2\n", "- L2\n-\n")
    fout = fout_bij(tekst)
    assert fout.regel is not None and fout.regel >= regel(tekst, "- L2")


def test_alleen_afgeleide_titel_geeft_kaderfout() -> None:
    tekst = vervang(GELDIG, "### 1.2 Tweede onderwerp", "### 1.2 (afgeleide titel)")
    fout = fout_bij(tekst)
    assert fout.regel == regel(tekst, "### 1.2 (afgeleide titel)")


def test_verwijzing_in_bron_zonder_voetnoot_wordt_geweigerd() -> None:
    fout = fout_bij(vervang(GELDIG, "- Woonagenda\n", "- Woonagenda[^9]\n"))
    assert "voetnoot 9" in fout.melding


def test_lege_titel_wordt_geweigerd() -> None:
    tekst = vervang(GELDIG, "# Kader Testregio 2026\n", "#\n")
    fout = fout_bij(tekst)
    assert fout.regel == 1


# --- reading files ----------------------------------------------------------------------------


def test_lees_kader_ontbrekend_bestand(tmp_path: Path) -> None:
    pad = tmp_path / "bestaat-niet.md"
    with pytest.raises(KaderFout) as info:
        lees_kader(pad)
    fout = info.value
    assert fout.bestand == str(pad)
    assert fout.regel is None
    assert fout.melding == "het bestand bestaat niet."
    assert str(fout) == f"Fout in kaderbestand {pad}: het bestand bestaat niet."


def test_lees_kader_geen_utf8(tmp_path: Path) -> None:
    pad = tmp_path / "kader.md"
    pad.write_bytes("# Kader Café\n".encode("latin-1") + b"\xff\xfe\n")
    with pytest.raises(KaderFout) as info:
        lees_kader(pad)
    fout = info.value
    assert fout.regel is None
    assert "geen tekst in UTF-8" in fout.melding
    assert str(pad) in str(fout)


def test_lees_kader_map_in_plaats_van_bestand(tmp_path: Path) -> None:
    with pytest.raises(KaderFout) as info:
        lees_kader(tmp_path)
    assert "kan niet gelezen worden" in info.value.melding


# --- another valid framework ------------------------------------------------------------------

TWENTE = """\
# Prestatieafspraken Twente 2027 t/m 2030

## Inleiding

Een korte inleiding voor Twente.

## 7 Wonen en zorg

### 7.1 Geclusterd wonen

#### Landelijk

Geen landelijke afspraken op dit subthema.

#### Regionaal

- Regio Twente brengt de behoefte in beeld[^1].
- Tweede regionaal punt.

#### Lokaal

- Gemeenten en corporaties maken lokaal afspraken.

#### Betrokkenen

- Woonzorgvisie Twente
- NPA 2025-2035

### 7.2 Ontmoeting (afgeleide titel)

#### Landelijk

- Landelijk punt.

#### Regionaal

- Geen regionale afspraken op dit subthema.

#### Lokaal

Lokale alinea.

#### Betrokkenen

- Geen bron vermeld

## Voetnoten

### 1

Volgens het onderzoek van 2026.
"""


def controleer_twente(kader: Kader) -> None:
    assert kader.titel == "Prestatieafspraken Twente 2027 t/m 2030"
    assert [s.titel for s in kader.secties] == ["Inleiding"]
    assert kader.secties[0].tekst == "Een korte inleiding voor Twente."
    assert [(t.nummer, t.titel) for t in kader.themas] == [("7", "Wonen en zorg")]
    eerste, tweede = kader.subthemas
    assert (eerste.nummer, eerste.onderwerp, eerste.titel_afgeleid) == ("7.1", "Geclusterd wonen", False)
    assert (tweede.nummer, tweede.onderwerp, tweede.titel_afgeleid) == ("7.2", "Ontmoeting", True)
    assert {eerste.bron_kop, tweede.bron_kop} == {"Betrokkenen"}
    assert eerste.bronnen == ["Woonzorgvisie Twente", "NPA 2025-2035"]
    assert [p.tekst for p in eerste.regionaal] == ["Regio Twente brengt de behoefte in beeld[^1].", "Tweede regionaal punt."]
    assert eerste.landelijk[0].opsomming is False
    assert eerste.voetnoten == ["1"] and tweede.voetnoten == []
    assert [(v.nummer, v.tekst) for v in kader.voetnoten] == [("1", "Volgens het onderzoek van 2026.")]


def test_ander_kader_parseert() -> None:
    controleer_twente(parseer_kader(TWENTE, "twente.md"))


def test_ander_kader_uit_bestand(tmp_path: Path) -> None:
    pad = tmp_path / "kader_twente.md"
    pad.write_text(TWENTE, encoding="utf-8")
    kader = lees_kader(pad)
    controleer_twente(kader)
    assert kader == parseer_kader(TWENTE)
    assert lees_kader(str(pad)) == kader
