"""Language detection: function words and opening verbs, English when unsure."""

from __future__ import annotations

import pytest

from okrs.coach import detect_language
from okrs.coach.parsing import language_scores


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Raise the share of annual plans from 20% to 30%", "en"),
        ("Aumentare la quota di piani annuali dal 20% al 30%", "it"),
        ("Augmenter la part des abonnements annuels de 20 % à 30 %", "fr"),
        ("Tempo medio di consegna sotto i 3 giorni", "it"),
        ("Délai moyen de livraison sous 3 jours", "fr"),
        ("Average delivery time under 3 days", "en"),
        # No clue at all: English.
        ("NPS 45", "en"),
        ("", "en"),
        ("12 → 20", "en"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_an_opening_verb_counts_more_than_a_word() -> None:
    scores = language_scores("Ridurre churn")
    assert scores["it"] > scores["en"] == scores["fr"] == 0
