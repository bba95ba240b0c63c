"""A key result's trend as a tiny line chart, drawn on the server as SVG coordinates.

Pure: plain numbers in, coordinates out, no Django. The template only places the numbers into
an ``<svg>``, so the trend shows without JavaScript and costs nothing to the browser.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 120
HEIGHT = 32
PADDING = 3
# More points than pixels only blur the line; a long daily sync keeps its shape with 60.
MAX_POINTS = 60


@dataclass(frozen=True)
class Sparkline:
    """Coordinates of a trend line in a box of ``width`` by ``height`` (y grows downwards)."""

    points: str  # "x,y x,y …", ready for <polyline points="…">
    last_x: float
    last_y: float
    target_y: float | None  # where the target sits, when it is inside the drawn range
    width: int
    height: int
    count: int  # check-ins behind the line (more than drawn when thinned)
    first: float  # first and last values, for the accessible description
    last: float


def thin(
    points: Sequence[tuple[float, float]], limit: int = MAX_POINTS
) -> list[tuple[float, float]]:
    """Keep at most ``limit`` points, evenly spread, always keeping the first and the last."""
    if len(points) <= limit:
        return list(points)
    if limit < 2:
        return [points[-1]]
    step = (len(points) - 1) / (limit - 1)
    return [points[round(i * step)] for i in range(limit)]


def _scale(value: float, low: float, high: float, size: float) -> float:
    """Map ``value`` from [low, high] onto [0, size]; a flat range maps to the middle."""
    if high == low:
        return size / 2
    return (value - low) / (high - low) * size


def sparkline(
    points: Sequence[tuple[float, float]],
    *,
    target: float | None = None,
    baseline: float | None = None,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> Sparkline | None:
    """Lay out ``(time, value)`` points, oldest first, as a line; None without any point.

    Time runs left to right in proportion (a month without check-ins shows as a long segment);
    when every point has the same time they are spread evenly instead. The vertical range
    covers the values, the baseline and the target, so the line reads against where the key
    result started and where it must go.
    """
    drawn = [(t, v) for t, v in thin(points) if math.isfinite(t) and math.isfinite(v)]
    if not drawn:
        return None
    times = [t for t, _ in drawn]
    values = [v for _, v in drawn]
    marks = [m for m in (target, baseline) if m is not None and math.isfinite(m)]
    low, high = min(values + marks), max(values + marks)
    inner_w, inner_h = width - 2 * PADDING, height - 2 * PADDING
    even = times[0] == times[-1]
    coordinates = []
    for index, (t, v) in enumerate(drawn):
        if len(drawn) == 1:
            x: float = inner_w
        elif even:
            x = index / (len(drawn) - 1) * inner_w
        else:
            x = _scale(t, times[0], times[-1], inner_w)
        y = inner_h - _scale(v, low, high, inner_h)
        coordinates.append((round(x + PADDING, 1), round(y + PADDING, 1)))
    target_y = None
    if target is not None and math.isfinite(target):
        target_y = round(inner_h - _scale(target, low, high, inner_h) + PADDING, 1)
    return Sparkline(
        points=" ".join(f"{x:g},{y:g}" for x, y in coordinates),
        last_x=coordinates[-1][0],
        last_y=coordinates[-1][1],
        target_y=target_y,
        width=width,
        height=height,
        count=len(points),
        first=values[0],
        last=values[-1],
    )
