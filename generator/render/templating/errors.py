"""Why a document could not be made, in Dutch, naming the template and line at fault.

A region may override any template; a missing, broken or mistaken template must
then end in a message per document that says which file and why, never in a
Python traceback. Jinja reports template lines in its tracebacks, so the
innermost template frame tells where the problem is.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import TemplateNotFound, TemplatesNotFound, TemplateSyntaxError, UndefinedError

TEMPLATE_SUFFIXES = (".html", ".md")


def describe(exc: BaseException, dirs: tuple[Path, ...] = ()) -> str:
    """One Dutch sentence for a failed render; `dirs` is the template search path (override first)."""
    where = _template_line(exc, dirs)
    at = f" (in {where})" if where else ""
    if isinstance(exc, TemplatesNotFound):
        return f"geen van de sjablonen {', '.join(map(str, exc.templates))} gevonden{at}; gezocht in {_places(dirs)}"
    if isinstance(exc, TemplateNotFound):
        return f"sjabloon '{exc.name}' ontbreekt{at}; gezocht in {_places(dirs)}"
    if isinstance(exc, TemplateSyntaxError):
        shown = _shown(exc.filename, dirs) if exc.filename else f"'{exc.name}'"
        return f"fout in de opmaak van sjabloon {shown}, regel {exc.lineno} (Jinja meldt: {exc.message})"
    if isinstance(exc, UndefinedError):
        return f"sjabloon gebruikt een waarde die niet bestaat{at} (Jinja meldt: {exc.message})"
    if isinstance(exc, FileNotFoundError) and str(exc).startswith("sjabloon "):
        return str(exc)  # Templates.find already says which file and where it looked
    if type(exc).__module__.startswith("generator."):
        return str(exc)  # our own errors are Dutch and complete (refused fetch, unknown reference)
    return f"onverwachte fout{at}: {type(exc).__name__}: {exc}"


def _template_line(exc: BaseException, dirs: tuple[Path, ...]) -> str | None:
    """`dvo_templates/dvo.html, regel 12` for the innermost template frame of the traceback."""
    found = None
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(TEMPLATE_SUFFIXES):
            found = f"{_shown(filename, dirs)}, regel {tb.tb_lineno}"
        tb = tb.tb_next
    return found


def _shown(filename: str, dirs: tuple[Path, ...]) -> str:
    """A template file as a user knows it: the region's override by its path, the package's by name."""
    path = Path(filename)
    for i, folder in enumerate(dirs):
        if path.is_relative_to(folder):
            rel = path.relative_to(folder).as_posix()
            is_package = i == len(dirs) - 1
            return f"'{rel}' van het pakket" if is_package else f"{folder.name}/{rel}"
    return f"'{filename}'"


def _places(dirs: tuple[Path, ...]) -> str:
    if not dirs:
        return "de sjablonen"
    names = [f"{d.name}/ van de regio" for d in dirs[:-1]] + ["de sjablonen van het pakket"]
    return " en ".join(names)
