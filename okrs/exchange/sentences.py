"""Key results written as sentences: read them, date their deadline, and write titles for numbers.

Pure Python: the parser of ``okrs.coach`` does the reading; this module turns its deadline
("Q3", "2026-06", "cycle-end", "within 90 days") into a day of the file's cycle, and writes a
title for a key result given only as numbers ("Increase repeat purchase rate from 5% to 15%").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal

from okrs.coach import ParsedKeyResult, parse_key_result
from okrs.coach.numbers import format_decimal
from okrs.coach.parsing.languages import vocabulary_for
from okrs.coach.parsing.vocabulary import MONTH_NAMES_EN

__all__ = ["ParsedKeyResult", "deadline_day", "missing_numbers_hint", "read_sentence", "title_for"]

_QUARTER = re.compile(r"^(?:(?P<year>\d{4})-)?(?P<half>[QH])(?P<number>[1-4])$")
_MONTH = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$")
_DAY = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$")
_NAMED = re.compile(r"^(?P<name>[A-Z][a-z]+)(?: (?P<day>\d{1,2}))?$")
_WITHIN = re.compile(r"^within (?P<count>\d+) (?P<unit>day|week|month|year)s?$")


def read_sentence(title: str, language: str | None) -> ParsedKeyResult:
    """What ``title`` says, in the organization's language when the file gives one."""
    return parse_key_result(" ".join(title.split()), lang=language)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _quarter_end(year: int, quarter: int) -> dt.date:
    return _month_end(year, quarter * 3)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _in_cycle_year(make: Callable[[int], dt.date], start: dt.date, end: dt.date) -> dt.date | None:
    """The date ``make(year)`` of the cycle's years that falls in the cycle, else of its start."""
    try:
        candidates = [make(year) for year in sorted({start.year, end.year})]
    except ValueError:
        return None
    return next((d for d in candidates if start <= d <= end), candidates[0])


def deadline_day(deadline: str, start: dt.date, end: dt.date) -> dt.date | None:
    """The day a parsed deadline means in a cycle from ``start`` to ``end``; None if it has none.

    A period (quarter, half, month, year) ends on its last day; one written without a year is
    taken in the cycle's year, the one that falls in the cycle when the cycle spans two.
    """
    if deadline == "cycle-end":
        return end
    if deadline == "year-end":
        return dt.date(start.year, 12, 31)
    if deadline in ("quarter-end", "next quarter"):
        quarter = (start.month - 1) // 3 + 1 + (deadline == "next quarter")
        return _quarter_end(start.year + (quarter - 1) // 4, (quarter - 1) % 4 + 1)
    if deadline == "next year":
        return dt.date(start.year + 1, 12, 31)
    if re.fullmatch(r"\d{4}", deadline):
        return dt.date(int(deadline), 12, 31)
    within = _WITHIN.match(deadline)
    if within:
        count, unit = int(within["count"]), within["unit"]
        if unit in ("day", "week"):
            return start + dt.timedelta(days=count * (7 if unit == "week" else 1))
        return _add_months(start, count * (12 if unit == "year" else 1))
    return _calendar_day(deadline, start, end)


def _calendar_day(deadline: str, start: dt.date, end: dt.date) -> dt.date | None:
    try:
        if match := _DAY.match(deadline):
            return dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
        if match := _MONTH.match(deadline):
            return _month_end(int(match["year"]), int(match["month"]))
    except ValueError:
        return None
    if match := _QUARTER.match(deadline):
        number = int(match["number"])
        quarter = number if match["half"] == "Q" else number * 2
        if match["year"]:
            return _quarter_end(int(match["year"]), quarter)
        return _in_cycle_year(lambda year: _quarter_end(year, quarter), start, end)
    if (match := _NAMED.match(deadline)) and match["name"] in MONTH_NAMES_EN:
        month = MONTH_NAMES_EN.index(match["name"]) + 1
        day = match["day"]
        if day is None:
            return _in_cycle_year(lambda year: _month_end(year, month), start, end)
        return _in_cycle_year(lambda year: dt.date(year, month, int(day)), start, end)
    return None


def _amount(value: Decimal, unit: str, language: str) -> str:
    number = format_decimal(value)
    if language != "en":
        number = number.replace(".", ",")
    if not unit:
        return number
    if unit == "%":
        return f"{number} %" if language == "fr" else f"{number}%"
    return f"{number} {unit}"


TITLES = {
    "en": {
        "increase": "Increase {metric} from {baseline} to {target}",
        "decrease": "Reduce {metric} from {baseline} to {target}",
        "at_least": "Keep {metric} at least {target}",
        "at_most": "Keep {metric} at most {target}",
    },
    "it": {
        "increase": "Aumentare {metric} da {baseline} a {target}",
        "decrease": "Ridurre {metric} da {baseline} a {target}",
        "at_least": "Mantenere {metric} almeno a {target}",
        "at_most": "Mantenere {metric} al massimo a {target}",
    },
    "fr": {
        "increase": "Augmenter {metric} de {baseline} à {target}",
        "decrease": "Réduire {metric} de {baseline} à {target}",
        "at_least": "Maintenir {metric} au moins à {target}",
        "at_most": "Maintenir {metric} au plus à {target}",
    },
}


def title_for(
    *,
    metric: str,
    unit: str,
    direction: str,
    baseline: Decimal | None,
    target: Decimal,
    language: str | None,
) -> str:
    """A title for a key result given as numbers, in words the parser reads back the same way."""
    language = language if language in TITLES else "en"
    template = TITLES[language][direction]
    return template.format(
        metric=metric,
        baseline=_amount(baseline if baseline is not None else Decimal(0), unit, language),
        target=_amount(target, unit, language),
    )


def missing_numbers_hint(parsed: ParsedKeyResult | None, language: str | None) -> str:
    """How to write what is missing, with an example in the sentence's language."""
    vocabulary = vocabulary_for(parsed.lang if parsed else (language or "en"))
    return (
        f'write it in the title, like "{vocabulary.example_from_to}", or add baseline: and'
        " target: (for example baseline: 30 and target: 40)"
    )
