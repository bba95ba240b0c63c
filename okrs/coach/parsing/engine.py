"""Read a key result written in plain words into metric, baseline, target, unit, direction.

``parse_key_result("Increase 90-day retention from 60% to 75% by Q3")`` finds, in order:

1. the language (given, or guessed by ``detect_language``);
2. the deadline, which is then blanked out so its numbers ("Q3 2026") are not values;
3. every number with its currency, multiplier and unit, and the word right before it that
   says what it is (``Role``: from, to, at least, under, by …);
4. the baseline and the target among them, and the unit;
5. the direction, from the verb, the thresholds and the numbers;
6. the metric: the words between the verb and the first value.

The rules, with examples in each language, are in ``docs/coach-parser.md``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from okrs.coach.numbers import NumberFormatError, parse_number
from okrs.coach.parsing.deadlines import Deadline, choose_deadline, find_folded_deadlines
from okrs.coach.parsing.detection import detect_language
from okrs.coach.parsing.grammar import (
    DIGIT_REACH,
    METRIC_JUNK,
    TOKEN_OPENER_ENDINGS,
    Grammar,
    WordPatterns,
    fold_case,
    grammar_for,
    lookup_phrase,
)
from okrs.coach.parsing.languages import vocabulary_for
from okrs.coach.parsing.vocabulary import (
    CURRENCY_SYMBOLS,
    SECONDS_PER_UNIT,
    Role,
    VerbKind,
)
from okrs.goals.progress import Direction

THRESHOLDS: Final = frozenset({Role.AT_LEAST, Role.AT_MOST})
_TARGETS: Final = frozenset({Role.TARGET, Role.AT_LEAST, Role.AT_MOST})
_AMBIGUOUS: Final = frozenset({Role.BASELINE_OR_CHANGE, Role.CHANGE_OR_VALUE})
_MOVING: Final = frozenset({VerbKind.INCREASE, VerbKind.DECREASE})
_MARKER_WINDOW: Final = 48
_NOUN_END: Final = re.compile(r"[,;:()\[\]!?]|\.(?!\d)|\s[-\u2013—]\s")
_DIGIT: Final = re.compile(r"\d")
_VERB_KINDS: Final = {kind.value: kind for kind in VerbKind}
# Typographic apostrophes read as plain ones; one character for one, so positions still match.
_APOSTROPHES: Final = ("\u2019", "\u2018", "\u02bc")


@dataclass(frozen=True, slots=True)
class Amount:
    """A number with its unit, such as the "30%" of "reduce churn by 30%"."""

    value: Decimal
    unit: str | None = None


# Slots: a plan parses tens of thousands of sentences, and slotted objects are built faster.
@dataclass(frozen=True, slots=True)
class ParsedKeyResult:
    """What a key result sentence says, field by field; ``None`` where it says nothing.

    ``baseline`` and ``target`` are exact ``Decimal`` values with multipliers applied
    ("€1,2 M" is ``Decimal("1200000")``). ``change`` holds a relative change such as the
    "30%" of "reduce churn by 30%": it is not a target, so such a sentence has no target.
    """

    metric: str | None
    baseline: Decimal | None
    target: Decimal | None
    unit: str | None
    direction: Direction | None
    deadline: str | None
    lang: str
    change: Amount | None = None

    def to_json(self) -> dict[str, str | int | float | None]:
        """The seven public fields as JSON-ready values: numbers as numbers, absent as None."""
        return {
            "metric": self.metric,
            "baseline": _json_number(self.baseline),
            "target": _json_number(self.target),
            "unit": self.unit,
            "direction": self.direction.value if self.direction else None,
            "deadline": self.deadline,
            "lang": self.lang,
        }


def _json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


@dataclass(slots=True)
class _Token:
    """One number in the text, and what the word before it says about it."""

    start: int  # where the number (with its currency sign) starts
    end: int  # where it ends, after its unit and any "or more"
    digits_end: int  # where its digits end, before the unit
    value: Decimal
    raw: Decimal  # before the multiplier
    multiplier: int
    unit: str | None
    role: Role | None = None
    marker_start: int = -1  # where the word that gives the role starts

    @property
    def first(self) -> int:
        """Where this value starts in the text, its marker included."""
        return self.marker_start if self.marker_start >= 0 else self.start


def _plain_apostrophes(text: str) -> str:
    """``text`` with plain apostrophes (``replace`` is many times faster than ``translate``)."""
    if text.isascii():  # most sentences, and every one the linter flattened: nothing to do
        return text
    for apostrophe in _APOSTROPHES:
        text = text.replace(apostrophe, "'")
    return text


def _mask(text: str, deadlines: list[Deadline]) -> str:
    """``text`` with each deadline blanked out, every character kept in place."""
    for deadline in deadlines:
        width = deadline.end - deadline.start
        text = text[: deadline.start] + " " * width + text[deadline.end :]
    return text


def _number_matches(masked: str, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """What ``pattern.finditer(masked)`` finds, without trying it at every position.

    Every number token holds a digit at most ``DIGIT_REACH`` characters after its start, so
    the search can leap from digit to digit: the engine finds a digit far faster on its own
    than it tries the token pattern, with its currencies, at each character.
    """
    matches = []
    position = 0
    while (digit := _DIGIT.search(masked, position)) is not None:
        start = digit.start()
        if _may_open_before(masked, start):
            start = max(position, start - DIGIT_REACH)
        match = pattern.search(masked, start)
        if match is None:
            break
        matches.append(match)
        position = match.end()  # a token is never empty, so this moves on
    return matches


def _may_open_before(masked: str, digit: int) -> bool:
    """Whether a token can start before the digit at ``digit``.

    Only a minus sign or a currency can: "-5", "€5", "$ 5", "USD 5" (one of
    ``TOKEN_OPENER_ENDINGS`` right before the digit, or before one space). After most
    numbers' "from ", "to " or "dal " the search then starts at the digit itself, instead of
    trying the token pattern, currencies and all, at each of the characters before it. Any
    character outside ASCII counts, so case folding cannot hide a currency.
    """
    if digit == 0:
        return False
    before = masked[digit - 1]
    if before.isspace():
        if digit == 1:
            return False
        before = masked[digit - 2]
    return not before.isascii() or before.lower() in TOKEN_OPENER_ENDINGS


def _tokens(masked: str, grammar: Grammar, lang: str) -> list[_Token]:
    tokens = []
    for match in _number_matches(masked, grammar.token):
        number, multiplier_word, unit_word, currency, plus = match.group(
            "num", "mult", "unit", "pre", "plus"
        )
        try:
            raw = parse_number(number, lang)
        except NumberFormatError:
            # Digits that are no number in any format ("0.0.0", a version, an IP): not a value.
            continue
        # Most numbers have no multiplier, and many no unit: no call for those.
        multiplier = 1 if multiplier_word is None else grammar.multiplier_of(multiplier_word)
        unit = None if unit_word is None else grammar.unit_of(unit_word)
        if unit is None and currency:
            unit = CURRENCY_SYMBOLS.get(currency.lower())
        token = _Token(
            match.start(), match.end(), match.end("num"), raw * multiplier, raw, multiplier, unit
        )
        if plus:
            token.role = Role.AT_LEAST
        tokens.append(token)
    return tokens


def _assign_roles(
    tokens: list[_Token], words: str, patterns: WordPatterns, grammar: Grammar
) -> None:
    """Give each number the role of the word before it ("from", "to", "at least" …).

    ``words`` is the masked text, lowered when ``patterns`` are ``grammar.lowered``.
    """
    digits_end = 0
    for token in tokens:
        # No marker holds a digit, so none starts before the digits of the number before.
        window_start = max(digits_end, token.start - _MARKER_WINDOW)
        digits_end = token.digits_end
        match = patterns.marker_before.search(words, window_start, token.start)
        if match and token.role is None:
            token.role = lookup_phrase(grammar.marker_roles, match["marker"])
            token.marker_start = match.start()
        if not _may_say_or_more(words, token.end, grammar):
            continue  # the common case: no "or more" after the number, nothing to match
        after = words[token.end :]
        if patterns.or_more_or_less.match(after) is None:
            continue
        for pattern, role in (
            (patterns.or_more, Role.AT_LEAST),
            (patterns.or_less, Role.AT_MOST),
        ):
            suffix = pattern.match(after)
            if suffix:
                token.role = role
                if not suffix["noun"]:  # keep "tickets" of "40 tickets or fewer" for the metric
                    token.end += suffix.end()
    # "68% → 80%", "30 to 45": an unmarked number right before a "to" is where we start from.
    for before, token in itertools.pairwise(tokens):
        if (
            token.role is Role.TARGET
            and before.role is None
            and token.marker_start >= 0
            and not words[before.end : token.marker_start].strip()
        ):
            before.role = Role.BASELINE


def _may_say_or_more(words: str, end: int, grammar: Grammar) -> bool:
    """Whether "or more" / "or less" can follow the number that ends at ``end``.

    Each of those phrases opens with a word of ``grammar.or_more_openers`` ("or", "and",
    "o", "ou", "et") followed by a space, so the word stands alone as the first or the second
    run of non-spaces after the number ("40% or more", "40 tickets or fewer"). A run outside
    ASCII counts, so case folding cannot hide one.
    """
    openers = grammar.or_more_openers
    if openers is None:
        return True
    for run in words[end:].split(None, 2)[:2]:
        if run.lower() in openers or not run.isascii():
            return True
    return False


def _resolve_ambiguous_roles(tokens: list[_Token], verb: VerbKind | None) -> None:
    """French "de" and Italian "di"/"del": from, a change, or the value itself."""
    moving = verb in _MOVING
    for index, token in enumerate(tokens):
        if token.role is Role.BASELINE_OR_CHANGE and any(
            later.role in _TARGETS for later in tokens[index + 1 :]
        ):
            token.role = Role.BASELINE
        elif token.role in _AMBIGUOUS:
            token.role = Role.CHANGE if moving else None
            if not moving:
                token.marker_start = -1


def _choose(tokens: list[_Token]) -> tuple[_Token | None, _Token | None]:
    """The baseline and the target among the numbers.

    With a baseline, the target is the first value to reach after it, else the last before
    it. Without one: the first threshold, else the last "to" value, else the first number
    that nothing marks.
    """
    for index, token in enumerate(tokens):
        if token.role is Role.BASELINE:
            return token, _target_around(tokens, index)
    target = unmarked = None
    for token in tokens:
        role = token.role
        if role in THRESHOLDS:
            return None, token
        if role is Role.TARGET:
            target = token
        elif role is None and unmarked is None:
            unmarked = token
    return None, target if target is not None else unmarked


def _target_around(tokens: list[_Token], index: int) -> _Token | None:
    """The first value to reach after ``tokens[index]``, else the last one before it."""
    for token in tokens[index + 1 :]:
        if token.role in _TARGETS:
            return token
    for token in reversed(tokens[:index]):
        if token.role in _TARGETS:
            return token
    return None


def _leading_verb(
    words: str, patterns: WordPatterns, limit: int
) -> tuple[VerbKind | None, int, int]:
    """The verb that opens the key result, its kind and its span (start, end)."""
    match = patterns.leading_verb.match(words, 0, limit)  # as if the text ended at ``limit``
    if match is None or match.lastgroup is None:
        return None, 0, 0
    start, end = match.span(match.lastgroup)
    return _VERB_KINDS[match.lastgroup], start, end


def _align_units(baseline: _Token | None, target: _Token) -> tuple[Decimal | None, str | None]:
    """The baseline in the target's terms, and the unit of the key result."""
    if baseline is None:
        return None, target.unit
    value = baseline.value
    if target.multiplier > 1 and baseline.multiplier == 1 and _close(baseline.raw, target.raw):
        value = baseline.raw * target.multiplier  # "da 1,2 a 1,5 milioni": both in millions
    unit = target.unit or baseline.unit
    if baseline.unit and target.unit and baseline.unit != target.unit:
        value = _convert_time(value, baseline.unit, target.unit)
    return value, unit


def _close(first: Decimal, second: Decimal) -> bool:
    """True when two raw numbers are within a factor of ten of each other."""
    low, high = sorted((abs(first), abs(second)))
    return low > 0 and high / low < 10


def _seconds(unit: str) -> Decimal | None:
    if unit == "ms":
        return Decimal("0.001")
    factor = SECONDS_PER_UNIT.get(unit)
    return Decimal(factor) if factor else None


def _convert_time(value: Decimal, unit: str, into: str) -> Decimal:
    """``value`` in ``unit`` expressed in ``into`` when both are time units ("2 hours" → 120)."""
    source, destination = _seconds(unit), _seconds(into)
    if source is None or destination is None:
        return value
    return value * source / destination


def _direction(
    verb: VerbKind | None,
    baseline: Decimal | None,
    target: _Token | None,
    change: _Token | None,
) -> Direction | None:
    threshold = target.role if target is not None and target.role in THRESHOLDS else None
    if verb is VerbKind.KEEP and target is not None:
        return Direction.AT_MOST if threshold is Role.AT_MOST else Direction.AT_LEAST
    if verb is VerbKind.NOT_EXCEED and target is not None:
        return Direction.AT_MOST
    if target is not None and baseline is not None and baseline != target.value:
        return Direction.INCREASE if target.value > baseline else Direction.DECREASE
    if threshold is not None:
        return Direction.AT_LEAST if threshold is Role.AT_LEAST else Direction.AT_MOST
    if verb is VerbKind.EXCEED and target is not None:
        return Direction.AT_LEAST
    if verb is VerbKind.INCREASE:
        return Direction.INCREASE
    if verb is VerbKind.DECREASE:
        return Direction.DECREASE
    if change is not None and change.value < 0:
        return Direction.DECREASE
    return None


def _clean_metric(text: str, grammar: Grammar) -> str | None:
    words = " ".join(text.split())
    words = grammar.stopwords.sub("", words)
    words = _without_trailing_junk(words, grammar)
    words = words.strip(" \"'“”«»\u2018\u2019`.,;:-\u2013—")
    return words or None


def _without_trailing_junk(words: str, grammar: Grammar) -> str:
    """``grammar.trailing_junk.sub("", words)`` for single-spaced ``words``, peeled from the end.

    The pattern removes the longest tail made of spaces and punctuation (``METRIC_JUNK``) and
    of stopwords after a space (" of", " the"); the regex engine would try it at every
    position. With one-word stopwords the tail comes apart from the right in one way only, so
    taking the pieces off one by one finds the same tail. A last word whose case ``fold_case``
    cannot fold is left to the pattern.
    """
    if grammar.trailing_stopwords is None:
        return grammar.trailing_junk.sub("", words)
    peeled = words
    while True:
        peeled = peeled.rstrip(" " + METRIC_JUNK)  # the only space left is " "
        head, space, last = peeled.rpartition(" ")
        if not space or len(last) > grammar.longest_stopword:
            return peeled  # a stopword needs a space before it, and is short
        folded = fold_case(last)
        if folded is None:
            return grammar.trailing_junk.sub("", words)
        if folded.replace("\u2019", "'") not in grammar.trailing_stopwords:
            return peeled
        peeled = head


def _noun_after(display: str, token: _Token, used: list[_Token], grammar: Grammar) -> str | None:
    """The noun phrase after a count: "2,000 paying customers in Europe" → "paying customers …"."""
    end = min((t.first for t in used if t.first >= token.end), default=len(display))
    rest = display[token.end : end]
    stop = _NOUN_END.search(rest)
    phrase = rest[: stop.start()] if stop else rest
    if grammar.noun_stop is not None:
        phrase = grammar.noun_stop.sub("", phrase)
    phrase = grammar.noun_connectors.sub("", phrase)
    return _clean_metric(phrase, grammar)


def _metric(
    display: str, grammar: Grammar, verb_span: tuple[int, int], used: list[_Token]
) -> str | None:
    """The words between the verb and the first value; else before the verb; else after."""
    verb_start, verb_end = verb_span
    if not used and verb_end == 0:
        return None  # no verb and no value: nothing tells the metric apart
    first_value = _first_start(used, len(display))
    metric = _clean_metric(display[verb_end:first_value], grammar)
    if metric is None and verb_start > 0:
        metric = _clean_metric(display[:verb_start], grammar)
    if metric is None:
        for token in sorted(used, key=lambda t: t.start):
            metric = _noun_after(display, token, used, grammar)
            if metric is not None:
                break
    return metric


def parse_key_result(text: str, lang: str | None = None) -> ParsedKeyResult:
    """Read a key result sentence in English, Italian or French into its parts.

    ``lang`` is "en", "it" or "fr"; when ``None`` the language is guessed from the words.
    Never raises on odd text: what cannot be found is ``None``. An unknown ``lang`` raises
    ``UnknownLanguageError`` (a ``ValueError``).
    """
    code = vocabulary_for(lang).code if lang else detect_language(text)
    grammar = grammar_for(code)
    normalized = _plain_apostrophes(text)
    # Lowered once: the deadline finders read it, and so do the word patterns when no
    # deadline was blanked out (most sentences).
    folded = fold_case(normalized)
    deadlines = find_folded_deadlines(normalized, folded, code)
    deadline = choose_deadline(deadlines)
    masked, display = normalized, text
    if deadlines:
        masked, display = _mask(normalized, deadlines), _mask(text, deadlines)
        folded = fold_case(masked)
    # Words are read in lower case where lowering keeps every position (nearly always).
    words, patterns = (masked, grammar.exact) if folded is None else (folded, grammar.lowered)

    tokens = _tokens(masked, grammar, code)
    _assign_roles(tokens, words, patterns, grammar)
    with_role = [t for t in tokens if t.role is not None]
    verb, verb_start, verb_end = _leading_verb(
        words, patterns, _first_start(with_role, len(masked))
    )
    _resolve_ambiguous_roles(tokens, verb)
    baseline_token, target_token = _choose(tokens)
    change = _first_change(tokens)

    baseline, unit = (None, None)
    if target_token is not None:
        baseline, unit = _align_units(baseline_token, target_token)
    elif baseline_token is not None:
        baseline, unit = baseline_token.value, baseline_token.unit
    used = [t for t in (baseline_token, target_token, change) if t is not None]
    return ParsedKeyResult(  # positional: faster to build than with keywords
        _metric(display, grammar, (verb_start, verb_end), used),
        baseline,
        target_token.value if target_token is not None else None,
        unit,
        _direction(verb, baseline, target_token, change),
        deadline.value if deadline else None,
        code,
        Amount(change.value, change.unit) if change is not None else None,
    )


def _first_start(tokens: list[_Token], default: int) -> int:
    """Where the first of ``tokens`` starts, its marker included; ``default`` without any.

    Plain loops: with a sentence's one or two numbers, a generator costs more than the test.
    """
    if not tokens:
        return default
    first = tokens[0].first
    for token in tokens:
        if token.first < first:
            first = token.first
    return first


def _first_change(tokens: list[_Token]) -> _Token | None:
    """The first number that is a relative change ("by 30%")."""
    for token in tokens:
        if token.role is Role.CHANGE:
            return token
    return None
