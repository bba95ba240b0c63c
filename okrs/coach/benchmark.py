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
from dataclasses import replace
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
# Objective titles, good and weak, without digits (a digit would be a finding of its own).
_OBJECTIVES = (
    "Make the {thing} effortless for {who}",
    "Help {who} trust our {thing}",
    "Become the market leader for {who}",
    "Build a new {thing} for {who}",
    "Rendere il {thing} semplice per i {who}",
    "Faire du {thing} un plaisir pour les {who}",
)
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
            if sentence in seen:
                continue  # draw again: a real plan does not repeat a key result
            seen.add(sentence)
            path = f"objectives[{index}].key_results[{len(items)}]"
            items.append(PlanKeyResult(ref=f"kr-{index}-{len(items)}", title=sentence, path=path))
        objectives.append(
            PlanObjective(
                ref=f"o-{index}",
                team=team.ref,
                title=rng.choice(_OBJECTIVES).format(
                    thing=rng.choice(_THINGS), who=rng.choice(_WHO)
                ),
                key_results=tuple(items),
                aligned_to=None if index % 3 else "kr-0-0",
                path=f"objectives[{index}]",
            )
        )
    cycle = PlanCycle(name="2026-Q4", start=dt.date(2026, 10, 1), end=dt.date(2026, 12, 31))
    return Plan(teams=tuple(teams), objectives=tuple(objectives), cycle=cycle, language="en")


def structured(plan: Plan) -> Plan:
    """The same plan with each key result's metric, numbers and direction in their own fields,
    as the database and most OKRs-as-code files hold them: the sentence is then not parsed."""
    from okrs.coach.parsing import parse_key_result

    def fields(item: PlanKeyResult) -> PlanKeyResult:
        parsed = parse_key_result(item.title)
        if parsed.target is None:
            return item
        direction = parsed.direction.value if parsed.direction else "increase"
        return replace(
            item,
            metric=parsed.metric,
            baseline=parsed.baseline if parsed.baseline is not None else Decimal(0),
            target=parsed.target,
            direction=direction,  # type: ignore[arg-type]
        )

    objectives = tuple(
        replace(o, key_results=tuple(fields(kr) for kr in o.key_results)) for o in plan.objectives
    )
    return replace(plan, objectives=objectives)


def reference_seconds() -> float:
    """A fixed pure-Python workload (10 million additions), to compare machines: the lint's
    figures scale with it."""
    started = time.perf_counter()
    total = 0
    for number in range(10_000_000):
        total += number
    return time.perf_counter() - started


def _best_of(plan: Plan, repeat: int) -> tuple[float, list[float], int]:
    from okrs.coach.linting import lint_plan, render

    timings, rendered = [], 0
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        rendered = len(render(lint_plan(plan), "en"))
        timings.append(time.perf_counter() - started)
    return min(timings), timings, rendered


def run_lint_benchmark(*, key_results: int, repeat: int) -> str:
    """Time ``lint_plan`` and rendering the findings in English, on sentences and on structured
    key results, and print the machine's reference time next to them."""
    from okrs.coach.linting import lint_plan

    lint_plan(generated_plan(30, seed=1))  # compile every language's patterns before timing
    plan = generated_plan(key_results)
    lines = [
        f"plan: {key_results:,} distinct key results in {len(plan.objectives):,} objectives,"
        " English, Italian and French"
    ]
    best = 0.0
    for label, variant in (("sentences only", plan), ("structured fields", structured(plan))):
        seconds, timings, rendered = _best_of(variant, repeat)
        best = seconds if variant is plan else best
        per = Decimal(seconds * 1_000_000 / key_results).quantize(Decimal("0.1"))
        lines.append(
            f"{label:<18} best of {len(timings)}: {seconds:.3f} s ({per} µs per key result, "
            f"{rendered:,} findings); all runs: {', '.join(f'{t:.3f}' for t in timings)} s"
        )
    reference = min(reference_seconds() for _ in range(3))
    lines += [
        f"machine: reference loop (10 million additions in Python) {reference:.3f} s",
        f"goal: under 2 s for 20,000 key results written as sentences, on one core -> "
        f"{'met' if best * 20_000 / key_results < 2 else 'NOT met'} on this machine",
    ]
    return "\n".join(lines)
