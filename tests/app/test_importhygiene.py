"""Storage stays free of the UI: export, checks and repairs must run without Textual."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def test_opslag_laadt_geen_textual() -> None:
    code = (
        "import sys, pkgutil, importlib, opslag\n"
        "for m in pkgutil.iter_modules(opslag.__path__): importlib.import_module('opslag.' + m.name)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich')))"
    )
    uitvoer = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert uitvoer.strip() == "[]"


def test_cli_help_laadt_geen_app() -> None:
    code = (
        "import sys\nfrom tui.cli import main\n"
        "try: main(['--help'])\nexcept SystemExit: pass\n"
        "print('textual.app' in sys.modules, 'opslag.bestand' in sys.modules)"
    )
    uitvoer = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert uitvoer.strip().splitlines()[-1] == "False False"


def test_start_van_de_app_laadt_geen_export_of_sjablonen(tmp_path) -> None:  # noqa: ANN001
    """Export, templates, the framework parser and the framework screen are imported when used,
    not at start-up."""
    from opslag.demo import maak_demo

    pad = maak_demo(tmp_path / "demo.sqlite")
    code = (
        "import sys, asyncio\n"
        "from pathlib import Path\n"
        "from tui.app import TripartietApp\n"
        "async def main():\n"
        f"    app = TripartietApp(Path({str(pad)!r}))\n"
        "    async with app.run_test() as pilot:\n"
        "        await pilot.pause()\n"
        "        assert type(app.screen).__name__ == 'OverlegScherm'\n"
        "asyncio.run(main())\n"
        "print(sorted(m for m in ('jinja2', 'markdown_it', 'opslag.export', 'sqlite_utils', 'hypothesis', 'tui.schermen.kader')"
        " if m in sys.modules))"
    )
    uitvoer = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert uitvoer.strip().splitlines()[-1] == "[]"


def test_pydantic_pas_als_een_formulier_opent_op_de_achtergrond(tmp_path) -> None:  # noqa: ANN001
    """Rows read back are dataclasses: opening the demo file, painting its meeting screen and
    remembering the file import no pydantic (6-10 MB). Opening a form loads it, and the input
    models, in the background, so they are there by the time the form is filled in."""
    from opslag.demo import maak_demo

    pad = maak_demo(tmp_path / "demo.sqlite")
    code = (
        "import sys, asyncio\n"
        "from pathlib import Path\n"
        "from tui.app import TripartietApp\n"
        "async def main():\n"
        f"    app = TripartietApp(Path({str(pad)!r}))\n"
        "    async with app.run_test() as pilot:\n"
        "        for _ in range(20):\n"
        "            await pilot.pause(0.02)\n"
        "        assert type(app.screen).__name__ == 'OverlegScherm'\n"
        "        print('pydantic' in sys.modules, all(w.is_finished for w in app.workers))\n"
        "        app.action_nieuwe_partij()\n"
        "        await pilot.pause()\n"
        "        print(type(app.screen).__name__)\n"
        "        await app.workers.wait_for_complete()\n"
        "        print('pydantic' in sys.modules, 'opslag.invoermodellen' in sys.modules)\n"
        "asyncio.run(main())\n"
    )
    uitvoer = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert uitvoer.strip().splitlines()[-3:] == ["False True", "PartijFormulier", "True True"]


# --- static contracts (import-linter, [tool.importlinter] in pyproject.toml) ---------------------

_WORTEL = Path(__file__).resolve().parents[2]


def _lint_imports(map_: Path) -> subprocess.CompletedProcess[str]:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    omgeving = {**os.environ, "PYTHONPATH": str(map_)}
    return subprocess.run([str(lint_imports), "--no-cache"], cwd=map_, env=omgeving, capture_output=True, text=True)


def test_importcontracten_gehouden() -> None:
    """Also the imports no run-time test reaches: inside functions, in the CLI, in every screen."""
    uitkomst = _lint_imports(_WORTEL)
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr
    assert "3 kept, 0 broken" in uitkomst.stdout


def test_importcontracten_vangen_een_overtreding(tmp_path: Path) -> None:
    """The contracts bite: a lazy `rich` import in opslag, `opslag.schema` in the CLI and a loop
    between two opslag modules are all caught."""
    for pakket in ("opslag", "tui", "sjablonen"):
        shutil.copytree(_WORTEL / pakket, tmp_path / pakket, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(_WORTEL / "pyproject.toml", tmp_path)
    with (tmp_path / "opslag" / "tekst.py").open("a", encoding="utf-8") as f:
        f.write("\n\ndef _kleur():\n    import rich.text\n")
    with (tmp_path / "tui" / "cli.py").open("a", encoding="utf-8") as f:
        f.write("\n\ndef _versie():\n    from opslag.schema import SCHEMA_VERSIE\n")
    with (tmp_path / "opslag" / "kop.py").open("a", encoding="utf-8") as f:
        f.write("\n\ndef _lus():\n    from opslag import bestand\n")
    uitkomst = _lint_imports(tmp_path)
    assert uitkomst.returncode != 0
    assert "0 kept, 3 broken" in uitkomst.stdout
    assert "opslag.tekst -> rich" in uitkomst.stdout and "tui.cli -> opslag.schema" in uitkomst.stdout


def test_openen_op_de_opdrachtregel_bouwt_alleen_de_open_opdracht() -> None:
    """`tripartiet PAD`, every day, does not build the other subcommands (7 ms of every start)."""
    code = (
        "import sys\nfrom tui.cli import _parser\n"
        "args = _parser('open').parse_args(['open', 'aalten.sqlite'])\n"
        "print(args.commando, args.pad, 'opslag.export.soorten' in sys.modules, 'tui.opdrachten' in sys.modules)"
    )
    uitvoer = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert uitvoer.strip().splitlines()[-1] == "open aalten.sqlite False False"
