"""Word, ODT and PDF made from an exported Markdown document, which stays the source of truth.

Pandoc (shipped inside the `pypandoc-binary` wheel) reads the Markdown and writes Word or ODT with a
reference document for the house style, or Typst source that the `typst` package turns into PDF;
no LaTeX, no network. Both are imported only when a document is converted.

The Markdown is what our exports write: CommonMark with pipe tables, user text escaped with
backslashes (opslag.markdown_tekst). Pandoc reads it as `commonmark+pipe_tables-raw_html`, so a
`<script>` typed by a user comes out as text even if an escape were missing, and nothing else
(smart quotes, footnotes, bare URLs) changes what was typed.

The header of every page holds the document's title and status. Pandoc copies the reference
document's header unchanged, so the house-style header shows the placeholders `{titel}` and
`{status}`, wrapped in fields bound to the document properties `titel` and `status` that pandoc
writes; after pandoc we replace the placeholders in the header and footer parts (see
sjablonen/maak_huisstijl.py). The Typst template gets them as template variables.
"""

from __future__ import annotations

import io
import os
import re
import stat
import subprocess
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from opslag.fouten import TripartietFout
from opslag.markdown_tekst import schoon

FORMATEN = ("md", "docx", "odt", "pdf")
SJABLONEN = Path(__file__).resolve().parent.parent / "sjablonen"
_HUISSTIJL = {"docx": "huisstijl.docx", "odt": "huisstijl.odt", "pdf": "huisstijl.typ"}
_INVOER = "commonmark+pipe_tables-raw_html"
_TYPST_FILTER = Path(__file__).with_name("typst_regelbegin.lua")
_PLEK = re.compile(r"\{(titel|status)\}")
# The parts of a Word or ODT file that hold the page header and footer.
_KOPDELEN = re.compile(r"word/(header|footer)\d*\.xml|styles\.xml")


class OmzetFout(TripartietFout):
    """The document could not be made; nothing was written."""


class HuisstijlFout(OmzetFout):
    """A house-style file (reference document or Typst template) that is missing or unusable."""

    def __init__(self, pad: Path, melding: str) -> None:
        self.pad = pad
        super().__init__(f"Huisstijlbestand {pad}: {melding}")


def formaat_voor(pad: Path | str | None, gekozen: str | None = None) -> str:
    """The format to write: the chosen one, else the suffix of `pad`, else Markdown.

    A suffix that is no format of ours ('.txt', '.markdown') means Markdown, as it always did; a
    chosen format that contradicts a known suffix is an error, not a silent surprise."""
    achtervoegsel = Path(pad).suffix.lower().lstrip(".") if pad else ""
    if gekozen is None or not gekozen.strip():
        return achtervoegsel if achtervoegsel in FORMATEN else "md"
    formaat = gekozen.strip().lower().lstrip(".")
    if formaat not in FORMATEN:
        raise OmzetFout(f"Onbekend formaat '{gekozen}'; kies uit {', '.join(FORMATEN)}.")
    if achtervoegsel in FORMATEN and achtervoegsel != formaat:
        raise OmzetFout(f"Het formaat {formaat} past niet bij de bestandsnaam {Path(pad).name} (.{achtervoegsel}).")
    return formaat


def standaard_huisstijl(formaat: str) -> Path | None:
    """Our own house-style file for `formaat`; None for Markdown."""
    naam = _HUISSTIJL.get(formaat)
    return SJABLONEN / naam if naam else None


def is_concept(status: str | None) -> bool:
    return bool(status) and schoon(status).casefold().startswith("concept")


def zet_om(
    markdown: str,
    formaat: str,
    doel: Path,
    *,
    titel: str,
    status: str | None = None,
    huisstijl: Path | None = None,
) -> Path:
    """Write `markdown` as `formaat` to `doel`, all or nothing, and return `doel`.

    `titel` and `status` (e.g. 'CONCEPT', 'Vastgesteld op 11-02-2027') go in the header of every
    page of Word, ODT and PDF; a status starting with 'concept' also puts CONCEPT across every PDF
    page. `huisstijl` replaces our reference document or Typst template."""
    if formaat not in FORMATEN:
        raise OmzetFout(f"Onbekend formaat '{formaat}'; kies uit {', '.join(FORMATEN)}.")
    doel = Path(doel)
    if formaat == "md":
        return _schrijf(doel, markdown.encode("utf-8"))
    stijl = _controleer_huisstijl(formaat, Path(huisstijl) if huisstijl else standaard_huisstijl(formaat))
    if formaat == "pdf":
        inhoud = _typst(_typst_bron(markdown, titel, status, stijl), stijl)
    else:
        opties = [*_opties(titel, status), f"--reference-doc={stijl}"]
        inhoud = _vul_kop(_pandoc(markdown, formaat, opties, stijl), titel, status)
    return _schrijf(doel, inhoud)


def typst_bron(markdown: str, *, titel: str, status: str | None = None, huisstijl: Path | None = None) -> tuple[bytes, Path]:
    """The Typst source `zet_om` makes the PDF from, and the template's folder (Typst's root).

    For pictures of the pages (docs/maak_voorbeelden.py renders it as PNG with typst itself)."""
    stijl = _controleer_huisstijl("pdf", Path(huisstijl) if huisstijl else standaard_huisstijl("pdf"))
    return _typst_bron(markdown, titel, status, stijl), stijl.parent


def _opties(titel: str, status: str | None) -> list[str]:
    # `-M` values are literal text (pandoc escapes them per format); only 'true'/'false' would
    # turn into booleans, and titles and statuses are never just that.
    opties = ["--columns=100000", f"--metadata=titel={_eenregelig(titel)}", f"--metadata=status={_eenregelig(status)}"]
    if is_concept(status):
        opties.append("--metadata=concept")
    return opties


def _typst_bron(markdown: str, titel: str, status: str | None, stijl: Path) -> bytes:
    opties = [*_opties(titel, status), f"--template={stijl}", f"--lua-filter={_TYPST_FILTER}"]
    return _pandoc(markdown, "typst", opties, stijl)


def _controleer_huisstijl(formaat: str, pad: Path) -> Path:
    pad = pad.expanduser()
    if not pad.is_file():
        raise HuisstijlFout(pad, "bestaat niet." if not pad.exists() else "is geen bestand.")
    try:
        if formaat == "pdf":
            tekst = pad.read_text(encoding="utf-8")
            if "$body$" not in tekst:
                raise HuisstijlFout(pad, "dit is geen Typst-sjabloon voor Tripartiet: $body$ ontbreekt.")
        else:
            nodig = "word/document.xml" if formaat == "docx" else "styles.xml"
            with zipfile.ZipFile(pad) as zip_:
                if nodig not in zip_.namelist():
                    soort = "Word-document (.docx)" if formaat == "docx" else "ODT-document (.odt)"
                    raise HuisstijlFout(pad, f"dit is geen {soort}.")
                if zip_.testzip() is not None:  # the name of the first damaged part
                    raise zipfile.BadZipFile
    except HuisstijlFout:
        raise
    except UnicodeDecodeError:
        raise HuisstijlFout(pad, "dit is geen tekstbestand (UTF-8).") from None
    except (zipfile.BadZipFile, EOFError):
        raise HuisstijlFout(pad, "het bestand is beschadigd of geen Word/ODT-document.") from None
    except OSError as fout:
        raise HuisstijlFout(pad, f"kan niet gelezen worden ({fout.strerror or fout}).") from None
    return pad


def _pandoc(markdown: str, naar: str, opties: list[str], stijl: Path) -> bytes:
    try:
        import pypandoc

        opdracht = [pypandoc.get_pandoc_path(), "-f", _INVOER, "-t", naar, "-o", "-", *opties]
        klaar = subprocess.run(opdracht, input=markdown.encode("utf-8"), capture_output=True, timeout=300)
    except (ImportError, OSError, subprocess.TimeoutExpired) as fout:
        raise OmzetFout(f"Pandoc kon niet worden gestart ({fout}); installeer Tripartiet opnieuw.") from None
    if klaar.returncode != 0:
        melding = klaar.stderr.decode("utf-8", "replace").strip()
        # Our input is plain CommonMark: a failure comes from the house-style file.
        raise HuisstijlFout(stijl, f"pandoc kan het niet gebruiken ({melding}).")
    return klaar.stdout


def _typst(bron: bytes, stijl: Path) -> bytes:
    try:
        import typst
    except ImportError as fout:
        raise OmzetFout(f"Typst ontbreekt ({fout}); installeer Tripartiet opnieuw.") from None
    try:
        # The template's folder is the root, so a municipality's template can use its own logo.
        return typst.compile(bron, root=str(stijl.parent))
    except Exception as fout:  # typst raises its own TypstError; its text says where
        raise HuisstijlFout(stijl, f"Typst kan er geen PDF mee maken ({str(fout).strip()}).") from None


def _eenregelig(tekst: str | None) -> str:
    return " / ".join(deel.strip() for deel in schoon(tekst).split("\n") if deel.strip())


def _vul_kop(inhoud: bytes, titel: str, status: str | None) -> bytes:
    """Replace `{titel}` and `{status}` in the header and footer parts of a Word or ODT file."""
    waarden = {"titel": escape(_eenregelig(titel)), "status": escape(_eenregelig(status))}
    bron = zipfile.ZipFile(io.BytesIO(inhoud))
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as doel:
        for info in bron.infolist():
            data = bron.read(info)
            if _KOPDELEN.fullmatch(info.filename):
                data = _PLEK.sub(lambda m: waarden[m[1]], data.decode("utf-8")).encode("utf-8")
            # ODT wants 'mimetype' first and uncompressed: keep each entry's own compression.
            doel.writestr(info, data, compress_type=info.compress_type)
    return uit.getvalue()


def _schrijf(doel: Path, inhoud: bytes) -> Path:
    """Write next to `doel` first and rename, so a failure never leaves half a document. An
    existing file keeps its permissions (like opslag.export.schrijf_export, which writes text)."""
    tijdelijk = doel.with_name(f".{doel.name}.{os.getpid()}.tijdelijk")
    try:
        with open(tijdelijk, "xb") as f:
            f.write(inhoud)
            f.flush()
            os.fsync(f.fileno())
        if doel.exists():
            os.chmod(tijdelijk, stat.S_IMODE(doel.stat().st_mode))
        os.replace(tijdelijk, doel)
    except OSError as fout:
        if not isinstance(fout, FileExistsError):
            tijdelijk.unlink(missing_ok=True)
        raise OmzetFout(f"{doel}: het bestand kon niet geschreven worden ({fout.strerror or fout}).") from None
    except BaseException:
        tijdelijk.unlink(missing_ok=True)
        raise
    return doel
