"""Work-arounds for objects Textual 8.2.8 keeps alive after their screen has closed.

`StylesCache.get_inner_outer` is an instance method under `functools.lru_cache(1024)`, so the
cache keeps up to 1024 widgets' style caches, with every line they last rendered, long after the
widgets are gone (Textualize/textual#6665). Closing the export screen left some 20,000 objects
behind each time; every full collection of the cyclic garbage collector walked them again, and
it paused the app longer with every screen opened. The colours are all the method uses: cached
on those alone, the cache holds two styles per entry and nothing else.

Textual's Header watches the app's title; the app forgets a closed screen's watchers only when its
title changes, so every closed screen left its header behind: `vergeet_kijkers` prunes them.

A thread worker sets `active_worker` in the pool thread's own context (`run_in_executor` copies
none), so the idle thread keeps its last worker alive, and through it the screen that ran it with
all that screen drew: `na_draad` lets go of it when the work is done.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import ParamSpec, TypeVar

from textual.style import Style
from textual._styles_cache import StylesCache
from textual.color import Color
from textual.widget import Widget
from textual.worker import active_worker

P = ParamSpec("P")
T = TypeVar("T")


@lru_cache(1024)
def _binnen_buiten(base_background: Color, background: Color) -> tuple[Style, Style]:
    return Style(background=base_background + background), Style(background=base_background)


def _get_inner_outer(self: StylesCache, base_background: Color, background: Color) -> tuple[Style, Style]:  # noqa: ARG001
    return _binnen_buiten(base_background, background)


_verlaat = Widget._message_loop_exit


async def _message_loop_exit(self: Widget) -> None:
    await _verlaat(self)
    self._styles_cache.clear()


def herstel() -> None:
    """Replace the leaking cache; a Textual that fixed it (no lru_cache there) is left alone.
    A removed widget lets go of the lines it drew at once, as it does of its other caches."""
    if hasattr(StylesCache.get_inner_outer, "cache_info"):
        StylesCache.get_inner_outer = _get_inner_outer
    if Widget._message_loop_exit is _verlaat:
        Widget._message_loop_exit = _message_loop_exit


def na_draad(werk: Callable[P, T]) -> Callable[P, T]:
    """For a function run as a thread worker: the thread forgets the worker when it is done."""

    @wraps(werk)
    def omhulsel(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return werk(*args, **kwargs)
        finally:
            active_worker.set(None)  # type: ignore[arg-type]  (nothing reads it until the next worker sets it)

    return omhulsel


def vergeet_kijkers(obj: object) -> None:
    """Drop the watchers `obj` keeps for nodes that have closed (Textual prunes them only when the
    watched attribute changes)."""
    for kijkers in getattr(obj, "__watchers", {}).values():
        kijkers[:] = [(node, terugroep) for node, terugroep in kijkers if not node._closing]
