"""Export one organization's cycle as an OKRs-as-code file that ``okrs import`` reads back.

The output is deterministic, so that export → import → export gives the same bytes: teams as a
tree (depth first, by name), objectives by team in that order then by creation, key results by
position, initiatives by creation; key results always with their structured fields (the title
is never re-read); numbers without trailing zeros; dates as YYYY-MM-DD.

Data sources are written with ``${NAME}`` as stored and a password never: a URL that holds one
is written with ``***`` in its place, which ``okrs import`` reads as "keep the stored password".
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

import yaml

from okrs.coach.numbers import format_decimal
from okrs.exchange.document import DATA_SOURCE_DEFAULTS
from okrs.exchange.sources import url_for_file
from okrs.goals.models import Cycle, Initiative, KeyResult, Objective
from okrs.metrics.models import DataSource, MetricDefinition
from okrs.workspace.models import Organization, Team

HEADER = "# OKRs as code: 'okrs import FILE' reads this file back (format: docs/yaml-format.md).\n"


class _Dumper(yaml.SafeDumper):
    """Block style, lists indented under their key, numbers exact, long text on one line."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = format_decimal(value)
    tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
    return dumper.represent_scalar(tag, text)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(Decimal, _decimal)
_Dumper.add_representer(str, _text)


def default_cycle(organization: Organization) -> Cycle | None:
    """The cycle exported when none is named: the active one, else the newest."""
    cycles = Cycle.objects.filter(organization=organization).order_by("-start", "-id")
    return cycles.filter(status=Cycle.Status.ACTIVE).first() or cycles.first()


def _team_tree(organization: Organization) -> list[Team]:
    """Every team of the organization, depth first, siblings by name."""
    children: dict[int | None, list[Team]] = defaultdict(list)
    for team in (
        Team.objects.filter(organization=organization)
        .select_related("parent")
        .order_by("name", "id")
    ):
        children[team.parent_id].append(team)
    ordered: list[Team] = []

    def visit(parent_id: int | None) -> None:
        for team in children.get(parent_id, []):
            ordered.append(team)
            visit(team.pk)

    visit(None)
    return ordered


def _team(team: Team) -> dict[str, Any]:
    data: dict[str, Any] = {"id": team.ref, "name": team.name, "kind": team.kind}
    if team.parent is not None:
        data["parent"] = team.parent.ref
    return data


def _data_source(data_source: DataSource) -> dict[str, Any]:
    data: dict[str, Any] = {"id": data_source.ref}
    if data_source.name != data_source.ref:
        data["name"] = data_source.name
    data["kind"] = data_source.kind
    if data_source.kind == DataSource.Kind.SQL:
        data["url"] = url_for_file(data_source.url)  # never a password
    else:
        data["path"] = data_source.path
    for name, default in DATA_SOURCE_DEFAULTS.items():
        if getattr(data_source, name) != default:
            data[name] = getattr(data_source, name)
    return data


def _source(metric: MetricDefinition) -> dict[str, Any]:
    if metric.builtin:
        return {"builtin": metric.builtin, "schedule": metric.schedule}
    assert metric.data_source is not None  # a query or a built-in: the table's constraint
    return {
        "data_source": metric.data_source.ref,
        "query": metric.query,
        "schedule": metric.schedule,
    }


def _key_result(
    key_result: KeyResult, initiatives: list[Initiative], metric: MetricDefinition | None = None
) -> dict[str, Any]:
    data: dict[str, Any] = {"id": key_result.ref, "title": key_result.title}
    if key_result.metric:
        data["metric"] = key_result.metric
    if key_result.unit:
        data["unit"] = key_result.unit
    data["kind"] = key_result.kind
    if key_result.kind == KeyResult.Kind.METRIC:
        data["direction"] = key_result.direction
        data["baseline"] = key_result.baseline
        data["target"] = key_result.target
    if key_result.weight != 1:
        data["weight"] = key_result.weight
    if key_result.deadline is not None:
        data["deadline"] = key_result.deadline
    if key_result.chance_of_success is not None:
        data["chance_of_success"] = key_result.chance_of_success
    if metric is not None:
        data["source"] = _source(metric)
    if initiatives:
        data["initiatives"] = [_initiative(initiative) for initiative in initiatives]
    return data


def _initiative(initiative: Initiative) -> dict[str, Any]:
    data: dict[str, Any] = {"id": initiative.ref, "title": initiative.title}
    data["status"] = initiative.status
    if initiative.link:
        data["link"] = initiative.link
    return data


def _objective(objective: Objective, key_results: list[dict[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": objective.ref,
        "team": objective.team.ref,
        "title": objective.title,
    }
    if objective.description:
        data["description"] = objective.description
    if objective.parent_key_result is not None:
        data["aligned_to"] = objective.parent_key_result.ref
    if objective.contributes:
        data["contributes"] = True
    if objective.commitment != Objective.Commitment.COMMITTED:
        data["commitment"] = objective.commitment
    if objective.state != Objective.State.ACTIVE:
        data["state"] = objective.state
    if key_results:
        data["key_results"] = key_results
    return data


def export_data(organization: Organization, cycle: Cycle) -> dict[str, Any]:
    """The file's content as plain values, in the order it is written."""
    teams = _team_tree(organization)
    team_order = {team.pk: index for index, team in enumerate(teams)}
    objectives = sorted(
        Objective.objects.filter(cycle=cycle).select_related("team", "parent_key_result"),
        key=lambda o: (team_order.get(o.team_id, len(team_order)), o.pk),
    )
    initiatives: dict[int, list[Initiative]] = defaultdict(list)
    for initiative in Initiative.objects.filter(key_result__objective__cycle=cycle).order_by("id"):
        initiatives[initiative.key_result_id].append(initiative)
    metrics = {
        metric.key_result_id: metric
        for metric in MetricDefinition.objects.filter(
            key_result__objective__cycle=cycle
        ).select_related("data_source")
    }
    key_results: dict[int, list[dict[str, Any]]] = defaultdict(list)
    rows = KeyResult.objects.filter(objective__cycle=cycle).order_by("objective", "position", "id")
    for key_result in rows:
        key_results[key_result.objective_id].append(
            _key_result(key_result, initiatives[key_result.pk], metrics.get(key_result.pk))
        )
    data_sources = list(DataSource.objects.filter(organization=organization).order_by("ref"))
    return {
        "version": 1,
        "organization": {
            "slug": organization.slug,
            "name": organization.name,
            "language": organization.language,
        },
        "cycle": {
            "name": cycle.name,
            "start": cycle.start,
            "end": cycle.end,
            "status": cycle.status,
        },
        "teams": [_team(team) for team in teams],
        # Every source of the organization, like every team: a file names the ones it uses.
        **({"data_sources": [_data_source(d) for d in data_sources]} if data_sources else {}),
        "objectives": [_objective(o, key_results[o.pk]) for o in objectives],
    }


def export_cycle(organization: Organization, cycle: Cycle) -> str:
    """``cycle`` of ``organization`` as YAML text in the OKRs-as-code format."""
    text = yaml.dump(
        export_data(organization, cycle),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100_000,
    )
    return HEADER + text
