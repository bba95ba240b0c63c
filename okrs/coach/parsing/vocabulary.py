"""What a language module gives the key-result parser: its words, as plain data.

A language is one module (``en.py``, ``it.py``, ``fr.py``) that builds one ``Vocabulary``.
Everything that depends on the language lives there; the parser itself
(``okrs.coach.parsing.engine``) only knows the roles words play. Adding a language is
described in ``docs/coach-parser.md``.

Word lists are written in lower case and matched case-insensitively, whole words only. An
entry may be a phrase ("at least", "en dessous de") and may end in an apostrophe ("dall'").
Verb entries are regular-expression fragments, so one entry covers a verb's forms
("reduc(?:e|es|ed|ing|tion)").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final


class Role(StrEnum):
    """What the word right before a number says about that number."""

    BASELINE = "baseline"  # from, dal, de … à
    TARGET = "target"  # to, al, à, →
    AT_LEAST = "at_least"  # at least, almeno, au moins, ≥
    AT_MOST = "at_most"  # under, sotto, moins de, <
    CHANGE = "change"  # by (30%): a change, not a value to reach
    # Italian "di"/"del": a change after a verb of direction ("ridurre del 30%"), otherwise the
    # value itself ("raggiungere un NPS di 50").
    CHANGE_OR_VALUE = "change_or_value"
    # French "de": "from" when "à" follows ("de 5 % à 3 %"), else like CHANGE_OR_VALUE
    # ("augmenter de 10 %" is a change, "atteindre un NPS de 50" a value).
    BASELINE_OR_CHANGE = "baseline_or_change"


class VerbKind(StrEnum):
    """What the key result's verb says about the direction."""

    INCREASE = "increase"
    DECREASE = "decrease"
    NEUTRAL = "neutral"  # reach, bring, improve: the numbers decide
    KEEP = "keep"  # keep, maintain: a threshold to hold (at least unless "below")
    EXCEED = "exceed"  # exceed, superare, dépasser: at least
    NOT_EXCEED = "not_exceed"  # not exceed, non superare, ne pas dépasser: at most


@dataclass(frozen=True)
class Vocabulary:
    """Every word the parser needs for one language."""

    code: str
    name: str
    # Language detection: word -> weight. Verbs found by ``verbs`` add ``VERB_WEIGHT`` more.
    detection_words: Mapping[str, int]
    # Verb regex fragments by kind, matched as whole words at any position.
    verbs: Mapping[VerbKind, tuple[str, ...]]
    # Words right before a number, and the role they give it.
    markers: Mapping[str, Role]
    # Words that may stand between a marker and its number ("sotto il 2%", "moins de 5").
    articles: tuple[str, ...]
    # Leading words dropped from a metric ("the", "il", "les", "our").
    metric_stopwords: tuple[str, ...]
    # Words between a number and the noun after it ("90% of tickets", "il 90% di copertura").
    noun_connectors: tuple[str, ...]
    # Words after a number that turn it into a threshold ("or more", "o meno").
    or_more: tuple[str, ...]
    or_less: tuple[str, ...]
    # Unit words -> canonical unit (see ``UNIT_SYMBOLS`` for the shared symbols).
    units: Mapping[str, str]
    # Multiplier words -> factor ("mila": 1000). Symbols (k, M, bn) are shared.
    multipliers: Mapping[str, int]
    # Month names and abbreviations -> month number.
    months: Mapping[str, int]
    # Ordinals for "third quarter", "terzo trimestre", "3e trimestre".
    ordinals: Mapping[str, int]
    quarter_nouns: tuple[str, ...]
    half_nouns: tuple[str, ...]
    quarter_letters: tuple[str, ...]  # Q4, and T4 in French
    half_letters: tuple[str, ...]  # H1, and S1 in French
    # Words that introduce a deadline ("by the end of", "entro", "d'ici").
    deadline_prefixes: tuple[str, ...]
    # Words between a deadline's prefix and its date ("entro il", "d'ici le").
    deadline_articles: tuple[str, ...]
    # Word between a quarter or half and its year ("Q4 of 2026", "terzo trimestre del 2026").
    year_connectors: tuple[str, ...]
    # Whole deadline phrases -> normalized deadline ("fine anno": "year-end").
    deadline_phrases: Mapping[str, str]
    # Words before "N weeks" that make it a deadline ("within", "nei prossimi").
    relative_prefixes: tuple[str, ...]
    # Words allowed between N and the unit in a relative deadline ("prochains").
    relative_infixes: tuple[str, ...]
    # Day-month order in written dates ("30 June" True; "June 30" also read in English).
    month_day_first: bool
    # Numeric dates: "dmy" reads 03/04/2026 as 3 April, "mdy" as March 4.
    numeric_date_order: str
    # How a from/to key result is written, for hints: "from 30% to 40%".
    example_from_to: str
    example_threshold: str
    # Words after a number that are never the noun of a count ("by", "entro").
    noun_stopwords: tuple[str, ...] = field(default_factory=tuple)


# A verb found in the text weighs this much in language detection.
VERB_WEIGHT: Final = 3

# Shared across languages: symbols and codes are the same everywhere.
CURRENCY_SYMBOLS: Final[dict[str, str]] = {
    "€": "EUR",
    "eur": "EUR",
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "£": "GBP",
    "gbp": "GBP",
    "chf": "CHF",
    "¥": "JPY",
    "jpy": "JPY",
}
UNIT_SYMBOLS: Final[dict[str, str]] = {
    **CURRENCY_SYMBOLS,
    "%": "%",
    "pp": "pp",
    "p.p.": "pp",
    "ms": "ms",
    "s": "seconds",
    "sec": "seconds",
    "secs": "seconds",
    "min": "minutes",
    "mins": "minutes",
    "h": "hours",
    "hr": "hours",
    "hrs": "hours",
    "pts": "points",
    "pt": "points",
    "kb": "KB",
    "mb": "MB",
    "gb": "GB",
    "tb": "TB",
}
# Symbol multipliers are case-sensitive: "M" is a million, "m" is not.
MULTIPLIER_SYMBOLS: Final[dict[str, int]] = {
    "k": 1_000,
    "K": 1_000,
    "M": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "Mio": 1_000_000,
    "bn": 1_000_000_000,
    "B": 1_000_000_000,
    "Md": 1_000_000_000,
    "Mds": 1_000_000_000,
    "Mrd": 1_000_000_000,
}
COMPARATORS: Final[dict[str, Role]] = {
    "<=": Role.AT_MOST,
    "=<": Role.AT_MOST,
    "≤": Role.AT_MOST,
    "<": Role.AT_MOST,
    ">=": Role.AT_LEAST,
    "≥": Role.AT_LEAST,
    ">": Role.AT_LEAST,
}
ARROWS: Final = ("→", "->", "=>", "⟶", "➜", "➔", "-->")
# Time units that convert into one another, in seconds, so "from 2 hours to 90 minutes" compares.
SECONDS_PER_UNIT: Final[dict[str, int]] = {
    "ms": 0,  # handled apart: a thousandth of a second
    "seconds": 1,
    "minutes": 60,
    "hours": 3_600,
    "days": 86_400,
    "weeks": 604_800,
}
MONTH_NAMES_EN: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
