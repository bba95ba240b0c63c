"""From a file's values to a ``Document``, with every problem found on the way.

Two levels of checks:

- **structural** (this module raises ``ExchangeError``): the schema, ids unique, references
  that resolve, no loops, real dates and finite numbers. A file that passes can be linted.
- **complete for import** (``Document.incomplete``, see ``okrs.exchange.completeness``): what
  the database needs on top, such as a key result's baseline and target.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from typing import Any

from okrs.exchange.completeness import incomplete_issues
from okrs.exchange.document import (
    DATA_SOURCE_DEFAULTS,
    DocCycle,
    DocDataSource,
    DocInitiative,
    DocKeyResult,
    DocObjective,
    DocOrganization,
    DocSource,
    DocTeam,
    Document,
    Place,
)
from okrs.exchange.errors import ExchangeError, ExchangeIssue
from okrs.exchange.reading import Location, Tree, path_text
from okrs.exchange.schema import schema_issues, suggestion
from okrs.exchange.sentences import deadline_day, read_sentence, title_for
from okrs.exchange.sources import resolved_path

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NO_CYCLE = (dt.date(2000, 1, 1), dt.date(2000, 12, 31))


def _items(value: Any, location: Location) -> Iterator[tuple[Location, dict[str, Any]]]:
    """The mappings of a list (anything else was already reported by the schema)."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield (*location, index), item


def _text(mapping: dict[str, Any], key: str, default: str = "") -> str:
    value = mapping.get(key)
    return value if isinstance(value, str) else default


def _ref(mapping: dict[str, Any], key: str = "id") -> str | None:
    value = mapping.get(key)
    return value if isinstance(value, str) and value else None


def _choice(mapping: dict[str, Any], key: str, default: str) -> str:
    return _text(mapping, key, default) or default


def _whole(mapping: dict[str, Any], key: str, default: int) -> int:
    value = mapping.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else default


class _Builder:
    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        self.issues: list[ExchangeIssue] = schema_issues(tree)
        self.key_lines: dict[Location, dict[str, int]] = {}
        for location, line in tree.lines.items():
            if location and isinstance(location[-1], str):
                self.key_lines.setdefault(location[:-1], {})[location[-1]] = line
        self.language: str | None = None
        self.cycle_days = _NO_CYCLE
        self.data_source_refs: list[str] = []

    def place(self, location: Location) -> Place:
        return Place(
            file=self.tree.file,
            path=path_text(location),
            line=self.tree.line(location),
            key_lines=self.key_lines.get(location, {}),
            location=location,
        )

    def issue(self, location: Location, message: str) -> None:
        self.issues.append(self.tree.issue(location, message))

    # Values -------------------------------------------------------------------------------

    def number(self, mapping: dict[str, Any], key: str, location: Location) -> Decimal | None:
        value = mapping.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            return None  # absent, or not a number: the schema said so
        number = Decimal(value) if isinstance(value, int) else Decimal(str(value))
        if not number.is_finite():
            self.issue((*location, key), f"must be a number, not {value}.")
            return None
        return number

    def date(self, mapping: dict[str, Any], key: str, location: Location) -> dt.date | None:
        value = mapping.get(key)
        if not isinstance(value, str):
            return None
        try:
            if not _ISO_DAY.match(value):
                raise ValueError(value)
            return dt.date.fromisoformat(value)
        except ValueError:
            self.issue(
                (*location, key),
                f"'{value}' is not a date: write the day as YYYY-MM-DD, like 2026-10-01.",
            )
            return None

    # Sections -----------------------------------------------------------------------------

    def organization(self, root: dict[str, Any]) -> DocOrganization:
        spec = root.get("organization")
        spec = spec if isinstance(spec, dict) else {}
        language = spec.get("language")
        self.language = language if language in ("en", "it", "fr") else None
        return DocOrganization(
            slug=_text(spec, "slug"),
            name=_text(spec, "name"),
            language=self.language,
            place=self.place(("organization",)),
        )

    def cycle(self, root: dict[str, Any]) -> DocCycle:
        spec = root.get("cycle")
        spec = spec if isinstance(spec, dict) else {}
        start = self.date(spec, "start", ("cycle",))
        end = self.date(spec, "end", ("cycle",))
        if start and end and end <= start:
            self.issue(
                ("cycle", "end"),
                f"the cycle must end after it starts ({start.isoformat()}); 'end' is its last day.",
            )
        if start and end:
            self.cycle_days = (start, end)
        status = spec.get("status")
        return DocCycle(
            name=_text(spec, "name"),
            start=start or _NO_CYCLE[0],
            end=end or _NO_CYCLE[1],
            status=status if isinstance(status, str) else None,
            place=self.place(("cycle",)),
        )

    def teams(self, root: dict[str, Any]) -> tuple[DocTeam, ...]:
        teams: list[DocTeam] = []
        seen: dict[str, DocTeam] = {}
        for location, spec in _items(root.get("teams"), ("teams",)):
            ref = _ref(spec)
            if ref is None:
                continue
            parent = _ref(spec, "parent")
            team = DocTeam(
                ref=ref,
                name=_text(spec, "name"),
                parent=parent,
                kind=_choice(spec, "kind", "team" if parent else "company"),
                place=self.place(location),
            )
            if ref in seen:
                self.duplicate(location, ref, seen[ref].place, "teams")
                continue
            seen[ref] = team
            teams.append(team)
        self.check_team_parents(teams)
        return tuple(teams)

    def duplicate(self, location: Location, ref: str, first: Place, among: str) -> None:
        self.issue(
            (*location, "id"),
            f"the id '{ref}' is already used by {first.path} (line {first.line}); ids must be"
            f" unique among {among}.",
        )

    def unknown(self, location: Location, ref: str, what: str, known: list[str]) -> None:
        close = suggestion(ref, known)
        hint = f"did you mean '{close}'? " if close else ""
        listed = ", ".join(known[:12]) + (" …" if len(known) > 12 else "")
        self.issue(
            location,
            f"no {what} has the id '{ref}'; {hint}"
            + (f"The {what} ids in this file are: {listed}." if known else f"Add the {what}."),
        )

    def check_team_parents(self, teams: list[DocTeam]) -> None:
        by_ref = {team.ref: team for team in teams}
        for team in teams:
            if team.parent is not None and team.parent not in by_ref:
                location = (*team.place.location, "parent")
                self.unknown(location, team.parent, "team", list(by_ref))
        reported: set[str] = set()
        for team in teams:
            chain, current = [team.ref], by_ref[team.ref].parent
            while current in by_ref and current not in chain:
                chain.append(current)
                current = by_ref[current].parent
            if current == team.ref and team.ref not in reported:
                reported.update(chain)
                self.issues.append(
                    team.place.issue(
                        f"the teams form a loop: {' → '.join([*chain, team.ref])}. One of them"
                        " must sit under a team outside the loop, or have no parent.",
                        "parent",
                    )
                )

    def data_sources(self, root: dict[str, Any]) -> tuple[DocDataSource, ...]:
        data_sources: list[DocDataSource] = []
        seen: dict[str, Place] = {}
        for location, spec in _items(root.get("data_sources"), ("data_sources",)):
            ref, kind = _ref(spec), _text(spec, "kind")
            if ref is None:
                continue  # the schema said what is missing
            if ref in seen:
                self.duplicate(location, ref, seen[ref], "data sources")
                continue
            seen[ref] = self.place(location)
            if kind not in ("sql", "files"):
                continue  # the schema said so; its key results still find it
            self.check_data_source(spec, location, kind)
            data_source = DocDataSource(
                ref=ref,
                name=_text(spec, "name") or ref,
                kind=kind,
                url=_text(spec, "url"),
                path=resolved_path(_text(spec, "path"), self.tree.folder),
                **{key: _whole(spec, key, value) for key, value in DATA_SOURCE_DEFAULTS.items()},
                place=self.place(location),
            )
            data_sources.append(data_source)
        self.data_source_refs = list(seen)
        return tuple(data_sources)

    def check_data_source(self, spec: dict[str, Any], location: Location, kind: str) -> None:
        """Each kind has its own key: a database URL for sql, a path for files."""
        needed, other = ("url", "path") if kind == "sql" else ("path", "url")
        if needed not in spec:
            self.issue(
                (*location, needed),
                "'url' is missing: a sql data source needs a SQLAlchemy URL, like"
                " 'url: postgresql://reader@host/analytics', or 'url: ${WAREHOUSE_URL}' to read"
                " it from the environment of the worker."
                if kind == "sql"
                else "'path' is missing: a files data source needs a .csv or .parquet file or a"
                " pattern, like 'path: data/events-*.parquet' (relative to this file's folder).",
            )
        if other in spec:
            self.issue(
                (*location, other),
                f"a {kind} data source has no '{other}'; remove it, or write"
                f" 'kind: {'files' if kind == 'sql' else 'sql'}' if this is"
                f" {'files' if kind == 'sql' else 'a database'}.",
            )
        path = _text(spec, "path")
        if kind == "files" and path.startswith("~"):
            self.issue(
                (*location, "path"),
                f"'{path}': '~' is the home folder of whoever runs the worker; write the full"
                " path, or one relative to this file's folder.",
            )

    def source(self, spec: dict[str, Any], location: Location) -> DocSource | None:
        """A key result's ``source:``: a query on a data source of the file, or a built-in."""
        source = spec.get("source")
        if not isinstance(source, dict):
            return None
        location = (*location, "source")
        data_source, builtin = _ref(source, "data_source"), _text(source, "builtin")
        query = _text(source, "query").strip()
        if data_source is not None and builtin:
            self.issue(
                (*location, "builtin"),
                "a source is a query on a data source or a built-in metric, not both; remove"
                " 'builtin:' or 'data_source:'.",
            )
        elif data_source is None and not builtin:
            self.issue(
                (*location, "data_source"),
                "'data_source' is missing: a source is a query on a data source of the file"
                " ('data_source: events' and 'query: select …') or a built-in metric"
                " ('builtin: check_ins_on_time').",
            )
        elif data_source is not None:
            if data_source not in self.data_source_refs:
                self.unknown(
                    (*location, "data_source"), data_source, "data source", self.data_source_refs
                )
            written = source.get("query")
            # An empty or non-text query was reported by the schema.
            if not query and ("query" not in source or (isinstance(written, str) and written)):
                self.issue(
                    (*location, "query"),
                    "'query' is missing: write the SQL that returns the key result's value, like"
                    " 'query: select count(*) from events where day >= :cycle_start'.",
                )
        elif "query" in source:
            self.issue(
                (*location, "query"),
                f"the built-in metric '{builtin}' has no query; remove 'query:', or name a"
                " data source instead of 'builtin:'.",
            )
        return DocSource(
            data_source=data_source,
            query="" if builtin else query,
            builtin=builtin,
            schedule=_choice(source, "schedule", "daily"),
            place=self.place(location),
        )

    def objectives(self, root: dict[str, Any], teams: tuple[DocTeam, ...]) -> list[DocObjective]:
        team_refs = [team.ref for team in teams]
        objectives: list[DocObjective] = []
        seen: dict[str, Place] = {}
        key_results_seen: dict[str, Place] = {}
        for location, spec in _items(root.get("objectives"), ("objectives",)):
            ref, team = _ref(spec), _ref(spec, "team")
            if ref is None or team is None:
                continue
            if team not in team_refs:
                self.unknown((*location, "team"), team, "team", team_refs)
            if ref in seen:
                self.duplicate(location, ref, seen[ref], "objectives")
                continue
            key_results = tuple(self.key_results(spec, location, key_results_seen))
            objective = DocObjective(
                ref=ref,
                team=team,
                title=_text(spec, "title"),
                description=_text(spec, "description"),
                aligned_to=_ref(spec, "aligned_to"),
                contributes=spec.get("contributes") is True,
                commitment=_choice(spec, "commitment", "committed"),
                state=_choice(spec, "state", "active"),
                key_results=key_results,
                place=self.place(location),
            )
            seen[ref] = objective.place
            objectives.append(objective)
        self.check_alignment(objectives)
        return objectives

    def key_results(
        self, objective: dict[str, Any], location: Location, seen: dict[str, Place]
    ) -> Iterator[DocKeyResult]:
        for kr_location, spec in _items(objective.get("key_results"), (*location, "key_results")):
            ref = _ref(spec)
            if ref is None:
                continue
            if ref in seen:
                self.duplicate(kr_location, ref, seen[ref], "the key results of the file")
                continue
            key_result = self.key_result(spec, kr_location, ref)
            if key_result is not None:
                seen[ref] = key_result.place
                yield key_result

    def key_result(self, spec: dict[str, Any], location: Location, ref: str) -> DocKeyResult | None:
        kind = _choice(spec, "kind", "metric")
        title = _text(spec, "title")
        fields: dict[str, Any] = {
            "metric": _text(spec, "metric"),
            "unit": _text(spec, "unit"),
            "baseline": self.number(spec, "baseline", location),
            "target": self.number(spec, "target", location),
            "direction": _text(spec, "direction") or None,
            "deadline": self.date(spec, "deadline", location),
        }
        # Both numbers written: structured, the title is not read (exported files are like this).
        from_sentence = (
            kind == "metric" and bool(title) and None in (fields["baseline"], fields["target"])
        )
        if from_sentence:
            self.fill_from_sentence(fields, title, deadline_written="deadline" in spec)
        if fields["direction"] is None and kind == "metric":
            fields["direction"] = _direction_of(fields["baseline"], fields["target"])
        title = title or self.title_from_fields(kind, fields)
        if not title:
            self.issue(
                location,
                "a key result needs a title (a sentence, like 'Reduce refund rate from 0.5%"
                " to 0.2%') or a metric with its numbers (metric:, baseline:, target:).",
            )
            return None
        weight = self.number(spec, "weight", location)
        return DocKeyResult(
            ref=ref,
            title=title[:300],
            metric=fields["metric"][:200],
            unit=fields["unit"][:20],
            kind=kind,
            direction=fields["direction"],
            baseline=fields["baseline"],
            target=fields["target"],
            weight=Decimal(1) if weight is None else weight,
            deadline=fields["deadline"],
            chance_of_success=self.number(spec, "chance_of_success", location),
            initiatives=tuple(self.initiatives(spec, location)),
            place=self.place(location),
            from_sentence=from_sentence,
            source=self.source(spec, location),
        )

    def fill_from_sentence(
        self, fields: dict[str, Any], title: str, *, deadline_written: bool
    ) -> None:
        """Give every field the file leaves out the value the title's sentence says."""
        parsed = read_sentence(title, self.language)
        said: dict[str, Any] = {
            "metric": parsed.metric or "",
            "unit": parsed.unit or "",
            "baseline": parsed.baseline,
            "target": parsed.target,
            "direction": parsed.direction.value if parsed.direction else None,
            "deadline": None,
        }
        if parsed.deadline and not deadline_written:
            said["deadline"] = deadline_day(parsed.deadline, *self.cycle_days)
        for name, value in said.items():
            if fields[name] in (None, ""):
                fields[name] = value

    def title_from_fields(self, kind: str, fields: dict[str, Any]) -> str:
        """A title for a key result written only as fields: a sentence, else its metric."""
        metric, target, direction = fields["metric"], fields["target"], fields["direction"]
        if kind != "metric" or not metric or target is None or direction is None:
            return str(metric)
        return title_for(
            metric=metric,
            unit=fields["unit"],
            direction=direction,
            baseline=fields["baseline"],
            target=target,
            language=self.language,
        )

    def initiatives(
        self, key_result: dict[str, Any], location: Location
    ) -> Iterator[DocInitiative]:
        seen: dict[str, Place] = {}
        for item_location, spec in _items(
            key_result.get("initiatives"), (*location, "initiatives")
        ):
            ref = _ref(spec)
            if ref is None:
                continue
            initiative = DocInitiative(
                ref=ref,
                title=_text(spec, "title"),
                status=_choice(spec, "status", "planned"),
                link=_text(spec, "link"),
                place=self.place(item_location),
            )
            if ref in seen:
                self.duplicate(item_location, ref, seen[ref], "the initiatives of a key result")
                continue
            seen[ref] = initiative.place
            yield initiative

    def check_alignment(self, objectives: list[DocObjective]) -> None:
        owner = {kr.ref: o for o in objectives for kr in o.key_results}
        for objective in objectives:
            aligned = objective.aligned_to
            if aligned is None:
                continue
            location = (*objective.place.location, "aligned_to")
            if aligned not in owner:
                self.unknown(location, aligned, "key result", list(owner))
            elif owner[aligned].ref == objective.ref:
                self.issue(location, "an objective cannot serve one of its own key results.")
        reported: set[str] = set()
        for objective in objectives:
            chain, current = [objective.ref], objective
            while current.aligned_to in owner:
                current = owner[current.aligned_to]
                if current.ref in chain:
                    break
                chain.append(current.ref)
            if current.ref == objective.ref and len(chain) > 1 and objective.ref not in reported:
                reported.update(chain)
                self.issues.append(
                    objective.place.issue(
                        f"the objectives serve each other in a loop: {' → '.join([*chain, objective.ref])}."
                        " Alignment goes up the team tree: align the lower team's objective only.",
                        "aligned_to",
                    )
                )


def _direction_of(baseline: Decimal | None, target: Decimal | None) -> str | None:
    """The direction the numbers say: up or down (equal numbers say nothing)."""
    if baseline is None or target is None or baseline == target:
        return None
    return "increase" if target > baseline else "decrease"


def build_document(tree: Tree) -> Document:
    """Check ``tree`` and make it a Document; ExchangeError lists every structural problem."""
    builder = _Builder(tree)
    root = tree.value
    organization = builder.organization(root)
    cycle = builder.cycle(root)
    teams = builder.teams(root)
    data_sources = builder.data_sources(root)
    objectives = builder.objectives(root, teams)
    if builder.issues:
        raise ExchangeError(builder.issues)
    document = Document(
        file=tree.file,
        organization=organization,
        cycle=cycle,
        teams=teams,
        objectives=tuple(objectives),
        data_sources=data_sources,
    )
    return replace(document, incomplete=tuple(incomplete_issues(document)))
