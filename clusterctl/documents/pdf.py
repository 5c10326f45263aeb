"""PDF documents: WeasyPrint lays out the HTML document (the same template, its print styles:
A4, the table header repeated on every page, a task and its steps kept on one page, «стр. N
из M», Russian hyphenation) and embeds the fonts it used.

WeasyPrint is the extra `pdf` (`pip install 'clusterctl[pdf]'`: it needs Pango from the
system); without it the command says so. It fetches nothing: a URL in a template (an image,
a stylesheet) other than a `data:` one is refused, so a document never reads a local file or
the network. The layout runs in a child process within the render's limits (a stylesheet can
be as costly as a template).
"""

from __future__ import annotations

import datetime

from clusterctl.documents.bounded import Limits
from clusterctl.errors import UserError


class PdfMissing(UserError):
    """WeasyPrint (the extra `pdf`) is not installed, or the system lacks its libraries."""


def available() -> str | None:
    """None when WeasyPrint can be used; else why not (for the message)."""
    try:
        import weasyprint  # noqa: F401
    except ImportError as exc:  # not installed
        return str(exc)
    except OSError as exc:  # installed, but Pango (a system library) is missing
        return str(exc)
    return None


ARCHIVE_VARIANT = "pdf/a-3b"
"""`render --pdfa`: PDF/A-3b (ISO 19005-3), for archiving — fonts embedded, colours with an
ICC profile, XMP metadata."""


def _layout(html: str, title: str, created: datetime.date, archive: bool) -> bytes:
    import logging

    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    # WeasyPrint logs the URLs it refused and CSS it ignores; the document is still made
    logging.getLogger("weasyprint").setLevel(logging.CRITICAL)
    stamp = created.isoformat()
    # `data:` URLs only (what the built-in templates embed): never a file, never the network
    fetcher = URLFetcher(allowed_protocols={"data"}, timeout=1)
    document = HTML(string=html, url_fetcher=fetcher, base_url="about:blank").render()
    document.metadata.title = title
    document.metadata.created = stamp
    document.metadata.modified = stamp
    document.metadata.generator = "clusterctl"
    data: bytes = document.write_pdf(uncompressed_pdf=False,
                                     pdf_variant=ARCHIVE_VARIANT if archive else None)
    return data


def html_to_pdf(html: str, title: str, created: datetime.date, limits: Limits, name: str,
                lang: str, archive: bool = False) -> bytes:
    """The PDF of an HTML document made from the template `name` (dated `created`: the same
    input gives the same bytes; PDF/A-3b when `archive`). PdfMissing when WeasyPrint cannot
    be used; a `template-limit` TemplateProblem past the limits."""
    from clusterctl.documents.render import run_template

    why = available()
    if why is not None:
        raise PdfMissing("pdf.missing", reason=why)
    return run_template(_layout, html, title, created, archive, name=name, lang=lang,
                        limits=limits)


__all__ = ["PdfMissing", "available", "html_to_pdf"]
