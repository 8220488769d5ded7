"""Progress for long work: a rich progress bar on a terminal, plain lines in CI or a pipe."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager

import click


def _interactive() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def progress(description: str, total: int):
    """Yields `advance(message)`; each call marks one unit done."""
    if _interactive():
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=False
        ) as bar:
            task = bar.add_task(description, total=total)

            def advance(message: str) -> None:
                bar.console.print(message)
                bar.advance(task)

            yield advance
    else:
        done = 0

        def advance(message: str) -> None:
            nonlocal done
            done += 1
            click.echo(f"[{done}/{total}] {message}", err=True)

        yield advance
