"""Data sources pages: the list, add, edit, delete; roles; a stored password never shown."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from okrs.metrics import services as metrics
from okrs.metrics.models import DataSource
from okrs.workspace.models import AuditEvent
from tests.web.edit_helpers import ORG, field_errors, flash, form_errors, post

LIST = f"{ORG}/data-sources/"
NEW = f"{LIST}new/"
PASSWORD = "s3cr3t-Passw0rd"
WAREHOUSE = f"postgresql://reader:{PASSWORD}@warehouse.example:5432/analytics"
SHOWN = "postgresql://reader:***@warehouse.example:5432/analytics"


def edit_url(source: DataSource) -> str:
    return f"{LIST}{source.pk}/edit/"


def delete_url(source: DataSource) -> str:
    return f"{LIST}{source.pk}/delete/"


@pytest.fixture
def warehouse(world):
    return metrics.data_source_create(
        actor=world.actor("ops"), name="Warehouse", kind="sql", url=WAREHOUSE
    )


@pytest.fixture
def events(world, tmp_path):
    return metrics.data_source_create(
        actor=world.actor("ops"),
        name="Events",
        kind="files",
        path=str(tmp_path / "events-*.parquet"),
        timeout_seconds=12,
        row_limit=500,
    )


def sql_form(**changes: str) -> dict[str, str]:
    return {
        "name": "Warehouse",
        "ref": "",
        "kind": "sql",
        "url": WAREHOUSE,
        "path": "",
        "timeout_seconds": "30",
        "row_limit": "10000",
        "max_concurrency": "4",
        **changes,
    }


def test_list_shows_each_source_with_what_it_reads_and_what_it_measures(
    world, browser_client, warehouse, events
):
    metrics.metric_bind(
        actor=world.actor("member"),
        key_result=world.key_result,
        data_source=events,
        query="select count(*) from events",
    )
    body = browser_client("viewer").get(LIST).text
    warehouse_row = body[body.index('data-data-source="warehouse"') :].split("</tr>")[0]
    events_row = body[body.index('data-data-source="events"') :].split("</tr>")[0]
    assert SHOWN in warehouse_row and "SQL database" in warehouse_row
    assert events.path in events_row and "Files (CSV or Parquet)" in events_row
    assert '<td class="number">1</td>' in events_row  # one key result measured
    assert '<td class="number">0</td>' in warehouse_row
    assert "12 s" in events_row and '<td class="number">500</td>' in events_row
    assert PASSWORD not in body


@pytest.mark.parametrize(
    ("persona", "status", "writes"),
    [
        ("admin", 200, True),
        ("ops", 200, True),
        ("lead", 200, False),
        ("member", 200, False),
        ("viewer", 200, False),
        ("outsider", 404, False),
    ],
)
def test_everyone_in_the_organization_reads_the_list_only_managers_see_the_actions(
    world, browser_client, warehouse, persona, status, writes
):
    response = browser_client(persona).get(LIST)
    assert response.status_code == status
    if status == 200:
        assert ("New data source" in response.text) is writes
        assert (f'href="{edit_url(warehouse)}"' in response.text) is writes
        assert (f'href="{delete_url(warehouse)}"' in response.text) is writes
        # The main menu links to the page for the people who manage it.
        assert (f'href="{LIST}"' in response.text) is writes


@pytest.mark.parametrize("persona", ["lead", "member", "viewer"])
def test_only_managers_add_edit_and_delete(world, browser_client, warehouse, persona):
    client = browser_client(persona)
    assert client.get(NEW).status_code == 403
    assert post(client, NEW, sql_form(name="Mine")).status_code == 403
    assert client.get(edit_url(warehouse)).status_code == 403
    assert post(client, edit_url(warehouse), sql_form(name="Renamed")).status_code == 403
    assert post(client, delete_url(warehouse)).status_code == 403
    assert list(DataSource.objects.values_list("name", flat=True)) == ["Warehouse"]


def test_outsiders_and_other_organizations_data_sources_are_not_found(
    world, browser_client, warehouse
):
    assert browser_client("outsider").get(edit_url(warehouse)).status_code == 404
    assert browser_client("outsider").get(NEW).status_code == 404
    other = metrics.data_source_create(
        actor=world.actor("outsider"), name="Globex DB", kind="sql", url="sqlite:////tmp/x.db"
    )
    admin = browser_client("admin")
    assert admin.get(edit_url(other)).status_code == 404
    assert post(admin, delete_url(other)).status_code == 404
    assert "Globex DB" not in admin.get(LIST).text


def test_ops_adds_a_sql_source(world, browser_client):
    client = browser_client("ops")
    assert client.get(NEW).status_code == 200
    response = post(client, NEW, sql_form())
    assert response.status_code == 302 and response["Location"] == LIST
    assert flash(response) == ["Data source “Warehouse” added."]
    source = DataSource.objects.get()
    assert (source.ref, source.url, source.organization) == ("warehouse", WAREHOUSE, world.org)


def test_ops_adds_a_files_source(world, browser_client, tmp_path):
    form = sql_form(name="Events", kind="files", url="", path=str(tmp_path / "e.parquet"))
    response = post(browser_client("ops"), NEW, form)
    assert response.status_code == 302
    assert DataSource.objects.get().path == str(tmp_path / "e.parquet")


def test_service_errors_are_shown_next_to_the_field(world, browser_client):
    client = browser_client("admin")
    relative = post(client, NEW, sql_form(kind="files", url="", path="data/events.parquet"))
    assert relative.status_code == 200
    assert field_errors(relative.text, "path") == [
        "Write a full path, like /data/events-*.parquet: a relative path would depend on the"
        " folder the worker starts in."
    ]
    missing = post(client, NEW, sql_form(url=""))
    assert field_errors(missing.text, "url")[0].startswith("A SQL data source needs a database URL")
    assert not DataSource.objects.exists()


def test_the_stored_password_never_reaches_a_page(world, browser_client, warehouse):
    client = browser_client("admin")
    bodies = [client.get(LIST).text, client.get(edit_url(warehouse)).text]
    # A form shown again with errors does not echo the password either, stored or just typed.
    bodies.append(post(client, edit_url(warehouse), sql_form(name="")).text)
    typed = "postgresql://reader:Typed-Pw-42@warehouse.example/analytics"
    bodies.append(post(client, NEW, sql_form(name="", url=typed)).text)
    bodies.append(client.get(delete_url(warehouse)).text)
    bodies.append(client.get(f"{ORG}/key-results/{world.key_result.pk}/").text)
    assert all(PASSWORD not in body and "Typed-Pw-42" not in body for body in bodies)
    assert f'value="{SHOWN}"' in bodies[1]  # the edit form shows the URL redacted
    assert "postgresql://reader:***@warehouse.example/analytics" in bodies[3]


def test_saving_the_redacted_url_unchanged_keeps_the_stored_password(
    world, browser_client, warehouse
):
    client = browser_client("ops")
    response = post(client, edit_url(warehouse), sql_form(name="Warehouse (EU)", url=SHOWN))
    assert response.status_code == 302
    warehouse.refresh_from_db()
    assert warehouse.name == "Warehouse (EU)"
    assert warehouse.url == WAREHOUSE
    # The audit log says nothing of the URL's value.
    event = AuditEvent.objects.filter(action="data_source.update").get()
    assert PASSWORD not in str(event.before) + str(event.after)


def test_a_new_url_replaces_the_stored_one(world, browser_client, warehouse):
    new = "postgresql://reader:n3w-pw@replica.example/analytics"
    assert post(browser_client("ops"), edit_url(warehouse), sql_form(url=new)).status_code == 302
    warehouse.refresh_from_db()
    assert warehouse.url == new


def test_editing_part_of_a_hidden_password_is_refused(world, browser_client, warehouse):
    half = "postgresql://reader:***@other-host.example:5432/analytics"
    response = post(browser_client("ops"), edit_url(warehouse), sql_form(url=half))
    assert response.status_code == 200
    assert field_errors(response.text, "url")[0].startswith(
        "The password is shown as *** and cannot be edited in part."
    )
    warehouse.refresh_from_db()
    assert warehouse.url == WAREHOUSE


def test_an_emptied_ref_keeps_the_current_one(world, browser_client, warehouse):
    response = post(browser_client("ops"), edit_url(warehouse), sql_form(url=SHOWN, ref=""))
    assert response.status_code == 302
    warehouse.refresh_from_db()
    assert warehouse.ref == "warehouse"


def test_delete_asks_first_then_deletes(world, browser_client, warehouse):
    client = browser_client("admin")
    question = client.get(delete_url(warehouse))
    assert question.status_code == 200
    assert "Delete the data source “Warehouse”?" in question.text
    assert DataSource.objects.exists()
    response = post(client, delete_url(warehouse))
    assert response.status_code == 302 and response["Location"] == LIST
    assert flash(response) == ["Data source “Warehouse” deleted."]
    assert not DataSource.objects.exists()


def test_delete_is_refused_while_key_results_are_measured_by_it(world, browser_client, warehouse):
    metrics.metric_bind(
        actor=world.actor("member"),
        key_result=world.key_result,
        data_source=warehouse,
        query="select 1",
    )
    response = post(browser_client("ops"), delete_url(warehouse))
    assert response.status_code == 200
    assert form_errors(response.text) == [
        "1 key result is measured by this data source. Bind it to another source, or"
        " remove its metric, before deleting the source."
    ]
    assert DataSource.objects.filter(pk=warehouse.pk).exists()


def test_list_queries_do_not_grow_with_data_sources_and_metrics(world, browser_client, tmp_path):
    client = browser_client("admin")
    ops = world.actor("ops")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST).status_code == 200
        return len(queries)

    metrics.data_source_create(actor=ops, name="First", kind="sql", url="sqlite:////tmp/a.db")
    few = count()
    for index in range(8):
        source = metrics.data_source_create(
            actor=ops, name=f"Files {index}", kind="files", path=str(tmp_path / f"{index}.csv")
        )
        if index == 0:
            for key_result in (world.key_result, world.company_kr):
                metrics.metric_bind(
                    actor=ops, key_result=key_result, data_source=source, query="select 1"
                )
    assert count() == few
