"""`okrs benchmark lint`: how long the coach takes over a large organization's plan.

The plan is generated: objectives of 5 key results each, spread over teams in a tree, with
distinct sentences in English, Italian and French (good ones, activities, vanity totals,
missing targets …) so that every rule has work to do and no result can be reused. The figure
kept is the best of a few runs, as for any micro-benchmark; docs/benchmarks.md has the latest.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from decimal import Decimal

from okrs.coach.plan import Plan, PlanCycle, PlanKeyResult, PlanObjective, PlanTeam

_TEMPLATES = {
    "en": (
        "Increase {metric} from {a}% to {b}% by Q{q}",
        "Reduce {metric} from {c} to {d} days",
        "Keep {metric} under {a}%",
        "Launch the {thing} for {who}",
        "Run {n} A/B tests on the {thing}",
        "Grow total registered {who} to {k}k",
        "Increase monthly logins of {who} from {k}k to {k2}k",
        "Improve {metric} for {who}",
        "Raise {metric} among {who} from {c} to {d}",
    ),
    "it": (
        "Aumentare {metric} dal {a}% al {b}% entro il Q{q}",
        "Ridurre {metric} da {d} a {c} giorni",
        "Mantenere {metric} sotto il {a}%",
        "Lanciare il {thing} per {who}",
        "Completare {n} sessioni di ricerca con {who}",
        "Raggiungere {k} mila download totali",
        "Aumentare le visite di {who} da {k} mila a {k2} mila",
        "Migliorare {metric} per {who}",
    ),
    "fr": (
        "Faire passer {metric} de {a} % à {b} % d'ici fin mars",
        "Réduire {metric} de {d} à {c} jours",
        "Maintenir {metric} sous {a} %",
        "Lancer le {thing} pour {who}",
        "Effectuer {n} tests A/B sur le {thing}",
        "Atteindre {k} 000 téléchargements cumulés",
        "Augmenter les visites des {who} de {k} 000 à {k2} 000",
        "Améliorer {metric} des {who}",
    ),
}
_METRICS = {
    "en": ("90-day retention", "refund rate", "trial conversion", "time to first value", "NPS"),
    "it": ("la retention a 90 giorni", "il tasso di rimborso", "la conversione", "il churn"),
    "fr": ("la rétention à 90 jours", "le taux de remboursement", "la conversion", "le churn"),
}
_THINGS = ("onboarding", "checkout", "editor", "planner", "dashboard", "reports", "replays")
_WHO = ("coaches", "clubs", "parents", "players", "buyers", "sellers", "agencies", "teams")


def generated_plan(key_results: int, *, seed: int = 7) -> Plan:
    """A plan with ``key_results`` distinct key results, 5 per objective, one objective a team."""
    rng = random.Random(seed)
    objectives: list[PlanObjective] = []
    teams = [PlanTeam(ref="company", name="Company", path="teams[0]")]
    seen: set[str] = set()
    count = (key_results + 4) // 5
    for index in range(count):
        team = PlanTeam(ref=f"team-{index}", name=f"Team {index}", parent="company")
        teams.append(team)
        items: list[PlanKeyResult] = []
        while len(items) < min(5, key_results - 5 * index):
            lang = rng.choice(("en", "it", "fr"))
            sentence = rng.choice(_TEMPLATES[lang]).format(
                metric=rng.choice(_METRICS[lang]),
                thing=rng.choice(_THINGS),
                who=rng.choice(_WHO),
                a=rng.randint(2, 49),
                b=rng.randint(50, 95),
                c=rng.randint(1, 9),
                d=rng.randint(10, 60),
                n=rng.randint(2, 40),
                k=rng.randint(10, 900),
                k2=rng.randint(901, 2000),
                q=rng.randint(1, 4),
            )
            sentence = f"{sentence} ({index}.{len(items)})" if sentence in seen else sentence
            seen.add(sentence)
            path = f"objectives[{index}].key_results[{len(items)}]"
            items.append(PlanKeyResult(ref=f"kr-{index}-{len(items)}", title=sentence, path=path))
        objectives.append(
            PlanObjective(
                ref=f"o-{index}",
                team=team.ref,
                title=f"Make planning effortless for team {index}",
                key_results=tuple(items),
                aligned_to=None if index % 3 else "kr-0-0",
                path=f"objectives[{index}]",
            )
        )
    cycle = PlanCycle(name="2026-Q4", start=dt.date(2026, 10, 1), end=dt.date(2026, 12, 31))
    return Plan(teams=tuple(teams), objectives=tuple(objectives), cycle=cycle, language="en")


def run_lint_benchmark(*, key_results: int, repeat: int) -> str:
    """Time ``lint_plan`` (and rendering the findings in English) and describe the result."""
    from okrs.coach.linting import lint_plan, render

    plan = generated_plan(key_results)
    timings, rendered = [], 0
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        findings = lint_plan(plan)
        rendered = len(render(findings, "en"))
        timings.append(time.perf_counter() - started)
    best = min(timings)
    per = Decimal(best * 1_000_000 / key_results).quantize(Decimal("0.1"))
    return "\n".join(
        [
            f"linted {key_results:,} key results in {len(plan.objectives):,} objectives "
            f"({rendered:,} findings, rendered in English)",
            f"best of {len(timings)}: {best:.3f} s ({per} µs per key result); "
            f"all runs: {', '.join(f'{t:.3f}' for t in timings)} s",
            f"goal: under 2 s for 20,000 key results on one core -> "
            f"{'met' if best * 20_000 / key_results < 2 else 'NOT met'}",
        ]
    )
