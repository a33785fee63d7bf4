"""Limits on what a municipality's own template (`--sjabloon`) may cost: time and size.

Jinja's sandbox keeps a template from reaching files or Python internals, but not from running for
hours (two nested loops) or asking for ten gigabytes (`{{ 'x' * 10**10 }}`, which on Linux does not
even fail with a MemoryError but slowly fills memory). The checks sit where the sandbox lets us in:
every call, attribute lookup and intercepted operator, each step of `range`, the size arguments of
the filters that build text, and every piece of output while it is streamed. On Unix a timer is the
backstop for a loop that does none of those (iterating over a string); it only runs in the main
thread, where Python delivers signals.

Our own templates run without limits: they are ours, and a very large file must never be refused.
"""

from __future__ import annotations

import functools
import math
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from jinja2.sandbox import MAX_RANGE, SandboxedEnvironment

TIJDSLIMIET = 20.0  # seconds for one template
GROOTTELIMIET = 20_000_000  # characters in the document, and in any one value a template builds
_BITS = 100_000  # an integer from * or ** this long is no number a document needs (30,000 digits)

# The filters whose arguments say how much text to make: 'x'|center(10**10) asks for 10 GB.
_MAAT_FILTERS = ("center", "indent", "wordwrap", "truncate", "batch", "slice", "format", "join", "replace")


class Overschreden(BaseException):
    """A template went past a limit. A BaseException, so that no `except Exception` in Jinja's
    code (attribute lookups try several ways) swallows it on its way out."""


_staat = threading.local()


def _bewaak() -> None:
    if time.monotonic() > getattr(_staat, "tot", math.inf):
        raise Overschreden


def _begrensd() -> bool:
    return getattr(_staat, "tot", math.inf) != math.inf


def _maat(waarde: Any) -> Any:
    if isinstance(waarde, (str, bytes, list, tuple, dict, set)) and len(waarde) > GROOTTELIMIET and _begrensd():
        raise Overschreden
    return waarde


def _grote_getallen(*waarden: Any) -> None:
    if _begrensd() and any(isinstance(w, int) and abs(w) > GROOTTELIMIET for w in waarden):
        raise Overschreden


class _Bereik:
    """range() for templates: a step at a time, each step checks the clock."""

    def __init__(self, bereik: range) -> None:
        self._bereik = bereik

    def __iter__(self) -> Iterator[int]:
        for waarde in self._bereik:
            _bewaak()
            yield waarde

    def __len__(self) -> int:
        return len(self._bereik)

    def __getitem__(self, index: Any) -> Any:
        return self._bereik[index]

    def __repr__(self) -> str:
        return repr(self._bereik)


def _range(*args: int) -> _Bereik:
    bereik = range(*args)
    if len(bereik) > MAX_RANGE:  # Jinja's own limit, reported as one of ours
        raise Overschreden
    return _Bereik(bereik)


def _lengte(waarde: Any) -> int | None:
    if isinstance(waarde, (str, bytes, list, tuple)):
        return len(waarde)
    return None


class BegrensdeOmgeving(SandboxedEnvironment):
    """The sandbox, with the hooks above. Without a running `grenzen()` they only pass through."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.globals["range"] = _range

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _bewaak()
        if _begrensd():
            if operator == "*":
                for reeks, aantal in ((left, right), (right, left)):
                    lengte = _lengte(reeks)
                    if lengte is not None and isinstance(aantal, int) and lengte * aantal > GROOTTELIMIET:
                        raise Overschreden
                if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > _BITS:
                    raise Overschreden
            elif operator == "**":
                if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and left.bit_length() * right > _BITS:
                    raise Overschreden
            elif operator == "+":
                links, rechts = _lengte(left), _lengte(right)
                if links is not None and rechts is not None and links + rechts > GROOTTELIMIET:
                    raise Overschreden
            elif operator == "%" and isinstance(left, str):
                _grote_getallen(*(right if isinstance(right, tuple) else (right,)))
        return _maat(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - as Jinja names them
        _bewaak()
        for waarde in (*args, *kwargs.values()):
            _maat(waarde)
        return _maat(super().call(__context, __obj, *args, **kwargs))

    def getattr(self, obj: Any, attribute: str) -> Any:
        _bewaak()
        return _maat(super().getattr(obj, attribute))

    def getitem(self, obj: Any, argument: Any) -> Any:
        _bewaak()
        return _maat(super().getitem(obj, argument))


def begrens_filters(omgeving: BegrensdeOmgeving) -> None:
    """Check the size arguments of the filters that build text; the value itself may be any number."""
    for naam in _MAAT_FILTERS:
        origineel = omgeving.filters[naam]

        @functools.wraps(origineel)
        def filter_(*args: Any, _origineel: Any = origineel, **kwargs: Any) -> Any:
            _bewaak()
            _grote_getallen(*args[1:], *kwargs.values())
            return _maat(_origineel(*args, **kwargs))

        omgeving.filters[naam] = filter_


def verzamel(stukken: Iterator[str]) -> str:
    """The output of `Template.generate()`, checked for size and time piece by piece."""
    uit: list[str] = []
    totaal = 0
    for stuk in stukken:
        totaal += len(stuk)
        if totaal > GROOTTELIMIET and _begrensd():
            raise Overschreden
        _bewaak()
        uit.append(stuk)
    return "".join(uit)


@contextmanager
def grenzen() -> Iterator[None]:
    """Apply the limits to what runs inside; raises Overschreden when one is passed."""
    vorige = getattr(_staat, "tot", math.inf)
    _staat.tot = time.monotonic() + TIJDSLIMIET
    wekker = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if wekker:
        def af(signum: int, frame: Any) -> None:
            raise Overschreden

        oude_handler = signal.signal(signal.SIGALRM, af)
        signal.setitimer(signal.ITIMER_REAL, TIJDSLIMIET + 1)  # after the checks above had their chance
    try:
        yield
    finally:
        if wekker:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, oude_handler)
        _staat.tot = vorige


def melding() -> str:
    return (
        f"dit sjabloon duurt te lang (meer dan {TIJDSLIMIET:g} s) of maakt een te groot document "
        f"(meer dan {GROOTTELIMIET // 1_000_000} MB); het is afgebroken en er is niets geschreven."
    )
