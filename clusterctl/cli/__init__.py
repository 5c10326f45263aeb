"""The command line: a thin layer over the library (the only package that imports typer).

Each module registers its commands on the one typer `app`, in the order `--help` lists them;
importing them here is cheap (heavy libraries are imported inside the commands).
"""

from clusterctl.cli import (  # noqa: I001 - the order of --help
    check_cmds,  # validate, when, schema, rules
    query_cmds,  # overdue, upcoming, status, who
    render_cmds,  # render, templates
    export_cmds,  # export ics
    edit_cmds,  # done, reschedule, cancel, start
)
from clusterctl.cli.app import app, main

__all__ = ["app", "check_cmds", "edit_cmds", "export_cmds", "main", "query_cmds", "render_cmds"]
