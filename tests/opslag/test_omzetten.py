"""Word, ODT and PDF made from the exported Markdown say the same as the Markdown.

The Markdown is parsed with markdown-it-py (CommonMark with tables), the Word file is read back
with python-docx and the PDF's text with pypdf: the same headings, the same tables with the same
cells, every agreement number, and the title and status in the header of every page. Hostile text
(the fragments of the Markdown property tests, plus Typst's own syntax) comes out literally, and a
missing or broken house-style file gives a Dutch message naming it and leaves nothing behind.
"""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest
from markdown_it import MarkdownIt

from opslag import omzetten
from opslag.markdown_tekst import blok, cel, normaliseer, regel, schoon
from opslag.omzetten import FORMATEN, HuisstijlFout, OmzetFout, formaat_voor, zet_om
from tests.opslag.test_export_eigenschappen import GEMEEN

GOLDEN = Path(__file__).parents[1] / "golden"
VERSLAG = (GOLDEN / "verslag-demo.md").read_text(encoding="utf-8")
AGENDA = (GOLDEN / "uitvoeringsagenda-demo.md").read_text(encoding="utf-8")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# What Typst (and pandoc's Typst writer) would read as code, math, labels or references.
# Pandoc's Typst writer leaves a marker at the start of a table cell or list item unescaped; our
# filter (opslag/typst_regelbegin.lua) escapes it: '/ x' would not even compile.
TYPST = [
    '#set page(paper: "a5")', "#panic()", "$x^2$", "@ref", "<label>", "= kop", "/* c */", "\\", "_a_", "`r`",
    "- x", "+ x", "/ x", "/ x: y", "= x", "1. x", "12. x", "x / - - -",
]


def _inline(token) -> str:  # noqa: ANN001
    delen = []
    for kind in token.children or []:
        if kind.type in ("text", "code_inline"):
            delen.append(kind.content)
        elif kind.type == "softbreak":
            delen.append(" ")
        elif kind.type == "hardbreak":
            delen.append("\n")
    return "".join(delen)


def _gelijk(tekst: str) -> str:
    """Pandoc collapses runs of spaces, as any renderer of Markdown does, and writes Unicode
    composed (NFC): 'e' plus a combining accent becomes 'é', which looks the same."""
    tekst = unicodedata.normalize("NFC", tekst)
    return "\n".join(re.sub(r" +", " ", deel).strip() for deel in tekst.split("\n"))


def _markdown(md: str) -> tuple[list[tuple[int, str]], list[list[list[str]]]]:
    """Headings (level, text) and tables (rows of cell texts) as markdown-it reads them."""
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    koppen, tabellen = [], []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            koppen.append((int(token.tag[1]), _gelijk(_inline(tokens[i + 1]))))
        elif token.type == "table_open":
            tabellen.append([])
        elif token.type == "tr_open":
            tabellen[-1].append([])
        elif token.type == "inline" and tokens[i - 1].type in ("th_open", "td_open"):
            tabellen[-1][-1].append(_gelijk(_inline(token)))
    return koppen, tabellen


def _word(pad: Path) -> tuple[list[tuple[int, str]], list[list[list[str]]], str]:
    document = docx.Document(str(pad))
    koppen = [
        (int(p.style.name.removeprefix("Heading ")), _gelijk(p.text))
        for p in document.paragraphs if p.style.name.startswith("Heading ")
    ]
    tabellen = [[[_gelijk(c.text) for c in rij.cells] for rij in tabel.rows] for tabel in document.tables]
    # The header's title and status stand in fields, which python-docx's .text skips.
    kop = "".join(t.text or "" for t in document.sections[0].header._element.iter(f"{W}t"))
    return koppen, tabellen, kop


def _pdf(pad: Path) -> list[str]:
    return [pagina.extract_text() for pagina in pypdf.PdfReader(str(pad)).pages]


def _zonder_witruimte(tekst: str) -> str:
    return "".join(tekst.split())


def _vijandig() -> str:
    """A document shaped like our exports, every text hostile and escaped as the templates do."""
    regels = [f"# Verslag {regel('<script>alert(1)</script> & $x$ #set')}", ""]
    for i, tekst in enumerate([*GEMEEN, *TYPST], start=1):
        if schoon(tekst):
            regels += [f"## {i}. {regel(tekst)}", "", blok(tekst), "", f"- {blok(tekst, 2)}", ""]
    regels += ["| Nr. | Tekst | Wie |", "|---|---|---|"]
    regels += [f"| AF-{i:03} | {cel(tekst)} | {cel(tekst[::-1])} |" for i, tekst in enumerate([*GEMEEN, *TYPST], start=1)]
    return normaliseer("\n".join(regels))


VIJANDIG = _vijandig()


@pytest.fixture(scope="module")
def map_(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("omzetten")


@pytest.mark.parametrize("md", [VERSLAG, AGENDA, VIJANDIG], ids=["verslag", "uitvoeringsagenda", "vijandig"])
def test_word_heeft_dezelfde_koppen_tabellen_en_cellen(md: str, map_: Path) -> None:
    pad = zet_om(md, "docx", map_ / "uit.docx", titel="Verslag <b>&amp; $x$", status="CONCEPT")
    koppen, tabellen, kop = _word(pad)
    md_koppen, md_tabellen = _markdown(md)
    assert koppen == md_koppen
    assert len(tabellen) == len(md_tabellen)
    assert tabellen == md_tabellen
    assert kop == "Verslag <b>&amp; $x$CONCEPT"


def test_word_kop_zonder_status_en_met_vijandige_titel(map_: Path) -> None:
    titel = "Verslag <w:t>\"'\n</w:p> & \x00 #{status}"
    pad = zet_om(VERSLAG, "docx", map_ / "kop.docx", titel=titel, status=None)
    assert _word(pad)[2] == "Verslag <w:t>\"' / </w:p> &  #{status}"  # the NUL is dropped


def test_pdf_bevat_elk_afspraaknummer_de_titel_en_de_status_op_elke_pagina(map_: Path) -> None:
    pad = zet_om(AGENDA, "pdf", map_ / "agenda.pdf", titel="Uitvoeringsagenda Zonnedal", status="Vastgesteld op 11-12-2025")
    paginas = _pdf(pad)
    alles = "\n".join(paginas)
    nummers = set(re.findall(r"AF-\d{3}", AGENDA))
    assert nummers == {f"AF-{i:03}" for i in range(1, 9)}
    assert nummers <= set(re.findall(r"AF-\d{3}", alles))
    assert "Tweejarige uitvoeringsagenda" in alles  # the level-1 heading
    assert len(paginas) > 1
    for tekst in paginas:
        assert "Uitvoeringsagenda Zonnedal" in tekst
        assert "Vastgesteld op 11-12-2025" in tekst
        assert "CONCEPT" not in tekst


def test_concept_staat_op_elke_pdf_pagina(map_: Path) -> None:
    paginas = _pdf(zet_om(VERSLAG, "pdf", map_ / "verslag.pdf", titel="Verslag", status="concept"))
    assert len(paginas) > 1
    for tekst in paginas:
        assert "CONCEPT" in tekst  # across the page, besides 'concept' in the header


def test_vijandige_tekst_staat_letterlijk_in_de_pdf(map_: Path) -> None:
    alles = _zonder_witruimte("".join(_pdf(zet_om(VIJANDIG, "pdf", map_ / "vijandig.pdf", titel="t", status="s"))))
    for tekst in ["<script>alert(1)</script>", "&amp;", "&#60;", "[a](http://x)", "![b](c)", "[^1]", "| --- |", *TYPST]:
        # Each occurs as a heading, a paragraph, a list item and a table cell.
        assert _zonder_witruimte(tekst) in alles, tekst
    assert "AF-" + f"{len(GEMEEN) + len(TYPST):03}" in alles


def test_odt_heeft_de_tabellen_en_de_kop(map_: Path) -> None:
    pad = zet_om(VERSLAG, "odt", map_ / "verslag.odt", titel="Verslag & co", status="CONCEPT")
    with zipfile.ZipFile(pad) as odt:
        assert odt.namelist()[0] == "mimetype"
        assert odt.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        inhoud = odt.read("content.xml").decode()
        stijlen = odt.read("styles.xml").decode()
    assert inhoud.count("<table:table ") == len(_markdown(VERSLAG)[1])
    assert ">Verslag &amp; co<" in stijlen and ">CONCEPT<" in stijlen


def test_markdown_wordt_ongewijzigd_geschreven(map_: Path) -> None:
    pad = zet_om(VIJANDIG, "md", map_ / "v.md", titel="t", status=None)
    assert pad.read_text(encoding="utf-8") == VIJANDIG


@pytest.mark.parametrize(
    ("pad", "gekozen", "verwacht"),
    [
        ("v.docx", None, "docx"), ("v.PDF", None, "pdf"), ("v.odt", "", "odt"), ("v.md", None, "md"),
        ("v.txt", None, "md"), ("v", None, "md"), (None, None, "md"), (None, "pdf", "pdf"),
        ("v.txt", "docx", "docx"), ("v.pdf", "PDF", "pdf"),
    ],
)
def test_formaat_voor(pad: str | None, gekozen: str | None, verwacht: str) -> None:
    assert formaat_voor(pad, gekozen) == verwacht


def test_formaat_voor_weigert_onbekend_en_tegenstrijdig() -> None:
    with pytest.raises(OmzetFout, match="Onbekend formaat 'rtf'; kies uit md, docx, odt, pdf"):
        formaat_voor("v.rtf", "rtf")
    with pytest.raises(OmzetFout, match="past niet bij de bestandsnaam v.docx"):
        formaat_voor("v.docx", "pdf")
    assert FORMATEN == ("md", "docx", "odt", "pdf")


def _kapotte_huisstijlen(map_: Path) -> list[tuple[str, Path, str]]:
    tekst = map_ / "tekst.docx"
    tekst.write_text("geen zip", encoding="utf-8")
    leeg_zip = map_ / "leeg.odt"
    with zipfile.ZipFile(leeg_zip, "w") as z:
        z.writestr("iets.txt", "x")
    zonder_body = map_ / "zonder.typ"
    zonder_body.write_text("#set page(paper: \"a4\")\n", encoding="utf-8")
    typst_fout = map_ / "fout.typ"
    typst_fout.write_text("#onbekende-functie()\n$body$\n", encoding="utf-8")
    sjabloonfout = map_ / "sjabloonfout.typ"
    sjabloonfout.write_text("$if(titel)$ $body$", encoding="utf-8")
    stijlen_kapot = map_ / "stijlen-kapot.docx"
    with zipfile.ZipFile(omzetten.standaard_huisstijl("docx")) as bron, zipfile.ZipFile(stijlen_kapot, "w") as z:
        for info in bron.infolist():
            z.writestr(info, b"<kapot" if info.filename == "word/styles.xml" else bron.read(info))
    binair = map_ / "binair.typ"
    binair.write_bytes(b"\xff\xfe\x00$body$")
    return [
        ("docx", map_ / "bestaat-niet.docx", "bestaat niet"),
        ("pdf", map_ / "bestaat-niet.typ", "bestaat niet"),
        ("odt", map_, "is geen bestand"),
        ("docx", tekst, "beschadigd of geen Word/ODT-document"),
        ("odt", leeg_zip, "geen ODT-document"),
        ("docx", leeg_zip, "geen Word-document"),
        ("pdf", zonder_body, "geen Typst-sjabloon"),
        ("pdf", typst_fout, "Typst kan er geen PDF mee maken"),
        ("pdf", binair, "geen tekstbestand"),
        ("pdf", sjabloonfout, "pandoc kan het niet gebruiken"),
        ("docx", stijlen_kapot, "pandoc kan het niet gebruiken"),
    ]


def test_ontbrekende_of_kapotte_huisstijl_geeft_een_nederlandse_melding_en_laat_niets_achter(tmp_path: Path) -> None:
    stijlen = tmp_path / "stijlen"
    stijlen.mkdir()
    uit = tmp_path / "uit"
    uit.mkdir()
    for formaat, huisstijl, melding in _kapotte_huisstijlen(stijlen):
        doel = uit / f"verslag.{formaat}"
        doel.write_bytes(b"oud")
        with pytest.raises(HuisstijlFout) as fout:
            zet_om(VERSLAG, formaat, doel, titel="t", status="CONCEPT", huisstijl=huisstijl)
        assert str(fout.value).startswith(f"Huisstijlbestand {huisstijl}: "), str(fout.value)
        assert melding in str(fout.value)
        assert sorted(p.name for p in uit.iterdir()) == [doel.name]
        assert doel.read_bytes() == b"oud"
        doel.unlink()


def test_eigen_huisstijl_wordt_gebruikt_met_een_logo_ernaast(tmp_path: Path) -> None:
    import typst

    (tmp_path / "logo.png").write_bytes(typst.compile(b"#set page(width: 20pt, height: 20pt)\nx", format="png"))
    eigen = tmp_path / "gemeente.typ"
    sjabloon = omzetten.standaard_huisstijl("pdf").read_text(encoding="utf-8").replace("Pagina ", "Blad ")
    eigen.write_text(sjabloon.replace("$body$", '#image("logo.png", width: 1cm)\n$body$'), encoding="utf-8")
    pad = zet_om(VERSLAG, "pdf", tmp_path / "v.pdf", titel="t", status=None, huisstijl=eigen)
    tekst = "".join(_pdf(pad))
    assert "Blad 1 van" in tekst and "Pagina 1" not in tekst
    assert pypdf.PdfReader(str(pad)).pages[0].images


def test_mislukte_schrijfactie_laat_het_oude_bestand_en_geen_tijdelijk_bestand(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    doel = tmp_path / "verslag.docx"
    doel.write_bytes(b"oud")

    def weiger(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(omzetten.os, "replace", weiger)
    with pytest.raises(OmzetFout, match="kon niet geschreven worden"):
        zet_om(VERSLAG, "docx", doel, titel="t", status=None)
    assert [p.name for p in tmp_path.iterdir()] == ["verslag.docx"]
    assert doel.read_bytes() == b"oud"


def test_niet_bestaande_map_geeft_een_melding(tmp_path: Path) -> None:
    with pytest.raises(OmzetFout, match="kon niet geschreven worden"):
        zet_om(VERSLAG, "pdf", tmp_path / "weg" / "v.pdf", titel="t", status=None)
    assert list(tmp_path.iterdir()) == []


def test_importeren_laadt_pandoc_en_typst_nog_niet() -> None:
    code = "import sys, opslag.omzetten\nprint(sorted(m for m in ('pypandoc', 'typst') if m in sys.modules))"
    uitvoer = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert uitvoer.strip() == "[]"


@pytest.mark.parametrize("vorm", ["cel", "lijst", "genummerd"])
def test_typst_markering_aan_het_begin_van_een_cel_of_lijstpunt_blijft_tekst(vorm: str, map_: Path) -> None:
    """Each marker alone in its block: found literally only if that very block shows it."""
    for tekst in ["- x", "+ x", "/ x", "/ x: y", "= x", "1. x", "12. x", "x / - - -", "-x"]:
        md = {
            "cel": f"| Nr. | Tekst |\n|---|---|\n| AF-001 | {cel(tekst)} |\n",
            "lijst": f"- {blok(tekst, 2)}\n",
            "genummerd": f"1. {blok(tekst, 3)}\n",
        }[vorm]
        regels = _pdf(zet_om(md, "pdf", map_ / f"{vorm}.pdf", titel="t", status=None))[0].splitlines()
        assert any(_zonder_witruimte(tekst) in _zonder_witruimte(r) for r in regels), (tekst, regels)
