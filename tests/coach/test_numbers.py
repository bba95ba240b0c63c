"""Numbers as written in English, Italian and French, including the ambiguous ones."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from okrs.coach import NumberFormatError, parse_number
from okrs.coach.numbers import format_decimal

NNBSP, NBSP, THIN = "\u202f", "\u00a0", "\u2009"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # The ambiguous single mark: the language's own decimal mark is always a decimal.
        ("1,234", "en", "1234"),
        ("1,234", "it", "1.234"),
        ("1,234", "fr", "1.234"),
        ("1.234", "en", "1.234"),
        ("1.234", "it", "1234"),
        ("1.234", "fr", "1234"),
        # The other mark groups thousands only when it looks like a group.
        ("1.5", "it", "1.5"),
        ("1.500", "it", "1500"),
        ("99.9", "fr", "99.9"),
        ("0.500", "it", "0.5"),
        ("1234.567", "it", "1234.567"),
        ("0,5", "en", "0.5"),
        ("12,5", "en", "12.5"),
        ("12,3456", "en", "12.3456"),
        ("0,500", "en", "0.5"),
        # Marks that repeat always group thousands.
        ("1,234,567", "en", "1234567"),
        ("1,234,567", "it", "1234567"),
        ("1.234.567", "en", "1234567"),
        ("1.234.567", "fr", "1234567"),
        # Both marks: the rightmost is the decimal mark, whatever the language.
        ("1,234.56", "en", "1234.56"),
        ("1,234.56", "it", "1234.56"),
        ("1.234,56", "en", "1234.56"),
        ("1.234,56", "fr", "1234.56"),
        ("1.234.567,8", "it", "1234567.8"),
        # Spaces of every width group thousands.
        ("50 000", "fr", "50000"),
        (f"50{NNBSP}000", "fr", "50000"),
        (f"50{NBSP}000", "it", "50000"),
        (f"1{THIN}000{THIN}000", "en", "1000000"),
        (f"1{NNBSP}234,5", "fr", "1234.5"),
        ("1 234.5", "en", "1234.5"),
        # Signs and plain numbers.
        ("-4", "en", "-4"),
        ("\u22124,5", "fr", "-4.5"),
        ("0", "it", "0"),
        ("007", "en", "7"),
    ],
)
def test_parse_number(text: str, lang: str, expected: str) -> None:
    assert parse_number(text, lang) == Decimal(expected)


@pytest.mark.parametrize(
    "text", ["", "abc", "1,2,3", "1.23.4", "1,234.5.6", "12 34", "1 2345", "1..2", ",5"]
)
def test_not_a_number_is_refused(text: str) -> None:
    with pytest.raises(NumberFormatError):
        parse_number(text, "en")


def _group(whole: str, mark: str) -> str:
    """Write ``whole`` (digits) in groups of three separated by ``mark``."""
    if not mark:
        return whole
    head = len(whole) % 3 or 3
    groups = [whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)]
    return mark.join(groups)


def _written(value: Decimal, decimal_mark: str, group_mark: str) -> str:
    """``value`` as a person would write it with these marks."""
    sign = "-" if value < 0 else ""
    whole, _, fraction = format_decimal(abs(value)).partition(".")
    text = _group(whole, group_mark)
    return sign + text + (decimal_mark + fraction if fraction else "")


DECIMALS = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=4, allow_nan=False
)
SPACES = st.sampled_from([" ", NBSP, NNBSP, THIN])


@given(DECIMALS, st.one_of(st.just(""), st.just(","), SPACES))
def test_english_numbers_round_trip(value: Decimal, group_mark: str) -> None:
    assert parse_number(_written(value, ".", group_mark), "en") == value


@given(DECIMALS, st.one_of(st.just(""), st.just("."), SPACES))
def test_italian_numbers_round_trip(value: Decimal, group_mark: str) -> None:
    assert parse_number(_written(value, ",", group_mark), "it") == value


@given(DECIMALS, st.one_of(st.just(""), st.just("."), SPACES))
def test_french_numbers_round_trip(value: Decimal, group_mark: str) -> None:
    assert parse_number(_written(value, ",", group_mark), "fr") == value


@given(DECIMALS, st.sampled_from(["en", "it", "fr"]))
def test_grouped_numbers_with_both_marks_read_the_same_in_every_language(
    value: Decimal, lang: str
) -> None:
    whole, _, fraction = format_decimal(abs(value)).partition(".")
    sign = "-" if value < 0 else ""
    english = sign + _group(whole, ",") + "." + (fraction or "0")
    continental = sign + _group(whole, ".") + "," + (fraction or "0")
    if len(whole) > 3:  # with a group mark present, the rightmost mark is the decimal one
        assert parse_number(english, lang) == value
        assert parse_number(continental, lang) == value


@pytest.mark.parametrize(
    ("value", "text"),
    [("80.0", "80"), ("0.50", "0.5"), ("1E+6", "1000000"), ("-2.500", "-2.5")],
)
def test_format_decimal_is_plain(value: str, text: str) -> None:
    assert format_decimal(Decimal(value)) == text
