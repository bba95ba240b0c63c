"""The shortcuts that make linting a large plan fast give what the plain computations give.

Packed language weights, a milestone read only when asked, rendered texts filled in once
per rule and the deadline finders' pre-checks: each is checked against the straightforward way
of computing it.
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
