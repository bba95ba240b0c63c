"""Mark strings for translation without importing Django's settings.

The coach runs where Django is not configured (``okrs lint`` on a file), so rules mark their
texts with this identity function; ``makemessages`` still collects them (``_`` is one of its
keywords) and ``okrs.coach.linting.engine.render`` translates them with Django when shown.
"""

from __future__ import annotations


def gettext_noop(message: str) -> str:
    return message
