"""Any text survives the export: properties over arbitrary text in every exported field.

Every field a user can fill in gets arbitrary text (Hypothesis, all of Unicode, plus fragments
chosen to break Markdown: '|', line breaks, '*', '_', backticks, '#' or '1.' at a line start,
'<script>', entities, setext underlines, fences, indentation, right-to-left text). Both documents
are then parsed with markdown-it-py (CommonMark with tables) and must:

- have the same structure as the same document with every text replaced by a plain 'x': the same
  headings, tables, lists and quotes, so headings are only the ones the template makes;
- have, in every table row of the source, as many cells as the header (markdown-it pads or cuts
  rows, so the source is counted, the way markdown-it splits a row);
- contain no raw HTML (no html_block or html_inline token) and no control characters;
- still show every user text: it can be found in the rendered text.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from opslag import export, notulen
from opslag.bestand import Gemeentebestand, nieuw_bestand
from opslag.invoer import schone_tekst
from opslag.markdown_tekst import REGELSCHEIDING, schoon
from opslag.modellen import Aanwezig, Aanwezigheid, Actiepunt, Afspraak, Besluit, Overleg, Persoon, PuntSoort

GEMEEN = [
    "|", "||", "\\|", "\\", "\n", "\r\n", "\r", "\n\n", "\u2028", "*", "**", "_", "__", "`", "```", "~~~", "~~",
    "# ", "#", "## kop", "1. ", "2) ", "- ", "+ ", "* ", "> ", "---", "***", "___", "===", "=", "    ", "\t",
    "<script>alert(1)</script>", "<b>", "<!-- x -->", "<http://example.com>", "&amp;", "&#60;", "&lt;", "&copy;",
    "[a](http://x)", "![b](c)", "[^1]", "[x]: /url", "\\*", " \\", "\x00", "\x1b[31m", "\u202e", "\u2067", "\u202c",
    "שלום", "مرحبا", "🏠", "👩‍👩‍👧", "e\u0301", "\ufeff", "\u00a0", "\u200b", "| --- |", "|---|---|",
    # Whole lines that start a block, after a paragraph or after an empty line:
    "\n\n    code", "\n    code", "x\n===", "x\n---", "x\n- - -", "\n- item", "\n1. item", "\n10) item", "\n> quote",
    "\n```\ncode\n```", "\n<div>\n", "\n| a | b |\n|---|---|\n| c | d |\n", "\n\n[x]: http://example.com\n",
]
_tekst = st.one_of(
    st.text(max_size=40),
    st.lists(st.one_of(st.sampled_from(GEMEEN), st.text(max_size=6)), max_size=8).map("".join),
)
_TERMIJNEN = ["", "2026", "2027", "Q1 2026", "Q3 2026", "Q4 2027", "01-07-2026", "2028"]  # 2028: after 2026-2027, with a note


def _formulier_regel(tekst: str) -> str:
    """What the single-line form fields (actielijn, doel) keep of typed text."""
    return schone_tekst(tekst, "veld", "Het veld")


@dataclass
class Bestand:
    bestand: Gemeentebestand
    overleg_id: int
    punten: list[int]  # agenda items with notes
    partijen: list[int]
    personen: list[int]
    afspraak_id: int
    besluit_id: int
    actie_id: int


@pytest.fixture(scope="module")
def basis() -> Iterator[Bestand]:
    """One small file with a field of every kind; each example overwrites all the texts."""
    with tempfile.TemporaryDirectory() as map_, pytest.MonkeyPatch.context() as mp:
        # Module-wide, so before conftest's per-test folders: keep the real user's settings out of it.
        mp.setenv("TRIPARTIET_CONFIG", str(Path(map_) / "config"))
        mp.setenv("TRIPARTIET_DATA", str(Path(map_) / "data"))
        pad = nieuw_bestand("Aalten", Path(map_) / "eigenschappen.sqlite")
        with Gemeentebestand.open(pad) as b:
            partijen = [p.id for p in b.partijen()]
            personen = [
                notulen.nieuwe_persoon(b, Persoon(naam=f"P{i}", functie="f", partij_id=partijen[i % len(partijen)])).id
                for i in range(5)
            ]
            agenda = notulen.agenda_voor_periode(b, "2026-2027")
            overleg = notulen.nieuw_overleg(
                b,
                Overleg(agenda_id=agenda.id, datum=dt.date(2026, 11, 19), plaats="p", voorzitter_id=personen[0],
                        notulist_id=personen[1], volgende_datum=dt.date(2027, 2, 11)),
                ["1.1", "1.6"],
            )
            for persoon, status in zip(personen, [Aanwezig.AANWEZIG] * 3 + [Aanwezig.MK, Aanwezig.ZK], strict=True):
                notulen.zet_aanwezigheid(b, Aanwezigheid(overleg_id=overleg.id, persoon_id=persoon, status=status))
            punten = {(p.soort, p.subthema_nummer): p.id for p in notulen.agendapunten(b, overleg.id)}
            punt = punten[(PuntSoort.SUBTHEMA, "1.1")]
            afspraak = notulen.bewaar_afspraak(b, Afspraak(agenda_id=agenda.id, subthema_nummer="1.1", actielijn="a", toelichting="t",
                                                           overleg_id=overleg.id, verantwoordelijken=partijen[:2], betrokkenen=partijen[2:]))
            besluit = notulen.bewaar_besluit(b, Besluit(overleg_id=overleg.id, agendapunt_id=punt, tekst="b", datum=overleg.datum))
            actie = notulen.bewaar_actiepunt(b, Actiepunt(overleg_id=overleg.id, agendapunt_id=punt, subthema_nummer="1.1", wat="w",
                                                          persoon_id=personen[2], deadline=dt.date(2026, 12, 1)))
            yield Bestand(
                b, overleg.id,
                [punten[(PuntSoort.OPENING, None)], punt, punten[(PuntSoort.RONDVRAAG, None)]],
                partijen, personen, afspraak.id, besluit.id, actie.id,
            )


@dataclass
class Velden:
    gemeente: str
    partij_namen: list[str]
    partij_codes: list[str]
    persoon_namen: list[str]
    functies: list[str]
    plaats: str
    notities: list[str]
    actielijn: str
    doel: str
    start: str
    eind: str
    toelichting: str
    besluit: str
    actie: str

    def neutraal(self) -> Velden:
        """The same fields with every text that shows replaced by 'x': the structure to expect."""

        def x(tekst: str) -> str:
            return "x" if schoon(tekst) else ""

        def xs(teksten: list[str]) -> list[str]:
            return [x(t) or "" for t in teksten]

        return Velden(
            gemeente=x(self.gemeente), partij_namen=xs(self.partij_namen),
            partij_codes=[f"x{i}" for i in range(len(self.partij_codes))],
            persoon_namen=xs(self.persoon_namen), functies=xs(self.functies), plaats=x(self.plaats),
            notities=xs(self.notities), actielijn=x(self.actielijn) or "x", doel=x(self.doel), start=self.start, eind=self.eind,
            toelichting=x(self.toelichting), besluit=x(self.besluit), actie=x(self.actie),
        )

    def regels(self, document: str) -> list[str]:
        """Fields shown on one line (table cells, names, headings) in `document`."""
        if document == "uitvoeringsagenda":  # the municipality, the parties and the agreements
            return [self.gemeente, *self.partij_namen, *self.partij_codes, self.actielijn, self.doel, self.start, self.eind]
        # The minutes name the party of a present person who is neither chair nor minute-taker
        # (person 2 of party 2); all codes (in 'Verantwoordelijke'), people and functions.
        return [self.gemeente, self.partij_namen[2], *self.partij_codes, *self.persoon_namen, *self.functies, self.plaats,
                self.actielijn, self.doel, self.start, self.eind, self.besluit, self.actie]

    def blokken(self, document: str) -> list[str]:
        """Fields shown as running text in `document`."""
        if document == "uitvoeringsagenda":
            return [self.toelichting]
        return [*self.notities, self.toelichting, self.besluit]


@st.composite
def velden(draw: st.DrawFn) -> Velden:
    start, eind = sorted(draw(st.lists(st.sampled_from(_TERMIJNEN), min_size=2, max_size=2)), key=_TERMIJNEN.index)
    actielijn = _formulier_regel(draw(_tekst))
    return Velden(
        gemeente=draw(_tekst),
        partij_namen=draw(st.lists(_tekst, min_size=4, max_size=4)),
        partij_codes=draw(st.lists(_tekst, min_size=4, max_size=4, unique=True)),
        persoon_namen=draw(st.lists(_tekst, min_size=5, max_size=5)),
        functies=draw(st.lists(_tekst, min_size=5, max_size=5)),
        plaats=draw(_tekst),
        notities=draw(st.lists(_tekst, min_size=3, max_size=3)),
        actielijn=actielijn or "a",  # the form requires an actielijn
        doel=_formulier_regel(draw(_tekst)),
        start=start,
        eind=eind,
        toelichting=draw(_tekst),
        besluit=draw(_tekst),
        actie=draw(_tekst),
    )


def _vul(basis: Bestand, v: Velden) -> None:
    conn = basis.bestand.db.conn
    conn.execute("BEGIN")
    conn.execute("UPDATE gemeente SET naam = ?", [v.gemeente])
    for i, partij in enumerate(basis.partijen):
        conn.execute("UPDATE partij SET code = ? WHERE id = ?", [f"\x01tijdelijk{i}", partij])  # codes are unique
    for partij, naam, code in zip(basis.partijen, v.partij_namen, v.partij_codes, strict=True):
        conn.execute("UPDATE partij SET naam = ?, code = ? WHERE id = ?", [naam, code, partij])
    for persoon, naam, functie in zip(basis.personen, v.persoon_namen, v.functies, strict=True):
        conn.execute("UPDATE persoon SET naam = ?, functie = ? WHERE id = ?", [naam, functie, persoon])
    conn.execute("UPDATE overleg SET plaats = ? WHERE id = ?", [v.plaats, basis.overleg_id])
    for punt, notitie in zip(basis.punten, v.notities, strict=True):
        conn.execute("UPDATE agendapunt SET notitie = ? WHERE id = ?", [notitie, punt])
    conn.execute(
        "UPDATE afspraak SET actielijn = ?, doel = ?, start = ?, eind = ?, toelichting = ? WHERE id = ?",
        [v.actielijn, v.doel, v.start, v.eind, v.toelichting, basis.afspraak_id],
    )
    conn.execute("UPDATE besluit SET tekst = ? WHERE id = ?", [v.besluit, basis.besluit_id])
    conn.execute("UPDATE actiepunt SET wat = ? WHERE id = ?", [v.actie, basis.actie_id])
    conn.execute("COMMIT")


def _exporteer(basis: Bestand) -> tuple[str, str]:
    b = basis.bestand
    return (
        export.exporteer_uitvoeringsagenda(b, "2026-2027", met_status=True, met_kader=True),
        export.exporteer_verslag(b, basis.overleg_id),
    )


# --- reading the Markdown as a renderer does ------------------------------------------------------

_MD = MarkdownIt("commonmark").enable("table")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_STRUCTUUR_INLINE = {"text", "softbreak", "hardbreak"}


def _alle_tokens(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        yield from token.children or []


def structuur(tokens: list[Token]) -> list[tuple[str, str, int]]:
    """Everything but the paragraphs and the words: headings, tables and their cells, lists, quotes."""
    uit = []
    for token in tokens:
        if token.type in ("paragraph_open", "paragraph_close", "inline"):
            uit.extend(("inline:" + kind.type, kind.tag, 0) for kind in token.children or [] if kind.type not in _STRUCTUUR_INLINE)
            continue
        uit.append((token.type, token.tag, token.level))
    return uit


def _cellen_in_bron(regel: str) -> int:
    """The cells of a table row as markdown-it splits it: on every '|' not right after a backslash."""
    regel = regel.strip()
    delen, huidig, vorige = [], "", ""
    for teken in regel:
        if teken == "|" and vorige != "\\":
            delen.append(huidig)
            huidig = ""
        else:
            huidig += teken
        vorige = teken
    delen.append(huidig)
    if regel.startswith("|"):
        delen.pop(0)
    if regel.endswith("|") and not regel.endswith("\\|"):
        delen.pop()
    return len(delen)


def controleer_tabellen(tekst: str, tokens: list[Token]) -> int:
    regels = tekst.split("\n")
    aantal = 0
    for token in tokens:
        if token.type != "table_open":
            continue
        aantal += 1
        begin, einde = token.map
        kop = _cellen_in_bron(regels[begin])
        for nummer in range(begin, einde):
            if nummer == begin + 1:
                continue  # the delimiter row
            assert _cellen_in_bron(regels[nummer]) == kop, f"rij {nummer + 1} heeft niet {kop} cellen: {regels[nummer]!r}"
    # And as parsed: every body row has the header's number of cells.
    rijen: list[int] = []
    koppen: list[int] = []
    for token in tokens:
        if token.type == "thead_open":
            koppen.append(0)
        elif token.type == "th_open":
            koppen[-1] += 1
        elif token.type == "tr_open":
            rijen.append(0)
        elif token.type == "td_open":
            rijen[-1] += 1
        elif token.type == "table_close":
            assert all(r == koppen[-1] for r in rijen if r), rijen
            rijen = []
    return aantal


def zichtbare_tekst(tokens: list[Token]) -> str:
    delen = []
    for token in tokens:
        if token.type == "inline":
            for kind in token.children or []:
                delen.append("\n" if kind.type in ("softbreak", "hardbreak") else kind.content)
            delen.append("\n")
    return "".join(delen)


def _normaal(tekst: str) -> str:
    return " ".join(_BIDI.sub("", tekst).split())


def als_regel(tekst: str) -> str:
    return _normaal(REGELSCHEIDING.join(deel.strip() for deel in schoon(tekst).split("\n") if deel.strip()))


def controleer(tekst: str, neutraal: str, velden: Velden, document: str) -> None:
    tokens = _MD.parse(tekst)
    assert structuur(tokens) == structuur(_MD.parse(neutraal)), f"de opbouw van {document} is veranderd"
    koppen = [t for t in tokens if t.type == "heading_open"]
    assert len(koppen) == sum(t.type == "heading_open" for t in _MD.parse(neutraal))
    assert not [t.type for t in _alle_tokens(tokens) if t.type.startswith("html")], "ruwe HTML in de uitvoer"
    assert not [t.type for t in _alle_tokens(tokens) if t.type in ("code_block", "fence", "code_inline", "hr", "link_open", "image")]
    controleer_tabellen(tekst, tokens)
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\r]", tekst), "stuurtekens in de uitvoer"
    assert tekst.endswith("\n") and not tekst.endswith("\n\n")
    zichtbaar = _normaal(zichtbare_tekst(tokens))
    for veld in velden.regels(document):
        assert als_regel(veld) in zichtbaar, f"{veld!r} is niet terug te vinden in {document}"
    for veld in velden.blokken(document):
        assert _normaal(schoon(veld)) in zichtbaar, f"{veld!r} is niet terug te vinden in {document}"


_INSTELLINGEN = settings(
    max_examples=70, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@_INSTELLINGEN
@given(v=velden())
def test_elke_tekst_houdt_de_opbouw_heel(basis: Bestand, v: Velden) -> None:
    _vul(basis, v.neutraal())
    agenda_neutraal, verslag_neutraal = _exporteer(basis)
    _vul(basis, v)
    agenda, verslag = _exporteer(basis)
    controleer(agenda, agenda_neutraal, v, "uitvoeringsagenda")
    controleer(verslag, verslag_neutraal, v, "verslag")
    assert (agenda, verslag) == _exporteer(basis)  # deterministic


def test_honderd_kilobyte_tekst(basis: Bestand) -> None:
    stukken = (GEMEEN * 60)[:2500]
    lang = "".join(f"{stuk}woord{i} " for i, stuk in enumerate(stukken))
    lang = (lang * (100_000 // len(lang) + 1))[:100_000]
    assert len(lang) == 100_000
    v = Velden(
        gemeente="Aalten", partij_namen=["GA", "DWP", "HVW", "HVD"], partij_codes=["A", "B", "C", "D"],
        persoon_namen=[lang[:5000], "b", "c", "d", "e"], functies=["", "", "", "", ""], plaats=lang,
        notities=[lang, "kort", lang[50_000:]], actielijn=_formulier_regel(lang), doel="40 woningen", start="2026", eind="2027",
        toelichting=lang, besluit=lang, actie=lang,
    )
    _vul(basis, v.neutraal())
    neutraal = _exporteer(basis)
    _vul(basis, v)
    agenda, verslag = _exporteer(basis)
    assert len(verslag) > 500_000  # the long texts are all there
    controleer(agenda, neutraal[0], v, "uitvoeringsagenda")
    controleer(verslag, neutraal[1], v, "verslag")


@pytest.mark.parametrize("tekst", GEMEEN)
def test_elk_gemeen_fragment_afzonderlijk(basis: Bestand, tekst: str) -> None:
    """Each fragment alone, and at the start, middle and end of every field."""
    for variant in (tekst, f"{tekst}begin", f"midden {tekst} midden", f"einde {tekst}", f"{tekst}\n{tekst}\n\n{tekst}"):
        v = Velden(
            gemeente=variant, partij_namen=[variant] * 4, partij_codes=[f"{variant}{i}" for i in range(4)],
            persoon_namen=[variant] * 5, functies=[variant] * 5, plaats=variant, notities=[variant] * 3,
            actielijn=_formulier_regel(variant) or "a", doel=_formulier_regel(variant), start="Q3 2026", eind="2027",
            toelichting=variant, besluit=variant, actie=variant,
        )
        _vul(basis, v.neutraal())
        neutraal = _exporteer(basis)
        _vul(basis, v)
        agenda, verslag = _exporteer(basis)
        controleer(agenda, neutraal[0], v, "uitvoeringsagenda")
        controleer(verslag, neutraal[1], v, "verslag")


# --- the filters themselves -------------------------------------------------------------------------


def test_bidi_sturing_wordt_per_regel_gesloten() -> None:
    from opslag.markdown_tekst import blok, cel

    assert cel("\u202eabc") == "\u202eabc\u202c"  # RLO closed by PDF
    assert cel("\u2067שלום") == "\u2067שלום\u2069"  # RLI closed by PDI
    assert cel("\u202bx\u202c y") == "\u202bx\u202c y"  # already closed: nothing added
    assert cel("\u2067a\u202eb\u2069c") == "\u2067a\u202eb\u2069c"  # PDI also closes the RLO inside it
    assert blok("\u202eeen\ntwee") == "\u202eeen\u202c\\\ntwee"  # each line closes its own
    assert cel("مرحبا | שלום") == "مرحبا \\| שלום"  # right-to-left letters as they are


def test_entiteiten_en_html_blijven_letterlijk() -> None:
    from opslag.markdown_tekst import cel

    assert cel("&amp; &#60; &#x3C; &copy; AT&T R&D;") == "\\&amp; \\&\\#60; \\&\\#x3C; \\&copy; AT&T R&D;"
    tokens = _MD.parse(f"| a |\n|---|\n| {cel('&amp; <b>x</b> &lt;')} |\n")
    assert [c.content for t in tokens if t.type == "inline" for c in t.children or []][-1] == "&amp; <b>x</b> &lt;"


def test_gewone_tekst_blijft_leesbaar() -> None:
    from opslag.markdown_tekst import blok, cel

    gewoon = "1.1 Monitoring: 30% sociale huur, € 35.000 en -5% (Woon- en Vastgoedmonitor)."
    assert cel(gewoon) == gewoon and blok(gewoon) == gewoon
    assert cel("Regel één\n\n  regel twee  ") == "Regel één / regel twee"
    assert blok("Alinea\nmet twee regels\n\n\n\nNieuwe alinea") == "Alinea\\\nmet twee regels\n\nNieuwe alinea"
    assert blok("een\ntwee", inspringen=2) == "een\\\n  twee"
