"""Paths and URLs of data sources as a file writes them: where a path points, what a URL hides.

No Django here (``okrs lint`` reads files with it). Two rules:

- a relative files path means "next to the YAML file": it is made absolute against the file's
  folder when the file is read, so the stored source does not depend on where the worker starts;
- ``${NAME}`` is never expanded here, neither on import nor on export: the worker reads the
  variable when a query runs, so a secret kept in the environment never reaches a file.
"""

from __future__ import annotations

import os
import re

from okrs.metrics.connectors import ENV_REFERENCE, redacted_url

HIDDEN = "***"
# "scheme://user:password@", for schemes redacted_url does not read (a ${NAME} scheme …).
_INLINE_PASSWORD = re.compile(r"(?P<head>://[^:/@]*:)(?P<password>[^@/]*)(?P<tail>@)")


def is_relative(path: str) -> bool:
    """Whether ``path`` is read from the file's folder: not absolute, not starting with ${NAME}."""
    return not (os.path.isabs(path) or path.startswith("${"))


def resolved_path(path: str, folder: str | None) -> str:
    """``path`` made absolute against ``folder`` (the YAML file's); unchanged when it cannot be.

    ``${NAME}`` parts are kept as written: ``data/${DAY}.csv`` becomes ``/okrs/data/${DAY}.csv``.
    """
    if folder is None or not path or not is_relative(path):
        return path
    return os.path.normpath(os.path.join(folder, path))


def url_for_file(url: str) -> str:
    """``url`` as ``okrs export`` writes it: as stored, except secrets, shown as ``***``.

    ``connectors.redacted_url`` hides the password and secret options and keeps ``${NAME}`` as
    written (a password written as ``${DB_PASSWORD}`` is no secret). Two cases it cannot read
    are settled here: text built from ``${NAME}`` without ``://`` holds no secret of its own, and
    a password after a scheme it does not recognise (``${SCHEME}://user:password@…``) is hidden.
    """
    if "://" not in url and ENV_REFERENCE.search(url):
        return url
    redacted = redacted_url(url)
    inline = _INLINE_PASSWORD.search(redacted)
    password = inline["password"] if inline else ""
    if password not in ("", HIDDEN) and not ENV_REFERENCE.fullmatch(password):
        redacted = _INLINE_PASSWORD.sub(lambda m: f"{m['head']}{HIDDEN}{m['tail']}", redacted)
    return redacted


def hides_password(url: str) -> bool:
    """Whether ``url`` is one that export redacted: its password replaced by ``***``."""
    return HIDDEN in url
