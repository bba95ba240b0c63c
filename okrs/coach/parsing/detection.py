"""Guess the language of a key result from its function words and verbs.

Each language scores the words of the text it knows (``Vocabulary.detection_words``), plus
``VERB_WEIGHT`` when the text opens with one of its verbs (only the opening verb counts:
"active" inside "weekly active users" is not the French "activer"). The highest score wins; a tie, or no clue at all, goes to
the language listed first in ``LANGUAGES`` (English).
"""

from __future__ import annotations

import re
from typing import Final

from okrs.coach.parsing.grammar import grammar_for
from okrs.coach.parsing.languages import DEFAULT_LANGUAGE, LANGUAGES
from okrs.coach.parsing.vocabulary import VERB_WEIGHT

_WORD: Final = re.compile(r"[^\W\d_]+'?")


def language_scores(text: str) -> dict[str, int]:
    """Every language's score for ``text`` (higher means more likely)."""
    words = _WORD.findall(text.lower().replace("\u2019", "'"))
    scores = {}
    for code, vocabulary in LANGUAGES.items():
        score = sum(vocabulary.detection_words.get(word, 0) for word in words)
        opens_with_verb = grammar_for(code).leading_verb.match(text) is not None
        scores[code] = score + (VERB_WEIGHT if opens_with_verb else 0)
    return scores


def detect_language(text: str) -> str:
    """The code of the language ``text`` is most likely written in ("en" when unsure)."""
    scores = language_scores(text)
    best = max(scores.values(), default=0)
    if best <= 0:
        return DEFAULT_LANGUAGE
    # Dicts keep insertion order, so ties go to the language registered first (English).
    return next(code for code, score in scores.items() if score == best)
