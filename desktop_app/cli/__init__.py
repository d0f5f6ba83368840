"""`renkei-desk`, the command line: one module per command group, `main` the entry point.

`app` parses the arguments and runs the chosen command's handler; each group's module
registers its commands and imports the services it calls inside its handlers, so that
`--help` and a refused argument answer without loading the database layer.
"""

from desktop_app.cli.app import build_parser, main

__all__ = ["build_parser", "main"]
