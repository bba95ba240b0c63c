"""Key results as sentences, and what a file must add before it can be imported. No database."""

from __future__ import annotations

import datetime as dt
import textwrap
from decimal import Decimal

import pytest

from okrs.exchange import ExchangeError, ExchangeIssue, document_from_text
from okrs.exchange.document import Document
from okrs.exchange.plan import document_plan
from okrs.exchange.sentences import deadline_day

HEAD = """\
organization: {slug: acme, name: Acme}
cycle: {name: 2026-Q4, start: 2026-10-01, end: 2026-12-31}
teams:
  - {id: company, name: Acme}
  - {id: product, name: Product, parent: company}
objectives:
  - id: o-company
    team: company
    title: Home cooks trust us
    key_results:
"""


def with_key_results(*lines: str, head: str = HEAD) -> str:
    return head + "".join(f"      - {line}\n" for line in lines)


def document(*lines: str, head: str = HEAD) -> Document:
    return document_from_text(with_key_results(*lines, head=head), file="okrs.yaml")


def incomplete(*lines: str, head: str = HEAD) -> list[ExchangeIssue]:
    text = with_key_results(*lines, head=head)
    with pytest.raises(ExchangeError) as raised:
        document_from_text(text, file="okrs.yaml", complete=True)
    return raised.value.errors


def test_a_sentence_without_a_target_lints_but_cannot_be_imported():
    lintable = document("{id: kr-onboarding, title: Improve onboarding for new cooks}")
    plan = document_plan(lintable)
    key_result = plan.objectives[0].key_results[0]
    assert (key_result.target, key_result.baseline, key_result.line) == (None, None, 11)

    (error,) = incomplete("{id: kr-onboarding, title: Improve onboarding for new cooks}")
    assert (error.line, error.path) == (11, "objectives[0].key_results[0]")
    assert error.message == (
        "no baseline and no target found in 'Improve onboarding for new cooks': write it in the"
        ' title, like "from 30% to 40%", or add baseline: and target: (for example baseline: 30'
        " and target: 40)."
    )


def test_a_sentence_with_a_target_but_no_baseline_says_so():
    (error,) = incomplete("{id: kr-nps, title: Reach an NPS of at least 45}")
    assert error.message.startswith(
        "no baseline: 'Reach an NPS of at least 45' gives the target (45) but not where it starts"
    )


def test_a_relative_change_is_not_a_target():
    (error,) = incomplete("{id: kr-churn, title: Reduce churn by 30%}")
    assert "('30' is a change, not the value to reach)" in error.message


def test_an_italian_organization_gets_an_italian_example():
    head = HEAD.replace("name: Acme}", "name: Acme, language: it}", 1)
    (error,) = incomplete("{id: kr-nps, title: Migliorare l'onboarding}", head=head)
    assert 'like "dal 30% al 40%"' in error.message


def test_structured_fields_win_over_the_sentence():
    key_result = (
        document(
            "{id: kr-nps, title: Raise NPS from 30 to 40 by November, target: 45, metric: NPS (app)}"
        )
        .objectives[0]
        .key_results[0]
    )
    assert (key_result.metric, key_result.baseline, key_result.target) == (
        "NPS (app)",
        Decimal(30),
        Decimal(45),
    )
    assert key_result.deadline == dt.date(2026, 11, 30)
    assert key_result.from_sentence


def test_with_baseline_and_target_the_title_is_not_read():
    key_result = (
        document("{id: kr-nps, title: Raise NPS by Q1, baseline: 30, target: 40}")
        .objectives[0]
        .key_results[0]
    )
    assert (key_result.metric, key_result.deadline, key_result.direction) == ("", None, "increase")
    assert not key_result.from_sentence


def test_a_binary_key_result_needs_its_chance_of_success():
    (error,) = incomplete("{id: kr-app, title: Launch the reorder app, kind: binary}")
    assert error.path == "objectives[0].key_results[0].kind"
    assert "needs chance_of_success" in error.message
    fine = document("{id: kr-app, title: Launch the app, kind: binary, chance_of_success: 0.7}")
    assert document_plan(fine).objectives[0].key_results[0].chance_of_success == Decimal("0.7")


def test_only_binary_key_results_carry_a_chance():
    (error,) = incomplete("{id: kr-nps, title: Raise NPS from 30 to 40, chance_of_success: 0.5}")
    assert error.path.endswith(".chance_of_success") and "write 'kind: binary'" in error.message


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ("baseline: 30, target: 20, direction: increase", "did you mean 'direction: decrease'?"),
        ("baseline: 30, target: 40, direction: decrease", "did you mean 'direction: increase'?"),
        ("baseline: 30, target: 30", "write 'direction: at_least' or 'direction: at_most'"),
        ("baseline: 0.1234567, target: 1", "has 7 decimals; at most 6 are kept"),
    ],
)
def test_numbers_the_database_refuses(fields, words):
    (error,) = incomplete(f"{{id: kr-nps, metric: NPS, {fields}}}")
    assert words in error.message


def test_a_deadline_outside_the_cycle_is_refused_for_import():
    (error,) = incomplete("{id: kr-nps, title: Raise NPS from 30 to 40, deadline: 2027-02-01}")
    assert error.path == "objectives[0].key_results[0].deadline"
    assert "falls outside the cycle (2026-10-01 to 2026-12-31)" in error.message
    (from_title,) = incomplete("{id: kr-nps, title: Raise NPS from 30 to 40 by June}")
    assert "2027-06-30 (read from the title)" not in from_title.message
    assert "(read from the title)" in from_title.message


def test_alignment_must_go_up_the_team_tree():
    text = HEAD.replace(
        "  - {id: product, name: Product, parent: company}\n",
        "  - {id: product, name: Product, parent: company}\n  - {id: sales, name: Sales, parent: company}\n",
    ) + with_key_results("{id: kr-repeat, title: Raise repeat purchases from 5% to 15%}", head="")
    text += textwrap.indent(
        textwrap.dedent(
            """\
            - id: o-product
              team: product
              title: Reordering is effortless
              key_results: [{id: kr-reorder, title: Raise reorders from 10% to 25%}]
            - id: o-sales
              team: sales
              aligned_to: kr-reorder
              contributes: true
              title: Sell more
            """
        ),
        "  ",
    )
    with pytest.raises(ExchangeError) as raised:
        document_from_text(text, complete=True)
    (error,) = raised.value.errors
    assert error.path == "objectives[2].aligned_to"
    assert "team 'product', which is not above team 'sales'" in error.message


def test_contributes_needs_an_alignment():
    text = with_key_results("{id: kr, title: Raise NPS from 30 to 40}").replace(
        "    title: Home cooks trust us\n",
        "    title: Home cooks trust us\n    contributes: true\n",
    )
    with pytest.raises(ExchangeError, match="'contributes: true' needs 'aligned_to:'"):
        document_from_text(text, complete=True)


CYCLE = (dt.date(2026, 10, 1), dt.date(2026, 12, 31))


@pytest.mark.parametrize(
    ("deadline", "day"),
    [
        ("Q4", dt.date(2026, 12, 31)),
        ("2027-Q1", dt.date(2027, 3, 31)),
        ("H2", dt.date(2026, 12, 31)),
        ("November", dt.date(2026, 11, 30)),
        ("November 15", dt.date(2026, 11, 15)),
        ("2026-11", dt.date(2026, 11, 30)),
        ("2026-11-20", dt.date(2026, 11, 20)),
        ("2026", dt.date(2026, 12, 31)),
        ("cycle-end", dt.date(2026, 12, 31)),
        ("year-end", dt.date(2026, 12, 31)),
        ("quarter-end", dt.date(2026, 12, 31)),
        ("next quarter", dt.date(2027, 3, 31)),
        ("within 6 weeks", dt.date(2026, 11, 12)),
        ("within 2 months", dt.date(2026, 12, 1)),
        ("February 30", None),
        ("someday", None),
    ],
)
def test_parsed_deadlines_become_days_of_the_cycle(deadline, day):
    assert deadline_day(deadline, *CYCLE) == day


def test_a_month_without_year_falls_in_the_cycle_when_it_spans_two_years():
    assert deadline_day("January", dt.date(2026, 11, 1), dt.date(2027, 1, 31)) == dt.date(
        2027, 1, 31
    )
