"""Fieldreel's sales warehouse for the demo: a SQLite file of clubs and their subscriptions.

A SQL data source of the demo that is not okrs' own database (okrs refuses those): written to
``OKRS_HOME/demo-data/warehouse.sqlite3`` with the standard library, the same way every time for
the same cycle, last day and seed (hashes of a seed, no random state). Like a nightly load, it
holds the days from the cycle's start up to the day before the loader's today, and new club
revenue signed over the cycle follows the story Sales' check-ins tell.

Tables: ``clubs`` (id, name, country, players), ``subscriptions`` (id, club_id, kind: new or
renewal, plan: season or tournament, signed_on as ISO text, arr_eur) and ``export`` (one row:
what the file was made for).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import tempfile
from pathlib import Path

from okrs.demo.metrics import curve

WAREHOUSE_FILE = "warehouse.sqlite3"
WAREHOUSE_SEED = 20_261_002
# New club ARR signed since the cycle started, in EUR M, on these days of the cycle.
NEW_ARR = ((0, 0.0), (14, 0.21), (28, 0.58), (42, 0.74), (91, 1.6))
COUNTRIES = ("DE", "DE", "DE", "NL", "NL", "DK", "DK", "SE", "NO")
_CLUB_WORDS = ("FC", "SV", "VfB", "SC", "IF", "BK", "VV", "TSV", "IK")
_TOWNS = (
    "Aarhus", "Bremen", "Utrecht", "Malmö", "Bergen", "Kassel", "Odense", "Zwolle", "Lund",
    "Freiburg", "Aalborg", "Haarlem", "Uppsala", "Trondheim", "Mainz", "Esbjerg",
)  # fmt: skip

_SCHEMA = """
CREATE TABLE clubs (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL, players INTEGER NOT NULL
);
CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY,
    club_id INTEGER NOT NULL REFERENCES clubs (id),
    kind TEXT NOT NULL CHECK (kind IN ('new', 'renewal')),
    plan TEXT NOT NULL CHECK (plan IN ('season', 'tournament')),
    signed_on TEXT NOT NULL,
    arr_eur INTEGER NOT NULL
);
CREATE INDEX subscriptions_signed_on ON subscriptions (kind, signed_on);
CREATE TABLE export (cycle_start TEXT, last_day TEXT, seed INTEGER);
"""


def warehouse_path(home: Path) -> Path:
    return home / "demo-data" / WAREHOUSE_FILE


def _draw(seed: int, *parts: object) -> int:
    """A number from 0 to 2**32 - 1, the same for the same seed and parts."""
    text = ":".join(str(part) for part in (seed, *parts)).encode()
    return int.from_bytes(hashlib.blake2b(text, digest_size=4).digest(), "big")


def _new_arr_eur(day: int) -> int:
    """New club ARR signed from the cycle's start through ``day``, in EUR (to the hundred)."""
    return round(curve(NEW_ARR, day) * 10_000) * 100


def _signings(start: dt.date, last_day: dt.date, seed: int) -> list[tuple[str, str, str, int]]:
    """(kind, plan, signed_on, arr_eur) of every subscription signed from ``start`` through
    ``last_day``: new ones on weekdays adding up to the NEW_ARR curve, and renewals."""
    rows: list[tuple[str, str, str, int]] = []
    signed = 0
    for d in range((last_day - start).days + 1):
        day = start + dt.timedelta(days=d)
        if day.isoweekday() > 5:
            continue  # Sales signs on weekdays; the weekend's share comes on Monday
        owed = _new_arr_eur(d) - signed
        deals = 1 + _draw(seed, d, "deals") % 3
        for deal in range(deals):
            share = owed // (deals - deal) if deal < deals - 1 else owed
            if share > 0:
                plan = "season" if _draw(seed, d, deal, "plan") % 5 else "tournament"
                rows.append(("new", plan, day.isoformat(), share))
                owed -= share
                signed += share
        for renewal in range(_draw(seed, d, "renewals") % 4):
            arr = 2_400 + 100 * (_draw(seed, d, renewal, "renewal") % 160)
            rows.append(("renewal", "season", day.isoformat(), arr))
    return rows


def warehouse_generate(
    path: Path, *, start: dt.date, last_day: dt.date, seed: int = WAREHOUSE_SEED
) -> int:
    """Write the warehouse of the cycle from ``start`` through ``last_day`` at ``path``; return
    its subscriptions.

    Reuses the file when it was made for the same cycle start, last day and seed. The file is
    written aside and renamed into place, so a query never sees half a warehouse.
    """
    wanted = (start.isoformat(), last_day.isoformat(), seed)
    if path.exists():
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as kept:
                made = kept.execute("SELECT cycle_start, last_day, seed FROM export").fetchone()
                rows = kept.execute("SELECT count(*) FROM subscriptions").fetchone()[0]
            if made == wanted:
                return int(rows)
        except sqlite3.Error:
            pass  # not a warehouse of this version: written again
    path.parent.mkdir(parents=True, exist_ok=True)
    signings = _signings(start, last_day, seed)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".warehouse-", suffix=".sqlite3")
    os.close(handle)
    try:
        database = sqlite3.connect(temporary)
        try:
            database.executescript(_SCHEMA)
            database.executemany(
                "INSERT INTO clubs VALUES (?, ?, ?, ?)",
                [
                    (
                        club,
                        f"{_CLUB_WORDS[_draw(seed, club, 'word') % len(_CLUB_WORDS)]}"
                        f" {_TOWNS[_draw(seed, club, 'town') % len(_TOWNS)]} {club}",
                        COUNTRIES[_draw(seed, club, "country") % len(COUNTRIES)],
                        80 + _draw(seed, club, "players") % 900,
                    )
                    for club in range(1, len(signings) + 1)
                ],
            )
            database.executemany(
                "INSERT INTO subscriptions (club_id, kind, plan, signed_on, arr_eur)"
                " VALUES (?, ?, ?, ?, ?)",
                [(club, *row) for club, row in enumerate(signings, start=1)],
            )
            database.execute("INSERT INTO export VALUES (?, ?, ?)", wanted)
            database.commit()
        finally:
            database.close()
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return len(signings)
