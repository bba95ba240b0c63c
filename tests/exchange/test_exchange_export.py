"""Export: the same format back, deterministic, so that export → import → export is identical."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.db import transaction

from okrs.demo.loader import demo_load
from okrs.exchange import document_from_text
from okrs.exchange.exporter import default_cycle, export_cycle
from okrs.exchange.importer import import_document
from okrs.goals import services as goals
from okrs.goals.models import Cycle, KeyResult
from okrs.workspace.models import AuditEvent, Organization
from okrs.workspace.permissions import Actor

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "acme.yaml"


def export_of(slug: str) -> str:
    organization = Organization.objects.get(slug=slug)
    cycle = default_cycle(organization)
    assert cycle is not None
    return export_cycle(organization, cycle)


def import_text(text: str) -> object:
    return import_document(document_from_text(text, complete=True))


def test_the_example_exports_with_structured_fields_and_plain_numbers(db):
    import_text(EXAMPLE.read_text())

    text = export_of("acme")

    assert "version: 1\norganization:\n  slug: acme\n  name: Acme\n  language: en\n" in text
    assert "  start: 2026-10-01\n  end: 2026-12-31\n  status: planning\n" in text
    assert (
        "      - id: kr-refunds\n"
        "        title: Reduce refund rate from 0.5% to 0.2%\n"
        "        metric: refund rate\n"
        "        unit: '%'\n"
        "        kind: metric\n"
        "        direction: decrease\n"
        "        baseline: 0.5\n"
        "        target: 0.2\n"
    ) in text
    assert "baseline: 5\n" in text and "0000" not in text
    assert "    aligned_to: kr-repeat\n" in text


def test_export_import_export_is_identical_for_the_example(db):
    import_text(EXAMPLE.read_text())
    first = export_of("acme")
    events = AuditEvent.objects.count()

    report = import_text(first)

    assert not report.changed and AuditEvent.objects.count() == events
    assert export_of("acme") == first


def test_binary_key_results_weights_deadlines_and_multiline_descriptions_round_trip(world):
    actor = Actor.system(world.org)
    goals.objective_update(
        actor=actor, objective=world.objective, description="First line.\nSecond: line."
    )
    goals.key_result_create(
        actor=actor,
        objective=world.objective,
        title="Launch the reorder button",
        kind=KeyResult.Kind.BINARY,
        chance_of_success="0.70",
        weight="2.500",
        deadline=world.cycle.end - dt.timedelta(days=3),
    )
    first = export_of("acme")
    assert "        kind: binary\n        weight: 2.5\n" in first
    assert "        chance_of_success: 0.7\n" in first
    assert "    description: |-\n      First line.\n      Second: line.\n" in first

    assert not import_text(first).changed
    assert export_of("acme") == first
    # Into an organization of its own: a fresh import gives the same file.
    copy = first.replace("slug: acme\n", "slug: acme-copy\n", 1)
    import_text(copy)
    assert export_of("acme-copy") == copy


@pytest.mark.parametrize("slug", ["demo", "demo-coaching"])
def test_export_import_export_is_identical_for_the_demo(db, slug, settings, tmp_path):
    settings.OKRS_HOME = tmp_path  # the demo's event files go to OKRS_HOME/demo-data
    demo_load(password="demo")
    first = export_of(slug)
    assert not import_text(first).changed

    assert export_of(slug) == first
    copy = first.replace(f"slug: {slug}\n", f"slug: {slug}-copy\n", 1)
    with transaction.atomic():
        report = import_text(copy)
        assert report.count("key_results", "created") > 10
        assert export_of(f"{slug}-copy") == copy


def test_the_default_cycle_is_the_active_one_else_the_newest(world):
    actor = Actor.system(world.org)
    later = goals.cycle_create(
        actor=actor,
        name="2027-Q1",
        start=world.cycle.end + dt.timedelta(days=1),
        end=world.cycle.end + dt.timedelta(days=90),
    )
    assert default_cycle(world.org) == world.cycle
    goals.cycle_transition(actor=actor, cycle=world.cycle, status=Cycle.Status.REVIEW)
    assert default_cycle(world.org) == later
