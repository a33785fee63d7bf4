"""Reading the framework from its Markdown file: where a framework enters Tripartiet.

Walks the markdown-it tokens of the file; every structural error is a KaderFout naming the file
and the line. What it builds is checked by the pydantic models below before it is handed out as
the plain dataclasses of `opslag.kader`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from opslag.fouten import KaderFout
from opslag.kader import AFGELEID, BRONKOPPEN, NIVEAUS, VRIJE_SECTIES, Kader, Punt, Sectie, Subthema, Thema, Voetnoot
from opslag.voetnoten import verwijzingen

STANDAARD_KADER = "kader_achterhoek_2026_2029.md"

_THEMA_KOP = re.compile(r"^(?P<nummer>\d+)\s+(?P<titel>\S.*)$")
_SUBTHEMA_KOP = re.compile(r"^(?P<nummer>\d+(?:\.\d+)+)\.?\s+(?P<titel>\S.*)$")
_LOOPTIJD = re.compile(r"^looptijd\s*:\s*(?P<begin>\d{4})\s*t/m\s*(?P<eind>\d{4})\.?$", re.IGNORECASE)


class _Invoer(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class PuntInvoer(_Invoer):
    tekst: str = Field(min_length=1)
    opsomming: bool = True


class SubthemaInvoer(_Invoer):
    nummer: str = Field(pattern=r"^\d+(\.\d+)+$")
    onderwerp: str = Field(min_length=1)
    titel_afgeleid: bool = False
    landelijk: list[PuntInvoer]
    regionaal: list[PuntInvoer]
    lokaal: list[PuntInvoer]
    bronnen: list[str]
    bron_kop: Literal["Bron", "Betrokkenen"] = "Bron"


class ThemaInvoer(_Invoer):
    nummer: str = Field(pattern=r"^\d+$")
    titel: str = Field(min_length=1)
    subthemas: list[SubthemaInvoer] = []


class VoetnootInvoer(_Invoer):
    nummer: str
    tekst: str


class SectieInvoer(_Invoer):
    titel: str
    tekst: str


class KaderInvoer(_Invoer):
    titel: str
    secties: list[SectieInvoer] = []
    themas: list[ThemaInvoer]
    voetnoten: list[VoetnootInvoer] = []
    begin: int | None = None
    eind: int | None = None


class KaderLezer:
    """Walks the top-level markdown-it tokens as a small state machine over the heading levels."""

    def __init__(self, tekst: str, bestand: str) -> None:
        from markdown_it import MarkdownIt

        self.regels = tekst.splitlines()
        self.tokens = MarkdownIt("commonmark").parse(tekst)
        self.bestand = bestand
        self.titel: str | None = None
        self.secties: list[Sectie] = []
        self.themas: list[Thema] = []
        self.voetnoten: list[Voetnoot] = []
        self.nummers: dict[str, int] = {}
        # Where we are: "begin", "sectie", "thema", "subthema", "voetnoten", "voetnoot"
        self.staat = "begin"
        self.subthema: dict | None = None
        self.subthema_regel = 0
        self.niveau: str | None = None
        self.voetnoot: dict | None = None
        self.voetnoot_regels: dict[str, int | None] = {}
        self.sectie_begin: tuple[str, int] | None = None
        self.looptijd: tuple[int, int] | None = None

    def fout(self, regel: int | None, melding: str) -> KaderFout:
        return KaderFout(self.bestand, regel, melding)

    def lees(self) -> Kader:
        i = 0
        tokens = self.tokens
        while i < len(tokens):
            token = tokens[i]
            regel = token.map[0] + 1 if token.map else None
            if token.type == "heading_open":
                self.kop(int(token.tag[1]), tokens[i + 1].content.strip(), regel)
                i += 3
            elif token.type in ("paragraph_open", "bullet_list_open", "ordered_list_open"):
                einde = self._sluiter(i)
                self.inhoud(tokens[i : einde + 1], regel)
                i = einde + 1
            elif token.type == "html_block" and token.content.lstrip().startswith("<!--"):
                i += 1  # comments are notes for whoever edits the file
            elif token.type == "hr":
                i += 1
            else:
                if self.staat == "sectie":
                    i += 1  # free sections keep their source verbatim, any block goes
                    continue
                raise self.fout(regel, f"onverwachte inhoud ({token.type}); gebruik alinea's of opsommingen.")
        self.sluit_sectie(len(self.regels) + 1)
        self.sluit_subthema()
        self.sluit_voetnoot()
        return self.valideer()

    def _sluiter(self, i: int) -> int:
        level = self.tokens[i].level
        for j in range(i + 1, len(self.tokens)):
            if self.tokens[j].level == level and self.tokens[j].nesting == -1:
                return j
        return len(self.tokens) - 1

    # --- headings -------------------------------------------------------------------------

    def kop(self, niveau: int, tekst: str, regel: int | None) -> None:
        if niveau == 1:
            if self.titel is not None:
                raise self.fout(regel, "er mag maar één titel (#) in het bestand staan.")
            if self.staat != "begin":
                raise self.fout(regel, "de titel (#) moet bovenaan staan.")
            if not tekst:
                raise self.fout(regel, "de titel (#) is leeg; schrijf de naam van het kader erachter.")
            self.titel = tekst
            return
        if self.titel is None:
            raise self.fout(regel, "het bestand moet beginnen met een titel (# ...).")
        if niveau == 2:
            self.kop_h2(tekst, regel)
        elif niveau == 3:
            self.kop_h3(tekst, regel)
        elif niveau == 4:
            self.kop_h4(tekst, regel)
        else:
            raise self.fout(regel, f"onbekende kop '{'#' * niveau} {tekst}': koppen gaan tot ####.")

    def kop_h2(self, tekst: str, regel: int | None) -> None:
        self.sluit_sectie(regel)
        self.sluit_subthema()
        self.sluit_voetnoot()
        if tekst in VRIJE_SECTIES:
            if self.themas:
                raise self.fout(regel, f"'## {tekst}' moet vóór het eerste thema staan.")
            self.staat = "sectie"
            self.sectie_begin = (tekst, regel or 0)
            return
        if tekst == "Voetnoten":
            if not self.themas:
                raise self.fout(regel, "'## Voetnoten' moet na de thema's staan.")
            self.staat = "voetnoten"
            return
        match = _THEMA_KOP.match(tekst)
        if not match:
            raise self.fout(
                regel,
                f"onbekende kop '## {tekst}': verwacht een thema ('## 1 Titel'), "
                "'## Inleiding', '## Hoe werken we samen?' of '## Voetnoten'.",
            )
        if self.staat == "voetnoten":
            raise self.fout(regel, "thema's moeten vóór '## Voetnoten' staan.")
        self.registreer_nummer(match["nummer"], regel, "thema")
        self.themas.append(Thema(nummer=match["nummer"], titel=match["titel"].strip()))
        self.staat = "thema"

    def kop_h3(self, tekst: str, regel: int | None) -> None:
        if self.staat in ("voetnoten", "voetnoot"):
            self.sluit_voetnoot()
            if not re.fullmatch(r"\d+", tekst):
                raise self.fout(regel, f"onbekende kop '### {tekst}': een voetnoot heet '### 2' (alleen het nummer).")
            if any(v.nummer == tekst for v in self.voetnoten):
                raise self.fout(regel, f"voetnoot {tekst} komt twee keer voor.")
            self.voetnoot = {"nummer": tekst, "regel": regel, "tekst": []}
            self.staat = "voetnoot"
            return
        if self.staat not in ("thema", "subthema"):
            raise self.fout(regel, f"kop '### {tekst}' staat niet onder een thema (## ...).")
        self.sluit_subthema()
        match = _SUBTHEMA_KOP.match(tekst)
        if not match:
            raise self.fout(regel, f"onbekende kop '### {tekst}': verwacht een subthema ('### 1.1 Onderwerp').")
        nummer, onderwerp = match["nummer"], match["titel"].strip()
        thema = self.themas[-1]
        if nummer.split(".", 1)[0] != thema.nummer:
            raise self.fout(regel, f"subthema {nummer} staat onder thema {thema.nummer}; het nummer moet met {thema.nummer}. beginnen.")
        self.registreer_nummer(nummer, regel, "subthema")
        afgeleid = onderwerp.endswith(AFGELEID)
        if afgeleid:
            onderwerp = onderwerp[: -len(AFGELEID)].strip()
            if not onderwerp:
                raise self.fout(regel, f"subthema {nummer} heeft geen onderwerp vóór '{AFGELEID}'.")
        self.subthema = {
            "nummer": nummer,
            "onderwerp": onderwerp,
            "titel_afgeleid": afgeleid,
            "onderdelen": {},
        }
        self.subthema_regel = regel or 0
        self.niveau = None
        self.staat = "subthema"

    def kop_h4(self, tekst: str, regel: int | None) -> None:
        if self.staat != "subthema" or self.subthema is None:
            raise self.fout(regel, f"kop '#### {tekst}' staat niet onder een subthema (### ...).")
        verwacht = [*NIVEAUS, "Bron"]
        naam = "Bron" if tekst in BRONKOPPEN else tekst
        if naam not in verwacht:
            raise self.fout(
                regel,
                f"onbekende kop '#### {tekst}' in subthema {self.subthema['nummer']}: "
                "verwacht Landelijk, Regionaal, Lokaal en Bron (of Betrokkenen).",
            )
        onderdelen = self.subthema["onderdelen"]
        if naam in onderdelen:
            raise self.fout(regel, f"'{tekst}' komt twee keer voor in subthema {self.subthema['nummer']}.")
        volgende = verwacht[len(onderdelen)]
        if naam != volgende:
            raise self.fout(
                regel,
                f"in subthema {self.subthema['nummer']} hoort hier '#### {volgende}' "
                f"(volgorde: Landelijk, Regionaal, Lokaal, Bron).",
            )
        if naam == "Bron":
            self.subthema["bron_kop"] = tekst
        onderdelen[naam] = {"regel": regel, "punten": []}
        self.niveau = naam

    # --- content --------------------------------------------------------------------------

    def inhoud(self, blok: list, regel: int | None) -> None:
        if self.staat == "sectie":
            return
        if self.staat == "begin" and self.titel is not None and blok[0].type == "paragraph_open":
            tekst = _inline(blok)
            if tekst.casefold().startswith("looptijd"):
                self.lees_looptijd(tekst, regel)
                return
        if self.staat == "voetnoot" and self.voetnoot is not None:
            self.voetnoot["tekst"].extend(t.content.strip() for t in blok if t.type == "inline")
            return
        if self.staat != "subthema" or self.niveau is None or self.subthema is None:
            waar = {"begin": "vóór het eerste thema", "thema": "direct onder een thema", "voetnoten": "onder '## Voetnoten'"}
            raise self.fout(regel, f"tekst {waar.get(self.staat, 'op deze plek')} hoort hier niet; zet hem onder een kop.")
        punten = self.subthema["onderdelen"][self.niveau]["punten"]

        def voeg_toe(tokens: list, opsomming: bool) -> None:
            tekst = _inline(tokens)
            if not tekst:
                raise self.fout(regel, f"leeg opsommingspunt onder '{self.niveau}' van subthema {self.subthema['nummer']}.")
            punten.append(Punt(tekst=tekst, opsomming=opsomming))

        if blok[0].type == "paragraph_open":
            voeg_toe(blok, False)
            return
        if blok[0].type == "ordered_list_open":
            raise self.fout(regel, "gebruik '-' voor opsommingen, geen genummerde lijst.")
        item: list = []
        for token in blok[1:-1]:
            if token.type == "list_item_close":
                voeg_toe(item, True)
                item = []
            elif token.type in ("bullet_list_open", "ordered_list_open"):
                raise self.fout(regel, "opsommingen binnen opsommingen worden niet ondersteund.")
            else:
                item.append(token)

    def lees_looptijd(self, tekst: str, regel: int | None) -> None:
        """'Looptijd: 2026 t/m 2029' under the title: the years whose two-year agendas fit the framework."""
        if self.looptijd is not None:
            raise self.fout(regel, "de looptijd staat er twee keer; laat één regel 'Looptijd: 2026 t/m 2029' staan.")
        match = _LOOPTIJD.match(tekst)
        if not match:
            raise self.fout(regel, "schrijf de looptijd als 'Looptijd: 2026 t/m 2029' (het eerste en het laatste jaar).")
        begin, eind = int(match["begin"]), int(match["eind"])
        if eind < begin:
            raise self.fout(regel, f"de looptijd eindigt ({eind}) vóór hij begint ({begin}).")
        self.looptijd = (begin, eind)

    # --- closing blocks -------------------------------------------------------------------

    def registreer_nummer(self, nummer: str, regel: int | None, soort: str) -> None:
        if nummer in self.nummers:
            raise self.fout(regel, f"{soort}nummer {nummer} komt twee keer voor (eerder op regel {self.nummers[nummer]}).")
        self.nummers[nummer] = regel or 0

    def sluit_sectie(self, regel: int | None) -> None:
        if self.staat != "sectie" or self.sectie_begin is None:
            return
        titel, begin = self.sectie_begin
        tekst = "\n".join(self.regels[begin : (regel or 1) - 1]).strip()
        self.secties.append(Sectie(titel=titel, tekst=tekst))
        self.sectie_begin = None

    def sluit_voetnoot(self) -> None:
        if self.voetnoot is None:
            return
        if not self.voetnoot["tekst"]:
            raise self.fout(self.voetnoot["regel"], f"voetnoot {self.voetnoot['nummer']} heeft geen tekst.")
        self.voetnoten.append(Voetnoot(nummer=self.voetnoot["nummer"], tekst="\n\n".join(self.voetnoot["tekst"])))
        self.voetnoot_regels[self.voetnoot["nummer"]] = self.voetnoot["regel"]
        self.voetnoot = None

    def sluit_subthema(self) -> None:
        if self.subthema is None:
            return
        gegevens, self.subthema = self.subthema, None
        onderdelen = gegevens.pop("onderdelen")
        nummer = gegevens["nummer"]
        for naam in [*NIVEAUS, "Bron"]:
            if naam not in onderdelen:
                kop = "Bron (of Betrokkenen)" if naam == "Bron" else naam
                raise self.fout(self.subthema_regel, f"subthema {nummer} mist het onderdeel '#### {kop}'.")
            # A source column may be empty in the original (3.4, 4.7); a level may not.
            if naam != "Bron" and not onderdelen[naam]["punten"]:
                raise self.fout(
                    onderdelen[naam]["regel"],
                    f"'{naam}' van subthema {nummer} is leeg; schrijf bijvoorbeeld 'Geen afspraken op dit subthema.'",
                )
        for naam in NIVEAUS:
            gegevens[naam.lower()] = onderdelen[naam]["punten"]
        bronnen = onderdelen["Bron"]["punten"]
        if any(not punt.opsomming for punt in bronnen):
            raise self.fout(onderdelen["Bron"]["regel"], f"zet elke bron van subthema {nummer} als opsommingspunt ('- ...').")
        gegevens["bronnen"] = [punt.tekst for punt in bronnen]
        self.themas[-1].subthemas.append(Subthema(**gegevens))

    def valideer(self) -> Kader:
        if self.titel is None:
            raise self.fout(None, "het bestand heeft geen titel (# ...) en is geen kaderbestand.")
        if not self.themas:
            raise self.fout(None, "het bestand bevat geen thema's (## 1 Titel).")
        for thema in self.themas:
            if not thema.subthemas:
                raise self.fout(self.nummers[thema.nummer], f"thema {thema.nummer} heeft geen subthema's.")
        bekend = {v.nummer for v in self.voetnoten}
        gebruikt: set[str] = {n for sectie in self.secties for n in verwijzingen(sectie.tekst)}
        for thema in self.themas:
            for sub in thema.subthemas:
                for nummer in sub.voetnoten:
                    if nummer not in bekend:
                        raise self.fout(self.nummers[sub.nummer], f"subthema {sub.nummer} verwijst naar voetnoot {nummer}, maar die staat niet onder '## Voetnoten'.")
                    gebruikt.add(nummer)
        for voetnoot in self.voetnoten:
            if voetnoot.nummer not in gebruikt:
                raise self.fout(self.voetnoot_regels.get(voetnoot.nummer), f"voetnoot {voetnoot.nummer} wordt nergens gebruikt.")
        begin, eind = self.looptijd or (None, None)
        kader = Kader(
            titel=self.titel, secties=self.secties, themas=self.themas, voetnoten=self.voetnoten, begin=begin, eind=eind
        )
        KaderInvoer.model_validate(kader)  # raises pydantic's ValidationError, as the models did before
        return kader


def _inline(blok: list) -> str:
    delen = [t.content.strip() for t in blok if t.type == "inline"]
    return " ".join(" ".join(deel.split()) for deel in delen if deel)


def standaard_kader_pad() -> Path:
    from importlib import resources  # only when a file is made: 14 ms of start-up otherwise

    return Path(str(resources.files("sjablonen").joinpath(STANDAARD_KADER)))


def lees_kader(pad: Path | str | None = None) -> Kader:
    pad = Path(pad) if pad is not None else standaard_kader_pad()
    try:
        tekst = pad.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KaderFout(pad, None, "het bestand bestaat niet.") from None
    except UnicodeDecodeError:
        raise KaderFout(pad, None, "het bestand is geen tekst in UTF-8.") from None
    except OSError as fout:
        raise KaderFout(pad, None, f"het bestand kan niet gelezen worden ({fout.strerror}).") from None
    return parseer_kader(tekst, pad)


def parseer_kader(tekst: str, bestand: Path | str = "<kader>") -> Kader:
    return KaderLezer(tekst, str(bestand)).lees()
