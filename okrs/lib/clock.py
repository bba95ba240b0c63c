"""The one clock of okrs: every "now" and "today" the code acts on comes from here.

Pages, services, jobs and the demo ask this module instead of ``timezone.now()`` or
``datetime.date.today()``, so that a test pins one clock (with time-machine) and everything
derived from the date — pace, staleness, due check-ins, projections, the demo's history —
moves with it. ``today()`` is the date in the server's ``TIME_ZONE``.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def now() -> dt.datetime:
    """The current moment, aware, in UTC."""
    return timezone.now()


def today() -> dt.date:
    """Today's date in the server's time zone (``TIME_ZONE``)."""
    return timezone.localdate()
