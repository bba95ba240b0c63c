"""API: who am I, and the organization's teams."""

from __future__ import annotations

from typing import Literal

from ninja import Query, Schema, Status
from pydantic import Field

from okrs.lib.pagination import PageParams, page_of
from okrs.lib.queries import get_or_404
from okrs.lib.routers import ApiRouter
from okrs.lib.schemas import PageOut, PatchIn, StrictIn
from okrs.workspace import services
from okrs.workspace.models import Team
from okrs.workspace.permissions import ActorRequest
from okrs.workspace.selectors import teams_for

router = ApiRouter(tags=["workspace"])

TeamKind = Literal["company", "department", "team"]


class MeOut(Schema):
    username: str
    organization: str
    role: str
    team_ids: list[int]


class TeamOut(Schema):
    id: int
    ref: str = Field(description="Stable id used by OKRs-as-code files (read-only).")
    name: str
    kind: TeamKind
    parent: int | None


class TeamPage(PageOut):
    items: list[TeamOut]


class TeamIn(StrictIn):
    name: str = Field(min_length=1, max_length=200)
    kind: TeamKind = "team"
    parent: int | None = None


class TeamPatch(PatchIn):
    nullable = frozenset({"parent"})

    name: str | None = Field(None, min_length=1, max_length=200)
    kind: TeamKind | None = None
    parent: int | None = None


def team_out(team: Team) -> dict[str, object]:
    return {
        "id": team.pk,
        "ref": team.ref,
        "name": team.name,
        "kind": team.kind,
        "parent": team.parent_id,
    }


@router.get("/me", response=MeOut, summary="The user and organization behind the token")
def me(request: ActorRequest) -> dict[str, object]:
    actor = request.auth
    return {
        "username": actor.user.get_username(),
        "organization": actor.organization.slug,
        "role": actor.role,
        "team_ids": sorted(actor.team_ids),
    }


@router.get("/teams", response=TeamPage)
def team_list(request: ActorRequest, page: Query[PageParams]) -> dict[str, object]:
    rows, envelope = page_of(teams_for(actor=request.auth).order_by("name", "id"), page)
    return {**envelope, "items": [team_out(t) for t in rows]}


@router.get("/teams/{team_id}", response=TeamOut)
def team_detail(request: ActorRequest, team_id: int) -> dict[str, object]:
    return team_out(get_or_404(teams_for(actor=request.auth), team_id))


@router.post("/teams", response={201: TeamOut})
def team_create(request: ActorRequest, payload: TeamIn) -> Status[dict[str, object]]:
    actor = request.auth
    parent = None if payload.parent is None else get_or_404(teams_for(actor=actor), payload.parent)
    team = services.team_create(actor=actor, name=payload.name, kind=payload.kind, parent=parent)
    return Status(201, team_out(team))


@router.patch("/teams/{team_id}", response=TeamOut)
def team_update(request: ActorRequest, team_id: int, payload: TeamPatch) -> dict[str, object]:
    actor = request.auth
    team = get_or_404(teams_for(actor=actor), team_id)
    changes = payload.model_dump(exclude_unset=True)
    if "parent" in changes and changes["parent"] is not None:
        changes["parent"] = get_or_404(teams_for(actor=actor), changes["parent"])
    return team_out(services.team_update(actor=actor, team=team, **changes))


@router.delete("/teams/{team_id}", response={204: None})
def team_delete(request: ActorRequest, team_id: int) -> Status[None]:
    actor = request.auth
    services.team_delete(actor=actor, team=get_or_404(teams_for(actor=actor), team_id))
    return Status(204, None)
