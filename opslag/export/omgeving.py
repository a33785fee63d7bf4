"""The Jinja environment the templates run in, and filling one in.

Templates run in Jinja2's sandbox, can only include templates from their own folder, and fail on
any unknown name (StrictUndefined); every error becomes a `SjabloonFout` that names the template
file, the line and the problem in Dutch. User text reaches the output only through the filters of
`opslag.markdown_tekst` (`cel`, `regel`, `blok`); a value printed without one of them is made
safe anyway (as `regel`), so a template that forgets a filter can look odd but never breaks the
document's structure or lets HTML through. A municipality's own template also runs within limits
of time and size (`opslag.export.grenzen`); compiled templates are kept on disk.
"""

from __future__ import annotations

import functools
import re
import traceback
from pathlib import Path
from typing import Any

from opslag import markdown_tekst
from opslag.export.fouten import SjabloonFout
from opslag.export.modellen import Gegevens
from opslag.markdown_tekst import Veilig
from opslag.mappen import cache_map


def _finalize(waarde: Any) -> str:
    """Everything a template prints: our filters' output as is, anything else made safe as `regel`.

    One space before or after is kept, so `{{ ", " }}` still separates; more could indent a line
    into a code block.
    """
    if isinstance(waarde, Veilig):
        return waarde
    veilig = markdown_tekst.regel(waarde)
    if isinstance(waarde, str) and waarde:
        voor = " " if waarde[0].isspace() else ""
        na = " " if waarde[-1].isspace() and veilig else ""
        return f"{voor}{veilig}{na}"
    return veilig


def _sjablooncache(omgeving: Any, map_: Path) -> Any:
    """Compiled templates on disk: compiling a template costs each `tripartiet export` about as
    much as the export itself. Jinja recompiles a template whose text changed (a user's own), but
    the compiled code also depends on Jinja's version and on the environment's settings and filter
    names, which Jinja does not check: each combination gets its own folder."""
    import hashlib

    import jinja2

    kenmerk = repr((
        jinja2.__version__, type(omgeving).__name__, omgeving.undefined.__name__, omgeving.finalize is not None,
        omgeving.autoescape, omgeving.trim_blocks, omgeving.lstrip_blocks, omgeving.keep_trailing_newline,
        sorted(omgeving.filters),
    ))
    map_ = map_ / hashlib.sha256(kenmerk.encode()).hexdigest()[:16]
    try:
        map_.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None

    class StilleCache(jinja2.FileSystemBytecodeCache):
        def load_bytecode(self, bucket: Any) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # noqa: BLE001 - a file cut short (power lost while writing): compile again
                bucket.reset()

        def dump_bytecode(self, bucket: Any) -> None:
            try:
                super().dump_bytecode(bucket)
            except OSError:
                pass  # a cache that cannot be written only costs the next export its compile

    return StilleCache(str(map_))


def _sjablonen_cache_map() -> str | None:
    try:
        return str(cache_map() / "sjablonen")
    except RuntimeError:  # no home folder to keep a cache in
        return None


@functools.lru_cache(maxsize=16)
def _omgeving(map_: str, cache: str | None, begrensd: bool = False) -> Any:
    """The Jinja environment for the templates in `map_`; `begrensd` for a municipality's own,
    which then run with limits on time and size (opslag.export.grenzen). Ours run without: the
    hooks would only cost time."""
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from opslag.export.grenzen import BegrensdeOmgeving, begrens_filters

    omgeving = (BegrensdeOmgeving if begrensd else SandboxedEnvironment)(
        loader=FileSystemLoader(map_),  # only this folder: '../' or an absolute path is not found
        autoescape=False,  # Markdown, not HTML: the filters below escape, and _finalize catches the rest
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
    )
    omgeving.filters.update(
        cel=markdown_tekst.cel,
        regel=markdown_tekst.regel,
        blok=markdown_tekst.blok,
        datum=markdown_tekst.datum,
        lange_datum=markdown_tekst.lange_datum,
        dag_datum=markdown_tekst.dag_datum,
    )
    if begrensd:
        begrens_filters(omgeving)
    if cache is not None:
        omgeving.bytecode_cache = _sjablooncache(omgeving, Path(cache))
    return omgeving


def _plaats_in_sjabloon(fout: BaseException, map_: Path, standaard: Path) -> tuple[Path, int | None]:
    """The template file and line where a rendering error happened, from Jinja's rewritten traceback."""
    for frame in reversed(traceback.extract_tb(fout.__traceback__)):
        pad = Path(frame.filename)
        if pad.is_relative_to(map_) and pad != map_:
            return pad, frame.lineno
    return standaard, None


def _vertaal(fout: BaseException, namen: list[str]) -> str:
    from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    melding = str(getattr(fout, "message", None) or fout)
    if isinstance(fout, TemplateNotFound):
        return (
            f"het sjabloon '{fout.name}' staat niet in de map van dit sjabloon; een sjabloon kan alleen "
            "andere sjablonen uit zijn eigen map gebruiken."
        )
    if isinstance(fout, UndefinedError):
        match = re.search(r"has no attribute '([^']+)'", melding) or re.search(r"'([^']+)' is undefined", melding)
        naam = match[1] if match else melding
        return f"'{naam}' is onbekend. Beschikbaar zijn: {', '.join(namen)} (zie de uitleg bovenaan het standaardsjabloon)."
    if isinstance(fout, SecurityError):
        return f"dit is in een sjabloon niet toegestaan ({melding})."
    if isinstance(fout, TemplateSyntaxError):
        if melding.startswith("No filter named"):
            return f"onbekende filter ({melding}); gebruik cel, regel, blok, datum, lange_datum of dag_datum."
        return f"de opbouw van het sjabloon klopt niet ({melding})."
    return f"het sjabloon kon niet worden ingevuld ({type(fout).__name__}: {melding})."


def maak_markdown(document: Gegevens, standaard: Path, sjabloon: Path | str | None = None) -> str:
    """Fill in our template `standaard`, or a municipality's own (`sjabloon`), and normalise the output."""
    from jinja2 import TemplateError, TemplateSyntaxError

    from opslag.export import grenzen

    pad = Path(sjabloon) if sjabloon is not None else standaard
    if not pad.exists():
        raise SjabloonFout(pad, None, "het sjabloonbestand bestaat niet.")
    if not pad.is_file():
        raise SjabloonFout(pad, None, "dit is geen bestand (maar bijvoorbeeld een map).")
    pad = pad.resolve()
    map_ = pad.parent
    gegevens = {naam: getattr(document, naam) for naam in type(document).model_fields}
    eigen = sjabloon is not None  # a municipality's own: limited in time and size
    try:
        if eigen:
            with grenzen.grenzen():
                sjabloon_ = _omgeving(str(map_), _sjablonen_cache_map(), begrensd=True).get_template(pad.name)
                tekst = grenzen.verzamel(sjabloon_.generate(gegevens))
        else:
            tekst = _omgeving(str(map_), _sjablonen_cache_map()).get_template(pad.name).render(gegevens)
    except (grenzen.Overschreden, MemoryError):
        raise SjabloonFout(pad, None, grenzen.melding()) from None
    except TemplateSyntaxError as fout:
        bestand = Path(fout.filename) if fout.filename else pad
        raise SjabloonFout(bestand, fout.lineno, _vertaal(fout, list(gegevens))) from None
    except UnicodeDecodeError:
        raise SjabloonFout(pad, None, "het sjabloon is geen tekst in UTF-8.") from None
    except (TemplateError, ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as fout:
        bestand, regel = _plaats_in_sjabloon(fout, map_, pad)
        raise SjabloonFout(bestand, regel, _vertaal(fout, list(gegevens))) from None
    except RecursionError:
        raise SjabloonFout(pad, None, "het sjabloon roept zichzelf eindeloos aan.") from None
    return markdown_tekst.normaliseer(tekst.lstrip("\ufeff"))
