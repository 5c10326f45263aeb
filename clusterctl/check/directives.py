"""Switching checks off inside a plan: a comment `# clusterctl: disable=code,code` (codes or
rule names) anywhere in the file."""

from __future__ import annotations

import re

_DIRECTIVE = rb"#\s*clusterctl:\s*disable\s*=\s*([A-Za-z0-9_,\- ]+)"
"""A pattern, compiled on first use (`re` caches it): most files hold no directive, so
start-up need not compile it."""


def file_directives(data: bytes) -> frozenset[str]:
    """Codes disabled for the whole file by a `# clusterctl: disable=code,code` comment."""
    if b"clusterctl:" not in data:
        return frozenset()
    codes: set[str] = set()
    for match in re.finditer(_DIRECTIVE, data):
        codes.update(c.strip() for c in match.group(1).decode("ascii").split(",") if c.strip())
    return frozenset(codes)
