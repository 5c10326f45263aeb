"""The command line: a thin layer over the library (the only package that imports typer).

Each module registers its commands on the one typer `app`; importing them here is cheap
(heavy libraries are imported inside the commands).
"""

import clusterctl.cli.export_cmds  # registers `export ics`
import clusterctl.cli.query_cmds  # registers overdue, upcoming, status, who
from clusterctl.cli import check_cmds
from clusterctl.cli.app import app, main

__all__ = ["app", "check_cmds", "main"]
