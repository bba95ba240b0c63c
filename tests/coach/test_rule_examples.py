"""Every good and bad example in docs/coach-rules.md does what the doc says, in each language.

A text rule's example is one sentence linted on its own: the bad one raises the rule, the good
one raises nothing at all. A plan rule's example is a small plan written in the doc's cell
syntax (items separated by " · ", fields in brackets, see the doc's introduction): the bad one
raises the rule, the good one does not raise it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from okrs.coach.linting import RULES, lint_key_result, lint_objective, lint_plan
from okrs.coach.plan import Plan, PlanCycle, PlanKeyResult, PlanObjective, PlanTeam

DOC = Path(__file__).resolve().parents[2] / "docs" / "coach-rules.md"
_HEADING = re.compile(r"^### ([a-z-]+)$")
_ROW = re.compile(r"^\| (en|it|fr) \| (.+?) \| (.+?) \|$")
_ITEM = re.compile(r"^(?P<text>.*?)\s*(?:\[(?P<fields>[^\]]*)\])?$")
SEPARATOR = " · "
TEXT_RULES = {
    "kr-activity", "kr-binary-unflagged", "kr-vanity", "kr-login-view", "kr-no-target",
    "kr-relative-target", "kr-target-equals-baseline", "obj-too-big", "obj-output",
    "obj-parity", "obj-numbers",
}  # fmt: skip


def _examples() -> list[tuple[str, str, str, str]]:
    rows, rule = [], None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if heading := _HEADING.match(line):
            rule = heading.group(1)
        elif (row := _ROW.match(line)) and rule:
            rows.append((rule, row.group(1), row.group(2), row.group(3)))
    return rows


EXAMPLES = _examples()


# A plan written in a cell ----------------------------------------------------------------------


def _items(cell: str) -> list[tuple[str, dict[str, str]]]:
    items = []
    for part in cell.split(SEPARATOR):
        match = _ITEM.match(part.strip())
        assert match, part
        fields = {}
        for pair in filter(None, (p.strip() for p in (match["fields"] or "").split(","))):
            name, _, value = pair.partition("=")
            fields[name.strip()] = value.strip()
        items.append((match["text"], fields))
    return items


def _filler(team: str, index: int) -> PlanKeyResult:
    """A measured key result on a metric of its own, to fill an objective up."""
    return PlanKeyResult(
        ref=f"kr-{team}-filler-{index}",
        title=f"Raise filler metric {team} {index} from 1 to 2",
        metric=f"filler metric {team} {index}",
        baseline=Decimal(1),
        target=Decimal(2),
        direction="increase",
        check_ins=1,
        deadline=dt.date(2026, 12, 31),
        path=f"{team}.filler[{index}]",
    )


def _key_result(ref: str, text: str, fields: dict[str, str]) -> PlanKeyResult:
    number = {name: Decimal(fields[name]) for name in ("baseline", "target") if name in fields}
    return PlanKeyResult(
        ref=ref,
        title=text,
        direction=fields.get("direction"),  # type: ignore[arg-type]
        kind=fields.get("kind", "metric"),  # type: ignore[arg-type]
        chance_of_success=Decimal(fields["chance"]) if "chance" in fields else None,
        check_ins=int(fields.get("check_ins", "1")),
        has_source=fields.get("source") == "yes",
        path=ref,
        **number,
    )


def _aligned(fields: dict[str, str]) -> str | None:
    aligned = fields.get("aligned_to", "kr-company")
    return None if aligned == "none" else aligned


def _plan(rule: str, cell: str, lang: str) -> Plan:
    items = _items(cell)
    objectives: list[PlanObjective] = []
    if RULES[rule].scope in ("objective", "team"):
        for index, (text, fields) in enumerate(items):
            team = fields.get("team", "checkout")
            count = int(fields.get("key_results", "3"))
            objectives.append(
                PlanObjective(
                    ref=f"o-{index}",
                    team=team,
                    title=text,
                    key_results=tuple(_filler(f"{team}{index}", k) for k in range(count)),
                    aligned_to=_aligned(fields),
                    state=fields.get("state", "active"),  # type: ignore[arg-type]
                    path=f"o-{index}",
                )
            )
    else:
        by_team: dict[str, list[PlanKeyResult]] = {}
        for index, (text, fields) in enumerate(items):
            team = fields.get("team", "checkout")
            by_team.setdefault(team, []).append(_key_result(f"kr-{index}", text, fields))
        for team, key_results in by_team.items():
            fillers = [_filler(team, k) for k in range(max(0, 3 - len(key_results)))]
            objectives.append(
                PlanObjective(
                    ref=f"o-{team}",
                    team=team,
                    title="Make reordering effortless",
                    key_results=(*key_results, *fillers),
                    aligned_to="kr-company",
                    path=f"o-{team}",
                )
            )
    served = replace(_filler("company", 0), ref="kr-company")  # what team objectives serve
    company = PlanObjective(
        ref="o-company",
        team="company",
        title="Help home cooks cook more often",
        key_results=(served, _filler("company", 1), _filler("company", 2)),
        path="o-company",
    )
    teams = {"company": None, **{o.team: "company" for o in objectives}}
    no_cycle = any(fields.get("cycle") == "none" for _text, fields in items)
    cycle = PlanCycle(name="2026-Q4", start=dt.date(2026, 10, 1), end=dt.date(2026, 12, 31))
    return Plan(
        teams=tuple(PlanTeam(ref=r, name=r.title(), parent=parent) for r, parent in teams.items()),
        objectives=(company, *objectives),
        cycle=None if no_cycle else cycle,
        language=lang,
    )


def _rules_raised(rule: str, text: str, lang: str) -> set[str]:
    if rule not in TEXT_RULES:
        return {finding.rule for finding in lint_plan(_plan(rule, text, lang))}
    findings: list[Any]
    if RULES[rule].scope == "objective":
        findings = lint_objective(PlanObjective(ref="o", team="t", title=text), hint=lang)
    else:
        findings = lint_key_result(PlanKeyResult(ref="kr", title=text), hint=lang)
    return {finding.rule for finding in findings}


# The tests -------------------------------------------------------------------------------------


def test_every_rule_has_examples_in_every_language() -> None:
    languages: dict[str, set[str]] = {}
    for rule, lang, _bad, _good in EXAMPLES:
        languages.setdefault(rule, set()).add(lang)
    assert set(languages) == set(RULES)
    assert all(found == {"en", "it", "fr"} for found in languages.values()), languages


def test_every_rule_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [rule for rule in RULES if f"### {rule}\n" not in text]
    assert missing == []


@pytest.mark.parametrize(("rule", "lang", "bad", "good"), EXAMPLES)
def test_bad_example_raises_the_rule(rule: str, lang: str, bad: str, good: str) -> None:
    assert rule in _rules_raised(rule, bad, lang)


@pytest.mark.parametrize(("rule", "lang", "bad", "good"), EXAMPLES)
def test_good_example_is_clean(rule: str, lang: str, bad: str, good: str) -> None:
    raised = _rules_raised(rule, good, lang)
    if rule in TEXT_RULES:
        assert raised == set()
    else:
        assert rule not in raised
