"""Coach: help people write good key results. Pure Python, no Django.

``parse_key_result`` reads a key result sentence (English, Italian or French) into metric,
baseline, target, unit, direction and deadline; see ``docs/coach-parser.md``.
"""

from __future__ import annotations

from okrs.coach.numbers import NumberFormatError, parse_number
from okrs.coach.parsing import (
    LANGUAGES,
    Amount,
    ParsedKeyResult,
    UnknownLanguageError,
    detect_language,
    parse_key_result,
)

__all__ = [
    "LANGUAGES",
    "Amount",
    "NumberFormatError",
    "ParsedKeyResult",
    "UnknownLanguageError",
    "detect_language",
    "parse_key_result",
    "parse_number",
]
