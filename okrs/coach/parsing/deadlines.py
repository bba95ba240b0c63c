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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from okrs.coach.parsing.grammar import (
    FLAGS,
    alternation,
    fold_case,
    grammar_for,
    normalize_phrase,
)
from okrs.coach.parsing.vocabulary import MONTH_NAMES_EN, Vocabulary
from okrs.coach.runs import RunBits

_YEAR: Final = r"(?:19|20)\d{2}"
_MIN_SPAN_DAYS: Final = 14
_DAYS_PER_UNIT: Final = {"days": 1, "weeks": 7, "months": 30, "years": 365}
# Two whitespace characters in a row: the reach of a finder no longer bounds where it starts.
_SPACE_RUN: Final = re.compile(r"\s\s")
Reader = Callable[[re.Match[str], Vocabulary], "str | None"]


@dataclass(slots=True)  # one or two a sentence: slotted, not frozen, is built fastest; read-only
class Deadline:
    """A deadline found in the text: where it is, and its normalized form."""

    start: int
    end: int
    value: str
    relative: bool = False


@dataclass(frozen=True)
class _Finder:
    """One way of writing a deadline, and how to find it without scanning every sentence.

    Each pattern opens with optional words ("by the end of", "entro il") that the regex engine
    would try at every position of every sentence. Every match also contains a short part,
    the ``core`` ("Q3", a month name, a year), which a case-sensitive search over the lowered
    text finds far faster; a match starts at most ``reach`` characters before its core. So a
    sentence without the core is skipped, and one with it is scanned from ``reach`` before
    the core. The reach counts one character per space, hence ``_SPACE_RUN``.

    The scan itself runs on the lowered text too (``lowered``, case-sensitive, the same
    matches), except for a pattern that looks at capitals, which has no ``lowered``.
    """

    pattern: _Twins
    core: _Core
    reach: int
    read: Reader
    relative: bool = False


@dataclass(frozen=True)
class _Twins:
    """A pattern for the text as written, and its case-sensitive twin for the lowered text."""

    exact: re.Pattern[str]
    lowered: re.Pattern[str] | None


def _compile(pattern: str) -> _Twins:
    # The letters of the patterns are lower case; only "(?-i:…)" says that case matters.
    lowered = None if "(?-i:" in pattern else re.compile(pattern)
    return _Twins(re.compile(pattern, FLAGS), lowered)


@dataclass(frozen=True)
class _Core:
    """The core of a finder: a case-sensitive pattern for the text in lower case (``fold_case``).

    ``phrases`` are the words it is made of ("june", "end of year"), when it is words.
    """

    pattern: re.Pattern[str]
    phrases: tuple[str, ...] = ()


def _core(phrases: Iterable[str]) -> _Core:
    """The core of a finder whose matches hold one of ``phrases``.

    No ``(?<!\\w)`` in front: the engine then jumps from one first letter to the next.
    """
    lowered = tuple(phrase.lower() for phrase in phrases)
    return _Core(re.compile(alternation(lowered, bounded_start=False)), lowered)


def _longest(phrases: Iterable[str]) -> int:
    """The most characters a phrase of ``phrases`` spans when spaces are single.

    ``phrase_pattern`` lets a space after an apostrophe in ("dall' 85%"), hence the count.
    """
    return max(len(phrase) + phrase.count("'") for phrase in phrases)


def _prefix(vocabulary: Vocabulary, *, required: bool) -> str:
    prefixes = alternation(vocabulary.deadline_prefixes)
    articles = alternation(vocabulary.deadline_articles)
    group = rf"(?:{prefixes}\s*(?:{articles}\s*)?)"
    return group if required else group + "?"


def _prefix_reach(vocabulary: Vocabulary) -> int:
    """How long the words before a date can be: a prefix, a space, an article, a space."""
    return _longest(vocabulary.deadline_prefixes) + _longest(vocabulary.deadline_articles) + 2


def _year_tail(vocabulary: Vocabulary) -> str:
    """A year after a quarter or half: "Q4 2026", "Q4-2026", "Q4/26", "Q4'26", "Q4 of 2026"."""
    connectors = alternation(vocabulary.year_connectors)
    return (
        rf"(?:\s*[/\-]?\s*(?:{connectors}\s+)?(?P<year>{_YEAR})(?!\d)"
        r"|['\u2019/\-](?P<yy>\d{2})(?![\d%]))?"
    )


@dataclass(frozen=True)
class _Finders:
    """The finders of one language in the order they run, each with the index of its core.

    Several finders share a core (the months), which is looked for once per sentence.
    """

    cores: tuple[_Core, ...]
    finders: tuple[tuple[int, _Finder], ...]
    # For each run of non-spaces, which cores may occur in it: bit ``i`` for ``cores[i]``.
    # A core whose bit no run of a sentence sets is not searched for (most sentences hold no
    # month nor deadline phrase, nor a year or date); ``searched`` holds the bits of the cores
    # that can span two runs ("q 3"), which are always searched for.
    runs: RunBits
    searched: int


@functools.cache
def _finders(lang: str) -> _Finders:
    """The finders of ``lang``, built on first use (``_build_finders``), with their cores."""
    finders = _build_finders(lang)
    cores = list({id(finder.core): finder.core for finder in finders}.values())
    indexes = {id(core): index for index, core in enumerate(cores)}
    tests = [_run_test(core) for core in cores]
    never = re.compile("(?!)")
    searched = sum(1 << index for index, test in enumerate(tests) if test is None)
    return _Finders(
        tuple(cores),
        tuple((indexes[id(finder.core)], finder) for finder in finders),
        RunBits([never if test is None else test for test in tests]),
        searched,
    )


def _run_test(core: _Core) -> re.Pattern[str] | None:
    """What a run of non-spaces holds when ``core`` occurs in a sentence at that run; ``None``
    when a core can span two runs.

    A word core needs the last word of one of its phrases, ending a word when the phrase
    does; a code core without spaces ("2026", "30/06/26") lies inside one run itself.
    """
    if core.phrases:
        return re.compile("|".join(sorted({_last_word(phrase) for phrase in core.phrases})))
    pattern = core.pattern.pattern
    if "\\s" in pattern or " " in pattern:
        return None
    return core.pattern


def _last_word(phrase: str) -> str:
    """A pattern for the last word of a core phrase as ``phrase_pattern`` matches it.

    Words are cut at spaces and apostrophes (which may be followed by a space), so the last
    word lies inside one run of non-spaces; when the phrase must end a word, so must it.
    """
    word = re.split(r"[\s']+", phrase.strip(" '"))[-1]
    ends_word = phrase[-1:].isalnum() or phrase[-1:] == "."
    return re.escape(word) + (r"(?!\w)" if ends_word else "")


def _build_finders(lang: str) -> tuple[_Finder, ...]:
    """The finders of ``lang``; ``find_deadlines`` runs them in this order."""
    vocabulary = grammar_for(lang).vocabulary
    optional, required = _prefix(vocabulary, required=False), _prefix(vocabulary, required=True)
    reach = _prefix_reach(vocabulary)
    letters = "".join(sorted({*vocabulary.quarter_letters, *vocabulary.half_letters})).lower()
    # An abbreviation ("set", "jun") only counts with its period or a year: "5 set" is not a date.
    names = [name for name in vocabulary.months if not _is_abbreviation(name, vocabulary)]
    short = [name for name in vocabulary.months if _is_abbreviation(name, vocabulary)]
    months = rf"{alternation(names)}|{alternation(short)}(?=\.|\s+{_YEAR})"
    ordinals = alternation(vocabulary.ordinals)
    nouns = alternation((*vocabulary.quarter_nouns, *vocabulary.half_nouns))
    year_tail = _year_tail(vocabulary)
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|°|º)?"
    day_reach = len("31st") + 1  # and the space before the month
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
    month_core, year_core = _core(vocabulary.months), _Core(re.compile(_YEAR))

    finders = [
        _Finder(
            _compile(
                rf"{optional}(?:(?P<lead>{_YEAR})[\s\-/]?)?(?<![\w])(?P<letter>[{letters}])\s?"
                rf"(?P<number>[1-4])(?!\d)(?![^\W\d_]){year_tail}(?![^\W\d_])"
            ),
            _Core(re.compile(rf"[{letters}]\s?[1-4]")),
            reach + len("2026-"),
            _period,
        ),
        _Finder(
            _compile(
                rf"{optional}(?P<ordinal>{ordinals})\s+(?P<noun>{nouns}){year_tail}(?![^\W\d_])"
            ),
            _core((*vocabulary.quarter_nouns, *vocabulary.half_nouns)),
            reach + _longest(vocabulary.ordinals) + 1,
            _period,
        ),
        _Finder(
            _compile(
                rf"{optional}(?<![\w.,])(?P<year>{_YEAR})-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)"
            ),
            year_core,  # "2026-": the year core shared, so one search serves both
            reach,
            _iso_date,
        ),
        _Finder(
            _compile(
                rf"{optional}(?<![\w.,])(?P<first>[0-3]?\d)(?P<sep>[/.])(?P<second>[0-3]?\d)(?P=sep)"
                rf"(?P<year>{_YEAR}|\d{{2}})(?![\d.,])"
            ),
            _Core(re.compile(r"\d[/.]\d{1,2}[/.]\d\d")),
            reach + 1,  # the core may start at the second digit of the day
            _numeric_date,
        ),
        _Finder(
            _compile(rf"{optional}(?<![\w.,]){day}\s+{month}(?:\s+(?P<year>{_YEAR}))?(?![^\W\d_])"),
            month_core,
            reach + day_reach,
            _day_of_month,
        ),
    ]
    if not vocabulary.month_day_first:  # Italian and French put the day first
        finders.append(
            _Finder(
                # Without "by", only a capitalized month: "may 5 people" is no date.
                _compile(
                    rf"(?:{required}|(?-i:(?=[A-Z])))"
                    rf"{month}\s+{day}(?!\d)(?:,?\s+(?P<year>{_YEAR}))?(?![^\W\d_])"
                ),
                month_core,
                reach,
                _day_of_month,
            )
        )
    finders += [
        _Finder(
            _compile(
                rf"(?:{required}|(?<!\w)(?=(?:{months})\.?\s+{_YEAR}))"
                rf"{month}(?:\s+(?P<year>{_YEAR}))?(?![^\W\d_])(?!\d)"
            ),
            month_core,
            reach,
            _month,
        ),
        # A bare year ends the sentence or a clause ("by 2027.", "by 2027, …") or opens it
        # ("By 2027 reach …"): "grow by 2000 customers" is a change, not a deadline.
        _Finder(
            _compile(
                rf"(?:^\s*{required}(?P<year>{_YEAR})(?![\d.,%])|"
                rf"{required}(?P<year2>{_YEAR})(?=\s*(?:$|[,;:)\]!?]|\.(?!\d))))"
            ),
            year_core,
            reach + 1,  # and a space that opens the text
            _bare_year,
        ),
        _Finder(
            _compile(rf"(?:{required}(?P<phrase>{phrases})|(?P<bare>{standalone}))"),
            _core(vocabulary.deadline_phrases),
            reach,
            _phrase,
        ),
        _Finder(
            _compile(
                rf"(?<!\w){relative_prefixes}\s+(?:{articles}\s+)?(?P<count>\d{{1,3}})\s+"
                rf"(?:{infixes}\s+)?(?P<unit>{time_units})"
            ),
            _core(vocabulary.relative_prefixes),
            0,
            _relative,
            relative=True,
        ),
    ]
    return tuple(finders)


def _needs_prefix(phrase: str, vocabulary: Vocabulary) -> bool:
    """True for an article and one noun ("il ciclo", "l'anno"): a date only after "entro"."""
    words = phrase.replace("'", "' ").split()
    return len(words) == 2 and words[0] in vocabulary.deadline_articles


def _is_abbreviation(name: str, vocabulary: Vocabulary) -> bool:
    """True for "set", "jun", "déc": a month key that begins a longer month key."""
    return any(other != name and other.startswith(name) for other in vocabulary.months)


def _year(groups: Mapping[str, str | None], *names: str) -> int | None:
    """The first year among the groups ``names`` that matched; "26" is 2026."""
    for name in names:
        text = groups.get(name)
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
    year = _year(groups, "lead", "year", "yy")
    return f"{year}-{code}" if year else code


def _date(year: int | None, month: int, day: int | None) -> str | None:
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    if day is None:
        return f"{year}-{month:02d}" if year else MONTH_NAMES_EN[month - 1]
    return f"{year}-{month:02d}-{day:02d}" if year else f"{MONTH_NAMES_EN[month - 1]} {day}"


def _iso_date(match: re.Match[str], vocabulary: Vocabulary) -> str | None:
    return _date(int(match["year"]), int(match["month"]), int(match["day"]))


def _numeric_date(match: re.Match[str], vocabulary: Vocabulary) -> str | None:
    first, second = int(match["first"]), int(match["second"])
    month, day = (second, first) if vocabulary.numeric_date_order == "dmy" else (first, second)
    if month > 12 >= day:  # 30/06 in English, 06/30 in Italian: only one reading is a date
        month, day = day, month
    return _date(_year(match.groupdict(), "year"), month, day)


def _month_number(match: re.Match[str], vocabulary: Vocabulary) -> int:
    return vocabulary.months[match["month"].lower().rstrip(".")]


def _day_of_month(match: re.Match[str], vocabulary: Vocabulary) -> str | None:
    return _date(
        _year(match.groupdict(), "year"), _month_number(match, vocabulary), int(match["day"])
    )


def _month(match: re.Match[str], vocabulary: Vocabulary) -> str | None:
    return _date(_year(match.groupdict(), "year"), _month_number(match, vocabulary), None)


def _bare_year(match: re.Match[str], vocabulary: Vocabulary) -> str | None:
    return match["year"] or match["year2"]


def _phrase(match: re.Match[str], vocabulary: Vocabulary) -> str | None:
    return vocabulary.deadline_phrases.get(normalize_phrase(match["phrase"] or match["bare"]))


def _relative(match: re.Match[str], vocabulary: Vocabulary) -> str | None:
    unit = grammar_for(vocabulary.code).unit_of(match["unit"]) or "days"
    count = int(match["count"])
    if count * _DAYS_PER_UNIT.get(unit, 1) < _MIN_SPAN_DAYS:
        return None
    return f"within {count} {unit if count != 1 else unit.rstrip('s')}"


def find_deadlines(text: str, lang: str) -> list[Deadline]:
    """Every deadline in ``text``, left to right, none overlapping another."""
    return find_folded_deadlines(text, fold_case(text), lang)


def find_folded_deadlines(text: str, folded: str | None, lang: str) -> list[Deadline]:
    """``find_deadlines`` for a caller that has ``fold_case(text)`` already: the parser
    reads the lowered text too, so it is lowered once."""
    language = _finders(lang)
    # With runs of spaces a reach says nothing, nor a core when lowering is not folding case:
    # then every pattern scans the whole text, which finds the same deadlines, only slower.
    starts = [0] * len(language.cores)
    if folded is not None and _SPACE_RUN.search(text) is None:
        found_starts = _core_starts(language, folded)
        if found_starts is None:
            return []
        starts = found_starts
    vocabulary = grammar_for(lang).vocabulary
    found: list[Deadline] = []
    for core_index, finder in language.finders:
        core_start = starts[core_index]
        if core_start < 0:
            continue
        start = max(0, core_start - finder.reach)
        pattern, searched = finder.pattern.exact, text
        if folded is not None and finder.pattern.lowered is not None:
            pattern, searched = finder.pattern.lowered, folded
        for match in pattern.finditer(searched, start):
            value = finder.read(match, vocabulary)
            if value:
                found.append(Deadline(match.start(), match.end(), value, finder.relative))
    return _without_overlaps(found) if len(found) > 1 else found


def _core_starts(language: _Finders, folded: str) -> list[int] | None:
    """Where each core first occurs in the lowered text ``folded``; -1 where it does not;
    ``None`` when no core occurs at all (most sentences).

    Only the cores the sentence's runs may hold (``_Finders.runs``) are searched for.
    """
    present = language.runs.of(folded) | language.searched
    starts = []
    found = False
    for index, core in enumerate(language.cores):
        match = core.pattern.search(folded) if present >> index & 1 else None
        if match is None:
            starts.append(-1)
        else:
            starts.append(match.start())
            found = True
    return starts if found else None


def _without_overlaps(found: list[Deadline]) -> list[Deadline]:
    """The deadlines left to right, the longest first where two start together; no overlap."""
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
