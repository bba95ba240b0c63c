"""Progress maths for objectives and key results.

Everything here is pure: plain numbers and dates in, plain numbers and enums out. No Django,
no database, no clock (callers pass ``today``). The formulas, and why each edge case is
decided the way it is, are written up in ``docs/progress.md``; keep the two in step.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class Direction(StrEnum):
    """Which way a metric key result has to move to count as progress."""

    INCREASE = "increase"
    DECREASE = "decrease"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


class Kind(StrEnum):
    """A key result is either measured on a scale (metric) or simply done or not (binary)."""

    METRIC = "metric"
    BINARY = "binary"


class Status(StrEnum):
    """How a key result is doing against the pace the period asks for."""

    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"


class ScoreBand(StrEnum):
    """Where a final score lands.

    ``LOW`` calls for a blameless retrospective, ``TARGET`` is the sweet spot of an ambitious
    objective, ``HIGH`` asks whether the target was ambitious enough.
    """

    LOW = "low"
    TARGET = "target"
    HIGH = "high"


# A metric key result whose progress trails the expected pace by at most this much is on track,
# by at most AT_RISK_MAX_GAP at risk, and by more than that off track.
ON_TRACK_MAX_GAP = 0.10
AT_RISK_MAX_GAP = 0.25

# Binary key results cannot show partial progress, so their status comes from the owner's
# stated chance of success while the deadline has not come yet.
BINARY_ON_TRACK_MIN_CHANCE = 0.7
BINARY_AT_RISK_MIN_CHANCE = 0.4
# Without a stated chance, a binary key result that is not done turns at risk once this share
# of the period has passed.
BINARY_AT_RISK_FROM_EXPECTED = 0.5

# Final score bands: below LOW a retrospective, above HIGH a question about ambition.
SCORE_BAND_LOW = 0.6
SCORE_BAND_HIGH = 0.8

# Gaps and scores are compared after rounding to this many decimals, so that binary floating
# point noise (0.4 - 0.3 == 0.10000000000000003) never moves a result across a boundary that
# the user sees as exactly met.
_COMPARISON_DECIMALS = 9


def _finite(name: str, value: float | None) -> float:
    """Return ``value`` as a float, refusing NaN, infinities and non-numbers."""
    if type(value) is float and math.isfinite(value):
        return value  # the common case, kept fast for large rollups
    if isinstance(value, bool) or value is None:
        raise ValueError(f"{name} must be a number, got {value!r}.")
    try:
        number = float(value)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name} must be a number, got {value!r}.") from error
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number, got {value!r}.")
    return number


def _clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    """Limit ``value`` to the closed interval [low, high]."""
    return min(high, max(low, value))


def _as_date(value: date) -> date:
    """Accept a datetime where a date is expected by dropping the time of day."""
    return value.date() if isinstance(value, datetime) else value


# StrEnum members hash like their values, so these find both "metric" and Kind.METRIC, and
# faster than calling the enum.
_KINDS: dict[str, Kind] = {member.value: member for member in Kind}
_DIRECTIONS: dict[str, Direction] = {member.value: member for member in Direction}


def _kind(kind: Kind | str) -> Kind:
    """Parse a kind, with an error message that lists the valid values."""
    member = _KINDS.get(kind)
    if member is None:
        valid = ", ".join(_KINDS)
        raise ValueError(f"Unknown key result kind {kind!r}; use one of: {valid}.")
    return member


def _direction(direction: Direction | str) -> Direction:
    """Parse a direction, with an error message that lists the valid values."""
    member = _DIRECTIONS.get(direction)
    if member is None:
        valid = ", ".join(_DIRECTIONS)
        raise ValueError(f"Unknown key result direction {direction!r}; use one of: {valid}.")
    return member


def _increase_share(baseline: float, target: float, current: float) -> float:
    """Share of the way from a baseline up to a higher (or equal) target."""
    if target == baseline:
        return 1.0 if current >= target else 0.0
    return (current - baseline) / (target - baseline)


def _decrease_share(baseline: float, target: float, current: float) -> float:
    """Share of the way from a baseline down to a lower (or equal) target."""
    if target == baseline:
        return 1.0 if current <= target else 0.0
    return (baseline - current) / (baseline - target)


def key_result_attainment(
    *,
    kind: Kind | str,
    direction: Direction | str,
    baseline: float,
    target: float,
    current: float | None,
) -> float:
    """Return the unclamped share of the way from ``baseline`` to ``target``.

    0.0 means still at the baseline, 1.0 means the target is reached; values below 0 (moved the
    wrong way) and above 1 (beyond the target) are kept so callers can show them. A key result
    with no value yet (``current`` is None) has made no progress: 0.0.

    Binary key results read only ``current`` (1 or more is done); ``direction``, ``baseline``
    and ``target`` are ignored for them.

    Raises ValueError for NaN or infinite numbers, an unknown kind or direction, and a target on
    the wrong side of the baseline for an increase or decrease key result.
    """
    if _kind(kind) is Kind.BINARY:
        return 1.0 if current is not None and _finite("current", current) >= 1 else 0.0

    way = _direction(direction)
    start = _finite("baseline", baseline)
    goal = _finite("target", target)
    if way is Direction.INCREASE and goal < start:
        raise ValueError(
            f"An increase key result needs a target at or above its baseline "
            f"(baseline {start:g}, target {goal:g}); use direction 'decrease' instead."
        )
    if way is Direction.DECREASE and goal > start:
        raise ValueError(
            f"A decrease key result needs a target at or below its baseline "
            f"(baseline {start:g}, target {goal:g}); use direction 'increase' instead."
        )
    if current is None:
        return 0.0
    current_value = _finite("current", current)
    if way is Direction.INCREASE:
        return _increase_share(start, goal, current_value)
    if way is Direction.DECREASE:
        return _decrease_share(start, goal, current_value)
    if way is Direction.AT_LEAST:
        if current_value >= goal:
            return 1.0  # a threshold is met or not: overshoot earns nothing extra
        return _increase_share(start, goal, current_value) if start < goal else 0.0
    # Direction.AT_MOST mirrors AT_LEAST.
    if current_value <= goal:
        return 1.0
    return _decrease_share(start, goal, current_value) if start > goal else 0.0


def key_result_progress(
    *,
    kind: Kind | str,
    direction: Direction | str,
    baseline: float,
    target: float,
    current: float | None,
) -> float:
    """Return the key result's progress: its attainment clamped to [0, 1]."""
    attainment = key_result_attainment(
        kind=kind, direction=direction, baseline=baseline, target=target, current=current
    )
    return _clamp(attainment)


def objective_progress(parts: Iterable[tuple[float, float]]) -> float | None:
    """Return the weighted mean of ``(progress, weight)`` pairs.

    Weights must be finite and zero or more. With no parts, or only zero weights, there is
    nothing to average and the result is None (unknown, not 0).
    """
    checked = [
        (_finite("progress", progress), _finite("weight", weight)) for progress, weight in parts
    ]
    for _, weight in checked:
        if weight < 0:
            raise ValueError(f"Key result weights must be zero or more, got {weight:g}.")
    weighted = [(progress, weight) for progress, weight in checked if weight > 0]
    if not weighted:
        return None
    # Scaling by a power of two near the largest weight keeps huge weights from overflowing the
    # sums, and unlike dividing by the weight itself it adds no rounding error.
    _, exponent = math.frexp(max(weight for _, weight in weighted))
    scaled = [(progress, math.ldexp(weight, -exponent)) for progress, weight in weighted]
    total_weight = math.fsum(weight for _, weight in scaled)
    total = math.fsum(progress * weight for progress, weight in scaled)
    # Rounding can push a mean a hair outside its parts; a mean never leaves them.
    lowest = min(progress for progress, _ in weighted)
    highest = max(progress for progress, _ in weighted)
    return _clamp(total / total_weight, lowest, highest)


def expected_progress(*, start: date, end: date, today: date) -> float:
    """Return the share of the period [start, end] that has passed by the end of ``today``.

    Both ends are inclusive days, and ``today`` counts as passed: on ``start`` the expected
    progress is 1/N of an N-day period, on ``end`` it is 1.0, before ``start`` 0.0 and after
    ``end`` still 1.0. Raises ValueError when ``start`` is after ``end``.
    """
    first, last, day = _as_date(start), _as_date(end), _as_date(today)
    if first > last:
        raise ValueError(f"The period starts on {first} after it ends on {last}.")
    period_days = (last - first).days + 1
    days_passed = min(period_days, max(0, (day - first).days + 1))
    return days_passed / period_days


def _metric_status(progress: float, expected: float) -> Status:
    """Status of a metric key result from how far it trails the expected pace."""
    gap = round(expected - progress, _COMPARISON_DECIMALS)
    if gap <= ON_TRACK_MAX_GAP:
        return Status.ON_TRACK
    if gap <= AT_RISK_MAX_GAP:
        return Status.AT_RISK
    return Status.OFF_TRACK


def _binary_status(progress: float, expected: float, chance_of_success: float | None) -> Status:
    """Status of a binary key result, which is either done or not."""
    if progress >= 1:
        return Status.ON_TRACK
    if expected >= 1:
        return Status.OFF_TRACK  # the last day has come and it is not done
    if chance_of_success is None:
        return Status.ON_TRACK if expected < BINARY_AT_RISK_FROM_EXPECTED else Status.AT_RISK
    if chance_of_success >= BINARY_ON_TRACK_MIN_CHANCE:
        return Status.ON_TRACK
    if chance_of_success >= BINARY_AT_RISK_MIN_CHANCE:
        return Status.AT_RISK
    return Status.OFF_TRACK


def progress_status(
    *,
    progress: float,
    expected: float,
    kind: Kind | str = Kind.METRIC,
    chance_of_success: float | None = None,
) -> Status:
    """Return whether a key result is on track, at risk or off track.

    Metric key results compare ``progress`` with the ``expected`` pace (see
    ``expected_progress``); being ahead is on track. Binary key results use the owner's
    ``chance_of_success`` (0 to 1) until they are done or their deadline comes; metric key
    results ignore it.
    """
    done = _finite("progress", progress)
    pace = _finite("expected", expected)
    if _kind(kind) is Kind.METRIC:
        return _metric_status(done, pace)
    chance = None
    if chance_of_success is not None:
        chance = _finite("chance_of_success", chance_of_success)
        if not 0 <= chance <= 1:
            raise ValueError(
                f"chance_of_success is a share from 0 to 1, got {chance:g}; write 70% as 0.7."
            )
    return _binary_status(done, pace, chance)


def objective_score(progress: float | None) -> float | None:
    """Return the final score of a closed objective: progress rounded to 2 decimals in [0, 1].

    Halves round up (0.125 scores 0.13), as people expect from a score. None stays None: an
    objective without measurable key results has no score.
    """
    if progress is None:
        return None
    value = _clamp(_finite("progress", progress))
    # Round to 9 decimals first so 0.285 (stored as 0.28499999...) rounds up like it reads.
    hundredths = math.floor(round(value * 100, _COMPARISON_DECIMALS) + 0.5)
    return hundredths / 100


def score_band(
    score: float, *, low: float = SCORE_BAND_LOW, high: float = SCORE_BAND_HIGH
) -> ScoreBand:
    """Return the band of a final score: below ``low``, between (inclusive), above ``high``."""
    value = _finite("score", score)
    floor, ceiling = _finite("low", low), _finite("high", high)
    if floor > ceiling:
        raise ValueError(f"The low score band limit {floor:g} is above the high one {ceiling:g}.")
    if value < floor:
        return ScoreBand.LOW
    if value > ceiling:
        return ScoreBand.HIGH
    return ScoreBand.TARGET


def linear_projection(points: Sequence[tuple[date, float]], *, end: date) -> float | None:
    """Project where a key result's value will be on ``end`` if its trend holds.

    Fits a least-squares straight line through the ``(day, value)`` check-ins and reads it at
    ``end``. Several check-ins on one day all count. With check-ins on fewer than two distinct
    days there is no trend, and the result is None.
    """
    days = [float(_as_date(day).toordinal()) for day, _ in points]
    values = [_finite("check-in value", value) for _, value in points]
    if len(set(days)) < 2:
        return None
    # Centring on the means keeps the sums small and the fit accurate for ordinal day numbers.
    mean_day = math.fsum(days) / len(days)
    mean_value = math.fsum(values) / len(values)
    spread = math.fsum((day - mean_day) ** 2 for day in days)
    covariance = math.fsum(
        (day - mean_day) * (value - mean_value) for day, value in zip(days, values, strict=True)
    )
    slope = covariance / spread
    return mean_value + slope * (_as_date(end).toordinal() - mean_day)


@dataclass(frozen=True)
class KeyResultNode:
    """A key result as the rollup sees it: where it belongs and what it measures."""

    id: int
    objective_id: int
    kind: str
    direction: str
    baseline: float
    target: float
    current: float | None
    weight: float = 1.0


@dataclass(frozen=True)
class ObjectiveNode:
    """An objective as the rollup sees it: which key result above it, if any, it feeds."""

    id: int
    parent_key_result_id: int | None
    contributes: bool


@dataclass(frozen=True)
class Rollup:
    """Progress of every objective and key result in a rollup, by id."""

    key_results: dict[int, float]
    objectives: dict[int, float | None]


def _unique_ids(kind: str, ids: Iterable[int]) -> None:
    """Refuse duplicate ids, which would silently hide one of the nodes."""
    seen: set[int] = set()
    for node_id in ids:
        if node_id in seen:
            raise ValueError(f"{kind} id {node_id} appears more than once in the rollup input.")
        seen.add(node_id)


def _on_loops(parent_of: list[int | None]) -> list[bool]:
    """Mark the objectives that sit on an alignment loop.

    Every objective feeds at most one parent, so walking up from any objective either reaches
    the top or comes back to an objective already on the walk: those from there on form a loop.
    Each objective is walked once, so this is linear.
    """
    unseen, walking, finished = 0, 1, 2
    state = [unseen] * len(parent_of)
    on_loop = [False] * len(parent_of)
    for first in range(len(parent_of)):
        walk: list[int] = []
        node: int | None = first
        while node is not None and state[node] == unseen:
            state[node] = walking
            walk.append(node)
            node = parent_of[node]
        if node is not None and state[node] == walking:
            for member in walk[walk.index(node) :]:
                on_loop[member] = True
        for member in walk:
            state[member] = finished
    return on_loop


def rollup(objectives: Iterable[ObjectiveNode], key_results: Iterable[KeyResultNode]) -> Rollup:
    """Compute the progress of every objective and key result, following alignment.

    A key result fed by child objectives (those with ``parent_key_result_id`` pointing at it
    and ``contributes`` set) takes the plain mean of their progress, skipping children without
    progress; otherwise, or if none of them has progress, it takes its own progress. An
    objective takes the weighted mean of its key results. Each node is computed once, chains
    may be any depth, and a key result on an alignment loop uses its own progress whatever
    feeds it. Key results of objectives not in ``objectives`` are reported but feed nothing.
    """
    objective_list = list(objectives)
    key_result_list = list(key_results)
    _unique_ids("Objective", (objective.id for objective in objective_list))
    _unique_ids("Key result", (key_result.id for key_result in key_result_list))

    # Work on list positions: objectives 0..n-1 in objective_list, key results in theirs.
    objective_at = {objective.id: i for i, objective in enumerate(objective_list)}
    key_result_at = {key_result.id: i for i, key_result in enumerate(key_result_list)}
    owner = [objective_at.get(key_result.objective_id) for key_result in key_result_list]
    key_results_of: list[list[int]] = [[] for _ in objective_list]
    for position, owner_position in enumerate(owner):
        if owner_position is not None:
            key_results_of[owner_position].append(position)
    fed_key_result: list[int | None] = [None] * len(objective_list)
    for i, objective in enumerate(objective_list):
        if objective.contributes and objective.parent_key_result_id is not None:
            fed_key_result[i] = key_result_at.get(objective.parent_key_result_id)
    parent_of = [None if kr is None else owner[kr] for kr in fed_key_result]

    # A key result fed by an objective on a loop is on that loop: it keeps its own progress.
    on_loop = _on_loops(parent_of)
    looped = {kr for i, kr in enumerate(fed_key_result) if on_loop[i] and kr is not None}
    children_of: dict[int, list[int]] = {}
    for i, kr in enumerate(fed_key_result):
        if kr is not None and kr not in looped and owner[kr] is not None:
            children_of.setdefault(kr, []).append(i)

    key_result_values = [
        key_result_progress(
            kind=key_result.kind,
            direction=key_result.direction,
            baseline=key_result.baseline,
            target=key_result.target,
            current=key_result.current,
        )
        for key_result in key_result_list
    ]
    objective_values: list[float | None] = [None] * len(objective_list)
    for i in _children_first(objective_list, key_results_of, children_of):
        for kr in key_results_of[i]:
            children = children_of.get(kr)
            if children:
                _feed_key_result(kr, children, key_result_values, objective_values)
        objective_values[i] = objective_progress(
            (key_result_values[kr], key_result_list[kr].weight) for kr in key_results_of[i]
        )

    return Rollup(
        key_results={
            key_result.id: key_result_values[i] for i, key_result in enumerate(key_result_list)
        },
        objectives={
            objective.id: objective_values[i] for i, objective in enumerate(objective_list)
        },
    )


def _children_first(
    objective_list: list[ObjectiveNode],
    key_results_of: list[list[int]],
    children_of: dict[int, list[int]],
) -> list[int]:
    """Order objective positions so every objective comes after the children that feed it.

    With loops cut, alignment is a forest; an objective is ready once all its feeding children
    are done (Kahn's algorithm), which needs no recursion however deep the chain.
    """
    waiting = [0] * len(objective_list)
    parent: list[int | None] = [None] * len(objective_list)
    for i, key_result_positions in enumerate(key_results_of):
        for kr in key_result_positions:
            for child in children_of.get(kr, ()):
                waiting[i] += 1
                parent[child] = i
    order = [i for i, count in enumerate(waiting) if count == 0]
    for i in order:  # the list grows while we walk it
        up = parent[i]
        if up is not None:
            waiting[up] -= 1
            if waiting[up] == 0:
                order.append(up)
    return order


def _feed_key_result(
    position: int,
    children: list[int],
    key_result_values: list[float],
    objective_values: list[float | None],
) -> None:
    """Replace a key result's own progress with the mean of its contributing children's."""
    known = [progress for child in children if (progress := objective_values[child]) is not None]
    if known:
        key_result_values[position] = math.fsum(known) / len(known)
