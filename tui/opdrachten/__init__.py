"""Subcommands of `tripartiet` beyond opening a file, one module each.

A module here is named after its subcommand and has `NAAM` (that name), `voeg_toe(sub, pad)` that
adds its parser (`pad` is the CLI's checked path type) and `voer_uit(args, zeg) -> int` that runs it
(`zeg` prints a line without control characters). `tui.cli` reads `MODULES` for its parser, its
dispatch and the shorthand `tripartiet PAD`: a new command is a new module and one line here. The
document commands of the export registry (one per document kind) come from `documenten`.
"""

from __future__ import annotations

import importlib
from types import ModuleType

MODULES: tuple[str, ...] = ("importeer", "periode", "vaststellen")


def opdrachten() -> list[ModuleType]:
    return [importlib.import_module(f"tui.opdrachten.{naam}") for naam in MODULES]
