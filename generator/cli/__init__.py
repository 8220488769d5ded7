"""The `dvo` command: the click group (app.py) and one module per group of commands.

Importing a command module registers its commands on `main`.
"""

from generator.cli import bijwerken, data, dvo_versies, gemeenten, importing, init, schema, site  # noqa: F401  (registers the commands)
from generator.cli.app import main

__all__ = ["main"]
