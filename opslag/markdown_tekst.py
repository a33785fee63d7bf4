"""User text in exported Markdown: always shown literally, never able to change the structure.

A note, an action or a party name may contain anything: `|`, line breaks, `*`, `_`, backticks, `#`
or `1.` at the start of a line, `<script>`, `&amp;`, emoji, right-to-left text. The export
templates pass every such value through one of three filters, which escape it the CommonMark way
(a backslash before the character) so that any CommonMark renderer with tables shows it as typed:

- `cel`: a table cell. One line (line breaks become " / "), `|` escaped.
- `regel`: a short text inside a line: a name, a place, a title in a heading. Same as `cel`.
- `blok`: running text (notes, explanations). Lines stay lines (a backslash hard break at the end
  of a line), empty lines separate paragraphs.

What is escaped, and why:
- everywhere: `\\` `` ` `` `*` `_` `[` `]` `<` `|` `~` `#` (emphasis, code, links, raw HTML and
  autolinks, tables, strikethrough, headings and their closing `#`s), and `&` when it would start
  an entity such as `&amp;`;
- at the start of a line only: `- `, `+ `, `>`, a line of only `-` or `=`, and the `.` or `)` of
  `1. ` or `2) ` (lists, block quotes, thematic breaks, setext underlines, ordered lists); so
  '1.1 Monitoring' or '-5%' stay readable. Leading spaces are removed, so four of them can never
  start a code block.

Output never contains raw HTML: no `<br>`; a `<` typed by the user is `\\<`. Control characters
are dropped (they could also steer a terminal that prints the export), and explicit bidi
embeddings, overrides and isolates are closed at the end of each line, so right-to-left text
keeps its direction without reversing the rest of a table row.

Speed matters: an export of a large file calls these filters a few hundred thousand times, so
plain text without any special character takes a fast path.
"""

from __future__ import annotations

import datetime as dt
import re

_EMBEDDINGEN = "\u202a\u202b\u202d\u202e"  # LRE, RLE, LRO, RLO: closed by PDF
_ISOLATIES = "\u2066\u2067\u2068"  # LRI, RLI, FSI: closed by PDI
_PDF = "\u202c"
_PDI = "\u2069"
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_BIJZONDER = re.compile("[\\\\`*_\\[\\]<|~#&\u202a-\u202e\u2066-\u2069]")  # the fast path: none of these

_INLINE = re.compile(
    r"[\\`*_\[\]<|~#]"
    r"|&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)"
)
# Only what starts a block at the beginning of a line: '- ', '+ ', '>', '1. ', '2) ', and a line
# of only '-' (and spaces) or '=' (a thematic break or a setext underline). '1.1 Monitoring' stays as it is.
_REGELBEGIN = re.compile(r"^(?:[-+](?=\s|$)|[-\s]+$|=+$|>)")
_REGELBEGIN_GETAL = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
# Everything that the slow path of `schoon` handles: control characters, separators other than a
# plain space (line and paragraph separators, tabs), and lone surrogates.
_NIET_GEWOON = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_STUURTEKENS = {i: None for i in [*range(0x00, 0x20), *range(0x7F, 0xA0)] if i not in (0x09, 0x0A)}
_STUURTEKENS[0x09] = " "

REGELSCHEIDING = " / "  # how a line break in a table cell or a single-line field is shown

_WEEKDAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)


class Veilig(str):
    """Text that is already safe Markdown; the template engine prints it as it is."""

    __slots__ = ()


def _tekst(waarde: object) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, str):
        return waarde
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, dt.datetime):
        return waarde.strftime("%d-%m-%Y %H:%M")
    if isinstance(waarde, dt.date):
        return waarde.strftime("%d-%m-%Y")
    return str(waarde)


def schoon(waarde: object) -> str:
    """Text as it will be shown: LF line breaks, no control characters, no outer whitespace.

    This also decides whether a field counts as empty: text of only spaces or control
    characters does.
    """
    tekst = _tekst(waarde)
    if not _NIET_GEWOON.search(tekst):
        return tekst.strip()
    tekst = tekst.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    tekst = tekst.translate(_STUURTEKENS)
    if any("\ud800" <= teken <= "\udfff" for teken in tekst):
        tekst = "".join("\ufffd" if "\ud800" <= teken <= "\udfff" else teken for teken in tekst)
    return tekst.strip()


def _sluit_bidi(regel: str) -> str:
    """Close explicit bidi embeddings and isolates that the line leaves open."""
    if not _BIDI.search(regel):
        return regel
    open_: list[str] = []
    for teken in regel:
        if teken in _EMBEDDINGEN:
            open_.append(_PDF)
        elif teken in _ISOLATIES:
            open_.append(_PDI)
        elif teken == _PDF:
            if open_ and open_[-1] == _PDF:
                open_.pop()
        elif teken == _PDI and _PDI in open_:
            while open_.pop() != _PDI:
                pass
    return regel + "".join(reversed(open_))


def _met_backslash(match: re.Match[str]) -> str:
    return "\\" + match[0]


def _escape_regel(regel: str) -> str:
    """One stripped, non-empty line, escaped so that it is plain text wherever it stands."""
    if _BIJZONDER.search(regel):
        regel = _sluit_bidi(_INLINE.sub(_met_backslash, regel))
    eerste = regel[0]
    if eerste in "-+=>":
        if _REGELBEGIN.match(regel):
            regel = "\\" + regel
    elif eerste.isdigit():
        regel = _REGELBEGIN_GETAL.sub(r"\1\\\2", regel, count=1)
    return regel


def regel(waarde: object) -> Veilig:
    """A short text on one line: a name, a place, a title. Line breaks become ' / '."""
    tekst = schoon(waarde)
    if not tekst:
        return Veilig("")
    if "\n" in tekst:
        tekst = REGELSCHEIDING.join(deel.strip() for deel in tekst.split("\n") if deel.strip())
    uit = _escape_regel(tekst)
    if uit.endswith("\\"):
        # A table row splits on '|' unless a backslash precedes it, whatever precedes that.
        uit += " "
    return Veilig(uit)


def cel(waarde: object) -> Veilig:
    """A table cell: one line, every '|' escaped. The same as `regel`, named for the template."""
    return regel(waarde)


def blok(waarde: object, inspringen: int = 0) -> Veilig:
    """Running text: paragraphs stay paragraphs and lines stay lines.

    `inspringen` indents every line after the first, so the text can continue a list item
    ('- ' needs 2, '1. ' needs 3).
    """
    tekst = schoon(waarde)
    if not tekst:
        return Veilig("")
    regels: list[str] = []
    for deel in tekst.split("\n"):
        deel = deel.strip()
        if deel:
            regels.append(_escape_regel(deel))
        elif regels and regels[-1]:
            regels.append("")  # one empty line between paragraphs, however many were typed
    voorvoegsel = " " * inspringen
    uit: list[str] = []
    for i, deel in enumerate(regels):
        if deel and i + 1 < len(regels) and regels[i + 1]:
            deel += "\\"  # a hard line break: the next line of the same paragraph
        uit.append(voorvoegsel + deel if i and deel else deel)
    return Veilig("\n".join(uit))


def datum(waarde: dt.date | None) -> Veilig:
    """'19-11-2026'."""
    return Veilig(waarde.strftime("%d-%m-%Y") if waarde else "")


def lange_datum(waarde: dt.date | None) -> Veilig:
    """'19 november 2026', as minutes write it."""
    return Veilig(f"{waarde.day} {_MAANDEN[waarde.month - 1]} {waarde.year}" if waarde else "")


def dag_datum(waarde: dt.date | None) -> Veilig:
    """'donderdag 19 november 2026'."""
    return Veilig(f"{_WEEKDAGEN[waarde.weekday()]} {lange_datum(waarde)}" if waarde else "")


def normaliseer(tekst: str) -> str:
    """The whole document: LF only, no trailing spaces, at most one empty line, one final newline."""
    tekst = tekst.replace("\r\n", "\n").replace("\r", "\n")
    tekst = re.sub(r"[ \t]+\n", "\n", tekst)
    tekst = re.sub(r"\n{3,}", "\n\n", tekst)
    return tekst.strip("\n") + "\n"
