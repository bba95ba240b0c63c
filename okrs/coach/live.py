"""The coach on drafts: one key result or objective while it is being written.

The forms of the web app, the API's lint endpoint and the "from pain to key result" flow all
lint something that is not saved yet. They build ``PlanKeyResult`` / ``PlanObjective`` values
from what was typed (``draft_key_result``), and ``lint_draft`` runs the same rules as a whole
cycle's report: the text rules and targets of each key result, and, when the draft is an
objective with its key results, the rules about their number and duplicate metrics.

``sentence_reading`` says what the parser reads in a key-result sentence, so a form can offer to
fill its metric, baseline, target and direction from the sentence. Pure Python, no Django.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from okrs.coach.findings import Finding
from okrs.coach.linting import lint_key_result, lint_objective, lint_plan
from okrs.coach.linting.engine import key_result_facts, normalized_metric
from okrs.coach.parsing import parse_key_result
from okrs.coach.plan import LintOptions, Plan, PlanKeyResult, PlanObjective, PlanTeam

DIRECTIONS = frozenset({"increase", "decrease", "at_least", "at_most"})
KINDS = frozenset({"metric", "binary"})
DRAFT_SILENT_RULES = frozenset({"kr-no-deadline", "kr-not-measurable"})


def _number(value: Any) -> Decimal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def draft_key_result(
    fields: Mapping[str, Any], *, ref: str = "draft", path: str = "key_result"
) -> PlanKeyResult:
    """A key result as the linter reads it, from typed values (strings, numbers or None).

    What cannot be read (a number that is not one, an unknown direction) is left out, as if the
    person had not typed it yet: the form itself says what is wrong with the field.
    """
    direction = fields.get("direction")
    kind = fields.get("kind") or "metric"
    deadline = fields.get("deadline")
    return PlanKeyResult(
        ref=ref,
        title=str(fields.get("title") or ""),
        metric=str(fields.get("metric") or "") or None,
        unit=str(fields.get("unit") or "") or None,
        baseline=_number(fields.get("baseline")),
        target=_number(fields.get("target")),
        direction=direction if direction in DIRECTIONS else None,
        kind=kind if kind in KINDS else "metric",  # type: ignore[arg-type]
        chance_of_success=_number(fields.get("chance_of_success")),
        deadline=deadline if isinstance(deadline, dt.date) else None,
        has_source=bool(fields.get("has_source")),
        check_ins=int(fields.get("check_ins") or 0),
        path=path,
    )


def lint_draft_key_result(
    item: PlanKeyResult, *, siblings: Iterable[PlanKeyResult] = (), hint: str | None = None
) -> list[Finding]:
    """One key result's own findings, and whether a sibling already measures its metric."""
    findings = lint_key_result(item, hint=hint)
    metric = normalized_metric(key_result_facts(item, hint))
    if metric is not None:
        for other in siblings:
            if normalized_metric(key_result_facts(other, hint)) == metric:
                findings.append(_duplicate(item, other))
                break
    return findings


def _duplicate(item: PlanKeyResult, other: PlanKeyResult) -> Finding:
    from okrs.coach.linting.rules import RULES

    rule = RULES["kr-duplicate-metric"]
    return Finding(
        rule=rule.id,
        category=rule.category,
        severity=rule.severity,
        path=item.path,
        params={"other": other.title},
        object_type="key_result",
        object_id=item.object_id,
        ref=item.ref,
    )


def lint_draft_objective(
    title: str,
    key_results: Iterable[PlanKeyResult] = (),
    *,
    options: LintOptions | None = None,
    hint: str | None = None,
    with_key_results: bool = True,
) -> list[Finding]:
    """An objective being drafted: its title and, with ``with_key_results``, its key results.

    Alignment and the other teams' plans are out of reach for a draft, so the draft stands
    alone: a plan of one top-level team, whose objective is never "aligned to nothing".
    """
    objective = PlanObjective(
        ref="draft", team="draft", title=title, key_results=tuple(key_results), path="objective"
    )
    if not with_key_results:
        return lint_objective(objective, hint=hint)
    plan = Plan(
        teams=(PlanTeam(ref="draft", name="draft"),),
        objectives=(objective,),
        language=hint,
    )
    return [
        finding
        for finding in lint_plan(plan, options)
        # Without a cycle every key result would lack a deadline (drafts get the cycle's end),
        # and nothing can measure a key result not saved yet: the readiness report says that.
        if finding.rule not in DRAFT_SILENT_RULES
    ]


@dataclass(frozen=True)
class SentenceReading:
    """What the parser reads in a key-result sentence, for a form to offer as field values."""

    metric: str | None
    baseline: Decimal | None
    target: Decimal | None
    unit: str | None
    direction: str | None
    deadline: str | None
    lang: str

    @property
    def complete(self) -> bool:
        """Enough to fill a metric key result: what is measured, where it starts and ends."""
        return bool(self.metric) and self.target is not None and self.direction is not None


def sentence_reading(title: str, *, hint: str | None = None) -> SentenceReading | None:
    """The parser's reading of ``title``, or None when it finds neither metric nor number."""
    from okrs.coach.linting.engine import sentence_language

    text = title.strip()
    if not text:
        return None
    parsed = parse_key_result(text, lang=sentence_language(text.lower(), hint))
    if parsed.target is None and parsed.baseline is None:
        return None
    return SentenceReading(
        metric=parsed.metric,
        baseline=parsed.baseline,
        target=parsed.target,
        unit=parsed.unit,
        direction=parsed.direction.value if parsed.direction else None,
        deadline=parsed.deadline,
        lang=parsed.lang,
    )
