"""Reading an existing uitvoeringsagenda into raw rows: a CSV as Excel saves it, or a Markdown
table as Tripartiet exports it. Nothing is checked here beyond the shape of the table; what the
cells mean is `opslag.importeren`'s business.

A gemeente gets its agenda as a Word document; copying the table into Excel and saving it as CSV
gives, on a Dutch PC, semicolons, Windows-1252, CRLF and quoted cells with line breaks. Other PCs
give commas and UTF-8 with a BOM. All of these are read without asking which it is.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from opslag.fouten import TripartietFout

MAX_GROOTTE = 20_000_000  # a table of agreements is kilobytes; this is a wrong file

# Canonical column -> the heading it is shown under in messages.
KOLOMMEN: dict[str, str] = {
    "subthema": "Subthema",
    "actielijn": "Actielijn",
    "doel": "Doel",
    "start": "Start",
    "eind": "Eind",
    "verantwoordelijke": "Verantwoordelijke",
    "betrokken": "Betrokken",
    "status": "Status",
    "toelichting": "Toelichting",
    "nr": "Nr.",
}
# Headings as gemeenten write them, after `_sleutel` (case, spaces, dots and '(n)' gone).
_NAMEN: dict[str, str] = {
    "subthema": "subthema", "subthemanummer": "subthema", "subthemanr": "subthema", "nrsubthema": "subthema",
    "actielijn": "actielijn", "actielijnen": "actielijn", "actie": "actielijn", "acties": "actielijn",
    "doel": "doel", "doelen": "doel", "doelstelling": "doel", "resultaat": "doel",
    "start": "start", "begin": "start", "startdatum": "start",
    "eind": "eind", "einde": "eind", "einddatum": "eind", "gereed": "eind",
    "verantwoordelijke": "verantwoordelijke", "verantwoordelijken": "verantwoordelijke",
    "trekker": "verantwoordelijke", "trekkers": "verantwoordelijke", "wie": "verantwoordelijke",
    "betrokken": "betrokken", "betrokkenen": "betrokken", "betrokkenpartijen": "betrokken",
    "status": "status", "stand": "status", "standvanzaken": "status",
    "toelichting": "toelichting", "opmerking": "toelichting", "opmerkingen": "toelichting",
    "nr": "nr", "nummer": "nr", "no": "nr", "code": "nr",
}
VERPLICHT = ("actielijn", "verantwoordelijke")


class ImportLeesFout(TripartietFout):
    """The file as a whole cannot be read as a table; nothing was stored."""


@dataclass(frozen=True)
class RuweRij:
    regel: int  # line number in the file, 1-based, where the row starts
    cellen: dict[str, str]  # canonical column -> text as in the file (unescaped for Markdown)


@dataclass
class Tabel:
    soort: str  # 'CSV' or 'Markdown'
    beschrijving: str  # 'puntkomma, Windows-1252', for the dry run
    koppen: dict[str, str]  # canonical column -> its heading as the file writes it, for messages
    genegeerd: list[str] = field(default_factory=list)  # headings not understood, as written
    rijen: list[RuweRij] = field(default_factory=list)


def _sleutel(kop: str) -> str:
    kop = re.sub(r"\((?:n|en|s)\)", "", kop.casefold())
    return re.sub(r"[\s.:_\-*]+", "", kop)


def kolom(kop: str) -> str | None:
    """The canonical column a heading names, or None."""
    return _NAMEN.get(_sleutel(kop))


def lees_tabel(pad: Path) -> Tabel:
    tekst, codering = _lees_tekst(pad)
    try:
        if pad.suffix.casefold() in (".md", ".markdown") or _is_markdown(tekst):
            return _lees_markdown(tekst, codering)
        return _lees_csv(tekst, codering)
    except ImportLeesFout as fout:
        raise ImportLeesFout(f"{pad}: {fout}") from None


def _lees_tekst(pad: Path) -> tuple[str, str]:
    try:
        if pad.is_dir():
            raise ImportLeesFout(f"{pad}: dit is een map, geen bestand. Geef het CSV- of Markdown-bestand op.")
        if pad.stat().st_size > MAX_GROOTTE:
            raise ImportLeesFout(f"{pad}: het bestand is te groot voor een uitvoeringsagenda (meer dan 20 MB).")
        inhoud = pad.read_bytes()
    except FileNotFoundError:
        raise ImportLeesFout(f"{pad}: het bestand bestaat niet.") from None
    except PermissionError:
        raise ImportLeesFout(f"{pad}: het bestand kan niet gelezen worden (geen toegang).") from None
    except OSError as fout:
        raise ImportLeesFout(f"{pad}: het bestand kan niet gelezen worden ({fout.strerror}).") from None
    if b"\x00" in inhoud[:65536]:
        raise ImportLeesFout(f"{pad}: dit is geen tekstbestand. Sla de tabel in Excel op als CSV.")
    if inhoud.startswith(b"\xef\xbb\xbf"):
        return inhoud[3:].decode("utf-8", errors="replace"), "UTF-8"
    try:
        return inhoud.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        # Excel on a Dutch PC: "CSV (gescheiden door lijstscheidingsteken)" is Windows-1252.
        return inhoud.decode("cp1252", errors="replace"), "Windows-1252"


# --- CSV ------------------------------------------------------------------------------------------

_SCHEIDINGEN = {";": "puntkomma", ",": "komma", "\t": "tab"}


def _lees_csv(tekst: str, codering: str) -> Tabel:
    beste: tuple[int, str, list[tuple[int, list[str]]], int] | None = None
    for teken in _SCHEIDINGEN:
        rijen = _csv_rijen(tekst, teken)
        for i, (_, cellen) in enumerate(rijen[:30]):  # a title or an empty row may come before the heading
            herkend = sum(1 for c in cellen if kolom(c))
            if herkend >= 2 and (beste is None or herkend > beste[0]):
                beste = (herkend, teken, rijen, i)
                break
    if beste is None:
        raise ImportLeesFout(
            "geen tabel gevonden: er is geen kopregel met kolommen als Subthema, Actielijn, Doel, Start, Eind "
            "en Verantwoordelijke. Sla de tabel in Excel op als CSV, met de kopregel erbij."
        )
    _, teken, rijen, kop_index = beste
    koppen = rijen[kop_index][1]
    posities = _posities(koppen)
    if "subthema" not in posities:
        raise ImportLeesFout(
            "de kolom Subthema ontbreekt; elke regel moet zeggen bij welk subthema hij hoort (1.1 of de titel)."
        )
    tabel = Tabel(
        soort="CSV", beschrijving=f"{_SCHEIDINGEN[teken]}, {codering}",
        koppen={naam: " ".join(koppen[i].split()) for naam, i in posities.items()},
        genegeerd=[k.strip() for k in koppen if k.strip() and kolom(k) is None],
    )
    for regel, cellen in rijen[kop_index + 1:]:
        if not any(c.strip() for c in cellen):
            continue
        if sum(1 for c in cellen if kolom(c)) >= 2:
            continue  # the heading again: several tables pasted one below the other
        waarden = {naam: (cellen[i] if i < len(cellen) else "") for naam, i in posities.items()}
        if _is_themakop(waarden):
            continue
        tabel.rijen.append(RuweRij(regel, waarden))
    return tabel


def _csv_rijen(tekst: str, teken: str) -> list[tuple[int, list[str]]]:
    """(line where the record starts, cells); a quoted cell may span lines."""
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=teken)
    uit: list[tuple[int, list[str]]] = []
    vorige = 0
    try:
        for cellen in lezer:
            uit.append((vorige + 1, cellen))
            vorige = lezer.line_num
    except csv.Error as fout:
        raise ImportLeesFout(f"regel {lezer.line_num}: de CSV is niet te lezen ({fout}).") from None
    return uit


def _posities(koppen: list[str]) -> dict[str, int]:
    posities: dict[str, int] = {}
    for i, kop in enumerate(koppen):
        naam = kolom(kop)
        if naam and naam not in posities:
            posities[naam] = i
    ontbreekt = [KOLOMMEN[k] for k in VERPLICHT if k not in posities]
    if ontbreekt:
        raise ImportLeesFout(
            f"de kolom{'men' if len(ontbreekt) > 1 else ''} {' en '.join(ontbreekt)} "
            f"ontbre{'ken' if len(ontbreekt) > 1 else 'ekt'} in de kopregel. Verwacht: Subthema | Actielijn | Doel | "
            "Start | Eind | Verantwoordelijke [| Betrokken | Status | Toelichting]."
        )
    return posities


def _is_themakop(waarden: dict[str, str]) -> bool:
    """'Thema 1 Beschikbaarheid' alone on a row, as Word tables carry between their parts."""
    gevuld = [v for v in waarden.values() if v.strip()]
    return len(gevuld) == 1 and gevuld[0].strip().casefold().startswith("thema")


# --- Markdown -------------------------------------------------------------------------------------

_SCHEIDINGSREGEL = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_KOP3 = re.compile(r"^###\s+(\d+(?:\.\d+)+)\b")
_CODE = re.compile(r"^(AF-\d+)(?:\s*\((\w+)\))?$")
_STATUS_IN_NR = ("vervallen",)
_TOELICHTING = re.compile(r"^- (AF-\d+): ?(.*)$")
_NOOT = re.compile(r"^Het eind \(.*\) ligt (?:na|vóór) de looptijd van deze uitvoeringsagenda")
_ONTSNAPT = re.compile(r"\\([!-/:-@\[-`{-~])")


def _is_markdown(tekst: str) -> bool:
    regels = tekst.splitlines()
    return any(r.lstrip().startswith("|") and _SCHEIDINGSREGEL.match(v.strip()) for r, v in zip(regels, regels[1:]))


def _cellen(regel: str) -> list[str]:
    """A table row split on '|' that no backslash escapes."""
    regel = regel.strip()
    if regel.startswith("|"):
        regel = regel[1:]
    if regel.endswith("|") and not regel.endswith("\\|"):
        regel = regel[:-1]
    return [deel.strip() for deel in re.split(r"(?<!\\)\|", regel)]


def ontsnap_niet(tekst: str) -> str:
    """Markdown as `opslag.markdown_tekst` escapes it, back to the text typed."""
    return _ONTSNAPT.sub(r"\1", tekst)


def _lees_markdown(tekst: str, codering: str) -> Tabel:
    regels = tekst.splitlines()
    tabel = Tabel(soort="Markdown", beschrijving=codering, koppen={"subthema": "Subthema"})
    subthema = ""
    per_code: dict[str, RuweRij] = {}
    i = 0
    while i < len(regels):
        regel = regels[i]
        kop = _KOP3.match(regel)
        if kop:
            subthema = kop[1]
        elif regel.lstrip().startswith("|") and i + 1 < len(regels) and _SCHEIDINGSREGEL.match(regels[i + 1].strip()):
            koppen = _cellen(regel)
            if sum(1 for k in koppen if kolom(k)) >= 2:
                posities = _posities(koppen)
                tabel.koppen.update((naam, ontsnap_niet(koppen[p])) for naam, p in posities.items())
                tabel.genegeerd = list(dict.fromkeys([*tabel.genegeerd, *(k for k in koppen if k and kolom(k) is None)]))
                i += 2
                while i < len(regels) and regels[i].lstrip().startswith("|"):
                    cellen = _cellen(regels[i])
                    waarden = {naam: ontsnap_niet(cellen[p]) if p < len(cellen) else "" for naam, p in posities.items()}
                    if "subthema" not in posities:
                        waarden["subthema"] = subthema
                    code = _CODE.match(waarden.get("nr", ""))
                    # 'AF-003 (vervallen)' without a Status column; '(gewijzigd)' and '(toegevoegd)'
                    # mark an adopted agenda's later changes, and are no status.
                    if code and code[2] in _STATUS_IN_NR and not waarden.get("status"):
                        waarden["status"] = code[2]
                    rij = RuweRij(i + 1, waarden)
                    tabel.rijen.append(rij)
                    if code:
                        per_code[code[1]] = rij
                    i += 1
                continue
        elif (item := _TOELICHTING.match(regel)) and item[1] in per_code:
            i = _lees_toelichting(regels, i, item, per_code[item[1]])
            continue
        i += 1
    if not tabel.rijen and len(tabel.koppen) == 1:
        raise ImportLeesFout(
            "geen tabel gevonden: het bestand heeft geen tabel met de kolommen Actielijn en Verantwoordelijke."
        )
    return tabel


def _lees_toelichting(regels: list[str], i: int, item: re.Match[str], rij: RuweRij) -> int:
    """The item '- AF-001: text' under 'Toelichting:', with its indented lines; the generated note
    about an end outside the period is not part of what was typed and is left out."""
    alineas: list[list[str]] = [[item[2]]]
    i += 1
    while i < len(regels) and (regels[i].startswith("  ") or (not regels[i].strip() and i + 1 < len(regels) and regels[i + 1].startswith("  "))):
        if regels[i].strip():
            alineas[-1].append(regels[i].strip())
        else:
            alineas.append([])
        i += 1
    teksten = []
    for alinea in alineas:
        tekst = "\n".join(deel.removesuffix("\\") for deel in alinea if deel)
        if tekst and not _NOOT.match(tekst):
            teksten.append(ontsnap_niet(tekst))
    if teksten and not rij.cellen.get("toelichting"):
        rij.cellen["toelichting"] = "\n\n".join(teksten)
    return i
