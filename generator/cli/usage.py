"""Usage errors and help in Dutch: option types, the help layout and the error report.

click words its own messages in English. Our options use the types below, which
say in Dutch what was expected and what was found; `DutchGroup.main` reports any
usage error as `Fout: ...` with the usage line and exits 2, translating the
messages click still produces itself (unknown option, missing argument, a
command of another issue that uses a plain click type).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from generator.util.errors import EXIT_USAGE, DvoError, UsageFault

_INTEGER = re.compile(r"[+-]?[0-9]+")


class Aantal(click.ParamType):
    """A whole number from `minimum` up (e.g. --jobs)."""

    name = "aantal"

    def __init__(self, minimum: int):
        self.minimum = minimum

    def convert(self, value, param, ctx) -> int:
        text = str(value).strip()
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif _INTEGER.fullmatch(text):
            number = int(text)
        else:
            number = None
        if number is None or number < self.minimum:
            self.fail(f"verwacht een geheel getal van {self.minimum} of meer, gevonden '{text}'", param, ctx)
        return number


class Poort(click.ParamType):
    """A TCP port, 0 (any free port) to 65535."""

    name = "poort"

    def convert(self, value, param, ctx) -> int:
        text = str(value).strip()
        if not _INTEGER.fullmatch(text) or not 0 <= int(text) <= 65535:
            self.fail(
                f"verwacht een poortnummer van 0 tot en met 65535 (0 = een vrije poort), gevonden '{text}'", param, ctx
            )
        return int(text)


class Jaartal(click.ParamType):
    name = "jaar"

    def convert(self, value, param, ctx) -> int:
        text = str(value).strip()
        if not re.fullmatch(r"[0-9]{4}", text):
            self.fail(f"verwacht een jaartal zoals 2016, gevonden '{text}'", param, ctx)
        return int(text)


class Map(click.ParamType):
    """An existing folder (e.g. --root)."""

    name = "map"

    def convert(self, value, param, ctx) -> Path:
        path = Path(value)
        if path.is_file() or (path.exists() and not path.is_dir()):
            self.fail(f"'{value}' is een bestand, geen map; geef de map van de regio-repository", param, ctx)
        if not path.exists():
            self.fail(f"de map '{value}' bestaat niet", param, ctx)
        return path


class Bestand(click.ParamType):
    """An existing file that the command reads (e.g. the export for `dvo import`)."""

    name = "bestand"

    def convert(self, value, param, ctx) -> Path:
        path = Path(value)
        if path.is_dir():
            self.fail(f"'{value}' is een map, geen bestand", param, ctx)
        if not path.exists():
            self.fail(f"het bestand '{value}' bestaat niet", param, ctx)
        return path


class Deel(click.ParamType):
    """A CI shard as I/N (e.g. --deel 2/3)."""

    name = "deel"

    def convert(self, value, param, ctx) -> tuple[int, int]:
        from generator.publish.shards import ShardError, parse_deel

        if isinstance(value, tuple):
            return value
        try:
            return parse_deel(str(value))
        except ShardError as exc:
            self.fail(exc.message, param, ctx)


_SECTIONS = {"Options": "Opties", "Commands": "Commando's", "Arguments": "Argumenten"}


# click's own words in help texts (metavars of its types, the marks after an option's help).
_HELP_WORDS = [
    (re.compile(r"(?<=[ =])TEXT\b"), "TEKST"),
    (re.compile(r"(?<=[ =])DIRECTORY\b"), "MAP"),
    (re.compile(r"(?<=[ =])FILE\b"), "BESTAND"),
    (re.compile(r"(?<=[ =])PATH\b"), "PAD"),
    (re.compile(r"(?<=[ =])INTEGER\b"), "GETAL"),
    (re.compile(r"(?<=[ =])FLOAT\b"), "GETAL"),
]
_HELP_MARKS = [("[required]", "[verplicht]"), ("[default: ", "[standaard: "), ("; required]", "; verplicht]")]


def dutch_help_row(term: str, text: str) -> tuple[str, str]:
    """One row of an options list with click's English words in Dutch."""
    for pattern, word in _HELP_WORDS:
        term = pattern.sub(word, term)
    for english, dutch in _HELP_MARKS:
        text = text.replace(english, dutch)
    return term, text


class DutchFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "Gebruik: " if prefix is None else prefix)

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([dutch_help_row(term, text) for term, text in rows], col_max, col_spacing)

    def section(self, name: str):
        return super().section(_SECTIONS.get(name, name))


class DutchContext(click.Context):
    formatter_class = DutchFormatter


class DutchCommand(click.Command):
    context_class = DutchContext

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPTIES]")
        super().__init__(*args, **kwargs)

    def invoke(self, ctx):
        """A UsageFault raised by the command is reported like click's own usage errors:
        with the command's usage line and help hint."""
        try:
            return super().invoke(ctx)
        except UsageFault as exc:
            raise click.UsageError(exc.message, ctx) from exc

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "Toon deze hulp en stop."
        return option


class DutchGroup(DutchCommand, click.Group):
    """The `dvo` group: its commands are DutchCommands, and usage errors are reported in Dutch."""

    command_class = DutchCommand

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("subcommand_metavar", "COMMANDO [ARGUMENTEN]...")
        super().__init__(*args, **kwargs)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            report_usage_error(exc)
            sys.exit(EXIT_USAGE)
        except DvoError as exc:
            report_error(exc)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(f"Fout: {translate(exc.format_message())}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Afgebroken.", err=True)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) and not isinstance(result, bool) else 0)


def report_error(exc: DvoError) -> None:
    """Every error for the user is printed here (and by `dvo serve` between rebuilds)."""
    for line in exc.lines():
        click.echo(line, err=True)


def report_usage_error(exc: click.UsageError) -> None:
    lines = []
    if exc.ctx is not None:
        lines += [exc.ctx.get_usage(), f"Hulp: {exc.ctx.command_path} -h", ""]
    lines.append(f"Fout: {dutch_message(exc)}")
    click.echo("\n".join(lines), err=True)


def dutch_message(exc: click.UsageError) -> str:
    if isinstance(exc, click.NoSuchOption):
        maybe = f"; bedoelt u {' of '.join(sorted(exc.possibilities))}?" if exc.possibilities else ""
        return f"onbekende optie '{exc.option_name}'{maybe}"
    if isinstance(exc, click.MissingParameter) and exc.param is not None:
        if isinstance(exc.param, click.Argument):
            return f"het argument {exc.param.human_readable_name} ontbreekt"
        return f"de optie {' / '.join(exc.param.opts)} ontbreekt"
    if isinstance(exc, click.BadParameter):
        hint = exc.param_hint or (exc.param.get_error_hint(exc.ctx) if exc.param is not None else None)
        text = translate(exc.message)
        return f"ongeldige waarde voor {_quoted(hint)}: {text}" if hint else f"ongeldige waarde: {text}"
    text = translate(exc.message)
    if text.startswith("onbekend commando") and exc.ctx is not None and isinstance(exc.ctx.command, click.Group):
        text += f"; beschikbaar zijn: {', '.join(exc.ctx.command.list_commands(exc.ctx))}"
    return text


def _quoted(hint) -> str:
    if isinstance(hint, (list, tuple)):
        return " / ".join(f"'{h}'" for h in hint)
    hint = str(hint)
    return hint if hint.startswith(("'", '"')) else f"'{hint}'"


# click's own messages (types, parser) that a command may still produce, in Dutch.
_TRANSLATIONS = [
    (r"(?P<v>.+) is not a valid integer\.", "{v} is geen geheel getal"),
    (r"(?P<v>.+) is not a valid float\.", "{v} is geen getal"),
    (r"(?P<v>.+) is not one of (?P<c>.+)\.", "{v} is geen van: {c}"),
    (r"(?P<v>.+) is not (?P<c>'[^']*')\.", "{v} is niet {c}"),
    (r"(?P<v>.+) is not in the range (?P<r>.+)\.", "{v} ligt buiten het bereik {r}"),
    (r"(?:File|Directory|Path) (?P<f>.+) does not exist\.", "{f} bestaat niet"),
    (r"(?:File|Directory|Path) (?P<f>.+) is a file\.", "{f} is een bestand, geen map"),
    (r"(?:File|Directory|Path) (?P<f>.+) is a directory\.", "{f} is een map, geen bestand"),
    (r"Got unexpected extra arguments? \((?P<a>.+)\)", "onverwacht extra argument: {a}"),
    (r"Option (?P<o>.+) requires an argument\.", "de optie {o} verwacht een waarde"),
    (r"Option (?P<o>.+) requires \d+ arguments\.", "de optie {o} verwacht meer waarden"),
    (r"Option (?P<o>.+) does not take a value\.", "de optie {o} heeft geen waarde"),
    (r"No such command (?P<c>.+)\.", "onbekend commando {c}"),
    (r"No such option:? (?P<o>.+?)\.?", "onbekende optie {o}"),
]


def translate(message: str) -> str:
    """click's English message in Dutch; our own (already Dutch) messages unchanged."""
    for pattern, dutch in _TRANSLATIONS:
        match = re.fullmatch(pattern, message.strip(), flags=re.DOTALL)
        if match:
            return dutch.format(**match.groupdict())
    return message
