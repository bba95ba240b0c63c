"""Read what a key result or objective sentence says about its quality, one language at a time.

The functions here are the text half of the linter: they look for the words of
``CoachVocabulary`` in a sentence and return the words they found (the evidence shown to the
person), or ``None``. They do not know about severities or messages; ``okrs.coach.linting.rules``
does, and ``okrs.coach.linting.engine`` decides which rule fires. Patterns are compiled once
per language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from okrs.coach.linting.languages import VOCABULARIES
from okrs.coach.linting.vocabulary import CoachVocabulary
from okrs.coach.runs import RunBits, substrings

_TYPOGRAPHIC_APOSTROPHES: Final = ("\u2019", "\u2018", "\u02bc")
# "KR1:", "- ", "• " in front of a pasted key result.
_BULLET: Final = re.compile(
    r"^(?:(?:kr|rc|rk|o)[\s\-]?\d+\s*[:.)\-]\s*|[-•*·]\s*|\d+[.)]\s+|\(?[a-z]\)\s+)",
    re.IGNORECASE,
)
# The characters ``_BULLET`` can open with, apart from a digit and a letter followed by ")".
_BULLET_OPENERS: Final = frozenset("kKrRoO-•*·(\u212a")  # U+212A, the Kelvin sign, is a "k"
# Numbers that name things rather than amounts ----------------------------------------------
#
# Each number of a sentence is looked at once, with the word before it and the text after it:
# one scan for numbers and a few set look-ups are much cheaper than one big pattern tried at
# every position of every sentence.

_NUMBER_RUN: Final = re.compile(r"\d+(?:[.,]\d+)*")
# Standards, versions, tiers, seasons …: "ISO 27001", "Tier 1", "season 2" are names.
_NAME_WORDS: Final = frozenset(
    {
        "iso", "soc", "pci", "dss", "hds", "iec", "nis", "version", "versione", "ios", "android",
        "python", "java", "php", "node", "windows", "web", "gen", "tier", "level", "livello",
        "niveau", "step", "fase", "phase", "season", "saison", "stagione", "episode", "épisode",
        "episodio", "wave", "vague", "ondata", "sprint", "chapter", "chapitre", "capitolo", "batch",
        "lotto", "serie", "series", "round", "sdk", "api", "covid", "industry", "industria",
        "industrie", "v"
    }
)  # fmt: skip
# "release 2" names a version, except as the opening verb ("Release 2 new levels").
_RELEASE_WORDS: Final = frozenset({"release", "rilascio"})
_RANK_WORDS: Final = frozenset({"#", "n°", "n.", "no.", "nr.", "numero", "numéro", "number"})
# Instalment plans are products: "paiement en 3 fois", "pay in 4", "pagamento in 3 rate".
_INSTALMENT: Final = re.compile(
    r"(?:paiement|payer|pay|payment|pagamento|pagare) (?:en|in) $", re.IGNORECASE
)
# A product and its version, "PostgreSQL 16", "Angular 17", "Kubernetes 1.29": a capitalized
# word (not a function word, not a date word, not the first of the sentence) before a bare
# number.
_PRODUCT: Final = re.compile(r"[A-Z][A-Za-z]*[a-z][A-Za-z]*|[a-z]+[A-Z][A-Za-z]*")
_NOT_PRODUCTS: Final = frozenset(
    {
        "to", "from", "by", "at", "of", "in", "on", "under", "over", "above", "below", "than",
        "per", "with", "for", "and", "or", "the", "reach", "hit", "top", "a", "an", "de", "du",
        "des", "da", "di", "dal", "al", "au", "aux", "sur", "su", "sous", "sotto", "sopra", "par",
        "pour", "con", "avec", "et", "le", "la", "les", "il", "lo", "gli", "un", "une", "uno",
        "una", "entre", "tra", "fra", "oltre", "plus", "più", "least", "most", "only", "just",
        "week", "semaine", "settimana", "day", "jour", "giorno"
    }
)  # fmt: skip
# The lower-case words before a number that can make it a name (the tests below); after any
# other lower-case word, a number is a name only in "24/7".
_NAMING_WORDS: Final = (
    _NAME_WORDS
    | _RELEASE_WORDS
    | _RANK_WORDS
    | {word.rstrip(".") for word in _RANK_WORDS}  # "no" + "." is "no."
    | {"en", "in"}
)
_UNIT_AFTER: Final = re.compile(r"\s?(?:%|k\b|m\b|mln|mila|€|\$|£|x\b)", re.IGNORECASE)
_WORD_START: Final = re.compile(r"(?<![\w'])[^\W\d_]")
_MONTHS: Final = frozenset(
    {
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
        "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
        "november", "dec", "december", "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
        "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre", "janvier", "février",
        "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout", "septembre",
        "octobre", "décembre", "decembre"
    }
)  # fmt: skip
# After a day number: an ordinal ending, then the month ("31 March", "1er juin", "3rd of May").
_DAY_THEN_MONTH: Final = re.compile(r"(?:st|nd|rd|th|er|°|º)?\s(?:of\s)?([^\W\d_]+)", re.I)
_ORDINAL_AFTER: Final = re.compile(r"(?:st|nd|rd|th|er|e|ème|eme|°|º|o|a)(?!\w)", re.I)
# "2027-06-30", "30/06/2027": every number in them is part of the date.
_FULL_DATE: Final = re.compile(
    r"(?<![\w.,/])(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/-]\d{1,2}[/-]\d{2,4})(?![\w.,/])"
)
_DIGIT_DASH_DIGIT: Final = re.compile(r"\d[/-]\d")
_DOTTED_DATE: Final = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}")
_YEAR_UNIT_AFTER: Final = re.compile(r"\s?(?:%|k\b|m\b|€|\$)", re.IGNORECASE)
_DIGITS: Final = re.compile(r"\d")
_DIGIT: Final = re.compile(r"(?<![\w#°/])\d")


def flatten(text: str) -> str:
    """Plain apostrophes and spaces, no bullet or "KR1:" in front; case kept (1M is not 1m)."""
    if not text.isascii():  # ``replace`` is many times faster than ``translate``
        for apostrophe in _TYPOGRAPHIC_APOSTROPHES:
            text = text.replace(apostrophe, "'")
    flat = " ".join(text.split())
    # A bullet opens with one of these characters, or is a letter and ")": most titles open
    # with a capital verb, and are not matched at all.
    first = flat[:1]
    if first not in _BULLET_OPENERS and not first.isdecimal() and flat[1:2] != ")":
        return flat
    bullet = _BULLET.match(flat)
    return flat[bullet.end() :] if bullet else flat


def normalize(text: str) -> str:
    """``flatten``, in lower case: what the word lists are matched against."""
    return flatten(text).lower()


def _title_case(text: str) -> bool:
    """Whether most words start with a capital ("Grow Paying Customers To 500")."""
    starts = _WORD_START.findall(text)[1:]  # the first word has its capital anyway
    return len(starts) > 2 and sum(s.isupper() for s in starts) * 2 > len(starts)


class _Sentence:
    """One sentence whose numbers are looked at: the words before its numbers, the title-case
    test and the full dates are computed once, and only when a number needs them."""

    __slots__ = ("_full_dates", "_title_case", "_words_before", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._title_case: bool | None = None
        self._full_dates: list[tuple[int, int]] | None = None
        self._words_before: dict[int, tuple[str, str, int] | None] = {}

    def word_before(self, start: int) -> tuple[str, str, int] | None:
        """The word right before ``start``, its separator (" ", ".", "-" or none), and where
        the word starts; ``None`` when no word is there."""
        if start in self._words_before:
            return self._words_before[start]
        text, end, separator = self.text, start, ""
        if end and text[end - 1] in " .-":
            separator, end = text[end - 1], end - 1
        begin = text.rfind(" ", 0, end) + 1
        while begin < end and text[begin] in "([\"'/":
            begin += 1
        word = text[begin:end]
        found = (word, separator, begin) if word.isalpha() or word in _RANK_WORDS else None
        self._words_before[start] = found
        return found

    @property
    def title_case(self) -> bool:
        if self._title_case is None:
            self._title_case = _title_case(self.text)
        return self._title_case

    def in_full_date(self, start: int) -> bool:
        if self._full_dates is None:
            text = self.text
            # Every full date has a digit, a dash or slash and a digit: "90-day" has none.
            dashed = ("/" in text or "-" in text) and _DIGIT_DASH_DIGIT.search(text) is not None
            self._full_dates = [m.span() for m in _FULL_DATE.finditer(text)] if dashed else []
        dates = self._full_dates  # nearly always none: then no generator to build
        return bool(dates) and any(low <= start < high for low, high in dates)


def _is_name(sentence: _Sentence, start: int, end: int) -> bool:
    """Whether the number at ``start:end`` names a thing ("ISO 27001", "#1", "Java 21")."""
    text = sentence.text
    before = sentence.word_before(start)
    if before is not None:
        word, separator, word_start = before
        if word not in _NAMING_WORDS and word.islower():  # most numbers: "from 40%", "to 72"
            return text.startswith("24/7", start) and not text[start + 4 : start + 5].isalnum()
        lowered = word.lower()
        standalone = word_start == 0 or not text[word_start - 1].isalnum()
        if standalone and lowered in _NAME_WORDS and (lowered != "v" or not separator):
            return True
        if lowered in _RELEASE_WORDS and standalone and word_start > 0:
            return not text[:word_start].lower().endswith(("will ", "to "))
        if text[start:end] == "1" and (
            lowered in _RANK_WORDS or lowered + separator in _RANK_WORDS
        ):
            return True
        if (
            separator == " "
            and word_start > 0
            and not word.islower()
            and lowered not in _NOT_PRODUCTS
            and lowered not in _MONTHS
            and _PRODUCT.fullmatch(word)
            and not _UNIT_AFTER.match(text, end)
            and not sentence.title_case
        ):
            return True
        if lowered in ("en", "in") and separator == " ":
            return _INSTALMENT.search(text, max(0, start - 16), start) is not None
    return text.startswith("24/7", start) and not text[start + 4 : start + 5].isalnum()


def _is_date(sentence: _Sentence, start: int, end: int) -> bool:
    """Whether the number is part of a date, a year or an ordinal ("31 March", "2027", "1st")."""
    text = sentence.text
    run = text[start:end]
    before = text[start - 1] if start else " "
    if len(run) == 4 and run[:2] in ("19", "20") and not (before.isalnum() or before in ".,"):
        after = text[end : end + 1]
        glued = after != "" and (after.isalnum() or after in "%.,")
        if not glued and not _YEAR_UNIT_AFTER.match(text, end):
            return True
    # An ordinal ending and a month after a day both open with a letter, "°", "º" or a space:
    # after most numbers ("40%", "72 ", the end) neither pattern is tried.
    after = text[end : end + 1]
    ordinal_or_space = after != "" and (after.isalpha() or after in "°º" or after.isspace())
    if ordinal_or_space and not after.isspace() and _ORDINAL_AFTER.match(text, end):
        return True
    if len(run) <= 2:
        month = _DAY_THEN_MONTH.match(text, end) if ordinal_or_space else None
        if month is not None and month.group(1).lower() in _MONTHS:
            return True
        word = sentence.word_before(start)
        if word is not None and word[0].lower() in _MONTHS and word[1] in (" ", "."):
            after = text[end : end + 1]
            return not (after.isalnum() or after == "%")
    if sentence.in_full_date(start):
        return True
    return "." in run and _DOTTED_DATE.fullmatch(run) is not None  # "30.06.2027"


def _names_and_dates(text: str, *, dates: bool) -> list[tuple[int, int]]:
    """The spans of the numbers of ``text`` that are names (and dates, when asked)."""
    sentence = _Sentence(text)
    return [
        m.span()
        for m in _NUMBER_RUN.finditer(text)
        if _is_name(sentence, *m.span()) or (dates and _is_date(sentence, *m.span()))
    ]


def _hide(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    parts, last = [], 0
    for start, end in spans:
        parts += [text[last:start], _DIGITS.sub("x", text[start:end])]
        last = end
    return "".join(parts) + text[last:]


def read_numbers(text: str) -> tuple[str, bool]:
    """``mask_named_numbers(text)`` and ``has_amount(text)`` in one pass over the numbers."""
    sentence = _Sentence(text)
    names, amount = [], False
    for m in _NUMBER_RUN.finditer(text):
        start, end = m.span()
        if _is_name(sentence, start, end):
            names.append((start, end))
        elif not amount:
            glued = start and (text[start - 1].isalnum() or text[start - 1] in "_#°/")
            amount = not glued and not _is_date(sentence, start, end)
    return _hide(text, names), amount


def mask_named_numbers(text: str) -> str:
    """Hide the digits of "ISO 27001", "v2.0", "#1", "PostgreSQL 16": names, not amounts.

    ``text`` keeps its case (``flatten``): a product is told by its capital letter.
    """
    return _hide(text, _names_and_dates(text, dates=False))


def mask_names_and_dates(text: str) -> str:
    """``mask_named_numbers``, and the digits of quarters, years, dates and ordinals too."""
    return _hide(text, _names_and_dates(text, dates=True))


def has_amount(text: str) -> bool:
    """Whether a sentence still holds a number once names, quarters, years and dates are hidden.

    A number glued to a letter, "#", "°" or "/" ("Q3", "p95", "24/7") is never an amount.
    """
    sentence = _Sentence(text)
    for m in _NUMBER_RUN.finditer(text):
        start, end = m.span()
        if start and (text[start - 1].isalnum() or text[start - 1] in "_#°/"):
            continue
        if not (_is_name(sentence, start, end) or _is_date(sentence, start, end)):
            return True
    return False


def _boundary_free(entry: str) -> bool:
    # An entry ending in an elision ("l'", "d(?:e|u|')") or a boundary of its own gets none.
    return entry.endswith(("'", "')", "(?!\\w)", "(?!\\w))"))


def _alternation(entries: tuple[str, ...]) -> str:
    parts = []
    for entry in sorted(entries, key=len, reverse=True):  # longest phrase first
        end = "" if _boundary_free(entry) else r"(?!\w)"
        parts.append(f"(?:{entry}){end}")
    return "(?:" + "|".join(parts) + ")"


# Fast alternations ------------------------------------------------------------------------
#
# Python's regular expressions try every alternative at every position of the text, unless
# every alternative opens with a plain character: then the engine jumps straight to the
# positions where one of those characters is. So entries are rewritten to open with a plain
# character ("(?:customer |user )?interviews?" becomes three entries), grouped by that
# character, and the left word boundary is checked just after it. The few entries that cannot
# be rewritten ("\d+x", "^…") are searched as a second pattern.

_QUANTIFIERS = ("?", "*", "+", "{")
_SPECIAL = set("\\()[].^$|?*+{")


def _closing(entry: str, opening: int) -> int:
    """The index of the ")" that closes the group opened at ``opening``."""
    depth, index, in_class = 0, opening, False
    while index < len(entry):
        char = entry[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    raise ValueError(f"unbalanced group in {entry!r}")


def _top_level_split(pattern: str) -> list[str]:
    """``pattern`` cut at its top-level "|"."""
    parts, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
        index += 1
    return [*parts, pattern[start:]]


def _plain_led(entry: str) -> bool:
    return bool(entry) and entry[0] not in _SPECIAL and entry[1:2] not in _QUANTIFIERS


def _expand(entry: str, depth: int = 0) -> list[str]:
    """``entry`` as entries that each open with a plain character, where that is simple."""
    alternatives = _top_level_split(entry)
    if len(alternatives) > 1:
        return [found for part in alternatives for found in _expand(part, depth)]
    if _plain_led(entry) or depth > 4 or not entry.startswith("(?:"):
        return [entry]
    close = _closing(entry, 0)
    inner, rest = entry[3:close], entry[close + 1 :]
    options = _top_level_split(inner)
    if rest[:1] in ("*", "+", "{") or rest[:2] == "??":
        return [entry]
    if rest[:1] == "?":
        rest, options = rest[1:], [*options, ""]
    if any(not option + rest for option in options):
        return [entry]
    return [found for option in options for found in _expand(option + rest, depth + 1)]


class _Words:
    """A word list searched as a few patterns; used like one ``re.Pattern``.

    ``literals``, when known, are strings one of which every match contains: a sentence
    holding none of them is not searched at all (most sentences hold no vanity word).
    ``heads`` does the same from the sentence's runs of non-spaces, when the caller passes
    them: it tells whether a run holds the first word of an entry (``_part_heads``), for
    lists with too many entries to have literals.
    """

    __slots__ = ("heads", "literals", "patterns")

    def __init__(
        self,
        patterns: list[re.Pattern[str]],
        literals: tuple[str, ...] | None = None,
        heads: RunBits | None = None,
    ) -> None:
        self.patterns = patterns
        self.literals = literals
        self.heads = heads

    def _absent(self, text: str, runs: list[str] | None = None) -> bool:
        heads = self.heads
        if runs is not None and heads is not None and not any(map(heads.__getitem__, runs)):
            return True
        literals = self.literals
        return literals is not None and not any(map(text.__contains__, literals))

    def search(self, text: str, runs: list[str] | None = None) -> re.Match[str] | None:
        """The first match in ``text``; ``runs`` are the runs of non-spaces of the sentence
        ``text`` comes from (``text.split()`` for the sentence itself), when known."""
        # The hottest call of the linter: ``_absent`` inlined, one pattern searched directly.
        heads = self.heads
        if runs is not None and heads is not None and not any(map(heads.__getitem__, runs)):
            return None
        literals = self.literals
        if literals is not None and not any(map(text.__contains__, literals)):
            return None
        if len(self.patterns) == 1:  # most lists: one pattern, nothing to compare
            return self.patterns[0].search(text)
        best = None
        for pattern in self.patterns:
            found = pattern.search(text)
            if found is not None and (
                best is None or (found.start(), -found.end()) < (best.start(), -best.end())
            ):
                best = found
        return best

    def sub(self, replacement: Any, text: str, runs: list[str] | None = None) -> str:
        if self._absent(text, runs):
            return text
        for pattern in self.patterns:
            text = pattern.sub(replacement, text)
        return text

    def count(self, text: str) -> int:
        if self._absent(text):
            return 0
        return sum(len(pattern.findall(text)) for pattern in self.patterns)


_MAX_LITERALS = 8  # beyond a few, looking for each costs as much as the search


def _literal_prefix(entry: str) -> str:
    """The plain characters an entry opens with ("download" for "downloads?")."""
    prefix = []
    for index, char in enumerate(entry):
        if char in _SPECIAL:
            break
        if entry[index + 1 : index + 2] in _QUANTIFIERS:  # "s?" may be absent
            break
        prefix.append(char)
    return "".join(prefix)


def _literals(parts: list[str]) -> tuple[str, ...] | None:
    """A few strings one of which every match of ``parts`` contains, or ``None``."""
    prefixes = {_literal_prefix(part) for part in parts}
    if any(len(prefix) < 2 for prefix in prefixes):
        return None
    # A prefix that holds a shorter one adds nothing ("sign-up" holds "sign").
    kept = sorted(prefixes, key=len)
    minimal: list[str] = []
    for prefix in kept:
        if not any(shorter in prefix for shorter in minimal):
            minimal.append(prefix)
    return tuple(minimal) if len(minimal) <= _MAX_LITERALS else None


def _fast_alternation(entries: tuple[str, ...], suffix: str = "") -> tuple[str, list[str]]:
    """The plain-led entries as one pattern grouped by first character, and the others."""
    groups: dict[str, list[str]] = {}
    others: list[str] = []
    for entry in entries:
        for part in _expand(entry):
            if _plain_led(part):
                groups.setdefault(part[0], []).append(part)
            else:
                others.append(part)
    branches = []
    for first, members in groups.items():
        members.sort(key=len, reverse=True)  # longest phrase first
        rests = "|".join(f"(?:{m[1:]})" + ("" if _boundary_free(m) else r"(?!\w)") for m in members)
        boundary = r"(?<![\w#].)" if first.isalnum() or first == "_" else ""
        branches.append(f"{re.escape(first)}{boundary}(?:{rests}){suffix}")
    return "|".join(branches), others


def _grouped_alternation(entries: tuple[str, ...]) -> str:
    """``_alternation(entries)`` with its branches grouped by first character.

    For a list inside a longer pattern ("12 pricing experiments"), tried at every word the
    pattern reaches: the engine then rules a word out on its first letter, instead of trying
    each entry there. Entries of two groups cannot match at one position, and inside a group
    they keep their order, so the matches are the same. Falls back to ``_alternation`` when an
    entry cannot be rewritten to open with a plain character.
    """
    groups: dict[str, list[str]] = {}
    for entry in sorted(entries, key=len, reverse=True):  # the order ``_alternation`` tries
        end = "" if _boundary_free(entry) else r"(?!\w)"
        for part in _expand(entry):
            if not _plain_led(part):
                return _alternation(entries)
            groups.setdefault(part[0], []).append(f"(?:{part[1:]}){end}")
    branches = (f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())
    return "(?:" + "|".join(branches) + ")"


def _words(entries: tuple[str, ...], suffix: str = "") -> _Words:
    """Entries found anywhere as whole words (``suffix`` must follow each one)."""
    fast, others = _fast_alternation(entries, suffix)
    patterns = [re.compile(fast)] if fast else []
    if others:
        patterns.append(re.compile(r"(?<![\w#])" + _alternation(tuple(others)) + suffix))
    parts = [part for entry in entries for part in _expand(entry)]
    literals = _literals(parts)
    return _Words(patterns, literals, None if literals is not None else _heads(parts))


def _heads(parts: list[str]) -> RunBits | None:
    """The test of a list's words on a sentence's runs, or ``None`` when an entry holds no
    plain word that says much ("\\d+x", or only a one-letter word: "a \\d+ giorni")."""
    heads: set[str] = set()
    for part in parts:
        found = _part_heads(part)
        if found is None:
            return None
        heads |= found
    return RunBits([substrings(heads)])


_ASSERTIONS: Final = ("(?<!", "(?<=", "(?!", "(?=")


def _part_heads(part: str, depth: int = 0) -> set[str] | None:
    """Words one of which every match of ``part`` holds inside one run of non-spaces.

    ``part`` is read up to its first group that must match: its plain characters are pieces
    of every match, in order; anything else (an optional or repeated character or group, a
    class, "\\d", an assertion) only cuts them into pieces, and an escaped sign ("\\$") is
    plain. The longest word of the pieces is enough ("generation" for "a whole generation",
    "enregistré" for "[\\w-]+ enregistré"). When that word is short or common, the group
    that follows is opened instead, if each of its options gives words: "a (?:day|week)"
    gives "day" and "week", "to (?:register|download)" gives "register" and "download".
    """
    pieces: list[str] = []
    current: list[str] = []
    index = 0
    group = -1  # where the first group that must match opens
    while index < len(part):
        if part.startswith(_ASSERTIONS, index):
            pieces.append("".join(current))
            current, index = [], _closing(part, index) + 1
            continue
        char = part[index]
        if char == "(":
            close = _closing(part, index)
            after = _quantifier_end(part, close + 1)
            if after == close + 1:  # no quantifier: it must match, stop here
                group = index if part.startswith("(?:", index) else -1
                break
            pieces.append("".join(current))  # an optional group cuts the pieces
            current, index = [], after
            continue
        if char in "|)*+?{":
            break  # a pattern this reader keeps out of
        literal: str | None = None
        if char == "[":
            end = _class_end(part, index)
        elif char == "\\":
            end = index + 2
            if index + 1 < len(part) and not part[index + 1].isalnum():
                literal = part[index + 1]  # "\\$", "\\-": a plain sign
        elif char in ".^$":
            end = index + 1
        else:
            end, literal = index + 1, char
        after = _quantifier_end(part, end)
        if literal is not None and after == end:
            current.append(literal)
        else:  # a class, "\\d", or a quantified character: the piece ends here
            pieces.append("".join(current))
            current = []
        index = after
    pieces.append("".join(current))
    head = max((word for piece in pieces for word in piece.split(" ")), key=len)
    opened = _group_heads(part, group, depth) if group >= 0 else None
    if opened is not None and (len(head) <= 3 or min(map(len, opened)) >= 4):
        return opened  # the options' words say more than "to", "de", "che", "a"
    if len(head) > 1 or (head and not head.isalnum()):
        return {head}
    return None


def _group_heads(part: str, opening: int, depth: int) -> set[str] | None:
    """The words of each option of the group opened at ``opening`` (followed by the rest of
    ``part``), or ``None`` when an option gives none."""
    if depth >= 3:
        return None
    close = _closing(part, opening)
    rest = part[close + 1 :]
    found: set[str] = set()
    for option in _top_level_split(part[opening + 3 : close]):
        heads = _part_heads(option + rest, depth + 1)
        if heads is None:
            return None
        found |= heads
    return found


def _class_end(part: str, opening: int) -> int:
    """The index after the "]" that closes the class opened at ``opening``."""
    index = opening + 1
    if part[index : index + 1] == "^":
        index += 1
    if part[index : index + 1] == "]":  # a "]" first is a plain one
        index += 1
    while index < len(part) and part[index] != "]":
        index += 2 if part[index] == "\\" else 1
    return index + 1


def _quantifier_end(part: str, index: int) -> int:
    """The index after the quantifier at ``index`` ("?", "*", "+", "{2,3}", lazy or not)."""
    if part[index : index + 1] in ("?", "*", "+"):
        index += 1
    elif part[index : index + 1] == "{":
        index = part.index("}", index) + 1
    else:
        return index
    return index + 1 if part[index : index + 1] == "?" else index


# Words between a number and the thing it counts ("12 pricing experiments"), never a
# preposition or a conjunction ("sévérité 1 par rapport", "5 to 10 days").
_COUNTED_WORD = (
    r"(?!(?:per|par|of|de|di|du|des|da|dal|to|à|a|al|from|in|en|on|sur|su|for|pour|than|che"
    r"|que|qui|and|et|e|or|ou|o|with|avec|con|by)\s)[\w'/-]+\s+"
)
# Words, with their hyphens ("end-to-end" is not "to") and an elision ("d'", "l'").
_TOKEN: Final = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*'?")


@dataclass(frozen=True)
class Matchers:
    opening_activity: re.Pattern[str]
    opening_milestone: re.Pattern[str]
    opening_any: re.Pattern[str]  # any verb of the four lists (a language cue)
    activity_count: _Words
    activity_object: re.Pattern[str]
    quantity: _Words
    recurrence: _Words
    physical_place: _Words
    multiplier: _Words
    relative_change: _Words
    cumulative: _Words
    vanity_noun: _Words
    login_view: _Words
    watched: _Words  # any of the three above: most sentences have none
    not_counts: _Words
    ratio: _Words
    value: _Words
    denominator: _Words
    cue_words: frozenset[str]
    cue_endings: tuple[str, ...]
    cue_letters: re.Pattern[str] | None
    too_big: _Words
    learning: _Words
    opening_output: re.Pattern[str]
    opening_weak_output: re.Pattern[str]
    parity: _Words
    competitor: _Words
    feature_word: _Words
    named_comparison: re.Pattern[str]
    number_word: _Words


@cache
def matchers_for(code: str) -> Matchers:
    """The compiled patterns of one language (built on first use, then kept)."""
    v: CoachVocabulary = VOCABULARIES[code]
    lead_in = r"^(?:" + _alternation(v.lead_ins) + r"\s+)?"
    # "Shipping cost", "Build success rate": the verb names a measure.
    not_metric = (
        r"(?! (?!(?:a|an|the|our|un|una|uno|une|le|la|les|il|lo|gli|l'|i|des)\b)"
        r"(?:[^\W\d][\w-]* )?" + _alternation(v.metric_words) + r")"
    )
    nouns = _grouped_alternation(v.activity_nouns)
    # "12 pricing experiments", "numero di test": a number (or a count phrase), at most two
    # words, a thing teams make or do.
    by_number = re.compile(
        r"\d(?<![\w#]\d)[\d.,]*\s?(?:k|m|mila|mln)?\s+(?:" + _COUNTED_WORD + r"){0,2}" + nouns
    )
    by_phrase = _words(
        v.count_phrases,
        r"\s?(?:(?:the|i|gli|le|les|des|l')\s?)?(?:[\w'/-]+\s+){0,1}" + nouns,
    )
    weak_output = (
        lead_in
        + _alternation(v.weak_output_verbs)
        + r"\s+"
        + _alternation(v.artefact_determiners)
        + r"(?!\s?"
        + _alternation(v.same_words)
        + r")\s?(?:[\w'-]+\s+){0,2}?"
        + _alternation(v.artefacts)
    )
    # The object of a counted activity ("Complete 6 usability sessions", "Svolgere 15 visite
    # presso i clienti"): work, even when its words are also web metrics.
    activity_object = (
        lead_in
        + _alternation(v.activity_verbs)
        + r" (?:\d[\d.,]*\s?(?:k|m|mila)?|"
        + _alternation(v.quantity_words)
        + r")(?: [\w'/-]+){1,3}"
    )
    verbs = v.activity_verbs + v.milestone_verbs + v.output_verbs + v.weak_output_verbs
    cue_words = frozenset(v.detection_cues)
    # A comparison, then a name with a capital: matched on the sentence with its case kept.
    named = (
        r"(?i:(?<![\w#])" + _alternation(v.comparisons) + r")\s+"
        r"(?:(?i:the|le|la|les|il|lo|i|gli|l'|di|de|d'|du|des|of|à|a)\s?)?"
        r"(?:[A-Z][\w&.-]*[a-z][\w&.-]*|[a-z]+[A-Z][\w&.-]*)"
    )
    return Matchers(
        opening_activity=re.compile(lead_in + _alternation(v.activity_verbs) + not_metric),
        opening_milestone=re.compile(lead_in + _alternation(v.milestone_verbs) + not_metric),
        opening_any=re.compile(lead_in + _alternation(verbs)),
        # Both patterns end with one of the nouns: a sentence without one has no match.
        activity_count=_Words(
            [by_number, *by_phrase.patterns],
            heads=_heads([part for noun in v.activity_nouns for part in _expand(noun)]),
        ),
        activity_object=re.compile(activity_object),
        quantity=_words(v.quantity_words),
        recurrence=_words(v.recurrences),
        physical_place=_words(v.physical_places),
        multiplier=_words(v.multipliers),
        relative_change=_words(v.relative_changes),
        cumulative=_words(v.cumulative_markers),
        vanity_noun=_words(v.vanity_nouns),
        login_view=_words(v.login_view_nouns),
        watched=_words(v.cumulative_markers + v.vanity_nouns + v.login_view_nouns),
        not_counts=_words(v.activity_nouns + v.surfaces),
        ratio=_words((*v.ratio_markers, "%", "-to-")),
        value=_words(v.value_words),
        denominator=_words((*v.denominator_markers, "%", "-to-")),
        cue_words=cue_words,
        cue_endings=v.detection_endings,
        cue_letters=re.compile(f"[{v.detection_letters}]") if v.detection_letters else None,
        too_big=_words(v.too_big),
        learning=_words(v.learning),
        opening_output=re.compile(lead_in + _alternation(v.output_verbs)),
        opening_weak_output=re.compile(weak_output),
        parity=_words(v.parity),
        competitor=_words(v.competitors),
        feature_word=_words(v.feature_words),
        named_comparison=re.compile(named),
        number_word=_words(v.number_words),
    )


def _found(match: re.Match[str] | None) -> str | None:
    return match.group(0).strip() if match else None


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


# Language ----------------------------------------------------------------------------------


# Each language's weight for one word, packed into one integer, ``_WEIGHT_BITS`` bits a
# language (in ``VOCABULARIES`` order): the weights of a sentence's words then add up in one
# ``sum``, instead of one addition per word and language. No sentence has anywhere near 2**32
# cue letters, so a field never spills into the next.
_WEIGHT_BITS: Final = 32
_WEIGHT_MASK: Final = (1 << _WEIGHT_BITS) - 1


class _TokenWeights(dict[str, int]):
    """Each word's packed weights, computed on first sight and remembered: a plan repeats
    the same few hundred words."""

    def __missing__(self, token: str) -> int:
        packed = 0
        for index, code in enumerate(VOCABULARIES):
            m = matchers_for(code)
            weight = (token in m.cue_words) + bool(m.cue_endings and token.endswith(m.cue_endings))
            if m.cue_letters is not None:
                weight += len(m.cue_letters.findall(token))
            packed |= weight << (_WEIGHT_BITS * index)
        if len(self) > 100_000:  # unbounded input must not grow it forever
            self.clear()
        self[token] = packed
        return packed


_TOKEN_WEIGHTS: Final = _TokenWeights()


class _ChunkWeights(dict[str, int]):
    """The packed weights of each run of non-spaces ("d'ici", "32%", "sign-ups,"): the sum of
    its words' (``_TOKEN``) weights, remembered.

    A word never holds a space, so a sentence's words are the words of its runs, and the sum
    over the runs is the sum over the words. Splitting at spaces is many times cheaper than
    finding the words with a pattern, and a plan repeats the same runs again and again.
    """

    def __missing__(self, chunk: str) -> int:
        packed = sum(map(_TOKEN_WEIGHTS.__getitem__, _TOKEN.findall(chunk)))
        if len(self) > 100_000:  # unbounded input must not grow it forever
            self.clear()
        self[chunk] = packed
        return packed


_CHUNK_WEIGHTS: Final = _ChunkWeights()


def language_cues(text: str, *, verbs: bool = True) -> dict[str, int]:
    """Each language's clues in a normalized sentence: its cue words and endings, its letters,
    and (with ``verbs``) 3 more when it opens with one of its coach verbs ("pubblicare")."""
    total = sum(map(_CHUNK_WEIGHTS.__getitem__, text.split()))
    scores = {}
    for code in VOCABULARIES:
        scores[code] = total & _WEIGHT_MASK
        total >>= _WEIGHT_BITS
    if verbs:
        add_verb_cues(text, scores)
    return scores


def add_verb_cues(text: str, scores: dict[str, int]) -> None:
    """Add 3 to the score of each language whose coach verbs open ``text`` ("pubblicare")."""
    for code in VOCABULARIES:
        if matchers_for(code).opening_any.match(text):
            scores[code] += 3


# Key results -------------------------------------------------------------------------------


@dataclass(slots=True)  # one a key result: slotted, not frozen, is built fastest; read-only
class KeyResultReading:
    """What the words of one key result say; ``engine`` decides which rules fire."""

    activity: str | None  # a verb of doing, or a count of work ("launch", "5 workshops")
    milestone: str | None  # a milestone verb it opens with ("sign", "ottenere")
    vanity: str | None
    login_view: str | None


def read_key_result(text: str, code: str, *, milestone: bool = True) -> KeyResultReading:
    """Read a normalized key result sentence in language ``code``.

    ``milestone=False`` leaves ``milestone`` out (``None``): the engine only needs it for a
    sentence without numbers, and asks ``opening_milestone`` itself then.
    """
    m = matchers_for(code)
    runs = text.split()  # for the word lists' first-word test (``_Words.heads``)
    activity = m.opening_activity.match(text) or m.activity_count.search(text, runs)
    vanity = login_view = None
    if m.watched.search(text, runs) is not None:  # most name no total, login or visit
        # The "%" of a change ("by 35%") does not make the metric a share or a rate.
        measure = text
        if "%" in text or "percent" in text:
            measure = m.relative_change.sub(" ", text, runs)
        # Work ("5 research sessions"), places ("sign-up flow") and the object of a counted
        # activity are not web metrics or totals.
        countable = m.not_counts.sub(_blank, text, runs)
        work = m.activity_object.match(text) if activity is not None else None
        if work is not None:  # found on the sentence itself: its subject may hold work words
            countable = " " * work.end() + countable[work.end() :]
        vanity = _vanity(countable, measure, m, runs)
        login_view = _login_view(countable, measure, m, runs)
    return KeyResultReading(
        _found(activity), opening_milestone(text, code) if milestone else None, vanity, login_view
    )


def opening_milestone(text: str, code: str) -> str | None:
    """The milestone verb a normalized key result opens with ("sign", "ottenere")."""
    return _found(matchers_for(code).opening_milestone.match(text))


def multiplier(text: str, code: str) -> str | None:
    """A relative change in words ("double", "in half", "dimezzare", "diviser par deux")."""
    return _found(matchers_for(code).multiplier.search(text))


def quantity(text: str, code: str) -> str | None:
    """A number word the parser does not read ("two", "a dozen", "un milione", "plusieurs")."""
    return _found(matchers_for(code).quantity.search(text))


def recurrence(text: str, code: str) -> str | None:
    """Work done again and again ("every week", "a settimana"): an activity, not a milestone."""
    return _found(matchers_for(code).recurrence.search(text))


def _vanity(countable: str, measure: str, m: Matchers, runs: list[str]) -> str | None:
    """A cumulative total, or a count that only grows and is not per period, rate or share.

    ``countable`` and ``measure`` are copies of one sentence; ``runs`` are its runs of
    non-spaces."""
    found = m.cumulative.search(countable, runs) or m.vanity_noun.search(countable, runs)
    if found and not m.ratio.search(measure, runs) and not m.value.search(measure, runs):
        return found.group(0)
    return None


def _login_view(countable: str, measure: str, m: Matchers, runs: list[str]) -> str | None:
    """Logins, visits, page views or impressions measured for their own sake (not as the
    denominator of a rate, nor beside the money or time they bring)."""
    found = m.login_view.search(countable, runs)
    if found is None or m.value.search(measure, runs):
        return None
    if found.group(0).startswith("visit") and _physical_visit(measure, m, runs):
        return None  # people who came to a museum or a shop, not web traffic
    denominator = m.denominator.search(measure, runs)
    if denominator is None or _attention_per_attention(found, denominator, measure, m):
        return found.group(0)
    return None


def _physical_visit(measure: str, m: Matchers, runs: list[str]) -> bool:
    """Visitors of a museum or a shop, unless the visits are to a website or an app."""
    return m.physical_place.search(measure, runs) is not None and _ONLINE.search(measure) is None


# Words that put visits online ("visites sur le site", "visite al sito", "website visits").
_ONLINE: Final = re.compile(r"(?<!\w)(?:site|sito|website|web|online|en ligne|app)(?!\w)")


def _attention_per_attention(
    found: re.Match[str], denominator: re.Match[str], measure: str, m: Matchers
) -> bool:
    """ "Page views per visit": attention divided by attention is still no value received."""
    between = measure[found.end() : denominator.start()]
    return not between.strip() and _ATTENTION.search(denominator.group(0)) is not None


# The stems of attention metrics in denominators ("per session", "par visite", "per accesso").
_ATTENTION: Final = re.compile(
    r"(?:visit|session|log-?in|sign-?in|page ?view|impression|accesso|accessi|connexion)"
)


# Objectives --------------------------------------------------------------------------------


def too_big(text: str, code: str) -> str | None:
    """An ambition beyond a quarter ("market leader", "worldwide"), unless framed as learning."""
    m = matchers_for(code)
    runs = text.split()
    found = m.too_big.search(text, runs)
    if found and not m.learning.search(text[: found.start()], runs):
        return found.group(0)
    return None


def prescribes_output(text: str, code: str) -> str | None:
    """An objective that names the solution ("Build a mobile app", "Disable features")."""
    m = matchers_for(code)
    return _found(m.opening_output.match(text) or m.opening_weak_output.match(text))


def chases_parity(text: str, code: str, flat: str | None = None) -> str | None:
    """An objective that chases a competitor's features.

    ``text`` is normalized; ``flat`` is the same sentence with its case kept (``flatten``),
    where a comparison followed by a name ("égaler Doctolib") is looked for.
    """
    m = matchers_for(code)
    runs = text.split()
    phrase = m.parity.search(text, runs)
    if phrase:
        return phrase.group(0)
    competitor = m.competitor.search(text, runs)
    if competitor and m.feature_word.search(text, runs):
        return competitor.group(0)
    named = m.named_comparison.search(flat) if flat else None
    return named.group(0) if named else None


def carries_numbers(text: str, code: str, flat: str | None = None) -> str | None:
    """A number or number word in an objective ("by 20%", "double"): they belong in key results.

    ``flat`` (the sentence with its case kept) lets product versions ("PostgreSQL 16") be told
    from amounts; without it ``text`` is used.
    """
    source = flat if flat is not None else text
    masked = mask_names_and_dates(source)
    digit = _DIGIT.search(masked)
    if digit:
        end = re.match(r"[\d.,\s]*(?:%|k|m|€|\$|x)?", masked[digit.start() :], re.IGNORECASE)
        return source[digit.start() : digit.start() + (end.end() if end else 1)].strip()
    return _found(matchers_for(code).number_word.search(text, text.split()))
