"""Deadlines in key results, found and normalized to one language-neutral string.

Normal forms (see ``docs/coach-parser.md``, "Deadlines"):

=====================  =============================  ==============================
written                 normalized                     examples
=====================  =============================  ==============================
a quarter               ``Q3`` / ``2026-Q3``           by Q3, entro il Q3 2026, d'ici le T3
a half                  ``H1`` / ``2026-H1``           in H1, primo semestre, S1 2026
a month                 ``June`` / ``2026-06``         by June, entro fine giugno 2026
a day                   ``June 30`` / ``2026-06-30``   by June 30, entro il 30/06/2026
a year                  ``2026``                       by 2026, entro il 2026, fin 2026
the end of the year     ``year-end``                   by year-end, entro fine anno
the current quarter     ``quarter-end``                this quarter, ce trimestre
the next quarter/year   ``next quarter``/``next year``
the end of the cycle    ``cycle-end``
a span from now         ``within 90 days``             within 12 weeks, d'ici 6 mois
=====================  =============================  ==============================

A span shorter than two weeks ("within 2 days") is not a deadline: it is how fast something
must happen ("answer tickets within 2 hours"), so it stays in the text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from okrs.coach.parsing.grammar import FLAGS, alternation, grammar_for, normalize_phrase
from okrs.coach.parsing.vocabulary import MONTH_NAMES_EN, Vocabulary

_YEAR: Final = r"(?:19|20)\d{2}"
_MIN_SPAN_DAYS: Final = 14
_DAYS_PER_UNIT: Final = {"days": 1, "weeks": 7, "months": 30, "years": 365}
Reader = Callable[[re.Match[str]], "str | None"]


@dataclass(frozen=True)
class Deadline:
    """A deadline found in the text: where it is, and its normalized form."""

    start: int
    end: int
    value: str
    relative: bool = False


@dataclass(frozen=True)
class _Patterns:
    quarter: re.Pattern[str]
    period_words: re.Pattern[str]
    iso_date: re.Pattern[str]
    numeric_date: re.Pattern[str]
    day_month: re.Pattern[str]
    month_day: re.Pattern[str]
    month: re.Pattern[str]
    year: re.Pattern[str]
    phrase: re.Pattern[str]
    relative: re.Pattern[str]


def _prefix(vocabulary: Vocabulary, *, required: bool) -> str:
    prefixes = alternation(vocabulary.deadline_prefixes)
    articles = alternation(vocabulary.deadline_articles)
    group = rf"(?:{prefixes}\s*(?:{articles}\s*)?)"
    return group if required else group + "?"


def _year_tail(vocabulary: Vocabulary) -> str:
    """A year after a quarter or half: "Q4 2026", "Q4-2026", "Q4/26", "Q4'26", "Q4 of 2026"."""
    connectors = alternation(vocabulary.year_connectors)
    return (
        rf"(?:\s*[/\-]?\s*(?:{connectors}\s+)?(?P<year>{_YEAR})(?!\d)"
        r"|['\u2019/\-](?P<yy>\d{2})(?![\d%]))?"
    )


@functools.cache
def _patterns(lang: str) -> _Patterns:
    vocabulary = grammar_for(lang).vocabulary
    optional, required = _prefix(vocabulary, required=False), _prefix(vocabulary, required=True)
    letters = "".join(sorted({*vocabulary.quarter_letters, *vocabulary.half_letters}))
    # An abbreviation ("set", "jun") only counts with its period or a year: "5 set" is not a date.
    names = [name for name in vocabulary.months if not _is_abbreviation(name, vocabulary)]
    short = [name for name in vocabulary.months if _is_abbreviation(name, vocabulary)]
    months = rf"{alternation(names)}|{alternation(short)}(?=\.|\s+{_YEAR})"
    ordinals = alternation(vocabulary.ordinals)
    nouns = alternation((*vocabulary.quarter_nouns, *vocabulary.half_nouns))
    year_tail = _year_tail(vocabulary)
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|°|º)?"
    month = rf"(?P<month>{months})\.?"
    phrases = alternation(vocabulary.deadline_phrases)
    # "il ciclo", "l'anno" need their prefix ("entro il ciclo"); "fine anno" stands alone.
    standalone = alternation(
        phrase for phrase in vocabulary.deadline_phrases if not _needs_prefix(phrase, vocabulary)
    )
    time_units = grammar_for(lang).time_unit_words
    relative_prefixes = alternation(vocabulary.relative_prefixes)
    infixes = alternation(vocabulary.relative_infixes) if vocabulary.relative_infixes else "(?!)"
    articles = alternation(vocabulary.deadline_articles)

    def compile_(pattern: str) -> re.Pattern[str]:
        return re.compile(pattern, FLAGS)

    return _Patterns(
        quarter=compile_(
            rf"{optional}(?:(?P<lead>{_YEAR})[\s\-/]?)?(?<![\w])(?P<letter>[{letters}])\s?"
            rf"(?P<number>[1-4])(?!\d)(?![^\W\d_]){year_tail}(?![^\W\d_])"
        ),
        period_words=compile_(
            rf"{optional}(?P<ordinal>{ordinals})\s+(?P<noun>{nouns}){year_tail}(?![^\W\d_])"
        ),
        iso_date=compile_(
            rf"{optional}(?<![\w.,])(?P<year>{_YEAR})-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)"
        ),
        numeric_date=compile_(
            rf"{optional}(?<![\w.,])(?P<first>[0-3]?\d)(?P<sep>[/.])(?P<second>[0-3]?\d)(?P=sep)"
            rf"(?P<year>{_YEAR}|\d{{2}})(?![\d.,])"
        ),
        day_month=compile_(
            rf"{optional}(?<![\w.,]){day}\s+{month}(?:\s+(?P<year>{_YEAR}))?(?![^\W\d_])"
        ),
        month_day=compile_(
            "(?!)"  # Italian and French put the day first
            if vocabulary.month_day_first
            # Without "by", only a capitalized month: "may 5 people" is no date.
            else rf"(?:{required}|(?-i:(?=[A-Z])))"
            rf"{month}\s+{day}(?!\d)(?:,?\s+(?P<year>{_YEAR}))?(?![^\W\d_])"
        ),
        month=compile_(
            rf"(?:{required}|(?<!\w)(?=(?:{months})\.?\s+{_YEAR}))"
            rf"{month}(?:\s+(?P<year>{_YEAR}))?(?![^\W\d_])(?!\d)"
        ),
        # A bare year ends the sentence or a clause ("by 2027.", "by 2027, …") or opens it
        # ("By 2027 reach …"): "grow by 2000 customers" is a change, not a deadline.
        year=compile_(
            rf"(?:^\s*{required}(?P<year>{_YEAR})(?![\d.,%])|"
            rf"{required}(?P<year2>{_YEAR})(?=\s*(?:$|[,;:)\]!?]|\.(?!\d))))"
        ),
        phrase=compile_(rf"(?:{required}(?P<phrase>{phrases})|(?P<bare>{standalone}))"),
        relative=compile_(
            rf"(?<!\w){relative_prefixes}\s+(?:{articles}\s+)?(?P<count>\d{{1,3}})\s+"
            rf"(?:{infixes}\s+)?(?P<unit>{time_units})"
        ),
    )


def _needs_prefix(phrase: str, vocabulary: Vocabulary) -> bool:
    """True for an article and one noun ("il ciclo", "l'anno"): a date only after "entro"."""
    words = phrase.replace("'", "' ").split()
    return len(words) == 2 and words[0] in vocabulary.deadline_articles


def _is_abbreviation(name: str, vocabulary: Vocabulary) -> bool:
    """True for "set", "jun", "déc": a month key that begins a longer month key."""
    return any(other != name and other.startswith(name) for other in vocabulary.months)


def _year(match: re.Match[str], *names: str) -> int | None:
    for name in names:
        text = match.groupdict().get(name)
        if text:
            return 2000 + int(text) if len(text) == 2 else int(text)
    return None


def _period(match: re.Match[str], vocabulary: Vocabulary) -> str | None:
    """Q3, 2026-Q3, H1 … from a letter code or an ordinal with "quarter"/"trimestre"."""
    groups = match.groupdict()
    if groups.get("letter"):
        half = groups["letter"].upper() in {h.upper() for h in vocabulary.half_letters}
        number = int(groups["number"])
        if half and number > 2:
            return None
    else:
        noun = groups["noun"].lower()
        half = noun in vocabulary.half_nouns
        number = vocabulary.ordinals[" ".join(groups["ordinal"].lower().split())]
        if half and number > 2:
            return None
    code = f"{'H' if half else 'Q'}{number}"
    year = _year(match, "lead", "year", "yy")
    return f"{year}-{code}" if year else code


def _date(year: int | None, month: int, day: int | None) -> str | None:
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    if day is None:
        return f"{year}-{month:02d}" if year else MONTH_NAMES_EN[month - 1]
    return f"{year}-{month:02d}-{day:02d}" if year else f"{MONTH_NAMES_EN[month - 1]} {day}"


def _numeric_date(match: re.Match[str], vocabulary: Vocabulary) -> str | None:
    first, second = int(match["first"]), int(match["second"])
    month, day = (second, first) if vocabulary.numeric_date_order == "dmy" else (first, second)
    if month > 12 >= day:  # 30/06 in English, 06/30 in Italian: only one reading is a date
        month, day = day, month
    return _date(_year(match, "year"), month, day)


def _month_number(match: re.Match[str], vocabulary: Vocabulary) -> int:
    return vocabulary.months[match["month"].lower().rstrip(".")]


def _relative(match: re.Match[str], lang: str) -> str | None:
    unit = grammar_for(lang).unit_of(match["unit"]) or "days"
    count = int(match["count"])
    if count * _DAYS_PER_UNIT.get(unit, 1) < _MIN_SPAN_DAYS:
        return None
    return f"within {count} {unit if count != 1 else unit.rstrip('s')}"


def find_deadlines(text: str, lang: str) -> list[Deadline]:
    """Every deadline in ``text``, left to right, none overlapping another."""
    vocabulary = grammar_for(lang).vocabulary
    patterns = _patterns(lang)
    found: list[Deadline] = []

    def add(pattern: re.Pattern[str], read: Reader, *, relative: bool = False) -> None:
        for match in pattern.finditer(text):
            value = read(match)
            if value:
                found.append(Deadline(match.start(), match.end(), value, relative))

    add(patterns.quarter, lambda m: _period(m, vocabulary))
    add(patterns.period_words, lambda m: _period(m, vocabulary))
    add(patterns.iso_date, lambda m: _date(int(m["year"]), int(m["month"]), int(m["day"])))
    add(patterns.numeric_date, lambda m: _numeric_date(m, vocabulary))
    add(
        patterns.day_month,
        lambda m: _date(_year(m, "year"), _month_number(m, vocabulary), int(m["day"])),
    )
    add(
        patterns.month_day,
        lambda m: _date(_year(m, "year"), _month_number(m, vocabulary), int(m["day"])),
    )
    add(patterns.month, lambda m: _date(_year(m, "year"), _month_number(m, vocabulary), None))
    add(patterns.year, lambda m: m["year"] or m["year2"])
    add(
        patterns.phrase,
        lambda m: vocabulary.deadline_phrases.get(normalize_phrase(m["phrase"] or m["bare"])),
    )
    add(patterns.relative, lambda m: _relative(m, lang), relative=True)
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[Deadline] = []
    for deadline in found:
        if kept and deadline.start < kept[-1].end:
            continue
        kept.append(deadline)
    return kept


def choose_deadline(deadlines: list[Deadline]) -> Deadline | None:
    """The deadline of the key result: the first calendar one, else the first span."""
    for deadline in deadlines:
        if not deadline.relative:
            return deadline
    return deadlines[0] if deadlines else None
