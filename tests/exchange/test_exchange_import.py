"""Importing a file: upsert by ref through the services, all or nothing, errors at their line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from okrs.exchange import ExchangeError, document_from_text, load_document
from okrs.exchange.importer import import_document
from okrs.goals import services as goals
from okrs.goals.models import Cycle, Initiative, KeyResult, Objective
from okrs.testing import refused
from okrs.workspace.models import AuditEvent, Organization, Team
from okrs.workspace.permissions import Actor

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "acme.yaml"
TEXT = EXAMPLE.read_text(encoding="utf-8")


def load(text: str, file: str = "acme.yaml") -> object:
    return document_from_text(text, file=file, complete=True)


def import_text(text: str, **kwargs: object) -> object:
    return import_document(load(text), **kwargs)  # type: ignore[arg-type]


def import_errors(text: str) -> list:
    error = refused(ExchangeError, lambda: import_text(text))
    return error.errors


def test_the_example_creates_everything_through_the_services(db):
    report = import_document(load_document(EXAMPLE, complete=True))

    organization = Organization.objects.get(slug="acme")
    assert report.count("key_results", "created") == 3
    assert {
        t.ref: (t.name, t.kind, t.parent and t.parent.ref) for t in organization.teams.all()
    } == {
        "company": ("Acme", "company", None),
        "product": ("Product", "team", "company"),
    }
    cycle = Cycle.objects.get(organization=organization, name="2026-Q4")
    assert cycle.status == Cycle.Status.PLANNING
    refunds = KeyResult.objects.get(ref="kr-refunds")
    assert (refunds.metric, refunds.unit, refunds.direction) == ("refund rate", "%", "decrease")
    assert (refunds.baseline, refunds.target) == (Decimal("0.5"), Decimal("0.2"))
    product = Objective.objects.get(ref="o-product")
    assert product.parent_key_result == KeyResult.objects.get(ref="kr-repeat")
    assert KeyResult.objects.get(ref="kr-repeat").title == (
        "Increase repeat purchase rate from 5% to 15%"
    )
    # Every write went through a service, so every object has its audit event.
    assert AuditEvent.objects.filter(action="key_result.create").count() == 3
    assert AuditEvent.objects.filter(action="team.create").count() == 2


def test_importing_the_same_file_twice_changes_nothing_the_second_time(db):
    import_text(TEXT)
    events = AuditEvent.objects.count()

    report = import_text(TEXT)

    assert not report.changed
    assert report.count("key_results", "unchanged") == 3
    assert AuditEvent.objects.count() == events


def test_an_edited_file_updates_instead_of_duplicating(db):
    import_text(TEXT)
    edited = TEXT.replace("from 10% to 25%", "from 10% to 30%").replace(
        "name: Product,", "name: Product & Design,"
    )

    report = import_text(edited)

    assert report.outcomes["key_results"]["updated"] == ["kr-reorder"]
    assert report.outcomes["teams"]["updated"] == ["product"]
    assert KeyResult.objects.count() == 3 and Team.objects.count() == 2
    assert KeyResult.objects.get(ref="kr-reorder").target == 30
    event = AuditEvent.objects.filter(action="key_result.update").get()
    assert event.after == {"title": "Raise one-click reorder share from 10% to 30%", "target": "30"}


def test_objects_missing_from_the_file_are_left_alone(world):
    text = (
        TEXT.replace("{id: company, name: Acme}", "{id: acme, name: Acme}")
        .replace("team: company", "team: acme")
        .replace("parent: company", "parent: acme")
    )
    teams_before = set(Team.objects.filter(organization=world.org).values_list("ref", flat=True))
    world.org.objectives_per_team = 2
    world.org.save()

    import_text(text)

    teams = set(Team.objects.filter(organization=world.org).values_list("ref", flat=True))
    assert teams == teams_before  # acme and product were updated, checkout and search kept
    assert Objective.objects.filter(cycle=world.cycle).count() == 4
    world.key_result.refresh_from_db()
    assert world.key_result.title == "Cut checkout abandonment from 40% to 20%"
    assert Team.objects.get(organization=world.org, ref="product").kind == "team"


def test_nothing_is_written_when_the_database_refuses_one_object(world):
    # The world already has an active objective for the company team in 2026-Q4.
    text = (
        TEXT.replace("{id: company, name: Acme}", "{id: acme, name: Acme}")
        .replace("team: company", "team: acme")
        .replace("parent: company", "parent: acme")
    )

    errors = import_errors(text)

    assert [(e.file, e.line, e.path) for e in errors] == [("acme.yaml", 8, "objectives[0].team")]
    assert "already has 1 active objective in 2026-Q4" in errors[0].message


def six_key_results(text: str) -> str:
    more = "".join(
        f"      - {{id: kr-more-{n}, title: Raise metric {n} from 1 to 2}}\n" for n in range(4)
    )
    anchor = "      - {id: kr-repeat,"
    return text.replace(anchor, more + anchor)


def test_every_refusal_is_reported_with_its_line(db):
    import_text(TEXT)
    text = six_key_results(TEXT).replace(
        "{id: product, name: Product, parent: company}", "{id: design, name: Acme, parent: company}"
    )

    errors = import_errors(text.replace("team: product", "team: design"))

    assert [(e.line, e.path) for e in errors] == [
        (5, "teams[1].name"),
        # kr-repeat already exists: the fourth new one is the sixth key result.
        (15, "objectives[0].key_results[4]"),
    ]
    assert "a team named 'Acme' already exists with the id 'company'" in errors[0].message
    assert "already has 5 key results, the most allowed" in errors[1].message


def test_a_key_result_cannot_move_to_another_objective(db):
    import_text(TEXT)
    moved = (
        TEXT.replace("{id: kr-reorder,", "{id: kr-refunds-moved,").replace(
            '      - {id: kr-refunds, title: "Reduce refund rate from 0.5% to 0.2%"}\n', ""
        )
        + '      - {id: kr-refunds, title: "Reduce refund rate from 0.5% to 0.2%"}\n'
    )

    errors = import_errors(moved)

    assert [(e.line, e.path) for e in errors] == [(18, "objectives[1].key_results[1].id")]
    assert "belongs to the objective 'o-company' in the database" in errors[0].message


def test_a_closed_cycle_is_refused_unless_the_file_reopens_it(db):
    import_text(TEXT)
    cycle = Cycle.objects.get()
    actor = Actor.system(cycle.organization)
    for status in ("active", "review", "closed"):
        goals.cycle_transition(actor=actor, cycle=cycle, status=status)
    assert not import_text(TEXT).changed  # the same numbers: nothing to refuse

    errors = import_errors(TEXT.replace("from 10% to 25%", "from 10% to 30%"))

    assert [(e.line, e.path) for e in errors] == [(2, "cycle")]
    assert "the cycle 2026-Q4 is closed and its numbers are final" in errors[0].message
    assert "Write 'status: review' under cycle: to reopen it" in errors[0].message

    reopened = TEXT.replace("end: 2026-12-31}", "end: 2026-12-31, status: review}")
    report = import_text(reopened.replace("from 10% to 25%", "from 10% to 30%"))
    assert report.outcomes["cycle"]["updated"] == ["2026-Q4"]
    cycle.refresh_from_db()
    assert cycle.status == Cycle.Status.REVIEW


def test_the_cycle_moves_to_the_status_of_the_file_after_the_writes(db):
    report = import_text(TEXT.replace("end: 2026-12-31}", "end: 2026-12-31, status: closed}"))

    cycle = Cycle.objects.get()
    assert cycle.status == Cycle.Status.CLOSED
    assert report.outcomes["cycle"]["created"] == ["2026-Q4"]
    # Closing recorded the final scores of the objectives written before.
    assert Objective.objects.filter(final_score__isnull=False).count() == 2


def test_a_dry_run_reports_and_writes_nothing(db):
    before = AuditEvent.objects.count()

    report = import_text(TEXT, dry_run=True)

    assert report.dry_run and report.count("objectives", "created") == 2
    assert Organization.objects.count() == 0 and AuditEvent.objects.count() == before


def test_initiatives_are_upserted_by_their_id(db):
    text = TEXT.replace(
        '- {id: kr-reorder, title: "Raise one-click reorder share from 10% to 25%"}',
        '- id: kr-reorder\n        title: "Raise one-click reorder share from 10% to 25%"\n'
        "        initiatives:\n"
        "          - {id: i-button, title: One-click reorder button, link: 'https://x.org/1'}\n"
        "          - {id: i-email, title: Reorder email, status: in_progress}",
    )
    import_text(text)
    report = import_text(
        text.replace(
            "title: Reorder email, status: in_progress", "title: Reorder email, status: done"
        )
    )

    assert report.outcomes["initiatives"] == {
        "created": [],
        "updated": ["i-email"],
        "unchanged": ["i-button"],
    }
    assert Initiative.objects.get(ref="i-email").status == "done"
    assert Initiative.objects.count() == 2


def test_an_import_as_someone_else_is_limited_to_their_organization(world):
    with pytest.raises(ExchangeError, match="belongs to the organization 'acme', not to 'globex'"):
        import_text(TEXT, actor=world.actor("outsider"))
