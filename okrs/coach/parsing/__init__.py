"""The key-result text parser: one vocabulary module per language (``en``, ``it``, ``fr``).

Pure Python, no Django. See ``docs/coach-parser.md``.
"""

from __future__ import annotations

from okrs.coach.parsing.detection import detect_language, language_scores
from okrs.coach.parsing.engine import Amount, ParsedKeyResult, parse_key_result
from okrs.coach.parsing.languages import LANGUAGES, UnknownLanguageError

__all__ = [
    "LANGUAGES",
    "Amount",
    "ParsedKeyResult",
    "UnknownLanguageError",
    "detect_language",
    "language_scores",
    "parse_key_result",
]
