"""Regular expressions built once per language from its ``Vocabulary``.

Every pattern is compiled the first time a language is used and kept (``grammar_for`` is
cached), so parsing a sentence only runs precompiled expressions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from okrs.coach.numbers import NUMBER_PATTERN
from okrs.coach.parsing.languages import vocabulary_for
from okrs.coach.parsing.vocabulary import (
    ARROWS,
    COMPARATORS,
    MULTIPLIER_SYMBOLS,
    UNIT_SYMBOLS,
    Role,
    VerbKind,
    Vocabulary,
)

FLAGS = re.IGNORECASE
# Checked first, so "non superare" is not read as "superare" and "keep" wins over "hold".
VERB_ORDER = (
    VerbKind.NOT_EXCEED,
    VerbKind.KEEP,
    VerbKind.DECREASE,
    VerbKind.INCREASE,
    VerbKind.EXCEED,
    VerbKind.NEUTRAL,
)
# What may come before the verb at the start of a key result: a bullet, a number, "KR2:", or a
# short label ending in a colon ("Support: reduce …").
LABEL = (
    r"^[\s,;]*(?:[-\u2013—•*·>]+\s*|\(?\d{1,2}[.)]\s+|\(?[a-z][.)]\s+)?"
    r"(?:KR\s*\d*\s*[:.)\-\u2013—]\s*)?(?:[^:\n]{1,40}:\s*)?"
)


def phrase_pattern(phrase: str, *, bounded_start: bool = True) -> str:
    """A whole-word, case-insensitive pattern for ``phrase``; spaces match any whitespace.

    ``bounded_start=False`` lets the phrase follow a digit, for units and multipliers ("24h").
    """
    words = [re.escape(word) for word in phrase.split()]
    body = r"\s+".join(words).replace("'", r"['\u2019]\s*")
    if body.endswith(r"\s*"):
        body = body[: -len(r"\s*")]
    start = r"(?<!\w)" if bounded_start and phrase[:1].isalnum() else ""
    end = r"(?!\w)" if phrase[-1:].isalnum() or phrase[-1:] == "." else ""
    return start + body + end


def alternation(phrases: Iterable[str], *, bounded_start: bool = True) -> str:
    """One group matching any of ``phrases``, longest first so "at least" beats "at"."""
    ordered = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    patterns = (phrase_pattern(phrase, bounded_start=bounded_start) for phrase in ordered)
    return "(?:" + "|".join(patterns) + ")"


def normalize_phrase(text: str) -> str:
    """The key a matched phrase is looked up by: lower case, single spaces, plain apostrophes."""
    return re.sub(r"'\s+", "'", " ".join(text.lower().replace("\u2019", "'").split()))


@dataclass(frozen=True)
class Grammar:
    """The compiled patterns of one language."""

    vocabulary: Vocabulary
    token: re.Pattern[str]
    marker_before: re.Pattern[str]
    marker_roles: Mapping[str, Role]
    or_more: re.Pattern[str]
    or_less: re.Pattern[str]
    leading_verb: re.Pattern[str]
    units: Mapping[str, str]
    multipliers: Mapping[str, int]
    stopwords: re.Pattern[str]
    trailing_junk: re.Pattern[str]
    noun_connectors: re.Pattern[str]
    time_unit_words: str

    def unit_of(self, word: str | None) -> str | None:
        """The canonical unit for a matched unit word or symbol."""
        if word is None:
            return None
        return self.units.get(normalize_phrase(word))

    def multiplier_of(self, word: str | None) -> int:
        """The factor of a matched multiplier (1 when there is none)."""
        if word is None:
            return 1
        return MULTIPLIER_SYMBOLS.get(word) or self.multipliers.get(normalize_phrase(word), 1)


def _token_pattern(vocabulary: Vocabulary) -> str:
    """One number with its currency, multiplier, unit and a trailing "+", as a regex."""
    currency_prefix = r"(?:(?<!\w)(?:usd|eur|gbp|chf|jpy)(?!\w)|us\$|[€$£¥])"
    symbols = "|".join(
        re.escape(symbol) for symbol in sorted(MULTIPLIER_SYMBOLS, key=lambda s: -len(s))
    )
    multiplier = rf"(?:(?-i:{symbols})(?![^\W\d_])(?!\d)|{alternation(vocabulary.multipliers, bounded_start=False)})"
    unit_words = {**UNIT_SYMBOLS, **vocabulary.units}
    units = alternation(unit_words, bounded_start=False)
    connectors = alternation(("di", "de", "d'", "of"))
    return (
        rf"(?:(?P<pre>{currency_prefix})\s?|(?<![\w.,]))"
        rf"(?P<num>{NUMBER_PATTERN})"
        rf"(?:\s?(?P<mult>{multiplier}))?"
        rf"(?:\s?(?(mult)(?:{connectors}\s?)?)(?P<unit>{units}))?"
        r"(?P<plus>\+(?!\d))?"
        r"(?![^\W\d_])(?!-[^\W\d_])"
    )


def _marker_pattern(vocabulary: Vocabulary) -> str:
    """A marker (and an article) at the very end of the text before a number."""
    words = alternation(vocabulary.markers)
    symbols = "|".join(
        re.escape(symbol) for symbol in sorted([*COMPARATORS, *ARROWS], key=lambda s: -len(s))
    )
    articles = alternation(vocabulary.articles)
    # "to under 2%", "a meno del 2%", "à moins de 2 %": the threshold is what counts.
    to_words = alternation(w for w, role in vocabulary.markers.items() if role is Role.TARGET)
    # "al massimo a 2 ore", "au moins à 50": the threshold, then a plain "to".
    return (
        rf"(?:{to_words}\s+)?(?P<marker>{words}|{symbols})(?:\s+{to_words})?"
        rf"\s*(?:{articles}\s*)?$"
    )


def _verb_pattern(vocabulary: Vocabulary) -> str:
    groups = []
    for kind in VERB_ORDER:
        fragments = vocabulary.verbs.get(kind, ())
        if fragments:
            groups.append(rf"(?P<{kind.value}>{'|'.join(fragments)})")
    return rf"(?<!\w)(?:{'|'.join(groups)})(?!\w)"


def _build(vocabulary: Vocabulary) -> Grammar:
    marker_roles: dict[str, Role] = {
        normalize_phrase(word): role for word, role in vocabulary.markers.items()
    }
    marker_roles.update(COMPARATORS)
    marker_roles.update(dict.fromkeys(ARROWS, Role.TARGET))
    verbs = _verb_pattern(vocabulary)
    units = {normalize_phrase(k): v for k, v in {**UNIT_SYMBOLS, **vocabulary.units}.items()}
    time_words = [
        word
        for word, unit in vocabulary.units.items()
        if unit in {"days", "weeks", "months", "years"} and len(word) > 2
    ]
    stopwords = alternation(vocabulary.metric_stopwords)
    return Grammar(
        vocabulary=vocabulary,
        token=re.compile(_token_pattern(vocabulary), FLAGS),
        marker_before=re.compile(_marker_pattern(vocabulary), FLAGS),
        marker_roles=marker_roles,
        or_more=re.compile(
            rf"^(?P<noun>\s*[^\W\d_]+)??\s*{alternation(vocabulary.or_more)}", FLAGS
        ),
        or_less=re.compile(
            rf"^(?P<noun>\s*[^\W\d_]+)??\s*{alternation(vocabulary.or_less)}", FLAGS
        ),
        leading_verb=re.compile(LABEL + verbs, FLAGS),
        units=units,
        multipliers={normalize_phrase(k): v for k, v in vocabulary.multipliers.items()},
        stopwords=re.compile(rf"^(?:{stopwords}\s*)+", FLAGS),
        trailing_junk=re.compile(rf"(?:[\s,;:(\[\-\u2013—/]+|\s{stopwords})+$", FLAGS),
        noun_connectors=re.compile(
            rf"^\s*(?:{alternation(vocabulary.noun_connectors)}\s*)+", FLAGS
        ),
        time_unit_words=alternation(time_words),
    )


@functools.cache
def grammar_for(lang: str) -> Grammar:
    """The compiled grammar of ``lang`` (built on first use, then reused)."""
    return _build(vocabulary_for(lang))
