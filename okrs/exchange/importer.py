"""Import a checked file: upsert every object by its ref, through the services, in one transaction.

Nothing is written unless everything is: a refusal of any service becomes an ``ExchangeIssue``
at the line of the object (or of the very key) that caused it, the import goes on to find the
other problems, and the whole transaction is rolled back at the end. Objects in the database
that the file does not mention are left alone; an object whose values already match the file
is not written at all, so importing the same file twice records nothing the second time.

A key result's ``source:`` is one of its values: a key result the file lists without a source is
unbound (its check-ins stay), like a removed ``deadline:`` clears its deadline. Data sources are
upserted by id and never deleted; a URL whose password export hid (``***``) keeps the stored one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from okrs.exchange.document import (
    DocDataSource,
    DocInitiative,
    DocKeyResult,
    DocObjective,
    DocTeam,
    Document,
    Place,
)
from okrs.exchange.errors import ExchangeError, ExchangeIssue
from okrs.exchange.sources import hides_password, url_for_file
from okrs.goals import services as goals
from okrs.goals.models import Cycle, Initiative, KeyResult, Objective
from okrs.lib.errors import Forbidden, NotFound
from okrs.metrics import services as metrics
from okrs.metrics.models import DataSource, MetricDefinition
from okrs.workspace import services as workspace
from okrs.workspace.models import Organization, Team
from okrs.workspace.permissions import Actor

T = TypeVar("T")
M = TypeVar("M", bound=models.Model)
KINDS = (
    "organization",
    "teams",
    "data_sources",
    "cycle",
    "objectives",
    "key_results",
    "sources",
    "initiatives",
)
OUTCOMES = ("created", "updated", "unchanged")
# Only a key result's source can go away in an import (the file no longer gives one).
REMOVABLE = ("sources",)
# Kinds a file may not use at all: their line is left out of the report when nothing happened.
OPTIONAL_KINDS = ("data_sources", "sources")
LABELS = {"sources": "key result sources"}
STATUS_ORDER = [status.value for status in Cycle.Status]
# Model fields named differently in the file.
FILE_KEYS = {"parent_key_result": "aligned_to", "ref": "id", "__all__": None, "objective": None}


@dataclass
class ImportReport:
    """What the import did (or, in a dry run, would do), by kind: the refs of each outcome."""

    organization: str
    cycle: str
    dry_run: bool = False
    outcomes: dict[str, dict[str, list[str]]] = field(
        default_factory=lambda: {
            kind: {o: [] for o in (*OUTCOMES, "removed") if o != "removed" or kind in REMOVABLE}
            for kind in KINDS
        }
    )

    def record(self, kind: str, outcome: str, ref: str) -> None:
        self.outcomes[kind][outcome].append(ref)

    def count(self, kind: str, outcome: str) -> int:
        return len(self.outcomes[kind].get(outcome, []))

    @property
    def changed(self) -> bool:
        return any(self.count(kind, o) for kind in KINDS for o in ("created", "updated", "removed"))

    def lines(self) -> list[str]:
        """One line per kind, for the terminal: "key results: 2 created, 1 updated, 0 unchanged"."""
        return [
            f"{LABELS.get(kind, kind.replace('_', ' '))}: "
            + ", ".join(f"{len(refs)} {outcome}" for outcome, refs in self.outcomes[kind].items())
            for kind in KINDS
            if kind not in OPTIONAL_KINDS or any(self.outcomes[kind].values())
        ]


def _changes(instance: models.Model, wanted: dict[str, Any]) -> dict[str, Any]:
    """The fields of ``wanted`` whose value differs from ``instance``'s (relations by id)."""
    changes = {}
    for name, value in wanted.items():
        model_field = instance._meta.get_field(name)
        if model_field.is_relation:
            current, new = getattr(instance, f"{name}_id"), getattr(value, "pk", None)
        else:
            current, new = getattr(instance, name), value
        if current != new:
            changes[name] = value
    return changes


def _ordered_teams(teams: tuple[DocTeam, ...]) -> list[DocTeam]:
    """Parents before their children, otherwise in file order (the file has no loops)."""
    by_ref = {team.ref: team for team in teams}
    ordered: list[DocTeam] = []
    placed: set[str] = set()

    def place(team: DocTeam) -> None:
        if team.ref in placed:
            return
        placed.add(team.ref)
        if team.parent in by_ref:
            place(by_ref[team.parent])
        ordered.append(team)

    for team in teams:
        place(team)
    return ordered


def _ordered_objectives(objectives: tuple[DocObjective, ...]) -> list[DocObjective]:
    """An objective after the objective owning the key result it serves (no loops: checked)."""
    owner = {kr.ref: o for o in objectives for kr in o.key_results}
    ordered: list[DocObjective] = []
    placed: set[str] = set()

    def place(objective: DocObjective) -> None:
        if objective.ref in placed:
            return
        placed.add(objective.ref)
        if objective.aligned_to in owner:
            place(owner[objective.aligned_to])
        ordered.append(objective)

    for objective in objectives:
        place(objective)
    return ordered


class _Importer:
    def __init__(self, document: Document, actor: Actor | None, report: ImportReport) -> None:
        self.document = document
        self.given_actor = actor
        self.report = report
        self.issues: list[ExchangeIssue] = []
        self.closed_cycle: Cycle | None = None
        self.closed_reported = False
        self.teams: dict[str, Team] = {}
        self.key_results: dict[str, KeyResult] = {}
        self.data_sources: dict[str, DataSource] = {}
        self.metrics: dict[int, MetricDefinition] = {}  # by key result id

    # Writing ------------------------------------------------------------------------------

    def write(self, place: Place, call: Callable[[], T]) -> T | None:
        """Run a service; a refusal becomes an issue at ``place`` and None is returned."""
        try:
            return call()
        except ValidationError as error:
            self.refused(place, error)
        except (Forbidden, NotFound) as error:
            self.issues.append(place.issue(str(error) or "not allowed."))
        except IntegrityError as error:
            self.issues.append(place.issue(f"the database refused it: {error}"))
        return None

    def refused(self, place: Place, error: ValidationError) -> None:
        if not hasattr(error, "error_dict"):
            self.issues.extend(place.issue(str(message)) for message in error.messages)
            return
        for name, errors in error.error_dict.items():
            key = FILE_KEYS.get(name, name)
            for message in ValidationError(errors).messages:
                self.issues.append(place.issue(str(message), key))

    def open_for_writes(self, place: Place) -> bool:
        """False (with one clear issue) when the file would change a closed cycle."""
        cycle = self.closed_cycle
        if cycle is None:
            return True
        if not self.closed_reported:
            self.closed_reported = True
            self.issues.append(
                self.document.cycle.place.issue(
                    f"the cycle {cycle.name} is closed and its numbers are final, but this file"
                    f" changes it (first at {place.path}, line {place.line}). Write"
                    " 'status: review' under cycle: to reopen it, then import again.",
                    "status",
                )
            )
        return False

    def upsert(
        self,
        kind: str,
        ref: str,
        place: Place,
        instance: M | None,
        wanted: dict[str, Any],
        *,
        create: Callable[[], M],
        update: Callable[[M, dict[str, Any]], M],
        goal: bool = True,
    ) -> M | None:
        """Create, update or leave one object, and record which in the report."""
        if instance is None:
            if goal and not self.open_for_writes(place):
                return None
            created = self.write(place, create)
            if created is not None:
                self.report.record(kind, "created", ref)
            return created
        changes = _changes(instance, wanted)
        if not changes:
            self.report.record(kind, "unchanged", ref)
            return instance
        if goal and not self.open_for_writes(place):
            return None
        updated = self.write(place, lambda: update(instance, changes))
        if updated is not None:
            self.report.record(kind, "updated", ref)
        return updated

    # Organization, teams, cycle -------------------------------------------------------------

    def organization(self) -> Organization:
        spec = self.document.organization
        organization = Organization.objects.filter(slug=spec.slug).first()
        if organization is None:
            language = spec.language or Organization.Language.ENGLISH
            created = self.write(
                spec.place,
                lambda: workspace.organization_create(
                    slug=spec.slug, name=spec.name, language=language
                ),
            )
            if created is None:
                raise ExchangeError(self.issues)
            self.report.record("organization", "created", spec.slug)
            return created
        wanted: dict[str, Any] = {"name": spec.name}
        if spec.language is not None:
            wanted["language"] = spec.language
        actor = self.actor_for(organization)
        self.upsert(
            "organization",
            spec.slug,
            spec.place,
            organization,
            wanted,
            create=lambda: organization,
            update=lambda _, changes: workspace.organization_update(actor=actor, **changes),
            goal=False,
        )
        organization.refresh_from_db()
        return organization

    def actor_for(self, organization: Organization) -> Actor:
        actor = self.given_actor
        if actor is None:
            return Actor.system(organization)
        if actor.organization.pk != organization.pk:
            raise ExchangeError(
                [
                    self.document.organization.place.issue(
                        f"this file belongs to the organization '{organization.slug}', not to"
                        f" '{actor.organization.slug}' where you are importing.",
                        "slug",
                    )
                ]
            )
        return actor

    def import_teams(self, actor: Actor) -> None:
        existing = {team.ref: team for team in Team.objects.filter(organization=actor.organization)}
        for spec in _ordered_teams(self.document.teams):
            parent = self.teams.get(spec.parent) if spec.parent else None
            if spec.parent and parent is None:
                continue  # the parent was refused: already reported
            team = self.import_team(actor, spec, parent, existing)
            if team is not None:
                self.teams[spec.ref] = team

    def import_team(
        self, actor: Actor, spec: DocTeam, parent: Team | None, existing: dict[str, Team]
    ) -> Team | None:
        team = existing.get(spec.ref)
        clash = next((t for t in existing.values() if t.name == spec.name), None)
        if team is None and clash is not None:
            self.issues.append(
                spec.place.issue(
                    f"a team named '{spec.name}' already exists with the id '{clash.ref}';"
                    f" write 'id: {clash.ref}' to update it, or give this team another name.",
                    "name",
                )
            )
            return None
        result = self.upsert(
            "teams",
            spec.ref,
            spec.place,
            team,
            {"name": spec.name, "kind": spec.kind, "parent": parent},
            create=lambda: workspace.team_create(
                actor=actor, ref=spec.ref, name=spec.name, kind=spec.kind, parent=parent
            ),
            update=lambda team, changes: workspace.team_update(actor=actor, team=team, **changes),
            goal=False,
        )
        return result

    # Data sources and key result sources ---------------------------------------------------

    def import_data_sources(self, actor: Actor) -> None:
        stored = DataSource.objects.filter(organization=actor.organization)
        existing = {data_source.ref: data_source for data_source in stored}
        for spec in self.document.data_sources:
            data_source = self.import_data_source(actor, spec, existing.get(spec.ref))
            if data_source is not None:
                self.data_sources[spec.ref] = data_source

    def import_data_source(
        self, actor: Actor, spec: DocDataSource, data_source: DataSource | None
    ) -> DataSource | None:
        wanted: dict[str, Any] = {
            "name": spec.name,
            "kind": spec.kind,
            "url": spec.url,
            "path": spec.path,
            "timeout_seconds": spec.timeout_seconds,
            "row_limit": spec.row_limit,
            "max_concurrency": spec.max_concurrency,
        }
        if data_source is not None:
            try:
                wanted["url"] = _incoming_url(data_source.url, spec.url)
            except ValidationError as error:
                self.refused(spec.place, error)
                return None
        if hides_password(wanted["url"]):
            # Nothing stored to take the password from: a new source, or one without this URL.
            self.issues.append(
                spec.place.issue(
                    f"the password of this URL is hidden (***), and the data source '{spec.ref}'"
                    " has no stored password to keep. Write the URL with its password, or"
                    " better 'url: ${NAME}' and set NAME in the environment of the worker.",
                    "url",
                )
            )
            return None
        return self.upsert(
            "data_sources",
            spec.ref,
            spec.place,
            data_source,
            wanted,
            create=lambda: metrics.data_source_create(actor=actor, ref=spec.ref, **wanted),
            update=lambda data_source, changes: metrics.data_source_update(
                actor=actor, data_source=data_source, **changes
            ),
            goal=False,
        )

    def import_source(self, actor: Actor, key_result: KeyResult, spec: DocKeyResult) -> None:
        """Bind ``key_result`` as the file says, or unbind it when the file gives no source."""
        metric, source = self.metrics.get(key_result.pk), spec.source
        if source is None:
            if metric is not None and self.open_for_writes(spec.place):

                def unbind() -> bool:
                    metrics.metric_unbind(actor=actor, key_result=key_result)
                    return True

                if self.write(spec.place, unbind):
                    self.report.record("sources", "removed", spec.ref)
            return
        data_source = self.data_sources.get(source.data_source or "")
        if source.data_source and data_source is None:
            return  # the data source was refused: already reported
        wanted = (getattr(data_source, "pk", None), source.query, source.builtin, source.schedule)
        if metric is not None and wanted == (
            metric.data_source_id,
            metric.query,
            metric.builtin,
            metric.schedule,
        ):
            self.report.record("sources", "unchanged", spec.ref)
            return
        if not self.open_for_writes(source.place):
            return
        bound = self.write(
            source.place,
            lambda: metrics.metric_bind(
                actor=actor,
                key_result=key_result,
                data_source=data_source,
                query=source.query,
                builtin=source.builtin,
                schedule=source.schedule,
            ),
        )
        if bound is not None:
            self.report.record("sources", "created" if metric is None else "updated", spec.ref)

    def import_cycle(self, actor: Actor) -> Cycle | None:
        spec = self.document.cycle
        cycle = Cycle.objects.filter(organization=actor.organization, name=spec.name).first()
        if cycle is None:
            created = self.write(
                spec.place,
                lambda: goals.cycle_create(
                    actor=actor, name=spec.name, start=spec.start, end=spec.end
                ),
            )
            if created is not None:
                self.report.record("cycle", "created", spec.name)
            return created
        changed = False
        if cycle.status == Cycle.Status.CLOSED and spec.status not in (None, Cycle.Status.CLOSED):
            # Reopen before writing; the status the file asks for is reached at the end.
            cycle = self.write(
                spec.place,
                lambda: goals.cycle_transition(
                    actor=actor, cycle=cycle, status=Cycle.Status.REVIEW
                ),
            )
            if cycle is None:
                return None
            changed = True
        if cycle.status == Cycle.Status.CLOSED:
            self.closed_cycle = cycle
        changes = _changes(cycle, {"start": spec.start, "end": spec.end})
        if changes and self.open_for_writes(spec.place):
            changed = (
                self.write(
                    spec.place, lambda: goals.cycle_update(actor=actor, cycle=cycle, **changes)
                )
                is not None
                or changed
            )
        self.report.record("cycle", "updated" if changed else "unchanged", spec.name)
        return cycle

    def cycle_status(self, actor: Actor, cycle: Cycle) -> None:
        """Step the cycle to the status the file asks for, one recorded transition at a time."""
        wanted = self.document.cycle.status
        if wanted is None or cycle.status == wanted:
            return
        step = 1 if STATUS_ORDER.index(wanted) > STATUS_ORDER.index(cycle.status) else -1
        while cycle.status != wanted:
            following = STATUS_ORDER[STATUS_ORDER.index(cycle.status) + step]
            if self.transition(actor, cycle, following) is None:
                return
        name = self.document.cycle.name
        outcomes = self.report.outcomes["cycle"]
        if name in outcomes["unchanged"]:
            outcomes["unchanged"].remove(name)
            outcomes["updated"].append(name)

    def transition(self, actor: Actor, cycle: Cycle, status: str) -> Cycle | None:
        return self.write(
            self.document.cycle.place,
            lambda: goals.cycle_transition(actor=actor, cycle=cycle, status=status),
        )

    # Objectives, key results, initiatives ---------------------------------------------------

    def import_objectives(self, actor: Actor, cycle: Cycle) -> None:
        existing = {o.ref: o for o in Objective.objects.filter(cycle=cycle)}
        key_results = KeyResult.objects.filter(objective__cycle=cycle).select_related("objective")
        existing_key_results = {kr.ref: kr for kr in key_results}
        bound = MetricDefinition.objects.filter(key_result__objective__cycle=cycle)
        self.metrics = {metric.key_result_id: metric for metric in bound}
        for spec in _ordered_objectives(self.document.objectives):
            team = self.teams.get(spec.team)
            parent = self.key_results.get(spec.aligned_to) if spec.aligned_to else None
            if team is None or (spec.aligned_to and parent is None):
                continue  # what it depends on was refused: already reported
            objective = self.import_objective(
                actor, cycle, spec, existing.get(spec.ref), team=team, parent=parent
            )
            if objective is not None:
                for position, key_result in enumerate(spec.key_results):
                    self.import_key_result(
                        actor, objective, key_result, position, existing_key_results
                    )

    def import_objective(
        self,
        actor: Actor,
        cycle: Cycle,
        spec: DocObjective,
        objective: Objective | None,
        *,
        team: Team,
        parent: KeyResult | None,
    ) -> Objective | None:
        wanted: dict[str, Any] = {
            "title": spec.title,
            "description": spec.description,
            "team": team,
            "parent_key_result": parent,
            "contributes": spec.contributes,
            "commitment": spec.commitment,
            "state": spec.state,
        }
        result = self.upsert(
            "objectives",
            spec.ref,
            spec.place,
            objective,
            wanted,
            create=lambda: goals.objective_create(actor=actor, cycle=cycle, ref=spec.ref, **wanted),
            update=lambda objective, changes: goals.objective_update(
                actor=actor, objective=objective, **changes
            ),
        )
        return result

    def import_key_result(
        self,
        actor: Actor,
        objective: Objective,
        spec: DocKeyResult,
        position: int,
        existing: dict[str, KeyResult],
    ) -> None:
        key_result = existing.get(spec.ref)
        if key_result is not None and key_result.objective_id != objective.pk:
            self.issues.append(
                spec.place.issue(
                    f"the key result '{spec.ref}' belongs to the objective"
                    f" '{key_result.objective.ref}' in the database and cannot move to another"
                    f" objective; give it a new id, or put it back under '{key_result.objective.ref}'.",
                    "id",
                )
            )
            return
        wanted = _key_result_fields(spec, position)
        result = self.upsert(
            "key_results",
            spec.ref,
            spec.place,
            key_result,
            wanted,
            create=lambda: goals.key_result_create(
                actor=actor, objective=objective, ref=spec.ref, **wanted
            ),
            update=lambda key_result, changes: goals.key_result_update(
                actor=actor, key_result=key_result, **changes
            ),
        )
        if result is not None:
            self.key_results[spec.ref] = result
            self.import_source(actor, result, spec)
            self.import_initiatives(actor, result, spec)

    def import_initiatives(self, actor: Actor, key_result: KeyResult, spec: DocKeyResult) -> None:
        existing = {i.ref: i for i in Initiative.objects.filter(key_result=key_result)}
        for item in spec.initiatives:
            self.import_initiative(actor, key_result, item, existing.get(item.ref))

    def import_initiative(
        self,
        actor: Actor,
        key_result: KeyResult,
        item: DocInitiative,
        initiative: Initiative | None,
    ) -> None:
        wanted: dict[str, Any] = {"title": item.title, "status": item.status, "link": item.link}
        self.upsert(
            "initiatives",
            item.ref,
            item.place,
            initiative,
            wanted,
            create=lambda: goals.initiative_create(
                actor=actor, key_result=key_result, ref=item.ref, **wanted
            ),
            update=lambda initiative, changes: goals.initiative_update(
                actor=actor, initiative=initiative, **changes
            ),
        )

    def run(self) -> None:
        organization = self.organization()
        actor = self.actor_for(organization)
        self.import_teams(actor)
        self.import_data_sources(actor)
        cycle = self.import_cycle(actor)
        if cycle is not None:
            self.import_objectives(actor, cycle)
            if not self.issues:
                self.cycle_status(actor, cycle)
        if self.issues:
            raise ExchangeError(self.issues)


def _incoming_url(stored: str, incoming: str) -> str:
    """The URL to keep when a file sends ``incoming`` for a data source that has ``stored``.

    A file exported by okrs shows a password as ``***``: when the rest of the URL is unchanged
    the stored password is kept (never written to the file, never lost on the way back).
    """
    if stored and incoming != stored and incoming == url_for_file(stored):
        return stored
    return metrics.keep_hidden_password(stored, incoming)


def _key_result_fields(spec: DocKeyResult, position: int) -> dict[str, Any]:
    """The model fields of a key result as the file states them (binary: 0 to 1, increase)."""
    binary = spec.kind == KeyResult.Kind.BINARY
    return {
        "title": spec.title,
        "metric": spec.metric,
        "unit": spec.unit,
        "kind": spec.kind,
        "direction": KeyResult.Direction.INCREASE if binary else spec.direction,
        "baseline": Decimal(0) if binary else spec.baseline,
        "target": Decimal(1) if binary else spec.target,
        "weight": spec.weight,
        "deadline": spec.deadline,
        "chance_of_success": spec.chance_of_success,
        "position": position,
    }


def import_document(
    document: Document, *, actor: Actor | None = None, dry_run: bool = False
) -> ImportReport:
    """Write ``document`` to the database, all or nothing; ExchangeError lists every refusal.

    ``actor`` defaults to the system actor of the file's organization (created when missing).
    With ``dry_run`` everything is checked and written, then rolled back.
    """
    if document.incomplete:
        raise ExchangeError(list(document.incomplete))
    report = ImportReport(
        organization=document.organization.slug, cycle=document.cycle.name, dry_run=dry_run
    )
    with transaction.atomic():
        _Importer(document, actor, report).run()
        if dry_run:
            transaction.set_rollback(True)
    return report
