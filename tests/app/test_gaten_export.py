"""Holes from issue #10 around export: an export never lands on a municipality file, a backup or a
SQLite side file; user templates are limited in time and size; the command line survives a closed
pipe and a FIFO; Windows' reserved names are refused as municipality names."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Input

from opslag import export
from opslag.fouten import TripartietFout
from tui import cli
from tui.app import TripartietApp
from tui.schermen.export import ExportScherm, OverschrijfVraag


def _kenmerk(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def _bestanden(map_: Path) -> set[str]:
    """The files in `map_`, without the test's own user folders (the template cache lives there) and
    the -wal/-shm files SQLite keeps while the database is open."""
    namen = {str(p.relative_to(map_)) for p in map_.rglob("*")}
    return {n for n in namen if n.split(os.sep)[0] not in ("cache", "config", "data") and not n.endswith(("-wal", "-shm"))}


# --- 1. an export never overwrites the municipality file -----------------------------------------


def _doelen(pad: Path) -> dict[str, Path]:
    """Every way to name the database or a file that belongs to it, made to exist."""
    map_ = pad.parent
    (map_ / "sub").mkdir(exist_ok=True)
    (map_ / "link.md").symlink_to(pad.name)
    kopieen = map_ / "reservekopieen"
    kopieen.mkdir(exist_ok=True)
    shutil.copyfile(pad, kopieen / f"{pad.stem}-20261129-120000-000000.sqlite")
    (kopieen / "notitie.md").write_text("eigen\n", encoding="utf-8")
    for deel in ("-wal", "-shm", "-journal"):
        (map_ / f"{pad.name}{deel}").write_bytes(b"\x00" * 32)
    anders = map_ / "ander-programma.db"
    shutil.copyfile(pad, anders)
    return {
        "zelf": pad,
        "relatief": Path(pad.name),
        "symlink": map_ / "link.md",
        "omweg": map_ / "sub" / ".." / pad.name,
        "reservekopie": kopieen / f"{pad.stem}-20261129-120000-000000.sqlite",
        "in reservekopiemap": kopieen / "notitie.md",
        "wal": map_ / f"{pad.name}-wal",
        "shm": map_ / f"{pad.name}-shm",
        "journal": map_ / f"{pad.name}-journal",
        "andere database": anders,
    }


@pytest.mark.parametrize("soort", ["zelf", "relatief", "symlink", "omweg", "reservekopie", "in reservekopiemap",
                                   "wal", "shm", "journal", "andere database"])
def test_cli_export_weigert_het_gemeentebestand_in_elke_spelling(demo_pad: Path, soort: str, capsys) -> None:  # noqa: ANN001
    doel = _doelen(demo_pad)[soort]
    voor = {p: _kenmerk(p) for p in demo_pad.parent.rglob("*") if p.is_file() and not p.is_symlink()}
    namen = _bestanden(demo_pad.parent)
    assert cli.main(["verslag", str(demo_pad), "-o", str(doel)]) == 1
    fout = capsys.readouterr().err
    assert "hier wordt niet naartoe geëxporteerd" in fout and "niet gewijzigd" in fout
    assert "Traceback" not in fout
    assert {p: _kenmerk(p) for p in voor} == voor
    assert _bestanden(demo_pad.parent) == namen  # no temporary or side file left


def test_cli_export_meldt_waarom(demo_pad: Path, capsys) -> None:  # noqa: ANN001
    doelen = _doelen(demo_pad)
    redenen = {
        "zelf": "het gemeentebestand zelf",
        "symlink": "het gemeentebestand zelf",
        "omweg": "het gemeentebestand zelf",
        "wal": "hulpbestand van het gemeentebestand",
        "reservekopie": "reservekopieën",
        "andere database": "SQLite-database",
    }
    for soort, reden in redenen.items():
        assert cli.main(["export", str(demo_pad), "-o", str(doelen[soort])]) == 1
        assert reden in capsys.readouterr().err, soort


def test_nieuwe_naam_op_sqlite_en_een_gewoon_doel(demo_pad: Path, capsys) -> None:  # noqa: ANN001
    assert cli.main(["verslag", str(demo_pad), "-o", str(demo_pad.parent / "nieuw.sqlite")]) == 1
    assert "naam op .sqlite" in capsys.readouterr().err
    assert not (demo_pad.parent / "nieuw.sqlite").exists()
    # An ordinary Markdown file next to the database is still replaced, as before.
    (demo_pad.parent / "verslag.md").write_text("oud\n", encoding="utf-8")
    assert cli.main(["verslag", str(demo_pad), "-o", str(demo_pad.parent / "verslag.md")]) == 0
    assert (demo_pad.parent / "verslag.md").read_text(encoding="utf-8").startswith("# Verslag")


def test_instellingen_van_tripartiet_geen_doel(demo_pad: Path, capsys) -> None:  # noqa: ANN001
    from opslag.mappen import instellingen_map

    instellingen_map().mkdir(parents=True, exist_ok=True)
    instellingen = instellingen_map() / "instellingen.json"
    instellingen.write_text('{"recente_bestanden": []}', encoding="utf-8")
    assert cli.main(["verslag", str(demo_pad), "-o", str(instellingen)]) == 1
    assert "instellingen van Tripartiet" in capsys.readouterr().err
    assert instellingen.read_text(encoding="utf-8") == '{"recente_bestanden": []}'


def test_map_fifo_en_apparaat_als_doel_geweigerd(demo_pad: Path, capsys) -> None:  # noqa: ANN001
    (demo_pad.parent / "map.md").mkdir()
    os.mkfifo(demo_pad.parent / "pijp.md")
    for doel, reden in ((demo_pad.parent / "map.md", "map"), (demo_pad.parent / "pijp.md", "pijp"), (Path("/dev/null"), "apparaat")):
        assert cli.main(["verslag", str(demo_pad), "-o", str(doel)]) == 1
        fout = capsys.readouterr().err
        assert "geen gewoon bestand" in fout and reden in fout
    assert (demo_pad.parent / "map.md").is_dir() and not any((demo_pad.parent / "map.md").iterdir())


def test_controleer_doel_is_de_ene_controle(demo_pad: Path) -> None:
    """schrijf_export checks again right before writing, so the screen cannot skip the check."""
    voor = _kenmerk(demo_pad)
    with pytest.raises(export.ExportFout, match="gemeentebestand zelf"):
        export.schrijf_export(demo_pad.parent / "sub" / ".." / demo_pad.name, "# x\n", demo_pad)
    with pytest.raises(export.ExportFout, match="SQLite-database"):
        export.schrijf_export(demo_pad, "# x\n")  # without knowing the source: still a database
    assert _kenmerk(demo_pad) == voor


async def _open_export(app: TripartietApp, pilot) -> ExportScherm:  # noqa: ANN001
    await pilot.pause()
    app.push_screen(ExportScherm(app.bestand, getattr(app.screen, "overleg_id", None)))
    await pilot.pause()
    await pilot.pause()
    assert isinstance(app.screen, ExportScherm)
    return app.screen


@pytest.mark.parametrize("soort", ["zelf", "symlink", "omweg", "reservekopie", "wal"])
async def test_exportscherm_vraagt_niet_maar_weigert(demo_pad: Path, soort: str) -> None:
    doel = _doelen(demo_pad)[soort]
    app = TripartietApp(demo_pad)
    async with app.run_test(size=(120, 40)) as pilot:
        scherm = await _open_export(app, pilot)
        bewaard = {p: _kenmerk(p) for p in demo_pad.parent.rglob("*") if p.is_file() and not p.is_symlink() and p != demo_pad}
        inhoud = {p: p.read_bytes() for p in (doel,) if p.resolve() != demo_pad.resolve()}
        invoer = scherm.query_one("#bestandsnaam", Input)
        invoer.value = str(doel)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, OverschrijfVraag)  # no "vervangen?" to say yes to
        assert app.screen is scherm
        meldingen = [m.message for m in app._notifications]
        assert any("hier wordt niet naartoe geëxporteerd" in m for m in meldingen), meldingen
        assert not any(m.startswith("Opgeslagen") for m in meldingen)
        assert {p: p.read_bytes() for p in inhoud} == inhoud
        assert demo_pad.read_bytes().startswith(b"SQLite format 3\x00")
        for pad, kenmerk in bewaard.items():
            if pad.name.endswith(("-wal", "-shm")) and pad.name.startswith(demo_pad.name):
                continue  # the open app itself works in these
            assert _kenmerk(pad) == kenmerk


# --- 14. closed pipe, FIFO, Windows device names --------------------------------------------------


def _met_gesloten_pijp(argv: list[str], map_: Path) -> subprocess.CompletedProcess:
    """Run the command line with a stdout whose reader has already gone, as `| head` leaves it."""
    lezer, schrijver = os.pipe()
    os.close(lezer)
    try:
        return subprocess.run(
            [sys.executable, "-m", "tui.cli", *argv], stdout=schrijver, stderr=subprocess.PIPE, cwd=map_,
            env={**os.environ, "PYTHONPATH": str(Path(cli.__file__).parents[1])}, timeout=60,
        )
    finally:
        os.close(schrijver)


@pytest.mark.parametrize("opdracht", ["controleer", "verslag", "export"])
def test_gesloten_pijp_geeft_geen_traceback(demo_pad: Path, opdracht: str) -> None:
    uit = _met_gesloten_pijp([opdracht, str(demo_pad)], demo_pad.parent)
    assert uit.returncode in (1, 141)
    assert uit.stderr.decode() == ""  # no traceback, no "Exception ignored"


@pytest.mark.parametrize("opdracht", ["controleer", "verslag", "export", "open"])
def test_fifo_als_gemeentebestand_hangt_niet(tmp_path: Path, opdracht: str, capsys) -> None:  # noqa: ANN001
    os.mkfifo(tmp_path / "x.sqlite")
    # Opening a FIFO for reading blocks until a writer comes: without the check this never returns.
    assert cli.main([opdracht, str(tmp_path / "x.sqlite")]) == 1
    assert "dit is geen gewoon bestand" in capsys.readouterr().err
    assert _bestanden(tmp_path) >= {"x.sqlite"} and not any(n.startswith("x.sqlite-") for n in _bestanden(tmp_path))


@pytest.mark.parametrize("naam", ["CON", "nul", "Prn", "aux", "COM1", "com9", "LPT1", "lpt9", "nul.txt", "Con.sqlite", " aux "])
def test_windows_apparaatnamen_geweigerd(tmp_path: Path, naam: str, capsys) -> None:  # noqa: ANN001
    from opslag.bestand import bestandsnaam
    from opslag.fouten import OngeldigeNaam

    with pytest.raises(OngeldigeNaam, match="Windows"):
        bestandsnaam(naam)
    voor = _bestanden(tmp_path)
    assert cli.main(["nieuw", naam]) == 1
    assert "Windows gebruikt" in capsys.readouterr().err
    assert _bestanden(tmp_path) == voor


@pytest.mark.parametrize("naam,bestand", [("Conde", "conde.sqlite"), ("COM10", "com10.sqlite"), ("Auxerre", "auxerre.sqlite")])
def test_namen_die_er_alleen_op_lijken_mogen(naam: str, bestand: str) -> None:
    from opslag.bestand import bestandsnaam

    assert bestandsnaam(naam) == bestand


# --- 13. a user template is limited in time and size ---------------------------------------------

_TE_VEEL = {
    "geneste lussen": "{% for a in range(10**6) %}{% for b in range(10**6) %}x{% endfor %}{% endfor %}",
    "geneste lussen binnen MAX_RANGE": "{% for a in range(10**5) %}{% for b in range(10**5) %}x{% endfor %}{% endfor %}",
    "lussen zonder uitvoer": "{% for a in range(10**5) %}{% for b in range(10**5) %}{% endfor %}{% endfor %}",
    "lussen over tekst": "{% set s = 'x' * 100000 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}",
    "enorme tekst": "{{ 'x' * 10**10 }}",
    "enorme tekst omgekeerd": "{{ 10**10 * ['x'] }}",
    "enorm getal": "{{ 10 ** (10 ** 10) }}",
    "center": "{{ 'x'|center(10**10) }}",
    "indent": "{{ 'x\ny'|indent(10**10) }}",
    "procent": "{{ '%*s' % (10**10, 'x') }}",
    "verdubbelen in een namespace": "{% set ns = namespace(s='x') %}{% for i in range(80) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
    "verdubbelen met plus": "{% set ns = namespace(s='x') %}{% for i in range(80) %}{% set ns.s = ns.s + ns.s %}{% endfor %}{{ ns.s|length }}",
    "verdubbelen in een macro": "{% macro d(s, n) %}{{ d(s ~ s, n - 1) if n else s|length }}{% endmacro %}{{ d('x', 80) }}",
}


@pytest.fixture
def kleine_grenzen(monkeypatch: pytest.MonkeyPatch) -> None:
    from opslag.export import grenzen as sjabloongrens

    # Small limits keep the test quick; what is tested is that a limit is enforced at all.
    monkeypatch.setattr(sjabloongrens, "TIJDSLIMIET", 0.5)
    monkeypatch.setattr(sjabloongrens, "GROOTTELIMIET", 1_000_000)


@pytest.mark.parametrize("soort", list(_TE_VEEL))
def test_eigen_sjabloon_begrensd_in_tijd_en_grootte(demo_pad: Path, soort: str, kleine_grenzen: None, capsys) -> None:  # noqa: ANN001
    sjabloon = demo_pad.parent / "eigen.md.j2"
    sjabloon.write_text(_TE_VEEL[soort] + "\n", encoding="utf-8")
    voor = _bestanden(demo_pad.parent)
    assert cli.main(["verslag", str(demo_pad), "--sjabloon", str(sjabloon), "-o", str(demo_pad.parent / "uit.md")]) == 1
    uit = capsys.readouterr()
    assert f"Fout in sjabloon {sjabloon}" in uit.err
    assert "duurt te lang (meer dan 0.5 s) of maakt een te groot document (meer dan 1 MB)" in uit.err
    assert "Traceback" not in uit.err and uit.out == ""
    assert _bestanden(demo_pad.parent) == voor  # nothing written, no temporary file


def test_eigen_sjabloon_naar_het_scherm_schrijft_niets(demo_pad: Path, kleine_grenzen: None, capsys) -> None:  # noqa: ANN001
    sjabloon = demo_pad.parent / "eigen.md.j2"
    sjabloon.write_text("begin\n{% for a in range(10**5) %}{% for b in range(10**5) %}x{% endfor %}{% endfor %}\n", encoding="utf-8")
    assert cli.main(["export", str(demo_pad), "--sjabloon", str(sjabloon)]) == 1
    uit = capsys.readouterr()
    assert uit.out == "" and "duurt te lang" in uit.err


def test_gewoon_eigen_sjabloon_werkt_nog(demo_pad: Path, kleine_grenzen: None, capsys) -> None:  # noqa: ANN001
    sjabloon = demo_pad.parent / "eigen.md.j2"
    sjabloon.write_text(
        "# {{ gemeente }}\n\n{{ '-' * 3 }} {{ range(3)|list|length }} {{ range(5)|last }} {{ 'ab'|center(6)|length }}"
        " {{ 2 ** 10 }} {{ '%d-%s' % (7, 'x') }}\n{% for i in range(3) %}{{ i }}{% endfor %}\n",
        encoding="utf-8",
    )
    assert cli.main(["verslag", str(demo_pad), "--sjabloon", str(sjabloon), "-o", str(demo_pad.parent / "uit.md")]) == 0
    assert (demo_pad.parent / "uit.md").read_text(encoding="utf-8") == "# Zonnedal (fictief)\n\n\\--- 3 4 6 1024 7-x\n012\n"


def test_standaardsjabloon_kent_geen_grenzen(demo_pad: Path, kleine_grenzen: None) -> None:
    """Our own templates are trusted: a very large file is never refused for its size."""
    from opslag.export import grenzen as sjabloongrens
    from opslag.bestand import Gemeentebestand

    sjabloongrens.GROOTTELIMIET = 10  # the fixture restores it
    with Gemeentebestand.open(demo_pad, alleen_lezen=True) as b:
        assert export.exporteer_verslag(b, export.kies_overleg(b)).startswith("# Verslag")
