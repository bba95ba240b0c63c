"""One clock: every "now" and "today" of okrs comes from ``okrs.lib.clock``, which tests pin."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

from django.utils import timezone

from okrs.lib import clock

PACKAGE = Path(__file__).resolve().parent.parent / "okrs"
CLOCK = PACKAGE / "lib" / "clock.py"
# The clock's own default for CheckIn.created_at is named as the migrations have it.
DEFAULT_ALLOWED = {("goals/models.py", "timezone.now")}


def _dotted(node: ast.expr) -> str:
    """``a.b.c`` for an attribute chain of names, else ""."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


def _wall_clock_reads(source: str, relative: str) -> list[str]:
    """Where ``source`` reads the wall clock itself instead of asking ``okrs.lib.clock``."""
    tree = ast.parse(source)
    found = []
    defaults = {
        id(keyword.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for keyword in node.keywords
        if keyword.arg == "default"
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _dotted(node.func)
            last_two = ".".join(name.split(".")[-2:])
            no_argument = not node.args and not node.keywords
            if last_two in {"date.today", "datetime.now", "datetime.utcnow", "datetime.today"}:
                found.append(f"{relative}:{node.lineno} {name}()")
            elif last_two in {"timezone.localdate", "timezone.localtime"} and no_argument:
                found.append(f"{relative}:{node.lineno} {name}() without a moment")
            elif name in {"time.time", "localdate", "localtime"} and no_argument:
                found.append(f"{relative}:{node.lineno} {name}()")
        if isinstance(node, ast.Attribute) and _dotted(node).endswith("timezone.now"):
            if id(node) in defaults and (relative, _dotted(node)) in DEFAULT_ALLOWED:
                continue
            found.append(f"{relative}:{node.lineno} {_dotted(node)}")
        if isinstance(node, ast.ImportFrom) and node.module in {"django.utils.timezone"}:
            names = {alias.name for alias in node.names} & {"now", "localdate", "localtime"}
            if names:
                found.append(f"{relative}:{node.lineno} from {node.module} import {names}")
    return found


def test_only_the_clock_module_reads_the_wall_clock():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == CLOCK or "migrations" in path.parts:
            continue
        found += _wall_clock_reads(path.read_text(), str(path.relative_to(PACKAGE)))
    assert found == [], "use okrs.lib.clock.now() / clock.today() instead:\n" + "\n".join(found)


def test_the_guard_finds_each_way_of_reading_the_wall_clock():
    source = """
import datetime as dt
from datetime import date, datetime
from django.utils import timezone
from django.utils.timezone import now
a = timezone.now()
b = timezone.localdate()
c = dt.date.today()
d = datetime.now()
e = dt.datetime.utcnow()
f = date.today()
g = models.DateTimeField(default=timezone.now)
h = timezone.localdate(a)  # a conversion, not a read
"""
    found = _wall_clock_reads(source, "x.py")
    lines = sorted(int(line.split()[0].split(":")[1]) for line in found)
    assert lines == list(range(5, 13))


def test_the_clock_follows_a_pinned_day(clock_at):
    clock_at("2028-02-29 23:30+00:00", tz="Europe/Rome")
    assert clock.today() == dt.date(2028, 3, 1)  # half past midnight in Rome
    assert clock.now().date() == dt.date(2028, 2, 29)  # in UTC
    assert timezone.is_aware(clock.now())
    clock_at("2028-02-29 23:30", tz="Europe/Rome")  # a moment without a zone is local
    assert clock.today() == dt.date(2028, 2, 29)
    assert clock.now().hour == 22


def test_tests_run_on_the_pinned_default_day():
    assert clock.today() == dt.date(2026, 11, 18)
