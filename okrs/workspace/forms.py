"""Forms of the workspace pages: they collect and type input; the services apply the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from okrs.lib.forms import INDENT, ScopedChoiceField
from okrs.workspace.models import Team
from okrs.workspace.permissions import Actor
from okrs.workspace.selectors import memberships_for, team_subtree_ids, team_tree


def person_name(user: Any) -> str:
    """How a person is named in a list: their full name and login, or the login alone."""
    full = user.get_full_name()
    return f"{full} ({user.get_username()})" if full else user.get_username()


class TeamForm(forms.Form):
    """Name, kind and place in the tree of a team."""

    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Team.Kind.choices, initial=Team.Kind.TEAM)
    parent = ScopedChoiceField(
        label=_("Parent team"),
        required=False,
        empty_label=_("None: top of the tree"),
        help_text=_("The team this one belongs to. Its objectives can serve that team's."),
    )

    def __init__(self, *args: Any, actor: Actor, team: Team | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        tree = team_tree(actor=actor)
        # A team cannot move under itself or one of its sub-teams: those are not offered.
        below = team_subtree_ids(tree, team.pk) if team is not None else set()
        parent = self.fields["parent"]
        assert isinstance(parent, ScopedChoiceField)
        parent.set_objects((t, INDENT * depth + t.name) for t, depth in tree if t.pk not in below)


class TeamMemberForm(forms.Form):
    """Put a person of the organization in a team."""

    user = ScopedChoiceField(label=_("Person"), empty_label=_("Choose a person"))
    is_lead = forms.BooleanField(
        label=_("Leads the team"),
        required=False,
        help_text=_(
            "A lead sets the team's objectives when their role in the organization is team lead."
        ),
    )

    def __init__(self, *args: Any, actor: Actor, team: Team, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        already = set(team.team_members.values_list("user_id", flat=True))
        people = sorted(
            (m.user for m in memberships_for(actor=actor) if m.user_id not in already),
            key=lambda user: person_name(user).lower(),
        )
        user = self.fields["user"]
        assert isinstance(user, ScopedChoiceField)
        user.set_objects((person, person_name(person)) for person in people)
