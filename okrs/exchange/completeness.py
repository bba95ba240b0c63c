"""What the database needs that a lintable file may still lack: checked before any import.

A bare sentence without a target still lints (the linter says what is weak about it), but it
cannot be stored: the database needs a baseline and a target. Each message says what is
missing and how to write it.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from okrs.coach.numbers import format_decimal
from okrs.exchange.document import DocCycle, DocKeyResult, DocObjective, Document
from okrs.exchange.errors import ExchangeIssue
from okrs.exchange.sentences import missing_numbers_hint, read_sentence
from okrs.exchange.sources import is_relative

# Digits and decimals the database keeps for each number (see okrs.goals.models).
PRECISION = {
    "baseline": (24, 6),
    "target": (24, 6),
    "weight": (6, 3),
    "chance_of_success": (3, 2),
}
MAX_CYCLE_DAYS = 366


def _precision_issues(key_result: DocKeyResult) -> Iterator[ExchangeIssue]:
    for name, (digits, decimals) in PRECISION.items():
        value = getattr(key_result, name)
        if value is None:
            continue
        exponent = value.normalize().as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        whole = len(str(abs(int(value)))) if value != 0 else 0
        if places > decimals:
            yield key_result.place.issue(
                f"{format_decimal(value)} has {places} decimals; at most {decimals} are kept.",
                name,
            )
        elif whole > digits - decimals:
            yield key_result.place.issue(f"{format_decimal(value)} is too large to store.", name)


def _missing_numbers(key_result: DocKeyResult, language: str | None) -> ExchangeIssue:
    """Which of baseline and target are missing, and how to write them."""
    parsed = read_sentence(key_result.title, language) if key_result.title else None
    hint = missing_numbers_hint(parsed, language)
    baseline, target = key_result.baseline, key_result.target
    if baseline is None and target is None:
        what = "no baseline and no target"
        if parsed is not None and parsed.change is not None:
            what += (
                f" ('{format_decimal(parsed.change.value)}' is a change, not the value to reach)"
            )
        message = f"{what} found in '{key_result.title}': {hint}."
    elif target is None:
        assert baseline is not None
        message = (
            f"no target: '{key_result.title}' starts from {format_decimal(baseline)} but does not"
            f" say where to get to; {hint}."
        )
    else:
        message = (
            f"no baseline: '{key_result.title}' gives the target ({format_decimal(target)}) but"
            f" not where it starts from; {hint}."
        )
    return key_result.place.issue(message, "target" if target is None else "baseline")


def _direction_issue(key_result: DocKeyResult) -> ExchangeIssue | None:
    baseline, target, direction = key_result.baseline, key_result.target, key_result.direction
    if baseline is None or target is None:
        return None
    if direction is None or (direction in ("increase", "decrease") and target == baseline):
        return key_result.place.issue(
            f"the baseline and the target are both {format_decimal(target)}: there is nothing to"
            " achieve. To hold a level write 'direction: at_least' or 'direction: at_most'.",
            "target",
        )
    if direction == "increase" and target < baseline:
        return key_result.place.issue(
            f"for an increase the target ({format_decimal(target)}) must be above the baseline"
            f" ({format_decimal(baseline)}); did you mean 'direction: decrease'?",
            "target",
        )
    if direction == "decrease" and target > baseline:
        return key_result.place.issue(
            f"for a decrease the target ({format_decimal(target)}) must be below the baseline"
            f" ({format_decimal(baseline)}); did you mean 'direction: increase'?",
            "target",
        )
    return None


def _binary_issues(key_result: DocKeyResult) -> Iterator[ExchangeIssue]:
    if key_result.chance_of_success is None:
        yield key_result.place.issue(
            "a binary key result needs chance_of_success: how likely the team thinks it is to be"
            " done, from 0 to 1 (for example 'chance_of_success: 0.7').",
            "kind",
        )
    for name, scale in (("baseline", Decimal(0)), ("target", Decimal(1))):
        value = getattr(key_result, name)
        if value is not None and value != scale:
            yield key_result.place.issue(
                f"a binary key result runs from 0 (not done) to 1 (done); remove '{name}:'.", name
            )


def key_result_issues(
    key_result: DocKeyResult, cycle: DocCycle, language: str | None
) -> Iterator[ExchangeIssue]:
    """Everything the database would refuse about one key result, said in the file's terms."""
    yield from _precision_issues(key_result)
    if key_result.kind == "binary":
        yield from _binary_issues(key_result)
    else:
        if key_result.chance_of_success is not None:
            yield key_result.place.issue(
                "only a binary key result carries a chance of success; a metric shows its"
                " progress. Remove it, or write 'kind: binary'.",
                "chance_of_success",
            )
        if key_result.baseline is None or key_result.target is None:
            yield _missing_numbers(key_result, language)
        elif issue := _direction_issue(key_result):
            yield issue
    deadline = key_result.deadline
    if deadline is not None and not cycle.start <= deadline <= cycle.end:
        said = "" if "deadline" in key_result.place.key_lines else " (read from the title)"
        yield key_result.place.issue(
            f"the deadline {deadline.isoformat()}{said} falls outside the cycle"
            f" ({cycle.start.isoformat()} to {cycle.end.isoformat()}); write a 'deadline:' within it.",
            "deadline",
        )


def _objective_issues(
    objective: DocObjective, document: Document, ancestors: dict[str, set[str]]
) -> Iterator[ExchangeIssue]:
    if objective.contributes and objective.aligned_to is None:
        yield objective.place.issue(
            "'contributes: true' needs 'aligned_to:': only an objective aligned to a key result"
            " can feed its progress.",
            "contributes",
        )
    owners = {kr.ref: o for o in document.objectives for kr in o.key_results}
    parent = owners.get(objective.aligned_to or "")
    if parent is not None and parent.team not in ancestors.get(objective.team, set()):
        yield objective.place.issue(
            f"'{objective.aligned_to}' is a key result of team '{parent.team}', which is not above"
            f" team '{objective.team}': an objective serves a key result of a team above its own.",
            "aligned_to",
        )


def _ancestors(document: Document) -> dict[str, set[str]]:
    parents = {team.ref: team.parent for team in document.teams}
    result: dict[str, set[str]] = {}
    for ref in parents:
        seen: set[str] = set()
        current = parents.get(ref)
        while current is not None and current not in seen:
            seen.add(current)
            current = parents.get(current)
        result[ref] = seen
    return result


def incomplete_issues(document: Document) -> list[ExchangeIssue]:
    """What stands between a lintable ``document`` and one the database accepts."""
    cycle = document.cycle
    issues: list[ExchangeIssue] = []
    for data_source in document.data_sources:
        if data_source.kind == "files" and is_relative(data_source.path):
            # Only text that was not read from a file keeps a relative path (see sources.py).
            issues.append(
                data_source.place.issue(
                    f"'{data_source.path}' is relative to the folder of the YAML file, but this"
                    " text was not read from a file; write the full path, like"
                    " /data/events-*.parquet.",
                    "path",
                )
            )
    if (cycle.end - cycle.start).days > MAX_CYCLE_DAYS:
        issues.append(
            cycle.place.issue(
                "a cycle may last at most a year; OKR cycles are usually a quarter.", "end"
            )
        )
    ancestors = _ancestors(document)
    for objective in document.objectives:
        issues.extend(_objective_issues(objective, document, ancestors))
        for key_result in objective.key_results:
            issues.extend(key_result_issues(key_result, cycle, document.organization.language))
    return issues
