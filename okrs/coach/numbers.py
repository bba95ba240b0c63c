"""Numbers as people write them in English, Italian and French key results.

Pure Python, no Django. ``parse_number("1.500", "it")`` gives ``Decimal("1500")`` and
``parse_number("1,5", "it")`` gives ``Decimal("1.5")``. The rules, and why the ambiguous
cases fall the way they do, are in ``docs/coach-parser.md`` ("Numbers"); keep both in step.

The rules in short:

* Spaces of any width (plain, no-break U+00A0, narrow no-break U+202F, thin U+2009) only ever
  group thousands: ``50 000`` is fifty thousand in every language.
* When both ``.`` and ``,`` appear, the rightmost one is the decimal mark: ``1.234,5`` and
  ``1,234.5`` are both 1234.5, whatever the language.
* A mark that appears twice or more groups thousands: ``1.000.000``, ``1,000,000``.
* A single mark that is the language's own decimal mark (``.`` in English, ``,`` in Italian
  and French) is a decimal mark: ``1,234`` is 1.234 in Italian and French, ``1.234`` is 1.234
  in English.
* A single *other* mark groups thousands when it looks like a group — one to three digits
  (not a lone ``0``), the mark, exactly three digits — and is a decimal mark otherwise:
  ``1,234`` is 1234 in English, ``1.500`` is 1500 in Italian, but ``1.5`` and ``99.9`` stay
  decimals in Italian and ``0,5`` stays a half in English.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Final

# The language's own decimal mark; the other of "." and "," may group thousands.
DECIMAL_MARKS: Final[dict[str, str]] = {"en": ".", "it": ",", "fr": ","}

# Every kind of space that is written between groups of thousands.
GROUP_SPACES: Final = " \u00a0\u202f\u2009"
_SPACE_CLASS = "[ \u00a0\u202f\u2009]"
MINUS_SIGNS: Final = "-\u2212"

# One number as it appears in running text. Space-grouped thousands need every group after the
# first to be exactly three digits, so "from 10 to 20" never reads as 1020.
NUMBER_PATTERN: Final = (
    rf"[{MINUS_SIGNS}]?(?>"
    rf"\d{{1,3}}(?:{_SPACE_CLASS}\d{{3}}(?!\d))+(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)*"
    r")"
)
_NUMBER_RE: Final = re.compile(NUMBER_PATTERN)
_GROUPED_RE: Final = re.compile(r"[1-9]\d{0,2}(?:X\d{3})+")


class NumberFormatError(ValueError):
    """The text is not one number in any format this module knows."""


def _looks_grouped(digits: str, mark: str) -> bool:
    """True when ``digits`` reads as thousands grouped by ``mark`` (``1.500``, ``12,345``)."""
    return _GROUPED_RE.fullmatch(digits.replace(mark, "X")) is not None


def _canonical(digits: str, lang: str) -> str:
    """Rewrite ``digits`` (only digits, "." and ",") with "." as the only, decimal, mark."""
    dots, commas = digits.count("."), digits.count(",")
    if dots and commas:
        decimal_mark = "." if digits.rfind(".") > digits.rfind(",") else ","
        group_mark = "," if decimal_mark == "." else "."
        whole, _, fraction = digits.rpartition(decimal_mark)
        if decimal_mark in whole or not _looks_grouped(whole, group_mark):
            raise NumberFormatError(digits)
        return whole.replace(group_mark, "") + "." + fraction
    if not dots and not commas:
        return digits
    mark = "." if dots else ","
    if dots + commas > 1:
        if not _looks_grouped(digits, mark):
            raise NumberFormatError(digits)
        return digits.replace(mark, "")
    if mark != DECIMAL_MARKS.get(lang, ".") and _looks_grouped(digits, mark):
        return digits.replace(mark, "")
    return digits.replace(mark, ".")


def parse_number(text: str, lang: str = "en") -> Decimal:
    """Read one number written the way ``lang`` writes numbers; exact, as a ``Decimal``.

    Raises ``NumberFormatError`` when ``text`` is not a single number.
    """
    if text.isdecimal():  # plain digits, the most common number: nothing to read
        return Decimal(text)
    stripped = text.strip()
    if _NUMBER_RE.fullmatch(stripped) is None:
        raise NumberFormatError(text)
    negative = stripped[0] in MINUS_SIGNS
    digits = stripped.lstrip(MINUS_SIGNS)
    for space in GROUP_SPACES:
        digits = digits.replace(space, "")
    try:
        value = Decimal(_canonical(digits, lang))
    except InvalidOperation as error:  # pragma: no cover - the pattern admits digits only
        raise NumberFormatError(text) from error
    return -value if negative else value


def format_decimal(value: Decimal) -> str:
    """A plain, exponent-free rendering without trailing zeros: ``Decimal("80.0")`` -> ``80``."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")
