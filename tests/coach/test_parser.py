"""The parser as a library: its result type, JSON, and the rules for ambiguous sentences."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrs.coach import (
    LANGUAGES,
    Amount,
    ParsedKeyResult,
    UnknownLanguageError,
    parse_key_result,
)
from okrs.goals.progress import Direction

JSON_KEYS = ["metric", "baseline", "target", "unit", "direction", "deadline", "lang"]


def test_a_full_key_result_becomes_exact_json() -> None:
    parsed = parse_key_result("Cut failed payments from 0.8% to 0.35% by Q2 2027")
    assert parsed.to_json() == {
        "metric": "failed payments",
        "baseline": 0.8,
        "target": 0.35,
        "unit": "%",
        "direction": "decrease",
        "deadline": "2027-Q2",
        "lang": "en",
    }
    assert list(parsed.to_json()) == JSON_KEYS


def test_json_numbers_are_numbers_and_whole_numbers_are_integers() -> None:
    parsed = parse_key_result("Diminuer le taux de litiges de 0,6 % à 0,25 %")
    text = json.dumps(parsed.to_json())
    assert '"baseline": 0.6' in text
    assert '"target": 0.25' in text
    whole = parse_key_result("Grow paying teams from 1,200 to 1,800").to_json()
    assert whole["baseline"] == 1200
    assert isinstance(whole["baseline"], int)


def test_what_is_absent_is_null_in_json() -> None:
    parsed = parse_key_result("Make onboarding delightful")
    assert parse_key_result("Reduce churn").metric == "churn"
    assert parsed.to_json() == {
        "metric": None,
        "baseline": None,
        "target": None,
        "unit": None,
        "direction": None,
        "deadline": None,
        "lang": "en",
    }


def test_result_is_frozen_with_exact_decimals() -> None:
    parsed = parse_key_result("Ridurre il costo per lead da 12,40 € a 9,95 €")
    assert isinstance(parsed, ParsedKeyResult)
    assert parsed.baseline == Decimal("12.40")
    assert parsed.target == Decimal("9.95")
    assert parsed.direction is Direction.DECREASE
    with pytest.raises(dataclasses.FrozenInstanceError):
        parsed.target = Decimal(1)  # type: ignore[misc]


def test_unknown_language_is_refused_with_the_known_ones() -> None:
    with pytest.raises(UnknownLanguageError, match="en, fr, it"):
        parse_key_result("Steigern", lang="de")
    assert sorted(LANGUAGES) == ["en", "fr", "it"]


def test_language_code_is_case_insensitive() -> None:
    assert parse_key_result("Portare l'NPS da 30 a 40", lang="IT").lang == "it"


@pytest.mark.parametrize(
    ("text", "lang", "baseline", "target"),
    [
        # "1,234": thousands in English, a decimal in Italian and French.
        ("Grow weekly orders from 1,234 to 1,500", "en", "1234", "1500"),
        ("Portare il punteggio da 1,234 a 1,5", "it", "1.234", "1.5"),
        ("Porter le score de 1,234 à 1,5", "fr", "1.234", "1.5"),
        # "1.500" groups thousands in Italian and French, "1.5" stays a decimal.
        ("Portare gli ordini da 1.500 a 1.800", "it", "1500", "1800"),
        ("Portare il rapporto da 1.5 a 1.8", "it", "1.5", "1.8"),
        ("Porter les commandes de 1.500 à 1.800", "fr", "1500", "1800"),
        # In English "1.500" is one and a half.
        ("Move the ratio from 1.500 to 1.800", "en", "1.5", "1.8"),
    ],
)
def test_ambiguous_separators_follow_the_language(
    text: str, lang: str, baseline: str, target: str
) -> None:
    parsed = parse_key_result(text, lang=lang)
    assert parsed.baseline == Decimal(baseline)
    assert parsed.target == Decimal(target)


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Move page views per visit from 10 to 5", Direction.DECREASE),
        ("Move page views per visit from 5 to 10", Direction.INCREASE),
        ("Portare il tasso da 10 a 5", Direction.DECREASE),
        ("Porter le taux de 5 à 10", Direction.INCREASE),
        # The numbers win over the verb: "improve" a latency means lowering it.
        ("Improve p95 latency from 900 ms to 400 ms", Direction.DECREASE),
        ("Migliorare il tempo di risposta da 4 ore a 2 ore", Direction.DECREASE),
        ("Améliorer le délai de 10 jours à 6 jours", Direction.DECREASE),
        # Without a baseline, the verb decides.
        ("Reduce open incidents to 12", Direction.DECREASE),
        ("Aumentare gli iscritti a 900", Direction.INCREASE),
        # A neutral verb and no baseline: nothing says which way.
        ("Reach 40 enterprise logos", None),
    ],
)
def test_direction(text: str, direction: Direction | None) -> None:
    assert parse_key_result(text).direction == direction


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Keep the NPS above 40", Direction.AT_LEAST),
        ("Keep the NPS at 40", Direction.AT_LEAST),
        ("Keep churn below 2%", Direction.AT_MOST),
        ("Mantenere l'NPS sopra 40", Direction.AT_LEAST),
        ("Mantenere il churn sotto il 2%", Direction.AT_MOST),
        ("Maintenir le NPS au-dessus de 40", Direction.AT_LEAST),
        ("Maintenir le churn sous 2 %", Direction.AT_MOST),
        # Keeping wins over the numbers: it is a floor or a ceiling to hold.
        ("Keep churn below 2% (currently 1.8%)", Direction.AT_MOST),
    ],
)
def test_keep_is_a_threshold(text: str, direction: Direction) -> None:
    assert parse_key_result(text).direction == direction


def test_a_threshold_with_a_baseline_is_a_movement() -> None:
    parsed = parse_key_result("Cut churn from 3.1% to under 2%")
    assert (parsed.baseline, parsed.target) == (Decimal("3.1"), Decimal(2))
    assert parsed.direction is Direction.DECREASE


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("Reduce ticket volume by 25%", Amount(Decimal(25), "%")),
        ("Ridurre il volume dei ticket del 25%", Amount(Decimal(25), "%")),
        ("Réduire le volume de tickets de 25 %", Amount(Decimal(25), "%")),
        ("Grow revenue by $40k", Amount(Decimal(40000), "USD")),
    ],
)
def test_a_relative_change_is_not_a_target(text: str, change: Amount) -> None:
    parsed = parse_key_result(text)
    assert parsed.target is None
    assert parsed.change == change
    assert "change" not in parsed.to_json()


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # Italian "di" and French "de" after a verb that does not move the metric: the value.
        ("Raggiungere un CSAT di 4,7", "4.7"),
        ("Atteindre un CSAT de 4,7", "4.7"),
    ],
)
def test_of_a_value_is_the_target(text: str, target: str) -> None:
    assert parse_key_result(text).target == Decimal(target)


def test_units_of_time_are_converted_to_the_target_unit() -> None:
    parsed = parse_key_result("Reduce queue wait from 1.5 hours to 40 minutes")
    assert (parsed.baseline, parsed.target, parsed.unit) == (Decimal(90), Decimal(40), "minutes")
    parsed = parse_key_result("Reduce cold start from 2 s to 750 ms")
    assert (parsed.baseline, parsed.target, parsed.unit) == (Decimal(2000), Decimal(750), "ms")


def test_a_baseline_without_its_multiplier_takes_the_targets() -> None:
    # "from 1.2 to 1.5 million": both are millions, because 1.2 and 1.5 are close.
    parsed = parse_key_result("Grow listeners from 1.2 to 1.5 million")
    assert parsed.baseline == Decimal(1_200_000)
    # "from 800 to 1.2M": 800 is far from 1.2, so it is eight hundred.
    parsed = parse_key_result("Grow listeners from 800 to 1.2M")
    assert parsed.baseline == Decimal(800)


def test_count_nouns_belong_to_the_metric_not_the_unit() -> None:
    parsed = parse_key_result("Onboard 120 new resellers by Q3")
    assert (parsed.metric, parsed.target, parsed.unit) == ("new resellers", Decimal(120), None)


def test_a_label_or_bullet_before_the_key_result_is_skipped() -> None:
    for text in ["KR2: Reduce churn from 4% to 3%", "- Reduce churn from 4% to 3%"]:
        parsed = parse_key_result(text)
        assert (parsed.metric, parsed.direction) == ("churn", Direction.DECREASE)
    parsed = parse_key_result("Churn: reduce from 4% to 3%")
    assert (parsed.metric, parsed.direction) == ("Churn", Direction.DECREASE)


def test_typographic_apostrophes_read_like_plain_ones() -> None:
    parsed = parse_key_result("Ridurre l\u2019abbandono dall\u201980% al 60%")
    assert (parsed.metric, parsed.baseline, parsed.target) == (
        "abbandono",
        Decimal(80),
        Decimal(60),
    )


def test_a_year_inside_a_count_is_not_a_deadline() -> None:
    parsed = parse_key_result("Grow the community by 2000 members")
    assert parsed.deadline is None
    assert parsed.change == Amount(Decimal(2000))


def test_hyphenated_numbers_are_part_of_the_metric() -> None:
    parsed = parse_key_result("Raise 7-day activation from 31% to 40%")
    assert (parsed.metric, parsed.baseline) == ("7-day activation", Decimal(31))


FRAGMENTS = [*"abcdeilorstu QHT0123456789.,%€$:-→<>≥≤'\u2019", "\u202f", "\u00a0", " da ", " to "]
TEXT = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)


@settings(max_examples=300)
@given(TEXT, st.sampled_from([None, "en", "it", "fr"]))
def test_any_text_parses_without_error(text: str, lang: str | None) -> None:
    parsed = parse_key_result(text, lang=lang)
    assert parsed.lang in LANGUAGES
    json.dumps(parsed.to_json())


def test_a_verb_looking_noun_inside_the_metric_stays_in_it() -> None:
    parsed = parse_key_result("Revenue growth from 10% to 15%")
    assert (parsed.metric, parsed.direction) == ("Revenue growth", Direction.INCREASE)


def test_a_count_noun_repeated_after_the_target_is_dropped() -> None:
    parsed = parse_key_result("Grow weekly active teams from 40 to 60 teams")
    assert (parsed.metric, parsed.unit) == ("weekly active teams", None)


def test_dotted_digits_that_are_no_number_are_ignored():
    parsed = parse_key_result("Ship release 1.2.3 and cut churn from 5% to 3%")
    assert parsed.baseline == Decimal("5") and parsed.target == Decimal("3")
    assert parse_key_result("0.0.0").target is None
