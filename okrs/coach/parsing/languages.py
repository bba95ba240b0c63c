"""The languages the key-result parser reads. Adding one is one module and one line here."""

from __future__ import annotations

from typing import Final

from okrs.coach.parsing import en, fr, it
from okrs.coach.parsing.vocabulary import Vocabulary

LANGUAGES: Final[dict[str, Vocabulary]] = {
    vocabulary.code: vocabulary for vocabulary in (en.VOCABULARY, it.VOCABULARY, fr.VOCABULARY)
}
# Detection falls back to the first language when nothing points elsewhere.
DEFAULT_LANGUAGE: Final = "en"


class UnknownLanguageError(ValueError):
    """A language code the parser has no vocabulary for."""

    def __init__(self, lang: str) -> None:
        known = ", ".join(sorted(LANGUAGES))
        super().__init__(f"unknown language {lang!r}: use one of {known}")
        self.lang = lang


def vocabulary_for(lang: str) -> Vocabulary:
    """The vocabulary of ``lang`` ("en", "it", "fr"); ``UnknownLanguageError`` otherwise."""
    try:
        return LANGUAGES[lang.lower()]
    except KeyError:
        raise UnknownLanguageError(lang) from None
