"""The shortcuts that make linting a large plan fast give what the plain computations give.

Packed language weights summed by runs of non-spaces, a milestone read only when asked,
rendered texts filled in once per rule, the deadline finders' pre-checks, the word lists'
first-word test and the number search that starts at the digit: each is checked against the
straightforward way of computing it.
"""

from __future__ import annotations

import pytest

from okrs.coach.findings import Finding
from okrs.coach.linting import render
from okrs.coach.linting import text as words
from okrs.coach.linting.languages import VOCABULARIES
from okrs.coach.linting.rules import RULES

SENTENCES = (
    "increase 90-day retention from 60% to 75% by q3",
    "aumentare le visite dei genitori da 120 mila a 1500 mila",
    "faire passer le taux de remboursement de 12 % à 67 % d'ici fin mars",
    "lancer l'application d'ici le t3",
    "pubblicare 12 articoli sul blog",
    "",
    "2027",
    "portare l'nps dal 30% all'80% — end-to-end, (beta) d'ici l'été; sign-ups/day",
)


def _plain_cues(text: str) -> dict[str, int]:
    """Each language's cue score, one word and one language at a time."""
    scores = dict.fromkeys(VOCABULARIES, 0)
    for token in words._TOKEN.findall(text):
        for code in VOCABULARIES:
            m = words.matchers_for(code)
            scores[code] += token in m.cue_words
            scores[code] += bool(m.cue_endings and token.endswith(m.cue_endings))
            if m.cue_letters is not None:
                scores[code] += len(m.cue_letters.findall(token))
    return scores


@pytest.mark.parametrize("text", SENTENCES)
def test_packed_language_cues_add_up_like_one_word_at_a_time(text: str) -> None:
    assert words.language_cues(text, verbs=False) == _plain_cues(text)
    with_verbs = _plain_cues(text)
    words.add_verb_cues(text, with_verbs)
    assert words.language_cues(text) == with_verbs


@pytest.mark.parametrize("text", SENTENCES)
def test_the_milestone_is_read_only_when_asked(text: str) -> None:
    for code in VOCABULARIES:
        full = words.read_key_result(text, code)
        short = words.read_key_result(text, code, milestone=False)
        assert short.milestone is None
        assert (short.activity, short.vanity, short.login_view) == (
            full.activity,
            full.vanity,
            full.login_view,
        )
        assert full.milestone == words.opening_milestone(text, code)


def _finding(rule_id: str, path: str, **params: object) -> Finding:
    rule = RULES[rule_id]
    return Finding(rule.id, rule.category, rule.severity, path, params)


@pytest.mark.parametrize("lang", ["en", "it", "fr"])
def test_rendering_fills_each_text_as_one_finding_at_a_time_would(lang: str) -> None:
    from django.utils import translation

    findings = [
        _finding("kr-not-measurable", "a"),
        _finding("kr-not-measurable", "b"),
        _finding("kr-activity", "c", evidence="launch"),
        _finding(
            "kr-conflict",
            "d",
            team="A",
            other_team="B",
            metric="churn",
            direction="raise",
            other_direction="lower",
            other="Cut churn",
        ),
    ]
    rendered = render(findings, lang)
    with translation.override(lang):
        for finding, shown in zip(findings, rendered, strict=True):
            rule = RULES[finding.rule]
            params = {
                key: translation.gettext(value) if key.endswith("direction") else value
                for key, value in finding.params.items()
            }
            assert shown.message == translation.gettext(rule.message) % params
            assert shown.suggestion == translation.gettext(rule.suggestion) % params
            assert shown.why == translation.gettext(rule.why) % params
            assert (shown.path, shown.severity) == (finding.path, str(finding.severity))


DEADLINE_SENTENCES = (
    "Grow signups from 100 to 150 by Q2",
    "Grow signups from 100 to 150 by 2027-06-30, then 2027 Q3",
    "Ship it by 30/06/2027 or by June at the latest",
    "Grow signups from 100 to 150 by the end of the fourth quarter",
    "Raise NPS from 30 to 45",
    "Launch the new onboarding",
    "Portare le iscrizioni da 100 a 150 entro il secondo trimestre 2027",
    "Faire passer la conversion de 2 % à 3 % d'ici fin mars 2027",
    "Réduire le churn de 5 % au T3, puis d'ici 6 mois",
    "Réduire le churn d\u2019ici fin mars, puis d\u2019 ici la fin de l\u2019année",
    "Hit 40% by year-end, then by eoq; march on",
    "Portare il churn al 2% entro fine anno e in 30 giorni",
    "Marketing summary for the main login",
)


@pytest.mark.parametrize("text", DEADLINE_SENTENCES)
@pytest.mark.parametrize("lang", ["en", "it", "fr"])
def test_deadline_pre_checks_find_what_every_finder_finds(text: str, lang: str) -> None:
    """The patterns that join the cores skip a sentence or a prefix of it only when no finder
    would match there: the folded search gives what the exhaustive one gives."""
    from okrs.coach.parsing.deadlines import find_deadlines, find_folded_deadlines

    exhaustive = find_folded_deadlines(text, None, lang)  # no fold: every finder scans it all
    assert find_deadlines(text, lang) == exhaustive
    assert find_folded_deadlines(text, text.lower(), lang) == exhaustive


@pytest.mark.parametrize("lang", sorted(VOCABULARIES))
def test_grouped_nouns_match_what_the_plain_alternation_matches(lang: str) -> None:
    """Grouping a count's nouns by first letter changes no match, nor its span."""
    import re

    nouns = VOCABULARIES[lang].activity_nouns
    grouped = re.compile(r"\d+\s(?:[\w'/-]+\s+){0,2}" + words._grouped_alternation(nouns))
    plain = re.compile(r"\d+\s(?:[\w'/-]+\s+){0,2}" + words._alternation(nouns))
    for noun in nouns:
        for part in words._expand(noun):
            text = "run 12 new " + part.replace("?", "").replace("\\", "") + " today"
            for sentence in (text, text.replace(" today", ""), "12 " + part[:3]):
                found, expected = grouped.search(sentence), plain.search(sentence)
                assert (found and found.group(0)) == (expected and expected.group(0)), sentence


# The word lists' first-word test (``_Words.heads``) ---------------------------------------


def _sentences_to_try() -> list[str]:
    """Normalized sentences that name what the lists look for: the labelled corpus, a
    generated plan, and the lists' own entries written out in a sentence."""
    from okrs.coach.benchmark import generated_plan
    from okrs.coach.evaluation import load_corpus

    texts = {words.normalize(sample.text) for sample in load_corpus()}
    plan = generated_plan(600, seed=3)
    texts |= {words.normalize(o.title) for o in plan.objectives}
    texts |= {words.normalize(kr.title) for o in plan.objectives for kr in o.key_results}
    texts |= set(SENTENCES)
    return sorted(texts)


def _lists(code: str) -> list[tuple[str, words._Words]]:
    m = words.matchers_for(code)
    return [
        (name, value)
        for name in m.__dataclass_fields__
        if isinstance(value := getattr(m, name), words._Words)
    ]


@pytest.mark.parametrize("code", sorted(VOCABULARIES))
def test_the_first_word_test_skips_only_sentences_without_a_match(code: str) -> None:
    """Searching with the sentence's runs finds exactly what searching without them finds,
    in the sentence and in the copies the rules search (parts blanked or replaced)."""
    lists = _lists(code)
    assert sum(w.heads is not None for _name, w in lists) >= 8  # the test is in use
    m = words.matchers_for(code)
    for text in _sentences_to_try():
        runs = text.split()
        copies = (text, m.not_counts.sub(words._blank, text), m.relative_change.sub(" ", text))
        for name, word_list in lists:
            for copy in copies:
                found, expected = word_list.search(copy, runs), word_list.search(copy)
                assert (found and found.span()) == (expected and expected.span()), (name, copy)
            assert word_list.sub(words._blank, text, runs) == word_list.sub(words._blank, text)


@pytest.mark.parametrize("code", sorted(VOCABULARIES))
def test_every_entry_written_out_is_found_with_the_first_word_test(code: str) -> None:
    """Each plain entry of each list, in a sentence of its own: the runs never hide it."""
    for name, word_list in _lists(code):
        if word_list.heads is None:
            continue
        for pattern in word_list.patterns:
            for entry in words._top_level_split(pattern.pattern):
                plain = "".join(c for c in entry if c.isalpha() or c in " '-")
                for text in (f"we {plain} now", plain, f"x{plain}y z"):
                    found, expected = word_list.search(text, text.split()), word_list.search(text)
                    assert (found and found.span()) == (expected and expected.span()), (name, text)


@pytest.mark.parametrize(
    ("part", "heads"),
    [
        ("downloads?", {"download"}),
        ("a whole generation", {"generation"}),
        ("a (?:day|week)", {"day", "week"}),
        ("to (?:register|download)(?:s|ed)?", {"register", "download"}),
        ("(?:customer |user )?interviews?", {"interview"}),
        ("aumentare (?:la )?(?:[\\w-]+ )?(?:community|comunità)", {"community", "comunità"}),
        ("(?:ab){0,2}", None),
        ("(?:ab){2}cd", {"cd"}),
        ("(?<!par )rapports?", {"rapport"}),
        ("e-?mails? envoyés?", {"envoyé"}),
        ("[\\w-]+ enregistré(?:e|s|es)", {"enregistré"}),
        ("\\$", {"$"}),
        ("\\d+-(?:day|week)", {"day", "week"}),
        ("ab{2,3}cd", {"cd"}),
        ("\\d+x", None),
        ("a (?:b|c)?d", None),
        ("n\\.? ?1", None),
    ],
)
def test_the_words_every_match_of_an_entry_holds(part: str, heads: set[str] | None) -> None:
    assert words._part_heads(part) == heads


# The number search ------------------------------------------------------------------------


NUMBER_SENTENCES = (
    "Raise ARR from USD 5 to usd 7 million",
    "Cut losses from -5% to -2% and \u22123 %",
    "Grow revenue from € 1,2 M to €1,5 M",
    "Reduce cost to $ 40, then US$30 and 20 EUR",
    "Tenere il margine sopra i 2 000 € e CHF 3",
    "Réduire le coût de 1 234,5 € à JPY 900",
    "5 to 7",
    "no number here",
)


@pytest.mark.parametrize("text", NUMBER_SENTENCES)
@pytest.mark.parametrize("lang", ["en", "it", "fr"])
def test_the_number_search_finds_what_a_scan_of_every_position_finds(text: str, lang: str) -> None:
    """Starting at the digit unless a currency or a sign can open the token changes nothing."""
    from okrs.coach.parsing.engine import _number_matches
    from okrs.coach.parsing.grammar import grammar_for

    pattern = grammar_for(lang).token
    found = [m.span() for m in _number_matches(text, pattern)]
    assert found == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("lang", ["en", "it", "fr"])
def test_the_cores_run_tests_skip_only_sentences_without_the_core(lang: str) -> None:
    """Over the labelled corpus and a generated plan, the deadlines found through the cores'
    run tests are the deadlines every finder finds when it scans the whole sentence."""
    from okrs.coach.benchmark import generated_plan
    from okrs.coach.evaluation import load_corpus
    from okrs.coach.parsing.deadlines import find_deadlines, find_folded_deadlines

    plan = generated_plan(600, seed=5)
    texts = [sample.text for sample in load_corpus()]
    texts += [kr.title for o in plan.objectives for kr in o.key_results]
    texts += list(DEADLINE_SENTENCES)
    for text in texts:
        assert find_deadlines(text, lang) == find_folded_deadlines(text, None, lang), text


@pytest.mark.parametrize("lang", ["en", "it", "fr"])
def test_or_more_is_looked_for_wherever_the_pattern_finds_it(lang: str) -> None:
    """The run test before "or more" / "or less" never hides a match of the pattern."""
    from okrs.coach.parsing.engine import _may_say_or_more
    from okrs.coach.parsing.grammar import grammar_for

    grammar = grammar_for(lang)
    vocabulary = grammar.vocabulary
    for phrase in (*vocabulary.or_more, *vocabulary.or_less):
        for shape in ("40 {}", "40 tickets {}", "40%{}", "40 {} per week", "40, {}", "40  {}"):
            for written in (phrase, phrase.upper(), phrase.title()):
                text = shape.format(written)
                end = 2 if not text.startswith("40%") else 3
                for read, patterns in ((text, grammar.exact), (text.lower(), grammar.lowered)):
                    if patterns.or_more_or_less.match(read[end:]) is not None:
                        assert _may_say_or_more(read, end, grammar), text


def test_a_title_skipped_by_the_bullet_pre_check_holds_no_bullet() -> None:
    """Only a title that opens with one of ``_BULLET_OPENERS``, a digit, or a character and
    ")" is matched against the bullet pattern: no other opening can start a bullet."""
    endings = ("1: x", "1) x", "R1: x", " x", "1. x", "r1:x", "-1 x", "r-1:x", ") x", "  x")
    characters = [chr(code) for code in range(0x3000)] + ["\u212a", "\u0130", "\u017f"]
    for character in characters:
        if character.isspace() or character in words._TYPOGRAPHIC_APOSTROPHES:
            continue  # flattened into what follows, or into a plain apostrophe
        skipped = not (character in words._BULLET_OPENERS or character.isdecimal())
        for ending in endings:
            text = character + ending
            if skipped and text[1:2] != ")":
                assert words._BULLET.match(text) is None, text
                assert words.flatten(text) == " ".join(text.split())


def test_only_codes_that_lie_inside_one_run_get_a_run_test() -> None:
    """A code core is skipped by its run test only when no match can hold a space: the year
    and the numeric date. The quarter code ("q 3") is always searched for. A new code core
    must be added here once it is known to lie inside one run."""
    from okrs.coach.parsing.deadlines import _finders

    one_run = {r"(?:19|20)\d{2}", r"\d[/.]\d{1,2}[/.]\d\d"}
    for lang in ("en", "it", "fr"):
        finders = _finders(lang)
        for index, (core, test) in enumerate(
            zip(finders.cores, finders.runs.patterns, strict=True)
        ):
            if core.phrases:
                continue
            if finders.searched >> index & 1:
                assert test.pattern == "(?!)"
            else:
                assert core.pattern.pattern in one_run, core.pattern.pattern
