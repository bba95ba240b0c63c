"""The plan-level coach rules, rendering in three languages, exit codes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from okrs.coach.findings import Severity, exit_code, summarize
from okrs.coach.linting import RULES, lint_key_result, lint_plan, render
from okrs.coach.plan import LintOptions, Plan, PlanCycle, PlanKeyResult, PlanObjective, PlanTeam

CYCLE = PlanCycle(name="2026-Q4", start=dt.date(2026, 10, 1), end=dt.date(2026, 12, 31))
TEAMS = (
    PlanTeam(ref="company", name="Acme", path="teams[0]"),
    PlanTeam(ref="product", name="Product", parent="company", path="teams[1]"),
    PlanTeam(ref="sales", name="Sales", parent="company", path="teams[2]"),
)
GOOD = (
    "Raise repeat purchase rate from 5% to 15%",
    "Reduce refund rate from 0.5% to 0.2%",
    "Keep p95 checkout latency under 300 ms",
)


def kr(title: str, ref: str | None = None, **fields: object) -> PlanKeyResult:
    fields.setdefault("check_ins", 1)
    return PlanKeyResult(
        ref=ref or title[:12], title=title, path=f"kr:{ref or title[:12]}", **fields
    )  # type: ignore[arg-type]


def objective(ref: str, team: str, *titles: str, **fields: object) -> PlanObjective:
    items = tuple(kr(title, f"{ref}-{i}") for i, title in enumerate(titles))
    fields.setdefault("key_results", items)
    return PlanObjective(
        ref=ref, team=team, title=f"Make things effortless {ref}", path=f"o:{ref}", **fields
    )  # type: ignore[arg-type]


def plan(*objectives: PlanObjective, cycle: PlanCycle | None = CYCLE) -> Plan:
    return Plan(teams=TEAMS, objectives=objectives, cycle=cycle, language="en")


def rules(findings: list) -> list[str]:  # type: ignore[type-arg]
    return [finding.rule for finding in findings]


def test_a_good_plan_has_no_findings() -> None:
    assert lint_plan(plan(objective("o", "company", *GOOD))) == []


def test_too_few_and_too_many_key_results_follow_the_options() -> None:
    few = objective("o", "company", *GOOD[:2])
    assert rules(lint_plan(plan(few))) == ["obj-too-few-key-results"]
    assert lint_plan(plan(few), LintOptions(min_key_results=2)) == []
    many = objective("m", "company", *GOOD, "Cut onboarding time from 9 to 4 days")
    assert rules(lint_plan(plan(many), LintOptions(max_key_results=3))) == [
        "obj-too-many-key-results"
    ]


def test_several_active_objectives_for_one_team_is_an_error_on_the_second() -> None:
    first, second = objective("a", "company", *GOOD), objective("b", "company", *GOOD)
    findings = lint_plan(plan(first, second))
    focus = [f for f in findings if f.rule == "team-several-objectives"]
    assert [f.ref for f in focus] == ["b"] and focus[0].severity is Severity.ERROR
    draft = objective("c", "company", *GOOD, state="draft")
    assert "team-several-objectives" not in rules(lint_plan(plan(first, draft)))


def test_alignment_unaligned_team_objective_and_unknown_target() -> None:
    company = objective("co", "company", *GOOD)
    loose = objective("p", "product", *GOOD)
    assert rules(lint_plan(plan(company, loose))) == ["obj-unaligned"]
    aligned = objective("p", "product", *GOOD, aligned_to="co-0")
    assert lint_plan(plan(company, aligned)) == []
    wrong = objective("p", "product", *GOOD, aligned_to="nope")
    assert rules(lint_plan(plan(company, wrong))) == ["obj-aligned-unknown"]
    external = Plan(
        teams=TEAMS, objectives=(wrong,), cycle=CYCLE, external_key_results=frozenset({"nope"})
    )
    assert lint_plan(external) == []


def test_duplicate_metric_within_an_objective() -> None:
    items = (
        kr("Raise repeat purchase rate from 5% to 15%", "a"),
        kr("Increase repeat purchase rate from 5% to 12% by Q4", "b"),
        kr("Reduce refund rate from 0.5% to 0.2%", "c"),
    )
    findings = lint_plan(plan(objective("o", "company", key_results=items)))
    assert rules(findings) == ["kr-duplicate-metric"]
    assert findings[0].ref == "b"
    assert "Raise repeat purchase rate" in render(findings)[0].message


def test_conflict_between_two_teams_is_reported_on_both_sides() -> None:
    up = objective(
        "p", "product", "Raise average order value from €40 to €48", *GOOD[1:], aligned_to="x"
    )
    down = objective(
        "s", "sales", "Reduce average order value from €40 to €35", *GOOD[1:], aligned_to="x"
    )
    findings = lint_plan(
        Plan(teams=TEAMS, objectives=(up, down), cycle=CYCLE, external_key_results=frozenset({"x"}))
    )
    conflicts = [f for f in findings if f.rule == "kr-conflict"]
    assert sorted(f.ref for f in conflicts) == ["p-0", "s-0"]
    message = render(conflicts)[0].message
    assert "Product" in message and "Sales" in message and "average order value" in message


def test_no_deadline_only_outside_a_cycle() -> None:
    loose = objective("o", "company", *GOOD)
    assert set(rules(lint_plan(plan(loose, cycle=None)))) == {"kr-no-deadline"}
    dated = objective(
        "o",
        "company",
        key_results=tuple(
            kr(t, f"k{i}", deadline=dt.date(2026, 12, 31)) for i, t in enumerate(GOOD)
        ),
    )
    assert lint_plan(plan(dated, cycle=None)) == []
    by_sentence = objective("o", "company", *(f"{t} by 2026-12-31" for t in GOOD))
    assert lint_plan(plan(by_sentence, cycle=None)) == []


def test_not_measurable_until_a_source_or_a_check_in() -> None:
    items = tuple(kr(t, f"k{i}", check_ins=0) for i, t in enumerate(GOOD))
    findings = lint_plan(plan(objective("o", "company", key_results=items)))
    assert rules(findings) == ["kr-not-measurable"] * 3
    sourced = tuple(kr(t, f"k{i}", check_ins=0, has_source=True) for i, t in enumerate(GOOD))
    assert lint_plan(plan(objective("o", "company", key_results=sourced))) == []
    closed = PlanCycle(name="Q3", start=CYCLE.start, end=CYCLE.end, status="closed")
    assert lint_plan(plan(objective("o", "company", key_results=items), cycle=closed)) == []


def test_cancelled_objectives_are_not_linted() -> None:
    cancelled = objective("o", "company", "Launch the new app", state="cancelled")
    assert lint_plan(plan(cancelled)) == []


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"kind": "binary"}, ["kr-binary-no-chance"]),
        ({"kind": "binary", "chance_of_success": Decimal(60)}, []),
        (
            {"direction": "increase", "baseline": Decimal(10), "target": Decimal(5)},
            ["kr-target-wrong-side"],
        ),
        (
            {"direction": "decrease", "baseline": Decimal(5), "target": Decimal(9)},
            ["kr-target-wrong-side"],
        ),
        (
            {"direction": "increase", "baseline": Decimal(5), "target": Decimal(5)},
            ["kr-target-equals-baseline"],
        ),
        (
            {"direction": "at_most", "baseline": Decimal(1), "target": Decimal(2)},
            ["kr-target-already-met"],
        ),
        (
            {"direction": "at_least", "baseline": Decimal(99), "target": Decimal(95)},
            ["kr-target-already-met"],
        ),
        ({"direction": "at_most", "baseline": Decimal(3), "target": Decimal(2)}, []),
    ],
)
def test_structured_key_result_numbers(fields: dict[str, object], expected: list[str]) -> None:
    item = PlanKeyResult(ref="k", title="Launch the referral programme", metric="share", **fields)  # type: ignore[arg-type]
    found = [r for r in rules(lint_key_result(item)) if r != "kr-activity"]
    assert found == expected


def test_flagged_binary_key_result_is_not_reported_as_unflagged_or_activity() -> None:
    item = PlanKeyResult(
        ref="k",
        title="Sign Decathlon as a customer",
        kind="binary",
        chance_of_success=Decimal("0.4"),
    )
    assert lint_key_result(item) == []
    unflagged = PlanKeyResult(ref="k", title="Sign Decathlon as a customer")
    assert rules(lint_key_result(unflagged)) == ["kr-activity", "kr-binary-unflagged"]


def test_findings_are_sorted_errors_first() -> None:
    o = objective("o", "product", "Improve customer satisfaction", *GOOD[:1])
    severities = [f.severity for f in lint_plan(plan(o))]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert severities[0] is Severity.ERROR


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "no number to reach"),
        ("it", "numero"),
        ("fr", "nombre"),
    ],
)
def test_messages_are_rendered_in_the_readers_language(lang: str, words: str) -> None:
    finding = lint_key_result(PlanKeyResult(ref="k", title="Improve customer satisfaction"))
    rendered = render(finding, lang)[0]
    assert words in rendered.message.lower()
    assert rendered.suggestion and rendered.why
    assert "%(" not in rendered.message + rendered.suggestion + rendered.why


def test_every_rule_renders_in_every_language_without_leftover_placeholders() -> None:
    from okrs.coach.findings import Finding

    params = {
        "evidence": "launch", "metric": "churn", "title": "win", "target": "5", "baseline": "3",
        "direction": "increase", "other_direction": "decrease", "other": "x", "team": "A",
        "other_team": "B", "count": 7, "min": 3, "max": 5,
    }  # fmt: skip
    findings = [
        Finding(rule=r.id, category=r.category, severity=r.severity, path="p", params=params)
        for r in RULES.values()
    ]
    for lang in ("en", "it", "fr"):
        for rendered in render(findings, lang):
            text = rendered.message + rendered.suggestion + rendered.why
            assert "%(" not in text and "%%" not in text, (lang, rendered.rule)


def test_exit_code_and_summary() -> None:
    findings = render(lint_plan(plan(objective("o", "product", *GOOD[:2]))))
    assert summarize(findings)["warnings"] == 1 and summarize(findings)["info"] == 1
    assert exit_code(findings) == 0
    assert exit_code(findings, strict=True) == 1
    errors = lint_key_result(PlanKeyResult(ref="k", title="Improve customer satisfaction"))
    assert exit_code(errors) == 1
