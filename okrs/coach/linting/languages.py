"""The languages the coach's text rules know. Adding one is one module and one line here."""

from __future__ import annotations

from typing import Final

from okrs.coach.linting import en, fr, it
from okrs.coach.linting.vocabulary import CoachVocabulary

VOCABULARIES: Final[dict[str, CoachVocabulary]] = {
    vocabulary.code: vocabulary for vocabulary in (en.VOCABULARY, it.VOCABULARY, fr.VOCABULARY)
}
