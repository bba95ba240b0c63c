"""OKRs as code: an organization's teams, data sources, cycle, objectives and key results in YAML.

``load_document`` reads and checks a file (no database, no Django settings), ``load_plan`` gives
the linter's ``Plan`` of it; ``okrs.exchange.importer`` and ``okrs.exchange.exporter`` move it in
and out of the database. The format is documented in ``docs/yaml-format.md`` and described by
``okrs.schema.json``.

The readers are imported when first called, so that registering the `okrs import` and `okrs
export` commands costs nothing to the other commands.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from okrs.exchange.errors import ExchangeError, ExchangeIssue, UnreadableFileError

if TYPE_CHECKING:
    from okrs.coach.plan import Plan
    from okrs.exchange.document import Document

__all__ = [
    "ExchangeError",
    "ExchangeIssue",
    "UnreadableFileError",
    "document_from_text",
    "load_document",
    "load_plan",
]


def load_document(path: str | Path, *, complete: bool = False) -> Document:
    """Read and check the file at ``path``.

    Raises ExchangeError with every structural problem (UnreadableFileError when the file cannot
    be read at all); with ``complete`` (before an import) also with what the database needs and
    the file lacks (``Document.incomplete``).
    """
    from okrs.exchange.build import build_document
    from okrs.exchange.reading import read_file

    return _checked(build_document(read_file(path)), complete=complete)


def document_from_text(
    text: str, *, file: str = "<text>", complete: bool = False, folder: str | Path | None = None
) -> Document:
    """``load_document`` for text already in memory; ``file`` names it in messages.

    ``folder`` is where the text's relative paths (of files data sources) are read from; without
    one, such a path lints but cannot be imported.
    """
    from okrs.exchange.build import build_document
    from okrs.exchange.reading import read_text

    where = None if folder is None else os.path.abspath(folder)
    return _checked(build_document(read_text(text, file, where)), complete=complete)


def _checked(document: Document, *, complete: bool) -> Document:
    if complete and document.incomplete:
        raise ExchangeError(list(document.incomplete))
    return document


def load_plan(path: str | Path) -> tuple[Document, Plan]:
    """The file at ``path`` as the linter's Plan, with the path and line of every object.

    A file that cannot be imported yet still lints (a key result without a target becomes one
    with ``target=None``); ``Document.incomplete`` says what an import would refuse.
    """
    from okrs.exchange.plan import document_plan

    document = load_document(path)
    return document, document_plan(document)
