"""The alignment tree page: nesting under key results, orphans, collapsing, filter, cost, isolation."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from okrs.goals import services as goals
from okrs.goals.models import Objective
from okrs.goals.tree import TreeObjective, alignment_tree, build_tree
from okrs.workspace import services as workspace
from okrs.workspace.models import Team
from okrs.workspace.permissions import Actor

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Element:
    """A parsed HTML element: enough of a DOM to check what is nested in what."""

    def __init__(self, tag: str, attrs: dict[str, str], parent: Element | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element] = []
        self.texts: list[str] = []

    def iter(self) -> Any:
        yield self
        for child in self.children:
            yield from child.iter()

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def find_all(
        self, tag: str | None = None, cls: str | None = None, **attrs: str
    ) -> list[Element]:
        return [
            e
            for e in self.iter()
            if (tag is None or e.tag == tag)
            and (cls is None or cls in e.classes())
            and all(e.attrs.get(k) == v for k, v in attrs.items())
        ]

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> Element:
        found = self.find_all(tag, cls, **attrs)
        assert found, f"no <{tag or '*'}> with class={cls} {attrs}"
        return found[0]

    def ancestors(self) -> list[Element]:
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain

    def text(self) -> str:
        return " ".join(" ".join(t for e in self.iter() for t in e.texts).split())


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.root = self.current = Element("#document", {}, None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Element(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.texts.append(data)


def parse(html: str) -> Element:
    builder = _Builder()
    builder.feed(html)
    return builder.root


def kr_href(key_result: Any) -> str:
    return f"/o/acme/key-results/{key_result.pk}/"


@pytest.fixture
def cascade(world: Any) -> dict[str, Any]:
    """Company → Product (department, serves the company KR) → Payments (serves Product's KR).

    Search gets an objective aligned to nothing.
    """
    system = Actor.system(world.org)
    product_objective = goals.objective_create(
        actor=system,
        cycle=world.cycle,
        team=world.product,
        title="Product earns repeat visits",
        parent_key_result=world.company_kr,
    )
    product_kr = goals.key_result_create(
        actor=system,
        objective=product_objective,
        title="Weekly returning cooks from 2k to 5k",
        baseline=2000,
        target=5000,
    )
    payments = workspace.team_create(actor=system, name="Payments", parent=world.product)
    payments_objective = goals.objective_create(
        actor=system,
        cycle=world.cycle,
        team=payments,
        title="Paying takes one tap",
        parent_key_result=product_kr,
        contributes=True,
    )
    goals.key_result_create(
        actor=system,
        objective=payments_objective,
        title="One-tap payments from 0% to 60%",
        unit="%",
        baseline=0,
        target=60,
    )
    orphan = goals.objective_create(
        actor=system, cycle=world.cycle, team=world.search, title="Search feels instant"
    )
    goals.key_result_create(
        actor=system, objective=orphan, title="p95 latency from 900 to 300 ms", baseline=900,
        target=300, direction="decrease", unit="ms",
    )  # fmt: skip
    return {
        "product_objective": product_objective,
        "product_kr": product_kr,
        "payments": payments,
        "payments_objective": payments_objective,
        "orphan": orphan,
    }


def node_of(document: Element, objective: Objective) -> Element:
    return document.find("li", id=f"objective-{objective.pk}")


def served_key_result(node: Element) -> str:
    """The link of the key result a tree node hangs under."""
    kr_item = next(e for e in node.ancestors() if "tree-kr" in e.classes())
    line = next(c for c in kr_item.children if "tree-kr-line" in c.classes())
    return line.find("a", cls="tree-kr-title").attrs["href"]


def test_child_objectives_hang_under_the_key_result_they_serve(world, cascade, browser_client):
    response = browser_client("viewer").get("/o/acme/tree/")
    assert response.status_code == 200
    document = parse(response.text)
    company = node_of(document, world.company_objective)
    product = node_of(document, cascade["product_objective"])
    checkout = node_of(document, world.objective)
    payments = node_of(document, cascade["payments_objective"])
    assert served_key_result(product) == kr_href(world.company_kr)
    assert served_key_result(checkout) == kr_href(world.company_kr)
    assert served_key_result(payments) == kr_href(cascade["product_kr"])  # two levels down
    assert company in product.ancestors() and product in payments.ancestors()
    assert company.parent is not None and "tree-level" in company.parent.classes()  # top level
    # Each objective is shown once, with its key results as progress bars with a pace marker.
    assert response.text.count(f'id="objective-{world.objective.pk}"') == 1
    kr_line = checkout.find("div", cls="tree-kr-line")
    assert "Cut checkout abandonment from 40% to 20%" in kr_line.text()
    assert kr_line.find("div", cls="progress").find("span", cls="pace")
    assert kr_line.find("span", cls="pill")


def test_orphans_are_marked_and_grouped_with_their_team_path(world, cascade, browser_client):
    document = parse(browser_client("viewer").get("/o/acme/tree/").text)
    orphans = document.find("section", cls="tree-orphans")
    assert "Aligned to nothing" in orphans.find("h2").text()
    orphan = node_of(document, cascade["orphan"])
    assert orphans in orphan.ancestors()
    assert "is-orphan" in orphan.classes()
    assert orphan.find("span", cls="badge-orphan")
    # Listed where it belongs in the team tree: Acme, then Product, then Search.
    assert (
        orphan.find("span", cls="tree-team").text().startswith("Acme \u203a Product \u203a Search")
    )
    # The company objective is the top of the tree, not an orphan; aligned ones are not either.
    for aligned in (world.company_objective, world.objective, cascade["payments_objective"]):
        node = node_of(document, aligned)
        assert orphans not in node.ancestors()
        assert "is-orphan" not in node.classes()


def test_a_contributing_child_shows_that_it_feeds_the_parent(world, cascade, browser_client):
    document = parse(browser_client("viewer").get("/o/acme/tree/").text)
    payments = node_of(document, cascade["payments_objective"])
    summary = payments.find("summary")
    assert "Progress feeds the key result above" in summary.text()
    product = node_of(document, cascade["product_objective"])  # aligned, but does not feed
    assert "Progress feeds the key result above" not in product.find("summary").text()
    product_kr_line = payments.parent.parent.find("div", cls="tree-kr-line")  # type: ignore[union-attr]
    assert "rolled up from 1 objective below" in product_kr_line.text()


def test_tree_is_collapsible_with_expand_and_collapse_all(world, cascade, browser_client):
    document = parse(browser_client("viewer").get("/o/acme/tree/").text)
    node = node_of(document, world.company_objective)
    details = node.find("details", cls="tree-objective")
    assert details.children[0].tag == "summary"
    assert "open" in details.attrs  # a small tree starts open
    actions = {b.attrs["data-tree-action"] for b in document.find_all("button")
               if "data-tree-action" in b.attrs}  # fmt: skip
    assert actions == {"expand", "collapse"}


def walk(nodes: list[TreeObjective]) -> Iterator[TreeObjective]:
    for node in nodes:
        yield node
        for kr in node.key_results:
            yield from walk(kr.children)


def test_big_trees_start_collapsed_below_the_departments(world, cascade):
    tree = alignment_tree(actor=world.actor("viewer"), cycle=world.cycle)
    nodes = list(walk(tree.roots + tree.orphans))
    assert len(nodes) == 5 and all(node.open for node in nodes)  # a small tree is all open
    roots, _ = build_tree([node.row for node in nodes], teams=tree.teams, small_tree=0)
    shown = {node.objective.pk: (node.depth, node.open) for node in walk(roots)}
    assert shown[world.company_objective.pk] == (0, True)
    assert shown[cascade["product_objective"].pk] == (1, True)
    assert shown[cascade["payments_objective"].pk] == (2, False)


def test_team_filter_keeps_the_subtree_and_says_what_the_top_serves(world, cascade, browser_client):
    client = browser_client("viewer")
    response = client.get(f"/o/acme/tree/?team={world.search.pk}")
    assert response.status_code == 200
    assert "Search feels instant" in response.text
    assert "Home cooks trust us" not in response.text
    assert "Make reordering effortless" not in response.text

    document = parse(client.get(f"/o/acme/tree/?team={world.product.pk}").text)
    assert not document.find_all("li", id=f"objective-{world.company_objective.pk}")
    product = node_of(document, cascade["product_objective"])
    assert product.parent is not None and "tree-level" in product.parent.classes()
    serves = [a.attrs["href"] for a in product.find("summary").find_all("a")]
    assert kr_href(world.company_kr) in serves  # what it serves above this view
    assert served_key_result(node_of(document, cascade["payments_objective"])) == kr_href(
        cascade["product_kr"]
    )


def test_tree_links_to_team_pages_and_key_results(world, cascade, browser_client):
    body = browser_client("viewer").get("/o/acme/tree/").text
    assert f'href="/o/acme/teams/{world.checkout.pk}/?cycle={world.cycle.pk}"' in body
    assert f'href="/o/acme/teams/{cascade["payments"].pk}/?cycle={world.cycle.pk}"' in body
    assert f'href="{kr_href(world.key_result)}"' in body


def test_cancelled_objectives_are_left_out_and_idle_teams_listed(world, cascade, browser_client):
    goals.objective_update(
        actor=Actor.system(world.org), objective=cascade["orphan"], state="cancelled"
    )
    document = parse(browser_client("viewer").get("/o/acme/tree/").text)
    assert not document.find_all("li", id=f"objective-{cascade['orphan'].pk}")
    assert not document.find_all("section", cls="tree-orphans")
    idle = document.find("details", cls="tree-idle")
    assert "Search" in idle.text()


def test_an_alignment_loop_is_cut_instead_of_followed(world, browser_client):
    # Services refuse loops; an old row written around them must still render, once each.
    Objective.objects.filter(pk=world.company_objective.pk).update(
        parent_key_result=world.key_result
    )
    response = browser_client("viewer").get("/o/acme/tree/")
    assert response.status_code == 200
    assert response.text.count(f'id="objective-{world.company_objective.pk}"') == 1
    assert response.text.count(f'id="objective-{world.objective.pk}"') == 1


def test_htmx_filter_gets_only_the_tree(world, cascade, browser_client):
    response = browser_client("viewer").get(
        f"/o/acme/tree/?team={world.product.pk}", headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="alignment-tree"' in response.text


def test_nav_links_to_the_tree(world, browser_client):
    body = browser_client("viewer").get("/o/acme/").text
    assert 'href="/o/acme/tree/"' in body


def test_signed_out_visitors_are_sent_to_sign_in(world):
    response = Client().get("/o/acme/tree/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_tree_isolation(world, browser_client):
    assert browser_client("outsider").get("/o/acme/tree/").status_code == 404
    viewer = browser_client("viewer")
    other_team = world.other_objective.team_id
    assert viewer.get(f"/o/acme/tree/?team={other_team}").status_code == 404
    assert viewer.get(f"/o/acme/tree/?cycle={world.other_cycle.pk}").status_code == 404
    body = browser_client("outsider").get("/o/globex/tree/").text
    assert "Globex wins" in body
    assert "Home cooks trust us" not in body


def grow(world: Any, teams: int) -> None:
    """Add departments with teams below them, each with an aligned objective and check-ins."""
    system = Actor.system(world.org)
    for d in range(max(1, teams // 5)):
        department = workspace.team_create(
            actor=system, name=f"Dept {d}", kind=Team.Kind.DEPARTMENT, parent=world.company
        )
        dep_objective = goals.objective_create(
            actor=system, cycle=world.cycle, team=department, title=f"Dept objective {d}",
            parent_key_result=world.company_kr, contributes=True,
        )  # fmt: skip
        dep_kr = goals.key_result_create(
            actor=system, objective=dep_objective, title=f"Dept KR {d}", baseline=0, target=10
        )
        for t in range(4):
            team = workspace.team_create(actor=system, name=f"Team {d}.{t}", parent=department)
            objective = goals.objective_create(
                actor=system, cycle=world.cycle, team=team, title=f"Team objective {d}.{t}",
                parent_key_result=dep_kr if t % 3 else None, contributes=bool(t % 3),
            )  # fmt: skip
            for k in range(3):
                kr = goals.key_result_create(
                    actor=system, objective=objective, title=f"KR {d}.{t}.{k}", baseline=0,
                    target=10,
                )  # fmt: skip
                goals.key_result_check_in(actor=system, key_result=kr, value=k + 1)


def test_tree_queries_do_not_grow_with_teams_objectives_and_check_ins(world, browser_client):
    client = browser_client("viewer")

    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few, few_filtered = count("/o/acme/tree/"), count(f"/o/acme/tree/?team={world.product.pk}")
    grow(world, teams=25)
    assert count("/o/acme/tree/") == few
    assert count(f"/o/acme/tree/?team={world.product.pk}") == few_filtered
    assert few <= 16 and few_filtered <= 17
