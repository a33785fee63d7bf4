"""Stored text made harmless for a terminal, without changing what is stored.

A municipality file can come from anyone, so every text in it may hold bytes that steer a
terminal: ESC starts sequences that set the clipboard (OSC 52), the window title or clear the
screen; C1 codes (0x80-0x9f) do the same on terminals that honour 8-bit controls; bidi overrides
and isolates make a line read differently from what it holds. `zichtbaar` replaces each of them
by a visible character, one for one, so the user sees that something odd is there and where.

Why these replacements: C0 codes and DEL get their Unicode control picture (ESC becomes '␛', so
a suspicious sequence is recognisable as such); C1 codes and the bidi controls have no picture,
so they become U+FFFD, the usual sign of "a character that cannot be shown". Every replacement is
one cell wide, so a cursor in an input field stays on the character it points at.

Pure string functions: used by the TUI and the CLI alike; opslag never imports textual or rich.
"""

from __future__ import annotations

import re

_VERVANGING = "\ufffd"
_ONZICHTBAAR = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _teken(kar: str) -> str:
    code = ord(kar)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return _VERVANGING


_TABEL = {i: _teken(chr(i)) for i in [*range(0x00, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
_TABEL_REGELS = {code: teken for code, teken in _TABEL.items() if code not in (0x09, 0x0A)}


def zichtbaar(tekst: object, *, regels: bool = False) -> str:
    """The text with every control character replaced by a visible one.

    `regels=True` for text shown over several lines (notes): line breaks and tabs stay.
    """
    if tekst is None:
        return ""
    tekst = str(tekst)
    if not _ONZICHTBAAR.search(tekst):  # the fast path: almost all text
        return tekst
    return tekst.translate(_TABEL_REGELS if regels else _TABEL)
