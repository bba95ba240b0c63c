"""Regular expressions built once per language from its ``Vocabulary``.

Every pattern is compiled the first time a language is used and kept (``grammar_for`` is
cached), so parsing a sentence only runs precompiled expressions.

The patterns that look for words around the numbers (markers, "or more", the opening verb)
are compiled twice (``WordPatterns``): case-insensitively for the text as written, and
case-sensitively for the text ``fold_case`` lowered. Both find the same matches; the second
runs several times faster, because the regex engine can then rule a position out on its first
letter instead of trying every word of a long list there.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final, TypeVar

from okrs.coach.numbers import MINUS_SIGNS, NUMBER_PATTERN
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
# short label ending in a colon ("Support: reduce …"). In lower case, as it also runs
# case-sensitively on lowered text. The label is possessive (``{1,40}+``): giving characters
# back could never end it on a colon, so the engine need not try.
LABEL = (
    r"^[\s,;]*(?:[-\u2013—•*·>]+\s*|\(?\d{1,2}[.)]\s+|\(?[a-z][.)]\s+)?"
    r"(?:kr\s*\d*\s*[:.)\-\u2013—]\s*)?(?:[^:\n]{1,40}+:\s*)?"
)
# What ``Grammar.trailing_junk`` takes off the end of a metric, with spaces and stopwords.
METRIC_JUNK = ",;:([-\u2013—/"
# The most characters a number token starts before its first digit: "us$ -5", "usd 5".
DIGIT_REACH = len("us$") + len(" ") + len("-")
_CURRENCY_WORDS = ("usd", "eur", "gbp", "chf", "jpy")
_CURRENCY_SIGNS = "€$£¥"
# What can stand right before a number's first digit (or one space before it) when its token
# starts earlier: the last character of a currency, or a minus sign ("USD 5", "€5", "-5").
TOKEN_OPENER_ENDINGS: Final = frozenset(
    {word[-1] for word in _CURRENCY_WORDS} | set(_CURRENCY_SIGNS) | set(MINUS_SIGNS)
)


WORD_START = r"(?<!\w)"
_Value = TypeVar("_Value")


def phrase_pattern(phrase: str, *, bounded_start: bool = True) -> str:
    """A whole-word, case-insensitive pattern for ``phrase``; spaces match any whitespace.

    ``bounded_start=False`` lets the phrase follow a digit, for units and multipliers ("24h").
    """
    words = [re.escape(word) for word in phrase.split()]
    body = r"\s+".join(words).replace("'", r"['\u2019]\s*")
    if body.endswith(r"\s*"):
        body = body[: -len(r"\s*")]
    start = WORD_START if bounded_start and phrase[:1].isalnum() else ""
    end = r"(?!\w)" if phrase[-1:].isalnum() or phrase[-1:] == "." else ""
    return start + body + end


def alternation(phrases: Iterable[str], *, bounded_start: bool = True) -> str:
    r"""One group matching any of ``phrases``, longest first so "at least" beats "at".

    Two habits make the patterns built from long word lists several times faster, and match
    exactly what one check per phrase, in that order, matches:

    * the phrases that must start a word share one ``(?<!\w)`` in front of them, so the regex
      engine rules a position inside a word out in one step;
    * phrases are grouped by their first character ("at least|above|at" becomes
      "a(?:t\s+least|bove|t)"), so at each position the engine tries a few groups instead of
      every phrase. Phrases of two groups cannot match at one position, so only the order
      inside a group counts, and it is kept.
    """
    ordered = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    patterns = [phrase_pattern(phrase, bounded_start=bounded_start) for phrase in ordered]
    groups: dict[tuple[bool, str], list[str]] = {}
    if any(not phrase[:1] or phrase[0].isspace() for phrase in ordered):
        return _in_order(patterns)  # no first character to group by
    for phrase, pattern in zip(ordered, patterns, strict=True):
        key = (pattern.startswith(WORD_START), phrase[0])
        groups.setdefault(key, []).append(pattern.removeprefix(WORD_START))
    if not _distinct_starts([first for _, first in groups]):
        return _in_order(patterns)
    bounded = "|".join(_factored(first, bodies) for (word, first), bodies in groups.items() if word)
    free = "|".join(
        _factored(first, bodies) for (word, first), bodies in groups.items() if not word
    )
    branches = [f"{WORD_START}(?:{bounded})" if bounded else "", free]
    return "(?:" + "|".join(branch for branch in branches if branch) + ")"


def _in_order(patterns: list[str]) -> str:
    """The phrase patterns one after the other, a run of word starts sharing one check."""
    runs: list[tuple[bool, list[str]]] = []
    for pattern in patterns:
        bounded = pattern.startswith(WORD_START)
        body = pattern.removeprefix(WORD_START)
        if runs and runs[-1][0] == bounded:
            runs[-1][1].append(body)
        else:
            runs.append((bounded, [body]))
    branches = (
        f"{WORD_START}(?:{'|'.join(bodies)})" if bounded else "|".join(bodies)
        for bounded, bodies in runs
    )
    return "(?:" + "|".join(branches) + ")"


def _distinct_starts(firsts: list[str]) -> bool:
    """True when no character starts phrases of two groups, whatever its case."""
    if "'" in firsts and "\u2019" in firsts:  # ``phrase_pattern`` reads one as the other
        return False
    return not any(
        re.fullmatch(re.escape(first), other, re.IGNORECASE)
        for index, first in enumerate(firsts)
        for other in firsts[index + 1 :]
    )


def _factored(first: str, bodies: list[str]) -> str:
    """``first(?:rest|rest…)`` for the bodies of the phrases that start with ``first``."""
    head = re.escape(first)
    if len(bodies) == 1 or not all(body.startswith(head) for body in bodies):
        return "|".join(bodies)
    return head + "(?:" + "|".join(body[len(head) :] for body in bodies) + ")"


def fold_case(text: str) -> str | None:
    """``text`` in lower case, where a case-sensitive pattern of lower-case words finds just
    what the case-insensitive one finds in ``text``, at the same positions; else ``None``.

    Case-sensitive patterns of plain words let the regex engine skip ahead to their first
    letters, which a case-insensitive one cannot. Lowering agrees with the engine's own
    case folding except for dotted capital I (two characters once lowered), and long s and
    dotless i (U+017F, U+0131), which the engine also matches to "s" and "i"
    (``tests/coach/test_fold_case.py`` checks this over every character).
    """
    folded = text.lower()
    if len(folded) != len(text) or "\u017f" in text or "\u0131" in text:
        return None
    return folded


_APOSTROPHE_SPACE = re.compile(r"'\s+")


def normalize_phrase(text: str) -> str:
    """The key a matched phrase is looked up by: lower case, single spaces, plain apostrophes."""
    words = " ".join(text.lower().replace("\u2019", "'").split())
    return _APOSTROPHE_SPACE.sub("'", words) if "'" in words else words


@dataclass(frozen=True)
class WordPatterns:
    """The patterns that read the words around the numbers, for one way of writing the text.

    ``Grammar.exact`` reads the text as written, case-insensitively; ``Grammar.lowered`` reads
    it once ``fold_case`` has lowered it, case-sensitively, and finds the same matches faster.
    """

    marker_before: re.Pattern[str]
    or_more: re.Pattern[str]
    or_less: re.Pattern[str]
    # Matches where either of the two does: most numbers have neither, and one test says so.
    or_more_or_less: re.Pattern[str]
    leading_verb: re.Pattern[str]


@dataclass(frozen=True)
class Grammar:
    """The compiled patterns of one language.

    ``token`` and the metric patterns always read the text as written: "M" is a million and
    "m" is not, and the metric keeps its capitals.
    """

    vocabulary: Vocabulary
    token: re.Pattern[str]
    marker_roles: Mapping[str, Role]
    exact: WordPatterns
    lowered: WordPatterns
    units: Mapping[str, str]
    multipliers: Mapping[str, int]
    stopwords: re.Pattern[str]
    trailing_junk: re.Pattern[str]
    # The metric stopwords, when each is one word (``engine._without_trailing_junk``).
    trailing_stopwords: frozenset[str] | None
    longest_stopword: int
    noun_connectors: re.Pattern[str]
    # What ends the noun after a count at a word such as "and" ("2,000 customers and …").
    noun_stop: re.Pattern[str] | None
    time_unit_words: str
    # The first words of "or more" and "or less" ("or", "o", "et"), lowered; ``None`` when a
    # phrase is one word or its first word holds an apostrophe (``engine._may_say_or_more``).
    or_more_openers: frozenset[str] | None

    def words_for(self, folded: str | None) -> WordPatterns:
        """The word patterns for a text whose ``fold_case`` is ``folded``."""
        return self.exact if folded is None else self.lowered

    def unit_of(self, word: str | None) -> str | None:
        """The canonical unit for a matched unit word or symbol."""
        if word is None:
            return None
        return lookup_phrase(self.units, word)

    def multiplier_of(self, word: str | None) -> int:
        """The factor of a matched multiplier (1 when there is none)."""
        if word is None:
            return 1
        return MULTIPLIER_SYMBOLS.get(word) or lookup_phrase(self.multipliers, word) or 1


def lookup_phrase(table: Mapping[str, _Value], phrase: str) -> _Value | None:
    """``table[normalize_phrase(phrase)]``, or ``None``; keys must be normalized phrases.

    A key is its own normal form, so a phrase found as it is needs no normalizing: most are
    ("%", "days", "at least").
    """
    found = table.get(phrase)
    return found if found is not None else table.get(normalize_phrase(phrase))


def _token_pattern(vocabulary: Vocabulary) -> str:
    """One number with its currency, multiplier, unit and a trailing "+", as a regex."""
    currency_prefix = rf"(?:(?<!\w)(?:{'|'.join(_CURRENCY_WORDS)})(?!\w)|us\$|[{_CURRENCY_SIGNS}])"
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
    """A marker (and an article) at the very end of the text before a number.

    A match starts at a word ("to", "at least") or at a symbol ("≥", "->"). The pattern says
    so before anything else: one check, instead of trying every marker at every position.
    """
    pieces = (*vocabulary.markers, *vocabulary.articles, *COMPARATORS, *ARROWS)
    if any(character.isdecimal() for piece in pieces for character in piece):
        # ``engine._assign_roles`` starts looking for a marker after the digits before it.
        raise ValueError(f"{vocabulary.code}: a marker or an article holds a digit")
    words = alternation(vocabulary.markers)
    symbol_list = sorted([*COMPARATORS, *ARROWS], key=lambda s: -len(s))
    symbols = "|".join(re.escape(symbol) for symbol in symbol_list)
    articles = alternation(vocabulary.articles)
    # "to under 2%", "a meno del 2%", "à moins de 2 %": the threshold is what counts.
    to_words = alternation(w for w, role in vocabulary.markers.items() if role is Role.TARGET)
    # Where a match may start when no word ends right before it: a symbol, or a marker that
    # does not begin with a letter or digit (``alternation`` bounds only those that do).
    firsts = {symbol[0] for symbol in symbol_list}
    firsts |= {word[0] for word in vocabulary.markers if not word[:1].isalnum()}
    if "'" in firsts:
        firsts.add("\u2019")
    starts = "".join(re.escape(first) for first in sorted(firsts))
    # "al massimo a 2 ore", "au moins à 50": the threshold, then a plain "to".
    return (
        rf"(?:{WORD_START}|(?=[{starts}]))"
        rf"(?:{to_words}\s+)?(?P<marker>{words}|{symbols})(?:\s+{to_words})?"
        rf"\s*(?:{articles}\s*)?$"
    )


def _verb_pattern(vocabulary: Vocabulary) -> str:
    """One named group per kind of verb; the group that matched (``lastgroup``) is the kind."""
    groups = []
    for kind in VERB_ORDER:
        fragments = vocabulary.verbs.get(kind, ())
        if any(re.compile(fragment).groups for fragment in fragments):
            raise ValueError(f"{vocabulary.code} {kind} verbs: use (?:…), not capturing groups")
        if fragments:
            groups.append(rf"(?P<{kind.value}>{'|'.join(fragments)})")
    return rf"(?<!\w)(?:{'|'.join(groups)})(?!\w)"


def _word_patterns(vocabulary: Vocabulary, flags: int) -> WordPatterns:
    """The word patterns compiled with ``flags``: ``FLAGS``, or 0 for lowered text.

    The words in a vocabulary are lower case, and so are the letters of these patterns, so
    compiled without ``re.IGNORECASE`` they match lowered text just as they match any text
    with it.
    """
    more, less = alternation(vocabulary.or_more), alternation(vocabulary.or_less)
    return WordPatterns(
        marker_before=re.compile(_marker_pattern(vocabulary), flags),
        or_more=re.compile(rf"^(?P<noun>\s*[^\W\d_]+)??\s*{more}", flags),
        or_less=re.compile(rf"^(?P<noun>\s*[^\W\d_]+)??\s*{less}", flags),
        or_more_or_less=re.compile(rf"^(?:\s*[^\W\d_]+)??\s*(?:{more}|{less})", flags),
        leading_verb=re.compile(LABEL + _verb_pattern(vocabulary), flags),
    )


def _noun_stop(vocabulary: Vocabulary) -> re.Pattern[str] | None:
    stopwords = vocabulary.noun_stopwords
    if not stopwords:
        return None
    pattern = r"(?<!\w)(?:" + "|".join(map(re.escape, stopwords)) + r")(?!\w).*$"
    return re.compile(pattern, FLAGS | re.DOTALL)


def _one_word_stopwords(vocabulary: Vocabulary) -> frozenset[str] | None:
    """The metric stopwords, if each is one word with at most a final apostrophe ("l'")."""
    words = vocabulary.metric_stopwords
    if any(not word or word.split() != [word] or "'" in word[:-1] for word in words):
        return None
    return frozenset(normalize_phrase(word) for word in words)


def _build(vocabulary: Vocabulary) -> Grammar:
    marker_roles: dict[str, Role] = {
        normalize_phrase(word): role for word, role in vocabulary.markers.items()
    }
    marker_roles.update(COMPARATORS)
    marker_roles.update(dict.fromkeys(ARROWS, Role.TARGET))
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
        marker_roles=marker_roles,
        exact=_word_patterns(vocabulary, FLAGS),
        lowered=_word_patterns(vocabulary, 0),
        units=units,
        multipliers={normalize_phrase(k): v for k, v in vocabulary.multipliers.items()},
        stopwords=re.compile(rf"^(?:{stopwords}\s*)+", FLAGS),
        trailing_junk=re.compile(rf"(?:[\s{re.escape(METRIC_JUNK)}]+|\s{stopwords})+$", FLAGS),
        trailing_stopwords=_one_word_stopwords(vocabulary),
        longest_stopword=max(map(len, vocabulary.metric_stopwords), default=0),
        noun_connectors=re.compile(
            rf"^\s*(?:{alternation(vocabulary.noun_connectors)}\s*)+", FLAGS
        ),
        noun_stop=_noun_stop(vocabulary),
        time_unit_words=alternation(time_words),
        or_more_openers=_or_more_openers(vocabulary),
    )


def _or_more_openers(vocabulary: Vocabulary) -> frozenset[str] | None:
    phrases = [phrase.lower().split() for phrase in (*vocabulary.or_more, *vocabulary.or_less)]
    if any(len(words) < 2 or "'" in words[0] or "\u2019" in words[0] for words in phrases):
        return None
    return frozenset(words[0] for words in phrases)


@functools.cache
def grammar_for(lang: str) -> Grammar:
    """The compiled grammar of ``lang`` (built on first use, then reused)."""
    return _build(vocabulary_for(lang))
