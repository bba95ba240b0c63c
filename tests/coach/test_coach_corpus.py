"""The coach's text rules against the labelled corpus (tests/coach/corpus, labels in its README).

Every category in every language must reach the precision and recall goals of
``okrs.coach.evaluation``; a failure lists that category's mistakes, expected -> found.
"""

from __future__ import annotations

import pytest

from okrs.coach.evaluation import (
    CATEGORIES,
    PRECISION_GOAL,
    RECALL_GOAL,
    Evaluation,
    Sample,
    evaluate,
    load_corpus,
)

LANGUAGES = ("en", "it", "fr")
SAMPLES = load_corpus()


@pytest.fixture(scope="module")
def result() -> Evaluation:
    return evaluate(SAMPLES)


def _mistakes(result: Evaluation, category: str, lang: str) -> str:
    lines = []
    for sample, found in result.mistakes:
        if sample.lang == lang and (category in sample.labels) != (category in found):
            expected = ",".join(sorted(sample.labels)) or "-"
            lines.append(f"  {sample.text!r}: {expected} -> {','.join(sorted(found)) or '-'}")
    return "\n".join(lines)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("category", CATEGORIES)
def test_category_reaches_the_precision_and_recall_goals(
    result: Evaluation, category: str, lang: str
) -> None:
    score = result.score(category, lang)
    assert score.support > 0, f"no {lang} sentence is labelled {category}"
    assert score.precision >= PRECISION_GOAL and score.recall >= RECALL_GOAL, (
        f"{category} [{lang}]: precision {score.precision:.2f}, recall {score.recall:.2f} "
        f"(goal {PRECISION_GOAL} / {RECALL_GOAL}); mistakes:\n" + _mistakes(result, category, lang)
    )


def _labelled(kind: str) -> list[Sample]:
    return [sample for sample in SAMPLES if sample.kind == kind]


def test_the_corpus_is_large_enough_and_every_language_has_every_category() -> None:
    assert len(_labelled("key_result")) >= 200
    assert len(_labelled("objective")) >= 60
    assert {sample.lang for sample in SAMPLES} == set(LANGUAGES)
    missing = [
        (lang, category)
        for lang in LANGUAGES
        for category in CATEGORIES
        if not any(s.lang == lang and category in s.labels for s in SAMPLES)
    ]
    assert missing == []
