"""Progress maths: attainment per direction, pace, status, scores, projection and rollup."""

from __future__ import annotations

import functools
import math
import random
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from okrs.goals.progress import (
    AT_RISK_MAX_GAP,
    ON_TRACK_MAX_GAP,
    Direction,
    KeyResultNode,
    Kind,
    ObjectiveNode,
    ScoreBand,
    Status,
    expected_progress,
    key_result_attainment,
    key_result_progress,
    linear_projection,
    objective_progress,
    objective_score,
    progress_status,
    rollup,
    score_band,
)

# --- helpers -------------------------------------------------------------------------------


def metric(direction: str, baseline: float, target: float, current: float | None) -> float:
    """Attainment of a metric key result."""
    return key_result_attainment(
        kind=Kind.METRIC, direction=direction, baseline=baseline, target=target, current=current
    )


def metric_progress(direction: str, baseline: float, target: float, current: float | None) -> float:
    """Progress of a metric key result."""
    return key_result_progress(
        kind=Kind.METRIC, direction=direction, baseline=baseline, target=target, current=current
    )


def binary(current: float | None) -> float:
    """Progress of a binary key result, with the conventional baseline 0 and target 1."""
    return key_result_progress(
        kind=Kind.BINARY, direction=Direction.INCREASE, baseline=0, target=1, current=current
    )


# --- attainment and progress: worked examples --------------------------------------------


@pytest.mark.parametrize(
    ("direction", "baseline", "target", "current", "attainment", "progress"),
    [
        # increase: sign-ups per week from 20 to 50
        ("increase", 20, 50, 20, 0.0, 0.0),
        ("increase", 20, 50, 35, 0.5, 0.5),
        ("increase", 20, 50, 50, 1.0, 1.0),
        ("increase", 20, 50, 65, 1.5, 1.0),  # beyond the target
        ("increase", 20, 50, 5, -0.5, 0.0),  # below the baseline
        # decrease: the target is below the baseline
        ("decrease", 10, 5, 7.5, 0.5, 0.5),
        ("decrease", 10, 5, 5, 1.0, 1.0),
        ("decrease", 10, 5, 12, -0.4, 0.0),  # above the baseline: went the wrong way
        ("decrease", 10, 5, 4, 1.2, 1.0),  # below the target
        ("decrease", 0, -10, -2.5, 0.25, 0.25),  # negative numbers work the same way
        # at least: keep it at or above the target
        ("at_least", 90, 100, 95, 0.5, 0.5),
        ("at_least", 90, 100, 100, 1.0, 1.0),
        ("at_least", 90, 100, 120, 1.0, 1.0),  # overshoot earns nothing extra
        ("at_least", 90, 100, 80, -1.0, 0.0),
        ("at_least", 100, 99, 98, 0.0, 0.0),  # maintenance key result, now broken
        ("at_least", 100, 99, 99, 1.0, 1.0),
        ("at_least", 99, 99, 98, 0.0, 0.0),
        # at most: keep it at or below the target (latency in ms)
        ("at_most", 400, 200, 300, 0.5, 0.5),
        ("at_most", 400, 200, 200, 1.0, 1.0),
        ("at_most", 400, 200, 150, 1.0, 1.0),  # undershoot earns nothing extra
        ("at_most", 400, 200, 500, -0.5, 0.0),
        ("at_most", 150, 200, 250, 0.0, 0.0),  # maintenance key result, now broken
        ("at_most", 150, 200, 180, 1.0, 1.0),
    ],
)
def test_metric_attainment_and_progress_worked_examples(
    direction: str,
    baseline: float,
    target: float,
    current: float,
    attainment: float,
    progress: float,
) -> None:
    assert metric(direction, baseline, target, current) == attainment
    assert metric_progress(direction, baseline, target, current) == progress


def test_decrease_key_result_progress_is_half_way_exactly() -> None:
    assert metric("decrease", 10, 5, 7.5) == 0.5
    assert metric_progress(Direction.DECREASE, 10.0, 5.0, 7.5) == 0.5


@pytest.mark.parametrize(
    ("direction", "baseline", "target"),
    [("increase", 0, 10), ("decrease", 10, 0), ("at_least", 0, 10), ("at_most", 10, 0)],
)
def test_key_result_without_a_value_has_no_progress(
    direction: str, baseline: float, target: float
) -> None:
    assert metric(direction, baseline, target, None) == 0.0
    assert binary(None) == 0.0


def test_key_result_without_a_value_is_still_checked() -> None:
    with pytest.raises(ValueError, match="increase key result needs a target at or above"):
        metric("increase", 10, 0, None)


@pytest.mark.parametrize(
    ("current", "progress"), [(0, 0.0), (0.99, 0.0), (1, 1.0), (2, 1.0), (-1, 0.0)]
)
def test_binary_key_result_is_done_at_one(current: float, progress: float) -> None:
    assert binary(current) == progress


def test_binary_key_result_ignores_direction_baseline_and_target() -> None:
    attainment = key_result_attainment(
        kind="binary", direction="decrease", baseline=7, target=3, current=1
    )
    assert attainment == 1.0


@pytest.mark.parametrize(
    ("direction", "current", "attainment"),
    [
        ("increase", 4, 0.0),
        ("increase", 5, 1.0),
        ("increase", 6, 1.0),
        ("decrease", 6, 0.0),
        ("decrease", 5, 1.0),
        ("decrease", 4, 1.0),
    ],
)
def test_target_equal_to_baseline_is_met_or_not(
    direction: str, current: float, attainment: float
) -> None:
    assert metric(direction, 5, 5, current) == attainment


def test_decimal_inputs_are_accepted() -> None:
    assert metric("decrease", Decimal("10"), Decimal("5"), Decimal("7.5")) == 0.5
    assert metric("increase", Decimal("0.000000"), Decimal("4"), Decimal("1.000000")) == 0.25


def test_enum_and_string_kinds_give_the_same_result() -> None:
    as_enum = key_result_progress(
        kind=Kind.METRIC, direction=Direction.AT_MOST, baseline=400, target=200, current=300
    )
    as_text = key_result_progress(
        kind="metric", direction="at_most", baseline=400, target=200, current=300
    )
    assert as_enum == as_text == 0.5


@pytest.mark.parametrize(
    "bad", [math.nan, math.inf, -math.inf, Decimal("NaN"), Decimal("-Infinity")]
)
@pytest.mark.parametrize("field", ["baseline", "target", "current"])
def test_nan_and_infinity_are_rejected(field: str, bad: float) -> None:
    values: dict[str, float] = {"baseline": 0, "target": 10, "current": 5}
    values[field] = bad
    with pytest.raises(ValueError, match=field):
        key_result_attainment(kind="metric", direction="increase", **values)


def test_binary_rejects_nan_current() -> None:
    with pytest.raises(ValueError, match="current"):
        binary(math.nan)


def test_increase_with_target_below_baseline_is_refused() -> None:
    with pytest.raises(ValueError, match="increase key result needs a target at or above"):
        metric("increase", 10, 5, 7)


def test_decrease_with_target_above_baseline_is_refused() -> None:
    with pytest.raises(ValueError, match="decrease key result needs a target at or below"):
        metric("decrease", 5, 10, 7)


def test_unknown_kind_and_direction_are_refused() -> None:
    with pytest.raises(ValueError, match="Unknown key result kind 'boolean'"):
        key_result_progress(kind="boolean", direction="increase", baseline=0, target=1, current=1)
    with pytest.raises(ValueError, match="Unknown key result direction 'up'"):
        key_result_progress(kind="metric", direction="up", baseline=0, target=1, current=1)


# --- attainment and progress: properties ------------------------------------------------

numbers = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
optional_numbers = st.none() | numbers


@given(
    kind=st.sampled_from(list(Kind)),
    direction=st.sampled_from(list(Direction)),
    a=numbers,
    b=numbers,
    current=optional_numbers,
)
def test_progress_is_always_between_zero_and_one(
    kind: Kind, direction: Direction, a: float, b: float, current: float | None
) -> None:
    low, high = sorted((a, b))
    baseline, target = (high, low) if direction == Direction.DECREASE else (low, high)
    if direction in (Direction.AT_LEAST, Direction.AT_MOST):
        baseline, target = a, b  # thresholds accept either order
    progress = key_result_progress(
        kind=kind, direction=direction, baseline=baseline, target=target, current=current
    )
    assert 0.0 <= progress <= 1.0


@given(
    direction=st.sampled_from([Direction.INCREASE, Direction.AT_LEAST]),
    a=numbers,
    b=numbers,
    c1=numbers,
    c2=numbers,
)
def test_progress_never_falls_as_the_value_rises_for_increase_and_at_least(
    direction: Direction, a: float, b: float, c1: float, c2: float
) -> None:
    baseline, target = sorted((a, b)) if direction == Direction.INCREASE else (a, b)
    lower, higher = sorted((c1, c2))
    assert metric_progress(direction, baseline, target, lower) <= metric_progress(
        direction, baseline, target, higher
    )


@given(
    direction=st.sampled_from([Direction.DECREASE, Direction.AT_MOST]),
    a=numbers,
    b=numbers,
    c1=numbers,
    c2=numbers,
)
def test_progress_never_rises_as_the_value_rises_for_decrease_and_at_most(
    direction: Direction, a: float, b: float, c1: float, c2: float
) -> None:
    baseline, target = sorted((a, b), reverse=True) if direction == Direction.DECREASE else (a, b)
    lower, higher = sorted((c1, c2))
    assert metric_progress(direction, baseline, target, lower) >= metric_progress(
        direction, baseline, target, higher
    )


@given(a=numbers, b=numbers, current=numbers)
def test_decrease_mirrors_increase(a: float, b: float, current: float) -> None:
    baseline, target = max(a, b), min(a, b)
    assert metric("decrease", baseline, target, current) == metric(
        "increase", -baseline, -target, -current
    )
    assert metric_progress("decrease", baseline, target, current) == metric_progress(
        "increase", -baseline, -target, -current
    )


@given(
    direction=st.sampled_from([Direction.AT_LEAST, Direction.AT_MOST]),
    a=numbers,
    b=numbers,
    c=numbers,
)
def test_thresholds_never_reward_overshoot(
    direction: Direction, a: float, b: float, c: float
) -> None:
    assert metric(direction, a, b, c) <= 1.0


# --- objective progress ------------------------------------------------------------------


def test_objective_progress_is_the_weighted_mean() -> None:
    assert objective_progress([(1.0, 1), (0.0, 3)]) == 0.25
    assert objective_progress([(0.5, 1), (1.0, 1)]) == 0.75
    assert objective_progress([(0.2, Decimal("2")), (0.8, Decimal("0"))]) == 0.2


def test_objective_progress_without_weight_is_unknown() -> None:
    assert objective_progress([]) is None
    assert objective_progress([(0.7, 0), (0.1, 0.0)]) is None


def test_objective_progress_refuses_negative_weights() -> None:
    with pytest.raises(ValueError, match="weights must be zero or more, got -1"):
        objective_progress([(0.5, 1), (0.5, -1)])


def test_objective_progress_accepts_a_generator() -> None:
    assert objective_progress((p, 1) for p in (0.0, 0.5, 1.0)) == 0.5


@given(
    st.lists(
        st.tuples(
            st.floats(min_value=0, max_value=1),
            st.floats(min_value=0, max_value=1e300, allow_nan=False),
        ),
        max_size=20,
    )
)
def test_objective_progress_stays_within_its_parts(parts: list[tuple[float, float]]) -> None:
    result = objective_progress(parts)
    if all(weight == 0 for _, weight in parts):
        assert result is None
    else:
        assert result is not None
        assert min(p for p, _ in parts) <= result <= max(p for p, _ in parts)


# --- expected progress -------------------------------------------------------------------

Q_START, Q_END = date(2026, 1, 1), date(2026, 1, 10)  # a ten-day period


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2025, 12, 31), 0.0),
        (date(2026, 1, 1), 0.1),
        (date(2026, 1, 5), 0.5),
        (date(2026, 1, 9), 0.9),
        (date(2026, 1, 10), 1.0),
        (date(2026, 2, 1), 1.0),
    ],
)
def test_expected_progress_is_the_elapsed_share_of_the_period(today: date, expected: float) -> None:
    assert expected_progress(start=Q_START, end=Q_END, today=today) == expected


def test_expected_progress_on_the_last_day_of_a_quarter_is_complete() -> None:
    start, end = date(2026, 1, 1), date(2026, 3, 31)
    assert expected_progress(start=start, end=end, today=end) == 1.0
    assert expected_progress(start=start, end=end, today=date(2026, 3, 30)) == 89 / 90


def test_expected_progress_of_a_one_day_period() -> None:
    day = date(2026, 5, 4)
    assert expected_progress(start=day, end=day, today=day) == 1.0
    assert expected_progress(start=day, end=day, today=date(2026, 5, 3)) == 0.0


def test_expected_progress_accepts_datetimes() -> None:
    assert expected_progress(start=Q_START, end=Q_END, today=datetime(2026, 1, 5, 23, 59)) == 0.5


def test_expected_progress_refuses_a_period_that_ends_before_it_starts() -> None:
    with pytest.raises(ValueError, match="starts on 2026-01-10 after it ends on 2026-01-01"):
        expected_progress(start=Q_END, end=Q_START, today=Q_START)


dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))


@given(start=dates, length=st.integers(0, 400), day1=dates, day2=dates)
def test_expected_progress_grows_with_time_and_stays_in_range(
    start: date, length: int, day1: date, day2: date
) -> None:
    end = start + timedelta(days=length)
    earlier, later = sorted((day1, day2))
    first = expected_progress(start=start, end=end, today=earlier)
    second = expected_progress(start=start, end=end, today=later)
    assert 0.0 <= first <= second <= 1.0


# --- status ------------------------------------------------------------------------------


def test_status_thresholds_are_ten_and_twenty_five_points() -> None:
    assert ON_TRACK_MAX_GAP == 0.10
    assert AT_RISK_MAX_GAP == 0.25


@pytest.mark.parametrize(
    ("progress", "expected", "status"),
    [
        (0.9, 0.5, Status.ON_TRACK),  # ahead
        (0.5, 0.5, Status.ON_TRACK),
        (0.4, 0.5, Status.ON_TRACK),  # gap exactly 0.10
        (0.3, 0.4, Status.ON_TRACK),  # gap 0.10 despite 0.4 - 0.3 == 0.10000000000000003
        (0.39, 0.5, Status.AT_RISK),  # gap 0.11
        (0.25, 0.5, Status.AT_RISK),  # gap exactly 0.25
        (0.45, 0.7, Status.AT_RISK),  # gap 0.25 with float noise
        (0.24, 0.5, Status.OFF_TRACK),  # gap 0.26
        (0.0, 1.0, Status.OFF_TRACK),
    ],
)
def test_metric_status(progress: float, expected: float, status: Status) -> None:
    assert progress_status(progress=progress, expected=expected) == status
    assert progress_status(progress=progress, expected=expected, kind="metric") == status


def test_metric_status_ignores_chance_of_success() -> None:
    status = progress_status(progress=0.0, expected=0.9, kind=Kind.METRIC, chance_of_success=1.0)
    assert status == Status.OFF_TRACK


@pytest.mark.parametrize(
    ("progress", "expected", "chance", "status"),
    [
        (1.0, 0.3, None, Status.ON_TRACK),  # done
        (1.0, 1.0, 0.0, Status.ON_TRACK),  # done, whatever the old estimate said
        (0.0, 1.0, 0.9, Status.OFF_TRACK),  # deadline reached, not done
        (0.0, 1.0, None, Status.OFF_TRACK),
        (0.0, 0.5, 0.7, Status.ON_TRACK),
        (0.0, 0.5, 0.69, Status.AT_RISK),
        (0.0, 0.5, 0.4, Status.AT_RISK),
        (0.0, 0.5, 0.39, Status.OFF_TRACK),
        (0.0, 0.1, 0.0, Status.OFF_TRACK),
        (0.0, 0.49, None, Status.ON_TRACK),
        (0.0, 0.5, None, Status.AT_RISK),
        (0.0, 0.99, None, Status.AT_RISK),
    ],
)
def test_binary_status(
    progress: float, expected: float, chance: float | None, status: Status
) -> None:
    result = progress_status(
        progress=progress, expected=expected, kind=Kind.BINARY, chance_of_success=chance
    )
    assert result == status


def test_binary_status_accepts_decimal_chance() -> None:
    status = progress_status(
        progress=0, expected=0.2, kind="binary", chance_of_success=Decimal("0.40")
    )
    assert status == Status.AT_RISK


def test_chance_of_success_given_as_a_percentage_is_refused() -> None:
    with pytest.raises(ValueError, match=r"write 70% as 0\.7"):
        progress_status(progress=0, expected=0.2, kind="binary", chance_of_success=70)


def test_status_refuses_nan() -> None:
    with pytest.raises(ValueError, match="progress"):
        progress_status(progress=math.nan, expected=0.5)


# --- scores ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("progress", "score"),
    [
        (None, None),
        (0.0, 0.0),
        (0.594, 0.59),
        (0.595, 0.6),
        (0.125, 0.13),  # halves round up
        (0.285, 0.29),  # even when the float is stored as 0.28499999...
        (2 / 3, 0.67),
        (1.0, 1.0),
        (1.3, 1.0),
        (-0.2, 0.0),
    ],
)
def test_objective_score_rounds_to_two_decimals(
    progress: float | None, score: float | None
) -> None:
    assert objective_score(progress) == score


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0.0, ScoreBand.LOW),
        (0.59, ScoreBand.LOW),
        (0.6, ScoreBand.TARGET),
        (0.7, ScoreBand.TARGET),
        (0.8, ScoreBand.TARGET),
        (0.81, ScoreBand.HIGH),
        (1.0, ScoreBand.HIGH),
    ],
)
def test_score_bands(score: float, band: ScoreBand) -> None:
    assert score_band(score) == band


def test_score_band_limits_can_be_changed() -> None:
    assert score_band(0.65, low=0.7, high=0.9) == ScoreBand.LOW
    assert score_band(0.85, low=0.5, high=0.8) == ScoreBand.HIGH
    with pytest.raises(ValueError, match=r"low score band limit 0\.9 is above the high one 0\.7"):
        score_band(0.8, low=0.9, high=0.7)


@given(st.floats(min_value=-2, max_value=2))
def test_scores_are_hundredths_between_zero_and_one(progress: float) -> None:
    score = objective_score(progress)
    assert score is not None
    assert 0.0 <= score <= 1.0
    assert score == round(score, 2)
    assert abs(score - min(1.0, max(0.0, progress))) <= 0.005 + 1e-9


# --- projection --------------------------------------------------------------------------

DAY0 = date(2026, 1, 1)


def on(offset: int) -> date:
    """The day ``offset`` days after DAY0."""
    return DAY0 + timedelta(days=offset)


def test_projection_of_points_on_a_line_continues_the_line() -> None:
    assert linear_projection([(on(0), 10), (on(10), 20)], end=on(30)) == 40.0
    assert linear_projection([(on(0), 100), (on(5), 90), (on(10), 80)], end=on(50)) == 0.0


def test_projection_is_the_least_squares_line() -> None:
    # Slope 2.5 through the mean (day 1, value 2): read at day 4, 2 + 3 * 2.5.
    assert linear_projection([(on(0), 0), (on(1), 1), (on(2), 5)], end=on(4)) == 9.5


def test_projection_counts_every_check_in_on_the_same_day() -> None:
    points = [(on(0), 0), (on(0), 2), (on(1), 3)]
    assert linear_projection(points, end=on(1)) == pytest.approx(3.0)


def test_projection_accepts_decimals_and_datetimes() -> None:
    points = [(datetime(2026, 1, 1, 9), Decimal("1")), (datetime(2026, 1, 3, 18), Decimal("3"))]
    assert linear_projection(points, end=on(4)) == 5.0


@pytest.mark.parametrize(
    "points", [[], [(on(0), 5)], [(on(3), 5), (on(3), 8)]], ids=["none", "one", "one-day"]
)
def test_projection_needs_two_days(points: list[tuple[date, float]]) -> None:
    assert linear_projection(points, end=on(30)) is None


# --- rollup ------------------------------------------------------------------------------


def kr(
    id: int, objective_id: int, current: float | None, *, weight: float = 1.0, target: float = 100
) -> KeyResultNode:
    """A metric key result from 0 up to ``target``."""
    return KeyResultNode(
        id=id,
        objective_id=objective_id,
        kind="metric",
        direction="increase",
        baseline=0,
        target=target,
        current=current,
        weight=weight,
    )


def objective(id: int, parent: int | None = None, contributes: bool = True) -> ObjectiveNode:
    """An objective, optionally feeding the key result ``parent``."""
    return ObjectiveNode(id=id, parent_key_result_id=parent, contributes=contributes)


def test_rollup_without_alignment_uses_own_progress() -> None:
    result = rollup([objective(1)], [kr(10, 1, 20), kr(11, 1, 60)])
    assert result.key_results == {10: 0.2, 11: 0.6}
    assert result.objectives == {1: 0.4}


def test_team_objective_feeds_company_key_result() -> None:
    # Company objective 1: KR 10 (own 0.0) is fed by team objective 2; KR 11 is at 1.0.
    # Team objective 2: KR 20 at 0.5 (weight 1) and KR 21 at 1.0 (weight 3) -> 0.875.
    result = rollup(
        [objective(1), objective(2, parent=10)],
        [kr(10, 1, 0), kr(11, 1, 100), kr(20, 2, 50), kr(21, 2, 100, weight=3)],
    )
    assert result.objectives[2] == 0.875
    assert result.key_results[10] == 0.875
    assert result.objectives[1] == 0.9375
    assert result.key_results[20] == 0.5


def test_three_level_chain() -> None:
    # company 1 <- department 2 (feeds KR 10) <- team 3 (feeds KR 20)
    result = rollup(
        [objective(1), objective(2, parent=10), objective(3, parent=20)],
        [kr(10, 1, 0), kr(20, 2, 0), kr(21, 2, 50), kr(30, 3, 100), kr(31, 3, 0)],
    )
    assert result.objectives[3] == 0.5
    assert result.key_results[20] == 0.5
    assert result.objectives[2] == 0.5  # mean of KR 20 (0.5 from team) and KR 21 (0.5)
    assert result.key_results[10] == 0.5
    assert result.objectives[1] == 0.5


def test_several_children_feed_a_plain_mean() -> None:
    # Objective 3 has no key results, so no progress: it is skipped, not counted as 0.
    result = rollup(
        [objective(1), objective(2, parent=10), objective(3, parent=10), objective(4, parent=10)],
        [kr(10, 1, 0), kr(20, 2, 100), kr(40, 4, 50, weight=9)],
    )
    assert result.objectives[3] is None
    assert result.key_results[10] == 0.75
    assert result.objectives[1] == 0.75


def test_children_without_progress_fall_back_to_own_progress() -> None:
    result = rollup([objective(1), objective(2, parent=10)], [kr(10, 1, 30)])
    assert result.objectives[2] is None
    assert result.key_results[10] == 0.3
    assert result.objectives[1] == 0.3


def test_child_that_does_not_contribute_does_not_feed() -> None:
    result = rollup(
        [objective(1), objective(2, parent=10, contributes=False)],
        [kr(10, 1, 30), kr(20, 2, 100)],
    )
    assert result.objectives[2] == 1.0
    assert result.key_results[10] == 0.3
    assert result.objectives[1] == 0.3


def test_missing_weights_count_as_one_and_zero_weights_as_nothing() -> None:
    result = rollup(
        [objective(1), objective(2)],
        [
            KeyResultNode(
                id=10,
                objective_id=1,
                kind="metric",
                direction="increase",
                baseline=0,
                target=4,
                current=1,
            ),
            KeyResultNode(
                id=11,
                objective_id=1,
                kind="binary",
                direction="increase",
                baseline=0,
                target=1,
                current=1,
            ),
            kr(20, 2, 80, weight=0),
        ],
    )
    assert result.objectives == {1: 0.625, 2: None}
    assert result.key_results[20] == 0.8


def test_objective_without_key_results_has_no_progress() -> None:
    assert rollup([objective(1)], []).objectives == {1: None}


def test_alignment_loop_uses_own_progress_and_ends() -> None:
    # Objective 1's KR 10 is fed by objective 2, whose KR 20 is fed by objective 1.
    result = rollup(
        [objective(1, parent=20), objective(2, parent=10)],
        [kr(10, 1, 40), kr(20, 2, 80)],
    )
    assert result.key_results == {10: 0.4, 20: 0.8}
    assert result.objectives == {1: 0.4, 2: 0.8}


def test_objective_feeding_its_own_key_result_is_a_loop() -> None:
    result = rollup([objective(1, parent=10)], [kr(10, 1, 40), kr(11, 1, 100)])
    assert result.key_results == {10: 0.4, 11: 1.0}
    assert result.objectives == {1: 0.7}


def test_loop_result_does_not_depend_on_input_order() -> None:
    # 1 <- 2 <- 3 <- 4 <- 1: each objective feeds the first key result of the one before.
    objectives = [
        objective(1, parent=40),
        objective(2, parent=10),
        objective(3, parent=20),
        objective(4, parent=30),
    ]
    key_results = [kr(10, 1, 10), kr(20, 2, 20), kr(30, 3, 30), kr(40, 4, 40), kr(41, 4, 100)]
    expected = rollup(objectives, key_results)
    assert expected.objectives == {1: 0.1, 2: 0.2, 3: 0.3, 4: 0.7}
    shuffler = random.Random(7)
    for _ in range(10):
        shuffler.shuffle(objectives)
        shuffler.shuffle(key_results)
        assert rollup(objectives, key_results) == expected


def test_loop_key_results_ignore_children_but_other_key_results_still_roll_up() -> None:
    # Objectives 1 and 2 feed each other through KRs 20 and 10. Objective 5 also feeds KR 10,
    # but KR 10 is on the loop and shows its own 0.4. KR 11 is not on the loop: objective 6
    # feeds it 0.6, so objective 1 is the mean of 0.4 and 0.6.
    result = rollup(
        [
            objective(1, parent=20),
            objective(2, parent=10),
            objective(5, parent=10),
            objective(6, parent=11),
        ],
        [kr(10, 1, 40), kr(11, 1, 0), kr(20, 2, 80), kr(50, 5, 100), kr(60, 6, 60)],
    )
    assert result.key_results == {10: 0.4, 11: 0.6, 20: 0.8, 50: 1.0, 60: 0.6}
    assert result.objectives == {1: 0.5, 2: 0.8, 5: 1.0, 6: 0.6}


def test_key_result_of_an_unknown_objective_is_reported_but_feeds_nothing() -> None:
    result = rollup([objective(1)], [kr(10, 1, 50), kr(99, 404, 100)])
    assert result.key_results == {10: 0.5, 99: 1.0}
    assert result.objectives == {1: 0.5}


def test_objective_aligned_to_an_unknown_key_result_stands_alone() -> None:
    result = rollup([objective(1, parent=404)], [kr(10, 1, 50)])
    assert result.objectives == {1: 0.5}


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(ValueError, match="Objective id 1 appears more than once"):
        rollup([objective(1), objective(1)], [])
    with pytest.raises(ValueError, match="Key result id 10 appears more than once"):
        rollup([objective(1)], [kr(10, 1, 0), kr(10, 1, 5)])


def test_very_deep_chain_does_not_overflow_the_stack() -> None:
    depth = 5_000
    objectives = [objective(0)] + [objective(i, parent=i - 1) for i in range(1, depth)]
    key_results = [kr(i, i, 0) for i in range(depth - 1)] + [kr(depth - 1, depth - 1, 25)]
    result = rollup(objectives, key_results)
    assert result.objectives[0] == 0.25
    assert result.key_results[0] == 0.25


def test_rollup_of_ten_thousand_objectives() -> None:
    # A tree: objective i > 0 feeds the first key result of objective (i - 1) // 4.
    # Each objective has five key results with currents (i + k) % 101 out of 100.
    count = 10_000
    objectives = [objective(0)] + [objective(i, parent=5 * ((i - 1) // 4)) for i in range(1, count)]
    key_results = [kr(5 * i + k, i, (i + k) % 101) for i in range(count) for k in range(5)]
    result = rollup(objectives, key_results)
    assert len(result.objectives) == count
    assert len(result.key_results) == 5 * count

    children: dict[int, list[int]] = {}
    for node in objectives[1:]:
        assert node.parent_key_result_id is not None
        children.setdefault(node.parent_key_result_id, []).append(node.id)

    @functools.cache
    def reference_objective(i: int) -> float:
        return sum(reference_key_result(5 * i + k) for k in range(5)) / 5

    def reference_key_result(key: int) -> float:
        if key in children:
            return sum(reference_objective(c) for c in children[key]) / len(children[key])
        i, k = divmod(key, 5)
        return ((i + k) % 101) / 100

    # A leaf (objective 9999 has no children): currents 0, 1, 2, 3, 4 -> 0.02.
    assert result.objectives[9_999] == pytest.approx(0.02)
    for i in [0, 1, 2, 7, 100, 2_499, 2_500, 5_000, 9_999]:
        assert result.objectives[i] == pytest.approx(reference_objective(i))
    assert result.key_results[0] == pytest.approx(
        sum(reference_objective(c) for c in (1, 2, 3, 4)) / 4
    )
