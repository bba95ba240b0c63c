"""Guess the language of a key result from its function words and verbs.

Each language scores the words of the text it knows (``Vocabulary.detection_words``), plus
``VERB_WEIGHT`` when the text opens with one of its verbs (only the opening verb counts:
"active" inside "weekly active users" is not the French "activer"). The highest score wins; a tie, or no clue at all, goes to
the language listed first in ``LANGUAGES`` (English).
"""

from __future__ import annotations

import functools
import re
from typing import Final

from okrs.coach.parsing.grammar import Grammar, fold_case, grammar_for
from okrs.coach.parsing.languages import DEFAULT_LANGUAGE, LANGUAGES
from okrs.coach.parsing.vocabulary import VERB_WEIGHT

_WORD: Final = re.compile(r"[^\W\d_]+'?")


@functools.cache
def _grammars() -> tuple[Grammar, ...]:
    """Each language's grammar, in the order of ``LANGUAGES``, looked up once."""
    return tuple(grammar_for(code) for code in LANGUAGES)


@functools.cache
def _weights() -> dict[str, tuple[int, ...]]:
    """Each detection word with its weight in every language, in the order of ``LANGUAGES``.

    One lookup per word of the text then serves all the languages.
    """
    words = {word for vocabulary in LANGUAGES.values() for word in vocabulary.detection_words}
    return {
        word: tuple(vocabulary.detection_words.get(word, 0) for vocabulary in LANGUAGES.values())
        for word in words
    }


def language_scores(text: str) -> dict[str, int]:
    """Every language's score for ``text`` (higher means more likely)."""
    # The opening verb is read in the lowered text when lowering keeps every position.
    folded = fold_case(text)
    read = text if folded is None else folded
    words = _WORD.findall((text.lower() if folded is None else folded).replace("\u2019", "'"))
    table = _weights()
    found = [table[word] for word in words if word in table]
    totals = [sum(column) for column in zip(*found, strict=True)] if found else None
    scores = {}
    for index, grammar in enumerate(_grammars()):
        score = totals[index] if totals is not None else 0
        opens_with_verb = grammar.words_for(folded).leading_verb.match(read) is not None
        scores[grammar.vocabulary.code] = score + (VERB_WEIGHT if opens_with_verb else 0)
    return scores


def detect_language(text: str) -> str:
    """The code of the language ``text`` is most likely written in ("en" when unsure)."""
    scores = language_scores(text)
    best = max(scores.values(), default=0)
    if best <= 0:
        return DEFAULT_LANGUAGE
    # Dicts keep insertion order, so ties go to the language registered first (English).
    return next(code for code, score in scores.items() if score == best)
