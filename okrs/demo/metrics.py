"""The data behind the demo's live metrics: generated video-platform events.

Fieldreel's upload pipeline "exports" its events to Parquet files, one per part of the cycle,
in ``OKRS_HOME/demo-data/``. They are generated here with DuckDB, the same way every time for
the same cycle and days (hashes of a seed, no random state). Like a nightly export, they hold
the days from the cycle's start up to the day before okrs' today (``okrs.lib.clock``), never
the database's own ``current_date``: the loader writes them again when a new day has ended, and
a day already written never changes, so the history only grows.

The demo's SQL source is a separate warehouse (``okrs.demo.warehouse``), never okrs' own
database.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import tempfile
from pathlib import Path

EVENTS_SEED = 20_261_001
EVENTS_PARTS = 4
EVENTS_PATTERN = "events-*.parquet"
_MARKER = "events.json"
# Share of uploads that fail, and of processed matches done within 30 minutes, on these days of
# the cycle: the same story the demo's check-ins tell, so synced and typed values agree.
FAILED_UPLOADS = ((0, 4.1), (14, 3.8), (28, 3.0), (42, 2.4), (91, 1.6))
PROCESSED_IN_30_MIN = ((0, 88.0), (14, 89.0), (28, 90.5), (38, 90.0), (42, 91.5), (91, 94.0))

# One row per match: kick-off, club, platform, whether the upload failed and how long processing
# took. Saturdays and Sundays are match days; every number comes from hash(match, salt, seed).
# Which matches fail (and which are processed fast) is drawn by rank within each day, so a day's
# share is the curve's value to the match: a week's share, whole or cut by the cycle's start or
# by last night, is then a mean of the curve's values on its days, whatever the weekday the cycle
# starts on. (Drawn one by one, a week of one weekday's 850 matches strayed by up to a point.)
_MATCHES = """
CREATE TABLE matches AS
WITH days AS (
    SELECT d, $start::DATE + d::INTEGER AS day,
           CASE isodow($start::DATE + d::INTEGER) WHEN 6 THEN 3800 WHEN 7 THEN 2600 ELSE 850 END
               AS matches
    FROM range(0, $days) AS t(d)
), numbered AS (
    SELECT d, day, unnest(range(matches)) AS n FROM days
), drawn AS (
    SELECT d, day, row_number() OVER (ORDER BY d, n) AS match_id,
           (hash(d, n, 1, $seed) % 1000000) / 1e6 AS u_fail,
           (hash(d, n, 2, $seed) % 1000000) / 1e6 AS u_time,
           (hash(d, n, 3, $seed) % 1000000) / 1e6 AS u_fast,
           (hash(d, n, 4, $seed) % 2400)::INTEGER AS club_id,
           (hash(d, n, 5, $seed) % 9)::INTEGER AS country_pick,
           (hash(d, n, 6, $seed) % 5)::INTEGER AS views,
           (hash(d, n, 7, $seed) % 1000000) / 1e6 AS u_kickoff
    FROM numbered
), failing AS (
    SELECT drawn.*, c.fast_pct,
           row_number() OVER (PARTITION BY d ORDER BY u_fail, match_id)
               <= round(count(*) OVER (PARTITION BY d) * c.failed_pct / 100) AS failed
    FROM drawn JOIN curve AS c USING (d)
)
SELECT failing.*,
       NOT failed AND row_number() OVER (PARTITION BY d, failed ORDER BY u_fast, match_id)
           <= round(count(*) OVER (PARTITION BY d, failed) * fast_pct / 100) AS fast,
       day + to_minutes((8 * 60 + u_kickoff * 11 * 60)::BIGINT) AS kickoff,
       CASE WHEN country_pick < 3 THEN 'DE' WHEN country_pick < 5 THEN 'NL'
            WHEN country_pick < 7 THEN 'DK' WHEN country_pick < 8 THEN 'SE' ELSE 'NO' END
           AS country,
       CASE WHEN club_id % 5 < 3 THEN 'ios' ELSE 'android' END AS platform
FROM failing
"""

_EVENTS = """
CREATE TABLE events AS
SELECT happened::TIMESTAMPTZ AS event_at, day, event, match_id, club_id, country, platform,
       minutes, d
FROM (
    SELECT kickoff + INTERVAL 100 MINUTE AS happened, day, 'upload_started' AS event, match_id,
           club_id, country, platform, NULL::DOUBLE AS minutes, d
    FROM matches
    UNION ALL
    SELECT kickoff + INTERVAL 118 MINUTE, day,
           CASE WHEN failed THEN 'upload_failed' ELSE 'upload_completed' END,
           match_id, club_id, country, platform, NULL, d
    FROM matches
    UNION ALL
    SELECT kickoff + INTERVAL 118 MINUTE + to_minutes(minutes::BIGINT), day, 'match_processed',
           match_id, club_id, country, platform, minutes, d
    FROM (
        SELECT *, CASE WHEN fast THEN round(4 + u_time * 26, 1)
                       ELSE round(31 + u_time * 90, 1) END AS minutes
        FROM matches WHERE NOT failed
    )
    UNION ALL
    SELECT kickoff + to_minutes((200 + 60 * v)::BIGINT), day, 'clip_viewed', match_id, club_id,
           country, platform, NULL, d
    FROM (SELECT *, unnest(range(views)) AS v FROM matches WHERE NOT failed)
)
ORDER BY happened
"""


def curve(points: tuple[tuple[int, float], ...], day: int) -> float:
    """The value on ``day`` of a line through ``points`` (days of the cycle, ascending)."""
    for (d0, v0), (d1, v1) in itertools.pairwise(points):
        if d0 <= day <= d1:
            return v0 + (v1 - v0) * (day - d0) / (d1 - d0)
    return points[-1][1]


def events_folder(home: Path) -> Path:
    return home / "demo-data"


def events_generate(folder: Path, *, start: dt.date, days: int, seed: int = EVENTS_SEED) -> int:
    """Write the events of a ``days``-long cycle from ``start`` into ``folder``; return the rows.

    Reuses the files already there when they were made for the same cycle and seed. Each file is
    written aside and renamed into place, so a worker reading the folder never sees half a file.
    """
    import duckdb

    wanted = {"start": start.isoformat(), "days": days, "seed": seed, "parts": EVENTS_PARTS}
    marker = folder / _MARKER
    paths = [folder / f"events-{part + 1}.parquet" for part in range(EVENTS_PARTS)]
    if marker.exists() and all(p.exists() for p in paths):
        kept = json.loads(marker.read_text())
        if {k: kept.get(k) for k in wanted} == wanted:
            return int(kept.get("rows", 0))
    folder.mkdir(parents=True, exist_ok=True)
    database = duckdb.connect(":memory:")
    database.execute("SET enable_progress_bar = false")
    try:
        database.execute("SET threads = 2")  # a laptop's demo, not a benchmark
        database.execute("SET TimeZone = 'UTC'")  # kick-off times are UTC, as the days are
        database.execute("CREATE TABLE curve (d INTEGER, failed_pct DOUBLE, fast_pct DOUBLE)")
        database.executemany(
            "INSERT INTO curve VALUES (?, ?, ?)",
            [(d, curve(FAILED_UPLOADS, d), curve(PROCESSED_IN_30_MIN, d)) for d in range(days)],
        )
        database.execute(_MATCHES, {"start": start, "days": days, "seed": seed})
        database.execute(_EVENTS)
        rows = int(database.execute("SELECT count(*) FROM events").fetchone()[0])  # type: ignore[index]
        size = -(-days // EVENTS_PARTS)
        for part, path in enumerate(paths):
            _write_part(database, path, first_day=part * size, last_day=(part + 1) * size)
    finally:
        database.close()
    marker.write_text(json.dumps({**wanted, "rows": rows}))
    return rows


def _write_part(database: object, path: Path, *, first_day: int, last_day: int) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".events-", suffix=".parquet")
    os.close(handle)
    try:
        database.execute(  # type: ignore[attr-defined]
            "COPY (SELECT event_at, day, event, match_id, club_id, country, platform, minutes"
            f" FROM events WHERE d >= {int(first_day)} AND d < {int(last_day)})"
            f" TO '{temporary}' (FORMAT parquet)"
        )
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
