"""The one exception tree: every error the software reports to its user.

A `DvoError` carries its Dutch message and the exit code the command ends with
(1: the data or the work failed, 2: the command was used wrongly). Stages raise them;
the CLI turns them into output in one place (`cli/usage.DutchGroup.main`, and the
preview server between rebuilds), so no command catches its own errors to print them.

Most are leaves of this tree where they are raised (InvalidProject in load/findings.py,
PublishError in publish/transaction.py, ...). An error that subclasses a library's
exception as well (a Jinja TemplateError, a ValueError) keeps that base second, so code
that catches the library's kind still catches it.
"""

from __future__ import annotations

EXIT_FAILED = 1  # invalid data, or work that could not be done
EXIT_USAGE = 2  # the command was used wrongly


class DvoError(Exception):
    """An error for the user: a Dutch message (no traceback) and an exit code.

    `gevolg` says what the failure means for the user's files ("er is niets geschreven"),
    when the raiser knows it."""

    exit_code = EXIT_FAILED

    def __init__(self, message: str = "", *, gevolg: str | None = None):
        super().__init__(message)
        self.gevolg = gevolg

    @property
    def message(self) -> str:
        """The Dutch message (a property, as in Jinja's TemplateError, which one subclass extends)."""
        return str(self.args[0]) if self.args else ""

    def lines(self) -> list[str]:
        """What the user sees, one line each (stderr)."""
        text = f"Fout: {self.message}"
        if self.gevolg:
            text += f". {self.gevolg}"
        return [text]


class UsageFault(DvoError):
    """The command was given an option, argument or combination it cannot use."""

    exit_code = EXIT_USAGE


class NotFound(DvoError):
    """What the command was asked for does not exist (a revision, a gemeente): one line, exit 2.
    Unlike a UsageFault, the command's usage line would not help."""

    exit_code = EXIT_USAGE
