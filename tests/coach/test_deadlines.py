"""Deadlines: found in each language and normalized to one language-neutral form."""

from __future__ import annotations

from decimal import Decimal

import pytest

from okrs.coach import parse_key_result


@pytest.mark.parametrize(
    ("text", "lang", "deadline"),
    [
        # quarters
        ("Grow signups from 100 to 150 by Q2", "en", "Q2"),
        ("Grow signups from 100 to 150 in Q2 2027", "en", "2027-Q2"),
        ("Grow signups from 100 to 150 by 2027-Q2", "en", "2027-Q2"),
        ("Grow signups from 100 to 150 by Q2/2027", "en", "2027-Q2"),
        ("Grow signups from 100 to 150 by Q2-27", "en", "2027-Q2"),
        ("Grow signups from 100 to 150 by Q2 of 2027", "en", "2027-Q2"),
        ("Grow signups from 100 to 150 by the end of the fourth quarter", "en", "Q4"),
        ("Portare le iscrizioni da 100 a 150 entro il Q2", "it", "Q2"),
        ("Portare le iscrizioni da 100 a 150 entro il secondo trimestre 2027", "it", "2027-Q2"),
        ("Portare le iscrizioni da 100 a 150 nel 3° trimestre", "it", "Q3"),
        ("Porter les inscriptions de 100 à 150 d'ici le T2", "fr", "Q2"),
        ("Porter les inscriptions de 100 à 150 au 4e trimestre 2026", "fr", "2026-Q4"),
        # halves
        ("Grow signups from 100 to 150 in H2", "en", "H2"),
        ("Grow signups from 100 to 150 in the first half of 2027", "en", "2027-H1"),
        ("Portare le iscrizioni da 100 a 150 nel primo semestre", "it", "H1"),
        ("Porter les inscriptions de 100 à 150 au S2 2026", "fr", "2026-H2"),
        ("Porter les inscriptions de 100 à 150 au second semestre", "fr", "H2"),
        # months and days
        ("Grow signups from 100 to 150 by May", "en", "May"),
        ("Grow signups from 100 to 150 by end of September 2026", "en", "2026-09"),
        ("Grow signups from 100 to 150 by Sept. 2026", "en", "2026-09"),
        ("Grow signups from 100 to 150 by November 15th", "en", "November 15"),
        ("Grow signups from 100 to 150 by 15 November 2026", "en", "2026-11-15"),
        ("Grow signups from 100 to 150 by 11/15/2026", "en", "2026-11-15"),
        ("Portare le iscrizioni da 100 a 150 entro fine settembre", "it", "September"),
        ("Portare le iscrizioni da 100 a 150 entro il 15 novembre", "it", "November 15"),
        ("Portare le iscrizioni da 100 a 150 entro il 15/11/2026", "it", "2026-11-15"),
        ("Portare le iscrizioni da 100 a 150 a giugno 2027", "it", "2027-06"),
        ("Porter les inscriptions de 100 à 150 d'ici fin septembre", "fr", "September"),
        ("Porter les inscriptions de 100 à 150 avant le 15 novembre 2026", "fr", "2026-11-15"),
        ("Porter les inscriptions de 100 à 150 en août", "fr", "August"),
        ("Porter les inscriptions de 100 à 150 d'ici le 15.11.2026", "fr", "2026-11-15"),
        # years, year end, cycles
        ("Grow signups from 100 to 150 by 2028.", "en", "2028"),
        ("Grow signups from 100 to 150 by EOY", "en", "year-end"),
        ("Grow signups from 100 to 150 by the end of the cycle", "en", "cycle-end"),
        ("Portare le iscrizioni da 100 a 150 entro il 2028", "it", "2028"),
        ("Portare le iscrizioni da 100 a 150 entro fine anno", "it", "year-end"),
        ("Portare le iscrizioni da 100 a 150 entro fine ciclo", "it", "cycle-end"),
        ("Porter les inscriptions de 100 à 150 d'ici 2028", "fr", "2028"),
        ("Porter les inscriptions de 100 à 150 d'ici la fin de l'année", "fr", "year-end"),
        ("Porter les inscriptions de 100 à 150 l'année prochaine", "fr", "next year"),
        # spans from now
        ("Grow signups from 100 to 150 within the next 8 weeks", "en", "within 8 weeks"),
        ("Grow signups from 100 to 150 over the next 1 year", "en", "within 1 year"),
        ("Portare le iscrizioni da 100 a 150 nelle prossime 8 settimane", "it", "within 8 weeks"),
        ("Portare le iscrizioni da 100 a 150 in 3 mesi", "it", "within 3 months"),
        ("Porter les inscriptions de 100 à 150 en 8 semaines", "fr", "within 8 weeks"),
    ],
)
def test_deadline_is_normalized(text: str, lang: str, deadline: str) -> None:
    parsed = parse_key_result(text, lang=lang)
    assert parsed.deadline == deadline
    assert (parsed.baseline, parsed.target) == (100, 150)


@pytest.mark.parametrize(
    ("text", "lang", "target"),
    [
        # A short span is how fast, not by when: it stays in the sentence.
        ("Answer 90% of tickets within 2 days", "en", "90"),
        ("Rispondere al 90% dei ticket entro 2 giorni", "it", "90"),
        # "5 set" is five sets, not 5 September; "May" needs a "by".
        ("Vendere 5 set di prova", "it", "5"),
        ("Increase uptime to 99.9% and may 5 people help", "en", "99.9"),
    ],
)
def test_what_is_not_a_deadline(text: str, lang: str, target: str) -> None:
    parsed = parse_key_result(text, lang=lang)
    assert parsed.deadline is None
    assert parsed.target == Decimal(target)


def test_the_calendar_deadline_wins_over_a_span() -> None:
    parsed = parse_key_result("Grow signups from 100 to 150 within 90 days, by Q3")
    assert parsed.deadline == "Q3"


def test_numbers_of_the_deadline_are_not_values() -> None:
    parsed = parse_key_result("By 30 June 2026, grow trials to 400")
    assert (parsed.target, parsed.deadline) == (400, "2026-06-30")
    assert parsed.baseline is None


def test_a_date_that_does_not_exist_is_not_a_deadline() -> None:
    assert parse_key_result("Grow signups to 150 by 13/13/2026").deadline is None
