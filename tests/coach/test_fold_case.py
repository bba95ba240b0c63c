"""``fold_case``: lowered text read case-sensitively finds what the text finds case-insensitively.

The parser reads words in lowered text with case-sensitive patterns because the regex engine
runs those several times faster (``okrs.coach.parsing.grammar``). That is only right where
lowering a character agrees with how ``re.IGNORECASE`` matches it, which these tests check
over every Unicode character and over random sentences.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrs.coach.parsing.deadlines import _finders
from okrs.coach.parsing.grammar import fold_case, grammar_for
from okrs.coach.parsing.languages import LANGUAGES

DOTTED_CAPITAL_I, LONG_S, DOTLESS_I = "\u0130", "\u017f", "\u0131"
# What the patterns are made of: the vocabularies' letters, and the classes around them.
CLASSES = [r"\w", r"\W", r"\s", r"\d", r"[^\W\d_]", "[a-z]", r"[^:\n]"]


def _vocabulary_letters() -> set[str]:
    letters: set[str] = set()
    for vocabulary in LANGUAGES.values():
        for phrases in (
            vocabulary.markers,
            vocabulary.articles,
            vocabulary.units,
            vocabulary.multipliers,
            vocabulary.months,
            vocabulary.ordinals,
            vocabulary.or_more,
            vocabulary.or_less,
            vocabulary.metric_stopwords,
            vocabulary.noun_connectors,
            vocabulary.deadline_prefixes,
            vocabulary.deadline_articles,
            vocabulary.deadline_phrases,
            vocabulary.relative_prefixes,
            vocabulary.relative_infixes,
        ):
            letters |= {character for phrase in phrases for character in phrase.lower()}
        for fragments in vocabulary.verbs.values():
            for fragment in fragments:
                letters |= set(re.sub(r"\\.", "", fragment))
    return {letter for letter in letters if letter.isalpha()}


def test_vocabularies_are_written_in_lower_case() -> None:
    # The lowered patterns are the same patterns without IGNORECASE: a capital would not match.
    assert _vocabulary_letters() == {letter.lower() for letter in _vocabulary_letters()}


def test_the_three_characters_lowering_cannot_stand_for_are_refused() -> None:
    assert fold_case(f"{DOTTED_CAPITAL_I}stanbul") is None  # two characters once lowered
    assert fold_case(f"cro{LONG_S}{LONG_S}") is None  # IGNORECASE also reads it as "s"
    assert fold_case(f"l{DOTLESS_I}m{DOTLESS_I}t") is None  # … and this one as "i"
    assert fold_case("KR1: Réduire le CHURN") == "kr1: réduire le churn"
    assert fold_case("") == ""


def test_the_refused_characters_are_the_ones_the_engine_matches_otherwise() -> None:
    assert re.fullmatch("s", LONG_S, re.IGNORECASE)
    assert LONG_S.lower() == LONG_S
    assert re.fullmatch("i", DOTLESS_I, re.IGNORECASE)
    assert DOTLESS_I.lower() == DOTLESS_I
    assert len(DOTTED_CAPITAL_I.lower()) == 2


def test_lowering_agrees_with_ignorecase_on_every_other_character() -> None:
    # Every character but the surrogates, lowered one by one: str.lower only looks at its
    # neighbours for a final sigma, and either sigma is a letter to every pattern here.
    characters = "".join(
        chr(code)
        for code in range(sys.maxunicode + 1)
        if not 0xD800 <= code < 0xE000 and fold_case(chr(code)) is not None
    )
    lowered = "".join(character.lower() for character in characters)
    assert len(lowered) == len(characters)
    atoms = [re.escape(letter) for letter in sorted(_vocabulary_letters())] + CLASSES
    for atom in atoms:
        anycase = [m.start() for m in re.finditer(atom, characters, re.IGNORECASE)]
        in_lower_case = [m.start() for m in re.finditer(atom, lowered)]
        assert anycase == in_lower_case, atom


def _lowered_pairs(lang: str) -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """Each pattern for text as written with its twin for lowered text."""
    grammar = grammar_for(lang)
    pairs = [
        (getattr(grammar.exact, name), getattr(grammar.lowered, name))
        for name in ("marker_before", "or_more", "or_less", "or_more_or_less", "leading_verb")
    ]
    for _, finder in _finders(lang).finders:
        if finder.pattern.lowered is not None:
            pairs.append((finder.pattern.exact, finder.pattern.lowered))
    # Cores and their run tests always read lowered text: they must find what IGNORECASE
    # finds in the text.
    cores = [core.pattern for core in _finders(lang).cores] + list(_finders(lang).runs.patterns)
    pairs += [(re.compile(core.pattern, re.IGNORECASE), core) for core in cores]
    return pairs


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...]]:
    """Every match with the span of each of its groups, where the lowered twin must agree."""
    return [
        tuple(match.span(group) for group in range(pattern.groups + 1))
        for match in pattern.finditer(text)
    ]


FRAGMENTS = [
    *"aAeEiIoOuUsSkKqQhHtT \u2019'-.,:%€$0123456789",
    "\u00a0",
    "\u202f",
    "\u212a",  # Kelvin sign, lowered to "k"
    "\u00c0",
    "\u00c9",
    "\u00ca",
    "\u0178",
    "\u03a3",
    "ß",
    DOTTED_CAPITAL_I,
    LONG_S,
    DOTLESS_I,
    "Increase ",
    "RIDURRE ",
    "Réduire ",
    " FROM ",
    " TO ",
    " at least ",
    " AU MOINS ",
    " Sotto Il ",
    " OR MORE",
    " O Più",
    " by Q3",
    " ENTRO IL Q4 2026",
    " d'ici fin JUIN",
    " Within 12 Weeks",
    " End Of Year",
    "KR1: ",
    "Support: ",
    # The characters lowering gets wrong, inside words the patterns look for.
    f" at lea{LONG_S}t ",
    f"Increa{LONG_S}e ",
    f" w{DOTLESS_I}thin 12 weeks",
    f" entro {DOTTED_CAPITAL_I}L Q3",
    "\u212aeep ",
]
TEXT = st.lists(st.sampled_from(FRAGMENTS), max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(sorted(LANGUAGES)))
def test_lowered_patterns_find_what_the_patterns_find(text: str, lang: str) -> None:
    folded = fold_case(text)
    if folded is None:
        assert any(character in text for character in (DOTTED_CAPITAL_I, LONG_S, DOTLESS_I))
        return
    assert len(folded) == len(text)
    for exact, lowered in _lowered_pairs(lang):
        assert _found(exact, text) == _found(lowered, folded), exact.pattern[:80]


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_a_lowered_pattern_ignores_capitals_the_exact_one_reads(lang: str) -> None:
    # The same sentence in capitals reads the same once folded: a capital never escapes.
    text = {
        "en": "KR1: INCREASE NPS FROM 30 TO AT LEAST 45 OR MORE BY Q3",
        "it": "KR1: AUMENTARE L'NPS DA 30 AD ALMENO 45 O PIÙ ENTRO IL Q3",
        "fr": "KR1: AUGMENTER LE NPS DE 30 À AU MOINS 45 OU PLUS D'ICI LE T3",
    }[lang]
    folded = fold_case(text)
    assert folded is not None
    for exact, lowered in _lowered_pairs(lang):
        assert _found(exact, text) == _found(lowered, folded)
        assert _found(exact, text.lower()) == _found(exact, text)
