"""Reading an OKRs-as-code file: every structural mistake named with file, line, path and a fix.

No database and no Django here: `okrs lint FILE` runs on these functions.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from okrs.exchange import (
    ExchangeError,
    ExchangeIssue,
    UnreadableFileError,
    document_from_text,
    load_document,
    load_plan,
)
from okrs.exchange.schema import schema
from okrs.lib.refs import REF_PATTERN

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "acme.yaml"

HEAD = """\
organization: {slug: acme, name: Acme}
cycle: {name: 2026-Q4, start: 2026-10-01, end: 2026-12-31}
teams:
  - {id: company, name: Acme}
  - {id: product, name: Product, parent: company}
"""


def errors_of(text: str) -> list[ExchangeIssue]:
    with pytest.raises(ExchangeError) as raised:
        document_from_text(textwrap.dedent(text), file="okrs.yaml")
    return raised.value.errors


def only_error(text: str) -> ExchangeIssue:
    errors = errors_of(text)
    assert len(errors) == 1, [str(e) for e in errors]
    return errors[0]


def test_the_documented_example_loads_with_every_place_known():
    document, plan = load_plan(EXAMPLE)

    assert document.incomplete == ()
    assert [t.ref for t in plan.teams] == ["company", "product"]
    assert (plan.teams[1].parent, plan.teams[1].kind, plan.teams[1].line) == (
        "company",
        "team",
        5,
    )
    assert plan.teams[0].kind == "company"
    assert plan.cycle is not None and plan.cycle.line == 2
    company, product = plan.objectives
    assert (company.path, company.line, product.aligned_to) == ("objectives[0]", 7, "kr-repeat")
    refunds, repeat = company.key_results
    assert (refunds.path, refunds.line) == ("objectives[0].key_results[0]", 11)
    # The bare sentence is read by the parser.
    assert (refunds.metric, refunds.unit, refunds.baseline, refunds.target, refunds.direction) == (
        "refund rate",
        "%",
        Decimal("0.5"),
        Decimal("0.2"),
        "decrease",
    )
    # Structured fields without a title get one that reads back the same way.
    assert repeat.title == "Increase repeat purchase rate from 5% to 15%"
    assert product.key_results[0].line == 18


def test_lint_needs_no_django():
    code = (
        "import sys; from okrs.exchange import load_plan; "
        f"load_plan({str(EXAMPLE)!r}); "
        "assert not [m for m in sys.modules if m.split('.')[0] == 'django'], 'django imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_the_schema_file_is_draft_2020_12_and_ids_follow_the_ref_rule():
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(schema())
    assert schema()["$defs"]["id"]["pattern"] == REF_PATTERN


def test_unknown_key_names_its_line_and_suggests_the_right_one():
    error = only_error(
        HEAD
        + """\
objectives:
  - id: o-company
    team: company
    title: Become a trusted partner
    key_results:
      - id: kr-nps
        title: Raise NPS from 30 to 40
        traget: 45
"""
    )
    assert error.file == "okrs.yaml"
    assert error.line == 13
    assert error.path == "objectives[0].key_results[0].traget"
    assert "unknown key 'traget'; did you mean 'target'?" in error.message


def test_error_prints_as_file_line_path_message():
    error = only_error(HEAD + "objectives: []\ncolour: blue\n")
    assert str(error).startswith("okrs.yaml:7: colour: unknown key 'colour';")


def test_wrong_type_says_what_was_expected_and_how_to_quote():
    errors = errors_of(
        """\
organization: {slug: acme, name: 2026}
cycle: {name: 2026-Q4, start: 2026-10-01, end: 2026-12-31}
teams: {id: company}
"""
    )
    messages = {e.path: e.message for e in errors}
    assert messages["organization.name"] == (
        'must be text, not the number 2026; put it in quotes: "2026".'
    )
    assert messages["teams"].startswith("must be a list (lines starting with '- ')")


def test_a_date_that_does_not_exist_is_named():
    error = only_error(
        """\
organization: {slug: acme, name: Acme}
cycle: {name: 2026-Q1, start: 2026-01-01, end: 2026-02-30}
"""
    )
    assert (error.line, error.path) == (2, "cycle.end")
    assert "'2026-02-30' is not a date: write the day as YYYY-MM-DD" in error.message


def test_a_cycle_ending_before_it_starts():
    error = only_error(
        "organization: {slug: acme, name: Acme}\n"
        "cycle: {name: Q, start: 2026-10-01, end: 2026-09-30}\n"
    )
    assert error.path == "cycle.end" and "must end after it starts" in error.message


def test_missing_id_says_which_object_and_gives_an_example():
    error = only_error(HEAD + "objectives:\n  - {team: company, title: Grow}\n")
    assert (error.line, error.path) == (7, "objectives[0]")
    assert error.message.startswith("'id' is missing: every objective needs one")


def test_duplicate_ids_point_at_the_first_one():
    errors = errors_of(
        HEAD
        + """\
  - {id: product, name: Another}
objectives:
  - id: o-one
    team: company
    title: One
    key_results:
      - {id: kr-a, title: Raise NPS from 30 to 40}
  - id: o-two
    team: product
    title: Two
    key_results:
      - {id: kr-a, title: Raise CSAT from 3 to 4}
"""
    )
    assert [(e.line, e.path) for e in errors] == [
        (6, "teams[2].id"),
        (17, "objectives[1].key_results[0].id"),
    ]
    assert "already used by teams[1] (line 5)" in errors[0].message
    assert "already used by objectives[0].key_results[0] (line 12)" in errors[1].message


def test_unknown_team_and_aligned_to_suggest_the_close_id():
    errors = errors_of(
        HEAD
        + """\
objectives:
  - id: o-company
    team: company
    title: Home cooks trust us
    key_results:
      - {id: kr-repeat, title: Raise repeat purchases from 5% to 15%}
  - id: o-product
    team: prodcut
    aligned_to: kr-repaet
    title: Reordering is effortless
"""
    )
    messages = {e.path: e.message for e in errors}
    assert messages["objectives[1].team"].startswith(
        "no team has the id 'prodcut'; did you mean 'product'?"
    )
    assert messages["objectives[1].aligned_to"].startswith(
        "no key result has the id 'kr-repaet'; did you mean 'kr-repeat'?"
    )


def test_team_parent_loop_is_named_once():
    errors = errors_of(
        """\
organization: {slug: acme, name: Acme}
cycle: {name: 2026-Q4, start: 2026-10-01, end: 2026-12-31}
teams:
  - {id: a, name: A, parent: c}
  - {id: b, name: B, parent: a}
  - {id: c, name: C, parent: b}
"""
    )
    assert len(errors) == 1
    assert errors[0].path == "teams[0].parent"
    assert "the teams form a loop: a → c → b → a" in errors[0].message


def test_objectives_serving_each_other_is_a_loop():
    errors = errors_of(
        HEAD
        + """\
objectives:
  - id: o-one
    team: company
    aligned_to: kr-two
    title: One
    key_results: [{id: kr-one, title: Raise NPS from 30 to 40}]
  - id: o-two
    team: product
    aligned_to: kr-one
    title: Two
    key_results: [{id: kr-two, title: Raise CSAT from 3 to 4}]
"""
    )
    assert len(errors) == 1 and "serve each other in a loop" in errors[0].message


def test_every_error_is_reported_not_only_the_first():
    errors = errors_of(
        """\
version: 2
organization: {slug: Acme Inc, name: Acme}
cycle: {name: 2026-Q4, start: 2026-10-01, end: 2026-12-31, status: running}
teams:
  - {id: company, name: Acme, kind: tribe}
objectives:
  - id: o
    team: company
    title: Grow
    commitment: comitted
    key_results:
      - {id: kr, title: Launch, kind: binary, chance_of_success: 70, weight: -1}
      - {id: kr 2, title: Raise NPS from 30 to 40, initiatives: [{id: i, title: x, link: ftp://x}]}
"""
    )
    assert [(e.line, e.path) for e in errors] == [
        (1, "version"),
        (2, "organization.slug"),
        (3, "cycle.status"),
        (5, "teams[0].kind"),
        (10, "objectives[0].commitment"),
        (12, "objectives[0].key_results[0].chance_of_success"),
        (12, "objectives[0].key_results[0].weight"),
        (13, "objectives[0].key_results[1].id"),
        (13, "objectives[0].key_results[1].initiatives[0].link"),
    ]
    by_path = {e.path: e.message for e in errors}
    assert "did you mean 'committed'?" in by_path["objectives[0].commitment"]
    assert "write 70% as 0.7" in by_path["objectives[0].key_results[0].chance_of_success"]


def test_a_key_written_twice_is_an_error_not_a_silent_overwrite():
    error = only_error(
        HEAD + "objectives:\n  - id: o\n    team: company\n    title: A\n    title: B\n"
    )
    assert (error.line, error.path) == (10, "objectives[0].title")
    assert "written twice (lines 9 and 10)" in error.message


def test_not_yaml_names_the_line():
    error = only_error("organization: {slug: acme\ncycle: [\n")
    assert error.path == "" and error.line is not None
    assert error.message.startswith("not valid YAML:")


@pytest.mark.parametrize(
    ("text", "words"),
    [("", "the file is empty"), ("- a\n- b\n", "the file must be a mapping")],
)
def test_empty_or_not_a_mapping(text, words):
    assert words in only_error(text).message


def test_an_unreadable_file_is_its_own_error(tmp_path):
    with pytest.raises(UnreadableFileError) as raised:
        load_document(tmp_path / "missing.yaml")
    assert raised.value.errors[0].message == "no such file."
    (tmp_path / "latin1.yaml").write_bytes("title: caf\xe9".encode("latin-1"))
    with pytest.raises(UnreadableFileError, match="not UTF-8"):
        load_document(tmp_path / "latin1.yaml")


def test_numbers_are_exact_and_yaml_dates_or_quoted_dates_both_work():
    document = document_from_text(
        HEAD.replace("start: 2026-10-01", "start: '2026-10-01'")
        + """\
objectives:
  - id: o
    team: company
    title: Grow
    key_results:
      - {id: kr, metric: refund rate, unit: "%", baseline: 0.1, target: 0.05, deadline: 2026-11-30}
"""
    )
    key_result = document.objectives[0].key_results[0]
    assert (key_result.baseline, key_result.target) == (Decimal("0.1"), Decimal("0.05"))
    assert key_result.direction == "decrease"  # from the numbers
    assert document.cycle.start.isoformat() == "2026-10-01"
    assert key_result.deadline is not None and key_result.deadline.isoformat() == "2026-11-30"
