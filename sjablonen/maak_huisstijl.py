"""Regenerate the house-style reference documents `huisstijl.docx` and `huisstijl.odt` from scratch.

Run by hand after changing the style below (needs the test extra for python-docx):

    python sjablonen/maak_huisstijl.py

Both start from pandoc's own reference document (so every style pandoc uses exists) and get:
fonts, heading styles, a table style with a shaded header row, a footer with page numbers, and a
header line with the document's title (left) and status (right).

The header must hold each document's own title and status, but pandoc copies the reference's
header as it is. So the header holds fields bound to document properties that pandoc fills from
the metadata (`titel`, `status`: custom properties in Word, user-defined fields in ODT), and the
fields' shown text is the placeholder `{titel}` / `{status}`, which `opslag.omzetten` replaces at
conversion time. The text is then right in every viewer, and Word's "update fields" keeps it right.
A municipality's own reference document can use the same placeholders (typed in one go, so that
Word keeps them in one run) or the same fields.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pypandoc
from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt, RGBColor

MAP = Path(__file__).parent
LETTER = "Arial"
KLEUR = RGBColor(0x1F, 0x3A, 0x5F)  # dark blue for headings and the header row
KOPRIJ = "DCE3ED"


def _standaard(naam: str) -> bytes:
    return subprocess.run(
        [pypandoc.get_pandoc_path(), "--print-default-data-file", naam], capture_output=True, check=True
    ).stdout


def _veld(instructie: str, getoond: str) -> str:
    return (
        f'<w:fldSimple {nsdecls("w")} w:instr=" {instructie} \\* MERGEFORMAT ">'
        f'<w:r><w:t xml:space="preserve">{getoond}</w:t></w:r></w:fldSimple>'
    )


def maak_docx() -> None:
    doc = Document(io.BytesIO(_standaard("reference.docx")))
    stijlen = doc.styles
    for naam in ("Normal", "Body Text", "First Paragraph", "Compact"):
        if naam in [s.name for s in stijlen]:
            stijlen[naam].font.name = LETTER
            stijlen[naam].font.size = Pt(10)
    for niveau, grootte in ((1, 16), (2, 13), (3, 11)):
        stijl = stijlen[f"Heading {niveau}"]
        stijl.font.name = LETTER
        stijl.font.size = Pt(grootte)
        stijl.font.bold = True
        stijl.font.color.rgb = KLEUR
    # Pandoc gives every table the style "Table"; the header row is its "firstRow".
    tabel = stijlen["Table"].element
    for oud in tabel.findall(tabel.tag.replace("style", "tblStylePr")):
        tabel.remove(oud)
    rand = "".join(
        f'<w:{kant} w:val="single" w:sz="4" w:space="0" w:color="8096B0"/>'
        for kant in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    tblpr = tabel.find(tabel.tag.replace("style", "tblPr"))
    if tblpr is not None:
        tabel.remove(tblpr)
    tabel.append(parse_xml(
        f'<w:tblPr {nsdecls("w")}><w:tblBorders>{rand}</w:tblBorders>'
        '<w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    ))
    tabel.append(parse_xml(
        f'<w:tblStylePr {nsdecls("w")} w:type="firstRow"><w:rPr><w:b/><w:color w:val="1F3A5F"/></w:rPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{KOPRIJ}"/></w:tcPr></w:tblStylePr>'
    ))

    sectie = doc.sections[-1]
    sectie.page_width, sectie.page_height = Cm(21), Cm(29.7)  # A4
    sectie.left_margin = sectie.right_margin = Cm(2.2)
    sectie.top_margin = sectie.bottom_margin = Cm(2.2)
    kop = sectie.header.paragraphs[0]
    kop.text = ""
    kop.paragraph_format.tab_stops.add_tab_stop(sectie.page_width - sectie.left_margin - sectie.right_margin,
                                                WD_TAB_ALIGNMENT.RIGHT)
    kop._p.append(parse_xml(_veld("DOCPROPERTY titel", "{titel}")))
    kop.add_run("\t")
    kop._p.append(parse_xml(_veld("DOCPROPERTY status", "{status}")))
    for run in kop.runs:
        run.font.size = Pt(8)
    voet = sectie.footer.paragraphs[0]
    voet.text = ""
    voet.alignment = 1  # centred
    voet.add_run("Pagina ")
    voet._p.append(parse_xml(_veld("PAGE", "1")))
    voet.add_run(" van ")
    voet._p.append(parse_xml(_veld("NUMPAGES", "1")))
    doc.save(MAP / "huisstijl.docx")


_ODT_KOP = (
    '<style:header><text:p text:style-name="Header"><text:user-defined text:name="titel">{titel}</text:user-defined>'
    '<text:tab/><text:user-defined text:name="status">{status}</text:user-defined></text:p></style:header>'
    '<style:footer><text:p text:style-name="Footer">Pagina <text:page-number text:select-page="current">1</text:page-number>'
    ' van <text:page-count>1</text:page-count></text:p></style:footer>'
)
_ODT_STIJLEN = f"""
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties><style:tab-stops><style:tab-stop style:position="16.6cm" style:type="right"/></style:tab-stops></style:paragraph-properties>
 <style:text-properties fo:font-size="8pt"/></style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="8pt"/></style:style>
<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents">
 <style:text-properties fo:font-weight="bold" fo:color="#1f3a5f"/></style:style>
"""


def maak_odt() -> None:
    bron = zipfile.ZipFile(io.BytesIO(_standaard("reference.odt")))
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as doel:
        for info in bron.infolist():
            data = bron.read(info)
            if info.filename == "styles.xml":
                tekst = data.decode()
                # Pandoc's ODT body text is Times New Roman; Arial is already declared in its font list.
                tekst = tekst.replace('style:font-name="Times New Roman"', f'style:font-name="{LETTER}"')
                tekst = re.sub(r'<style:style style:name="(Header|Footer|Table_20_Heading)".*?</style:style>', "", tekst,
                               flags=re.S)
                tekst = tekst.replace("</office:styles>", _ODT_STIJLEN + "</office:styles>", 1)
                # The master page: drop any header/footer pandoc ships, then add ours.
                tekst = re.sub(r"<style:(header|footer)>.*?</style:\1>", "", tekst, flags=re.S)
                tekst = re.sub(r"(<style:master-page [^>]*>)", lambda m: m[1] + _ODT_KOP, tekst, count=1)
                data = tekst.encode()
            # 'mimetype' must be the first entry and stored uncompressed.
            doel.writestr(info, data, compress_type=zipfile.ZIP_STORED if info.filename == "mimetype"
                          else zipfile.ZIP_DEFLATED)
    (MAP / "huisstijl.odt").write_bytes(uit.getvalue())


if __name__ == "__main__":
    maak_docx()
    maak_odt()
    print(f"Geschreven: {MAP / 'huisstijl.docx'}, {MAP / 'huisstijl.odt'}")
