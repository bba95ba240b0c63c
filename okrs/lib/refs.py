"""Refs: the stable, readable ids of teams, objectives, key results and initiatives.

A ref is what an OKRs-as-code file calls an object (``checkout``, ``o-make-reordering-effortless``,
``kr-repeat-purchase-rate``), so that importing the file again updates it instead of adding a copy.
Pure Python, no Django: the YAML format's checks and the services share these rules.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from typing import Final

REF_MAX_LENGTH: Final = 64
# Letters, digits, "-", "_" and "."; it starts with a letter or a digit.
REF_PATTERN: Final = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
REF_RE: Final = re.compile(REF_PATTERN)
# Generated refs stay short enough to read in a file and to type.
GENERATED_MAX_LENGTH: Final = 40
REF_PREFIXES: Final = {
    "team": "",
    "objective": "o-",
    "key_result": "kr-",
    "initiative": "i-",
    "data_source": "",
}
_FALLBACK: Final = {
    "team": "team",
    "objective": "o",
    "key_result": "kr",
    "initiative": "i",
    "data_source": "source",
}


def is_ref(text: str) -> bool:
    return bool(REF_RE.match(text))


def slug_words(text: str) -> str:
    """``"Make reordering effortless!"`` -> ``"make-reordering-effortless"`` (ASCII, lower case)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _shorten(slug: str, limit: int) -> str:
    """Cut at a word boundary so that the ref stays readable."""
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1]
    return cut.rsplit("-", 1)[0] if "-" in cut[:limit] else slug[:limit]


def ref_base(kind: str, text: str) -> str:
    """The ref an object of ``kind`` (team, objective, key_result, initiative) would get from ``text``."""
    prefix = REF_PREFIXES[kind]
    words = _shorten(slug_words(text), GENERATED_MAX_LENGTH - len(prefix))
    return prefix + words if words else _FALLBACK[kind]


def ref_unique(base: str, taken: Collection[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` … the first one not in ``taken``."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
