"""`okrs import FILE` and `okrs export`: the terminal side of OKRs as code.

Registered by ``okrs.cli.build_parser``; heavy imports (Django, the importer) wait until a
command runs, so that `okrs --help` and the other commands stay fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

Add = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]


def _print_issues(issues: list[Any], *, what: str) -> None:
    for issue in issues:
        print(issue, file=sys.stderr)
    count = len(issues)
    print(
        f"okrs: {count} problem{'s' if count != 1 else ''}; {what}",
        file=sys.stderr,
    )


def cmd_import(args: argparse.Namespace) -> int:
    """Upsert the file's organization, teams, data sources, cycle, objectives, key results (with
    their sources) and initiatives."""
    from okrs.exchange import ExchangeError, UnreadableFileError, load_document

    try:
        document = load_document(args.file, complete=True)
    except UnreadableFileError as error:
        _print_issues(error.errors, what="nothing was imported.")
        return 2
    except ExchangeError as error:
        _print_issues(error.errors, what="nothing was imported. Fix them and import again.")
        return 1
    from okrs.cli import _migrate, _setup_django

    _setup_django()
    _migrate()
    from okrs.exchange.importer import import_document

    try:
        report = import_document(document, dry_run=args.dry_run)
    except ExchangeError as error:
        _print_issues(error.errors, what="nothing was imported. Fix them and import again.")
        return 1
    verb = "would import" if args.dry_run else "imported"
    print(f"okrs: {verb} {args.file} into '{report.organization}', cycle {report.cycle}")
    for line in report.lines():
        print(f"  {line}")
    if args.dry_run:
        print("okrs: dry run: nothing was written.")
    return 0


def _organization(slug: str | None) -> Any:
    from okrs.workspace.models import Organization

    organizations = Organization.objects.order_by("slug")
    if slug is not None:
        found = organizations.filter(slug=slug).first()
        if found is not None:
            return found
    elif organizations.count() == 1:
        return organizations.first()
    slugs = ", ".join(organizations.values_list("slug", flat=True))
    if not slugs:
        print("okrs: no organization yet; create one with 'okrs import FILE'.", file=sys.stderr)
        return None
    problem = f"no organization with slug '{slug}'" if slug else "there are several organizations"
    print(f"okrs: {problem}; use --org SLUG (organizations: {slugs}).", file=sys.stderr)
    return None


def cmd_export(args: argparse.Namespace) -> int:
    """Write one cycle of one organization in the OKRs-as-code format."""
    from okrs.cli import _migrate, _setup_django

    _setup_django()
    _migrate()
    from okrs.exchange.exporter import default_cycle, export_cycle
    from okrs.goals.models import Cycle

    organization = _organization(args.org)
    if organization is None:
        return 2
    cycles = Cycle.objects.filter(organization=organization).order_by("-start")
    cycle = (
        default_cycle(organization)
        if args.cycle is None
        else cycles.filter(name=args.cycle).first()
    )
    if cycle is None:
        names = ", ".join(cycles.values_list("name", flat=True)) or "none yet"
        problem = f"no cycle named '{args.cycle}'" if args.cycle else "no cycle to export"
        print(
            f"okrs: {problem} in '{organization.slug}'; use --cycle NAME (cycles: {names}).",
            file=sys.stderr,
        )
        return 2
    text = export_cycle(organization, cycle)
    if args.output in (None, "-"):
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return 0
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"okrs: cannot write {args.output}: {error.strerror or error}.", file=sys.stderr)
        return 2
    print(f"okrs: wrote {args.output} ('{organization.slug}', cycle {cycle.name})")
    return 0


def add_exchange_commands(add: Add) -> None:
    """Register `import` and `export` with the `okrs` command's parser."""
    importing = add(
        "import",
        cmd_import,
        "create or update an organization's OKRs from a YAML file (docs/yaml-format.md)",
    )
    importing.add_argument("file", metavar="FILE", help="the YAML file")
    importing.add_argument(
        "--dry-run", action="store_true", help="check everything and report, but write nothing"
    )
    exporting = add("export", cmd_export, "write one cycle's OKRs as a YAML file")
    exporting.add_argument("--org", help="slug of the organization (needed when there are several)")
    exporting.add_argument(
        "--cycle", help="name of the cycle (default: the active one, else the newest)"
    )
    exporting.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of the standard output"
    )
