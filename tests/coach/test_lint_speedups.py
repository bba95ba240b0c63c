"""The shortcuts that make linting a large plan fast give what the plain computations give.

Packed language weights, a milestone read only when asked and rendered texts filled in once
per rule: each is checked against the straightforward way of computing it.
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
