"""Run the coach rules over a plan and turn findings into text in a reader's language.

``lint_plan`` is the one entry point for files (``okrs lint``), the database (readiness
report, API) and drafts (live findings beside the forms): each source builds a
``okrs.coach.plan.Plan`` first. Sentences are read once (``KeyResultFacts``); the rules then
look at the facts. Pure Python apart from gettext, which ``render`` uses to translate.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ParamSpec, TypeVar

from okrs.coach.findings import SEVERITY_ORDER, Finding, RenderedFinding
from okrs.coach.linting import text as words
from okrs.coach.linting.languages import VOCABULARIES
from okrs.coach.linting.rules import RULES
from okrs.coach.numbers import format_decimal
from okrs.coach.parsing import language_scores, parse_key_result
from okrs.coach.plan import LintOptions, Plan, PlanKeyResult, PlanObjective

_INCREASING = frozenset({"increase", "at_least"})
_LOWERING = frozenset({"decrease", "at_most"})
# A language whose own words score this much more than any other's needs no second opinion.
_CLEAR_LEAD = 2
_METRIC_NOISE = re.compile(r"[^\w%]+")


# Slotted and not frozen, as every object made per key result (20,000 in a plan): a frozen
# dataclass is built about five times slower. Read-only by convention.
@dataclass(slots=True)
class KeyResultFacts:
    """What one key result says once its sentence is read; structured fields win."""

    item: PlanKeyResult
    text: str  # normalized title
    lang: str
    metric: str | None
    baseline: Decimal | None
    target: Decimal | None
    direction: str | None
    deadline: dt.date | str | None  # a date, or the deadline as the sentence wrote it
    change: str | None  # a relative change ("30%", "double") when the sentence gives no target
    amount: bool = False  # the sentence writes a number, once names and dates are hidden
    quantity: str | None = None  # a number word the parser does not read ("two", "a million")

    @property
    def has_number(self) -> bool:
        return self.target is not None or self.baseline is not None or self.change is not None


def sentence_language(text: str, hint: str | None) -> str:
    """The sentence's language from its words; the hint (organization language) when unsure.

    First the coach's cue words, endings and letters (``CoachVocabulary.detection_cues``);
    when no language leads clearly, the coach verbs it opens with ("pubblicare",
    "finaliser"); when still unsure, the parser's own scores are added.
    """
    scores = words.language_cues(text, verbs=False)
    best, lead = _best_and_lead(scores)
    if lead < _CLEAR_LEAD:  # not plain from its words: its opening verb tells
        words.add_verb_cues(text, scores)
        best, lead = _best_and_lead(scores)
        if lead < _CLEAR_LEAD:  # still unsure: the parser's own clues too
            for code, score in language_scores(text).items():
                scores[code] = scores.get(code, 0) + score
            best = max(scores.values(), default=0)
    if best <= 0:
        return hint if hint in VOCABULARIES else "en"
    if hint in scores and scores[hint] == best:
        return hint
    for code, score in scores.items():  # a plain loop: it runs for every sentence
        if score == best:
            return code
    raise AssertionError("the best score is one of the scores")


def _best_and_lead(scores: dict[str, int]) -> tuple[int, int]:
    """The best language's score (0 at least), and how far it is ahead of the next one."""
    first = second = 0
    for score in scores.values():
        if score > first:
            first, second = score, first
        elif score > second:
            second = score
    return first, first - second


def key_result_facts(item: PlanKeyResult, hint: str | None = None) -> KeyResultFacts:
    flat = words.flatten(item.title)
    text = flat.lower()
    lang = sentence_language(text, hint)
    structured = item.target is not None and (item.baseline is not None or item.direction)
    # With a target in its fields the sentence is not parsed, and a number in it changes
    # nothing: no need to tell its names and dates from its amounts.
    masked, amount = (flat, False) if structured else words.read_numbers(flat)
    direction: str | None
    deadline: dt.date | str | None
    if structured or not text:
        metric, baseline, target, direction = (
            item.metric,
            item.baseline,
            item.target,
            item.direction,
        )
        deadline, change = item.deadline, None
    else:
        parsed = parse_key_result(masked, lang=lang)
        metric = item.metric or parsed.metric
        baseline = item.baseline if item.baseline is not None else parsed.baseline
        target = item.target if item.target is not None else parsed.target
        direction = item.direction or (parsed.direction.value if parsed.direction else None)
        deadline = item.deadline or parsed.deadline
        change = _amount(parsed.change) if parsed.change is not None and target is None else None
    quantity = None
    if target is None and change is None and text:
        # "Double weekly sign-ins", "Hire two engineers": numbers in words, which the parser
        # does not read.
        change = words.multiplier(text, lang)
        quantity = None if change else words.quantity(text, lang)
    return KeyResultFacts(
        item, text, lang, metric, baseline, target, direction, deadline, change, amount, quantity
    )


def _amount(change: Any) -> str:
    unit = change.unit or ""
    value = format_decimal(change.value)
    return f"{value}%" if unit == "%" else f"{value} {unit}".strip()


# Findings --------------------------------------------------------------------------------


def _finding(
    rule_id: str, item: Any, kind: str, evidence: str | None = None, **params: Any
) -> Finding:
    rule = RULES[rule_id]
    if evidence is not None:
        params["evidence"] = evidence
    # Positional: a large plan makes tens of thousands of findings, and keywords cost more.
    return Finding(
        rule.id,
        rule.category,
        rule.severity,
        item.path,
        params,
        item.line,
        kind,
        item.object_id,
        item.ref,
        evidence,
    )


def key_result_text_findings(facts: KeyResultFacts) -> Iterator[Finding]:
    """Activity, binary, vanity, login/view and target rules for one key result."""
    item, text, lang = facts.item, facts.text, facts.lang
    binary = item.kind == "binary"
    # The milestone verb only counts in a sentence without numbers: read it only then.
    read = words.read_key_result(text, lang, milestone=False)
    activity = read.activity
    milestone = None
    if not (facts.has_number or facts.amount or facts.quantity or words.recurrence(text, lang)):
        milestone = activity or words.opening_milestone(text, lang)
    if (activity or milestone) and not binary:
        yield _finding("kr-activity", item, "key_result", activity or milestone)
    if milestone and not binary:
        yield _finding("kr-binary-unflagged", item, "key_result", milestone)
    if binary and item.chance_of_success is None:
        yield _finding("kr-binary-no-chance", item, "key_result")
    if read.vanity:
        yield _finding("kr-vanity", item, "key_result", read.vanity)
    # Logins or visits a key result lowers are a problem to reduce ("Cut support-page visits
    # from 10k to 5k"), not a measure of value.
    if read.login_view and facts.direction not in _LOWERING:
        yield _finding("kr-login-view", item, "key_result", read.login_view)
    if not binary and not (activity or milestone):
        if facts.target is None and facts.change is None and facts.quantity is None:
            yield _finding("kr-no-target", item, "key_result", metric=facts.metric or "\u2026")
        elif facts.target is None and facts.change is not None:
            yield _finding("kr-relative-target", item, "key_result", facts.change)
    if facts.baseline is not None and facts.target is not None:
        target = _target_finding(facts)
        if target is not None:
            yield target


def _target_finding(facts: KeyResultFacts) -> Finding | None:
    """A target equal to the baseline, on the wrong side of it, or already met.

    A function, not a generator: it runs for most key results and finds nothing in most.
    """
    item, baseline, target = facts.item, facts.baseline, facts.target
    if item.kind == "binary" or baseline is None or target is None:
        return None
    direction = facts.direction
    rule_id = None
    if direction not in {"at_least", "at_most"} and target == baseline:
        rule_id = "kr-target-equals-baseline"
    elif direction in {"increase", "decrease"} and (direction == "increase") != (target > baseline):
        rule_id = "kr-target-wrong-side"
    elif (direction == "at_least" and baseline >= target) or (
        direction == "at_most" and baseline <= target
    ):
        rule_id = "kr-target-already-met"
    if rule_id is None:
        return None  # most key results: no need to format their numbers
    shown: dict[str, Any] = {}
    if rule_id == "kr-target-wrong-side":
        shown["direction"] = direction
    shown.update(baseline=format_decimal(baseline), target=format_decimal(target))
    return _finding(rule_id, item, "key_result", **shown)


def objective_text_findings(item: PlanObjective, lang: str) -> Iterator[Finding]:
    flat = words.flatten(item.title)
    text = flat.lower()
    found_by_rule = (
        ("obj-too-big", words.too_big(text, lang)),
        ("obj-output", words.prescribes_output(text, lang)),
        ("obj-parity", words.chases_parity(text, lang, flat)),
        ("obj-numbers", words.carries_numbers(text, lang, flat)),
    )
    for rule_id, found in found_by_rule:
        if found:
            yield _finding(rule_id, item, "objective", found, title=_lower_first(item.title))


def _lower_first(title: str) -> str:
    title = title.strip().rstrip(".")
    return title[:1].lower() + title[1:] if title[1:2].islower() else title


def normalized_metric(facts: KeyResultFacts) -> str | None:
    """The key result's metric in lower case, punctuation as spaces: what two teams share."""
    if not facts.metric:
        return None
    return _normalized_metric(facts.metric)


@functools.lru_cache(maxsize=4096)
def _normalized_metric(metric: str) -> str | None:
    # Remembered: the teams of an organization write the same few metrics again and again.
    return _METRIC_NOISE.sub(" ", metric.lower()).strip() or None


# A key result's facts and its normalized metric (``normalized_metric``).
_Measured = tuple[KeyResultFacts, str | None]


# The plan --------------------------------------------------------------------------------


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _collector_paused(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``function`` with Python's cycle collector paused (when it was running).

    Linting a large plan builds some 200,000 small objects (facts, findings, rendered texts)
    that all live until the report is done and never form reference cycles. The collector,
    started every few hundred new objects, would look through them again and again, and
    through the whole heap twice: about an eighth of the time of linting 20,000 key results.
    Reference counting still frees everything as usual; only the search for cycles waits.
    The collector is switched back on only by the call that switched it off: a nested call,
    or a program that keeps the collector off, changes nothing, and calls in two threads at
    once at worst shorten the pause.
    """

    @functools.wraps(function)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return paused


@_collector_paused
def lint_plan(plan: Plan, options: LintOptions | None = None) -> list[Finding]:
    """Every finding for a plan, most severe first, then in the plan's order."""
    options = options or LintOptions()
    context = _Context(plan)
    findings: list[Finding] = []
    facts_by_objective: dict[str, list[_Measured]] = {}
    live = [o for o in plan.objectives if o.state != "cancelled"]
    for objective in live:
        lang = sentence_language(words.normalize(objective.title), plan.language)
        findings.extend(objective_text_findings(objective, lang))
        facts = [key_result_facts(kr, plan.language) for kr in objective.key_results]
        # The metric is normalized once: the duplicate and the conflict rules both look it up.
        measured = [(fact, normalized_metric(fact)) for fact in facts]
        facts_by_objective[objective.ref] = measured
        findings.extend(_objective_structure(objective, measured, context, options))
        for fact in facts:
            findings.extend(key_result_text_findings(fact))
            _key_result_context(fact, plan, findings)
    findings.extend(_focus(context, live))
    findings.extend(_conflicts(context, live, facts_by_objective))
    # ``sorted`` is stable: within a severity the findings keep the plan's order.
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])


class _Context:
    """What several rules look up in the whole plan, computed once."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.teams = {team.ref: team for team in plan.teams}
        self.team_names = {team.ref: team.name for team in plan.teams}
        self.key_result_refs = {kr.ref for o in plan.objectives for kr in o.key_results}
        self.key_result_refs |= plan.external_key_results


def _objective_structure(
    objective: PlanObjective,
    facts: list[_Measured],
    context: _Context,
    options: LintOptions,
) -> Iterator[Finding]:
    count = len(facts)
    limits: dict[str, Any] = {
        "count": count,
        "min": options.min_key_results,
        "max": options.max_key_results,
    }
    if count < options.min_key_results:
        yield _finding("obj-too-few-key-results", objective, "objective", **limits)
    elif count > options.max_key_results:
        yield _finding("obj-too-many-key-results", objective, "objective", **limits)
    yield from _alignment(objective, context)
    seen: dict[str, KeyResultFacts] = {}
    for fact, metric in facts:
        if metric is None:
            continue
        if metric in seen:
            yield _finding(
                "kr-duplicate-metric", fact.item, "key_result", other=seen[metric].item.title
            )
        else:
            seen[metric] = fact


def _alignment(objective: PlanObjective, context: _Context) -> Iterator[Finding]:
    team = context.teams.get(objective.team)
    if objective.aligned_to:
        if objective.aligned_to not in context.key_result_refs:
            yield _finding("obj-aligned-unknown", objective, "objective", objective.aligned_to)
    elif team is not None and team.parent is not None:
        yield _finding("obj-unaligned", objective, "objective")


def _key_result_context(fact: KeyResultFacts, plan: Plan, findings: list[Finding]) -> None:
    """Add the deadline and measurability findings of one key result to ``findings`` (a
    function, not a generator: it runs once per key result of the plan)."""
    item = fact.item
    if plan.cycle is None and fact.deadline is None:
        findings.append(_finding("kr-no-deadline", item, "key_result"))
    measured = item.has_source or item.check_ins > 0
    closed = plan.cycle is not None and plan.cycle.status in {"review", "closed"}
    if not measured and not closed and item.kind != "binary":
        findings.append(_finding("kr-not-measurable", item, "key_result"))


def _focus(context: _Context, objectives: list[PlanObjective]) -> Iterator[Finding]:
    by_team: dict[str, list[PlanObjective]] = defaultdict(list)
    for objective in objectives:
        if objective.state == "active":
            by_team[objective.team].append(objective)
    names = context.team_names
    for team_ref, active in by_team.items():
        if len(active) > 1:
            for objective in active[1:]:
                yield _finding(
                    "team-several-objectives",
                    objective,
                    "objective",
                    team=names.get(team_ref, team_ref),
                    count=len(active),
                )


def _conflicts(
    context: _Context, objectives: list[PlanObjective], facts: dict[str, list[_Measured]]
) -> Iterator[Finding]:
    """Two teams moving the same metric in opposite directions; one finding on each side."""
    names = context.team_names
    by_metric: dict[str, list[tuple[str, KeyResultFacts]]] = defaultdict(list)
    for objective in objectives:
        for fact, metric in facts.get(objective.ref, ()):
            if metric and fact.direction:
                by_metric[metric].append((objective.team, fact))
    for entries in by_metric.values():
        # The first key result of each side from two different teams is enough to name the
        # other side of any conflict: linear in the number of key results, not quadratic.
        firsts: dict[bool, list[tuple[str, KeyResultFacts]]] = {True: [], False: []}
        for team, fact in entries:
            side = firsts[fact.direction in _INCREASING]
            if len(side) < 2 and all(team != seen for seen, _fact in side):
                side.append((team, fact))
        for team, fact in entries:
            found = _other_team(firsts[fact.direction not in _INCREASING], team)
            if found is None:
                continue
            other_team, other = found
            yield _finding(
                "kr-conflict",
                fact.item,
                "key_result",
                team=names.get(team, team),
                other_team=names.get(other_team, other_team),
                metric=fact.metric,
                direction=_verb(fact.direction),
                other_direction=_verb(other.direction),
                other=other.item.title,
            )


def _other_team(
    side: list[tuple[str, KeyResultFacts]], team: str
) -> tuple[str, KeyResultFacts] | None:
    """The first entry of ``side`` from a team other than ``team`` (a plain loop: a side
    holds at most two entries, and a generator would cost more than the search)."""
    for entry in side:
        if entry[0] != team:
            return entry
    return None


def _verb(direction: str | None) -> str:
    return "raise" if direction in _INCREASING else "lower"


def lint_key_result(item: PlanKeyResult, *, hint: str | None = None) -> list[Finding]:
    """The findings one key result earns on its own (live coaching beside a form)."""
    return list(key_result_text_findings(key_result_facts(item, hint)))


def lint_objective(item: PlanObjective, *, hint: str | None = None) -> list[Finding]:
    """The findings an objective's title earns on its own (live coaching beside a form)."""
    return list(objective_text_findings(item, sentence_language(words.normalize(item.title), hint)))


# Text ------------------------------------------------------------------------------------


@_collector_paused
def render(findings: Iterable[Finding], lang: str = "en") -> list[RenderedFinding]:
    """The findings with their message, suggestion and why in ``lang`` (it, fr, en)."""
    from django.utils import translation

    with translation.override(lang):
        texts = _Texts(translation.gettext)
        return [_render_one(finding, texts) for finding in findings]


class _Texts:
    """Translations looked up once per text: a plan's findings repeat the same few rules.

    A rule's three texts are translated together, once; a finding without parameters (most
    of a large plan's: "not measurable", "not aligned") has them filled in once per rule too.
    """

    def __init__(self, gettext: Any) -> None:
        self.gettext = gettext
        self.cache: dict[str, str] = {}
        self.rules: dict[str, tuple[str, str, str]] = {}
        self.filled: dict[str, tuple[str, str, str]] = {}

    def __call__(self, message: str) -> str:
        found = self.cache.get(message)
        if found is None:
            found = self.cache[message] = self.gettext(message)
        return found

    def of_rule(self, rule_id: str) -> tuple[str, str, str]:
        """The rule's message, suggestion and why, translated; their placeholders unfilled."""
        found = self.rules.get(rule_id)
        if found is None:
            rule = RULES[rule_id]
            found = self.rules[rule_id] = (
                self(rule.message),
                self(rule.suggestion),
                self(rule.why),
            )
        return found

    def filled_in(self, rule_id: str, params: Mapping[str, Any]) -> tuple[str, str, str]:
        """The rule's three texts with ``params`` in their placeholders."""
        if params:
            values = params
            if "direction" in params:  # a word to translate: on a copy, not on the finding
                values = dict(params)
                for word in ("direction", "other_direction"):
                    if word in values:
                        values[word] = self(values[word])
            return _fill(self.of_rule(rule_id), values)
        found = self.filled.get(rule_id)
        if found is None:  # the same three texts for every finding of the rule
            found = self.filled[rule_id] = _fill(self.of_rule(rule_id), {})
        return found


def _fill(texts: tuple[str, str, str], values: Mapping[str, Any]) -> tuple[str, str, str]:
    """The three texts with their placeholders filled ("%%" becomes "%" even with none)."""
    message, suggestion, why = texts
    return message % values, suggestion % values, why % values


def _render_one(finding: Finding, texts: _Texts) -> RenderedFinding:
    message, suggestion, why = texts.filled_in(finding.rule, finding.params)
    return RenderedFinding(
        finding.rule,
        finding.category,
        str(finding.severity),
        finding.path,
        message,
        suggestion,
        why,
        finding.line,
        finding.object_type,
        finding.object_id,
        finding.ref,
        finding.evidence,
    )
